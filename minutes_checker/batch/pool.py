"""Running the worker over the files, each file in a process of its own.

On Linux every file is assessed in a child forked from this process after it has loaded the
language pipeline and compiled the rules (`sandbox`: start-up is paid once per batch, the child
shares it copy-on-write), with a memory cap, a CPU cap and the time limit; at most `processes`
children run at once. A child over the time limit is killed and its file reported; this
process never calls into the readers for a file again after its time ran out.

Elsewhere (no fork) a pool of spawned worker processes is fed one file at a time over a pipe,
and a worker over the time limit is killed and replaced.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from .. import sandbox
from ..errors import InputError, InternalError, TimedOut
from ..messages import batch_ui
from .discover import Job
from .worker import Worker, error_job, warm_up

READY = "ready"
MAX_STARTS = 5  # a worker that dies this many times before it is ready stops the batch


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
class _Slot:
    process: Any
    conn: Connection
    ready: bool = False
    job: Job | None = None
    started: float = 0.0


def _timeout_error(seconds: float) -> TimedOut:
    return TimedOut(f"over {seconds:g} s")


class WorkerStartError(RuntimeError):
    """The worker processes cannot be started (they die before they are ready)."""


def run_jobs(
    jobs: list[Job],
    worker: Worker,
    lang: str,
    annotate_dir: str | None,
    timeout: float,
    processes: int,
) -> Iterator[tuple[Job, dict[str, Any]]]:
    """Every job's result, as each finishes (forked children where possible, else spawned
    workers)."""
    if not jobs:
        return iter(())
    if sandbox.available():
        return run_forked(jobs, worker, lang, annotate_dir, timeout, processes)
    return run_in_pool(jobs, worker, lang, annotate_dir, timeout, processes)


def run_forked(
    jobs: list[Job],
    worker: Worker,
    lang: str,
    annotate_dir: str | None,
    timeout: float,
    processes: int,
) -> Iterator[tuple[Job, dict[str, Any]]]:
    """The jobs in children forked from this (warmed-up) process, `processes` at a time."""
    warm_up()
    limits = sandbox.Limits(seconds=timeout)
    queue = list(reversed(jobs))
    running: list[tuple[Job, sandbox.Child]] = []
    try:
        while queue or running:
            while queue and len(running) < max(1, processes):
                job = queue.pop()
                args = (str(job.path), job.rel, lang, annotate_dir)
                running.append((job, sandbox.start(worker, *args, limits=limits)))
            now = time.monotonic()
            for entry in [e for e in running if e[1].deadline <= now]:
                job, child = entry
                child.kill()
                running.remove(entry)
                elapsed = now - child.started
                yield job, error_job(job.rel, _timeout_error(timeout), lang, elapsed)
            if not running:
                continue
            soonest = min(child.deadline for _, child in running)
            finished = sandbox.wait([c for _, c in running], min(soonest - now, 1.0))
            for entry in [e for e in running if e[1] in finished]:
                job, child = entry
                running.remove(entry)
                elapsed = time.monotonic() - child.started
                try:
                    result = child.outcome()
                except InputError as error:
                    result = error_job(job.rel, error, lang, elapsed)
                result["elapsed"] = elapsed
                yield job, result
    finally:
        for _, child in running:  # an interrupted batch leaves no child behind
            child.kill()


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
