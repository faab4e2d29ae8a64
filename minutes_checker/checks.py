"""The six checks of CRITERIA.md §3 (plus the soft `no_plan_reasons`) and the outcome of §5.

Each check reads the rule hits found in the danmarkskort item(s) together with the document's
structure: who held the meeting, which decision section is the council's own, what the item
is set up as. Rule files hold the phrasings; this module holds the judgement, so that the same
rules serve every check in the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .engine import Hit
from .mapyear import (
    FIRST_YEAR_WITH_ADULT_MAP,
    FIRST_YEAR_WITH_PLAN_DUTY,
    MapYear,
    publication_date,
)
from .messages import MAP_NAMES, PLAN_VALUES, Lang, check_label, explain, outcome_label
from .models import (
    CHECK_IDS,
    BodyKind,
    CheckId,
    CheckResult,
    Document,
    Evidence,
    Item,
    Outcome,
    Polarity,
    Section,
    SectionKind,
    Status,
)
from .structure import INFORMAL_GATHERING

PLAN_VALUE_SIGNALS = ("plan_yes", "plan_no", "plan_position")
# council gatherings that are not a meeting where the council takes decisions
HEADER_CHARS = 300
INFORMAL_MEETING = re.compile(INFORMAL_GATHERING, re.I)


@dataclass
class Findings:
    """What the checks look at: the document, its danmarkskort item(s) and the rule hits there."""

    document: Document
    items: list[Item]
    hits: list[Hit]
    map_year: MapYear
    lang: Lang = "da"

    # ------------------------------------------------------------------ bodies and sections

    @property
    def sections(self) -> list[Section]:
        return [s for item in self.items for s in item.sections]

    @property
    def document_body(self) -> BodyKind:
        """The kind of body whose minutes these are (from the header, else from decisions)."""
        kind = self.document.meeting.body_kind
        if kind != "unknown":
            return kind
        decisions = [s for s in self.sections if s.kind == "decision"]
        if any(s.decision_body_kind == "full_council" for s in decisions):
            return "full_council"
        if decisions and all(s.decision_body_kind == "committee" for s in decisions):
            return "committee"
        return "unknown"

    def informal_meeting(self) -> tuple[int, int] | None:
        """Where the minutes' title calls the meeting a temamøde, seminar or the like (not an
        agenda entry further down, such as "Orientering om temamøde om kommuneplanen")."""
        found = INFORMAL_MEETING.search(self.document.text[:HEADER_CHARS])
        return found.span() if found else None

    @property
    def committee_only(self) -> bool:
        """Committee minutes with no decision of the council itself."""
        return self.document_body == "committee" and not self.council_decisions()

    def actor(self, section: Section | None) -> BodyKind:
        if section is not None and section.kind == "decision" and section.decision_body_kind:
            return section.decision_body_kind
        return self.document_body

    def council_decisions(self) -> list[Section]:
        """Decision sections of the council; where the minutes do not say whose meeting it is,
        the unnamed ones too (full_council is then unclear, which sends the case to a person)."""
        return [
            s
            for s in self.sections
            if s.kind == "decision" and self.actor(s) in ("full_council", "unknown")
        ]

    def committee_decisions(self) -> list[Section]:
        return [s for s in self.sections if s.kind == "decision" and self.actor(s) == "committee"]

    @property
    def meeting_date(self) -> dt.date | None:
        if self.document.meeting.date:
            return self.document.meeting.date
        dated = [s.decision_date for s in self.council_decisions() if s.decision_date]
        return dated[-1] if dated else None

    # ------------------------------------------------------------------ hits

    def select(
        self,
        *signals: str,
        polarity: Polarity | None = None,
        where: Callable[[Hit], bool] | None = None,
    ) -> list[Hit]:
        return [
            h
            for h in self.hits
            if h.signal in signals
            and (polarity is None or h.polarity == polarity)
            and (where is None or where(h))
        ]

    def in_council_decision(self, hit: Hit) -> bool:
        section = hit.sentence.section
        return section is not None and section in self.council_decisions()

    def in_kinds(self, *kinds: SectionKind) -> Callable[[Hit], bool]:
        return lambda hit: hit.sentence.section_kind in kinds

    def council_decision_says(self, signal: str) -> list[Hit]:
        return self.select(signal, where=self.in_council_decision)

    # ------------------------------------------------------------------ evidence

    def evidence(self, hits: Iterable[Hit], limit: int = 4) -> list[Evidence]:
        out: list[Evidence] = []
        seen: set[tuple[int, int, str]] = set()
        for hit in hits:
            sentence = hit.sentence
            key = (sentence.start, sentence.end, hit.rule.id)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Evidence(
                    quote=self.document.text[sentence.start : sentence.end],
                    page=self.document.page_at(sentence.start),
                    start=sentence.start,
                    end=sentence.end,
                    item=sentence.item.number if sentence.item else None,
                    section=sentence.section.title if sentence.section else None,
                    section_kind=sentence.section_kind,
                    rule=hit.rule.id,
                    polarity=hit.polarity,
                )
            )
            if len(out) >= limit:
                break
        return out

    def span_evidence(
        self, span: tuple[int, int] | None, rule: str, polarity: Polarity = "supports"
    ) -> list[Evidence]:
        """Evidence read from the document's structure (meeting header, section headings)."""
        if span is None or span[1] <= span[0]:
            return []
        start, end = span
        item = self.document.item_at(start)
        section = next(
            (s for s in (item.sections if item else []) if s.start <= start < s.end), None
        )
        return [
            Evidence(
                quote=self.document.text[start:end],
                page=self.document.page_at(start),
                start=start,
                end=end,
                item=item.number if item else None,
                section=section.title if section else None,
                section_kind=section.kind if section else None,
                rule=rule,
                polarity=polarity,
            )
        ]

    def kind_evidence(self, kind: str, polarity: Polarity = "supports") -> list[Evidence]:
        """Where an item's type ("Beslutningssag", "Orienteringssag") stands in its text."""
        for item in self.items:
            if item.kind == kind and item.kind_label:
                at = self.document.text.find(item.kind_label, item.start, item.end)
                if at >= 0:
                    span = (at, at + len(item.kind_label))
                    return self.span_evidence(span, "structure.item_kind", polarity)
        return []

    def heading_evidence(self, section: Section, rule: str, polarity: Polarity) -> list[Evidence]:
        line_end = self.document.text.find("\n", section.start, section.end)
        end = line_end if line_end > section.start else section.end
        return self.span_evidence((section.start, end), rule, polarity)

    def committee_evidence(self) -> list[Evidence]:
        """Where the minutes show a committee, not the council, handling the item: the
        meeting's body (when it is a committee) and the first committee decision heading."""
        evidence = []
        if self.document_body == "committee":
            evidence = self.span_evidence(
                self.document.meeting.body_span, "structure.meeting_body", "contradicts"
            )
        for section in self.committee_decisions()[:1]:
            evidence += self.heading_evidence(section, "structure.decision_section", "contradicts")
        return evidence

    def result(
        self,
        check: CheckId,
        status: Status,
        reason: str,
        evidence: list[Evidence],
        details: dict[str, str] | None = None,
        **params: object,
    ) -> CheckResult:
        return CheckResult(
            status=status,
            label=check_label(check, self.lang),
            explanation=explain(f"{check}.{reason}", self.lang, **params),
            evidence=evidence,
            details=details or {},
        )


