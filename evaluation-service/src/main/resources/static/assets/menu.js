// The top menu on a phone (app.css, at most 640 px wide): folded behind the "Danh mục" button, which opens it as a
// list under the header and closes it; Escape closes it and gives the focus back to the button. Wider screens show the
// menu as it is and never the button. Loaded right after the menu (no inline script: the Content-Security-Policy
// forbids it), so the folded menu never flashes open; without JavaScript the menu's items wrap into rows.
(function () {
  var toggle = document.getElementById('menu-toggle');
  var menu = document.getElementById('main-menu');
  var header = toggle && toggle.closest('header');
  if (!toggle || !menu || !header) {
    return;
  }
  header.classList.add('menu-ready');
  function show(open) {
    header.classList.toggle('menu-open', open);
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  toggle.addEventListener('click', function () {
    show(toggle.getAttribute('aria-expanded') !== 'true');
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && header.classList.contains('menu-open')) {
      show(false);
      toggle.focus();
    }
  });
})();
