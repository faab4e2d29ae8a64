"""Batch screening: every PDF, DOCX and HTML below a folder, combined per municipality and year.

    minutes-checker batch DIR --out OUTDIR [--jobs N] [--resume] [--annotate] [--timeout S]

Outputs in OUTDIR (see `run_batch`):

- `results.jsonl`: one record per document, appended and flushed as each file finishes (an
  interrupted batch loses nothing finished): the Assessment JSON plus `path`, `sha256` (of the
  file bytes, computed here), the municipality as resolved and the seconds it took.
- `excerpts/<sha256>.json`: the assessed items' text, so the report can be rebuilt.
- `municipalities.jsonl`: one `MunicipalityAssessment` per municipality and map year.
- `summary.csv`: one row per municipality and map year (UTF-8 with BOM, `;`: Danish Excel).
- `report/`: the auditors' static site (`report.write_report`).
- `annotated/`: with `--annotate`, copies of the documents with the evidence marked.

Workers are spawn-safe processes fed one file at a time over a pipe, so a file that exceeds the
time limit is stopped by killing its process, which is then replaced.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path
from typing import Any, TextIO

from ..messages import Lang, batch_ui
from .cluster import cluster_runner
from .discover import Job, default_jobs, discover, file_sha256, job_for
from .history import History
from .outfolder import OutputFolder
from .pool import run_jobs
from .progress import Progress
from .results import (
    EXCERPTS,
    RESULTS,
    RETRIED,
    ResultsWriter,
    last_run,
    latest_per_file,
    make_record,
    read_records,
    write_excerpts,
)
from .summary import BatchResult, combine_outputs, summary_text
from .worker import ANNOTATED, Worker, assess_job, error_job

__all__ = [
    "BatchResult",
    "Job",
    "assess_job",
    "combine_outputs",
    "default_jobs",
    "discover",
    "file_sha256",
    "make_record",
    "run_batch",
    "summary_text",
    "write_excerpts",
]

DEFAULT_TIMEOUT = 120.0


def run_batch(
    root: Path,
    out: Path,
    *,
    jobs: int = 1,
    resume: bool = False,
    annotate: bool = False,
    lang: Lang = "da",
    timeout: float = DEFAULT_TIMEOUT,
    progress: TextIO | None = None,
    worker: Worker = assess_job,
    cluster: str | None = None,
    history: Path | None = None,
) -> BatchResult:
    """Assess every document below `root` and write all outputs to `out` (see the module).

    The output folder is locked for the run; a new run appends its records to results.jsonl
    under its own run id; `--resume` goes on with the last run: files already done with the
    same content are kept, files that changed, are new, or failed for a reason that may pass
    (a time-out, a dead reader, a missing file) are assessed again.

    With `cluster` (a Dask scheduler's address) the files are assessed there, one task a file
    (`cluster.py`); the scheduler is reached before anything is written.

    With `history` (a SQLite file, created when missing) every municipality's result per map
    year is stored there too, and the outputs show the previous map year's outcome; the file is
    opened (its schema brought up to date) before any document is read, so a wrong file stops
    the run at once."""
    started = time.monotonic()
    execute = cluster_runner(cluster, lang) if cluster else run_jobs
    if history is not None:
        with History(history):
            pass
    with OutputFolder(out) as folder:
        folder.source = str(root.resolve())
        results_path = out / RESULTS
        previous = read_records(results_path)
        # --resume goes on with the last run (records of an older version carry no run id)
        run = last_run(previous) if resume and previous else folder.run_id
        done = latest_per_file(previous, run) if resume else {}
        all_jobs = [job_for(root, path) for path in discover(root, exclude=[out])]
        folder.record(RESULTS)
        folder.save()
        writer = ResultsWriter(results_path)
        records: dict[str, dict[str, Any]] = {}
        todo: list[Job] = []
        skipped = 0
        try:
            for job in all_jobs:
                old = done.get(job.rel)
                if old is not None and _still_good(old, job):
                    records[job.rel] = old
                    skipped += 1
                elif job.problem is not None:  # nothing for a worker to read
                    record = make_record(job, error_job(job.rel, job.problem, lang, 0.0), run)
                    writer.write(record)
                    records[job.rel] = record
                else:
                    todo.append(job)
            # one assessment per content; files with the same content get a copy of the record
            unique: dict[str, Job] = {}
            duplicates: dict[str, list[Job]] = defaultdict(list)
            for job in todo:
                if job.sha256 in unique:
                    duplicates[str(job.sha256)].append(job)
                else:
                    unique[str(job.sha256)] = job
            if progress:
                progress.write(
                    batch_ui("files_found", lang, count=len(all_jobs), folder=root) + "\n"
                )
                if skipped:
                    progress.write(batch_ui("resumed", lang, count=skipped) + "\n")
                progress.flush()
            annotate_dir = str(out / ANNOTATED) if annotate else None
            runner = execute(list(unique.values()), worker, lang, annotate_dir, timeout, jobs)
            with Progress(len(todo), progress, lang) as bar:
                for job, result in runner:
                    if result["excerpts"]:
                        write_excerpts(out / EXCERPTS, str(job.sha256), result["excerpts"])
                    for each in [job, *duplicates.get(str(job.sha256), [])]:
                        record = make_record(each, result, run)
                        record["file"] = each.rel
                        writer.write(record)
                        records[each.rel] = record
                        bar.advance(each.rel, record["status"])
        finally:
            writer.close()
        final_records = sorted(records.values(), key=lambda r: r["path"])
        groups = combine_outputs(out, final_records, lang, folder=folder, history=history)
    return BatchResult(
        files=len(all_jobs),
        assessed_now=len(todo),
        skipped=skipped,
        groups=groups,
        records=final_records,
        seconds=time.monotonic() - started,
        out=out,
    )


def _still_good(record: dict[str, Any], job: Job) -> bool:
    """A record of an earlier run that --resume keeps: same content, and not a failure that
    may pass."""
    if record.get("sha256") != job.sha256 or job.problem is not None:
        return False
    error = record.get("error") or {}
    return not (record.get("status") == "error" and error.get("code") in RETRIED)
