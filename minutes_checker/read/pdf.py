"""PDF reader: pypdfium2 for all text (about 1-2 ms a page), streamed page by page.

For every page the text page is read once (`get_text_range`), split into lines at PDFium's line
breaks, and each line gets its box (loose boxes of its first and last character), font size and
weight from one or two characters: a handful of PDFium calls per line, never one per character.
Footnote marks glued to a word are taken off it.

PDFium's text rectangles (one call for the page, a run of one text object each) show where a
line is drawn in pieces with a column gap between them. From them, page by page (`_Columns`):
label-text tables (a label cell beside its text, read by PDFium as one line) are split at the
column and put in reading order, each row's label a heading block and its text paragraphs; data
table rows become table cells; a section label run into a paragraph (bold, or before a column
gap) becomes a heading of its own. pdfplumber (about 0.1 s a page) reads a page's ruling lines
only where that geometry leaves open whether a label line starts a new row, on at most
`MAX_RULED_PAGES` pages of a document.

Running headers and footers are removed by repetition across pages, paragraphs are rebuilt from
line gaps, line lengths and font changes, and hyphenated line ends are joined (see `cleanup`).
"""

from __future__ import annotations

import bisect
import contextlib
import ctypes
import functools
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pydantic import BaseModel

from ..errors import CorruptFile, EncryptedFile, ScannedPdf, TooLarge
from ..models import Block, BlockKind, Box, Document, Furniture, Line, Meeting, Page
from .furniture import find_running_lines
from .text import clean_line, join_lines

MAX_PAGES = 5000


def _trusted(model: type[BaseModel], fields: set[str]) -> Callable[[dict[str, Any]], Any]:
    """A maker of many small trusted models (what `model_construct` does, without its per-call
    field loop and keyword packing): it takes the model's `__dict__` as built by the caller,
    keys in the order the JSON is to have. One fields set is shared (all fields are set)."""
    new = object.__new__
    set_attribute = object.__setattr__

    def make(data: dict[str, Any]) -> Any:
        instance = new(model)
        set_attribute(instance, "__dict__", data)
        set_attribute(instance, "__pydantic_fields_set__", fields)
        set_attribute(instance, "__pydantic_extra__", None)
        set_attribute(instance, "__pydantic_private__", None)
        return instance

    return make


def _fields(model: type[BaseModel], keys: tuple[str, ...]) -> set[str]:
    """The fields of `model`, which must be `keys` (the dicts built for it below): a field added
    to the model must be added here too."""
    if set(keys) != set(model.model_fields) or len(keys) != len(model.model_fields):
        raise RuntimeError(f"the PDF reader builds {model.__name__} with fields {keys}")
    return set(keys)


