"""How fast is a long referat read, and does memory stay flat as it grows?

    .venv/bin/python benchmarks/read_speed.py               # 50, 150 and 300 pages
    .venv/bin/python benchmarks/read_speed.py --pages 150   # one size
    .venv/bin/python benchmarks/read_speed.py --repeat 5    # best of five reads

Generates realistic referater with fpdf2 into benchmarks/generated/ (git-ignored): a cover page,
a table of contents with dot leaders, 30-60 agenda items with Resume, Sagsfremstilling, Økonomi,
Indstilling (numbered entries), a committee's and the council's Beslutning and Bilag, running
header and footer, justified Danish text. Each size is read in a fresh subprocess that reports
the read time (`read_document`: PDF text, furniture, paragraphs and structure) and its peak RSS
(`resource.getrusage(...).ru_maxrss`), next to the RSS of the same process before reading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GENERATED = HERE / "generated"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

TITLES = [
    "Godkendelse af dagsorden",
    "Budgetopfølgning pr. 31. august",
    "Danmarkskort over omgørelsesprocenter på socialområdet",
    "Anlægsbevilling til udbygning af skole",
    "Takster for det kommende år",
    "Endelig vedtagelse af lokalplan for boliger ved Engvej",
    "Kvalitetsrapport for folkeskoleområdet",
    "Handicappolitik med tilhørende handleplan",
    "Revision af kvalitetsstandarder for personlig og praktisk hjælp",
    "Tilsynsrapporter fra plejecentre",
    "Medfinansiering af boligsocial helhedsplan",
    "Sygefravær blandt kommunens medarbejdere",
    "Digitaliseringsstrategi",
    "Trafikbestilling for den kollektive bustrafik",
    "Affaldsplan – endelig vedtagelse",
    "Plan for risikobaseret dimensionering af redningsberedskabet",
    "Orientering om klagesager på børne- og familieområdet",
    "Mødeplan for Byrådet",
]
COMMITTEES = [
    "Økonomiudvalget",
    "Social- og Sundhedsudvalget",
    "Børne- og Ungeudvalget",
    "Teknik- og Miljøudvalget",
    "Kultur- og Fritidsudvalget",
]
SENTENCES = [
    "Ankestyrelsen offentliggjorde den 23. juni danmarkskortet over omgørelsesprocenter på "
    "socialområdet, og kortet viser kommunens tal for det foregående år.",
    "Omgørelsesprocenten for hele socialområdet er 27 %, mens landsgennemsnittet er 29 %.",
    "På børnehandicapområdet er omgørelsesprocenten 41 %, og på voksenhandicapområdet 24 %.",
    "Administrationen har gennemgået de omgjorte sager og vurderer, at sagsoplysningen kan "
    "styrkes, særligt i sager om merudgifter og tabt arbejdsfortjeneste.",
    "Sagen har været drøftet i Handicaprådet, som har afgivet et høringssvar, der er vedlagt "
    "som bilag til sagen.",
    "Der er afsat midler i budgettet til kompetenceudvikling af medarbejderne i "
    "myndighedsafdelingen, og forløbet gennemføres i samarbejde med en ekstern underviser.",
    "Forvaltningen følger udviklingen løbende og afrapporterer til udvalget to gange årligt.",
    "Den økonomiske ramme for området er under pres, og forvaltningen forventer et merforbrug "
    "på 3,2 mio. kr., som foreslås finansieret inden for udvalgets samlede budget.",
    "Byrådet besluttede sidste år at iværksætte en række initiativer for at styrke den "
    "juridiske kvalitet i sagsbehandlingen, herunder faste sagsgennemgange og juridisk sparring.",
    "Kommunen ligger på niveau med sammenlignelige kommuner i klyngen og placerer sig som "
    "nummer 41 blandt landets 98 kommuner.",
]


MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")  # fmt: skip
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


@dataclass
class Section:
    """A section of an agenda item. `text`: paragraphs separated by blank lines; a paragraph of
    lines starting with "|" is a table (first row the header), "- x" a bullet, "1. x" an entry."""

    heading: str
    text: str


@dataclass
class AgendaItem:
    title: str
    sections: list[Section]
    kind_label: str | None = "Beslutningssag"
    case_number: str | None = None
    closed: bool = False


@dataclass
class MeetingInfo:
    municipality: str = "Aarhus Kommune"
    body: str = "Byrådet"
    date: dt.date = dt.date(2023, 9, 27)
    place: str = "Byrådssalen"
    absent: tuple[str, ...] = ()


def _paragraph(rng: random.Random, sentences: int, pool: list[str] = SENTENCES) -> str:
    return " ".join(rng.choice(pool) for _ in range(sentences))


def random_items(rng: random.Random, pages: int) -> list[AgendaItem]:
    """30-60 items from TITLES with Sagsfremstilling paragraphs from SENTENCES, sized so the
    whole document reaches about `pages` pages."""
    count = max(30, min(60, pages // 5))
    per_item = max(1, round((pages * 7.5 - count * 7) / count))
    items = []
    for _ in range(count):
        title = rng.choice(TITLES)
        case_number = f"23/{rng.randint(10000, 99999)}"
        paragraphs = "\n\n".join(_paragraph(rng, rng.randint(3, 6)) for _ in range(per_item))
        sections = [
            Section("Resume", _paragraph(rng, 2)),
            Section("Sagsfremstilling", paragraphs),
            Section("Økonomi", _paragraph(rng, 1)),
            Section("Indstilling", "Direktøren indstiller,\n\n1. at Byrådet godkender "
                    "indstillingen,\n2. at sagen oversendes til videre behandling."),
            Section(f"Beslutning i {rng.choice(COMMITTEES)} den 18-09-2023", "Anbefales."),
            Section("Beslutning i Byrådet den 27-09-2023", "Godkendt."),
            Section("Bilag", "1. Notat om sagen\n2. Høringssvar"),
        ]  # fmt: skip
        items.append(AgendaItem(title, sections, case_number=case_number))
    return items


def generate(pages: int, path: Path, seed: int = 7) -> int:
    """Write a realistic referat of about `pages` pages; returns the real page count."""
    rng = random.Random(seed + pages)
    return render_referat(path, MeetingInfo(), random_items(rng, pages))


def _blocks(text: str) -> list[tuple[str, object]]:
    """("p", text), ("entry", text) or ("table", rows) for each block of a section text."""
    out: list[tuple[str, object]] = []
    for paragraph in text.strip().split("\n\n"):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("|") for line in lines):
            rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
            out.append(("table", rows))
            continue
        plain: list[str] = []
        for line in lines:
            if re.match(r"^(?:[-•]|\d{1,2}\.|[a-h]\))\s", line):
                if plain:
                    out.append(("p", " ".join(plain)))
                    plain = []
                out.append(("entry", line))
            else:
                plain.append(line)
        if plain:
            out.append(("p", " ".join(plain)))
    return out


def render_referat(path: Path, meeting: MeetingInfo, items: list[AgendaItem]) -> int:
    """Write the referat of a meeting with fpdf2: a cover page, a table of contents with dot
    leaders and the items' real page numbers, the items (title, Sagsnr., kind, sections with
    justified paragraphs, numbered entries and tables), a running header and footer."""
    from fpdf import FPDF

    date = meeting.date
    long_date = f"{date.day}. {MONTHS[date.month - 1]} {date.year}"
    footer_text = f"{meeting.body} {date:%d-%m-%Y} – Side {{page}} af {{nb}}"

    class Referat(FPDF):  # type: ignore[misc]
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("sans", "", 8)
                self.set_xy(self.l_margin, 9)
                self.cell(0, 4, meeting.municipality)
                self.set_xy(self.l_margin, 9)
                self.cell(0, 4, "Referat", align="R")
                self.set_y(20)

        def footer(self) -> None:
            if self.page_no() > 1:
                self.set_y(-13)
                self.set_font("sans", "", 8)
                text = footer_text.replace("{page}", str(self.page_no()))
                self.cell(0, 4, text, align="C")

    def toc(pdf: FPDF, outline: list[Any]) -> None:
        pdf.set_font("sans", "B", 14)
        pdf.cell(0, 9, "Indholdsfortegnelse", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("sans", "", 9.5)
        width = pdf.w - pdf.l_margin - pdf.r_margin
        for section in outline:
            page = str(section.page_number)
            room = width - pdf.get_string_width(page) - 2
            name = section.name
            while pdf.get_string_width(name + " ...") > room:
                name = name[:-1]
            dots = int((room - pdf.get_string_width(name + " ")) / pdf.get_string_width("."))
            pdf.cell(room, 5, f"{name} " + "." * max(dots, 3))
            pdf.cell(0, 5, page, align="R", new_x="LMARGIN", new_y="NEXT")

    pdf = Referat(format="A4", unit="mm")
    pdf.add_font("sans", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("sans", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.alias_nb_pages()
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, 20)
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))

    pdf.add_page()
    pdf.set_font("sans", "B", 20)
    pdf.cell(0, 12, meeting.municipality, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("sans", "B", 28)
    pdf.cell(0, 14, "Referat", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("sans", "", 15)
    pdf.cell(0, 9, meeting.body, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("sans", "", 10)
    weekday = WEEKDAYS[date.weekday()].capitalize()
    pdf.cell(0, 6, f"Mødedato: {weekday} den {long_date}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, f"Mødested: {meeting.place}", new_x="LMARGIN", new_y="NEXT")
    if meeting.absent:
        pdf.cell(0, 6, "Fraværende: " + ", ".join(meeting.absent), new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.insert_toc_placeholder(toc, pages=1, allow_extra_pages=True)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for number, item in enumerate(items, start=1):
        if pdf.get_y() > 230:
            pdf.add_page()
        pdf.ln(4)
        heading = f"{number}. {item.title}"
        pdf.start_section(heading)
        pdf.set_font("sans", "B", 12)
        pdf.multi_cell(0, 6.5, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("sans", "", 8.5)
        if item.closed:
            pdf.cell(0, 4.5, "Lukket punkt", new_x="LMARGIN", new_y="NEXT")
        if item.case_number:
            pdf.cell(0, 4.5, f"Sagsnr.: {item.case_number}", new_x="LMARGIN", new_y="NEXT")
        if item.kind_label:
            pdf.cell(0, 4.5, item.kind_label, new_x="LMARGIN", new_y="NEXT")
        for section in item.sections:
            pdf.ln(1.5)
            pdf.set_font("sans", "B", 10)
            pdf.multi_cell(0, 5.5, section.heading, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("sans", "", 9.5)
            for kind, content in _blocks(section.text):
                if kind == "table":
                    rows = content if isinstance(content, list) else []
                    columns = max(len(row) for row in rows)
                    first = 0.34 if columns > 2 else 0.5
                    widths = [first] + [(1 - first) / (columns - 1)] * (columns - 1)
                    align = ["LEFT"] + ["RIGHT"] * (columns - 1)
                    pdf.set_font("sans", "", 8.5)
                    with pdf.table(width=width, col_widths=widths, line_height=4.6,
                                   text_align=align, align="LEFT") as table:  # fmt: skip
                        for row in rows:
                            cells = table.row()
                            for index in range(columns):
                                cells.cell(row[index] if index < len(row) else "")
                    pdf.set_font("sans", "", 9.5)
                    pdf.ln(1.2)
                elif kind == "entry":
                    pdf.set_x(pdf.l_margin + 4)
                    pdf.multi_cell(width - 4, 4.8, str(content), new_x="LMARGIN", new_y="NEXT")
                else:
                    pdf.multi_cell(0, 4.8, str(content), align="J", new_x="LMARGIN",
                                   new_y="NEXT")  # fmt: skip
                    pdf.ln(1.2)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return int(pdf.page_no())


def measure(path: Path, repeat: int) -> dict[str, Any]:
    """Run in a fresh process. Peak RSS of the first read (in MB, above the RSS after imports);
    then the best of `repeat` further reads (wall clock and CPU time). Also the RSS growth of
    streaming the PDF through PDFium alone (open, every page's text page, close)."""
    import gc

    import pypdfium2 as pdfium

    from minutes_checker.pipeline import inspect_file as read_document

    def rss() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    data = path.read_bytes()
    before = rss()
    pdf = pdfium.PdfDocument(data)
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
    pdfium_growth = rss() - before
    started = time.perf_counter()
    document = read_document(path)
    first = time.perf_counter() - started
    peak = rss()
    pages, items, lines = len(document.pages), len(document.items), len(document.lines)
    del document
    gc.collect()
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        document = read_document(path)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        del document
    return {
        "file": path.name,
        "pages": pages,
        "items": items,
        "lines": lines,
        "first_seconds": first,
        "seconds": min(times),
        "cpu_seconds": min(cpu),
        "rss_before_mb": before,
        "pdfium_growth_mb": pdfium_growth,
        "rss_peak_mb": peak,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[50, 150, 300])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeat)))
        return 0
    rows = []
    for pages in args.pages:
        path = GENERATED / f"referat-{pages}.pdf"
        if not path.exists():
            started = time.perf_counter()
            real = generate(pages, path)
            print(f"generated {path.name}: {real} pages in {time.perf_counter() - started:.1f} s",
                  file=sys.stderr)  # fmt: skip
        done = subprocess.run(
            [sys.executable, __file__, "--measure", str(path), "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
            check=True,
            cwd=HERE.parent,
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    columns = ("file", "pages", "items", "first s", "best s", "cpu s", "pages/s", "PDFium +MB",
               "read +MB", "+KB/page")  # fmt: skip
    widths = (16, 5, 5, 8, 7, 6, 8, 11, 8, 8)
    print(" ".join(f"{c:<{w}}" if i == 0 else f"{c:>{w}}" for i, (c, w) in
                   enumerate(zip(columns, widths, strict=True))))  # fmt: skip
    for row in rows:
        growth = row["rss_peak_mb"] - row["rss_before_mb"]
        print(
            f"{row['file']:<16} {row['pages']:>5} {row['items']:>5} {row['first_seconds']:>8.3f} "
            f"{row['seconds']:>7.3f} {row['cpu_seconds']:>6.3f} "
            f"{row['pages'] / row['seconds']:>8.0f} {row['pdfium_growth_mb']:>11.1f} "
            f"{growth:>8.1f} {growth * 1024 / row['pages']:>8.0f}"
        )
    print(
        "first: first read in a fresh process (includes one-time regex compilation); best, cpu: "
        "best of the repeats (wall clock, CPU time); PDFium +MB: RSS growth of streaming every "
        "page through PDFium alone; read +MB: peak RSS growth of the whole first read (the "
        "Document holds every line with its box: about 1 KB a line)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
