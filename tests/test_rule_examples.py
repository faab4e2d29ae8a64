"""Every example in every rule file is a test case (in the manner of sqlfluff's rule yaml tests).

A rule's `match` examples must fire with the rule's signal and polarity, its `no_match` examples
must not, and its `gaps` are known misses that must still miss (a gap that starts to match is a
reason to move it to `match`). Context cues are tested the same way on the word in scope.
Plain-text rules (`scope: text`, the item finder's) are tested with `count_matches`, the function
the item finder calls; the others with the engine on a sentence in the example's section.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from minutes_checker.judge.engine import Engine, Hit, count_matches
from minutes_checker.judge.rules import Cue, Example, Rule, default_rules_dir, load_rulebook

RULES_DIR = default_rules_dir()
BOOK = load_rulebook(RULES_DIR)


@pytest.fixture(scope="session")
def engine() -> Engine:
    from minutes_checker.judge.nlp import build_pipeline

    return Engine(BOOK, build_pipeline(None))


def _hits(engine: Engine, rule: Rule, example: Example) -> list[Hit]:
    check = next(f.check for f in BOOK.files.values() if rule in f.rules)
    return engine.match_text(example.text, example.section, check)


def _fires(engine: Engine, rule: Rule, example: Example) -> bool:
    if rule.scope == "text":
        return count_matches(rule, example.text) > 0
    signal = example.signal or rule.signal
    polarity = example.polarity or rule.polarity
    return any(
        hit.rule.id == rule.id and hit.signal == signal and hit.polarity == polarity
        for hit in _hits(engine, rule, example)
    )


def _cases(kind: str) -> list[object]:
    out: list[object] = []
    for rule in BOOK.rules:
        for n, example in enumerate(getattr(rule.examples, kind)):
            marks = []
            if kind == "gaps":
                marks = [pytest.mark.xfail(strict=True, reason=example.note or "known gap")]
            out.append(pytest.param(rule, example, id=f"{rule.id}-{n}", marks=marks))
    return out


@pytest.mark.parametrize(("rule", "example"), _cases("match"))
def test_rule_matches(engine: Engine, rule: Rule, example: Example) -> None:
    if rule.scope == "text":
        assert _fires(engine, rule, example), f"{rule.id} missed {example.text!r}"
        return
    hits = _hits(engine, rule, example)
    seen = [(h.rule.id, h.signal, h.polarity, h.cues) for h in hits]
    assert _fires(engine, rule, example), f"{example.text!r} gave {seen}"


@pytest.mark.parametrize(("rule", "example"), _cases("no_match"))
def test_rule_does_not_match(engine: Engine, rule: Rule, example: Example) -> None:
    probe = Example(text=example.text, section=example.section)
    assert not _fires(engine, rule, probe), f"{rule.id} fired on {example.text!r}"


@pytest.mark.parametrize(("rule", "example"), _cases("gaps"))
def test_rule_known_gaps(engine: Engine, rule: Rule, example: Example) -> None:
    assert _fires(engine, rule, example)


def _cue_cases() -> list[object]:
    return [
        pytest.param(cue, ex, expected, id=f"{cue.id}-{'in' if expected else 'out'}-{n}")
        for cue in BOOK.cues
        for expected, examples in (
            (True, cue.examples.in_scope),
            (False, cue.examples.out_of_scope),
        )
        for n, ex in enumerate(examples)
    ]


@pytest.mark.parametrize(("cue", "example", "expected"), _cue_cases())
def test_cue_scope(engine: Engine, cue: Cue, example: object, expected: bool) -> None:
    in_scope = cue.id in engine.cue_ids_on(example.text, example.target)  # type: ignore[attr-defined]
    assert in_scope is expected, f"{cue.id} on {example.target!r} in {example.text!r}"  # type: ignore[attr-defined]


def test_every_rule_has_examples_both_ways() -> None:
    """The meta-test: read the raw files, so a rule without examples fails here by name."""
    missing = []
    for path in sorted(Path(RULES_DIR).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for rule in data.get("rules", []):
            examples = rule.get("examples") or {}
            if not examples.get("match") or not examples.get("no_match"):
                missing.append(f"{path.name}: {rule.get('id')}")
        for cue in data.get("cues", []):
            examples = cue.get("examples") or {}
            if not examples.get("in_scope") or not examples.get("out_of_scope"):
                missing.append(f"{path.name}: {cue.get('id')}")
    assert not missing, "rules without examples that must and must not match: " + ", ".join(missing)


def test_rule_files_cover_every_check() -> None:
    checks = {f.check for f in BOOK.files.values()}
    expected = {
        "full_council",
        "deadline",
        "active_debate",
        "all_three_maps",
        "national_comparison",
        "action_plan_decision",
        "no_plan_reasons",
    }
    assert expected <= checks, f"no rule file for {sorted(expected - checks)}"


def test_the_rules_command_lists_every_rule() -> None:
    """`minutes-checker rules` shows every rule and cue of every file, item rules included."""
    import json

    from click.testing import CliRunner

    from minutes_checker.cli import main

    result = CliRunner().invoke(main, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = [row["id"] for row in json.loads(result.stdout)]
    assert sorted(listed) == sorted(unit.id for unit in [*BOOK.rules, *BOOK.cues])
