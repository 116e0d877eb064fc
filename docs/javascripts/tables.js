// Sort the entity index by any column (tablesort, vendored from npm; see docs/javascripts/vendor/).
// Material's instant navigation swaps pages without reloading, so hook every page load.
document$.subscribe(function () {
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    new Tablesort(table);
  });
});
