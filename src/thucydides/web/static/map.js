/* The map page. Builds every label with textContent (never innerHTML): data is untrusted text. */
"use strict";
(function () {
  performance.mark("map-script");
  const box = document.getElementById("map");
  const status = document.getElementById("map-status");
  if (!box || typeof L === "undefined") { return; }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function popup(p) {
    const div = el("div", null, "popup");
    div.appendChild(el("h3", (p.date || "undated") + " · " + p.event_type));
    const who = [p.actor1_name, p.actor2_name].filter(Boolean).join(" → ");
    if (who) { div.appendChild(el("p", who)); }
    div.appendChild(el("p", [p.location_name, p.location_admin1, p.location_country].filter(Boolean).join(", ")));
    if (p.killed_best !== null) { div.appendChild(el("p", "killed: " + p.killed_best)); }
    div.appendChild(el("p", "status: " + p.status + " · outlets: " + p.n_outlets));
    const link = el("a", "details");
    link.href = "/events/" + encodeURIComponent(p.event_id);
    link.className = "event-link";
    div.appendChild(link);
    return div;
  }

  function graticule(map, canvas) {
    const style = { color: "#b9c8d6", weight: 0.6, interactive: false, renderer: canvas };
    for (let lat = -80; lat <= 80; lat += 10) { L.polyline([[lat, -180], [lat, 180]], style).addTo(map); }
    for (let lon = -180; lon <= 180; lon += 10) { L.polyline([[-85, lon], [85, lon]], style).addTo(map); }
  }

  const SHADES = ["#fee5d9", "#fcbba1", "#fc9272", "#fb6a4a", "#de2d26", "#a50f15"];

  function shade(n, max) {
    if (!n) { return "#f7f4ec"; }
    const k = Math.min(SHADES.length - 1, Math.floor((n / Math.max(max, 1)) * (SHADES.length - 1) + 0.5));
    return SHADES[Math.max(1, k)];
  }

  function areaLink(id) {
    const params = new URLSearchParams(window.location.search);
    params.set("area", id);
    return "/?" + params.toString();
  }

  function areaPopup(p) {
    const div = el("div", null, "popup area-popup");
    div.appendChild(el("h3", p.name + " (" + p.country + ")"));
    div.appendChild(el("p", p.n_events + " event" + (p.n_events === 1 ? "" : "s") + " shown here"));
    if (p.n_events) {
      const link = el("a", "show them on the timeline", "area-link");
      link.href = areaLink(p.id);
      div.appendChild(link);
    }
    return div;
  }

  function areasLayer(areas) {
    const max = areas.max_events || 0;
    return L.geoJSON(areas, {
      style: function (f) {
        const n = f.properties.n_events;
        return { color: "#7d6b5d", weight: 0.7, fillColor: shade(n, max), fillOpacity: n ? 0.85 : 0.55,
                 className: "admin1-area" + (n ? " has-events" : "") };
      },
      onEachFeature: function (f, layer) {
        layer.bindPopup(areaPopup(f.properties));
        layer.bindTooltip(el("span", f.properties.name + ": " + f.properties.n_events), { sticky: true });
      },
    });
  }

  function legend(max) {
    const box = document.getElementById("map-legend");
    if (!box || !max) { return; }
    box.appendChild(el("span", "Events per admin1 area: "));
    const steps = [0, 1, Math.ceil(max / 2), max].filter(function (v, i, a) { return a.indexOf(v) === i; });
    for (const n of steps) {
      const key = el("span", null, "key");
      key.style.background = shade(n, max);
      box.appendChild(key);
      box.appendChild(el("span", String(n) + (n === max ? "" : " ")));
    }
  }

  function core(points) {
    // the bounds of the nine tenths of the events nearest their median point: one far-off event
    // (a summit abroad) does not zoom the map out of the conflict's region
    const ll = points.features.map(function (f) { return [f.geometry.coordinates[1], f.geometry.coordinates[0]]; });
    const mid = function (k) { const v = ll.map(function (p) { return p[k]; }).sort(function (a, b) { return a - b; }); return v[Math.floor(v.length / 2)]; };
    const c = [mid(0), mid(1)];
    ll.sort(function (p, q) { return Math.hypot(p[0] - c[0], p[1] - c[1]) - Math.hypot(q[0] - c[0], q[1] - c[1]); });
    return L.latLngBounds(ll.slice(0, Math.max(1, Math.ceil(ll.length * 0.9))));
  }

  function radius(p) { return 5 + Math.min(12, Math.sqrt(p.killed_best || 0) * 2); }

  async function getJSON(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) { throw new Error(url + ": " + response.status); }
    return response.json();
  }

  function pointsLayer(points) {
    const layer = L.featureGroup();
    for (const f of points.features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const marker = L.circleMarker([lat, lon], { radius: radius(p), color: "#8e1b1b", weight: 1, fillColor: "#d84343", fillOpacity: 0.7, className: "event-point status-" + p.status });
      marker.bindPopup(popup(p));
      marker.bindTooltip(el("span", (p.date || "undated") + " · " + p.event_type + (p.location_name ? " · " + p.location_name : "")));
      layer.addLayer(marker);
    }
    return layer;
  }

  async function draw(data) {
    const [outlines, points, areas] = await data;
    performance.mark("map-data");
    const map = L.map(box, { minZoom: 1, maxZoom: 12, attributionControl: false, zoomAnimation: false, fadeAnimation: false });
    const layer = pointsLayer(points);
    const shaded = areasLayer(areas);
    if (points.features.length) {  // set the view once, before anything is drawn
      map.fitBounds(core(points).pad(0.3), { maxZoom: 6, animate: false });
    } else if (areas.features.length) {
      map.fitBounds(shaded.getBounds(), { maxZoom: 6, animate: false });
    } else {
      map.setView([25, 45], 3, { animate: false });
    }
    const canvas = L.canvas({ padding: 0.1 });  // the background on one canvas; points stay SVG
    graticule(map, canvas);
    L.geoJSON(outlines, { style: { color: "#8a99a8", weight: 0.8, fillColor: "#f4f1e8", fillOpacity: 1 }, interactive: false, renderer: canvas }).addTo(map);
    shaded.addTo(map);
    shaded.eachLayer(function (area) {  // for tests and styles: which area a path draws
      const path = area.getElement();
      if (path) { path.dataset.area = area.feature.properties.id; path.dataset.count = String(area.feature.properties.n_events); }
    });
    layer.addTo(map);
    legend(areas.max_events);
    const placed = areas.features.filter(function (f) { return f.properties.n_events; }).length;
    status.textContent = points.features.length + " events with coordinates shown; " + placed + " admin1 areas hold events.";
    performance.mark("map-drawn");
    box.dataset.areas = String(areas.features.length);
    box.dataset.ready = String(points.features.length);
  }

  const data = Promise.all([getJSON(box.dataset.outlines), getJSON(box.dataset.points), getJSON(box.dataset.areas)]);
  draw(data).catch(function (err) { status.textContent = "The map could not be drawn: " + err.message; });
})();
