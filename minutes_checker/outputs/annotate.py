"""Annotated copies of minutes: the evidence of each check marked where it stands.

- PDF: a highlight annotation (pypdf) over every evidence quote, in the check's colour, whose
  note names the check, the verdict and the rule. Boxes come from `Document.lines`; on the
  evidence's lines the exact words are found with pdfplumber, else the line box is divided by
  character position.
- DOCX: the runs holding a quote are highlighted (WD_COLOR_INDEX) and carry a Word comment
  naming the check, the verdict and the rule (python-docx ≥ 1.2).

Originals are never written to: the copy is made from the bytes read.
"""

from __future__ import annotations

import io
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import sandbox
from ..errors import TimedOut
from ..messages import Lang, report_ui, status_label
from ..models import Assessment, Document, Evidence, Line

AUTHOR = "minutes-checker"
# seconds: what the file's child keeps back, of the time it has left, to send its result after
# the annotated copy's child ...
RESULT_MARGIN = 1.5
# ... and the least time worth giving that child
MIN_SECONDS = 1.0
# bytes: a Word file is annotated with python-docx, which unpacks every part into memory (and
# writes them all again): one that unpacks to more is not annotated
MAX_DOCX_UNPACKED = 256 * 1024 * 1024
# PDF highlight colours per check (hex RGB), as in the report
PDF_COLOURS: dict[str, str] = {
    "full_council": "8ecae6",
    "deadline": "ffd166",
    "active_debate": "f4a261",
    "all_three_maps": "a7d98b",
    "national_comparison": "cdb4db",
    "action_plan_decision": "f28482",
    "no_plan_reasons": "83d3cf",
}
# Word has only a fixed palette of highlight colours
DOCX_COLOURS: dict[str, str] = {
    "full_council": "TURQUOISE",
    "deadline": "YELLOW",
    "active_debate": "PINK",
    "all_three_maps": "BRIGHT_GREEN",
    "national_comparison": "GRAY_25",
    "action_plan_decision": "RED",
    "no_plan_reasons": "TEAL",
}


@dataclass(frozen=True)
class Note:
    """One piece of evidence to mark, with the text of its note."""

    check: str
    evidence: Evidence
    text: str


def notes_of(assessment: Assessment, lang: Lang = "da") -> list[Note]:
    """Every evidence quote of the assessment, once per check (in check order)."""
    out: list[Note] = []
    for check, result in assessment.checks.items():
        seen: set[tuple[int, int]] = set()
        for evidence in result.evidence:
            if (evidence.start, evidence.end) in seen or evidence.end <= evidence.start:
                continue
            seen.add((evidence.start, evidence.end))
            text = (
                f"{result.label}: {status_label(result.status, lang)}\n"
                f"{report_ui(evidence.polarity, lang)} · {report_ui('rule', lang)} {evidence.rule}"
                f"\n{result.explanation}"
            )
            out.append(Note(check, evidence, text))
    return out


# --------------------------------------------------------------------------- PDF


@dataclass(frozen=True)
class Rect:
    """A box in PDF user space (origin bottom left)."""

    x0: float
    y0: float
    x1: float
    y1: float


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S+", text)]


def _line_part(
    document: Document, line: Line, start: int, end: int, words: list[dict[str, float]]
) -> tuple[float, float]:
    """The x range of characters [start, end) of `line`: from the words on that line when they
    match its tokens one to one, else by the share of characters."""
    text = document.text[line.start : line.end]
    lo, hi = max(start, line.start) - line.start, min(end, line.end) - line.start
    box = line.box
    middle = (box.top + box.bottom) / 2
    on_line = sorted(
        (
            w
            for w in words
            if w["top"] <= middle <= w["bottom"] and w["x1"] > box.x0 - 1 and w["x0"] < box.x1 + 1
        ),
        key=lambda w: w["x0"],
    )
    tokens = _tokens(text)
    if tokens and len(on_line) == len(tokens):
        chosen = [i for i, (a, b) in enumerate(tokens) if a < hi and b > lo]
        if chosen:
            return on_line[chosen[0]]["x0"], on_line[chosen[-1]]["x1"]
    if not text:
        return box.x0, box.x1
    width = box.x1 - box.x0
    return box.x0 + width * lo / len(text), box.x0 + width * hi / len(text)


def evidence_rects(
    document: Document, evidence: Evidence, words_of_page: dict[int, list[dict[str, float]]]
) -> dict[int, list[Rect]]:
    """Per 1-based page, the rectangles (PDF space) that cover the evidence quote."""
    out: dict[int, list[Rect]] = {}
    for line in document.lines_in(evidence.start, evidence.end):
        page = document.pages[line.page - 1] if 0 < line.page <= len(document.pages) else None
        height = page.height if page and page.height else 842.0
        x0, x1 = _line_part(
            document, line, evidence.start, evidence.end, words_of_page.get(line.page, [])
        )
        if x1 <= x0:
            continue
        out.setdefault(line.page, []).append(
            Rect(x0, height - line.box.bottom, x1, height - line.box.top)
        )
    return out


def _words(data: bytes, pages: set[int]) -> dict[int, list[dict[str, float]]]:
    import pdfplumber

    out: dict[int, list[dict[str, float]]] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number in sorted(pages):
                if 0 < number <= len(pdf.pages):
                    out[number] = [
                        {k: float(w[k]) for k in ("x0", "x1", "top", "bottom")}
                        for w in pdf.pages[number - 1].extract_words()
                    ]
    except Exception:  # word boxes are a refinement: line boxes still work
        return {}
    return out


