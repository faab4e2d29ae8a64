"""The sections of an agenda item: where each heading starts a section, and of what kind."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter

from ..dates import find_dates
from ..models import Item, Section, SectionKind
from .bodies import named_body_kind, tidy_body
from .headings import (
    ALONE_ONLY,
    CUT_DATE,
    HeadingMatch,
    classified,
    classify_heading,
    names_the_proposer,
    normalise_heading,
    prefix_heading,
)
from .labels import (
    CLOSED,
    CLOSED_DIVIDER,
    END_MARK,
    META_LINE,
    OPEN_DIVIDER,
    TOC_HEADING,
    is_page_control,
    item_kind,
    kind_in_title,
    orientation_title,
)
from .units import Unit, join_units
from .vocabulary import probe, vocabulary

_WRAPS = re.compile(r"(?:-|,|\s(?:og|i|den|d\.|for|fra|af))$", re.IGNORECASE)
_WRAPS_LONGEST = 4  # characters of its longest match (" den"): it is searched for in the tail
# the bodies a case goes through, in their short forms: "SSU/ØK/BY", "ØU - KB"
_ROUTE = re.compile(r"^[A-ZÆØÅ]{1,6}(?:\s*[/–-]\s*[A-ZÆØÅ]{1,6})+\.?$")
_STARTS_BODY_HEADING = re.compile(r"^(?:beslutning|indstilling)\s+(?:i|fra)\b", re.IGNORECASE)


def _continues_sentence(units: list[Unit], index: int) -> bool:
    """Whether a plain line goes on with the sentence of the line before it in the same block,
    which breaks off after a lower-case word ("… Sagen behandles på" / "Byrådets møde den 29.
    oktober 2025."): a wrapped line of running text, not a heading."""
    unit = units[index]
    if unit.first or unit.strong or index == 0:
        return False
    previous = units[index - 1]
    return previous.block == unit.block and not previous.strong and previous.text[-1].islower()


def section_at(units: list[Unit], index: int) -> tuple[HeadingMatch, int] | None:
    """A section heading starting at unit `index`: (match, number of units it spans)."""
    unit = units[index]
    text = unit.text
    if not (text[0].isupper() or text[0].isdigit()):
        return None
    if _continues_sentence(units, index):
        return None
    if unit.first and unit.kind == "heading" and 2 <= unit.block_lines <= 4:
        # a heading block of a few lines (a table's label cell: "Beslutning" /
        # "Beskæftigelsesudvalget 19-10-2022"): a decision or proposal heading as a whole
        group = units[index : index + unit.block_lines]
        if all(u.block == unit.block for u in group):
            match = classified(join_units(group))
            if match and match.kind in ("decision", "proposal"):
                return match, len(group)
    # a heading that wraps onto the next line(s) of the same block
    wraps = _WRAPS.search(text, max(len(text) - _WRAPS_LONGEST, 0))
    # in a document with bold headings, plain lines that wrap are running text or a table's
    # cell ("Indstilling til Økonomiudvalget og" / "Byrådet" in a list of coming cases)
    plain = not unit.strong and _bold_headings(units)
    if not plain and (wraps or (_STARTS_BODY_HEADING.match(text) and not _dated(text))):
        for extra in (1, 2):
            group = units[index : index + extra + 1]
            if len(group) < extra + 1:
                break
            if any(u.block != unit.block for u in group) or len(group[-1].text) > 80:
                break
            match = classified(join_units(group))
            if match and match.kind in ("decision", "proposal"):
                return match, extra + 1
    match = classified(text)
    if match and plain and match.kind in ("case", "other") and not match.body_date and (
        not text.isupper()
    ):
        # a sub-heading in plain type inside the case text of a document whose section headings
        # are bold ("Sagsfremstilling" / "Historik" / "Beskrivelse"): part of the case
        return None
    if match and not (plain and wraps):  # a plain line cut off after "og" is no heading
        return match, 1
    if unit.strong:
        match = prefix_heading(text)
        if match:
            return match, 1
    starts_sentence = unit.first or (
        index > 0 and units[index - 1].block == unit.block and units[index - 1].text[-1] in ".:!?"
    )
    if starts_sentence and ":" in text and not META_LINE.match(text):
        # a run-in heading: "Indstilling: Direktionen indstiller, at …"
        head, _, rest = text.partition(":")
        if rest.strip() and len(head) <= 100:
            match = classified(head)
            # "Teknik- og Miljøudvalget, 24. oktober 2023: godkendt trafikplan …" is an entry
            # of a list of decisions, not an earlier body's decision heading; "Sagsforløb:
            # SSU/ØK/BY" is the route of the case, a metadata line
            if (
                match
                and match.title.lower() not in ALONE_ONLY
                and not (match.body_date and rest.strip()[:1].islower())
                and not _ROUTE.match(rest.strip())
            ):
                return match, 1
    return None


def _signature(unit: Unit) -> tuple[object, ...]:
    """How a heading looks: block kind, outline level, bold and font size."""
    size = round(unit.size * 2) / 2 if unit.size else None
    return (unit.kind == "heading", unit.level, unit.bold, size)


_GENERIC_HEADING = re.compile(r"^[A-ZÆØÅ0-9][^.!?;]{1,68}:?$")


def _heads_labelled_rows(units: list[Unit], index: int) -> bool:
    """Whether the row a bold first cell begins is all bold and the next row begins with a plain
    row label: a table's header row ("Sag" | "Forelægges Byrådet" over "Danmarkskortet 2024" |
    "27. november 2024"), not a section's label cell."""
    end = index + 1
    while end < len(units) and units[end].strong and not units[end].row_label:
        end += 1
    return (
        end > index + 1
        and end < len(units)
        and units[end].row_label
        and not units[end].strong
    )


def styled_sections(
    units: list[Unit], known: dict[int, HeadingMatch], candidates: set[int]
) -> dict[int, HeadingMatch]:
    """Headings that look exactly like at least two of the document's known section headings
    (same style, level, weight and size) are sections too, of kind "other" unless their words
    say more: "Handlingsplanens indhold", "Vurdering af kortet"."""
    votes: Counter[tuple[object, ...]] = Counter()
    capitals = 0  # known headings written in capitals on a line of their own ("INDSTILLING")
    for index, match in known.items():
        unit = units[index]
        if unit.strong and normalise_heading(unit.text) == match.title:
            votes[_signature(unit)] += 1
        if _in_capitals(unit):
            capitals += 1
    signatures = {signature for signature, count in votes.items() if count >= 2}
    if not signatures and capitals < 2:
        return {}
    found: dict[int, HeadingMatch] = {}
    kind_words: list[int] = []
    for index, unit in enumerate(units):
        if index in known or index in candidates:
            continue
        styled = unit.strong and unit.first and _signature(unit) in signatures
        # in a document whose headings are set in capitals (small caps), so are the others
        if not styled and not (capitals >= 2 and _in_capitals(unit)):
            continue
        # a run of bold cells is a table's header row, not a section heading (but the label
        # cell of a two-column row is one, also before a nested table's header row; and so is a
        # heading with an outline level right above or below a table's bold cells, which have
        # none: "Tallene for Gribskov" over "Område | Gribskov | Landstallet")
        def bold_neighbour(other: int, level: int | None = unit.level) -> bool:
            neighbour = units[other]
            return (
                neighbour.strong
                and other not in known
                and not (level is not None and neighbour.level is None)
            )

        if not unit.row_label and (
            (index > 0 and bold_neighbour(index - 1) and index - 1 not in candidates)
            or (index + 1 < len(units) and bold_neighbour(index + 1))
        ):
            continue
        if unit.row_label and _heads_labelled_rows(units, index):
            continue  # the first cell of a table's bold header row ("Sag" | "Forelægges Byrådet")
        text = unit.text
        if not _GENERIC_HEADING.match(text) or len(text.split()) > 8:
            continue
        if _heads_figure_rows(units, index):
            continue  # "Område  Ærø  Landsgennemsnit" over rows of figures: a table's header
        if sum(char.isalpha() for char in text) < 3:
            continue  # "2023", "1.2": no heading words
        if item_kind(text) and not META_LINE.match(text):
            kind_words.append(index)
            continue
        if (
            META_LINE.match(text)
            or CLOSED.search(text)
            or TOC_HEADING.match(text)
            or CLOSED_DIVIDER.match(text)
            or OPEN_DIVIDER.match(text)
            or END_MARK.match(text)
        ):
            continue
        prefixed = prefix_heading(text)
        kind: SectionKind = prefixed.kind if prefixed else "other"
        found[index] = HeadingMatch(kind, normalise_heading(text), generic=True)
    found.update(_kind_word_sections(units, kind_words, {**known, **found}, candidates))
    return found


# a table row of figures: it ends in a number or a percentage ("Voksne med handicap 32 % 35 %")
_FIGURE_ROW = re.compile(r"\d(?:[\d.,]*\d)?\s*%?$")
FIGURE_ROWS = 2  # this many plain rows of figures right under a bold line make it their header


def _heads_figure_rows(units: list[Unit], index: int) -> bool:
    """Whether the lines right under `index` are rows of figures that it heads."""
    rows = units[index + 1 : index + 1 + FIGURE_ROWS]
    return len(rows) == FIGURE_ROWS and all(
        not row.strong and _FIGURE_ROW.search(row.text) for row in rows
    )


def _in_capitals(unit: Unit) -> bool:
    """A line of its own in capitals, with a real word in it ("FOLKESKOLEN", not the routing
    codes "DIR FOU BFU")."""
    text = unit.text
    return (
        unit.first
        and unit.block_lines == 1
        and text.isupper()
        and len(text) <= 60
        and any(len(word) >= 4 and word.isalpha() for word in text.split())
    )


def _kind_word_sections(
    units: list[Unit], indices: list[int], sections: dict[int, HeadingMatch], candidates: set[int]
) -> dict[int, HeadingMatch]:
    """An item-type word styled as a section heading ("Drøftelse") is a type label under an
    item's title, but a section where it follows another section of the same item; a document
    that uses it as a section once uses it so throughout (also as an item's only heading)."""
    titles = {index: normalise_heading(units[index].text) for index in indices}
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


def _inner_heading(match: HeadingMatch, current: Section) -> bool:
    """Whether a heading only repeats a part of the current section's title ("Økonomi" under
    Fredensborg's "Sagsfremstilling og økonomi"): a sub-heading inside that section. A decision
    heading always starts its own section (Copenhagen's "Indstilling og beslutning" is followed
    by the "Beslutning")."""
    if match.kind == "decision" or match.body_date:
        return False
    title, within = match.title.strip(" :").lower(), current.title.strip(" :").lower()
    return title != within and re.search(rf"\b{re.escape(title)}\b", within) is not None


def _nothing_under(
    units: list[Unit], following: int, end: int, section_units: dict[int, HeadingMatch]
) -> bool:
    """Whether the unit at `following` is another heading or lies past the item's `end`."""
    return following >= len(units) or units[following].start >= end or following in section_units


def fill_item(
    item: Item, units: list[Unit], first_body: int, section_units: dict[int, HeadingMatch]
) -> None:
    """Kind, closed flag and sections of one item, from the units after its title."""
    closed = item.closed or bool(CLOSED.search(item.title))
    title_kind = kind_in_title(item.title)
    kind = None  # a type printed under the title ("Sagstype: Beslutningssag") wins over the title's
    sections: list[Section] = []
    index = first_body
    while index < len(units) and units[index].start < item.end:
        unit = units[index]
        match = section_units.get(index)
        used = 1
        if match is not None and not match.generic:
            found = section_at(units, index)
            if found:
                match, used = found
        if match is None and item.number:
            found = _sub_item(units, index, item.number)
            if found:
                match, used = found
        if match is None:
            match = history_block(units, index, item.end)
        if match is not None and match.body_date and not sections:
            match = None  # "Byrådet, 25. september 2023" above the first section is no heading
        if (
            match is not None
            and match.body_date
            and _nothing_under(units, index + used, item.end, section_units)
        ):
            # a list of the steps in a "Høring og sagsgang" section ("Økonomiudvalget den 18.
            # oktober 2023" / "Kommunalbestyrelsen den 31. oktober 2023" / "Indstilling"): a body
            # and date with no decision under it heads nothing
            match = None
        if match is not None and not sections and not unit.strong and item_kind(unit.text):
            # "Beslutning" as a plain line under the title is the item type when sections
            # follow, unless a decision's sentence comes right under it (a portal's decision
            # first, pasted: "Beslutning" / "Kommunalbestyrelsen besluttede, at …")
            later = [i for i in section_units if index < i and units[i].start < item.end]
            under = units[index + 1] if index + 1 < len(units) else None
            decided = (
                under is not None
                and index + 1 not in section_units
                and under.text.rstrip().endswith((".", "!"))
                and not META_LINE.match(under.text)
            )
            if later and not decided:
                match = None
        if match is not None and sections and _inner_heading(match, sections[-1]):
            match = None  # "Økonomi" inside "Sagsfremstilling og økonomi": a sub-heading
        if (
            match is not None
            and sections
            and sections[-1].kind == "proposal"
            and names_the_proposer(match.title)
        ):
            match = None  # "Forvaltningen indstiller til Byrådet" leading a portal's points
        if match is not None:
            if CUT_DATE.search(match.title):
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
                        named_body_kind(match.decision_body) if match.decision_body else None
                    ),
                    decision_date=match.decision_date,
                )
            )
            index += used
            continue
        if not sections and len(unit.text) <= 120:
            if kind is None:
                kind = item_kind(unit.text)
            if CLOSED.search(unit.text):
                closed = True
        index += 1
    starts = _starts(units) if len(sections) > 1 else []
    for current, following in itertools.pairwise(sections):
        current.end = _trim_end_at(units, starts, current.start, following.start)
    kind = kind or title_kind
    if kind is None and orientation_title(item.title):
        kind = ("orientation", item.title.split()[0])
    item.kind = kind[0] if kind else None
    item.kind_label = kind[1] if kind else None
    item.closed = closed
    item.sections = sections


