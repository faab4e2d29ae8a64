"""Plain-text rules (`scope: text`, the item finder's): one interpreter, no spaCy.

The item finder and the tests of the item rules' examples call the same function
(`textrules.count_matches`, offered by the engine module too); the schema rejects what a
plain-text rule cannot honour; and a document without a danmarkskort item is judged without
importing spaCy.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from minutes_checker.judge import engine, items, textrules
from minutes_checker.judge.rules import RuleFile, default_rulebook

ROOT = Path(__file__).resolve().parent.parent


def _rule_file(**rule: object) -> dict[str, object]:
    return {
        "check": "item",
        "description": "test",
        "rules": [
            {
                "id": "item.test",
                "description": "test",
                "scope": "text",
                "signal": "map_title",
                "patterns": ["re:danmarkskort"],
                "examples": {"match": ["Danmarkskortet"], "no_match": ["Budget"]},
                **rule,
            }
        ],
    }


def test_one_function_for_production_and_examples() -> None:
    assert items.count_matches is textrules.count_matches is engine.count_matches


def test_count_semantics() -> None:
    """Non-overlapping matches summed over the patterns; `requires` and `unless` gate."""
    rule = RuleFile.model_validate(
        _rule_file(patterns=["re:kort", "re:danmarks\\s*kort"], unless=["re:budget"])
    ).rules[0]
    assert textrules.count_matches(rule, "Danmarkskort og KORT") == 3
    assert textrules.count_matches(rule, "Danmarkskort i budgettet") == 0
    gated = RuleFile.model_validate(_rule_file(requires=["re:omgørelse"])).rules[0]
    assert textrules.count_matches(gated, "Danmarkskortet") == 0
    assert textrules.count_matches(gated, "Danmarkskortet over omgørelsesprocenter") == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"sections": ["decision"]}, "cannot use sections"),
        ({"negation": "drop"}, "cannot use negation"),
        ({"deferral": {"signal": "plan_no"}}, "cannot use deferral"),
        ({"weight": 0.5}, "cannot use weight"),
        ({"patterns": ["danmarkskort"]}, "regular expressions only"),
        ({"unless": ["budget"]}, "regular expressions only"),
        (
            {"examples": {"match": [{"text": "x", "section": "case"}], "no_match": ["y"]}},
            "have no section",
        ),
    ],
)
def test_text_rules_reject_what_they_cannot_honour(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RuleFile.model_validate(_rule_file(**extra))


def test_text_scope_belongs_to_the_item_finder() -> None:
    data = _rule_file()
    data["check"] = "national_comparison"
    with pytest.raises(ValueError, match="scope: text"):
        RuleFile.model_validate(data)
    data = _rule_file()
    del data["rules"][0]["scope"]  # type: ignore[index]
    with pytest.raises(ValueError, match="scope: text"):
        RuleFile.model_validate(data)


def test_the_engine_runs_no_text_rule() -> None:
    book = default_rulebook()
    assert {r.id for r in book.for_check("item")} == {
        r.id for r in book.rules if r.scope == "text"
    }
    assert not {r.id for r in book.for_check("item")} & {r.id for r in book.sentence_rules}


def test_no_item_is_answered_without_spacy() -> None:
    """The pre-check of minutes without a danmarkskort item never imports spaCy."""
    script = (
        "import sys\n"
        "from minutes_checker.pipeline import assess_file\n"
        "result = assess_file('corpus/rendered/haderslev-2024-uden-danmarkskort.docx')\n"
        "assert result.assessment.status == 'no_item', result.assessment.status\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_a_day_and_month_at_a_line_start_does_not_cut_the_sentence() -> None:
    """Layout cuts a sentence before a numbered entry, not before a date wrapped onto the line
    ("… til mødet den" / "26. februar 2025. …")."""
    from minutes_checker.judge.nlp import split_segments

    text = (
        "Byrådet besluttede at udsætte sagen til mødet den\n26. februar 2025, så udvalget kan "
        "gennemgå sagerne.\n2. at der udarbejdes en handlingsplan"
    )
    pieces = [text[a:b] for a, b in split_segments(text)]
    assert pieces[0].endswith("26. februar 2025, så udvalget kan gennemgå sagerne.")
    assert pieces[1] == "2. at der udarbejdes en handlingsplan"