# key orders as the readers have always written them (a Line's and a Block's defaults first)
_new_line = _trusted(Line, _fields(Line, ("size", "bold", "start", "end", "page", "box")))
_new_box = _trusted(Box, _fields(Box, ("x0", "top", "x1", "bottom")))
_new_block = _trusted(
    Block, _fields(Block, ("kind", "level", "bold", "size", "start", "end", "page"))
)
_new_page = _trusted(Page, _fields(Page, ("number", "start", "end", "width", "height")))
_new_furniture = _trusted(Furniture, _fields(Furniture, ("text", "page")))
# PDFium marks a hyphen at a line end that it has joined with the next line with U+FFFE
# (older builds: U+0002); the next character starts the next line.
_LINE_BREAK_HYPHENS = "\ufffe\x02"
# a line: a run of characters between PDFium's line breaks ("\r\n", a lone "\r" or "\n") and
# joined hyphens
_LINE_RUN = re.compile(r"[^\r\n\ufffe\x02]+")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|[-,]bd\b|extrabold", re.IGNORECASE)
# bullets, "1." / "2)" and "a)" / "b. Tekst" (not "d. 23.06.2022", an abbreviated "den")
_LIST_MARKER = re.compile(
    r"^(?:[•▪◦●○■□►▸‣⁃∙·*\-–—]\s|\(?\d{1,2}[.)]\s+\S|\(?[a-hA-H]\)\s+\S|[a-h]\.\s+[A-ZÆØÅ])"
)
# a line that may start an agenda item: "Punkt 14", "Pkt. 3", "149. Orientering om …"
_ITEM_START = re.compile(
    r"^(?:(?:punkt|pkt\.?|dagsordenspunkt)\s*\d{1,4}\b|\d{1,3}\.\s+[A-ZÆØÅ])", re.IGNORECASE
)
_HAS_TEXT = re.compile(r"[^\W_]")
# a footnote mark: one or two digits right after a letter, before a space, punctuation or the end
_NOTE_MARK = re.compile(r"[^\W\d_](\d{1,2})(?=[\s.,;:)!?]|$)")
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[.!?:;]['\"»)]*$")


@dataclass(slots=True)
class _RawLine:
    """One line as read from a page (PDF user space converted to points from the top left)."""

    text: str
    page: int  # 0-based
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # rounded to half points
    bold: bool
    role: int = 0  # _PLAIN, _LABEL / _CELL (a label-text row's left / right cell), _TABLE
    row: int = -1  # the label-text row of a _LABEL or _CELL line (unique in the document)
    start: int = 0  # where the line stands in its page's PDFium text
    end: int = 0
    hyphen: bool = False
    note: bool = False  # a footnote mark was taken off its end


# --------------------------------------------------------------------------- opening


def _check_complete(data: bytes) -> None:
    """A PDF must end with %%EOF (give or take trailing whitespace); otherwise it was cut off."""
    tail = data[-2048:].rstrip(b"\x00\r\n\t\f ")
    if b"%%EOF" not in tail[-1100:]:
        raise CorruptFile("PDF'en er afkortet: slutningen af filen mangler")


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedFile() from None
        raise CorruptFile("PDF'en kan ikke åbnes") from None


# --------------------------------------------------------------------------- one page


def _unchecked(function: Any) -> Any:
    """A pypdfium2 binding as a bare function pointer (same address and return type): ctypes
    then converts each argument by its own type instead of checking it against the declared
    one, which halves the cost of a call. For the few functions called for every line; their
    callers pass what C expects: Python ints for `int`, a ctypes pointer (the text page's
    handle, `byref`, an array) for a pointer, `c_ulong` for `unsigned long`."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(function.restype)(address)


_loose_char_box = _unchecked(pdfium_c.FPDFText_GetLooseCharBox)  # (page, int, FS_RECTF*)
_font_size = _unchecked(pdfium_c.FPDFText_GetFontSize)  # (page, int)
_font_weight = _unchecked(pdfium_c.FPDFText_GetFontWeight)  # (page, int)
# (page, int, void* buffer, unsigned long length, int* flags)
_font_info = _unchecked(pdfium_c.FPDFText_GetFontInfo)


class _FontBuffer:
    """Buffers for FPDFText_GetFontInfo, one set per page read (no shared state)."""

    def __init__(self) -> None:
        self.name = ctypes.create_string_buffer(256)
        self.length = ctypes.c_ulong(ctypes.sizeof(self.name))
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)


def _is_bold(textpage: object, index: int, buffer: _FontBuffer) -> bool:
    weight = _font_weight(textpage, index)
    if weight >= 600:
        return True
    length = _font_info(textpage, index, buffer.name, buffer.length, buffer.flags_ref)
    if length <= 0:
        return False
    return _bold_name(buffer.name.value)


@functools.lru_cache(maxsize=1024)
def _bold_name(name: bytes) -> bool:
    """Does a font's name ("ABCDEF+Calibri-Bold") say bold? (A document uses a few fonts for
    thousands of lines.)"""
    text = name.decode("latin-1", "replace")
    return bool(_BOLD_NAME.search(text.split("+", 1)[-1]))


def _first_index(text: str, start: int, end: int, step: int) -> int:
    """Index of the first (step 1) or last (step -1) letter or digit in text[start:end]."""
    positions = range(start, end) if step == 1 else range(end - 1, start - 1, -1)
    fallback = -1
    for i in positions:
        char = text[i]
        if char.isalnum():
            return i
        if fallback < 0 and not char.isspace():
            fallback = i
    return fallback


class _PageText:
    """One open page's text and the PDFium handles to measure it (boxes, sizes, weights)."""

    __slots__ = (
        "fonts",
        "glued",
        "height",
        "left",
        "page_index",
        "raw",
        "rect",
        "rect_ref",
        "same_index",
        "text",
        "top_edge",
    )

    def __init__(
        self, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, page_index: int, text: str
    ) -> None:
        self.text = text
        self.raw = textpage.raw
        self.page_index = page_index
        self.same_index = len(text) == textpage.count_chars()
        left, bottom, _right, top_edge = page.get_bbox()
        self.left = left
        self.top_edge = top_edge
        self.height = top_edge - bottom
        self.rect = pdfium_c.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.fonts = _FontBuffer()
        # digits right after a letter (what _NOTE_MARK's `[^\W\d_]\d` needs; such a digit
        # starts a run of digits): only lines with one are searched for footnote marks
        self.glued = [
            position
            for position in (match.start() for match in _DIGITS.finditer(text))
            if position and text[position - 1].isalnum() and not text[position - 1].isdecimal()
        ]

    def char_index(self, text_index: int) -> int:
        if self.same_index:
            return text_index
        return pdfium_c.FPDFText_GetCharIndexFromTextIndex(self.raw, text_index)

    def char_left(self, text_index: int) -> float | None:
        """The left edge of a character (points from the page's left edge)."""
        ci = self.char_index(text_index)
        if ci < 0 or not pdfium_c.FPDFText_GetLooseCharBox(self.raw, ci, self.rect):
            return None
        return self.rect.left - self.left

    def line(self, start: int, end: int, hyphen: bool) -> _RawLine | None:
        """The line made of text[start:end] (`hyphen`: PDFium joined a hyphen at its end).

        Its box spans the loose boxes of its first and last letter or digit (of the joined
        hyphen when there is one); size and weight are its first letter's. Called for every
        line of a document: the common cases come first.
        """
        text = self.text
        if start >= end:
            return None
        first = start if text[start].isalnum() else _first_index(text, start, end, 1)
        if first < 0:
            return None
        last = end - 1 if text[end - 1].isalnum() else _first_index(text, start, end, -1)
        segment = text[start:end]
        note = False
        glued = self.glued
        if glued:
            after = bisect.bisect_left(glued, start + 1)
            if after < len(glued) and glued[after] < end and _NOTE_MARK.search(segment):
                segment, note = self._strip_notes(segment, start, first)
        if hyphen:
            segment += "-"
        elif segment.endswith("\u00ad"):
            segment = segment[:-1] + "-"
        line_text = clean_line(segment)
        if not line_text:
            return None
        raw = self.raw
        rect, rect_ref = self.rect, self.rect_ref
        if self.same_index:
            ci_first, ci_last = first, end if hyphen else last
        else:
            ci_first = self.char_index(first)
            ci_last = self.char_index(end if hyphen else last)
        get_box = _loose_char_box
        # the two boxes combined as min() and max() would (the first wins a tie)
        if ci_first >= 0 and get_box(raw, ci_first, rect_ref):
            x0, low, x1, high = rect.left, rect.bottom, rect.right, rect.top
            if ci_last != ci_first and ci_last >= 0 and get_box(raw, ci_last, rect_ref):
                if rect.left < x0:
                    x0 = rect.left
                if rect.bottom < low:
                    low = rect.bottom
                if rect.right > x1:
                    x1 = rect.right
                if rect.top > high:
                    high = rect.top
        elif ci_last != ci_first and ci_last >= 0 and get_box(raw, ci_last, rect_ref):
            x0, low, x1, high = rect.left, rect.bottom, rect.right, rect.top
        else:
            return None
        left, top_edge = self.left, self.top_edge
        if ci_first >= 0:
            size = _font_size(raw, ci_first)
            bold = _is_bold(raw, ci_first, self.fonts)
            if bold and ci_last != ci_first and ci_last >= 0 and not hyphen:
                bold = _is_bold(raw, ci_last, self.fonts)
        else:
            size, bold = 0.0, False
        return _RawLine(
            line_text,
            self.page_index,
            x0 - left,
            top_edge - high,
            x1 - left,
            top_edge - low,
            round(size * 2) / 2,
            bold,
            _PLAIN,
            -1,
            start,
            end,
            hyphen,
            note,
        )

    def _strip_notes(self, segment: str, start: int, first: int) -> tuple[str, bool]:
        """The segment without footnote marks ("på landsplan¹" set as a small raised "1"), and
        whether it ended with one. A mark glued to a word would hide the word from the rules."""
        raw = self.raw
        base = pdfium_c.FPDFText_GetFontSize(raw, self.char_index(first))
        ends = False
        for match in reversed(list(_NOTE_MARK.finditer(segment))):
            ci = self.char_index(start + match.start(1))
            if ci < 0 or pdfium_c.FPDFText_GetFontSize(raw, ci) >= 0.8 * base:
                continue
            if not segment[match.end(1) :].strip():
                ends = True
            segment = segment[: match.start(1)] + segment[match.end(1) :]
        return segment, ends


