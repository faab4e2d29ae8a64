"""Paragraphs rebuilt from lines: document-wide measures (`_Layout`: body size, line pitch per
size, letter widths, the right text edge), whether a line continues the paragraph above it
(`_continues`: line gaps, line lengths, font changes, list and item starts, page breaks), the
kind of a block of lines (`_block_kind`), and the reading order of a page whose content stream is
scrambled (`_reading_order`).
"""

from __future__ import annotations

import itertools
import re
import statistics

from ...dates import NOT_A_MONTH
from ...models import BlockKind
from ..text import OPEN_END, SENTENCE_END
from .lines import _CELL, _LABEL, _LIST_MARKER, _TABLE, _RawLine

# a line that may start an agenda item: "Punkt 14", "Pkt. 3", "149. Orientering om …" (not a
# day and its month wrapped onto the line: "26. februar 2025. …")
_ITEM_START = re.compile(
    rf"^(?:(?:punkt|pkt\.?|dagsordenspunkt)\s*\d{{1,4}}\b|\d{{1,3}}\.\s+{NOT_A_MONTH}[A-ZÆØÅ])",
    re.IGNORECASE,
)

# the end of a list entry that joins the next one: "…, og" / "… eller"
_LIST_JOINT = re.compile(r"\b(?:og|eller)$")

# --- document-wide measures (`_Layout`)
# points: the body size of a document without text
DEFAULT_BODY_SIZE = 10.0
# points: font sizes this close are the same size (sizes are rounded to half points)
SAME_SIZE_TOLERANCE = 0.6
# font sizes: the width of a space, for letter widths without the spaces
SPACE_WIDTH_EM = 0.28
# letter widths are measured on every this-many-th line ...
LETTER_SAMPLE_EVERY = 3
# ... of at least this many characters
LETTER_SAMPLE_MIN_CHARS = 25
# font sizes: a larger distance between two lines' baselines is no line pitch
MAX_PITCH_EM = 3
# points: a smaller font size (PDFium says 0 when it does not know) counts as this in pitches
MIN_FONT_SIZE = 1.0
# a pitch smaller than the most common one is the line pitch when it is seen at least this many
# times and this share as often as the most common one, and at least this many font sizes
LINE_PITCH_MIN_COUNT = 3
LINE_PITCH_MIN_SHARE = 0.2
MIN_LINE_PITCH_EM = 0.8
# font sizes: the line pitch of a size whose pitch was not measured
DEFAULT_PITCH_EM = 1.25
# points: lines within this of the body size mark the right text edge
BODY_SIZE_TOLERANCE = 1.0
# the right text edge is the last of this many quantiles of body lines' right ends (the 90th
# percentile), from at least this many lines (fewer: the rightmost end)
RIGHT_EDGE_QUANTILES = 10
RIGHT_EDGE_MIN_LINES = 10
# a page without body lines: its right text edge at this share of the page width
DEFAULT_RIGHT_EDGE_SHARE = 0.88
# a heading-like line is at most this many characters long ...
HEADING_MAX_CHARS = 160
# ... and bold, or at least this many points larger than the body size
HEADING_SIZE_STEP = 1.0
# points within which two lines share their centre (a centred heading that wraps)
CENTRE_TOLERANCE = 2.0
# points: a line ended early when the next line's first word would have fitted with this much
# room to spare ...
SHORT_LINE_MARGIN = 3.0
# ... or this many font sizes, whichever is more
SHORT_LINE_MARGIN_EM = 0.5
# ... and heading lines: at least this share of the room from the line's start to the edge
HEADING_SHORT_MARGIN_SHARE = 0.15

# --- paragraphs (`_continues`, `_block_kind`)

