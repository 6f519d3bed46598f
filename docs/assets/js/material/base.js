// Material for MkDocs 9.8.2's inline script from partials/javascripts/base.html, moved to a
// file so pages run under a Content-Security-Policy without 'unsafe-inline' in script-src.
// A classic script, loaded where the inline one stood, so it runs at the same moment.
// The scope (the site root, relative to the page) comes from the tag's data-md-scope.
var __md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location);
var __md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0);
var __md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e));
var __md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
