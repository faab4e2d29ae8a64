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

import csv
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from .combine import combine
from .errors import InputError, InternalError, TimedOut
from .messages import Lang, batch_ui, check_label, outcome_label, status_label
from .models import CHECK_IDS, Assessment, ItemExcerpt, MunicipalityAssessment
from .municipalities import Municipality, by_code, find_in_name

SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm"})
DEFAULT_TIMEOUT = 120.0
RESULTS = "results.jsonl"
MUNICIPALITIES = "municipalities.jsonl"
SUMMARY = "summary.csv"
EXCERPTS = "excerpts"
ANNOTATED = "annotated"
REPORT = "report"
BATCH_KEYS = (
    "path",
    "municipality_resolved",
    "municipality_code_resolved",
    "municipality_source",
    "elapsed_seconds",
    "annotated",
)
LETTER_OUTCOMES = ("deadline_reminder", "request_action_plan_decision")
READY = "ready"
MAX_STARTS = 5  # a worker that dies this many times before it is ready stops the batch

Worker = Callable[[str, str, str, "str | None"], dict[str, Any]]


# --------------------------------------------------------------------------- finding files


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


# --------------------------------------------------------------------------- the worker


def assess_job(path: str, rel: str, lang: str, annotate_dir: str | None) -> dict[str, Any]:
    """Assess one file (in a worker process): the assessment, the excerpts, the annotated copy.

    Never raises for a bad file; the file is named by `rel` (relative to the batch folder) in
    everything it returns, so outputs do not depend on where the folder lies.
    """
    from .assess import assess_file_full

    started = time.perf_counter()
    assessment, document, excerpts = assess_file_full(path, lang)  # type: ignore[arg-type]
    assessment = assessment.model_copy(update={"file": rel})
    excerpts = [e.model_copy(update={"file": rel}) for e in excerpts]
    annotated: str | None = None
    if annotate_dir and document is not None and assessment.status == "ok":
        from .annotate import annotate_copy

        target = Path(annotate_dir) / rel
        try:
            annotate_copy(Path(path), target, assessment, document, lang)  # type: ignore[arg-type]
            if target.exists():
                annotated = (PurePosixPath(ANNOTATED) / rel).as_posix()
        except Exception as exc:  # an annotation failure must not lose the assessment
            warning = batch_ui("annotate_failed", lang, error=f"{type(exc).__name__}: {exc}")  # type: ignore[arg-type]
            assessment = assessment.model_copy(update={"warnings": [*assessment.warnings, warning]})
    return {
        "assessment": assessment.model_dump(mode="json"),
        "excerpts": [e.model_dump(mode="json") for e in excerpts],
        "annotated": annotated,
        "elapsed": time.perf_counter() - started,
    }


def error_job(rel: str, error: InputError, lang: str, elapsed: float) -> dict[str, Any]:
    from .assess import error_assessment

    assessment = error_assessment(rel, error, lang)  # type: ignore[arg-type]
    return {
        "assessment": assessment.model_dump(mode="json"),
        "excerpts": [],
        "annotated": None,
        "elapsed": elapsed,
    }


def warm_up() -> None:
    """Load what every assessment needs (rules, language pipeline) before the clock runs."""
    try:
        from .engine import default_engine

        default_engine()
    except Exception:  # the first file will report whatever is wrong
        pass


