"""Danish dates as minutes write them: "Onsdag den 27. september 2023", "27-09-2023", "27.09.2023".
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

SHORT_YEARS = (15, 39)  # two-digit years read as 2015-2039; others are case numbers, not dates
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# a lookahead for the words after a number's dot: not a month, so that "26. februar 2025" at the
# start of a wrapped line is a date running on, not a numbered entry
NOT_A_MONTH = rf"(?!(?:{_MONTH_NAMES})\b)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_PATTERN = re.compile(
    rf"(?<![\d.])(?P<day>[0-3]?\d)\.?\s*(?P<month_name>{_MONTH_NAMES})\.?,?\s+{_YEAR}(?!\d)"
    rf"|(?<![\w.\-/])(?P<day2>[0-3]?\d)\s*[-./]\s*(?P<month2>[01]?\d)\s*[-./]\s*"
    rf"(?P<year2>(?:19|20)?\d\d)(?!\d|[.\-/]\w)"
    rf"|(?<![\d.])(?P<year3>(?:19|20)\d\d)-(?P<month3>[01]\d)-(?P<day3>[0-3]\d)(?!\d)",
    re.IGNORECASE,
)


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        if groups["month_name"]:
            month = MONTHS[groups["month_name"].lower()]
            return date(int(groups["year"]), month, int(groups["day"]))
        if groups["day2"]:
            year = int(groups["year2"])
            if year < 100:  # "24.10.23": only years a minutes system would print
                if not SHORT_YEARS[0] <= year <= SHORT_YEARS[1]:
                    return None
                year += 2000
            return date(year, int(groups["month2"]), int(groups["day2"]))
        return date(int(groups["year3"]), int(groups["month3"]), int(groups["day3"]))
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[date, tuple[int, int]]]:
    """Every valid date in `text`, in order, with its span."""
    out = []
    for match in DATE_PATTERN.finditer(text):
        value = _to_date(match)
        if value is not None:
            out.append((value, match.span()))
    return out
