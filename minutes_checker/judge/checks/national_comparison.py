"""Sammenligning med andre kommuner: the rates are set against the national average, a ranking
among all municipalities or a group of comparable municipalities; two neighbours or the
municipality's own earlier years are not enough (CRITERIA.md §3)."""

from __future__ import annotations

from ...models import CheckResult
from ..findings import Findings, without_contradicted

ID = "national_comparison"
ROLE = "quality"
READS = ("national", "neighbours", "own_trend")


def run(f: Findings) -> CheckResult:
    supports = without_contradicted(f.select("national", polarity="supports"), f.hits)
    strong = [h for h in supports if h.sentence.section_kind != "attachments" and h.weight >= 1]
    if strong:
        return f.result("national_comparison", "met", "made", f.evidence(strong))
    if supports:
        return f.result("national_comparison", "unclear", "weak", f.evidence(supports))
    against = f.select("neighbours", "own_trend", "national", polarity="contradicts")
    if against:
        return f.result("national_comparison", "not_met", "insufficient", f.evidence(against))
    return f.result("national_comparison", "not_met", "none", [])
