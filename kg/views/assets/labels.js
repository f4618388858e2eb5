/* dipkg labels: drawn by the page over the network, most important first, each where it overlaps no
   label drawn before it; at every zoom as many as fit, the selection and its neighbours first, the
   rest dimmed while a node is selected, edge labels on hover, for the selection or all that fit.
   window.dipkgLabels(api) → the labels of one network; view.js gives it what it needs. */
(function () {
  "use strict";

  window.dipkgLabels = function (api) {
    var data = api.data;
    /* How much a node's label is worth, by type (kg.views.subset): a country's name tells more than a meeting's. */
    var LABEL_WEIGHT = data.weights || {};
    var network = api.network;
    var graphBox = api.box;
    var inView = api.inView;
    var labelOf = api.labelOf;
    var categoryOf = api.categoryOf;
    var edgeLabel = api.edgeLabel;
    var TWO_SIDED = api.twoSided;
    var WEIGHTED = api.weighted;

    var ranked = data.nodes.map(function (row) { return row[0]; });
    var valueOf = {};
    data.nodes.forEach(function (row) { valueOf[row[0]] = row[1]; });
    var maxValue = 1;
    data.nodes.forEach(function (row) { if (row[1] > maxValue) { maxValue = row[1]; } });
    function importance(ref) { return (LABEL_WEIGHT[categoryOf(ref)] || 1) * Math.sqrt(valueOf[ref] || 1); }
    ranked.sort(function (a, b) { return importance(b) - importance(a) || a - b; });
    function fontSize(ref) {
      var big = TWO_SIDED ? 15 : WEIGHTED ? 19 : 16;
      return Math.round(11 + (big - 11) * Math.sqrt(Math.max(0, (valueOf[ref] || 1) - 1) / Math.max(1, maxValue - 1)));
    }

    var FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";
    var MAX_LABELS = 400;
    var MAX_TEXT = 42;
    var measureCtx = document.createElement("canvas").getContext("2d");
    measureCtx.font = "100px " + FONT;
    var charWidth = {};
    var widthCache = {};
    function shortText(text) { return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT - 1) + "…" : text; }
    /* A text's width as the sum of its characters' (each measured once): measuring every label of
       a large view whole would take the canvas longer than placing them all. */
    function textWidth(text, px) {
      var w = widthCache[text];
      if (w === undefined) {
        w = 0;
        for (var i = 0; i < text.length; i++) {
          var c = text.charAt(i);
          var cw = charWidth[c];
          if (cw === undefined) { cw = charWidth[c] = measureCtx.measureText(c).width / 100; }
          w += cw;
        }
        widthCache[text] = w;
      }
      return w * px;
    }

    var labels = { placed: [], drawn: [], key: "", timer: null, selected: null, near: {}, nearEdges: [], hoverEdge: null,
                   allEdges: false };

    function viewTransform() {
      var at = network.getViewPosition();
      return { s: network.getScale(), cx: at.x, cy: at.y, w: graphBox.clientWidth, h: graphBox.clientHeight };
    }
    function toDOM(t, x, y) { return { x: (x - t.cx) * t.s + t.w / 2, y: (y - t.cy) * t.s + t.h / 2 }; }
    function radius(body) { return (body.shape && body.shape.radius) || body.options.size || 10; }

    function nodeBox(t, ref, px, text) {
      var body = network.body.nodes[ref];
      if (!body || body.options.hidden) { return null; }
      var p = toDOM(t, body.x, body.y);
      var w = textWidth(text, px);
      var h = Math.ceil(px * 1.25);
      var r = radius(body) * t.s;
      if (TWO_SIDED) {
        var left = categoryOf(ref) !== "country";
        return { x: left ? p.x - r - 6 - w : p.x + r + 6, y: p.y - h / 2, w: w, h: h, align: left ? "right" : "left" };
      }
      return { x: p.x - w / 2, y: p.y + r + 3, w: w, h: h, align: "center" };
    }
    function edgeBox(t, i, px, text) {
      var edge = data.edges[i];
      var a = network.body.nodes[edge[0]];
      var b = network.body.nodes[edge[1]];
      var body = network.body.edges[i];
      if (!a || !b || !body || body.options.hidden || a.options.hidden || b.options.hidden) { return null; }
      var f = TWO_SIDED ? 0.62 : 0.5;
      var p = toDOM(t, a.x + f * (b.x - a.x), a.y + f * (b.y - a.y));
      var w = textWidth(text, px);
      var h = Math.ceil(px * 1.25);
      return { x: p.x - w / 2, y: p.y - h / 2, w: w, h: h, align: "center" };
    }

    function placeLabels() {
      var t = viewTransform();
      var placed = [];
      var grid = {};
      var CELL = 48;
      var margin = 40;
      function cells(box, visit) {
        for (var gx = Math.floor(box.x / CELL); gx <= Math.floor((box.x + box.w) / CELL); gx++) {
          for (var gy = Math.floor(box.y / CELL); gy <= Math.floor((box.y + box.h) / CELL); gy++) {
            if (visit(gx + "," + gy)) { return true; }
          }
        }
        return false;
      }
      function free(box) {
        return !cells(box, function (key) {
          return (grid[key] || []).some(function (o) {
            return box.x < o.x + o.w + 2 && o.x < box.x + box.w + 2 && box.y < o.y + o.h && o.y < box.y + box.h;
          });
        });
      }
      function put(item, force) {
        var box = item.box;
        if (!box || box.x + box.w < -margin || box.x > t.w + margin || box.y + box.h < -margin || box.y > t.h + margin) {
          return;
        }
        if (!force && !free(box)) { return; }
        cells(box, function (key) { (grid[key] = grid[key] || []).push(box); return false; });
        placed.push(item);
      }
      function nodeItem(ref, dim) {
        var px = fontSize(ref);
        var text = shortText(labelOf(ref));
        return { node: ref, text: text, px: px, dim: dim, box: nodeBox(t, ref, px, text) };
      }
      function edgeItem(i) {
        var text = edgeLabel(data.edges[i]);
        return { edge: i, text: text, px: 11, dim: false, box: edgeBox(t, i, 11, text) };
      }
      var selected = labels.selected;
      var done = {};
      if (selected !== null && inView[selected]) { put(nodeItem(selected, false), true); done[selected] = true; }
      if (labels.hoverEdge !== null) { put(edgeItem(labels.hoverEdge), false); }
      labels.nearEdges.forEach(function (i) { if (i !== labels.hoverEdge) { put(edgeItem(i), false); } });
      var dimOthers = selected !== null;
      for (var k = 0; k < ranked.length && placed.length < MAX_LABELS; k++) {
        var ref = ranked[k];
        if (done[ref] || !labels.near[ref]) { continue; }
        done[ref] = true;
        put(nodeItem(ref, false), false);
      }
      for (k = 0; k < ranked.length && placed.length < MAX_LABELS; k++) {
        ref = ranked[k];
        if (done[ref]) { continue; }
        var body = network.body.nodes[ref];
        if (!body || body.options.hidden) { continue; }
        var p = toDOM(t, body.x, body.y);
        if (p.x < -margin || p.x > t.w + margin || p.y < -margin || p.y > t.h + margin) { continue; }
        put(nodeItem(ref, dimOthers), false);
      }
      if (labels.allEdges) {
        for (var i = 0; i < data.edges.length && placed.length < MAX_LABELS; i++) { put(edgeItem(i), false); }
      }
      labels.placed = placed;
      labels.key = viewKey(t);
    }

    function viewKey(t) { return [t.s.toFixed(5), t.cx.toFixed(2), t.cy.toFixed(2), t.w, t.h].join(","); }

    function relabelSoon() {
      if (labels.timer) { clearTimeout(labels.timer); }
      labels.timer = setTimeout(function () {
        labels.timer = null;
        placeLabels();
        network.redraw();
      }, 90);
    }
    function relabelNow() {
      if (!network) { return; }
      placeLabels();
      network.redraw();
    }

    function drawOverlay(ctx) {
      if (api.moving()) { return; }
      var t = viewTransform();
      var canvas = ctx.canvas;
      var ratio = canvas.width / Math.max(canvas.clientWidth, 1);
      if (labels.selected !== null && inView[labels.selected]) {
        /* Dim everything, then draw the selection's neighbourhood again on top. */
        ctx.save();
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        ctx.fillStyle = "rgba(255, 255, 255, 0.72)";
        ctx.fillRect(0, 0, t.w, t.h);
        ctx.restore();
        labels.nearEdges.forEach(function (i) {
          var body = network.body.edges[i];
          if (body && !body.options.hidden) { body.draw(ctx); }
        });
        Object.keys(labels.near).forEach(function (ref) {
          var body = network.body.nodes[ref];
          if (body && !body.options.hidden) { body.draw(ctx); }
        });
      }
      if (labels.key !== viewKey(t) && !labels.timer) { relabelSoon(); }
      ctx.save();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.textBaseline = "top";
      ctx.lineJoin = "round";
      var drawn = [];
      labels.placed.forEach(function (item) {
        var box = item.node !== undefined ? nodeBox(t, item.node, item.px, item.text) : edgeBox(t, item.edge, item.px, item.text);
        if (!box) { return; }
        ctx.font = (item.node === labels.selected ? "600 " : "") + item.px + "px " + FONT;
        ctx.textAlign = "left";
        ctx.lineWidth = 3;
        ctx.strokeStyle = "rgba(255, 255, 255, 0.92)";
        ctx.fillStyle = item.dim ? "#8c959f" : item.edge !== undefined ? "#57606a" : "#1f2328";
        var y = box.y + (box.h - item.px) / 2;
        ctx.strokeText(item.text, box.x, y);
        ctx.fillText(item.text, box.x, y);
        drawn.push({ x: box.x, y: box.y, w: box.w, h: box.h, px: item.px, text: item.text, node: item.node,
                   edge: item.edge });
      });
      labels.drawn = drawn;
      ctx.restore();
    }

    function setSelection(ref) {
      labels.selected = ref;
      labels.near = {};
      labels.nearEdges = [];
      if (ref !== null && network && inView[ref]) {
        labels.near[ref] = true;
        network.getConnectedEdges(ref).forEach(function (i) {
          var body = network.body.edges[i];
          if (!body || body.options.hidden) { return; }
          labels.nearEdges.push(i);
          var edge = data.edges[i];
          labels.near[edge[0]] = true;
          labels.near[edge[1]] = true;
        });
      }
      if (network) { relabelNow(); }
    }


    return {
      state: labels,
      place: placeLabels,
      now: relabelNow,
      soon: relabelSoon,
      draw: drawOverlay,
      select: setSelection,
      textWidth: textWidth,
      shortText: shortText,
      fontSize: fontSize
    };
  };
}());
