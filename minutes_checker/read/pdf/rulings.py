"""Ruling lines, read with pdfplumber (`find_tables`, about 0.1 s a page) only where PDFium's
geometry leaves open whether a label line starts a new label-text row, on at most a limited
number of pages of a document (`MAX_RULED_PAGES` in the package). pdfplumber is an aid: when it
fails, the layout decides without it."""

from __future__ import annotations

import contextlib
from typing import Any

_Ruling = tuple[float, float, float]  # y, x0, x1: a ruled table's row border

# points: a row border covers an x this far beyond its ends
RULING_X_SLACK = 2.0
# points: a ruled table stands where a row border is this near the two lines asked about
RULED_TABLE_REACH = 30
# points: a row border lies between two lines when it is this near or between them
RULING_Y_SLACK = 1.5


class _Rulings:
    """The row borders of ruled tables, page by page, read lazily from the PDF's bytes."""

    def __init__(self, data: bytes, max_pages: int) -> None:
        self.data = data
        self.max_pages = max_pages
        self.plumber: Any = None
        self.ruled_pages = 0
        self.rulings: dict[int, list[_Ruling] | None] = {}

    def close(self) -> None:
        if self.plumber is not None:
            with contextlib.suppress(Exception):
                self.plumber.close()
            self.plumber = None

    def between(self, page_index: int, upper: float, lower: float, x: float) -> bool | None:
        """Whether a ruled table's row border lies between `upper` and `lower` at `x`; None when
        no ruled table stands there (or pdfplumber is not used for this page)."""
        rulings = self._page_rulings(page_index)
        if not rulings:
            return None
        covering = [
            (y, x0, x1) for y, x0, x1 in rulings if x0 - RULING_X_SLACK <= x <= x1 + RULING_X_SLACK
        ]
        reach = RULED_TABLE_REACH
        if not covering or not any(upper - reach <= y <= lower + reach for y, _, _ in covering):
            return None
        return any(
            upper - RULING_Y_SLACK <= y <= lower + RULING_Y_SLACK for y, _x0, _x1 in covering
        )

    def _page_rulings(self, page_index: int) -> list[_Ruling] | None:
        if page_index in self.rulings:
            return self.rulings[page_index]
        found: list[_Ruling] | None = None
        if self.ruled_pages < self.max_pages:
            self.ruled_pages += 1
            try:
                found = self._find_rulings(page_index)
            except Exception:  # pdfplumber is an aid here; a failure only loses the aid
                found = None
        self.rulings[page_index] = found
        return found

    def _find_rulings(self, page_index: int) -> list[_Ruling]:
        import io

        import pdfplumber

        if self.plumber is None:
            self.plumber = pdfplumber.open(io.BytesIO(self.data))
        page = self.plumber.pages[page_index]
        try:
            out = []
            for table in page.find_tables():
                for row in table.rows:
                    x0, top, x1, bottom = row.bbox
                    out.append((float(top), float(x0), float(x1)))
                    out.append((float(bottom), float(x0), float(x1)))
            return out
        finally:
            page.close()
