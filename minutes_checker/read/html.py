"""HTML reader (lxml): minutes published as web pages.

Blocks come from the markup: h1-h6 (headings with their level), p, li, dt/dd, table cells and
any element that holds text directly. Bold one-line paragraphs, <dt> and elements whose class says
title/heading or agenda item ("agenda-item", "punkt", "dagsordenspunkt") become headings. Ordered
lists get their numbers written out ("1. at Byrådet godkender …"), as a browser shows them.
Scripts, styles, navigation and the page's own header and footer are left out of the body (header,
footer and <title> are kept as furniture). The whole page is page 1.

The charset: the bytes decide where they contradict the declaration (`decode_page`), with a
warning. libxml2's limits: one text node may be any size, elements may nest `MAX_DEPTH` deep; a
page nested deeper is read again with runs of the same bare tag collapsed, and a page it still
stops is marked incomplete (`Document.incomplete`: without an item it is reported with that
reason, not as having no text or no item).
"""

from __future__ import annotations

import codecs
import contextlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError, NoText, TooLarge
from ..models import Block, BlockKind, Document, Furniture, Meeting, Page
from .numbering import roman
from .text import clean_text, decode_by_bytes, utf8_kind

MAX_HEADING_CHARS = 150
# libxml2 reads elements nested at most this deep (with XML_PARSE_HUGE, which also lifts its
# 10 MB limit on one text node)
MAX_DEPTH = 2048
# a page nested deeper is read again with runs of the same bare tag (<div><div>…, more than
# this many) collapsed to one
MAX_REPEATED_TAGS = 64

_SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "button", "select", "option", "textarea", "input", "nav", "head", "link", "meta",
        "canvas", "audio", "video", "map", "dialog",
    }
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "aside", "li", "dt", "dd", "dl", "ul", "ol",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "pre", "address", "figure", "figcaption", "form", "fieldset",
        "legend", "details", "summary", "hr", "body", "html", "header", "footer", "center",
    }
)  # fmt: skip
_BOLD_TAGS = frozenset({"b", "strong"})
_PARAGRAPH_TAGS = frozenset(
    {"p", "div", "dd", "blockquote", "pre", "address", "caption", "figcaption"}
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:breadcrumbs?|cookie\w*|skip-?link|sr-only|visually-hidden|navbar|"
    r"navigation|menu|share|social-links)(?:$|[\s_-])",
    re.IGNORECASE,
)
_HEADING_CLASS = re.compile(
    r"(?:^|[\s_-])(?:title|titel|heading|headline|overskrift|rubrik|caption)(?:$|[\s_-])",
    re.IGNORECASE,
)
_ITEM_CLASS = re.compile(
    r"agenda-?item|agendapoint|dagsordenspunkt|dagsorden-?punkt|(?:^|[\s_-])punkt(?:$|[\s_-])",
    re.IGNORECASE,
)
_TOGGLE_CLASS = re.compile(r"accordion|collaps|toggle|expand", re.IGNORECASE)
_NUMBER_CLASS = re.compile(r"(?:^|[\s_-])(?:number|nummer|nr|no|punktnr)(?:$|[\s_-])", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_ITEM_NUMBER = re.compile(r"^\d{1,4}\.?$")
_REPEATED_OPENERS = re.compile(
    rf"(<([a-zA-Z][a-zA-Z0-9]*)\s*>)(?:\s*<\2\s*>){{{MAX_REPEATED_TAGS},}}"
)
_REPEATED_CLOSERS = re.compile(
    rf"(</([a-zA-Z][a-zA-Z0-9]*)\s*>)(?:\s*</\2\s*>){{{MAX_REPEATED_TAGS},}}"
)


# --------------------------------------------------------------------------- charset


def decode_html(data: bytes) -> str:
    """Bytes to text (see `decode_page`)."""
    return decode_page(data)[0]


def decode_page(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text, and warnings (Danish) when the declared charset was wrong or the text
    had to be repaired.

    A byte order mark decides. Otherwise the bytes decide whenever they contradict the page's
    <meta charset> or XML declaration: a declaration of UTF-16 or UTF-32 that was itself read as
    ASCII is wrong (as browsers treat it); valid UTF-8 with letters beyond ASCII is UTF-8,
    whatever single-byte charset is declared (text in windows-1252 is practically never valid
    UTF-8 too); bytes that are not UTF-8 are windows-1252 when UTF-8 is declared, and a page of
    mostly UTF-8 with some windows-1252 bytes is read with those bytes repaired. A declaration
    that fits the bytes is followed (iso-8859-1 and ASCII read as windows-1252, as browsers do).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), []
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    declared = match.group(1).decode("ascii", "ignore") if match else ""
    kind = utf8_kind(data)
    if not declared:
        text, _, warnings = decode_by_bytes(data, kind, "siden")
        return text, warnings
    try:
        codec = codecs.lookup(declared.lower()).name
    except LookupError:
        text, name, warnings = decode_by_bytes(data, kind, "siden")
        return text, [f"siden angiver et ukendt tegnsæt ({declared}); læst som {name}", *warnings]
    if codec in ("latin-1", "iso8859-1", "ascii"):
        codec = "cp1252"  # what browsers do
    if codec.startswith(("utf-16", "utf-32")):
        text, name, warnings = decode_by_bytes(data, kind, "siden")
        return text, [
            f"siden angiver tegnsættet {declared}, men er ikke skrevet sådan; læst som {name}",
            *warnings,
        ]
    if codec in ("utf-8", "utf-8-sig"):
        text, name, warnings = decode_by_bytes(data, kind, "siden")
        if kind == "legacy":
            warnings = [
                f"siden angiver tegnsættet {declared}, men er skrevet i {name}; læst som {name}",
                *warnings,
            ]
        return text, warnings
    if kind in ("utf8", "mixed"):
        text, name, warnings = decode_by_bytes(data, kind, "siden")
        return text, [
            f"siden angiver tegnsættet {declared}, men er skrevet i UTF-8; læst som UTF-8",
            *warnings,
        ]
    try:
        return data.decode(codec), []
    except UnicodeDecodeError:
        text = data.decode(codec, "replace")
        return text, [
            f"{text.count(chr(0xFFFD))} tegn kunne ikke læses i tegnsættet {declared} og er "
            "erstattet"
        ]


# --------------------------------------------------------------------------- the walk


class _Walker:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.blocks: list[Block] = []
        self.furniture: list[str] = []
        # the open inline buffer: text pieces with their boldness
        self.buffer: list[tuple[str, bool]] = []
        self.buffer_kind: BlockKind = "paragraph"
        self.buffer_level: int | None = None
        self.force_heading = False
        self.pending_prefix = ""
        self.row: etree._Element | None = None  # the table row being walked
        self.number_row: etree._Element | None = None  # the row of the last block, a number

    # ---- output

    def flush(self) -> None:
        pieces = self.buffer
        self.buffer = []
        raw = "".join(text for text, _ in pieces)
        lines = [_SPACE.sub(" ", clean_text(line)).strip() for line in raw.split("\n")]
        text = "\n".join(line for line in lines if line)
        prefix, self.pending_prefix = self.pending_prefix, ""
        if not text:
            if prefix:
                self.pending_prefix = prefix
            return
        if prefix:
            text = prefix + text
        bold_chars = sum(len(t.strip()) for t, bold in pieces if bold)
        plain_chars = sum(len(t.strip()) for t, bold in pieces if not bold)
        all_bold = bold_chars > 0 and plain_chars == 0
        kind = self.buffer_kind
        level = self.buffer_level
        one_line = "\n" not in text and len(text) <= MAX_HEADING_CHARS
        if one_line and (all_bold or self.force_heading) and kind != "heading":
            kind = "heading"
        if kind == "heading" and not one_line and level is None:
            kind = "paragraph"
        self.force_heading = False
        if kind == "heading" and self._number_before() and self.number_row is self.row:
            # an item number in a cell or label of its own, its title a heading beside it
            # (a portal's agenda row): one heading "2. Title"
            number = self.blocks.pop()
            text = self.parts.pop()[: number.end - number.start].rstrip(".") + ". " + text
            self.offset = number.start
            if self.parts:  # the separator before the number goes with it
                self.parts.pop()
                self.offset -= 2
        self.number_row = self.row if _ITEM_NUMBER.match(text) else None
        if self.parts:
            self.parts.append("\n\n")
            self.offset += 2
        self.blocks.append(
            Block.model_construct(
                start=self.offset,
                end=self.offset + len(text),
                page=1,
                kind=kind,
                level=level if kind == "heading" else None,
                bold=all_bold,
                size=None,
            )
        )
        self.parts.append(text)
        self.offset += len(text)

    def _number_before(self) -> bool:
        """Whether the last block is an item number alone in a cell or label."""
        if not self.blocks:
            return False
        last = self.blocks[-1]
        return last.kind in ("table_cell", "paragraph") and bool(
            _ITEM_NUMBER.match(self.parts[-1])
        )

    def text(self) -> str:
        return "".join(self.parts)

    # ---- walking

    def walk(self, element: etree._Element, bold: bool = False, in_main: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if not tag:
            # comments and processing instructions: only their tail is text
            return
        toggle = tag in ("button", "summary") and _is_toggle(element)
        if tag in _SKIP_TAGS and not toggle:
            return  # a button is skipped, unless it is a title's toggle (a portal's item title)
        classes = element.get("class") or ""
        element_id = element.get("id") or ""
        style = element.get("style") or ""
        if _HIDDEN_STYLE.search(style) or element.get("hidden") is not None:
            return
        if element.get("aria-hidden") == "true" or element.get("role") == "navigation":
            return
        if _SKIP_CLASS.search(classes) or _SKIP_CLASS.search(element_id):
            return
        if tag in ("header", "footer") and not in_main:
            text = _SPACE.sub(" ", clean_text(element.text_content() or "")).strip()
            if text:
                self.furniture.append(text)
            return
        in_main = in_main or tag in ("main", "article")
        bold = bold or tag in _BOLD_TAGS or bool(_BOLD_STYLE.search(style))

        if tag == "br":
            self.buffer.append(("\n", bold))
            return
        if tag not in _BLOCK_TAGS and not toggle:
            self._inline(element, bold, in_main, classes)
            return

        # a block element: close what came before, then read the element as its own block(s)
        self.flush()
        row = self.row
        if tag == "tr":
            self.row = element
        previous = (self.buffer_kind, self.buffer_level)
        if tag in _HEADINGS:
            self.buffer_kind, self.buffer_level = "heading", _HEADINGS[tag]
        elif tag == "dt":
            self.buffer_kind, self.buffer_level = "heading", None
        elif tag in ("td", "th"):
            self.buffer_kind, self.buffer_level = "table_cell", None
        elif tag == "li":
            self.buffer_kind, self.buffer_level = "list_item", None
        elif tag in _PARAGRAPH_TAGS and self.buffer_kind not in ("table_cell", "list_item"):
            self.buffer_kind, self.buffer_level = "paragraph", None
        if _ITEM_CLASS.search(classes):
            self.force_heading = True
        if toggle and not _holds_heading(element):
            # an accordion's title toggle: the item's title in many portals
            self.buffer_kind, self.buffer_level = "heading", None
        if tag != "li" and _HEADING_CLASS.search(classes):
            self.force_heading = True
        if tag == "li":
            self.pending_prefix = _list_label(element)
        self._text_and_children(element, bold, in_main)
        self.flush()
        self.row = row
        self.buffer_kind, self.buffer_level = previous
        if tag == "hr":
            self.force_heading = False

    def _text_and_children(self, element: etree._Element, bold: bool, in_main: bool) -> None:
        """The element's own text, then each child with the text that follows it."""
        if element.text:
            self.buffer.append((element.text, bold))
        for child in element:
            self.walk(child, bold, in_main)
            if child.tail:
                self.buffer.append((child.tail, bold))

    def _inline(self, element: etree._Element, bold: bool, in_main: bool, classes: str) -> None:
        self._text_and_children(element, bold, in_main)
        if _NUMBER_CLASS.search(classes):
            self.buffer.append((" ", bold))


def _is_toggle(element: etree._Element) -> bool:
    """A <summary>, or a <button> that opens and closes a panel (an accordion's title: the
    item's title in many portals) or holds a heading; not a form's or a banner's button."""
    if element.tag.lower() == "summary" or _holds_heading(element):
        return True
    if element.get("aria-expanded") is not None or element.get("aria-controls") is not None:
        return True
    if element.get("data-toggle") or element.get("data-bs-toggle"):
        return True
    return bool(_TOGGLE_CLASS.search(element.get("class") or ""))


def _holds_heading(element: etree._Element) -> bool:
    return any(
        isinstance(child.tag, str) and child.tag.lower() in _HEADINGS for child in element.iter()
    )


def _list_label(item: etree._Element) -> str:
    """ "3. " for the third <li> of an <ol> (respecting start, value, type), "" otherwise."""
    parent = item.getparent()
    if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() != "ol":
        return ""
    number = _int(parent.get("start"), 1)
    for sibling in parent:
        if not isinstance(sibling.tag, str) or sibling.tag.lower() != "li":
            continue
        value = sibling.get("value")
        if value is not None:
            number = _int(value, number)
        if sibling is item:
            break
        number += 1
    kind = item.get("type") or parent.get("type") or "1"
    if kind == "a":
        label = chr(ord("a") + (number - 1) % 26)
    elif kind == "A":
        label = chr(ord("A") + (number - 1) % 26)
    elif kind in ("i", "I"):
        label = roman(number) if kind == "i" else roman(number).upper()
    else:
        label = str(number)
    return f"{label}. "


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# --------------------------------------------------------------------------- entry point


@dataclass
class _Parsed:
    root: etree._Element
    warnings: list[str]
    # why part of the page could not be read (a parser limit), or None
    incomplete: InputError | None


def _tree(text: str) -> tuple[etree._Element, str | None]:
    """The page parsed (no limit on text size, nesting up to `MAX_DEPTH`), and libxml2's
    message when a limit stopped it."""
    parser = lxml_html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True
    )
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        raise NoText("HTML-siden har intet læsbart indhold") from None
    stopped = next(
        (e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None
    )
    return root, stopped


def _parse(data: bytes) -> _Parsed:
    text, warnings = decode_page(data)
    # lxml refuses str input with an XML encoding declaration
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    root, stopped = _tree(text)
    if stopped and "depth" in stopped:
        # nesting beyond libxml2's limit, as a hostile page builds it: runs of the same bare
        # tag, which say nothing, collapsed to one each
        flat = _REPEATED_CLOSERS.sub(r"\1", _REPEATED_OPENERS.sub(r"\1", text))
        if len(flat) < len(text):
            root, stopped = _tree(flat)
            if not stopped:
                warnings.append(
                    f"siden har elementer indlejret i mere end {MAX_DEPTH} niveauer; gentagne "
                    "tomme elementer er slået sammen"
                )
    incomplete = None
    if stopped:
        if "depth" in stopped:
            reason = (
                f"HTML-siden har elementer indlejret i mere end {MAX_DEPTH} niveauer; det, der "
                "står dybere og efter, kan ikke læses"
            )
        else:
            reason = (
                f"HTML-siden overskrider en grænse i HTML-læseren ({stopped.strip()}); det, der "
                "står efter, kan ikke læses"
            )
        warnings.append(reason)
        incomplete = TooLarge(reason)
    return _Parsed(root, warnings, incomplete)


@contextlib.contextmanager
def _deep_walk() -> Iterator[None]:
    """Room for the walk's recursion through `MAX_DEPTH` levels (two calls a level at most)."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(limit + 3 * MAX_DEPTH)
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


def html_blocks(data: bytes) -> list[tuple[str, BlockKind, int | None, bool]]:
    """The blocks of an HTML fragment (text, kind, level, bold): for HTML inside a DOCX."""
    try:
        root = _parse(data).root
    except NoText:
        return []
    walker = _Walker()
    body = root.find("body")
    with _deep_walk():
        walker.walk(body if body is not None else root)
    walker.flush()
    text = walker.text()
    return [(text[b.start : b.end], b.kind, b.level, b.bold) for b in walker.blocks]


def read_html(data: bytes, source: str) -> Document:
    """Read an HTML page's bytes into a Document (not yet structured)."""
    parsed = _parse(data)
    root = parsed.root
    walker = _Walker()
    title = root.find(".//title")
    if title is not None and title.text_content():
        walker.furniture.append(_SPACE.sub(" ", clean_text(title.text_content())).strip())
    body = root.find("body")
    with _deep_walk():
        walker.walk(body if body is not None else root)
    walker.flush()
    body_text = walker.text()
    if not body_text.strip():
        if parsed.incomplete is not None:
            raise parsed.incomplete
        raise NoText("HTML-siden indeholder ingen tekst")
    return Document.model_construct(
        source=source,
        format="html",
        sha256=None,
        text=body_text,
        pages=[
            Page.model_construct(number=1, start=0, end=len(body_text), width=None, height=None)
        ],
        blocks=walker.blocks,
        lines=[],
        furniture=[Furniture.model_construct(text=t, page=1) for t in walker.furniture if t],
        meeting=Meeting(),
        items=[],
        warnings=parsed.warnings,
        incomplete=parsed.incomplete.as_incomplete() if parsed.incomplete else None,
    )
