"""Year over year (issue 12): `batch --history FILE.sqlite` keeps every municipality's result per
map year in one SQLite file whose schema the tool creates and migrates; the outputs show the
previous map year's outcome beside this year's, and `history MUNICIPALITY` prints the record."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from review_fixtures import PAGES, decisions_file, minutes_2022, minutes_2023, page_entry

from minutes_checker.batch import run_batch
from minutes_checker.batch.history import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    History,
    find_municipality,
)
from minutes_checker.cli import main

VIBORG, AARHUS, SKIVE = PAGES["viborg"], PAGES["aarhus"], PAGES["skive"]


def cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def summary(out: Path) -> tuple[list[str], dict[str, list[str]]]:
    text = (out / "summary.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    return rows[0], {row[1]: row for row in rows[1:]}


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The 2022 folder and then the 2023 folder, into two output folders, one history file."""
    tmp = tmp_path_factory.mktemp("years")
    history = tmp / "historik.sqlite"
    out_2022, out_2023 = tmp / "resultat-2022", tmp / "resultat-2023"
    first = cli(
        "batch", str(minutes_2022(tmp / "2022")), "--out", str(out_2022), "--jobs", "1",
        "--history", str(history),
    )  # fmt: skip
    assert first.exit_code == 0, first.output
    second = cli(
        "batch", str(minutes_2023(tmp / "2023")), "--out", str(out_2023), "--jobs", "1",
        "--history", str(history),
    )  # fmt: skip
    assert second.exit_code == 0, second.output
    return history, out_2022, out_2023


def test_two_batches_of_different_map_years_share_one_history_file(
    two_years: tuple[Path, Path, Path],
) -> None:
    history, out_2022, out_2023 = two_years
    with History(history) as store:
        assert store.version() == SCHEMA_VERSION
        years = {(r.municipality, r.map_year, r.final_outcome) for c in (791, 751, 779)
                 for r in store.municipality(c)}  # fmt: skip
    assert years == {
        ("Viborg Kommune", 2022, "manual_review"),
        ("Viborg Kommune", 2023, "manual_review"),
        ("Aarhus Kommune", 2022, "no_further_action"),
        ("Aarhus Kommune", 2023, "request_action_plan_decision"),
        ("Skive Kommune", 2022, "deadline_reminder"),  # treated in January 2023: late
        ("Skive Kommune", 2023, "deadline_reminder"),
    }
    # this year's summary shows last year's outcome beside this year's ...
    header, rows = summary(out_2023)
    year, outcome = header.index("Forrige kortår"), header.index("Udfald forrige kortår")
    assert (rows["Aarhus Kommune"][year], rows["Aarhus Kommune"][outcome]) == (
        "2022", "Ingen yderligere bemærkninger"
    )  # fmt: skip
    assert rows["Viborg Kommune"][outcome] == "Kræver manuel vurdering"
    assert rows["Herning Kommune"][year] == ""  # no earlier year recorded
    # ... and so do the municipalities.jsonl and the report
    lines = (out_2023 / "municipalities.jsonl").read_text("utf-8").splitlines()
    aarhus = next(g for g in map(json.loads, lines) if g["municipality"] == "Aarhus Kommune")
    assert aarhus["previous"] == {
        "map_year": 2022,
        "outcome": "no_further_action",
        "label": "Ingen yderligere bemærkninger",
        "reviewed": False,
    }
    page = (out_2023 / "report" / f"{AARHUS}.html").read_text("utf-8")
    assert "Forrige kortår: Danmarkskortet 2022: Ingen yderligere bemærkninger" in page
    index = (out_2023 / "report" / "index.html").read_text("utf-8")
    assert "Danmarkskortet 2022: Kræver manuel vurdering" in index
    # the first year has nothing before it
    _, first_rows = summary(out_2022)
    assert first_rows["Viborg Kommune"][header.index("Forrige kortår")] == ""


@pytest.mark.parametrize("name", ["Viborg", "viborg kommune", "791", "VIBORG"])
def test_history_prints_a_municipality_by_name_or_code(
    two_years: tuple[Path, Path, Path], name: str
) -> None:
    history = two_years[0]
    result = cli("history", name, "--history", str(history))
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith("Viborg Kommune (791) – historik i")
    assert text.index("Danmarkskortet 2023 (tal for 2022): Kræver manuel vurdering") < text.index(
        "Danmarkskortet 2022 (tal for 2021): Kræver manuel vurdering"
    )
    assert "Sammenligning med andre kommuner: ikke opfyldt" in text
    assert "samme mangel som året før: Sammenligning med andre kommuner" in text


def test_names_are_folded_as_people_type_them() -> None:
    for typed in ("Ishøj", "Ishoej", "ishoj", "ISHØJ KOMMUNE", "183"):
        found = find_municipality(typed)
        assert found is not None and found.code == 183, typed
    assert find_municipality("Aabenraa").code == 580  # type: ignore[union-attr]
    assert find_municipality("Åbenrå") is not None
    assert find_municipality("Københavns").code == 101  # type: ignore[union-attr]
    assert find_municipality("Kobenhavn").code == 101  # type: ignore[union-attr]
    assert find_municipality("Atlantis") is None


