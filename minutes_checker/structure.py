"""The structure of read minutes: meeting, agenda items and the sections inside each item.

`analyse(document)` fills `Document.meeting`, `Document.items` (with their sections) from the
cleaned text and the readers' layout hints (block kinds, heading levels, bold and font size per
PDF line). It works on *units*: the lines of the body (PDF lines; lines of DOCX/HTML blocks).

Agenda items are numbered headings ("14.", "14 Titel", "Punkt 14:", "Pkt. 3"). Every line that
could be one is a candidate, weighed by its heading evidence (style, bold, size, own line, what
follows it); the chosen items are the best-weighed sequence of increasing numbers. That keeps a
table of contents (titles repeated, no sections after them) and numbered entries inside an
Indstilling ("1. at Byrådet godkender …") out of the item list.

`body_kind`, `structure_dict` and `render_structure_text` are public helpers for the check
engine and the `inspect` command.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import municipalities
from .dates import MONTHS, find_dates
from .models import BlockKind, BodyKind, Document, Item, ItemKind, Meeting, Section, SectionKind
from .readers.cleanup import gc_paused

# --------------------------------------------------------------------------- bodies

_COMMITTEE = re.compile(r"udvalg|magistrat", re.IGNORECASE)
_FULL_COUNCIL = re.compile(
    r"kommunalbestyrelse|byråd|byraad|borgerrepræsentation|borgerrepraesentation",
    re.IGNORECASE,
)


def body_kind(name: str | None) -> BodyKind:
    """Whether a body named as in minutes is the full council, a committee, or unknown.

    "Kommunalbestyrelsen", "Byrådet", "Byrådets", "Aarhus Byråd", "Borgerrepræsentationen",
    "Kommunalbestyrelsens møde" are the full council; "Social- og Sundhedsudvalget",
    "Økonomiudvalget", "Magistraten", "Udvalget for Social og Sundhed" are committees.
    """
    if not name:
        return "unknown"
    text = name.strip()
    if _COMMITTEE.search(text):
        return "committee"
    if _FULL_COUNCIL.search(text):
        return "full_council"
    return "unknown"


_BODY_WORD = (
    r"(?i:\w*udvalg(?:et|ets|s)?|byråd(?:et|ets|s)?|byraad(?:et|ets)?|kommunalbestyrelse(?:n|ns)?"
    r"|borgerrepræsentation(?:en|ens)?|magistrat(?:en|ens)?)"
)
# a body name: "Byrådet", "Aarhus Byråd", "Social-, Sundheds- og Ældreudvalget", "Udvalget for
# Social og Sundhed" (a capitalised name and suspended compounds may stand before the body word)
# ("Udvalget for …" first: in a longer text the plain "Udvalget" must not win)
_BODY_NAME = (
    r"(?:(?i:udvalg(?:et)?\s+for)\s+[A-ZÆØÅ][\wæøåÆØÅ]*"
    r"(?:,?\s+(?!(?i:og|eller)\b)[A-ZÆØÅ][\wæøåÆØÅ]*)?(?:\s+(?i:og)\s+[\wæøåÆØÅ]+)?"
    r"|(?:[A-ZÆØÅ][\wæøå]*(?:-[A-ZÆØÅ][\wæøå]*)?\s+(?=[A-ZÆØÅ]))?"
    r"(?:[\wæøåÆØÅ]+-,?\s+(?:(?:og|eller|&)\s+)?|[\wæøåÆØÅ]+\s+&\s+){0,4}"
    rf"{_BODY_WORD})"
)
_BODY_ONLY = re.compile(rf"^(?P<body>{_BODY_NAME})$")


_SMALL_WORDS = frozenset({"og", "eller", "for", "i", "af", "under", "&"})


def _tidy_body(name: str | None) -> str | None:
    """A body written in capitals ("SOCIAL- OG SUNDHEDSUDVALGET") as it is normally written."""
    if not name or not name.isupper():
        return name
    words = []
    for word in name.lower().split():
        words.append(word if word in _SMALL_WORDS else word[:1].upper() + word[1:])
    return " ".join(words)


def _strip_genitive(name: str) -> str:
    """'Byrådets' -> 'Byrådet', 'Kommunalbestyrelsens' -> 'Kommunalbestyrelsen'."""
    name = name.strip()
    if re.search(r"(?:et|en|ets|ens|ds|gs)$", name, re.IGNORECASE) and name.endswith("s"):
        stem = name[:-1]
        if re.search(r"(?:et|en|d|g)$", stem, re.IGNORECASE):
            return stem
    return name


# --------------------------------------------------------------------------- sections

_SECTION_WORDS: dict[str, SectionKind] = {
    # summary
    "resume": "summary",
    "resumé": "summary",
    "sagsresume": "summary",
    "sagsresumé": "summary",
    "kort resume": "summary",
    "kort resumé": "summary",
    "beslutningstema": "summary",
    "sammenfatning": "summary",
    "kort fortalt": "summary",
    "hvad skal besluttes": "summary",
    # case
    "sagsfremstilling": "case",
    "sagsbeskrivelse": "case",
    "sagsbehandling": "case",
    "baggrund": "case",
    "sagens baggrund": "case",
    "baggrund for sagen": "case",
    "sagens indhold": "case",
    "sagsforløb": "case",
    "sagens forløb": "case",
    "beskrivelse": "case",
    "sagen": "case",
    "redegørelse": "case",
    "sagsfremstilling og vurdering": "case",
    "supplerende sagsfremstilling": "case",
    "fornyet sagsfremstilling": "case",
    # proposal
    "indstilling": "proposal",
    "indstillinger": "proposal",
    "forslag til beslutning": "proposal",
    "forslag til indstilling": "proposal",
    "tillægsindstilling": "proposal",
    "supplerende indstilling": "proposal",
    "ændret indstilling": "proposal",
    "anbefaling": "proposal",
    "anbefalinger": "proposal",
    # decision
    "beslutning": "decision",
    "beslutninger": "decision",
    "afgørelse": "decision",
    "beslutningsprotokol": "decision",
    "protokol": "decision",
    # attachments
    "bilag": "attachments",
    "bilagsliste": "attachments",
    "bilagsoversigt": "attachments",
    "bilag til punktet": "attachments",
    "vedlagte bilag": "attachments",
    "bilag og henvisninger": "attachments",
    # economy
    "økonomi": "economy",
    "økonomiske konsekvenser": "economy",
    "økonomiske forhold": "economy",
    "økonomi og finansiering": "economy",
    "økonomiske og personalemæssige konsekvenser": "economy",
    "bevillingsmæssige konsekvenser": "economy",
    "bevilling": "economy",
    "finansiering": "economy",
    "økonomiske og administrative konsekvenser": "economy",
    # hearing
    "høring": "hearing",
    "høringer": "hearing",
    "høringssvar": "hearing",
    "høringsparter": "hearing",
    "høring og inddragelse": "hearing",
    # other
    "lovgrundlag": "other",
    "retsgrundlag": "other",
    "lovgivning": "other",
    "hjemmel": "other",
    "lovgrundlag og kompetence": "other",
    "kommunikation": "other",
    "tidsplan": "other",
    "beslutningskompetence": "other",
    "kompetence": "other",
    "kompetenceplacering": "other",
    "sagens gang": "other",
    "sagens videre forløb": "other",
    "videre proces": "other",
    "videre forløb": "other",
    "proces": "other",
    "personale": "other",
    "juridiske forhold": "other",
    "vurdering": "other",
    "administrationens vurdering": "other",
    "forvaltningens vurdering": "other",
    "direktionens vurdering": "other",
    "bemærkninger": "other",
    "politisk behandling": "other",
    "tidligere beslutninger": "other",
    "tidligere behandling": "other",
    "tidligere politisk behandling": "other",
    "historik": "other",
    "målgruppe": "other",
    "formål": "other",
    "indledning": "other",
    "perspektivering": "other",
    "inddragelse": "other",
    "borgerinddragelse": "other",
    "samarbejde": "other",
    "opfølgning": "other",
    "effekt": "other",
    "effektvurdering": "other",
    "miljøvurdering": "other",
    "klimavurdering": "other",
    "bæredygtighed": "other",
    "risikovurdering": "other",
    "relation til politikker": "other",
    "politikker og strategier": "other",
    "strategisk forankring": "other",
    "sagens parter": "other",
    "supplerende oplysninger": "other",
    "konklusion": "other",
    "handicappolitik": "other",
}
_CONSEQUENCES = re.compile(
    r"^(?P<what>[\wæøå]+(?:\s+og\s+[\wæøå]+)?)\s+konsekvenser(?:\s+for\s+[\wæøå ]+)?$",
    re.IGNORECASE,
)
_PROPOSAL = re.compile(
    r"^(?:(?P<who>[\wæøåÆØÅ\-]+s)\s+)?(?i:indstilling(?:er)?|tillægsindstilling)"
    r"(?:\s+(?i:fra|til)\s+(?P<body>.+?))?(?:,?\s+(?i:den|d\.)\s+(?P<date>.+))?$"
)
_DECISION = re.compile(
    r"^(?i:beslutning(?:er)?|afgørelse|beslutningsprotokol)"
    r"(?:\s*[:\-–]\s*|\s+|\s*(?=\())(?P<rest>.+)$"
)
_GENITIVE_DECISION = re.compile(
    rf"^(?P<body>(?:{_BODY_NAME})s?)\s+(?i:beslutning|afgørelse)"
    r"(?:\s*[:,]?\s*(?i:den|d\.)?\s*(?P<rest>.*))?$"
)
_NAMED_GENITIVE_DECISION = re.compile(
    r"^(?P<body>[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:\s+(?:og\s+|&\s+)?[\wæøåÆØÅ\-]+){0,4}s)\s+"
    r"(?i:beslutning)\s*[:,]?\s*(?i:den|d\.)?\s*(?P<rest>.+)$"
)
_BODY_DATE = re.compile(
    rf"^(?P<body>{_BODY_NAME})\s*(?:,|\s)\s*(?:(?i:møde\s+)?(?i:den|d\.)\s+)?(?P<rest>.+)$"
)
# any named body after "Beslutning i": "Beredskabskommissionen", "Handicaprådet"
_NAMED_BODY = re.compile(
    r"^[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:,?\s+(?:(?:og|for|i|under|&)\s+)?[\wæøåÆØÅ\-]+){0,8}$"
)
_REST_JUNK = re.compile(r"^(?:i|fra|af|på|truffet i|taget i)\s+", re.IGNORECASE)
_CASE_NO = re.compile(r",?\s*(?:pkt\.?|punkt|sag)\s*(?:nr\.?\s*)?\d+\s*$", re.IGNORECASE)
_TIME = re.compile(r",?\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*$")


# every heading form below holds one of these words (a cheap test before the regexes)
_HEADING_HINT = re.compile(
    r"beslutning|afgørelse|indstilling|konsekvens|udvalg|byråd|byraad|kommunalbestyrelse"
    r"|borgerrepræsentation|magistrat"
)


@dataclass(frozen=True)
class HeadingMatch:
    kind: SectionKind
    title: str
    decision_body: str | None = None
    decision_date: date | None = None
    # "Økonomiudvalget, 11. september 2023, pkt. 245": only a section after another section
    body_date: bool = False
    # a heading styled like the document's known section headings ("Handlingsplanens indhold")
    generic: bool = False


def _normalise_heading(text: str) -> str:
    text = " ".join(text.split())
    return text.rstrip(":").rstrip().rstrip(":").strip()


# a numeric date cut short at its end: "20-11-", "20.11", "20-"
_CUT_DATE = re.compile(r"\s+\d{1,2}[-./](?:\d{1,2}[-./]?)?$")


def _parse_body_and_date(rest: str) -> tuple[str | None, date | None, bool]:
    """From "i Byrådet den 25-09-2023" or "(Kommunalbestyrelsen, 14.09.2021)": body, date, and
    whether the whole text was understood as (optional) body plus (optional) date."""
    text = rest.strip()
    explicit = bool(re.match(r"^(?:i|fra)\s", text))
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    text = _REST_JUNK.sub("", text)
    found = find_dates(text)
    when = None
    if not found:
        # a date cut off at the end of a page ("Beskæftigelsesudvalget 20-11-"): the body alone
        text = _CUT_DATE.sub("", text)
    if found:
        when = found[0][0]
        start, end = found[0][1]
        after = _TIME.sub("", _CASE_NO.sub("", text[end:].strip(" ,.)"))).strip(" ,.)(")
        if after:
            return None, None, False
        text = text[:start]
    text = text.strip(" ,.()")
    # "… den", "…, mødet den", "mødet i …"
    text = re.sub(r"(?:^|[\s,])+(?:mødet|møde)?\s*(?:den|d\.?)?\s*$", "", text, flags=re.I)
    text = re.sub(r"^(?:mødet|møde)\s+(?:i\s+)?", "", text.strip(), flags=re.I)
    text = text.strip(" ,.()")
    if not text:
        return None, when, True
    if _BODY_ONLY.match(text):
        return text, when, True
    if (when is not None or explicit) and _NAMED_BODY.match(text):
        return text, when, True  # "Beslutning i Beredskabskommissionen den 13.09.2023"
    return None, None, False


def classify_heading(text: str) -> HeadingMatch | None:
    """The section a heading line starts ("Beslutning i Byrådet den 25-09-2023:"), or None."""
    title = _normalise_heading(text)
    if not title or len(title) > 140:
        return None
    low = title.lower()
    if low in _SECTION_WORDS:
        return HeadingMatch(_SECTION_WORDS[low], title)
    if low.startswith("beslutningstema"):
        return None
    if not _HEADING_HINT.search(low):
        return None
    # "Beslutning i Byrådet den …", "Beslutning (Kommunalbestyrelsen, 14.09.2021)"
    match = _DECISION.match(title)
    if match:
        body, when, ok = _parse_body_and_date(match.group("rest"))
        if ok:
            return HeadingMatch("decision", title, _tidy_body(body), when)
        return None
    # "Byrådets beslutning den 25.09.2023", "Udvalgets beslutning"
    match = _GENITIVE_DECISION.match(title)
    if match:
        rest = (match.group("rest") or "").strip()
        when = None
        if rest:
            found = find_dates(rest)
            if not found or _TIME.sub("", rest[found[0][1][1] :]).strip(" ,.:"):
                return None
            when = found[0][0]
        body = _tidy_body(_strip_genitive(match.group("body")))
        return HeadingMatch("decision", title, body, when)
    # "Beredskabskommissionens beslutning den 08.12.2023": any named body, with a date
    match = _NAMED_GENITIVE_DECISION.match(title)
    if match:
        found = find_dates(match.group("rest"))
        rest_after = match.group("rest")[found[0][1][1] :] if found else "x"
        if found and found[0][1][0] == 0 and not _TIME.sub("", rest_after).strip(" ,.:"):
            body = _tidy_body(_strip_genitive(match.group("body")))
            return HeadingMatch("decision", title, body, found[0][0])
    # "Indstilling fra Økonomiudvalget", "Direktionens indstilling"
    match = _PROPOSAL.match(title)
    if match:
        if match.group("date") and not find_dates(match.group("date")):
            return None
        who = match.group("body")
        if who and not _BODY_ONLY.match(who.strip()) and len(who.split()) > 3:
            return None
        return HeadingMatch("proposal", title)
    # "Økonomiudvalget, 11. september 2023, pkt. 245": an earlier body's decision
    match = _BODY_DATE.match(title)
    if match:
        body, when, ok = _parse_body_and_date(match.group("rest"))
        if ok and body is None and when is not None:
            name = _tidy_body(_strip_genitive(match.group("body").strip()))
            return HeadingMatch("decision", title, name, when, body_date=True)
    match = _CONSEQUENCES.match(title)
    if match:
        what = match.group("what").lower()
        kind: SectionKind = (
            "economy" if what.startswith(("økonomisk", "bevillingsmæssig")) else "other"
        )
        return HeadingMatch(kind, title)
    return None


def _prefix_heading(text: str) -> HeadingMatch | None:
    """A styled heading that begins with a section word: "Sagsfremstilling og økonomi"."""
    title = _normalise_heading(text)
    if len(title) > 70:
        return None
    low = title.lower()
    for word, kind in _SECTION_WORDS.items():
        if kind == "decision" or len(word) < 5:
            continue
        tail = low[len(word) :]
        if low.startswith(word) and re.match(r"[\s,–\-]+(?:og|samt|for|til|&|–|-)\b", tail):
            return HeadingMatch(kind, title)
    return None


def looks_like_section_heading(text: str) -> bool:
    """Used by the PDF reader to keep section headings out of running-header detection (and to
    recognise a bold label run into a paragraph). A body and a date alone ("Byrådet
    30-10-2023") is a section heading only after other sections, and exactly what a running
    header or footer looks like: not protected."""
    match = classify_heading(text)
    return match is not None and not match.body_date


# --------------------------------------------------------------------------- units


@dataclass(slots=True)
class _Unit:
    text: str
    start: int
    end: int
    page: int
    block: int
    first: bool  # first line of its block
    block_lines: int
    kind: BlockKind
    level: int | None
    bold: bool
    size: float | None
    strong: bool = False  # heading evidence: heading style, bold or larger type


def _units(document: Document) -> list[_Unit]:
    text = document.text
    blocks = document.blocks
    block_starts = [block.start for block in blocks]
    units: list[_Unit] = []
    if document.lines:
        # one unit per PDF line (thousands in a long referat: positional arguments, no
        # repeated lookups)
        bisect_right = bisect.bisect_right
        located = [
            (line, max(bisect_right(block_starts, line.start) - 1, 0)) for line in document.lines
        ]
        line_counts = Counter(index for _line, index in located)
        for line, index in located:
            start = line.start
            raw = text[start : line.end]
            stripped = raw.strip()
            if not stripped:
                continue
            if len(stripped) != len(raw):
                start += len(raw) - len(raw.lstrip())
            if blocks:
                block = blocks[index]
                first, kind, level = line.start <= block.start, block.kind, block.level
            else:
                first, kind, level = False, "paragraph", None
            units.append(
                _Unit(
                    stripped,
                    start,
                    start + len(stripped),
                    line.page,
                    index,
                    first,
                    line_counts[index],
                    kind,
                    level,
                    bool(line.bold),
                    line.size,
                )
            )
    else:
        for index, block in enumerate(blocks):
            chunk = text[block.start : block.end]
            lines = chunk.split("\n")
            position = block.start
            count = sum(1 for line in lines if line.strip())
            first = True
            for line in lines:
                stripped = line.strip()
                if stripped:
                    lead = len(line) - len(line.lstrip())
                    start = position + lead
                    units.append(
                        _Unit(
                            text=stripped,
                            start=start,
                            end=start + len(stripped),
                            page=document.page_at(start),
                            block=index,
                            first=first,
                            block_lines=count,
                            kind=block.kind,
                            level=block.level,
                            bold=block.bold,
                            size=block.size,
                        )
                    )
                    first = False
                position += len(line) + 1
    sizes: Counter[float] = Counter()
    for unit in units:
        if unit.size:
            sizes[round(unit.size * 2) / 2] += len(unit.text)
    body_size = sizes.most_common(1)[0][0] if sizes else None
    for unit in units:
        large = bool(body_size and unit.size and unit.size >= body_size + 1.0)
        styled = unit.kind == "heading" or unit.level is not None
        unit.strong = styled or unit.bold or large
    return units


# --------------------------------------------------------------------------- item headings

_PUNKT = re.compile(
    r"^(?:dagsordens)?(?:punkt|pkt\.?)\s*(?:nr\.?\s*)?(?P<num>\d{1,4}[a-zæøå]?)\b"
    r"(?P<sep>\s*[:.)\-–—]\s*|\s+|$)(?P<title>.*)$",
    re.IGNORECASE,
)
_PUNKT_INITIALS = "pPdD"  # what _PUNKT can match first (no other character folds to these)
_NUMBERED = re.compile(
    r"^(?P<num>\d{1,3}[a-zæøå]?)(?P<sep>\.\s*|\s*[):]\s*|\s+[-–—]\s+|\s+)(?P<title>.*)$"
)
_NUMBER_ONLY = re.compile(r"^(?P<num>\d{1,3})\.?$")
_MONTH_START = re.compile(
    rf"^(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?", re.IGNORECASE
)
_UNIT_WORD = re.compile(
    r"^(?:mio|mia|kr|pct|procent|stk|gange|år|dage|timer|uger|måneder|mill|t\.kr)\b", re.I
)
_TOC_LEADER = re.compile(r"\s*(?:\.{4,}|…{2,}|(?:\s?\.){4,}|_{4,}|·{3,})\s*\d{0,4}\s*$")
_TOC_HEADING = re.compile(
    r"^(?:indholdsfortegnelse|indhold|dagsorden|dagsordenen|punkter på mødet|"
    r"oversigt over punkter|punktoversigt|dagsordensoversigt|punkter|åben dagsorden)\s*:?$",
    re.IGNORECASE,
)
_LIST_ENTRY = re.compile(
    r"^(?:at|der|som|og|samt|det|de)\b|"
    r"^(?:byrådet|kommunalbestyrelsen|borgerrepræsentationen|udvalget|økonomiudvalget|"
    r"magistraten|forvaltningen|administrationen|direktionen)\b.*\b(?:godkender|tager|drøfter|"
    r"beslutter|vedtager|anbefaler|bemyndiger|frigiver|bevilger|meddeler|orienteres|træffer|"
    r"giver|sender|godkendes|tages|drøftes|besluttes|vedtages|anbefales|indstiller|udarbejder)\b|"
    r"[,;]$|\bog$",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[.!?]$")


@dataclass
class _Candidate:
    unit: int  # index into units
    number: str
    title: str
    title_offset: int  # where the title begins in the unit's text
    form: str  # "punkt", "dot", "space", "dash", "paren", "alone"
    weight: float = 0.0
    toc: bool = False

    @property
    def key(self) -> tuple[int, str]:
        digits = re.match(r"\d+", self.number)
        if not digits:
            return (0, self.number)
        return (int(digits.group(0)), self.number[len(digits.group(0)) :])


def _item_candidate(unit: _Unit) -> _Candidate | None:
    """A line that could be an agenda item's heading: number, title and form."""
    text = unit.text
    if not (text[:1].isdigit() or text[:1] in _PUNKT_INITIALS):
        return None  # every form begins with a digit or "punkt", "pkt", "dagsordenspunkt"
    match = _PUNKT.match(text)
    if match:
        number, form = match.group("num"), "punkt"
    else:
        match = _NUMBERED.match(text)
        if match:
            number = match.group("num")
            sep = match.group("sep").strip()
            form = {".": "dot", ")": "paren", ":": "paren", "": "space"}.get(sep, "dash")
        else:
            match = _NUMBER_ONLY.match(text)
            if not match or (unit.kind == "table_cell" and not unit.strong):
                return None  # a plain number in a table is a figure, not an item heading
            number, form = match.group("num"), "alone"
    title = match.group("title") if form != "alone" else ""
    offset = match.start("title") if form != "alone" else len(text)
    toc = bool(_TOC_LEADER.search(title)) and bool(re.search(r"\d\s*$", title))
    title = _TOC_LEADER.sub("", title).strip()
    if number.isdigit() and int(number) == 0:
        return None
    if title:
        first = title[0]
        if _MONTH_START.match(title):
            return None  # "14. september 2023"
        if first.isdigit() or first in "%,.;:-–)/+*=":
            return None  # amounts, ranges, "1.000 kr."
        if _UNIT_WORD.match(title):
            return None
        if form != "punkt" and first.islower() and not unit.strong:
            return None
        if form in ("space", "dash") and not (first.isupper() or first in "\"'«»(§"):
            return None
    elif form == "space":
        return None
    return _Candidate(unit=-1, number=number, title=title, title_offset=offset, form=form, toc=toc)


# --------------------------------------------------------------------------- item kinds

_KIND_LABELS: tuple[tuple[re.Pattern[str], ItemKind], ...] = (
    (re.compile(r"^(?:beslutningssag|beslutningspunkt|til beslutning|beslutning)$", re.I),
     "decision"),
    (re.compile(r"^(?:orienteringssag|orienteringspunkt|til orientering|orientering|"
                r"meddelelser|meddelelse|til efterretning|orienteringer)$", re.I), "orientation"),
    (re.compile(r"^(?:drøftelsessag|drøftelsespunkt|til drøftelse|drøftelse|temadrøftelse|"
                r"drøftelses- og beslutningssag)$", re.I), "discussion"),
)  # fmt: skip
_KIND_PREFIX = re.compile(
    r"^(?:sagstype|type|punkttype|sagens art|punktets art|art|kategori|sagskategori)\s*:\s*",
    re.IGNORECASE,
)
_CLOSED = re.compile(
    r"\blukket\s+(?:punkt|sag|dagsorden|møde)\b|\(lukket\)|^lukket$|"
    r"^fortroligt?\b|\bikke offentlig(?:t|e)?\b",
    re.IGNORECASE,
)
_CLOSED_DIVIDER = re.compile(
    r"^(?:lukket dagsorden|lukkede punkter|lukket del|lukkede sager|lukket møde)\s*:?$",
    re.IGNORECASE,
)
_OPEN_DIVIDER = re.compile(r"^(?:åben dagsorden|åbne punkter|åben del|åbne sager)\s*:?$", re.I)
_END_MARK = re.compile(
    r"^(?:underskriftsblad|underskriftsside|underskrifter|mødet hævet.*|mødet sluttede.*)$",
    re.IGNORECASE,
)
_META_LINE = re.compile(
    r"^(?:sagsnr|sags nr|sagsnummer|j\.?\s?nr|journalnr|acadre|dokumentnr|sagsid|sags-id|"
    r"sagsansvarlig|sagsbehandler|ansvarlig|forfatter|mødedato|dato|tid|tidspunkt|sted|"
    r"mødested|mødelokale|mødetidspunkt|fraværende|afbud|deltagere|til stede|medlemmer|"
    r"udvalg|referent|start|slut|kl\.|bemærkning|åben sag|lukket sag|åbent punkt|uddrag af|"
    r"referat|dagsorden|side \d|sagstype|punkttype|type|status|sagskategori|kategori)\b",
    re.IGNORECASE,
)


def _item_kind(text: str) -> tuple[ItemKind, str] | None:
    """An item type stated in a short line: "Beslutningssag", "Sagstype: Orientering",
    "Sagsnr. 12 | Orienteringssag", "Sagsnr.: 27.00.00 (Beslutningssag)"."""
    if len(text) > 120:
        return None
    pieces = re.split(r"\s*[|•·]\s*|\s{3,}", text)
    pieces += re.findall(r"\(([^()]{4,40})\)", text)
    for raw in pieces:
        piece = raw.strip().strip("()[]").strip()
        had_prefix = bool(_KIND_PREFIX.match(piece))
        piece = _KIND_PREFIX.sub("", piece).strip().rstrip(".")
        for pattern, kind in _KIND_LABELS:
            if pattern.match(piece):
                return kind, piece
        if had_prefix and piece:
            low = piece.lower()
            prefixes: tuple[tuple[str, ItemKind], ...] = (
                ("beslut", "decision"),
                ("orienter", "orientation"),
                ("meddel", "orientation"),
                ("drøft", "discussion"),
            )
            for prefix, kind in prefixes:
                if low.startswith(prefix):
                    return kind, piece
    return None


def _kind_in_title(title: str) -> tuple[ItemKind, str] | None:
    """ "… (Beslutningssag)" or "… – Orientering" at the end of an item title."""
    match = re.search(r"\(([^()]{4,40})\)\s*$|\s[-–]\s([\wæøåÆØÅ ]{4,30})$", title)
    if match:
        return _item_kind(match.group(1) or match.group(2))
    return None


# --------------------------------------------------------------------------- analysis


def analyse(document: Document) -> Document:
    """Fill `meeting`, `items` and their `sections`. Returns the same document."""
    with gc_paused():
        return _analyse(document)


def _analyse(document: Document) -> Document:
    try:
        units = _units(document)
        items = _find_items(document, units)
        document.items = items
        document.meeting = _find_meeting(document, units, items)
    finally:
        _STARTS_CACHE.clear()
        _HEADINGS.clear()
    if not items and document.text.strip():
        document.warnings.append("ingen dagsordenspunkter fundet")
    return document


_WRAPS = re.compile(r"(?:-|,|\s(?:og|i|den|d\.|for|fra|af))$", re.IGNORECASE)
_WRAPS_LONGEST = 4  # characters of its longest match (" den"): it is searched for in the tail
_STARTS_BODY_HEADING = re.compile(r"^(?:beslutning|indstilling)\s+(?:i|fra)\b", re.IGNORECASE)


# classify_heading's answers during one `analyse`: the same headings stand in every item
_HEADINGS: dict[str, HeadingMatch | None] = {}
_UNSEEN = HeadingMatch("other", "")


def _classified(text: str) -> HeadingMatch | None:
    """`classify_heading(text)`, remembered for the document being analysed."""
    found = _HEADINGS.get(text, _UNSEEN)
    if found is _UNSEEN:
        found = _HEADINGS[text] = classify_heading(text)
    return found


def _section_at(units: list[_Unit], index: int) -> tuple[HeadingMatch, int] | None:
    """A section heading starting at unit `index`: (match, number of units it spans)."""
    unit = units[index]
    text = unit.text
    if not (text[0].isupper() or text[0].isdigit()):
        return None
    if unit.first and unit.kind == "heading" and 2 <= unit.block_lines <= 4:
        # a heading block of a few lines (a table's label cell: "Beslutning" /
        # "Beskæftigelsesudvalget 19-10-2022"): a decision or proposal heading as a whole
        group = units[index : index + unit.block_lines]
        if all(u.block == unit.block for u in group):
            match = _classified(_join_units(group))
            if match and match.kind in ("decision", "proposal"):
                return match, len(group)
    # a heading that wraps onto the next line(s) of the same block
    wraps = _WRAPS.search(text, max(len(text) - _WRAPS_LONGEST, 0))
    if wraps or (_STARTS_BODY_HEADING.match(text) and not find_dates(text)):
        for extra in (1, 2):
            group = units[index : index + extra + 1]
            if len(group) < extra + 1:
                break
            if any(u.block != unit.block for u in group) or len(group[-1].text) > 80:
                break
            match = _classified(_join_units(group))
            if match and match.kind in ("decision", "proposal"):
                return match, extra + 1
    match = _classified(text)
    if match:
        return match, 1
    if unit.strong:
        match = _prefix_heading(text)
        if match:
            return match, 1
    starts_sentence = unit.first or (
        index > 0 and units[index - 1].block == unit.block and units[index - 1].text[-1] in ".:!?"
    )
    if starts_sentence and ":" in text and not _META_LINE.match(text):
        # a run-in heading: "Indstilling: Direktionen indstiller, at …"
        head, _, rest = text.partition(":")
        if rest.strip() and len(head) <= 100:
            match = _classified(head)
            if match:
                return match, 1
    return None


def _join_units(units: list[_Unit]) -> str:
    out = units[0].text
    for previous, unit in itertools.pairwise(units):
        out += ("" if unit.start == previous.end else " ") + unit.text
    return out


def _find_items(document: Document, units: list[_Unit]) -> list[Item]:
    text = document.text
    candidates: list[_Candidate] = []
    for index, unit in enumerate(units):
        candidate = _item_candidate(unit)
        if candidate is not None:
            candidate.unit = index
            candidates.append(candidate)

    # where sections begin (evidence that an item heading precedes them)
    section_units: dict[int, HeadingMatch] = {}
    for index in range(len(units)):
        found = _section_at(units, index)
        if found:
            section_units[index] = found[0]

    candidate_units = {c.unit for c in candidates}
    section_units.update(_styled_sections(units, section_units, candidate_units))

    toc_zone = _toc_zone(units)
    usable = [c for c in candidates if not c.toc]
    strong = [c for c in usable if units[c.unit].strong]
    distinct = {c.number for c in usable}
    only_strong = len(strong) >= 2 and len(strong) >= 0.3 * len(distinct)
    for position, candidate in enumerate(usable):
        unit = units[candidate.unit]
        next_unit = usable[position + 1].unit if position + 1 < len(usable) else len(units)
        candidate.weight = _weigh(candidate, unit, units, next_unit, section_units, toc_zone)
        if only_strong and not unit.strong:
            candidate.weight = -99.0
    chosen = _best_sequence([c for c in usable if c.weight >= 1.5])

    # a numbered table of contents over unnumbered item headings: find each title in the body
    listed = [c for c in candidates if c.toc or toc_zone[0] <= c.unit < toc_zone[1]]
    if listed and len(chosen) < 0.5 * len({c.number for c in listed}):
        guided = _toc_guided(units, listed, section_units)
        if len(guided) > len(chosen):
            chosen = guided

    if not chosen:
        item = _single_item(document, units, section_units)
        return [item] if item is not None else []

    switches: list[tuple[int, bool]] = []  # (offset, closed) from "Lukket dagsorden" dividers
    ends: list[int] = []
    for unit in units:
        if _CLOSED_DIVIDER.match(unit.text):
            switches.append((unit.start, True))
            ends.append(unit.start)
        elif _OPEN_DIVIDER.match(unit.text):
            switches.append((unit.start, False))
            ends.append(unit.start)
        elif _END_MARK.match(unit.text) and (unit.strong or unit.block_lines == 1):
            ends.append(unit.start)
    items: list[Item] = []
    for position, candidate in enumerate(chosen):
        unit = units[candidate.unit]
        next_start = (
            units[chosen[position + 1].unit].start if position + 1 < len(chosen) else len(text)
        )
        end = min([e for e in ends if unit.start < e < next_start] or [next_start])
        end = _trim_end(text, unit.start, end)
        title, first_body = _item_title(candidate, units, section_units)
        closed = False
        for offset, state in switches:
            if offset < unit.start:
                closed = state
        item = Item(
            number=candidate.number,
            title=title,
            start=unit.start,
            end=end,
            page_start=unit.page,
            page_end=document.page_at(max(end - 1, unit.start)),
            closed=closed,
        )
        _fill_item(item, units, first_body, section_units)
        items.append(item)
    return items


def _signature(unit: _Unit) -> tuple[object, ...]:
    """How a heading looks: block kind, outline level, bold and font size."""
    size = round(unit.size * 2) / 2 if unit.size else None
    return (unit.kind == "heading", unit.level, unit.bold, size)


_GENERIC_HEADING = re.compile(r"^[A-ZÆØÅ0-9][^.!?;]{1,68}:?$")


def _styled_sections(
    units: list[_Unit], known: dict[int, HeadingMatch], candidates: set[int]
) -> dict[int, HeadingMatch]:
    """Headings that look exactly like at least two of the document's known section headings
    (same style, level, weight and size) are sections too, of kind "other" unless their words
    say more: "Handlingsplanens indhold", "Vurdering af kortet"."""
    votes: Counter[tuple[object, ...]] = Counter()
    for index, match in known.items():
        unit = units[index]
        if unit.strong and _normalise_heading(unit.text) == match.title:
            votes[_signature(unit)] += 1
    signatures = {signature for signature, count in votes.items() if count >= 2}
    if not signatures:
        return {}
    found: dict[int, HeadingMatch] = {}
    kind_words: list[int] = []
    for index, unit in enumerate(units):
        if index in known or index in candidates or not unit.strong:
            continue
        if not unit.first or _signature(unit) not in signatures:
            continue
        # a run of bold cells is a table's header row, not a section heading
        if (
            index > 0
            and units[index - 1].strong
            and index - 1 not in known
            and index - 1 not in candidates
        ) or (
            index + 1 < len(units) and units[index + 1].strong and index + 1 not in known
        ):
            continue
        text = unit.text
        if not _GENERIC_HEADING.match(text) or len(text.split()) > 8:
            continue
        if sum(char.isalpha() for char in text) < 3:
            continue  # "2023", "1.2": no heading words
        if _item_kind(text) and not _META_LINE.match(text):
            kind_words.append(index)
            continue
        if (
            _META_LINE.match(text)
            or _CLOSED.search(text)
            or _TOC_HEADING.match(text)
            or _CLOSED_DIVIDER.match(text)
            or _OPEN_DIVIDER.match(text)
            or _END_MARK.match(text)
        ):
            continue
        prefixed = _prefix_heading(text)
        kind: SectionKind = prefixed.kind if prefixed else "other"
        found[index] = HeadingMatch(kind, _normalise_heading(text), generic=True)
    found.update(_kind_word_sections(units, kind_words, {**known, **found}, candidates))
    return found


def _kind_word_sections(
    units: list[_Unit], indices: list[int], sections: dict[int, HeadingMatch], candidates: set[int]
) -> dict[int, HeadingMatch]:
    """An item-type word styled as a section heading ("Drøftelse") is a type label under an
    item's title, but a section where it follows another section of the same item; a document
    that uses it as a section once uses it so throughout (also as an item's only heading)."""
    titles = {index: _normalise_heading(units[index].text) for index in indices}
    section_words = {
        titles[index].lower()
        for index in indices
        if max((i for i in sections if i < index), default=-1)
        > max((i for i in candidates if i < index), default=-1)
    }
    return {
        index: HeadingMatch("other", title, generic=True)
        for index, title in titles.items()
        if title.lower() in section_words
    }


def _fold_title(text: str) -> str:
    return re.sub(r"[^\wæøå]+", " ", _TOC_LEADER.sub("", text).lower()).strip()


def _toc_guided(
    units: list[_Unit], listed: list[_Candidate], section_units: dict[int, HeadingMatch]
) -> list[_Candidate]:
    """Item headings found by the titles of a numbered table of contents, in its order: the
    heading line (a heading, or a line of its own) whose text is the listed title."""
    found: list[_Candidate] = []
    cursor = max(c.unit for c in listed) + 1
    seen: set[str] = set()
    for entry in listed:
        if entry.number in seen or not entry.title:
            continue
        wanted = _fold_title(entry.title)
        if len(wanted) < 4:
            continue
        for index in range(cursor, len(units)):
            unit = units[index]
            if index in section_units or not (unit.strong or unit.block_lines == 1):
                continue
            text = _fold_title(unit.text)
            if (
                text == wanted
                or (len(wanted) >= 25 and text.startswith(wanted[:40]))
                or (len(text) >= 25 and wanted.startswith(text))
            ):
                found.append(
                    _Candidate(
                        unit=index,
                        number=entry.number,
                        title=unit.text,
                        title_offset=0,
                        form="toc",
                    )
                )
                seen.add(entry.number)
                cursor = index + 1
                break
    return found


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _toc_zone(units: list[_Unit]) -> tuple[int, int]:
    """Unit range of a table of contents: its heading and the item lines that follow it, up to
    the first number that repeats (where the items themselves begin)."""
    for index, unit in enumerate(units[: max(300, len(units) // 3)]):
        if not _TOC_HEADING.match(unit.text):
            continue
        seen: set[str] = set()
        end = index + 1
        while end < len(units) and end - index < 600:
            following = units[end]
            candidate = _item_candidate(following)
            if candidate is not None:
                if candidate.number in seen:
                    break
                seen.add(candidate.number)
            elif len(following.text) > 120 or classify_heading(following.text):
                break
            end += 1
        if seen:
            return index, end
    return -1, -1


def _weigh(
    candidate: _Candidate,
    unit: _Unit,
    units: list[_Unit],
    next_unit: int,
    section_units: dict[int, HeadingMatch],
    toc_zone: tuple[int, int],
) -> float:
    """How much a candidate looks like a real item heading (see the module docstring)."""
    weight = 1.0
    if unit.kind == "heading" or unit.level is not None:
        weight += 3.0
    elif unit.strong:
        weight += 2.0
    if candidate.form == "punkt":
        weight += 1.5
    elif candidate.form in ("space", "dash", "paren") and not unit.strong:
        weight -= 1.0
    if unit.first:
        weight += 1.0
    kinds = [
        section_units[i].kind for i in range(candidate.unit + 1, next_unit) if i in section_units
    ]
    if any(kind in ("summary", "case", "proposal") for kind in kinds):
        weight += 3.0
    elif kinds:
        weight += 1.5
    content = sum(len(units[i].text) for i in range(candidate.unit + 1, min(next_unit, len(units))))
    if content >= 150:
        weight += 1.0
    title = candidate.title
    if title and _LIST_ENTRY.search(title):
        weight -= 3.0
    if title and _SENTENCE.search(title) and len(title) > 80:
        weight -= 2.0
    if len(title) > 250:
        weight -= 3.0
    if toc_zone[0] <= candidate.unit < toc_zone[1]:
        weight -= 1.5
    return weight


def _best_sequence(candidates: list[_Candidate]) -> list[_Candidate]:
    """The best-weighed subsequence (in document order) whose numbers strictly increase."""
    if not candidates:
        return []
    if len(candidates) > 3000:
        strongest = sorted(candidates, key=lambda c: -c.weight)[:3000]
        candidates = sorted(strongest, key=lambda c: c.unit)
    count = len(candidates)
    best = [0.0] * count
    previous = [-1] * count
    for i, candidate in enumerate(candidates):
        key = candidate.key
        best[i] = candidate.weight + (0.5 if key[0] == 1 else 0.0)
        for j in range(i):
            other = candidates[j].key
            if other >= key:
                continue
            gap = key[0] - other[0]
            consecutive = gap == 1 or (gap == 0 and key[1] > other[1])
            bonus = 0.5 if consecutive else -min(0.2 * (gap - 1), 1.5)
            score = best[j] + candidate.weight + bonus
            if score >= best[i]:
                best[i] = score
                previous[i] = j
    end = max(range(count), key=lambda i: (best[i], i))
    chain = []
    while end >= 0:
        chain.append(candidates[end])
        end = previous[end]
    return list(reversed(chain))


def _title_continues(head: _Unit, following: _Unit) -> bool:
    if following.block != head.block:
        return False
    if _item_kind(following.text) or _META_LINE.match(following.text):
        return False
    if _CLOSED.search(following.text) and len(following.text) < 40:
        return False
    same_style = head.strong and following.strong and following.bold == head.bold
    return same_style or following.text[0].islower()


def _item_title(
    candidate: _Candidate, units: list[_Unit], section_units: dict[int, HeadingMatch]
) -> tuple[str, int]:
    """The item's title (continued over wrapped lines) and the index of the unit after it."""
    index = candidate.unit
    unit = units[index]
    cursor = index + 1
    if candidate.title:
        head = unit
        pieces = [unit]
    else:
        if cursor >= len(units) or cursor in section_units:
            return "", cursor
        head = units[cursor]
        if _META_LINE.match(head.text) or _item_kind(head.text) or _CLOSED.search(head.text):
            return "", cursor
        if _item_candidate(head) is not None:
            return "", cursor
        pieces = [head]
        cursor += 1
    while (
        cursor < len(units)
        and cursor not in section_units
        and len(pieces) < 5
        and _title_continues(head, units[cursor])
    ):
        pieces.append(units[cursor])
        cursor += 1
    text = _join_units(pieces)
    if candidate.title:
        text = text[candidate.title_offset :]
    text = _TOC_LEADER.sub("", text)
    return " ".join(text.split()).strip(" :-–"), cursor


def _fill_item(
    item: Item, units: list[_Unit], first_body: int, section_units: dict[int, HeadingMatch]
) -> None:
    """Kind, closed flag and sections of one item, from the units after its title."""
    closed = item.closed or bool(_CLOSED.search(item.title))
    kind = _kind_in_title(item.title)
    sections: list[Section] = []
    index = first_body
    while index < len(units) and units[index].start < item.end:
        unit = units[index]
        match = section_units.get(index)
        used = 1
        if match is not None and not match.generic:
            found = _section_at(units, index)
            if found:
                match, used = found
        if match is None and item.number:
            found = _sub_item(units, index, item.number)
            if found:
                match, used = found
        if match is not None and match.body_date and not sections:
            match = None  # "Byrådet, 25. september 2023" above the first section is no heading
        if match is not None and not sections and not unit.strong and _item_kind(unit.text):
            # "Beslutning" as a plain line under the title is the item type when sections follow
            later = [i for i in section_units if index < i and units[i].start < item.end]
            if later:
                match = None
        if match is not None:
            if _CUT_DATE.search(match.title):
                match = _complete_title(match, units, index + used, item.end, unit.page)
            sections.append(
                Section(
                    title=match.title,
                    kind=match.kind,
                    start=unit.start,
                    end=item.end,
                    page_start=unit.page,
                    decision_body=match.decision_body,
                    decision_body_kind=(
                        body_kind(match.decision_body) if match.decision_body else None
                    ),
                    decision_date=match.decision_date,
                )
            )
            index += used
            continue
        if not sections and len(unit.text) <= 120:
            if kind is None:
                kind = _item_kind(unit.text)
            if _CLOSED.search(unit.text):
                closed = True
        index += 1
    starts = _starts(units) if len(sections) > 1 else []
    for current, following in itertools.pairwise(sections):
        current.end = _trim_end_at(units, starts, current.start, following.start)
    if kind is None and re.match(
        r"^(?:meddelelser?|orienteringer|gensidig orientering)\b", item.title, re.IGNORECASE
    ):
        kind = ("orientation", item.title.split()[0])
    item.kind = kind[0] if kind else None
    item.kind_label = kind[1] if kind else None
    item.closed = closed
    item.sections = sections


_SUB_ITEM = re.compile(r"^(?P<item>\d{1,3})\.\d{1,2}\.?\s+[A-ZÆØÅ\"'«(§]")


def _sub_item(units: list[_Unit], index: int, number: str) -> tuple[HeadingMatch, int] | None:
    """A numbered sub-item heading of item `number` ("7.2 Danmarkskortet 2023" in item 7): a
    section of its own, its title continued over the heading's wrapped lines."""
    unit = units[index]
    match = _SUB_ITEM.match(unit.text)
    if not match or match.group("item") != number or not unit.strong or not unit.first:
        return None
    pieces = [unit]
    while (
        len(pieces) < 3
        and index + len(pieces) < len(units)
        and units[index + len(pieces)].block == unit.block
        and units[index + len(pieces)].strong
    ):
        pieces.append(units[index + len(pieces)])
    title = " ".join(_join_units(pieces).split())
    return HeadingMatch("other", _normalise_heading(title)), len(pieces)


def _complete_title(
    match: HeadingMatch, units: list[_Unit], index: int, end: int, page: int
) -> HeadingMatch:
    """A heading whose date a page break cut off ("Beslutning Beskæftigelsesudvalget 20-11-"
    at the foot of a page, a table row's label cell going on with "2023" on the next): completed
    by the first line of the next page when that is a short line in the heading's type."""
    while index < len(units) and units[index].start < end and units[index].page == page:
        index += 1
    if index >= len(units) or units[index].start >= end or units[index].page != page + 1:
        return match
    following = units[index]
    if len(following.text) > 30 or not following.strong:
        return match
    joiner = "" if match.title.endswith(("-", ".", "/")) else " "
    completed = classify_heading(match.title + joiner + following.text)
    if completed is None or completed.kind != match.kind or completed.decision_date is None:
        return match
    return completed


_STARTS_CACHE: dict[int, tuple[list[_Unit], list[int]]] = {}


def _starts(units: list[_Unit]) -> list[int]:
    """The start offsets of `units` (computed once per list of units)."""
    cached = _STARTS_CACHE.get(id(units))
    if cached is None or cached[0] is not units:
        _STARTS_CACHE.clear()
        cached = (units, [unit.start for unit in units])
        _STARTS_CACHE[id(units)] = cached
    return cached[1]


def _trim_end_at(units: list[_Unit], starts: list[int], start: int, end: int) -> int:
    """The end of the last unit that begins before `end` (no trailing blank lines)."""
    index = bisect.bisect_left(starts, end) - 1
    if index >= 0 and units[index].start >= start:
        return max(units[index].end, start)
    return end


def _single_item(
    document: Document, units: list[_Unit], section_units: dict[int, HeadingMatch]
) -> Item | None:
    """A document with no numbered items (a one-item extract): one item named by its heading."""
    if not units:
        return None
    real_sections = sorted(i for i, m in section_units.items() if not m.body_date and not m.generic)
    first_section = real_sections[0] if real_sections else None
    title_unit = None
    limit = first_section if first_section is not None else min(len(units), 60)
    for index in range(limit - 1, -1, -1):
        unit = units[index]
        if not unit.strong or _is_metadata(unit.text):
            continue
        title_unit = index
        break
    if title_unit is not None:
        head = units[title_unit]
        # a wrapped heading: step back to its first line
        while (
            title_unit > 0
            and units[title_unit - 1].block == head.block
            and units[title_unit - 1].strong
        ):
            title_unit -= 1
        unit = units[title_unit]
        pieces = [unit]
        cursor = title_unit + 1
        while (
            cursor < len(units)
            and cursor not in section_units
            and units[cursor].block == unit.block
            and len(pieces) < 5
        ):
            pieces.append(units[cursor])
            cursor += 1
        start, title, first_body = unit.start, " ".join(_join_units(pieces).split()), cursor
    elif first_section is not None:
        start, title, first_body = units[first_section].start, "", first_section
    else:
        return None
    end = _trim_end(document.text, start, len(document.text))
    item = Item(
        number="",
        title=title,
        start=start,
        end=end,
        page_start=document.page_at(start),
        page_end=document.page_at(max(end - 1, start)),
    )
    _fill_item(item, units, first_body, section_units)
    return item


def _is_metadata(text: str) -> bool:
    """A header line that names the meeting, not an agenda item."""
    if _META_LINE.match(text) or _item_kind(text) or _TOC_HEADING.match(text):
        return True
    if _body_in(text) is not None and len(text.split()) <= 8:
        return True
    if find_dates(text) and len(text) < 60:
        return True
    return bool(municipalities.find_in_text(text) and len(text.split()) <= 4)


# --------------------------------------------------------------------------- meeting

_DATE_LABEL = re.compile(
    r"(?:mødedato|møde\s*dato|dato for mødet|dato|mødetidspunkt|tidspunkt|tid|"
    r"mødet\s+(?:den|afholdt)|møde\s+(?:den|afholdt)|afholdt\s+den|mødet|møde)\s*:?\s*"
    r"(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:\s+den)?\s*)?$",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE = re.compile(
    r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:\s+den)?\s*,?\s*$", re.IGNORECASE
)
_NOT_MEETING_DATE = re.compile(
    r"(?:udskrevet|printet|offentliggjort|publiceret|opdateret|senest|godkendt|underskrevet|"
    r"genereret|oprettet|dannet|frist|udsendt|\bpr\.|\bper)\D{0,25}$",
    re.IGNORECASE,
)
_BODY_LABEL = re.compile(
    r"^(?i:udvalg|mødeforum|forum|organ|mødeorgan|politisk udvalg|møde i|udvalgsnavn)\s*:?\s+"
    r"(?P<body>.+?)\s*$"
)
_BODY_GENITIVE = re.compile(
    r"(?i:referat|dagsorden|beslutningsprotokol|protokol|uddrag)\s+(?i:af|fra)\s+"
    rf"(?:(?i:referat)\s+(?i:af|fra)\s+)?(?P<body>{_BODY_NAME})s?\s+(?i:møde)"
)
_BODY_AFTER_DOC = re.compile(
    r"^(?i:referat|dagsorden|beslutningsprotokol|protokol|uddrag af referat)\s*"
    rf"(?:[-–—:|,]|\s+(?i:for|fra|af|i)\s+|\s+)\s*(?P<body>{_BODY_NAME})(?!\w)"
)
_BODY_MEETING = re.compile(rf"^(?P<body>{_BODY_NAME})s?\s+(?i:møde|mødet)\b")
# council gatherings where no decisions are taken ("temamøde", "budgetseminar")
INFORMAL_GATHERING = r"temamøde|\w*seminar|workshop|dialogmøde|temadag|studietur|budgetinternat"
# "Byrådets temamøde", "Kommunalbestyrelsens budgetseminar": the gathering is the body named
_BODY_GATHERING = re.compile(
    rf"^(?:(?i:referat|dagsorden)\s*(?:[-–:]|\s(?i:fra|af))\s*)?(?P<body>{_BODY_NAME}s\s+"
    rf"(?i:{INFORMAL_GATHERING}))\b"
)
_DOC_WORD = re.compile(
    r"^(?i:referat|dagsorden|beslutningsprotokol|protokol|uddrag af referat|mødereferat)\b"
)
# "… medlemmer af Byrådet": a body inside a sentence is not the meeting's body
_LOWER_BEFORE = re.compile(r"\b(?:af|i|for|til|fra|med|om)\s+$")
_SEPARATORS = re.compile(r"\s+[|–—·-]\s+|\s*\|\s*|,\s+(?=(?i:mødet?\b))")


def _header_units(units: list[_Unit], items: list[Item]) -> list[_Unit]:
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


_BODY_ANYWHERE = re.compile(rf"(?<![\wæøåÆØÅ-])(?:{_BODY_NAME})(?![\wæøåÆØÅ])")


def _body_in(text: str, loose: bool = False) -> tuple[str, int, int] | None:
    """A body named in one header line: (name, start, end) relative to the line. A genitive
    ("Referat fra Byrådets møde") gives the plain name ("Byrådet"). With `loose` (running
    headers) the body may stand anywhere in the line ("Hjørring Kommune    Byrådet")."""
    line = text.strip()
    found = municipalities.find_in_text(line)
    if found and found[1][0] == 0 and found[1][1] < len(line):
        # "Aarhus Kommune – Byrådet", "Hjørring Kommune Byrådet": look after the name
        rest = line[found[1][1] :]
        if not re.match(r"^(?:s|ns)?\b", rest) or rest[:1] in " ,–-|:":
            named = _body_in(rest)
            if named:
                offset = found[1][1]
                return named[0], named[1] + offset, named[2] + offset
    match = _BODY_GATHERING.match(line)
    if match:
        return match.group("body"), match.start("body"), match.end("body")
    if loose:
        for match in _BODY_ANYWHERE.finditer(line):
            name = match.group(0).strip()
            if body_kind(name) != "unknown" and not _LOWER_BEFORE.search(line[: match.start()]):
                body = _strip_genitive(name)
                return body, match.start(), match.start() + len(body)
    match = _BODY_LABEL.match(line)
    if match:
        # "Udvalg: Herning Byråd", "Møde i Byrådet 27.09.2023"
        rest_start = match.start("body")
        inner = _BODY_ANYWHERE.search(line, rest_start)
        if inner and body_kind(inner.group(0)) != "unknown":
            body = _strip_genitive(inner.group(0).strip())
            return body, inner.start(), inner.start() + len(body)
        body = _SEPARATORS.split(match.group("body"))[0].strip(" ,.")
        if body and body_kind(body) != "unknown":
            return body, rest_start, rest_start + len(body)
    match = _BODY_MEETING.match(line)
    if match:
        # "Byrådets møde den 27. september 2023", "Borgerrepræsentationens møde torsdag …"
        body = _strip_genitive(match.group("body"))
        return body, 0, len(body)
    match = _BODY_GENITIVE.search(line)
    if match:
        body = _strip_genitive(match.group("body"))
        return body, match.start("body"), match.start("body") + len(body)
    match = _BODY_AFTER_DOC.match(line)
    if match:
        body = _strip_genitive(match.group("body"))
        return body, match.start("body"), match.start("body") + len(body)
    if _DOC_WORD.match(line):
        # "Dagsorden og referat for Byrådet", "Referat af møde i Økonomiudvalget 12.09.2023"
        for inner in _BODY_ANYWHERE.finditer(line):
            if body_kind(inner.group(0)) != "unknown":
                body = _strip_genitive(inner.group(0).strip())
                return body, inner.start(), inner.start() + len(body)
    position = 0
    for piece in _SEPARATORS.split(line):
        found = line.find(piece, position)
        position = max(found, 0) + len(piece)
        candidate = piece.strip(" ,.:")
        candidate = re.sub(r"\s*[-–]\s*(?:referat|dagsorden)$", "", candidate, flags=re.I)
        if _BODY_ONLY.match(candidate) and body_kind(candidate) != "unknown":
            offset = line.find(candidate, max(found, 0))
            body = _strip_genitive(candidate)
            return body, offset, offset + len(body)
    return None


def _meeting_date(text: str) -> tuple[date, tuple[int, int], float] | None:
    """The most likely meeting date in `text`: (date, span, score); labelled dates score 3,
    dates after a weekday 2, others 1. Print and publication dates, and dates inside agenda
    item titles (a table of contents: "3. Budgetopfølgning pr. 31. august 2024") are skipped."""
    best: tuple[date, tuple[int, int], float] | None = None
    for value, span in find_dates(text):
        before = text[max(0, span[0] - 80) : span[0]]
        lines = before.split("\n")
        line_before = lines[-1]
        if _PUNKT.match(line_before) or _NUMBERED.match(line_before):
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


def _find_meeting(document: Document, units: list[_Unit], items: list[Item]) -> Meeting:
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
        named = _body_in(unit.text)
        if named:
            meeting.body = _tidy_body(named[0])
            meeting.body_span = (unit.start + named[1], unit.start + named[2])
            break
    if meeting.body is None:
        for furniture in document.furniture:
            named = _body_in(furniture.text, loose=True)
            if named:
                meeting.body = _tidy_body(named[0])
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


# --------------------------------------------------------------------------- output


def structure_dict(document: Document) -> dict[str, Any]:
    """The `inspect --format json` view of a document."""
    meeting = document.meeting
    return {
        "meeting": {
            "municipality": meeting.municipality,
            "municipality_code": meeting.municipality_code,
            "body": meeting.body,
            "body_kind": meeting.body_kind,
            "date": meeting.date.isoformat() if meeting.date else None,
        },
        "pages": len(document.pages),
        "items": [
            {
                "number": item.number,
                "title": item.title,
                "page_start": item.page_start,
                "page_end": item.page_end,
                "kind": item.kind,
                "closed": item.closed,
                "sections": [
                    {
                        "title": section.title,
                        "kind": section.kind,
                        "page_start": section.page_start,
                        "decision_body": section.decision_body,
                        "decision_date": section.decision_date.isoformat()
                        if section.decision_date
                        else None,
                    }
                    for section in item.sections
                ],
            }
            for item in document.items
        ],
        "warnings": list(document.warnings),
    }


_BODY_KIND_DA = {
    "full_council": "kommunalbestyrelsen",
    "committee": "udvalg",
    "unknown": "ukendt organ",
}
_ITEM_KIND_DA = {"decision": "beslutning", "orientation": "orientering", "discussion": "drøftelse"}
_SECTION_KIND_DA = {
    "summary": "resumé",
    "case": "sagsfremstilling",
    "proposal": "indstilling",
    "decision": "beslutning",
    "attachments": "bilag",
    "economy": "økonomi",
    "hearing": "høring",
    "other": "andet",
}
_MONTH_NAMES_DA = (
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
    "oktober", "november", "december",
)  # fmt: skip


def _date_da(value: date | None) -> str:
    if value is None:
        return "ukendt"
    return f"{value.day}. {_MONTH_NAMES_DA[value.month - 1]} {value.year}"


def _pages_da(start: int, end: int) -> str:
    return f"s. {start}" if start == end else f"s. {start}–{end}"


def render_structure_text(document: Document) -> str:
    """A readable Danish overview of how the document was read."""
    meeting = document.meeting
    pages = len(document.pages)
    lines = [
        f"Fil: {document.source} ({document.format.upper()}, {pages} "
        f"{'side' if pages == 1 else 'sider'})",
    ]
    if meeting.municipality:
        lines.append(f"Kommune: {meeting.municipality} ({meeting.municipality_code})")
    else:
        lines.append("Kommune: ikke fundet")
    if meeting.body:
        lines.append(f"Organ: {meeting.body} ({_BODY_KIND_DA[meeting.body_kind]})")
    else:
        lines.append("Organ: ikke fundet")
    lines.append(f"Mødedato: {_date_da(meeting.date)}")
    lines.append("")
    count = len(document.items)
    lines.append(f"Dagsordenspunkter: {count}")
    for item in document.items:
        number = f"{item.number}. " if item.number else ""
        details = [_pages_da(item.page_start, item.page_end)]
        if item.kind_label:
            details.append(item.kind_label.lower())
        elif item.kind:
            details.append(_ITEM_KIND_DA[item.kind])
        if item.closed:
            details.append("lukket punkt")
        lines.append(f"  {number}{item.title or '(uden titel)'}  ({', '.join(details)})")
        for section in item.sections:
            extra = [_SECTION_KIND_DA[section.kind], f"s. {section.page_start}"]
            if section.decision_body:
                extra.append(f"truffet af {section.decision_body}")
            if section.decision_date:
                extra.append(_date_da(section.decision_date))
            lines.append(f"      - {section.title}  ({', '.join(extra)})")
    if document.warnings:
        lines.append("")
        lines.append("Advarsler:")
        lines.extend(f"  - {warning}" for warning in document.warnings)
    return "\n".join(lines)
