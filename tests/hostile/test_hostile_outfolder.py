"""Careless use of the output folder (issue 14): nothing of the user's is deleted or
overwritten, two runs never write the same folder, and no record is duplicated or lost."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from minutes_fixtures import Minutes, render

from minutes_checker.batch import run_batch
from minutes_checker.batch.outfolder import FolderBusy, FolderNotOurs, OutputFolder

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "minutes_checker"]


def minutes_folder(root: Path, count: int = 3) -> Path:
    names = ["Aarhus", "Herning", "Skive", "Viborg", "Randers"][:count]
    for name in names:
        (root / name).mkdir(parents=True, exist_ok=True)
        (root / name / "referat.html").write_bytes(render(Minutes(f"{name} Kommune"), "html"))
    return root


def lines(out: Path) -> list[dict[str, object]]:
    text = (out / "results.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_the_users_own_files_in_the_report_folder_are_not_deleted(tmp_path: Path) -> None:
    root = minutes_folder(tmp_path / "ind")
    out = tmp_path / "ud"
    run_batch(root, out, jobs=1)
    notes = out / "report" / "mine-noter.txt"
    notes.write_text("auditørens noter", encoding="utf-8")
    run_batch(root, out, jobs=1)  # a second run rewrites the report
    assert notes.read_text(encoding="utf-8") == "auditørens noter"
    assert (out / "report" / "index.html").exists()


def test_a_folder_with_other_files_is_refused_and_left_alone(tmp_path: Path) -> None:
    root = minutes_folder(tmp_path / "ind")
    out = tmp_path / "dokumenter"
    (out / "report").mkdir(parents=True)
    (out / "report" / "budget.xlsx").write_bytes(b"PK")
    (out / "vigtigt.docx").write_bytes(b"PK")
    result = subprocess.run(
        [*CLI, "batch", str(root), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode == 2
    assert "resultatmappen indeholder filer, som minutes-checker ikke har skrevet" in result.stderr
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == ["budget.xlsx", "vigtigt.docx"]


def test_a_second_run_into_a_busy_folder_stops_and_names_the_first(tmp_path: Path) -> None:
    out = tmp_path / "ud"
    with OutputFolder(out) as first:
        result = subprocess.run(
            [*CLI, "batch", str(minutes_folder(tmp_path / "ind")), "--out", str(out)],
            capture_output=True, text=True, cwd=ROOT, check=False,
        )
        assert result.returncode == 2
        assert "resultatmappen bruges af en anden kørsel" in result.stderr
        assert first.run_id in result.stderr
    assert not (out / "results.jsonl").exists()


def test_the_lock_is_released_when_the_holder_dies(tmp_path: Path) -> None:
    out = tmp_path / "ud"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path\n"
         "from minutes_checker.batch.outfolder import OutputFolder\n"
         f"f = OutputFolder(Path({str(out)!r})).__enter__(); print('held', flush=True)\n"
         "time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    try:
        OutputFolder(out).__enter__()
    except FolderBusy:
        pass
    else:
        raise AssertionError("the folder was not locked")
    holder.kill()
    holder.wait()
    with OutputFolder(out):
        pass


def test_two_runs_into_one_folder_keep_each_runs_records_apart(tmp_path: Path) -> None:
    root = minutes_folder(tmp_path / "ind")
    out = tmp_path / "ud"
    first = run_batch(root, out, jobs=1)
    second = run_batch(root, out, jobs=1)
    records = lines(out)
    assert len(records) == 6  # appended, never rewritten
    runs = [r["run"] for r in records]
    assert len(set(runs[:3])) == 1 and len(set(runs[3:])) == 1 and runs[0] != runs[3]
    assert len(first.records) == len(second.records) == 3  # the outputs use one run's records
    municipalities = (out / "municipalities.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(municipalities) == 3


def test_resume_retries_a_time_out_and_reassesses_a_changed_file(tmp_path: Path) -> None:
    root = minutes_folder(tmp_path / "ind")
    out = tmp_path / "ud"
    run_batch(root, out, jobs=1)
    results = out / "results.jsonl"
    records = lines(out)
    # the first file timed out in that run (as if), the second has been replaced since
    records[0]["status"] = "error"
    records[0]["error"] = {"code": "timeout", "message": "læsningen tog for lang tid"}
    results.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    changed = root / "Herning" / "referat.html"
    time.sleep(0.01)
    changed.write_bytes(render(Minutes("Herning Kommune", national=False), "html"))
    result = run_batch(root, out, jobs=1, resume=True)
    assert result.skipped == 1 and result.assessed_now == 2
    latest = {r["path"]: r for r in lines(out)}
    assert all(r["status"] == "ok" for r in latest.values())
    assert {r["run"] for r in lines(out)} == {records[0]["run"]}  # the same run, gone on with


def test_files_that_cannot_be_read_at_all_are_reported_not_skipped(tmp_path: Path) -> None:
    import os

    root = minutes_folder(tmp_path / "ind", count=2)
    os.mkfifo(root / "Aarhus" / "pipe.pdf")
    (root / "Aarhus" / "væk.docx").symlink_to(root / "findes-ikke.docx")
    started = time.monotonic()
    result = run_batch(root, tmp_path / "ud", jobs=1, timeout=5)
    assert time.monotonic() - started < 60
    by_path = {r["path"]: r for r in result.records}
    assert by_path["Aarhus/pipe.pdf"]["error"]["code"] == "not_a_file"
    assert "navngivet pipe" in by_path["Aarhus/pipe.pdf"]["error"]["message"]
    assert by_path["Aarhus/væk.docx"]["error"]["code"] == "not_found"
    assert by_path["Aarhus/referat.html"]["status"] == "ok"


def test_a_file_name_that_is_not_utf8_does_not_stop_the_batch(tmp_path: Path) -> None:
    import os

    root = minutes_folder(tmp_path / "ind", count=2)
    odd = os.fsencode(root / "Aarhus") + b"/referat-\xe6\xf8\xe5.html"
    with open(odd, "wb") as handle:
        handle.write(render(Minutes("Aarhus Kommune"), "html"))
    result = subprocess.run(
        [*CLI, "batch", str(root), "--out", str(tmp_path / "ud")],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode == 0, result.stderr
    paths = [r["path"] for r in lines(tmp_path / "ud")]
    assert "Aarhus/referat-\ufffd\ufffd\ufffd.html" in paths
    assert (tmp_path / "ud" / "report" / "index.html").exists()
    check = subprocess.run(
        [*CLI, "check", os.fsdecode(odd), "--format", "jsonl"],
        capture_output=True, cwd=ROOT, check=False,
    )
    assert check.returncode in (0, 1), check.stderr
    assert json.loads(check.stdout)["status"] == "ok"


def test_folder_not_ours_is_an_input_error() -> None:
    assert FolderNotOurs("x").code == "out_not_ours"


def test_links_to_annotated_copies_hold_for_names_with_hash_and_percent(tmp_path: Path) -> None:
    import re
    from urllib.parse import unquote

    root = tmp_path / "ind"
    (root / "Aarhus").mkdir(parents=True)
    (root / "Aarhus" / "referat #2 100%?.pdf").write_bytes(
        render(Minutes("Aarhus Kommune"), "pdf")
    )
    out = tmp_path / "ud"
    run_batch(root, out, jobs=1, annotate=True)
    pages = [p for p in (out / "report").glob("*.html") if p.name != "index.html"]
    links = re.findall(r'href="\.\./(annotated/[^"]+)"', pages[0].read_text(encoding="utf-8"))
    assert links, "no link to the annotated copy"
    assert "#" not in links[0] and "?" not in links[0]
    assert (out / unquote(links[0])).is_file()
