"""Data table rows: lines that a column gap splits into pieces lining up with a neighbour's,
and their header row, are marked `_TABLE` (each becomes a table cell block, not a heading or a
paragraph)."""

from __future__ import annotations

from .lines import _TABLE, _RawLine
from .pieces import COLUMN_TOLERANCE

# a line in at least this many pieces may be a table row by itself ...
TABLE_ROW_MIN_PIECES = 3
# ... when at least this many of its piece starts line up with a neighbour's ...
TABLE_MIN_ALIGNED = 2
# ... and at least this share of the starts of the line with fewer pieces
TABLE_ALIGNED_MIN_SHARE = 0.6
# consecutive lines whose last pieces start at the same x: a column of figures from this many
FIGURE_COLUMN_MIN_LINES = 3
# line heights: a header row stands at most this far above the table's first row ...
HEADER_MAX_GAP = 1.5
# ... or its second piece starts where one of this many following lines starts
HEADER_LOOKAHEAD = 3


def _mark_tables(lines: list[_RawLine], parts: dict[int, list[tuple[float, float]]]) -> None:
    """Data table rows, from the pieces of lines that a column gap splits:

    - a line in three or more pieces whose piece starts mostly line up with a neighbour's;
    - three or more consecutive lines in two or more pieces whose last pieces start at the
      same x (a column of figures);
    - the header row: a bold line in pieces right above such a row, a bold line right above it
      that starts at the row's second column (the header's first cell is empty), or a bold line
      in pieces whose second piece starts where one of the next lines starts (a table whose
      cells PDFium reads as lines of their own), is part of the table, not a heading.
    """
    if not parts:
        return

    def starts(index: int) -> list[float]:
        return [piece[0] for piece in parts.get(index, ())[1:]]

    def near(x: float, values: list[float]) -> bool:
        return any(abs(x - y) <= COLUMN_TOLERANCE for y in values)

    def matches(a: int, b: int) -> tuple[int, int]:
        ours, theirs = starts(a), starts(b)
        return sum(1 for x in ours if near(x, theirs)), min(len(ours), len(theirs))

    table: set[int] = set()
    for index, pieces in parts.items():
        if len(pieces) < TABLE_ROW_MIN_PIECES:
            continue
        for other in (index - 1, index + 1):
            found, fewest = matches(index, other)
            if (
                other in parts
                and found >= TABLE_MIN_ALIGNED
                and found >= TABLE_ALIGNED_MIN_SHARE * fewest
            ):
                table.update((index, other))
    run: list[int] = []
    for index in [*sorted(parts), -2]:
        if run and index == run[-1] + 1 and near(parts[index][-1][0], [parts[run[-1]][-1][0]]):
            run.append(index)
            continue
        if len(run) >= FIGURE_COLUMN_MIN_LINES:
            table.update(run)
        run = [index] if index >= 0 else []
    above_rows = {index - 1 for index in table if index - 1 >= 0 and index - 1 not in parts}
    for index in sorted(set(parts) | above_rows):
        line = lines[index]
        if index in table or not line.bold:
            continue
        below = index + 1
        header = False
        close = below < len(lines) and (
            lines[below].top - line.bottom <= HEADER_MAX_GAP * (line.bottom - line.top)
        )
        if below in table and close:
            # its cells start where the row's do; a header whose first cell is empty starts
            # at the row's second column ("" / "Fredericia" / "Landsgennemsnit")
            header = matches(index, below)[0] >= 1 or (
                line.x0 > lines[below].x0 + COLUMN_TOLERANCE and near(line.x0, starts(below))
            )
        if not header:
            following = [other.x0 for other in lines[index + 1 : index + 1 + HEADER_LOOKAHEAD]]
            header = any(near(x, following) for x in starts(index))
        if header:
            table.add(index)
    for index in table:
        lines[index].role = _TABLE
