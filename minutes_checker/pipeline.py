"""The pipeline for one file: read -> structure -> judge (and the excerpts a report shows).

Every entry point goes through here: `check` and the batch worker call `assess_file`, `inspect`
calls `inspect_file`, the pre-check's read-ahead runs `inspect_file` in a child process and hands
the document to `assess_file`, and `evaluate` calls `assess_file` on every labelled file.

    bytes --read/--> Document (text, pages, blocks, lines, furniture)
          --structure/--> Document (meeting, items, sections)
          --judge/--> Assessment (checks with evidence, map year, outcome)
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from .errors import InputError, InternalError, TooLarge, error_for, shown_name
from .messages import Lang
from .models import Assessment, Document, ItemExcerpt
from .read import read_bytes, read_file
from .structure import analyse, looks_like_section_heading

# what an incomplete document's error adds to the reason
_NO_ITEM_IN_THE_REST = "intet punkt om danmarkskortet i den del, der kunne læses"

__all__ = [
    "FileResult",
    "assess_document",
    "assess_file",
    "error_result",
    "inspect_bytes",
    "inspect_file",
]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a document is read and structured. Reading makes
    some 100,000 small objects that live on, and in a worker that holds spaCy's pipeline each of
    the full collections they trigger walks all of its objects (about 0.1 s a 150-page file).
    Reference counting frees what reading drops as before; the only cycles are ctypes' array
    types (about 2 KB a page), left to the collector's next run after reading."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _structured(document: Document) -> Document:
    """`structure.analyse`, with any failure of it turned into an `InputError`."""
    try:
        return analyse(document)
    except InputError:
        raise
    except RecursionError:
        raise TooLarge("dokumentets opbygning er for dybt indlejret") from None
    except Exception as exc:
        if os.environ.get("MINUTES_CHECKER_DEBUG"):
            raise
        raise InternalError(
            f"fejl i analysen af dokumentets opbygning: {type(exc).__name__}"
        ) from None


def inspect_file(
    path: str | os.PathLike[str],
    on_text: Callable[[str], None] | None = None,
    on_page: Callable[[str], None] | None = None,
) -> Document:
    """Read and structure one file (what `inspect` shows). Raises only `InputError`.
    `on_text` sees the document's text when it is read, before it is structured; `on_page`
    each page's text of a PDF as soon as the page is read."""
    with gc_paused():
        document = read_file(path, heading=looks_like_section_heading, on_page=on_page)
        document.source = shown_name(document.source)
        if on_text is not None:
            on_text(document.text)
        return _structured(document)


def inspect_bytes(data: bytes, source: str) -> Document:
    """Read and structure minutes given as bytes. Raises only `InputError`."""
    with gc_paused():
        return _structured(read_bytes(data, source, heading=looks_like_section_heading))


@dataclass
class FileResult:
    """One file assessed: the assessment, and the structured document when it could be read."""

    assessment: Assessment
    document: Document | None

    @cached_property
    def excerpts(self) -> list[ItemExcerpt]:
        """The assessed items' text for the auditors' report (none for an unreadable file)."""
        if self.document is None:
            return []
        from .outputs.excerpts import excerpts_of

        return excerpts_of(self.document, self.assessment)


def error_result(path: str | os.PathLike[str], error: InputError, lang: Lang) -> FileResult:
    from .judge import error_assessment

    return FileResult(error_assessment(shown_name(str(path)), error, lang), None)


def assess_document(document: Document, lang: Lang = "da") -> FileResult:
    """Judge a structured document; a bug in judging becomes an error assessment. A document
    part of whose text could not be read (`Document.incomplete`) and in which no item was
    found is reported with that reason, not as holding no item: the item may be in what could
    not be read."""
    from .judge import judge

    try:
        assessment = judge(document, lang)
    except Exception as exc:  # an engine bug must not stop a batch
        return error_result(document.source, InternalError(f"{type(exc).__name__}: {exc}"), lang)
    if assessment.status == "no_item" and document.incomplete is not None:
        problem = document.incomplete
        error = error_for(problem.code, f"{problem.message}; {_NO_ITEM_IN_THE_REST}")
        return error_result(document.source, error, lang)
    return FileResult(assessment, document)


def assess_file(
    path: str | os.PathLike[str],
    lang: Lang = "da",
    read: Callable[[], Document] | None = None,
) -> FileResult:
    """Read, structure and judge one file; never raises for a bad file (the error is in the
    result). `read` stands in for `inspect_file(path)` (a document read ahead elsewhere)."""
    try:
        document = read() if read is not None else inspect_file(path)
    except InputError as error:
        return error_result(path, error, lang)
    except Exception as exc:  # a reader bug must not stop a batch
        return error_result(path, InternalError(f"{type(exc).__name__}: {exc}"), lang)
    return assess_document(document, lang)
