"""The report in a real browser: headless Chromium (Debian's `chromium`) opens the generated
pages from disk, a small harness page clicks and types in them, and the resulting DOM is read
back with `--dump-dom`. Screenshots go to tests/artifacts/.

Skipped, with a message saying so, only when no chromium is installed (`scripts/ensure-chromium`
installs it in `make test`).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from minutes_fixtures import Minutes, render

from minutes_checker.batch import run_batch

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = next(
    (p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (run scripts/ensure-chromium, or apt-get install "
    "chromium); the report's browser test is skipped",
)


def chromium(*args: str, profile: Path) -> str:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


HARNESS = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body>
<pre id="result">pending</pre>
<iframe id="frame" src="%(page)s" style="width:1200px;height:900px"></iframe>
<script>
var frame = document.getElementById('frame');
frame.addEventListener('load', function () {
  var out = {};
  try {
    var w = frame.contentWindow, d = frame.contentDocument;
    %(steps)s
  } catch (err) { out.error = String(err); }
  document.getElementById('result').textContent = 'RESULT' + JSON.stringify(out) + 'END';
});
</script></body></html>
"""

INDEX_STEPS = """
    function names() {
      return Array.prototype.map.call(d.querySelectorAll('#overview tbody tr'), function (r) {
        return r.cells[0].textContent.trim();
      });
    }
    function visible() {
      return Array.prototype.filter.call(d.querySelectorAll('#overview tbody tr'),
        function (r) { return !r.hidden; }).length;
    }
    var heads = d.querySelectorAll('#overview thead th');
    out.before = names();
    out.filterShown = !d.getElementById('filterbox').hidden;
    heads[0].click();
    out.ascending = names();
    out.sortState = heads[0].getAttribute('aria-sort');
    heads[0].click();
    out.descending = names();
    var outcomeHead = heads[heads.length - 2];
    outcomeHead.click();
    out.byOutcome = Array.prototype.map.call(d.querySelectorAll('#overview tbody tr'),
      function (r) { return r.cells[r.cells.length - 2].textContent.trim(); });
    var input = d.getElementById('filter');
    input.value = 'randers';
    input.dispatchEvent(new w.Event('input'));
    out.filtered = visible();
    out.counter = d.getElementById('shown').textContent;
    input.value = '';
    input.dispatchEvent(new w.Event('input'));
    out.unfiltered = visible();
"""

PAGE_STEPS = """
    var marks = d.querySelectorAll('mark.hl');
    out.marks = marks.length;
    out.checks = [];
    marks.forEach(function (m) {
      m.getAttribute('data-checks').split(' ').forEach(function (c) {
        if (out.checks.indexOf(c) < 0) { out.checks.push(c); }
      });
    });
    var one = d.querySelector('mark.hl.c-deadline');
    out.deadlineBackground = w.getComputedStyle(one).backgroundColor;
    var two = d.querySelector('mark.hl.c-all_three_maps');
    out.mapsBackground = w.getComputedStyle(two).backgroundColor;
    out.underline = w.getComputedStyle(two).textDecorationStyle;
    out.pages = d.querySelectorAll('.pageno').length;
    out.sections = Array.prototype.map.call(d.querySelectorAll('h4.sec'),
      function (h) { return h.textContent.trim(); });
    var link = d.querySelector('#check-deadline h3 a');
    link.click();
    out.hash = w.location.hash;
    out.targetIsMarked = d.querySelector(w.location.hash + ' + mark') !== null ||
      d.querySelector(w.location.hash).nextElementSibling.tagName === 'MARK';
    var radio = d.querySelector('.decision[data-check="deadline"] input[value="reject"]');
    radio.click();
    var stored = {};
    try { stored = JSON.parse(w.localStorage.getItem('minutes-checker:' +
      d.body.getAttribute('data-page')) || '{}'); } catch (e) { stored = {error: String(e)}; }
    out.stored = stored;
    out.exportHidden = d.getElementById('export').hidden;
"""


def run_harness(folder: Path, page: str, steps: str, profile: Path) -> dict[str, Any]:
    harness = folder / f"_harness_{page}"
    harness.write_text(HARNESS % {"page": page, "steps": steps}, encoding="utf-8")
    dom = chromium(
        "--allow-file-access-from-files",
        "--virtual-time-budget=10000",
        "--dump-dom",
        harness.as_uri(),
        profile=profile,
    )
    found = re.search(r"RESULT(.*?)END", dom, re.S)
    assert found, dom[-2000:]
    data: dict[str, Any] = json.loads(found.group(1))
    assert "error" not in data, data
    return data


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("in")
    (root / "Herning").mkdir()
    (root / "Herning" / "referat.pdf").write_bytes(render(Minutes(), "pdf"))
    (root / "randers-udvalg.html").write_bytes(
        render(Minutes("Randers Kommune", committee="Social- og Sundhedsudvalget"), "html")
    )
    (root / "aabenraa.docx").write_bytes(
        render(Minutes("Aabenraa Kommune", maps=("social", "adults"), plan=False), "docx")
    )
    out = tmp_path_factory.mktemp("out")
    run_batch(root, out, jobs=1)
    return out / "report"


def test_clicking_a_header_sorts_and_typing_filters(report: Path, tmp_path: Path) -> None:
    data = run_harness(report, "index.html", INDEX_STEPS, tmp_path / "profile")
    # Danish collation: "Aa" is "Å", the last letter
    expected = ["Herning Kommune", "Randers Kommune", "Aabenraa Kommune"]
    assert data["filterShown"] is True
    assert data["ascending"] == expected
    assert data["sortState"] == "ascending"
    assert data["descending"] == list(reversed(expected))
    assert data["byOutcome"][0] == "Ingen yderligere bemærkninger"
    assert data["byOutcome"][-1] == "Indskærpelse af fristen"
    assert data["filtered"] == 1
    assert data["counter"] == "viser 1 af 3"
    assert data["unfiltered"] == 3


def test_municipality_page_highlights_and_decisions(report: Path, tmp_path: Path) -> None:
    page = "657-herning-kommune-2023.html"
    data = run_harness(report, page, PAGE_STEPS, tmp_path / "profile")
    assert data["marks"] >= 6
    assert {"full_council", "deadline", "active_debate", "all_three_maps"} <= set(data["checks"])
    transparent = {"rgba(0, 0, 0, 0)", "transparent"}
    assert data["deadlineBackground"] not in transparent
    assert data["mapsBackground"] not in transparent
    assert data["deadlineBackground"] != data["mapsBackground"]
    assert data["underline"] == "solid"
    assert data["pages"] >= 1
    assert "Sagsfremstilling" in data["sections"]
    assert data["hash"] == "#ev-deadline-0"
    assert data["targetIsMarked"] is True
    assert data["stored"]["deadline"]["decision"] == "reject"
    assert data["exportHidden"] is False


def test_screenshots(report: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for name, page, size in (
        ("report-index.png", "index.html", "1400,700"),
        ("report-municipality.png", "657-herning-kommune-2023.html", "1280,2600"),
    ):
        target = ARTIFACTS / name
        target.unlink(missing_ok=True)
        chromium(
            f"--window-size={size}",
            f"--screenshot={target}",
            (report / page).as_uri(),
            profile=tmp_path / "profile",
        )
        assert target.stat().st_size > 10_000
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