def annotate_pdf(
    source: Path, target: Path, assessment: Assessment, document: Document, lang: Lang = "da"
) -> int:
    """Write `target`, a copy of `source` with a highlight per evidence quote; return how many."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    data = source.read_bytes()
    notes = notes_of(assessment, lang)
    pages = {
        line.page
        for note in notes
        for line in document.lines_in(note.evidence.start, note.evidence.end)
    }
    words = _words(data, pages)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    count = 0
    for note in notes:
        for page_number, rects in evidence_rects(document, note.evidence, words).items():
            if not 0 < page_number <= len(writer.pages):
                continue
            media = writer.pages[page_number - 1].mediabox
            dx, dy = float(media.left), float(media.bottom)
            quads: list[float] = []
            for r in rects:
                x0, x1, y0, y1 = r.x0 + dx, r.x1 + dx, r.y0 + dy, r.y1 + dy
                quads += [x0, y1, x1, y1, x0, y0, x1, y0]
            bounds = (
                min(r.x0 for r in rects) + dx,
                min(r.y0 for r in rects) + dy,
                max(r.x1 for r in rects) + dx,
                max(r.y1 for r in rects) + dy,
            )
            annotation = Highlight(
                rect=bounds,
                quad_points=ArrayObject([FloatObject(q) for q in quads]),
                highlight_color=PDF_COLOURS.get(note.check, "ffff00"),
                printing=True,
            )
            annotation[NameObject("/Contents")] = TextStringObject(note.text)
            annotation[NameObject("/T")] = TextStringObject(AUTHOR)
            annotation[NameObject("/Subj")] = TextStringObject(note.check)
            writer.add_annotation(page_number=page_number - 1, annotation=annotation)
            count += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        writer.write(handle)
    return count


# --------------------------------------------------------------------------- DOCX


def _docx_runs(doc: object) -> Iterator[object]:
    """Every run of the body in document order, tables included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(container: object) -> Iterator[object]:
        for block in container.iter_inner_content():  # type: ignore[attr-defined]
            if isinstance(block, Paragraph):
                yield from block.runs
            elif isinstance(block, Table):
                for row in block.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        yield from walk(cell)

    yield from walk(doc)


def annotate_docx(source: Path, target: Path, assessment: Assessment, lang: Lang = "da") -> int:
    """Write `target`, a copy of `source` with each quote's runs highlighted and commented."""
    import docx
    from docx.enum.text import WD_COLOR_INDEX

    from ..read.docx.archive import check_whole_archive

    data = source.read_bytes()
    check_whole_archive(data, MAX_DOCX_UNPACKED)
    document = docx.Document(io.BytesIO(data))
    runs = list(_docx_runs(document))
    # the body text without any whitespace, and for each of its characters the run it is in
    chars: list[str] = []
    owner: list[int] = []
    for index, run in enumerate(runs):
        for char in run.text:  # type: ignore[attr-defined]
            if not char.isspace():
                chars.append(char)
                owner.append(index)
    flat = "".join(chars)
    count = 0
    for note in notes_of(assessment, lang):
        needle = "".join(note.evidence.quote.split()).replace("\u00ad", "")
        found = flat.find(needle) if needle else -1
        if found < 0:
            continue
        chosen = sorted(set(owner[found : found + len(needle)]))
        selected = [runs[i] for i in chosen]
        colour = getattr(WD_COLOR_INDEX, DOCX_COLOURS.get(note.check, "YELLOW"))
        for run in selected:
            run.font.highlight_color = colour  # type: ignore[attr-defined]
        document.add_comment(selected, text=note.text, author=AUTHOR, initials="MC")
        count += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return count


# --------------------------------------------------------------------------- entry point


def _annotate(
    source: Path, target: Path, assessment: Assessment, document: Document, lang: Lang
) -> int:
    if document.format == "pdf":
        return annotate_pdf(source, target, assessment, document, lang)
    if document.format == "docx":
        return annotate_docx(source, target, assessment, lang)
    return 0


def _annotate_then_move(
    source: Path,
    partial: Path,
    target: Path,
    assessment: Assessment,
    document: Document,
    lang: Lang,
) -> int:
    """In a child: write the copy under a temporary name, then put it in place."""
    count = _annotate(source, partial, assessment, document, lang)
    if partial.exists():
        os.replace(partial, target)
    return count


def annotate_copy(
    source: Path,
    target: Path,
    assessment: Assessment,
    document: Document | None = None,
    lang: Lang = "da",
) -> int:
    """An annotated copy of a PDF or DOCX at `target` (HTML is skipped: returns 0).

    `document` is the read document (read again from `source` when not given). In a sandboxed
    child (a batch's file) the copy is made in a child of its own, with the time the file has
    left: pypdf and pdfplumber loop forever on some hostile PDFs (a /Length that points in a
    circle), and that must cost the copy, not the assessment. A copy that is not finished
    leaves nothing behind; the `InputError` raised says why."""
    if document is None:
        from ..read import read_file

        document = read_file(source)
    if document.format not in ("pdf", "docx"):
        return 0
    left = sandbox.time_left()
    if left is None or not sandbox.available():
        return _annotate(source, target, assessment, document, lang)
    seconds = float(math.floor(left - RESULT_MARGIN))  # whole seconds, as messages show them
    if seconds < MIN_SECONDS:
        raise TimedOut("ingen tid tilbage til den kommenterede kopi")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.tmp")
    try:
        return int(
            sandbox.run(
                _annotate_then_move,
                source,
                partial,
                target,
                assessment,
                document,
                lang,
                limits=sandbox.Limits(seconds=seconds),
            )
        )
    finally:
        partial.unlink(missing_ok=True)