def _worker_main(conn: Connection) -> None:
    """The loop of a worker process: say ready, then one (worker, args) at a time until None
    or EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    warm_up()
    try:
        conn.send(READY)
    except (BrokenPipeError, OSError):
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        key, worker, args = message
        try:
            result = worker(*args)
        except BaseException as exc:
            result = {"crash": f"{type(exc).__name__}: {exc}"}
        try:
            conn.send((key, result))
        except (BrokenPipeError, OSError):
            return


@dataclass
class Job:
    path: Path
    rel: str
    sha256: str


@dataclass
class _Slot:
    process: Any
    conn: Connection
    ready: bool = False
    job: Job | None = None
    started: float = 0.0


class _Timeout(BaseException):
    """Raised by SIGALRM in the in-process mode (BaseException: no reader may swallow it)."""


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timeout_error(seconds: float) -> TimedOut:
    return TimedOut(f"over {seconds:g} s")


def run_in_process(
    jobs: list[Job], worker: Worker, lang: str, annotate_dir: str | None, timeout: float
) -> Iterator[tuple[Job, dict[str, Any]]]:
    """The jobs one after the other in this process (SIGALRM enforces the time limit)."""
    if jobs:
        warm_up()
    for job in jobs:
        started = time.perf_counter()
        try:
            with _alarm(timeout):
                result = worker(str(job.path), job.rel, lang, annotate_dir)
        except _Timeout:
            result = error_job(job.rel, _timeout_error(timeout), lang, timeout)
        except Exception as exc:
            error = InternalError(f"{type(exc).__name__}: {exc}")
            result = error_job(job.rel, error, lang, time.perf_counter() - started)
        yield job, result


class WorkerStartError(RuntimeError):
    """The worker processes cannot be started (they die before they are ready)."""


def run_in_pool(
    jobs: list[Job],
    worker: Worker,
    lang: str,
    annotate_dir: str | None,
    timeout: float,
    processes: int,
) -> Iterator[tuple[Job, dict[str, Any]]]:
    """Run `worker` over `jobs` in `processes` spawned processes; yield results as they come.

    A file is handed to a process only when it is ready (its start-up does not count against
    the time limit). A process still busy after `timeout` seconds is killed and replaced, and
    its file reported as timed out; a process that dies is replaced and its file reported as
    an error.
    """
    context = multiprocessing.get_context("spawn")
    failed_starts = 0

    def start() -> _Slot:
        parent, child = context.Pipe()
        process = context.Process(target=_worker_main, args=(child,), daemon=True)
        process.start()
        child.close()
        return _Slot(process, parent)

    def stop(slot: _Slot, kill: bool) -> None:
        if kill or not slot.ready:
            slot.process.kill()
        else:
            with suppress(BrokenPipeError, OSError):
                slot.conn.send(None)
        slot.process.join(timeout=5)
        if slot.process.is_alive():
            slot.process.kill()
            slot.process.join()
        slot.conn.close()

    queue = list(reversed(jobs))
    slots = [start() for _ in range(max(1, min(processes, len(jobs))))]
    try:
        while queue or any(s.job for s in slots):
            for slot in slots:
                if slot.ready and slot.job is None and queue:
                    slot.job = queue.pop()
                    slot.started = time.monotonic()
                    args = (str(slot.job.path), slot.job.rel, lang, annotate_dir)
                    slot.conn.send((slot.job.rel, worker, args))
            now = time.monotonic()
            busy = [s for s in slots if s.job]
            wait_for = min((max(0.0, s.started + timeout - now) for s in busy), default=1.0)
            ready = wait([s.conn for s in slots], timeout=min(wait_for, 1.0) + 0.01)
            for index, slot in enumerate(slots):
                if not slot.ready:
                    if slot.conn in ready:
                        try:
                            slot.ready = slot.conn.recv() == READY
                        except (EOFError, OSError):
                            failed_starts += 1
                            if failed_starts >= MAX_STARTS:
                                raise WorkerStartError(batch_ui("worker_died", lang)) from None  # type: ignore[arg-type]
                            stop(slot, kill=True)
                            slots[index] = start()
                    continue
                job = slot.job
                if job is None:
                    continue
                elapsed = time.monotonic() - slot.started
                if slot.conn in ready:
                    try:
                        _, result = slot.conn.recv()
                    except (EOFError, OSError):
                        message = batch_ui("worker_died", lang)  # type: ignore[arg-type]
                        result = error_job(job.rel, InternalError(message), lang, elapsed)
                        stop(slot, kill=True)
                        slots[index] = slot = start()
                    if "crash" in result:
                        result = error_job(job.rel, InternalError(result["crash"]), lang, elapsed)
                    slot.job = None
                    yield job, result
                elif elapsed > timeout:
                    stop(slot, kill=True)
                    slots[index] = start()
                    yield job, error_job(job.rel, _timeout_error(timeout), lang, elapsed)
    finally:
        for slot in slots:  # workers hold no state: stopping them hard loses nothing
            stop(slot, kill=True)


# --------------------------------------------------------------------------- progress


def format_duration(seconds: float, lang: Lang = "da") -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return batch_ui("seconds", lang, n=seconds)
    if seconds < 3600:
        return batch_ui("minutes", lang, m=seconds // 60, s=seconds % 60)
    return batch_ui("hours", lang, h=seconds // 3600, m=(seconds % 3600) // 60)


class Progress:
    """A progress bar with the time left on a terminal; one plain line per file otherwise."""

    def __init__(self, total: int, stream: TextIO, lang: Lang = "da") -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.lang = lang
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.started = time.monotonic()

    def eta(self) -> str:
        if not self.done or self.done >= self.total:
            return ""
        rate = (time.monotonic() - self.started) / self.done
        return batch_ui("left", self.lang, time=format_duration(rate * (self.total - self.done)))

    def advance(self, file: str, status: str) -> None:
        self.done += 1
        label = batch_ui(f"status_{status}", self.lang)
        if self.tty:
            width = 30
            filled = round(width * self.done / max(self.total, 1))
            bar = "█" * filled + "░" * (width - filled)
            percent = 100 * self.done // max(self.total, 1)
            line = f"\r{bar} {self.done}/{self.total} {percent:3d} %  {self.eta()}"
            self.stream.write(line.ljust(78))
            if self.done == self.total:
                self.stream.write("\n")
        else:
            line = batch_ui(
                "done_file", self.lang, done=self.done, total=self.total, file=file, status=label
            )
            eta = self.eta() if self.done < self.total else ""
            self.stream.write(f"{line}{'  (' + eta + ')' if eta else ''}\n")
        self.stream.flush()


# --------------------------------------------------------------------------- results


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


# --------------------------------------------------------------------------- combining


@dataclass
class Group:
    """The documents of one municipality and map year, and their combined assessment."""

    code: int | None
    name: str
    map_year: int | None
    documents: list[Assessment] = field(default_factory=list)
    combined: MunicipalityAssessment | None = None

    @property
    def slug(self) -> str:
        return page_slug(self.code, self.name, self.map_year)


def page_slug(code: int | None, name: str, map_year: int | None) -> str:
    from .report import slugify

    return f"{code or 0:03d}-{slugify(name)}-{map_year or 'ukendt'}"


def group_documents(records: list[dict[str, Any]], lang: Lang = "da") -> list[Group]:
    """Municipality and map year groups, sorted by name and year. A document without a map year
    (unreadable, or no item) joins every group of its municipality; alone it forms its own."""
    by_municipality: dict[tuple[int | None, str], list[tuple[Assessment, int | None]]] = (
        defaultdict(list)
    )
    for record in sorted(records, key=lambda r: r["path"]):
        assessment = record_assessment(record).model_copy(update={"file": record["path"]})
        code = record.get("municipality_code_resolved")
        name = record.get("municipality_resolved") or batch_ui("unknown_municipality", lang)
        year = assessment.map_year if assessment.status == "ok" else None
        by_municipality[(code, name)].append((assessment, year))
    groups: list[Group] = []
    for (code, name), docs in by_municipality.items():
        years = sorted({y for _, y in docs if y is not None})
        yearless = [a for a, y in docs if y is None]
        for year in years:
            group = Group(code, name, year, [a for a, y in docs if y == year] + yearless)
            groups.append(group)
        if not years:
            groups.append(Group(code, name, None, yearless))
    for group in groups:
        group.documents.sort(key=lambda a: a.file)
        group.combined = combine(
            group.documents,
            lang,
            municipality=group.name,
            municipality_code=group.code,
            map_year=group.map_year,
        )
    return sorted(groups, key=lambda g: (g.name.casefold(), g.map_year or 0))


def write_municipalities(path: Path, groups: list[Group]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for group in groups:
            assert group.combined is not None
            handle.write(group.combined.model_dump_json() + "\n")


def write_summary_csv(path: Path, groups: list[Group], lang: Lang = "da") -> None:
    """UTF-8 with BOM and `;`: what Danish Excel opens cleanly with æøå."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(
            [
                batch_ui("csv_code", lang),
                batch_ui("csv_municipality", lang),
                batch_ui("csv_map_year", lang),
                *(check_label(c, lang) for c in CHECK_IDS),
                batch_ui("csv_outcome", lang),
                batch_ui("csv_documents", lang),
                batch_ui("csv_report", lang),
            ]
        )
        for group in groups:
            combined = group.combined
            assert combined is not None
            writer.writerow(
                [
                    group.code or "",
                    group.name,
                    group.map_year or "",
                    *(status_label(combined.checks[c].status, lang) for c in CHECK_IDS),
                    combined.outcome.label,
                    len(combined.documents),
                    f"{REPORT}/{group.slug}.html",
                ]
            )


