"""Stillingtagen til handlingsplan: from the 2022 map on, the council itself decided whether a
handlingsplan is needed; a proposal, a noted recommendation or a deferral is no decision
(CRITERIA.md §3)."""

from __future__ import annotations

import datetime as dt

from ...dates import find_dates
from ...messages import PLAN_VALUES
from ...models import CheckResult, Evidence, Section, Status
from ...structure.bodies import is_advisory_council
from ..engine import Hit
from ..findings import (
    PLAN_VALUE_SIGNALS,
    POINT,
    POINT_READS,
    POSITION_READS,
    Findings,
    adopted_amendments,
    amended_by,
    council_position,
    leaves_other_points,
    plan_points,
    points_decided,
    proposal_point,
)
from ..mapyear import FIRST_YEAR_WITH_PLAN_DUTY, map_years_named
from ..textrules import holds_on

ID = "action_plan_decision"
ROLE = "plan"
READS = (
    *POSITION_READS,
    *POINT_READS,
    "bare_approval",
    "plan_deferred",
    "postponed",
    "duty_restated",
    "plan_conditional",
    "plan_vague",
    "noted",
    "unnamed_recommendation",
    "recommends_proposal",
    "proposal_noted",
    "decision_told",
    "approved_with_change",
    "rejected",
    "proposal_put",
    "map_children",
    "map_adults",
)
# the context rules that make a plan hang on a condition ("hvis", "såfremt"), not a question
_CONDITION_CUES = ("context.condition", "context.trailing_condition", "context.inverted_condition")


def _plan_value(hits: list[Hit]) -> str:
    """The value decided: "yes", "no", "mixed" (a plan for some maps, none for the others: the
    no must be reasoned too, CRITERIA.md §3) or "unknown"."""
    signals = {h.signal for h in hits}
    if "plan_yes" in signals and "plan_no" in signals:
        return "mixed"
    if "plan_yes" in signals:
        return "yes"
    if "plan_no" in signals:
        return "no"
    return "unknown"


def plan_applies(f: Findings) -> bool:
    year = f.map_year.year
    if year is not None:
        return year >= FIRST_YEAR_WITH_PLAN_DUTY
    date = f.meeting_date
    return date is None or date >= dt.date(2022, 7, 1)


def run(f: Findings) -> CheckResult:
    return position(f)[0]


def position(f: Findings) -> tuple[CheckResult, str]:
    """The verdict on the handlingsplan and the value decided, worked out once per document
    (the soft check `no_plan_reasons` reads it too)."""
    found = f.memo.get(ID)
    if found is None:
        found = f.memo[ID] = _position(f.for_check(READS))
    return found  # type: ignore[return-value]


