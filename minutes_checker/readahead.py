"""A one-off check: the document is read in a forked child while this process loads spaCy.

A one-off `check` spends most of its wall time on two independent things: reading the document
(PDFium and the structure analysis, about 1 s for 150 pages) and loading spaCy and compiling the
rules (about 1.5 s). Threads cannot overlap them (both are mostly Python code holding the GIL),
two processes can: `read_ahead(path)` forks a child that reads the document and sends it back
pickled (about 0.1 s for 150 pages), while the parent loads the pipeline.

Only where `os.fork` is safe (Linux, no other thread running) and not under
MINUTES_CHECKER_DEBUG (where a reader's traceback must reach the terminal); elsewhere, and when
the child fails for any reason, the document is read here as before. The batch does not use
this: its workers load the pipeline once and then read file after file.

This module imports nothing heavy: `assess_files` forks before spaCy is imported.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, InternalError

if TYPE_CHECKING:
    from .messages import Lang
    from .models import Assessment, Document


def _read(path: str | os.PathLike[str]) -> Document:
    from .pipeline import inspect_file

    return inspect_file(path)


class ReadAhead:
    """A document being read in a child process; `result()` returns it or raises its
    `InputError`, exactly as `read_document` would."""

    def __init__(self, path: str | os.PathLike[str], pid: int, fd: int) -> None:
        self.path = path
        self.pid = pid
        self.fd = fd

    def result(self) -> Document:
        try:
            with os.fdopen(self.fd, "rb") as pipe:
                data = pipe.read()
        finally:
            with suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
        try:
            outcome = pickle.loads(data)
        except Exception:  # the child died (killed, out of memory): read it here instead
            return _read(self.path)
        if outcome[0] == "document":
            document: Document = outcome[1]
            return document
        if outcome[0] == "error":
            error_class, detail = outcome[1], outcome[2]
            raise error_class(detail)
        raise InternalError(outcome[1])


def _can_fork() -> bool:
    return (
        hasattr(os, "fork")
        and sys.platform.startswith("linux")
        and threading.active_count() == 1
        and not os.environ.get("MINUTES_CHECKER_DEBUG")
    )


MIN_BYTES = 256 * 1024  # smaller files are read in well under the time the fork saves


def read_ahead(path: str | os.PathLike[str]) -> ReadAhead | None:
    """Start reading `path` in a forked child; None where that is not possible or not worth it
    (then read it here, as before)."""
    try:
        if not _can_fork() or not Path(path).is_file() or Path(path).stat().st_size < MIN_BYTES:
            return None
    except (OSError, ValueError):  # a name the file system refuses: read_document reports it
        return None
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the child: read, send, leave without running the parent's exit handlers
        status = 0
        try:
            os.close(read_fd)
            try:
                outcome: tuple[object, ...] = ("document", _read(path))
            except InputError as error:
                outcome = ("error", type(error), error.detail)
            except BaseException as exc:  # reported as the parent would report it
                outcome = ("crash", f"{type(exc).__name__}: {exc}")
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(data)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_fd)
    return ReadAhead(path, pid, read_fd)


def assess_files(paths: Sequence[str | Path], lang: Lang = "da") -> list[Assessment]:
    """`assess_file` of each path, in order (the same assessments). The first document is read
    ahead in a forked child while this process imports spaCy, builds the pipeline and compiles
    the rules; the others are read here, as the pipeline is loaded by then."""
    pending = read_ahead(paths[0]) if paths else None
    from .judge.engine import default_engine
    from .pipeline import assess_file

    if pending is not None:
        with suppress(Exception):  # assess_document meets the same error and reports it
            default_engine()
    out = []
    for index, path in enumerate(paths):
        read = pending.result if index == 0 and pending is not None else None
        out.append(assess_file(path, lang, read).assessment)
    return out
