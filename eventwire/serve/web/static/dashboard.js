// The dashboard's map, timeline and event table. Data comes as JSON; text is only ever set with
// textContent or as SVG text nodes, never as HTML (article words are hostile input).
(function () {
  "use strict";
  const mapBox = document.getElementById("map");
  const timelineBox = document.getElementById("timeline");
  const table = document.getElementById("event-table");
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

  // The same URLs as the page's <link rel=preload>, so the browser reuses those responses.
  async function getJSON(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  }

  function mark(name) {
    performance.mark("ew:" + name);
  }

  // A point is [id, type, date, lat, lon, fatalities] (the server's MAP_COLUMNS).
  function popup(point) {
    const [id, type, date, , , killed] = point;
    const box = el("div", null, {class: "ew-popup"});
    box.append(el("a", type, {href: "/ui/events/" + encodeURIComponent(id)}),
               el("div", date || "undated"));
    if (killed !== null && killed !== undefined) box.append(el("div", "killed: " + killed));
    return box;
  }

  function boundsOf(points) {
    let south = 90, west = 180, north = -90, east = -180;
    for (const p of points) {
      if (p[3] < south) south = p[3];
      if (p[3] > north) north = p[3];
      if (p[4] < west) west = p[4];
      if (p[4] > east) east = p[4];
    }
    return L.latLngBounds([south, west], [north, east]);
  }

  // Resolves once every marker is clustered: markercluster adds them in chunks, between
  // which the browser stays responsive and draws the timeline.
  function drawMarkers(map, points) {
    return new Promise((resolve) => {
      const cluster = L.markerClusterGroup({
        chunkedLoading: true, chunkInterval: 100, chunkDelay: 1, maxClusterRadius: 40,
        chunkProgress: (done, total) => { if (done === total) resolve(cluster); },
      });
      const markers = new Array(points.length);
      const style = {radius: 7, color: "#fff", weight: 1.5, fillOpacity: 0.9};
      for (let i = 0; i < points.length; i++) {
        const p = points[i];
        const marker = L.circleMarker([p[3], p[4]], Object.assign({
          fillColor: colours[p[1]] || "#333", className: "ew-marker ew-type-" + p[1]}, style));
        marker.point = p;
        markers[i] = marker;
      }
      mark("markers-built");
      // One popup handler for the whole group, not 10,000 closures.
      cluster.on("click", (e) => {
        if (e.layer.point) L.popup().setLatLng(e.latlng).setContent(popup(e.layer.point)).openOn(map);
      });
      map.addLayer(cluster);
      if (!markers.length) resolve(cluster);
      cluster.addLayers(markers);  // once, for all: clustered in one pass
    });
  }

  async function drawMap(outlinesPromise, pointsPromise) {
    // SVG markers (not canvas): clustering keeps few of them drawn, and each stays inspectable.
    const map = L.map(mapBox, {minZoom: 2, maxZoom: 10, worldCopyJump: true});
    map.attributionControl.setPrefix("");
    map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
    const data = await pointsPromise;
    mark("points-received");
    const points = data.points;
    if (points.length) {
      map.fitBounds(boundsOf(points).pad(0.3), {maxZoom: 7, animate: false});
    } else {
      map.setView([34.8, 38.9], 5, {animate: false});
    }
    outlinesPromise.then((outlines) => {
      L.geoJSON(outlines, {style: {color: "#7b8a97", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1},
                           interactive: false}).addTo(map).bringToBack();
      mark("outlines-drawn");
    });
    await drawMarkers(map, points);
    mark("clusters-drawn");
    await outlinesPromise;
    mark("map-drawn");
    mapBox.dataset.markers = String(points.length);
    mapBox.dataset.total = String(data.total);
  }

  // The server counts by day, or by month when days would make bars thinner than a pixel.
  function drawTimeline(timeline) {
    const periods = timeline.periods.map((d) => d.period);
    timelineBox.textContent = "";
    if (!periods.length) { timelineBox.append(el("p", "No dated events.")); return; }
    const perpetrators = [...new Set(timeline.killed_by.map((r) => r.perpetrator))];
    const palette = ["#c0392b", "#2980b9", "#8e44ad", "#16a085", "#d35400", "#2c3e50", "#7f8c8d", "#b7950b"];
    const colourOf = (name) => palette[perpetrators.indexOf(name) % palette.length];
    const unit = timeline.unit;
    const width = 560, left = 40, right = 10, band = 120, gap = 34;
    const height = band * 2 + gap + 40;
    const x = (i) => left + (i + 0.1) * (width - left - right) / periods.length;
    const barWidth = Math.max(1, 0.8 * (width - left - right) / periods.length);
    const chart = svg("svg", {viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "events and killed per " + unit});
    const maxEvents = Math.max(...timeline.periods.map((d) => d.events), 1);
    const killed = {};
    for (const r of timeline.killed_by) { (killed[r.period] = killed[r.period] || []).push(r); }
    const maxKilled = Math.max(...periods.map((d) => (killed[d] || []).reduce((s, r) => s + r.fatalities, 0)), 1);
    chart.append(svg("text", {x: 0, y: 12, class: "axis-title"}, "events per " + unit + " (max " + maxEvents + ")"));
    chart.append(svg("text", {x: 0, y: band + gap + 8, class: "axis-title"}, "reported killed per " + unit + " by perpetrator (max " + maxKilled + ")"));
    timeline.periods.forEach((d, i) => {
      const h = (band - 20) * d.events / maxEvents;
      const bar = svg("rect", {x: x(i), y: band - h, width: barWidth, height: h, fill: "#5d6d7e", class: "day-bar"});
      bar.append(svg("title", {}, d.period + ": " + d.events + " events, " + d.fatalities + " reported killed"));
      chart.append(bar);
      let y = 2 * band + gap;
      for (const r of killed[d.period] || []) {
        const kh = (band - 20) * r.fatalities / maxKilled;
        y -= kh;
        const k = svg("rect", {x: x(i), y: y, width: barWidth, height: kh, fill: colourOf(r.perpetrator), class: "killed-bar"});
        k.append(svg("title", {}, d.period + ": " + r.fatalities + " killed by " + r.perpetrator));
        chart.append(k);
      }
    });
    const ticks = Math.min(periods.length, 5);
    for (let t = 0; t < ticks; t++) {
      const i = ticks === 1 ? 0 : Math.round(t * (periods.length - 1) / (ticks - 1));
      chart.append(svg("text", {x: x(i), y: height - 4, "font-size": 10}, periods[i]));
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

  const label = (a) => a.code ? a.name + " (" + a.code + ")" : a.name;
  const names = (actors) => actors.map(label).join(", ");

  function when(date) {
    if (!date) return "undated";
    return date.start === date.end ? date.start : date.start + " to " + date.end;
  }

  // The newest events, listed once the map has its points (the map comes first).
  function drawTable(page) {
    const body = table.querySelector("tbody");
    const rows = page.events.map((e) => {
      const row = el("tr", null, {"data-type": e.type});
      const badge = el("span", e.type, {class: "badge"});
      badge.style.background = colours[e.type] || "#333";
      const link = el("a", e.trigger, {href: "/ui/events/" + encodeURIComponent(e.id)});
      const cells = [when(e.date), badge, names(e.source), link, names(e.target),
                     e.place ? e.place.label : "", e.status,
                     e.fatalities === null ? "" : e.fatalities, e.reports];
      for (const cell of cells) {
        const td = el("td", cell instanceof Node ? null : cell);
        if (cell instanceof Node) td.append(cell);
        row.append(td);
      }
      return row;
    });
    body.textContent = "";
    if (!rows.length) {
      const empty = el("td", "No events match. Ingest articles with ", {colspan: "9"});
      empty.append(el("code", "eventwire ingest PATH"), document.createTextNode("."));
      rows.push(el("tr"));
      rows[0].append(empty);
    }
    body.append(...rows);
    const cap = Number(table.dataset.countCap);
    const count = page.total > cap ? "More than " + cap.toLocaleString("en") : page.total.toLocaleString("en");
    let text = count + " events";
    if (page.total > page.events.length) {
      text += ", the newest " + page.events.length + " listed below; the map shows up to " + cap.toLocaleString("en");
    }
    document.getElementById("event-count").textContent = text + ".";
  }

  // Filter suggestions are not needed to see the data: fetched once the rest is drawn.
  async function fillSuggestions() {
    const [actors, places] = await Promise.all([getJSON("/actors?limit=200"), getJSON("/places?limit=200")]);
    const fill = (id, names) => {
      const list = document.getElementById(id);
      for (const name of names) list.append(el("option", null, {value: name}));
    };
    fill("actor-names", actors.map((a) => a.name));
    fill("place-names", places.map((p) => p.name));
  }

  async function main() {
    // Everything asked for at once (the page preloads the same URLs); drawn as it arrives.
    const outlines = getJSON(mapBox.dataset.outlines);
    const points = getJSON(mapBox.dataset.points);
    const stats = getJSON(timelineBox.dataset.timeline);
    const timeline = stats.then((s) => { drawTimeline(s); mark("timeline-drawn"); });
    const listed = points.then(() => getJSON(table.dataset.events))
      .then((page) => { drawTable(page); mark("table-drawn"); });
    try {
      await Promise.all([drawMap(outlines, points), timeline, listed]);
    } catch (error) {
      console.error(error, error && error.stack);
      document.body.append(el("p", "Could not load: " + error, {class: "error"}));
    } finally {
      document.body.dataset.loadMs = String(Math.round(performance.now()));
      document.body.dataset.loaded = "true";
    }
    fillSuggestions().catch((error) => console.warn("no filter suggestions:", error));
  }
  main();
})();