def _same_line(previous: _RawLine, line: _RawLine) -> bool:
    """Does `line` go on where `previous` stops, on the same baseline (PDFium breaks a line
    after a raised footnote mark)?"""
    height = previous.bottom - previous.top
    return (
        abs(line.bottom - previous.bottom) <= 0.3 * height
        and -1.0 <= line.x0 - previous.x1 <= height
    )


def _join_after_note(previous: _RawLine, line: _RawLine) -> _RawLine:
    joiner = "" if line.text[:1] in ".,;:)!?" else " "
    return _RawLine(
        previous.text + joiner + line.text,
        previous.page,
        previous.x0,
        min(previous.top, line.top),
        line.x1,
        max(previous.bottom, line.bottom),
        previous.size,
        previous.bold and line.bold,
        start=previous.start,
        end=line.end,
        hyphen=line.hyphen,
        note=line.note,
    )


def _line_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, hyphen) of every line in a page's text: the runs between line breaks, and
    whether PDFium joined a hyphen at the run's end (the break after it is U+FFFE)."""
    crlf = text.count("\r\n")
    if (
        text.count("\r") == crlf
        and text.count("\n") == crlf
        and "\ufffe" not in text
        and "\x02" not in text
    ):
        # the usual page: lines end with "\r\n" and nothing else breaks them
        spans = []
        position = 0
        for piece in text.split("\r\n"):
            end = position + len(piece)
            if piece:
                spans.append((position, end, False))
            position = end + 2
        return spans
    length = len(text)
    spans = []
    for match in _LINE_RUN.finditer(text):
        end = match.end()
        spans.append((match.start(), end, end < length and text[end] in _LINE_BREAK_HYPHENS))
    return spans


