"""DOCX reader (python-docx): paragraphs and tables in document order, pages from page breaks.

The body XML is walked directly (w:p, w:tbl, w:sdt in order) so that nothing is lost: text in
text boxes (w:txbxContent, emitted after the paragraph that anchors it), tracked insertions (w:ins)
and field results are kept; deletions (w:del, w:moveFrom) and field instructions are dropped.
Automatic numbering ("1.", "a)") is rendered from numbering.xml, as Word would show it, because
agenda items and the entries of an Indstilling are often numbered that way. Headings come from
the outline level or style ("Heading 2", "Overskrift 2", walking base styles) or are bold one-line
paragraphs. Headers and footers go to `Document.furniture`.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO

from lxml import etree

from ..errors import CorruptFile, TooLarge, WrongType
from ..models import Block, BlockKind, Document, Furniture, Meeting, Page
from .numbering import format_number
from .text import clean_text

MAX_XML_BYTES = 64 * 1024 * 1024  # parsed, this is already a few hundred MB of tree
MAX_ZIP_ENTRIES = 20_000
MAX_HEADING_CHARS = 150

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{" + W + "}"
_MC = "{" + MC + "}"

PAGE_BREAK = object()  # marker inside paragraph content


def _tag(name: str) -> str:
    return _W + name


def _val(element: etree._Element | None, attribute: str = "val") -> str | None:
    if element is None:
        return None
    return element.get(_W + attribute)


def _on(element: etree._Element | None) -> bool | None:
    """A w:b / w:bCs style toggle: None when absent."""
    if element is None:
        return None
    value = _val(element)
    return value is None or value.lower() not in ("0", "false", "off", "none")


# --------------------------------------------------------------------------- guard


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise CorruptFile("Word-filens zip-arkiv er beskadiget eller afkortet") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise TooLarge(f"{len(infos)} dele i Word-filen")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise WrongType("zip-arkivet er ikke en Word-fil (word/document.xml mangler)")
    xml_bytes = sum(info.file_size for info in infos if info.filename.endswith((".xml", ".rels")))
    if xml_bytes > MAX_XML_BYTES:
        raise TooLarge(f"Word-filen fylder {xml_bytes // (1024 * 1024)} MB udpakket (zip-bombe?)")
    for info in infos:
        if _unpacks_beyond(data, info):
            raise TooLarge(
                f"delen {info.filename!r} pakker mere ud, end zip-arkivet angiver (zip-bombe?)"
            )


def _unpacks_beyond(data: bytes, info: zipfile.ZipInfo) -> bool:
    """Does the entry unpack to more than the size its headers claim?

    zipfile trusts the claimed size only at the end: `ZipFile.read` (what python-docx calls)
    inflates all the compressed bytes in one call and then cuts the result to the claimed size,
    so a zip bomb that claims 4 KB costs its real size in memory, however large. Here the entry
    is inflated in 1 MB steps and dropped, and stops one byte past the claimed size.
    """
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return False  # stored entries cannot grow; other methods fail in zipfile itself
    header = info.header_offset
    if data[header : header + 4] != b"PK\x03\x04":
        return False  # zipfile reports the damage when the entry is read
    name_length, extra_length = struct.unpack_from("<HH", data, header + 26)
    start = header + 30 + name_length + extra_length
    compressed = memoryview(data)[start : start + info.compress_size]
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    unpacked = 0
    try:
        for offset in range(0, len(compressed), 1 << 16):
            pending: bytes | memoryview = compressed[offset : offset + (1 << 16)]
            while pending and unpacked <= info.file_size and not inflater.eof:
                unpacked += len(inflater.decompress(pending, 1 << 20))
                pending = inflater.unconsumed_tail
            if unpacked > info.file_size or inflater.eof:
                break
    except zlib.error:
        return False  # damaged: zipfile reports it when the entry is read
    return unpacked > info.file_size


# --------------------------------------------------------------------------- styles


@dataclass
class _Style:
    style_id: str
    name: str
    kind: str
    based_on: str | None
    outline: int | None
    bold: bool | None
    size: float | None
    page_break_before: bool | None
    num_id: str | None
    num_level: int | None


def _heading_level_from_name(name: str, style_id: str) -> int | None:
    for candidate in (name.lower(), style_id.lower()):
        compact = candidate.replace(" ", "")
        for prefix in ("heading", "overskrift"):
            if compact.startswith(prefix):
                rest = compact[len(prefix) :]
                if rest.isdigit():
                    return int(rest)
        if compact in ("title", "titel"):
            return 1
    return None


class _Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.default_character: str | None = None
        self.default_bold = False
        self.default_size: float | None = None
        if root is None:
            return
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        if defaults is not None:
            self.default_bold = bool(_on(defaults.find(_tag("b"))))
            size = _val(defaults.find(_tag("sz")))
            self.default_size = _half_points(size)
        for element in root.iter(_tag("style")):
            style_id = element.get(_tag("styleId")) or ""
            kind = element.get(_tag("type")) or "paragraph"
            ppr = element.find(_tag("pPr"))
            rpr = element.find(_tag("rPr"))
            outline = _val(ppr.find(_tag("outlineLvl"))) if ppr is not None else None
            num_pr = ppr.find(_tag("numPr")) if ppr is not None else None
            style = _Style(
                style_id=style_id,
                name=_val(element.find(_tag("name"))) or style_id,
                kind=kind,
                based_on=_val(element.find(_tag("basedOn"))),
                outline=int(outline) if outline and outline.isdigit() else None,
                bold=_on(rpr.find(_tag("b"))) if rpr is not None else None,
                size=_half_points(_val(rpr.find(_tag("sz")))) if rpr is not None else None,
                page_break_before=_on(ppr.find(_tag("pageBreakBefore")))
                if ppr is not None
                else None,
                num_id=_val(num_pr.find(_tag("numId"))) if num_pr is not None else None,
                num_level=_int(_val(num_pr.find(_tag("ilvl")))) if num_pr is not None else None,
            )
            self.styles[style_id] = style
            if element.get(_tag("default")) in ("1", "true", "on"):
                if kind == "paragraph":
                    self.default_paragraph = style_id
                elif kind == "character":
                    self.default_character = style_id

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        current = style_id
        while current and current not in seen and current in self.styles:
            seen.add(current)
            style = self.styles[current]
            yield style
            current = style.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            level = _heading_level_from_name(style.name, style.style_id)
            if level is not None:
                return level
            if style.outline is not None and style.outline < 9:
                return style.outline + 1
        return None

    def first(self, style_id: str | None, attribute: str) -> object:
        for style in self.chain(style_id):
            value = getattr(style, attribute)
            if value is not None:
                return value
        return None


def _half_points(value: str | None) -> float | None:
    if value and value.isdigit():
        return int(value) / 2
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.lstrip("-").isdigit() else None


# --------------------------------------------------------------------------- numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


class _Numbering:
    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for element in root.findall(_tag("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in element.findall(_tag("lvl")):
                ilvl = _int(lvl.get(_tag("ilvl"))) or 0
                levels[ilvl] = _Level(
                    start=_int(_val(lvl.find(_tag("start")))) or 0
                    if lvl.find(_tag("start")) is not None
                    else 1,
                    fmt=_val(lvl.find(_tag("numFmt"))) or "decimal",
                    text=_val(lvl.find(_tag("lvlText"))) or "",
                )
            self.abstract[element.get(_tag("abstractNumId")) or ""] = levels
        for element in root.findall(_tag("num")):
            overrides: dict[int, int] = {}
            for override in element.findall(_tag("lvlOverride")):
                start = _int(_val(override.find(_tag("startOverride"))))
                if start is not None:
                    overrides[_int(override.get(_tag("ilvl"))) or 0] = start
            self.nums[element.get(_tag("numId")) or ""] = (
                _val(element.find(_tag("abstractNumId"))) or "",
                overrides,
            )

    def label(self, num_id: str | None, ilvl: int | None) -> tuple[str, bool] | None:
        """The rendered label of the next paragraph in list `num_id` at `ilvl`, and is-bullet."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = ilvl or 0
        definition = levels.get(level, _Level())
        counters = self.counters.setdefault(num_id, {})
        if level in counters:
            counters[level] += 1
        else:
            start = overrides.get(level, definition.start)
            counters[level] = start
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        if definition.fmt == "bullet":
            return "•", True
        text = definition.text
        for index in range(level, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder in text:
                value = counters.get(index)
                if value is None:
                    lower = levels.get(index, _Level())
                    value = overrides.get(index, lower.start)
                fmt = levels.get(index, _Level()).fmt
                text = text.replace(placeholder, format_number(value, fmt))
        return clean_text(text).strip(), False


# --------------------------------------------------------------------------- builder


@dataclass
class _Paragraph:
    pieces: list[object] = field(default_factory=list)  # str or PAGE_BREAK
    bold_chars: int = 0
    plain_chars: int = 0
    size: float | None = None


class _Builder:
    """Collects blocks into one text; pages start where page breaks fall."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.page_starts: list[int] = [0]
        self.pending_break = False
        self.blocks: list[Block] = []

    def page_break(self) -> None:
        self.pending_break = True

    def add(
        self,
        pieces: list[object],
        kind: BlockKind,
        level: int | None,
        bold: bool,
        size: float | None,
    ) -> None:
        """Add one block; `pieces` are text and PAGE_BREAK markers."""
        texts: list[str] = []
        breaks: list[int] = []
        length = 0
        for piece in pieces:
            if piece is PAGE_BREAK:
                breaks.append(length)
            else:
                cleaned = clean_text(str(piece))
                texts.append(cleaned)
                length += len(cleaned)
        text, mapping = _tidy("".join(texts))
        if not text:
            if breaks:
                self.page_break()
            return
        positions = set()
        for raw_position in breaks:
            position = mapping[raw_position]
            while position < len(text) and text[position] == "\n":
                position += 1
            positions.add(position)
        if self.parts:
            self.parts.append("\n\n")
            self.offset += 2
        if 0 in positions:
            self.pending_break = True
        if self.pending_break:
            self.pending_break = False
            if self.offset > 0:
                self.page_starts.append(self.offset)
        start = self.offset
        for position in sorted(positions):
            if 0 < position < len(text):
                self.page_starts.append(start + position)
        self.parts.append(text)
        self.offset += len(text)
        if any(position >= len(text) for position in positions):
            self.pending_break = True
        self.blocks.append(
            Block.model_construct(
                start=start,
                end=self.offset,
                page=self._page_of(start),
                kind=kind,
                level=level,
                bold=bold,
                size=size,
            )
        )

    def _page_of(self, offset: int) -> int:
        number = 1
        for index, page_start in enumerate(self.page_starts):
            if page_start <= offset:
                number = index + 1
        return number

    def text(self) -> str:
        return "".join(self.parts)


def _tidy(raw: str) -> tuple[str, list[int]]:
    """Strip every line, drop empty lines; map each raw offset (and the end) to the new text."""
    keep = [False] * len(raw)
    kept_lines = 0
    position = 0
    for line in raw.split("\n"):
        stripped = line.strip()
        if stripped:
            left = position + (len(line) - len(line.lstrip()))
            if kept_lines:
                keep[position - 1] = True  # the newline before this line
            for index in range(left, left + len(stripped)):
                keep[index] = True
            kept_lines += 1
        position += len(line) + 1
    # a newline kept before a line must be the one right before it; fix runs of empty lines
    out: list[str] = []
    mapping = [0] * (len(raw) + 1)
    for index, char in enumerate(raw):
        mapping[index] = len(out)
        if keep[index]:
            out.append(char)
    mapping[len(raw)] = len(out)
    return "".join(out), mapping


# --------------------------------------------------------------------------- the walk


class _Reader:
    def __init__(self, styles: _Styles, numbering: _Numbering, part: object | None = None) -> None:
        self.styles = styles
        self.numbering = numbering
        self.part = part
        self.builder = _Builder()
        self.field_depth: list[str] = []  # "instr" or "result" per open complex field
        self.warnings: list[str] = []

    def alt_chunk(self, element: etree._Element) -> None:
        """An imported chunk (w:altChunk): HTML is read in place; other kinds are reported."""
        rid = element.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        try:
            target = self.part.related_parts[rid]  # type: ignore[attr-defined]
            blob, content_type = target.blob, target.content_type
        except (AttributeError, KeyError, TypeError):
            self.warnings.append("en indlejret del af Word-filen (altChunk) mangler")
            return
        if "html" not in content_type and not blob.lstrip()[:200].lower().startswith(
            (b"<!doctype html", b"<html")
        ):
            self.warnings.append(
                f"en indlejret del af Word-filen ({content_type}) kunne ikke læses"
            )
            return
        from .html import html_blocks

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
        for row in table.iter(_tag("tr")):
            if _nearest(row, _tag("tbl")) is not table:
                continue
            for cell in row:
                if cell.tag == _tag("tc"):
                    self.walk(cell, in_cell=True)
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
            if outline is not None and outline < 9:
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


# --------------------------------------------------------------------------- entry point


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
            width = w / 20 if w else None
            height = h / 20 if h else None

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
        from ..errors import NoText

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
