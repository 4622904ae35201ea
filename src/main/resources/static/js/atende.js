// Page behaviour shared by every page. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  'use strict';

  // htmx requests carry the CSRF token the page was rendered with.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Keyboard: elements with data-key="x" are clicked (or focused, for fields) when x is pressed outside a field.
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      if (event.key === 'Escape') {
        target.blur();
      }
      return;
    }
    var element = document.querySelector('[data-key="' + CSS.escape(event.key) + '"]');
    if (!element) {
      return;
    }
    event.preventDefault();
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName)) {
      element.focus();
    } else {
      element.click();
    }
  });
})();

// A failed htmx request says so in the page's alert region instead of failing silently.
document.addEventListener('htmx:responseError', function (event) {
  var region = document.getElementById('request-error');
  if (region) {
    var status = event.detail.xhr.status;
    // the words come from the page's bundle (data-failed, data-stale), in the page's language
    region.textContent = status === 409 && region.dataset.stale ? region.dataset.stale
      : (region.dataset.failed || '') + ' (' + status + ')';
    region.hidden = false;
  }
});
