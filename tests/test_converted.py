"""Producer variety: corpus minutes printed to PDF by LibreOffice and Chromium read like their
sources.

The corpus PDFs are written by fpdf2; real minutes come from many producers. `corpus/convert.py`
prints the corpus DOCX with LibreOffice and the HTML with Chromium; a small selection is
committed in `corpus/converted/` (so this runs where neither is installed), and a full
conversion goes to `build/converted/` (or `$MINUTES_CHECKER_CONVERTED`) when made. For every
converted PDF:

- the structure its source case says it has: meeting, items (number, title, kind, closed) and
  every section in order (title, kind, decision body and date); page numbers differ between
  producers, so pages are checked only for order and range;
- the same verdicts as its source document (the producer must not change a verdict), and for
  dev cases the reviewer's labels.

The converter itself is tested without LibreOffice or Chromium: reproducible bytes, the
expectations it writes, a clean skip when a converter is missing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from test_corpus_structure import compare

from minutes_checker.outputs.structure_view import structure_dict
from minutes_checker.pipeline import assess_file
from minutes_checker.pipeline import inspect_file as read_document

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "corpus" / "rendered"
COMMITTED = ROOT / "corpus" / "converted"
BUILT = Path(os.environ.get("MINUTES_CHECKER_CONVERTED") or ROOT / "build" / "converted")


def _expectations(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.expected.json")) if folder.is_dir() else []


def _check_structure(path: Path) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    pdf = path.with_name(expected["file"])
    assert pdf.is_file(), f"{pdf} is missing; run corpus/convert.py"
    document = read_document(pdf)
    assert document.format == "pdf"
    found = structure_dict(document)
    problems = compare(found, expected)
    pages = found["pages"]
    starts = [item["page_start"] for item in found["items"]]
    if starts != sorted(starts):
        problems.append(f"item pages out of order: {starts}")
    for item in found["items"]:
        if not 1 <= item["page_start"] <= item["page_end"] <= pages:
            problems.append(f"item {item['number']} pages {item['page_start']}-{item['page_end']}")
        for section in item["sections"]:
            if not item["page_start"] <= section["page_start"] <= item["page_end"]:
                problems.append(
                    f"item {item['number']} section {section['title']!r} on page "
                    f"{section['page_start']}, outside the item"
                )
    assert not problems, "\n".join(problems)


def _verdicts(path: Path) -> dict[str, str]:
    assessment = assess_file(path).assessment
    out = {check: result.status for check, result in assessment.checks.items()}
    out["outcome"] = assessment.outcome.id
    return out


def _check_verdicts(path: Path) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    got = _verdicts(path.with_name(expected["file"]))
    source = RENDERED / expected["source"]["file"]
    if source.is_file():
        original = _verdicts(source)
        changed = {k: (original[k], got[k]) for k in got if got[k] != original[k]}
        assert not changed, f"the converted PDF is judged otherwise than its source: {changed}"
    if expected["split"] == "dev":
        labels: dict[str, Any] = dict(expected["labels"]["checks"])
        labels["outcome"] = expected["labels"]["outcome"]
        wrong = {k: (labels[k], got[k]) for k in labels if got[k] != labels[k]}
        assert not wrong, f"(label, verdict) differ: {wrong}"


# --------------------------------------------------------------------------- committed selection

COMMITTED_CASES = _expectations(COMMITTED)


def _case_id(path: Path) -> str:
    return path.name.split(".")[0]


@pytest.mark.skipif(not COMMITTED_CASES, reason="no converted PDFs in corpus/converted")
@pytest.mark.parametrize("expectation", COMMITTED_CASES, ids=_case_id)
def test_committed_converted_structure(expectation: Path) -> None:
    _check_structure(expectation)


@pytest.mark.skipif(not COMMITTED_CASES, reason="no converted PDFs in corpus/converted")
@pytest.mark.parametrize("expectation", COMMITTED_CASES, ids=_case_id)
def test_committed_converted_verdicts(expectation: Path) -> None:
    _check_verdicts(expectation)


def test_committed_selection_is_described() -> None:
    """Every committed PDF has its expectations, made from its source case (labels, split)."""
    assert len(COMMITTED_CASES) >= 6
    for path in COMMITTED_CASES:
        expected = json.loads(path.read_text(encoding="utf-8"))
        assert (COMMITTED / expected["file"]).is_file()
        assert expected["format"] == "pdf"
        assert expected["source"]["producer"] in ("libreoffice", "chromium")
        source = RENDERED / f"{expected['id']}.expected.json"
        if source.is_file():
            original = json.loads(source.read_text(encoding="utf-8"))
            assert expected["split"] == original["split"]
            assert expected["labels"] == original["labels"]
            assert [i["title"] for i in expected["items"]] == [
                i["title"] for i in original["items"]
            ]
        assert all("page_start" not in item for item in expected["items"])


# --------------------------------------------------------------------------- a full conversion

BUILT_CASES = [] if BUILT.resolve() == COMMITTED.resolve() else _expectations(BUILT)


@pytest.mark.skipif(not BUILT_CASES, reason=f"no full conversion in {BUILT} (corpus/convert.py)")
@pytest.mark.parametrize("expectation", BUILT_CASES, ids=_case_id)
def test_built_converted_structure(expectation: Path) -> None:
    _check_structure(expectation)


@pytest.mark.skipif(not BUILT_CASES, reason=f"no full conversion in {BUILT} (corpus/convert.py)")
@pytest.mark.parametrize("expectation", BUILT_CASES, ids=_case_id)
def test_built_converted_verdicts(expectation: Path) -> None:
    _check_verdicts(expectation)


# --------------------------------------------------------------------------- the converter


def _convert_module() -> Any:
    spec = importlib.util.spec_from_file_location("corpus_convert", ROOT / "corpus" / "convert.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_make_reproducible_keeps_length_and_fixes_dates_and_ids() -> None:
    convert = _convert_module()
    data = (
        b"%PDF-1.4\n1 0 obj<</Producer(LibreOffice 7.4)/CreationDate(D:20261123152626Z')"
        b"/ModDate (D:20261123152632+00'00')>>endobj\n"
        b"trailer<</ID [ <0D2A2ECC7C8237233B15AD16F8E01958>\n<0D2A2ECC7C8237233B15AD16F8E01958> ]"
        b"/DocChecksum /4E98EFBDB6C09124EC9BB7E5B670BBFE>>\n%%EOF\n"
    )
    once = convert.make_reproducible(data, "case")
    assert len(once) == len(data)
    assert b"20261123" not in once
    assert b"0D2A2ECC" not in once and b"4E98EFBD" not in once
    later = data.replace(b"20261123152626", b"20270101101010").replace(b"0D2A", b"FFFF")
    assert convert.make_reproducible(later, "case") == once


def test_converted_expectation_keeps_labels_and_drops_pages() -> None:
    convert = _convert_module()
    source = next(RENDERED.glob("*.docx"), None)
    if source is None:
        pytest.skip("no rendered DOCX")
    expected = json.loads(
        source.with_name(source.name.replace(".docx", ".expected.json")).read_text("utf-8")
    )
    made = convert.converted_expectation(expected, "x.pdf", source, "libreoffice", "LO 7")
    assert made["file"] == "x.pdf" and made["format"] == "pdf"
    assert made["labels"] == expected["labels"] and made["split"] == expected["split"]
    assert made["meeting"] == expected["meeting"]
    assert [i["title"] for i in made["items"]] == [i["title"] for i in expected["items"]]
    for item in made["items"]:
        assert "page_start" not in item
        assert all("page_start" not in section for section in item["sections"])
    assert made["source"]["sha256"] == convert.sha256(source)


def test_convert_skips_cleanly_without_converters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    convert = _convert_module()
    monkeypatch.setattr(convert, "find_tool", lambda names: None)
    ids = [p.name.split(".")[0] for p in sorted(RENDERED.glob("*.docx"))[:1]]
    ids += [p.name.split(".")[0] for p in sorted(RENDERED.glob("*.html"))[:1]]
    if not ids:
        pytest.skip("no rendered DOCX or HTML")
    assert convert.main(["--out", str(tmp_path), "--only", *ids]) == 0
    out = capsys.readouterr().out
    assert "not found" in out
    assert not list(tmp_path.glob("*.pdf"))
