"""Small council minutes made in the tests (HTML, DOCX, PDF) and unreadable files.

The tests of the batch, the report and the annotations do not wait for the rendered corpus:
they build what they need here, with fpdf2 and python-docx (dev dependencies).
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]

MAP_SENTENCES = {
    "social": "kortet for hele socialområdet",
    "children": "kortet for børnehandicapområdet",
    "adults": "kortet for voksenhandicapområdet",
}


@dataclass
class Minutes:
    """What a test needs to vary in a referat; the defaults meet every check."""

    municipality: str = "Herning Kommune"
    body: str = "Byrådet"
    date: dt.date = dt.date(2023, 9, 27)
    map_year: int = 2023
    maps: Sequence[str] = ("social", "children", "adults")
    national: bool = True
    plan: bool = True
    committee: str | None = None  # minutes of this committee instead of the council
    extra: list[str] = field(default_factory=list)  # more paragraphs in the Sagsfremstilling
    item_number: str = "2"

    @property
    def deciding_body(self) -> str:
        return self.committee or self.body

    def blocks(self) -> list[tuple[str, str]]:
        """(kind, text) in reading order; kind is h1, h2, h3 or p."""
        date_long = f"{self.date.day}. {MONTHS[self.date.month - 1]} {self.date.year}"
        date_dash = self.date.strftime("%d-%m-%Y")
        named = [MAP_SENTENCES[m] for m in self.maps]
        maps = ", ".join(named[:-1]) + " og " + named[-1] if len(named) > 1 else (named or ["-"])[0]
        case = [
            f"Ankestyrelsen har offentliggjort danmarkskortet {self.map_year}. Sagen omfatter "
            f"{maps}.",
        ]
        if self.national:
            case.append(
                f"{self.municipality}s tal og landsgennemsnittet fremgår af tabellen, og "
                "kommunen ligger under landsgennemsnittet."
            )
        case += self.extra
        proposal = f"Direktionen indstiller, at {self.body} drøfter danmarkskortet"
        decision = f"{self.deciding_body} drøftede danmarkskortet. Indstillingen blev godkendt."
        if self.plan:
            proposal += (
                f", og at {self.body} beslutter, at der ikke udarbejdes en handlingsplan, idet "
                "de igangsatte initiativer vurderes tilstrækkelige."
            )
            decision += (
                " Der udarbejdes ikke en handlingsplan, og Ankestyrelsen orienteres om "
                "beslutningen og begrundelsen."
            )
        else:
            proposal += "."
        return [
            ("h1", f"Referat – {self.deciding_body} – {date_long}"),
            ("p", self.municipality),
            ("p", f"Mødedato: {date_long}"),
            ("h2", "1. Godkendelse af dagsorden"),
            ("h3", f"Beslutning i {self.deciding_body} den {date_dash}"),
            ("p", "Godkendt."),
            (
                "h2",
                f"{self.item_number}. Danmarkskort over omgørelsesprocenter på socialområdet "
                f"{self.map_year}",
            ),
            ("p", "Beslutningssag"),
            ("h3", "Sagsfremstilling"),
            *(("p", text) for text in case),
            ("h3", "Indstilling"),
            ("p", proposal),
            ("h3", f"Beslutning i {self.deciding_body} den {date_dash}"),
            ("p", decision),
            ("h2", "3. Eventuelt"),
            ("h3", f"Beslutning i {self.deciding_body} den {date_dash}"),
            ("p", "Intet."),
        ]


def minutes_html(minutes: Minutes) -> bytes:
    parts = [
        '<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8">'
        f"<title>Referat {html.escape(minutes.municipality)}</title></head><body>"
    ]
    for kind, text in minutes.blocks():
        parts.append(f"<{kind}>{html.escape(text)}</{kind}>")
    parts.append("</body></html>\n")
    return "\n".join(parts).encode("utf-8")


def minutes_docx(minutes: Minutes) -> bytes:
    import docx

    document = docx.Document()
    for kind, text in minutes.blocks():
        if kind == "p":
            paragraph = document.add_paragraph()
            # several runs per paragraph, as Word writes them
            words = text.split(" ")
            half = len(words) // 2
            paragraph.add_run(" ".join(words[:half]) + (" " if half else ""))
            paragraph.add_run(" ".join(words[half:]))
        else:
            document.add_heading(text, level=int(kind[1]))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def minutes_pdf(minutes: Minutes) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_creation_date(dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc))
    pdf.set_margins(60, 60, 60)
    pdf.set_auto_page_break(True, 60)
    pdf.add_page()
    sizes = {"h1": 18, "h2": 14, "h3": 12, "p": 11}
    for kind, text in minutes.blocks():
        text = text.replace("–", "-")  # the core fonts are Latin-1 (æøå are fine)
        pdf.set_font("Helvetica", "B" if kind != "p" else "", sizes[kind])
        if kind != "p":
            pdf.ln(8)
        pdf.multi_cell(0, sizes[kind] * 1.35, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


RENDERERS = {"html": minutes_html, "docx": minutes_docx, "pdf": minutes_pdf}


def render(minutes: Minutes, fmt: str) -> bytes:
    return RENDERERS[fmt](minutes)


# --------------------------------------------------------------------------- unreadable files


def corrupt_pdf() -> bytes:
    """A PDF cut off in the middle."""
    whole = minutes_pdf(Minutes(municipality="Odense Kommune"))
    return whole[: len(whole) // 2]


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(minutes_pdf(Minutes()))))
    writer.encrypt(user_password="hemmelig", owner_password="ejer", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """One page that is only a picture (no text layer)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 800), 250)
    draw = ImageDraw.Draw(image)
    for y in range(80, 700, 24):
        draw.rectangle((60, y, 540, y + 10), fill=40)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF(format="A4", unit="mm")
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())
