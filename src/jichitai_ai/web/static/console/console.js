/* jichitai-ai staff console: small progressive enhancements. Every page works without it. */
(function () {
  "use strict";

  // Ask before destructive actions (archive, revert, reset learning).
  document.addEventListener("submit", function (event) {
    var button = event.submitter || event.target.querySelector("[data-confirm]");
    var message = button && button.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // At phone width the menu scrolls sideways: show the current page's link (scrollLeft only,
  // so the page itself never jumps away from a #fragment).
  var current = document.querySelector('.main-nav a[aria-current="page"]');
  var menu = current && current.closest("ul");
  if (menu && menu.scrollWidth > menu.clientWidth) {
    menu.scrollLeft = current.offsetLeft - menu.offsetLeft - 16;
  }

  // Cookie-authenticated JSON calls carry the page's CSRF token in X-CSRF-Token.
  function csrfToken() {
    var field = document.querySelector('input[name="csrf_token"]');
    return field ? field.value : "";
  }

  window.jichitaiConsole = {
    csrfToken: csrfToken,
    fetchJson: function (url, options) {
      var opts = options || {};
      var headers = new Headers(opts.headers || {});
      headers.set("X-CSRF-Token", csrfToken());
      headers.set("Accept", "application/json");
      opts.headers = headers;
      opts.credentials = "same-origin";
      return fetch(url, opts).then(function (response) { return response.json(); });
    }
  };
})();
