"""Rule files: the Danish phrasings behind every check, as validated data with their own examples.

A rule file in `rules/` is YAML:

    check: national_comparison        # the check its rules feed (or "item", "context")
    description: …                    # Danish, for people
    rules:
      - id: comparison.national_average
        description: …                # Danish: what it means when the rule fires
        scope: sentence               # sentence (default) | text: see below
        signal: national              # what the check logic reads
        polarity: supports            # supports | contradicts
        weight: 1.0                   # 1.0 decisive, below 1.0 only points a person to look
        sections: [any]               # section kinds it may fire in
        patterns: [...]               # any one must occur (see below)
        requires: [...]               # one of these must occur in the same sentence too
        unless: [...]                 # none of these may occur in the same sentence
        negation: flip                # what a negation cue in scope does: flip | drop | keep
        hypothetical: drop            #   … a hypothetical cue ("hvis", "om")
        historical: keep              #   … a historical cue ("sidste år")
        deferral: keep                #   … a deferral cue ("på et senere møde")
        proposal: keep                #   … a proposal cue ("ændringsforslag om", "foreslog")
        examples:
          match: [...]                # sentences it must fire on (with its polarity)
          no_match: [...]             # sentences it must not fire on
          gaps: [...]                 # known misses: documented, tested to still miss

A pattern is a phrase of tokens or a regular expression:
- `tage stilling til * handlingsplan`: each word matches by lemma ("taget", "tog" match
  "tage"); `*` skips up to 3 tokens, `*6` up to 6; `word?` is optional; `a|b` is either lemma;
  `=word` matches the exact lower-case form; `/regex/` matches one token's lower-case form.
- `re:landsgennemsnit\\w*`: a regular expression on the sentence's lower-case text.
  Long ones are written verbose, `re:(?x) …` with `#` comments; spaces are then ignored, so a
  space in the text is written `\\s`.
An effect may also retarget a hit: `negation: {signal: plan_no}` turns "ikke behov for en
handlingsplan" into a decision against a plan instead of dropping it.

`scope: text` marks the item finder's rules (`check: item`): they run on every item's title and
body before the language pipeline (`textrules.count_matches`), so they take only `re:` patterns,
`requires` and `unless`; sections, weights, cue effects and token phrases are rejected, and
their examples name no section.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..models import Polarity, SectionKind
from ..ruledata import RuleFileError, Strict, load_yaml, rules_root

CUE_KINDS = ("negation", "hypothetical", "historical", "deferral", "proposal")
CueKind = Literal["negation", "hypothetical", "historical", "deferral", "proposal"]
SectionChoice = SectionKind | Literal["any", "title"]


class Retarget(Strict):
    signal: str | None = None
    polarity: Polarity | None = None


Effect = Literal["flip", "drop", "keep"] | Retarget


class Example(Strict):
    text: str
    section: SectionKind = "case"
    signal: str | None = Field(None, description="expected signal; default: the rule's")
    polarity: Polarity | None = Field(None, description="expected polarity; default: the rule's")
    note: str | None = None


def _as_example(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


class Examples(Strict):
    match: list[Example] = Field(min_length=1)
    no_match: list[Example] = Field(min_length=1)
    gaps: list[Example] = Field(default_factory=list)

    @field_validator("match", "no_match", "gaps", mode="before")
    @classmethod
    def _strings(cls, value: object) -> object:
        return [_as_example(v) for v in value] if isinstance(value, list) else value


@cache
def compiled(source: str) -> re.Pattern[str]:
    """A rule's regular expression, compiled once a process: validating the rule files and
    matching share it (Python's own cache of 512 patterns is too small to keep them all between
    the two, and each compilation of a long verbose pattern takes about a millisecond)."""
    return re.compile(source)


def _check_pattern(pattern: str) -> str:
    if pattern.startswith("re:"):
        try:
            compiled(pattern[3:])
        except re.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
    else:
        for token in pattern.split():
            if token.startswith("/") and token.endswith("/") and len(token) > 2:
                re.compile(token[1:-1])
    return pattern


class Rule(Strict):
    id: str = Field(pattern=r"^[a-z_]+(\.[a-z0-9_]+)+$")
    description: str
    scope: Literal["sentence", "text"] = Field(
        "sentence",
        description="sentence: run by the engine on each sentence of the danmarkskort item, "
        "with sections and context cues; text: run on plain text before the language pipeline "
        "(the item finder), so only `re:` patterns, `requires` and `unless` apply",
    )
    signal: str
    polarity: Polarity = "supports"
    weight: float = Field(1.0, gt=0, le=1)
    sections: list[SectionChoice] = Field(default_factory=lambda: ["any"])
    patterns: list[str] = Field(min_length=1)
    requires: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    negation: Effect = "flip"
    hypothetical: Effect = "drop"
    historical: Effect = "keep"
    deferral: Effect = "keep"
    proposal: Effect = "keep"
    examples: Examples

    @field_validator("patterns", "requires", "unless", mode="before")
    @classmethod
    def _flatten(cls, value: object) -> object:
        """`patterns: [*children, *children_weak]` joins shared lists."""
        if isinstance(value, list):
            return [p for v in value for p in (v if isinstance(v, list) else [v])]
        return value

    @field_validator("patterns", "requires", "unless")
    @classmethod
    def _patterns_compile(cls, value: list[str]) -> list[str]:
        return [_check_pattern(p) for p in value]

    @model_validator(mode="after")
    def _text_scope(self) -> Rule:
        """A plain-text rule has no sentences, sections, tokens or cues: what it cannot honour
        is an error, not silently ignored."""
        if self.scope != "text":
            return self
        unusable = sorted({"sections", "weight", *CUE_KINDS} & self.model_fields_set)
        if unusable:
            raise ValueError(f"{self.id}: 'scope: text' rules cannot use {', '.join(unusable)}")
        tokens = [p for p in self.patterns + self.requires + self.unless if not p.startswith("re:")]
        if tokens:
            raise ValueError(
                f"{self.id}: 'scope: text' rules match regular expressions only ('re:'), "
                f"not token phrases: {tokens[0]!r}"
            )
        for example in [*self.examples.match, *self.examples.no_match, *self.examples.gaps]:
            fixed = {"section", "signal", "polarity"} & example.model_fields_set
            if fixed:
                raise ValueError(
                    f"{self.id}: examples of 'scope: text' rules have no {', '.join(sorted(fixed))}"
                    f" ({example.text!r})"
                )
        return self

    def effect(self, kind: CueKind) -> Effect:
        return getattr(self, kind)

    def fires_in(self, section: SectionKind | None, in_title: bool = False) -> bool:
        if in_title:
            return "title" in self.sections or "any" in self.sections
        return "any" in self.sections or (section or "other") in self.sections


class CueExample(Strict):
    text: str
    target: str = Field(description="a word of the text that is (or is not) in the cue's scope")


class CueExamples(Strict):
    in_scope: list[CueExample] = Field(min_length=1)
    out_of_scope: list[CueExample] = Field(min_length=1)


class Cue(Strict):
    """A context cue in the manner of medspaCy's ConText: a kind, a direction and a scope."""

    id: str = Field(pattern=r"^[a-z_]+(\.[a-z0-9_]+)+$")
    kind: CueKind
    description: str
    direction: Literal["forward", "backward", "both"]
    window: int = Field(6, ge=1, le=30, description="how many tokens the scope reaches")
    scope: Literal["clause", "sentence"] = Field(
        "clause",
        description="clause: stops at commas and conjunctions; sentence: only at "
        "strong boundaries (';', 'men'), for cues like 'Hvis …, udarbejdes …'",
    )
    patterns: list[str] = Field(min_length=1)
    pseudo: list[str] = Field(
        default_factory=list, description="phrases that hold the cue word but are no cue"
    )
    examples: CueExamples

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, value: list[str]) -> list[str]:
        return [_check_pattern(p) for p in value]


