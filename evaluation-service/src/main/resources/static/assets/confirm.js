// Buttons whose step cannot be undone (recording a branch meeting, opening a campaign, merging or dissolving a unit) ask first,
// as "Gửi" does on a task (task-form.js): a button with data-confirm="<dialog id>" opens that native <dialog> (focus
// stays inside it, Escape closes it); its [data-confirm-yes] button, inside the same form, submits; [data-confirm-no]
// closes it and nothing is sent. Without JavaScript the dialog stays closed and the button posts as before.
(function () {
  Array.prototype.forEach.call(document.querySelectorAll('button[data-confirm]'), function (button) {
    var dialog = document.getElementById(button.getAttribute('data-confirm'));
    if (!dialog || typeof dialog.showModal !== 'function') {
      return;
    }
    var yes = dialog.querySelector('[data-confirm-yes]');
    var no = dialog.querySelector('[data-confirm-no]');
    button.addEventListener('click', function (event) {
      event.preventDefault();
      dialog.showModal();
      yes.focus();
    });
    no.addEventListener('click', function () {
      dialog.close();
      button.focus();
    });
  });
})();
