"""Label-text tables, page by page (`_Columns`): minutes systems often print an item as a
two-column table, a short label on the left ("Sagsfremstilling") beside its text on the right,
which PDFium reads as one line. The page's lines are split at the column and put in reading
order, each row's label a heading block and its text paragraphs. Pages without such a column get
their data table rows marked (`tables`) and run-in section labels split off (`run_in`).

The package's longest module (a sixth of it the named thresholds): telling a label-text table
from prose set in two columns or a table of figures is one decision, taken in the named steps of
`_Columns._label_rows`, and reads best in one place.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from .lines import _CELL, _LABEL, _LIST_MARKER, _TABLE, _PageText, _RawLine
from .pieces import (
    COLUMN_TOLERANCE,
    WORD_START_SLACK,
    _clusters,
    _line_rects,
    _page_rects,
    _parts,
    _split,
    _word_start_at,
)
from .rulings import _Rulings
from .run_in import _run_in_labels
from .tables import _mark_tables

# --- which pages are looked at, and which columns tried (`_Columns.arrange`)
# points: text narrower than this (the page's lines from left to right) has no room for two
# columns
MIN_TEXT_WIDTH = 120
# a label column starts at least this share of the text width from the text's left edge
LABEL_COLUMN_MIN_SHARE = 0.12
# the text column (from the label column to the text's right edge) is at least this share of
# the text width
TEXT_COLUMN_MIN_SHARE = 0.3
# a page is looked at when it has at least this many more text rectangles than lines (some line
# drawn in pieces: a column gap), or lines starting right of the label column's least start...
NEW_COLUMN_MIN_EXTRA_RECTS = 3
# ... and, once a column was found on an earlier page, when it has this many more
KNOWN_COLUMN_MIN_EXTRA_RECTS = 1
# ... in a cluster of at least this many lines starting at the same x
INDENTED_STARTS_MIN_LINES = 2
# a column not seen before is tried where at least this many lines or pieces start
NEW_COLUMN_MIN_STARTS = 3
# at most this many columns are tried on a page (columns seen before first, then the most used)
MAX_COLUMN_CANDIDATES = 3

# --- a page's lines by side of the column (`_sides`)
# lines above this share of the page height from its top belong to a running header
HEADER_ZONE_SHARE = 0.07
# lines below this share of the page height from its top belong to a running footer
FOOTER_ZONE_SHARE = 0.93
# points: a left line (a label) ends at least this far before the column
LABEL_END_GAP = 2.0
# points: lines whose tops are this close stand side by side (a label and the text beside it)
SAME_ROW_TOP = 2.5
# a column not seen before needs at least this many lines split at it, labels beside text and
# lines starting at it, together
NEW_COLUMN_MIN_EVIDENCE = 3

# --- the split page's measures (`_SplitPage`)
# a prose line in the text column spans at least this share of the column's width
PROSE_MIN_SHARE = 0.5
# line heights: a left-aligned label wraps at least this far before the column
LABEL_WRAP_MARGIN = 0.5
# prose set in two columns: with at least this many rows, more than this share of the lines
# that start one beginning in lower case (labels start with a capital) ...
TWO_COLUMN_PROSE_MIN_ROWS = 4
TWO_COLUMN_PROSE_LOWER_SHARE = 0.4

# --- rows (`_Columns._group_rows`)
# line pitches: the next line of the same text (label or cell) stands at most this far below
NEXT_LINE_PITCHES = 1.45
# rows are spaced wider than lines: at least a line pitch plus this many points ...
ROW_SPACING_MIN = 2.0
# ... or plus this share of a line's height, whichever is more
ROW_SPACING_SHARE = 0.15

# --- is it a label-text table? (`_is_label_table`)
# points: a line across both columns stands between two rows when its top is at least this far
# above the lower row's top
ACROSS_SLACK = 1.0
# at least this share of consecutive rows follow each other without a line across between them
ADJACENT_ROWS_MIN_SHARE = 0.5
# a label is at most this many characters long ...
LABEL_MAX_CHARS = 80
# ... and has at least this many letters
LABEL_MIN_LETTERS = 3
# at least this share of the label lines look like labels
LABEL_LIKE_MIN_SHARE = 0.7
# with at least this many label lines, more than half of them full means prose in two columns
FULL_LABELS_MIN_LINES = 6
# a column not seen before: its text holds at least this many times the labels' characters
TEXT_TO_LABEL_MIN_RATIO = 1.5

# --- line measures
# a line is full when it ends within this share of its column's width from the column's end
FULL_LINE_SHARE = 0.12
# points: a word fits at a line's end when it ends at least this far before the column's end ...
FIT_MARGIN_MIN = 2.0
# ... and at least this share of the line's height
FIT_MARGIN_SHARE = 0.3
# line heights: distances between line tops counted for the line pitch lie between these two
PITCH_MIN_HEIGHTS = 0.7
PITCH_MAX_HEIGHTS = 1.8
# line heights: the line pitch when no distance was counted
DEFAULT_PITCH_HEIGHTS = 1.25

# a line's side of the column (`_sides`)
_EDGE = "X"  # in a running header or footer: a table there is none of ours
_GAP = "G"  # label and text on one line, a column gap between them
_RIGHT = "R"  # right of the column: the text
_LEFT = "L"  # left of the column: a label
_ACROSS = "F"  # across both columns


@dataclass(slots=True)
class _Row:
    """One label-text row: its top, its label lines and the text lines beside and below them."""

    top: float
    labels: list[_RawLine]
    cells: list[_RawLine]


class _Columns:
    """Label-text layouts and data tables, page by page, from PDFium's text rectangles.

    Minutes systems often print an item as a two-column table: a short label on the left
    ("Sagsfremstilling", "Beslutning Social- og Sundhedsudvalget 06-11-2023") and the text on
    the right, with or without ruling lines. PDFium reads the label and the right cell's first
    line as one line, and a label of two lines before or after the text beside it. On a page
    whose lines show such a column (a wide gap that ends at the same x on several lines, lines
    that start there), the lines are split at the column and put in reading order: each row's
    label lines (one heading block), then its text. pdfplumber's ruling lines (`rulings`) are
    read only when the geometry leaves open whether a label line starts a new row.

    On other pages, a line in three or more pieces that line up with a neighbour's is a data
    table row (`tables`); a bold line right above such rows is the table's header row, not a
    heading.

    `protect(text)` tells whether a text is a section heading ("Sagsfremstilling"); with it, a
    bold label run into the start of a paragraph ("Sagsfremstilling Skanderborg klarer …", only
    the label bold) is split off as a heading of its own (`run_in`).
    """

    def __init__(self, rulings: _Rulings, protect: Callable[[str], bool] | None) -> None:
        self.rulings = rulings
        self.protect = protect
        # the row of a _LABEL or _CELL line, unique in the document (label rows, run-in labels)
        self.row_numbers = itertools.count()
        self.known: list[float] = []  # label-text columns found on earlier pages

    def _known(self, column: float) -> bool:
        return any(abs(column - seen) <= COLUMN_TOLERANCE for seen in self.known)

    # ------------------------------------------------------------------ one page

    def arrange(self, reader: _PageText, lines: list[_RawLine]) -> list[_RawLine]:
        """The page's lines, as label-text rows in reading order where the page has a label
        column; else with data table rows marked and run-in labels split off."""
        count = pdfium_c.FPDFText_CountRects(reader.raw, 0, -1)
        page_left = min(line.x0 for line in lines)
        page_right = max(line.x1 for line in lines)
        width = page_right - page_left
        if width < MIN_TEXT_WIDTH:
            return lines
        indent = page_left + LABEL_COLUMN_MIN_SHARE * width
        starts = _clusters(
            [line.x0 for line in lines if line.x0 >= indent],
            COLUMN_TOLERANCE,
            minimum=INDENTED_STARTS_MIN_LINES,
        )
        extra_rects = KNOWN_COLUMN_MIN_EXTRA_RECTS if self.known else NEW_COLUMN_MIN_EXTRA_RECTS
        if count - len(lines) < extra_rects and not starts:
            return lines  # every line one piece (give or take a running header): nothing to do
        pieces = _line_rects(lines, _page_rects(reader)) if count > len(lines) else {}
        parts = {}
        for index, rects in pieces.items():
            split = _parts(lines[index], rects)
            if len(split) >= 2:
                parts[index] = split
        candidates = [p[1][0] for p in parts.values() if p[1][0] >= indent]
        candidates += [line.x0 for line in lines if line.x0 >= indent]
        clusters = _clusters(candidates, COLUMN_TOLERANCE, minimum=1)
        # a column seen on an earlier page needs less evidence (a last page of one-line rows)
        known = [c for c in clusters if self._known(c[0])]
        new = [c for c in clusters if c[1] >= NEW_COLUMN_MIN_STARTS and c not in known]
        for column, _size in (known + new)[:MAX_COLUMN_CANDIDATES]:
            seen = self._known(column)
            arranged = self._label_rows(
                reader, lines, parts, column, page_left, page_right, known=seen
            )
            if arranged is not None:
                if not seen:
                    self.known.append(column)
                return arranged
        if parts:
            _mark_tables(lines, parts)
        if pieces and self.protect is not None:
            lines = _run_in_labels(reader, lines, pieces, parts, self.protect, self.row_numbers)
        return lines

    # ------------------------------------------------------------------ label-text rows

    def _label_rows(
        self,
        reader: _PageText,
        lines: list[_RawLine],
        parts: dict[int, list[tuple[float, float]]],
        column: float,
        page_left: float,
        page_right: float,
        known: bool = False,
    ) -> list[_RawLine] | None:
        """The page's lines as label-text rows at `column`, in reading order, or None when the
        page is no label-text table there. `parts`: the pieces of the lines drawn in pieces;
        `known`: the column was found on an earlier page (less evidence needed).

        The steps: room for both columns; each line's side of the column (`_sides`) and enough
        of them on both sides (`_column_evidence`); the lines split at the column
        (`_split_at_column`); prose in the text column, not in two columns; rows grouped
        (`_group_rows`); a check that the rows make a label-text table (`_is_label_table`);
        data tables inside the text cells marked; the rows numbered (`_number_rows`).
        """
        width = page_right - page_left
        if (
            column - page_left < LABEL_COLUMN_MIN_SHARE * width
            or page_right - column < TEXT_COLUMN_MIN_SHARE * width
        ):
            return None
        sides = _sides(lines, parts, column, reader.height)
        if not _column_evidence(lines, sides, known):
            return None
        page = _split_at_column(reader, lines, parts, sides, column, page_right)
        # the text column holds prose: lines across most of it, not a data table's cells
        if not known and not page.has_prose(page.right):
            return None
        page.measure()
        if page.two_column_prose():
            return None
        grouped = self._group_rows(reader, page)
        if grouped is None:
            return None
        rows, flow = grouped
        if not _is_label_table(page, rows, known):
            return None
        # a data table inside the right cells
        _mark_tables(
            lines, {index: p for index, p in parts.items() if sides[index] in (_RIGHT, _ACROSS)}
        )
        return self._number_rows(page, flow)

    def _group_rows(
        self, reader: _PageText, page: _SplitPage
    ) -> tuple[list[_Row], list[_RawLine | _Row]] | None:
        """The rows of a split page and its flow (rows and the lines outside them, in reading
        order), or None when a label stands in the middle of its text (not understood).

        A left line with text beside it starts a row; left lines right below a row's label
        continue the label (unless `_starts_row`); right lines belong to the row above them; a
        line across both columns ends a row.
        """
        segments, partner, right_lines = page.segments, page.partner, page.right
        reach = NEXT_LINE_PITCHES * page.pitch
        order = sorted(range(len(segments)), key=page.sort_key)
        rows: list[_Row] = []
        flow: list[_RawLine | _Row] = []
        row: _Row | None = None
        for position in order:
            line, side = segments[position]
            if side == _LEFT:
                joins = False
                if row is not None:
                    last = row.labels[-1]
                    close = -SAME_ROW_TOP <= line.top - last.top <= reach
                    if close and position not in partner:
                        joins = True
                    elif close:
                        joins = not self._starts_row(reader, page, row, line)
                if joins and row is not None:
                    row.labels.append(line)
                elif position in partner:
                    row = _Row(line.top, [line], [])
                    rows.append(row)
                    flow.append(row)
                else:
                    if any(0 < line.top - r.top <= reach for r in right_lines) and any(
                        0 < r.top - line.top <= reach for r in right_lines
                    ):
                        return None  # a label set in the middle of its text: not understood
                    row = None
                    flow.append(line)
            elif side == _RIGHT and row is not None and line.top >= row.top - SAME_ROW_TOP:
                row.cells.append(line)
            else:
                if side == _ACROSS:
                    row = None
                flow.append(line)
        return rows, flow

    def _starts_row(self, reader: _PageText, page: _SplitPage, row: _Row, line: _RawLine) -> bool:
        """Does the left line `line`, right below `row`'s label and with text beside it, start a
        new row? Yes when the text beside the label does not run on (it stops, or its last line
        ended early), when the rows are spaced wider than lines, or when the line's first word
        would have fitted at the end of the label line; else ruling lines or its words decide
        (`_new_row`)."""
        pitch, last = page.pitch, row.labels[-1]
        beside = next(r for r in page.right if abs(r.top - line.top) <= SAME_ROW_TOP)
        text_broke = (
            not row.cells
            or line.top - row.cells[-1].top > NEXT_LINE_PITCHES * pitch
            or _would_fit(row.cells[-1], beside, page.right_limit)
        )
        spaced = line.top - last.top > pitch + max(ROW_SPACING_MIN, ROW_SPACING_SHARE * page.height)
        return (
            text_broke
            or spaced
            or _would_fit(last, line, page.label_limit)
            or self._new_row(reader, last, line)
        )

    def _new_row(self, reader: _PageText, label: _RawLine, line: _RawLine) -> bool:
        """Does the left line `line`, right below the label line `label` and with text beside
        it, start a new row? A ruling line between them says yes; without ruling lines, a line
        that is a section heading on its own does (one in lower case goes on with the label)."""
        ruled = self.rulings.between(reader.page_index, label.bottom, line.top, line.x0)
        if ruled is not None:
            return ruled
        if line.text[:1].islower():
            return False  # "Administrationens" / "indstilling": a label goes on
        return bool(self.protect and self.protect(line.text))

    def _number_rows(self, page: _SplitPage, flow: list[_RawLine | _Row]) -> list[_RawLine]:
        """The page's lines in reading order: each row's label lines (`_LABEL`), then its text
        (`_CELL`, or `_TABLE` for a data table inside a cell), numbered by row."""
        rank = {id(line): position for position, (line, _side) in enumerate(page.segments)}
        out: list[_RawLine] = []
        for entry in flow:
            if isinstance(entry, _Row):
                number = next(self.row_numbers)
                # each column's lines in PDFium's order (a table inside a cell: cell by cell)
                for line in sorted(entry.labels, key=lambda line: rank[id(line)]):
                    line.role, line.row = _LABEL, number
                    out.append(line)
                for line in sorted(entry.cells, key=lambda line: rank[id(line)]):
                    line.role = _TABLE if line.role == _TABLE else _CELL
                    line.row = number
                    out.append(line)
            else:
                out.append(entry)
        return out


# --------------------------------------------------------------------------- the steps


def _sides(
    lines: list[_RawLine],
    parts: dict[int, list[tuple[float, float]]],
    column: float,
    page_height: float,
) -> list[str]:
    """Each line's side of `column`: `_EDGE` in a running header or footer, `_GAP` when a
    piece of it starts at the column (label and text on one line), `_RIGHT` when it starts at
    or right of the column, `_LEFT` when it ends before it, else `_ACROSS`."""
    tolerance = COLUMN_TOLERANCE
    sides: list[str] = []
    upper, lower = HEADER_ZONE_SHARE * page_height, FOOTER_ZONE_SHARE * page_height
    for index, line in enumerate(lines):
        pieces = parts.get(index)
        if line.top < upper or line.bottom > lower:
            sides.append(_EDGE)
        elif pieces is not None and any(
            abs(piece[0] - column) <= tolerance for piece in pieces[1:]
        ):
            sides.append(_GAP)
        elif line.x0 >= column - tolerance:
            sides.append(_RIGHT)
        elif line.x1 <= column - LABEL_END_GAP:
            sides.append(_LEFT)
        else:
            sides.append(_ACROSS)
    return sides


def _column_evidence(lines: list[_RawLine], sides: list[str], known: bool) -> bool:
    """Do the lines show a label column? A new column needs lines that start at it (the right
    cells' text wraps) and lines with a label beside the text; a column seen before only the
    latter."""
    right_tops = [line.top for line, side in zip(lines, sides, strict=True) if side == _RIGHT]
    paired = sum(
        1
        for line, side in zip(lines, sides, strict=True)
        if side == _LEFT and any(abs(top - line.top) <= SAME_ROW_TOP for top in right_tops)
    )
    gaps = sides.count(_GAP)
    return not (
        gaps + paired == 0
        or (
            not known
            and (not right_tops or gaps + paired + len(right_tops) < NEW_COLUMN_MIN_EVIDENCE)
        )
    )


def _split_at_column(
    reader: _PageText,
    lines: list[_RawLine],
    parts: dict[int, list[tuple[float, float]]],
    sides: list[str],
    column: float,
    page_right: float,
) -> _SplitPage:
    """The lines split at the column: a `_GAP` line into its label (`_LEFT`) and its text
    (`_RIGHT`) at the first word from the column on (`_ACROSS` when it cannot be split); the
    other lines as they are."""
    segments: list[tuple[_RawLine, str]] = []
    gapped: set[int] = set()  # right lines in several pieces: cells of a data table
    for index, (line, side) in enumerate(zip(lines, sides, strict=True)):
        if side != _GAP:
            segments.append((line, side))
            if side == _RIGHT and index in parts:
                gapped.add(id(line))
            continue
        at = _word_start_at(reader, line, column - COLUMN_TOLERANCE - WORD_START_SLACK)
        halves = _split(reader, line, at) if at is not None else None
        if halves is None:
            segments.append((line, _ACROSS))
            continue
        segments.append((halves[0], _LEFT))
        segments.append((halves[1], _RIGHT))
        if len(parts[index]) > 2:
            gapped.add(id(halves[1]))
    return _SplitPage(segments, gapped, column, page_right)


class _SplitPage:
    """A page's lines split at a label-text column, and the measures that group them in rows
    (`measure`, taken once the text column is known to hold prose: most pages with a column
    gap are data tables, and are told apart without them)."""

    __slots__ = (
        "column",
        "gapped",
        "height",
        "label_limit",
        "page_right",
        "partner",
        "pitch",
        "right",
        "right_limit",
        "segments",
    )

    def __init__(
        self,
        segments: list[tuple[_RawLine, str]],
        gapped: set[int],
        column: float,
        page_right: float,
    ) -> None:
        self.segments = segments  # each line or half line with its side, in PDFium's order
        self.gapped = gapped  # id() of right lines in several pieces: cells of a data table
        self.column = column
        self.page_right = page_right
        self.right = [line for line, side in segments if side == _RIGHT]

    def measure(self) -> None:
        """The rows' measures: which left lines have text beside them (`partner`), the median
        line height and pitch, and where labels and text wrap."""
        segments, column = self.segments, self.column
        # a left line with text beside it (by position in `segments`): the top of its row
        self.partner: dict[int, float] = {}
        for position, (line, side) in enumerate(segments):
            if side == _LEFT:
                beside = [r.top for r in self.right if abs(r.top - line.top) <= SAME_ROW_TOP]
                if beside:
                    self.partner[position] = min([line.top, *beside])
        heights = sorted(line.bottom - line.top for line, _ in segments)
        self.height = heights[len(heights) // 2]  # the median line height
        self.pitch = _pitch([line for line, _ in segments], self.height)
        # a left-aligned label wraps before this
        self.label_limit = column - LABEL_WRAP_MARGIN * self.height
        self.right_limit = max(line.x1 for line in self.right) if self.right else self.page_right

    def has_prose(self, lines: list[_RawLine]) -> bool:
        """Does one of the text column's `lines` run across most of the column (not a data
        table's cell)?"""
        return any(
            id(line) not in self.gapped
            and line.x1 - line.x0 >= PROSE_MIN_SHARE * (self.page_right - self.column)
            for line in lines
        )

    def two_column_prose(self) -> bool:
        """Is this prose set in two columns? Its left lines go on with sentences (labels start
        with a capital)."""
        starters = [self.segments[position][0].text for position in self.partner]
        return len(starters) >= TWO_COLUMN_PROSE_MIN_ROWS and sum(
            t[:1].islower() for t in starters
        ) > TWO_COLUMN_PROSE_LOWER_SHARE * len(starters)

    def sort_key(self, position: int) -> tuple[float, float]:
        """Reading order: by row (a left line and the text beside it at the row's top), then
        from left to right."""
        line, side = self.segments[position]
        top = self.partner.get(position, line.top)
        if side == _RIGHT:
            for other, value in self.partner.items():
                if abs(self.segments[other][0].top - line.top) <= SAME_ROW_TOP:
                    top = min(top, value)
                    break
        return (round(top, 1), line.x0)


def _is_label_table(page: _SplitPage, rows: list[_Row], known: bool) -> bool:
    """Do the rows make a label-text table? They follow each other (now and then a heading
    between two tables), unlike lines of ordinary text that happen to have a wide gap at the
    same place; a label is a short text (not a list marker) that ends well before the column;
    the right column holds the prose."""
    if not rows:
        return False
    across = sorted(line.top for line, side in page.segments if side == _ACROSS)
    pairs = list(itertools.pairwise(each.top for each in rows))
    adjacent = sum(
        1
        for upper, lower in pairs
        if bisect.bisect_right(across, lower - ACROSS_SLACK) == bisect.bisect_right(across, upper)
    )
    if adjacent < ADJACENT_ROWS_MIN_SHARE * len(pairs):
        return False

    labels = [line for each in rows for line in each.labels]
    label_like = sum(
        1
        for line in labels
        if len(line.text) <= LABEL_MAX_CHARS
        and sum(ch.isalpha() for ch in line.text) >= LABEL_MIN_LETTERS
        and not _LIST_MARKER.match(line.text)
    )
    left_chars = sum(len(line.text) for line in labels)
    right_chars = sum(len(line.text) for each in rows for line in each.cells)
    prose = page.has_prose([line for each in rows for line in each.cells])
    if label_like < LABEL_LIKE_MIN_SHARE * len(labels):
        return False
    # labels mostly end well before the column (prose set in two columns fills its lines)
    if (
        len(labels) >= FULL_LABELS_MIN_LINES
        and _full_lines(labels, page.label_limit) > len(labels) // 2
    ):
        return False
    return known or not (right_chars < TEXT_TO_LABEL_MIN_RATIO * left_chars or not prose)


# --------------------------------------------------------------------------- line measures


def _full_lines(lines: list[_RawLine], limit: float) -> int:
    """How many of `lines` run up to about `limit` (the right end of their column)."""
    left = min(line.x0 for line in lines)
    return sum(1 for line in lines if line.x1 >= limit - FULL_LINE_SHARE * (limit - left))


def _would_fit(line: _RawLine, following: _RawLine, limit: float) -> bool:
    """Would the first word of `following` have fitted at the end of `line` (the column ending
    at `limit`)? Then `following` did not wrap from it. Its width is estimated from the
    following line's own letters."""
    text = following.text
    word = text.split(" ", 1)[0]
    char_width = (following.x1 - following.x0) / max(len(text), 1)
    needed = (len(word) + 1) * char_width
    return line.x1 + needed < limit - max(
        FIT_MARGIN_MIN, FIT_MARGIN_SHARE * (line.bottom - line.top)
    )


def _pitch(lines: list[_RawLine], height: float) -> float:
    """The most common distance between consecutive lines (to the point)."""
    tops = sorted(line.top for line in lines)
    steps = Counter(
        round(b - a)
        for a, b in itertools.pairwise(tops)
        if PITCH_MIN_HEIGHTS * height < b - a < PITCH_MAX_HEIGHTS * height
    )
    if not steps:
        return DEFAULT_PITCH_HEIGHTS * height
    return float(min(steps, key=lambda step: (-steps[step], step)))
