"""DOCX reader (python-docx): paragraphs and tables in document order, pages from page breaks.

The body XML is walked directly (w:p, w:tbl, w:sdt in order) so that nothing is lost: text in
text boxes (w:txbxContent, emitted after the paragraph that anchors it), tracked insertions (w:ins)
and field results are kept; deletions (w:del, w:moveFrom) and field instructions are dropped
(`body`). Automatic numbering ("1.", "a)") is rendered from numbering.xml, as Word would show it,
because agenda items and the entries of an Indstilling are often numbered that way (`lists`).
Headings come from the outline level or style ("Heading 2", "Overskrift 2", walking base styles;
`styles`) or are bold one-line paragraphs. Headers and footers go to `Document.furniture`.

The zip archive is checked before python-docx opens it (`archive`); blocks are collected into
one text with pages where page breaks fall (`blocks`); `wordml` holds the XML names and
attribute readers. This module: opening, headers and footers, page size, the Document.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from lxml import etree

from ...errors import CorruptFile, WrongType
from ...models import Document, Furniture, Meeting, Page
from ..text import clean_text
from .archive import MAX_XML_BYTES, MAX_ZIP_ENTRIES, _check_zip
from .body import _nearest, _Reader
from .lists import _Numbering
from .styles import _Styles
from .wordml import TWIPS_PER_POINT, _int, _tag

__all__ = ["MAX_XML_BYTES", "MAX_ZIP_ENTRIES", "read_docx"]


def _story_text(root: etree._Element) -> list[str]:
    """Non-empty paragraph texts of a header or footer part."""
    out: list[str] = []
    for p in root.iter(_tag("p")):
        pieces = []
        for node in p.iter(_tag("t"), _tag("tab")):
            if _nearest(node, _tag("del")) is not None:
                continue
            pieces.append(" " if node.tag == _tag("tab") else (node.text or ""))
        text = clean_text("".join(pieces)).strip()
        if text:
            out.append(text)
    return out


def read_docx(data: bytes, source: str) -> Document:
    """Read a DOCX file's bytes into a Document (not yet structured)."""
    _check_zip(data)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(BytesIO(data))
    except PackageNotFoundError:
        raise WrongType("zip-arkivet er ikke en Word-fil") from None
    except (KeyError, ValueError, etree.XMLSyntaxError, zipfile.BadZipFile):
        raise CorruptFile("Word-filen er beskadiget") from None
    part = word.part
    try:
        styles_root = part.part_related_by(RT.STYLES).element
    except (KeyError, AttributeError):
        styles_root = None
    try:
        numbering_root = part.part_related_by(RT.NUMBERING).element
    except (KeyError, AttributeError):
        numbering_root = None

    reader = _Reader(_Styles(styles_root), _Numbering(numbering_root), part)
    body = word.element.body
    reader.walk(body)
    builder = reader.builder
    text = builder.text()

    furniture: list[Furniture] = []
    seen: set[str] = set()
    for rel in part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/header", "/footer")):
            continue
        for line in _story_text(rel.target_part.element):
            if line not in seen:
                seen.add(line)
                furniture.append(Furniture.model_construct(text=line, page=1))

    width = height = None
    sect = body.find(_tag("sectPr"))
    if sect is not None:
        size = sect.find(_tag("pgSz"))
        if size is not None:
            w, h = _int(size.get(_tag("w"))), _int(size.get(_tag("h")))
            width = w / TWIPS_PER_POINT if w else None
            height = h / TWIPS_PER_POINT if h else None

    starts = sorted(set(builder.page_starts))
    pages = [
        Page.model_construct(
            number=index + 1,
            start=start,
            end=starts[index + 1] if index + 1 < len(starts) else len(text),
            width=width,
            height=height,
        )
        for index, start in enumerate(starts)
    ]
    warnings: list[str] = list(reader.warnings)
    if not text.strip():
        from ...errors import NoText

        raise NoText("Word-filen indeholder ingen tekst")
    return Document.model_construct(
        source=source,
        format="docx",
        sha256=None,
        text=text,
        pages=pages,
        blocks=builder.blocks,
        lines=[],
        furniture=furniture,
        meeting=Meeting(),
        items=[],
        warnings=warnings,
    )
