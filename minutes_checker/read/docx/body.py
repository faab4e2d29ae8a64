"""The walk over a DOCX body in document order (w:p, w:tbl, w:sdt): paragraphs with their runs,
tables cell by cell, text boxes after the paragraph that anchors them, tracked insertions and
field results kept, deletions and field instructions dropped, imported HTML chunks read in place.
Each paragraph becomes a heading, list item, table cell or paragraph block."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ...errors import CorruptFile, InputError
from ...models import BlockKind
from .archive import Package, Relationship
from .blocks import PAGE_BREAK, _Builder
from .lists import _Numbering
from .styles import _Styles
from .wordml import _MC, BODY_TEXT_OUTLINE, _half_points, _int, _on, _tag, _val

# a bold or heading-styled paragraph is a heading only when it is one line of at most this many
# characters
MAX_HEADING_CHARS = 150
# bytes: an imported chunk (w:altChunk) of another content type is read as HTML when it starts
# with a doctype or <html> within this many bytes
HTML_SNIFF_BYTES = 200


@dataclass
class _Paragraph:
    """What a paragraph's runs hold: text and page breaks, bold and plain letters, size."""

    pieces: list[object] = field(default_factory=list)  # str or PAGE_BREAK
    bold_chars: int = 0
    plain_chars: int = 0
    size: float | None = None


