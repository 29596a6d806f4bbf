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
    const [outlines, points] = await data;
    performance.mark("map-data");
    const map = L.map(box, { minZoom: 1, maxZoom: 12, attributionControl: false, zoomAnimation: false, fadeAnimation: false });
    const layer = pointsLayer(points);
    if (points.features.length) {  // set the view once, before anything is drawn
      map.fitBounds(layer.getBounds().pad(0.5), { maxZoom: 6, animate: false });
    } else {
      map.setView([25, 45], 3, { animate: false });
    }
    const canvas = L.canvas({ padding: 0.1 });  // the background on one canvas; points stay SVG
    graticule(map, canvas);
    L.geoJSON(outlines, { style: { color: "#8a99a8", weight: 0.8, fillColor: "#f4f1e8", fillOpacity: 1 }, interactive: false, renderer: canvas }).addTo(map);
    layer.addTo(map);
    status.textContent = points.features.length + " events with coordinates shown.";
    performance.mark("map-drawn");
    box.dataset.ready = String(points.features.length);
  }

  const data = Promise.all([getJSON(box.dataset.outlines), getJSON(box.dataset.points)]);
  draw(data).catch(function (err) { status.textContent = "The map could not be drawn: " + err.message; });
})();
