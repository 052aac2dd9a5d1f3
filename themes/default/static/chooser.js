// Optional help on the language chooser: moves the language the browser asks
// for to the top and highlights it. Nothing is redirected, nothing is stored,
// and the page works the same without this script.
(function () {
  var prefs = navigator.languages || [navigator.language || ""];
  var list = document.querySelector(".chooser-list");
  if (!list) return;
  var links = list.querySelectorAll("a[hreflang]");
  for (var i = 0; i < prefs.length; i++) {
    var want = String(prefs[i]).toLowerCase().split("-")[0];
    for (var j = 0; j < links.length; j++) {
      if (links[j].getAttribute("hreflang").toLowerCase().split("-")[0] === want) {
        var item = links[j].parentNode;
        links[j].classList.add("suggested");
        links[j].setAttribute("aria-describedby", "suggested-" + links[j].getAttribute("data-key"));
        list.insertBefore(item, list.firstChild);
        return;
      }
    }
  }
})();
