// The bulk selection of a queue or a saved view: a checkbox per row (Shift-click ticks a range), the header box
// ticks the page, "select all N" takes every ticket of the list (the queue and its search, or the view's filter),
// x ticks the focused row. The selection is
// kept here, by ticket id, and survives the list's 30-second refresh: the rows still listed stay ticked (with
// the version the refreshed row shows), rows that left the list leave the selection, and the toolbar says so.
(function () {
  'use strict';

  var form = document.getElementById('bulk');
  if (!form) {
    return;
  }
  var selected = new Set();
  var allMatching = false;
  var lastClicked = null;
  var count = document.getElementById('bulk-count');
  var selectAll = document.getElementById('bulk-all');
  var limitNote = document.getElementById('bulk-limit');
  var leftNote = document.getElementById('bulk-left');
  var scope = document.getElementById('bulk-scope');
  var action = document.getElementById('bulk-action');
  var mergeTarget = document.getElementById('bulk-merge');
  var limit = parseInt(form.dataset.limit, 10);

  function text(template, value) {
    return template.replace('{0}', value).replace('{1}', limit.toLocaleString(document.documentElement.lang));
  }

  function boxes() {
    return Array.prototype.slice.call(document.querySelectorAll('#queue-list input.pick'));
  }

  function total() {
    var list = document.getElementById('queue-list');
    return list ? parseInt(list.dataset.total, 10) : 0;
  }

  function number(n) {
    return n.toLocaleString(document.documentElement.lang);
  }

  // Shows the selection: the ticks, the header box, the count, "select all N", the merge targets.
  function show() {
    var rows = boxes();
    rows.forEach(function (box) {
      box.checked = allMatching || selected.has(box.dataset.id);
      box.closest('tr').classList.toggle('picked', box.checked);
    });
    var ticked = rows.filter(function (box) { return box.checked; });
    var header = document.getElementById('pick-page');
    if (header) {
      header.checked = rows.length > 0 && ticked.length === rows.length;
      header.indeterminate = ticked.length > 0 && ticked.length < rows.length;
    }
    var n = allMatching ? total() : selected.size;
    form.hidden = n === 0;
    scope.value = allMatching ? 'all' : 'selected';
    count.textContent = allMatching ? text(form.dataset.all, number(n))
      : text(n === 1 ? form.dataset.one : form.dataset.many, number(n));
    var wholePage = rows.length > 0 && ticked.length === rows.length && total() > rows.length && !allMatching;
    selectAll.hidden = !wholePage || total() > limit;
    selectAll.textContent = text(form.dataset.selectAll, number(total()));
    limitNote.hidden = !wholePage || total() <= limit;
    limitNote.textContent = text(form.dataset.tooMany, number(total()));
    targets(ticked);
  }

  // The merge target is one of the ticked tickets on the page (or a number typed beside it).
  function targets(ticked) {
    var kept = mergeTarget.value;
    mergeTarget.textContent = '';
    ticked.forEach(function (box) {
      var option = document.createElement('option');
      option.value = box.dataset.number;
      option.textContent = '#' + box.dataset.number + ' — ' + box.dataset.subject;
      mergeTarget.appendChild(option);
    });
    if (kept) {
      mergeTarget.value = kept;
    }
  }

  function tick(box, on) {
    if (on) {
      selected.add(box.dataset.id);
    } else {
      selected.delete(box.dataset.id);
    }
  }

  document.addEventListener('click', function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement)) {
      return;
    }
    if (box.id === 'pick-page') {
      allMatching = false;
      boxes().forEach(function (b) { tick(b, box.checked); });
      show();
    } else if (box.classList.contains('pick') && box.closest('#queue-list')) {
      var rows = boxes();
      if (allMatching) { // unticking one of "all N" leaves the page's ticks
        allMatching = false;
        rows.forEach(function (b) { tick(b, true); });
      }
      if (event.shiftKey && lastClicked !== null && rows.indexOf(lastClicked) >= 0) {
        var from = rows.indexOf(lastClicked);
        var to = rows.indexOf(box);
        rows.slice(Math.min(from, to), Math.max(from, to) + 1).forEach(function (b) { tick(b, box.checked); });
      } else {
        tick(box, box.checked);
      }
      lastClicked = box;
      box.focus({preventScroll: true}); // a Shift-click does not move the focus by itself (see mousedown)
      show();
    }
  });

  // Shift-click ticks a range; it should not select the text between as well.
  document.addEventListener('mousedown', function (event) {
    if (event.shiftKey && event.target instanceof HTMLInputElement && event.target.classList.contains('pick')) {
      event.preventDefault();
    }
  });

  selectAll.addEventListener('click', function () {
    allMatching = true;
    show();
  });

  document.getElementById('bulk-clear').addEventListener('click', function () {
    allMatching = false;
    selected.clear();
    lastClicked = null;
    leftNote.hidden = true;
    show();
  });

  // Only the value the chosen action needs is shown and posted.
  function choose() {
    Array.prototype.forEach.call(form.querySelectorAll('.bulk-value'), function (field) {
      var on = field.dataset['for'].split(' ').indexOf(action.value) >= 0;
      field.hidden = !on;
      Array.prototype.forEach.call(field.querySelectorAll('input, select'), function (input) {
        input.disabled = !on;
      });
    });
  }
  action.addEventListener('change', choose);
  choose();

  // x ticks the row that has the focus, on its link (j / k move it) or its checkbox.
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'x' || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var active = document.activeElement;
    var row = active && active.closest ? active.closest('#queue-list tr.ticket-row') : null;
    var box = row ? row.querySelector('input.pick') : null;
    if (box) {
      event.preventDefault();
      box.click();
      active.focus();
    }
  });

  // After a refresh: rows still listed stay ticked; those that left the list leave the selection.
  document.addEventListener('htmx:afterSettle', function () {
    var listed = new Set(boxes().map(function (box) { return box.dataset.id; }));
    var gone = 0;
    selected.forEach(function (id) {
      if (!listed.has(id)) {
        selected.delete(id);
        gone++;
      }
    });
    lastClicked = null;
    if (gone > 0) {
      leftNote.textContent = text(form.dataset.left, number(gone));
      leftNote.hidden = false;
    }
    show();
  });

  show();
})();
