"""Alle tre danmarkskort: the whole social area, children with disabilities and adults with
disabilities are each treated (before 2018 only the first two existed) (CRITERIA.md §3)."""

from __future__ import annotations

import re

from ...messages import MAP_NAMES
from ...models import CheckResult
from ..engine import Hit, Sentence
from ..findings import (
    DELEGATION_READS,
    MAP_SIGNALS,
    Findings,
    delegation_notice,
    without_contradicted,
)
from ..mapyear import FIRST_YEAR_WITH_ADULT_MAP

ID = "all_three_maps"
ROLE = "quality"
READS = (
    *DELEGATION_READS,
    "attachment_pointer",
    "three_maps",
    "maps_earlier",
    "maps_recalled",
    "earlier_recap",
    "maps_only",
    "map_social",
    "map_children",
    "map_adults",
    "map_left_out_ref",
)
REFERENCE_REACH = 600  # characters back to the sentence a "Dette kort" points to


def run(f: Findings) -> CheckResult:
    year = f.map_year.year
    required = ["map_social", "map_children"]
    if year is None or year >= FIRST_YEAR_WITH_ADULT_MAP:
        required.append("map_adults")
    # minutes of a committee alone are judged on their content too, so the caseworker sees
    # what the material holds (CRITERIA.md §3); the explanation says it was the committee's
    prefix = "committee_" if f.committee_only else ""
    delegated = delegation_notice(f)
    if delegated:
        # the council only hears that a committee treated the maps: left to a committee, the
        # maps do not count (CRITERIA.md §3)
        return f.result("all_three_maps", "not_met", "delegated", f.evidence(delegated))
    pointer = bool(f.select("attachment_pointer"))
    generic = f.select("three_maps")
    # maps said to have been treated at an earlier meeting are not covered by this document
    # a treatment at an earlier meeting of this map year; one dated in earlier years only is
    # last year's map ("Danmarkskortet 2022 blev behandlet i Byrådet den 13. december 2022")
    earlier = [h for h in f.select("maps_earlier") if not _only_earlier_years(h, year)]
    only = f.select("maps_only")
    earlier_sentences = {h.sentence.start for h in earlier} | _recalled(f, earlier)
    earlier_sentences |= {h.sentence.start for h in f.select("earlier_recap")}
    referred = _referred_maps(f)
    covered, weak, missing, before, evidence = [], [], [], [], []
    unnamed: list[str] = []  # missing without a word of them
    details: dict[str, str] = {}
    for signal in required:
        supports = without_contradicted(f.select(signal, polarity="supports"), f.hits)
        # a map put off at the earlier meeting that a sentence recalls ("Byrådet bad ved den
        # lejlighed om, at kortet for socialområdet blev forelagt på et senere møde") is not left
        # out of this document
        left_out = [
            h
            for h in f.select(signal, polarity="contradicts")
            if not _decided_later(f, h) and h.sentence.start not in earlier_sentences
        ] + referred.get(signal, [])
        # "Sagen omhandler alene …": a map the same sentence does not name is not in the item
        left_out += [
            h
            for h in only
            if not any(x.signal == signal and x.sentence.start == h.sentence.start for x in f.hits)
        ]
        if f.committee_only:
            # in a committee's own minutes, a map "behandles i Socialudvalget" by that same
            # committee is treated here; one left to another committee is not
            own = (f.document.meeting.body or "").lower()
            left_out = [h for h in left_out if not (own and own in h.sentence.lower)]
        # a map left out of one item may be treated in another item of the same meeting
        left_items = {h.sentence.item.number for h in left_out if h.sentence.item}
        strong = [
            h
            for h in supports
            if h.weight >= 1
            and not h.sentence.in_title  # named only in the item's title: weak (CRITERIA.md §3)
            and (h.sentence.section_kind != "attachments" or pointer)
            and (h.sentence.item is None or h.sentence.item.number not in left_items)
        ]
        name = MAP_NAMES[signal][f.lang]
        here = [h for h in strong if h.sentence.start not in earlier_sentences]
        if here:
            covered.append(name)
            details[signal] = "covered"
            evidence += f.evidence(here, limit=1)
        elif strong or (earlier and not left_out):
            before.append(name)
            details[signal] = "earlier"
            evidence += f.evidence(strong or earlier, limit=1)
        elif left_out:
            missing.append(name)
            details[signal] = "missing"
            evidence += f.evidence(left_out, limit=1)
        elif supports or generic:
            weak.append(name)
            details[signal] = "weak"
            evidence += f.evidence(supports or generic, limit=1)
        else:
            missing.append(name)
            details[signal] = "missing"
            unnamed.append(name)
    if f.committee_only:
        evidence = f.committee_evidence() + evidence  # whose treatment it was
    if not missing and not weak and not before:
        return f.result(
            "all_three_maps", "met", f"{prefix}all", evidence, details,
            count=len(required), maps=", ".join(covered),
        )  # fmt: skip
    if missing and missing == unnamed and f.decisions_only:
        # a protocol of decisions only: the case text with the maps is in the agenda
        return f.result(
            "all_three_maps", "unclear", "decisions_only", evidence, details,
            missing=", ".join(missing),
        )  # fmt: skip
    if missing:
        return f.result(
            "all_three_maps", "not_met", f"{prefix}missing", evidence, details,
            missing=", ".join(missing),
        )  # fmt: skip
    if weak:
        return f.result(
            "all_three_maps", "unclear", f"{prefix}weak", evidence, details, weak=", ".join(weak)
        )
    return f.result(
        "all_three_maps", "unclear", "earlier", evidence, details, earlier=", ".join(before)
    )


