"""The meeting the minutes are of: municipality, body and date, read from the header."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date
from pathlib import Path

from .. import municipalities
from ..dates import WEEKDAYS, find_dates
from ..models import Document, Item, Meeting, MeetingSource
from .bodies import (
    body_in,
    body_kind,
    body_label_alone,
    is_document_title,
    named_body_kind,
    names_a_body_alone,
    tidy_body,
)
from .items import NUMBERED, PUNKT
from .labels import META_LINE, TOC_HEADING
from .units import Unit
from .vocabulary import probe, vocabulary

# --------------------------------------------------------------------------- meeting

_WORDS = vocabulary()
# a body named in a file name ("…-byraadet-…", "…-kommunalbestyrelsen-…")
_BODY_WORDS = _WORDS.stems("bodies.committees", "bodies.council", "bodies.executive_committees")
_NAMED_BODY = re.compile(rf"(?<![\w]){_BODY_WORDS}(?![\w])", re.IGNORECASE)
# a dash or underscore between a word and a number in a file name
_NAME_GLUE = re.compile(r"(?<=[^\W\d_])[-_](?=\d)|(?<=\d)[-_](?=[^\W\d_])")
# a history block's title is its label and the body ("Udvalg: Økonomiudvalget")
_HISTORY = re.compile(rf"^{_WORDS.alternatives('sections.history_body_labels')}\s*:", re.I)
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_DEN = r"(?:\s+(?:den|d\.))?"  # "onsdag den 26. november", "Onsdag d. 26. november"
_DATE_LABEL = re.compile(
    rf"{_WORDS.alternatives('meeting.date_labels')}\s*:?\s*(?:{_WEEKDAY}{_DEN}\s*)?$",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE = re.compile(rf"{_WEEKDAY}{_DEN}\s*,?\s*$", re.IGNORECASE)
_NOT_MEETING_DATE = re.compile(
    rf"{_WORDS.alternatives('meeting.not_meeting_date')}\D{{0,25}}$", re.IGNORECASE
)


# "Mødet blev suspenderet kl. 23.00 og genoptaget tirsdag den 10. januar 2023"
# … or "Nr.306-Nr.310 blev behandlet på byrådets fortsatte møde tirsdag den 3. januar 2023"
_CONTINUED = re.compile(
    rf"\bmødet\b.{{0,80}}?\b{_WORDS.alternatives('meeting.continued')}\b"
    rf"|\b{_WORDS.alternatives('meeting.continued')}\s+møde\b",
    re.IGNORECASE,
)
CONTINUED_DATE_WITHIN = 40  # characters between the word and the day it names
_CONTINUED_BEFORE = re.compile(rf"\b{_WORDS.alternatives('meeting.continued')}\b", re.IGNORECASE)
# the item a meeting broke off at: "afbrudt under behandlingen af punkt 17"
_ITEM_NAMED = re.compile(
    rf"\b{_WORDS.alternatives('items.number_words')}\s*(?:nr\.?\s*)?(?P<num>\d{{1,4}})\b",
    re.IGNORECASE,
)


HEADER_PAGES = 2  # the header block stands on the first pages (a cover, then the agenda)
HEADER_UNITS = 200  # … and is not longer than this many lines
HEADER_CHARS = 20_000  # … nor this many characters (a pasted data dump is not a header)
HEADER_LINE_CHARS = 400  # a line that names the meeting's body is short; longer ones are text


def _header_units(units: list[Unit], items: list[Item]) -> list[Unit]:
    """The lines before the first agenda item, on the first pages: the header block. Empty when
    the document begins with an item (an item printed or exported alone)."""
    first_item = items[0].start if items else None
    limit_page = units[0].page + HEADER_PAGES - 1 if units else 1
    out = []
    for unit in units:
        if first_item is not None and unit.start >= first_item:
            break
        if unit.page > limit_page or len(out) >= HEADER_UNITS:
            break
        out.append(unit)
    return out


# a clock time right after a date ("12/7/26, 8:23 AM", "07.12.2026 08.23")
_CLOCK_AFTER = re.compile(r",?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AP]M)?\b", re.IGNORECASE)


def _without_print_stamp(line: str) -> str:
    """A running line without the date and time it begins with: the time stamp a browser or
    a print prints at the top of every page ("12/7/26, 8:23 AM Referat - Byrådet - 30-10-2024"),
    the day of the print and not of the meeting."""
    found = find_dates(line)
    if not found:
        return line
    _value, (start, end) = found[0]
    clock = _CLOCK_AFTER.match(line, end)
    if line[:start].strip() or clock is None:
        return line
    return line[clock.end() :]


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
        if _CONTINUED_BEFORE.search(line_before[-CONTINUED_DATE_WITHIN - 20 :]):
            continue  # the day the meeting went on ("på det fortsatte møde den 3. januar")
        score = 1
        if _DATE_LABEL.search(line_before):
            score = 3
        elif _WEEKDAY_BEFORE.search(line_before):
            score = 2
        if best is None or score > best[2]:
            best = (value, span, score)
    return best


def find_meeting(document: Document, units: list[Unit], items: list[Item]) -> Meeting:
    """The meeting, read only where minutes state it: the header block, the running headers
    and footers, the items' decision headings and decision history, and last the file and
    folder names. Never from running text; what is not stated stays unknown. Where each field
    came from is kept in `Meeting.sources`."""
    meeting = Meeting()
    header = _header_units(units, items)
    text = document.text
    furniture_text = "\n".join(_without_print_stamp(f.text) for f in document.furniture)
    header_start = header[0].start if header else 0
    header_end = min(header[-1].end, header_start + HEADER_CHARS) if header else 0
    header_text = text[header_start:header_end]
    path = Path(document.source)
    names = [name for name in (path.stem, path.parent.name, path.parent.parent.name) if name]

    _municipality(meeting, document, header_text, furniture_text, names)

    # body: labelled or named in the header, then in running headers and footers
    for position, unit in enumerate(header):
        if body_label_alone(unit.text) and position + 1 < len(header):
            # "Udvalg:" / "Voksne og Handicap": the label's value is the next line
            value = header[position + 1]
            if body_kind(value.text) != "unknown" or names_a_body_alone(value.text):
                meeting.body = tidy_body(value.text.strip())
                meeting.body_span = (value.start, value.end)
                meeting.sources["body"] = "header"
                break
            continue
        if len(unit.text) > HEADER_LINE_CHARS:
            continue
        if PUNKT.match(unit.text) or NUMBERED.match(unit.text):
            # an entry of the agenda list: "3. Budgetopfølgning - Social- og Sundhedsudvalget"
            continue
        named = body_in(unit.text)
        if named:
            meeting.body = tidy_body(named[0])
            meeting.body_span = (unit.start + named[1], unit.start + named[2])
            meeting.sources["body"] = "header"
            break
    if meeting.body is None:
        after = _named_after_document(header)
        if after is not None:
            meeting.body = after.text
            meeting.body_span = (after.start, after.end)
            meeting.sources["body"] = "header"
    if meeting.body is None:
        for furniture in document.furniture:
            named = body_in(furniture.text, loose=True)
            if named:
                meeting.body = tidy_body(named[0])
                # an HTML page's header is the page's own header block, not a running line
                meeting.sources["body"] = (
                    "header" if document.format == "html" else ("running_header")
                )
                break

    # date: labelled dates first, then dates after a weekday, then the first date; a date
    # repeated in the running headers or footers weighs more than a stray one in the header
    dated = _meeting_date(header_text)
    in_furniture = _meeting_date(furniture_text)
    if in_furniture is not None:
        repeated = sum(1 for value, _ in find_dates(furniture_text) if value == in_furniture[0])
        if repeated >= 2:
            in_furniture = (in_furniture[0], in_furniture[1], max(in_furniture[2], 2.5))
    if dated is not None and (
        in_furniture is None or dated[2] >= in_furniture[2] or dated[0] == in_furniture[0]
    ):  # the same day in the header and the running lines: the header's place is quoted
        meeting.date = dated[0]
        meeting.date_span = (header_start + dated[1][0], header_start + dated[1][1])
        meeting.sources["date"] = "header"
    elif in_furniture is not None:
        meeting.date = in_furniture[0]
        meeting.sources["date"] = "running_header"

    # the header as one text: "… og fortsat onsdag den 11." / "januar 2023" wraps in a PDF
    found = continued_on(header_text)
    if found is not None and found[0] != meeting.date:
        meeting.continued = found[0]
        meeting.continued_span = (header_start + found[1][0], header_start + found[1][1])
        sentence_start = header_text.rfind("\n\n", 0, found[1][0]) + 1
        sentence_end = header_text.find("\n\n", found[1][1])
        # the item before the day ("afbrudt under Nr.162. … fortsættelse den 3. januar") or
        # after it ("Mødet den 20. december 2022 blev afbrudt efter punkt 14")
        named = _ITEM_NAMED.search(
            header_text, sentence_start, sentence_end if sentence_end >= 0 else len(header_text)
        )
        meeting.continued_item = named.group("num") if named else None

    if meeting.body is None or meeting.date is None:
        _from_decisions(meeting, items, text)
    if meeting.body is None or meeting.date is None:
        _from_names(meeting, names)
    meeting.body_kind = named_body_kind(meeting.body) if meeting.body else "unknown"
    return meeting


def _named_after_document(header: list[Unit]) -> Unit | None:
    """A committee named without the word udvalg on the line after the document's title
    ("Referat" / "Velfærd og Sundhed" / "Mødedato: …")."""
    for previous, unit in itertools.pairwise(header):
        if not is_document_title(previous.text) or not names_a_body_alone(unit.text):
            continue
        if META_LINE.match(unit.text) or TOC_HEADING.match(unit.text):
            continue  # "Referat" / "Mødedato: …", "Referat" / "Indholdsfortegnelse"
        if len(unit.text.split()) >= 2 or body_kind(unit.text) != "unknown":
            return unit
    return None


def _municipality(
    meeting: Meeting, document: Document, header: str, furniture: str, names: list[str]
) -> None:
    """The municipality: named with a body word in the header, the running headers, the first
    pages' text ("Aarhus Kommunes omgørelsesprocent"), then the file and folder names."""
    found = municipalities.find_in_text(header)
    source: MeetingSource = "header"
    if found is None:
        found, source = municipalities.find_in_text(furniture), "running_header"
    if found is None:
        end = document.pages[min(1, len(document.pages) - 1)].end if document.pages else 0
        found, source = municipalities.find_in_text(document.text[: min(end, 20000)]), "text"
    municipality = found[0] if found else None
    if municipality is None:
        for name in names:
            municipality = municipalities.find_in_name(name)
            if municipality:
                source = "file_name"
                break
    if municipality is not None:
        meeting.municipality = municipality.official_name
        meeting.municipality_code = municipality.code
        meeting.sources["municipality"] = source


