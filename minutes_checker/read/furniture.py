"""Running headers and footers: found by repetition at the top or bottom of pages (digits
replaced, so "Side 4 af 31" and "Side 5 af 31" count as the same line), plus lines that are
obviously page numbers. They are kept apart from the body text as `Document.furniture`."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

# --------------------------------------------------------------------------- running headers

# a page number line ("Side 4 af 31", "- 4 -") is at most this many characters long
PAGE_NUMBER_MAX_CHARS = 24
# points: lines whose tops are this close stand in one row (a header table's cells side by side)
ROW_TOLERANCE = 2.5
# points: smaller steps between row tops are no line pitch
MIN_ROW_STEP = 0.5
# line pitches: a gap wider than this sets a header or footer block apart from the body ...
WIDE_GAP_PITCHES = 1.6
# ... and points: wider than a line pitch plus this
WIDE_GAP_EXTRA = 6.0
# the rows at the top and at the bottom of a page that may hold running lines
ZONE_ROWS = 3
# points: a running line stands at about the same height on every page, within this
HEIGHT_TOLERANCE = 4.0
# a page number counts as running only up to this row from the page edge (0: the edge row)
PAGE_NUMBER_MAX_ROW = 1
# a line repeated (digits folded) on at least this many pages ...
RUNNING_MIN_PAGES = 2
# ... and on at least this many fifths of the pages (40 %, rounded up) is running when set apart
# from the body by a wide gap ...
RUNNING_MIN_FIFTHS = 2
# ... or, not set apart, on at least this many pages ...
LOOSE_RUNNING_MIN_PAGES = 3
# ... and this share of them
LOOSE_RUNNING_MIN_SHARE = 0.6

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—(\[]\s*)?(?:(?:side|s\.|page|pag\.)\s*)?\d{1,4}\s*(?:(?:af|/|of|ud af)\s*\d{1,4})?"
    r"(?:\s*[-–—)\]])?$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
# "… – Side 4 af 31" inside a longer running line
_PAGE_OF = re.compile(r"\b(?:side|page)\s*\d{1,4}\s*(?:af|of|/|ud af)\s*\d{1,4}\b", re.I)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
# a line that could be an agenda item's heading is never taken for a running line by the looser
# rule (item headings at the top of many pages look alike once digits are folded)
_ITEM_LIKE = re.compile(r"^(?:punkt|pkt\.?|dagsordenspunkt|sag)\s*\d|^\d{1,4}\.?(?:\s|$)", re.I)


def is_page_number(text: str, *, bare: bool = True) -> bool:
    """A line that is only a page number: "4", "- 4 -", "Side 4", "Side 4 af 31", "4/31".

    With `bare=False` a lone number ("4") does not count (at the top of a page it may be an
    agenda item number).
    """
    text = text.strip()
    if not text or len(text) > PAGE_NUMBER_MAX_CHARS or not _PAGE_NUMBER.match(text):
        return False
    return bare or not _BARE_NUMBER.match(text)


def repetition_key(text: str, *, fold_digits: bool = True) -> str:
    """The key under which running lines repeat: digits replaced, case and spaces folded."""
    if fold_digits:
        text = _DIGITS.sub("#", text)
    return _SPACES.sub(" ", text.lower()).strip()


class Placed(Protocol):
    """Anything with a line's text and vertical position (points from the top of the page)."""

    @property
    def text(self) -> str: ...
    @property
    def top(self) -> float: ...


@dataclass(frozen=True)
class PlacedLine:
    """A line with its vertical position (points from the top of the page)."""

    text: str
    top: float
    bottom: float


def _visual_rows(lines: Sequence[Placed], tolerance: float = ROW_TOLERANCE) -> list[list[int]]:
    """Line indices grouped into rows at about the same height (a header table's cells stand
    side by side), top to bottom; each row left in its lines' order."""
    order = sorted(range(len(lines)), key=lambda i: (lines[i].top, i))
    rows: list[list[int]] = []
    row_top = 0.0
    for index in order:
        top = lines[index].top
        if rows and top - row_top <= tolerance:
            rows[-1].append(index)
        else:
            rows.append([index])
            row_top = top
    return rows


