"""Which danmarkskort a text treats (its publication year, the "map year"), and when it came out.

"Danmarkskortet 2023" is the map published in 2023; it holds "omgørelsesprocenter for 2022".
The year is read from the item's title, then its text; failing both, it follows from the meeting
date (a meeting before this year's publication treats last year's map).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from ..dates import find_dates

# Facts from the ministry's pages; other years: "around June".
PUBLICATION_DATES = {
    2017: dt.date(2017, 6, 27),
    2018: dt.date(2018, 4, 17),
    2021: dt.date(2021, 6, 25),
    2022: dt.date(2022, 6, 23),
    2023: dt.date(2023, 6, 23),
}
FIRST_MAP_YEAR = 2017
FIRST_YEAR_WITH_ADULT_MAP = 2018
FIRST_YEAR_WITH_DUTY = 2018  # the council must treat the map from the 2018 map on
FIRST_YEAR_WITH_PLAN_DUTY = 2022

_YEAR = r"(20[1-3]\d)"
# "danmarkskortet 2023", "danmarkskort for 2023", "Danmarkskort over omgørelsesprocenter 2023"
_MAP_NAMED = re.compile(
    rf"danmarks\s*-?\s*kort\w*\s+(?:(?:over\s+)?(?:ankestyrelsens\s+)?(?:omgørelses\s*-?\s*"
    rf"procent\w*\s+)?(?:på\s+(?:det\s+)?social\w*\s+)?)?(?P<prep>for|fra|i)?\s*(?:år\s+)?{_YEAR}\b",
    re.IGNORECASE,
)
# "omgørelsesprocenter for 2022", "omgørelsesprocenten i 2022": data of the year before the map
_DATA_YEAR = re.compile(
    rf"omgørelses\s*-?\s*procent\w*\s+(?:\S+\s+){{0,3}}?(?:for|fra)\s+(?:året\s+)?{_YEAR}\b"
    rf"|\b{_YEAR}\s*-\s*tal(?:lene)?\b",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(r"offentligg\w+|udkom\w*|udgivet", re.IGNORECASE)
# "(offentliggjort) i juni 2023"
_MONTH_YEAR = re.compile(
    r"\s*(?:i\s+|den\s+)?(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober"
    r"|november|december)\s+(20[1-3]\d)\b",
    re.IGNORECASE,
)
# more years right after a named map: "Danmarkskortene 2021 og 2022", "danmarkskort 2022, 2023"
_MORE_YEARS = re.compile(r"\s*(?:og|samt|,|&)\s*(20[1-3]\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class MapYear:
    year: int | None
    basis_da: str
    basis_en: str
    span: tuple[int, int] | None = None  # where the decisive words stand in the document
    before_duty: bool = False  # the meeting is before the first map the council had to treat


def publication_date(year: int) -> dt.date:
    return PUBLICATION_DATES.get(year, dt.date(year, 6, 1))


def _candidates(
    text: str, offset: int, meeting_date: dt.date | None = None
) -> list[tuple[int, tuple[int, int], str]]:
    """(map year, span, words) for every mention in `text` that names a map year."""
    out = []
    for match in _MAP_NAMED.finditer(text):
        year = int(match.group(match.lastindex or 0))
        prep = (match.group("prep") or "").lower()
        if prep in ("for", "fra", "i") and re.search(r"omgørelses", match.group(0), re.IGNORECASE):
            year += 1  # "danmarkskort over omgørelsesprocenter for 2022" names the data year
        elif prep == "for" and meeting_date and meeting_date >= publication_date(year + 1):
            year += 1  # "Danmarkskort for 2024" at a meeting after the 2025 map: the data year
        out.append((year, (offset + match.start(), offset + match.end()), match.group(0)))
        # the later maps of the same mention ("Danmarkskortene 2021 og 2022"): one item may treat
        # two years' maps (not after "omgørelsesprocenter for 2021", which names data years)
        data_years = "omgørelses" in match.group(0).lower()
        more = None if data_years else _MORE_YEARS.match(text, match.end())
        while more:
            span = (offset + more.start(1), offset + more.end(1))
            out.append((int(more.group(1)), span, text[match.start() : more.end()]))
            more = _MORE_YEARS.match(text, more.end())
    for match in _DATA_YEAR.finditer(text):
        data_year = int(next(g for g in match.groups() if g))
        out.append((data_year + 1, (offset + match.start(), offset + match.end()), match.group(0)))
        # "Omgørelsesprocenterne for 2019 og 2020": the data of two maps
        more = _MORE_YEARS.match(text, match.end())
        while more:
            span = (offset + more.start(1), offset + more.end(1))
            out.append((int(more.group(1)) + 1, span, text[match.start() : more.end()]))
            more = _MORE_YEARS.match(text, more.end())
    for match in _PUBLISHED.finditer(text):
        window = text[match.end() : match.end() + 40]
        found = find_dates(window)
        month = _MONTH_YEAR.match(window)
        if not found and month:
            # "offentliggjort i juni 2023": a month and a year, no day
            found = [(dt.date(int(month.group(1)), 6, 1), month.span(1))]
        before = text[max(0, match.start() - 120) : match.start()]
        # the map named before the verb ("Danmarkskortet blev offentliggjort den …") or right
        # after the date ("Ministeriet offentliggjorde den 23. juni 2023 danmarkskortet")
        after = window[found[0][1][1] : found[0][1][1] + 30] if found else ""
        if found and re.search(r"danmarks\s*kort|\bkort(?:et|ene)\b", before + " " + after, re.I):
            date, (a, b) = found[0]
            start = offset + match.end() + a
            out.append(
                (
                    date.year,
                    (offset + match.start(), start + (b - a)),
                    text[match.start() : match.end() + b],
                )
            )
    return out


def map_years_named(text: str, meeting_date: dt.date | None = None) -> list[int]:
    """The map years a text names, each time it names one ("danmarkskortet 2022",
    "omgørelsesprocenter for 2021" = the 2022 map, "offentliggjort den 23. juni 2023")."""
    return [year for year, _, _ in _candidates(text, 0, meeting_date)]


def infer_map_year(
    title: str, title_offset: int, body: str, body_offset: int, meeting_date: dt.date | None
) -> MapYear:
    latest = meeting_date.year if meeting_date else None

    def plausible(year: int) -> bool:
        return year >= FIRST_MAP_YEAR and (latest is None or year <= latest)

    def out_by_then(year: int) -> bool:
        return meeting_date is None or publication_date(year) <= meeting_date

    title_found = [c for c in _candidates(title, title_offset, meeting_date) if plausible(c[0])]
    body_found = [c for c in _candidates(body, body_offset, meeting_date) if plausible(c[0])]
    for source, found in (("titlen", title_found), ("teksten", body_found)):
        if source == "titlen" and found and not any(out_by_then(c[0]) for c in found):
            # a title naming a map not yet out at the meeting ("Danmarkskort 2024" in March
            # 2024) gives way to a text that names one that was ("offentliggjorde den 23. juni
            # 2023 danmarkskortet")
            earlier = [c for c in body_found if out_by_then(c[0])]
            if earlier:
                found, source = earlier, "teksten"
        if found:
            # the year named most often (a trend names earlier years once); ties: the latest
            # map already out at the meeting, then the latest
            counts = Counter(c[0] for c in found)
            best = max(counts, key=lambda y: (counts[y], out_by_then(y), y))
            year, span, words = next(c for c in found if c[0] == best)
            words = " ".join(words.split())
            return MapYear(
                year,
                f"{source} nævner \u201d{words}\u201d",
                f"the {'title' if source == 'titlen' else 'text'} says \u201c{words}\u201d",
                span,
            )
    if meeting_date is not None and meeting_date < publication_date(FIRST_YEAR_WITH_DUTY):
        # no map year is inferred from a date before the first map the council had to treat
        first = publication_date(FIRST_YEAR_WITH_DUTY)
        return MapYear(
            None,
            f"mødet {meeting_date:%d-%m-%Y} ligger før danmarkskortet {FIRST_YEAR_WITH_DUTY} "
            f"({first:%d-%m-%Y}), det første, kommunalbestyrelsen skal behandle",
            f"the meeting {meeting_date:%Y-%m-%d} is before the {FIRST_YEAR_WITH_DUTY} map "
            f"({first:%Y-%m-%d}), the first the council must treat",
            before_duty=True,
        )
    if meeting_date is not None:
        year = meeting_date.year
        if meeting_date < publication_date(year):
            year -= 1
        published = publication_date(year)
        return MapYear(
            year,
            f"udledt af mødedatoen {meeting_date:%d-%m-%Y} (kortet for {year} udkom ca. "
            f"{published:%d-%m-%Y})",
            f"inferred from the meeting date {meeting_date:%Y-%m-%d} (the {year} map came out "
            f"around {published:%Y-%m-%d})",
        )
    return MapYear(None, "kortets år kunne ikke bestemmes", "the map year could not be determined")
