"""The golden snapshot: `check` and `inspect` JSON of every corpus file, as recorded.

Recorded before the package redesign (issue 9) so that a move of code can be shown to change
nothing: verdicts, evidence, offsets and structure. `tests/test_golden.py` compares every file.
A change that is *meant* to change verdicts or structure re-records the snapshot:

    .venv/bin/python tests/golden_snapshot.py          # rewrite tests/golden/*.json
    git diff --stat tests/golden                       # and read what changed
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SUFFIXES = (".pdf", ".docx", ".html")


def corpus_files() -> list[Path]:
    """Every rendered, converted and unreadable corpus file, relative to the checkout."""
    found = []
    for folder in ("corpus/rendered", "corpus/converted", "corpus/bad"):
        found += [
            path.relative_to(ROOT)
            for path in sorted((ROOT / folder).iterdir())
            if path.suffix in SUFFIXES
        ]
    return found


def snapshot(relative: Path) -> dict[str, Any]:
    """What `check --format json` and `inspect --format json` say about one file."""
    from click.testing import CliRunner

    from minutes_checker.cli import main

    runner = CliRunner()
    out: dict[str, Any] = {}
    for command in ("check", "inspect"):
        result = runner.invoke(main, [command, relative.as_posix(), "--format", "json"])
        out[command] = {
            "exit_code": result.exit_code,
            "json": json.loads(result.stdout) if result.stdout.strip() else None,
            "stderr": result.stderr.strip(),
        }
    return out


def golden_path(relative: Path) -> Path:
    return GOLDEN / (relative.as_posix().replace("/", "__") + ".json")


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    import os

    os.chdir(ROOT)
    GOLDEN.mkdir(exist_ok=True)
    wanted = set()
    for relative in corpus_files():
        target = golden_path(relative)
        wanted.add(target.name)
        target.write_text(dumps(snapshot(relative)), encoding="utf-8")
    for stale in GOLDEN.glob("*.json"):
        if stale.name not in wanted:
            stale.unlink()
    print(f"{len(wanted)} files recorded in {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
