"""Every rendered corpus file is read into the structure its source says it has.

The expectations come from `corpus/rendered/<id>.expected.json`, written by the corpus renderer
from the readable case sources, never from this code's output. Compared: meeting (municipality,
code, body, body kind, date), every item (number, title with whitespace normalised, start page,
kind, closed), no extra items, and every section of every item in order (title, kind, start
page, decision body and date).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from minutes_checker.outputs.structure_view import structure_dict
from minutes_checker.pipeline import inspect_file as read_document

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "corpus" / "rendered"
EXPECTATIONS = sorted(RENDERED.glob("*.expected.json"))


def _norm(text: str | None) -> str | None:
    return " ".join(text.split()) if isinstance(text, str) else text


def compare(found: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Differences between what `inspect --format json` shows and the expected structure."""
    problems: list[str] = []
    meeting, wanted = found["meeting"], expected["meeting"]
    for key in ("municipality", "municipality_code", "body", "body_kind", "date"):
        want = "unknown" if key == "body_kind" and wanted.get(key, "") is None else wanted.get(key)
        if key in wanted and meeting.get(key) != want:
            problems.append(f"meeting.{key}: found {meeting.get(key)!r}, expected {want!r}")
    for key, source in (wanted.get("sources") or {}).items():
        got = (meeting.get("sources") or {}).get(key)
        if got != source:
            problems.append(f"meeting.sources.{key}: found {got!r}, expected {source!r}")
    items = {item["number"]: item for item in found["items"]}
    expected_numbers = [item["number"] for item in expected["items"]]
    extra = [number for number in items if number not in expected_numbers]
    if extra:
        problems.append(f"extra items: {extra}")
    order = [item["number"] for item in found["items"] if item["number"] in expected_numbers]
    if order != [n for n in expected_numbers if n in items]:
        problems.append(f"items out of order: {order}")
    for want in expected["items"]:
        number = want["number"]
        got = items.get(number)
        if got is None:
            problems.append(f"item {number!r} ({want['title']!r}) not found")
            continue
        where = f"item {number}"
        if _norm(got["title"]) != _norm(want["title"]):
            problems.append(f"{where} title: found {got['title']!r}, expected {want['title']!r}")
        for key in ("page_start", "kind", "closed"):
            if key in want and got.get(key) != want[key]:
                problems.append(f"{where} {key}: found {got.get(key)!r}, expected {want[key]!r}")
        got_sections = got["sections"]
        want_sections = want["sections"]
        if [_norm(s["title"]) for s in got_sections] != [_norm(s["title"]) for s in want_sections]:
            problems.append(
                f"{where} sections: found {[s['title'] for s in got_sections]}, "
                f"expected {[s['title'] for s in want_sections]}"
            )
            continue
        for got_section, want_section in zip(got_sections, want_sections, strict=True):
            for key in ("kind", "page_start", "decision_body", "decision_date"):
                if key in want_section and got_section.get(key) != want_section[key]:
                    problems.append(
                        f"{where} section {want_section['title']!r} {key}: found "
                        f"{got_section.get(key)!r}, expected {want_section[key]!r}"
                    )
    return problems


@pytest.mark.skipif(not EXPECTATIONS, reason="no rendered corpus yet (corpus/rendered/*.json)")
@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=lambda path: path.stem.split(".")[0])
def test_corpus_file_structure(expectation: Path) -> None:
    expected = json.loads(expectation.read_text(encoding="utf-8"))
    path = RENDERED / expected["file"]
    assert path.exists(), f"{path} is missing; run corpus/render.py"
    document = read_document(path)
    assert document.format == expected["format"]
    problems = compare(structure_dict(document), expected)
    assert not problems, "\n".join(problems)


def test_compare_reports_differences() -> None:
    """The comparison itself must be able to fail."""
    expected = {
        "meeting": {"municipality": "Aarhus Kommune", "body": "Byrådet", "date": "2023-09-27"},
        "items": [
            {
                "number": "14",
                "title": "Danmarkskort over omgørelsesprocenter",
                "page_start": 3,
                "sections": [{"title": "Beslutning", "kind": "decision", "page_start": 4}],
            }
        ],
    }
    found = {
        "meeting": {"municipality": "Aarhus Kommune", "body": "Økonomiudvalget", "date": None},
        "items": [
            {"number": "1", "title": "Godkendelse af dagsorden", "page_start": 1, "sections": []},
            {
                "number": "14",
                "title": "Danmarkskort  over omgørelsesprocenter",
                "page_start": 3,
                "sections": [{"title": "Beslutning", "kind": "decision", "page_start": 3}],
            },
        ],
    }
    problems = compare(found, expected)
    assert any("meeting.body" in p for p in problems)
    assert any("meeting.date" in p for p in problems)
    assert any("extra items" in p for p in problems)
    assert any("page_start: found 3, expected 4" in p for p in problems)
    assert not any("title" in p for p in problems)  # whitespace is normalised
