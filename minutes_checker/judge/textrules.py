"""Rules on plain text: the part of the rule interpreter that needs no language pipeline.

The item finder (`items.py`) runs before spaCy, on every agenda item's title and body, so its
rules (`scope: text`, `rules/judge/item.yaml`) are matched here, on the lower-cased text. The
same function answers for production and for the rules' examples (`tests/test_rule_examples.py`),
and the engine (`engine.py`) shares the parts that do not depend on tokens: how a `re:` pattern
is compiled and read, and what `requires` and `unless` mean. Importing this module does not
import spaCy, so a document without a danmarkskort item is answered without loading it.
`holds_on` reads a sentence rule's regular expressions on a text a check chooses (a hit's own
words, a whole decision section).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..ruledata import RuleFileError
from .rules import Rule, compiled

REGEX_PREFIX = "re:"
_COMMENT = re.compile(r"(?<!\\)#[^\n]*")


def is_regex(pattern: str) -> bool:
    return pattern.startswith(REGEX_PREFIX)


@cache
def compile_regex(pattern: str) -> re.Pattern[str]:
    """The compiled regular expression of a `re:` pattern (verbose ones start with `(?x)`)."""
    if not is_regex(pattern):
        raise RuleFileError(f"not a regular expression ('re:'): {pattern!r}")
    return compiled(pattern[len(REGEX_PREFIX) :])


def pattern_source(pattern: str) -> str:
    """A pattern's text without the comments of a verbose regular expression (what the
    pattern spells out, for telling a cue the pattern names from one it merely spans)."""
    if is_regex(pattern) and compile_regex(pattern).flags & re.VERBOSE:
        return _COMMENT.sub("", pattern)
    return pattern


def occurs_in(pattern: str, lower: str) -> bool:
    """Whether a `re:` pattern matches (something, not nothing) in lower-cased text."""
    return any(found.end() > found.start() for found in compile_regex(pattern).finditer(lower))


def admits(rule: Rule, occurs: Callable[[str], bool]) -> bool:
    """Whether `requires` and `unless` let the rule fire where `occurs(pattern)` tells which of
    its patterns occur: one of `requires` must occur (when it has any), none of `unless` may."""
    if rule.requires and not any(occurs(p) for p in rule.requires):
        return False
    return not any(occurs(p) for p in rule.unless)


def holds_on(rule: Rule, text: str) -> bool:
    """Whether a rule whose patterns are all regular expressions holds on a plain text, read in
    lower case: `requires` and `unless` let it, and one of its patterns occurs.

    The checks ask this of a sentence rule on words the engine does not read alone: a hit's own
    words (the engine keeps one hit per rule and sentence, on its first match), or a whole
    decision section, whose `unless` then rules out what any of its sentences says.
    """
    lower = text.lower()

    def occurs(pattern: str) -> bool:
        return occurs_in(pattern, lower)

    return admits(rule, occurs) and any(occurs(p) for p in rule.patterns)


def count_matches(rule: Rule, text: str) -> int:
    """How often a plain-text rule (`scope: text`) matches `text`, read in lower case.

    0 when `requires` or `unless` rule it out; else the number of non-overlapping matches of its
    patterns, summed over the patterns (an empty match does not count). The item finder and the
    tests of the item rules' examples both call this function.
    """
    if rule.scope != "text":
        raise RuleFileError(f"{rule.id}: only rules with 'scope: text' match plain text")
    lower = text.lower()
    if not admits(rule, lambda p: occurs_in(p, lower)):
        return 0
    return sum(
        1
        for pattern in rule.patterns
        for found in compile_regex(pattern).finditer(lower)
        if found.end() > found.start()
    )


def blank_matches(rule: Rule, text: str) -> str:
    """`text` with every match of a plain-text rule (`scope: text`) replaced by spaces, so that
    offsets stay and other rules no longer see those words."""
    lower = text.lower()
    if not admits(rule, lambda p: occurs_in(p, lower)):
        return text
    chars = list(text)
    for pattern in rule.patterns:
        for found in compile_regex(pattern).finditer(lower):
            chars[found.start() : found.end()] = " " * (found.end() - found.start())
    return "".join(chars)
