"""The files of a batch: every PDF, DOCX and HTML below a folder, their content hashes, and the
municipality each belongs to (its own header first, then its file and folder names)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..models import Assessment
from ..municipalities import Municipality, by_code, find_in_name

SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm"})


def discover(root: Path, exclude: Iterable[Path] = ()) -> list[Path]:
    """Every .pdf/.docx/.html/.htm below `root`, sorted; hidden entries, Office lock files
    ("~$…") and the folders in `exclude` (the output folder) are left out."""
    excluded = [p.resolve() for p in exclude]
    found = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or path.name.startswith("~$"):
            continue
        if path.suffix.lower() not in SUFFIXES or not path.is_file():
            continue
        resolved = path.resolve()
        if any(resolved.is_relative_to(e) for e in excluded):
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


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
    path: Path
    rel: str
    sha256: str


SMALL_BATCH = 50  # below this many files, starting worker processes costs more than it saves


def default_jobs(files: int) -> int:
    """Worker processes when --jobs is not given: one (in-process) for a small batch, else the
    number of CPUs, at most 4."""
    if files < SMALL_BATCH:
        return 1
    return max(1, min(4, os.cpu_count() or 1))
