// The map page ([map] in site.toml): Leaflet (self-hosted, loaded before
// this script) on the office's tile server, with a marker for every location
// of the page's list that has coordinates (data-lat, data-lon); a marker's
// popup links to the location's page, as the list does. Without JavaScript,
// or if Leaflet did not load, the list is the page and the map stays hidden.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || typeof L === "undefined") return;
  var rtl = document.documentElement.dir === "rtl";
  var markers = [];
  var seen = {};
  var items = document.querySelectorAll(".map-locations li[data-lat]");
  for (var i = 0; i < items.length; i++) {
    var li = items[i];
    var link = li.querySelector("a");
    var lat = parseFloat(li.getAttribute("data-lat"));
    var lon = parseFloat(li.getAttribute("data-lon"));
    // A location in two places is listed twice but has one marker.
    if (!link || isNaN(lat) || isNaN(lon) || seen[link.href]) continue;
    seen[link.href] = true;
    markers.push({ at: [lat, lon], link: link, address: li.querySelector(".address") });
  }
  var center = (box.getAttribute("data-center") || "").split(",").map(parseFloat);
  if (markers.length === 0 && center.length !== 2) return;

  box.hidden = false;
  var map = L.map(box, { zoomControl: false, attributionControl: false });
  var side = rtl ? "left" : "right";
  L.control.zoom({
    position: "top" + (rtl ? "right" : "left"),
    zoomInTitle: box.getAttribute("data-zoom-in"),
    zoomOutTitle: box.getAttribute("data-zoom-out"),
  }).addTo(map);
  // The tile server's notice as text (never as HTML), isolated from the
  // page's direction so that it reads correctly on right-to-left pages.
  var notice = document.createElement("bdi");
  notice.textContent = box.getAttribute("data-attribution") || "";
  L.control.attribution({ prefix: false, position: "bottom" + side })
    .addAttribution(notice.outerHTML)
    .addTo(map);
  L.tileLayer(box.getAttribute("data-tiles"), { maxZoom: 19 }).addTo(map);

  markers.forEach(function (m) {
    var name = m.link.textContent;
    var popup = document.createElement("div");
    popup.className = "map-popup";
    popup.appendChild(m.link.cloneNode(true));
    if (m.address) {
      popup.appendChild(document.createElement("br"));
      popup.appendChild(m.address.cloneNode(true));
    }
    L.marker(m.at, { title: name, alt: name }).bindPopup(popup).addTo(map);
  });

  if (center.length === 2 && !isNaN(center[0]) && !isNaN(center[1])) {
    map.setView(center, parseInt(box.getAttribute("data-zoom") || "12", 10));
  } else {
    map.fitBounds(markers.map(function (m) { return m.at; }), { padding: [32, 32], maxZoom: 15 });
  }
})();
