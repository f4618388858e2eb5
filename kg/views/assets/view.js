/* dipkg view: draws the embedded data with vis-network; legend, type filter, search, fact panel.
   Every text of the data reaches the page through textContent or canvas drawing, never as markup. */
(function () {
  "use strict";

  performance.mark("dipkg:start");
  var data = JSON.parse(document.getElementById("dipkg-data").textContent);
  performance.mark("dipkg:parsed");
  var catalog = data.catalog;
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
  var WEIGHTED = data.kind === "countries" || data.kind === "sectors";
  /* A busy view draws no arrows, hides edges while it moves, and labels only the edges in sight
     once zoomed in far enough to read them: labels and arrows cost most of a frame. */
  var BUSY = data.edges.length > 2000;
  var PRECOMPUTED = data.layout === "precomputed" || data.nodes.length === 0;
  var lang = ORDER[data.lang] ? data.lang : "kk";
  var hiddenTypes = {};
  var inView = {};
  var current = null;

  data.nodes.forEach(function (row) { inView[row[0]] = true; });

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

  /* Node and edge records for vis-network */

  function visNode(row) {
    var ref = row[0];
    var category = categoryOf(ref);
    var style = styleOf(category);
    var node = {
      id: ref,
      label: labelOf(ref),
      title: labelOf(ref) + "\n" + typeName(category),
      shape: style.shape,
      value: row[1],
      color: { background: style.color, border: "#33333380",
               highlight: { background: style.color, border: "#111" },
               hover: { background: style.color, border: "#111" } },
      hidden: !!hiddenTypes[category]
    };
    if (row.length > 3) { node.x = row[2]; node.y = row[3]; }
    return node;
  }

  function edgeTitle(edge) {
    var source = labelOf(edge[0]);
    var target = labelOf(edge[1]);
    if (!WEIGHTED) { return source + " → " + target + "\n" + relationName(edge[2]); }
    var lines = [source + " – " + target + ": " + edge[3] + " " + ui("meetings")];
    if (edge[5].length) {
      lines.push(ui("sectors") + ": " + edge[5].map(function (s) {
        return labelOf(s[0]) + " (" + s[1] + ")";
      }).join(", "));
    }
    if (edge[6].length) { lines.push(ui("dates") + ": " + edge[6].join(", ")); }
    return lines.join("\n");
  }

  function edgeLabel(edge) { return WEIGHTED ? String(edge[3]) : relationName(edge[2]); }

  function visEdge(edge, i) {
    var out = { id: i, from: edge[0], to: edge[1], title: edgeTitle(edge) };
    if (WEIGHTED) { out.value = edge[3]; }
    if (!BUSY) {
      out.label = edgeLabel(edge);
      if (!WEIGHTED) { out.arrows = { to: { enabled: true, scaleFactor: 0.45 } }; }
    }
    return out;
  }

  /* Sizes grow with the square root of the value, so that a hub does not dwarf everything else. */
  function sqrtScale(min, max, total, value) {
    return max === min ? 0.5 : Math.sqrt((value - min) / (max - min));
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
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
    interaction: { hover: !BUSY, tooltipDelay: 200, hideEdgesOnDrag: BUSY, hideEdgesOnZoom: BUSY,
                   hideNodesOnDrag: BUSY, dragNodes: !BUSY, keyboard: false, multiselect: false },
    nodes: {
      borderWidth: 1,
      font: { size: 13, face: "system-ui, -apple-system, 'Segoe UI', sans-serif", color: "#1f2328",
              strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: WEIGHTED ? 10 : 7, max: WEIGHTED ? 44 : 30,
                 label: { enabled: true, min: 11, max: WEIGHTED ? 28 : 20, drawThreshold: 6, maxVisible: 40 },
                 customScalingFunction: sqrtScale }
    },
    edges: {
      smooth: false,
      width: 1,
      selectionWidth: 2,
      color: { color: "#9aa4ae", highlight: "#1f2d3d", hover: "#1f2d3d", opacity: 0.85, inherit: false },
      font: { size: 10, color: "#57606a", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      scaling: { min: 1, max: 12, label: { enabled: false, drawThreshold: 8 }, customScalingFunction: sqrtScale }
    }
  };

  var status = document.getElementById("status");
  function setStatus(text) {
    status.textContent = text;
    status.style.display = text ? "block" : "none";
  }
  setStatus(ui("loading"));

  performance.mark("dipkg:datasets");
  var network = new vis.Network(document.getElementById("graph"), { nodes: nodes, edges: edges }, options);
  performance.mark("dipkg:network");

  function ready() {
    performance.mark("dipkg:ready");
    setStatus("");
    document.body.setAttribute("data-state", "ready");
    window.dipkgReady = true;
    if (data.focus !== null && data.focus !== undefined) { choose(data.focus); }
  }
  if (PRECOMPUTED) {
    network.once("afterDrawing", ready);
  } else {
    network.on("stabilizationProgress", function (p) {
      setStatus(ui("loading") + " " + Math.round((100 * p.iterations) / p.total) + "%");
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      network.once("afterDrawing", ready);
      network.redraw();
    });
  }

  var labelled = {};
  var LABEL_SCALE = 0.6;
  var MAX_LABELLED = 1500;

  function labelEdgesInSight() {
    var want = {};
    var count = 0;
    if (network.getScale() >= LABEL_SCALE) {
      var canvas = document.getElementById("graph");
      var lo = network.DOMtoCanvas({ x: 0, y: 0 });
      var hi = network.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
      var drawn = network.body.nodes;
      var inside = function (n) { return n && n.x >= lo.x && n.x <= hi.x && n.y >= lo.y && n.y <= hi.y; };
      for (var i = 0; i < data.edges.length && count < MAX_LABELLED; i++) {
        if (inside(drawn[data.edges[i][0]]) || inside(drawn[data.edges[i][1]])) { want[i] = true; count += 1; }
      }
    }
    var changes = [];
    Object.keys(labelled).forEach(function (i) { if (!want[i]) { changes.push({ id: Number(i), label: "" }); } });
    Object.keys(want).forEach(function (i) {
      if (!labelled[i]) { changes.push({ id: Number(i), label: edgeLabel(data.edges[i]) }); }
    });
    labelled = want;
    if (changes.length) { edges.update(changes); }
  }

  if (BUSY) {
    var pending = null;
    var later = function () {
      if (pending) { clearTimeout(pending); }
      pending = setTimeout(function () { pending = null; labelEdgesInSight(); }, 120);
    };
    network.on("zoom", later);
    network.on("dragEnd", later);
    network.on("animationFinished", later);
  }

  /* A busy view pans as a picture: while the mouse drags, the last frame moves with it; the graph
     is drawn again when the drag ends. Drawing thousands of nodes per frame would stutter. */
  var snapshot = null;
  if (BUSY) {
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
    drawLegend();
    if (current) { current.render(); } else { panelHint(); }
  }

  function relabel() {
    nodes.update(data.nodes.map(function (row) {
      return { id: row[0], label: labelOf(row[0]), title: labelOf(row[0]) + "\n" + typeName(categoryOf(row[0])) };
    }));
    edges.update(data.edges.map(function (edge, i) {
      return BUSY ? { id: i, title: edgeTitle(edge) } : { id: i, label: edgeLabel(edge), title: edgeTitle(edge) };
    }));
    if (BUSY) { labelled = {}; labelEdgesInSight(); }
    relabelPage();
    runSearch();
  }

  /* Legend and type filter */

  var SVG = "http://www.w3.org/2000/svg";
  function swatch(category) {
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
    if (style.shape === "dot") {
      shape = document.createElementNS(SVG, "circle");
      shape.setAttribute("cx", "8");
      shape.setAttribute("cy", "8");
      shape.setAttribute("r", "6.5");
    } else if (style.shape === "square") {
      shape = document.createElementNS(SVG, "rect");
      shape.setAttribute("x", "2");
      shape.setAttribute("y", "2");
      shape.setAttribute("width", "12");
      shape.setAttribute("height", "12");
    } else {
      shape = document.createElementNS(SVG, "polygon");
      shape.setAttribute("points", points[style.shape] || points.diamond);
    }
    shape.setAttribute("fill", style.color);
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

  function drawLegend() {
    var legend = document.getElementById("legend");
    clear(legend);
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
    legend.appendChild(el("p", "hint", ui("filterHint")));
    if (WEIGHTED) {
      legend.appendChild(el("p", "hint", ui("nodeSize")));
      legend.appendChild(el("p", "hint", ui("edgeWidth")));
    }
    var shown = data.nodes.length;
    data.nodes.forEach(function (row) { if (hiddenTypes[categoryOf(row[0])]) { shown -= 1; } });
    legend.appendChild(el("p", "shown", shown + " " + ui("shown")));
  }

  function setTypeHidden(category, hidden) {
    hiddenTypes[category] = hidden;
    var changes = [];
    data.nodes.forEach(function (row) {
      if (categoryOf(row[0]) === category) { changes.push({ id: row[0], hidden: hidden }); }
    });
    nodes.update(changes);
    drawLegend();
  }

  /* Search: any label in any language, and every form the reports use, case-folded */

  var searchInput = document.getElementById("search");
  var resultList = document.getElementById("results");
  var results = [];
  var active = 0;
  var folded = {};
  data.nodes.forEach(function (row) { folded[row[0]] = (catalog[row[0]].k || []).map(fold); });

  function search(query) {
    var q = fold(query.trim());
    if (!q) { return []; }
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

  function choose(ref) {
    if (inView[ref]) {
      var category = categoryOf(ref);
      if (hiddenTypes[category]) { setTypeHidden(category, false); }
      network.selectNodes([ref]);
      network.focus(ref, { scale: Math.max(network.getScale(), 1.1), animation: false });
      if (BUSY) { labelEdgesInSight(); }
    }
    showNode(ref);
  }

  var panel = document.getElementById("panel");

  function panelHint() {
    clear(panel);
    panel.appendChild(el("p", "hint", ui("panelHint")));
  }

  function showNode(ref) {
    current = { ref: ref, render: function () { renderNode(ref); } };
    current.render();
  }

  function showEdge(i) {
    current = { edge: i, render: function () { renderEdge(i); } };
    current.render();
  }

  function header(title, category) {
    clear(panel);
    panel.scrollTop = 0;
    var close = el("button", "close", "×");
    close.title = ui("close");
    close.addEventListener("click", function () {
      current = null;
      network.unselectAll();
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
      else if (value && value.l) { parent.appendChild(document.createTextNode(pick(value.l))); }
    });
  }

  function evidenceBlock(parent, evidence) {
    var list = el("ul", "evidence");
    evidence.forEach(function (k) {
      var ev = data.evidence[k];
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
    parent.appendChild(list);
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
    renderFacts(panel, entry.f || []);
  }

  function renderEdge(i) {
    var edge = data.edges[i];
    header(labelOf(edge[0]) + " – " + labelOf(edge[1]), null);
    panel.appendChild(el("p", "edge-count", relationName(edge[2]) + ": " + edge[3] + " " + ui("meetings")));
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
    var meetings = el("section", "facts");
    meetings.appendChild(el("h3", null, typeName("meeting")));
    edge[4].forEach(function (m) {
      var row = el("div", "fact");
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
    if (edge[3] > edge[4].length) { meetings.appendChild(el("p", "more", ui("more", edge[3] - edge[4].length))); }
    panel.appendChild(meetings);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length && WEIGHTED) { showEdge(params.edges[0]); }
  });

  window.dipkg = {
    network: network,
    nodes: nodes,
    edges: edges,
    data: data,
    drawnNodes: function () { return network.body.nodeIndices.length; },
    search: function (query) { return search(query).map(function (r) { return r.ref; }); },
    choose: choose,
    labelOf: labelOf
  };

  relabelPage();
}());
