"""The meeting the minutes are of: municipality, body and date, read from the header."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from .. import municipalities
from ..dates import WEEKDAYS, find_dates
from ..models import Document, Item, Meeting
from .bodies import body_in, body_kind, tidy_body
from .items import NUMBERED, PUNKT
from .units import Unit
from .vocabulary import probe, vocabulary

# --------------------------------------------------------------------------- meeting

_WORDS = vocabulary()
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_DATE_LABEL = re.compile(
    rf"{_WORDS.alternatives('meeting.date_labels')}\s*:?\s*(?:{_WEEKDAY}(?:\s+den)?\s*)?$",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE = re.compile(rf"{_WEEKDAY}(?:\s+den)?\s*,?\s*$", re.IGNORECASE)
_NOT_MEETING_DATE = re.compile(
    rf"{_WORDS.alternatives('meeting.not_meeting_date')}\D{{0,25}}$", re.IGNORECASE
)


def _header_units(units: list[Unit], items: list[Item]) -> list[Unit]:
    """The lines before the first agenda item (at most the first two pages)."""
    first_item = items[0].start if items and items[0].number else None
    limit_page = units[0].page + 1 if units else 1
    out = []
    for unit in units:
        if first_item is not None and unit.start >= first_item:
            break
        if unit.page > limit_page or len(out) >= 200:
            break
        out.append(unit)
    return out or units[:30]



def _meeting_date(text: str) -> tuple[date, tuple[int, int], float] | None:
    """The most likely meeting date in `text`: (date, span, score); labelled dates score 3,
    dates after a weekday 2, others 1. Print and publication dates, and dates inside agenda
    item titles (a table of contents: "3. Budgetopfølgning pr. 31. august 2024") are skipped."""
    best: tuple[date, tuple[int, int], float] | None = None
    for value, span in find_dates(text):
        before = text[max(0, span[0] - 80) : span[0]]
        lines = before.split("\n")
        line_before = lines[-1]
        if PUNKT.match(line_before) or NUMBERED.match(line_before):
            continue
        if not line_before.strip() and len(lines) > 1:
            # a date alone on its line: the label may be the line (cell) before it
            previous = [line for line in lines[:-1] if line.strip()]
            line_before = previous[-1] if previous and len(previous[-1]) < 30 else ""
        if _NOT_MEETING_DATE.search(line_before):
            continue
        score = 1
        if _DATE_LABEL.search(line_before):
            score = 3
        elif _WEEKDAY_BEFORE.search(line_before):
            score = 2
        if best is None or score > best[2]:
            best = (value, span, score)
    return best


def find_meeting(document: Document, units: list[Unit], items: list[Item]) -> Meeting:
    meeting = Meeting()
    header = _header_units(units, items)
    text = document.text
    furniture_text = "\n".join(f.text for f in document.furniture)
    header_start = header[0].start if header else 0
    header_end = header[-1].end if header else 0
    header_text = text[header_start:header_end]

    # municipality: header, running headers, the first pages, then the file and folder names
    found = municipalities.find_in_text(header_text)
    if found is None:
        found = municipalities.find_in_text(furniture_text)
    if found is None:
        end = document.pages[min(1, len(document.pages) - 1)].end if document.pages else 0
        found = municipalities.find_in_text(text[: min(end, 20000)])
    municipality = found[0] if found else None
    if municipality is None:
        path = Path(document.source)
        for name in (path.name, path.parent.name, path.parent.parent.name):
            municipality = municipalities.find_in_name(name) if name else None
            if municipality:
                break
    if municipality is not None:
        meeting.municipality = municipality.official_name
        meeting.municipality_code = municipality.code

    # body: labelled or named in the header, then in running headers and footers
    for unit in header:
        named = body_in(unit.text)
        if named:
            meeting.body = tidy_body(named[0])
            meeting.body_span = (unit.start + named[1], unit.start + named[2])
            break
    if meeting.body is None:
        for furniture in document.furniture:
            named = body_in(furniture.text, loose=True)
            if named:
                meeting.body = tidy_body(named[0])
                break
    meeting.body_kind = body_kind(meeting.body)

    # date: labelled dates first, then dates after a weekday, then the first date; a date
    # repeated in the running headers or footers weighs more than a stray one in the header
    dated = _meeting_date(header_text)
    in_furniture = _meeting_date(furniture_text)
    if in_furniture is not None:
        repeated = sum(1 for value, _ in find_dates(furniture_text) if value == in_furniture[0])
        if repeated >= 2:
            in_furniture = (in_furniture[0], in_furniture[1], max(in_furniture[2], 2.5))
    if dated is not None and (in_furniture is None or dated[2] >= in_furniture[2]):
        meeting.date = dated[0]
        meeting.date_span = (header_start + dated[1][0], header_start + dated[1][1])
    elif in_furniture is not None:
        meeting.date = in_furniture[0]
    return meeting


@probe("meeting_date_label")
def labels_meeting_date(text: str) -> bool:
    """Whether the text before a date labels it as the meeting's date."""
    return _DATE_LABEL.search(text) is not None


@probe("not_meeting_date")
def labels_other_date(text: str) -> bool:
    """Whether the text before a date labels it as some other date (print, deadline, …)."""
    return _NOT_MEETING_DATE.search(text) is not None