def _from_decisions(meeting: Meeting, items: list[Item], text: str) -> None:
    """The meeting as the items' last decisions state it (a document without a header: an item
    printed alone, text pasted from a portal): the body and date most of the items' last
    decision heading or history block name. A last decision that passes the case on
    ("Anbefales") says nothing: the print may be from the next body's agenda."""
    bodies: Counter[str] = Counter()
    dates: Counter[date] = Counter()
    sources: dict[object, MeetingSource] = {}
    spans: dict[object, tuple[int, int]] = {}
    for item in items:
        decisions = [s for s in item.sections if s.kind == "decision"]
        if not decisions:
            continue
        last = decisions[-1]  # an unnamed last decision is the meeting's own: it says nothing
        if last.decision_date is not None:
            # a portal that puts the newest decision first ("Beslutning i Byrådet den 13.
            # december 2022" above the committee's): the latest dated step is the last one
            last = max(
                (s for s in decisions if s.decision_date is not None),
                key=lambda s: (s.decision_date, s.start),
            )
        if passes_on(text[last.start + len(last.title) : last.end]):
            continue
        span = (last.start, last.start + len(last.title))
        source: MeetingSource = "history" if _HISTORY.match(last.title) else "decision_heading"
        if last.decision_body:
            bodies[last.decision_body] += 1
            sources.setdefault(last.decision_body, source)
            spans.setdefault(last.decision_body, span)
        if last.decision_date:
            dates[last.decision_date] += 1
            sources.setdefault(last.decision_date, source)
            spans.setdefault(last.decision_date, span)
    if meeting.body is None and bodies:
        body = max(bodies, key=lambda b: (bodies[b], b))
        meeting.body = body
        meeting.body_span = spans[body]
        meeting.sources["body"] = sources[body]
    if meeting.date is None and dates:
        when = max(dates, key=lambda d: (dates[d], d))
        meeting.date = when
        meeting.date_span = spans[when]
        meeting.sources["date"] = sources[when]


