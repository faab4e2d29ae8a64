"""`minutes-checker batch`: a folder of minutes, some unreadable, through to the outputs users
open (results.jsonl, municipalities.jsonl, summary.csv, the report)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from minutes_fixtures import Minutes, corrupt_pdf, encrypted_pdf, render, scanned_pdf

from minutes_checker.batch import assess_job, run_batch
from minutes_checker.batch.summary import MUNICIPALITIES as MUNICIPALITIES_FILE
from minutes_checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "minutes_checker"]

SEPT = dt.date(2023, 9, 27)
NOV = dt.date(2023, 11, 29)


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def build_folder(root: Path) -> dict[str, Path]:
    """Both layouts: a folder per municipality, and files named after the municipality."""
    files = {
        # header names the municipality
        "herning": write(root / "Herning" / "referat-byraad.html", render(Minutes(), "html")),
        # two meetings of the same map year: two maps in September, the third in November
        "holstebro_1": write(
            root / "Holstebro" / "byraad-september.pdf",
            render(
                Minutes("Holstebro Kommune", maps=("social", "children"), national=False), "pdf"
            ),
        ),
        "holstebro_2": write(
            root / "Holstebro" / "byraad-november.docx",
            render(Minutes("Holstebro Kommune", date=NOV, maps=("adults",), plan=False), "docx"),
        ),
        # a committee's minutes only
        "randers": write(
            root / "Randers" / "udvalg.pdf",
            render(Minutes("Randers Kommune", committee="Social- og Sundhedsudvalget"), "pdf"),
        ),
        # no municipality in the header: the folder decides ...
        "viborg": write(
            root / "Viborg" / "referat.html", render(Minutes("Kommunen", body="Byrådet"), "html")
        ),
        # ... or the file name
        "skive": write(
            root / "diverse" / "skive-byraad-2023.docx", render(Minutes("Kommunen"), "docx")
        ),
        # unreadable files, named after the municipality or in its folder
        "corrupt": write(root / "diverse" / "odense-2023-referat.pdf", corrupt_pdf()),
        "encrypted": write(root / "Gentofte" / "referat-2022.pdf", encrypted_pdf()),
        "scanned": write(root / "diverse" / "lemvig-2023.pdf", scanned_pdf()),
    }
    return files


def records(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text("utf-8").splitlines()]


def municipalities(out: Path) -> list[dict[str, Any]]:
    lines = (out / "municipalities.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Path], Any]:
    root = tmp_path_factory.mktemp("minutes")
    out = tmp_path_factory.mktemp("out") / "resultat"
    files = build_folder(root)
    result = CliRunner().invoke(
        main, ["batch", str(root), "--out", str(out), "--jobs", "2", "--annotate"]
    )
    return root, out, files, result


def test_batch_finishes_and_exits_0(batch_run: Any) -> None:
    _, out, _files, result = batch_run
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    for name in ("results.jsonl", "municipalities.jsonl", "summary.csv", "report/index.html"):
        assert (out / name).exists(), name


def test_every_document_has_a_record_with_hash_and_time(batch_run: Any) -> None:
    root, out, files, _ = batch_run
    by_path = {r["path"]: r for r in records(out)}
    assert len(by_path) == len(files) == len(records(out))
    for path in files.values():
        record = by_path[path.relative_to(root).as_posix()]
        assert record["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert record["elapsed_seconds"] >= 0
        assert record["file"] == record["path"]
        assert record["schema_version"] == "1.0"
        assert set(record["checks"]) >= {"full_council", "deadline", "all_three_maps"}


def test_unreadable_files_are_reported_with_their_reasons(batch_run: Any) -> None:
    root, out, files, result = batch_run
    by_path = {r["path"]: r for r in records(out)}
    expected = {"corrupt": "corrupt", "encrypted": "encrypted", "scanned": "scanned"}
    for name, code in expected.items():
        record = by_path[files[name].relative_to(root).as_posix()]
        assert record["status"] == "error"
        assert record["error"]["code"] == code
        assert record["error"]["message"]
        assert {c["status"] for c in record["checks"].values()} == {"undetermined"}
    # the closing summary names the three reasons and the files
    assert "3 kunne ikke læses" in result.output
    assert "corrupt: filen er beskadiget" in result.output
    assert "encrypted: PDF'en er krypteret" in result.output
    assert "scanned: ingen tekst i PDF'en" in result.output
    assert "diverse/lemvig-2023.pdf" in result.output
    assert "Samlet tid:" in result.output


def test_municipalities_resolve_from_header_file_name_and_folder(batch_run: Any) -> None:
    root, out, files, _ = batch_run
    by_path = {r["path"]: r for r in records(out)}

    def resolved(name: str) -> tuple[str, str]:
        record = by_path[files[name].relative_to(root).as_posix()]
        return record["municipality_resolved"], record["municipality_source"]

    assert resolved("herning") == ("Herning Kommune", "document")
    # the reader itself falls back to file and folder names for the meeting's municipality
    assert resolved("viborg")[0] == "Viborg Kommune"
    assert resolved("skive")[0] == "Skive Kommune"
    # unreadable documents have no header: the batch resolves them from their names
    assert resolved("corrupt") == ("Odense Kommune", "file_name")
    assert resolved("encrypted") == ("Gentofte Kommune", "folder")
    assert resolved("scanned") == ("Lemvig Kommune", "file_name")


def test_municipality_records_combine_documents(batch_run: Any) -> None:
    _, out, _, result = batch_run
    groups = {(m["municipality"], m["map_year"]): m for m in municipalities(out)}
    assert groups[("Herning Kommune", 2023)]["outcome"]["id"] == "no_further_action"
    holstebro = groups[("Holstebro Kommune", 2023)]
    assert holstebro["documents"] == [
        "Holstebro/byraad-november.docx",
        "Holstebro/byraad-september.pdf",
    ]
    # maps and comparison in November, the plan decision in September: together all is met
    assert holstebro["checks"]["all_three_maps"]["status"] == "met"
    assert holstebro["checks"]["action_plan_decision"]["status"] == "met"
    assert holstebro["outcome"]["id"] == "no_further_action"
    assert {e["file"] for e in holstebro["checks"]["all_three_maps"]["evidence"]} == {
        "Holstebro/byraad-november.docx",
        "Holstebro/byraad-september.pdf",
    }
    assert groups[("Randers Kommune", 2023)]["outcome"]["id"] == "deadline_reminder"
    assert groups[("Viborg Kommune", 2023)]["municipality_code"] == 791
    assert groups[("Gentofte Kommune", None)]["outcome"]["id"] == "undetermined"
    # the closing summary counts municipalities per outcome, like Ankestyrelsen's overview
    assert "4 ingen yderligere bemærkninger" in result.output
    assert "1 indskærpelse af fristen" in result.output
    assert "3 kunne ikke vurderes" in result.output


def test_summary_csv_opens_in_danish_excel(batch_run: Any) -> None:
    _, out, _, _ = batch_run
    raw = (out / "summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Kommunekode", "Kommune", "Danmarkskort"]
    assert "Behandlet inden årets udgang" in header
    assert header[-3:] == ["Forventet udfald", "Dokumenter", "Rapport"]
    assert all(len(row) == len(header) for row in body)
    herning = next(row for row in body if row[1] == "Herning Kommune")
    assert herning[0] == "657" and herning[2] == "2023"
    assert herning[3:10] == ["opfyldt"] * 7
    assert herning[-3] == "Ingen yderligere bemærkninger"
    holstebro = next(row for row in body if row[1] == "Holstebro Kommune")
    assert holstebro[-2] == "2"
    for row in body:
        assert (out / row[-1]).exists(), row[-1]


def test_report_pages_and_excerpts_are_written(batch_run: Any) -> None:
    _, out, _, _ = batch_run
    index = (out / "report" / "index.html").read_text("utf-8")
    assert "Herning Kommune" in index and "Holstebro Kommune" in index
    page = (out / "report" / "657-herning-kommune-2023.html").read_text("utf-8")
    assert 'class="hl c-all_three_maps' in page
    assert len(list((out / "excerpts").glob("*.json"))) == 6  # the readable documents


def test_annotated_copies_leave_the_originals_alone(batch_run: Any) -> None:
    root, out, files, _ = batch_run
    by_path = {r["path"]: r for r in records(out)}
    pdf = by_path["Holstebro/byraad-september.pdf"]
    assert pdf["annotated"] == "annotated/Holstebro/byraad-september.pdf"
    assert (out / pdf["annotated"]).exists()
    assert (out / "annotated" / "Holstebro" / "byraad-november.docx").exists()
    # HTML is not annotated; the originals are what they were
    assert by_path["Herning/referat-byraad.html"]["annotated"] is None
    for path in files.values():
        record = by_path[path.relative_to(root).as_posix()]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == record["sha256"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["batch", str(tmp_path / "findes-ikke"), "--out", str(tmp_path)])
    assert missing.exit_code == 2
    no_out = runner.invoke(main, ["batch", str(tmp_path)])
    assert no_out.exit_code == 2
    (tmp_path / "tom").mkdir()
    empty = runner.invoke(main, ["batch", str(tmp_path / "tom"), "--out", str(tmp_path / "o")])
    assert empty.exit_code == 2
    assert "ingen PDF-, DOCX- eller HTML-filer" in empty.output
    bad_jobs = runner.invoke(main, ["batch", str(tmp_path), "--out", str(tmp_path), "-j", "0"])
    assert bad_jobs.exit_code == 2
    for result in (missing, no_out, empty, bad_jobs):
        assert "Traceback" not in result.output


# --------------------------------------------------------------------------- time limit


def slow_worker(path: str, rel: str, lang: str, annotate_dir: str | None) -> dict[str, Any]:
    """A worker that hangs on files named "haenger" (spawned workers import it from here)."""
    if "haenger" in rel:
        time.sleep(120)
    return assess_job(path, rel, lang, annotate_dir)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_over_the_time_limit_is_reported_and_does_not_stall(
    tmp_path: Path, jobs: int
) -> None:
    root = tmp_path / "in"
    write(root / "aalborg-haenger.html", render(Minutes("Aalborg Kommune"), "html"))
    write(root / "herning.html", render(Minutes(), "html"))
    write(root / "skive.html", render(Minutes("Skive Kommune"), "html"))
    started = time.monotonic()
    result = run_batch(root, tmp_path / "out", jobs=jobs, timeout=4, worker=slow_worker)
    assert time.monotonic() - started < 60
    by_path = {r["path"]: r for r in result.records}
    stuck = by_path["aalborg-haenger.html"]
    assert stuck["status"] == "error"
    assert stuck["error"]["code"] == "timeout"
    assert stuck["error"]["message"].startswith("læsningen tog for lang tid og blev afbrudt")
    assert stuck["municipality_resolved"] == "Aalborg Kommune"
    assert by_path["herning.html"]["status"] == "ok"
    assert by_path["skive.html"]["status"] == "ok"


# --------------------------------------------------------------------------- resume


def _many(root: Path, count: int) -> None:
    names = [
        "Aabenraa", "Aalborg", "Aarhus", "Assens", "Billund", "Brønderslev", "Egedal",
        "Esbjerg", "Favrskov", "Frederikshavn", "Gladsaxe", "Haderslev", "Herning", "Hjørring",
        "Holbæk", "Horsens", "Ikast-Brande", "Kalundborg", "Kolding", "Lejre",
    ][:count]  # fmt: skip
    for index, name in enumerate(names):
        minutes = Minutes(f"{name} Kommune", national=index % 3 != 0, plan=index % 4 != 1)
        fmt = ("pdf", "docx", "html")[index % 3]
        write(root / name / f"referat.{fmt}", render(minutes, fmt))
    write(root / "odense-referat.pdf", corrupt_pdf())


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=600, check=False
    )


def test_resume_after_a_kill_gives_the_same_outputs(tmp_path: Path) -> None:
    root = tmp_path / "in"
    _many(root, 16)
    total = 17
    whole, cut = tmp_path / "whole", tmp_path / "cut"
    uninterrupted = _cli("batch", str(root), "--out", str(whole), "--jobs", "1")
    assert uninterrupted.returncode == 0, uninterrupted.stderr

    process = subprocess.Popen(
        [*CLI, "batch", str(root), "--out", str(cut), "--jobs", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    results = cut / "results.jsonl"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if results.exists() and results.read_bytes().count(b"\n") >= 2:
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done_before = results.read_bytes().count(b"\n")
    assert 1 <= done_before < total, "the batch must be killed halfway"
    assert not (cut / "municipalities.jsonl").exists()
    before = results.read_bytes()

    resumed = _cli("batch", str(root), "--out", str(cut), "--jobs", "2", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{done_before} filer er allerede vurderet" in resumed.stderr
    after = results.read_bytes()
    assert after.startswith(before)  # nothing already there is rewritten
    lines = [json.loads(line) for line in after.decode("utf-8").splitlines()]
    assert len(lines) == total
    assert len({r["path"] for r in lines}) == total
    for name in ("municipalities.jsonl", "summary.csv"):
        assert (cut / name).read_bytes() == (whole / name).read_bytes(), name

    # a second --resume has nothing left to do and changes nothing
    again = _cli("batch", str(root), "--out", str(cut), "--resume")
    assert again.returncode == 0
    assert f"{total} filer er allerede vurderet" in again.stderr
    assert results.read_bytes() == after


# --------------------------------------------------------------------------- the corpus


CORPUS = ROOT / "corpus"


# every CORPUS_SAMPLE-th rendered file (in name order) goes into the batch over the corpus: the
# batch's own behaviour is the same for 200 files as for 1,800, and the verdicts of every file are
# held by the golden snapshot (tests/test_golden.py)
CORPUS_SAMPLE = 8


@pytest.mark.skipif(
    not (CORPUS / "bad" / "expected.json").exists() or not (CORPUS / "rendered").exists(),
    reason="the corpus is not rendered (python corpus/render.py)",
)
def test_batch_over_the_corpus_reports_the_bad_files(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    rendered = sorted(
        p for p in (CORPUS / "rendered").iterdir() if p.suffix in (".pdf", ".docx", ".html")
    )
    documents = rendered[::CORPUS_SAMPLE]
    assert len(documents) >= 100
    bad = json.loads((CORPUS / "bad" / "expected.json").read_text("utf-8"))
    for path in documents:
        write(root / "rendered" / path.name, path.read_bytes())
    for name in bad:
        write(root / "bad" / name, (CORPUS / "bad" / name).read_bytes())
    result = run_batch(root, tmp_path / "out", jobs=2)
    by_path = {r["path"]: r for r in result.records}
    assert len(by_path) == len(documents) + len(bad)
    for name, expected in bad.items():
        record = by_path[f"bad/{name}"]
        assert record["status"] == "error"
        assert record["error"]["code"] == expected["error"]
        assert record["municipality_resolved"], name
    readable = [r for path, r in by_path.items() if path.startswith("rendered/")]
    assert all(r["status"] in ("ok", "no_item") for r in readable)
    assert all(r["municipality_resolved"] for r in readable)
    groups = [json.loads(line) for line in (tmp_path / "out" / MUNICIPALITIES_FILE).open()]
    assert {g["outcome"]["id"] for g in groups} >= {"no_further_action", "deadline_reminder"}
    pages = {p.name for p in (tmp_path / "out" / "report").glob("*.html")}
    assert len(pages) == len(groups) + 1  # and index.html


def test_discover_finds_minutes_and_skips_output_hidden_and_lock_files(tmp_path: Path) -> None:
    from minutes_checker.batch import discover

    for name in (
        "Aarhus/referat.PDF",
        "Aarhus/~$referat.docx",
        "Aarhus/.skjult.html",
        ".git/x.html",
        "Odense/a.htm",
        "Odense/b.docx",
        "Odense/noter.txt",
        "ud/results.html",
    ):
        write(tmp_path / name, b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path, [tmp_path / "ud"])]
    assert found == ["Aarhus/referat.PDF", "Odense/a.htm", "Odense/b.docx", "Odense/noter.txt"]
