"""Data table rows: lines that a column gap splits into pieces lining up with a neighbour's,
and their header row, are marked `_TABLE` (each becomes a table cell block, not a heading or a
paragraph)."""

from __future__ import annotations

from .lines import _TABLE, _RawLine
from .pieces import _COLUMN_TOLERANCE


def _mark_tables(lines: list[_RawLine], parts: dict[int, list[tuple[float, float]]]) -> None:
    """Data table rows, from the pieces of lines that a column gap splits:

    - a line in three or more pieces whose piece starts mostly line up with a neighbour's;
    - three or more consecutive lines in two or more pieces whose last pieces start at the
      same x (a column of figures);
    - the header row: a bold line in pieces right above such a row, or whose second piece
      starts where one of the next lines starts (a table whose cells PDFium reads as lines of
      their own), is part of the table, not a heading.
    """
    if not parts:
        return

    def starts(index: int) -> list[float]:
        return [piece[0] for piece in parts.get(index, ())[1:]]

    def near(x: float, values: list[float]) -> bool:
        return any(abs(x - y) <= _COLUMN_TOLERANCE for y in values)

    def matches(a: int, b: int) -> tuple[int, int]:
        ours, theirs = starts(a), starts(b)
        return sum(1 for x in ours if near(x, theirs)), min(len(ours), len(theirs))

    table: set[int] = set()
    for index, pieces in parts.items():
        if len(pieces) < 3:
            continue
        for other in (index - 1, index + 1):
            found, fewest = matches(index, other)
            if other in parts and found >= 2 and found >= 0.6 * fewest:
                table.update((index, other))
    run: list[int] = []
    for index in [*sorted(parts), -2]:
        if run and index == run[-1] + 1 and near(parts[index][-1][0], [parts[run[-1]][-1][0]]):
            run.append(index)
            continue
        if len(run) >= 3:
            table.update(run)
        run = [index] if index >= 0 else []
    for index in sorted(parts):
        line = lines[index]
        if index in table or not line.bold:
            continue
        below = index + 1
        header = False
        if below in table and matches(index, below)[0] >= 1:
            header = lines[below].top - line.bottom <= 1.5 * (line.bottom - line.top)
        if not header:
            following = [other.x0 for other in lines[index + 1 : index + 4]]
            header = any(near(x, following) for x in starts(index))
        if header:
            table.add(index)
    for index in table:
        lines[index].role = _TABLE
