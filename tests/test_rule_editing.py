"""A domain expert adds a phrasing by editing one rule file; the verdict follows, no Python.

The test copies rules/ to a temporary folder, appends one pattern to one rule in one YAML file,
and shows that a sentence using the new wording turns a check from not_met to met. It also
shows the loader rejects a rule file with an unknown key and a rule without examples.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from scenarios import Minutes, build, council_item

from minutes_checker.judge import judge as assess_document
from minutes_checker.judge.engine import Engine
from minutes_checker.judge.nlp import build_pipeline
from minutes_checker.judge.rules import RuleFileError, default_rules_dir, load_rulebook

SENTENCE = (
    "På hele socialområdet er omgørelsesprocenten 27 %, hvilket er lavere end i den "
    "typiske danske kommune."
)
NEW_PATTERN = '      - "re:\\\\btypiske\\\\s+danske\\\\s+kommune"\n'


def _verdict(rules: Path) -> str:
    item = council_item("at der udarbejdes en handlingsplan", "Godkendt.", case=SENTENCE)
    document = build(Minutes("Byrådet", dt.date(2023, 9, 27), [item]))
    engine = Engine(load_rulebook(rules / "judge"), build_pipeline(None))
    return assess_document(document, engine=engine).checks["national_comparison"].status


def _add_pattern(path: Path, rule_id: str, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    at = text.index(f"- id: {rule_id}")
    patterns = text.index("    patterns:\n", at) + len("    patterns:\n")
    path.write_text(text[:patterns] + line + text[patterns:], encoding="utf-8")


def test_a_new_phrasing_in_a_rule_file_changes_the_verdict(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules / "judge")
    assert _verdict(rules) == "not_met"
    comparison = rules / "judge" / "national_comparison.yaml"
    _add_pattern(comparison, "comparison.national_average", NEW_PATTERN)
    assert _verdict(rules) == "met"


def test_unknown_keys_and_missing_examples_are_rejected(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules / "judge")
    path = rules / "judge" / "deadline.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("    polarity: contradicts", "    polarty: contradicts", 1))
    with pytest.raises(RuleFileError, match=r"deadline\.yaml"):
        load_rulebook(rules / "judge")
    start = original.index("    examples:")
    path.write_text(original[:start], encoding="utf-8")
    with pytest.raises(RuleFileError, match="examples"):
        load_rulebook(rules / "judge")
