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

from ...models import BlockKind
from .lines import _CELL, _LABEL, _LIST_MARKER, _SENTENCE_END, _TABLE, _RawLine

# a line that may start an agenda item: "Punkt 14", "Pkt. 3", "149. Orientering om …"
_ITEM_START = re.compile(
    r"^(?:(?:punkt|pkt\.?|dagsordenspunkt)\s*\d{1,4}\b|\d{1,3}\.\s+[A-ZÆØÅ])", re.IGNORECASE
)


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
            if index % 3 == 0 and length >= 25:
                spaces = text.count(" ")
                width = line.x1 - line.x0 - spaces * 0.28 * size
                char_widths.setdefault(size, []).append(width / (length - spaces))
            if (
                previous is not None
                and previous.page == line.page
                and not abs(previous.size - size) > 0.6
            ):
                pitch = line.bottom - previous.bottom
                if 0 < pitch < 3 * max(size, 1.0):
                    counts = pitches.setdefault(size, {})
                    key = round(pitch * 2) / 2
                    counts[key] = counts.get(key, 0) + 1
            previous = line
        # the most common value, the first seen of equally common ones (Counter.most_common)
        self.body_size = max(weights.items(), key=_count)[0] if weights else 10.0
        self.char_width = {
            size: sorted(values)[len(values) // 2] for size, values in char_widths.items()
        }
        self.pitch = {size: max(counts.items(), key=_count)[0] for size, counts in pitches.items()}
        self.right_edge: dict[int, float] = {}
        by_width: dict[int, list[float]] = {}
        body_size = self.body_size
        for line in lines:
            if abs(line.size - body_size) <= 1.0:
                by_width.setdefault(line.page, []).append(line.x1)
        pooled: dict[int, list[float]] = {}
        for page, values in by_width.items():
            pooled.setdefault(round(widths.get(page, 0)), []).extend(values)
        edges = {
            width: statistics.quantiles(values, n=10)[-1] if len(values) >= 10 else max(values)
            for width, values in pooled.items()
        }
        for page, width in widths.items():
            self.right_edge[page] = edges.get(round(width), width * 0.88)

    def normal_pitch(self, size: float) -> float:
        return self.pitch.get(size, 1.25 * max(size, 1.0))

    def headingish(self, line: _RawLine) -> bool:
        return len(line.text) <= 160 and (line.bold or line.size >= self.body_size + 1.0)

    def is_short(self, line: _RawLine, following: _RawLine, headings: bool) -> bool:
        """Did `line` end early, although the first word of `following` would have fitted?
        (`headings`: both lines are `headingish`.)

        The word's width is estimated from the following line's letters (spaces counted at
        about 0.28 em), at most the document's usual letter width for the size; headings get
        more slack, their lines break at word boundaries unevenly.
        """
        text = following.text
        spaces = text.count(" ")
        space_width = 0.28 * following.size
        letters = max(len(text) - spaces, 1)
        char_width = max(following.x1 - following.x0 - spaces * space_width, 1.0) / letters
        usual = self.char_width.get(following.size)
        if usual is not None and usual < char_width:
            char_width = usual
        word = text.find(" ")  # the first word's length
        needed = (word if word >= 0 else len(text)) * char_width + space_width
        tolerance = max(3.0, 0.5 * line.size)
        if headings:
            tolerance = max(tolerance, 0.15 * (self.right_edge.get(line.page, line.x1) - line.x0))
        return line.x1 + needed < self.right_edge.get(line.page, line.x1) - tolerance


def _count(entry: tuple[float, int]) -> int:
    return entry[1]


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
    if previous.bold != line.bold or abs(previous.size - line.size) > 0.6:
        return False
    if heading != line_heading:
        return False
    if _ITEM_START.match(text) or (_LIST_MARKER.match(text) and not heading):
        return False  # a dash at the start of a wrapped heading line is no list entry
    if previous.page == line.page:
        if line.top < previous.top - 1.0:
            return False  # moved up: a new column or a text box
        pitch = line.bottom - previous.bottom
        if pitch > layout.normal_pitch(line.size) * 1.3 + 0.5:
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
        return first.islower() and not _SENTENCE_END.search(prev_text) and not heading
    if previous.page != line.page:
        # across a page break only an unfinished sentence runs on
        return not _SENTENCE_END.search(prev_text) or first.islower()
    return True


def _block_kind(lines: list[_RawLine], headings: list[bool]) -> BlockKind:
    """The kind of the block of `lines` (`headings`: which of them are `headingish`)."""
    role = lines[0].role
    if role == _LABEL:
        return "heading"
    if role == _TABLE:
        return "table_cell"
    if len(lines) <= 4 and all(headings):
        return "heading"
    if _LIST_MARKER.match(lines[0].text):
        return "list_item"
    return "paragraph"


def _reading_order(lines: list[_RawLine]) -> list[_RawLine]:
    """PDFium's order follows the content stream; sort by position when that order is scrambled."""
    if len(lines) < 4 or any(line.role == _CELL for line in lines):
        return lines  # a page arranged in label-text rows is in reading order already
    upward = sum(1 for a, b in itertools.pairwise(lines) if b.top < a.top - 2.0)
    if upward <= max(1, len(lines) // 5):
        return lines
    return sorted(lines, key=lambda line: (round(line.top / 3.0), line.x0))