def _without_contradicted(hits: list[Hit], all_hits: list[Hit]) -> list[Hit]:
    """Drop supporting hits whose sentence also contradicts the same signal."""
    contradicted = {(h.sentence.start, h.signal) for h in all_hits if h.polarity == "contradicts"}
    return [h for h in hits if (h.sentence.start, h.signal) not in contradicted]


# ---------------------------------------------------------------------------------- checks


def _is_orientation_item(f: Findings) -> bool:
    return any(item.kind == "orientation" for item in f.items) or bool(
        f.select("orientation", polarity="contradicts")
    )


def check_full_council(f: Findings) -> CheckResult:
    meeting = f.document.meeting
    body = meeting.body or ""
    council = [s for s in f.council_decisions() if f.actor(s) == "full_council"]
    delegated = f.select("delegated", polarity="contradicts")
    noted_only = f.council_decision_says("noted") and not f.council_decision_says("approved")
    orientation_like = _is_orientation_item(f) or noted_only or not council
    if delegated and orientation_like and f.document_body != "committee":
        return f.result("full_council", "not_met", "delegated", f.evidence(delegated))
    if council:
        named = [s for s in council if s.decision_body_kind == "full_council"]
        section = (named or council)[-1]
        evidence = f.heading_evidence(section, "structure.decision_section", "supports")
        if not named:
            evidence = f.span_evidence(meeting.body_span, "structure.meeting_body") + evidence
        return f.result(
            "full_council",
            "met",
            "council_decision",
            evidence,
            body=section.decision_body or body or "kommunalbestyrelsen",
        )
    if f.document_body == "full_council":
        informal = f.informal_meeting()
        if informal:
            return f.result(
                "full_council",
                "unclear",
                "informal_meeting",
                f.span_evidence(informal, "structure.meeting_body", "contradicts"),
                body=f.document.text[informal[0] : informal[1]],
            )
        return f.result(
            "full_council",
            "met",
            "council_meeting",
            f.span_evidence(meeting.body_span, "structure.meeting_body"),
            body=body,
        )
    if f.document_body == "committee":
        evidence = f.committee_evidence() + f.evidence(f.select("recommended"), limit=2)
        name = body or next((s.decision_body for s in f.committee_decisions()), "") or "udvalg"
        return f.result("full_council", "not_met", "committee", evidence, body=name)
    return f.result("full_council", "unclear", "unknown_body", [])


