"""Behandlet inden årets udgang: the meeting lies between the map's publication and 31 December
of the map year; minutes that move the treatment into the next year are late (CRITERIA.md §3)."""

from __future__ import annotations

import datetime as dt
import re

from ...dates import find_dates
from ...models import CheckResult, Evidence, Section
from ..engine import Hit
from ..findings import (
    MAP_SIGNALS,
    NOTICE_READS,
    POINT_READS,
    Findings,
    only_notes,
    points_decided,
)
from ..mapyear import publication_date

ID = "deadline"
ROLE = "gate"
READS = (
    "moved_to_next_year",
    "plan_deferred",
    "debate",
    "treated_when_resumed",
    "maps_earlier",
    "postponed",
    "put_off_told",
    "map_not_out_yet",
    *MAP_SIGNALS,
    *NOTICE_READS,
    *POINT_READS,
)
# what a generic move names: the case or the item, not the map or its treatment
_GENERIC_SUBJECT = ("sagen", "punktet")
_LEADING_NUMBER = re.compile(r"\d*")  # "12" of "12.1"
# how long after its (known or assumed) publication day an item may still say that this year's
# map has not come out: the dates of 2019, 2020, 2024 and 2025 are only "around June"
NOT_OUT_GRACE = dt.timedelta(days=92)


def run(f: Findings) -> CheckResult:
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
    if moved and (_only_the_plan_question(f, moved) or _only_a_map_left_out(f, moved)):
        moved = []
    if moved:
        return f.result("deadline", "not_met", "moved", f.evidence(moved))
    if date is None:
        late = _late_committee_step(f, year)
        if late is not None:
            section, when = late
            evidence = f.heading_evidence(section, "structure.decision_section", "contradicts")
            return f.result(
                "deadline", "not_met", "after_committee", evidence,
                date=when.strftime("%d-%m-%Y"), year=year,
            )  # fmt: skip
        return f.result("deadline", "unclear", "no_date", [])
    if year is None:
        return f.result("deadline", "unclear", "no_year", date_evidence)
    other = _other_date(f)
    resumed = f.select("treated_when_resumed")
    after_the_break = (
        other is not None and _after_the_break(f) and other[0] == f.document.meeting.continued
    )
    if other is not None and after_the_break and other[0] > date:
        # the header says the meeting broke off at an item before this one ("Mødet blev afbrudt
        # efter behandlingen af Nr.305. Nr.306-Nr.310 blev behandlet på byrådets fortsatte møde
        # … den 3. januar 2023"): this item was treated on the second day
        date, date_evidence, other = other[0], other[1], None
    elif after_the_break:
        # the header says this is the continuation of an earlier day's meeting that broke off
        # before this item ("Kommunalbestyrelsens møde den 20. december 2022 blev afbrudt efter
        # punkt 14"): the item was treated on the document's own day
        other = None
    if other is not None and resumed and other[0] == f.document.meeting.continued:
        # the item says it was treated when the meeting went on: that day counts
        date, date_evidence, other = other[0], other[1] + f.evidence(resumed), None
    elif resumed and other is None:
        # the item itself names the day it was treated when the meeting went on ("Punktet blev
        # behandlet på det fortsatte møde torsdag den 7. januar 2021")
        named = [
            when
            for h in resumed
            for when, _ in find_dates(f.document.text[h.sentence.start : h.sentence.end])
            if when > date
        ]
        if named:
            date, date_evidence = max(named), f.evidence(resumed)
    if other is not None and (date > dt.date(year, 12, 31)) != (other[0] > dt.date(year, 12, 31)):
        # two dates for the treatment, one in time and one late: a person must look
        first, second = sorted((date, other[0]))
        return f.result(
            "deadline", "unclear", "two_dates", date_evidence + other[1],
            first=first.strftime("%d-%m-%Y"), second=second.strftime("%d-%m-%Y"), year=year,
        )  # fmt: skip
    shown = date.strftime("%d-%m-%Y")
    later = _undated_later_treatment(f, date, year) if other is None else []
    if later:
        # a December meeting that put the item off, or treated it when the meeting went on,
        # without a day for it ("Punktet overføres til Byrådets næste ordinære møde"): that day
        # may be in the new year
        resumed_only = all(h.signal == "treated_when_resumed" for h in later)
        return f.result(
            "deadline", "unclear", "resumed_undated" if resumed_only else "postponed_undated",
            date_evidence + f.evidence(later), date=shown, year=year,
        )  # fmt: skip
    if date > dt.date(year, 12, 31):
        earlier = _notice_of_treatment_in_time(f, year)
        if earlier is not None:
            # a late meeting's notice that the council treated the map at a meeting in time
            # ("Byrådet behandlede kortet på sit møde den 13. december 2023, punkt 187, og
            # besluttede …"): that meeting's minutes decide
            when, hits = earlier
            return f.result(
                "deadline", "unclear", "treated_earlier", date_evidence + f.evidence(hits),
                date=shown, earlier=when.strftime("%d-%m-%Y"), year=year,
            )  # fmt: skip
        evidence = [e.model_copy(update={"polarity": "contradicts"}) for e in date_evidence]
        return f.result("deadline", "not_met", "late", evidence, date=shown, year=year)
    not_out = f.select("map_not_out_yet")
    if not_out and date < publication_date(year) + NOT_OUT_GRACE:
        # the item itself says this year's map has not come out: the council treated
        # Ankestyrelsen's statistics ahead of it
        return f.result(
            "deadline", "unclear", "map_not_out_yet", date_evidence + f.evidence(not_out),
            date=shown, year=year,
        )  # fmt: skip
    if date < publication_date(year) - dt.timedelta(days=45):
        return f.result(
            "deadline", "unclear", "before_publication", date_evidence, date=shown, year=year
        )
    return f.result("deadline", "met", "in_time", date_evidence, date=shown, year=year)


