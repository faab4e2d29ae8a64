"""Agenda items: numbered headings ("14.", "14 Titel", "Punkt 14:", "Pkt. 3").

Every line that could be an item heading is a candidate, weighed by its heading evidence (style,
bold, size, own line, what follows it); the chosen items are the best-weighed sequence of
increasing numbers. That keeps a table of contents (titles repeated, no sections after them) and
numbered entries inside an Indstilling ("1. at Byrådet godkender …") out of the item list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import municipalities
from ..dates import MONTHS, NOT_A_MONTH, find_dates
from ..models import Document, Item, ItemKind
from .bodies import body_in
from .headings import HeadingMatch, classify_heading
from .labels import (
    CLOSED,
    CLOSED_DIVIDER,
    END_MARK,
    META_LINE,
    OPEN_DIVIDER,
    TOC_HEADING,
    agenda_group,
    is_page_control,
    item_kind,
)
from .sections import fill_item, section_at, styled_sections
from .units import Unit, join_units
from .vocabulary import probe, vocabulary

# --------------------------------------------------------------------------- item headings

_WORDS = vocabulary()
PUNKT = re.compile(
    rf"^{_WORDS.alternatives('items.number_words')}\s*(?:nr\.?\s*)?(?P<num>\d{{1,4}}[a-zæøå]?)\b"
    r"(?P<sep>\s*[:.)\-–—]\s*|\s+|$)(?P<title>.*)$",
    re.IGNORECASE,
)
# what PUNKT can match first (a cheap test before the regex; a regular expression among the
# words must begin with a letter)
_PUNKT_INITIALS = "".join(
    sorted(
        {
            case(word.removeprefix("re:")[0])
            for word in _WORDS.entries("items.number_words")
            for case in (str.lower, str.upper)
        }
    )
)
# "14. Titel", "14 Titel", "14) Titel", "14 - Titel", and a sub-item "11.2 Titel" (an item of its
# own only where no item 11 stands: see `find_items`)
NUMBERED = re.compile(
    r"^(?P<num>\d{1,3}(?:\.\d{1,2}(?=\s))?[a-zæøå]?)"
    r"(?P<sep>\.\s*|\s*[):]\s*|\s+[-–—]\s+|\s+)(?P<title>.*)$"
)
_NUMBER_ONLY = re.compile(r"^(?P<num>\d{1,3})\.?$")
_MONTH_START = re.compile(
    rf"^(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?", re.IGNORECASE
)
_UNIT_WORD = re.compile(rf"^{_WORDS.alternatives('items.unit_words')}\b", re.IGNORECASE)
_TOC_LEADER = re.compile(r"\s*(?:\.{4,}|…{2,}|(?:\s?\.){4,}|_{4,}|·{3,})\s*\d{0,4}\s*$")


# an entry of a numbered list in an Indstilling ("1. at Byrådet godkender …", "2. Byrådet
# tager …"), or a line that goes on in the next one (ends with "," or "og")
_LIST_ENTRY = re.compile(
    rf"^{_WORDS.alternatives('items.list_entry_starts')}\b|"
    rf"^{_WORDS.alternatives('items.list_entry_actors')}\b.*"
    rf"\b{_WORDS.alternatives('items.list_entry_verbs')}\b|"
    r"[,;]$|\bog$",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[.!?]$")
# a title that begins with an ordinal: "2. behandling af budget 2025-2028", "3. kvartal"
_ORDINAL_TITLE = re.compile(rf"^(\d{{1,2}}\.)\s+{NOT_A_MONTH}[a-zæøå]{{3,}}")  # not "14. september"


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


def _item_candidate(unit: Unit) -> _Candidate | None:
    """A line that could be an agenda item's heading: number, title and form."""
    text = unit.text
    if not (text[:1].isdigit() or text[:1] in _PUNKT_INITIALS):
        return None  # every form begins with a digit or "punkt", "pkt", "dagsordenspunkt"
    match = PUNKT.match(text)
    if match and text[:1] in "nN" and not match.group("title")[:1].isupper():
        match = None  # "Nr. 23 blandt landets kommuner" is a rank, not an item
    if (
        match
        and not match.group("sep").strip()
        and match.group("title")[:1].islower()
        and not unit.strong
    ):
        match = None  # "Punkt 11 samler de årlige beretninger …": running text, not a heading
    if match:
        number, form = match.group("num"), "punkt"
    else:
        match = NUMBERED.match(text)
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
        ordinal = _ORDINAL_TITLE.match(title)
        if (first.isdigit() and not ordinal) or first in "%,.;:-–)/+*=":
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


