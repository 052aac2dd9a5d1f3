// Wegweiser service worker. Network first: readers always get the current
// page when online; what they have seen (and their language's home, lists
// and contacts) stays readable offline. The version changes with every build.
"use strict";
var VERSION = "__VERSION__";
var CACHE = "wegweiser-" + VERSION;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) {
        return k.indexOf("wegweiser-") === 0 && k !== CACHE;
      }).map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); })
  );
});

// A page asks to keep its language: /<lang>/offline.json lists what. The
// page itself is kept too: the first page a reader opens loads before this
// worker runs, so the fetch handler below never saw it.
self.addEventListener("message", function (event) {
  var lang = event.data && event.data.keep;
  var page = event.data && event.data.page;
  if (!lang || !/^[a-z0-9-]+$/.test(lang)) return;
  event.waitUntil(
    fetch(self.registration.scope + lang + "/offline.json").then(function (r) { return r.json(); })
      .then(function (urls) {
        // addAll refuses a list that names a URL twice (and then keeps nothing).
        if (typeof page === "string" && /^\/(?!\/)/.test(page) && urls.indexOf(page) < 0) urls.push(page);
        return caches.open(CACHE).then(function (c) { return c.addAll(urls); });
      })
      .catch(function () { /* offline or partial: what is cached stays */ })
  );
});

self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(req).then(function (res) {
      if (res.ok) {
        var copy = res.clone();
        caches.open(CACHE).then(function (c) { c.put(req, copy); });
      }
      return res;
    }).catch(function () {
      return caches.match(req, { ignoreSearch: true }).then(function (hit) {
        return hit || caches.match(req.url.replace(/[^/]*$/, ""));
      }).then(function (hit) {
        return hit || new Response("offline", { status: 503, headers: { "Content-Type": "text/plain" } });
      });
    })
  );
});
