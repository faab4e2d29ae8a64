"""The output folder a batch owns: one run at a time, and only its own files touched.

- A lock (`.minutes-checker.lock`, held with `flock` for the whole run, released by the kernel
  if the process dies): a second batch into the same folder stops at once with a message that
  says which run holds it.
- A manifest (`.minutes-checker.json`): every file the tool has written there. Files it did not
  write are never deleted or overwritten; a folder holding other files than the tool's is
  refused (a folder written by an earlier version, holding only the tool's kind of files, is
  taken over).
- Every file is written to a temporary name and renamed into place, so a reader never sees a
  half-written summary or report page.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import socket
import uuid
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any

from ..errors import InputError

LOCK = ".minutes-checker.lock"
MANIFEST = ".minutes-checker.json"
# what a batch writes: a folder holding only such files was written by the tool
OWN_NAMES = ("results.jsonl", "municipalities.jsonl", "summary.csv", "letters.csv")
OWN_FOLDERS = ("report", "excerpts", "annotated", "letters")
# folders only the tool writes to: anything inside may be replaced (the report's folder is not
# one: an auditor may keep notes beside the pages)
WHOLLY_OURS = ("excerpts", "annotated")


class FolderBusy(InputError):
    code = "out_busy"
    message_da = "resultatmappen bruges af en anden kørsel"
    message_en = "the output folder is used by another run"


class FolderNotOurs(InputError):
    code = "out_not_ours"
    message_da = "resultatmappen indeholder filer, som minutes-checker ikke har skrevet"
    message_en = "the output folder holds files minutes-checker did not write"


def new_run_id() -> str:
    """A run's id: when it started, and a few random letters (two runs never share one)."""
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]


def _relative(out: Path, path: Path) -> str:
    return path.relative_to(out).as_posix()


class OutputFolder:
    """Use as a context manager: locks the folder, loads or starts the manifest."""

    def __init__(self, out: Path, run_id: str | None = None) -> None:
        self.out = out
        self.run_id = run_id or new_run_id()
        self.files: set[str] = set()
        # sha256 of files a person may edit in place (the draft letters): such a file, once
        # changed, is neither overwritten nor deleted
        self.hashes: dict[str, str] = {}
        # the folder the batch read its documents from (for `review export-cases`)
        self.source: str | None = None
        self._lock: int | None = None

    # ------------------------------------------------------------------ taking the folder

    def __enter__(self) -> OutputFolder:
        self.out.mkdir(parents=True, exist_ok=True)
        lock = self.out / LOCK
        had_lock = lock.exists()
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 4096).decode("utf-8", "replace").strip()
            os.close(fd)
            raise FolderBusy(_describe(holder) or str(self.out)) from None
        self._lock = fd
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(self._holder(), ensure_ascii=False).encode("utf-8"))
        try:
            self._load()
        except BaseException:
            self.__exit__(None, None, None)
            if not had_lock:  # a folder refused keeps nothing of ours
                lock.unlink(missing_ok=True)
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the lock
            self._lock = None

    def _holder(self) -> dict[str, Any]:
        return {
            "run": self.run_id,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": dt.datetime.now().isoformat(timespec="seconds"),
        }

    def _load(self) -> None:
        manifest = self.out / MANIFEST
        if manifest.exists():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
                self.files = set(data.get("files", []))
                self.hashes = dict(data.get("hashes", {}))
                self.source = data.get("source")
            except (ValueError, OSError, AttributeError):
                raise FolderNotOurs(f"{manifest.name} kan ikke læses") from None
            return
        present = [
            _relative(self.out, p)
            for p in sorted(self.out.rglob("*"))
            if p.is_file() and p.name != LOCK
        ]
        foreign = [name for name in present if not _looks_ours(name)]
        if foreign:
            shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
            raise FolderNotOurs(f"{self.out}: {shown}; vælg en tom mappe")
        self.files = set(present)  # an earlier version's output: taken over
        self.save()

    # ------------------------------------------------------------------ writing

    def path(self, relative: str) -> Path:
        """Where the tool may write `relative` (raises if a file not written by the tool is
        there)."""
        target = self.out / relative
        ours = relative in self.files or PurePosixPath(relative).parts[0] in WHOLLY_OURS
        if not ours and (target.exists() or target.is_symlink()):
            raise FolderNotOurs(f"{relative} findes allerede")
        return target

    def write_text(self, relative: str, text: str, encoding: str = "utf-8") -> Path:
        """Write a whole file (via a temporary name) and record it."""
        target = self.path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{self.run_id}.tmp")
        temporary.write_text(text, encoding=encoding, newline="")
        os.replace(temporary, target)
        self.files.add(relative)
        return target

    def write_bytes(self, relative: str, data: bytes) -> Path:
        """Write a whole binary file (via a temporary name), record it and its hash."""
        target = self.path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{self.run_id}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        self.files.add(relative)
        self.hashes[relative] = hashlib.sha256(data).hexdigest()
        return target

    def changed_by_someone(self, relative: str) -> bool:
        """A file the tool wrote with `write_bytes` that has been changed since (a caseworker
        edited the draft in place)."""
        known = self.hashes.get(relative)
        target = self.out / relative
        if known is None or not target.is_file():
            return False
        return hashlib.sha256(target.read_bytes()).hexdigest() != known

    def record(self, *relatives: str) -> None:
        """Mark files written by other means (an appended log, an annotated copy) as the tool's."""
        self.files.update(relatives)

    def remove_stale(self, folder: str, keep: set[str], suffix: str = "") -> list[str]:
        """Delete the tool's own files under `folder` (ending in `suffix`) that this run did not
        write again (a municipality page that no longer exists); other files there stay, and so
        does a file changed since the tool wrote it (`changed_by_someone`). Returns those kept
        for that reason."""
        prefix = folder.rstrip("/") + "/" if folder else ""
        changed = []
        for relative in sorted(self.files):
            if relative.startswith(prefix) and relative.endswith(suffix) and relative not in keep:
                if self.changed_by_someone(relative):
                    changed.append(relative)
                    continue
                (self.out / relative).unlink(missing_ok=True)
                self.files.discard(relative)
                self.hashes.pop(relative, None)
        return changed

    def save(self) -> None:
        data: dict[str, Any] = {
            "tool": "minutes-checker",
            "run": self.run_id,
            "files": sorted(self.files),
        }
        if self.hashes:
            data["hashes"] = dict(sorted(self.hashes.items()))
        if self.source:
            data["source"] = self.source
        target = self.out / MANIFEST
        temporary = target.with_name(f"{MANIFEST}.{self.run_id}.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, target)


def _looks_ours(relative: str) -> bool:
    path = PurePosixPath(relative)
    if len(path.parts) == 1:
        return path.name in OWN_NAMES or path.name in (MANIFEST,)
    return path.parts[0] in OWN_FOLDERS


def _describe(holder: str) -> str:
    """Who holds the lock, in words: "kørsel 20261207-101500-ab12cd, proces 4711 på pc1, startet
    2026-12-07T10:15:00"."""
    try:
        data = json.loads(holder)
    except ValueError:
        return ""
    return (
        f"kørsel {data.get('run')}, proces {data.get('pid')} på {data.get('host')}, "
        f"startet {data.get('started')}"
    )