# --------------------------------------------------------------------------- the batch


def combine_outputs(out: Path, records: list[dict[str, Any]], lang: Lang = "da") -> list[Group]:
    """The combine step after every file is assessed: municipalities.jsonl, summary.csv and the
    report from the records (`make_record`) and the excerpts in `out/excerpts/`.

    The files can be assessed anywhere (`assess_job` is a pure function of one file): a process
    pool here, or a Dask or Ray cluster (see the README); this step needs only the records.
    """
    records = sorted(records, key=lambda r: r["path"])
    groups = group_documents(records, lang)
    write_municipalities(out / MUNICIPALITIES, groups)
    write_summary_csv(out / SUMMARY, groups, lang)
    from .report import write_report

    report_dir = out / REPORT
    if report_dir.exists():
        shutil.rmtree(report_dir)
    excerpts = {r["path"]: read_excerpts(out / EXCERPTS, r["sha256"], r["path"]) for r in records}
    write_report(report_dir, groups, records, excerpts, lang)
    return groups


@dataclass
class BatchResult:
    files: int
    assessed_now: int
    skipped: int
    groups: list[Group]
    records: list[dict[str, Any]]
    seconds: float
    out: Path


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
    bar = Progress(len(todo), progress, lang) if progress else None
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
        for job, result in runner:
            if result["excerpts"]:
                write_excerpts(excerpts_dir, job.sha256, result["excerpts"])
            for each in [job, *duplicates.get(job.sha256, [])]:
                record = make_record(each, result)
                record["file"] = each.rel
                writer.write(record)
                records.append(record)
                if bar:
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


