"""PDF reader: pypdfium2 for all text (about 1-2 ms a page), streamed page by page.

For every page the text page is read once, split into lines at PDFium's line breaks, and each
line gets its box, font size and weight from one or two characters; footnote marks glued to a
word are taken off it (`lines`).

PDFium's text rectangles (one call for the page, a run of one text object each) show where a
line is drawn in pieces with a column gap between them (`pieces`). From them, page by page
(`columns`): label-text tables (a label cell beside its text, read by PDFium as one line) are
split at the column and put in reading order, each row's label a heading block and its text
paragraphs; data table rows become table cells (`tables`); a section label run into a paragraph
(bold, or before a column gap) becomes a heading of its own (`run_in`). pdfplumber (about 0.1 s
a page) reads a page's ruling lines only where that geometry leaves open whether a label line
starts a new row, on at most `MAX_RULED_PAGES` pages of a document (`rulings`).

Running headers and footers are removed by repetition across pages (`read/furniture.py`),
paragraphs are rebuilt from line gaps, line lengths and font changes (`paragraphs`), and the
Document is built, hyphenated line ends joined (`document`, `read/text.py`).

Before PDFium opens a PDF its compressed streams are inflated once and dropped (`streams`): a
stream that would unpack beyond the limit is refused, and damaged streams, pages PDFium cannot
load and a rebuilt cross-reference table are reported (warnings; `Document.incomplete` where
text may be lost, so that a document without an item is not taken to hold none).

This module: opening a PDF, its limits, and the page loop.
"""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...errors import CorruptFile, EncryptedFile, ScannedPdf, TooLarge
from ...models import Document
from .columns import _Columns
from .document import MAX_LISTED_PAGES, _assemble
from .lines import _page_lines, _RawLine
from .rulings import _Rulings
from .streams import StreamScan, scan_streams

__all__ = ["MAX_PAGES", "MAX_RULED_PAGES", "read_pdf"]

# a PDF with more pages is refused (TooLarge)
MAX_PAGES = 5000
# pdfplumber (about 0.1 s a page) reads ruling lines only where PDFium's geometry cannot tell
# where a label-text row ends, on at most this many pages of a document
MAX_RULED_PAGES = 12
# bytes: %%EOF is looked for at the end of the file's last this many bytes, once trailing NULs
# and whitespace are stripped ...
EOF_TAIL_BYTES = 2048
# ... within this many bytes of its end (the PDF standard says the last 1024, give or take)
EOF_WINDOW_BYTES = 1100


def _check_complete(data: bytes) -> None:
    """A PDF must end with %%EOF (give or take trailing whitespace); otherwise it was cut off."""
    tail = data[-EOF_TAIL_BYTES:].rstrip(b"\x00\r\n\t\f ")
    if b"%%EOF" not in tail[-EOF_WINDOW_BYTES:]:
        raise CorruptFile("PDF'en er afkortet: slutningen af filen mangler")


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedFile() from None
        raise CorruptFile("PDF'en kan ikke åbnes") from None


def read_pdf(
    data: bytes,
    source: str,
    protect: Callable[[str], bool] | None = None,
    on_page: Callable[[str], None] | None = None,
) -> Document:
    """Read a PDF's bytes into a Document (not yet structured). Raises InputError subclasses.
    `on_page` is told each page's text as soon as the page is read (the pre-check looks for
    the map in it)."""
    _check_complete(data)
    scan = scan_streams(data)  # a stream bomb is refused before PDFium inflates it
    pdf = _open(data)
    rulings = _Rulings(data, MAX_RULED_PAGES)
    columns = _Columns(rulings, protect)
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
                    if on_page is not None and reader is not None:
                        on_page(reader.text)
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
        rulings.close()
    damage = _damage(scan, unreadable)
    if len(unreadable) == count:
        raise CorruptFile("ingen af siderne kan læses")
    if len(textless) + len(unreadable) == count:
        raise damage or ScannedPdf()  # no text because of damage is no scan
    document = _assemble(source, all_lines, sizes, textless, unreadable, protect)
    if scan.xref_broken:
        document.warnings.append(
            "PDF'ens krydsreferencetabel (xref) er beskadiget; PDFium har genopbygget den"
        )
    if scan.damaged:
        document.warnings.append(f"{_streams(scan.damaged)}; teksten kan være ufuldstændig")
    if damage is not None:
        document.incomplete = damage.as_incomplete()
    return document


def _streams(count: int) -> str:
    if count == 1:
        return "en af PDF'ens datastrømme er beskadiget og kan ikke pakkes helt ud"
    return f"{count} af PDF'ens datastrømme er beskadigede og kan ikke pakkes helt ud"


def _damage(scan: StreamScan, unreadable: list[int]) -> CorruptFile | None:
    """Why part of the text may be lost (damaged streams, pages PDFium cannot load), or None."""
    reasons = []
    if scan.damaged:
        reasons.append(_streams(scan.damaged))
    if unreadable:
        listed = ", ".join(str(n) for n in unreadable[:MAX_LISTED_PAGES])
        more = len(unreadable) - MAX_LISTED_PAGES
        reasons.append(f"side {listed}{f' (og {more} flere)' if more > 0 else ''} kan ikke læses")
    return CorruptFile("; ".join(reasons)) if reasons else None
