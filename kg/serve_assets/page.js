/* The dipkg query page: YASGUI over this server's endpoint, a tab per named query (kg/queries/*.rq).
   The queries come as JSON data in the page; nothing here is fetched from another origin. */
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("dipkg-queries").textContent);
  const endpoint = new URL(data.endpoint, window.location.href).href;

  function tabText(query) {
    const params = query.params.map(function (p) {
      return "#   ?" + p.name + " (" + p.kind + (p.required ? ", required" : "") + "): " + p.description;
    });
    if (!params.length) return query.text;
    return query.text + "\n# Parameters (kg query " + query.name + " --param NAME=VALUE binds them):\n"
      + params.join("\n") + "\n";
  }

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    persistenceId: null,
    autoAddOnInit: false,
    populateFromUrl: false,
    copyEndpointOnNewTab: true,
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
  });
  data.queries.forEach(function (query, n) {
    yasgui.addTab(n === 0, {
      name: query.name,
      yasqe: { value: tabText(query) },
      requestConfig: { endpoint: endpoint, method: "POST" },
    });
  });
  window.dipkgYasgui = yasgui;
})();
