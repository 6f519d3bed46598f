// The old-address pages that mkdocs-redirects writes (see sitebuild/redirects.py) load this one
// classic script instead of their inline one, which the strict Content-Security-Policy blocks.
// A meta refresh cannot carry the #fragment, so a reader who followed a link to a section of a
// moved page would land at the top of the new one; this script goes to the new address with the
// fragment the reader came with. It runs before the page's meta refresh is read, and leaves
// that refresh as the way on when scripts do not run.
(() => {
  const canonical = document.querySelector('link[rel="canonical"]');
  if (!canonical) {
    return;
  }
  const target = new URL(canonical.href);
  if (window.location.hash) {
    target.hash = window.location.hash; // the reader's section wins over the map's own one
  }
  window.location.replace(target.href); // replace: Back does not return to this stub
})();
