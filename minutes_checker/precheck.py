"""The secretariat's pre-check (`minutes-checker check`): each file read in a sandboxed child
while this process loads the language pipeline, and no pipeline at all for a file without an
item on danmarkskortet.

A pre-check spends most of its wall time on two independent things: reading the document
(PDFium and the structure analysis, about 1 s for 150 pages) and loading spaCy and compiling
the rules (about 1.5 s). The file is read and structured in a forked child (`sandbox`: a memory
cap, a CPU cap and a time limit, so a hostile file ends in a per-file error, never a hang)
that also says whether the document holds a danmarkskort item (the item finder needs no
spaCy). As soon as the child has read text that names the map, it sends a hint, and a thread
of this process starts importing spaCy and building the pipeline while the child structures
the document; the main thread only waits on the child's pipes, so the two overlap. A document
that never names the map is answered without loading the language pipeline at all.

Where forking is not possible (not Linux, MINUTES_CHECKER_DEBUG) the files are assessed here,
one after the other, as the batch would.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from . import sandbox
from .errors import InputError
from .messages import Lang
from .models import Assessment, Document

DEFAULT_TIMEOUT = 120.0


def _read(path: str | os.PathLike[str]) -> tuple[Document, bool]:
    """In the child: the structured document, and whether it holds a danmarkskort item. As soon
    as the text read names the map, the caller is told (so it starts loading the pipeline): a
    PDF's pages are looked at one by one as they are read (the table of contents usually names
    the map on page 2), the whole text once more when no page did (other formats, or a name
    split across two pages)."""
    from .judge.items import find_map_items, item_rulebook, mentions_the_map
    from .pipeline import inspect_file

    book = item_rulebook()  # the item finder's rules: the others are the caller's
    told: list[bool] = []

    def on_text(text: str) -> None:
        if not told and mentions_the_map(text, book):
            told.append(True)
            sandbox.hint()

    document = inspect_file(path, on_text=on_text, on_page=on_text)
    has_item = bool(find_map_items(document, book))
    # judging does not read the line boxes (the annotated copy does, which `check` never
    # makes): without them the document pickles and unpickles ten times faster (150 pages:
    # 0.06 s instead of 0.12 s, most of it in this process's caller, on its critical path)
    return document.model_copy(update={"lines": []}), has_item


class _Pipeline(threading.Thread):
    """The language pipeline and the compiled rules, built in the background."""

    def __init__(self) -> None:
        super().__init__(name="minutes-checker-pipeline", daemon=True)

    def run(self) -> None:
        from .judge.engine import default_engine

        # the assessment that needs it meets the same error and reports it
        with suppress(Exception):
            default_engine()


_loading: list[_Pipeline] = []


def _prepare() -> None:
    """In this process, while the first child reads: what every answer needs, with or without
    an item (the judging stage, the rules, the output formats), but not the language pipeline.
    Imported after the fork, so the child starts reading at once and this work overlaps it."""
    from . import pipeline  # noqa: F401
    from .judge import judge  # noqa: F401
    from .judge.rules import default_rulebook
    from .outputs import formats  # noqa: F401

    with suppress(Exception):  # the assessment that needs them meets the same error
        default_rulebook()
    with suppress(ImportError):  # simplemma's modules (the lemmas; no spaCy): 0.03 s less
        import simplemma.strategies.dictionaries.dictionary_factory  # noqa: F401  after a hint


def _load_pipeline() -> None:
    """Start building the pipeline in the background (once)."""
    if not _loading:
        _loading.append(_Pipeline())
        _loading[0].start()


def assess_files(
    paths: Sequence[str | Path], lang: Lang = "da", timeout: float = DEFAULT_TIMEOUT
) -> list[Assessment]:
    """The assessment of each file, in order (what `pipeline.assess_file` gives, but with
    every file read under the sandbox's limits)."""
    if not sandbox.available():
        from .pipeline import assess_file

        return [assess_file(path, lang).assessment for path in paths]
    limits = sandbox.Limits(seconds=timeout)
    out = []
    for index, path in enumerate(paths):
        if _loading and _loading[0].is_alive():
            _loading[0].join()  # forking needs a process without running threads
        try:
            child = sandbox.start(_read, path, limits=limits)
        except OSError:  # no fork possible now: read it here
            from .pipeline import assess_file

            out.append(assess_file(path, lang).assessment)
            continue
        if index == 0:
            _prepare()
        from .pipeline import assess_document, error_result

        try:
            document, has_item = sandbox.result(child, on_hint=_load_pipeline)
        except InputError as error:
            out.append(error_result(path, error, lang).assessment)
            continue
        if has_item:
            _load_pipeline()
            _loading[0].join()
        out.append(assess_document(document, lang).assessment)
    return out


def finish(code: int) -> None:
    """Exit with `code`. The answer is written: a process of its own (not one that called the
    command in-process, as tests do: its output is not the terminal's) leaves at once, without
    tearing down spaCy's and the document's objects one by one (about 0.1 s) or waiting for a
    pipeline still loading in the background (no file needed it)."""
    own_process = sys.stdout is sys.__stdout__ and sys.stderr is sys.__stderr__
    if own_process or (_loading and _loading[0].is_alive()):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
