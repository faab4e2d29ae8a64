"""`reviews.jsonl`: every reviewer's decision as it was applied, one JSON object a line.

The file is only ever appended to (like `results.jsonl`). Applying the same decisions file twice
adds nothing: a decision whose identity (`ReviewRecord.identity`) is already recorded is left
out. The decision that counts for a check of a page is the latest by `decided_at` (and, for the
same moment, the one recorded last)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from ..models import ReviewRecord

REVIEWS = "reviews.jsonl"


def read_reviews(out: Path) -> list[ReviewRecord]:
    """The recorded decisions, in the order recorded; a line cut off by an interruption (or
    not a record) is skipped."""
    path = out / REVIEWS
    if not path.exists():
        return []
    records = []
    with path.open("rb") as handle:
        for raw in handle:
            try:
                records.append(ReviewRecord.model_validate_json(raw))
            except (ValidationError, ValueError):
                continue
    return records


def new_records(
    existing: Iterable[ReviewRecord], candidates: Iterable[ReviewRecord]
) -> list[ReviewRecord]:
    """The candidates not yet recorded (nor repeated among themselves), in order."""
    seen = {record.identity() for record in existing}
    fresh = []
    for record in candidates:
        if record.identity() not in seen:
            seen.add(record.identity())
            fresh.append(record)
    return fresh


def append_reviews(out: Path, records: Iterable[ReviewRecord]) -> None:
    """Append records, flushed to disk (an earlier line cut off stays on a line of its own)."""
    path = out / REVIEWS
    cut_off = False
    if path.exists() and path.stat().st_size:
        with path.open("rb") as handle:
            handle.seek(-1, os.SEEK_END)
            cut_off = handle.read(1) != b"\n"
    with path.open("a", encoding="utf-8") as handle:
        if cut_off:
            handle.write("\n")
        for record in records:
            handle.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def latest_decisions(records: Iterable[ReviewRecord]) -> dict[tuple[str, str], ReviewRecord]:
    """The decision that counts per (page, check): the latest by `decided_at`, ties going to
    the one recorded last."""
    ranks: dict[tuple[str, str], tuple[float, int]] = {}
    chosen: dict[tuple[str, str], ReviewRecord] = {}
    for index, record in enumerate(records):
        key = (record.page, record.check)
        rank = (record.decided_at.timestamp(), index)
        if key not in ranks or rank >= ranks[key]:
            ranks[key] = rank
            chosen[key] = record
    return chosen
