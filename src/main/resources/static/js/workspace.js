// The ticket page's work beside others: the macro picker (key m), @mentions in notes, the presence line
// (who else has the ticket open, and whether this page is writing a reply), the shortcuts dialog (?).
// No inline scripts (CSP); htmx does the requests declared in the page.
(function () {
  'use strict';

  function inField(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // --- shortcuts dialog -----------------------------------------------------------------------------------
  var show = document.getElementById('show-shortcuts');
  var dialog = document.getElementById('shortcuts');
  if (show && dialog && typeof dialog.showModal === 'function') {
    show.addEventListener('click', function () {
      dialog.showModal();
    });
  }

  // --- macro picker ---------------------------------------------------------------------------------------
  var picker = document.getElementById('macro-picker');
  var search = document.getElementById('macro-q');

  function openPicker() {
    if (!picker || !search) {
      return;
    }
    picker.open = true;
    search.focus();
  }

  if (picker) {
    picker.addEventListener('toggle', function () {
      if (picker.open && search && document.activeElement !== search) {
        search.focus();
      }
    });
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || inField(event.target) || document.querySelector('dialog[open]')) {
      return;
    }
    if (event.key === 'm' && picker) {
      event.preventDefault();
      openPicker();
    }
  });

  function options() {
    return Array.prototype.slice.call(document.querySelectorAll('#macro-list button.macro-option'));
  }

  if (search) {
    search.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') {
        var all = options();
        if (all.length > 0) {
          event.preventDefault();
          all[0].focus();
        }
      } else if (event.key === 'Enter') {
        event.preventDefault();
        var first = options()[0];
        if (first) {
          first.click();
        }
      }
    });
  }

  var list = document.getElementById('macro-list');
  if (list) {
    list.addEventListener('keydown', function (event) {
      var all = options();
      var at = all.indexOf(document.activeElement);
      if (at < 0) {
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        var next = at + (event.key === 'ArrowDown' ? 1 : -1);
        if (next < 0) {
          search.focus();
        } else if (next < all.length) {
          all[next].focus();
        }
      } else if (event.key === 'Escape') {
        search.focus();
      }
    });
  }

  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target && event.detail.target.id === 'macro-preview') {
      var body = document.getElementById('macro-body');
      var form = document.getElementById('macro-form');
      if (form) {
        form.scrollIntoView({block: 'nearest'});
      }
      (body || (form && form.querySelector('button[type=submit]')) || document.body).focus();
    }
  });

  // --- presence: who else has the ticket open -------------------------------------------------------------
  // A page is "replying" while a reply (or a macro's reply) holds text; notes do not count.
  function replying() {
    return Array.prototype.some.call(document.querySelectorAll('textarea.reply-draft'), function (area) {
      return area.value.trim() !== '';
    });
  }

  document.addEventListener('htmx:configRequest', function (event) {
    if (event.detail.elt && event.detail.elt.id === 'presence') {
      event.detail.parameters.replying = replying() ? 'true' : 'false';
    }
  });

  // A page that goes away says so, so that the others' line changes at once rather than when it expires.
  var presence = document.getElementById('presence');
  window.addEventListener('pagehide', function () {
    var token = document.querySelector('meta[name="csrf-token"]');
    var page = presence && presence.querySelector('input[name=page]');
    if (!presence || !page || !navigator.sendBeacon) {
      return;
    }
    var data = new URLSearchParams();
    data.set('page', page.value);
    if (token) {
      data.set('_csrf', token.content);
    }
    navigator.sendBeacon(presence.getAttribute('data-leave'), data);
  });

  // --- @mentions in notes ---------------------------------------------------------------------------------
  var MENTION = /(^|[^\p{L}\p{N}_.+@-])@([\p{L}\p{N}._+-]*)$/u;

  Array.prototype.forEach.call(document.querySelectorAll('textarea.mentionable'), function (area) {
    var box = document.getElementById(area.getAttribute('aria-controls'));
    var url = area.getAttribute('data-mentions');
    var active = -1;
    var asked = 0;
    if (!box || !url) {
      return;
    }

    function items() {
      return Array.prototype.slice.call(box.querySelectorAll('li[role=option]'));
    }

    function close() {
      box.hidden = true;
      box.innerHTML = '';
      active = -1;
      area.removeAttribute('aria-activedescendant');
    }

    function highlight(index) {
      var all = items();
      all.forEach(function (li, i) {
        li.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      active = index;
      if (index >= 0 && all[index]) {
        area.setAttribute('aria-activedescendant', all[index].id);
      }
    }

    function word() {
      var before = area.value.slice(0, area.selectionStart);
      var found = MENTION.exec(before);
      return found ? {start: before.length - found[2].length - 1, text: found[2]} : null;
    }

    function insert(li) {
      var at = word();
      if (!at) {
        return close();
      }
      var handle = '@' + li.getAttribute('data-handle') + ' ';
      var end = area.selectionStart;
      area.value = area.value.slice(0, at.start) + handle + area.value.slice(end);
      var caret = at.start + handle.length;
      area.setSelectionRange(caret, caret);
      close();
      area.focus();
    }

    area.addEventListener('input', function () {
      var at = word();
      if (!at) {
        return close();
      }
      var mine = ++asked;
      fetch(url + '?q=' + encodeURIComponent(at.text), {headers: {'HX-Request': 'true'}, credentials: 'same-origin'})
        .then(function (answer) {
          return answer.ok ? answer.text() : '';
        })
        .then(function (html) {
          if (mine !== asked) {
            return; // a later keystroke asked again
          }
          box.innerHTML = html;
          if (items().length === 0) {
            return close();
          }
          box.hidden = false;
          highlight(0);
        });
    });

    area.addEventListener('keydown', function (event) {
      if (box.hidden) {
        return;
      }
      var all = items();
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlight((active + (event.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length);
      } else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0 && all[active]) {
        event.preventDefault();
        insert(all[active]);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    });

    box.addEventListener('mousedown', function (event) {
      var li = event.target.closest('li[role=option]');
      if (li) {
        event.preventDefault(); // keep the focus in the note
        insert(li);
      }
    });

    area.addEventListener('blur', function () {
      window.setTimeout(close, 150);
    });
  });
})();