def find_items(document: Document, units: list[Unit]) -> list[Item]:
    text = document.text
    candidates: list[_Candidate] = []
    for index, unit in enumerate(units):
        candidate = _item_candidate(unit)
        if candidate is not None and (
            is_page_control(candidate.title)
            or (
                candidate.form == "alone"
                and index + 1 < len(units)
                and is_page_control(units[index + 1].text)
            )
        ):
            continue  # a count beside a portal's buttons ("2" / "Hent som" / "PDF")
        if candidate is not None and candidate.form != "alone" and _runs_on(units, index):
            continue  # "… mens landsgennemsnittet er" / "28. For børn …": a wrapped number
        if candidate is not None:
            candidate.unit = index
            candidates.append(candidate)

    # where sections begin (evidence that an item heading precedes them)
    section_units: dict[int, HeadingMatch] = {}
    for index in range(len(units)):
        found = section_at(units, index)
        if found:
            section_units[index] = found[0]

    candidate_units = {c.unit for c in candidates}
    section_units.update(styled_sections(units, section_units, candidate_units))

    toc_zone = _toc_zone(units)
    # "7.2" is a section of item 7 where item 7 stands, an item of its own where it does not
    # (an orientation group numbered 11.1, 11.2, … under no item 11)
    whole = {c.number for c in candidates if "." not in c.number}
    usable = [
        c for c in candidates if not c.toc and c.number.split(".", 1)[0] not in whole - {c.number}
    ]
    strong = [c for c in usable if units[c.unit].strong]
    distinct = {c.number for c in usable}
    only_strong = len(strong) >= 2 and len(strong) >= STRONG_SHARE * len(distinct)
    for position, candidate in enumerate(usable):
        unit = units[candidate.unit]
        next_unit = usable[position + 1].unit if position + 1 < len(usable) else len(units)
        candidate.weight = _weigh(candidate, unit, units, next_unit, section_units, toc_zone)
        if only_strong and not unit.strong:
            candidate.weight = -99.0
    chosen = _best_sequence([c for c in usable if c.weight >= CHOSEN_WEIGHT])

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
    # (offset, heading, kind, closed) of SBSYS groups
    groups: list[tuple[int, str, ItemKind | None, bool]] = []
    for unit in units:
        group = agenda_group(unit.text)
        if group is not None:
            groups.append((unit.start, unit.text.strip(), *group))
            ends.append(unit.start)
        elif CLOSED_DIVIDER.match(unit.text):
            switches.append((unit.start, True))
            ends.append(unit.start)
        elif OPEN_DIVIDER.match(unit.text):
            switches.append((unit.start, False))
            ends.append(unit.start)
        elif END_MARK.match(unit.text) and (unit.strong or unit.block_lines == 1):
            ends.append(unit.start)
    items: list[Item] = []
    for position, candidate in enumerate(chosen):
        unit = units[candidate.unit]
        next_start = (
            units[chosen[position + 1].unit].start if position + 1 < len(chosen) else len(text)
        )
        end = min([e for e in ends if unit.start < e < next_start] or [next_start])
        end = _trim_end(text, unit.start, end)
        title, first_body, marked_closed = _item_title(candidate, units, section_units)
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
            closed=closed or marked_closed,
        )
        fill_item(item, units, first_body, section_units)
        in_group = [g for g in groups if g[0] < unit.start]
        if in_group:  # an SBSYS group says what its items are set up as
            _, heading, group_kind, group_closed = in_group[-1]
            if item.kind is None and group_kind is not None:
                item.kind, item.kind_label = group_kind, heading
            item.closed = item.closed or group_closed
        items.append(item)
    return items


RUNNING_LINE_CHARS = 40  # a line of running text that wrapped is at least this long


