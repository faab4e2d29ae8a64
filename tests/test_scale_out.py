"""The README's scale-out recipe: the worker function mapped over any executor (here a process
pool standing in for a Dask or Ray cluster), then the combine step, gives the batch's outputs."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

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