def check_deadline(f: Findings) -> CheckResult:
    date, year = f.meeting_date, f.map_year.year
    date_evidence = f.span_evidence(f.document.meeting.date_span, "structure.meeting_date")
    if not date_evidence:
        dated = [s for s in f.council_decisions() if s.decision_date]
        # a decision heading dated the meeting's day ("Beslutning i … den 07-11-2023")
        if not dated and f.meeting_date:
            dated = [
                s for s in f.sections if s.kind == "decision" and s.decision_date == f.meeting_date
            ]
        if dated:
            date_evidence = f.heading_evidence(dated[-1], "structure.decision_section", "supports")
    moved = f.select("moved_to_next_year", polarity="contradicts")
    if moved:
        return f.result("deadline", "not_met", "moved", f.evidence(moved))
    if date is None:
        return f.result("deadline", "unclear", "no_date", [])
    if year is None:
        return f.result("deadline", "unclear", "no_year", date_evidence)
    shown = date.strftime("%d-%m-%Y")
    if date > dt.date(year, 12, 31):
        evidence = [e.model_copy(update={"polarity": "contradicts"}) for e in date_evidence]
        return f.result("deadline", "not_met", "late", evidence, date=shown, year=year)
    if date < publication_date(year) - dt.timedelta(days=45):
        return f.result(
            "deadline", "unclear", "before_publication", date_evidence, date=shown, year=year
        )
    return f.result("deadline", "met", "in_time", date_evidence, date=shown, year=year)


def _council_position(f: Findings) -> list[Hit]:
    """Plan positions the council's decision states itself (an amendment or what a member
    proposed counts only when the same sentence says it was adopted)."""
    approved = {h.sentence.start for h in f.council_decision_says("approved")}
    adopted = _adopted_amendments(f)
    return f.select(
        *PLAN_VALUE_SIGNALS,
        polarity="supports",
        where=lambda h: (
            f.in_council_decision(h)
            and (
                not h.proposed
                or h.sentence.start in approved
                or any(
                    h.sentence.section is a.sentence.section and h.sentence.start < a.sentence.start
                    for a in adopted
                )
            )
        ),
    )


_AMENDMENT = re.compile(r"ændringsforslag|tillægsforslag|ændringsindstilling", re.IGNORECASE)


def _adopted_amendments(f: Findings) -> list[Hit]:
    """The council's decision saying an amendment was adopted ("Ændringsforslaget blev vedtaget
    med 16 stemmer mod 13"): what an amendment proposed earlier in the same decision section is
    then the council's decision."""
    rejected = {h.sentence.start for h in f.council_decision_says("rejected")}
    text = f.document.text
    return [
        h
        for h in f.council_decision_says("approved")
        if h.sentence.start not in rejected
        and _AMENDMENT.search(text, h.sentence.start, h.sentence.end)
    ]