def _page_lines(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, page_index: int
) -> tuple[list[_RawLine], int, _PageText | None]:
    """The lines of one page, 1 if the page has any letter or digit (else 0), and its text."""
    text = textpage.get_text_range()
    if not text:
        return [], 0, None
    reader = _PageText(page, textpage, page_index, text)
    make_line = reader.line
    lines: list[_RawLine] = []
    for start, end, hyphen in _line_spans(text):
        line = make_line(start, end, hyphen)
        if line is None:
            continue
        if lines and lines[-1].note and _same_line(lines[-1], line):
            line = _join_after_note(lines.pop(), line)
        lines.append(line)
    letters = 1 if _HAS_TEXT.search(text) else 0
    return lines, letters, reader


# --------------------------------------------------------------------------- columns

# line roles: a label-text row's left cell (emitted as a heading) and right cell (paragraphs),
# and a data table's row (a table cell block of its own)
_PLAIN, _LABEL, _CELL, _TABLE = 0, 1, 2, 3
# pdfplumber (about 0.1 s a page) reads ruling lines only where PDFium's geometry cannot tell
# where a label-text row ends, on at most this many pages of a document
MAX_RULED_PAGES = 12
_COLUMN_TOLERANCE = 3.0

_Rect = tuple[float, float, float, float]  # x0, top, x1, bottom