def _runs_on(units: list[Unit], index: int) -> bool:
    """Does the line at `index` continue a sentence of the line above it in the same block (not
    a heading: the line above is running text that stops in the middle of a clause)?"""
    unit = units[index]
    if unit.first or unit.strong or index == 0:
        return False
    above = units[index - 1]
    return (
        above.block == unit.block
        and len(above.text) >= RUNNING_LINE_CHARS
        and above.text[-1].islower()
    )


def fold_title(text: str) -> str:
    """A title folded for comparing: lower case, no punctuation, no table-of-contents leader."""
    return re.sub(r"[^\wæøå]+", " ", _TOC_LEADER.sub("", text).lower()).strip()


def _toc_guided(
    units: list[Unit], listed: list[_Candidate], section_units: dict[int, HeadingMatch]
) -> list[_Candidate]:
    """Item headings found by the titles of a numbered table of contents, in its order: the
    heading line (a heading, or a line of its own) whose text is the listed title."""
    found: list[_Candidate] = []
    cursor = max(c.unit for c in listed) + 1
    seen: set[str] = set()
    for entry in listed:
        if entry.number in seen or not entry.title:
            continue
        wanted = fold_title(entry.title)
        if len(wanted) < 4:
            continue
        for index in range(cursor, len(units)):
            unit = units[index]
            if index in section_units or not (unit.strong or unit.block_lines == 1):
                continue
            text = fold_title(unit.text)
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


