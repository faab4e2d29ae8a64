"""An item's text laid out for the report: blocks (the item title, section headings,
paragraphs) of lines, each line a run of segments (page numbers for the margin, evidence
anchors, text with or without highlights). Only data: `templates/_excerpt.html.j2` turns it
into HTML, escaping the text."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ...judge.checks import CHECK_IDS
from ...models import Evidence, ItemExcerpt

CHECK_NUMBER = {check: index + 1 for index, check in enumerate(CHECK_IDS)}


@dataclass(frozen=True)
class Mark:
    """One piece of evidence placed in an excerpt (absolute Document offsets)."""

    start: int
    end: int
    check: str
    polarity: str
    anchor: str


@dataclass(frozen=True)
class PageNumber:
    """A page starts on this line: its number goes in the margin."""

    number: int
    kind: Literal["page"] = "page"


@dataclass(frozen=True)
class Anchor:
    """Where a piece of evidence starts: a numbered tag that links to its check."""

    check: str
    number: int
    id: str
    kind: Literal["anchor"] = "anchor"


@dataclass(frozen=True)
class Text:
    """Text of the minutes; highlighted for `checks` when there are any."""

    text: str
    checks: tuple[str, ...] = ()
    polarity: str = "supports"
    kind: Literal["text"] = "text"


Segment = PageNumber | Anchor | Text


@dataclass
class Block:
    """The item's title, a section heading (with the section's kind) or a paragraph."""

    kind: Literal["title", "section", "paragraph"]
    lines: list[list[Segment]] = field(default_factory=list)
    section: str = ""


def locate(evidence: Evidence, excerpts: Sequence[ItemExcerpt]) -> tuple[int, int] | None:
    """Where `evidence` stands in the excerpts of its file: its own offsets when the text
    there is the quote, else the first place the quote occurs."""
    for excerpt in excerpts:
        if excerpt.start <= evidence.start and evidence.end <= excerpt.end:
            text = excerpt.text[evidence.start - excerpt.start : evidence.end - excerpt.start]
            if text == evidence.quote:
                return evidence.start, evidence.end
    for excerpt in excerpts:
        found = excerpt.text.find(evidence.quote) if evidence.quote else -1
        if found >= 0:
            return excerpt.start + found, excerpt.start + found + len(evidence.quote)
    return None


def _line_segments(
    text: str, offset: int, marks: Sequence[Mark], starts: dict[int, list[Mark]]
) -> list[Segment]:
    """`text` (which starts at Document offset `offset`) cut where marks start and end, with an
    anchor where each mark starts."""
    end = offset + len(text)
    cuts = {offset, end}
    for mark in marks:
        if mark.start < end and mark.end > offset:
            cuts.update(p for p in (mark.start, mark.end) if offset < p < end)
    cuts.update(p for p in starts if offset <= p < end)
    out: list[Segment] = []
    for lo, hi in itertools.pairwise(sorted(cuts)):
        out.extend(
            Anchor(mark.check, CHECK_NUMBER.get(mark.check, 0), mark.anchor)
            for mark in starts.get(lo, [])
        )
        active = [m for m in marks if m.start <= lo and m.end >= hi]
        checks = tuple(dict.fromkeys(m.check for m in active))
        polarity = "contradicts" if any(m.polarity == "contradicts" for m in active) else "supports"
        out.append(Text(text[lo - offset : hi - offset], checks, polarity))
    return out


def excerpt_blocks(excerpt: ItemExcerpt, marks: Sequence[Mark]) -> list[Block]:
    """The excerpt as blocks: the item title (the first line of an item), a heading where a
    section starts, paragraphs between blank lines; page numbers on the line where the page
    starts, and the marks (with an anchor at the start of each)."""
    inside = [m for m in marks if m.start < excerpt.end and m.end > excerpt.start]
    starts: dict[int, list[Mark]] = {}
    for mark in inside:
        starts.setdefault(max(mark.start, excerpt.start), []).append(mark)
    section_starts = {s.start: s for s in excerpt.sections}
    page_starts = sorted((p.start, p.number) for p in excerpt.pages)
    blocks: list[Block] = []
    paragraph: Block | None = None
    pending_pages: list[int] = []
    position = excerpt.start
    first_line = True
    for line in excerpt.text.split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        while page_starts and page_starts[0][0] <= line_end:
            pending_pages.append(page_starts.pop(0)[1])
        if not line.strip():
            paragraph = None
            continue
        segments: list[Segment] = [PageNumber(n) for n in pending_pages]
        pending_pages.clear()
        segments += _line_segments(line, line_start, inside, starts)
        section = next(
            (s for start, s in section_starts.items() if line_start <= start <= line_end), None
        )
        if first_line and excerpt.kind == "item":
            paragraph = None
            blocks.append(Block("title", [segments]))
        elif section is not None:
            paragraph = None
            blocks.append(Block("section", [segments], section.kind))
        else:
            if paragraph is None:
                paragraph = Block("paragraph")
                blocks.append(paragraph)
            paragraph.lines.append(segments)
        first_line = False
    return blocks
