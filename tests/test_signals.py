"""Every signal a rule can emit is read somewhere, and every signal read is emitted by a rule.

A rule emits its `signal` and the signals its cue effects retarget to (`negation: {signal:
plan_no}`). The readers are the registered checks (`READS` of the modules in `judge/checks/`,
which `Findings.select` holds them to) and the item finder (`judge/items.py` `READS`). A signal
no one reads is a rule that changes nothing; a signal no rule emits is a check that waits for
nothing.
"""

from __future__ import annotations

from minutes_checker.judge import items
from minutes_checker.judge.checks import CHECKS
from minutes_checker.judge.rules import CUE_KINDS, Retarget, Rule, default_rulebook


def emitted(rule: Rule) -> set[str]:
    signals = {rule.signal}
    for kind in CUE_KINDS:
        effect = rule.effect(kind)
        if isinstance(effect, Retarget) and effect.signal:
            signals.add(effect.signal)
    return signals


def emitters() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rule in default_rulebook().rules:
        for signal in emitted(rule):
            out.setdefault(signal, []).append(rule.id)
    return out


def readers() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for check in CHECKS:
        for signal in check.reads:
            out.setdefault(signal, []).append(check.id)
    for signal in items.READS:
        out.setdefault(signal, []).append("item finder")
    return out


def test_every_emitted_signal_is_read() -> None:
    unread = {s: rules for s, rules in emitters().items() if s not in readers()}
    assert not unread, f"signals no check reads (emitted by): {unread}"


def test_every_read_signal_is_emitted() -> None:
    unemitted = {s: who for s, who in readers().items() if s not in emitters()}
    assert not unemitted, f"signals no rule emits (read by): {unemitted}"


def test_item_finder_reads_only_its_own_rules() -> None:
    """The item finder's signals come from its plain-text rules, and only from them."""
    book = default_rulebook()
    item_signals = {s for r in book.for_check("item") for s in emitted(r)}
    sentence_signals = {s for r in book.sentence_rules for s in emitted(r)}
    assert item_signals == set(items.READS)
    assert not item_signals & sentence_signals
