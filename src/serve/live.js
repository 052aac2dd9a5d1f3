// Wegweiser preview: reloads the page after each good rebuild and shows the
// problems of a failed one on top of the last good page. Served only by
// `wegweiser serve`; never part of a built site. Its words come from the
// server, in the tool's language: {labels: {lang, title, error, warning,
// at, close}, problems: [{severity, file, line, column, rendered}]}.
(function () {
  "use strict";
  var overlay = null;
  function clear() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function place(at, d) {
    return at.replace("{file}", d.file).replace("{line}", d.line).replace("{column}", d.column);
  }
  function show(data) {
    clear();
    var labels = data.labels;
    overlay = document.createElement("div");
    overlay.id = "wegweiser-errors";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("dir", "ltr");
    overlay.setAttribute("lang", labels.lang);
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:14px/1.45 ui-monospace,monospace;padding:1.5rem;text-align:left";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = labels.close;
    close.style.cssText = "float:right;font:14px system-ui,sans-serif;padding:.25rem .75rem";
    close.addEventListener("click", clear);
    overlay.appendChild(close);
    var h = document.createElement("p");
    h.style.cssText = "font:bold 16px system-ui,sans-serif;margin:0 0 1rem";
    h.textContent = labels.title;
    overlay.appendChild(h);
    data.problems.forEach(function (d) {
      var head = document.createElement("p");
      head.style.cssText = "font:bold 14px system-ui,sans-serif;margin:0 0 .25rem";
      head.textContent = (d.severity === "error" ? labels.error : labels.warning) +
        (d.file && d.line ? " · " + place(labels.at, d) : "");
      overlay.appendChild(head);
      var pre = document.createElement("pre");
      pre.className = "wegweiser-diagnostic";
      pre.style.cssText = "white-space:pre-wrap;margin:0 0 1rem;padding:.75rem;border-left:4px solid " + (d.severity === "error" ? "#ff6b6b" : "#ffd43b");
      pre.textContent = d.rendered;
      overlay.appendChild(pre);
    });
    document.body.appendChild(overlay);
    close.focus();
  }
  var source = new EventSource("/__wegweiser/events");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("errors", function (e) { show(JSON.parse(e.data)); });
  source.addEventListener("ok", clear);
})();
