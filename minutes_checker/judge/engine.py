"""Runs rule files over sentences: pattern matching, then context (negation, hypothetical,
historical, deferral) with a direction and a scope that stops at clause boundaries.

Plain-text rules (the item finder's, `scope: text`) are matched by `count_matches` from
`textrules.py`, offered here too; this module shares its regular expressions and its reading of
`requires` and `unless`. spaCy is imported only when an engine is built, so importing the judging
stage (and finding the item) does not load it.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from ..models import Document, Item, Polarity, Section, SectionKind
from .rules import Cue, CueKind, Effect, Retarget, Rule, RuleBook, default_rulebook
from .textrules import admits, compile_regex, count_matches, is_regex, pattern_source

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Span

try:  # Python's own reader of regular expressions (`_required_literals`)
    import re._parser as _sre_parser
except ImportError:  # Python 3.10
    import sre_parse as _sre_parser  # type: ignore[no-redef]

__all__ = ["Engine", "Hit", "Sentence", "count_matches", "default_engine", "token_patterns"]

_WILDCARD = re.compile(r"^\*(\d*)$")


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets in Document.text (or in the example text)
    end: int
    span: Span
    section: Section | None = None
    item: Item | None = None
    in_title: bool = False

    @property
    def section_kind(self) -> SectionKind | None:
        return self.section.kind if self.section else None

    @property
    def lower(self) -> str:
        return self.span.text.lower()


@dataclass(frozen=True)
class Hit:
    rule: Rule
    signal: str
    polarity: Polarity
    sentence: Sentence
    start: int  # offsets of the matched words
    end: int
    cues: tuple[str, ...] = ()
    cue_kinds: frozenset[str] = frozenset()

    @property
    def proposed(self) -> bool:
        """The words stand in a proposal (an amendment, what someone suggests), not a decision."""
        return "proposal" in self.cue_kinds

    @property
    def weight(self) -> float:
        return self.rule.weight


def _token_specs(word: str) -> list[dict[str, object]]:
    """The alternative Matcher token specs of one word of the phrase notation."""
    from .nlp import lemma_of

    optional = word.endswith("?") and len(word) > 1
    word = word[:-1] if optional else word
    specs: list[dict[str, object]]
    if word.startswith("/") and word.endswith("/") and len(word) > 2:
        specs = [{"LOWER": {"REGEX": f"^(?:{word[1:-1]})$"}}]
    elif not any(ch.isalnum() for ch in word):
        specs = [{"ORTH": word}]
    else:
        alternatives = word.split("|")
        exact = [w[1:].lower() for w in alternatives if w.startswith("=")]
        lemmas = {lemma_of(w) for w in alternatives if not w.startswith("=")}
        lemmas |= {w.lower() for w in alternatives if not w.startswith("=")}
        specs = []
        if exact:
            specs.append({"LOWER": {"IN": exact}})
        if lemmas:
            specs.append({"LEMMA": {"IN": sorted(lemmas)}})
    if optional:
        specs = [{**spec, "OP": "?"} for spec in specs]
    return specs


def token_patterns(phrase: str) -> list[list[dict[str, object]]]:
    """The spaCy Matcher patterns of a phrase in the rule-file notation."""
    choices: list[list[dict[str, object]]] = []
    for word in phrase.split():
        wildcard = _WILDCARD.match(word)
        if wildcard:
            choices.append([{"OP": f"{{0,{int(wildcard.group(1) or 3)}}}"}])
        else:
            choices.append(_token_specs(word))
    return [list(combination) for combination in itertools.product(*choices)]


# repeats of a regular expression (`_sequence_literals`)
_REPEATS = tuple(
    getattr(_sre_parser, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_sre_parser, name)
)
# the token attributes a phrase pattern's word may be anchored on (`_anchor`), in the order of
# `_Patterns.anchors`
_ANCHOR_ATTRS = ("LOWER", "LEMMA", "ORTH")


def _anchor(pattern: list[dict[str, object]]) -> tuple[int, frozenset[int]] | None:
    """A token every match of a Matcher pattern needs: (attribute's position in
    `_ANCHOR_ATTRS`, the string ids the token's attribute may have), from the pattern's first
    word that must occur once and is a plain value or an `IN` list; None when it has none."""
    from spacy.strings import get_string_id

    for spec in pattern:
        if "OP" in spec or len(spec) != 1:
            continue
        ((attr, value),) = spec.items()
        if attr not in _ANCHOR_ATTRS:
            continue
        if isinstance(value, str):
            return _ANCHOR_ATTRS.index(attr), frozenset([get_string_id(value)])
        if isinstance(value, dict) and list(value) == ["IN"]:
            return _ANCHOR_ATTRS.index(attr), frozenset(get_string_id(v) for v in value["IN"])
    return None


def _required_literals(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Texts one of which every match of `regex` contains (so a text without any of them has no
    match), or None when that cannot be told (case-insensitive parts, a pattern Python's
    parser reads otherwise)."""
    try:
        parsed = _sre_parser.parse(regex.pattern, regex.flags)
        return _sequence_literals(list(parsed), parsed.state.flags)
    except Exception:  # a prefilter only: without it every sentence is searched
        return None


def _sequence_literals(items: list[tuple[object, Any]], flags: int) -> frozenset[str] | None:
    """`_required_literals` of a parsed sequence: of the texts each element that must match
    requires (a run of literal characters, a group, each branch of an alternation, a repeat
    at least once), the set whose shortest text is longest."""
    if flags & re.IGNORECASE:
        return None
    choices: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in [*items, (None, None)]:
        if op is _sre_parser.LITERAL:
            run.append(chr(value))
            continue
        if run:
            choices.append(frozenset(["".join(run)]))
            run = []
        found: frozenset[str] | None = None
        if op is _sre_parser.SUBPATTERN:
            _group, add_flags, del_flags, sub = value
            found = _sequence_literals(list(sub), (flags | add_flags) & ~del_flags)
        elif op is _sre_parser.BRANCH:
            branches = [_sequence_literals(list(branch), flags) for branch in value[1]]
            if all(branch is not None for branch in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in _REPEATS and value[0] >= 1:
            found = _sequence_literals(list(value[2]), flags)
        if found:
            choices.append(found)
    if not choices:
        return None
    return max(choices, key=lambda texts: (min(map(len, texts)), -len(texts)))


class _Patterns:
    """All patterns of the rule book compiled once: a spaCy Matcher per phrase pattern, and
    regular expressions.

    A sentence is searched only for the patterns it can hold: a phrase pattern's Matcher runs
    only when the sentence has a token that each of the pattern's Matcher patterns needs
    (`_anchor`), a regular expression only when the sentence's text holds one of the literal
    texts every match needs (`_required_literals`). Both are necessary conditions, so what is
    found is the same as searching for everything, in the same order per key (about a fifth of
    the time: a sentence holds the anchors of a few of some 170 phrase patterns)."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.matchers: dict[str, Matcher] = {}
        self.regexes: dict[str, re.Pattern[str]] = {}
        self.keys: dict[str, str] = {}
        # per anchor attribute (`_ANCHOR_ATTRS`): string id -> the phrase keys anchored on it
        self.anchors: tuple[dict[int, set[str]], ...] = tuple({} for _ in _ANCHOR_ATTRS)
        self.unanchored: set[str] = set()  # phrase keys that run on every sentence
        self.required: dict[str, frozenset[str] | None] = {}  # per regular expression
        self.literals: set[str] = set()  # every text in `required`
        self.order: dict[str, int] = {}  # each key's position: the order keys are searched in

    def add(self, pattern: str) -> str:
        if pattern in self.keys:
            return self.keys[pattern]
        from spacy.matcher import Matcher

        key = f"p{len(self.keys)}"
        self.keys[pattern] = key
        self.order[key] = len(self.order)
        if is_regex(pattern):
            regex = self.regexes[key] = compile_regex(pattern)
            required = self.required[key] = _required_literals(regex)
            self.literals |= required or set()
        else:
            patterns = token_patterns(pattern)
            matcher = self.matchers[key] = Matcher(self.vocab)
            matcher.add(key, patterns)
            anchors = [_anchor(each) for each in patterns]
            if any(anchor is None for anchor in anchors):
                self.unanchored.add(key)
            else:
                for position, ids in filter(None, anchors):
                    for string_id in ids:
                        self.anchors[position].setdefault(string_id, set()).add(key)
        return key

    def _phrase_keys(self, sentence: Span) -> list[str]:
        """The phrase keys whose anchors the sentence has (and those without), in key order."""
        lower, lemma, orth = self.anchors
        keys = set(self.unanchored)
        for token in sentence:
            for anchored in (
                lower.get(token.lower),
                lemma.get(token.lemma),
                orth.get(token.orth),
            ):
                if anchored:
                    keys |= anchored
        return sorted(keys, key=self.order.__getitem__)

    def find(self, sentence: Span) -> dict[str, list[tuple[int, int]]]:
        """Every pattern key found in the sentence, with token spans relative to the sentence."""
        found: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for key in self._phrase_keys(sentence):
            for _match_id, start, end in self.matchers[key](sentence):
                found[key].append((start, end))
        text = _without_point_numbers(sentence.text.lower())
        present = {literal for literal in self.literals if literal in text}
        required = self.required
        for key, regex in self.regexes.items():
            needed = required[key]
            if needed is not None and needed.isdisjoint(present):
                continue
            for hit in regex.finditer(text):
                if hit.end() == hit.start():
                    continue
                span = sentence.char_span(hit.start(), hit.end(), alignment_mode="expand")
                if span is not None:
                    found[key].append((span.start - sentence.start, span.end - sentence.start))
        return found


# the number of a point in an Indstilling: "At 1) Byrådet drøfter …", "at 2. der udarbejdes …";
# not in a decision about the point itself ("At 2) blev ikke afgjort", "At 1) godkendt",
# "At 1) anbefales")
_POINT_NUMBER = re.compile(
    r"\b(at)(\s+\d{1,2}[).]\s)"
    r"(?!\s*(?:blev|er|og|godkendt|vedtaget|tiltrådt|sendt|udsat|ikke|afgjort|forkastet"
    r"|anbefales|anbefalet|anbefalede)\b)"
)


def _without_point_numbers(text: str) -> str:
    """The text the regular expressions see: a point's number after "at" blanked out (same
    length, so offsets hold), so "At 1) Byrådet drøfter" reads as "at Byrådet drøfter"."""
    if "at " not in text:
        return text
    return _POINT_NUMBER.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


@dataclass
class _Compiled:
    rule: Rule
    patterns: list[str]
    requires: list[str]
    unless: list[str]

    @cached_property
    def words(self) -> dict[str, frozenset[str]]:
        """Per pattern key, the words it spells out (to tell a cue a pattern names, as in
        "ikke behov for", from one it merely spans)."""
        return {
            key: frozenset(re.findall(r"[a-zæøå]+", pattern_source(pattern).lower()))
            for key, pattern in zip(self.patterns, self.rule.patterns, strict=True)
        }


@dataclass
class _CompiledCue:
    cue: Cue
    keys: list[str]
    pseudo: list[str]


@dataclass
class Engine:
    """Rules and cues of one rule book compiled for one pipeline."""

    book: RuleBook
    nlp: Language
    _patterns: _Patterns = field(init=False)
    _rules: list[_Compiled] = field(init=False)
    _cues: list[_CompiledCue] = field(init=False)
    _terminators: frozenset[str] = field(init=False)
    _exceptions: frozenset[str] = field(init=False)
    _strong: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self._patterns = _Patterns(self.nlp)
        add = self._patterns.add
        self._rules = [
            _Compiled(
                rule,
                [add(p) for p in rule.patterns],
                [add(p) for p in rule.requires],
                [add(p) for p in rule.unless],
            )
            for rule in self.book.sentence_rules
        ]
        context = self.book.context
        self._cues = [
            _CompiledCue(c, [add(p) for p in c.patterns], [add(p) for p in c.pseudo])
            for c in self.book.cues
        ]
        self._terminators = frozenset(t.lower() for t in (context.terminators if context else []))
        self._exceptions = frozenset(
            t.lower() for t in (context.terminator_exceptions if context else [])
        )
        self._strong = frozenset(t.lower() for t in (context.strong_terminators if context else []))

    # ------------------------------------------------------------------ sentences

    def sentences_of_text(
        self, text: str, offset: int = 0, section: Section | None = None
    ) -> list[Sentence]:
        from .nlp import segment_docs

        out = []
        for begin, doc in segment_docs(self.nlp, text, offset):
            for sent in doc.sents:
                if sent.text.strip():
                    out.append(
                        Sentence(begin + sent.start_char, begin + sent.end_char, sent, section)
                    )
        return out

    def sentences_of_item(self, document: Document, item: Item) -> list[Sentence]:
        text = document.text[item.start : item.end]
        heading_end = next(
            (b.end for b in document.blocks if b.start == item.start), text.find("\n") + item.start
        )
        sections = sorted(item.sections, key=lambda s: s.start)
        out = []
        for sentence in self.sentences_of_text(text, item.start):
            section = None
            for candidate in sections:
                if candidate.start <= sentence.start < candidate.end:
                    section = candidate
            out.append(
                Sentence(
                    sentence.start,
                    sentence.end,
                    sentence.span,
                    section,
                    item,
                    in_title=item.number != "" and sentence.start < heading_end and section is None,
                )
            )
        return out

    # ------------------------------------------------------------------ matching

    def match(self, sentences: Iterable[Sentence], check: str | None = None) -> list[Hit]:
        # only sentence rules are compiled: the item finder's plain-text rules pick the items
        # before this runs (`textrules.count_matches`) and decide nothing here
        wanted = (
            {r.id for r in self.book.for_check(check)}
            if check
            else {r.id for r in self.book.sentence_rules}
        )
        hits: list[Hit] = []
        keys = self._patterns.keys
        for sentence in sentences:
            found = self._patterns.find(sentence.span)
            cues = self._cues_in(sentence.span, found)

            def occurs(pattern: str, found: dict[str, list[tuple[int, int]]] = found) -> bool:
                return keys[pattern] in found

            for compiled in self._rules:
                rule = compiled.rule
                if rule.id not in wanted:
                    continue
                if not rule.fires_in(sentence.section_kind, sentence.in_title):
                    continue
                if not admits(rule, occurs):
                    continue
                spans = sorted((s, k) for k in compiled.patterns for s in found.get(k, []))
                if spans:
                    target, key = spans[0]
                    hit = self._apply_context(compiled, key, sentence, target, cues)
                    if hit is not None:
                        hits.append(hit)
        return hits

    def match_text(
        self, text: str, section: SectionKind = "case", check: str | None = None
    ) -> list[Hit]:
        """Rules (of one check, or all but the item finder's) run on a lone text standing in a
        section of the given kind: how rule examples are tested."""
        stand_in = Section(title=section, kind=section, start=0, end=len(text), page_start=1)
        return self.match(self.sentences_of_text(text, 0, stand_in), check)

    # ------------------------------------------------------------------ context

    def _cues_in(
        self, span: Span, found: dict[str, list[tuple[int, int]]]
    ) -> list[tuple[Cue, int, int]]:
        out = []
        for compiled in self._cues:
            pseudo = [s for k in compiled.pseudo for s in found.get(k, [])]
            for start, end in {s for k in compiled.keys for s in found.get(k, [])}:
                if any(p_start <= start and end <= p_end for p_start, p_end in pseudo):
                    continue
                out.append((compiled.cue, start, end))
        return out

    def _open_between(
        self, span: Span, start: int, end: int, clause: bool = True, forward: bool = True
    ) -> bool:
        """No boundary between tokens start and end (relative to the sentence): a clause
        boundary for clause-scoped cues, a strong one (";", "men") for sentence-scoped cues.
        Looking forward, ", at …" continues the statement ("finder ikke, at der er behov");
        looking backward it does not (the cue then stands in another clause)."""
        stops = self._terminators if clause else self._strong
        for i in range(start, end):
            token = span[i]
            if token.lower_ in stops:
                following = span[i + 1].lower_ if i + 1 < len(span) else ""
                if not (forward and following in self._exceptions):
                    return False
        return True

    def in_scope(
        self,
        cue: Cue,
        span: Span,
        cue_at: tuple[int, int],
        target: tuple[int, int],
        pattern_words: frozenset[str] = frozenset(),
    ) -> bool:
        (c_start, c_end), (t_start, t_end) = cue_at, target
        if c_start < t_end and t_start < c_end:
            # inside the match: a cue the pattern spells out is part of its meaning ("ikke behov
            # for"); any other cue a long pattern happens to span still counts
            return not all(
                t.lower_ in pattern_words or t.lemma_ in pattern_words for t in span[c_start:c_end]
            )
        clause = cue.scope == "clause"
        if c_end <= t_start and cue.direction in ("forward", "both"):
            return t_start - c_end <= cue.window and self._open_between(
                span, c_end, t_start, clause
            )
        if t_end <= c_start and cue.direction in ("backward", "both"):
            return c_start - t_end <= cue.window and self._open_between(
                span, t_end, c_start, clause, forward=False
            )
        return False

    def _apply_context(
        self,
        compiled: _Compiled,
        key: str,
        sentence: Sentence,
        target: tuple[int, int],
        cues: list[tuple[Cue, int, int]],
    ) -> Hit | None:
        rule = compiled.rule
        signal, polarity = rule.signal, rule.polarity
        applied: list[str] = []
        counts: dict[CueKind, int] = defaultdict(int)
        words = compiled.words[key]
        for cue, start, end in cues:
            if self.in_scope(cue, sentence.span, (start, end), target, words):
                counts[cue.kind] += 1
                applied.append(cue.id)
        for kind in ("negation", "hypothetical", "historical", "deferral", "proposal"):
            # two negations cancel ("ikke uden"); other kinds apply once
            active = counts[kind] % 2 == 1 if kind == "negation" else counts[kind] > 0
            if kind == "deferral" and counts["historical"]:
                # put off back then ("blev dengang udskudt"): no deferral of this treatment
                active = False
            if not active:
                continue
            effect: Effect = rule.effect(kind)
            if effect == "drop":
                return None
            if effect == "flip":
                polarity = "contradicts" if polarity == "supports" else "supports"
            elif isinstance(effect, Retarget):
                signal = effect.signal or signal
                polarity = effect.polarity or polarity
        span = sentence.span
        first, last = span[target[0]], span[target[1] - 1]
        offset = sentence.start - span.start_char
        return Hit(
            rule,
            signal,
            polarity,
            sentence,
            offset + first.idx,
            offset + last.idx + len(last.text),
            tuple(applied),
            frozenset(kind for kind, n in counts.items() if n),
        )

    def cue_ids_on(self, text: str, target: str) -> set[str]:
        """Ids of the cues whose scope covers the word `target` in `text` (cue examples)."""
        out: set[str] = set()
        for sentence in self.sentences_of_text(text):
            span = sentence.span
            found = self._patterns.find(span)
            for i, token in enumerate(span):
                if token.lower_ == target.lower():
                    for cue, start, end in self._cues_in(span, found):
                        if self.in_scope(cue, span, (start, end), (i, i + 1)):
                            out.add(cue.id)
        return out


@cache
def default_engine() -> Engine:
    from .nlp import get_pipeline

    return Engine(default_rulebook(), get_pipeline())
