"""The structure vocabulary (`rules/structure/*.yaml`) is rule data like the check rules: every
list's Danish examples are test cases, run through the structure function the list names (its
`probe`), and a word added to a file changes what the structure reads, with no Python touched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import minutes_checker.structure  # noqa: F401  (registers the probes)
from minutes_checker.ruledata import RuleFileError, rules_root
from minutes_checker.structure.vocabulary import PROBES, WordList, load_vocabulary, vocabulary

VOCABULARY = vocabulary()
FOLDER = rules_root() / "structure"


def _cases(kind: str) -> list[object]:
    return [
        pytest.param(word_list, text, id=f"{word_list.id}-{n}")
        for word_list in VOCABULARY.lists.values()
        for n, text in enumerate(getattr(word_list.examples, kind))
    ]


def _means(word_list: WordList, found: object) -> bool:
    """Whether what the probe found is what the list's words mean."""
    return found == word_list.value if word_list.value is not None else bool(found)


@pytest.mark.parametrize(("word_list", "text"), _cases("match"))
def test_list_example_matches(word_list: WordList, text: str) -> None:
    found = PROBES[word_list.probe](text)
    assert _means(word_list, found), f"{word_list.probe}({text!r}) gave {found!r}"


@pytest.mark.parametrize(("word_list", "text"), _cases("no_match"))
def test_list_example_does_not_match(word_list: WordList, text: str) -> None:
    found = PROBES[word_list.probe](text)
    assert not _means(word_list, found), f"{word_list.probe}({text!r}) gave {found!r}"


def test_every_list_names_a_known_probe_and_has_examples_both_ways() -> None:
    """The meta-test, on the raw files: a list without examples fails here by name."""
    problems = []
    for path in sorted(FOLDER.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")).get("lists", []):
            examples = entry.get("examples") or {}
            if not examples.get("match") or not examples.get("no_match"):
                problems.append(f"{path.name}: {entry.get('id')} lacks examples")
            if entry.get("probe") not in PROBES:
                problems.append(f"{path.name}: {entry.get('id')} names no known probe")
    assert not problems, "\n".join(problems)


def test_every_list_is_used() -> None:
    """Each list is read by some structure module (a list nobody reads is dead data)."""
    unused = sorted(set(VOCABULARY.lists) - VOCABULARY.used)
    assert not unused, f"lists no structure module reads: {unused}"


def test_unknown_keys_are_rejected(tmp_path: Path) -> None:
    copy = tmp_path / "structure"
    shutil.copytree(FOLDER, copy)
    path = copy / "bodies.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    probe:", "    prboe:", 1))
    with pytest.raises(RuleFileError, match=r"bodies\.yaml"):
        load_vocabulary(copy)


def test_a_section_heading_added_to_the_data_changes_what_is_read(tmp_path: Path) -> None:
    """A municipality's own section heading ("Problemformulering") is a section once a rule
    file says so; no Python is touched."""
    minutes = tmp_path / "referat.txt"
    minutes.write_text(
        "Referat af Byrådets møde den 4. oktober 2023\n1. Danmarkskortet 2023\n"
        "Problemformulering\nKortet er offentliggjort.\nBeslutning\nTaget til efterretning.\n",
        encoding="utf-8",
    )
    rules = tmp_path / "rules"
    shutil.copytree(rules_root(), rules)

    def sections() -> list[str]:
        env = {**os.environ, "MINUTES_CHECKER_RULES": str(rules)}
        result = subprocess.run(
            [sys.executable, "-m", "minutes_checker", "inspect", str(minutes), "--format", "json"],
            capture_output=True, text=True, env=env, check=True,
        )
        return [s["title"] for s in json.loads(result.stdout)["items"][0]["sections"]]

    assert sections() == ["Beslutning"]
    path = rules / "structure" / "sections.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "      - sagsfremstilling\n",
            "      - sagsfremstilling\n      - problemformulering\n",
            1,
        ),
        encoding="utf-8",
    )
    assert sections() == ["Problemformulering", "Beslutning"]
