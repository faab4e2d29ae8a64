"""Hostile files in a batch (issue 14): the cyclic /Contents PDF alone (a one-file batch once
ran in one process and hung in its clean-up), the same with --resume, --annotate on a cyclic
/Length (pypdf and pdfplumber loop on it), and one batch over every hostile file together with
ordinary minutes and the bad files of `badfiles.py`: it ends with every ordinary result and a
summary, each file within its limit, under 1 GB.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from badfiles import BAD_INPUTS
from badfiles import write_all as write_bad_files
from hostile_measure import Measured, run_measured
from hostile_session import ROWS, build_all
from minutes_fixtures import Minutes, render
from test_hostile_check import CASES, CLEAN_OUTCOME, GRACE, MAX_MB

TIMEOUT = 3  # seconds: --timeout of the one-file batches
WARM_UP = 10  # seconds a batch may spend before and after its files (loading the pipeline,
# writing the report), on top of the files' limits


@pytest.fixture(scope="session")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory)


def records(out: Path) -> dict[str, dict[str, object]]:
    """The latest record of every file in `out/results.jsonl`, by path."""
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["path"]: record for record in map(json.loads, lines)}


def batch(folder: Path, out: Path, *options: str, timeout: int = TIMEOUT) -> Measured:
    return run_measured(
        ["batch", str(folder), "--out", str(out), "--timeout", str(timeout), *options],
        deadline=300,
    )


def bounded(measured: Measured, files_time: float) -> None:
    assert not measured.killed, measured.stderr[-2000:]
    assert "Traceback" not in measured.stderr, measured.stderr[-2000:]
    assert measured.returncode == 0, measured.stderr[-2000:]
    assert measured.seconds < files_time + WARM_UP, measured.seconds
    assert measured.peak_mb < MAX_MB, measured.peak_mb
    assert measured.tree_mb < MAX_MB, measured.tree_mb


def summary(record: dict[str, object]) -> str:
    error = record.get("error")
    if isinstance(error, dict):
        return f"fejl `{error['code']}`: {error['message']}"
    outcome = record["outcome"]
    warnings = record.get("warnings") or []
    said = f"; advarsel: {warnings[-1]}" if isinstance(warnings, list) and warnings else ""
    return f"vurderet: `{outcome['id']}`{said}"  # type: ignore[index]


def one_file_folder(root: Path, source: Path) -> Path:
    folder = root / "ind"
    (folder / "Herning").mkdir(parents=True)
    shutil.copy(source, folder / "Herning" / source.name)
    return folder


def test_a_one_file_batch_of_the_cyclic_contents_pdf_then_resume(
    tmp_path: Path, hostile_files: dict[str, Path]
) -> None:
    folder = one_file_folder(tmp_path, hostile_files["pdf_cyclic_contents"])
    out = tmp_path / "ud"
    first = batch(folder, out, "--annotate")
    (record,) = records(out).values()
    ROWS.append(first.row("batch (1 fil, --annotate) ring-contents.pdf", summary(record)))
    bounded(first, TIMEOUT + GRACE)
    assert record["status"] == "ok" and record["outcome"]["id"] == CLEAN_OUTCOME  # type: ignore[index]
    assert float(record["elapsed_seconds"]) < TIMEOUT + GRACE  # type: ignore[arg-type]
    assert "Resultat" in first.stdout

    again = batch(folder, out, "--annotate", "--resume")
    ROWS.append(again.row("batch --resume ring-contents.pdf", "sprunget over (allerede vurderet)"))
    bounded(again, TIMEOUT + GRACE)
    assert len(records(out)) == 1
    assert not list((out / "annotated").rglob("*.tmp"))


def test_annotating_a_pdf_with_a_cyclic_length_keeps_the_assessment(
    tmp_path: Path, hostile_files: dict[str, Path]
) -> None:
    folder = one_file_folder(tmp_path, hostile_files["pdf_cyclic_length"])
    out = tmp_path / "ud"
    measured = batch(folder, out, "--annotate")
    (record,) = records(out).values()
    ROWS.append(measured.row("batch --annotate ring-length.pdf", summary(record)))
    bounded(measured, TIMEOUT + GRACE)
    assert record["status"] == "ok" and record["outcome"]["id"] == CLEAN_OUTCOME  # type: ignore[index]
    # the copy could not be made in the time left, or it was: either way nothing half-written
    copies = [p for p in (out / "annotated").rglob("*") if p.is_file()]
    if record["annotated"] is None:
        assert any("den kommenterede kopi kunne ikke laves" in w for w in record["warnings"])  # type: ignore[union-attr]
        assert not copies
    else:
        assert [p.name for p in copies] == ["ring-length.pdf"]


BATCH_TIMEOUT = 5


def test_a_batch_over_every_hostile_file_and_ordinary_minutes(
    tmp_path: Path, hostile_files: dict[str, Path]
) -> None:
    folder = tmp_path / "ind"
    ordinary = []
    for name in ("Herning", "Skive", "Viborg"):
        (folder / name).mkdir(parents=True)
        for fmt in ("html", "docx", "pdf"):
            (folder / name / f"referat.{fmt}").write_bytes(render(Minutes(f"{name} Kommune"), fmt))
            ordinary.append(f"{name}/referat.{fmt}")
    bad = write_bad_files(folder / "Odense")
    hostile = folder / "Fjendtlige"
    hostile.mkdir()
    for name, path in hostile_files.items():
        if name == "named_pipe":
            os.mkfifo(hostile / path.name)
        elif name == "dev_zero":
            (hostile / "nul.pdf").symlink_to("/dev/zero")
        else:
            shutil.copy(path, hostile / path.name)
    out = tmp_path / "ud"

    measured = batch(folder, out, "--jobs", "2", timeout=BATCH_TIMEOUT)
    found = records(out)
    ROWS.append(
        measured.row(
            f"batch --jobs 2 over {len(found)} filer (fjendtlige, almindelige, badfiles)",
            "alle almindelige vurderet, opsummering skrevet",
        )
    )
    # every file within its own limit; the whole run within the limits of its files two at a
    # time, the pipeline's loading and the report
    assert all(float(r["elapsed_seconds"]) < BATCH_TIMEOUT + GRACE for r in found.values())  # type: ignore[arg-type]
    bounded(measured, len(found) * 2 + BATCH_TIMEOUT)

    for path in ordinary:
        assert found[path]["status"] == "ok", found[path]
        assert found[path]["outcome"]["id"] == CLEAN_OUTCOME, path  # type: ignore[index]
    for name, path in bad.items():
        if f"Odense/{path.name}" in found:  # .doc and .rtf are not looked for
            assert found[f"Odense/{path.name}"]["error"]["code"] == BAD_INPUTS[name].error.code  # type: ignore[index]
    by_name = {Path(p).name: r for p, r in found.items() if p.startswith("Fjendtlige/")}
    for name, path in hostile_files.items():
        record = by_name["nul.pdf" if name == "dev_zero" else path.name]
        if name == "html_huge_text_node":  # the time limit, or read right; never "no text"
            error = record["error"]
            assert record["status"] == "ok" or error["code"] == "timeout", record  # type: ignore[index]
            continue
        expected = CASES[name]
        assert record["status"] == expected.status, (name, record["error"])
        if expected.status == "error":
            assert record["error"]["code"] == expected.code, (name, record["error"])  # type: ignore[index]
    assert "Resultat" in measured.stdout and "kunne ikke læses" in measured.stdout
    assert (out / "summary.csv").is_file() and (out / "report" / "index.html").is_file()
