/* dipkg timeline: meetings per year or month as stacked SVG bars, one bar group per period, one
   segment per partner state (or home region); a click on a segment lists its meetings with their
   sentences. Drawn with DOM calls only; every text through textContent. */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9d9a",
                 "#9c755f", "#2f9e94"];
  var OTHER = "#bab0ac";
  var TOP = 10;

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { node.textContent = String(text); }
    return node;
  }

  /* Round tick steps: 1, 2, 5, 10, 20, 50 ... */
  function step(max) {
    var raw = Math.max(1, max / 5);
    var base = Math.pow(10, Math.floor(Math.log10(raw)));
    var best = [1, 2, 5, 10].map(function (m) { return m * base; }).filter(function (s) { return s >= raw; })[0];
    return Math.max(1, best);
  }

  window.dipkgChart = function (api) {
    var data = api.data;
    var state = { by: "partners", period: "year", selected: null };
    var series = [];
    var colourOf = {};

    function periodOf(row) {
      if (!row[1]) { return null; }
      if (state.period === "year") { return row[1].slice(0, 4); }
      return row[1].length >= 7 ? row[1].slice(0, 7) : null;
    }
    function keysOf(row) { return state.by === "partners" ? row[4] : row[3]; }
    function passes(row) {
      return api.filter.sector === "" || row[2].indexOf(Number(api.filter.sector)) >= 0;
    }

    /* The periods present in the data, whatever the filter: the axis does not jump. */
    function periods() {
      var seen = {};
      data.meetings.forEach(function (row) {
        var p = periodOf(row);
        if (p && keysOf(row).length) { seen[p] = true; }
      });
      return Object.keys(seen).sort();
    }

    function count() {
      var cells = {};
      var totals = {};
      data.meetings.forEach(function (row) {
        var p = periodOf(row);
        if (!p || !passes(row)) { return; }
        keysOf(row).forEach(function (ref) {
          if (api.hidden(ref)) { return; }
          totals[ref] = (totals[ref] || 0) + 1;
          var key = p + "|" + ref;
          (cells[key] = cells[key] || []).push(row[0]);
        });
      });
      var order = Object.keys(totals).map(Number).sort(function (a, b) {
        return totals[b] - totals[a] || (api.labelOf(a) < api.labelOf(b) ? -1 : 1);
      });
      series = order.slice(0, TOP);
      var others = order.slice(TOP);
      colourOf = {};
      series.forEach(function (ref, i) { colourOf[ref] = COLOURS[i % COLOURS.length]; });
      var stacks = {};
      Object.keys(cells).forEach(function (key) {
        var parts = key.split("|");
        var ref = Number(parts[1]);
        var slot = others.indexOf(ref) >= 0 ? "other" : String(ref);
        var stack = stacks[parts[0]] = stacks[parts[0]] || {};
        stack[slot] = (stack[slot] || []).concat(cells[key]);
      });
      state.hasOther = others.length > 0;
      return { stacks: stacks, hasOther: state.hasOther };
    }

    function segmentName(slot) { return slot === "other" ? api.ui("otherStates") : api.labelOf(Number(slot)); }

    var holder = api.el("div", "chart");
    api.box.insertBefore(holder, api.box.firstChild);

    function draw() {
      api.clear(holder);
      var width = Math.max(api.box.clientWidth, 300);
      var height = Math.max(api.box.clientHeight, 200);
      var root = svg("svg", { width: width, height: height, "class": "timeline", role: "img" });
      var counts = count();
      var ps = periods();
      var left = 52, right = 16, top = 48, bottom = state.period === "month" ? 70 : 40;
      var plotW = width - left - right, plotH = height - top - bottom;
      var max = 1;
      ps.forEach(function (p) {
        var total = 0;
        Object.keys(counts.stacks[p] || {}).forEach(function (slot) { total += counts.stacks[p][slot].length; });
        max = Math.max(max, total);
      });
      var tick = step(max);
      var yMax = Math.ceil(max / tick) * tick;
      var axis = svg("g", { "class": "axis" });
      for (var v = 0; v <= yMax; v += tick) {
        var y = top + plotH - (v / yMax) * plotH;
        axis.appendChild(svg("line", { x1: left, x2: left + plotW, y1: y, y2: y, stroke: v ? "#eaeef2" : "#57606a" }));
        axis.appendChild(svg("text", { x: left - 6, y: y + 4, "text-anchor": "end", "font-size": 11, fill: "#57606a" }, v));
      }
      axis.appendChild(svg("text", { x: left, y: top - 14, "font-size": 12, fill: "#57606a" },
                           api.ui("meetingsAxis") + " · " + api.ui(state.by === "partners" ? "partnerState" : "region")));
      root.appendChild(axis);
      var group = plotW / Math.max(ps.length, 1);
      var barW = Math.max(2, Math.min(64, group * 0.72));
      var labelEvery = Math.ceil(ps.length / Math.max(1, Math.floor(plotW / (state.period === "month" ? 34 : 44))));
      ps.forEach(function (p, i) {
        var g = svg("g", { "class": "bar-group", "data-period": p });
        var x = left + i * group + (group - barW) / 2;
        var base = top + plotH;
        var stack = counts.stacks[p] || {};
        var slots = series.map(String).filter(function (s) { return stack[s]; });
        if (stack.other) { slots.push("other"); }
        slots.forEach(function (slot) {
          var refs = stack[slot];
          var h = (refs.length / yMax) * plotH;
          var rect = svg("rect", { x: x, y: base - h, width: barW, height: Math.max(h, 0.5),
                                   fill: slot === "other" ? OTHER : colourOf[slot], "class": "bar",
                                   "data-series": slot, "data-count": refs.length });
          if (state.selected !== null && slot !== String(state.selected)) { rect.setAttribute("opacity", "0.25"); }
          rect.addEventListener("mousemove", function (event) {
            var box = api.box.getBoundingClientRect();
            api.showTip(segmentName(slot) + " · " + p + "\n" + api.counted("meetings", refs.length),
                        { x: event.clientX - box.left, y: event.clientY - box.top });
          });
          rect.addEventListener("mouseleave", api.hideTip);
          rect.addEventListener("click", function () {
            api.hideTip();
            api.showMeetings(function () { return segmentName(slot) + " · " + p; }, refs.slice().reverse());
          });
          g.appendChild(rect);
          base -= h;
        });
        if (i % labelEvery === 0) {
          var tx = x + barW / 2, ty = top + plotH + 16;
          var label = svg("text", { x: tx, y: ty, "font-size": 11, fill: "#1f2328",
                                    "text-anchor": state.period === "month" ? "end" : "middle" }, p);
          if (state.period === "month") { label.setAttribute("transform", "rotate(-45 " + tx + " " + ty + ")"); }
          g.appendChild(label);
        }
        root.appendChild(g);
      });
      holder.appendChild(root);
    }

    function legend(parent) {
      var list = api.el("ul", "series");
      series.forEach(function (ref) {
        var item = api.el("li");
        var button = api.el("button", "node-link series-name", api.labelOf(ref));
        button.type = "button";
        button.setAttribute("data-ref", String(ref));
        button.addEventListener("click", function () { api.choose(ref); select(ref); });
        item.appendChild(api.swatch(null, colourOf[ref]));
        item.appendChild(button);
        list.appendChild(item);
      });
      if (state.hasOther) {
        var other = api.el("li");
        other.appendChild(api.swatch(null, OTHER));
        other.appendChild(api.el("span", "series-name", api.ui("otherStates")));
        list.appendChild(other);
      }
      parent.appendChild(list);
    }

    function controls(box, selectBox) {
      box.appendChild(selectBox("by", api.ui("groupBy"), [["partners", api.ui("partnerState")], ["regions", api.ui("region")]],
                                state.by, function (v) { state.by = v; state.selected = null; draw(); api.redrawLegend(); }));
      box.appendChild(selectBox("period", api.ui("period"), [["year", api.ui("perYear")], ["month", api.ui("perMonth")]],
                                state.period, function (v) { state.period = v; draw(); }));
    }

    function select(ref) { state.selected = ref; draw(); }

    function meetingsOf(ref) {
      return data.meetings.filter(function (row) {
        return passes(row) && (row[3].indexOf(ref) >= 0 || row[4].indexOf(ref) >= 0);
      }).map(function (row) { return row[0]; }).reverse();
    }

    function reset() { state.selected = null; state.by = "partners"; state.period = "year"; }

    window.addEventListener("resize", draw);
    return { draw: draw, legend: legend, controls: controls, select: select, reset: reset, meetingsOf: meetingsOf,
             periods: periods, series: function () { return series.slice(); } };
  };
}());
