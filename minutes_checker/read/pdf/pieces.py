"""Where a line is drawn in pieces: PDFium's text rectangles (one call for the page, a run of
one text object each) matched to the lines they belong to, and a line's pieces set apart by gaps
wider than a space (a column gap or a table cell's border). Also the geometry shared by
`columns`, `tables` and `run_in`: clusters of nearly equal x, and splitting a line at a word.
"""

from __future__ import annotations

import bisect
import ctypes
import re

import pypdfium2.raw as pdfium_c

from .lines import _PageText, _RawLine, _unchecked

# points within which two x positions count as the same column (line starts, piece starts)
COLUMN_TOLERANCE = 3.0
# points: a word sought from some x on may start this little left of it (boxes are loose)
WORD_START_SLACK = 1.0
# points a text rectangle's middle may stand above or below a line's box and still be the line's
RECT_LINE_SLACK = 2.0
# line heights: a line's rectangle may start this far left of the line's box ...
RECT_START_SLACK = 0.5
# ... and points: this far right of the line's end (a rectangle of trailing spaces does not)
RECT_START_OVERRUN = 1.0
# line heights: a gap from this wide between two rectangles sets two pieces apart (wider than
# the space between two words: a column gap or a table cell's border) ...
PIECE_GAP_HEIGHTS = 0.7
# ... and points: a gap at least this wide
PIECE_GAP_MIN = 4.0

_Rect = tuple[float, float, float, float]  # x0, top, x1, bottom

# (page, int, double* left, double* top, double* right, double* bottom), for every rectangle
_get_rect = _unchecked(pdfium_c.FPDFText_GetRect)

# a word's first character: no white space, after white space (`\s` is what `str.isspace` says;
# the look-behind sees the text before the search's start)
_WORD_START = re.compile(r"(?<=\s)\S")


def _page_rects(reader: _PageText) -> list[_Rect]:
    """PDFium's text rectangles of a page (one per run of text of one text object on one line),
    in character order, as (x0, top, x1, bottom) from the page's top left."""
    raw = reader.raw
    count = pdfium_c.FPDFText_CountRects(raw, 0, -1)
    left, top_edge = reader.left, reader.top_edge
    x0, top, x1, bottom = (ctypes.c_double() for _ in range(4))
    edges = [ctypes.byref(value) for value in (x0, top, x1, bottom)]
    get_rect = _get_rect
    out: list[_Rect] = []
    for index in range(count):
        if get_rect(raw, index, *edges):
            out.append(
                (x0.value - left, top_edge - top.value, x1.value - left, top_edge - bottom.value)
            )
    return out


def _line_rects(lines: list[_RawLine], rects: list[_Rect]) -> dict[int, list[_Rect]]:
    """The rectangles of every line drawn in more than one piece, left to right. A rectangle
    belongs to the line whose box holds its middle and in which it starts (it may run on over
    trailing spaces); rectangles over several lines, or of no line, are left out."""
    out: dict[int, list[_Rect]] = {}
    order = sorted(range(len(lines)), key=lambda index: lines[index].top)
    tops = [lines[index].top for index in order]
    above, left_share, overrun = RECT_LINE_SLACK, RECT_START_SLACK, RECT_START_OVERRUN
    reach = max(line.bottom - line.top for line in lines) + above
    for rect in rects:
        middle = (rect[1] + rect[3]) / 2
        low = bisect.bisect_left(tops, middle - reach)
        high = bisect.bisect_right(tops, middle + above)
        for position in range(low, high):
            index = order[position]
            line = lines[index]
            slack = left_share * (line.bottom - line.top)
            if (
                line.top - above <= middle <= line.bottom + above
                and line.x0 - slack <= rect[0] <= line.x1 + overrun
            ):
                out.setdefault(index, []).append(rect)
                break
    for index in [index for index, found in out.items() if len(found) < 2]:
        del out[index]
    for found in out.values():
        found.sort()
    return out


def _parts(line: _RawLine, rects: list[_Rect]) -> list[tuple[float, float]]:
    """A line's pieces (x0, x1) set apart by gaps wider than a space: from about 0.7 of the
    line's height, a column gap or a table cell's border, not the space between two words."""
    wide = max(PIECE_GAP_HEIGHTS * (line.bottom - line.top), PIECE_GAP_MIN)
    parts = [(rects[0][0], rects[0][2])]
    for rect in rects[1:]:
        start, end = parts[-1]
        if rect[0] - end >= wide:
            parts.append((rect[0], rect[2]))
        else:
            parts[-1] = (start, max(end, rect[2]))
    return parts


def _clusters(values: list[float], tolerance: float, minimum: int) -> list[tuple[float, int]]:
    """Groups of nearly equal values (chained within `tolerance`): (median, size), largest
    first; only groups of at least `minimum` values."""
    out: list[tuple[float, int]] = []
    ordered = sorted(values)
    start = 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or ordered[index] - ordered[index - 1] > tolerance:
            group = ordered[start:index]
            if len(group) >= minimum:
                out.append((group[len(group) // 2], len(group)))
            start = index
    out.sort(key=lambda cluster: (-cluster[1], cluster[0]))
    return out


def _word_start_at(reader: _PageText, line: _RawLine, x: float) -> int | None:
    """The text index of the first word of `line` that begins at or right of `x`."""
    starts = [
        match.start() for match in _WORD_START.finditer(reader.text, line.start + 1, line.end)
    ]
    low, high = 0, len(starts)
    while low < high:  # words stand left to right: binary search on their left edges
        middle = (low + high) // 2
        left = reader.char_left(starts[middle])
        if left is not None and left >= x:
            high = middle
        else:
            low = middle + 1
    return starts[low] if low < len(starts) else None


def _split(reader: _PageText, line: _RawLine, at: int) -> tuple[_RawLine, _RawLine] | None:
    """`line` as two lines, before and from the text index `at` (None when either is empty)."""
    left = reader.line(line.start, at, False)
    right = reader.line(at, line.end, line.hyphen)
    if left is None or right is None:
        return None
    return left, right
