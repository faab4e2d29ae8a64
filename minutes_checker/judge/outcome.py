"""The outcome a municipality can expect (CRITERIA.md §5), from the checks' statuses and their
roles in the registry, and the uniform verdicts of a document that has no item or cannot be
read."""

from __future__ import annotations

from ..messages import Lang, check_label, explain, outcome_label
from ..models import CheckResult, Outcome, OutcomeId, Status
from .checks import CHECK_IDS, SOFT_CHECKS, by_role

# the precedence table: the first row whose checks hold one of its statuses decides
PRECEDENCE: tuple[tuple[OutcomeId, tuple[str, ...], tuple[Status, ...]], ...] = (
    ("deadline_reminder", by_role("gate"), ("not_met",)),
    ("manual_review", by_role("gate"), ("unclear", "undetermined")),
    ("request_action_plan_decision", by_role("plan"), ("not_met",)),
    ("manual_review", by_role("quality", "plan"), ("not_met", "unclear", "undetermined")),
)


def predict_outcome(checks: dict[str, CheckResult], lang: Lang = "da") -> Outcome:
    """CRITERIA.md §5: the first rule of the precedence table that applies."""
    if all(c.status == "undetermined" for c in checks.values()):
        return Outcome(id="undetermined", label=outcome_label("undetermined", lang))
    for outcome_id, ids, among in PRECEDENCE:
        found = [
            f"{checks[c].label}: {checks[c].explanation}" for c in ids if checks[c].status in among
        ]
        if found:
            return Outcome(id=outcome_id, label=outcome_label(outcome_id, lang), reasons=found)
    return Outcome(id="no_further_action", label=outcome_label("no_further_action", lang))


def uniform_checks(
    status: Status, reason: str, lang: Lang, **params: object
) -> dict[str, CheckResult]:
    """Every check with the same verdict (a document without our item, or unreadable); a soft
    check does not apply where the others are not met."""
    out: dict[str, CheckResult] = {}
    for check in CHECK_IDS:
        this: Status = "not_applicable" if check in SOFT_CHECKS and status == "not_met" else status
        out[check] = CheckResult(
            status=this,
            label=check_label(check, lang),
            explanation=explain(
                f"any.{reason}" if this == status else f"{check}.not_relevant", lang, **params
            ),
        )
    return out