def test_history_in_json_and_its_input_errors(two_years: tuple[Path, Path, Path]) -> None:
    history = two_years[0]
    result = cli("history", "Skive", "--history", str(history), "--format", "json")
    data = json.loads(result.output)
    assert [y["map_year"] for y in data["years"]] == [2023, 2022]
    assert data["years"][0]["checks"]["full_council"]["status"] == "not_met"
    unknown = cli("history", "Atlantis", "--history", str(history))
    assert unknown.exit_code == 2 and "'Atlantis' er ikke en kendt kommune" in unknown.output
    none = cli("history", "Ishøj", "--history", str(history))
    assert none.exit_code == 0 and "Ingen resultater for Ishøj Kommune" in none.output
    without = CliRunner(env={"MINUTES_CHECKER_HISTORY": None}).invoke(main, ["history", "Skive"])
    assert without.exit_code == 2 and "angiv historikfilen med --history" in without.output


def test_a_second_run_replaces_its_own_rows_only(tmp_path: Path) -> None:
    history = tmp_path / "h.sqlite"
    source = minutes_2023(tmp_path / "ind")
    run_batch(source, tmp_path / "a", jobs=1, history=history)
    run_batch(source, tmp_path / "a", jobs=1, history=history)  # the same folder again
    run_batch(source, tmp_path / "b", jobs=1, history=history)  # another folder, same year
    with History(history) as store:
        rows = store.municipality(791)
    assert sorted(Path(r.out).name for r in rows) == ["a", "b"]
    with sqlite3.connect(history) as db:
        checks = db.execute("SELECT COUNT(*) FROM check_result").fetchone()[0]
        results = db.execute("SELECT COUNT(*) FROM result").fetchone()[0]
    assert results == 8 and checks == 8 * 7


def test_review_apply_stores_the_reviewed_outcome(tmp_path: Path) -> None:
    history = tmp_path / "h.sqlite"
    out = tmp_path / "ud"
    run_batch(minutes_2023(tmp_path / "ind"), out, jobs=1, history=history)
    page = page_entry(
        out, VIBORG, {"national_comparison": {"decision": "reject", "reviewed_status": "met"}}
    )
    decisions = decisions_file(tmp_path / "v.json", [page])
    result = cli("review", "apply", str(decisions), "--out", str(out), "--history", str(history))
    assert result.exit_code == 0, result.output
    with History(history) as store:
        (row,) = store.municipality(791)
    assert row.outcome == "manual_review"
    assert row.reviewed_outcome == "no_further_action"
    assert row.reviewers == ["Mette Sørensen"]
    shown = cli("history", "Viborg", "--history", str(history)).output
    assert "efter gennemgang: Ingen yderligere bemærkninger (Mette Sørensen)" in shown
    assert "Sammenligning med andre kommuner: ikke opfyldt → opfyldt (gennemgået)" in shown


def test_an_older_schema_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "gammel.sqlite"
    with sqlite3.connect(path) as db:  # a file written by schema version 1
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, migrated_at TEXT)")
        db.executescript(MIGRATIONS[0])
        db.execute("INSERT INTO schema_version VALUES (1, '2024-01-01T00:00:00+01:00')")
        db.execute(
            "INSERT INTO result VALUES (791, 'Viborg Kommune', 2021, '/ud', 'r1', "
            "'deadline_reminder', '[\"v.pdf\"]', '2022-01-10T00:00:00+01:00')"
        )
    with History(path) as store:
        assert store.version() == SCHEMA_VERSION == 2
        previous = store.previous(791, 2022)
        (row,) = store.municipality(791)
    assert previous is not None and previous.outcome == "deadline_reminder"
    assert row.reviewed_outcome is None and row.reviewers == []
    with sqlite3.connect(path) as db:
        versions = [v for (v,) in db.execute("SELECT version FROM schema_version ORDER BY 1")]
    assert versions == [1, 2]


@pytest.mark.parametrize("kind", ["newer", "other_sqlite", "not_sqlite", "folder"])
def test_a_file_that_is_not_our_history_stops_the_batch_before_it_reads(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "historik.sqlite"
    if kind == "newer":
        with History(path) as store:
            store.db.execute("INSERT INTO schema_version VALUES (99, 'senere')")
    elif kind == "other_sqlite":
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE kunder (navn TEXT)")
    elif kind == "not_sqlite":
        path.write_text("navn;adresse\n" * 200, encoding="utf-8")
    else:
        path.mkdir()
    before = path.read_bytes() if path.is_file() else None
    out = tmp_path / "ud"
    result = cli(
        "batch", str(minutes_2023(tmp_path / "ind")), "--out", str(out), "--history", str(path)
    )
    assert result.exit_code == 2, result.output
    expected = {
        "newer": "skrevet af en nyere udgave af minutes-checker",
        "other_sqlite": "er ikke en historikfil fra minutes-checker",
        "not_sqlite": "er ikke en historikfil fra minutes-checker",
        "folder": "er en mappe, ikke en fil",
    }[kind]
    assert expected in result.output
    assert not out.exists()
    if before is not None:
        assert path.read_bytes() == before
