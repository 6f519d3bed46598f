// Material for MkDocs 9.8.2's inline script from partials/javascripts/content.html, moved to a
// file so pages run under a Content-Security-Policy without 'unsafe-inline' in script-src.
// A classic script, loaded where the inline one stood, so it runs at the same moment.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
