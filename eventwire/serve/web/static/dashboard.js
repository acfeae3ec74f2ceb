// The dashboard's map and timeline. Data comes as JSON; text is only ever set with
// textContent or as SVG text nodes, never as HTML (article words are hostile input).
(function () {
  "use strict";
  const started = performance.now();
  const mapBox = document.getElementById("map");
  const timelineBox = document.getElementById("timeline");
  const query = mapBox.dataset.query || "";
  const colours = JSON.parse(mapBox.dataset.colours || "{}");
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  }

  function popup(p) {
    const box = el("div", null, {class: "ew-popup"});
    const link = el("a", p.type + (p.mode ? " (" + p.mode + ")" : ""), {href: "/ui/events/" + encodeURIComponent(p.id)});
    box.append(link, el("div", (p.date_start || "undated") + (p.date_end && p.date_end !== p.date_start ? " to " + p.date_end : "")));
    if (p.place) box.append(el("div", p.place));
    if (p.fatalities !== null && p.fatalities !== undefined) box.append(el("div", "killed: " + p.fatalities));
    box.append(el("div", p.status + ", " + p.reports + " report(s)"));
    return box;
  }

  async function drawMap() {
    // SVG markers (not canvas): clustering keeps few of them drawn, and each stays inspectable.
    const map = L.map(mapBox, {minZoom: 2, maxZoom: 12, worldCopyJump: true});
    map.attributionControl.setPrefix("");
    map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
    const [outlines, events] = await Promise.all([
      getJSON("/static/countries-110m.geojson"),
      getJSON("/events?format=geojson&limit=10000" + (query ? "&" + query : "")),
    ]);
    L.geoJSON(outlines, {style: {color: "#7b8a97", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1}, interactive: false}).addTo(map);
    const cluster = L.markerClusterGroup({chunkedLoading: true, maxClusterRadius: 40});
    const markers = [];
    for (const feature of events.features) {
      if (!feature.geometry) continue;
      const [lon, lat] = feature.geometry.coordinates;
      const p = feature.properties;
      const marker = L.circleMarker([lat, lon], {radius: 7, color: "#fff", weight: 1.5, fillOpacity: 0.9,
        fillColor: colours[p.type] || "#333", className: "ew-marker ew-type-" + p.type});
      marker.bindPopup(() => popup(p));
      marker.options.eventType = p.type;
      markers.push(marker);
    }
    cluster.addLayers(markers);
    map.addLayer(cluster);
    if (markers.length) {
      map.fitBounds(cluster.getBounds().pad(0.3), {maxZoom: 7});
    } else {
      map.setView([34.8, 38.9], 5);
    }
    mapBox.dataset.markers = String(markers.length);
    mapBox.dataset.total = String(events.total !== undefined ? events.total : markers.length);
  }

  // Many days make bars thinner than a pixel: then count by month instead.
  function bucketed(stats) {
    if (stats.by_day.length <= 120) return {unit: "day", stats: stats};
    const month = (day) => day.slice(0, 7);
    const byDay = new Map(), byWho = new Map();
    for (const d of stats.by_day) {
      const row = byDay.get(month(d.day)) || {day: month(d.day), events: 0, fatalities: 0};
      row.events += d.events; row.fatalities += d.fatalities;
      byDay.set(row.day, row);
    }
    for (const r of stats.by_day_perpetrator) {
      const key = month(r.day) + "|" + r.perpetrator;
      const row = byWho.get(key) || {day: month(r.day), perpetrator: r.perpetrator, fatalities: 0};
      row.fatalities += r.fatalities;
      byWho.set(key, row);
    }
    return {unit: "month", stats: {by_day: [...byDay.values()], by_day_perpetrator: [...byWho.values()]}};
  }

  function drawTimeline(allStats) {
    const {unit, stats} = bucketed(allStats);
    const days = stats.by_day.map((d) => d.day);
    timelineBox.textContent = "";
    if (!days.length) { timelineBox.append(el("p", "No dated events.")); return; }
    const perpetrators = [...new Set(stats.by_day_perpetrator.map((r) => r.perpetrator))];
    const palette = ["#c0392b", "#2980b9", "#8e44ad", "#16a085", "#d35400", "#2c3e50", "#7f8c8d", "#b7950b"];
    const colourOf = (name) => palette[perpetrators.indexOf(name) % palette.length];
    const width = 560, left = 40, right = 10, band = 120, gap = 34;
    const height = band * 2 + gap + 40;
    const x = (i) => left + (i + 0.1) * (width - left - right) / days.length;
    const barWidth = Math.max(1, 0.8 * (width - left - right) / days.length);
    const chart = svg("svg", {viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "events and killed per day"});
    const maxEvents = Math.max(...stats.by_day.map((d) => d.events), 1);
    const killed = {};
    for (const r of stats.by_day_perpetrator) { (killed[r.day] = killed[r.day] || []).push(r); }
    const maxKilled = Math.max(...days.map((d) => (killed[d] || []).reduce((s, r) => s + r.fatalities, 0)), 1);
    chart.append(svg("text", {x: 0, y: 12, class: "axis-title"}, "events per " + unit + " (max " + maxEvents + ")"));
    chart.append(svg("text", {x: 0, y: band + gap + 8, class: "axis-title"}, "reported killed per " + unit + " by perpetrator (max " + maxKilled + ")"));
    stats.by_day.forEach((d, i) => {
      const h = (band - 20) * d.events / maxEvents;
      const bar = svg("rect", {x: x(i), y: band - h, width: barWidth, height: h, fill: "#5d6d7e", class: "day-bar"});
      bar.append(svg("title", {}, d.day + ": " + d.events + " events, " + d.fatalities + " reported killed"));
      chart.append(bar);
      let y = 2 * band + gap;
      for (const r of killed[d.day] || []) {
        const kh = (band - 20) * r.fatalities / maxKilled;
        y -= kh;
        const k = svg("rect", {x: x(i), y: y, width: barWidth, height: kh, fill: colourOf(r.perpetrator), class: "killed-bar"});
        k.append(svg("title", {}, d.day + ": " + r.fatalities + " killed by " + r.perpetrator));
        chart.append(k);
      }
    });
    const ticks = Math.min(days.length, 5);
    for (let t = 0; t < ticks; t++) {
      const i = ticks === 1 ? 0 : Math.round(t * (days.length - 1) / (ticks - 1));
      chart.append(svg("text", {x: x(i), y: height - 4, "font-size": 10}, days[i]));
    }
    chart.append(svg("line", {x1: left, x2: width - right, y1: band, y2: band, stroke: "#999"}));
    chart.append(svg("line", {x1: left, x2: width - right, y1: 2 * band + gap, y2: 2 * band + gap, stroke: "#999"}));
    timelineBox.append(chart);
    const legend = el("div");
    for (const name of perpetrators) {
      const item = el("span", null, {class: "legend-item"});
      const swatch = el("span", null, {class: "swatch"});
      swatch.style.background = colourOf(name);
      item.append(swatch, document.createTextNode(name));
      legend.append(item);
    }
    timelineBox.append(legend);
  }

  async function main() {
    try {
      const [, stats] = await Promise.all([drawMap(), getJSON("/stats" + (query ? "?" + query : ""))]);
      drawTimeline(stats);
    } catch (error) {
      console.error(error, error && error.stack);
      document.body.append(el("p", "Could not load: " + error, {class: "error"}));
    } finally {
      document.body.dataset.loadMs = String(Math.round(performance.now() - started));
      document.body.dataset.loaded = "true";
    }
  }
  main();
})();
