"""Begrundelse ved fravalg (soft): when the council decides against a plan, the minutes give its
reasons or say that Ankestyrelsen is told. Its absence is not a breach (CRITERIA.md §3)."""

from __future__ import annotations

from ...models import CheckResult
from ..engine import Hit
from ..findings import Findings
from . import action_plan_decision

ID = "no_plan_reasons"
ROLE = "soft"
READS = ("ankestyrelsen_informed", "reason_given", "reasons_announced", "plan_no")


def run(f: Findings) -> CheckResult:
    plan, value = action_plan_decision.position(f)
    # an unclear position that holds a no (also beside a plan for some maps) leaves the reasons
    # unclear too; an unclear yes needs none
    if plan.status == "unclear" and value != "yes":
        return f.result("no_plan_reasons", "unclear", "plan_unclear", [])
    # a plan for some maps and none for the others decides against a plan for those
    if plan.status != "met" or value not in ("no", "mixed"):
        return f.result("no_plan_reasons", "not_applicable", "not_relevant", [])
    reasons = f.select("ankestyrelsen_informed", "reason_given", polarity="supports")
    reasons += _announced_after_the_no(f)
    if reasons:
        return f.result("no_plan_reasons", "met", "given", f.evidence(reasons))
    return f.result("no_plan_reasons", "not_met", "missing", [])


def _announced_after_the_no(f: Findings) -> list[Hit]:
    """Reasons announced ("Der er tre grunde: …", "For det første …", rule `reasons.announced`)
    in the sentence right after one that says no to a plan: the no's reasons."""
    text = f.document.text
    nos = f.select("plan_no")
    return [
        h
        for h in f.select("reasons_announced")
        if any(
            no.sentence.end <= h.sentence.start
            and not text[no.sentence.end : h.sentence.start].strip()
            for no in nos
        )
    ]
