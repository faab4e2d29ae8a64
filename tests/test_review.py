"""`minutes-checker review apply | export-cases` (issue 12): a reviewer's decisions, exported from
the report, flow back into the output folder and into labelled cases; applying a file twice
changes nothing, and a file that does not fit the batch is refused with nothing written."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from review_fixtures import (
    PAGES,
    copy_out,
    decisions_file,
    groups,
    page_entry,
    screened,
    snapshot,
)

from minutes_checker.batch import run_batch
from minutes_checker.cli import main
from minutes_checker.evaluate import evaluate
from minutes_checker.models import ReviewRecord

HERNING, AARHUS, SKIVE, VIBORG = (PAGES[k] for k in ("herning", "aarhus", "skive", "viborg"))


@pytest.fixture(scope="module")
def screening(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return screened(tmp_path_factory.mktemp("screening"))


@pytest.fixture()
def out(screening: Path, tmp_path: Path) -> Path:
    """A copy of the screening's output folder for one test."""
    return copy_out(screening, tmp_path / "ud")


def cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def corrections(out: Path) -> list[dict[str, Any]]:
    """Viborg's missing comparison found after all (manual_review -> no letter), Herning's plan
    decision only in the proposal (-> a request), and agreement with Skive's council check."""
    return [
        page_entry(
            out,
            VIBORG,
            {
                "national_comparison": {
                    "decision": "reject",
                    "reviewed_status": "met",
                    "note": "Rangeret som nr. 12 i bilaget",
                }
            },
        ),
        page_entry(
            out,
            HERNING,
            {
                "action_plan_decision": {
                    "decision": "reject",
                    "reviewed_status": "not_met",
                    "note": "Stillingtagen står kun i indstillingen",
                },
                "full_council": {"decision": "accept"},
            },
        ),
        page_entry(out, SKIVE, {"full_council": {"decision": "accept"}}),
    ]


def source_folder(out: Path) -> Path:
    """The folder the batch read (its manifest says)."""
    return Path(json.loads((out / ".minutes-checker.json").read_text("utf-8"))["source"])


