"""The report in a real browser, used as an auditor would: Playwright drives the system's
Chromium (Debian's `chromium`; Playwright's own browsers are never downloaded), opens the pages of
a batch over a few corpus files from disk (file://), clicks column headings, types in the filter,
follows a municipality link and the links between verdicts and highlights, agrees and disagrees
with verdicts, exports the decisions and reloads. Screenshots go to tests/artifacts/.

Skipped, with a message saying so, only when no chromium is installed (`scripts/ensure-chromium`
installs it in `make test`).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutes_checker.batch import run_batch
from minutes_checker.judge.checks import CHECK_IDS

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
)
Page = sync_api.Page
expect = sync_api.expect

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (run scripts/ensure-chromium, or apt-get install "
    "chromium); the report's browser test is skipped",
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# development cases of four formats and outcomes; in Danish order "Aa" is "Å", the last letter
CORPUS_FILES = (
    "aabenraa-2023-dagsorden.pdf",
    "dragoer-2023-orienteringssag.html",
    "esbjerg-2022-kun-to-kort.docx",
    "herning-2023-decembermoede-tiltraadte.pdf",
    "vejle-2024-indstiller-til-oekonomiudvalget.pdf",
)
BY_NAME = ["Dragør Kommune", "Esbjerg Kommune", "Herning Kommune", "Vejle Kommune",
           "Aabenraa Kommune"]  # fmt: skip
HERNING = "herning-2023-decembermoede-tiltraadte.pdf"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("in")
    for name in CORPUS_FILES:
        shutil.copy(ROOT / "corpus" / "rendered" / name, root / name)
    out = tmp_path_factory.mktemp("out")
    run_batch(root, out, jobs=1)
    return out


@pytest.fixture(scope="module")
def groups(batch: Path) -> dict[str, dict[str, Any]]:
    """The batch's municipalities.jsonl, by the first document's file name."""
    lines = (batch / "municipalities.jsonl").read_text("utf-8").splitlines()
    return {g["documents"][0]: g for g in map(json.loads, lines)}


@pytest.fixture()
def page(tmp_path: Path) -> Iterator[Page]:
    """A fresh browser profile (so localStorage starts empty) with the system's Chromium."""
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            accept_downloads=True,
            viewport={"width": 1400, "height": 900},
        )
        context.set_default_timeout(20_000)
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


# the checks of the first mark after an evidence tag (tags of several checks may stand together)
FOLLOWING_MARK = """a => {
  let next = a.nextElementSibling;
  while (next && next.matches('a.tag')) { next = next.nextElementSibling; }
  return next && next.matches('mark.hl') ? next.dataset.checks : null;
}"""

STYLE = "m => [getComputedStyle(m).backgroundColor, getComputedStyle(m).textDecorationStyle]"


def names(page: Page) -> list[str]:
    return page.locator("#overview tbody tr td:first-child").all_inner_texts()


def visible_rows(page: Page) -> int:
    return page.locator("#overview tbody tr:visible").count()


def download_json(page: Page, button: str) -> dict[str, Any]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    path = info.value.path()
    data: dict[str, Any] = json.loads(Path(path).read_text("utf-8"))
    return data


