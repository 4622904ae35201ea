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