# points: a line whose top is higher than the previous line's by more than this moved up (a new
# column or a text box)
MOVED_UP_SLACK = 1.0
# a distance between baselines over this many normal line pitches ...
PARAGRAPH_GAP_PITCHES = 1.3
# ... plus this many points ends a paragraph
PARAGRAPH_GAP_SLACK = 0.5
# characters: a data-table row's label cell that wrapped is at most this long on its first line
ROW_LABEL_MAX_CHARS = 40
# a block of heading-like lines is a heading when it has at most this many lines
HEADING_MAX_LINES = 4

# --- reading order (`_reading_order`)
# a page with fewer lines keeps PDFium's order
SCRAMBLED_MIN_LINES = 4
# points: a line whose top is higher than the previous line's by more than this steps upward
UPWARD_STEP = 2.0
# the order is scrambled when more than one step in this many (and more than one) goes upward
SCRAMBLED_EVERY = 5
# points: sorted by position, lines whose tops round to the same multiple of this are one row
ROW_BAND = 3.0


class _Layout:
    """Document-wide measures: body font size, normal line pitch per size, right text edge."""

    def __init__(self, lines: list[_RawLine], widths: dict[int, float]) -> None:
        weights: dict[float, int] = {}
        # the usual width of a letter per size, from every third line (a justified line with
        # few words stretches its spaces, and the letters would seem wider)
        char_widths: dict[float, list[float]] = {}
        pitches: dict[float, dict[float, int]] = {}
        previous: _RawLine | None = None
        for index, line in enumerate(lines):
            size = line.size
            text = line.text
            length = len(text)
            weights[size] = weights.get(size, 0) + length
            if index % LETTER_SAMPLE_EVERY == 0 and length >= LETTER_SAMPLE_MIN_CHARS:
                spaces = text.count(" ")
                width = line.x1 - line.x0 - spaces * SPACE_WIDTH_EM * size
                char_widths.setdefault(size, []).append(width / (length - spaces))
            if (
                previous is not None
                and previous.page == line.page
                and not abs(previous.size - size) > SAME_SIZE_TOLERANCE
            ):
                pitch = line.bottom - previous.bottom
                if 0 < pitch < MAX_PITCH_EM * max(size, MIN_FONT_SIZE):
                    counts = pitches.setdefault(size, {})
                    key = round(pitch * 2) / 2
                    counts[key] = counts.get(key, 0) + 1
            previous = line
        # the most common value, the first seen of equally common ones (Counter.most_common)
        self.body_size = max(weights.items(), key=_count)[0] if weights else DEFAULT_BODY_SIZE
        self.char_width = {
            size: sorted(values)[len(values) // 2] for size, values in char_widths.items()
        }
        self.pitch = {size: _line_pitch(size, counts) for size, counts in pitches.items()}
        self.right_edge: dict[int, float] = {}
        by_width: dict[int, list[float]] = {}
        body_size = self.body_size
        for line in lines:
            if abs(line.size - body_size) <= BODY_SIZE_TOLERANCE:
                by_width.setdefault(line.page, []).append(line.x1)
        pooled: dict[int, list[float]] = {}
        for page, values in by_width.items():
            pooled.setdefault(round(widths.get(page, 0)), []).extend(values)
        edges = {
            width: statistics.quantiles(values, n=RIGHT_EDGE_QUANTILES)[-1]
            if len(values) >= RIGHT_EDGE_MIN_LINES
            else max(values)
            for width, values in pooled.items()
        }
        for page, width in widths.items():
            self.right_edge[page] = edges.get(round(width), width * DEFAULT_RIGHT_EDGE_SHARE)

    def normal_pitch(self, size: float) -> float:
        return self.pitch.get(size, DEFAULT_PITCH_EM * max(size, MIN_FONT_SIZE))

    def headingish(self, line: _RawLine) -> bool:
        return len(line.text) <= HEADING_MAX_CHARS and (
            line.bold or line.size >= self.body_size + HEADING_SIZE_STEP
        )

    def is_short(self, line: _RawLine, following: _RawLine, headings: bool) -> bool:
        """Did `line` end early, although the first word of `following` would have fitted?
        (`headings`: both lines are `headingish`.)

        The word's width is estimated from the following line's letters (spaces counted as
        `SPACE_WIDTH_EM`), at most the document's usual letter width for the size; headings get
        more slack, their lines break at word boundaries unevenly.
        """
        text = following.text
        spaces = text.count(" ")
        space_width = SPACE_WIDTH_EM * following.size
        letters = max(len(text) - spaces, 1)
        char_width = max(following.x1 - following.x0 - spaces * space_width, 1.0) / letters
        usual = self.char_width.get(following.size)
        if usual is not None and usual < char_width:
            char_width = usual
        word = text.find(" ")  # the first word's length
        needed = (word if word >= 0 else len(text)) * char_width + space_width
        tolerance = max(SHORT_LINE_MARGIN, SHORT_LINE_MARGIN_EM * line.size)
        if headings:
            room = self.right_edge.get(line.page, line.x1) - line.x0
            tolerance = max(tolerance, HEADING_SHORT_MARGIN_SHARE * room)
        return line.x1 + needed < self.right_edge.get(line.page, line.x1) - tolerance


def _count(entry: tuple[float, int]) -> int:
    return entry[1]


def _line_pitch(size: float, counts: dict[float, int]) -> float:
    """The pitch of lines within a paragraph: the most common distance between baselines, or a
    smaller one that is common too. A page of one-line paragraphs and headings (a single-item
    print) has more paragraph gaps than wrapped lines, and the mode is then the gap."""
    mode, most = max(counts.items(), key=_count)
    common = [
        pitch
        for pitch, count in counts.items()
        if pitch >= MIN_LINE_PITCH_EM * size
        and count >= max(LINE_PITCH_MIN_COUNT, LINE_PITCH_MIN_SHARE * most)
    ]
    return min(common, default=mode)


def _continues(
    layout: _Layout,
    previous: _RawLine,
    line: _RawLine,
    first_on_page: bool,
    heading: bool,
    line_heading: bool,
) -> bool:
    """Does `line` continue the paragraph that `previous` belongs to? (`heading`,
    `line_heading`: whether `previous` and `line` are `layout.headingish`.)"""
    if line.role == _TABLE and not previous.role and _wraps_into_row(layout, previous, line):
        return True  # a row label wrapped over two lines: "Børn og unge med" / "handicap 36 % …"
    if previous.role or line.role:
        if previous.role == _LABEL or line.role == _LABEL:
            # a label's lines make one heading block, whatever their type
            return previous.role == line.role == _LABEL and previous.row == line.row
        if previous.role == _TABLE or line.role == _TABLE:
            return False
        if previous.role == _CELL and line.role == _CELL:
            if previous.row != line.row:
                return False
        elif not (previous.role == _CELL and line.page != previous.page):
            return False  # a right cell's text continues only over a page break
    text = line.text
    if previous.bold != line.bold or abs(previous.size - line.size) > SAME_SIZE_TOLERANCE:
        return False
    if heading != line_heading:
        return False
    if text[0].isdigit() and _runs_on_into_number(layout, previous, line, heading):
        pass  # "… mens landsgennemsnittet er" / "28. For børn …": neither item nor list entry
    elif _ITEM_START.match(text) or (_LIST_MARKER.match(text) and not heading):
        return False  # a dash at the start of a wrapped heading line is no list entry
    if previous.page == line.page:
        if line.top < previous.top - MOVED_UP_SLACK:
            return False  # moved up: a new column or a text box
        pitch = line.bottom - previous.bottom
        if pitch > layout.normal_pitch(line.size) * PARAGRAPH_GAP_PITCHES + PARAGRAPH_GAP_SLACK:
            return False
    elif not first_on_page or line.page != previous.page + 1:
        return False
    first = text[0]
    prev_text = previous.text
    hyphenated = prev_text.endswith("-") and len(prev_text) > 1 and prev_text[-2].isalpha()
    if hyphenated and (first.islower() or first.isdigit()):
        return True
    if layout.is_short(previous, line, heading):
        # a line that ended early ends its paragraph, unless the sentence obviously runs on
        # or a centred heading (a table's header cell: "Hele" / "socialområdet") wraps
        if SENTENCE_END.search(prev_text):
            return False
        if not heading and OPEN_END.search(prev_text):
            return True  # "… Venstre bad om, at" / "Byrådet i 2023 …": the clause runs on
        if not heading and first.isdigit() and prev_text[-1].islower():
            return True  # "… gennemsnittet for alle" / "98 kommuner:": a number runs on a clause
        centre_shift = abs((previous.x0 + previous.x1) - (line.x0 + line.x1)) / 2
        return first.islower() and (not heading or centre_shift <= CENTRE_TOLERANCE)
    if previous.page != line.page:
        # across a page break only an unfinished sentence runs on
        return not SENTENCE_END.search(prev_text) or first.islower()
    return True


def _runs_on_into_number(
    layout: _Layout, previous: _RawLine, line: _RawLine, heading: bool
) -> bool:
    """Is `line` ("28. For børn …") a number that wrapped onto the next line of running text?
    The line above is body text that runs to the right edge (the number did not fit on it) and
    stops in the middle of a clause ("… mens landsgennemsnittet er"), not after a list's "og"
    and not as an entry or item title of its own (a list or an agenda: "4. Medfinansiering …")."""
    prev_text = previous.text
    return (
        not heading
        and previous.page == line.page
        and prev_text[-1].islower()
        and not _LIST_JOINT.search(prev_text)
        and not (_ITEM_START.match(prev_text) or _LIST_MARKER.match(prev_text))
        and not layout.is_short(previous, line, heading)
    )


def _wraps_into_row(layout: _Layout, previous: _RawLine, line: _RawLine) -> bool:
    """Is `previous` the first line of a data-table row's label cell that wrapped, `line` the
    row itself? A short plain line without figures, right above the row and at its left edge,
    with the row going on in lower case."""
    return (
        previous.page == line.page
        and line.text[:1].islower()
        and len(previous.text) <= ROW_LABEL_MAX_CHARS
        and not any(ch.isdigit() for ch in previous.text)
        and not SENTENCE_END.search(previous.text)
        and abs(previous.x0 - line.x0) <= CENTRE_TOLERANCE
        and 0
        < line.bottom - previous.bottom
        <= layout.normal_pitch(line.size) * PARAGRAPH_GAP_PITCHES + PARAGRAPH_GAP_SLACK
    )


def _block_kind(lines: list[_RawLine], headings: list[bool]) -> BlockKind:
    """The kind of the block of `lines` (`headings`: which of them are `headingish`)."""
    role = lines[0].role
    if not role and lines[-1].role == _TABLE:
        return "table_cell"  # a data-table row whose label wrapped (`_wraps_into_row`)
    if role == _LABEL:
        return "heading"
    if role == _TABLE:
        return "table_cell"
    if len(lines) <= HEADING_MAX_LINES and all(headings):
        return "heading"
    if _LIST_MARKER.match(lines[0].text):
        return "list_item"
    return "paragraph"


def _reading_order(lines: list[_RawLine]) -> list[_RawLine]:
    """PDFium's order follows the content stream; sort by position when that order is scrambled."""
    if len(lines) < SCRAMBLED_MIN_LINES or any(line.role == _CELL for line in lines):
        return lines  # a page arranged in label-text rows is in reading order already
    upward = sum(1 for a, b in itertools.pairwise(lines) if b.top < a.top - UPWARD_STEP)
    if upward <= max(1, len(lines) // SCRAMBLED_EVERY):
        return lines
    return sorted(lines, key=lambda line: (round(line.top / ROW_BAND), line.x0))