def _toc_zone(units: list[Unit]) -> tuple[int, int]:
    """Unit range of a table of contents: its heading and the item lines that follow it, up to
    the first number that repeats (where the items themselves begin)."""
    for index, unit in enumerate(units[: max(300, len(units) // 3)]):
        if not TOC_HEADING.match(unit.text):
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


# How much each piece of evidence says that a numbered line is an item heading (a weight of at
# least CHOSEN_WEIGHT makes it a candidate for the item sequence). Found by hand on the corpus's
# layouts; the sizes matter relative to each other.
BASE_WEIGHT = 1.0
STYLED_HEADING = 3.0  # the source marks it as a heading (outline level, heading style, h2)
STRONG_LINE = 2.0  # bold or larger type than the body
PUNKT_FORM = 1.5  # "Punkt 14", "Pkt. 3": a form only item headings take
WEAK_FORM = -1.0  # "14 Titel", "14 - Titel", "14) Titel" in body type: often a list entry
OWN_LINE = 1.0  # the first line of its block
ITEM_SECTIONS = 3.0  # followed by a summary, case or proposal section before the next candidate
OTHER_SECTIONS = 1.5  # followed by some other section heading
CONTENT = 1.0  # followed by at least CONTENT_CHARS of text before the next candidate
CONTENT_CHARS = 150
LIST_ENTRY = -3.0  # the title reads as an entry of an Indstilling ("at Byrådet godkender …")
SENTENCE_TITLE = -2.0  # a title over SENTENCE_CHARS that ends like a sentence
SENTENCE_CHARS = 80
LONG_TITLE = -3.0  # no item title is over LONG_TITLE_CHARS
LONG_TITLE_CHARS = 250
IN_CONTENTS = -1.5  # stands in the table of contents
IN_ATTACHMENTS = -2.0  # a plain entry under a "Bilag" heading with no section of its own after it
CHOSEN_WEIGHT = 1.5
# the sequence: consecutive numbers and an agenda that starts at 1 are likely; gaps are not
FIRST_ITEM_BONUS = 0.5
CONSECUTIVE_BONUS = 0.5
GAP_PENALTY = 0.2  # per missing number, at most MAX_GAP_PENALTY
MAX_GAP_PENALTY = 1.5
MAX_CANDIDATES = 3000  # the strongest candidates only (the sequence search is quadratic)
# where at least this share of the distinct numbers has a strong heading, only strong ones count
STRONG_SHARE = 0.3


def _weigh(
    candidate: _Candidate,
    unit: Unit,
    units: list[Unit],
    next_unit: int,
    section_units: dict[int, HeadingMatch],
    toc_zone: tuple[int, int],
) -> float:
    """How much a candidate looks like a real item heading (see the module docstring)."""
    weight = BASE_WEIGHT
    if unit.kind == "heading" or unit.level is not None:
        weight += STYLED_HEADING
    elif unit.strong:
        weight += STRONG_LINE
    if candidate.form == "punkt":
        weight += PUNKT_FORM
    elif candidate.form in ("space", "dash", "paren") and not unit.strong:
        weight += WEAK_FORM
    if unit.first:
        weight += OWN_LINE
    kinds = [
        section_units[i].kind for i in range(candidate.unit + 1, next_unit) if i in section_units
    ]
    if any(kind in ("summary", "case", "proposal") for kind in kinds):
        weight += ITEM_SECTIONS
    elif kinds:
        weight += OTHER_SECTIONS
    content = sum(len(units[i].text) for i in range(candidate.unit + 1, min(next_unit, len(units))))
    if content >= CONTENT_CHARS:
        weight += CONTENT
    title = candidate.title
    if title and _LIST_ENTRY.search(title):
        weight += LIST_ENTRY
    if title and _SENTENCE.search(title) and len(title) > SENTENCE_CHARS:
        weight += SENTENCE_TITLE
    if len(title) > LONG_TITLE_CHARS:
        weight += LONG_TITLE
    if toc_zone[0] <= candidate.unit < toc_zone[1]:
        weight += IN_CONTENTS
    if not kinds and not unit.strong:
        before = [i for i in section_units if i < candidate.unit]
        if before and section_units[max(before)].kind == "attachments":
            weight += IN_ATTACHMENTS  # "Bilag" / "1. Danmarkskort 2022 – …": a listed attachment
    return weight


def _best_sequence(candidates: list[_Candidate]) -> list[_Candidate]:
    """The best-weighed subsequence (in document order) whose numbers strictly increase."""
    if not candidates:
        return []
    if len(candidates) > MAX_CANDIDATES:
        strongest = sorted(candidates, key=lambda c: -c.weight)[:MAX_CANDIDATES]
        candidates = sorted(strongest, key=lambda c: c.unit)
    count = len(candidates)
    best = [0.0] * count
    previous = [-1] * count
    keys = [candidate.key for candidate in candidates]
    for i, candidate in enumerate(candidates):
        key = keys[i]
        best[i] = candidate.weight + (FIRST_ITEM_BONUS if key[0] == 1 else 0.0)
        for j in range(i):
            other = keys[j]
            if other >= key:
                continue
            gap = key[0] - other[0]
            consecutive = gap == 1 or (gap == 0 and key[1] > other[1])
            bonus = (
                CONSECUTIVE_BONUS if consecutive else -min(GAP_PENALTY * (gap - 1), MAX_GAP_PENALTY)
            )
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


def _title_continues(head: Unit, following: Unit) -> bool:
    if following.block != head.block:
        return False
    if item_kind(following.text):
        return False
    # a metadata label starts its line ("Udvalg: …"); a title wrapped before "udvalg" does not
    if META_LINE.match(following.text) and not following.text[0].islower():
        return False
    if CLOSED.search(following.text) and len(following.text) < 40:
        return False
    same_style = head.strong and following.strong and following.bold == head.bold
    return same_style or following.text[0].islower()


# a case number a portal prints beside the title, when a print puts both on one line:
# a KLE journal number ("00.30.10-S00-7-22"), a case system's ("BA-2022-033074", "25-014477")
_CASE_NUMBER = (
    r"\s+(?:\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}(?:-\d{1,4}-\d{2,4})?"
    r"|[A-ZÆØÅ]{2,5}-\d{4}-\d{3,}|\d{2}[-/]\d{5,}(?:-\d{1,3})?)"
)
_CASE_NUMBER_TAIL = re.compile(rf"{_CASE_NUMBER}$")
# a portal's badge "Lukket" after the case number at the end of a title line
_CLOSED_BADGE = re.compile(rf"{_CASE_NUMBER}\s+(?P<mark>Lukket)$")


def _item_title(
    candidate: _Candidate, units: list[Unit], section_units: dict[int, HeadingMatch]
) -> tuple[str, int, bool]:
    """The item's title (continued over wrapped lines), the index of the unit after it, and
    whether a closed item's mark stood after the title on its line."""
    index = candidate.unit
    unit = units[index]
    cursor = index + 1
    if candidate.title:
        head = unit
        pieces = [unit]
    else:
        if cursor >= len(units) or cursor in section_units:
            return "", cursor, False
        head = units[cursor]
        closed = CLOSED.search(head.text)
        if _labels_a_value(head.text) or (closed and not head.text[: closed.start()].strip()):
            return "", cursor, False
        if item_kind(head.text) and cursor + 1 not in section_units:
            return "", cursor, False  # an item type under the number, the title after it
        # (a type word followed by the item's sections is its title: "2" / "Meddelelser")
        if _item_candidate(head) is not None:
            return "", cursor, False
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
    text = join_units(pieces)
    if candidate.title:
        text = text[candidate.title_offset :]
    text = _TOC_LEADER.sub("", text)
    if cursor < len(units) and cursor not in section_units:
        # a case number broken over two lines ("… danmarkskortet 2022 SOC-" / "2022-019354")
        following = units[cursor].text
        glue = "" if text.endswith("-") or following.startswith("-") else " "
        joined = _CASE_NUMBER_TAIL.search(text + glue + following)
        if joined and joined.start() < len(text):
            text, cursor = text + glue + following, cursor + 1
    closed = False
    if not candidate.title:
        # a print's title line with the portal's badge after it ("Salg af … Lukket punkt"):
        # the item is closed, the title is what comes before
        badge = _CLOSED_BADGE.search(text)
        mark = CLOSED.search(text)
        if badge:
            text, closed = text[: badge.start("mark")].rstrip(), True
        elif mark and not text[mark.end() :].strip() and text[: mark.start()].strip():
            text, closed = text[: mark.start()].rstrip(), True
    text = _CASE_NUMBER_TAIL.sub("", text)
    return " ".join(text.split()).strip(" :-–"), cursor, closed


def _single_item(
    document: Document, units: list[Unit], section_units: dict[int, HeadingMatch]
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
        start, title, first_body = unit.start, " ".join(join_units(pieces).split()), cursor
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
    fill_item(item, units, first_body, section_units)
    return item


def _labels_a_value(text: str) -> bool:
    """Whether a line under an item number is a metadata line ("Sagsnr.: 27.69", "Status:
    Åben", "Udskrevet 14-01-2025"), not a title that starts with such a word ("Status på
    minimumsnormeringer i daginstitutionerne")."""
    match = META_LINE.match(text)
    if match is None:
        return False
    rest = text[match.end() :]
    return not rest.strip() or rest[:1] in ":.\t" or rest.lstrip()[:1].isdigit()


def _is_metadata(text: str) -> bool:
    """A header line that names the meeting, not an agenda item."""
    if META_LINE.match(text) or item_kind(text) or TOC_HEADING.match(text):
        return True
    if body_in(text) is not None and len(text.split()) <= 8:
        return True
    if find_dates(text) and len(text) < 60:
        return True
    return bool(municipalities.find_in_text(text) and len(text.split()) <= 4)


def _probe_unit(text: str) -> Unit:
    """A line standing alone as a heading (how the examples of the item lists are tried)."""
    return Unit(text, 0, len(text), 1, 0, True, 1, "heading", None, True, None, True)


def listed_title(text: str) -> str | None:
    """The folded title of a line that lists an agenda item (a numbered line, or a table of
    contents entry with its leader: "Dialogmøde med borgerne ........ 3"); None for other lines."""
    candidate = _item_candidate(_probe_unit(text))
    if candidate is not None and candidate.title:
        return fold_title(candidate.title)
    return fold_title(text) if _TOC_LEADER.search(text) else None


@probe("item_number")
def item_number(text: str) -> str | None:
    """The agenda item number a heading line gives, if it is one."""
    candidate = _item_candidate(_probe_unit(text))
    return candidate.number if candidate else None


@probe("list_entry")
def is_list_entry(text: str) -> bool:
    """Whether a numbered line's title reads as an entry of a list in an Indstilling."""
    return _LIST_ENTRY.search(text) is not None