def test_the_index_sorts_and_filters_as_one_clicks_and_types(
    batch: Path, groups: dict[str, dict[str, Any]], page: Page
) -> None:
    page.goto((batch / "report" / "index.html").as_uri())
    expect(page.locator("#overview tbody tr")).to_have_count(len(CORPUS_FILES))
    expect(page.locator("#shown")).to_have_text("viser 5 af 5")  # the script runs from disk
    assert sorted(names(page)) == sorted(BY_NAME)

    # (the sort mark ▲/▼ becomes part of a heading's name, hence the patterns)
    heading = page.get_by_role("columnheader", name=re.compile(r"^Kommune"))
    heading.click()
    expect(heading).to_have_attribute("aria-sort", "ascending")
    assert names(page) == BY_NAME
    heading.click()
    expect(heading).to_have_attribute("aria-sort", "descending")
    assert names(page) == list(reversed(BY_NAME))

    # by outcome, from the keyboard: the other headings lose their sort mark
    outcome = page.get_by_role("columnheader", name=re.compile(r"^Forventet udfald"))
    outcome.focus()
    page.keyboard.press("Enter")
    expect(outcome).to_have_attribute("aria-sort", "ascending")
    expect(heading).to_have_attribute("aria-sort", "none")
    keys = [int(k) for k in page.locator("#overview tbody td.outcome").evaluate_all(
        "cells => cells.map(c => c.getAttribute('data-sort'))")]  # fmt: skip
    assert keys == sorted(keys) and len(set(keys)) >= 3
    shown = page.locator("#overview tbody td.outcome").all_inner_texts()
    assert shown[0] == "Ingen yderligere bemærkninger"  # Herning: everything met
    assert names(page) not in (BY_NAME, list(reversed(BY_NAME)))

    # typing filters the rows and the count follows
    box = page.get_by_label("Filtrér")
    box.press_sequentially("herning")
    expect(page.locator("#shown")).to_have_text("viser 1 af 5")
    assert visible_rows(page) == 1
    assert page.locator("#overview tbody tr:visible td:first-child").inner_text() == (
        "Herning Kommune"
    )
    box.fill("")
    box.press_sequentially("uklart")  # the words of a status, in any column
    unclear = sum(
        any(c["status"] == "unclear" for c in g["checks"].values()) for g in groups.values()
    )
    assert 0 < unclear < 5
    expect(page.locator("#shown")).to_have_text(f"viser {unclear} af 5")
    assert visible_rows(page) == unclear
    box.fill("")
    expect(page.locator("#shown")).to_have_text("viser 5 af 5")
    assert visible_rows(page) == 5

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-index.png"))
    assert (ARTIFACTS / "report-index.png").stat().st_size > 10_000


