"""The results log of a batch: `results.jsonl`, one record per document, appended and flushed as
each file finishes, and the item excerpts the report shows (`excerpts/<sha256>.json`).

The log is only ever appended to. Every record carries the id of its run (`run`): a new run
into the same folder appends its own records, `--resume` goes on with the last run's, and the
outputs are made from one run's latest record per file, so nothing is duplicated or lost."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Assessment, ItemExcerpt
from .discover import Job, resolve_municipality

RESULTS = "results.jsonl"
EXCERPTS = "excerpts"
RUN = "run"
# errors that may not happen again: a file that timed out, whose reader died, was missing or
# could not be opened is tried again by --resume (a damaged or encrypted file is not)
RETRIED = frozenset({"timeout", "reader_stopped", "internal", "not_found", "no_access"})
BATCH_KEYS = (
    RUN,
    "path",
    "municipality_resolved",
    "municipality_code_resolved",
    "municipality_source",
    "elapsed_seconds",
    "annotated",
)


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records of a results.jsonl, in order; a line cut off by an interruption is skipped."""
    if not path.exists():
        return []
    records = []
    with path.open("rb") as handle:
        for raw in handle:
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                continue
            if isinstance(record, dict) and record.get("path"):
                records.append(record)
    return records


def last_run(records: list[dict[str, Any]]) -> str | None:
    """The id of the run whose record was written last (what --resume goes on with)."""
    return next((r.get(RUN) for r in reversed(records) if r.get(RUN)), None)


def latest_per_file(records: list[dict[str, Any]], run: str | None) -> dict[str, dict[str, Any]]:
    """A run's latest record of each file (records written before run ids count as one run)."""
    latest: dict[str, dict[str, Any]] = {}
    for record in records:
        if record.get(RUN) == run:
            latest[record["path"]] = record
    return latest


class NotABatchFolder(InputError):
    code = "not_a_batch"
    message_da = "mappen er ikke en resultatmappe fra minutes-checker batch"
    message_en = "the folder is not an output folder of minutes-checker batch"


def current_records(out: Path) -> list[dict[str, Any]]:
    """The records the outputs in `out` were made from: the last run's latest record per file,
    of the files municipalities.jsonl lists (what `review apply` and `letters` build on)."""
    municipalities = out / "municipalities.jsonl"
    if not (out / RESULTS).is_file() or not municipalities.is_file():
        raise NotABatchFolder(str(out))
    records = read_records(out / RESULTS)
    latest = latest_per_file(records, last_run(records))
    listed: set[str] = set()
    for line in municipalities.read_text(encoding="utf-8").split("\n"):  # \n alone ends a line
        if not line.strip():
            continue
        try:
            listed.update(json.loads(line).get("documents", []))
        except (json.JSONDecodeError, AttributeError):
            raise NotABatchFolder(f"{municipalities.name} kan ikke læses") from None
    chosen = [latest[path] for path in sorted(listed) if path in latest]
    if not chosen:
        raise NotABatchFolder(str(out))
    return chosen


def record_assessment(record: dict[str, Any]) -> Assessment:
    data = {k: v for k, v in record.items() if k not in BATCH_KEYS}
    return Assessment.model_validate(data)


class ResultsWriter:
    """Appends records to results.jsonl, each flushed to disk before the next file is done."""

    def __init__(self, path: Path) -> None:
        if path.exists() and path.stat().st_size:
            with path.open("rb") as handle:
                handle.seek(-1, os.SEEK_END)
                cut_off = handle.read(1) != b"\n"
            if cut_off:  # the cut-off line of an interrupted run stays, on its own line
                with path.open("ab") as handle:
                    handle.write(b"\n")
        self.handle = path.open("a", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def close(self) -> None:
        self.handle.close()


def make_record(job: Job, result: dict[str, Any], run: str | None = None) -> dict[str, Any]:
    """The record of one file: its assessment and what the batch knows of it. The hash is that
    of the bytes the reader actually read (a file replaced during the run is seen as changed)."""
    assessment = Assessment.model_validate(result["assessment"])
    municipality, source = resolve_municipality(assessment, job.rel)
    record = dict(result["assessment"])
    record.update(
        {
            RUN: run,
            "path": job.rel,
            "sha256": assessment.sha256 or job.sha256,
            "municipality_resolved": municipality.official_name if municipality else None,
            "municipality_code_resolved": municipality.code if municipality else None,
            "municipality_source": source,
            "elapsed_seconds": round(float(result.get("elapsed", 0.0)), 3),
            "annotated": result.get("annotated"),
        }
    )
    return record


def write_excerpts(folder: Path, sha256: str, excerpts: list[dict[str, Any]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{sha256}.json"
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(excerpts, ensure_ascii=False), encoding="utf-8")
    temporary.replace(target)


def read_excerpts(folder: Path, sha256: str, rel: str) -> list[ItemExcerpt]:
    target = folder / f"{sha256}.json"
    if not target.exists():
        return []
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        return [ItemExcerpt.model_validate({**e, "file": rel}) for e in data]
    except (json.JSONDecodeError, ValueError):
        return []
