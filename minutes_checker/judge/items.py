"""Which agenda item(s) treat danmarkskortet: by title, else by repeated mentions in the text,
else by the map's profile in the administration's own words (`rules/judge/item.yaml`). Other
items that mention Ankestyrelsen, omgørelser or a landsgennemsnit (a praksisundersøgelse, school
grades) are left alone.

The item rules are plain-text rules (`scope: text`), matched by `textrules.count_matches`, the
function their examples are tested with; nothing here loads spaCy.
"""

from __future__ import annotations

import re
from functools import cache

from ..models import Document, Item
from .rules import Rule, RuleBook, default_rulebook, default_rules_dir, load_rule_file
from .textrules import admits, blank_matches, count_matches, occurs_in

MAP_TITLE, MAP_MENTION, OTHER_TOPIC = "map_title", "map_mention", "other_topic"
MAP_ELSEWHERE, MAP_PROFILE = "map_elsewhere", "map_profile"
READS = (MAP_TITLE, MAP_MENTION, OTHER_TOPIC, MAP_ELSEWHERE, MAP_PROFILE)

_ITEM_CHECK = re.compile(r"^check:\s*[\"']?item\b", re.MULTILINE)

MIN_BODY_MENTIONS = 2  # an item without a telling title needs this many mentions in its text


def find_map_items(document: Document, book: RuleBook) -> list[Item]:
    """The agenda item(s) that treat danmarkskortet: by title, else by repeated mentions, else
    by the map's profile: an item whose text has every part of it (rules of signal
    `map_profile`: Ankestyrelsen, decisions changed or sent back, children and adults with
    disabilities), as an item on "Borgernes klager til Ankestyrelsen - resultater" has without
    naming the map.

    Items that only mention Ankestyrelsen, omgørelser or a landsgennemsnit in passing (a
    praksisundersøgelse, school grades) do not qualify; neither does an item whose title shows
    it is about something else. A closed item with a telling title counts only when no open
    item does.
    """
    rules = book.for_check("item")

    def by_signal(signal: str) -> list[Rule]:
        return [r for r in rules if r.signal == signal]

    mention_rules = by_signal(MAP_MENTION)
    title_rules = by_signal(MAP_TITLE)
    other_rules = by_signal(OTHER_TOPIC)
    elsewhere_rules = by_signal(MAP_ELSEWHERE)
    profile_rules = by_signal(MAP_PROFILE)

    def mentions(item: Item) -> int:
        body = document.text[item.start : item.end]
        # "Danmarkskortet forelægges som en særskilt sag på mødet i december" names the map
        # only to say that another item treats it
        for rule in elsewhere_rules:
            body = blank_matches(rule, body)
        return sum(count_matches(r, body) for r in mention_rules)

    # titles first: the bodies (most of a 150-page referat) are searched only for the items with
    # a telling title, and all of them only when no such item mentions the map
    candidates: list[tuple[Item, bool]] = []
    closed: list[Item] = []
    for item in document.items:
        title = " ".join(item.title.split())
        if any(count_matches(r, title) for r in other_rules):
            continue
        on_title = any(count_matches(r, title) for r in title_rules)
        if item.closed:
            if on_title:
                closed.append(item)
            continue
        candidates.append((item, on_title))
    titled = [item for item, on_title in candidates if on_title and mentions(item) >= 1]
    if titled:
        return titled
    found = [item for item, _ in candidates if mentions(item) >= MIN_BODY_MENTIONS]
    if not found and profile_rules:
        found = [
            item
            for item, _ in candidates
            if all(
                count_matches(r, document.text[item.start : item.end]) for r in profile_rules
            )
        ]
    # an item treated behind closed doors publishes its title and decision only: it is the
    # item when no open one is (its content checks are then for a person: `judge`)
    return found or closed


@cache
def item_rulebook() -> RuleBook:
    """The item finder's rule files alone (`check: item`): all that `find_map_items` and
    `mentions_the_map` read. The pre-check's reader loads this instead of every rule file, so it
    does not validate (and compile the regular expressions of) rules it never runs (about 0.02 s
    before it can look at the first page). Falls back to the whole book."""
    files = {}
    for path in sorted(default_rules_dir().glob("*.yaml")):
        # the top-level key says which check a file feeds; only those files are parsed
        if not _ITEM_CHECK.search(path.read_text(encoding="utf-8")):
            continue
        rule_file = load_rule_file(path)
        if rule_file.check == "item":
            files[path.name] = rule_file
    return RuleBook(files=files) if files else default_rulebook()


def mentions_the_map(text: str, book: RuleBook) -> bool:
    """Whether a text names the map at all (the words of a title or a mention): a cheap first
    sign, before the structure is known, that a document may hold the item. The same as
    `count_matches(rule, text) > 0` for one of those rules, but it stops at the first match,
    and looks at the mention rules (no `unless` to search the whole text for) first."""
    lower = text.lower()

    def occurs(pattern: str) -> bool:
        return occurs_in(pattern, lower)

    rules = book.for_check("item")
    for signal in (MAP_MENTION, MAP_TITLE):
        for rule in rules:
            if rule.signal != signal:
                continue
            if any(occurs(p) for p in rule.patterns) and admits(rule, occurs):
                return True
    return False
