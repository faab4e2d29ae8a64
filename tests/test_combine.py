"""Combining documents of one municipality and map year (minutes_checker.judge.combine), on
assessments built by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from minutes_checker.judge.checks import CHECK_IDS
from minutes_checker.judge.combine import combine
from minutes_checker.judge.outcome import uniform_checks
from minutes_checker.models import (
    Assessment,
    CheckResult,
    Evidence,
    InputProblem,
    ItemRef,
    Outcome,
)
from minutes_checker.pipeline import assess_file

ALL_MET = dict.fromkeys(CHECK_IDS, "met")


def evidence(check: str, file_tag: str) -> Evidence:
    return Evidence(
        quote=f"{check} i {file_tag}",
        page=1,
        start=10,
        end=20,
        item="2",
        section="Sagsfremstilling",
        rule=f"rule.{check}",
        polarity="supports",
    )


def doc(
    file: str,
    statuses: dict[str, str] | None = None,
    maps: dict[str, str] | None = None,
    status: str = "ok",
) -> Assessment:
    statuses = {**ALL_MET, **(statuses or {})}
    checks = {
        check: CheckResult(
            status=statuses[check],  # type: ignore[arg-type]
            label=check,
            explanation=f"{check} {statuses[check]} i {file}",
            evidence=[evidence(check, file)] if statuses[check] in ("met", "not_met") else [],
            details=(maps or {}) if check == "all_three_maps" else {},
        )
        for check in CHECK_IDS
    }
    return Assessment(
        file=file,
        status=status,  # type: ignore[arg-type]
        municipality="Herning Kommune",
        municipality_code=657,
        map_year=2023,
        items=[ItemRef(number="2", title="Danmarkskort", page_start=1, page_end=2)],
        checks=checks,  # type: ignore[arg-type]
        outcome=Outcome(id="no_further_action", label="x"),
    )


COVERED = {"map_social": "covered", "map_children": "covered", "map_adults": "covered"}


def test_one_document_is_passed_through() -> None:
    combined = combine([doc("a.pdf", maps=COVERED)])
    assert {c: r.status for c, r in combined.checks.items()} == ALL_MET
    assert combined.outcome.id == "no_further_action"
    assert combined.documents == ["a.pdf"]
    assert combined.items[0].file == "a.pdf"
    assert all(e.file == "a.pdf" for r in combined.checks.values() for e in r.evidence)


def test_maps_spread_over_two_meetings_are_combined_per_map() -> None:
    first = doc(
        "jan.pdf",
        {"all_three_maps": "not_met", "national_comparison": "not_met"},
        maps={"map_social": "covered", "map_children": "covered", "map_adults": "missing"},
    )
    second = doc(
        "nov.pdf",
        {"all_three_maps": "not_met", "action_plan_decision": "not_met"},
        maps={"map_social": "missing", "map_children": "weak", "map_adults": "covered"},
    )
    combined = combine([second, first])
    maps = combined.checks["all_three_maps"]
    assert maps.status == "met"
    assert maps.details == COVERED
    assert {e.file for e in maps.evidence} == {"jan.pdf", "nov.pdf"}
    assert combined.checks["national_comparison"].status == "met"
    assert combined.checks["national_comparison"].evidence[0].file == "nov.pdf"
    assert combined.checks["action_plan_decision"].status == "met"
    assert combined.checks["action_plan_decision"].evidence[0].file == "jan.pdf"
    assert combined.outcome.id == "no_further_action"
    assert combined.documents == ["jan.pdf", "nov.pdf"]


def test_weak_map_stays_unclear_and_missing_map_is_not_met() -> None:
    weak = {"map_social": "covered", "map_children": "weak", "map_adults": "covered"}
    combined = combine([doc("a.pdf", {"all_three_maps": "unclear"}, maps=weak)])
    assert combined.checks["all_three_maps"].status == "unclear"
    assert "børnehandicapområdet" in combined.checks["all_three_maps"].explanation
    missing = {"map_social": "covered", "map_children": "weak", "map_adults": "missing"}
    combined = combine([doc("a.pdf", {"all_three_maps": "not_met"}, maps=missing)])
    assert combined.checks["all_three_maps"].status == "not_met"
    assert combined.outcome.id == "manual_review"


def test_before_2018_only_the_maps_present_count() -> None:
    two = {"map_social": "covered", "map_children": "covered"}
    combined = combine([doc("2017.pdf", maps=two)])
    assert combined.checks["all_three_maps"].status == "met"
    assert set(combined.checks["all_three_maps"].details) == {"map_social", "map_children"}


def test_committee_item_and_council_item_belong_together() -> None:
    """The committee's item has the comparison; the council's decides. Only council documents
    decide the other checks (C); full_council is the best over all."""
    committee = doc(
        "udvalg.pdf",
        {"full_council": "not_met", "active_debate": "not_met", "action_plan_decision": "not_met"},
        maps=COVERED,
    )
    council = doc(
        "byraad.pdf",
        {"national_comparison": "not_met", "deadline": "met"},
        maps=COVERED,
    )
    combined = combine([committee, council])
    assert combined.checks["full_council"].status == "met"
    assert combined.checks["full_council"].evidence[0].file == "byraad.pdf"
    # C = council documents only: the committee's comparison does not count
    assert combined.checks["national_comparison"].status == "not_met"
    assert combined.checks["active_debate"].status == "met"
    assert combined.outcome.id == "manual_review"


def test_without_a_council_document_all_ok_documents_decide() -> None:
    one = doc("a.pdf", {"full_council": "unclear", "deadline": "not_met"}, maps=COVERED)
    two = doc("b.pdf", {"full_council": "not_met", "deadline": "met"}, maps=COVERED)
    combined = combine([one, two])
    assert combined.checks["full_council"].status == "unclear"
    assert combined.checks["deadline"].status == "met"
    assert combined.outcome.id == "manual_review"


def test_not_applicable_only_when_all_are() -> None:
    a = doc("a.pdf", {"no_plan_reasons": "not_applicable"}, maps=COVERED)
    b = doc("b.pdf", {"no_plan_reasons": "not_met"}, maps=COVERED)
    assert combine([a, b]).checks["no_plan_reasons"].status == "not_met"
    assert combine([a]).checks["no_plan_reasons"].status == "not_applicable"


def test_errors_and_no_item_documents_are_listed_but_do_not_decide() -> None:
    broken = Assessment(
        file="broken.pdf",
        status="error",
        error=InputProblem(code="encrypted", message="krypteret"),
        checks=uniform_checks("undetermined", "unreadable", "da", message="krypteret"),
        outcome=Outcome(id="undetermined", label="x"),
    )
    empty = Assessment(
        file="andet.pdf",
        status="no_item",
        checks=uniform_checks("not_met", "not_found", "da"),
        outcome=Outcome(id="deadline_reminder", label="x"),
    )
    combined = combine([broken, doc("ok.pdf", maps=COVERED), empty])
    assert combined.documents == ["andet.pdf", "broken.pdf", "ok.pdf"]
    assert combined.outcome.id == "no_further_action"
    # alone, an unreadable document gives "undetermined", never "not_met"
    alone = combine([broken])
    assert {r.status for r in alone.checks.values()} == {"undetermined"}
    assert alone.outcome.id == "undetermined"
    # a no_item document decides over an error when nothing else exists
    assert combine([broken, empty]).checks["full_council"].status == "not_met"


# --------------------------------------------------------------------------- the corpus groups

ROOT = Path(__file__).resolve().parent.parent
COMBINED = ROOT / "corpus" / "combined.yaml"


def _groups() -> list[dict[str, Any]]:
    if not COMBINED.exists():
        return []
    return list(yaml.safe_load(COMBINED.read_text("utf-8")).get("groups") or [])


@pytest.mark.parametrize("group", _groups(), ids=lambda g: g["id"])
def test_corpus_groups_combine_as_labelled(group: dict[str, Any]) -> None:
    """corpus/combined.yaml: a reviewer's labels for a municipality-year read as a whole."""
    files = []
    for case in group["cases"]:
        found = [
            p
            for p in (ROOT / "corpus" / "rendered").glob(f"{case}.*")
            if p.suffix in (".pdf", ".docx", ".html", ".txt")
        ]
        if not found:
            pytest.skip(f"{case} is not rendered")
        files.append(found[0])
    combined = combine([assess_file(f).assessment for f in files])
    assert combined.map_year == group["map_year"]
    got = {check: result.status for check, result in combined.checks.items()}
    assert got == group["checks"]
    assert combined.outcome.id == group["outcome"]
