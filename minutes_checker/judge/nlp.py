"""The Danish spaCy pipeline: `da_core_news_sm` when installed, else a blank Danish pipeline.

Text is first cut where layout ends a sentence (blank lines, bullets, "Beslutning:" on its own
line: `split_segments`), then each segment goes through the pipeline. Both paths end in
`minutes_lemmas`, which sets `token.lemma_` to a lower-cased simplemma lemma (with a few
overrides), so rules see the same token attributes. The model path splits sentences with its
parser; the blank path with `minutes_sentences`, which knows Danish abbreviations and case numbers
("Sagsnr.", "pct.", "jf.", "kl. 17.00"). Nothing is downloaded, ever.
"""

from __future__ import annotations

import itertools
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..dates import NOT_A_MONTH

MODEL_NAME = "da_core_news_sm"

# Abbreviations spaCy's Danish tokenizer does not know, frequent in minutes.
EXTRA_ABBREVIATIONS = (
    "sagsnr.", "Sagsnr.", "journalnr.", "Journalnr.", "j.nr.", "J.nr.", "dok.nr.", "lbnr.",
    "gl.", "ift.", "pga.", "pba.", "vha.", "mht.", "udv.", "forv.", "afd.", "bilagsnr.",
    "socialomr.", "Socialomr.",
)  # fmt: skip

# Abbreviations that may also end a sentence ("… tilskud mv. Byrådet godkendte …").
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"mv.", "m.v.", "osv.", "o.l.", "m.m.", "mm.", "etc."})

# simplemma errors seen on minutes vocabulary.
LEMMA_OVERRIDES = {
    "tog": "tage",
    "taget": "tage",
    "landets": "land",
    "stod": "stå",
    "lod": "lade",
    "besluttedes": "beslutte",
    "drøftedes": "drøfte",
    "godkendtes": "godkende",
    "fremlagde": "fremlægge",
    "fremlagt": "fremlægge",
    "undlod": "undlade",
    "gav": "give",
    "givet": "give",
    "bad": "bede",
    "bedt": "bede",
}

_NUMBERED_END = re.compile(r"^(?:\d{1,3}|[a-zæøå])\.$")
_BULLET = re.compile(rf"(?:[-–•▪◦*]\s|\d{{1,2}}[.)]\s{NOT_A_MONTH}|[a-zæøå][.)]\s)")
_SHORT_LINE = 45


def split_segments(text: str) -> list[tuple[int, int]]:
    """Cut text where its layout alone ends a sentence: blank lines, bullets and numbered
    entries at a line start, a line ending in ":", and short lines (headings, labels)."""
    cuts = [0]
    line_start = 0
    lines = text.split("\n")
    for index, line in enumerate(lines[:-1]):
        line_end = line_start + len(line)
        following = lines[index + 1]
        stripped = line.rstrip()
        if (
            not stripped
            or not following.strip()
            or stripped.endswith(":")
            or _BULLET.match(following.lstrip())
            or (
                len(stripped) < _SHORT_LINE
                and following.lstrip()[:1].isupper()
                and stripped[-1:] not in ",;-–("
            )
        ):
            cuts.append(line_end + 1)
        line_start = line_end + 1
    cuts.append(len(text))
    spans = []
    for begin, finish in itertools.pairwise(cuts):
        segment = text[begin:finish]
        if segment.strip():
            lead = len(segment) - len(segment.lstrip())
            spans.append((begin + lead, begin + len(segment.rstrip())))
    return spans


@lru_cache(maxsize=200_000)
def lemma_of(word: str) -> str:
    """The lower-cased lemma of a word; the same on every pipeline path."""
    lower = word.lower()
    if lower in LEMMA_OVERRIDES:
        return LEMMA_OVERRIDES[lower]
    if not any(ch.isalpha() for ch in lower):
        return lower
    return _lemmatizer().lemmatize(lower, "da").lower()


