"""Word's automatic list numbering (numbering.xml) rendered as Word shows it ("1.", "a)", "•"):
agenda items and the entries of an Indstilling are often numbered that way."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..numbering import format_number
from ..text import clean_text
from .wordml import _int, _tag, _val


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


class _Numbering:
    """The list definitions of numbering.xml, and the counters of the lists read so far."""

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
