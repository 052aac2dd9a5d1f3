// Wegweiser preview: reloads the page after each good rebuild and shows the
// problems of a failed one on top of the last good page. Served only by
// `wegweiser serve`; never part of a built site.
(function () {
  "use strict";
  var overlay = null;
  function clear() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function show(list) {
    clear();
    overlay = document.createElement("div");
    overlay.id = "wegweiser-errors";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("dir", "ltr");
    overlay.setAttribute("lang", "en");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:14px/1.45 ui-monospace,monospace;padding:1.5rem;text-align:left";
    var h = document.createElement("p");
    h.style.cssText = "font:bold 16px system-ui,sans-serif;margin:0 0 1rem";
    h.textContent = "The last change has problems. This page shows the last good version until they are fixed.";
    overlay.appendChild(h);
    list.forEach(function (d) {
      var pre = document.createElement("pre");
      pre.className = "wegweiser-diagnostic";
      pre.style.cssText = "white-space:pre-wrap;margin:0 0 1rem;padding:.75rem;border-left:4px solid " + (d.severity === "error" ? "#ff6b6b" : "#ffd43b");
      pre.textContent = d.rendered;
      overlay.appendChild(pre);
    });
    document.body.appendChild(overlay);
  }
  var source = new EventSource("/__wegweiser/events");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("errors", function (e) { show(JSON.parse(e.data)); });
  source.addEventListener("ok", clear);
})();
