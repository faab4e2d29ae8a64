"""The README's scale-out recipe: the worker function mapped over any executor (here a process
pool standing in for a Dask or Ray cluster), then the combine step, gives the batch's outputs."""

from __future__ import annotations

import json
import socket
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from minutes_fixtures import Minutes, corrupt_pdf, render

from minutes_checker.batch import (
    Job,
    assess_job,
    combine_outputs,
    discover,
    file_sha256,
    make_record,
    run_batch,
    write_excerpts,
)
from minutes_checker.batch import cluster as cluster_module
from minutes_checker.cli import main


def test_the_worker_mapped_over_an_executor_then_combined_gives_the_batch(tmp_path: Path) -> None:
    root = tmp_path / "referater"
    for name, fmt in (("Herning", "html"), ("Skive", "docx"), ("Viborg", "pdf")):
        folder = root / name
        folder.mkdir(parents=True)
        (folder / f"referat.{fmt}").write_bytes(render(Minutes(f"{name} Kommune"), fmt))
    (root / "odense-referat.pdf").write_bytes(corrupt_pdf())

    # the recipe: jobs, the pure worker mapped over an executor, records and excerpts, combine
    out = tmp_path / "klynge"
    out.mkdir()
    jobs = [Job(p, p.relative_to(root).as_posix(), file_sha256(p)) for p in discover(root)]
    with ProcessPoolExecutor(2) as cluster:
        results = list(
            cluster.map(
                assess_job,
                [str(j.path) for j in jobs],
                [j.rel for j in jobs],
                ["da"] * len(jobs),
                [None] * len(jobs),
            )
        )
    records = []
    for job, result in zip(jobs, results, strict=True):
        write_excerpts(out / "excerpts", job.sha256, result["excerpts"])
        records.append(make_record(job, result))
    combine_outputs(out, records)

    batch = tmp_path / "batch"
    run_batch(root, batch, jobs=1)

    def lines(path: Path) -> list[dict[str, object]]:
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()]

    assert lines(out / "municipalities.jsonl") == lines(
        batch / "municipalities.jsonl"
    )
    assert (out / "summary.csv").read_bytes() == (batch / "summary.csv").read_bytes()
    assert sorted(p.name for p in (out / "report").iterdir()) == sorted(
        p.name for p in (batch / "report").iterdir()
    )


# --------------------------------------------------------------------------- a real Dask cluster


def _folder(root: Path) -> None:
    for name, fmt in (("Herning", "html"), ("Skive", "docx"), ("Viborg", "pdf")):
        folder = root / name
        folder.mkdir(parents=True)
        (folder / f"referat.{fmt}").write_bytes(render(Minutes(f"{name} Kommune"), fmt))
    (root / "Holstebro").mkdir()
    (root / "Holstebro" / "byraad.pdf").write_bytes(
        render(Minutes("Holstebro Kommune", maps=("social", "children"), plan=False), "pdf")
    )
    (root / "odense-referat.pdf").write_bytes(corrupt_pdf())


def test_the_batch_on_a_dask_cluster_gives_the_local_batch(tmp_path: Path) -> None:
    """`batch --cluster`: one task per file on a dask.distributed LocalCluster (one worker
    process, two threads; each file in a sandboxed child there), combined as the local pool
    does: municipalities.jsonl and summary.csv byte for byte the same."""
    distributed = pytest.importorskip(
        "distributed", reason="dask.distributed is not installed: pip install -e '.[dev]'"
    )
    root = tmp_path / "referater"
    _folder(root)
    local = tmp_path / "lokal"
    run_batch(root, local, jobs=2)

    on_cluster = tmp_path / "klynge"
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None,
        worker_dashboard_address=None,
    ) as cluster:  # fmt: skip
        address = cluster.scheduler_address
        command = ["batch", str(root), "--out", str(on_cluster), "--cluster", address]
        result = CliRunner().invoke(main, [*command, "--timeout", "20"])
    assert result.exit_code == 0, result.output
    assert f"(klyngen {address})" in result.output  # not "(2 processer)"
    for name in ("municipalities.jsonl", "summary.csv"):
        assert (on_cluster / name).read_bytes() == (local / name).read_bytes(), name
    assert sorted(p.name for p in (on_cluster / "report").iterdir()) == sorted(
        p.name for p in (local / "report").iterdir()
    )
    ours = [json.loads(line) for line in (on_cluster / "results.jsonl").read_text().splitlines()]
    theirs = [json.loads(line) for line in (local / "results.jsonl").read_text().splitlines()]
    assert len(ours) == len(theirs) == 5

    def comparable(record: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in record.items() if k not in ("run", "elapsed_seconds")}

    assert sorted(map(json.dumps, map(comparable, ours))) == sorted(
        map(json.dumps, map(comparable, theirs))
    )


def test_an_unreachable_scheduler_is_a_plain_danish_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip(
        "distributed", reason="dask.distributed is not installed: pip install -e '.[dev]'"
    )
    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT", 1.0)
    root = tmp_path / "referater"
    root.mkdir()
    (root / "referat.html").write_bytes(render(Minutes(), "html"))
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    out = tmp_path / "ud"
    result = CliRunner().invoke(
        main, ["batch", str(root), "--out", str(out), "--cluster", f"tcp://127.0.0.1:{port}"]
    )
    assert result.exit_code == 2
    assert "Dask-klyngens scheduler kan ikke nås" in result.output
    assert f"tcp://127.0.0.1:{port}" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()  # nothing written before the cluster was reached


def _slow_worker(path: str, rel: str, lang: str, annotate_dir: str | None) -> dict[str, object]:
    time.sleep(30)
    return {}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the sandbox forks (Linux)")
def test_a_dask_task_keeps_the_time_limit(tmp_path: Path) -> None:
    """On a Dask worker each file runs in a sandboxed child: over the time limit it is killed
    and reported as the local pool reports it."""
    path = tmp_path / "referat.html"
    path.write_bytes(render(Minutes(), "html"))
    started = time.monotonic()
    result = cluster_module.cluster_job(_slow_worker, str(path), "referat.html", "da", None, 1.0)
    assert time.monotonic() - started < 10
    assert result["assessment"]["status"] == "error"
    assert result["assessment"]["error"]["code"] == "timeout"
    assert result["assessment"]["file"] == "referat.html"
