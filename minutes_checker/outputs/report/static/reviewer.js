// The reviewer's name and the decisions file, shared by the overview and the municipality
// pages (inlined before the page's own script). The name is entered once, in any page, and
// kept in localStorage ('minutes-checker-reviewer'); every decision carries it. The decisions
// file is what `minutes-checker review apply` reads: {format: 'minutes-checker-vurderinger',
// schema_version: 1, exported, reviewer, pages: [{page, municipality, municipality_code,
// map_year, documents, decisions: {<check>: {decision, status, reviewed_status, note,
// reviewer, decided_at}}}]} (models.DecisionsFile).
var MinutesReviewer = (function () {
  var KEY = 'minutes-checker-reviewer';
  var box = document.getElementById('reviewerbox');
  var input = document.getElementById('reviewer');
  var warning = document.getElementById('reviewer-warning');
  function name() {
    try { return (localStorage.getItem(KEY) || '').trim(); } catch (e) { return ''; }
  }
  if (box) {
    box.hidden = false;
    input.value = name();
    input.addEventListener('input', function () {
      try { localStorage.setItem(KEY, input.value.trim()); } catch (e) { /* storage off */ }
      warning.hidden = true;
    });
  }
  // show what is missing; `focus` takes the reader to the name box (only when they asked for
  // something, never while they type elsewhere)
  function warn(text, focus) {
    warning.textContent = text;
    warning.hidden = false;
    if (focus && !name()) { input.focus(); }
  }
  function number(value) {
    var n = parseInt(value, 10);
    return isNaN(n) ? null : n;
  }
  // the decisions of one page as stored, for the file: only checks with a decision, each
  // with the reviewer and the time (the current name and now for decisions made without)
  function decisions(state, now) {
    var out = {};
    Object.keys(state).forEach(function (check) {
      var s = state[check];
      if (!s || !s.decision) { return; }
      out[check] = {
        decision: s.decision,
        status: s.status,
        reviewed_status: s.decision === 'reject' ? (s.reviewed_status || null) : null,
        note: s.note || '',
        reviewer: s.reviewer || name(),
        decided_at: s.decided_at || now
      };
    });
    return out;
  }
  var checkLabels = box ? JSON.parse(box.getAttribute('data-check-labels') || '{}') : {};
  function missingStatus(pages) {
    var missing = [];
    pages.forEach(function (p) {
      Object.keys(p.decisions).forEach(function (check) {
        var d = p.decisions[check];
        if (d.decision === 'reject' && !d.reviewed_status) {
          missing.push(p.label + ': ' + (checkLabels[check] || check));
        }
      });
    });
    return missing;
  }
  // check and export: a name is needed, and a corrected verdict for every disagreement
  function exportFile(pages, button, filename, textarea) {
    if (!name()) { warn(button.getAttribute('data-need-name'), true); return null; }
    var missing = missingStatus(pages);
    if (missing.length) {
      warn(button.getAttribute('data-need-status').replace('{checks}', missing.join(', ')));
      return null;
    }
    warning.hidden = true;
    var data = {
      format: 'minutes-checker-vurderinger',
      schema_version: 1,
      exported: new Date().toISOString(),
      reviewer: name(),
      pages: pages.map(function (p) {
        return {page: p.page, municipality: p.municipality, municipality_code: p.municipality_code,
          map_year: p.map_year, documents: p.documents, decisions: p.decisions};
      })
    };
    var text = JSON.stringify(data, null, 2);
    textarea.hidden = false;
    textarea.value = text;
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return data;
  }
  return {name: name, warn: warn, number: number, decisions: decisions, exportFile: exportFile};
})();
