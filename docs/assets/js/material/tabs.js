// Material for MkDocs 9.8.2's inline script from partials/javascripts/content.html (with the
// content.tabs.link feature), moved to a file for a Content-Security-Policy without
// 'unsafe-inline' in script-src.
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
