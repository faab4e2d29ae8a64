"""What the checks look at: the document, its danmarkskort item(s), the rule hits there, and
helpers that read them together with the structure (whose decision section a hit stands in,
what the item is set up as, which evidence to quote)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ..messages import Lang, check_label, explain
from ..models import (
    BodyKind,
    CheckResult,
    Document,
    Evidence,
    Item,
    Polarity,
    Section,
    SectionKind,
    Status,
)
from ..structure.bodies import INFORMAL_GATHERING
from ..structure.items import fold_title, listed_title
from ..structure.meeting import says_decisions_only
from .engine import Hit
from .mapyear import MapYear

PLAN_VALUE_SIGNALS = ("plan_yes", "plan_no", "plan_position")
# council gatherings that are not a meeting where the council takes decisions: looked for in
# the first characters of the minutes (their title), not in agenda entries further down
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
    reads: frozenset[str] | None = None  # the signals a check may select (None: any)
    memo: dict[str, object] = field(default_factory=dict)  # shared by every check's view

    def for_check(self, reads: Iterable[str]) -> Findings:
        """The view of one check: `select` refuses signals the check does not declare."""
        return replace(self, reads=frozenset(reads))

    # ------------------------------------------------------------------ bodies and sections

    @property
    def sections(self) -> list[Section]:
        return [s for item in self.items for s in item.sections]

    @property
    def document_body(self) -> BodyKind:
        """The kind of body whose minutes these are: as the meeting states it (the structure
        reads it from the header, else from the items' last decisions); where it states
        nothing, a decision of the council itself in the item still says it was the council.
        Committee decisions alone do not: a committee's recommendation printed without a header
        may be from the next body's agenda (`structure.meeting` leaves the meeting unknown)."""
        kind = self.document.meeting.body_kind
        if kind != "unknown":
            return kind
        decisions = [s for s in self.sections if s.kind == "decision"]
        if any(s.decision_body_kind == "full_council" for s in decisions):
            return "full_council"
        return "unknown"

    def informal_meeting(self) -> tuple[int, int] | None:
        """Where the minutes' title calls the meeting a temamøde, seminar or the like (not an
        agenda entry further down, such as "Orientering om temamøde om kommuneplanen", nor the
        first entry of a table of contents: "Dialogmøde med borgerne ........ 3")."""
        text = self.document.text
        titles = [fold_title(item.title) for item in self.document.items if item.title.strip()]
        for found in INFORMAL_MEETING.finditer(text[:HEADER_CHARS]):
            line_start = text.rfind("\n", 0, found.start()) + 1
            line_end = text.find("\n", found.end())
            listed = listed_title(text[line_start : line_end if line_end >= 0 else len(text)])
            if not (listed and any(title and listed.startswith(title) for title in titles)):
                return found.span()
        return None

    @property
    def decisions_only(self) -> bool:
        """Whether the minutes say they print the decisions only, the case texts standing in the
        agenda ("Beslutningsprotokol - kun Byrådets beslutninger er gengivet"): what the item
        does not show, it does not show left out (rule list `meeting.decisions_only`)."""
        return says_decisions_only(self.document.text)

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
        if self.reads is not None and not self.reads.issuperset(signals):
            undeclared = sorted(set(signals) - self.reads)
            raise AssertionError(f"a check selects signals it does not declare: {undeclared}")
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

    def committee_decision_says(self, signal: str) -> list[Hit]:
        return self.select(
            signal, where=lambda hit: hit.sentence.section in self.committee_decisions()
        )

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
        """Where an item's type ("Beslutningssag", "Orienteringssag") stands in its text, or
        the heading of the SBSYS group it stands under ("A. Sager til afgørelse i byrådet")."""
        for item in self.items:
            if item.kind == kind and item.kind_label:
                at = self.document.text.find(item.kind_label, item.start, item.end)
                if at < 0:
                    at = self.document.text.rfind(item.kind_label, 0, item.start)
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
        check: str,
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


def without_contradicted(hits: list[Hit], all_hits: list[Hit]) -> list[Hit]:
    """Drop supporting hits whose sentence also contradicts the same signal."""
    contradicted = {(h.sentence.start, h.signal) for h in all_hits if h.polarity == "contradicts"}
    return [h for h in hits if (h.sentence.start, h.signal) not in contradicted]


def _council_debated_the_map(f: Findings) -> bool:
    """Whether the council's own decision says that it debated the map ("Byrådet drøftede
    danmarkskortet"), or it approved, debated or took note of an Indstilling that puts the map
    to the council's own debate ("At 1) Byrådet drøfter danmarkskortet 2021" / "Godkendt efter
    drøftelse." / "Byrådet tog udvalgets anbefaling til efterretning."): not only a notice of
    it."""
    debated = f.select("debate", where=f.in_council_decision)
    naming = {h.sentence.start for h in f.select("map_named")}  # rule `debate.names_the_map`
    if any(h.sentence.start in naming for h in debated):
        return True
    put_to_debate = f.select("set_up_for_debate", where=f.in_kinds("proposal"))
    decided = debated or f.council_decision_says("approved") or f.council_decision_says("noted")
    return bool(put_to_debate) and bool(decided)


# signals the helpers below select: a check that calls them declares these too
POSITION_READS = (
    *PLAN_VALUE_SIGNALS, "plan_deferred", "duty_restated", "approved", "rejected", "amendment"
)
# the three maps' signals, in the maps' order
MAP_SIGNALS = ("map_social", "map_children", "map_adults")
# signals `delegation_notice` selects: a check that calls it declares these too
DELEGATION_READS = (
    "delegated", "orientation", "noted", "debate", "set_up_for_debate", "map_named",
    *POSITION_READS
)
# signals `only_notes` selects
NOTICE_READS = ("orientation", "noted", "approved")


def only_notes(f: Findings) -> bool:
    """Whether the item only tells the council something: an orientation item, or a decision
    that takes note without approving anything ("Taget til efterretning.")."""
    noted_only = bool(f.council_decision_says("noted")) and not f.council_decision_says("approved")
    return noted_only or any(item.kind == "orientation" for item in f.items) or bool(
        f.select("orientation", polarity="contradicts")
    )


def delegation_notice(f: Findings) -> list[Hit]:
    """Where the council is only told that a committee treated the map (a notice in an
    orientation item, or with no council decision of its own): the sentences saying so. That is
    delegation (CRITERIA.md §3); in a committee's own minutes it is no notice."""
    if f.document_body == "committee":
        return []
    # a committee's own decision ("Udvalget drøftede kortene og anbefaler …") is its step on
    # the way to the council, not a notice to the council
    committee = f.committee_decisions()
    delegated = f.select(
        "delegated", polarity="contradicts", where=lambda h: h.sentence.section not in committee
    )
    if not delegated:
        return []
    council = [s for s in f.council_decisions() if f.actor(s) == "full_council"]
    if council and (council_position(f) or _council_debated_the_map(f)):
        # the council states its own position on the plan ("Kommunalbestyrelsen besluttede i
        # forlængelse heraf, at der ikke udarbejdes en handlingsplan") or debated the map itself
        # ("Byrådet drøftede danmarkskortet"): its own treatment
        return []
    if council and any(item.kind == "decision" for item in f.items):
        # the council's own Beslutningssag that notes a committee's treatment ("Byrådet tog
        # udvalgets vurdering til efterretning") is its own treatment (README convention)
        return []
    return delegated if (not council or only_notes(f)) else []



def council_position(f: Findings) -> list[Hit]:
    """Plan positions the council's decision states itself (an amendment or what a member
    proposed counts only when the same sentence says it was adopted)."""
    # a sentence that says it was adopted ("… blev vedtaget"), not one where a member proposes
    # that something "blev besluttet"
    approved = {h.sentence.start for h in f.council_decision_says("approved") if not h.proposed}
    adopted = adopted_amendments(f)
    # a sentence that says the question was left open ("Spørgsmålet om behov for en
    # handlingsplan blev ikke afgjort") or only restates the duty ("er opmærksom på, at det skal
    # tage stilling til behovet for en handlingsplan, og beder administrationen udarbejde et
    # oplæg") takes no position, whatever plan words it holds
    left_open = {
        h.sentence.start
        for h in f.select(
            "plan_deferred", "plan_position", "duty_restated", polarity="contradicts"
        )
    }
    return f.select(
        *PLAN_VALUE_SIGNALS,
        polarity="supports",
        where=lambda h: (
            f.in_council_decision(h)
            and h.sentence.start not in left_open
            and (not h.proposed or h.sentence.start in approved or amended_by(h, adopted))
        ),
    )


def amended_by(hit: Hit, adopted: list[Hit]) -> bool:
    """Whether `hit` stands in an amendment the council adopted (`adopted_amendments`): a
    sentence before the one saying so, in the same decision section."""
    return any(
        hit.sentence.section is a.sentence.section and hit.sentence.start < a.sentence.start
        for a in adopted
    )


def adopted_amendments(f: Findings) -> list[Hit]:
    """The council's decision saying an amendment was adopted ("Ændringsforslaget blev vedtaget
    med 16 stemmer mod 13"): what an amendment proposed earlier in the same decision section is
    then the council's decision. The amendment words are rule data (`decision.amendment`)."""
    rejected = {h.sentence.start for h in f.council_decision_says("rejected")}
    amendment = {h.sentence.start for h in f.council_decision_says("amendment")}
    return [
        h
        for h in f.council_decision_says("approved")
        if h.sentence.start not in rejected and h.sentence.start in amendment
    ]


# a numbered point of an Indstilling: "At 1) Byrådet drøfter …", "1. at der udarbejdes …"
POINT = re.compile(r"^(?:at\s+)?(\d{1,2})[).]\s", re.IGNORECASE | re.MULTILINE)
POINT_READS = ("point_adopted", "point_not_adopted", "recommendation_adopted")
# "… under punkt 11": the agenda item the points belong to (two items treated together)
_UNDER_ITEM = re.compile(r"\bunder\s+(?:dagsordens)?punkt\s+\d{1,3}", re.IGNORECASE)
_POINT_NUMBERS = re.compile(r"(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?")


def proposal_point(f: Findings, offset: int) -> int | None:
    """The number of the Indstilling's numbered point that holds `offset`, if any."""
    for section in f.sections:
        if section.kind != "proposal" or not section.start <= offset < section.end:
            continue
        text = f.document.text[section.start : section.end]
        number = None
        for match in POINT.finditer(text):
            if section.start + match.start() > offset:
                break
            number = int(match.group(1))
        return number
    return None


def point_numbers(f: Findings, hits: list[Hit]) -> set[int]:
    """The Indstilling's point numbers that hits of `point_adopted` or `point_not_adopted` name
    ("Punkt 1 og 3", "Beslutningspunkt 1-3": 1, 2 and 3)."""
    found: set[int] = set()
    for hit in hits:
        said = _UNDER_ITEM.sub("", f.document.text[hit.start : hit.end])  # not the item's number
        for low, high in _POINT_NUMBERS.findall(said):
            found.update(range(int(low), int(high or low) + 1))
    return found


def plan_points(f: Findings) -> set[int]:
    """The Indstilling's numbered points that hold a plan position or the plan question."""
    hits = f.select(
        *PLAN_VALUE_SIGNALS, "plan_deferred", "plan_conditional", where=f.in_kinds("proposal")
    )
    return {n for n in (proposal_point(f, h.start) for h in hits) if n is not None}


def leaves_other_points(f: Findings, hit: Hit, plan: set[int]) -> bool:
    """Whether `hit`'s sentence puts off only numbered points of the Indstilling that do not hold
    the plan question ("Punkt 3 blev udsat til januar", where point 2 is the plan)."""
    if not plan:
        return False
    said = [
        h
        for h in f.council_decision_says("point_not_adopted")
        if h.sentence.start == hit.sentence.start
    ]
    named = point_numbers(f, said)
    return bool(named) and not named & plan


def points_decided(f: Findings) -> tuple[set[int], set[int]]:
    """The Indstilling's points the council's decision adopts by number, and those it leaves
    (sent back, postponed, voted down): "Beslutningspunkt 1 blev godkendt. Beslutningspunkt 2
    blev sendt tilbage …"; where the council adopts a committee's recommendation, the points the
    committee recommended and left. Both empty where no decision names points."""

    adopted = point_numbers(f, f.council_decision_says("point_adopted"))
    left = point_numbers(f, f.council_decision_says("point_not_adopted"))
    if not adopted and not left and f.council_decision_says("recommendation_adopted"):
        # "Udvalgets indstilling godkendt": the points the committee recommended, not those it
        # left ("Punkt 2 anbefales ikke")
        adopted = point_numbers(f, f.committee_decision_says("point_adopted"))
        left = point_numbers(f, f.committee_decision_says("point_not_adopted"))
    return adopted - left, left
