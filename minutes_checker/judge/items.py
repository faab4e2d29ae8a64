"""Which agenda item(s) treat danmarkskortet: by title, else by repeated mentions in the text
(`rules/judge/item.yaml`). Other items that mention Ankestyrelsen, omgørelser or a
landsgennemsnit (a praksisundersøgelse, school grades) are left alone."""

from __future__ import annotations

import re
from functools import cache

from ..models import Document, Item
from .rules import Rule, RuleBook, RuleFileError

READS = ("map_title", "map_mention", "other_topic")

MIN_BODY_MENTIONS = 2  # an item without a telling title needs this many mentions in its text


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    if not pattern.startswith("re:"):
        raise RuleFileError(f"item rules must be regular expressions ('re:'): {pattern!r}")
    return re.compile(pattern[3:])


def _matches(rule: Rule, text: str) -> int:
    """How often a regular-expression rule matches `text` (0 when an `unless` pattern occurs)."""
    if any(_compiled(p).search(text) for p in rule.unless):
        return 0
    return sum(len(_compiled(p).findall(text)) for p in rule.patterns)


def find_map_items(document: Document, book: RuleBook) -> list[Item]:
    """The agenda item(s) that treat danmarkskortet: by title, else by repeated mentions.

    Items that only mention Ankestyrelsen, omgørelser or a landsgennemsnit in passing (a
    praksisundersøgelse, school grades) do not qualify; neither does an item whose title shows
    it is about something else.
    """
    rules = book.for_check("item")
    by_signal = {
        signal: [r for r in rules if r.signal == signal] for signal in {r.signal for r in rules}
    }
    mention_rules = by_signal.get("map_mention", [])

    def mentions(item: Item) -> int:
        body = document.text[item.start : item.end].lower()
        return sum(_matches(r, body) for r in mention_rules)

    # titles first: the bodies (most of a 150-page referat) are searched only for the items with
    # a telling title, and all of them only when no such item mentions the map
    candidates: list[tuple[Item, bool]] = []
    for item in document.items:
        if item.closed:
            continue
        title = " ".join(item.title.lower().split())
        if any(_matches(r, title) for r in by_signal.get("other_topic", [])):
            continue
        on_title = any(_matches(r, title) for r in by_signal.get("map_title", []))
        candidates.append((item, on_title))
    titled = [item for item, on_title in candidates if on_title and mentions(item) >= 1]
    if titled:
        return titled
    return [item for item, _ in candidates if mentions(item) >= MIN_BODY_MENTIONS]
