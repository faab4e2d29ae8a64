"""Check the rendered corpus against its expected.json files, without the project's own readers.

    .venv/bin/python corpus/verify.py

For every corpus/rendered/<id>.expected.json: the schema is exactly the documented one; the file
opens; a PDF has extractable text on every page, and every item title and section title is found
on the page that expected.json claims; a DOCX has each item heading after exactly page_start - 1
explicit page breaks; an HTML page holds every title (decoded as UTF-8 when it declares no
charset); a TXT file (UTF-8 with or without BOM, else cp1252) holds every item and section title.
When `meeting.sources` is given (the newer styles): its values are known sources, a field whose
source is null is null, and a body or date said to be stated is found in the document (or the file
name). Also checks corpus/bad/expected.json. Exit code 1 on any problem.
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
SOURCES = {"header", "running_header", "decision_heading", "history", "file_name"}
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december"]
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
    meeting = exp["meeting"]
    need(meeting, MEETING_KEYS | ({"sources"} if "sources" in meeting else set()), "meeting")
    sources = meeting.get("sources")
    if "sources" in meeting:
        if not isinstance(sources, dict) or set(sources) != {"body", "date"}:
            problems.append(f"{name}: meeting.sources must hold exactly body and date")
        else:
            for key, value in sources.items():
                if value is not None and value not in SOURCES:
                    problems.append(f"{name}: meeting.sources.{key} {value!r} is not a source")
                if value is None and meeting.get(key) is not None:
                    problems.append(f"{name}: meeting.{key} must be null when its source is")
                if value is not None and meeting.get(key) is None:
                    problems.append(f"{name}: meeting.{key} is null but has a source")
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


def html_text(path: Path) -> str:
    """The visible text of an HTML file. A page without a declared charset is UTF-8 (the server's
    header carried it), so decode it here instead of letting the parser guess Latin-1."""
    from lxml import html as lhtml

    raw = path.read_bytes()
    head = raw[:4096].decode("ascii", "ignore").lower()
    declared = re.search(r"charset=[\"']?([a-z0-9_-]+)", head)
    tree = lhtml.fromstring(raw.decode(declared.group(1) if declared else "utf-8"))
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    return tree.text_content()


def txt_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def check_flat_text(path: Path, exp: dict[str, Any], text: str, problems: list[str],
                    sections: bool) -> None:
    """Titles in a text without pages (HTML, TXT): every item title, and (for the newer styles)
    every section title, in document order after the item's title."""
    normed = norm(text)
    pos = 0
    for it in exp["items"]:
        at = normed.find(probe(it["title"]), pos if sections else 0)
        if at < 0:
            problems.append(f"{path.name}: item {it['number']} title not found")
            continue
        if it["page_start"] != 1:
            problems.append(f"{path.name}: item {it['number']} page must be 1")
        if not sections:
            continue
        pos = at
        for s in it["sections"]:
            found = normed.find(probe(s["title"], 40), pos)
            if found < 0:
                problems.append(f"{path.name}: item {it['number']} section {s['title']!r} not "
                                "found in order")
            else:
                pos = found
            if s["page_start"] != 1:
                problems.append(f"{path.name}: item {it['number']} section page must be 1")


def verify_html(path: Path, exp: dict[str, Any], problems: list[str]) -> None:
    check_flat_text(path, exp, html_text(path), problems, "sources" in exp["meeting"])


def verify_txt(path: Path, exp: dict[str, Any], problems: list[str]) -> None:
    check_flat_text(path, exp, txt_text(path), problems, True)


def date_forms(iso: str) -> list[str]:
    y, m, d = (int(x) for x in iso.split("-"))
    return [f"{d:02d}-{m:02d}-{y}", f"{d:02d}.{m:02d}.{y}", f"{d}. {MONTHS[m - 1]} {y}", iso]


def document_text(path: Path, fmt: str) -> str:
    if fmt == "pdf":
        return "\n".join(pdf_pages(path))
    if fmt == "html":
        return html_text(path)
    if fmt == "txt":
        return txt_text(path)
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in d.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def fold_ascii(text: str) -> str:
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        text = text.lower().replace(a, b)
    return norm(re.sub(r"[^a-z0-9]+", "", text))


def verify_sources(path: Path, exp: dict[str, Any], problems: list[str]) -> None:
    """A body or date said to be stated must be in the document (or, for file_name, its name)."""
    meeting = exp["meeting"]
    sources = meeting.get("sources")
    if not isinstance(sources, dict):
        return
    text = norm(document_text(path, exp["format"]))
    body, date = meeting.get("body"), meeting.get("date")
    if sources.get("body") and body:
        if sources["body"] == "file_name":
            found = fold_ascii(body) in fold_ascii(path.stem)
        else:  # "Byrådet" is also stated as "Byrådets møde"
            found = norm(body) in text or norm(body).removesuffix("et") in text
        if not found:
            problems.append(f"{path.name}: body {body!r} not found ({sources['body']})")
    if sources.get("date") and date:
        where = norm(path.stem) if sources["date"] == "file_name" else text
        if not any(norm(f) in where for f in date_forms(date)):
            problems.append(f"{path.name}: date {date} not found ({sources['date']})")


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
        {"pdf": verify_pdf, "docx": verify_docx, "html": verify_html, "txt": verify_txt}[
            exp["format"]](doc, exp, problems)
        verify_sources(doc, exp, problems)
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
