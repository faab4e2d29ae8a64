"""The 98 municipalities and how their names are written in minutes, file names and folders."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Municipality:
    code: int
    official_name: str
    short_name: str
    region: str


@cache
def all_municipalities() -> tuple[Municipality, ...]:
    with resources.files("minutes_checker").joinpath("data/municipalities.csv").open(
        encoding="utf-8"
    ) as handle:
        return tuple(
            Municipality(int(row["code"]), row["official_name"], row["short_name"], row["region"])
            for row in csv.DictReader(handle)
        )


def by_code(code: int) -> Municipality | None:
    return next((m for m in all_municipalities() if m.code == code), None)


_SPELLINGS = {"å": "(?:å|aa)", "ø": "(?:ø|oe)", "æ": "(?:æ|ae)"}


def _flexible(name: str) -> str:
    """A regex for a name that accepts aa/å, oe/ø, ae/æ, hyphen or space, in any case."""
    out = []
    for char in name.lower():
        if char in _SPELLINGS:
            out.append(_SPELLINGS[char])
        elif char in "- ":
            out.append(r"[\s\-–_]?")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _stems(m: Municipality) -> list[str]:
    """The name without 'Kommune' plus its genitive ('Nordfyns', 'Københavns')."""
    stem = re.sub(r"\s+(Kommune|Regionskommune)$", "", m.official_name)
    stems = {stem, m.short_name}
    for s in list(stems):
        stems.add(s[:-1] if s.endswith("s") else s + "s")
    return sorted(stems, key=len, reverse=True)


_BODY_WORDS = (
    r"kommune\w*|regionskommune|kommunalbestyrelse\w*|byråd\w*|byraad\w*|borgerrepræsentation\w*"
)


@cache
def _alternatives() -> tuple[str, ...]:
    """Per municipality (in the order of `all_municipalities`), its names as one alternation."""
    return tuple("|".join(_flexible(s) for s in _stems(m)) for m in all_municipalities())


@cache
def _in_text() -> re.Pattern[str]:
    """One pattern for all 98 names next to a body word ("Aarhus Kommune", "Herning Byråd",
    "Nordfyns Kommunes"); group i+1 is municipality i. Compiling one pattern instead of 98 saves
    about 0.1 s in every process that reads a document."""
    names = "|".join(f"({alternatives})" for alternatives in _alternatives())
    return re.compile(rf"(?<![\w-])(?:{names})\s+(?:{_BODY_WORDS})\b", re.I)


@cache
def _in_name(index: int) -> re.Pattern[str]:
    """In a file or folder name the bare name is enough: "aarhus-2023.pdf", "Faaborg_Midtfyn/"."""
    return re.compile(rf"(?<![^\W_])(?:{_alternatives()[index]})(?![^\W_])", re.I)


def find_in_text(text: str) -> tuple[Municipality, tuple[int, int]] | None:
    """The municipality named first in `text` together with a body word, and where (at the same
    position, the first in `all_municipalities` order)."""
    hit = _in_text().search(text)
    if hit is None:
        return None
    index = hit.lastindex
    assert index is not None  # every alternative is a group
    return all_municipalities()[index - 1], hit.span()


def find_in_name(name: str) -> Municipality | None:
    """The municipality a file or folder name refers to (longest matching name wins)."""
    name = unicodedata.normalize("NFC", name)
    hits = []
    for index, m in enumerate(all_municipalities()):
        hit = _in_name(index).search(name)
        if hit:
            hits.append((hit.end() - hit.start(), m))
    return max(hits, key=lambda h: h[0])[1] if hits else None


def slugify(name: str) -> str:
    """A file-name-safe ASCII form of a municipality name (æ→ae, ø→oe, å→aa)."""
    folded = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "ukendt"