class _Reader:
    """Walks a body (a text box, a table cell) in document order and adds its blocks to
    `builder`."""

    def __init__(
        self,
        styles: _Styles,
        numbering: _Numbering,
        package: Package | None = None,
        rels: list[Relationship] | None = None,
    ) -> None:
        self.styles = styles
        self.numbering = numbering
        self.package = package
        self.rels = {rel.rid: rel for rel in reversed(rels or [])}  # the first of an id wins
        self.builder = _Builder()
        self.field_depth: list[str] = []  # "instr" or "result" per open complex field
        self.row_label = False  # walking the first cell of a two-column table row
        self.warnings: list[str] = []
        # why part of the text could not be read (an imported chunk missing or over the limit)
        self.incomplete: InputError | None = None

    def alt_chunk(self, element: etree._Element) -> None:
        """An imported chunk (w:altChunk): HTML is read in place; other kinds are reported. A
        chunk that is missing, damaged or over the limits is left out with a warning, and the
        document is marked incomplete."""
        rid = element.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        rel = self.rels.get(rid or "")
        if self.package is None or rel is None or rel.external or not self.package.has(rel.target):
            self.warnings.append("en indlejret del af Word-filen (altChunk) mangler")
            self.incomplete = self.incomplete or CorruptFile(
                "en indlejret del af Word-filen (altChunk) mangler"
            )
            return
        content_type = self.package.content_type(rel.target) or ""
        try:
            blob = self.package.read(rel.target)
        except InputError as error:
            self.warnings.append(
                f"en indlejret del af Word-filen ({rel.target}) blev ikke læst: {error.detail}"
            )
            self.incomplete = self.incomplete or error
            return
        if "html" not in content_type and not blob.lstrip()[:HTML_SNIFF_BYTES].lower().startswith(
            (b"<!doctype html", b"<html")
        ):
            self.warnings.append(
                f"en indlejret del af Word-filen ({content_type}) kunne ikke læses"
            )
            return
        from ..html import html_blocks

        for text, kind, level, bold in html_blocks(blob):
            self.builder.add([text], kind, level, bold, None)

    # ---- body level

    def walk(self, container: etree._Element, in_cell: bool = False) -> None:
        for child in container:
            tag = child.tag
            if tag == _tag("p"):
                self.paragraph(child, in_cell)
            elif tag == _tag("tbl"):
                self.table(child)
            elif tag in (_tag("sdt"),):
                content = child.find(_tag("sdtContent"))
                if content is not None:
                    self.walk(content, in_cell)
            elif tag in (_tag("customXml"), _tag("ins"), _tag("moveTo"), _tag("smartTag")):
                self.walk(child, in_cell)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                self.walk(choice if choice is not None else child, in_cell)
            elif tag == _tag("altChunk"):
                self.alt_chunk(child)

    def table(self, table: etree._Element) -> None:
        outer_label = self.row_label
        for row in table.iter(_tag("tr")):
            if _nearest(row, _tag("tbl")) is not table:
                continue
            # a row of two cells: the first labels the second ("Sagsfremstilling" | the text)
            cells = [cell for cell in row if cell.tag == _tag("tc")]
            for cell in row:
                if cell.tag == _tag("tc"):
                    self.row_label = len(cells) == 2 and cell is cells[0]
                    self.walk(cell, in_cell=True)
                    self.row_label = outer_label
                elif cell.tag in (_tag("sdt"), _tag("customXml")):
                    for inner in cell.iter(_tag("tc")):
                        if _nearest(inner, _tag("tr")) is row:
                            self.walk(inner, in_cell=True)

    # ---- paragraphs

    def paragraph(self, p: etree._Element, in_cell: bool) -> None:
        ppr = p.find(_tag("pPr"))
        style_id = _val(ppr.find(_tag("pStyle"))) if ppr is not None else None
        style_id = style_id or self.styles.default_paragraph
        level = None
        if ppr is not None:
            outline = _int(_val(ppr.find(_tag("outlineLvl"))))
            if outline is not None and outline < BODY_TEXT_OUTLINE:
                level = outline + 1
        if level is None:
            level = self.styles.heading_level(style_id)

        break_before = _on(ppr.find(_tag("pageBreakBefore"))) if ppr is not None else None
        if break_before is None:
            break_before = bool(self.styles.first(style_id, "page_break_before"))
        if break_before:
            self.builder.page_break()

        # numbering
        label: tuple[str, bool] | None = None
        num_pr = ppr.find(_tag("numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr.find(_tag("numId")))
            ilvl = _int(_val(num_pr.find(_tag("ilvl"))))
        else:
            num_id = self.styles.first(style_id, "num_id")  # type: ignore[assignment]
            ilvl = self.styles.first(style_id, "num_level")  # type: ignore[assignment]
        if num_id:
            label = self.numbering.label(str(num_id), ilvl if isinstance(ilvl, int) else 0)

        style_bold = self.styles.first(style_id, "bold")
        if style_bold is None:
            style_bold = self.styles.default_bold
        style_size = self.styles.first(style_id, "size") or self.styles.default_size

        content = _Paragraph()
        boxes: list[etree._Element] = []
        self._inline(p, content, bool(style_bold), boxes)
        pieces = content.pieces
        if label and label[0]:
            pieces = [label[0] + " ", *pieces]

        text = "".join(str(x) for x in pieces if x is not PAGE_BREAK).strip()
        one_line = "\n" not in text and len(text) <= MAX_HEADING_CHARS
        all_bold = content.bold_chars > 0 and content.plain_chars == 0
        kind: BlockKind
        bullet = bool(label and label[1])
        if one_line and (level is not None or (all_bold and not bullet)):
            kind = "heading"
        elif in_cell:
            kind = "table_cell"
        elif label is not None:
            kind = "list_item"
        else:
            kind = "paragraph"
        self.builder.add(
            pieces,
            kind,
            level if kind == "heading" else None,
            all_bold,
            content.size or (float(style_size) if style_size else None),
            row_label=in_cell and self.row_label,
        )

        # text boxes anchored in this paragraph follow it
        for box in boxes:
            self.walk(box, in_cell)

        # a section break ends the page unless the next section is continuous
        sect = ppr.find(_tag("sectPr")) if ppr is not None else None
        if sect is not None:
            start_type = _val(sect.find(_tag("type")))
            if start_type != "continuous":
                self.builder.page_break()

    def _inline(
        self,
        element: etree._Element,
        content: _Paragraph,
        style_bold: bool,
        boxes: list[etree._Element],
        run_bold: bool | None = None,
    ) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == _tag("r"):
                self._run(child, content, style_bold, boxes)
            elif tag in (_tag("del"), _tag("moveFrom"), _tag("pPr"), _tag("rPr")):
                continue
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    self._inline(choice, content, style_bold, boxes)
                else:
                    fallback = child.find(_MC + "Fallback")
                    if fallback is not None:
                        self._inline(fallback, content, style_bold, boxes)
            elif tag == _tag("txbxContent"):
                boxes.append(child)
            else:
                # w:ins, w:hyperlink, w:fldSimple, w:smartTag, w:sdt/w:sdtContent, w:moveTo, ...
                self._inline(child, content, style_bold, boxes)

    def _run(
        self,
        run: etree._Element,
        content: _Paragraph,
        style_bold: bool,
        boxes: list[etree._Element],
    ) -> None:
        rpr = run.find(_tag("rPr"))
        bold = style_bold
        size = None
        if rpr is not None:
            run_style = _val(rpr.find(_tag("rStyle")))
            character_bold = self.styles.first(run_style, "bold") if run_style else None
            if character_bold is not None:
                bold = bool(character_bold)
            explicit = _on(rpr.find(_tag("b")))
            if explicit is not None:
                bold = explicit
            size = _half_points(_val(rpr.find(_tag("sz"))))
            if _on(rpr.find(_tag("vanish"))):
                return  # hidden text
        for child in run:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == _tag("fldChar"):
                kind = child.get(_tag("fldCharType"))
                if kind == "begin":
                    self.field_depth.append("instr")
                elif kind == "separate" and self.field_depth:
                    self.field_depth[-1] = "result"
                elif kind == "end" and self.field_depth:
                    self.field_depth.pop()
                continue
            if self.field_depth and self.field_depth[-1] == "instr":
                continue
            text = ""
            if tag == _tag("t"):
                text = child.text or ""
            elif tag == _tag("tab") or tag == _tag("ptab"):
                text = " "
            elif tag == _tag("br"):
                if child.get(_tag("type")) == "page":
                    content.pieces.append(PAGE_BREAK)
                elif child.get(_tag("type")) != "column":
                    text = "\n"
                else:
                    text = " "
            elif tag == _tag("cr"):
                text = "\n"
            elif tag == _tag("lastRenderedPageBreak"):
                content.pieces.append(PAGE_BREAK)
            elif tag == _tag("noBreakHyphen"):
                text = "-"
            elif tag == _tag("sym"):
                text = "•"
            elif tag in (_tag("drawing"), _tag("pict"), _MC + "AlternateContent"):
                for box in _text_boxes(child):
                    boxes.append(box)
            if text:
                content.pieces.append(text)
                visible = sum(1 for c in text if not c.isspace())
                if bold:
                    content.bold_chars += visible
                else:
                    content.plain_chars += visible
                if size is not None and content.size is None and visible:
                    content.size = size


def _text_boxes(element: etree._Element) -> list[etree._Element]:
    """w:txbxContent elements inside a drawing, skipping VML fallbacks that duplicate them."""
    found: list[etree._Element] = []
    for box in element.iter(_tag("txbxContent")):
        fallback = False
        parent = box.getparent()
        while parent is not None and parent is not element.getparent():
            if parent.tag == _MC + "Fallback":
                fallback = True
                break
            parent = parent.getparent()
        # nested text boxes are read when their outer box is walked
        outer = box.getparent()
        nested = False
        while outer is not None and outer is not element:
            if outer.tag == _tag("txbxContent"):
                nested = True
                break
            outer = outer.getparent()
        if not fallback and not nested:
            found.append(box)
    return found


def _nearest(element: etree._Element, tag: str) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent
