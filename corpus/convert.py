"""Convert the corpus DOCX and HTML files to PDF with other producers (a producer-variety check).

    .venv/bin/python corpus/convert.py                  # every DOCX and HTML -> build/converted/
    .venv/bin/python corpus/convert.py --only ID ...    # some cases
    .venv/bin/python corpus/convert.py --out DIR        # another folder
    .venv/bin/python corpus/convert.py --selection      # the committed set -> corpus/converted/
    .venv/bin/python corpus/convert.py --selection --force   # ... even if the source is unchanged
    .venv/bin/python corpus/convert.py --print-header   # HTML as a user prints a portal page
    .venv/bin/python corpus/convert.py --print-header --paper A5   # … on narrow paper
    .venv/bin/python corpus/convert.py --paste          # text copied from the PDFs and web pages

The corpus PDFs are written by fpdf2; real minutes come from Word, LibreOffice, browsers and
document systems. This script prints `corpus/rendered/<id>.docx` with LibreOffice (`soffice
--convert-to pdf`) and `corpus/rendered/<id>.html` with headless Chromium (`--print-to-pdf`), and
writes `<id>.pdf` plus `<id>.expected.json` next to it: the source case's labels and split
unchanged, and its structure (meeting, items, titles, kinds, sections in order) without page
numbers, which differ between producers. `source` in the JSON records the file it was made from,
that file's sha256 and the producer.

A converter that is not installed is skipped with a message (exit 0), so the script can run on
machines without LibreOffice or Chromium. PDFs are made reproducible by overwriting their
creation dates and file identifiers in place (same length, so the cross-reference table stays
valid). With `--selection` a file is converted again only when its source changed (sha256) or
with `--force`: the committed PDFs in corpus/converted/ are not re-generated on every run.

With `--print-header` the HTML pages are printed the way a caseworker prints a portal page from
the browser (Chromium driven by Playwright): the browser's header and footer on every page, a
print stamp with date and time and the page's title at the top, the page's address and "1/7" at
the bottom. These go to `<id>.print.pdf` / `<id>.print.expected.json` (the stamp is a fixed day,
so the bytes are reproducible); DOCX files are left out.

With `--paste` the cases become text files as a user pastes them into a .txt: a PDF's text as a
viewer copies it (every page's text through PDFium, hard-wrapped at the page's width, running
headers and footers included) and a web page's text as a browser copies it (Chromium's
innerText, menus and buttons included), as `<id>.pasted.txt` / `<id>.pasted.expected.json`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent
ROOT = CORPUS.parent
RENDERED = CORPUS / "rendered"
CONVERTED = CORPUS / "converted"
DEFAULT_OUT = ROOT / "build" / "converted"

# the committed selection: the three label-text table layouts (docx_table: a nested table, a
# label cut by a page break, a last page of one-line rows), a docx_overskrift, a docx_bold (its
# running footer looks like a decision heading) and two Chromium-printed HTML pages (a data
# table with a bold header row)
SELECTION = (
    "skanderborg-2023-handleplan-voksen",  # docx_table
    "vordingborg-2022-klynge-godkendt",  # docx_table (heldout)
    "favrskov-2023-tre-kort-unavngivne",  # docx_table
    "hoeje-taastrup-2023-andre-kommuner",  # docx_table (heldout): a table with wrapped cells
    "odense-2022-byraad-handlingsplan",  # docx_overskrift
    "vejle-2023-ingen-stillingtagen",  # docx_bold
    "koebenhavn-2023-borgerrepraesentationen",  # html_div
    "kolding-2023-indstilling-efterretning",  # html_portal
)

# the committed browser prints (`--selection --print-header`): a portal's meeting page, a
# single item whose decision sentence wraps before "Byrådets møde den …", a meeting whose
# figures table has a bold header row with an empty first cell, one whose page buttons fall
# between a decision history's body and date lines, and one whose figures table's header row
# stands over rows PDFium reads as plain lines
PRINT_SELECTION = (
    "lemvig-2024-web1",  # html_web_portal
    "holbaek-2025-udvalget-oversender",  # html_single_item
    "fredericia-2022-punkt",  # html_web_portal
    "billund-2024-sml1",  # html_web_portal
    "aeroe-2020-portal-tabel-og-protokolbemaerkning",  # html_portal
    "hoeje-taastrup-2023-r50a1",  # html_web_portal: "… for alle" / "98 kommuner:" wraps
)

# … and two on A5 (`--selection --print-header --paper A5`): a figures table whose centred
# header cells wrap ("Hele" / "socialområdet"), and a decision whose sentence breaks over a page
# after "Venstre bad om, at"
NARROW_PRINT_SELECTION = (
    "koebenhavn-2021-moedepunkt",  # html_div
    "slagelse-2022-ind1",  # html_web_portal
)

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT = 180

# creation/modification dates, file identifiers and LibreOffice's checksum, overwritten with
# fixed values of the same length: "/CreationDate(D:20261123152626Z')", "/ModDate (D:…)",
# "/ID [ <0D2A…> <0D2A…> ]", "/DocChecksum /4E98…"
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{4,14})")
_PDF_ID = re.compile(rb"(/ID\s*\[\s*)<([0-9A-Fa-f]+)>(\s*)<([0-9A-Fa-f]+)>")
_PDF_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")
_FIXED_DATE = b"20240101120000"


def find_tool(names: tuple[str, ...]) -> str | None:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_reproducible(data: bytes, seed: str) -> bytes:
    """The PDF with its dates and identifiers fixed; every replacement keeps the byte length."""

    def date(match: re.Match[bytes]) -> bytes:
        digits = match.group(2)
        return match.group(1) + _FIXED_DATE[: len(digits)].ljust(len(digits), b"0")

    def ident(match: re.Match[bytes]) -> bytes:
        first, second = match.group(2), match.group(4)
        fixed = hashlib.sha256(seed.encode()).hexdigest().upper().encode()
        fixed = (fixed * 4)[: max(len(first), len(second))]
        return (
            match.group(1)
            + b"<"
            + fixed[: len(first)]
            + b">"
            + match.group(3)
            + b"<"
            + fixed[: len(second)]
            + b">"
        )

    def checksum(match: re.Match[bytes]) -> bytes:
        return match.group(1) + b"0" * len(match.group(2))

    out = _PDF_DATE.sub(date, data)
    out = _PDF_ID.sub(ident, out)
    out = _PDF_CHECKSUM.sub(checksum, out)
    assert len(out) == len(data)
    return out


def converted_expectation(
    expected: dict[str, Any], pdf_name: str, source: Path, producer: str, producer_version: str
) -> dict[str, Any]:
    """The source case's expected.json for the converted PDF: labels and split unchanged,
    structure without page numbers (titles, kinds and sections in order)."""
    items = []
    for item in expected["items"]:
        items.append(
            {
                "number": item["number"],
                "title": item["title"],
                "kind": item.get("kind"),
                "closed": item.get("closed", False),
                "sections": [
                    {key: value for key, value in section.items() if key != "page_start"}
                    for section in item["sections"]
                ],
            }
        )
    return {
        "id": expected["id"],
        "file": pdf_name,
        "format": "pdf",
        "split": expected["split"],
        "source": {
            "file": source.name,
            "format": expected["format"],
            "sha256": sha256(source),
            "producer": producer,
            "producer_version": producer_version,
        },
        "meeting": expected["meeting"],
        "items": items,
        "labels": expected["labels"],
    }


def convert_docx(soffice: str, sources: list[Path], out: Path) -> dict[Path, Path]:
    """DOCX -> PDF with LibreOffice (one process for all files, a private profile)."""
    done: dict[Path, Path] = {}
    if not sources:
        return done
    with tempfile.TemporaryDirectory(prefix="convert-lo-") as temp:
        profile = Path(temp) / "profile"
        target = Path(temp) / "pdf"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(target),
            *(str(path) for path in sources),
        ]
        subprocess.run(command, capture_output=True, timeout=TIMEOUT * len(sources), check=False)
        for source in sources:
            pdf = target / f"{source.stem}.pdf"
            if pdf.is_file():
                final = out / pdf.name
                final.write_bytes(make_reproducible(pdf.read_bytes(), source.stem))
                done[source] = final
            else:
                print(f"  LibreOffice gave no PDF for {source.name}", file=sys.stderr)
    return done


def convert_html(chromium: str, sources: list[Path], out: Path) -> dict[Path, Path]:
    """HTML -> PDF with headless Chromium (print to PDF, no header and footer)."""
    done: dict[Path, Path] = {}
    with tempfile.TemporaryDirectory(prefix="convert-chromium-") as temp:
        for source in sources:
            pdf = Path(temp) / f"{source.stem}.pdf"
            command = [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={Path(temp) / 'profile'}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                source.resolve().as_uri(),
            ]
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
            if pdf.is_file():
                final = out / pdf.name
                final.write_bytes(make_reproducible(pdf.read_bytes(), source.stem))
                done[source] = final
            else:
                print(f"  Chromium gave no PDF for {source.name}", file=sys.stderr)
    return done


# what a browser prints around a page (Chromium's classes fill in the title and page numbers);
# the stamp is fixed so that the PDF does not change with the day it is made
PRINT_STAMP = "07.12.2026 10.15"
_PRINT_HEADER = (
    '<div style="font-size:8px;width:100%;margin:0 10mm;display:flex;gap:40px">'
    f"<span>{PRINT_STAMP}</span><span class=title></span></div>"
)
_PRINT_FOOTER = (
    '<div style="font-size:8px;width:100%;margin:0 10mm;display:flex;'
    'justify-content:space-between"><span>{address}</span>'
    "<span><span class=pageNumber></span>/<span class=totalPages></span></span></div>"
)


def print_html(
    chromium: str, sources: list[Path], out: Path, paper: str = "A4", suffix: str = ".print"
) -> dict[Path, Path]:
    """HTML -> PDF as a user prints a portal page: Chromium (through Playwright) with the
    browser's header and footer (print stamp and title, address and page numbers), on `paper`
    ("A4", or "A5" where lines and table cells wrap more)."""
    from playwright.sync_api import sync_playwright

    done: dict[Path, Path] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        for source in sources:
            page.goto(source.resolve().as_uri())
            address = f"https://dagsordener.example.dk/vis/{sha256(source)[:12]}"
            data = page.pdf(
                format=paper,
                display_header_footer=True,
                header_template=_PRINT_HEADER,
                footer_template=_PRINT_FOOTER.format(address=address),
                margin={"top": "15mm", "bottom": "15mm", "left": "10mm", "right": "10mm"},
            )
            final = out / f"{source.stem}{suffix}.pdf"
            final.write_bytes(make_reproducible(data, source.stem))
            done[source] = final
        browser.close()
    return done


def paste_pdf(sources: list[Path], out: Path) -> dict[Path, Path]:
    """PDF -> text as a viewer's "copy all" gives it: every page's text through PDFium."""
    import pypdfium2

    done: dict[Path, Path] = {}
    for source in sources:
        document = pypdfium2.PdfDocument(source)
        try:
            pages = [page.get_textpage().get_text_range() for page in document]
        finally:
            document.close()
        final = out / f"{source.stem}.pasted.txt"
        final.write_text("\n".join(pages).replace("\r\n", "\n"), encoding="utf-8")
        done[source] = final
    return done


def paste_html(chromium: str, sources: list[Path], out: Path) -> dict[Path, Path]:
    """HTML -> text as a browser copies a page (Chromium's innerText of the body)."""
    from playwright.sync_api import sync_playwright

    done: dict[Path, Path] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        for source in sources:
            page.goto(source.resolve().as_uri())
            final = out / f"{source.stem}.pasted.txt"
            final.write_text(page.inner_text("body"), encoding="utf-8")
            done[source] = final
        browser.close()
    return done


_PRODUCER = re.compile(rb"/Producer\s*(?:\((?P<text>[^)]*)\)|<(?P<hex>[0-9A-Fa-f]+)>)")


def _producer(pdf: Path) -> str:
    """The PDF's /Producer ("LibreOffice 7.4", "Skia/PDF m156")."""
    match = _PRODUCER.search(pdf.read_bytes())
    if not match:
        return ""
    if match.group("text") is not None:
        return match.group("text").decode("latin-1")
    raw = bytes.fromhex(match.group("hex").decode("ascii"))
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    return raw.decode("latin-1")


def _up_to_date(out: Path, source: Path, suffix: str = "") -> bool:
    expected = out / f"{source.stem}{suffix}.expected.json"
    if not (out / f"{source.stem}{suffix}.pdf").is_file() or not expected.is_file():
        return False
    data = json.loads(expected.read_text(encoding="utf-8"))
    return data.get("source", {}).get("sha256") == sha256(source)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="case ids to convert")
    parser.add_argument("--out", type=Path, help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument(
        "--selection",
        action="store_true",
        help=f"convert the committed selection into {CONVERTED} (only what changed)",
    )
    parser.add_argument("--force", action="store_true", help="convert even if up to date")
    parser.add_argument(
        "--print-header",
        action="store_true",
        help="print the HTML pages with the browser's header and footer (<id>.print.pdf)",
    )
    parser.add_argument(
        "--paper",
        choices=("A4", "A5"),
        default="A4",
        help="paper for --print-header (A5: <id>.print-a5.pdf, narrow lines and table cells)",
    )
    parser.add_argument(
        "--paste",
        action="store_true",
        help="text pasted from the PDFs and web pages (<id>.pasted.txt)",
    )
    args = parser.parse_args(argv)
    if args.paste:
        return _paste(args.only, args.out or DEFAULT_OUT)
    suffix = ""
    if args.print_header:
        suffix = ".print" if args.paper == "A4" else f".print-{args.paper.lower()}"

    if args.selection:
        selection = SELECTION
        if args.print_header:
            selection = PRINT_SELECTION if args.paper == "A4" else NARROW_PRINT_SELECTION
        ids = list(args.only or selection)
        out = args.out or CONVERTED
    else:
        out = args.out or DEFAULT_OUT
        ids = args.only or sorted(
            path.name.split(".")[0] for path in RENDERED.glob("*.expected.json")
        )
    out.mkdir(parents=True, exist_ok=True)

    sources: list[tuple[Path, dict[str, Any]]] = []
    for case_id in ids:
        expectation = RENDERED / f"{case_id}.expected.json"
        if not expectation.is_file():
            print(f"unknown case {case_id!r}", file=sys.stderr)
            return 2
        expected = json.loads(expectation.read_text(encoding="utf-8"))
        source = RENDERED / expected["file"]
        if expected["format"] not in (("html",) if args.print_header else ("docx", "html")):
            if args.only:
                print(f"{case_id}: a {expected['format']} file, nothing to convert")
            continue
        if not args.force and _up_to_date(out, source, suffix):
            continue
        sources.append((source, expected))

    docx = [source for source, expected in sources if expected["format"] == "docx"]
    html = [source for source, expected in sources if expected["format"] == "html"]
    done: dict[Path, tuple[Path, str]] = {}
    if docx:
        soffice = find_tool(SOFFICE_NAMES)
        if soffice is None:
            print(f"LibreOffice (soffice) not found: {len(docx)} DOCX file(s) skipped")
        else:
            for source, pdf in convert_docx(soffice, docx, out).items():
                done[source] = (pdf, "libreoffice")
    if html:
        chromium = find_tool(CHROMIUM_NAMES)
        if chromium is None:
            print(f"Chromium not found: {len(html)} HTML file(s) skipped")
        else:
            if args.print_header:
                printed = print_html(chromium, html, out, args.paper, suffix)
            else:
                printed = convert_html(chromium, html, out)
            for source, pdf in printed.items():
                done[source] = (pdf, "chromium")

    for source, expected in sources:
        if source not in done:
            continue
        pdf, producer = done[source]
        data = converted_expectation(expected, pdf.name, source, producer, _producer(pdf))
        (out / f"{expected['id']}{suffix}.expected.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    skipped = len(ids) - len(sources)
    print(
        f"{len(done)} converted into {out}"
        + (f", {skipped} up to date or not DOCX/HTML" if skipped else "")
    )
    return 0 if len(done) == len(sources) or not done else 1


def _paste(only: list[str] | None, out: Path) -> int:
    """`--paste`: every PDF and HTML case (or `only` these) as pasted text, with its labels."""
    out.mkdir(parents=True, exist_ok=True)
    ids = only or sorted(path.name.split(".")[0] for path in RENDERED.glob("*.expected.json"))
    cases = []
    for case_id in ids:
        expectation = RENDERED / f"{case_id}.expected.json"
        if not expectation.is_file():
            print(f"unknown case {case_id!r}", file=sys.stderr)
            return 2
        expected = json.loads(expectation.read_text(encoding="utf-8"))
        if expected["format"] in ("pdf", "html"):
            cases.append((RENDERED / expected["file"], expected))
    done = paste_pdf([source for source, e in cases if e["format"] == "pdf"], out)
    html = [source for source, e in cases if e["format"] == "html"]
    chromium = find_tool(CHROMIUM_NAMES) if html else None
    if html and chromium is None:
        print(f"Chromium not found: {len(html)} HTML file(s) skipped")
    elif html and chromium is not None:
        done.update(paste_html(chromium, html, out))
    for source, expected in cases:
        if source in done:
            data = dict(expected, file=done[source].name, format="txt")
            (out / f"{expected['id']}.pasted.expected.json").write_text(
                json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
    print(f"{len(done)} pasted into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
