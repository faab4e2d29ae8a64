"""Usage errors and option checks speak the user's language: Danish by default, English with
`--lang en`; never click's English, never a traceback; exit code 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutes_checker.cli import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), prog_name="minutes-checker")
    return result.exit_code, result.output  # stdout and stderr together


@pytest.mark.parametrize(
    ("args", "danish"),
    [
        (["check"], "argumentet 'FILES...' mangler"),
        (["check", "--format", "foo", "x.pdf"], "'foo' er ikke en af text, json, jsonl, line"),
        (["nope"], "ukendt kommando: nope"),
        (["check", "--nope", "x.pdf"], "ukendt tilvalg: --nope"),
        (["batch", ".", "--out"], "tilvalget --out skal have en værdi"),
        (["batch", "findes-ikke", "--out", "ud"], "findes-ikke findes ikke"),
        (["check", "a.pdf", "b.pdf", "--lang", "da", "c"], None),
    ],
)
def test_usage_errors_are_danish(args: list[str], danish: str | None) -> None:
    code, output = run(*args)
    if danish is None:  # three files is no usage error: each is reported as unreadable
        assert code == 2 and "Traceback" not in output
        return
    assert code == 2
    assert "Fejl: " in output and danish in output
    assert "Error" not in output and "Usage" not in output and "Traceback" not in output


def test_usage_errors_are_english_with_lang_en() -> None:
    code, output = run("check", "--lang", "en", "--format", "foo", "x.pdf")
    assert code == 2
    assert "Error: invalid value for '--format': 'foo' is not one of" in output


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e20", "0", "-5", "fem"])
def test_a_timeout_must_be_positive_and_finite(value: str, tmp_path: Path) -> None:
    (tmp_path / "referat.html").write_text("<p>x</p>", encoding="utf-8")
    code, output = run("batch", str(tmp_path), "--out", str(tmp_path / "ud"), "--timeout", value)
    assert code == 2
    assert "ugyldig værdi for '--timeout'" in output
    assert not (tmp_path / "ud").exists()  # refused before anything was written


def test_jobs_above_the_cpu_count_are_capped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "ind").mkdir()
    (tmp_path / "ind" / "tom.html").write_text("", encoding="utf-8")
    code, output = run("batch", str(tmp_path / "ind"), "--out", str(tmp_path / "ud"), "-j", "64")
    assert code == 0
    assert f"--jobs 64 er sat ned til {os.cpu_count() or 1}" in output


def test_help_is_danish() -> None:
    code, output = run("batch", "-h")
    assert code == 0
    assert "Brug: minutes-checker batch [TILVALG] FOLDER" in output
    assert "Tilvalg:" in output and "[påkrævet]" in output and "[standard: 120.0]" in output
    assert "Options" not in output and "Show this message" not in output
    code, output = run("-h")
    assert "Kommandoer:" in output and "Vis versionen og afslut." in output


def test_an_output_folder_that_cannot_be_made_is_a_danish_os_error(tmp_path: Path) -> None:
    (tmp_path / "ind").mkdir()
    (tmp_path / "ind" / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "fil.txt").write_text("ikke en mappe", encoding="utf-8")
    code, output = run("batch", str(tmp_path / "ind"), "--out", str(tmp_path / "fil.txt" / "ud"))
    assert code == 2
    assert "en del af stien er ikke en mappe" in output
    assert "Traceback" not in output and "Errno" not in output
