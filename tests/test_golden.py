"""The golden snapshot holds: `check` and `inspect` JSON of every corpus file are as recorded.

A move of code must change nothing here. A change meant to change verdicts or structure
re-records the snapshot (`tests/golden_snapshot.py`) and the diff of tests/golden/ shows what
changed, file by file.

`make test` compares a fixed third of the rendered files (chosen by a hash of the file name, so a
file stays in or out as cases are added) and every converted and unreadable file, which keeps the
suite under five minutes on two cores; `make golden` (`GOLDEN=all`) compares every file.
"""

from __future__ import annotations

import difflib
import json
import os
import zlib
from pathlib import Path

import pytest
from golden_snapshot import ROOT, corpus_files, dumps, golden_path, snapshot

# the files recorded (cases added to the corpus since join at the next re-recording)
FILES = [path for path in corpus_files() if golden_path(path).exists()]
SHARE = 3  # `make test` compares one rendered file in SHARE


def _compared(path: Path) -> bool:
    if os.environ.get("GOLDEN") == "all" or path.parts[1] != "rendered":
        return True
    return zlib.crc32(path.name.encode("utf-8")) % SHARE == 0


def test_every_recorded_file_is_still_in_the_corpus() -> None:
    recorded = {path.name for path in golden_path(Path("x")).parent.glob("*.json")}
    assert len(FILES) >= 137
    assert recorded == {golden_path(path).name for path in FILES}


@pytest.mark.parametrize("relative", [p for p in FILES if _compared(p)], ids=lambda path: path.name)
def test_check_and_inspect_are_as_recorded(relative: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("MINUTES_CHECKER_DEBUG", raising=False)
    expected = golden_path(relative).read_text(encoding="utf-8")
    found = dumps(snapshot(relative))
    if found != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), found.splitlines(), "recorded", "now", lineterm="", n=2
        )
        shown = "\n".join(list(diff)[:60])
        pytest.fail(f"{relative} differs from tests/golden (first lines of the diff):\n{shown}")
    assert json.loads(found)  # the snapshot is JSON, and not empty
    assert os.path.isfile(relative)