def check_active_debate(f: Findings) -> CheckResult:
    if f.committee_only:
        return f.result("active_debate", "not_met", "committee_only", f.committee_evidence())
    council_level = f.in_council_decision
    debate = f.select(
        "debate",
        where=lambda h: (
            council_level(h)
            or (h.sentence.section_kind == "other" and f.document_body == "full_council")
        ),
    )
    if debate:
        return f.result("active_debate", "met", "debate", f.evidence(debate))
    approved = f.council_decision_says("approved")
    noted = f.council_decision_says("noted")
    postponed = f.council_decision_says("postponed")
    kinds = {item.kind for item in f.items}
    discussion = f.select("set_up_for_debate") or "discussion" in kinds
    decision_framing = f.select("set_up_for_decision", where=f.in_kinds("proposal"))
    orientation = f.select("orientation", polarity="contradicts")
    is_decision = bool(decision_framing) or "decision" in kinds
    is_orientation = bool(orientation) or "orientation" in kinds
    framing = f.select("set_up_for_debate") + decision_framing
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
        position = _council_position(f)
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


def check_all_three_maps(f: Findings) -> CheckResult:
    year = f.map_year.year
    required = ["map_social", "map_children"]
    if year is None or year >= FIRST_YEAR_WITH_ADULT_MAP:
        required.append("map_adults")
    if f.committee_only:
        return f.result("all_three_maps", "not_met", "committee_only", f.committee_evidence())
    pointer = bool(f.select("attachment_pointer"))
    generic = f.select("three_maps")
    covered, weak, missing, evidence = [], [], [], []
    details: dict[str, str] = {}
    for signal in required:
        supports = _without_contradicted(f.select(signal, polarity="supports"), f.hits)
        left_out = f.select(signal, polarity="contradicts")
        # a map left out of one item may be treated in another item of the same meeting
        left_items = {h.sentence.item.number for h in left_out if h.sentence.item}
        strong = [
            h
            for h in supports
            if h.weight >= 1
            and (h.sentence.section_kind != "attachments" or pointer)
            and (h.sentence.item is None or h.sentence.item.number not in left_items)
        ]
        name = MAP_NAMES[signal][f.lang]
        if strong:
            covered.append(name)
            details[signal] = "covered"
            evidence += f.evidence(strong, limit=1)
        elif left_out:
            missing.append(name)
            details[signal] = "missing"
            evidence += f.evidence(left_out, limit=1)
        elif supports or generic:
            weak.append(name)
            details[signal] = "weak"
            evidence += f.evidence(supports or generic, limit=1)
        else:
            missing.append(name)
            details[signal] = "missing"
    if not missing and not weak:
        return f.result(
            "all_three_maps", "met", "all", evidence, details,
            count=len(required), maps=", ".join(covered),
        )  # fmt: skip
    if missing:
        return f.result(
            "all_three_maps", "not_met", "missing", evidence, details, missing=", ".join(missing)
        )
    return f.result("all_three_maps", "unclear", "weak", evidence, details, weak=", ".join(weak))


def check_national_comparison(f: Findings) -> CheckResult:
    supports = _without_contradicted(f.select("national", polarity="supports"), f.hits)
    strong = [h for h in supports if h.sentence.section_kind != "attachments" and h.weight >= 1]
    if strong:
        return f.result("national_comparison", "met", "made", f.evidence(strong))
    if supports:
        return f.result("national_comparison", "unclear", "weak", f.evidence(supports))
    against = f.select("neighbours", "own_trend", "national", polarity="contradicts")
    if against:
        return f.result("national_comparison", "not_met", "insufficient", f.evidence(against))
    return f.result("national_comparison", "not_met", "none", [])


def _plan_value(hits: list[Hit]) -> str:
    signals = {h.signal for h in hits}
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


