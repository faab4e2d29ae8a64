"""`minutes-checker check`: exit codes, formats and languages as a secretariat or a script sees
them (the real command in a subprocess for exit codes; click's runner for the formats)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from minutes_fixtures import Minutes, corrupt_pdf, render

from minutes_checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
CHECKS = {
    "full_council",
    "deadline",
    "active_debate",
    "all_three_maps",
    "national_comparison",
    "action_plan_decision",
    "no_plan_reasons",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("check")
    out = {
        "good": folder / "herning-byraad.pdf",
        "good_docx": folder / "herning-byraad.docx",
        "committee": folder / "randers-udvalg.html",
        "corrupt": folder / "odense.pdf",
    }
    out["good"].write_bytes(render(Minutes(), "pdf"))
    out["good_docx"].write_bytes(render(Minutes(), "docx"))
    committee = Minutes("Randers Kommune", committee="Social- og Sundhedsudvalget")
    out["committee"].write_bytes(render(committee, "html"))
    out["corrupt"].write_bytes(corrupt_pdf())
    return out


def run(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "minutes_checker", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


# --------------------------------------------------------------------------- exit codes


def test_all_checks_met_exits_0(files: dict[str, Path]) -> None:
    result = run("check", str(files["good"]))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Forventet udfald: Ingen yderligere bemærkninger" in result.stdout
    assert "✗" not in result.stdout


def test_a_check_not_met_exits_1_and_says_what_to_add(files: dict[str, Path]) -> None:
    result = run("check", str(files["committee"]))
    assert result.returncode == 1
    assert "✗ Behandlet i kommunalbestyrelsen: ikke opfyldt" in result.stdout
    assert "Tilføj: Sæt danmarkskortet på dagsordenen" in result.stdout
    assert "Forventet udfald: Indskærpelse af fristen" in result.stdout


def test_no_fail_exits_0_but_not_for_input_errors(files: dict[str, Path]) -> None:
    assert run("check", "--no-fail", str(files["committee"])).returncode == 0
    assert run("check", "--no-fail", str(files["corrupt"])).returncode == 2


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "findes-ikke.pdf"))
    assert result.returncode == 2
    assert "filen findes ikke" in result.stdout + result.stderr


def test_corrupt_file_exits_2_with_a_plain_message(files: dict[str, Path]) -> None:
    result = run("check", str(files["corrupt"]))
    assert result.returncode == 2
    assert "filen er beskadiget eller ufuldstændig" in result.stdout


@pytest.mark.parametrize(
    "args",
    [["check", "--format", "xml", "x.pdf"], ["check", "--lang", "de", "x.pdf"], ["check"]],
)
def test_bad_options_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Usage" in result.stderr or "Fejl" in result.stderr


def test_one_failing_file_among_several_exits_1(files: dict[str, Path]) -> None:
    assert run("check", str(files["good"]), str(files["committee"])).returncode == 1


# --------------------------------------------------------------------------- formats


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_json_holds_the_contract(files: dict[str, Path]) -> None:
    code, output = invoke("check", "--format", "json", str(files["good"]))
    assert code == 0
    data = json.loads(output)
    for key in (
        "schema_version",
        "file",
        "municipality",
        "municipality_code",
        "map_year",
        "meeting_date",
        "body",
        "body_kind",
        "items",
        "checks",
        "outcome",
    ):
        assert key in data, key
    assert data["municipality"] == "Herning Kommune"
    assert data["municipality_code"] == 657
    assert data["map_year"] == 2023
    assert data["meeting_date"] == "2023-09-27"
    assert data["body_kind"] == "full_council"
    assert set(data["checks"]) == CHECKS
    for check in data["checks"].values():
        assert {"status", "label", "explanation", "evidence"} <= set(check)
        for evidence in check["evidence"]:
            assert {
                "quote",
                "page",
                "start",
                "end",
                "item",
                "section",
                "rule",
                "polarity",
            } <= set(evidence)
    assert data["checks"]["deadline"]["evidence"][0]["page"] == 1
    assert set(data["outcome"]) >= {"id", "label", "reasons"}
    assert data["outcome"]["id"] == "no_further_action"


def test_json_for_several_files_is_a_list(files: dict[str, Path]) -> None:
    code, output = invoke("check", "--format", "json", str(files["good"]), str(files["committee"]))
    assert code == 1
    data = json.loads(output)
    assert [d["outcome"]["id"] for d in data] == ["no_further_action", "deadline_reminder"]


def test_jsonl_is_one_record_per_line(files: dict[str, Path]) -> None:
    code, output = invoke(
        "check", "--format", "jsonl", str(files["good_docx"]), str(files["committee"])
    )
    assert code == 1
    lines = output.strip().splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["format"] for line in lines] == ["docx", "html"]


def test_line_format_is_file_page_check_status_message(files: dict[str, Path]) -> None:
    code, output = invoke("check", "--format", "line", str(files["committee"]))
    assert code == 1
    lines = output.strip().splitlines()
    pattern = re.compile(r"^(?P<file>.+?):(?P<page>\d+): (?P<check>\w+): (?P<status>\w+): .+$")
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed), lines
    assert {m["check"] for m in parsed if m} == CHECKS | {"outcome"}
    assert any(m["check"] == "full_council" and m["status"] == "not_met" for m in parsed if m)


def test_line_format_for_an_unreadable_file(files: dict[str, Path]) -> None:
    code, output = invoke("check", "--format", "line", str(files["corrupt"]))
    assert code == 2
    assert output.strip() == (
        f"{files['corrupt']}:0: file: error: filen er beskadiget eller ufuldstændig "
        "(PDF'en er afkortet: slutningen af filen mangler)"
    )


def test_text_is_danish_by_default_and_english_with_lang_en(files: dict[str, Path]) -> None:
    _, danish = invoke("check", str(files["committee"]))
    assert "Behandlet i kommunalbestyrelsen: ikke opfyldt" in danish
    code, english = invoke("check", "--lang", "en", str(files["committee"]))
    assert code == 1
    assert "Treated by the full council: not met" in english
    assert "Expected outcome: Reminder of the deadline" in english
    assert "Behandlet i" not in english
    _, data = invoke("check", "--lang", "en", "--format", "json", str(files["good"]))
    parsed = json.loads(data)
    assert parsed["lang"] == "en"
    assert parsed["checks"]["all_three_maps"]["label"] == "All three maps"
    assert parsed["outcome"]["label"] == "No further action"


def test_text_is_plain_when_piped(files: dict[str, Path]) -> None:
    result = run("check", str(files["good"]))
    assert "\x1b[" not in result.stdout
