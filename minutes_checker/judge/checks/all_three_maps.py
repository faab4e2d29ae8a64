"""Alle tre danmarkskort: the whole social area, children with disabilities and adults with
disabilities are each treated (before 2018 only the first two existed) (CRITERIA.md §3)."""

from __future__ import annotations

from ...messages import MAP_NAMES
from ...models import CheckResult
from ..findings import Findings, without_contradicted
from ..mapyear import FIRST_YEAR_WITH_ADULT_MAP

ID = "all_three_maps"
ROLE = "quality"
READS = ("attachment_pointer", "three_maps", "map_social", "map_children", "map_adults")


def run(f: Findings) -> CheckResult:
    year = f.map_year.year
    required = ["map_social", "map_children"]
    if year is None or year >= FIRST_YEAR_WITH_ADULT_MAP:
        required.append("map_adults")
    if f.committee_only:
        return f.result("all_three_maps", "not_met", "committee_only", f.committee_evidence())
    pointer = bool(f.select("attachment_pointer"))
    generic = f.select("three_maps")
    covered, weak, missing, evidence = [], [], [], []
    details: dict[str, str] = {}
    for signal in required:
        supports = without_contradicted(f.select(signal, polarity="supports"), f.hits)
        left_out = f.select(signal, polarity="contradicts")
        # a map left out of one item may be treated in another item of the same meeting
        left_items = {h.sentence.item.number for h in left_out if h.sentence.item}
        strong = [
            h
            for h in supports
            if h.weight >= 1
            and (h.sentence.section_kind != "attachments" or pointer)
            and (h.sentence.item is None or h.sentence.item.number not in left_items)
        ]
        name = MAP_NAMES[signal][f.lang]
        if strong:
            covered.append(name)
            details[signal] = "covered"
            evidence += f.evidence(strong, limit=1)
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
    if not missing and not weak:
        return f.result(
            "all_three_maps", "met", "all", evidence, details,
            count=len(required), maps=", ".join(covered),
        )  # fmt: skip
    if missing:
        return f.result(
            "all_three_maps", "not_met", "missing", evidence, details, missing=", ".join(missing)
        )
    return f.result("all_three_maps", "unclear", "weak", evidence, details, weak=", ".join(weak))
