// The overview: sort the table by a clicked heading (Danish collation, numbers as numbers),
// filter its rows as one types, and export every page's stored decisions at once.
(function () {
  var table = document.getElementById('overview');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var box = document.getElementById('filterbox');
  var input = document.getElementById('filter');
  var count = document.getElementById('shown');
  box.hidden = false;
  function key(row, col) {
    var cell = row.cells[col];
    var value = cell.getAttribute('data-sort');
    return value === null ? cell.textContent.trim() : value;
  }
  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y) && String(x) === a && String(y) === b) { return x - y; }
    return a.localeCompare(b, 'da');
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    th.classList.add('sortable');
    th.tabIndex = 0;
    th.setAttribute('aria-sort', 'none');
    function sort() {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
        other.setAttribute('aria-sort', 'none');
      });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var result = compare(key(a, col), key(b, col));
        return ascending ? result : -result;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
    });
  });
  function filter() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var visible = terms.every(function (t) { return text.indexOf(t) >= 0; });
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = count.getAttribute('data-template')
      .replace('{shown}', shown).replace('{total}', rows.length);
  }
  input.addEventListener('input', filter);
  filter();
  // every page's stored decisions at once (reviewer.js); a decision about a verdict that has
  // changed since (the row's status is another) is left out
  var exportButton = document.getElementById('export-all');
  if (exportButton) {
    exportButton.hidden = false;
    exportButton.addEventListener('click', function () {
      var now = new Date().toISOString();
      var pages = [];
      rows.forEach(function (row) {
        var link = row.querySelector('a[data-page]');
        var page = link.getAttribute('data-page');
        var stored = {};
        try {
          stored = JSON.parse(localStorage.getItem('minutes-checker:' + page) || '{}');
        } catch (err) { /* storage may be off */ }
        row.querySelectorAll('td[data-check]').forEach(function (cell) {
          var check = cell.getAttribute('data-check');
          if (stored[check] && stored[check].status !== cell.getAttribute('data-status')) {
            delete stored[check];
          }
        });
        var decisions = MinutesReviewer.decisions(stored, now);
        if (!Object.keys(decisions).length) { return; }
        pages.push({
          page: page,
          label: link.textContent.trim() + ' ' + link.getAttribute('data-year'),
          municipality: link.getAttribute('data-municipality'),
          municipality_code: MinutesReviewer.number(link.getAttribute('data-code')),
          map_year: MinutesReviewer.number(link.getAttribute('data-year')),
          documents: JSON.parse(link.getAttribute('data-documents') || '[]'),
          decisions: decisions
        });
      });
      MinutesReviewer.exportFile(pages, exportButton, 'vurderinger.json',
        document.getElementById('export-all-text'));
    });
  }
})();
