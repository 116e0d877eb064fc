// The entity network page (generator/render/network.py writes it): cytoscape, vendored from npm
// (see docs/javascripts/vendor/), draws the graph the page sets in window.parallaxNetwork; the
// form filters it by type, outlet and weight. The page loads this script itself, and Material's
// instant navigation runs it again each time the page is shown, so it starts from scratch.
(function () {
  "use strict";
  var data = window.parallaxNetwork;
  var root = document.getElementById("px-network");
  var box = document.getElementById("px-network-canvas");
  if (!data || !root || !box || typeof window.cytoscape !== "function") return;
  if (window.parallaxNetworkGraph) window.parallaxNetworkGraph.destroy();
  root.hidden = false;

  var form = root.querySelector("form");
  var status = root.querySelector(".px-network-status");
  var detail = document.getElementById("px-network-detail");
  var shapes = { person: "ellipse", organization: "round-rectangle", place: "diamond", group: "hexagon" };
  var colours = {
    light: { person: "#1a5fb4", organization: "#8a3b00", place: "#26723a", group: "#6b3fa0" },
    dark: { person: "#8fb8f0", organization: "#f0a870", place: "#8fd49f", group: "#c9a8ef" },
  };
  var most = Math.max.apply(null, data.nodes.map(function (n) { return n.mentions; }).concat([1]));

  function counts(pairs) {
    var found = {};
    pairs.forEach(function (pair) { found[pair[0]] = pair[1]; });
    return found;
  }

  // The nodes come most mentioned first: the first LABELLED always show their names, the others
  // when the pointer is on them or on a neighbour.
  var LABELLED = 40;
  var elements = data.nodes.map(function (node, index) {
    return {
      group: "nodes",
      classes: index < LABELLED ? "px-labelled" : "",
      data: {
        id: node.id, name: node.name, type: node.type, url: node.url, mentions: node.mentions,
        outlets: counts(node.outlets), size: 20 + 60 * Math.sqrt(node.mentions / most),
      },
    };
  });
  data.edges.forEach(function (edge, index) {
    elements.push({
      group: "edges",
      data: {
        id: "tie-" + index, source: data.nodes[edge.source].id, target: data.nodes[edge.target].id,
        weight: edge.weight,
        outlets: counts(edge.outlets), index: index, width: 1,
      },
    });
  });

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
  }

  function style() {
    var palette = colours[scheme()];
    var text = getComputedStyle(box).color;
    var back = getComputedStyle(document.body).backgroundColor;
    var rules = [
      { selector: "node", style: {
        label: "", width: "data(size)", height: "data(size)", "font-size": 20, color: text,
        "text-valign": "bottom", "text-margin-y": 4, "text-outline-color": back, "text-outline-width": 3,
        "min-zoomed-font-size": 4, "border-width": 1, "border-color": back,
      } },
      { selector: "node.px-labelled, node.px-near", style: { label: "data(name)" } },
      { selector: "edge", style: {
        width: "data(width)", "line-color": text, "line-opacity": 0.3, "curve-style": "straight",
      } },
      { selector: "edge:selected", style: { "line-color": "#e8590c", "line-opacity": 1 } },
      { selector: ".px-faded", style: { opacity: 0.15 } },
      { selector: ".px-hidden", style: { display: "none" } },
      { selector: "node.px-focus", style: { "border-width": 4, "border-color": text } },
    ];
    Object.keys(shapes).forEach(function (type) {
      rules.push({ selector: 'node[type = "' + type + '"]', style: {
        shape: shapes[type], "background-color": palette[type],
      } });
    });
    return rules;
  }

  var cy = window.cytoscape({
    container: box, elements: elements, style: style(), minZoom: 0.2, maxZoom: 4,
    boxSelectionEnabled: false, autounselectify: false,
  });
  window.parallaxNetworkGraph = cy;

  function filters() {
    var types = Array.prototype.map.call(form.querySelectorAll('input[name="type"]:checked'),
      function (input) { return input.value; });
    var outlet = form.elements.outlet.value;
    var weight = parseInt(form.elements.weight.value, 10);
    return { types: types, outlet: outlet, weight: isNaN(weight) ? data.minWeight : weight };
  }

  function inOutlet(ele, outlet) {
    return outlet === "" ? (ele.isNode() ? ele.data("mentions") : ele.data("weight"))
      : ele.data("outlets")[outlet] || 0;
  }

  function apply(layout) {
    var chosen = filters();
    var heaviest = 1;
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var shown = chosen.types.indexOf(node.data("type")) >= 0 && inOutlet(node, chosen.outlet) > 0;
        node.toggleClass("px-hidden", !shown);
      });
      cy.edges().forEach(function (edge) {
        var weight = inOutlet(edge, chosen.outlet);
        heaviest = Math.max(heaviest, weight);
        edge.data("shown", weight);
      });
      cy.edges().forEach(function (edge) {
        var weight = edge.data("shown");
        var shown = weight >= chosen.weight && !edge.source().hasClass("px-hidden")
          && !edge.target().hasClass("px-hidden");
        edge.toggleClass("px-hidden", !shown);
        edge.data("width", 1 + 7 * Math.sqrt(weight / heaviest));
      });
    });
    var nodes = cy.nodes().not(".px-hidden");
    var edges = cy.edges().not(".px-hidden");
    status.textContent = "Showing " + nodes.length + " of " + data.nodes.length + " entities and "
      + edges.length + " of " + data.edges.length + " ties.";
    root.setAttribute("data-nodes", nodes.length);
    root.setAttribute("data-edges", edges.length);
    if (layout && nodes.length) {
      nodes.union(edges).layout({
        name: "cose", animate: false, randomize: false, fit: true, padding: 30,
        nodeRepulsion: function () { return 60000; }, idealEdgeLength: function () { return 120; },
        nodeOverlap: 20, gravity: 0.4, nodeDimensionsIncludeLabels: true,
      }).run();
    }
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  function add(parent, tag, text, className) {
    var element = document.createElement(tag);
    if (text) element.textContent = text;
    if (className) element.className = className;
    parent.appendChild(element);
    return element;
  }

  function link(parent, href, text, className) {
    var anchor = add(parent, "a", text, className);
    anchor.href = href;
    return anchor;
  }

  function showTie(edge) {
    var tie = data.edges[edge.data("index")];
    var first = data.nodes[tie.source], second = data.nodes[tie.target];
    clear(detail);
    var title = add(detail, "p", "", "px-network-detail-title");
    link(title, first.url, first.name, "px-entity px-" + first.type);
    title.appendChild(document.createTextNode(" and "));
    link(title, second.url, second.name, "px-entity px-" + second.type);
    title.appendChild(document.createTextNode(": named together in " + tie.weight + " sentence"
      + (tie.weight === 1 ? "" : "s")));
    var list = add(detail, "ul", "", "px-network-sentences");
    // A sentence is [article, text, marks]; a mark, [start, end, node, anchor], is a drawn name.
    tie.sentences.forEach(function (number) {
      var sentence = data.sentences[number];
      var article = data.articles[sentence[0]], text = sentence[1], position = 0, anchor = null;
      var item = add(list, "li");
      sentence[2].forEach(function (mark) {
        if (mark[0] < position || (mark[2] !== tie.source && mark[2] !== tie.target)) return;
        item.appendChild(document.createTextNode(text.slice(position, mark[0])));
        add(item, "strong", text.slice(mark[0], mark[1]));
        position = mark[1];
        anchor = anchor || mark[3];
      });
      item.appendChild(document.createTextNode(text.slice(position) + " "));
      link(item, article.url + "#" + anchor, "in context", "px-in-context");
      add(item, "span", " " + article.outlet + (article.date ? ", " + article.date : ""), "px-origin");
    });
    if (tie.weight > tie.sentences.length) {
      var more = add(list, "li", "and " + (tie.weight - tie.sentences.length) + " more in ");
      link(more, data.download, "network.json");
    }
  }

  function focus(id) {
    var node = cy.getElementById(id);
    cy.elements().removeClass("px-faded px-focus px-near");
    if (!node.length) return;
    cy.elements().not(node.closedNeighborhood()).addClass("px-faded");
    node.closedNeighborhood().nodes().addClass("px-near");
    node.addClass("px-focus");
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 0 });
  }

  cy.on("tap", "node", function (event) { window.location.href = event.target.data("url"); });
  cy.on("tap", "edge", function (event) { showTie(event.target); });
  cy.on("mouseover", "node", function (event) {
    cy.elements().not(event.target.closedNeighborhood()).addClass("px-faded");
    event.target.closedNeighborhood().nodes().addClass("px-near");
    box.style.cursor = "pointer";
    box.title = event.target.data("name") + ": " + event.target.data("mentions") + " mentions";
  });
  cy.on("mouseout", "node", function () {
    cy.elements().removeClass("px-faded px-near");
    box.style.cursor = "";
    box.title = "";
  });
  cy.on("mouseover", "edge", function () { box.style.cursor = "pointer"; });
  cy.on("mouseout", "edge", function () { box.style.cursor = ""; });

  form.addEventListener("change", function () { apply(true); });
  form.elements.weight.addEventListener("input", function () { apply(false); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // The palette toggle recolours the drawing; the observer of an earlier visit is let go first.
  if (window.parallaxNetworkObserver) window.parallaxNetworkObserver.disconnect();
  window.parallaxNetworkObserver = new MutationObserver(function () { cy.style(style()); });
  window.parallaxNetworkObserver.observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"],
  });

  apply(true);
  if (window.location.hash.indexOf("#e-") === 0) focus(decodeURIComponent(window.location.hash.slice(3)));
})();
