// A picture the desk could not draw (a damaged file) leaves only the file's link, not a broken image.
(function () {
  function hide(img) {
    var link = img.closest('a.thumb');
    if (link) { link.hidden = true; }
  }
  document.querySelectorAll('ul.files img').forEach(function (img) {
    if (img.complete && img.naturalWidth === 0) { hide(img); }
    img.addEventListener('error', function () { hide(img); });
  });
})();

// A file picker of the page's own: the names chosen, in place of the browser's "no file chosen".
(function () {
  document.querySelectorAll('.file-picker input[type=file]').forEach(function (input) {
    if (input.dataset.bound) { return; }
    input.dataset.bound = 'yes';
    var shown = input.parentElement.querySelector('.file-chosen');
    input.addEventListener('change', function () {
      var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
      shown.textContent = names.length ? names.join(', ') : shown.dataset.none;
    });
  });
})();
