"""A one-off check reads its document in a forked child: the same document, the same errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from badfiles import damaged_pdf, text_pdf

from minutes_checker import readahead
from minutes_checker.errors import CorruptFile, InputError
from minutes_checker.pipeline import assess_file
from minutes_checker.pipeline import inspect_file as read_document


@pytest.fixture(autouse=True)
def _every_size(monkeypatch: pytest.MonkeyPatch) -> None:
    if not readahead._can_fork():
        pytest.skip("no fork here (not Linux, threads running, or MINUTES_CHECKER_DEBUG)")
    monkeypatch.setattr(readahead, "MIN_BYTES", 0)


def test_the_document_read_ahead_is_the_one_read_here(tmp_path: Path) -> None:
    path = tmp_path / "referat.pdf"
    path.write_bytes(text_pdf(pages=6))
    pending = readahead.read_ahead(path)
    assert pending is not None
    assert pending.result().model_dump() == read_document(path).model_dump()


def test_an_input_error_in_the_child_is_raised_with_its_class_and_message(tmp_path: Path) -> None:
    path = damaged_pdf(tmp_path)
    with pytest.raises(InputError) as here:
        read_document(path)
    pending = readahead.read_ahead(path)
    assert pending is not None
    with pytest.raises(CorruptFile) as ahead:
        pending.result()
    assert type(ahead.value) is type(here.value)
    assert ahead.value.message("da") == here.value.message("da")


def test_a_child_that_dies_means_reading_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "referat.pdf"
    path.write_bytes(text_pdf(pages=2))
    parent = os.getpid()
    real = readahead._read

    def dies_in_the_child(file: str | os.PathLike[str]) -> object:
        if os.getpid() != parent:
            os._exit(9)
        return real(file)

    monkeypatch.setattr(readahead, "_read", dies_in_the_child)
    pending = readahead.read_ahead(path)
    assert pending is not None
    assert pending.result().model_dump() == read_document(path).model_dump()


def test_assess_files_gives_what_assess_file_gives(tmp_path: Path) -> None:
    good = tmp_path / "referat.pdf"
    good.write_bytes(text_pdf(pages=3))
    paths = [good, damaged_pdf(tmp_path), tmp_path / "findes-ikke.pdf"]
    together = readahead.assess_files(paths)
    one_by_one = [assess_file(p).assessment.model_dump() for p in paths]
    assert [a.model_dump() for a in together] == one_by_one
    assert [a.status for a in together] == ["ok", "error", "error"]


def test_no_read_ahead_for_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    assert readahead.read_ahead(tmp_path / "findes-ikke.pdf") is None
    assert readahead.read_ahead(tmp_path) is None
