// A municipality page: the reviewer's decision per check (agree; disagree, with the corrected
// verdict; not reviewed) and a note, kept in localStorage under 'minutes-checker:<page>' with
// the verdict seen, the reviewer's name and the time, and exported as a decisions file
// (reviewer.js). A stored decision about a verdict that has since changed is dropped, and the
// page says so.
(function () {
  var body = document.body;
  var page = body.getAttribute('data-page');
  var prefix = 'minutes-checker:' + page;
  var labels = JSON.parse(
    document.getElementById('reviewerbox').getAttribute('data-status-labels') || '{}');
  function load() {
    try { return JSON.parse(localStorage.getItem(prefix) || '{}'); } catch (e) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(prefix, JSON.stringify(state)); } catch (e) { /* storage off */ }
  }
  var state = load();
  document.querySelectorAll('.decision').forEach(function (box) {
    var check = box.getAttribute('data-check');
    var predicted = box.getAttribute('data-status');
    var correct = box.querySelector('label.correct');
    var select = box.querySelector('select');
    var note = box.querySelector('input[type=text]');
    var stale = box.querySelector('.stale');
    var saved = state[check] || {};
    if (saved.status && saved.status !== predicted) {
      stale.textContent = stale.getAttribute('data-template')
        .replace('{status}', labels[saved.status] || saved.status);
      stale.hidden = false;
      delete state[check];
      save(state);
      saved = {};
    }
    function update(change) {
      var s = load();
      var entry = s[check] || {};
      change(entry);
      entry.status = predicted;
      entry.reviewer = MinutesReviewer.name();
      entry.decided_at = new Date().toISOString();
      s[check] = entry;
      save(s);
      stale.hidden = true;
      if (!entry.reviewer) { MinutesReviewer.warn(document.getElementById('export')
        .getAttribute('data-need-name')); }
    }
    function showCorrect(decision) { correct.hidden = decision !== 'reject'; }
    box.querySelectorAll('input[type=radio]').forEach(function (radio) {
      radio.checked = saved.decision === radio.value;
      radio.addEventListener('change', function () {
        showCorrect(radio.value);
        update(function (entry) {
          entry.decision = radio.value;
          entry.reviewed_status = radio.value === 'reject' ? (select.value || null) : null;
        });
      });
    });
    showCorrect(saved.decision);
    select.value = saved.reviewed_status || '';
    select.addEventListener('change', function () {
      update(function (entry) { entry.reviewed_status = select.value || null; });
    });
    note.value = saved.note || '';
    note.addEventListener('input', function () {
      update(function (entry) { entry.note = note.value; });
    });
  });
  var button = document.getElementById('export');
  button.hidden = false;
  button.addEventListener('click', function () {
    var decisions = MinutesReviewer.decisions(load(), new Date().toISOString());
    var entry = {
      page: page,
      label: document.querySelector('h1').textContent,
      municipality: body.getAttribute('data-municipality'),
      municipality_code: MinutesReviewer.number(body.getAttribute('data-code')),
      map_year: MinutesReviewer.number(body.getAttribute('data-year')),
      documents: Array.prototype.map.call(document.querySelectorAll('tr[data-file]'),
        function (row) { return row.getAttribute('data-file'); }),
      decisions: decisions
    };
    MinutesReviewer.exportFile([entry], button, 'vurdering-' + page + '.json',
      document.getElementById('export-text'));
  });
})();
