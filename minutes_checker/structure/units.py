"""Units: the lines of a document's body with their layout hints, what the structure is read
from (PDF lines; the lines of DOCX and HTML blocks)."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import dataclass

from ..models import BlockKind, Document

# --------------------------------------------------------------------------- units


@dataclass(slots=True)
class Unit:
    text: str
    start: int
    end: int
    page: int
    block: int
    first: bool  # first line of its block
    block_lines: int
    kind: BlockKind
    level: int | None
    bold: bool
    size: float | None
    strong: bool = False  # heading evidence: heading style, bold or larger type
    row_label: bool = False  # the label cell of a two-column table row


def body_units(document: Document) -> list[Unit]:
    text = document.text
    blocks = document.blocks
    block_starts = [block.start for block in blocks]
    units: list[Unit] = []
    if document.lines:
        # one unit per PDF line (thousands in a long referat: positional arguments, no
        # repeated lookups)
        bisect_right = bisect.bisect_right
        located = [
            (line, max(bisect_right(block_starts, line.start) - 1, 0)) for line in document.lines
        ]
        line_counts = Counter(index for _line, index in located)
        for line, index in located:
            start = line.start
            raw = text[start : line.end]
            stripped = raw.strip()
            if not stripped:
                continue
            if len(stripped) != len(raw):
                start += len(raw) - len(raw.lstrip())
            if blocks:
                block = blocks[index]
                first, kind, level = line.start <= block.start, block.kind, block.level
            else:
                first, kind, level = False, "paragraph", None
            units.append(
                Unit(
                    stripped,
                    start,
                    start + len(stripped),
                    line.page,
                    index,
                    first,
                    line_counts[index],
                    kind,
                    level,
                    bool(line.bold),
                    line.size,
                )
            )
    else:
        for index, block in enumerate(blocks):
            chunk = text[block.start : block.end]
            lines = chunk.split("\n")
            position = block.start
            count = sum(1 for line in lines if line.strip())
            first = True
            for line in lines:
                stripped = line.strip()
                if stripped:
                    lead = len(line) - len(line.lstrip())
                    start = position + lead
                    units.append(
                        Unit(
                            text=stripped,
                            start=start,
                            end=start + len(stripped),
                            page=document.page_at(start),
                            block=index,
                            first=first,
                            block_lines=count,
                            kind=block.kind,
                            level=block.level,
                            bold=block.bold,
                            size=block.size,
                            row_label=block.row_label,
                        )
                    )
                    first = False
                position += len(line) + 1
    sizes: Counter[float] = Counter()
    for unit in units:
        if unit.size:
            sizes[round(unit.size * 2) / 2] += len(unit.text)
    body_size = sizes.most_common(1)[0][0] if sizes else None
    for unit in units:
        large = bool(body_size and unit.size and unit.size >= body_size + 1.0)
        styled = unit.kind == "heading" or unit.level is not None
        unit.strong = styled or unit.bold or large
    return units


def join_units(units: list[Unit]) -> str:
    out = units[0].text
    for previous, unit in itertools.pairwise(units):
        out += ("" if unit.start == previous.end else " ") + unit.text
    return out