def _position(f: Findings) -> tuple[CheckResult, str]:
    """The verdict on the handlingsplan and the value decided ("yes", "no", "unknown", "").

    The council's own decision section decides. Failing that, a decision that approves
    ("Godkendt") a proposal or committee recommendation that takes a position counts as the
    council's; merely taking such a position note of leaves it unclear.
    """
    if not plan_applies(f):
        return f.result("action_plan_decision", "not_applicable", "before_2022", []), "unknown"

    def verdict(
        status: Status,
        reason: str,
        hits: list[Hit],
        value: str = "",
        structure: tuple[Evidence, ...] = (),
    ) -> tuple[CheckResult, str]:
        details = {"value": value} if status == "met" else {}
        shown = PLAN_VALUES.get(value, PLAN_VALUES["unknown"])[f.lang]
        evidence = f.evidence(hits) + list(structure)
        return f.result(
            "action_plan_decision", status, reason, evidence, details, value=shown
        ), value

    if f.informal_meeting():
        stated = f.select(*PLAN_VALUE_SIGNALS, polarity="supports")
        if stated:  # a position voiced where the council takes no decisions
            return verdict("unclear", "informal_meeting", stated, _plan_value(stated))
    own = council_position(f)
    if own:
        adopted = adopted_amendments(f) if any(h.proposed for h in own) else []
        value = _plan_value(own)
        if (
            value in ("yes", "no")
            and f.council_decision_says("approved")
            and not adopted_amendments(f)
        ):
            # "Beslutningspunkt 1-3 blev godkendt, dog således at handlingsplanen … forelægges
            # allerede i marts": the approved points' other answer counts too (a plan for one
            # map, none for the others), unless an adopted amendment replaced them
            adopted_points, left_points = points_decided(f)
            answered = [
                h
                for h in f.select(*PLAN_VALUE_SIGNALS, polarity="supports")
                if h.sentence.section_kind == "proposal"
                and (proposal_point(f, h.start) in adopted_points or not adopted_points)
                and proposal_point(f, h.start) not in left_points
            ]
            value = _plan_value(own + answered)
        view = _named_committee(f, own) if value == "unknown" else None
        if view is not None:
            # "tilslutter sig udvalgets anbefaling om ikke at udarbejde en": the position the
            # council states is the recommendation's
            value = _plan_value(
                f.select(
                    *PLAN_VALUE_SIGNALS,
                    polarity="supports",
                    where=lambda h: h.sentence.section is view,
                )
            )
        return verdict("met", "decided", own + adopted[:1], value)
    # what the council decides itself or by an amendment it adopted, not a member's proposal
    # or an amendment voted down ("Venstre stillede ændringsforslag om, at spørgsmålet … først
    # afgøres, når …" / "Ændringsforslaget faldt."); where nothing was voted down, a sentence
    # about a proposal is the council's own ("forholdt sig ikke til forvaltningens forslag")
    amended = adopted_amendments(f)
    voted_down = bool(f.council_decision_says("rejected"))

    def decided(h: Hit) -> bool:
        return f.in_council_decision(h) and (not h.proposed or amended_by(h, amended))

    def superseded(h: Hit) -> bool:
        """A council decision that a later council decision in the item took up again ("Sagen
        udsættes til Byrådets møde den 14. december" / "Beslutning i Byrådet den 14-12-2022")."""
        section = h.sentence.section
        when = section.decision_date if section is not None else None
        return when is not None and any(
            s.decision_date is not None and s.decision_date > when for s in f.council_decisions()
        )

    plan = plan_points(f)
    deferred = f.select(
        "plan_deferred", "postponed", "duty_restated", "plan_position",
        polarity="contradicts",
        where=lambda h: (
            (decided(h) or (f.in_council_decision(h) and not voted_down))
            and not superseded(h)
            and not leaves_other_points(f, h, plan)
        ),
    )  # fmt: skip
    if deferred:
        return verdict("not_met", "deferred", deferred)
    conditional = f.select("plan_conditional", where=decided)
    if conditional:
        return verdict("unclear", "conditional", conditional, "no")
    proposed = f.select(
        *PLAN_VALUE_SIGNALS,
        polarity="supports",
        where=lambda h: (
            h.sentence.section_kind == "proposal"
            or (
                h.sentence.section is not None
                and h.sentence.section in f.committee_decisions()
                # an advisory council's statement (Handicaprådet, Ældrerådet) is a wish put to
                # the council, not a committee's recommendation whose adoption decides anything
                and not is_advisory_council(h.sentence.section.decision_body)
            )
        ),
    )
    # an Indstilling whose plan hangs on a condition ("at der udarbejdes en handlingsplan, hvis
    # procenten i maj 2026 fortsat ligger over landsgennemsnittet"); a question ("tager stilling
    # til, om der skal udarbejdes en handlingsplan") is no condition
    proposed_if = [
        h
        for h in f.select("plan_conditional", where=f.in_kinds("proposal"))
        if any(cue in _CONDITION_CUES for cue in h.cues)
    ]
    # the administration's own assessment in the case text ("vurderer, at der ikke er behov")
    assessed = f.select(
        *PLAN_VALUE_SIGNALS, polarity="supports", where=f.in_kinds("case", "summary")
    )
    assessed = [h for h in assessed if not _earlier_decision(f, h)]
    approved = f.council_decision_says("approved")
    if _proposal_only_notes(f, proposed):
        approved = []  # approving an Indstilling that takes a position note of notes it too
    noted = f.council_decision_says("noted")
    put_off = f.select("plan_deferred", polarity="contradicts", where=f.in_kinds("proposal"))
    adopted, left = points_decided(f)
    # "Tiltrådt." on its own adopts the whole Indstilling; "Punkt 1 og 3 blev tiltrådt
    # enstemmigt" beside it only says how those points were voted
    bare = {h.sentence.start for h in f.council_decision_says("bare_approval")}
    whole = not left and any(h.sentence.start in bare for h in f.council_decision_says("approved"))
    if (adopted or left) and not whole:
        # the decision names the Indstilling's points it adopts: only those are decided
        in_left = [h for h in proposed if proposal_point(f, h.start) in left]
        # the Indstilling's adopted points, and what the last committee's recommendation says
        # when the council adopts it ("Anbefales med den ændring af At 2, at der ikke …")
        adopted_view = _adopted_committee(f)
        instead = [
            h for h in proposed if adopted_view is not None and h.sentence.section is adopted_view
        ]
        if in_left and not instead:
            left_hits = f.council_decision_says("point_not_adopted")
            return verdict("not_met", "point_not_adopted", left_hits[:1] + in_left)
        proposed = [
            h
            for h in proposed
            if proposal_point(f, h.start) in adopted
            or (adopted_view is not None and h.sentence.section is adopted_view)
        ]
        proposed_if = [h for h in proposed_if if proposal_point(f, h.start) in adopted]
        approved = approved + f.council_decision_says("point_adopted")
    recommended_off = _adopted_recommendation_says(f, "plan_deferred")
    if recommended_off:
        adopting = f.council_decision_says("recommendation_adopted")
        return verdict("not_met", "deferred", adopting[:1] + recommended_off)
    recommended_if = _adopted_recommendation_says(f, "plan_conditional")
    if recommended_if and not proposed:
        adopting = f.council_decision_says("recommendation_adopted")
        return verdict("unclear", "conditional", adopting[:1] + recommended_if, "no")
    if approved and put_off and not proposed:
        return verdict("not_met", "deferred", approved[:1] + put_off)
    if proposed_if and approved and not proposed:
        return verdict("unclear", "conditional", approved[:1] + proposed_if, "no")
    conflicting = _conflicting_recommendations(f, proposed)
    if conflicting and approved:
        adopting = f.council_decision_says("recommendation_adopted")
        return verdict("unclear", "conflicting_recommendations", adopting[:1] + conflicting)
    replaced = _replacement_points_deferring(f)
    if replaced and approved:
        # "Godkendt med den ændring af punkt 2, der fremgår af den supplerende sagsfremstilling",
        # whose new point 2 puts the plan question off
        changed = f.council_decision_says("approved_with_change")
        return verdict("not_met", "deferred", changed[:1] + replaced)
    if proposed and approved:
        return verdict("met", "approved_proposal", approved[:1] + proposed, _plan_value(proposed))
    voted_down = _plan_voted_down(f)
    if voted_down:
        return verdict("met", "plan_voted_down", voted_down, "no")
    if (proposed or assessed) and f.council_decisions():
        # noted, "Drøftet.", or approval of something that did not hold the position
        hits = noted + approved + (proposed or assessed)
        return verdict("unclear", "only_noted", hits, _plan_value(proposed or assessed))
    if not f.council_decisions():
        if f.document_body != "committee" and proposed:
            return verdict("unclear", "proposal_only", proposed, _plan_value(proposed))
        committee = tuple(f.committee_evidence())
        return verdict("not_met", "no_council_decision", [], structure=committee)
    vague = f.select("plan_vague", where=f.in_council_decision)
    if vague:
        # "ønsker fortsat fokus på kvaliteten": neither a yes nor a no, nor nothing
        return verdict("unclear", "vague", vague)
    return verdict("not_met", "no_position", noted + approved)


