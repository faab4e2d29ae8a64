"""The batch's progress: a bar with the time left on a terminal (click), one line per file with
its status in a log."""

from __future__ import annotations

import io
import time
from pathlib import Path

import click
import pytest
from minutes_fixtures import Minutes, render

from minutes_checker.batch import run_batch
from minutes_checker.batch.progress import Progress, format_duration


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_one_line_per_file_with_its_status() -> None:
    stream = io.StringIO()
    with Progress(3, stream) as bar:
        bar.advance("a.pdf", "ok")
        bar.advance("b.docx", "no_item")
        bar.advance("c.html", "error")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("1/3 a.pdf: vurderet  (ca. ") and lines[0].endswith(" tilbage)")
    assert lines[1].startswith("2/3 b.docx: intet punkt om danmarkskortet  (ca. ")
    assert lines[2] == "3/3 c.html: fejl"  # nothing left
    assert "\r" not in stream.getvalue() and "█" not in stream.getvalue()


def test_a_terminal_gets_a_bar_with_the_time_left_in_danish(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    stream = Terminal()
    with Progress(4, stream) as bar:
        for name in ("a.pdf", "b.pdf", "c.pdf"):
            clock[0] += 30  # 30 s a file
            bar.advance(name, "ok")
        shown = stream.getvalue()
        assert "\r" in shown and "█" in shown and "░" in shown
        assert "3/4  75 %  ca. 30 s tilbage" in shown
        assert "a.pdf" not in shown  # no line per file on a terminal
        clock[0] += 30
        bar.advance("d.pdf", "ok")
    shown = click.unstyle(stream.getvalue())  # click hides the cursor while it draws
    assert shown.endswith("\n") and shown.count("\n") == 1
    last = shown.rstrip().rsplit("\r", 1)[-1]
    assert last.startswith("█" * 10) and "4/4 100 %" in last and "tilbage" not in last


def test_nothing_to_do_or_no_stream_writes_nothing() -> None:
    stream = Terminal()
    with Progress(0, stream):
        pass
    assert stream.getvalue() == ""
    with Progress(2, None) as bar:
        bar.advance("a.pdf", "ok")  # no stream: nothing to write to, no error


def test_durations_in_words() -> None:
    assert format_duration(42) == "42 s"
    assert format_duration(125) == "2 min 5 s"
    assert format_duration(3 * 3600 + 600) == "3 t 10 min"
    assert format_duration(3 * 3600 + 600, "en") == "3 h 10 min"


def test_run_batch_reports_progress_to_a_stream(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "herning.docx").write_bytes(render(Minutes(), "docx"))
    (root / "tom.pdf").write_bytes(b"")
    stream = io.StringIO()
    run_batch(root, tmp_path / "out", jobs=1, progress=stream)
    lines = stream.getvalue().splitlines()
    assert lines[0] == f"2 filer fundet i {root}"
    assert lines[1].startswith("1/2 herning.docx: vurderet  (ca. ")
    assert lines[2] == "2/2 tom.pdf: fejl"
