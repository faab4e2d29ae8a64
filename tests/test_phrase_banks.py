"""The phrase banks: how many of a phenomenon's wordings the rules read, sentence by sentence.

`corpus/phrases/<phenomenon>.yaml` holds 25 Danish sentences that should count and 10 near misses
that should not, written by authors who had not seen the rules (three rounds of eight phenomena,
a fourth of four).
Each bank was measured once before any rule was changed for it; the floors below are what the
rules read now, and only go up (like `accuracy_floor.json`). A failing floor lists the sentences.

What "counts" is a signal of the rules on the sentence in its section: the checks decide more
(whose decision it is, the map year), so a near miss that is handled by a check is not counted
here (the note beside it in its bank says why).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from minutes_checker.judge.engine import Engine
from minutes_checker.judge.rules import default_rules_dir, load_rulebook
from minutes_checker.structure.labels import item_kind, kind_in_title

BANKS = Path(__file__).parent.parent / "corpus" / "phrases"
# a bank's section names that are not section kinds of the model
SECTION = {"title": "summary", "committee_decision": "decision"}

Signals = list[tuple[str, str, float, str]]  # signal, polarity, weight, rule id


def _has(found: Signals, signal: str, polarity: str = "supports", weight: float = 0) -> bool:
    return any(s == signal and p == polarity and w >= weight for s, p, w, _ in found)


def _rule(found: Signals, rule_id: str) -> bool:
    return any(r == rule_id for *_, r in found)


def _map(signal: str) -> Callable[[dict[str, str], Signals], bool]:
    # a map named in the list of appendices is weak evidence, but still the map
    return lambda e, f: _has(f, signal, weight=0 if e["section"] == "attachments" else 1)


COUNTS: dict[str, Callable[[dict[str, str], Signals], bool]] = {
    "moved_next_year": lambda e, f: _has(f, "moved_to_next_year", "contradicts"),
    "no_position": lambda e, f: not (_has(f, "plan_yes") or _has(f, "plan_no")),
    "plan_without_word": lambda e, f: _has(f, "plan_yes") or _has(f, "plan_no"),
    "other_subject_average": lambda e, f: not _has(f, "national", weight=1),
    "national_paraphrase": lambda e, f: _has(f, "national"),
    "map_left_out": lambda e, f: any(
        s.startswith("map_") and p == "contradicts" for s, p, *_ in f
    ),
    "notice_of_committee": lambda e, f: _has(f, "delegated", "contradicts"),
    "reasons_or_informed": lambda e, f: (
        _has(f, "reason_given") or _has(f, "ankestyrelsen_informed")
    ),
    "approved": lambda e, f: _has(f, "approved"),
    "noted_only": lambda e, f: _has(f, "noted", "contradicts") and not _has(f, "approved"),
    "debate_recorded": lambda e, f: _has(f, "debate"),
    "set_up_for_decision": lambda e, f: (
        _has(f, "set_up_for_decision")
        or _has(f, "set_up_for_debate")
        or (item_kind(e["text"]) or kind_in_title(e["text"]) or ("",))[0]
        in ("decision", "discussion")
    ),
    "children_map": _map("map_children"),
    "adults_map": _map("map_adults"),
    "social_map": _map("map_social"),
    "earlier_meeting": lambda e, f: _has(f, "maps_earlier"),
    # round 3
    "point_decisions": lambda e, f: _has(f, "point_not_adopted"),
    "map_left_by_reference": lambda e, f: _has(f, "map_left_out_ref", "contradicts"),
    "moved_next_year_2": lambda e, f: _has(f, "moved_to_next_year", "contradicts"),
    "approval_wordings": lambda e, f: _has(f, "approved") or _has(f, "point_adopted"),
    "no_plan_with_reasons": lambda e, f: (
        _has(f, "reason_given") or _has(f, "ankestyrelsen_informed")
    ),
    "debate_elsewhere": lambda e, f: _has(f, "debate_elsewhere"),
    "comparison_ranks": lambda e, f: _has(f, "national", weight=1),
    "committee_view_noted": lambda e, f: (
        _has(f, "noted", "contradicts") and not _has(f, "approved")
    ),
    # round 4
    "council_acts": lambda e, f: _has(f, "council_acts"),
    "regional_comparison": lambda e, f: _rule(f, "comparison.regional"),
    "points_by_verb": lambda e, f: _has(f, "point_adopted") or _has(f, "point_not_adopted"),
    "map_left_to_committee": lambda e, f: any(
        s.startswith("map_") and p == "contradicts" for s, p, *_ in f
    ),
}

# (sentences that should count and do, at least; near misses that wrongly count, at most).
# First measured before the rules were changed for them (round 1: the first eight; round 2:
# the rest): moved 11, no_position 23, plan_without_word 7, other_subject 16, national 19,
# map_left_out 9, notice 12, reasons 20; approved 23, noted 20, debate 22, set_up 13,
# children 20, adults 20, social 22, earlier 4 (of 25 each). Round 3: point_decisions 7,
# map_left_by_reference 7, moved_next_year_2 8, approval_wordings 21, no_plan_with_reasons 20,
# debate_elsewhere 9, comparison_ranks 19, committee_view_noted 19. Round 4 (read before the rule
# work as: council_acts the signal, regional_comparison a weak national reading and no strong
# one, the others as below): council_acts 12, regional_comparison 12 (1 near miss), points_by_verb
# 8, map_left_to_committee 11.
FLOORS: dict[str, tuple[int, int]] = {
    "moved_next_year": (23, 0),
    "no_position": (23, 0),
    "plan_without_word": (25, 3),
    "other_subject_average": (25, 0),
    "national_paraphrase": (24, 0),
    "map_left_out": (22, 0),
    "notice_of_committee": (24, 0),
    "reasons_or_informed": (25, 4),
    "approved": (25, 0),
    "noted_only": (24, 4),
    "debate_recorded": (25, 0),
    "set_up_for_decision": (21, 1),
    "children_map": (25, 0),
    "adults_map": (25, 1),
    "social_map": (25, 0),
    "earlier_meeting": (24, 1),
    "point_decisions": (13, 0),
    "map_left_by_reference": (17, 0),
    "moved_next_year_2": (15, 0),
    "approval_wordings": (25, 2),
    "no_plan_with_reasons": (24, 3),
    "debate_elsewhere": (21, 0),
    "comparison_ranks": (25, 1),
    "committee_view_noted": (23, 0),
    "council_acts": (25, 0),
    "regional_comparison": (25, 0),
    "points_by_verb": (23, 0),
    "map_left_to_committee": (20, 1),
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    from minutes_checker.judge.nlp import build_pipeline

    return Engine(load_rulebook(default_rules_dir()), build_pipeline(None))


def _signals(engine: Engine, entry: dict[str, str]) -> Signals:
    section = SECTION.get(entry["section"], entry["section"])
    hits = engine.match_text(entry["text"], section)  # type: ignore[arg-type]
    return [(h.signal, h.polarity, h.weight, h.rule.id) for h in hits]


def test_every_bank_has_a_floor_and_a_reading() -> None:
    banks = {p.stem for p in BANKS.glob("*.yaml")}
    assert banks == set(FLOORS) == set(COUNTS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_rules_read_the_bank_at_least_as_well_as_before(engine: Engine, name: str) -> None:
    bank = yaml.safe_load((BANKS / f"{name}.yaml").read_text(encoding="utf-8"))
    counts = COUNTS[name]
    missed = [e["text"] for e in bank["should"] if not counts(e, _signals(engine, e))]
    # a committee's own decision is told apart by the structure, not by the phrase
    near = [e for e in bank["should_not"] if e["section"] != "committee_decision"]
    wrong = [e["text"] for e in near if counts(e, _signals(engine, e))]
    read, false = len(bank["should"]) - len(missed), len(wrong)
    least, most = FLOORS[name]
    assert read >= least, f"{name}: {read} read, floor {least}; missed: {missed}"
    assert false <= most, f"{name}: {false} near misses counted, at most {most}: {wrong}"