LATE_IN_YEAR = (12, 1)  # (month, day) from which a later, undated meeting may fall in the new year


def _undated_later_treatment(f: Findings, date: dt.date, year: int) -> list[Hit]:
    """Where a meeting late in the map year (`LATE_IN_YEAR`) did not treat the item that day and
    names no day for it: its own last decision puts the whole item off (nothing in it adopted or
    noted, not only the plan question: rule `decision.postponed`), or says the item was treated
    when the suspended meeting was resumed, on a day the minutes never give (rule
    `deadline.treated_when_resumed`; a continued meeting whose day the header states is not)."""
    if date.year != year or (date.month, date.day) < LATE_IN_YEAR:
        return []
    decisions = f.council_decisions()
    if not decisions:
        return []
    last = decisions[-1]

    def in_last(hit: Hit) -> bool:
        return hit.sentence.section is last

    hits: list[Hit] = []
    if f.document.meeting.continued is None:
        hits += f.select("treated_when_resumed", where=in_last)
    decided = f.select("approved", "noted", *POINT_READS, where=in_last)
    if not decided:
        # not the plan question alone ("Spørgsmålet om en handlingsplan udsættes": plan.deferred)
        plan_only = {h.sentence.start for h in f.select("plan_deferred")}
        hits += [
            h for h in f.select("postponed", where=in_last) if h.sentence.start not in plan_only
        ]
    text = f.document.text
    return [
        h
        for h in hits
        if not any(when > date for when, _ in find_dates(text[h.sentence.start : h.sentence.end]))
    ]


def _after_the_break(f: Findings) -> bool:
    """Whether every map item's number lies after the item the meeting broke off at (named in
    the header)."""
    at = f.document.meeting.continued_item
    numbers = _item_numbers(f)
    return at is not None and len(numbers) == len(f.items) > 0 and min(numbers) > int(at)


def _item_numbers(f: Findings) -> list[int]:
    """The map items' numbers ("12" of "12.1"), where they have one."""
    return [int(n) for n in (_LEADING_NUMBER.match(i.number).group() for i in f.items) if n]  # type: ignore[union-attr]


