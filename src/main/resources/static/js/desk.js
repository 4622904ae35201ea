// The agent desk's keyboard: j/k move between queue rows, Enter/o open the focused ticket, ? shows the
// shortcuts. The keys 1–7 and / are data-key attributes (see atende.js). No inline scripts (CSP).
(function () {
  'use strict';

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#queue-list tr.ticket-row a.open'));
  }

  // The row with the focus: its link, or its checkbox (see bulk.js).
  function current(links) {
    var active = document.activeElement;
    var row = active && active.closest ? active.closest('#queue-list tr.ticket-row') : null;
    return row ? links.indexOf(row.querySelector('a.open')) : links.indexOf(active);
  }

  function move(step) {
    var links = rows();
    if (links.length === 0) {
      return;
    }
    var at = current(links);
    var next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
    links[next].focus();
    links[next].closest('tr').scrollIntoView({block: 'nearest'});
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) && target.type !== 'checkbox') {
      return;
    }
    if (document.querySelector('dialog[open]')) {
      return;
    }
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      move(event.key === 'j' ? 1 : -1);
    } else if (event.key === 'o') {
      var links = rows();
      var at = current(links);
      if (at >= 0) {
        event.preventDefault();
        links[at].click();
      }
    }
  });

  var show = document.getElementById('show-shortcuts');
  var dialog = document.getElementById('shortcuts');
  if (show && dialog && typeof dialog.showModal === 'function') {
    show.addEventListener('click', function () {
      dialog.showModal();
    });
  }

  // After the list refreshes, the row that had focus keeps it (htmx keeps focus only for elements with an id
  // that are still there; a row that left the queue hands focus to the list).
  var focused = null;
  document.addEventListener('htmx:beforeSwap', function () {
    var active = document.activeElement;
    focused = active && active.classList && active.classList.contains('open') ? active.id : null;
  });
  document.addEventListener('htmx:afterSettle', function () {
    if (focused) {
      var again = document.getElementById(focused);
      if (again && document.activeElement !== again) {
        again.focus({preventScroll: true});
      }
    }
  });
})();
