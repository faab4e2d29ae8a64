// A municipality page: the auditor's agree/disagree and note per check, kept in localStorage
// under 'minutes-checker:<page>', and exported as JSON (shown in the page and downloaded).
(function () {
  var page = document.body.getAttribute('data-page');
  var prefix = 'minutes-checker:' + page;
  function load() {
    try { return JSON.parse(localStorage.getItem(prefix) || '{}'); } catch (e) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(prefix, JSON.stringify(state)); } catch (e) { /* storage off */ }
  }
  var state = load();
  document.querySelectorAll('.decision').forEach(function (box) {
    var check = box.getAttribute('data-check');
    var saved = state[check] || {};
    box.querySelectorAll('input[type=radio]').forEach(function (radio) {
      radio.checked = saved.decision === radio.value;
      radio.addEventListener('change', function () {
        var s = load();
        s[check] = s[check] || {};
        s[check].decision = radio.value;
        s[check].status = box.getAttribute('data-status');
        save(s);
      });
    });
    var note = box.querySelector('input[type=text]');
    note.value = saved.note || '';
    note.addEventListener('input', function () {
      var s = load();
      s[check] = s[check] || {};
      s[check].note = note.value;
      s[check].status = box.getAttribute('data-status');
      save(s);
    });
  });
  var button = document.getElementById('export');
  button.hidden = false;
  button.addEventListener('click', function () {
    var data = {
      page: page,
      municipality: document.body.getAttribute('data-municipality'),
      municipality_code: document.body.getAttribute('data-code'),
      map_year: document.body.getAttribute('data-year'),
      documents: Array.prototype.map.call(document.querySelectorAll('tr[data-file]'),
        function (row) { return row.getAttribute('data-file'); }),
      exported: new Date().toISOString(),
      decisions: load()
    };
    var text = JSON.stringify(data, null, 2);
    var out = document.getElementById('export-text');
    out.hidden = false;
    out.value = text;
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
    link.download = 'vurdering-' + page + '.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
})();
