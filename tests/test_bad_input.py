"""Every bad input gives a typed error with a plain Danish message, exit code 2 and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from badfiles import BAD_INPUTS, scanned_pdf, text_named_pdf, text_pdf
from click.testing import CliRunner

from minutes_checker import errors
from minutes_checker.cli import main
from minutes_checker.pipeline import inspect_bytes as read_bytes
from minutes_checker.pipeline import inspect_file as read_document
from minutes_checker.read import pdf as pdf_reader

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_raises_typed_error_with_danish_message(name: str, tmp_path: Path) -> None:
    case = BAD_INPUTS[name]
    path = case.make(tmp_path)
    with pytest.raises(errors.InputError) as caught:
        read_document(path)
    assert type(caught.value) is case.error, f"{name}: got {type(caught.value).__name__}"
    assert caught.value.message("da").startswith(case.message)


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_inspect_on_bad_input_exits_2_without_traceback(name: str, tmp_path: Path) -> None:
    case = BAD_INPUTS[name]
    path = case.make(tmp_path)
    result = CliRunner().invoke(main, ["inspect", str(path)])
    assert result.exit_code == 2, result.output
    assert f"Fejl: {case.message}" in result.stderr
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr


def test_scanned_pdf_message_is_exactly_the_promised_one(tmp_path: Path) -> None:
    with pytest.raises(errors.ScannedPdf) as caught:
        read_document(scanned_pdf(tmp_path))
    assert caught.value.message("da") == "ingen tekst i PDF'en (scannet?)"


def test_wrong_type_names_what_the_file_is(tmp_path: Path) -> None:
    with pytest.raises(errors.WrongType) as caught:
        read_document(text_named_pdf(tmp_path))
    assert "tekstfil" in caught.value.message("da")


def test_real_process_shows_message_and_no_traceback(tmp_path: Path) -> None:
    path = scanned_pdf(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("MINUTES_CHECKER_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "minutes_checker", "inspect", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert "ingen tekst i PDF'en (scannet?)" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_too_many_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lang.pdf"
    path.write_bytes(text_pdf(pages=3))
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    with pytest.raises(errors.TooLarge) as caught:
        read_document(path)
    assert "3 sider" in caught.value.message("da")


def test_pdf_with_owner_password_only_is_read(tmp_path: Path) -> None:
    """Encryption with an empty user password opens without a password: just read it."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password="", owner_password="ejer", algorithm="AES-128")
    path = tmp_path / "kun-ejer.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    document = read_document(path)
    assert "danmarkskortet over omgørelsesprocenter" in document.text


def test_pdf_content_under_a_docx_name_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "referat.docx"
    path.write_bytes(text_pdf())
    document = read_document(path)
    assert document.format == "pdf"
    assert any("læst som PDF" in warning for warning in document.warnings)


def test_unexpected_library_error_becomes_corrupt_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(pdf_reader, "_open", broken)
    with pytest.raises(errors.CorruptFile) as caught:
        read_bytes(text_pdf(), "referat.pdf")
    assert caught.value.message("da").startswith("filen er beskadiget eller ufuldstændig")
    assert "PDF'en kunne ikke læses" in caught.value.message("da")


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_bytes(b"  \n\t \n")
    with pytest.raises(errors.EmptyFile):
        read_document(path)


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(errors.UnsupportedFormat) as caught:
        read_document(tmp_path)
    assert "mappe" in caught.value.message("da")


BAD_CORPUS = ROOT / "corpus" / "bad" / "expected.json"
BAD_CASES = (
    sorted(__import__("json").loads(BAD_CORPUS.read_text(encoding="utf-8")).items())
    if BAD_CORPUS.exists()
    else []
)


@pytest.mark.skipif(not BAD_CASES, reason="corpus/bad/ not rendered yet")
@pytest.mark.parametrize(("name", "expected"), BAD_CASES, ids=[name for name, _ in BAD_CASES])
def test_bad_corpus_files(name: str, expected: dict[str, str]) -> None:
    """The corpus's own bad files give the error code its manifest names."""
    with pytest.raises(errors.InputError) as caught:
        read_document(ROOT / "corpus" / "bad" / name)
    assert caught.value.code == expected["error"]
    assert caught.value.problem("da").message
