"""WordprocessingML names and the small readers of attributes shared by the DOCX modules:
namespaced tags, `w:val`, on/off toggles, integers and sizes in half points."""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{" + W + "}"
_MC = "{" + MC + "}"
# w:sz and w:szCs are in half points
HALF_POINTS_PER_POINT = 2
# w:pgSz and other page measures are in twentieths of a point (twips)
TWIPS_PER_POINT = 20
# w:outlineLvl 0-8 are heading levels 1-9; this (9) and above are body text
BODY_TEXT_OUTLINE = 9


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


def _half_points(value: str | None) -> float | None:
    if value and value.isdigit():
        return int(value) / HALF_POINTS_PER_POINT
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.lstrip("-").isdigit() else None
