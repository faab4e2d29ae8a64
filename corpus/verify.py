"""Check the rendered corpus against its expected.json files, without the project's own readers.

    .venv/bin/python corpus/verify.py

For every corpus/rendered/<id>.expected.json: the schema is exactly the documented one; the file
opens; a PDF has extractable text on every page, and every item title and section title is found
on the page that expected.json claims; a DOCX has each item heading after exactly page_start - 1
explicit page breaks; an HTML page holds every title. Also checks corpus/bad/expected.json.
Exit code 1 on any problem.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent
RENDERED = CORPUS / "rendered"
BAD = CORPUS / "bad"

TOP_KEYS = {"id", "file", "format", "split", "meeting", "items", "labels"}
MEETING_KEYS = {"municipality", "municipality_code", "body", "body_kind", "date"}
ITEM_KEYS = {"number", "title", "page_start", "kind", "closed", "sections"}
SECTION_KEYS = {"title", "kind", "page_start", "decision_body", "decision_date"}
LABEL_KEYS = {"map_year", "items", "checks", "outcome", "rationale"}
CHECKS = {"full_council", "deadline", "active_debate", "all_three_maps", "national_comparison",
          "action_plan_decision", "no_plan_reasons"}


def norm(text: str) -> str:
    """Lower case, hyphenation at line ends joined, all whitespace removed: robust matching."""
    text = text.replace("\ufffe", "-").replace("\u00ad", "-")
    text = re.sub(r"(\w)-\s*[\r\n]+\s*(\w)", r"\1\2", text)  # hyphenated line ends
    return re.sub(r"\s+", "", text).lower()


def probe(title: str, n: int = 28) -> str:
    return norm(title)[:n]


def check_schema(exp: dict[str, Any], problems: list[str], name: str) -> None:
    def need(obj: dict[str, Any], keys: set[str], where: str) -> None:
        if set(obj) != keys:
            problems.append(f"{name}: {where} keys {sorted(set(obj) ^ keys)} differ")

    need(exp, TOP_KEYS, "top-level")
    need(exp["meeting"], MEETING_KEYS, "meeting")
    for it in exp["items"]:
        need(it, ITEM_KEYS, f"item {it.get('number')}")
        for s in it["sections"]:
            need(s, SECTION_KEYS, f"item {it.get('number')} section {s.get('title')}")
    labels = {k: v for k, v in exp["labels"].items() if k != "conventions"}  # optional tags
    need(labels, LABEL_KEYS, "labels")
    tags = exp["labels"].get("conventions", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        problems.append(f"{name}: labels.conventions must be a list of strings")
    if set(exp["labels"]["checks"]) != CHECKS:
        problems.append(f"{name}: labels.checks keys differ")


def pdf_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            pages.append(tp.get_text_range())
            tp.close()
            page.close()
        return pages
    finally:
        doc.close()


def verify_pdf(path: Path, exp: dict[str, Any], problems: list[str]) -> None:
    pages = pdf_pages(path)
    for i, text in enumerate(pages, 1):
        if len(text.strip()) < 20:
            problems.append(f"{path.name}: page {i} has no text")
    normed = [norm(t) for t in pages]
    for it in exp["items"]:
        p = it["page_start"]
        if not 1 <= p <= len(pages):
            problems.append(f"{path.name}: item {it['number']} page {p} out of range")
            continue
        if probe(it["title"]) not in normed[p - 1]:
            problems.append(f"{path.name}: item {it['number']} title not on page {p}")
        for s in it["sections"]:
            sp = s["page_start"]
            if sp < p or sp > len(pages) or probe(s["title"], 40) not in normed[sp - 1]:
                problems.append(f"{path.name}: item {it['number']} section {s['title']!r} "
                                f"not on page {sp}")


def verify_docx(path: Path, exp: dict[str, Any], problems: list[str]) -> None:
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(str(path))
    breaks = 0
    seen: list[tuple[str, int]] = []
    for p in d.paragraphs:
        for br in p._p.iter(qn("w:br")):
            if br.get(qn("w:type")) == "page":
                breaks += 1
        seen.append((norm(p.text), breaks + 1))
    for it in exp["items"]:
        want = probe(it["title"])
        pages = [pg for text, pg in seen if want in text]
        if not pages:
            problems.append(f"{path.name}: item {it['number']} title not found")
        elif it["page_start"] not in pages:
            problems.append(f"{path.name}: item {it['number']} found on {pages}, "
                            f"expected {it['page_start']}")


def verify_html(path: Path, exp: dict[str, Any], problems: list[str]) -> None:
    from lxml import html as lhtml

    tree = lhtml.fromstring(path.read_bytes())
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    text = norm(tree.text_content())
    for it in exp["items"]:
        if probe(it["title"]) not in text:
            problems.append(f"{path.name}: item {it['number']} title not found")
        if it["page_start"] != 1:
            problems.append(f"{path.name}: HTML item {it['number']} page must be 1")


def main() -> int:
    problems: list[str] = []
    files = sorted(RENDERED.glob("*.expected.json"))
    for exp_path in files:
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        check_schema(exp, problems, exp_path.name)
        doc = RENDERED / exp["file"]
        if not doc.exists():
            problems.append(f"{exp['file']}: missing")
            continue
        {"pdf": verify_pdf, "docx": verify_docx, "html": verify_html}[exp["format"]](
            doc, exp, problems)
    manifest = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))
    for name in manifest:
        if not (BAD / name).exists():
            problems.append(f"bad/{name}: missing")
    for p in problems:
        print(p)
    print(f"{len(files)} documents checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