def _page_rects(reader: _PageText) -> list[_Rect]:
    """PDFium's text rectangles of a page (one per run of text of one text object on one line),
    in character order, as (x0, top, x1, bottom) from the page's top left."""
    raw = reader.raw
    count = pdfium_c.FPDFText_CountRects(raw, 0, -1)
    left, top_edge = reader.left, reader.top_edge
    x0, top, x1, bottom = (ctypes.c_double() for _ in range(4))
    get_rect = pdfium_c.FPDFText_GetRect
    out: list[_Rect] = []
    for index in range(count):
        if get_rect(raw, index, x0, top, x1, bottom):
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
    reach = max(line.bottom - line.top for line in lines) + 2.0
    for rect in rects:
        middle = (rect[1] + rect[3]) / 2
        low = bisect.bisect_left(tops, middle - reach)
        high = bisect.bisect_right(tops, middle + 2.0)
        for position in range(low, high):
            index = order[position]
            line = lines[index]
            slack = 0.5 * (line.bottom - line.top)
            if (
                line.top - 2.0 <= middle <= line.bottom + 2.0
                and line.x0 - slack <= rect[0] <= line.x1 + 1.0
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
    wide = max(0.7 * (line.bottom - line.top), 4.0)
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
    text = reader.text
    starts = [
        i
        for i in range(line.start + 1, line.end)
        if text[i - 1].isspace() and not text[i].isspace()
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
    left = reader.line(line.start, at, False)
    right = reader.line(at, line.end, line.hyphen)
    if left is None or right is None:
        return None
    return left, right


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

    def __init__(self, data: bytes, protect: Callable[[str], bool] | None) -> None:
        self.data = data
        self.protect = protect
        self.next_row = 0
        self.plumber: Any = None
        self.ruled_pages = 0
        self.rulings: dict[int, list[tuple[float, float, float]] | None] = {}
        self.known: list[float] = []  # label-text columns found on earlier pages

    def _known(self, column: float) -> bool:
        return any(abs(column - seen) <= _COLUMN_TOLERANCE for seen in self.known)

    def close(self) -> None:
        if self.plumber is not None:
            with contextlib.suppress(Exception):
                self.plumber.close()
            self.plumber = None

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
            lines = self._run_in_labels(reader, lines, pieces, parts)
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
                number = self.next_row
                self.next_row += 1
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
        ruled = self._ruled_between(reader.page_index, label.bottom, line.top, line.x0)
        if ruled is not None:
            return ruled
        if line.text[:1].islower():
            return False  # "Administrationens" / "indstilling": a label goes on
        return bool(self.protect and self.protect(line.text))

    def _ruled_between(self, page_index: int, upper: float, lower: float, x: float) -> bool | None:
        """Whether a ruled table's row border lies between `upper` and `lower` at `x`; None when
        no ruled table stands there (or pdfplumber is not used for this page)."""
        rulings = self._page_rulings(page_index)
        if not rulings:
            return None
        covering = [(y, x0, x1) for y, x0, x1 in rulings if x0 - 2.0 <= x <= x1 + 2.0]
        if not covering or not any(upper - 30 <= y <= lower + 30 for y, _x0, _x1 in covering):
            return None
        return any(upper - 1.5 <= y <= lower + 1.5 for y, _x0, _x1 in covering)

    def _page_rulings(self, page_index: int) -> list[tuple[float, float, float]] | None:
        if page_index in self.rulings:
            return self.rulings[page_index]
        found: list[tuple[float, float, float]] | None = None
        if self.ruled_pages < MAX_RULED_PAGES:
            self.ruled_pages += 1
            try:
                found = self._find_rulings(page_index)
            except Exception:  # pdfplumber is an aid here; a failure only loses the aid
                found = None
        self.rulings[page_index] = found
        return found

    def _find_rulings(self, page_index: int) -> list[tuple[float, float, float]]:
        import io

        import pdfplumber

        if self.plumber is None:
            self.plumber = pdfplumber.open(io.BytesIO(self.data))
        page = self.plumber.pages[page_index]
        try:
            out = []
            for table in page.find_tables():
                for row in table.rows:
                    x0, top, x1, bottom = row.bbox
                    out.append((float(top), float(x0), float(x1)))
                    out.append((float(bottom), float(x0), float(x1)))
            return out
        finally:
            page.close()

    # ------------------------------------------------------------------ run-in labels

    def _run_in_labels(
        self,
        reader: _PageText,
        lines: list[_RawLine],
        pieces: dict[int, list[_Rect]],
        parts: dict[int, list[tuple[float, float]]],
    ) -> list[_RawLine]:
        """A section label run into the start of a paragraph's first line, told apart by the
        layout: the label bold and the rest not ("**Sagsfremstilling** Skanderborg klarer …"),
        or a column gap after it (a tab to a hanging indent, a table row alone on its page).
        The label becomes a line (and a heading block) of its own; an ordinary sentence that
        begins with "Beslutning" or "Indstilling" has neither."""
        assert self.protect is not None
        out: list[_RawLine] = []
        previous: _RawLine | None = None
        for index, line in enumerate(lines):
            rects = pieces.get(index)
            halves = None
            if (
                rects is not None
                and not line.bold
                and line.role == _PLAIN
                and (previous is None or _SENTENCE_END.search(previous.text) or previous.bold)
            ):
                split = parts.get(index)  # one wide gap only: not a justified line's spaces
                halves = None
                if split is not None and len(split) == 2:
                    halves = self._label_at(reader, line, split[1][0], bold=False)
                if halves is None:
                    halves = self._label_at(reader, line, rects[0][2], bold=True)
            if halves is None:
                out.append(line)
            else:
                label = halves[0]
                label.role, label.row = _LABEL, self.next_row
                self.next_row += 1
                out.extend(halves)
            previous = line
        return out

    def _label_at(
        self, reader: _PageText, line: _RawLine, x: float, bold: bool
    ) -> tuple[_RawLine, _RawLine] | None:
        """`line` split at its first word from `x` on, when what stands before is a section
        heading (set in bold, the rest not, when `bold`)."""
        assert self.protect is not None
        if bold:
            first = _first_index(reader.text, line.start, line.end, 1)
            if first < 0 or not _is_bold(reader.raw, reader.char_index(first), reader.fonts):
                return None
        at = _word_start_at(reader, line, x - 1.0)
        if at is None or at - line.start > 80:
            return None
        if bold and _is_bold(reader.raw, reader.char_index(at), reader.fonts):
            return None
        label_text = clean_line(reader.text[line.start : at])
        if not label_text or not self.protect(label_text):
            return None
        return _split(reader, line, at)


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


def _mark_tables(lines: list[_RawLine], parts: dict[int, list[tuple[float, float]]]) -> None:
    """Data table rows, from the pieces of lines that a column gap splits:

    - a line in three or more pieces whose piece starts mostly line up with a neighbour's;
    - three or more consecutive lines in two or more pieces whose last pieces start at the
      same x (a column of figures);
    - the header row: a bold line in pieces right above such a row, or whose second piece
      starts where one of the next lines starts (a table whose cells PDFium reads as lines of
      their own), is part of the table, not a heading.
    """
    if not parts:
        return

    def starts(index: int) -> list[float]:
        return [piece[0] for piece in parts.get(index, ())[1:]]

    def near(x: float, values: list[float]) -> bool:
        return any(abs(x - y) <= _COLUMN_TOLERANCE for y in values)

    def matches(a: int, b: int) -> tuple[int, int]:
        ours, theirs = starts(a), starts(b)
        return sum(1 for x in ours if near(x, theirs)), min(len(ours), len(theirs))

    table: set[int] = set()
    for index, pieces in parts.items():
        if len(pieces) < 3:
            continue
        for other in (index - 1, index + 1):
            found, fewest = matches(index, other)
            if other in parts and found >= 2 and found >= 0.6 * fewest:
                table.update((index, other))
    run: list[int] = []
    for index in [*sorted(parts), -2]:
        if run and index == run[-1] + 1 and near(parts[index][-1][0], [parts[run[-1]][-1][0]]):
            run.append(index)
            continue
        if len(run) >= 3:
            table.update(run)
        run = [index] if index >= 0 else []
    for index in sorted(parts):
        line = lines[index]
        if index in table or not line.bold:
            continue
        below = index + 1
        header = False
        if below in table and matches(index, below)[0] >= 1:
            header = lines[below].top - line.bottom <= 1.5 * (line.bottom - line.top)
        if not header:
            following = [other.x0 for other in lines[index + 1 : index + 4]]
            header = any(near(x, following) for x in starts(index))
        if header:
            table.add(index)
    for index in table:
        lines[index].role = _TABLE


# --------------------------------------------------------------------------- paragraphs


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


# --------------------------------------------------------------------------- the reader


def read_pdf(data: bytes, source: str, protect: Callable[[str], bool] | None = None) -> Document:
    """Read a PDF's bytes into a Document (not yet structured). Raises InputError subclasses."""
    _check_complete(data)
    pdf = _open(data)
    columns = _Columns(data, protect)
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise TooLarge(f"{count} sider; højst {MAX_PAGES}")
        if count == 0:
            raise CorruptFile("PDF'en har ingen sider")
        sizes: list[tuple[float, float]] = []
        all_lines: list[list[_RawLine]] = []
        textless: list[int] = []
        unreadable: list[int] = []
        for index in range(count):
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                unreadable.append(index + 1)
                sizes.append((0.0, 0.0))
                all_lines.append([])
                continue
            try:
                sizes.append((float(page.get_width()), float(page.get_height())))
                textpage = page.get_textpage()
                try:
                    lines, letters, reader = _page_lines(page, textpage, index)
                    if reader is not None and len(lines) >= 2:
                        lines = columns.arrange(reader, lines)
                finally:
                    textpage.close()
            finally:
                page.close()
            if letters == 0:
                textless.append(index + 1)
            all_lines.append(lines)
    finally:
        pdf.close()
        columns.close()
    if len(unreadable) == count:
        raise CorruptFile("ingen af siderne kan læses")
    if len(textless) + len(unreadable) == count:
        raise ScannedPdf()
    return _assemble(source, all_lines, sizes, textless, unreadable, protect)


def _assemble(
    source: str,
    pages_lines: list[list[_RawLine]],
    sizes: list[tuple[float, float]],
    textless: list[int],
    unreadable: list[int],
    protect: Callable[[str], bool] | None,
) -> Document:
    warnings: list[str] = []
    if unreadable:
        warnings.append(f"side {_pages(unreadable)} kunne ikke læses")
    if textless:
        warnings.append(f"side {_pages(textless)} har ingen tekst (scannet?)")

    running = find_running_lines(pages_lines, protect=protect)
    running_on: dict[int, set[int]] = {}
    for page_index, line_index in running:
        running_on.setdefault(page_index, set()).add(line_index)
    furniture: list[Furniture] = []
    body_pages: list[list[_RawLine]] = []
    for page_index, lines in enumerate(pages_lines):
        on_page = running_on.get(page_index)
        if on_page is None:
            body = lines
        else:
            body = []
            for line_index, line in enumerate(lines):
                if line_index in on_page:
                    furniture.append(_new_furniture({"text": line.text, "page": page_index + 1}))
                else:
                    body.append(line)
        body_pages.append(_reading_order(body))

    body_lines = [line for lines in body_pages for line in lines]
    layout = _Layout(body_lines, {i: size[0] for i, size in enumerate(sizes)})
    headings = [layout.headingish(line) for line in body_lines]

    # group lines into paragraphs: runs of body_lines, each starting at one of `group_starts`
    group_starts: list[int] = []
    index = 0
    for lines in body_pages:
        for position, line in enumerate(lines):
            if not index or not _continues(
                layout,
                body_lines[index - 1],
                line,
                position == 0,
                headings[index - 1],
                headings[index],
            ):
                group_starts.append(index)
            index += 1
    group_starts.append(len(body_lines))

    parts: list[str] = []
    offset = 0
    page_starts: dict[int, int] = {}
    blocks: list[Block] = []
    doc_lines: list[Line] = []
    new_line, new_box = _new_line, _new_box
    for group_start, group_end in itertools.pairwise(group_starts):
        group = body_lines[group_start:group_end]
        if parts:
            parts.append("\n\n")
            offset += 2
        first = group[0]
        if len(group) == 1:
            text = first.text
            spans = [(0, len(text))]
        else:
            text, spans = join_lines([line.text for line in group])
        bold = True
        for line, (start, end) in zip(group, spans, strict=True):
            page_starts.setdefault(line.page, offset + start)
            doc_lines.append(
                new_line(
                    {
                        "size": line.size,
                        "bold": line.bold,
                        "start": offset + start,
                        "end": offset + end,
                        "page": line.page + 1,
                        "box": new_box(
                            {
                                "x0": round(line.x0, 2),
                                "top": round(line.top, 2),
                                "x1": round(line.x1, 2),
                                "bottom": round(line.bottom, 2),
                            }
                        ),
                    }
                )
            )
            if not line.bold:
                bold = False
        blocks.append(
            _new_block(
                {
                    "kind": _block_kind(group, headings[group_start:group_end]),
                    "level": None,
                    "bold": bold,
                    "size": first.size,
                    "start": offset,
                    "end": offset + len(text),
                    "page": first.page + 1,
                }
            )
        )
        parts.append(text)
        offset += len(text)
    full_text = "".join(parts)

    pages: list[Page] = []
    count = len(pages_lines)
    next_start = len(full_text)
    starts = [0] * count
    for index in range(count - 1, -1, -1):
        if index in page_starts:
            next_start = page_starts[index]
        starts[index] = next_start
    starts[0] = 0
    for index in range(count):
        end = starts[index + 1] if index + 1 < count else len(full_text)
        width, height = sizes[index]
        pages.append(
            _new_page(
                {
                    "number": index + 1,
                    "start": starts[index],
                    "end": end,
                    "width": round(width, 2) or None,
                    "height": round(height, 2) or None,
                }
            )
        )
    return Document.model_construct(
        source=source,
        format="pdf",
        sha256=None,
        text=full_text,
        pages=pages,
        blocks=blocks,
        lines=doc_lines,
        furniture=furniture,
        meeting=Meeting(),
        items=[],
        warnings=warnings,
    )


def _reading_order(lines: list[_RawLine]) -> list[_RawLine]:
    """PDFium's order follows the content stream; sort by position when that order is scrambled."""
    if len(lines) < 4 or any(line.role == _CELL for line in lines):
        return lines  # a page arranged in label-text rows is in reading order already
    upward = sum(1 for a, b in itertools.pairwise(lines) if b.top < a.top - 2.0)
    if upward <= max(1, len(lines) // 5):
        return lines
    return sorted(lines, key=lambda line: (round(line.top / 3.0), line.x0))


def _pages(numbers: list[int]) -> str:
    if len(numbers) > 8:
        return ", ".join(str(n) for n in numbers[:8]) + f" (og {len(numbers) - 8} flere)"
    return ", ".join(str(n) for n in numbers)
