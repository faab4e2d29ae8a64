"""The hostile suite's files, built once a session, and its table of measurements.

(Not a conftest.py: a second conftest module would shadow tests/conftest.py for the test
modules that import from it.)

HOSTILE_PROFILE=full also runs the long cases (a 10 MB text node through the whole pipeline
under the default time limit, about half a minute). HOSTILE_TABLE=FILE writes the table of
every measured run (case, time, peak memory, result) to FILE as Markdown when the session ends.
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path

import hostile_cases as cases
import pytest

FULL = os.environ.get("HOSTILE_PROFILE") == "full"
ROWS: list[str] = []

BUILDERS: dict[str, cases.Builder] = {
    "pdf_cyclic_contents": cases.pdf_cyclic_contents,
    "pdf_cyclic_length": cases.pdf_cyclic_length,
    "docx_image_bomb": cases.docx_image_bomb,
    "docx_altchunk_bomb": cases.docx_altchunk_bomb,
    "pdf_stream_bomb": cases.pdf_stream_bomb,
    "pdf_split_stream_bomb": cases.pdf_split_stream_bomb,
    "dev_zero": cases.dev_zero,
    "named_pipe": cases.named_pipe,
    "html_utf8_declared_cp1252": cases.html_utf8_declared_cp1252,
    "html_declared_utf16": cases.html_declared_utf16,
    "html_cp1252_declared_utf8": cases.html_cp1252_declared_utf8,
    "pdf_damaged": cases.pdf_damaged,
    "pdf_broken_xref": cases.pdf_broken_xref,
    "html_deep": cases.html_deep,
    "html_deep_mixed": cases.html_deep_mixed,
    "html_huge_text_node": cases.html_huge_text_node,
}


_BUILT: dict[str, Path] = {}


def build_all(factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every hostile file, by builder name (about 20 MB on disk, 3 s to build), once a
    session whichever test module asks first."""
    if not _BUILT:
        directory = factory.mktemp("fjendtlige")
        _BUILT.update({name: build(directory) for name, build in BUILDERS.items()})
    return _BUILT


@atexit.register
def _write_table() -> None:
    """The rows of the measured runs, to $HOSTILE_TABLE as Markdown."""
    target = os.environ.get("HOSTILE_TABLE")
    if target and ROWS:
        head = (
            "| case | time | peak (one process) | peak (process tree, sampled) | exit | result |\n"
            "|---|---|---|---|---|---|\n"
        )
        Path(target).write_text(head + "\n".join(ROWS) + "\n", encoding="utf-8")
