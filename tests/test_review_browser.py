"""The caseworker's round trip (issue 12), in a real browser: a batch, decisions made by clicking
in the report (the system's Chromium through Playwright, as in test_report_browser.py, whose
browser launch this reuses), `review apply` of the file the report downloads, and `letters`:
the letters open with python-docx, hold the quotes and pages of the minutes, and change when a
reviewer overrides a verdict. Skipped with a message when no chromium is installed."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from review_fixtures import PAGES, groups, screened
from test_report_browser import CHROMIUM, page  # noqa: F401  (the browser fixture, reused)

from minutes_checker.cli import main
from minutes_checker.outputs.letters import letter_text

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
)
Page = sync_api.Page
expect = sync_api.expect

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (run scripts/ensure-chromium, or apt-get install "
    "chromium); the caseworker's round trip in the browser is skipped",
)
HERNING, AARHUS, VIBORG = PAGES["herning"], PAGES["aarhus"], PAGES["viborg"]


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def letters_of(out: Path) -> dict[str, str]:
    """The drafts' text by file name, each opened with python-docx."""
    found = {}
    for path in sorted((out / "letters").glob("*.docx")):
        docx.Document(str(path))  # opens as a Word document
        found[path.name] = letter_text(path.read_bytes())
    return found


def test_decisions_clicked_in_the_report_decide_the_letters(
    tmp_path: Path,
    page: Page,  # noqa: F811
) -> None:
    out = screened(tmp_path)
    run("letters", str(out), "--date", "2024-03-15")
    before = letters_of(out)
    assert set(before) == {f"{AARHUS}.docx", f"{PAGES['skive']}.docx", f"{VIBORG}.docx"}
    herning = groups(out)[HERNING]
    plan_quote = " ".join(herning["checks"]["action_plan_decision"]["evidence"][0]["quote"].split())

    # the reviewer opens the overview, enters a name once, and goes to Herning's page
    page.goto((out / "report" / "index.html").as_uri())
    page.get_by_label("Dit navn").fill("Mette Sørensen")
    page.get_by_role("link", name="Herning Kommune").click()
    expect(page.get_by_label("Dit navn")).to_have_value("Mette Sørensen")  # entered once
    plan = page.locator("#check-action_plan_decision")
    plan.get_by_role("radio", name="Uenig", exact=True).check()
    plan.get_by_label("Ret til").select_option("not_met")
    plan.get_by_role("textbox", name="Bemærkning").fill("Stillingtagen står kun i indstillingen")
    page.locator("#check-full_council").get_by_role("radio", name="Enig", exact=True).check()

    # ... then Viborg's, where the comparison is there after all
    page.get_by_role("link", name="← Til oversigten").click()
    page.get_by_role("link", name="Viborg Kommune").click()
    comparison = page.locator("#check-national_comparison")
    comparison.get_by_role("radio", name="Uenig", exact=True).check()
    comparison.get_by_label("Ret til").select_option("met")

    # and exports everything from the overview
    page.get_by_role("link", name="← Til oversigten").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Eksportér vurderinger (JSON)").click()
    decisions = tmp_path / "vurderinger.json"
    download.value.save_as(decisions)
    exported = json.loads(decisions.read_text("utf-8"))
    assert sorted(p["page"] for p in exported["pages"]) == [HERNING, VIBORG]

    applied = run("review", "apply", str(decisions), "--out", str(out))
    assert "3 nye vurderinger af 3 registreret" in applied
    assert "Ingen nye vurderinger" in run("review", "apply", str(decisions), "--out", str(out))

    run("letters", str(out), "--date", "2024-03-15")
    after = letters_of(out)
    # Viborg's draft is gone, Herning now gets a request; Aarhus's letter is as it was
    assert f"{VIBORG}.docx" not in after
    assert after[f"{AARHUS}.docx"] == before[f"{AARHUS}.docx"]
    letter = after[f"{HERNING}.docx"]
    assert "anmodning om stillingtagen til, om der skal udarbejdes en handlingsplan" in letter
    assert "Stillingtagen til handlingsplan: ikke opfyldt" in letter
    assert f"»{plan_quote}« (side " in letter  # the quote and its page
    assert "Stillingtagen står kun i indstillingen" in letter  # the reviewer's note, inside
    request = before[f"{AARHUS}.docx"]
    aarhus = groups(out)[AARHUS]
    for evidence in aarhus["checks"]["active_debate"]["evidence"][:1]:
        page_no = evidence["page"]
        assert f"»{' '.join(evidence['quote'].split())}« (side {page_no})" in request

    # the report shows the reviews beside the predictions
    page.goto((out / "report" / f"{HERNING}.html").as_uri())
    expect(page.locator("#check-action_plan_decision .review")).to_contain_text(
        "Gennemgået af Mette Sørensen"
    )
    expect(page.locator(".reviewed-outcome")).to_contain_text(
        "Anmodning om stillingtagen til handlingsplan"
    )
