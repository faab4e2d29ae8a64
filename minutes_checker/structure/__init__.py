"""The structure stage: meeting, agenda items and the sections inside each item.

`analyse(document)` fills `Document.meeting` and `Document.items` (with their sections) from the
cleaned text and the readers' layout hints (block kinds, heading levels, bold and font size per
PDF line). It works on units (`units.py`): the lines of the body.
"""

from __future__ import annotations

from ..models import Document
from .bodies import body_kind
from .headings import classify_heading, clear_heading_cache, looks_like_section_heading
from .items import find_items
from .meeting import find_meeting
from .sections import clear_starts_cache
from .units import body_units

__all__ = ["analyse", "body_kind", "classify_heading", "looks_like_section_heading"]


def analyse(document: Document) -> Document:
    """Fill `meeting`, `items` and their `sections`. Returns the same document."""
    try:
        units = body_units(document)
        items = find_items(document, units)
        document.items = items
        document.meeting = find_meeting(document, units, items)
    finally:
        clear_starts_cache()
        clear_heading_cache()
    if not items and document.text.strip():
        document.warnings.append("ingen dagsordenspunkter fundet")
    return document
