"""The pre-check reads each file in a sandboxed child: the same assessments as reading here,
and a file that hangs, blows up or kills its reader is a per-file error with a Danish reason,
never a hang of `check` itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from badfiles import damaged_pdf, text_pdf

from minutes_checker import precheck, sandbox
from minutes_checker.pipeline import assess_file

pytestmark = pytest.mark.skipif(
    not sandbox.available(), reason="no fork here (not Linux, threads, or MINUTES_CHECKER_DEBUG)"
)
ROOT = Path(__file__).resolve().parent.parent


def test_assess_files_gives_what_assess_file_gives(tmp_path: Path) -> None:
    good = tmp_path / "referat.pdf"
    good.write_bytes(text_pdf(pages=6))
    paths = [good, damaged_pdf(tmp_path), tmp_path / "findes-ikke.pdf"]
    together = precheck.assess_files(paths)
    one_by_one = [assess_file(p).assessment.model_dump() for p in paths]
    assert [a.model_dump() for a in together] == one_by_one
    assert [a.status for a in together] == ["ok", "error", "error"]


def test_a_reader_that_hangs_is_stopped_at_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "referat.pdf"
    path.write_bytes(text_pdf(pages=2))

    def hangs(file: object) -> object:
        while True:
            pass

    monkeypatch.setattr(precheck, "_read", hangs)
    started = time.monotonic()
    [assessment] = precheck.assess_files([path], timeout=1.0)
    assert time.monotonic() - started < 6
    assert assessment.status == "error"
    assert assessment.error is not None and assessment.error.code == "timeout"
    assert "tog for lang tid" in assessment.error.message


def test_a_reader_that_dies_is_an_error_not_a_second_try(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "referat.pdf"
    path.write_bytes(text_pdf(pages=2))

    def aborts(file: object) -> object:
        os.abort()

    monkeypatch.setattr(precheck, "_read", aborts)
    [assessment] = precheck.assess_files([path])
    assert assessment.error is not None and assessment.error.code == "reader_stopped"
    assert "SIGABRT" in assessment.error.message


def test_a_reader_that_needs_too_much_memory_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "referat.pdf"
    path.write_bytes(text_pdf(pages=2))

    def bomb(file: object) -> object:
        return bytearray(4 * 1024**3)

    monkeypatch.setattr(precheck, "_read", bomb)
    [assessment] = precheck.assess_files([path])
    assert assessment.error is not None and assessment.error.code == "too_large"


def test_a_document_without_the_item_is_answered_without_spacy(tmp_path: Path) -> None:
    """Where nothing in the text names the map, the language pipeline is never loaded."""
    minutes = tmp_path / "referat.html"
    minutes.write_text(
        "<html><body><h1>Referat af Byrådets møde den 25. september 2024</h1>"
        "<h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
        "<h2>2. Takster for 2025</h2><h3>Sagsfremstilling</h3><p>Taksterne stiger med 2 %.</p>"
        "<h3>Beslutning</h3><p>Godkendt.</p></body></html>",
        encoding="utf-8",
    )
    script = (
        "import sys, json\n"
        "from minutes_checker import precheck\n"
        f"[a] = precheck.assess_files([{str(minutes)!r}])\n"
        "print(json.dumps({'status': a.status, 'spacy': 'spacy' in sys.modules}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(result.stdout) == {"status": "no_item", "spacy": False}