_SUB_ITEM = re.compile(r"^(?P<item>\d{1,3})\.\d{1,2}\.?\s+[A-ZÆØÅ\"'«(§]")


def _sub_item(units: list[Unit], index: int, number: str) -> tuple[HeadingMatch, int] | None:
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
    title = " ".join(join_units(pieces).split())
    return HeadingMatch("other", normalise_heading(title)), len(pieces)


def _complete_title(
    match: HeadingMatch, units: list[Unit], index: int, end: int, page: int
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


_STARTS_CACHE: dict[int, tuple[list[Unit], list[int], bool]] = {}
# whether a line holds a date, during one `analyse` (a decision heading stands in every item)
_DATED: dict[str, bool] = {}


def clear_starts_cache() -> None:
    _STARTS_CACHE.clear()
    _DATED.clear()


def _dated(text: str) -> bool:
    """Whether `text` holds a date (`find_dates`), remembered for the document analysed."""
    found = _DATED.get(text)
    if found is None:
        found = _DATED[text] = bool(find_dates(text))
    return found


def _cached(units: list[Unit]) -> tuple[list[Unit], list[int], bool]:
    """Per list of units, computed once: the start offsets, and whether the document sets its
    section headings in bold (two or more bold lines that are section headings)."""
    cached = _STARTS_CACHE.get(id(units))
    if cached is None or cached[0] is not units:
        _STARTS_CACHE.clear()
        bold_headings = 0
        for unit in units:
            if unit.strong and unit.text[:1].isupper() and classified(unit.text):
                bold_headings += 1
                if bold_headings >= 2:
                    break
        cached = (units, [unit.start for unit in units], bold_headings >= 2)
        _STARTS_CACHE[id(units)] = cached
    return cached


def _starts(units: list[Unit]) -> list[int]:
    """The start offsets of `units`."""
    return _cached(units)[1]


def _bold_headings(units: list[Unit]) -> bool:
    return _cached(units)[2]


def _trim_end_at(units: list[Unit], starts: list[int], start: int, end: int) -> int:
    """The end of the last unit that begins before `end` (no trailing blank lines)."""
    index = bisect.bisect_left(starts, end) - 1
    if index >= 0 and units[index].start >= start:
        return max(units[index].end, start)
    return end


_WORDS = vocabulary()
_HISTORY_BODY = re.compile(
    rf"^{_WORDS.alternatives('sections.history_body_labels')}\s*:\s*(?P<body>\S.{{0,80}})$",
    re.IGNORECASE,
)
_HISTORY_DATE = re.compile(
    rf"^{_WORDS.alternatives('sections.history_date_labels')}\s*:\s*(?P<date>.+)$", re.IGNORECASE
)
HISTORY_REACH = 3  # the date line follows the body line within this many lines


def history_block(units: list[Unit], index: int, end: int) -> HeadingMatch | None:
    """A block of a portal's decision history ("Udvalg: Økonomiudvalget" / "Dato: 11-02-2025"
    / "Punktnummer: 7" / what it decided): a decision of that body on that day, headed by the
    body line."""
    match = _HISTORY_BODY.match(units[index].text)
    if match is None:
        return None
    # a print may set the page's buttons between the lines ("0" / "Hent som" / "PDF")
    lines = (
        u for u in units[index + 1 :] if not (is_page_control(u.text) or u.text.isdigit())
    )
    for following in itertools.islice(lines, HISTORY_REACH):
        if following.start >= end:
            break
        dated = _HISTORY_DATE.match(following.text)
        if dated:
            found = find_dates(dated.group("date"))
            if not found:
                return None
            body = tidy_body(match.group("body").strip(" .,"))
            return HeadingMatch("decision", units[index].text.strip(), body, found[0][0])
    return None


@probe("history_block")
def history_lines(text: str) -> str | None:
    """The body of a history block written as lines ("Udvalg: Byrådet\nDato: 26-02-2025")."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    units = [
        Unit(line, 0, len(line), 1, 0, True, 1, "paragraph", None, False, None) for line in lines
    ]
    found = history_block(units, 0, 1) if units else None
    return found.decision_body if found else None