def action_plan_position(f: Findings) -> tuple[CheckResult, str]:
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
    own = _council_position(f)
    if own:
        adopted = _adopted_amendments(f) if any(h.proposed for h in own) else []
        return verdict("met", "decided", own + adopted[:1], _plan_value(own))
    deferred = f.select(
        "plan_deferred", "postponed", "duty_restated", "plan_position",
        polarity="contradicts",
        where=f.in_council_decision,
    )  # fmt: skip
    if deferred:
        return verdict("not_met", "deferred", deferred)
    conditional = f.select("plan_conditional", where=f.in_council_decision)
    if conditional:
        return verdict("unclear", "conditional", conditional, "no")
    proposed = f.select(
        *PLAN_VALUE_SIGNALS,
        polarity="supports",
        where=lambda h: (
            h.sentence.section_kind == "proposal"
            or (h.sentence.section is not None and h.sentence.section in f.committee_decisions())
        ),
    )
    # the administration's own assessment in the case text ("vurderer, at der ikke er behov")
    assessed = f.select(
        *PLAN_VALUE_SIGNALS, polarity="supports", where=f.in_kinds("case", "summary")
    )
    approved = f.council_decision_says("approved")
    noted = f.council_decision_says("noted")
    put_off = f.select("plan_deferred", polarity="contradicts", where=f.in_kinds("proposal"))
    if approved and put_off and not proposed:
        return verdict("not_met", "deferred", approved[:1] + put_off)
    if proposed and approved:
        return verdict("met", "approved_proposal", approved[:1] + proposed, _plan_value(proposed))
    if (proposed or assessed) and f.council_decisions():
        # noted, "Drøftet.", or approval of something that did not hold the position
        hits = noted + approved + (proposed or assessed)
        return verdict("unclear", "only_noted", hits, _plan_value(proposed or assessed))
    if not f.council_decisions():
        if f.document_body != "committee" and proposed:
            return verdict("unclear", "proposal_only", proposed, _plan_value(proposed))
        committee = tuple(f.committee_evidence())
        return verdict("not_met", "no_council_decision", [], structure=committee)
    return verdict("not_met", "no_position", noted + approved)


def check_no_plan_reasons(f: Findings, plan: CheckResult, value: str) -> CheckResult:
    if plan.status == "unclear" and value == "no":
        return f.result("no_plan_reasons", "unclear", "plan_unclear", [])
    if plan.status != "met" or value != "no":
        return f.result("no_plan_reasons", "not_applicable", "not_relevant", [])
    reasons = f.select("ankestyrelsen_informed", "reason_given", polarity="supports")
    if reasons:
        return f.result("no_plan_reasons", "met", "given", f.evidence(reasons))
    return f.result("no_plan_reasons", "not_met", "missing", [])


def run_checks(f: Findings) -> dict[CheckId, CheckResult]:
    plan, value = action_plan_position(f)
    return {
        "full_council": check_full_council(f),
        "deadline": check_deadline(f),
        "active_debate": check_active_debate(f),
        "all_three_maps": check_all_three_maps(f),
        "national_comparison": check_national_comparison(f),
        "action_plan_decision": plan,
        "no_plan_reasons": check_no_plan_reasons(f, plan, value),
    }


# ---------------------------------------------------------------------------------- outcome


def predict_outcome(checks: dict[CheckId, CheckResult], lang: Lang = "da") -> Outcome:
    """CRITERIA.md §5: the first rule of the precedence table that applies."""

    def status(check: CheckId) -> Status:
        return checks[check].status

    def reasons(*ids: CheckId, among: tuple[Status, ...]) -> list[str]:
        return [f"{checks[c].label}: {checks[c].explanation}" for c in ids if status(c) in among]

    if all(c.status == "undetermined" for c in checks.values()):
        return Outcome(id="undetermined", label=outcome_label("undetermined", lang))
    rules: list[tuple[str, tuple[CheckId, ...], tuple[Status, ...]]] = [
        ("deadline_reminder", ("full_council", "deadline"), ("not_met",)),
        ("manual_review", ("full_council", "deadline"), ("unclear", "undetermined")),
        ("request_action_plan_decision", ("action_plan_decision",), ("not_met",)),
        (
            "manual_review",
            ("active_debate", "all_three_maps", "national_comparison", "action_plan_decision"),
            ("not_met", "unclear", "undetermined"),
        ),
    ]
    for outcome_id, ids, among in rules:
        found = reasons(*ids, among=among)
        if found:
            return Outcome(id=outcome_id, label=outcome_label(outcome_id, lang), reasons=found)  # type: ignore[arg-type]
    return Outcome(id="no_further_action", label=outcome_label("no_further_action", lang))


def uniform_checks(
    status: Status, reason: str, lang: Lang, **params: object
) -> dict[CheckId, CheckResult]:
    """Every check with the same verdict (a document without our item, or unreadable)."""
    out: dict[CheckId, CheckResult] = {}
    for check in CHECK_IDS:
        this = "not_applicable" if check == "no_plan_reasons" and status == "not_met" else status
        out[check] = CheckResult(
            status=this,
            label=check_label(check, lang),
            explanation=explain(
                f"any.{reason}" if this == status else "no_plan_reasons.not_relevant",
                lang,
                **params,
            ),
        )
    return out