def test_a_municipality_page_highlights_links_and_keeps_decisions(
    batch: Path, groups: dict[str, dict[str, Any]], page: Page
) -> None:
    herning = groups[HERNING]
    slug = "657-herning-kommune-2023"
    page.goto((batch / "report" / "index.html").as_uri())
    page.get_by_role("link", name="Herning Kommune").click()
    expect(page).to_have_url(re.compile(rf"/{slug}\.html$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Herning Kommune – danmarkskortet 2023"
    )
    text = page.locator(".doctext")
    assert page.locator(".doctext .pageno").count() >= 1
    assert "Beslutning" in " ".join(page.locator(".doctext h4.sec").all_inner_texts())

    # every check with quotes: highlighted in the item's text, and verdict and highlight link
    # to each other
    quoted = [c for c in CHECK_IDS if herning["checks"][c]["evidence"]]
    assert len(quoted) >= 5
    for check in quoted:
        assert text.locator(f"mark.hl.c-{check}").count() >= 1, check
        verdict = page.locator(f"#check-{check} h3 a")
        anchor = verdict.get_attribute("href")
        assert anchor and anchor.startswith(f"#ev-{check}-"), check
        verdict.click()
        expect(page).to_have_url(re.compile(f"{anchor}$"))
        tag = page.locator(anchor)
        marked = tag.evaluate(FOLLOWING_MARK)  # the words the tag stands before
        assert check in (marked or "").split(), (check, marked)
        tag.click()  # the numbered tag leads back to the verdict
        expect(page).to_have_url(re.compile(f"#check-{check}$"))
    # each check in its own colour (words of several checks are striped); supports: solid
    colours = {
        check: text.locator(f'mark.hl[data-checks="{check}"]').first.evaluate(STYLE)[0]
        for check in quoted
        if text.locator(f'mark.hl[data-checks="{check}"]').count()
    }
    assert len(set(colours.values())) == len(colours) >= 4, colours
    assert "rgba(0, 0, 0, 0)" not in colours.values()
    assert text.locator("mark.hl.pol-supports").first.evaluate(STYLE)[1] == "solid"

    # agree with one verdict, disagree with another with a note and the corrected verdict, and
    # export: the file says who decided, when, and on which verdict (models.DecisionsFile)
    deadline = page.locator("#check-deadline")
    deadline.get_by_role("radio", name="Uenig", exact=True).check()
    note = "Datoen står kun på forsiden; se protokollen <b>før</b> brevet & svaret."
    deadline.get_by_role("textbox", name="Bemærkning").press_sequentially(note)
    page.locator("#check-full_council").get_by_role("radio", name="Enig", exact=True).check()
    # without a name, and without the corrected verdict, the export says what is missing
    page.get_by_role("button", name="Eksportér vurderinger (JSON)").click()
    expect(page.locator("#reviewer-warning")).to_contain_text("Skriv dit navn")
    page.get_by_label("Dit navn").fill("Mette Sørensen")
    page.get_by_role("button", name="Eksportér vurderinger (JSON)").click()
    expect(page.locator("#reviewer-warning")).to_contain_text("Behandlet inden årets udgang")
    corrected = "not_met" if herning["checks"]["deadline"]["status"] != "not_met" else "unclear"
    deadline.get_by_label("Ret til").select_option(corrected)
    exported = download_json(page, "Eksportér vurderinger (JSON)")
    assert exported["format"] == "minutes-checker-vurderinger"
    assert exported["schema_version"] == 1
    assert exported["reviewer"] == "Mette Sørensen"
    (entry,) = exported["pages"]
    assert entry["page"] == slug
    assert entry["municipality"] == "Herning Kommune"
    assert entry["municipality_code"] == 657
    assert entry["map_year"] == 2023
    assert entry["documents"] == [HERNING]
    decisions = entry["decisions"]
    assert set(decisions) == {"deadline", "full_council"}
    for decision in decisions.values():
        assert decision.pop("decided_at").endswith("Z")
    assert decisions == {
        "deadline": {
            "decision": "reject",
            "status": herning["checks"]["deadline"]["status"],
            "reviewed_status": corrected,
            "note": note,
            "reviewer": "Mette Sørensen",
        },
        "full_council": {
            "decision": "accept",
            "status": herning["checks"]["full_council"]["status"],
            "reviewed_status": None,
            "note": "",
            "reviewer": "Mette Sørensen",  # decided before the name was entered: filled in
        },
    }
    shown = json.loads(page.locator("#export-text").input_value())
    assert shown["pages"][0]["decisions"].keys() == decisions.keys()

    # the choices survive a reload (localStorage) and the export says the same
    page.reload()
    expect(
        page.locator("#check-deadline").get_by_role("radio", name="Uenig", exact=True)
    ).to_be_checked()
    expect(
        page.locator("#check-full_council").get_by_role("radio", name="Enig", exact=True)
    ).to_be_checked()
    expect(page.locator("#check-deadline").get_by_role("textbox")).to_have_value(note)
    untouched = page.locator("#check-active_debate").get_by_role("radio", name="Enig", exact=True)
    expect(untouched).not_to_be_checked()
    expect(page.get_by_label("Dit navn")).to_have_value("Mette Sørensen")
    expect(page.locator("#check-deadline").get_by_label("Ret til")).to_have_value(corrected)
    again = download_json(page, "Eksportér vurderinger (JSON)")
    assert again["pages"][0]["decisions"].keys() == decisions.keys()
    assert again["pages"][0]["decisions"]["deadline"]["reviewed_status"] == corrected
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-municipality.png"), full_page=True)
    assert (ARTIFACTS / "report-municipality.png").stat().st_size > 10_000

    # the overview's export holds every page's decisions
    page.get_by_role("link", name="← Til oversigten").click()
    everything = download_json(page, "Eksportér vurderinger (JSON)")
    assert [p["page"] for p in everything["pages"]] == [slug]
    assert everything["pages"][0]["decisions"].keys() == decisions.keys()
    assert everything["pages"][0]["documents"] == [HERNING]
