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
from typing import TextIO

from ..messages import Lang, batch_ui
from .discover import Job, default_jobs, discover, file_sha256
from .pool import run_in_pool, run_in_process
from .progress import Progress
from .results import EXCERPTS, RESULTS, ResultsWriter, make_record, read_records, write_excerpts
from .summary import BatchResult, combine_outputs, summary_text
from .worker import ANNOTATED, Worker, assess_job

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


def _jobs_for(root: Path, out: Path) -> list[Job]:
    return [
        Job(path, path.relative_to(root).as_posix(), file_sha256(path))
        for path in discover(root, exclude=[out])
    ]


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
) -> BatchResult:
    """Assess every document below `root` and write all outputs to `out`."""
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    excerpts_dir = out / EXCERPTS
    annotate_dir = str(out / ANNOTATED) if annotate else None
    all_jobs = _jobs_for(root, out)
    results_path = out / RESULTS
    previous = read_records(results_path) if resume else []
    done_paths = {(r["path"], r["sha256"]) for r in previous}
    done_sha = {r["sha256"]: r for r in previous}
    writer = ResultsWriter(results_path, fresh=not resume)
    records = list(previous)
    todo: list[Job] = []
    skipped = 0
    for job in all_jobs:
        if (job.rel, job.sha256) in done_paths:
            skipped += 1
        elif job.sha256 in done_sha:  # the same content under another name: reuse the result
            copy = dict(done_sha[job.sha256])
            copy["path"] = job.rel
            copy["file"] = job.rel
            writer.write(copy)
            records.append(copy)
            skipped += 1
        else:
            todo.append(job)
    # one assessment per content; duplicates get a copy of the record
    unique: dict[str, Job] = {}
    duplicates: dict[str, list[Job]] = defaultdict(list)
    for job in todo:
        if job.sha256 in unique:
            duplicates[job.sha256].append(job)
        else:
            unique[job.sha256] = job
    if progress:
        progress.write(batch_ui("files_found", lang, count=len(all_jobs), folder=root) + "\n")
        if skipped:
            progress.write(batch_ui("resumed", lang, count=skipped) + "\n")
        progress.flush()
    runner = (
        run_in_process(list(unique.values()), worker, lang, annotate_dir, timeout)
        if jobs <= 1
        else run_in_pool(list(unique.values()), worker, lang, annotate_dir, timeout, jobs)
    )
    try:
        with Progress(len(todo), progress, lang) as bar:
            for job, result in runner:
                if result["excerpts"]:
                    write_excerpts(excerpts_dir, job.sha256, result["excerpts"])
                for each in [job, *duplicates.get(job.sha256, [])]:
                    record = make_record(each, result)
                    record["file"] = each.rel
                    writer.write(record)
                    records.append(record)
                    bar.advance(each.rel, record["status"])
    finally:
        writer.close()
    current = {(j.rel, j.sha256) for j in all_jobs}
    final = {}
    for record in records:
        key = (record["path"], record["sha256"])
        if key in current:
            final.setdefault(key, record)
    final_records = sorted(final.values(), key=lambda r: r["path"])
    groups = combine_outputs(out, final_records, lang)
    return BatchResult(
        files=len(all_jobs),
        assessed_now=len(todo),
        skipped=skipped,
        groups=groups,
        records=final_records,
        seconds=time.monotonic() - started,
        out=out,
    )
