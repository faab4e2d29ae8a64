"""The Danish vocabulary of the structure stage, as rule data (`rules/structure/*.yaml`).

Each file holds word lists: section headings and their kinds, item-type words, closed-item
words, body names and whether each is the council, a committee or an informal gathering,
meeting-header labels. A list names the structure function its Danish examples are run through
(`probe`), so the examples test the very patterns production uses (`tests/test_rule_examples.py`
turns every example into a test case, as for the check rules).

The grammar around the words (Danish function words such as "i", "den", "fra" in "Beslutning i
Byrådet den 25-09-2023", spacing, numbers, punctuation) stays in the modules that use the lists;
the lists say which words fill it.

A word is matched case-insensitively as written; an entry starting with `re:` is a regular
expression for a form that plain words cannot say ("møde\\s*dato"). Where a list is used as a
set of stems and endings ("byråd", "byrådet", "byrådets"), a word that extends an earlier word of
the list is compiled as one of its endings (`byråd(?:et|ets)?`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pydantic import Field

from ..ruledata import RuleFileError, Strict, load_yaml, rules_root


class ListExamples(Strict):
    match: list[str] = Field(min_length=1)
    no_match: list[str] = Field(min_length=1)


class WordList(Strict):
    id: str = Field(pattern=r"^[a-z_]+(\.[a-z0-9_]+)+$")
    description: str
    probe: str = Field(description="the structure function the examples are run through")
    value: str | None = Field(None, description="what a match means (a section kind, …)")
    compound: bool = Field(False, description="the words may end a compound (Økonomiudvalget)")
    words: list[str] = Field(min_length=1)
    examples: ListExamples

    def model_post_init(self, context: object) -> None:
        for word in self.words:
            if word.startswith("re:"):
                try:
                    re.compile(word[3:])
                except re.error as exc:
                    raise ValueError(f"{self.id}: bad regular expression {word!r}: {exc}") from exc


class VocabularyFile(Strict):
    vocabulary: str
    description: str
    lists: list[WordList] = Field(min_length=1)


def _fragment(word: str) -> str:
    return word[3:] if word.startswith("re:") else re.escape(word)


class Vocabulary:
    """All word lists of `rules/structure/`, by id."""

    def __init__(self, files: dict[str, VocabularyFile]) -> None:
        self.files = files
        self.used: set[str] = set()  # the lists some structure module has read
        self.lists: dict[str, WordList] = {}
        for name, data in files.items():
            for word_list in data.lists:
                if word_list.id in self.lists:
                    raise RuleFileError(f"{name}: list id {word_list.id!r} is used twice")
                self.lists[word_list.id] = word_list

    def _list(self, list_id: str) -> WordList:
        self.used.add(list_id)
        return self.lists[list_id]

    def words(self, list_id: str) -> tuple[str, ...]:
        """The plain words of a list, lower-cased, in their order."""
        return tuple(w.lower() for w in self._list(list_id).words if not w.startswith("re:"))

    def entries(self, list_id: str) -> tuple[str, ...]:
        """Every entry of a list as written (plain words and `re:` expressions)."""
        return tuple(self._list(list_id).words)

    def value(self, list_id: str) -> str:
        value = self._list(list_id).value
        if value is None:
            raise RuleFileError(f"{list_id}: the list needs a value")
        return value

    def alternatives(self, *list_ids: str) -> str:
        """The lists' words as one group of alternatives, `(?:a|b|…)`, in their order."""
        fragments = [_fragment(w) for list_id in list_ids for w in self._list(list_id).words]
        return "(?:" + "|".join(fragments) + ")"

    def leaders(self, *list_ids: str) -> str:
        """The first word of every stem group of the lists (`stems` without the endings), as
        one group of alternatives: what any form of the words contains."""
        found = []
        for list_id in list_ids:
            order: list[str] = []
            for word in self._list(list_id).words:
                if word.startswith("re:") or not any(
                    word.lower().startswith(s.lower()) for s in order
                ):
                    order.append(word)
            found += order
        return "(?:" + "|".join(_fragment(w) for w in found) + ")"

    def stems(self, *list_ids: str) -> str:
        """The lists' words as stems with endings: a word that extends an earlier word of its
        list is one of that word's endings (`byråd(?:et|ets|s)?`); a compound list's stems may
        end a longer word (`\\w*udvalg(?:et)?`)."""
        groups: list[str] = []
        for list_id in list_ids:
            word_list = self._list(list_id)
            order: list[str] = []
            endings: dict[str, list[str]] = {}
            for word in word_list.words:
                stem = next((s for s in order if word.lower().startswith(s.lower())), None)
                if stem is None or word.startswith("re:"):
                    order.append(word)
                    endings[word] = []
                else:
                    endings[stem].append(word[len(stem) :])
            prefix = r"\w*" if word_list.compound else ""
            for stem in order:
                tail = "|".join(re.escape(e) for e in endings[stem])
                groups.append(prefix + _fragment(stem) + (f"(?:{tail})?" if tail else ""))
        return "(?:" + "|".join(groups) + ")"


def _load(directory: Path) -> Vocabulary:
    files: dict[str, VocabularyFile] = {}
    for path in sorted(directory.glob("*.yaml")):
        data = load_yaml(path)
        try:
            files[path.name] = VocabularyFile.model_validate(data)
        except ValueError as exc:
            raise RuleFileError(f"{path.name}: {exc}") from exc
    if not files:
        raise RuleFileError(f"no vocabulary files in {directory}")
    return Vocabulary(files)


@cache
def vocabulary() -> Vocabulary:
    """The structure vocabulary of the rules folder (loaded once per process)."""
    return _load(rules_root() / "structure")


def load_vocabulary(directory: Path) -> Vocabulary:
    """The vocabulary of another folder (tests, a user's edited copy)."""
    return _load(directory)


# --------------------------------------------------------------------------- probes

Probe = Callable[[str], "str | bool | None"]
PROBES: dict[str, Probe] = {}


def probe(name: str) -> Callable[[Probe], Probe]:
    """Register a structure function that a list's examples are run through: it takes a line
    of text and returns what the structure makes of it (a kind, or whether it matches)."""

    def register(function: Probe) -> Probe:
        PROBES[name] = function
        return function

    return register
