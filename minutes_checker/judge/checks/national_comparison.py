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
    # minutes of a committee alone are judged on their content (CRITERIA.md §3); the
    # committee is quoted first, since the verdict is about its treatment
    prefix = "committee_" if f.committee_only else ""
    body = f.committee_evidence() if f.committee_only else []
    supports = without_contradicted(f.select("national", polarity="supports"), f.hits)
    strong = [h for h in supports if h.sentence.section_kind != "attachments" and h.weight >= 1]
    if strong:
        return f.result("national_comparison", "met", f"{prefix}made", body + f.evidence(strong))
    against = f.select("neighbours", "own_trend", "national", polarity="contradicts")
    # a vague "andre kommuner" (weight below 1) that the item itself narrows to neighbours or
    # its own earlier years is that narrower comparison; an appendix's comparison stays unclear
    vague = all(h.weight < 1 for h in supports)
    if supports and not (vague and against):
        return f.result(
            "national_comparison", "unclear", f"{prefix}weak", body + f.evidence(supports)
        )
    if against:
        return f.result(
            "national_comparison", "not_met", f"{prefix}insufficient", body + f.evidence(against)
        )
    return f.result("national_comparison", "not_met", f"{prefix}none", body)
