"""The results log of a batch: `results.jsonl`, one record per document, appended and flushed as
each file finishes, and the item excerpts the report shows (`excerpts/<sha256>.json`)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..models import Assessment, ItemExcerpt
from .discover import Job, resolve_municipality

RESULTS = "results.jsonl"
EXCERPTS = "excerpts"
BATCH_KEYS = (
    "path",
    "municipality_resolved",
    "municipality_code_resolved",
    "municipality_source",
    "elapsed_seconds",
    "annotated",
)


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records of a results.jsonl; a line cut off by an interruption is skipped."""
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and record.get("sha256") and record.get("path"):
            records.append(record)
    return records


def record_assessment(record: dict[str, Any]) -> Assessment:
    data = {k: v for k, v in record.items() if k not in BATCH_KEYS}
    return Assessment.model_validate(data)


class ResultsWriter:
    """Appends records to results.jsonl, each flushed to disk before the next file is done."""

    def __init__(self, path: Path, fresh: bool) -> None:
        if fresh or not path.exists():
            path.write_bytes(b"")
        elif path.stat().st_size and not path.read_bytes().endswith(b"\n"):
            with path.open("ab") as handle:  # the cut-off line of an interrupted run stays
                handle.write(b"\n")
        self.handle = path.open("a", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def close(self) -> None:
        self.handle.close()


def make_record(job: Job, result: dict[str, Any]) -> dict[str, Any]:
    assessment = Assessment.model_validate(result["assessment"])
    municipality, source = resolve_municipality(assessment, job.rel)
    record = dict(result["assessment"])
    record.update(
        {
            "path": job.rel,
            "sha256": job.sha256,
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
