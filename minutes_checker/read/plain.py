"""Plain-text reader: minutes pasted from a web page into a .txt file.

Text copied out of a browser loses most of its layout: paragraphs become lines, blank lines come
and go, and what stood in separate elements is glued together ("12Beslutning om …", "Beslutning
Godkendt.", "BeslutningDagsordenen blev godkendt."), or a list's bullet stands on a line of its
own before the item number ("• 2" / "Danmarkskort for …"). The reader undoes what it can see
without knowing Danish:

- an item number glued to its title at the start of a line gets a space ("12 Beslutning …");
- a bullet and a number alone on a line become the number alone ("2");
- a line that begins with a section heading glued to the next word at a change of case
  ("BeslutningGodkendt.", "… den 24. januar 2024Anbefales.") is split there, when the
  structure stage's `heading` test says the first part is a section heading; so is a table row
  copied out of Word whose first cell is a heading ("Beslutning Byrådet 25-10-2023<tab>Godkendt.").

Every line is a block of its own, except in text copied out of a PDF viewer, whose paragraphs
come hard-wrapped at the page's width: there a line that fills the width and ends without a
full stop, colon or the like runs on into the next line (a hyphen at a line break is undone
as in the PDF reader), also over a page's footer ("… Side 1 af 2"), which is set after the
paragraph. The encoding: a BOM decides; else UTF-8 when the bytes are
valid UTF-8, UTF-8 with its stray windows-1252 bytes repaired (a warning says how many), else
windows-1252 (what Danish Windows writes); what is neither comes back with replacement characters
and a warning. Line ends (CRLF, CR) and odd spaces are normalised.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..dates import MONTHS, NOT_A_MONTH
from ..errors import NoText
from ..models import Block, Document, Furniture, Meeting, Page
from .text import OPEN_END, SENTENCE_END, clean_text, decode_by_bytes, join_lines, utf8_kind

# an item number glued to a capitalised title: "12Beslutning om …", "4DANMARKSKORT 2024 - …"
# (not "3D-print", "2B")
_GLUED_NUMBER = re.compile(r"^(\d{1,3})(?=[A-ZÆØÅ][a-zæøå]|[A-ZÆØÅ]{3,}\b)")
# a bullet and a number alone on a line: "• 2", "- 14", "▪ 3."
_BULLET_NUMBER = re.compile(r"^[•▪◦·*\-–]\s*(\d{1,3}\.?)$")
# where a glued heading may end: a lower-case letter or a digit, then a capital letter
_CASE_CHANGE = re.compile(r"(?<=[a-zæøå0-9.])(?=[A-ZÆØÅ])")
MAX_HEADING_CHARS = 120  # a glued heading is looked for in a line's first characters only
# hard-wrapped text: most long lines end near one width (a PDF page's), at most this many
# characters; a line of at least this share of that width that ends without a full stop runs on
WRAP_WIDTH_MAX = 160
WRAP_FULL_SHARE = 0.7
WRAP_MIN_LINES = 10  # lines of 20 characters or more needed to tell a width at all
# a page's footer or header printed into the text ("Udskrevet 02-11-2023 kl. 08:51 Side 1 af 2")
_PAGE_MARK = re.compile(r"\bside\s+\d+\s*(?:af|/)\s*\d+\s*$", re.IGNORECASE)
# a date broken after its day ("… til mødet den 22." / "januar 2024, hvor …")
_DAY_AT_END = re.compile(r"\b\d{1,2}\.$")
_MONTH_AT_START = re.compile(rf"^(?:{'|'.join(MONTHS)})\b", re.IGNORECASE)
# a line that starts something new: a list entry, a numbered point, a bullet (not a day and its
# month: "26. februar 2025. …" wrapped after "til mødet den")
_STARTS_ENTRY = re.compile(
    rf"^(?:[•▪◦·*\-–]\s|\d{{1,3}}[.)]\s{NOT_A_MONTH}|[a-zæøå]\)\s|at\s+\d)", re.IGNORECASE
)


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text, and warnings when the text had to be guessed or repaired."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), []
    text, _, warnings = decode_by_bytes(data, utf8_kind(data), "teksten")
    return text, warnings


def _split_glued_heading(line: str, heading: Callable[[str], bool] | None) -> list[str]:
    """A line whose first part is a section heading glued to the text after it, as two lines."""
    if heading is None:
        return [line]
    for match in _CASE_CHANGE.finditer(line, 0, min(len(line), MAX_HEADING_CHARS)):
        head, rest = line[: match.start()], line[match.start() :]
        if len(head) >= 4 and rest.strip() and heading(head):
            return [head, rest]
    return [line]


def _heading_cell(raw: str, heading: Callable[[str], bool] | None) -> list[str]:
    """A table row copied out of Word whose first cell is a section heading ("Beslutning
    Byrådet 25-10-2023<tab>Godkendt."), as the heading and the rest; other lines as they are."""
    head, tab, rest = raw.partition("\t")
    if tab and heading is not None and rest.strip() and heading(" ".join(head.split())):
        return [head, rest]
    return [raw]


def plain_lines(text: str, heading: Callable[[str], bool] | None = None) -> list[str]:
    """The text's lines with the pasting's glue undone (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for raw in (part for row in text.split("\n") for part in _heading_cell(row, heading)):
        line = " ".join(clean_text(raw).split())
        if not line:
            continue
        bullet = _BULLET_NUMBER.match(line)
        if bullet:
            out.append(bullet.group(1))
            continue
        line = _GLUED_NUMBER.sub(r"\1 ", line)
        out.extend(_split_glued_heading(line, heading))
    return out


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at (the 90th percentile of its longer lines),
    or None when its lines are paragraphs of their own (text copied from a browser)."""
    lengths = sorted(len(line) for line in lines if len(line) >= 20)
    if len(lengths) < WRAP_MIN_LINES:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    return width if width <= WRAP_WIDTH_MAX else None


def paragraphs(lines: list[str], heading: Callable[[str], bool] | None = None) -> list[str]:
    """The lines as paragraphs: wrapped lines of hard-wrapped text joined (see the module
    docstring); each line alone otherwise."""
    width = _wrap_width(lines)
    if width is None:
        return lines
    groups: list[list[str]] = []
    marks: list[str] = []  # page footers met inside a paragraph, set after it
    for line in lines:
        if _PAGE_MARK.search(line):
            marks.append(line)
            continue
        previous = groups[-1][-1] if groups else ""
        runs_on = (
            (len(previous) >= WRAP_FULL_SHARE * width or OPEN_END.search(previous))
            and not SENTENCE_END.search(previous)
            and not _STARTS_ENTRY.match(line)
            and not (heading is not None and heading(line))
        ) or bool(previous and _DAY_AT_END.search(previous) and _MONTH_AT_START.match(line))
        if runs_on:
            groups[-1].append(line)
        else:
            groups.extend([mark] for mark in marks)
            marks = []
            groups.append([line])
    groups.extend([mark] for mark in marks)
    return [join_lines(group)[0] for group in groups]


def read_plain(data: bytes, source: str, heading: Callable[[str], bool] | None = None) -> Document:
    """Read pasted minutes into a Document (one block a paragraph, one page)."""
    text, warnings = decode_text(data)
    lines = paragraphs(plain_lines(text, heading), heading)
    if not lines:
        raise NoText("tekstfilen indeholder ingen tekst")
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for line in lines:
        if parts:
            parts.append("\n\n")
            offset += 2
        blocks.append(
            Block.model_construct(
                start=offset, end=offset + len(line), page=1, kind="paragraph", level=None,
                bold=False, size=None,
            )
        )
        parts.append(line)
        offset += len(line)
    body = "".join(parts)
    return Document.model_construct(
        source=source,
        format="txt",
        sha256=None,
        text=body,
        pages=[Page.model_construct(number=1, start=0, end=len(body), width=None, height=None)],
        blocks=blocks,
        lines=[],
        furniture=list[Furniture](),
        meeting=Meeting(),
        items=[],
        warnings=warnings,
    )