def _recalled(f: Findings, earlier: list[Hit]) -> set[int]:
    """Sentences that go on telling the earlier meeting ("… behandlede danmarkskortet 2025 på
    mødet den 24. september 2025 (punkt 9). Her blev kortene for … gennemgået"): a sentence of
    rule `maps.earlier_recalled` right after a sentence of an earlier treatment."""
    text = f.document.text
    ends = [h.sentence.end for h in earlier]
    return {
        h.sentence.start
        for h in f.select("maps_recalled")
        if any(end <= h.sentence.start and not text[end : h.sentence.start].strip() for end in ends)
    }


_PLURAL_REFERENCE = re.compile(r"^\s*(?:de|disse|begge)\b")


def _referred_maps(f: Findings) -> dict[str, list[Hit]]:
    """Maps left out by reference ("Dette kort tages op på et senere møde"): each to the map of
    the nearest sentence before it, in the same item, that names exactly one map; a plural
    reference ("De indgår derfor ikke i denne sag") to every map that sentence names."""
    named: dict[int, set[str]] = {}
    sentences: dict[int, Sentence] = {}
    for h in f.hits:
        if h.signal in MAP_SIGNALS and h.polarity == "supports":
            named.setdefault(h.sentence.start, set()).add(h.signal)
            sentences[h.sentence.start] = h.sentence
    out: dict[str, list[Hit]] = {}
    for ref in f.select("map_left_out_ref", polarity="contradicts"):
        before = [
            s
            for start, s in sentences.items()
            if start < ref.sentence.start
            and _item_number(s) == _item_number(ref.sentence)
            and ref.sentence.start - s.end <= REFERENCE_REACH
        ]
        if not before:
            continue
        nearest = max(before, key=lambda s: s.start)
        maps = named[nearest.start]
        if len(maps) == 1 or _PLURAL_REFERENCE.match(ref.sentence.lower):
            for signal in maps:
                out.setdefault(signal, []).append(ref)
    return out


def _item_number(sentence: Sentence) -> str | None:
    return sentence.item.number if sentence.item else None


_YEAR = re.compile(r"\b20\d\d\b")


def _only_earlier_years(hit: Hit, year: int | None) -> bool:
    years = [int(y) for y in _YEAR.findall(hit.sentence.lower)]
    return year is not None and bool(years) and all(y < year for y in years)


def _decided_later(f: Findings, hit: Hit) -> bool:
    """Whether a map put off in a council decision was decided at a later council meeting in the
    same item ("Beslutning Byrådet 29-11-2023: Udsat med henblik på yderligere oplysninger om
    børnehandicapområdet." / "Beslutning Byrådet 13-12-2023: Godkendt."): the later decision
    treats the item as a whole."""
    section = hit.sentence.section
    decisions = f.council_decisions()
    if section is None or section not in decisions:
        return False
    later = decisions[decisions.index(section) + 1 :]
    return any(h.sentence.section in later for h in f.council_decision_says("approved"))
