"""Begrundelse ved fravalg (soft): when the council decides against a plan, the minutes give its
reasons or say that Ankestyrelsen is told. Its absence is not a breach (CRITERIA.md §3)."""

from __future__ import annotations

from ...models import CheckResult
from ..findings import Findings
from . import action_plan_decision

ID = "no_plan_reasons"
ROLE = "soft"
READS = ("ankestyrelsen_informed", "reason_given")


def run(f: Findings) -> CheckResult:
    plan, value = action_plan_decision.position(f)
    if plan.status == "unclear" and value not in ("yes", "mixed"):
        return f.result("no_plan_reasons", "unclear", "plan_unclear", [])
    # a plan for some maps and none for the others decides against a plan for those
    if plan.status != "met" or value not in ("no", "mixed"):
        return f.result("no_plan_reasons", "not_applicable", "not_relevant", [])
    reasons = f.select("ankestyrelsen_informed", "reason_given", polarity="supports")
    if reasons:
        return f.result("no_plan_reasons", "met", "given", f.evidence(reasons))
    return f.result("no_plan_reasons", "not_met", "missing", [])
