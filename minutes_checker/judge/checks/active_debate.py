"""Aktiv politisk drøftelse: the item is set up for debate or decision, or the minutes show
debate in the council (votes, amendments, protocol remarks, members speaking); an orientation
item only taken note of is not (CRITERIA.md §3)."""

from __future__ import annotations

from ...dates import find_dates
from ...models import CheckResult
from ..engine import Hit
from ..findings import POSITION_READS, Findings, council_position

ID = "active_debate"
ROLE = "quality"
READS = (
    "debate",
    "question_asked",
    "noted",
    "postponed",
    "set_up_for_debate",
    "set_up_for_decision",
    "orientation",
    "no_debate",
    "remarks_mentioned",
    "council_view",
    "debate_elsewhere",
    *POSITION_READS,
)


def run(f: Findings) -> CheckResult:
    if f.committee_only:
        return f.result("active_debate", "not_met", "committee_only", f.committee_evidence())
    council_level = f.in_council_decision

    def at_council(h: Hit) -> bool:
        return council_level(h) or (
            h.sentence.section_kind == "other" and f.document_body == "full_council"
        )

    debate = f.select("debate", where=at_council)
    questions = f.select("question_asked", where=at_council)
    if debate:
        shown = sorted(debate + questions, key=lambda h: h.sentence.start)
        return f.result("active_debate", "met", "debate", f.evidence(shown))
    approved = f.council_decision_says("approved")
    noted = f.council_decision_says("noted")
    postponed = f.council_decision_says("postponed")
    kinds = {item.kind for item in f.items}
    discussion = f.select("set_up_for_debate") or "discussion" in kinds
    decision_framing = f.select("set_up_for_decision")  # in the Indstilling or the case text
    orientation = f.select("orientation", polarity="contradicts")
    is_decision = bool(decision_framing) or "decision" in kinds
    is_orientation = bool(orientation) or "orientation" in kinds
    framing = f.select("set_up_for_debate") + decision_framing
    if questions:
        # members' questions answered: a debate in an item set up for one, but in an item framed
        # as an orientation they do not show that the map was debated, also when the orientation
        # carries a point to decide (CRITERIA.md §3: mixed framing is unclear)
        if is_orientation and not discussion:
            return f.result(
                "active_debate", "unclear", "questions_only", f.evidence(questions + orientation)
            )
        return f.result("active_debate", "met", "debate", f.evidence(questions))
    if postponed and not approved and not discussion and not is_decision:
        return f.result("active_debate", "not_met", "postponed", f.evidence(postponed))
    set_up = f.kind_evidence("discussion") + f.kind_evidence("decision")
    no_debate = f.select("no_debate", polarity="contradicts")
    if no_debate and (discussion or is_decision):
        # set up for decision, but the minutes say it went through without any debate
        return f.result(
            "active_debate", "unclear", "no_debate", f.evidence(no_debate + framing) + set_up
        )
    if discussion:
        return f.result("active_debate", "met", "set_up", f.evidence(framing) + set_up)
    if is_decision and not is_orientation:
        return f.result("active_debate", "met", "set_up", f.evidence(framing + approved) + set_up)
    if is_decision and is_orientation:
        if approved:
            return f.result("active_debate", "met", "own_decision", f.evidence(approved + framing))
        return f.result(
            "active_debate", "unclear", "mixed_framing", f.evidence(framing + orientation + noted)
        )
    if is_orientation:
        # the council states its own position (on a plan) or view (on the map)
        position = council_position(f) + f.council_decision_says("council_view")
        if position:
            return f.result(
                "active_debate",
                "unclear",
                "orientation_with_position",
                f.evidence(position + orientation),
            )
        remarks = f.council_decision_says("remarks_mentioned")
        if remarks:
            return f.result(
                "active_debate", "unclear", "remarks_unrecorded", f.evidence(remarks + orientation)
            )
        elsewhere = [h for h in f.select("debate_elsewhere") if not _still_to_come(f, h)]
        if elsewhere:
            return f.result(
                "active_debate", "unclear", "debate_elsewhere", f.evidence(elsewhere + orientation)
            )
        return f.result(
            "active_debate",
            "not_met",
            "orientation_only",
            f.evidence(orientation + noted) + f.kind_evidence("orientation", "contradicts"),
        )
    if approved:
        return f.result("active_debate", "met", "own_decision", f.evidence(approved))
    if noted:
        return f.result("active_debate", "not_met", "orientation_only", f.evidence(noted))
    return f.result("active_debate", "unclear", "no_decision_text", [])


def _still_to_come(f: Findings, hit: Hit) -> bool:
    """Whether the temamøde or seminar of the sentence is dated after this meeting ("Selve
    drøftelsen af kortet finder sted på Byrådets temamøde den 12. november 2025"): a debate
    still to come, not one held elsewhere."""
    if f.meeting_date is None:
        return False
    sentence = f.document.text[hit.sentence.start : hit.sentence.end]
    return any(when > f.meeting_date for when, _ in find_dates(sentence))
