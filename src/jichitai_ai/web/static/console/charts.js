/* Small SVG charts for the KPI dashboard, written for jichitai-ai (no third-party library).
   Data comes from <script type="application/json" id="kpi-data"> rendered by the server;
   each chart has a text alternative and the numbers are also in tables on the page. */
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var COLORS = { answered: "#0b4f9c", clarified: "#6aa5e6", handed_over: "#c2571a" };
  var SERIES = ["answered", "clarified", "handed_over"];

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, String(attrs[key])); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent || "{}") : null;
  }

  function svgRoot(width, height, title, desc, id) {
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-labelledby": id + "-t " + id + "-d" });
    svg.appendChild(el("title", { id: id + "-t" }, title));
    svg.appendChild(el("desc", { id: id + "-d" }, desc));
    return svg;
  }

  // A maximum that five gridlines divide into whole numbers.
  function niceMax(value) {
    if (value <= 5) { return 5; }
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * power >= value) { return steps[i] * power; }
    }
    return 10 * power;
  }

  function legend(labels) {
    var list = document.createElement("ul");
    list.className = "chart-legend";
    SERIES.forEach(function (key) {
      var item = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "chart-legend__swatch swatch-" + key;
      swatch.setAttribute("aria-hidden", "true");
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(labels[key]));
      list.appendChild(item);
    });
    return list;
  }

  function daysChart(container, data, labels) {
    var days = data.days || [];
    var width = 560, height = 260, left = 44, right = 10, top = 12, bottom = 40;
    var max = niceMax(days.reduce(function (m, d) { return Math.max(m, d.total); }, 0));
    var total = days.reduce(function (s, d) { return s + d.total; }, 0);
    var desc = labels.days + ": " + data.period.start + " – " + data.period.end + ", " + total;
    var svg = svgRoot(width, height, labels.days, desc, "days");
    var plotW = width - left - right, plotH = height - top - bottom;
    for (var g = 0; g <= 5; g++) {
      var y = top + plotH - (plotH * g) / 5;
      svg.appendChild(el("line", { x1: left, x2: width - right, y1: y, y2: y, stroke: "#c5cbd3", "stroke-width": 1 }));
      svg.appendChild(el("text", { x: left - 6, y: y + 4, "text-anchor": "end", "font-size": 13, fill: "#4d5561" }, String(Math.round((max * g) / 5))));
    }
    var slot = plotW / Math.max(days.length, 1);
    var barW = Math.max(Math.min(slot * 0.7, 28), 1);
    var labelEvery = Math.ceil(days.length / 7);
    days.forEach(function (day, i) {
      var x = left + i * slot + (slot - barW) / 2;
      var base = top + plotH;
      var group = el("g", {});
      group.appendChild(el("title", {}, day.day + ": " + day.total));
      SERIES.forEach(function (key) {
        var h = max ? (plotH * day[key]) / max : 0;
        if (h > 0) {
          group.appendChild(el("rect", { x: x, y: base - h, width: barW, height: h, fill: COLORS[key] }));
          base -= h;
        }
      });
      svg.appendChild(group);
      // Every n-th day is labelled, and the last day unless it would overlap the previous label.
      var last = i === days.length - 1 && i % labelEvery >= labelEvery / 2;
      if (i % labelEvery === 0 || last) {
        svg.appendChild(el("text", { x: x + barW / 2, y: height - bottom + 18, "text-anchor": "middle", "font-size": 13, fill: "#4d5561" }, day.day.slice(5)));
      }
    });
    svg.appendChild(el("line", { x1: left, x2: width - right, y1: top + plotH, y2: top + plotH, stroke: "#1b1f24", "stroke-width": 1 }));
    container.appendChild(svg);
    container.appendChild(legend(labels));
  }

  function ratesChart(container, data, labels) {
    // Values are percentages already rounded by the server (services/kpi.py), and the labels
    // are the server's own text: the chart never rounds again, so it matches cards and files.
    var keys = ["answered_rate", "clarified_rate", "handed_over_rate", "self_resolution_rate", "confirmed_resolution_rate", "resolved_vote_rate"];
    var colors = ["#0b4f9c", "#6aa5e6", "#c2571a", "#1e7a3c", "#0f5a2b", "#5b2a86"];
    var width = 600, rowH = 46, left = 250, right = 64, height = keys.length * rowH + 10;
    var parts = keys.map(function (k) {
      var v = data.totals[k];
      return labels[k] + " " + data.totals.display[k];
    });
    var svg = svgRoot(width, height, labels.rates, parts.join(", "), "rates");
    keys.forEach(function (key, i) {
      var value = data.totals[key];
      var y = 5 + i * rowH;
      svg.appendChild(el("text", { x: left - 10, y: y + 24, "text-anchor": "end", "font-size": 15, fill: "#1b1f24" }, labels[key]));
      svg.appendChild(el("rect", { x: left, y: y + 8, width: width - left - right, height: 24, fill: "#e9edf2" }));
      if (value !== null) {
        svg.appendChild(el("rect", { x: left, y: y + 8, width: (width - left - right) * value / 100, height: 24, fill: colors[i] }));
      }
      svg.appendChild(el("text", { x: width - right + 6, y: y + 25, "font-size": 15, "font-weight": 700, fill: "#1b1f24", "data-kpi": key }, data.totals.display[key]));
    });
    container.appendChild(svg);
  }

  function init() {
    var data = readJson("kpi-data");
    var labels = readJson("kpi-labels");
    if (!data || !labels) { return; }
    var days = document.getElementById("chart-days");
    var rates = document.getElementById("chart-rates");
    if (days) { daysChart(days, data, labels); }
    if (rates) { ratesChart(rates, data, labels); }
    document.documentElement.setAttribute("data-charts", "ready");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