def cache_dir() -> Path:
    """Where derived data is kept between runs (never downloaded: built from installed files)."""
    if os.environ.get("MINUTES_CHECKER_CACHE"):
        return Path(os.environ["MINUTES_CHECKER_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "minutes-checker"


def _sqlite_dictionary(lang: str = "da") -> Path | None:
    """simplemma's dictionary for `lang` as an indexed SQLite file, built on first use.

    Loading simplemma's compressed dictionary takes about a second per process; a lookup in an
    indexed file takes microseconds, so a one-file pre-check does not pay that second every time.
    Returns None where no cache can be written (the in-memory dictionary is used instead).
    """
    import simplemma

    version = getattr(simplemma, "__version__", "0")
    path = cache_dir() / f"simplemma-{version}-{lang}.sqlite"
    if path.exists():
        return path
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import (
            _load_dictionary_from_disk,
        )

        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with sqlite3.connect(partial) as connection:
            connection.execute("CREATE TABLE d (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
            connection.executemany(
                "INSERT OR REPLACE INTO d VALUES (?, ?)",
                ((k.decode(), v.decode()) for k, v in _load_dictionary_from_disk(lang).items()),
            )
        os.replace(partial, path)
        return path
    except (OSError, sqlite3.Error, ImportError, AttributeError):
        return None


@cache
def _lemmatizer() -> object:
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DecodedStrMapping,
        DictionaryFactory,
    )

    path = _sqlite_dictionary()
    if path is None:
        return Lemmatizer()

    class SqliteMapping(DecodedStrMapping):
        def __init__(self) -> None:
            uri = f"file:{path}?mode=ro&immutable=1"
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)

        def _lookup(self, key: str) -> str | None:
            row = self._connection.execute("SELECT v FROM d WHERE k = ?", (key,)).fetchone()
            return row[0] if row else None

        def __iter__(self) -> Iterator[str]:
            return (row[0] for row in self._connection.execute("SELECT k FROM d"))

        def __len__(self) -> int:
            return int(self._connection.execute("SELECT count(*) FROM d").fetchone()[0])

    class SqliteFactory(DictionaryFactory):
        def __init__(self) -> None:
            self._mapping = SqliteMapping()

        def get_dictionary(self, lang: str) -> SqliteMapping:
            return self._mapping

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=SqliteFactory()))


@Language.component("minutes_lemmas")
def minutes_lemmas(doc: Doc) -> Doc:
    for token in doc:
        token.lemma_ = lemma_of(token.text)
    return doc


@Language.component("minutes_sentences")
def minutes_sentences(doc: Doc) -> Doc:
    """Punctuation-based splitting for the blank pipeline; respects boundaries already set."""
    if len(doc) == 0:
        return doc
    doc[0].is_sent_start = True
    for i in range(1, len(doc)):
        token = doc[i]
        if token.is_sent_start:
            continue
        prev = doc[i - 1]
        capital_next = token.text[:1].isupper()
        ends = prev.text in {".", "!", "?", "…", "?!"} or (
            capital_next
            and (
                prev.text in SENTENCE_FINAL_ABBREVIATIONS
                # "§ 79 b." or "stk. 2." closing a sentence: the tokenizer keeps the period
                or (_NUMBERED_END.match(prev.text) is not None and i > 1 and doc[i - 2].like_num)
                or (
                    _NUMBERED_END.match(prev.text) is not None
                    and prev.text[0].isdigit()
                    and i > 1
                    and doc[i - 2].lower_ in ("stk.", "nr.", "pkt.", "§")
                )
            )
        )
        if ends and not token.is_punct:
            token.is_sent_start = True
        elif ends and token.text in {")", "”", '"', "»"}:
            token.is_sent_start = False
        else:
            token.is_sent_start = False
    return doc


def _add_abbreviations(nlp: Language) -> None:
    for abbreviation in EXTRA_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])


def build_pipeline(model: str | Path | None = None) -> Language:
    """A pipeline from an installed model name or path, or the blank Danish pipeline (None)."""
    if model is None:
        nlp = spacy.blank("da")
        _add_abbreviations(nlp)
        nlp.add_pipe("minutes_sentences")
        nlp.add_pipe("minutes_lemmas")
        nlp.meta["minutes_checker_path"] = "blank"
        return nlp
    # a trained pipeline: keep what segments sentences, drop what we do not use
    nlp = spacy.load(model, exclude=["ner"])
    _add_abbreviations(nlp)
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("minutes_sentences", first=True)
    if "lemmatizer" in nlp.pipe_names:
        nlp.remove_pipe("lemmatizer")
    nlp.add_pipe("minutes_lemmas", last=True)
    nlp.meta["minutes_checker_path"] = str(model)
    return nlp


def model_available(name: str = MODEL_NAME) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


@cache
def get_pipeline() -> Language:
    """The process-wide pipeline. MINUTES_CHECKER_MODEL=none forces the blank pipeline; a name or
    path selects a model; by default `da_core_news_sm` is used when it is installed."""
    choice = os.environ.get("MINUTES_CHECKER_MODEL", "auto")
    if choice == "none":
        return build_pipeline(None)
    if choice == "auto":
        return build_pipeline(MODEL_NAME if model_available() else None)
    return build_pipeline(choice)


def segment_docs(nlp: Language, text: str, offset: int = 0) -> Iterable[tuple[int, Doc]]:
    """Each layout segment of `text` as a Doc (line breaks read as spaces, so a phrase may wrap
    across lines), with the offset of its first character in the document."""
    spans = split_segments(text)
    flat = (text[a:b].replace("\n", " ") for a, b in spans)
    for (begin, _), doc in zip(spans, nlp.pipe(flat, batch_size=64), strict=True):
        yield offset + begin, doc
