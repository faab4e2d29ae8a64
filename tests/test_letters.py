"""`minutes-checker letters OUT` (issue 12): a Word draft per municipality and map year that needs
a letter, with the quotes and pages of the minutes; reviewed statuses decide the letter; a draft
a caseworker has edited is never overwritten."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from review_fixtures import PAGES, copy_out, decisions_file, groups, page_entry, screened

from minutes_checker.cli import main
from minutes_checker.outputs.letters import build_template, genitive, letter_text

HERNING, AARHUS, SKIVE, VIBORG = (PAGES[k] for k in ("herning", "aarhus", "skive", "viborg"))


@pytest.fixture(scope="module")
def screening(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return screened(tmp_path_factory.mktemp("screening"))


@pytest.fixture()
def out(screening: Path, tmp_path: Path) -> Path:
    return copy_out(screening, tmp_path / "ud")


def cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def letters(out: Path, *extra: str) -> Any:
    result = cli("letters", str(out), "--date", "2024-03-15", *extra)
    assert result.exit_code == 0, result.output
    return result


def read(path: Path) -> str:
    return letter_text(path.read_bytes())


def listing(folder: Path) -> list[list[str]]:
    text = (folder / "letters.csv").read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_a_letter_for_each_municipality_that_needs_one(out: Path) -> None:
    result = letters(out)
    assert "3 brevudkast skrevet" in result.output and "(1 til vurdering)" in result.output
    folder = out / "letters"
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{AARHUS}.docx", f"{SKIVE}.docx", f"{VIBORG}.docx", "letters.csv"
    ]  # fmt: skip  (Herning needs no letter)
    rows = listing(folder)
    assert rows[0] == ["Kommunekode", "Kommune", "Danmarkskort", "Tal for", "Brev",
                       "Til vurdering", "Gennemgået", "Udfald forrige kortår", "Fil",
                       "Bemærkning"]  # fmt: skip
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["Skive Kommune"][2:6] == ["2023", "2022", "Indskærpelse af fristen", "nej"]
    assert by_name["Viborg Kommune"][4:6] == ["Kræver manuel vurdering", "ja"]
    assert by_name["Aarhus Kommune"][4] == "Anmodning om stillingtagen til handlingsplan"


def test_a_reminder_of_the_deadline_states_reasons_quotes_pages_and_dates(out: Path) -> None:
    letters(out)
    path = out / "letters" / f"{SKIVE}.docx"
    document = docx.Document(str(path))  # opens as Word
    text = read(path)
    assert "Skive Kommunes behandling af danmarkskortet 2023 (omgørelsesprocenter for 2022)" in text
    assert "Til kommunalbestyrelsen i Skive Kommune" in text
    assert "indskærpelse af fristen for behandlingen af danmarkskortet" in text
    # reasons check by check, with the quotes of the minutes in »…« and their pages
    assert "Behandlet i kommunalbestyrelsen: ikke opfyldt" in text
    assert "»Beslutning i Socialudvalget den 27-09-2023« (side 1)" in text
    skive = groups(out)[SKIVE]
    for evidence in skive["checks"]["full_council"]["evidence"]:
        assert f"»{' '.join(evidence['quote'].split())}«" in text
    # what the council must do, and by when
    assert "senest den 31. december 2024" in text
    assert "Sende os referatet af behandlingen senest den 31. januar 2025" in text
    # the caseworker's fields, § 79 b as the law has it
    assert "Journalnummer" in text and "Sagsbehandler" in text and "[udfyldes]" in text
    assert "15. marts 2024" in text
    assert "behandler kommunalbestyrelsen danmarkskortet på et møde." in text
    assert "Til sagsbehandleren (slettes før afsendelse)" in text
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Quote", "List Bullet"} <= styles
    assert document.sections[0].header.paragraphs[0].text.startswith("[Afsender")


def test_a_request_and_a_draft_for_assessment(out: Path) -> None:
    letters(out, "--reply-by", "01-06-2024")
    request = read(out / "letters" / f"{AARHUS}.docx")
    assert "anmodning om stillingtagen til, om der skal udarbejdes en handlingsplan" in request
    assert "Stillingtagen til handlingsplan: ikke opfyldt" in request
    assert "Sende os referatet af beslutningen senest den 1. juni 2024" in request
    assert "Stk. 2. Kommunalbestyrelsen skal" in request
    assert "UDKAST TIL VURDERING" not in request
    assessment = read(out / "letters" / f"{VIBORG}.docx")
    assert assessment.startswith("UDKAST TIL VURDERING")
    assert "Sammenligning med andre kommuner: ikke opfyldt" in assessment
    assert "Det er i orden" in assessment


def test_reviewed_statuses_decide_the_letter(out: Path, tmp_path: Path) -> None:
    letters(out)
    before = {p.name: read(p) for p in (out / "letters").glob("*.docx")}
    pages = [
        page_entry(
            out,
            VIBORG,
            {"national_comparison": {"decision": "reject", "reviewed_status": "met"}},
        ),
        page_entry(
            out,
            HERNING,
            {
                "action_plan_decision": {
                    "decision": "reject",
                    "reviewed_status": "not_met",
                    "note": "Kun i indstillingen",
                }
            },
        ),
        page_entry(
            out, SKIVE, {"active_debate": {"decision": "reject", "reviewed_status": "unclear"}}
        ),
    ]
    decisions = decisions_file(tmp_path / "v.json", pages)
    assert cli("review", "apply", str(decisions), "--out", str(out)).exit_code == 0
    letters(out)
    after = {p.name: read(p) for p in (out / "letters").glob("*.docx")}
    # Viborg: the comparison was there after all -> no letter (its old draft is removed)
    assert f"{VIBORG}.docx" in before and f"{VIBORG}.docx" not in after
    # Herning: the plan decision was only proposed -> a request, with the reviewer's note
    herning = after[f"{HERNING}.docx"]
    assert "Stillingtagen til handlingsplan: ikke opfyldt" in herning
    assert "Værktøjets forventede udfald: Ingen yderligere bemærkninger." in herning
    assert "Udfald efter gennemgang: Anmodning om stillingtagen til handlingsplan." in herning
    assert "opfyldt → ikke opfyldt (Mette Sørensen" in herning and "Kun i indstillingen" in herning
    # Skive: still a reminder, now also saying the debate is unclear
    assert "Aktiv politisk drøftelse: uklart" in after[f"{SKIVE}.docx"]
    assert "Aktiv politisk drøftelse: ikke opfyldt" in before[f"{SKIVE}.docx"]
    rows = {row[1]: row for row in listing(out / "letters")[1:]}
    assert rows["Herning Kommune"][6] == "ja" and rows["Aarhus Kommune"][6] == "nej"


def test_a_draft_edited_by_a_caseworker_is_never_overwritten(out: Path, tmp_path: Path) -> None:
    letters(out)
    mine = out / "letters" / f"{VIBORG}.docx"
    edited = docx.Document(str(mine))
    edited.add_paragraph("Min egen tilføjelse.")
    edited.save(str(mine))
    kept = mine.read_bytes()
    result = letters(out)
    assert "Ikke overskrevet" in result.output
    assert mine.read_bytes() == kept
    row = next(r for r in listing(out / "letters") if r[1] == "Viborg Kommune")
    assert row[-1] == "ikke overskrevet: ændret efter udkastet blev skrevet"
    # nor deleted when the review says no letter is needed any more
    page = page_entry(
        out, VIBORG, {"national_comparison": {"decision": "reject", "reviewed_status": "met"}}
    )
    decisions = decisions_file(tmp_path / "v.json", [page])
    assert cli("review", "apply", str(decisions), "--out", str(out)).exit_code == 0
    letters(out)
    assert mine.read_bytes() == kept


def test_letters_elsewhere_and_an_office_template(out: Path, tmp_path: Path) -> None:
    template = tmp_path / "kontor.docx"
    saved = cli("letters", "--save-template", str(template))
    assert saved.exit_code == 0 and "Brevskabelonen er gemt" in saved.output
    office = docx.Document(str(template))
    office.sections[0].header.paragraphs[0].text = "Ankestyrelsen · Teglholmsgade 3"
    office.add_paragraph("Brevhoved fra kontoret")
    office.save(str(template))
    to = tmp_path / "breve"
    letters(out, "--to", str(to), "--template", str(template))
    letter = docx.Document(str(to / f"{SKIVE}.docx"))
    assert letter.sections[0].header.paragraphs[0].text == "Ankestyrelsen · Teglholmsgade 3"
    assert letter.paragraphs[0].text == "Brevhoved fra kontoret"  # the template's body first
    assert (to / "letters.csv").exists()
    assert not (out / "letters").exists()
    bad = tmp_path / "ikke.docx"
    bad.write_text("ikke et Word-dokument", encoding="utf-8")
    refused = cli("letters", str(out), "--template", str(bad))
    assert refused.exit_code == 2
    assert "skabelonen kan ikke bruges" in refused.output
    assert "ikke.docx er ikke et Word-dokument (.docx)" in refused.output
    wrong_date = cli("letters", str(out), "--date", "31. februar")
    assert wrong_date.exit_code == 2 and "er ikke en dato" in wrong_date.output
    not_batch = cli("letters", str(tmp_path))
    assert not_batch.exit_code == 2 and "ikke en resultatmappe" in not_batch.output


def test_the_shipped_template_is_the_one_build_template_makes() -> None:
    shipped = Path(__file__).resolve().parents[1] / "minutes_checker" / "data" / "brevskabelon.docx"
    made, kept = docx.Document(io.BytesIO(build_template())), docx.Document(str(shipped))
    assert made.sections[0].header.paragraphs[0].text == kept.sections[0].header.paragraphs[0].text
    assert [s.name for s in made.styles] == [s.name for s in kept.styles]


def test_genitive() -> None:
    assert genitive("Ishøj Kommune") == "Ishøj Kommunes"
    assert genitive("Bornholms Regionskommune") == "Bornholms Regionskommunes"
    assert genitive("Frederiksberg Kommune") == "Frederiksberg Kommunes"
    assert genitive("Hals") == "Hals'"


def test_notes_with_markup_and_control_characters_reach_report_and_letter_safely(
    out: Path, tmp_path: Path
) -> None:
    note = "Se <script>alert(1)</script> & bilag\x00\x0b side 3 \u2028" + "x" * 5000
    page = page_entry(
        out,
        HERNING,
        {"action_plan_decision": {"decision": "reject", "reviewed_status": "not_met",
                                  "note": note}},
    )  # fmt: skip
    decisions = decisions_file(tmp_path / "v.json", [page], reviewer="<b>Mette</b>")
    assert cli("review", "apply", str(decisions), "--out", str(out)).exit_code == 0
    report = (out / "report" / f"{HERNING}.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in report and "&lt;b&gt;Mette&lt;/b&gt;" in report
    letters(out)
    text = read(out / "letters" / f"{HERNING}.docx")
    assert "Se <script>alert(1)</script> & bilag side 3" in text  # as text, control chars gone
    assert "<b>Mette</b>" in text