class RuleFile(Strict):
    check: str
    description: str
    shared: dict[str, list[str]] = Field(
        default_factory=dict,
        description="named pattern lists that several rules reuse through YAML anchors",
    )
    rules: list[Rule] = Field(default_factory=list)
    cues: list[Cue] = Field(default_factory=list)
    terminators: list[str] = Field(
        default_factory=list, description="tokens that end a cue's scope (clause boundaries)"
    )
    strong_terminators: list[str] = Field(
        default_factory=list, description="tokens that end even a sentence-scoped cue"
    )
    terminator_exceptions: list[str] = Field(
        default_factory=list,
        description="tokens after a terminator that keep the scope open (', at …')",
    )

    @model_validator(mode="after")
    def _has_content(self) -> RuleFile:
        if not self.rules and not self.cues:
            raise ValueError("a rule file needs rules or cues")
        # only the item finder reads plain-text rules, and it reads nothing else
        for rule in self.rules:
            if (rule.scope == "text") != (self.check == "item"):
                raise ValueError(
                    f"{rule.id}: rules of 'check: item' need 'scope: text', and only they may "
                    "have it"
                )
        return self


class RuleBook(Strict):
    files: dict[str, RuleFile]

    @property
    def rules(self) -> list[Rule]:
        return [rule for f in self.files.values() for rule in f.rules]

    @property
    def cues(self) -> list[Cue]:
        return [cue for f in self.files.values() for cue in f.cues]

    @property
    def sentence_rules(self) -> list[Rule]:
        """The rules the engine runs on sentences (all but the item finder's plain-text rules)."""
        return [rule for rule in self.rules if rule.scope == "sentence"]

    def for_check(self, check: str) -> list[Rule]:
        return [rule for f in self.files.values() if f.check == check for rule in f.rules]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def context(self) -> RuleFile | None:
        return next((f for f in self.files.values() if f.cues), None)


def default_rules_dir() -> Path:
    """The check rules: `judge/` under the rules folder (see `ruledata.rules_root`)."""
    return rules_root() / "judge"


def load_rule_file(path: Path) -> RuleFile:
    data = load_yaml(path)
    try:
        return RuleFile.model_validate(data)
    except ValueError as exc:
        raise RuleFileError(f"{path.name}: {exc}") from exc


def load_rulebook(directory: Path | None = None) -> RuleBook:
    directory = directory or default_rules_dir()
    files = {p.name: load_rule_file(p) for p in sorted(directory.glob("*.yaml"))}
    if not files:
        raise RuleFileError(f"no rule files in {directory}")
    seen: set[str] = set()
    for name, rule_file in files.items():
        for unit in [*rule_file.rules, *rule_file.cues]:
            if unit.id in seen:
                raise RuleFileError(f"{name}: rule id {unit.id!r} is used twice")
            seen.add(unit.id)
    return RuleBook(files=files)


@cache
def default_rulebook() -> RuleBook:
    return load_rulebook()