def _edge_clusters(lines: Sequence[Placed], rows: list[list[int]], zone: int) -> set[int]:
    """Indices of the lines at the top and bottom of a page that are separated from the rest
    by a gap clearly wider than the page's usual line pitch (a header or footer block)."""
    tops = [lines[row[0]].top for row in rows]
    steps = sorted(b - a for a, b in itertools.pairwise(tops) if b - a > MIN_ROW_STEP)
    if not steps:
        return set()
    pitch = steps[len(steps) // 2]
    wide = max(WIDE_GAP_PITCHES * pitch, pitch + WIDE_GAP_EXTRA)
    found: set[int] = set()
    for rank in range(min(zone, len(rows) - 1)):
        if tops[rank + 1] - tops[rank] > wide:
            found.update(index for row in rows[: rank + 1] for index in row)
            break
    for rank in range(min(zone, len(rows) - 1)):
        position = len(rows) - 1 - rank
        if tops[position] - tops[position - 1] > wide:
            found.update(index for row in rows[position:] for index in row)
            break
    return found


def find_running_lines(
    pages: Sequence[Sequence[Placed]],
    zone: int = ZONE_ROWS,
    tolerance: float = HEIGHT_TOLERANCE,
    protect: Callable[[str], bool] | None = None,
) -> set[tuple[int, int]]:
    """(page index, line index) of every running header or footer line.

    Only the lines of the `zone` top-most and bottom-most rows of a page are considered (a row:
    lines at about the same height, such as a header table's cells), and only as an unbroken
    run from the page edge. Such a line is running when
    - the same text with digits replaced ("Byrådet 25-09-2023 – Side 4 af 31") stands at about the
      same height on at least 40 % of the pages (at least two), set apart from the body by a wide
      gap (or on at least 60 % and three pages), and it does not look like an agenda item
      heading; or
    - exactly the same text stands at about the same height on a neighbouring page, in a block of
      lines set apart from the body by a wide gap (running titles of one item); or
    - it is a page number ("Side 4 af 31", "- 4 -"; a bare number only at the bottom).
    `protect(text)` can exempt lines (section headings) from the repetition rules.
    """
    count = len(pages)
    running: set[tuple[int, int]] = set()
    if count == 0:
        return running
    zones: list[tuple[list[int], list[int]]] = []
    folded: dict[tuple[str, str], dict[int, list[float]]] = defaultdict(dict)
    exact: dict[tuple[str, str], dict[int, list[float]]] = defaultdict(dict)
    clusters: list[set[int]] = []  # lines set apart from the body by a wide gap, per page
    # the keys of each text, computed once (running lines repeat on every page)
    folded_keys: dict[str, str] = {}
    exact_keys: dict[str, str] = {}

    def folded_key(text: str) -> str:
        key = folded_keys.get(text)
        if key is None:
            key = folded_keys[text] = repetition_key(text)
        return key

    def exact_key(text: str) -> str:
        key = exact_keys.get(text)
        if key is None:
            key = exact_keys[text] = repetition_key(text, fold_digits=False)
        return key

    row_rank: list[dict[int, int]] = []  # how many rows from the page edge a zone line stands
    for page_index, lines in enumerate(pages):
        # the lines of the `zone` top-most and bottom-most rows (a row may hold several
        # lines: the cells of a header table)
        rows = _visual_rows(lines)
        top_rows = rows[:zone]
        bottom_rows = list(reversed(rows[len(top_rows) :]))[:zone]
        top_zone = [index for row in top_rows for index in row]
        bottom_zone = [index for row in bottom_rows for index in row]
        zones.append((top_zone, bottom_zone))
        clusters.append(_edge_clusters(lines, rows, zone))
        row_rank.append(
            {index: rank for rank, row in enumerate(top_rows) for index in row}
            | {index: rank for rank, row in enumerate(bottom_rows) for index in row}
        )
        for edge, zone_lines in (("top", top_zone), ("bottom", bottom_zone)):
            for i in zone_lines:
                text = lines[i].text
                folded[(edge, folded_key(text))].setdefault(page_index, []).append(lines[i].top)
                exact[(edge, exact_key(text))].setdefault(page_index, []).append(lines[i].top)

    needed = max(RUNNING_MIN_PAGES, -(-RUNNING_MIN_FIFTHS * count // 5))
    loose = max(LOOSE_RUNNING_MIN_PAGES, LOOSE_RUNNING_MIN_SHARE * count)
    counted: dict[tuple[str, str, float], int] = {}

    def pages_near(key: tuple[str, str], top: float) -> int:
        """On how many pages a line with this key stands within `tolerance` of `top`."""
        cache_key = (key[0], key[1], round(top, 1))
        if cache_key not in counted:
            counted[cache_key] = sum(
                1
                for tops in folded.get(key, {}).values()
                if any(abs(t - top) <= tolerance for t in tops)
            )
        return counted[cache_key]

    def on_neighbour(key: tuple[str, str], page: int, top: float) -> bool:
        pages_with = exact.get(key, {})
        return any(
            abs(t - top) <= tolerance
            for neighbour in (page - 1, page + 1)
            for t in pages_with.get(neighbour, ())
        )

    for page_index, lines in enumerate(pages):
        for edge, zone_lines in (("top", zones[page_index][0]), ("bottom", zones[page_index][1])):
            for i in zone_lines:
                line = lines[i]
                text = line.text.strip()
                is_running = False
                if row_rank[page_index][i] <= PAGE_NUMBER_MAX_ROW and (
                    is_page_number(text, bare=edge == "bottom") or _PAGE_OF.search(text)
                ):
                    is_running = True
                elif text and count > 1 and not (protect and protect(text)):
                    key = (edge, folded_key(text))
                    near = 0 if _ITEM_LIKE.match(text) else pages_near(key, line.top)
                    set_apart = i in clusters[page_index]
                    if near >= needed and (set_apart or near >= loose):
                        is_running = True
                    elif i in clusters[page_index]:
                        # the same text on a neighbouring page, set apart from the body
                        is_running = on_neighbour((edge, exact_key(text)), page_index, line.top)
                if not is_running:
                    break  # only an unbroken run from the page edge is furniture
                running.add((page_index, i))
    return running
