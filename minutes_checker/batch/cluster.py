"""The batch on a Dask cluster: `minutes-checker batch DIR --out OUT --cluster tcp://HOST:8786`.

One task per file goes to the Dask scheduler (`cluster_job`: the batch worker of the local pool,
`worker.assess_job`); the results come back as each finishes and are written and combined by
`run_batch` exactly as the local pool's are, so the outputs are the same.

On a Dask worker under Linux each file is assessed in a child forked from the worker process
(`sandbox`): the same time limit, memory cap and CPU cap as on one machine, so a hostile file
ends in a per-file error there too, never in a hung or swapping Dask worker. Elsewhere the
worker function runs in the Dask worker's own thread.

What the Dask workers need: this package installed (the same version, with its rule files),
and read access to the files at the same absolute paths as the machine that starts the batch
(and write access to OUT/annotated with `--annotate`). Needs the extra `minutes-checker[cluster]`
(dask.distributed) where the batch is started and on every worker.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import InputError, InternalError
from .discover import Job
from .worker import Worker, error_job

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler before the batch gives up

Runner = Callable[[list[Job], Worker, str, "str | None", float, int], Iterator[tuple[Job, Any]]]


class ClusterMissing(InputError):
    """dask.distributed is not installed where the batch is started."""

    code = "cluster_missing"
    message_da = (
        "--cluster kræver dask.distributed; installér det med "
        "pip install 'minutes-checker[cluster]'"
    )
    message_en = (
        "--cluster needs dask.distributed; install it with pip install 'minutes-checker[cluster]'"
    )


class ClusterUnreachable(InputError):
    """The Dask scheduler cannot be reached."""

    code = "cluster_unreachable"
    message_da = "Dask-klyngens scheduler kan ikke nås"
    message_en = "the Dask cluster's scheduler cannot be reached"


_WARMING = threading.Lock()


def _forks() -> bool:
    """Whether this (Dask worker) process can assess a file in a forked child. Unlike
    `sandbox.available()`, other threads may run: a Dask worker always has some, and the child
    only runs the worker function and leaves with os._exit."""
    return (
        hasattr(os, "fork")
        and sys.platform.startswith("linux")
        and not os.environ.get("MINUTES_CHECKER_DEBUG")
    )


def cluster_job(
    worker: Worker, path: str, rel: str, lang: str, annotate_dir: str | None, timeout: float
) -> dict[str, Any]:
    """On a Dask worker: `worker` on one file under the local pool's limits (see the module)."""
    if not _forks():
        return worker(path, rel, lang, annotate_dir)
    from .. import sandbox
    from .worker import warm_up

    with _WARMING:  # once per Dask worker process: its forked children share the pipeline;
        warm_up()  # no thread forks while another is still loading it (a lock held mid-load)
    started = time.monotonic()
    try:
        child = sandbox.start(worker, path, rel, lang, annotate_dir,
                              limits=sandbox.Limits(seconds=timeout))  # fmt: skip
    except OSError:  # no fork possible now: work in this thread
        return worker(path, rel, lang, annotate_dir)
    try:
        result: dict[str, Any] = sandbox.result(child)
    except InputError as error:  # timed out, out of memory, died: as in the local pool
        return error_job(rel, error, lang, time.monotonic() - started)
    result["elapsed"] = time.monotonic() - started
    return result


def cluster_runner(address: str, lang: str = "da") -> Runner:
    """Connect to the Dask scheduler at `address` now (before anything is written: a scheduler
    that cannot be reached is an error of its own), and return a runner with the signature of
    `pool.run_jobs` that sends one task per file to it. The connection is closed when the
    runner's results are exhausted (or it is closed)."""
    try:
        from distributed import Client
        from distributed.comm import parse_address
        from distributed.comm.registry import get_backend
    except ImportError:
        raise ClusterMissing() from None
    try:  # before a Client is made: a half-made one hangs at exit
        scheme, location = parse_address(address)
        get_backend(scheme)
    except (ValueError, TypeError):
        scheme, location = "", ""
    if not location:
        raise ClusterUnreachable(f"{address}: adressen kan ikke læses")
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except ValueError:
        raise ClusterUnreachable(f"{address}: adressen kan ikke læses") from None
    except (OSError, TimeoutError):
        seconds = f"{CONNECT_TIMEOUT:g}"
        raise ClusterUnreachable(f"{address}: intet svar inden for {seconds} s") from None

    def run(
        jobs: list[Job],
        worker: Worker,
        lang: str,
        annotate_dir: str | None,
        timeout: float,
        processes: int,
    ) -> Iterator[tuple[Job, Any]]:
        return _results(client, jobs, worker, lang, annotate_dir, timeout)

    return run


def _results(
    client: Any,
    jobs: list[Job],
    worker: Worker,
    lang: str,
    annotate_dir: str | None,
    timeout: float,
) -> Iterator[tuple[Job, Any]]:
    """Every job's result from the cluster, as each finishes."""
    from distributed import as_completed

    from ..messages import batch_ui

    annotate = os.path.abspath(annotate_dir) if annotate_dir else None
    run = uuid.uuid4().hex[:12]  # task keys of this batch (another may run on the same cluster)
    futures = {}
    try:
        for index, job in enumerate(jobs):  # the workers read the files at the same paths
            future = client.submit(
                cluster_job, worker, os.path.abspath(job.path), job.rel, lang, annotate, timeout,
                key=f"minutes-checker-{run}-{index}", pure=False,
            )  # fmt: skip
            futures[future] = job
        for future in as_completed(list(futures), loop=client.loop):
            job = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # the Dask worker died (KilledWorker) or the task failed
                reason = f"{batch_ui('worker_died', lang)}: {type(exc).__name__}"  # type: ignore[arg-type]
                result = error_job(job.rel, InternalError(reason), lang, 0.0)
            future.release()
            yield job, result
    finally:
        for future in futures:
            future.cancel()
        client.close()