def _replacement_points_deferring(f: Findings) -> list[Hit]:
    """A point put off the plan question that stands outside the Indstilling, as the new wording
    of a point in a supplementary case text, where the council approved the Indstilling "med den
    ændring, der fremgår af …" (rule `decision.approved_with_change`)."""
    if not f.council_decision_says("approved_with_change"):
        return []
    return [
        h
        for h in f.select(
            "plan_deferred", polarity="contradicts", where=f.in_kinds("case", "summary")
        )
        if POINT.match(h.sentence.lower.lstrip())  # "2. at Byrådet tager stilling til …, når …"
    ]


def _plan_voted_down(f: Findings) -> list[Hit]:
    """A proposal of a plan the council voted down ("Ændringsforslag fra Enhedslisten: »Byrådet
    beslutter, at der udarbejdes en handlingsplan …« … Ændringsforslaget blev forkastet"): the
    proposal's plan and the sentence that rejects it, later in the same decision section. A
    proposal of a plan for one map ("for området børn med handicap") voted down says nothing of
    the others, so it is not read as a no."""
    rejected = f.council_decision_says("rejected")
    one_map = {h.sentence.start for h in f.select("map_children", "map_adults")}
    put = {h.sentence.start for h in f.council_decision_says("proposal_put")}
    approved = {h.sentence.start for h in f.council_decision_says("approved")}
    for plan in f.select("plan_yes", where=f.in_council_decision):
        if not plan.proposed or plan.sentence.start in one_map:
            continue
        for no in rejected:
            if no.sentence.section is not plan.sentence.section or no.start <= plan.end:
                continue
            # another proposal put between them ("… stillede ændringsforslag om …") is what fell;
            # a proposal adopted after it ("Forvaltningens forslag blev herefter vedtaget") stands
            between = any(plan.sentence.start < p < no.sentence.start for p in put)
            adopted_after = any(a > no.sentence.start for a in approved - {no.sentence.start})
            if not between and not adopted_after:
                return [plan, no]
    return []


