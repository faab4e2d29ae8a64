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
  var exportButton = document.getElementById('export-all');
  if (exportButton) {
    exportButton.hidden = false;
    exportButton.addEventListener('click', function () {
      var all = {};
      try {
        for (var i = 0; i < localStorage.length; i++) {
          var k = localStorage.key(i);
          if (k.indexOf('minutes-checker:') === 0) { all[k] = JSON.parse(localStorage.getItem(k)); }
        }
      } catch (err) { /* storage may be off */ }
      var text = JSON.stringify(all, null, 2);
      var out = document.getElementById('export-all-text');
      out.hidden = false;
      out.value = text;
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
      link.download = 'vurderinger.json';
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  }
})();
