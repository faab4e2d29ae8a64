"""Paragraph and character styles (styles.xml): heading levels from a style's name ("Heading
2", "Overskrift 2") or outline level, walking base styles, and bold, size, page breaks and list
numbering inherited from them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from .wordml import _W, BODY_TEXT_OUTLINE, _half_points, _int, _on, _tag, _val


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
    """The styles of styles.xml by id and the document's defaults; a style's settings are
    looked up along its base styles (`chain`)."""

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
            if style.outline is not None and style.outline < BODY_TEXT_OUTLINE:
                return style.outline + 1
        return None

    def first(self, style_id: str | None, attribute: str) -> object:
        for style in self.chain(style_id):
            value = getattr(style, attribute)
            if value is not None:
                return value
        return None