def _proposal_only_notes(f: Findings, proposed: list[Hit]) -> bool:
    """Whether the Indstilling's plan position stands only in points that ask the council to
    take someone's position note of ("at Byrådet tager Magistratens vurdering af, at der ikke er
    grundlag for en handlingsplan, til efterretning"): rule `plan.proposal_takes_note`."""
    noting = {h.sentence.start for h in f.select("proposal_noted")}
    own = [h for h in proposed if h.sentence.section_kind == "proposal"]
    return bool(own) and all(h.sentence.start in noting for h in own)


def _adopted_committee(f: Findings) -> Section | None:
    """The decision of the committee whose recommendation the council adopts ("Godkendt som
    indstillet af Velfærds- og Sundhedsudvalget"): the one the adopting words name, else the
    last committee before the council ("Økonomiudvalgets indstilling blev godkendt")."""
    committees = f.committee_decisions()
    adopting = f.council_decision_says("recommendation_adopted")
    if not committees or not adopting:
        return None
    return _named_committee(f, adopting) or committees[-1]


def _named_committee(f: Findings, hits: list[Hit]) -> Section | None:
    """The committee decision whose body the sentences of `hits` name ("tilslutter sig Social- og
    Sundhedsudvalgets anbefaling"), the latest if several."""
    said = " ".join(h.sentence.lower for h in hits)
    for section in reversed(f.committee_decisions()):
        name = (section.decision_body or "").lower()
        if name and name in said:
            return section
    return None


def _adopted_recommendation_says(f: Findings, signal: str) -> list[Hit]:
    """What the adopted recommendation says of `signal`: where it puts the plan question off
    ("stillingtagen til en handlingsplan overlades til den nye kommunalbestyrelse") or makes a
    plan hang on a condition ("viser danmarkskortet 2025 …, udarbejdes der en handlingsplan")."""
    adopted = _adopted_committee(f)
    if adopted is None:
        return []
    return [h for h in f.committee_decision_says(signal) if h.sentence.section is adopted]


def _recommends_proposal(f: Findings, section: Section) -> bool:
    """Whether a committee's decision recommends the Indstilling as it stands ("Anbefales.",
    "Udvalget anbefaler indstillingen"), not one that cannot recommend a point of it ("Punkt 2
    kan ikke anbefales"): rule `decision.recommends_proposal`, read on the whole decision.

    A sentence's hit says that the sentence recommends; the rule read on the decision's text
    also hears its `unless` ("ikke … anbefale") in the other sentences, and across them.
    """
    said = f.select("recommends_proposal", where=lambda h: h.sentence.section is section)
    return bool(said) and holds_on(said[0].rule, f.document.text[section.start : section.end])


def _conflicting_recommendations(f: Findings, proposed: list[Hit]) -> list[Hit]:
    """Where the council adopts "udvalgets anbefaling" without naming the committee and the
    committees recommended different things on the plan (one the Indstilling's position by
    recommending it, another a plan, a condition or no plan): what they said."""
    adopting = f.council_decision_says("recommendation_adopted")
    # "Udvalgets anbefaling blev fulgt": whose recommendation, the sentence does not say
    unnamed_at = {h.sentence.start for h in f.council_decision_says("unnamed_recommendation")}
    unnamed = [h for h in adopting if h.sentence.start in unnamed_at]
    if not unnamed:
        return []
    put = frozenset(h.signal for h in proposed if h.sentence.section_kind == "proposal")
    views: dict[frozenset[str], list[Hit]] = {}
    for section in f.committee_decisions():
        if is_advisory_council(section.decision_body):
            continue
        said = f.select(
            "plan_yes", "plan_no", "plan_conditional",
            where=lambda h, s=section: h.sentence.section is s,
        )  # fmt: skip
        recommends = _recommends_proposal(f, section)
        values = frozenset(h.signal for h in said) or (put if recommends else frozenset())
        if values:
            views.setdefault(values, []).extend(said)
    if len(views) < 2:
        return []
    return [h for hits in views.values() for h in hits] or unnamed


def _earlier_decision(f: Findings, hit: Hit) -> bool:
    """Whether a plan position in the case text is the decision on an earlier year's map ("Ved
    behandlingen af danmarkskortet 2022 besluttede Byrådet den 29. november 2022 at udarbejde en
    handlingsplan", told at the 2023 treatment): history, not this year's position."""
    year = f.map_year.year
    if year is None:
        return False
    sentence = f.document.text[hit.sentence.start : hit.sentence.end]
    told = f.select("decision_told", where=lambda h: h.sentence.start == hit.sentence.start)
    if not told:  # rule `plan.decision_told`: "besluttede Byrådet den 29. november 2022 at …"
        return False
    dated = [when.year for when, _ in find_dates(sentence)]
    named = map_years_named(sentence, f.meeting_date)
    return any(y < year for y in dated + named) and not any(y >= year for y in named)
