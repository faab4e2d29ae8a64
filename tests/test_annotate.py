"""Annotated copies: a highlight (PDF) or a comment (DOCX) per evidence quote; the original
file is never changed."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pdfplumber
from minutes_fixtures import Minutes, render
from pypdf import PdfReader

from minutes_checker.outputs.annotate import annotate_copy, notes_of
from minutes_checker.pipeline import assess_file


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pdf_copy_has_a_highlight_per_quote_on_the_words(tmp_path: Path) -> None:
    source = tmp_path / "herning.pdf"
    source.write_bytes(render(Minutes(), "pdf"))
    before = _digest(source)
    result = assess_file(source)
    assessment, document = result.assessment, result.document
    assert document is not None
    target = tmp_path / "annotated" / "herning.pdf"
    count = annotate_copy(source, target, assessment, document)
    assert _digest(source) == before
    notes = notes_of(assessment)
    assert count == len(notes) > 5

    reader = PdfReader(target)
    annotations = [a.get_object() for page in reader.pages for a in (page.get("/Annots") or [])]
    highlights = [a for a in annotations if a["/Subtype"] == "/Highlight"]
    assert len(highlights) == count
    subjects = {str(a["/Subj"]) for a in highlights}
    assert {"full_council", "deadline", "all_three_maps"} <= subjects
    note = next(str(a["/Contents"]) for a in highlights if a["/Subj"] == "full_council")
    assert note.startswith("Behandlet i kommunalbestyrelsen: opfyldt")
    assert "regel structure." in note
    # colours differ per check
    colours = {str(a["/Subj"]): tuple(float(c) for c in a["/C"]) for a in highlights}
    assert len(set(colours.values())) == len(colours)

    # the highlight of the meeting date lies on those words (PDF space: origin bottom left)
    date = next(a for a in highlights if a["/Subj"] == "deadline")
    x0, y0, x1, y1 = (float(v) for v in date["/Rect"])
    with pdfplumber.open(source) as pdf:
        page = pdf.pages[0]
        top, bottom = page.height - y1, page.height - y0
        covered = page.crop((x0 - 1, top - 1, x1 + 1, bottom + 1)).extract_text()
    assert "27. september 2023" in covered
    assert "Mødedato" not in covered  # word boxes, not the whole line


def test_docx_copy_has_highlighted_runs_and_comments(tmp_path: Path) -> None:
    import docx

    source = tmp_path / "herning.docx"
    source.write_bytes(render(Minutes(), "docx"))
    before = _digest(source)
    result = assess_file(source)
    assessment, document = result.assessment, result.document
    target = tmp_path / "annotated" / "herning.docx"
    count = annotate_copy(source, target, assessment, document)
    assert _digest(source) == before
    assert count == len(notes_of(assessment)) > 5

    copy = docx.Document(str(target))
    comments = list(copy.comments)
    assert len(comments) == count
    assert all(c.author == "minutes-checker" for c in comments)
    texts = [c.text for c in comments]
    assert any(t.startswith("Alle tre danmarkskort: opfyldt") for t in texts)
    highlighted = [
        run.text
        for paragraph in copy.paragraphs
        for run in paragraph.runs
        if run.font.highlight_color is not None
    ]
    assert any("landsgennemsnittet" in text for text in highlighted)
    # the original has no comments part at all
    with zipfile.ZipFile(io.BytesIO(source.read_bytes())) as archive:
        assert "word/comments.xml" not in archive.namelist()


def test_html_is_not_copied(tmp_path: Path) -> None:
    source = tmp_path / "herning.html"
    source.write_bytes(render(Minutes(), "html"))
    result = assess_file(source)
    assessment, document = result.assessment, result.document
    target = tmp_path / "annotated" / "herning.html"
    assert annotate_copy(source, target, assessment, document) == 0
    assert not target.exists()