_ONWARD = re.compile(rf"\b{_WORDS.alternatives('meeting.onward_decisions')}\b", re.IGNORECASE)
ONWARD_CHARS = 300  # an onward recommendation is said at the start of a decision


@probe("onward_decision")
def passes_on(decision: str) -> bool:
    """Whether a decision's text sends the case on to another body."""
    return _ONWARD.search(decision[:ONWARD_CHARS]) is not None


# a file name's spelling of æ, ø and å ("byraadet", "oekonomiudvalget")
_FOLDED = (("aa", "å"), ("oe", "ø"), ("ae", "æ"))


def _unfolded(word: str) -> str:
    """A body named in a file name with its Danish letters back ("byraadet" -> "byrådet")."""
    if re.search("[æøå]", word, re.IGNORECASE):
        return word
    for folded, letter in _FOLDED:
        word = word.replace(folded, letter).replace(folded.capitalize(), letter.upper())
    return word


# a committee word that names no committee ("…-kun-udvalgets-beslutning")
_GENERIC_COMMITTEE = re.compile(r"udvalg(?:et|ets|s|ene|enes)?", re.IGNORECASE)
# a word before a body in a file name that makes it another body than the meeting's
# ("…-efter-oekonomiudvalget-…", "…-uden-byraadet")
_OTHER_BODY_BEFORE = re.compile(r"(?:^|\s)(?:efter|uden|kun|før|foer|ikke|via)\s+$", re.IGNORECASE)


