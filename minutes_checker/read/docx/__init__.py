"""DOCX reader (zip and lxml): paragraphs and tables in document order, pages from page breaks.

The body XML is walked directly (w:p, w:tbl, w:sdt in order) so that nothing is lost: text in
text boxes (w:txbxContent, emitted after the paragraph that anchors it), tracked insertions (w:ins)
and field results are kept; deletions (w:del, w:moveFrom) and field instructions are dropped
(`body`). Automatic numbering ("1.", "a)") is rendered from numbering.xml, as Word would show it,
because agenda items and the entries of an Indstilling are often numbered that way (`lists`).
Headings come from the outline level or style ("Heading 2", "Overskrift 2", walking base styles;
`styles`) or are bold one-line paragraphs. Headers and footers go to `Document.furniture`.

The archive is read part by part (`archive`): only the parts that hold text, styles and
numbering are unpacked, each within the limits (pictures and embedded objects never are, so a
picture that unpacks to a gigabyte costs nothing), and parsed as python-docx parses them.
Blocks are collected into one text with pages where page breaks fall (`blocks`); `wordml` holds
the XML names and attribute readers. This module: opening, headers and footers, page size, the
Document.
"""

from __future__ import annotations

from lxml import etree

from ...errors import CorruptFile, NoText
from ...models import Document, Furniture, Meeting, Page
from ..text import clean_text
from .archive import MAX_XML_BYTES, MAX_ZIP_ENTRIES, Package
from .body import _nearest, _Reader
from .lists import _Numbering
from .styles import _Styles
from .wordml import TWIPS_PER_POINT, _int, _tag

__all__ = ["MAX_XML_BYTES", "MAX_ZIP_ENTRIES", "read_docx"]

_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
STYLES = _RELATIONSHIPS + "styles"
NUMBERING = _RELATIONSHIPS + "numbering"


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
    package = Package(data)
    main = package.main_part()
    rels = package.relationships(main)
    root = package.xml(main)
    styles_root = numbering_root = None
    for rel in rels:
        if rel.external:
            continue
        if rel.reltype == STYLES and styles_root is None:
            styles_root = package.xml(rel.target)
        elif rel.reltype == NUMBERING and numbering_root is None:
            numbering_root = package.xml(rel.target)

    reader = _Reader(_Styles(styles_root), _Numbering(numbering_root), package, rels)
    body = root.find(_tag("body"))
    if body is None:
        raise CorruptFile("Word-filen kunne ikke læses")
    reader.walk(body)
    builder = reader.builder
    text = builder.text()

    furniture: list[Furniture] = []
    seen: set[str] = set()
    for rel in rels:
        if rel.external or not rel.reltype.endswith(("/header", "/footer")):
            continue
        for line in _story_text(package.xml(rel.target)):
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
        if reader.incomplete is not None:
            raise reader.incomplete
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
        incomplete=reader.incomplete.as_incomplete() if reader.incomplete else None,
    )
