"""The Document's text from the blocks the walk finds: each block's text tidied and added,
pages started where page breaks fall."""

from __future__ import annotations

from ...models import Block, BlockKind
from ..text import clean_text

PAGE_BREAK = object()  # marker inside paragraph content


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
        row_label: bool = False,
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
                row_label=row_label,
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
