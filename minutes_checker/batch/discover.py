"""The files of a batch: every PDF, DOCX and HTML below a folder, their content hashes, and the
municipality each belongs to (its own header first, then its file and folder names)."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import (
    FileMissing,
    InputError,
    NoAccess,
    NotARegularFile,
    os_reason,
    shown_name,
)
from ..models import Assessment
from ..municipalities import Municipality, by_code, find_in_name

SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm", ".txt"})


def discover(root: Path, exclude: Iterable[Path] = ()) -> list[Path]:
    """Every .pdf/.docx/.html/.htm/.txt below `root`, sorted; hidden entries, Office lock files
    ("~$…") and the folders in `exclude` (the output folder) are left out. Entries with such a
    name that are not regular files (a named pipe, a broken link) are found too: the batch
    reports them instead of skipping them without a word."""
    excluded = [p.resolve() for p in exclude]
    found = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or path.name.startswith("~$"):
            continue
        if path.suffix.lower() not in SUFFIXES:
            continue
        try:
            if path.is_dir():
                continue
            resolved = path.resolve()
        except OSError:
            resolved = path
        if any(resolved.is_relative_to(e) for e in excluded):
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def job_for(root: Path, path: Path) -> Job:
    """The job of one discovered file: its hash, or why it cannot be read at all."""
    rel = shown_name(path.relative_to(root).as_posix())
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            return Job(path, rel, None, NotARegularFile(_kind_of(mode)))
        return Job(path, rel, file_sha256(path))
    except FileNotFoundError:
        return Job(path, rel, None, FileMissing("en henvisning, der ikke peger på nogen fil"))
    except OSError as error:
        return Job(path, rel, None, NoAccess(os_reason(error)))


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "en navngivet pipe"
    if stat.S_ISSOCK(mode):
        return "en socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhed"
    return "ikke en almindelig fil"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def resolve_municipality(assessment: Assessment, rel_path: str) -> tuple[Municipality | None, str]:
    """The municipality of a document: its own header first, then the file name, then the
    folders (nearest first). Returns the municipality and where it was found."""
    if assessment.municipality_code:
        found = by_code(assessment.municipality_code)
        if found:
            return found, "document"
    if assessment.municipality:
        found = find_in_name(assessment.municipality)
        if found:
            return found, "document"
    path = PurePosixPath(rel_path)
    found = find_in_name(path.stem)
    if found:
        return found, "file_name"
    for folder in reversed(path.parent.parts):
        found = find_in_name(folder)
        if found:
            return found, "folder"
    return None, "unknown"


@dataclass
class Job:
    """One file of a batch: where it is, its name in the outputs, its content hash, and the
    reason it cannot be read at all (then no worker sees it)."""

    path: Path
    rel: str
    sha256: str | None
    problem: InputError | None = None


MAX_DEFAULT_JOBS = 4  # beyond four children a batch on a laptop leaves no room for anything else


def default_jobs(files: int) -> int:
    """Files assessed at once when --jobs is not given: the number of CPUs, at most four, and
    never more than there are files (each file is a forked child of the warmed-up batch, so a
    small batch pays no start-up for it)."""
    return max(1, min(MAX_DEFAULT_JOBS, os.cpu_count() or 1, files))
