// The task form of the people's pages: "Gửi" cannot be undone, so it first asks in a native <dialog> (focus stays
// inside it, Escape closes it); the error summary takes the focus. Without JavaScript the form posts as before.
(function () {
  var summary = document.getElementById('form-errors');
  if (summary) {
    if (summary.hasAttribute('autofocus')) {
      summary.focus();
    }
    // a link of the summary takes the focus to its field, not only the view (a fragment alone only scrolls)
    Array.prototype.forEach.call(summary.querySelectorAll('a[href^="#"]'), function (link) {
      link.addEventListener('click', function (event) {
        var field = document.getElementById(link.getAttribute('href').substring(1));
        if (field) {
          event.preventDefault();
          field.scrollIntoView({block: 'center'});
          field.focus();
        }
      });
    });
  }
  // the quota's confirmation belongs to an approval of EXCELLENT only: it follows the level chosen
  var quota = document.getElementById('quota-confirmation');
  var level = document.getElementById('decidedLevel');
  if (quota && level) {
    level.addEventListener('change', function () {
      quota.hidden = level.value !== 'EXCELLENT';
    });
  }
  var submit = document.getElementById('submit');
  var dialog = document.getElementById('confirm-dialog');
  if (!submit || !dialog || typeof dialog.showModal !== 'function') {
    return;
  }
  submit.addEventListener('click', function (event) {
    event.preventDefault();
    dialog.showModal();
    document.getElementById('confirm-submit').focus();
  });
  document.getElementById('confirm-cancel').addEventListener('click', function () {
    dialog.close();
    submit.focus();
  });
})();
