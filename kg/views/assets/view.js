/* dipkg view: draws the embedded data with vis-network (or, for the timeline, as SVG bars); legend,
   type and meeting filters, search, fit and reset, labels placed by importance where they fit, the
   selection's neighbourhood highlighted, and the fact panel.
   Every text of the data reaches the page through textContent or canvas drawing, never as markup. */
(function () {
  "use strict";

  performance.mark("dipkg:start");
  var data = JSON.parse(document.getElementById("dipkg-data").textContent);
  performance.mark("dipkg:parsed");
  var catalog = data.catalog;
  var detailsRead = false;
  /* The facts, evidence and reports, parsed when the panel first needs them. */
  function readDetails() {
    if (detailsRead) { return; }
    detailsRead = true;
    var details = JSON.parse(document.getElementById("dipkg-details").textContent);
    Object.keys(details.facts).forEach(function (ref) { catalog[ref].f = details.facts[ref]; });
    data.evidence = details.evidence;
    data.sentences = details.sentences;
    data.reports = details.reports;
    data.terms = details.terms;
  }
  var ORDER = { kk: ["kk", "ru", "en", ""], ru: ["ru", "kk", "en", ""], en: ["en", "ru", "kk", ""] };
  var STYLE = {
    person: { shape: "dot", color: "#4e79a7" },
    meeting: { shape: "diamond", color: "#f28e2b" },
    country: { shape: "square", color: "#59a14f" },
    region: { shape: "triangle", color: "#2f9e94" },
    city: { shape: "triangleDown", color: "#76b7b2" },
    place: { shape: "triangle", color: "#a5d6d1" },
    government: { shape: "hexagon", color: "#e15759" },
    university: { shape: "hexagon", color: "#ff9d9a" },
    company: { shape: "hexagon", color: "#b07aa1" },
    international: { shape: "hexagon", color: "#9c755f" },
    organization: { shape: "hexagon", color: "#c44e52" },
    sector: { shape: "star", color: "#edc948" },
    other: { shape: "dot", color: "#bab0ac" }
  };
  var KIND = data.kind;
  var CHART = KIND === "timeline";
  var TWO_SIDED = KIND === "regions";
  var WEIGHTED = KIND === "countries" || KIND === "sectors" || TWO_SIDED;
  /* A busy view draws no arrows, hides edges while it moves, and pans as a picture. */
  var BUSY = data.edges.length > 2000;
  var PRECOMPUTED = data.layout === "precomputed" || data.nodes.length === 0;
  /* A very large view draws at first only data.first (its most important nodes and those that join
     them); a search or a click draws a node's neighbours, the legend's button all the rest. */
  var PARTIAL = !CHART && PRECOMPUTED && !!data.first;
  var MAX_AROUND = 400;
  var MAX_ENDING = 6;
  var lang = ORDER[data.lang] ? data.lang : "kk";
  var hiddenTypes = {};
  var inView = {};
  var current = null;
  var network = null;
  var chart = null;
  var filter = { sector: "", year: "" };
  var meetingRow = {};

  var rowOf = {};
  data.nodes.forEach(function (row) { inView[row[0]] = true; rowOf[row[0]] = row; });
  (data.meetings || []).forEach(function (row) { meetingRow[row[0]] = row; });

  function pick(labels) {
    if (!labels) { return ""; }
    var order = ORDER[lang];
    for (var i = 0; i < order.length; i++) {
      if (labels[order[i]]) { return labels[order[i]]; }
    }
    for (var key in labels) {
      if (Object.prototype.hasOwnProperty.call(labels, key) && labels[key]) { return labels[key]; }
    }
    return "";
  }
  function ui(key, n) {
    var text = pick(data.ui[key]) || key;
    return n === undefined ? text : text.replace("{n}", String(n));
  }
  /* A number with its counted word in the page's language: 21 узел, 25 узлов, 1 meeting. */
  function counted(key, n) {
    var forms = (data.plurals[key] || {})[lang] || (data.plurals[key] || {}).en || { other: "{n} " + key };
    var category = "other";
    try { category = new Intl.PluralRules(lang).select(n); } catch (e) { category = n === 1 ? "one" : "other"; }
    return (forms[category] || forms.other).replace("{n}", String(n));
  }
  function labelOf(ref) { return pick(catalog[ref].l); }
  function categoryOf(ref) { return catalog[ref].c; }
  function typeName(category) { return pick(data.types[category]) || category; }
  function relationName(relation) { return pick(data.relations[relation]) || relation; }
  function styleOf(category) { return STYLE[category] || STYLE.other; }
  function fold(text) { return text.normalize("NFC").toLowerCase().replace(/ё/g, "е"); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  /* The meeting filters of the regions and timeline views: sector and year */

  function passes(ref) {
    var row = meetingRow[ref];
    if (!row) { return true; }
    if (filter.year && row[1].slice(0, 4) !== filter.year) { return false; }
    if (filter.sector !== "" && row[2].indexOf(Number(filter.sector)) < 0) { return false; }
    return true;
  }
  function edgeMeetings(edge) { return edge[4].filter(passes); }
  function edgeWeight(edge) { return data.meetings.length ? edgeMeetings(edge).length : edge[3]; }

  /* Node and edge records for vis-network: no labels (the overlay draws them), no titles (the page's tip shows them) */

  function visNode(row) {
    var ref = row[0];
    var style = styleOf(categoryOf(ref));
    var node = {
      id: ref,
      shape: style.shape,
      value: row[1],
      color: { background: style.color, border: "#33333380",
               highlight: { background: style.color, border: "#111" },
               hover: { background: style.color, border: "#111" } },
      hidden: !!hiddenTypes[categoryOf(ref)]
    };
    if (row.length > 3) { node.x = row[2]; node.y = row[3]; node.fixed = TWO_SIDED; }
    return node;
  }

  function nodeTitle(ref) { return labelOf(ref) + "\n" + typeName(categoryOf(ref)); }

  function edgeTitle(edge) {
    var source = labelOf(edge[0]);
    var target = labelOf(edge[1]);
    if (!WEIGHTED) { return source + " → " + target + "\n" + relationName(edge[2]); }
    var lines = [source + " – " + target + ": " + counted("meetings", edgeWeight(edge))];
    if (edge[5].length) {
      lines.push(ui("sectors") + ": " + edge[5].slice(0, 8).map(function (s) {
        return labelOf(s[0]) + " (" + s[1] + ")";
      }).join(", "));
    }
    if (edge[6].length) { lines.push(ui("dates") + ": " + edge[6].slice(0, 12).join(", ") + (edge[6].length > 12 ? " …" : "")); }
    return lines.join("\n");
  }

  function edgeLabel(edge) { return WEIGHTED ? String(edgeWeight(edge)) : relationName(edge[2]); }

  function visEdge(edge, i) {
    var out = { id: i, from: edge[0], to: edge[1] };
    if (WEIGHTED) { out.value = edge[3]; }
    if (!WEIGHTED && !BUSY) { out.arrows = { to: { enabled: true, scaleFactor: 0.45 } }; }
    return out;
  }

  /* Sizes grow with the square root of the value, so that a hub does not dwarf everything else. */
  function sqrtScale(min, max, total, value) {
    return max === min ? 0.5 : Math.sqrt((value - min) / (max - min));
  }

  /* What the drawing holds: nodes and edges (by index into data.edges). */
  var drawn = {};
  var drawnEdge = {};
  var drawnCount = 0;
  var firstRows = PARTIAL ? data.first.map(function (ref) { return rowOf[ref]; }) : data.nodes;
  var firstEdges = [];
  if (!CHART) {
    firstRows.forEach(function (row) { drawn[row[0]] = true; });
    drawnCount = firstRows.length;
    data.edges.forEach(function (edge, i) {
      if (!PARTIAL || (drawn[edge[0]] && drawn[edge[1]])) { drawnEdge[i] = true; firstEdges.push(visEdge(edge, i)); }
    });
  }
  var nodes = new vis.DataSet(CHART ? [] : firstRows.map(visNode));
  var edges = new vis.DataSet(firstEdges);

  function importance(ref) {
    return ((data.weights || {})[categoryOf(ref)] || 1) * Math.sqrt(rowOf[ref][1] || 1);
  }
  var edgesOf = null;
  function edgesAt(ref) {
    if (!edgesOf) {
      edgesOf = {};
      data.edges.forEach(function (edge, i) {
        (edgesOf[edge[0]] = edgesOf[edge[0]] || []).push(i);
        if (edge[1] !== edge[0]) { (edgesOf[edge[1]] = edgesOf[edge[1]] || []).push(i); }
      });
    }
    return edgesOf[ref] || [];
  }
  /* Add nodes of the view to the drawing, at their computed places, with their edges to what is drawn. */
  function drawNodes(refs) {
    var added = [];
    refs.forEach(function (ref) {
      if (drawn[ref] || !inView[ref]) { return; }
      drawn[ref] = true;
      var node = visNode(rowOf[ref]);
      node.hidden = nodeHidden(ref);
      added.push(node);
    });
    if (!added.length) { return; }
    drawnCount += added.length;
    var addedEdges = [];
    added.forEach(function (node) {
      edgesAt(node.id).forEach(function (i) {
        var edge = data.edges[i];
        if (drawnEdge[i] || !drawn[edge[0]] || !drawn[edge[1]]) { return; }
        drawnEdge[i] = true;
        var out = visEdge(edge, i);
        if (data.meetings.length) { out.hidden = edgeWeight(edge) === 0; }
        addedEdges.push(out);
      });
    });
    nodes.add(added);
    edges.add(addedEdges);
    drawLegend();
  }
  /* A node and its most important neighbours not drawn yet. */
  function drawAround(ref) {
    if (!PARTIAL || !inView[ref]) { return; }
    var others = [];
    edgesAt(ref).forEach(function (i) {
      var edge = data.edges[i];
      var other = edge[0] === ref ? edge[1] : edge[0];
      if (!drawn[other]) { others.push(other); }
    });
    others.sort(function (a, b) { return importance(b) - importance(a) || a - b; });
    drawNodes([ref].concat(others.slice(0, MAX_AROUND)));
  }
  function drawAll() {
    setStatus(ui("loading"));
    setTimeout(function () {
      drawNodes(data.nodes.map(function (row) { return row[0]; }));
      setStatus("");
      relabelNow();
    }, 30);
  }
  /* Back to what the page opened with. */
  function undrawAdded() {
    if (!PARTIAL) { return; }
    var first = {};
    data.first.forEach(function (ref) { first[ref] = true; });
    var gone = Object.keys(drawn).filter(function (ref) { return !first[ref]; }).map(Number);
    var goneEdges = Object.keys(drawnEdge).filter(function (i) {
      var edge = data.edges[i];
      return !first[edge[0]] || !first[edge[1]];
    }).map(Number);
    edges.remove(goneEdges);
    nodes.remove(gone);
    gone.forEach(function (ref) { delete drawn[ref]; });
    goneEdges.forEach(function (i) { delete drawnEdge[i]; });
    drawnCount = data.first.length;
  }
  var options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: !PRECOMPUTED && data.nodes.length <= 150 },
    physics: PRECOMPUTED ? false : {
      enabled: true,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.01, springLength: 90,
                          springConstant: 0.06, damping: 0.5, avoidOverlap: 0 },
      maxVelocity: 40,
      minVelocity: 1,
      stabilization: { enabled: true, iterations: data.nodes.length > 300 ? 250 : 400,
                       updateInterval: 20, fit: true }
    },
    interaction: { hover: !BUSY, hideEdgesOnDrag: BUSY, hideEdgesOnZoom: BUSY,
                   hideNodesOnDrag: BUSY, dragNodes: !BUSY && !TWO_SIDED, keyboard: false, multiselect: false },
    nodes: {
      borderWidth: 1,
      scaling: { min: TWO_SIDED ? 5 : WEIGHTED ? 10 : 7, max: TWO_SIDED ? 18 : WEIGHTED ? 36 : 30,
                 customScalingFunction: sqrtScale }
    },
    edges: {
      smooth: false,
      width: 1,
      selectionWidth: 2,
      color: { color: "#9aa4ae", highlight: "#1f2d3d", hover: "#1f2d3d", opacity: 0.85, inherit: false },
      scaling: { min: 1, max: 12, customScalingFunction: sqrtScale }
    }
  };

  var status = document.getElementById("status");
  function setStatus(text) {
    status.textContent = text;
    status.style.display = text ? "block" : "none";
  }
  setStatus(ui("loading"));

  performance.mark("dipkg:datasets");
  var graphBox = document.getElementById("graph");
  if (!CHART) { network = new vis.Network(graphBox, { nodes: nodes, edges: edges }, options); }
  performance.mark("dipkg:network");

  function ready() {
    performance.mark("dipkg:ready");
    setStatus("");
    document.body.setAttribute("data-state", "ready");
    window.dipkgReady = true;
    if (data.focus !== null && data.focus !== undefined) { select(data.focus); showNode(data.focus); }
  }
  if (CHART) {
    setTimeout(ready, 0);
  } else if (PRECOMPUTED) {
    /* Fitted and labelled before the first frame (at the end of this script): drawn once. */
    network.once("afterDrawing", ready);
  } else {
    network.on("stabilizationProgress", function (p) {
      setStatus(ui("loading") + " " + Math.round((100 * p.iterations) / p.total) + "%");
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      fit();
      network.once("afterDrawing", ready);
      network.redraw();
    });
  }

  /* Labels (labels.js) */

  var labeller = network ? window.dipkgLabels({
    data: data, network: network, box: graphBox, inView: inView, labelOf: labelOf, categoryOf: categoryOf,
    edgeLabel: edgeLabel, twoSided: TWO_SIDED, weighted: WEIGHTED, moving: function () { return !!snapshot; }
  }) : null;
  var labels = labeller ? labeller.state : { drawn: [], near: {}, selected: null, allEdges: false };
  function relabelNow() { if (labeller) { labeller.now(); } }
  function relabelSoon() { if (labeller) { labeller.soon(); } }
  function setSelection(ref) {
    if (labeller) { labeller.select(ref); } else { labels.selected = ref; }
  }
  function textWidth(text, px) { return labeller.textWidth(text, px); }
  function shortText(text) { return labeller.shortText(text); }
  function fontSize(ref) { return labeller.fontSize(ref); }

  /* The tip: a node's or edge's name on hover, gone on click, drag or zoom. */

  var tip = el("div", "tip");
  tip.setAttribute("role", "tooltip");
  graphBox.appendChild(tip);
  function showTip(text, at) {
    tip.textContent = text;
    tip.style.display = "block";
    var x = Math.min(at.x + 14, graphBox.clientWidth - tip.offsetWidth - 4);
    var y = Math.min(at.y + 14, graphBox.clientHeight - tip.offsetHeight - 4);
    tip.style.left = Math.max(0, x) + "px";
    tip.style.top = Math.max(0, y) + "px";
  }
  function hideTip() { tip.style.display = "none"; }

  if (network) {
    network.on("afterDrawing", labeller.draw);
    network.on("hoverNode", function (p) { showTip(nodeTitle(p.node), p.pointer.DOM); });
    network.on("blurNode", hideTip);
    network.on("hoverEdge", function (p) {
      labels.hoverEdge = p.edge;
      showTip(edgeTitle(data.edges[p.edge]), p.pointer.DOM);
      relabelNow();
    });
    network.on("blurEdge", function () { labels.hoverEdge = null; hideTip(); relabelNow(); });
    ["click", "dragStart", "zoom"].forEach(function (name) { network.on(name, hideTip); });
    network.on("zoom", relabelSoon);
    network.on("dragEnd", relabelSoon);
    network.on("animationFinished", relabelNow);
    network.on("resize", relabelSoon);
  }

  /* A busy view pans as a picture: while the mouse drags, the last frame moves with it; the graph
     is drawn again when the drag ends. Drawing thousands of nodes per frame would stutter. */
  var snapshot = null;
  if (network && BUSY) {
    network.on("dragStart", function () {
      var canvas = document.querySelector("#graph canvas");
      var copy = document.createElement("canvas");
      copy.width = canvas.width;
      copy.height = canvas.height;
      copy.getContext("2d").drawImage(canvas, 0, 0);
      snapshot = { image: copy, at: network.getViewPosition(), scale: network.getScale(),
                   ratio: canvas.width / Math.max(canvas.clientWidth, 1) };
    });
    network.on("dragEnd", function () {
      snapshot = null;
      network.redraw();
    });
    network.on("beforeDrawing", function (ctx) {
      if (!snapshot) { return; }
      var at = network.getViewPosition();
      var factor = snapshot.scale * snapshot.ratio;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(snapshot.image, (snapshot.at.x - at.x) * factor, (snapshot.at.y - at.y) * factor);
      ctx.restore();
    });
  }

  /* Controls over the graph: fit, reset */

  var controls = el("div", "controls");
  var fitButton = el("button", "fit");
  var resetButton = el("button", "reset");
  fitButton.type = resetButton.type = "button";
  if (!CHART) { controls.appendChild(fitButton); }
  controls.appendChild(resetButton);
  graphBox.appendChild(controls);
  fitButton.addEventListener("click", fit);
  resetButton.addEventListener("click", reset);

  function fit() {
    if (!network) { return; }
    network.fit({ animation: false });
    if (TWO_SIDED) {
      fitColumns();
    } else {
      /* A margin for the labels of the outermost nodes */
      network.moveTo({ scale: network.getScale() * 0.92, animation: false });
    }
    relabelNow();
  }

  /* The two columns as far apart as the labels leave room for (regions' names left of them, states'
     right), the rows as tall as the height allows. */
  function fitColumns() {
    if (!data.nodes.length) { return; }
    var widest = { left: 0, right: 0 };
    var lo = Infinity;
    var hi = -Infinity;
    data.nodes.forEach(function (row) {
      var side = categoryOf(row[0]) === "country" ? "right" : "left";
      widest[side] = Math.max(widest[side], textWidth(shortText(labelOf(row[0])), fontSize(row[0])) + 30);
      lo = Math.min(lo, row[3]);
      hi = Math.max(hi, row[3]);
    });
    var w = graphBox.clientWidth;
    var h = graphBox.clientHeight;
    var scale = Math.max(Math.min((h - 120) / Math.max(hi - lo, 1), 1.4), 0.05);
    var gap = Math.max(w - widest.left - widest.right - 40, 160);
    var x = gap / scale;
    data.nodes.forEach(function (row) {
      if (drawn[row[0]] && categoryOf(row[0]) === "country") { network.moveNode(row[0], row[2] === 0 ? 0 : x, row[3]); }
    });
    var middle = (20 + widest.left + w - 20 - widest.right) / 2;
    network.moveTo({ position: { x: x / 2 + (w / 2 - middle) / scale, y: (lo + hi) / 2 + 14 / scale },
                     scale: scale, animation: false });
  }

  function reset() {
    undrawAdded();
    Object.keys(hiddenTypes).forEach(function (c) { if (hiddenTypes[c]) { setTypeHidden(c, false); } });
    filter.sector = "";
    filter.year = "";
    searchInput.value = "";
    resultList.style.display = "none";
    current = null;
    if (network) { network.unselectAll(); }
    if (chart) { chart.reset(); }
    setSelection(null);
    applyFilter();
    panelHint();
    drawLegend();
    fit();
  }

  /* Header: title, language */

  var langSelect = document.getElementById("lang");
  langSelect.value = lang;
  langSelect.addEventListener("change", function () {
    lang = langSelect.value;
    relabel();
  });

  function relabelPage() {
    document.documentElement.lang = lang;
    document.getElementById("title").textContent = pick(data.title);
    document.title = pick(data.title);
    document.getElementById("lang-name").textContent = ui("language");
    searchInput.placeholder = ui("search");
    fitButton.textContent = ui("fit");
    resetButton.textContent = ui("reset");
    drawLegend();
    if (current) { current.render(); } else { panelHint(); }
  }

  function relabel() {
    relabelPage();
    if (network) { relabelNow(); }
    if (chart) { chart.draw(); }
    runSearch();
  }

  /* Legend, type filter, edge labels and the meeting filters */

  var SVG = "http://www.w3.org/2000/svg";
  function swatch(category, colour) {
    var style = styleOf(category);
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    var shape;
    var points = {
      diamond: "8,1 15,8 8,15 1,8",
      triangle: "8,2 15,14 1,14",
      triangleDown: "1,2 15,2 8,14",
      hexagon: "4,2 12,2 15,8 12,14 4,14 1,8",
      star: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6"
    };
    if (style.shape === "dot" && !colour) {
      shape = document.createElementNS(SVG, "circle");
      shape.setAttribute("cx", "8");
      shape.setAttribute("cy", "8");
      shape.setAttribute("r", "6.5");
    } else if (style.shape === "square" || colour) {
      shape = document.createElementNS(SVG, "rect");
      shape.setAttribute("x", "2");
      shape.setAttribute("y", "2");
      shape.setAttribute("width", "12");
      shape.setAttribute("height", "12");
    } else {
      shape = document.createElementNS(SVG, "polygon");
      shape.setAttribute("points", points[style.shape] || points.diamond);
    }
    shape.setAttribute("fill", colour || style.color);
    shape.setAttribute("stroke", "#333");
    shape.setAttribute("stroke-width", "0.8");
    svg.appendChild(shape);
    return svg;
  }

  var counts = {};
  data.nodes.forEach(function (row) {
    var c = categoryOf(row[0]);
    counts[c] = (counts[c] || 0) + 1;
  });

  var years = [];
  var sectorsUsed = [];
  (function () {
    var y = {};
    var s = {};
    (data.meetings || []).forEach(function (row) {
      if (row[1]) { y[row[1].slice(0, 4)] = true; }
      row[2].forEach(function (ref) { s[ref] = (s[ref] || 0) + 1; });
    });
    years = Object.keys(y).sort();
    sectorsUsed = Object.keys(s).map(Number).sort(function (a, b) { return s[b] - s[a] || a - b; });
  }());

  function selectBox(name, label, choices, value, change) {
    var wrap = el("label", "filter");
    wrap.appendChild(el("span", "filter-name", label));
    var box = el("select");
    box.setAttribute("data-filter", name);
    choices.forEach(function (c) {
      var option = el("option", null, c[1]);
      option.value = c[0];
      box.appendChild(option);
    });
    box.value = value;
    box.addEventListener("change", function () { change(box.value); });
    wrap.appendChild(box);
    return wrap;
  }

  function drawFilters(legend) {
    if (!data.meetings.length && !CHART) { return; }
    var box = el("div", "filters");
    box.appendChild(selectBox("sector", ui("sector"), [["", ui("allSectors")]].concat(sectorsUsed.map(function (s) {
      return [String(s), labelOf(s)];
    })), filter.sector, function (v) { filter.sector = v; applyFilter(); }));
    if (!CHART) {
      box.appendChild(selectBox("year", ui("year"), [["", ui("allYears")]].concat(years.map(function (y) {
        return [y, y];
      })), filter.year, function (v) { filter.year = v; applyFilter(); }));
    } else {
      chart.controls(box, selectBox);
    }
    legend.appendChild(box);
  }

  function drawLegend() {
    var legend = document.getElementById("legend");
    clear(legend);
    drawFilters(legend);
    legend.appendChild(el("h2", null, ui("legend")));
    var list = el("ul", "types");
    data.categories.forEach(function (category) {
      var item = el("li");
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = !hiddenTypes[category];
      box.setAttribute("data-type", category);
      box.addEventListener("change", function () { setTypeHidden(category, !box.checked); });
      label.appendChild(box);
      label.appendChild(swatch(category));
      label.appendChild(el("span", "type-name", typeName(category)));
      label.appendChild(el("span", "count", counts[category] || 0));
      item.appendChild(label);
      list.appendChild(item);
    });
    legend.appendChild(list);
    if (!CHART) {
      legend.appendChild(el("p", "hint", ui("filterHint")));
      var toggle = el("label", "edge-labels");
      var check = el("input");
      check.type = "checkbox";
      check.checked = labels.allEdges;
      check.setAttribute("data-toggle", "edge-labels");
      check.addEventListener("change", function () { labels.allEdges = check.checked; relabelNow(); });
      toggle.appendChild(check);
      toggle.appendChild(el("span", null, ui("edgeLabels")));
      legend.appendChild(toggle);
    }
    if (WEIGHTED) {
      legend.appendChild(el("p", "hint", ui("nodeSize")));
      legend.appendChild(el("p", "hint", ui("edgeWidth")));
    }
    var shown = CHART ? data.nodes.length : drawnCount;
    data.nodes.forEach(function (row) {
      if ((CHART || drawn[row[0]]) && (hiddenTypes[categoryOf(row[0])] || filteredOut[row[0]])) { shown -= 1; }
    });
    legend.appendChild(el("p", "shown", counted("shown", shown)));
    if (PARTIAL && drawnCount < data.nodes.length) {
      var partial = el("div", "partial");
      partial.appendChild(el("p", null, ui("partial").replace("{n}", String(drawnCount))
        .replace("{total}", String(data.nodes.length))));
      partial.appendChild(el("p", "hint", ui("partialHint")));
      var all = el("button", "draw-all", ui("drawAll"));
      all.type = "button";
      all.addEventListener("click", drawAll);
      partial.appendChild(all);
      legend.appendChild(partial);
    }
    if (chart) { chart.legend(legend); }
  }

  var filteredOut = {};

  function nodeHidden(ref) { return !!hiddenTypes[categoryOf(ref)] || !!filteredOut[ref]; }

  function setTypeHidden(category, hidden) {
    hiddenTypes[category] = hidden;
    var changes = [];
    data.nodes.forEach(function (row) {
      if (drawn[row[0]] && categoryOf(row[0]) === category) { changes.push({ id: row[0], hidden: nodeHidden(row[0]) }); }
    });
    if (network) { nodes.update(changes); setSelection(labels.selected); }
    if (chart) { chart.draw(); }
    drawLegend();
  }

  /* The regions view keeps the edges (and nodes) with meetings of the chosen sector and year. */
  function applyFilter() {
    if (chart) { chart.draw(); drawLegend(); return; }
    if (!data.meetings.length || !network) { return; }
    var alive = {};
    var edgeChanges = [];
    data.edges.forEach(function (edge, i) {
      var n = edgeWeight(edge);
      if (n) { alive[edge[0]] = true; alive[edge[1]] = true; }
      if (drawnEdge[i]) { edgeChanges.push({ id: i, hidden: n === 0, value: Math.max(n, 1) }); }
    });
    edges.update(edgeChanges);
    filteredOut = {};
    data.nodes.forEach(function (row) { if (!alive[row[0]]) { filteredOut[row[0]] = true; } });
    nodes.update(data.nodes.filter(function (row) { return drawn[row[0]]; }).map(function (row) {
      return { id: row[0], hidden: nodeHidden(row[0]) };
    }));
    setSelection(labels.selected);
    drawLegend();
    if (current) { current.render(); }
  }

  /* Search: any label in any language, every form the reports use, and any form of a label word
     (a stem the page got from the languages' morphology, plus an ending), case-folded */

  var searchInput = document.getElementById("search");
  var resultList = document.getElementById("results");
  var results = [];
  var active = 0;
  var folded = {};
  data.nodes.forEach(function (row) { folded[row[0]] = (catalog[row[0]].k || []).map(fold); });

  function stemMatch(ref, words) {
    var stems = catalog[ref].m || [];
    if (!stems.length) { return false; }
    return words.every(function (w) {
      return stems.some(function (s) {
        return (w.indexOf(s) === 0 && w.length - s.length <= MAX_ENDING) || (w.length >= 3 && s.indexOf(w) === 0);
      });
    });
  }

  function search(query) {
    var q = fold(query.trim());
    if (!q) { return []; }
    var words = q.split(/[\s,.;:!?()«»"]+/).filter(Boolean);
    var found = [];
    data.nodes.forEach(function (row) {
      var ref = row[0];
      var forms = folded[ref];
      var best = 0;
      var form = "";
      for (var i = 0; i < forms.length; i++) {
        var f = forms[i];
        var score = 0;
        if (f === q) { score = 4; } else if (f.indexOf(q) === 0) { score = 3; } else if (f.indexOf(" " + q) >= 0) {
          score = 2;
        } else if (f.indexOf(q) > 0) { score = 1; }
        if (score > best) { best = score; form = catalog[ref].k[i]; }
      }
      if (best < 2 && stemMatch(ref, words)) { best = 1.5; form = labelOf(ref); }
      if (best) { found.push({ ref: ref, score: best, form: form, label: labelOf(ref) }); }
    });
    found.sort(function (a, b) {
      return b.score - a.score || a.label.length - b.label.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    });
    return found.slice(0, 12);
  }

  function runSearch() {
    results = search(searchInput.value);
    active = 0;
    drawResults();
  }

  function drawResults() {
    clear(resultList);
    if (!searchInput.value.trim()) { resultList.style.display = "none"; return; }
    resultList.style.display = "block";
    if (!results.length) { resultList.appendChild(el("li", "none", ui("noMatch"))); return; }
    results.forEach(function (r, i) {
      var item = el("li", i === active ? "active" : null);
      item.setAttribute("role", "option");
      item.setAttribute("data-ref", String(r.ref));
      item.appendChild(swatch(categoryOf(r.ref)));
      item.appendChild(el("span", "result-label", r.label));
      if (fold(r.label) !== fold(r.form)) { item.appendChild(el("span", "result-form", r.form)); }
      item.appendChild(el("span", "result-type", typeName(categoryOf(r.ref))));
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        pickResult(i);
      });
      resultList.appendChild(item);
    });
  }

  function pickResult(i) {
    if (!results[i]) { return; }
    var ref = results[i].ref;
    resultList.style.display = "none";
    choose(ref);
  }

  searchInput.addEventListener("input", runSearch);
  searchInput.addEventListener("focus", function () { if (searchInput.value) { runSearch(); } });
  searchInput.addEventListener("blur", function () { resultList.style.display = "none"; });
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { active = Math.min(active + 1, results.length - 1); drawResults(); event.preventDefault(); }
    else if (event.key === "ArrowUp") { active = Math.max(active - 1, 0); drawResults(); event.preventDefault(); }
    else if (event.key === "Enter") { pickResult(active); event.preventDefault(); }
    else if (event.key === "Escape") { resultList.style.display = "none"; }
  });

  /* Selecting a node, and the fact panel */

  /* Select a node and highlight its neighbourhood, without moving the view. */
  function select(ref) {
    if (!inView[ref]) { return; }
    var category = categoryOf(ref);
    if (hiddenTypes[category]) { setTypeHidden(category, false); }
    drawAround(ref);
    if (network) { network.selectNodes([ref]); }
    if (chart) { chart.select(ref); }
    setSelection(ref);
  }

  /* Select a node found by search or a link, bring it into sight, and show its facts. */
  function choose(ref) {
    if (inView[ref]) {
      select(ref);
      if (network && !TWO_SIDED) {  /* the two columns are always in sight */
        network.focus(ref, { scale: Math.max(network.getScale(), 1.1), animation: false });
        relabelNow();
      }
    }
    showNode(ref);
  }

  var panel = document.getElementById("panel");
  var shownSentences = {};

  function panelHint() {
    clear(panel);
    panel.appendChild(el("p", "hint", ui(TWO_SIDED ? "pickRegion" : CHART ? "pickBar" : "panelHint")));
  }

  function showNode(ref) {
    current = { ref: ref, render: function () { renderNode(ref); } };
    current.render();
  }

  function showEdge(i) {
    current = { edge: i, render: function () { renderEdge(i); } };
    current.render();
  }

  function showMeetings(title, refs) {
    current = { render: function () { renderMeetings(title(), refs); } };
    current.render();
  }

  function header(title, category) {
    readDetails();
    clear(panel);
    shownSentences = {};
    panel.scrollTop = 0;
    var close = el("button", "close", "×");
    close.title = ui("close");
    close.addEventListener("click", function () {
      current = null;
      if (network) { network.unselectAll(); }
      setSelection(null);
      panelHint();
    });
    panel.appendChild(close);
    panel.appendChild(el("h2", "node-title", title));
    if (category) {
      var type = el("div", "node-type");
      type.appendChild(swatch(category));
      type.appendChild(el("span", null, typeName(category)));
      panel.appendChild(type);
    }
  }

  function nodeLink(ref) {
    var usable = inView[ref] || catalog[ref].f;
    var link = el(usable ? "button" : "span", usable ? "node-link" : "node-name", labelOf(ref));
    if (usable) { link.addEventListener("click", function () { choose(ref); }); }
    return link;
  }

  function segments(parent, values) {
    values.forEach(function (value, i) {
      if (i) { parent.appendChild(document.createTextNode(", ")); }
      if (typeof value === "number") { parent.appendChild(nodeLink(value)); }
      else if (typeof value === "string") { parent.appendChild(document.createTextNode(value)); }
      else if (value && value.t !== undefined) { parent.appendChild(document.createTextNode(pick(data.terms[value.t]))); }
    });
  }

  /* Each sentence once per panel: a fact whose sentence is already shown says so instead. */
  function evidenceBlock(parent, evidence) {
    var list = el("ul", "evidence");
    var repeated = 0;
    evidence.forEach(function (k) {
      var ev = data.evidence[k];
      var key = ev[0] + ":" + ev[1];
      if (shownSentences[key]) { repeated += 1; return; }
      shownSentences[key] = true;
      var sentence = data.sentences[ev[0]];
      var item = el("li");
      var quote = el("blockquote", "sentence");
      if (ev[4] >= 0 && ev[5] <= sentence.length) {
        // Each part in its own <bdi>: a direction override in the text reaches no further than its part.
        quote.appendChild(el("bdi", null, sentence.slice(0, ev[4])));
        quote.appendChild(el("mark", null, sentence.slice(ev[4], ev[5])));
        quote.appendChild(el("bdi", null, sentence.slice(ev[5])));
      } else {
        quote.textContent = sentence;
      }
      item.appendChild(quote);
      var cite = el("div", "source");
      var report = ev[1] >= 0 ? data.reports[ev[1]] : null;
      if (report) {
        cite.appendChild(el("span", "report-file", report[0]));
        if (report[2]) { cite.appendChild(el("span", "report-date", report[2])); }
        if (report[1]) { cite.appendChild(el("span", "report-title", report[1])); }
      }
      if (ev[2] >= 0) { cite.appendChild(el("span", "offsets", ui("chars") + " " + ev[2] + "–" + ev[3])); }
      item.appendChild(cite);
      list.appendChild(item);
    });
    if (list.childNodes.length) { parent.appendChild(list); }
    if (repeated && !list.childNodes.length) { parent.appendChild(el("p", "same-sentence", ui("sameSentence"))); }
  }

  function renderFacts(parent, facts) {
    var section = null;
    var last = null;
    facts.forEach(function (fact) {
      if (fact.p !== last) {
        section = el("section", "facts");
        section.setAttribute("data-relation", fact.p);
        section.appendChild(el("h3", null, relationName(fact.p)));
        parent.appendChild(section);
        last = fact.p;
      }
      if (fact.more) { section.appendChild(el("p", "more", ui("more", fact.more))); return; }
      var row = el("div", "fact");
      var value = el("div", "value");
      segments(value, fact.v);
      (fact.x || []).forEach(function (part) {
        var qualifier = el("span", "qualifier");
        qualifier.appendChild(el("span", "qualifier-name", relationName(part[0]) + ": "));
        segments(qualifier, part[1]);
        value.appendChild(qualifier);
      });
      row.appendChild(value);
      if (fact.e) { evidenceBlock(row, fact.e); }
      section.appendChild(row);
    });
  }

  function renderNode(ref) {
    var entry = catalog[ref];
    header(labelOf(ref), entry.c);
    var names = el("dl", "names");
    var languages = {};
    var texts = [];
    Object.keys(entry.l).forEach(function (language) {
      var text = entry.l[language];
      if (!languages[text]) { languages[text] = []; texts.push(text); }
      languages[text].push(language || "–");
    });
    texts.forEach(function (text) {
      names.appendChild(el("dt", null, languages[text].join(", ")));
      names.appendChild(el("dd", null, text));
    });
    panel.appendChild(names);
    if (TWO_SIDED && inView[ref]) { renderPartners(ref); return; }
    if (CHART && inView[ref]) { renderMeetingList(panel, chart.meetingsOf(ref)); }
    renderFacts(panel, entry.f || []);
  }

  /* The regions view: a region's (or state's) partners under the filters, and their meetings. */
  function renderPartners(ref) {
    var partners = el("section", "facts partners");
    partners.setAttribute("data-relation", "partners");
    partners.appendChild(el("h3", null, ui(categoryOf(ref) === "country" ? "region" : "partnerState")));
    var meetings = {};
    var rows = [];
    data.edges.forEach(function (edge) {
      if (edge[0] !== ref && edge[1] !== ref) { return; }
      var ms = edgeMeetings(edge);
      if (!ms.length) { return; }
      rows.push([edge[0] === ref ? edge[1] : edge[0], ms.length]);
      ms.forEach(function (m) { meetings[m] = true; });
    });
    rows.sort(function (a, b) { return b[1] - a[1] || (labelOf(a[0]) < labelOf(b[0]) ? -1 : 1); });
    rows.forEach(function (r) {
      var row = el("div", "fact partner");
      row.setAttribute("data-ref", String(r[0]));
      row.appendChild(nodeLink(r[0]));
      row.appendChild(document.createTextNode(" · " + counted("meetings", r[1])));
      partners.appendChild(row);
    });
    panel.appendChild(partners);
    var refs = data.meetings.map(function (row) { return row[0]; }).filter(function (m) { return meetings[m]; });
    renderMeetingList(panel, refs.reverse());
  }

  var MAX_LISTED = 60;
  function renderMeetingList(parent, refs) {
    var meetings = el("section", "facts meetings");
    meetings.setAttribute("data-relation", "meetings");
    meetings.appendChild(el("h3", null, counted("meetings", refs.length)));
    refs.slice(0, MAX_LISTED).forEach(function (m) {
      var row = el("div", "fact");
      row.setAttribute("data-meeting", String(m));
      row.appendChild(nodeLink(m));
      var seen = {};
      var evidence = [];
      (catalog[m].f || []).forEach(function (fact) {
        if (fact.p === "participant") {
          (fact.e || []).forEach(function (k) { if (!seen[k]) { seen[k] = true; evidence.push(k); } });
        }
      });
      if (evidence.length) { evidenceBlock(row, evidence); }
      meetings.appendChild(row);
    });
    if (refs.length > MAX_LISTED) { meetings.appendChild(el("p", "more", ui("more", refs.length - MAX_LISTED))); }
    parent.appendChild(meetings);
  }

  function renderMeetings(title, refs) {
    header(title, null);
    renderMeetingList(panel, refs);
  }

  function renderEdge(i) {
    var edge = data.edges[i];
    var ms = data.meetings.length ? edgeMeetings(edge) : edge[4];
    header(labelOf(edge[0]) + " – " + labelOf(edge[1]), null);
    panel.appendChild(el("p", "edge-count", relationName(edge[2]) + ": " + counted("meetings", edgeWeight(edge))));
    if (edge[5].length) {
      var sectors = el("section", "facts");
      sectors.appendChild(el("h3", null, ui("sectors")));
      edge[5].forEach(function (s) {
        var row = el("div", "fact");
        row.appendChild(nodeLink(s[0]));
        row.appendChild(document.createTextNode(" (" + s[1] + ")"));
        sectors.appendChild(row);
      });
      panel.appendChild(sectors);
    }
    renderMeetingList(panel, ms);
    if (edge[3] > edge[4].length) { panel.appendChild(el("p", "more", ui("more", edge[3] - edge[4].length))); }
  }

  if (network) {
    network.on("click", function (params) {
      if (params.nodes.length) { select(params.nodes[0]); showNode(params.nodes[0]); }
      else if (params.edges.length && WEIGHTED) { setSelection(null); showEdge(params.edges[0]); }
      else { setSelection(null); }
    });
  }

  if (CHART) {
    chart = window.dipkgChart({
      data: data, box: graphBox, el: el, clear: clear, labelOf: labelOf, ui: ui, counted: counted, filter: filter,
      hidden: nodeHidden, showMeetings: showMeetings, showTip: showTip, hideTip: hideTip, swatch: swatch,
      redrawLegend: function () { drawLegend(); },
      choose: function (ref) { showNode(ref); }
    });
    chart.draw();
  }

  window.dipkg = {
    network: network,
    chart: chart,
    nodes: nodes,
    edges: edges,
    data: data,
    drawnNodes: function () { return network ? network.body.nodeIndices.length : 0; },
    isDrawn: function (ref) { return !!drawn[ref]; },
    drawAll: drawAll,
    search: function (query) { return search(query).map(function (r) { return r.ref; }); },
    choose: choose,
    select: select,
    labelOf: labelOf,
    counted: function (key, n, language) {
      var was = lang;
      lang = language || lang;
      var text = counted(key, n);
      lang = was;
      return text;
    },
    labelBoxes: function () { return labels.drawn || []; },
    neighbours: function () { return Object.keys(labels.near).map(Number); },
    setFilter: function (name, value) { filter[name] = value; applyFilter(); drawLegend(); },
    fit: fit,
    reset: reset
  };

  relabelPage();
  if (network && PRECOMPUTED) { fit(); }
}());