def _names_the_body(words: str, match: re.Match[str]) -> bool:
    """Whether a body word found in a file name names the meeting's body."""
    if _GENERIC_COMMITTEE.fullmatch(match.group(0)):
        return False
    return _OTHER_BODY_BEFORE.search(words[: match.start()]) is None


def _from_names(meeting: Meeting, names: list[str]) -> None:
    """The body and date a file or folder name states ("stevns-kommunalbestyrelsen-26-11-2018")."""
    for name in names:
        words = name.replace("_", " ").replace("-", " ")
        if meeting.body is None:
            named = (m for m in _NAMED_BODY.finditer(words) if _names_the_body(words, m))
            match = next(named, None)
            if match:
                body = _unfolded(match.group(0))
                meeting.body = body[:1].upper() + body[1:]
                meeting.sources["body"] = "file_name"
        if meeting.date is None:
            # "stevns-2018-kommunalbestyrelsen-26-11-2018": words and numbers apart
            found = find_dates(_NAME_GLUE.sub(" ", name))
            if found:
                meeting.date = found[0][0]
                meeting.sources["date"] = "file_name"


@probe("meeting_continued")
def continued_on(text: str) -> tuple[date, tuple[int, int]] | None:
    """The other day a meeting went on, when the text says so: (date, span in `text`)."""
    match = _CONTINUED.search(text)
    if match is None:
        return None
    for value, span in find_dates(text[match.end() : match.end() + CONTINUED_DATE_WITHIN + 30]):
        if span[0] <= CONTINUED_DATE_WITHIN:
            return value, (match.end() + span[0], match.end() + span[1])
    return None


_DECISIONS_ONLY = re.compile(_WORDS.alternatives("meeting.decisions_only"), re.IGNORECASE)


@probe("decisions_only")
def says_decisions_only(text: str) -> bool:
    """Whether the minutes say they hold the decisions only, the case texts being elsewhere."""
    return _DECISIONS_ONLY.search(text) is not None


@probe("meeting_date_label")
def labels_meeting_date(text: str) -> bool:
    """Whether the text before a date labels it as the meeting's date."""
    return _DATE_LABEL.search(text) is not None


@probe("not_meeting_date")
def labels_other_date(text: str) -> bool:
    """Whether the text before a date labels it as some other date (print, deadline, …)."""
    return _NOT_MEETING_DATE.search(text) is not None
