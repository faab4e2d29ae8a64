"""The judging stage: from a structured document to an assessment.

`judge(document)` finds the danmarkskort item(s) (`items.py`), runs only those through the
language pipeline and the rule engine (`nlp.py`, `engine.py`, `rules.py`), infers the map year
(`mapyear.py`), runs every registered check (`checks/`) and predicts the outcome
(`outcome.py`).
"""

from __future__ import annotations

from ..errors import InputError
from ..messages import Lang
from ..models import Assessment, CheckResult, Document, Item, ItemRef
from .checks import run_checks
from .engine import Engine, default_engine
from .findings import Findings
from .items import find_map_items
from .mapyear import FIRST_YEAR_WITH_DUTY, MapYear, infer_map_year
from .outcome import predict_outcome, uniform_checks
from .rules import default_rulebook

__all__ = ["error_assessment", "judge"]


def _item_ref(item: Item, file: str | None = None) -> ItemRef:
    return ItemRef(
        number=item.number,
        title=item.title,
        page_start=item.page_start,
        page_end=item.page_end,
        file=file,
    )


def judge(document: Document, lang: Lang = "da", engine: Engine | None = None) -> Assessment:
    """The assessment of a structured document (meeting, items and sections found)."""
    meeting = document.meeting
    base = {
        "file": document.source,
        "format": document.format,
        "sha256": document.sha256,
        "lang": lang,
        "municipality": meeting.municipality,
        "municipality_code": meeting.municipality_code,
        "meeting_date": meeting.date,
        "body": meeting.body,
        "body_kind": meeting.body_kind,
        "warnings": document.warnings,
    }
    items = find_map_items(document, engine.book if engine else default_rulebook())
    if not items:
        year = infer_map_year("", 0, "", 0, meeting.date)
        checks = (
            _before_duty(year, lang)
            if _before_the_duty(year)
            else uniform_checks("not_met", "not_found", lang)
        )
        return Assessment(
            **base,
            status="no_item",
            map_year=year.year,
            map_year_basis=year.basis_da if lang == "da" else year.basis_en,
            checks=checks,
            outcome=predict_outcome(checks, lang),
        )
    engine = engine or default_engine()
    sentences = [s for item in items for s in engine.sentences_of_item(document, item)]
    hits = engine.match(sentences)
    first = items[0]
    body_start = min(i.start for i in items)
    body_end = max(i.end for i in items)
    findings = Findings(document, items, hits, MapYear(None, "", ""), lang)
    map_year = infer_map_year(
        " ".join(i.title for i in items),
        first.start,
        document.text[body_start:body_end],
        body_start,
        findings.meeting_date,
    )
    findings.map_year = map_year
    checks = _before_duty(map_year, lang) if _before_the_duty(map_year) else run_checks(findings)
    if all(item.closed for item in items) and not _before_the_duty(map_year):
        checks = _behind_closed_doors(checks, lang)
    return Assessment(
        **{**base, "meeting_date": findings.meeting_date},
        status="ok",
        map_year=map_year.year,
        map_year_basis=map_year.basis_da if lang == "da" else map_year.basis_en,
        items=[_item_ref(i) for i in items],
        checks=checks,
        outcome=predict_outcome(checks, lang),
    )


# what a closed item's published title and decision cannot show
_CONTENT_CHECKS = (
    "all_three_maps", "national_comparison", "action_plan_decision", "no_plan_reasons",
)  # fmt: skip


def _behind_closed_doors(checks: dict[str, CheckResult], lang: Lang) -> dict[str, CheckResult]:
    """The item was treated behind closed doors: only its title and decision are published, so
    what it covered (the maps, the comparison, the plan position) is for a person to read in
    the closed minutes; the council, the date and the debate are judged as usual."""
    closed = uniform_checks("unclear", "closed_item", lang)
    return {check: closed[check] if check in _CONTENT_CHECKS else result
            for check, result in checks.items()}  # fmt: skip


def _before_the_duty(year: MapYear) -> bool:
    return year.before_duty or (year.year is not None and year.year < FIRST_YEAR_WITH_DUTY)


def _before_duty(year: MapYear, lang: Lang) -> dict[str, CheckResult]:
    """Every check not_applicable: the council's duty to treat the map starts with the 2018
    map (CRITERIA.md §2), so nothing is asked of a document from before."""
    if year.year is None:
        return uniform_checks(
            "not_applicable", "before_duty_date", lang, first=FIRST_YEAR_WITH_DUTY
        )
    return uniform_checks(
        "not_applicable", "before_duty", lang, year=year.year, first=FIRST_YEAR_WITH_DUTY
    )


def error_assessment(path: str, error: InputError, lang: Lang = "da") -> Assessment:
    checks = uniform_checks("undetermined", "unreadable", lang, message=error.message(lang))
    return Assessment(
        file=path,
        status="error",
        error=error.problem(lang),
        lang=lang,
        checks=checks,
        outcome=predict_outcome(checks, lang),
    )
