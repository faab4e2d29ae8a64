"""Label-text tables, page by page (`_Columns`): minutes systems often print an item as a
two-column table, a short label on the left ("Sagsfremstilling") beside its text on the right,
which PDFium reads as one line. The page's lines are split at the column and put in reading
order, each row's label a heading block and its text paragraphs. Pages without such a column get
their data table rows marked (`tables`) and run-in section labels split off (`run_in`).
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
    _COLUMN_TOLERANCE,
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


@dataclass(slots=True)
class _Row:
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
    label lines (one heading block), then its text. pdfplumber's ruling lines (`find_tables`)
    are read only when the geometry leaves open whether a label line starts a new row.

    A line in three or more pieces that line up with a neighbour's is a data table row; a bold
    line right above such rows is the table's header row, not a heading.

    `protect(text)` tells whether a text is a section heading ("Sagsfremstilling"); with it, a
    bold label run into the start of a paragraph ("Sagsfremstilling Skanderborg klarer …", only
    the label bold) is split off as a heading of its own.
    """

    def __init__(self, rulings: _Rulings, protect: Callable[[str], bool] | None) -> None:
        self.rulings = rulings
        self.protect = protect
        # the row of a _LABEL or _CELL line, unique in the document (label rows, run-in labels)
        self.row_numbers = itertools.count()
        self.known: list[float] = []  # label-text columns found on earlier pages

    def _known(self, column: float) -> bool:
        return any(abs(column - seen) <= _COLUMN_TOLERANCE for seen in self.known)

    # ------------------------------------------------------------------ one page

    def arrange(self, reader: _PageText, lines: list[_RawLine]) -> list[_RawLine]:
        count = pdfium_c.FPDFText_CountRects(reader.raw, 0, -1)
        page_left = min(line.x0 for line in lines)
        page_right = max(line.x1 for line in lines)
        width = page_right - page_left
        if width < 120:
            return lines
        indent = page_left + 0.12 * width
        starts = _clusters(
            [line.x0 for line in lines if line.x0 >= indent], _COLUMN_TOLERANCE, minimum=2
        )
        if count - len(lines) < (1 if self.known else 3) and not starts:
            return lines  # every line one piece (give or take a running header): nothing to do
        pieces = _line_rects(lines, _page_rects(reader)) if count > len(lines) else {}
        parts = {}
        for index, rects in pieces.items():
            split = _parts(lines[index], rects)
            if len(split) >= 2:
                parts[index] = split
        candidates = [p[1][0] for p in parts.values() if p[1][0] >= indent]
        candidates += [line.x0 for line in lines if line.x0 >= indent]
        clusters = _clusters(candidates, _COLUMN_TOLERANCE, minimum=1)
        # a column seen on an earlier page needs less evidence (a last page of one-line rows)
        known = [c for c in clusters if self._known(c[0])]
        for column, _size in (known + [c for c in clusters if c[1] >= 3 and c not in known])[:3]:
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
        width = page_right - page_left
        if column - page_left < 0.12 * width or page_right - column < 0.3 * width:
            return None
        tolerance = _COLUMN_TOLERANCE
        sides: list[str] = []
        upper, lower = 0.07 * reader.height, 0.93 * reader.height
        for index, line in enumerate(lines):
            pieces = parts.get(index, ())
            if line.top < upper or line.bottom > lower:
                sides.append("X")  # a running header's or footer's table is none of ours
            elif any(abs(piece[0] - column) <= tolerance for piece in pieces[1:]):
                sides.append("G")  # label and text on one line, a column gap between them
            elif line.x0 >= column - tolerance:
                sides.append("R")
            elif line.x1 <= column - 2.0:
                sides.append("L")
            else:
                sides.append("F")  # across both columns
        right_tops = [line.top for line, side in zip(lines, sides, strict=True) if side == "R"]
        paired = sum(
            1
            for line, side in zip(lines, sides, strict=True)
            if side == "L" and any(abs(top - line.top) <= 2.5 for top in right_tops)
        )
        gaps = sides.count("G")
        # a new column needs lines that start at it (the right cells' text wraps), and lines
        # with a label beside the text; a column seen before only the latter
        if gaps + paired == 0 or (
            not known and (not right_tops or gaps + paired + len(right_tops) < 3)
        ):
            return None

        # split the lines at the column
        segments: list[tuple[_RawLine, str]] = []
        gapped: set[int] = set()  # right lines in several pieces: cells of a data table
        for index, (line, side) in enumerate(zip(lines, sides, strict=True)):
            if side != "G":
                segments.append((line, side))
                if side == "R" and index in parts:
                    gapped.add(id(line))
                continue
            at = _word_start_at(reader, line, column - tolerance - 1.0)
            halves = _split(reader, line, at) if at is not None else None
            if halves is None:
                segments.append((line, "F"))
                continue
            segments.append((halves[0], "L"))
            segments.append((halves[1], "R"))
            if len(parts[index]) > 2:
                gapped.add(id(halves[1]))

        # the text column holds prose: lines across most of it, not a data table's cells
        right_lines = [line for line, side in segments if side == "R"]
        if not known and not any(
            id(line) not in gapped and line.x1 - line.x0 >= 0.5 * (page_right - column)
            for line in right_lines
        ):
            return None

        # rows: a left line with text beside it starts a row; left lines right below a row's
        # label continue the label; right lines belong to the row above them
        partner: dict[int, float] = {}
        for position, (line, side) in enumerate(segments):
            if side == "L":
                beside = [r.top for r in right_lines if abs(r.top - line.top) <= 2.5]
                if beside:
                    partner[position] = min([line.top, *beside])
        heights = sorted(line.bottom - line.top for line, _ in segments)
        height = heights[len(heights) // 2]
        pitch = _pitch([line for line, _ in segments], height)
        label_limit = column - 0.5 * height  # a left-aligned label wraps before this
        right_limit = max(line.x1 for line in right_lines) if right_lines else page_right
        # prose set in two columns: its left lines go on with sentences (labels start with a
        # capital)
        starters = [segments[position][0].text for position in partner]
        if len(starters) >= 4 and sum(t[:1].islower() for t in starters) > 0.4 * len(starters):
            return None

        def sort_key(position: int) -> tuple[float, float]:
            line, side = segments[position]
            top = partner.get(position, line.top)
            if side == "R":
                for other, value in partner.items():
                    if abs(segments[other][0].top - line.top) <= 2.5:
                        top = min(top, value)
                        break
            return (round(top, 1), line.x0)

        order = sorted(range(len(segments)), key=sort_key)
        rows: list[_Row] = []
        flow: list[_RawLine | _Row] = []
        row: _Row | None = None
        for position in order:
            line, side = segments[position]
            if side == "L":
                joins = False
                if row is not None:
                    last = row.labels[-1]
                    close = -2.5 <= line.top - last.top <= 1.45 * pitch
                    if close and position not in partner:
                        joins = True
                    elif close:
                        # a new row: the text beside the label does not run on (it stops,
                        # or its last line ended early), the rows are spaced wider than lines,
                        # the line's first word would have fitted at the end of the label
                        # line; else ruling lines or its words decide
                        beside = next(r for r in right_lines if abs(r.top - line.top) <= 2.5)
                        text_broke = (
                            not row.cells
                            or line.top - row.cells[-1].top > 1.45 * pitch
                            or _would_fit(row.cells[-1], beside, right_limit)
                        )
                        spaced = line.top - last.top > pitch + max(2.0, 0.15 * height)
                        if not (text_broke or spaced or _would_fit(last, line, label_limit)):
                            joins = not self._new_row(reader, last, line)
                if joins and row is not None:
                    row.labels.append(line)
                elif position in partner:
                    row = _Row(line.top, [line], [])
                    rows.append(row)
                    flow.append(row)
                else:
                    if any(0 < line.top - r.top <= 1.45 * pitch for r in right_lines) and any(
                        0 < r.top - line.top <= 1.45 * pitch for r in right_lines
                    ):
                        return None  # a label set in the middle of its text: not understood
                    row = None
                    flow.append(line)
            elif side == "R" and row is not None and line.top >= row.top - 2.5:
                row.cells.append(line)
            else:
                if side == "F":
                    row = None
                flow.append(line)
        if not rows:
            return None
        # rows follow each other (now and then a heading between two tables), unlike lines of
        # ordinary text that happen to have a wide gap at the same place
        across = sorted(line.top for line, side in segments if side == "F")
        pairs = list(itertools.pairwise(each.top for each in rows))
        adjacent = sum(
            1
            for upper, lower in pairs
            if bisect.bisect_right(across, lower - 1.0) == bisect.bisect_right(across, upper)
        )
        if adjacent < 0.5 * len(pairs):
            return None

        # a label is a short text (not a list marker), the right column holds the prose
        labels = [line for each in rows for line in each.labels]
        label_like = sum(
            1
            for line in labels
            if len(line.text) <= 80
            and sum(ch.isalpha() for ch in line.text) >= 3
            and not _LIST_MARKER.match(line.text)
        )
        left_chars = sum(len(line.text) for line in labels)
        right_chars = sum(len(line.text) for each in rows for line in each.cells)
        prose = any(
            id(line) not in gapped and line.x1 - line.x0 >= 0.5 * (page_right - column)
            for each in rows
            for line in each.cells
        )
        if label_like < 0.7 * len(labels):
            return None
        # labels mostly end well before the column (prose set in two columns fills its lines)
        if len(labels) >= 6 and _full_lines(labels, label_limit) > len(labels) // 2:
            return None
        if not known and (right_chars < 1.5 * left_chars or not prose):
            return None

        rank = {id(line): position for position, (line, _side) in enumerate(segments)}
        # a data table inside the right cells
        _mark_tables(lines, {index: p for index, p in parts.items() if sides[index] in ("R", "F")})
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


def _full_lines(lines: list[_RawLine], limit: float) -> int:
    """How many of `lines` run up to about `limit` (the right end of their column)."""
    left = min(line.x0 for line in lines)
    return sum(1 for line in lines if line.x1 >= limit - 0.12 * (limit - left))


def _would_fit(line: _RawLine, following: _RawLine, limit: float) -> bool:
    """Would the first word of `following` have fitted at the end of `line` (the column ending
    at `limit`)? Then `following` did not wrap from it. Its width is estimated from the
    following line's own letters."""
    text = following.text
    word = text.split(" ", 1)[0]
    char_width = (following.x1 - following.x0) / max(len(text), 1)
    needed = (len(word) + 1) * char_width
    return line.x1 + needed < limit - max(2.0, 0.3 * (line.bottom - line.top))


def _pitch(lines: list[_RawLine], height: float) -> float:
    """The most common distance between consecutive lines (to the point)."""
    tops = sorted(line.top for line in lines)
    steps = Counter(
        round(b - a) for a, b in itertools.pairwise(tops) if 0.7 * height < b - a < 1.8 * height
    )
    if not steps:
        return 1.25 * height
    return float(min(steps, key=lambda step: (-steps[step], step)))
