"""PDF reader: pypdfium2 for all text (about 1-2 ms a page), streamed page by page.

For every page the text page is read once (`get_text_range`), split into lines at PDFium's line
breaks, and each line gets its box (loose boxes of its first and last character), font size and
weight from one or two characters: a handful of PDFium calls per line, never one per character.
Running headers and footers are removed by repetition across pages, paragraphs are rebuilt from
line gaps, line lengths and font changes, and hyphenated line ends are joined (see `cleanup`).
"""

from __future__ import annotations

import ctypes
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
from .cleanup import clean_line, find_running_lines, join_lines

MAX_PAGES = 5000


class _Builder:
    """Builds many small trusted models fast (what `model_construct` does, without its per-call
    field loop): one shared fields set, defaults filled in once. Falls back to
    `model_construct` for models with default factories (mutable defaults must not be shared)."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        fields = model.model_fields
        self.fields = set(fields)
        self.fast = all(field.default_factory is None for field in fields.values())
        self.defaults = {
            name: field.default for name, field in fields.items() if not field.is_required()
        }

    def __call__(self, **values: object) -> Any:
        if not self.fast:
            return self.model.model_construct(**values)
        instance = self.model.__new__(self.model)
        data = {**self.defaults, **values} if self.defaults else values
        object.__setattr__(instance, "__dict__", data)
        object.__setattr__(instance, "__pydantic_fields_set__", self.fields)
        object.__setattr__(instance, "__pydantic_extra__", None)
        object.__setattr__(instance, "__pydantic_private__", None)
        return instance


_new_line = _Builder(Line)
_new_box = _Builder(Box)
_new_block = _Builder(Block)
# PDFium marks a hyphen at a line end that it has joined with the next line with U+FFFE
# (older builds: U+0002); the next character starts the next line.
_LINE_BREAK_HYPHENS = "\ufffe\x02"
_LINE_SPLIT = re.compile(r"\r\n|\r|\n|[\ufffe\x02]")
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


class _FontBuffer:
    """Buffers for FPDFText_GetFontInfo, one set per page read (no shared state)."""

    def __init__(self) -> None:
        self.name = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()


def _is_bold(textpage: object, index: int, buffer: _FontBuffer) -> bool:
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    if weight >= 600:
        return True
    length = pdfium_c.FPDFText_GetFontInfo(
        textpage, index, buffer.name, ctypes.sizeof(buffer.name), buffer.flags
    )
    if length <= 0:
        return False
    name = buffer.name.value.decode("latin-1", "replace")
    return bool(_BOLD_NAME.search(name.split("+", 1)[-1]))


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


def _page_lines(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, page_index: int
) -> tuple[list[_RawLine], int]:
    """The lines of one page, and 1 if the page has any letter or digit (else 0)."""
    text = textpage.get_text_range()
    if not text:
        return [], 0
    n_chars = textpage.count_chars()
    same_index = len(text) == n_chars
    left, _bottom, _right, top_edge = page.get_bbox()
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    fonts = _FontBuffer()

    def char_index(text_index: int) -> int:
        if same_index:
            return text_index
        return pdfium_c.FPDFText_GetCharIndexFromTextIndex(raw, text_index)

    lines: list[_RawLine] = []
    position = 0
    length = len(text)
    while position < length:
        match = _LINE_SPLIT.search(text, position)
        end = match.start() if match else length
        hyphen = bool(match and match.group(0) in _LINE_BREAK_HYPHENS)
        segment_start = position
        position = match.end() if match else length
        if end <= segment_start:
            continue
        first = _first_index(text, segment_start, end, 1)
        if first < 0:
            continue
        last = _first_index(text, segment_start, end, -1)
        segment = text[segment_start:end]
        if hyphen:
            segment += "-"
        elif segment.endswith("\u00ad"):
            segment = segment[:-1] + "-"
        line_text = clean_line(segment)
        if not line_text:
            continue
        ci_first = char_index(first)
        ci_last = char_index(end if hyphen else last)
        boxes = []
        for ci in (ci_first, ci_last):
            if ci >= 0 and pdfium_c.FPDFText_GetLooseCharBox(raw, ci, rect):
                boxes.append((rect.left, rect.bottom, rect.right, rect.top))
        if not boxes:
            continue
        x0 = min(b[0] for b in boxes) - left
        x1 = max(b[2] for b in boxes) - left
        top = top_edge - max(b[3] for b in boxes)
        bottom = top_edge - min(b[1] for b in boxes)
        size = pdfium_c.FPDFText_GetFontSize(raw, ci_first) if ci_first >= 0 else 0.0
        bold = ci_first >= 0 and _is_bold(raw, ci_first, fonts)
        if bold and ci_last != ci_first and ci_last >= 0 and not hyphen:
            bold = _is_bold(raw, ci_last, fonts)
        lines.append(
            _RawLine(line_text, page_index, x0, top, x1, bottom, round(size * 2) / 2, bool(bold))
        )
    letters = 1 if _HAS_TEXT.search(text) else 0
    return lines, letters


# --------------------------------------------------------------------------- paragraphs


class _Layout:
    """Document-wide measures: body font size, normal line pitch per size, right text edge."""

    def __init__(self, lines: list[_RawLine], widths: dict[int, float]) -> None:
        weights: Counter[float] = Counter()
        for line in lines:
            weights[line.size] += len(line.text)
        self.body_size = weights.most_common(1)[0][0] if weights else 10.0
        pitches: dict[float, Counter[float]] = {}
        for previous, line in itertools.pairwise(lines):
            if previous.page != line.page or abs(previous.size - line.size) > 0.6:
                continue
            pitch = line.bottom - previous.bottom
            if 0 < pitch < 3 * max(line.size, 1.0):
                pitches.setdefault(line.size, Counter())[round(pitch * 2) / 2] += 1
        self.pitch = {size: counter.most_common(1)[0][0] for size, counter in pitches.items()}
        self.right_edge: dict[int, float] = {}
        by_width: dict[int, list[float]] = {}
        for line in lines:
            if abs(line.size - self.body_size) <= 1.0:
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

    def is_short(self, line: _RawLine, following: _RawLine) -> bool:
        """Did `line` end early, although the first word of `following` would have fitted?

        The word's width is estimated from the following line's letters (spaces counted at
        about 0.28 em); headings get more slack, their lines break at word boundaries unevenly.
        """
        text = following.text
        spaces = text.count(" ")
        space_width = 0.28 * following.size
        letters = max(len(text) - spaces, 1)
        char_width = max(following.x1 - following.x0 - spaces * space_width, 1.0) / letters
        word = text.split(" ", 1)[0]
        needed = len(word) * char_width + space_width
        tolerance = max(3.0, 0.5 * line.size)
        if self.headingish(line) and self.headingish(following):
            tolerance = max(tolerance, 0.15 * (self.right_edge.get(line.page, line.x1) - line.x0))
        return line.x1 + needed < self.right_edge.get(line.page, line.x1) - tolerance


def _continues(layout: _Layout, previous: _RawLine, line: _RawLine, first_on_page: bool) -> bool:
    """Does `line` continue the paragraph that `previous` belongs to?"""
    text = line.text
    if previous.bold != line.bold or abs(previous.size - line.size) > 0.6:
        return False
    heading = layout.headingish(previous)
    if heading != layout.headingish(line):
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
    if layout.is_short(previous, line):
        # a line that ended early ends its paragraph, unless the sentence obviously runs on
        return (
            first.islower()
            and not _SENTENCE_END.search(prev_text)
            and not layout.headingish(previous)
        )
    if previous.page != line.page:
        # across a page break only an unfinished sentence runs on
        return not _SENTENCE_END.search(prev_text) or first.islower()
    return True


def _block_kind(layout: _Layout, lines: list[_RawLine]) -> BlockKind:
    if len(lines) <= 4 and all(layout.headingish(line) for line in lines):
        return "heading"
    if _LIST_MARKER.match(lines[0].text):
        return "list_item"
    return "paragraph"


# --------------------------------------------------------------------------- the reader


def read_pdf(data: bytes, source: str, protect: Callable[[str], bool] | None = None) -> Document:
    """Read a PDF's bytes into a Document (not yet structured). Raises InputError subclasses."""
    _check_complete(data)
    pdf = _open(data)
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
                    lines, letters = _page_lines(page, textpage, index)
                finally:
                    textpage.close()
            finally:
                page.close()
            if letters == 0:
                textless.append(index + 1)
            all_lines.append(lines)
    finally:
        pdf.close()
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
    furniture: list[Furniture] = []
    body_pages: list[list[_RawLine]] = []
    for page_index, lines in enumerate(pages_lines):
        body: list[_RawLine] = []
        for line_index, line in enumerate(lines):
            if (page_index, line_index) in running:
                furniture.append(Furniture.model_construct(text=line.text, page=page_index + 1))
            else:
                body.append(line)
        body_pages.append(_reading_order(body))

    body_lines = [line for lines in body_pages for line in lines]
    layout = _Layout(body_lines, {i: size[0] for i, size in enumerate(sizes)})

    # group lines into paragraphs
    groups: list[list[_RawLine]] = []
    previous: _RawLine | None = None
    for lines in body_pages:
        for position, line in enumerate(lines):
            if (
                previous is not None
                and groups
                and _continues(layout, previous, line, first_on_page=position == 0)
            ):
                groups[-1].append(line)
            else:
                groups.append([line])
            previous = line

    parts: list[str] = []
    offset = 0
    page_starts: dict[int, int] = {}
    blocks: list[Block] = []
    doc_lines: list[Line] = []
    for group in groups:
        if parts:
            parts.append("\n\n")
            offset += 2
        text, spans = join_lines([line.text for line in group])
        for line, (start, end) in zip(group, spans, strict=True):
            page_starts.setdefault(line.page, offset + start)
            doc_lines.append(
                _new_line(
                    start=offset + start,
                    end=offset + end,
                    page=line.page + 1,
                    box=_new_box(
                        x0=round(line.x0, 2),
                        top=round(line.top, 2),
                        x1=round(line.x1, 2),
                        bottom=round(line.bottom, 2),
                    ),
                    size=line.size,
                    bold=line.bold,
                )
            )
        first = group[0]
        blocks.append(
            _new_block(
                start=offset,
                end=offset + len(text),
                page=first.page + 1,
                kind=_block_kind(layout, group),
                level=None,
                bold=all(line.bold for line in group),
                size=first.size,
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
            Page.model_construct(
                number=index + 1,
                start=starts[index],
                end=end,
                width=round(width, 2) or None,
                height=round(height, 2) or None,
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
    if len(lines) < 4:
        return lines
    upward = sum(1 for a, b in itertools.pairwise(lines) if b.top < a.top - 2.0)
    if upward <= max(1, len(lines) // 5):
        return lines
    return sorted(lines, key=lambda line: (round(line.top / 3.0), line.x0))


def _pages(numbers: list[int]) -> str:
    if len(numbers) > 8:
        return ", ".join(str(n) for n in numbers[:8]) + f" (og {len(numbers) - 8} flere)"
    return ", ".join(str(n) for n in numbers)