def summary_text(result: BatchResult, jobs: int, lang: Lang = "da") -> str:
    """The closing summary: municipalities per outcome, failed files by reason, total time."""
    outcomes = Counter(g.combined.outcome.id for g in result.groups if g.combined)
    order = [
        "no_further_action",
        "deadline_reminder",
        "request_action_plan_decision",
        "manual_review",
        "undetermined",
    ]
    parts = [
        batch_ui("summary_outcome", lang, count=outcomes[o], label=outcome_label(o, lang).lower())
        for o in order
        if outcomes[o]
    ]
    letters = sum(outcomes[o] for o in LETTER_OUTCOMES)
    lines = [batch_ui("summary_title", lang)]
    lines.append(batch_ui("summary_groups", lang, count=len(result.groups), parts=", ".join(parts)))
    if letters:
        lines.append(batch_ui("summary_letters", lang, count=letters))
    failed = [r for r in result.records if r.get("status") == "error"]
    lines.append(batch_ui("summary_files", lang, count=len(result.records), failed=len(failed)))
    by_code: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in failed:
        error = record.get("error") or {}
        by_code[error.get("code", "unreadable")].append(record)
    for code, records in sorted(by_code.items()):
        message = (records[0].get("error") or {}).get("message", "")
        names = ", ".join(r["path"] for r in records[:3]) + (" …" if len(records) > 3 else "")
        lines.append(
            batch_ui(
                "summary_error", lang, count=len(records), code=code, message=message, files=names
            )
        )
    key = "summary_time_one" if jobs == 1 else "summary_time"
    lines.append(batch_ui(key, lang, time=format_duration(result.seconds, lang), jobs=jobs))
    lines.append(batch_ui("summary_outputs", lang, out=result.out))
    lines.append(batch_ui("summary_report", lang, path=result.out / REPORT / "index.html"))
    return "\n".join(lines)


SMALL_BATCH = 50  # below this many files, starting worker processes costs more than it saves


def default_jobs(files: int) -> int:
    """Worker processes when --jobs is not given: one (in-process) for a small batch, else the
    number of CPUs, at most 4."""
    if files < SMALL_BATCH:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


if __name__ == "__main__":  # pragma: no cover - the CLI is the entry point
    sys.exit("use: minutes-checker batch DIR --out OUTDIR")
