"""The auditors' report: a static site that works from disk (file://), without a server, and
without anything from the internet.

- `index.html`: every municipality and map year with each check's status (symbol, colour and
  Danish text, so it also prints in black and white) and the expected outcome; a small inline
  script sorts the table when a column heading is clicked and filters it as one types.
- one page per municipality and map year: per check the verdict, the explanation and every
  quote, and the text of the assessed items with sections as headings, page numbers in the
  margin and each check's evidence highlighted in its own colour (solid underline: supports,
  dashed: contradicts); the verdict links to its highlight and back. Radio buttons record an
  auditor's agreement in localStorage, and a button exports those decisions as JSON.

Every piece of text from minutes passes through `html.escape`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from ..judge.checks import CHECK_IDS
from ..judge.combine import Group
from ..messages import Lang, report_ui, status_label, ui
from ..models import Evidence, ItemExcerpt, MunicipalityAssessment

SYMBOLS = {"met": "✓", "not_met": "✗", "unclear": "?", "not_applicable": "–", "undetermined": "?"}
STATUS_SORT = {"met": 4, "unclear": 3, "undetermined": 2, "not_met": 1, "not_applicable": 0}
OUTCOME_SORT = {
    "no_further_action": 0,
    "manual_review": 1,
    "request_action_plan_decision": 2,
    "deadline_reminder": 3,
    "undetermined": 4,
}
# (background, underline) per check: distinguishable, and light enough to read text through
CHECK_COLOURS: dict[str, tuple[str, str]] = {
    "full_council": ("#bfe1f6", "#1b6ca8"),
    "deadline": ("#ffe9a8", "#a67c00"),
    "active_debate": ("#ffd0b0", "#c4520f"),
    "all_three_maps": ("#cdeab8", "#3d7a1f"),
    "national_comparison": ("#e3d3f0", "#6f3d99"),
    "action_plan_decision": ("#f8c6c6", "#b3261e"),
    "no_plan_reasons": ("#c8ecea", "#17746f"),
}
CHECK_NUMBER = {check: index + 1 for index, check in enumerate(CHECK_IDS)}


def esc(text: object) -> str:
    return escape(str(text), quote=True)


# --------------------------------------------------------------------------- shared page parts

CSS = """
:root { --ok: #1e7b34; --bad: #b3261e; --unclear: #9a6700; --na: #5f6368; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; color: #1d1d1f; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
a { color: #0b57d0; }
nav { margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #d0d0d0; padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
th { background: #f1f3f4; }
th.sortable { cursor: pointer; user-select: none; }
th.sortable:hover, th.sortable:focus { background: #e2e6ea; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
#overview { font-size: .85rem; }
#overview td.st { min-width: 5.5rem; }
.sym { font-weight: 700; display: inline-block; width: 1.1em; text-align: center; }
.st-met { color: var(--ok); } .st-not_met { color: var(--bad); }
.st-unclear, .st-undetermined { color: var(--unclear); } .st-not_applicable { color: var(--na); }
td.st-met { background: #eaf6ec; } td.st-not_met { background: #fdecea; }
td.st-unclear, td.st-undetermined { background: #fff6e0; }
.outcome { font-weight: 600; }
.outcome-no_further_action { color: var(--ok); }
.outcome-deadline_reminder, .outcome-request_action_plan_decision { color: var(--bad); }
.outcome-manual_review, .outcome-undetermined { color: var(--unclear); }
.filter { margin: .75rem 0; }
.filter input { font: inherit; padding: .3rem .5rem; width: 22rem; max-width: 100%; }
.muted { color: #5f6368; font-size: .85rem; }
.box { border: 1px solid #d0d0d0; border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.check { border-left: 6px solid var(--na); }
.check.st-met { border-left-color: var(--ok); } .check.st-not_met { border-left-color: var(--bad); }
.check.st-unclear, .check.st-undetermined { border-left-color: var(--unclear); }
.check h3 { margin: 0 0 .3rem; font-size: 1.05rem; color: inherit; }
.check h3 a { color: inherit; text-decoration: none; }
.check .explanation { color: #1d1d1f; margin: .2rem 0 .5rem; }
.evidence { margin: .3rem 0; padding-left: 1.2rem; color: #1d1d1f; }
.evidence li { margin: .25rem 0; }
.quote { font-style: italic; }
.decision { margin-top: .5rem; font-size: .9rem; color: #1d1d1f; }
.decision label { margin-right: .9rem; }
.decision input[type=text] { font: inherit; width: 22rem; max-width: 100%; }
.legend span.key { display: inline-block; margin: .15rem .6rem .15rem 0; padding: 0 .35rem; }
.doctext { position: relative; padding-left: 4.2rem; }
.doctext h3 { margin: 1.2rem 0 .4rem; font-size: 1.1rem; }
.doctext h4 { margin: 1rem 0 .3rem; font-size: 1rem; }
.doctext p { margin: .35rem 0; }
.pageno { position: absolute; left: 0; width: 3.6rem; text-align: right; font-size: .75rem;
  color: #5f6368; border-right: 2px solid #d0d0d0; padding-right: .35rem; }
.excerpt { border-top: 1px dashed #d0d0d0; margin-top: 1rem; }
mark.hl { color: inherit; padding: 0 .05em; text-decoration-line: underline;
  text-decoration-thickness: 2px; text-underline-offset: 3px; }
mark.hl.pol-supports { text-decoration-style: solid; }
mark.hl.pol-contradicts { text-decoration-style: dashed; }
a.tag { font-size: .7rem; font-weight: 700; vertical-align: super; text-decoration: none;
  border-radius: 3px; padding: 0 .2em; margin-right: .1em; color: #1d1d1f; }
:target { outline: 3px solid #0b57d0; outline-offset: 2px; }
textarea.export { width: 100%; height: 8rem; font: .8rem monospace; }
@media print {
  nav, .filter, .decision, .export-box, button, .noprint { display: none !important; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  mark.hl, a.tag, td.st, .legend span.key { -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  .box, .check { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"""


def _check_css() -> str:
    rules = []
    for check, (background, line) in CHECK_COLOURS.items():
        rules.append(
            f"mark.c-{check} {{ background: {background}; text-decoration-color: {line}; }}\n"
            f".key.c-{check}, a.tag.c-{check} {{ background: {background}; "
            f"border-bottom: 2px solid {line}; }}"
        )
    return "\n".join(rules)


def _page(title: str, body: str, lang: Lang, script: str = "") -> str:
    script_tag = f"<script>\n{script}\n</script>\n" if script else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}\n{_check_css()}</style>\n</head>\n"
        f"<body>\n{body}\n{script_tag}</body>\n</html>\n"
    )


def _status_html(status: str, lang: Lang) -> str:
    return (
        f'<span class="sym" aria-hidden="true">{SYMBOLS[status]}</span> '
        f'<span class="txt">{esc(status_label(status, lang))}</span>'
    )


# --------------------------------------------------------------------------- index


INDEX_SCRIPT = r"""
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
"""


def render_index(groups: Sequence[Group], lang: Lang = "da", when: str | None = None) -> str:
    heads = [
        report_ui("municipality", lang),
        report_ui("code", lang),
        report_ui("map_year", lang),
        *(f"{CHECK_NUMBER[c]}. {_short_label(c, lang)}" for c in CHECK_IDS),
        report_ui("outcome", lang),
        report_ui("documents", lang),
    ]
    rows = []
    for group in groups:
        combined = group.combined
        assert combined is not None
        cells = [
            f'<td data-sort="{esc(group.name)}"><a href="{esc(group.slug)}.html">'
            f"{esc(group.name)}</a></td>",
            f'<td data-sort="{group.code or 0}">{esc(group.code or "")}</td>',
            f'<td data-sort="{group.map_year or 0}">{esc(group.map_year or "")}</td>',
        ]
        for check in CHECK_IDS:
            status = combined.checks[check].status
            cells.append(
                f'<td class="st st-{status}" data-check="{check}" data-status="{status}" '
                f'data-sort="{STATUS_SORT[status]}" title="{esc(combined.checks[check].label)}">'
                f"{_status_html(status, lang)}</td>"
            )
        outcome = combined.outcome
        cells.append(
            f'<td class="outcome outcome-{outcome.id}" data-sort="{OUTCOME_SORT[outcome.id]}">'
            f"{esc(outcome.label)}</td>"
        )
        cells.append(f'<td data-sort="{len(combined.documents)}">{len(combined.documents)}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    when = when or dt.datetime.now().strftime("%d-%m-%Y %H:%M")
    template = report_ui("shown", lang, shown="{shown}", total="{total}")
    body = f"""<h1>{esc(report_ui("title", lang))}</h1>
<p>{esc(report_ui("intro", lang))}</p>
<div class="filter" id="filterbox" hidden>
<label for="filter">{esc(report_ui("filter", lang))}:</label>
<input id="filter" type="search" placeholder="{esc(report_ui("filter_placeholder", lang))}">
<span class="muted" id="shown" data-template="{esc(template)}"></span>
</div>
<table id="overview">
<thead><tr>{"".join(f"<th scope='col'>{esc(h)}</th>" for h in heads)}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p class="noprint"><button type="button" id="export-all" hidden>{esc(report_ui("export", lang))}
</button></p>
<textarea class="export noprint" id="export-all-text" readonly hidden></textarea>
<p class="muted">{esc(report_ui("generated", lang, when=when))}</p>"""
    return _page(report_ui("title", lang), body, lang, INDEX_SCRIPT)


SHORT_LABELS: dict[str, dict[str, str]] = {
    "full_council": {"da": "Kommunalbestyrelse", "en": "Full council"},
    "deadline": {"da": "Frist", "en": "Deadline"},
    "active_debate": {"da": "Drøftelse", "en": "Debate"},
    "all_three_maps": {"da": "Tre kort", "en": "Three maps"},
    "national_comparison": {"da": "Sammenligning", "en": "Comparison"},
    "action_plan_decision": {"da": "Handlingsplan", "en": "Action plan"},
    "no_plan_reasons": {"da": "Begrundelse", "en": "Reasons"},
}


def _short_label(check: str, lang: Lang) -> str:
    return SHORT_LABELS[check][lang]


# --------------------------------------------------------------------------- highlighting


@dataclass(frozen=True)
class Mark:
    """One piece of evidence placed in an excerpt (absolute Document offsets)."""

    start: int
    end: int
    check: str
    polarity: str
    anchor: str


def locate(evidence: Evidence, excerpts: Sequence[ItemExcerpt]) -> tuple[int, int] | None:
    """Where `evidence` stands in the excerpts of its file: its own offsets when the text
    there is the quote, else the first place the quote occurs."""
    for excerpt in excerpts:
        if excerpt.start <= evidence.start and evidence.end <= excerpt.end:
            text = excerpt.text[evidence.start - excerpt.start : evidence.end - excerpt.start]
            if text == evidence.quote:
                return evidence.start, evidence.end
    for excerpt in excerpts:
        found = excerpt.text.find(evidence.quote) if evidence.quote else -1
        if found >= 0:
            return excerpt.start + found, excerpt.start + found + len(evidence.quote)
    return None


def _mark_style(marks: Sequence[Mark]) -> str:
    """Several checks on the same words: their colours as stripes, so all stay visible."""
    colours = list(dict.fromkeys(CHECK_COLOURS[m.check][0] for m in marks))
    if len(colours) < 2:
        return ""
    step = 100 / len(colours)
    stops = ", ".join(
        f"{colour} {i * step:.0f}% {(i + 1) * step:.0f}%" for i, colour in enumerate(colours)
    )
    return f' style="background: linear-gradient(180deg, {stops});"'


def _render_span(
    text: str, offset: int, marks: Sequence[Mark], starts: dict[int, list[Mark]]
) -> str:
    """`text` (which starts at Document offset `offset`) with marks and evidence anchors."""
    end = offset + len(text)
    cuts = {offset, end}
    for mark in marks:
        if mark.start < end and mark.end > offset:
            cuts.update(p for p in (mark.start, mark.end) if offset < p < end)
    cuts.update(p for p in starts if offset <= p < end)
    points = sorted(cuts)
    out = []
    for lo, hi in itertools.pairwise(points):
        for mark in starts.get(lo, []):
            number = CHECK_NUMBER.get(mark.check, 0)
            out.append(
                f'<a class="tag c-{mark.check}" id="{esc(mark.anchor)}" '
                f'href="#check-{mark.check}" title="{esc(mark.check)}">{number}</a>'
            )
        active = [m for m in marks if m.start <= lo and m.end >= hi]
        piece = esc(text[lo - offset : hi - offset])
        if not active:
            out.append(piece)
            continue
        checks = list(dict.fromkeys(m.check for m in active))
        polarity = "contradicts" if any(m.polarity == "contradicts" for m in active) else "supports"
        classes = " ".join(["hl", *(f"c-{c}" for c in checks), f"pol-{polarity}"])
        out.append(
            f'<mark class="{classes}" data-checks="{" ".join(checks)}"{_mark_style(active)}>'
            f"{piece}</mark>"
        )
    return "".join(out)


def render_excerpt(excerpt: ItemExcerpt, marks: Sequence[Mark], lang: Lang = "da") -> str:
    """The excerpt's text as HTML: item title, section headings, paragraphs, page numbers in the
    margin, and the marks (with an anchor at the start of each)."""
    inside = [m for m in marks if m.start < excerpt.end and m.end > excerpt.start]
    starts: dict[int, list[Mark]] = {}
    for mark in inside:
        position = max(mark.start, excerpt.start)
        starts.setdefault(position, []).append(mark)
    section_starts = {s.start: s for s in excerpt.sections}
    page_starts = sorted((p.start, p.number) for p in excerpt.pages)
    out: list[str] = []
    paragraph: list[str] = []
    pending_pages: list[int] = []

    def page_marker(number: int) -> str:
        label = report_ui("page_long", lang, n=number)
        return (
            f'<span class="pageno" data-page="{number}" title="{esc(label)}">'
            f"{esc(report_ui('page', lang))} {number}</span>"
        )

    def flush() -> None:
        if paragraph:
            out.append("<p>" + "<br>".join(paragraph) + "</p>")
            paragraph.clear()

    position = excerpt.start
    first_line = True
    for line in excerpt.text.split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        while page_starts and page_starts[0][0] <= line_end:
            pending_pages.append(page_starts.pop(0)[1])
        if not line.strip():
            flush()
            continue
        markers = "".join(page_marker(n) for n in pending_pages)
        pending_pages.clear()
        content = markers + _render_span(line, line_start, inside, starts)
        section = next(
            (s for start, s in section_starts.items() if line_start <= start <= line_end), None
        )
        if first_line and excerpt.kind == "item":
            flush()
            out.append(f"<h3>{content}</h3>")
        elif section is not None:
            flush()
            out.append(f'<h4 class="sec sec-{esc(section.kind)}">{content}</h4>')
        else:
            paragraph.append(content)
        first_line = False
    flush()
    return "\n".join(out)


# --------------------------------------------------------------------------- municipality page


PAGE_SCRIPT = r"""
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
"""


def _doc_status(record: dict[str, Any] | None, lang: Lang) -> str:
    if record is None:
        return ""
    status = record.get("status", "error")
    text = report_ui(f"doc_status_{status}", lang)
    if status == "error" and record.get("error"):
        text += f": {record['error'].get('message', '')}"
    return text


def render_municipality(
    group: Group,
    records: dict[str, dict[str, Any]],
    excerpts: dict[str, list[ItemExcerpt]],
    lang: Lang = "da",
) -> str:
    combined: MunicipalityAssessment | None = group.combined
    assert combined is not None
    title = f"{group.name} – danmarkskortet {group.map_year or '?'}"
    marks: dict[str, list[Mark]] = {}
    anchors: dict[tuple[str, int], str] = {}
    placed: dict[tuple[str, int, int, str], str] = {}
    for check in CHECK_IDS:
        for index, evidence in enumerate(combined.checks[check].evidence):
            file = evidence.file or (combined.documents[0] if combined.documents else "")
            where = locate(evidence, excerpts.get(file, []))
            if where is None:
                continue
            same = (file, where[0], where[1], check)
            if same in placed:  # the same words for the same check: one mark, one anchor
                anchors[(check, index)] = placed[same]
                continue
            anchor = f"ev-{check}-{index}"
            anchors[(check, index)] = placed[same] = anchor
            marks.setdefault(file, []).append(
                Mark(where[0], where[1], check, evidence.polarity, anchor)
            )

    parts = [
        f'<nav><a href="index.html">{esc(report_ui("back", lang))}</a></nav>',
        f"<h1>{esc(title)}</h1>",
    ]
    outcome = combined.outcome
    reasons = "".join(f"<li>{esc(r)}</li>" for r in outcome.reasons)
    parts.append(
        f'<div class="box"><div class="outcome outcome-{outcome.id}">'
        f"{esc(report_ui('outcome', lang))}: {esc(outcome.label)}</div>"
        + (f"<ul>{reasons}</ul>" if reasons else "")
        + "</div>"
    )
    # documents
    doc_rows = []
    for file in combined.documents:
        record = records.get(file)
        date = (record or {}).get("meeting_date") or ""
        body = (record or {}).get("body") or ""
        items = "; ".join(
            f"{i.number}. {i.title}" if i.number else i.title
            for i in combined.items
            if i.file == file
        )
        annotated = (record or {}).get("annotated")
        link = (
            f' (<a href="../{esc(annotated)}">{esc(report_ui("annotated", lang))}</a>)'
            if annotated
            else ""
        )
        doc_rows.append(
            f"<tr><td>{esc(file)}{link}</td><td>{esc(_doc_status(record, lang))}</td>"
            f"<td>{esc(body)}</td><td>{esc(date)}</td><td>{esc(items)}</td></tr>"
        )
    parts.append(f"<h2>{esc(report_ui('documents_title', lang))}</h2>")
    parts.append(
        "<table><thead><tr>"
        f"<th>{esc(report_ui('documents_title', lang))}</th><th>Status</th>"
        f"<th>{esc(ui('body', lang))}</th><th>{esc(ui('date', lang))}</th>"
        f"<th>{esc(report_ui('item', lang))}</th></tr></thead><tbody>"
        + "".join(doc_rows)
        + "</tbody></table>"
    )
    # checks
    parts.append(f"<h2>{esc(report_ui('checks', lang))}</h2>")
    for check in CHECK_IDS:
        parts.append(_render_check(check, combined, anchors, lang))
    # legend
    keys = "".join(
        f'<span class="key c-{c}">{CHECK_NUMBER[c]}. {esc(combined.checks[c].label)}</span>'
        for c in CHECK_IDS
    )
    parts.append(
        f'<div class="box legend"><strong>{esc(report_ui("legend", lang))}:</strong><br>{keys}'
        f'<p class="muted">{esc(report_ui("legend_polarity", lang))}</p></div>'
    )
    # text of the documents
    parts.append(f"<h2>{esc(report_ui('text_title', lang))}</h2>")
    for file in combined.documents:
        shown = excerpts.get(file, [])
        parts.append(f'<section class="doc"><h3 class="muted">{esc(file)}</h3>')
        if not shown:
            parts.append(f'<p class="muted">{esc(report_ui("no_text", lang))}</p>')
        for excerpt in shown:
            heading = (
                f'<p class="muted">{esc(report_ui("header_excerpt", lang))}</p>'
                if excerpt.kind == "header"
                else ""
            )
            parts.append(
                f'<div class="excerpt doctext">{heading}'
                f"{render_excerpt(excerpt, marks.get(file, []), lang)}</div>"
            )
        parts.append("</section>")
    parts.append(
        f'<div class="export-box"><button type="button" id="export" hidden>'
        f"{esc(report_ui('export', lang))}</button> "
        f'<span class="muted">{esc(report_ui("export_help", lang))}</span>'
        '<textarea class="export" id="export-text" readonly hidden></textarea></div>'
    )
    body_attrs = (
        f'data-page="{esc(group.slug)}" data-municipality="{esc(group.name)}" '
        f'data-code="{esc(group.code or "")}" data-year="{esc(group.map_year or "")}"'
    )
    html = _page(title, "\n".join(parts), lang, PAGE_SCRIPT)
    return html.replace("<body>", f"<body {body_attrs}>", 1)


def _render_check(
    check: str,
    combined: MunicipalityAssessment,
    anchors: dict[tuple[str, int], str],
    lang: Lang,
) -> str:
    result = combined.checks[check]
    first = next(
        (anchors[(check, i)] for i in range(len(result.evidence)) if (check, i) in anchors), None
    )
    heading = f"{CHECK_NUMBER[check]}. {esc(result.label)}: {_status_html(result.status, lang)}"
    if first:
        heading = f'<a href="#{first}" title="{esc(report_ui("jump", lang))}">{heading}</a>'
    evidence_items = []
    for index, evidence in enumerate(result.evidence):
        page = f"{report_ui('page', lang)} {evidence.page}" if evidence.page else ""
        where = ", ".join(x for x in (evidence.file or "", page, evidence.section or "") if x)
        polarity = report_ui(evidence.polarity, lang)
        anchor = anchors.get((check, index))
        jump = (
            f' <a href="#{anchor}" class="noprint">{esc(report_ui("jump", lang))}</a>'
            if anchor
            else ""
        )
        evidence_items.append(
            f'<li class="pol-{evidence.polarity}">'
            f'<span class="quote">»{esc(evidence.quote)}«</span>'
            f' <span class="muted">({esc(where)}; {esc(polarity)}; {esc(report_ui("rule", lang))} '
            f"<code>{esc(evidence.rule)}</code>)</span>{jump}</li>"
        )
    evidence_html = (
        f'<ul class="evidence">{"".join(evidence_items)}</ul>'
        if evidence_items
        else f'<p class="muted">{esc(report_ui("no_evidence", lang))}</p>'
    )
    name = f"decision-{check}"
    radios = "".join(
        f'<label><input type="radio" name="{name}" value="{value}"> '
        f"{esc(report_ui(value, lang))}</label>"
        for value in ("accept", "reject", "undecided")
    )
    decision = (
        f'<div class="decision" data-check="{check}" data-status="{result.status}">'
        f"<strong>{esc(report_ui('decision', lang))}:</strong> {radios}"
        f'<label>{esc(report_ui("note", lang))}: <input type="text" name="note-{check}"></label>'
        "</div>"
    )
    return (
        f'<section class="box check st-{result.status}" id="check-{check}">'
        f"<h3>{heading}</h3>"
        f'<p class="explanation">{esc(result.explanation)}</p>'
        f"{evidence_html}{decision}</section>"
    )


# --------------------------------------------------------------------------- writing


def write_report(
    folder: Path,
    groups: Sequence[Group],
    records: Sequence[dict[str, Any]],
    excerpts: dict[str, list[ItemExcerpt]],
    lang: Lang = "da",
) -> Path:
    """Write index.html and one page per municipality and map year; return the index."""
    folder.mkdir(parents=True, exist_ok=True)
    by_path = {r["path"]: r for r in records}
    for group in groups:
        page = render_municipality(group, by_path, excerpts, lang)
        (folder / f"{group.slug}.html").write_text(page, encoding="utf-8")
    index = folder / "index.html"
    index.write_text(render_index(groups, lang), encoding="utf-8")
    return index
