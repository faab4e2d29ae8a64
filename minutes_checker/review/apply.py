"""Reviewers' decisions put beside the predicted verdicts.

`apply_reviews` is pure and runs in every combine step (`batch.summary.combine_outputs`): a
batch run again into a folder with `reviews.jsonl` keeps the decisions that still fit (the same
verdict on the same documents); a decision on a verdict that has since changed is left out.
`review apply` as a whole (the file checked, recorded, the outputs rewritten) is
`batch.followup.apply_decisions_file`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..judge.checks import CHECK_IDS
from ..judge.combine import Group
from ..judge.outcome import predict_outcome
from ..messages import Lang, review_ui
from ..models import CheckResult, CheckReview, MunicipalityAssessment, ReviewRecord
from .log import latest_decisions


@dataclass(frozen=True)
class Applied:
    """What applying the recorded decisions did to a batch's groups."""

    checks: int  # verdicts with a review in place
    groups: int  # municipalities and map years with at least one
    stale: int  # latest decisions left out: the verdict or its documents have changed


def apply_reviews(
    groups: Sequence[Group], records: Iterable[ReviewRecord], lang: Lang = "da"
) -> Applied:
    """Set `reviews` and `reviewed_outcome` of every group's combined assessment from the
    latest decision per check ("undecided" withdraws an earlier one)."""
    latest = latest_decisions(records)
    checks = reviewed_groups = stale = 0
    for group in groups:
        combined = group.combined
        if combined is None:
            continue
        reviews: dict[str, CheckReview] = {}
        for check in CHECK_IDS:
            record = latest.get((group.slug, check))
            if record is None or record.decision == "undecided":
                continue
            if record.predicted != combined.checks[check].status or sorted(
                record.documents
            ) != sorted(combined.documents):
                stale += 1
                continue
            assert record.reviewed_status is not None and record.decision != "undecided"
            reviews[check] = CheckReview(
                status=record.reviewed_status,
                decision=record.decision,
                reviewer=record.reviewer,
                decided_at=record.decided_at,
                comment=record.comment,
            )
        if not reviews:
            group.combined = combined.model_copy(update={"reviews": {}, "reviewed_outcome": None})
            continue
        reviewed = combined.model_copy(update={"reviews": reviews})
        outcome = predict_outcome(reviewed_checks(reviewed, lang), lang)
        group.combined = reviewed.model_copy(update={"reviewed_outcome": outcome})
        checks += len(reviews)
        reviewed_groups += 1
    return Applied(checks, reviewed_groups, stale)


def reviewed_checks(combined: MunicipalityAssessment, lang: Lang = "da") -> dict[str, CheckResult]:
    """The verdicts with the reviewers' statuses in place of the predicted ones; a corrected
    verdict says so (and why, in the reviewer's words) instead of the tool's explanation."""
    out: dict[str, CheckResult] = {}
    for check, result in combined.checks.items():
        review = combined.reviews.get(check)
        if review is None or review.status == result.status:
            out[check] = result
            continue
        key = "corrected_because" if review.comment else "corrected"
        explanation = review_ui(key, lang, reviewer=review.reviewer, comment=review.comment)
        out[check] = result.model_copy(update={"status": review.status, "explanation": explanation})
    return out