def summary_rows(out: Path) -> tuple[list[str], dict[str, list[str]]]:
    text = (out / "summary.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    return rows[0], {row[1]: row for row in rows[1:]}


def test_the_screening_has_every_outcome(screening: Path) -> None:
    outcomes = {page: g["outcome"]["id"] for page, g in groups(screening).items()}
    assert outcomes == {
        HERNING: "no_further_action",
        AARHUS: "request_action_plan_decision",
        SKIVE: "deadline_reminder",
        VIBORG: "manual_review",
    }


def test_apply_records_every_decision_and_rewrites_the_outputs(out: Path, tmp_path: Path) -> None:
    decisions = decisions_file(tmp_path / "vurderinger.json", corrections(out))
    result = cli("review", "apply", str(decisions), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "4 nye vurderinger af 4 registreret" in result.output

    # who, when, verdict, comment: one line per decision in reviews.jsonl
    lines = (out / "reviews.jsonl").read_text("utf-8").splitlines()
    records = [ReviewRecord.model_validate_json(line) for line in lines]
    assert len(records) == 4
    viborg = next(r for r in records if r.page == VIBORG)
    assert (viborg.reviewer, viborg.decision, viborg.predicted, viborg.reviewed_status) == (
        "Mette Sørensen", "reject", "not_met", "met"
    )  # fmt: skip
    assert viborg.comment == "Rangeret som nr. 12 i bilaget"
    assert viborg.decided_at.isoformat() == "2026-12-07T09:00:00+00:00"
    assert viborg.source == "vurderinger.json" and viborg.documents == ["viborg.html"]

    # municipalities.jsonl: the reviewed status beside the predicted one, the outcome recomputed
    after = groups(out)
    assert after[VIBORG]["checks"]["national_comparison"]["status"] == "not_met"
    assert after[VIBORG]["reviews"]["national_comparison"]["status"] == "met"
    assert after[VIBORG]["outcome"]["id"] == "manual_review"
    assert after[VIBORG]["reviewed_outcome"]["id"] == "no_further_action"
    assert after[HERNING]["reviewed_outcome"]["id"] == "request_action_plan_decision"
    assert after[SKIVE]["reviews"]["full_council"]["decision"] == "accept"
    assert after[SKIVE]["reviewed_outcome"]["id"] == "deadline_reminder"
    assert after[AARHUS]["reviews"] == {} and after[AARHUS]["reviewed_outcome"] is None

    # summary.csv: a reviewed column per check, the reviewers, the outcome after review
    header, rows = summary_rows(out)
    assert header[-3:] == ["Forventet udfald", "Dokumenter", "Rapport"]
    reviewed_column = header.index("Sammenligning med andre kommuner (gennemgået)")
    assert rows["Viborg Kommune"][reviewed_column] == "opfyldt"
    assert rows["Aarhus Kommune"][reviewed_column] == ""
    assert rows["Viborg Kommune"][header.index("Gennemgået af")] == "Mette Sørensen"
    after_review = header.index("Udfald efter gennemgang")
    assert rows["Viborg Kommune"][after_review] == "Ingen yderligere bemærkninger"
    assert rows["Viborg Kommune"][header.index("Forventet udfald")] == "Kræver manuel vurdering"

    # the report: the review on the check, the outcome after review on the page and the index
    page = (out / "report" / f"{VIBORG}.html").read_text("utf-8")
    assert "Gennemgået af Mette Sørensen" in page
    assert "uenig, rettet til opfyldt" in page
    assert "Rangeret som nr. 12 i bilaget" in page
    assert "Udfald efter gennemgang: Ingen yderligere bemærkninger" in page
    index = (out / "report" / "index.html").read_text("utf-8")
    assert "Gennemgået: opfyldt" in index


def test_applying_the_same_file_twice_changes_nothing(out: Path, tmp_path: Path) -> None:
    decisions = decisions_file(tmp_path / "vurderinger.json", corrections(out))
    assert cli("review", "apply", str(decisions), "--out", str(out)).exit_code == 0
    before = snapshot(out)
    again = cli("review", "apply", str(decisions), "--out", str(out))
    assert again.exit_code == 0, again.output
    assert "Ingen nye vurderinger" in again.output
    assert snapshot(out) == before
    # a file with the same decisions and one more records only the new one
    pages = corrections(out)
    pages.append(page_entry(out, AARHUS, {"deadline": {"decision": "accept"}}))
    more = decisions_file(tmp_path / "flere.json", pages)
    result = cli("review", "apply", str(more), "--out", str(out))
    assert "1 nye vurderinger af 5" in result.output
    assert len((out / "reviews.jsonl").read_text("utf-8").splitlines()) == 5


def test_the_latest_decision_counts_and_undecided_withdraws(out: Path, tmp_path: Path) -> None:
    first = decisions_file(tmp_path / "1.json", corrections(out))
    assert cli("review", "apply", str(first), "--out", str(out)).exit_code == 0
    later = page_entry(
        out,
        VIBORG,
        {"national_comparison": {"decision": "undecided", "decided_at": "2026-12-08T08:00:00Z"}},
    )
    older = page_entry(
        out,
        HERNING,
        {"action_plan_decision": {"decision": "accept", "decided_at": "2026-12-01T08:00:00Z"}},
    )
    second = decisions_file(tmp_path / "2.json", [later, older])
    assert cli("review", "apply", str(second), "--out", str(out)).exit_code == 0
    after = groups(out)
    assert "national_comparison" not in after[VIBORG]["reviews"]  # withdrawn
    assert after[VIBORG]["reviewed_outcome"] is None
    # an older decision applied later does not undo a newer one
    assert after[HERNING]["reviews"]["action_plan_decision"]["status"] == "not_met"


def test_a_batch_run_again_keeps_the_reviews_that_still_fit(out: Path, tmp_path: Path) -> None:
    decisions = decisions_file(tmp_path / "vurderinger.json", corrections(out))
    assert cli("review", "apply", str(decisions), "--out", str(out)).exit_code == 0
    run_batch(source_folder(out), out, jobs=1)
    after = groups(out)
    assert after[VIBORG]["reviewed_outcome"]["id"] == "no_further_action"
    assert after[HERNING]["reviews"]["action_plan_decision"]["status"] == "not_met"


def _not_json(path: Path, out: Path) -> None:
    path.write_text("{ikke json", encoding="utf-8")


def _a_list(path: Path, out: Path) -> None:
    path.write_text("[1, 2]", encoding="utf-8")


def _old_export(path: Path, out: Path) -> None:
    old = {"page": VIBORG, "decisions": {"deadline": {"decision": "accept", "status": "met"}}}
    path.write_text(json.dumps(old), encoding="utf-8")


def _old_overview(path: Path, out: Path) -> None:
    old = {f"minutes-checker:{VIBORG}": {"deadline": {"decision": "accept", "status": "met"}}}
    path.write_text(json.dumps(old), encoding="utf-8")


def _other_json(path: Path, out: Path) -> None:
    path.write_text(json.dumps({"format": "noget-andet", "pages": []}), encoding="utf-8")


def _other_version(path: Path, out: Path) -> None:
    decisions_file(path, corrections(out))
    data = json.loads(path.read_text("utf-8"))
    data["schema_version"] = 7
    path.write_text(json.dumps(data), encoding="utf-8")


def _bad_decision_value(path: Path, out: Path) -> None:
    decisions_file(path, [page_entry(out, VIBORG, {"deadline": {"decision": "måske"}})])


def _unknown_field(path: Path, out: Path) -> None:
    page = page_entry(out, VIBORG, {"deadline": {"decision": "accept"}})
    page["decisions"]["deadline"]["grade"] = 3
    decisions_file(path, [page])


def _missing_field(path: Path, out: Path) -> None:
    page = page_entry(out, VIBORG, {"deadline": {"decision": "accept"}})
    del page["documents"]
    decisions_file(path, [page])


def _unknown_page(path: Path, out: Path) -> None:
    page = page_entry(out, VIBORG, {"deadline": {"decision": "accept"}})
    page["page"] = "791-viborg-kommune-2019"
    decisions_file(path, [page])


def _unknown_municipality(path: Path, out: Path) -> None:
    page = page_entry(out, VIBORG, {"deadline": {"decision": "accept"}})
    page.update(page="461-odense-kommune-2023", municipality="Odense Kommune",
                municipality_code=461)  # fmt: skip
    decisions_file(path, [page])


def _other_municipality_on_the_page(path: Path, out: Path) -> None:
    page = page_entry(out, VIBORG, {"deadline": {"decision": "accept"}})
    page["municipality"] = "Skive Kommune"
    decisions_file(path, [page])


def _unknown_file(path: Path, out: Path) -> None:
    page = page_entry(out, VIBORG, {"deadline": {"decision": "accept"}})
    page["documents"] = ["viborg-ny.html"]
    decisions_file(path, [page])


def _other_documents(path: Path, out: Path) -> None:
    page = page_entry(out, VIBORG, {"deadline": {"decision": "accept"}})
    page["documents"] = ["viborg.html", "skive.pdf"]
    decisions_file(path, [page])


def _unknown_check(path: Path, out: Path) -> None:
    page = page_entry(out, VIBORG, {"deadline": {"decision": "accept"}})
    page["decisions"]["tidsfrist"] = page["decisions"].pop("deadline")
    decisions_file(path, [page])


def _changed_verdict(path: Path, out: Path) -> None:
    decisions_file(
        path, [page_entry(out, VIBORG, {"national_comparison": {"status": "met"}})]
    )


def _disagree_without_status(path: Path, out: Path) -> None:
    decisions_file(path, [page_entry(out, VIBORG, {"deadline": {"decision": "reject"}})])


def _disagree_with_the_same_status(path: Path, out: Path) -> None:
    decisions_file(
        path,
        [page_entry(out, VIBORG, {"deadline": {"decision": "reject", "reviewed_status": "met"}})],
    )


def _no_reviewer(path: Path, out: Path) -> None:
    decisions_file(path, [page_entry(out, VIBORG, {"deadline": {"decision": "accept"}})], "")


def _one_bad_among_good(path: Path, out: Path) -> None:
    pages = corrections(out)
    pages.append(page_entry(out, AARHUS, {"deadline": {"decision": "reject"}}))
    decisions_file(path, pages)


BAD_FILES: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "not_json": (_not_json, "er ikke JSON"),
    "a_list": (_a_list, "er ikke et JSON-objekt"),
    "old_export": (_old_export, "eksporteret fra en ældre rapport"),
    "old_overview": (_old_overview, "eksporteret fra en ældre rapport"),
    "other_json": (_other_json, "siger ikke, at den er en vurderingsfil"),
    "other_version": (_other_version, "skemaversion 7 kendes ikke"),
    "bad_decision_value": (_bad_decision_value, "pages.0.decisions.deadline.decision"),
    "unknown_field": (_unknown_field, "pages.0.decisions.deadline.grade er et ukendt felt"),
    "missing_field": (_missing_field, "pages.0.documents mangler"),
    "unknown_page": (_unknown_page, "siden 791-viborg-kommune-2019 findes ikke"),
    "unknown_municipality": (_unknown_municipality, "siden 461-odense-kommune-2023 findes ikke"),
    "other_municipality": (_other_municipality_on_the_page, "er Viborg Kommune i resultatmappen"),
    "unknown_file": (_unknown_file, "filen viborg-ny.html findes ikke i resultatmappen"),
    "other_documents": (_other_documents, "dokumenterne er ikke de samme"),
    "unknown_check": (_unknown_check, "tjekket tidsfrist findes ikke"),
    "changed_verdict": (_changed_verdict, "men vurderingen er nu »ikke opfyldt«"),
    "disagree_without_status": (_disagree_without_status, "uden den rettede vurdering"),
    "disagree_same_status": (_disagree_with_the_same_status, "rettet til den samme vurdering"),
    "no_reviewer": (_no_reviewer, "intet navn på den, der har vurderet"),
    "one_bad_among_good": (_one_bad_among_good, "Aarhus Kommune 2023"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_decisions_file_is_refused_and_nothing_is_written(
    case: str, out: Path, tmp_path: Path
) -> None:
    make, message = BAD_FILES[case]
    path = tmp_path / "vurderinger.json"
    make(path, out)
    before = snapshot(out)
    result = cli("review", "apply", str(path), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert message in result.output, result.output
    assert result.output.startswith("Fejl: ")
    assert "Traceback" not in result.output
    assert snapshot(out) == before
    assert not (out / "reviews.jsonl").exists()


def test_a_folder_that_is_not_a_batch_is_refused(tmp_path: Path, out: Path) -> None:
    decisions = decisions_file(tmp_path / "v.json", corrections(out))
    empty = tmp_path / "tom"
    empty.mkdir()
    result = cli("review", "apply", str(decisions), "--out", str(empty))
    assert result.exit_code == 2
    assert "er ikke en resultatmappe fra minutes-checker batch" in result.output
    assert list(empty.iterdir()) == []
    missing = cli("review", "apply", str(tmp_path / "findes-ikke.json"), "--out", str(out))
    assert missing.exit_code == 2 and "findes ikke" in missing.output


# --------------------------------------------------------------------------- corpus cases


def test_corrected_verdicts_become_cases_that_evaluate_reads(out: Path, tmp_path: Path) -> None:
    decisions = decisions_file(tmp_path / "vurderinger.json", corrections(out))
    cases = tmp_path / "korpus" / "gennemgaaede"
    result = cli(
        "review", "export-cases", str(decisions), "--out", str(out), "--to", str(cases)
    )
    assert result.exit_code == 0, result.output
    assert "2 mærkede sager skrevet" in result.output  # Skive was only agreed with
    written = sorted(p.name for p in cases.iterdir())
    assert [re.sub(r"[0-9a-f]{8}", "HASH", name) for name in written] == [
        "herning-2023-gennemgaaet-HASH.expected.json",
        "viborg-2023-gennemgaaet-HASH.expected.json",
    ]
    herning = json.loads(next(cases.glob("herning-2023-gennemgaaet-*.expected.json")).read_text())
    assert herning["split"] == "reviewed"
    # the real document is referred to, not copied
    assert not any(p.suffix == ".html" for p in cases.iterdir())
    assert (cases / herning["file"]).resolve() == (source_folder(out) / "herning.html").resolve()
    labels = herning["labels"]
    assert labels["checks"]["action_plan_decision"] == "not_met"
    assert labels["corrected"] == ["action_plan_decision"]
    assert labels["reviewed"] == ["action_plan_decision", "full_council"]
    assert "deadline" in labels["unreviewed"]
    assert labels["outcome"] == "request_action_plan_decision"
    assert "Stillingtagen står kun i indstillingen" in labels["rationale"]
    assert herning["source"]["reviewers"] == ["Mette Sørensen"]

    # evaluate scores them: the tool still says met where the reviewer said not met
    evaluation = evaluate(cases, splits=("reviewed",))
    report = evaluation.splits["reviewed"]
    assert report.documents == 2
    assert report.checks["action_plan_decision"].correct == 1
    assert {(d.file, d.check) for d in evaluation.disagreements} >= {
        ("herning.html", "action_plan_decision"),
        ("viborg.html", "national_comparison"),
    }
    # exporting again replaces its own cases; a file of the same name it did not write stops it
    again = cli("review", "export-cases", str(decisions), "--out", str(out), "--to", str(cases))
    assert again.exit_code == 0, again.output
    target = next(cases.glob("viborg-*.expected.json"))
    target.write_text('{"id": "mit eget"}', encoding="utf-8")
    refused = cli("review", "export-cases", str(decisions), "--out", str(out), "--to", str(cases))
    assert refused.exit_code == 2
    assert "er ikke skrevet af minutes-checker" in refused.output
    assert target.read_text("utf-8") == '{"id": "mit eget"}'


def test_export_cases_needs_the_reviewed_document_unchanged(out: Path, tmp_path: Path) -> None:
    decisions = decisions_file(tmp_path / "vurderinger.json", corrections(out))
    moved = tmp_path / "flyttet"
    moved.mkdir()
    result = cli(
        "review", "export-cases", str(decisions), "--out", str(out), "--to",
        str(tmp_path / "sager"), "--documents", str(moved),
    )  # fmt: skip
    assert result.exit_code == 2
    assert "herning.html findes ikke i" in result.output
    (moved / "herning.html").write_text("<p>en anden tekst</p>", encoding="utf-8")
    (moved / "viborg.html").write_bytes((source_folder(out) / "viborg.html").read_bytes())
    result = cli(
        "review", "export-cases", str(decisions), "--out", str(out), "--to",
        str(tmp_path / "sager"), "--documents", str(moved),
    )  # fmt: skip
    assert result.exit_code == 2
    assert "herning.html i" in result.output and "er ændret siden kørslen" in result.output
    assert not (tmp_path / "sager").exists()


@pytest.mark.parametrize(
    "command",
    [["review"], ["review", "apply"], ["review", "export-cases"], ["letters"], ["history"]],
)
def test_the_new_commands_help_in_danish(command: list[str]) -> None:
    result = cli(*command, "--help")
    assert result.exit_code == 0
    assert result.output.startswith("Brug: ")  # (CliRunner names the program "main")
    assert "Tilvalg:" in result.output and "Vis denne hjælp og afslut." in result.output
    assert "Usage:" not in result.output and "Options:" not in result.output