def _notice_of_treatment_in_time(f: Findings, year: int) -> tuple[dt.date, list[Hit]] | None:
    """Where the item only notes (a Meddelelser entry or an orientation taken to efterretning)
    that the council treated the map at an earlier meeting of the map year (rule
    `maps.treated_earlier`, a sentence naming that day and no postponement): that day."""
    if not only_notes(f) or f.select("postponed", where=f.in_council_decision):
        return None
    text = f.document.text
    put_off = {h.sentence.start for h in f.select("put_off_told")}  # "… hvor den blev udsat"
    for hit in f.select("maps_earlier"):
        if hit.sentence.start in put_off:
            continue
        sentence = text[hit.sentence.start : hit.sentence.end]
        days = [when for when, _ in find_dates(sentence) if when.year == year]
        if days and publication_date(year) <= max(days) <= dt.date(year, 12, 31):
            return max(days), [hit]
    return None


def _late_committee_step(f: Findings, year: int | None) -> tuple[Section, dt.date] | None:
    """Where the meeting's date is unknown: a committee decision in the item, on the way to the
    council, dated after 31 December of the map year (the council decided after it)."""
    if year is None:
        return None
    for section in f.committee_decisions():
        when = section.decision_date
        if when is not None and when > dt.date(year, 12, 31):
            return section, when
    return None


def _other_date(f: Findings) -> tuple[dt.date, list[Evidence]] | None:
    """A second date the item may have been treated on: the item's own council decision
    heading dated another day than the meeting (the last one counts), or the other day of a
    meeting that went on over two days, unless the minutes name the item it broke off at and
    that lies after this one (a decision heading dated the first day does not say which day
    the item was reached: portals print the meeting's date on every item)."""
    meeting = f.document.meeting
    dated = [s for s in f.council_decisions() if s.decision_date]
    if dated and meeting.date and dated[-1].decision_date != meeting.date:
        last = dated[-1]
        evidence = f.heading_evidence(last, "structure.decision_section", "contradicts")
        return last.decision_date, evidence  # type: ignore[return-value]
    if not meeting.continued:
        return None
    # the header names the item the meeting broke off at: the items from there on went over to
    # the second day, whatever date their printed decision headings carry
    if meeting.continued_item is not None and not any(
        n >= int(meeting.continued_item) for n in _item_numbers(f)
    ):
        return None
    evidence = f.span_evidence(meeting.continued_span, "structure.meeting_date", "contradicts")
    return meeting.continued, evidence


def _only_a_map_left_out(f: Findings, moved: list[Hit]) -> bool:
    """Whether every move names only maps the item itself leaves out ("Voksenhandicapområdet er
    ikke medtaget i denne sag" / "Et medlem spurgte til tidsplanen for voksenområdet, og
    borgmesteren oplyste, at sagen kommer i februar"): that map's later treatment, not this
    one's, which stays in time (the maps check says the map is not covered)."""
    left = {h.signal for h in f.select(*MAP_SIGNALS, polarity="contradicts")}
    if not left:
        return False
    for hit in moved:
        named = {
            h.signal
            for h in f.select(*MAP_SIGNALS, polarity="supports")
            if h.sentence.start == hit.sentence.start
        }
        if not named or not named <= left:
            return False
    return True


def _only_the_plan_question(f: Findings, moved: list[Hit]) -> bool:
    """Whether a move into the next year concerns only the plan question: the council debated
    the map, the item defers the handlingsplan question ("genoptager spørgsmålet om en
    handlingsplan i foråret"), and the move names only the case ("Sagen genoptages i
    foråret"), not the map or its treatment."""
    # (an amendment's or a proposal's words about the plan defer nothing)
    if not [h for h in f.select("plan_deferred", polarity="contradicts") if not h.proposed]:
        return False
    if not f.select("debate", where=f.in_council_decision):
        return False
    # a case put off as a whole ("Ændringsforslaget blev vedtaget, og sagen udsættes til den 29.
    # januar 2026", "Sagen overgår til det nye byråd"), whatever the reason given, was not treated
    # at this meeting
    put_off = {h.sentence.start for h in f.select("postponed", polarity="contradicts")}
    if any(h.sentence.start in put_off for h in moved):
        return False
    adopted, _ = points_decided(f)
    if not adopted and f.select("postponed", polarity="contradicts", where=f.in_council_decision):
        return False  # nothing decided, the case put off ("Ad 1: Godkendt." decides a point)
    text = f.document.text
    return all(text[h.start : h.end].lower().startswith(_GENERIC_SUBJECT) for h in moved)
