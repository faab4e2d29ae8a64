"""One page's text into lines: pypdfium2 reads the page's text once (`get_text_range`), it is
split at PDFium's line breaks (`_line_spans`), and each line gets its box (loose boxes of its
first and last character), font size and weight from one or two characters: a handful of PDFium
calls per line, never one per character (`_PageText.line`). Footnote marks glued to a word are
taken off it, and a line PDFium broke after a raised mark is joined again.

The few PDFium functions called for every line are bound as bare ctypes function pointers
(`_unchecked`); lines are built positionally. Both are deliberate: this is the reader's inner
loop. `_RawLine` and the line roles are shared by the other modules of the package.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...dates import NOT_A_MONTH
from ..text import clean_line

# PDFium marks a hyphen at a line end that it has joined with the next line with U+FFFE
# (older builds: U+0002); the next character starts the next line.
_LINE_BREAK_HYPHENS = "\ufffe\x02"
# a line: a run of characters between PDFium's line breaks ("\r\n", a lone "\r" or "\n") and
# joined hyphens
_LINE_RUN = re.compile(r"[^\r\n\ufffe\x02]+")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|[-,]bd\b|extrabold", re.IGNORECASE)
# a list entry's start (no label in `columns`, a new block in `paragraphs`): bullets, "1." /
# "2)" and "a)" / "b. Tekst" (not "d. 23.06.2022", an abbreviated "den")
# (a day and its month at the start of a wrapped line, "26. februar 2025. …", is no list entry)
_LIST_MARKER = re.compile(
    rf"^(?:[•▪◦●○■□►▸‣⁃∙·*\-–—]\s|\(?\d{{1,2}}[.)]\s+{NOT_A_MONTH}\S"
    r"|\(?[a-hA-H]\)\s+\S|[a-h]\.\s+[A-ZÆØÅ])"
)
_HAS_TEXT = re.compile(r"[^\W_]")
# a footnote mark: one or two digits right after a letter, before a space, punctuation or the end
_NOTE_MARK = re.compile(r"[^\W\d_](\d{1,2})(?=[\s.,;:)!?]|$)")
# a digit right after a letter (what _NOTE_MARK's `[^\W\d_]\d` needs)
_GLUED_DIGIT = re.compile(r"(?<=[^\W\d_])\d")
# the end of a sentence (. ! ? : ;) at a line's end, closing quotes or brackets after it


# a font weight from this on is bold (600: semibold)
BOLD_WEIGHT = 600
# a footnote mark glued to a word is set smaller than this share of the word's font size
NOTE_MARK_MAX_SIZE = 0.8
# line heights: a line that goes on after a raised footnote mark has its bottom this close to
# the mark's line's bottom (the same baseline) ...
NOTE_BASELINE_SLACK = 0.3
# ... and points: it may start this far left of where the mark's line ends (at most a line's
# height right of it)
NOTE_JOIN_OVERLAP = 1.0

# line roles: a label-text row's left cell (emitted as a heading) and right cell (paragraphs),
# and a data table's row (a table cell block of its own); set by `columns`, `tables`, `run_in`
_PLAIN, _LABEL, _CELL, _TABLE = 0, 1, 2, 3


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
    if weight >= BOLD_WEIGHT:
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
        # digits right after a letter: only lines with one are searched for footnote marks
        self.glued = [match.start() for match in _GLUED_DIGIT.finditer(text)]

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
            if ci < 0 or pdfium_c.FPDFText_GetFontSize(raw, ci) >= NOTE_MARK_MAX_SIZE * base:
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
        abs(line.bottom - previous.bottom) <= NOTE_BASELINE_SLACK * height
        and -NOTE_JOIN_OVERLAP <= line.x0 - previous.x1 <= height
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
