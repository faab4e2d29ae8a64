"""Bad input files, generated on demand into a directory (also for batch tests later).

Each generator writes one file and returns its path. `BAD_INPUTS` lists every case with the
error class and the Danish message a user must see; `write_all(directory)` writes them all.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from minutes_checker import errors
from minutes_checker.read import EncryptedWordFile

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def text_pdf(
    pages: int = 2, text: str = "Byrådet godkendte danmarkskortet over omgørelsesprocenter."
) -> bytes:
    """A small valid text PDF (DejaVu when installed, else core Helvetica)."""
    from fpdf import FPDF

    pdf = FPDF()
    family = "helvetica"
    if (FONT_DIR / "DejaVuSans.ttf").exists():
        pdf.add_font("dejavu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        family = "dejavu"
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font(family, "", 11)
        pdf.multi_cell(0, 6, f"{number}. Punkt på dagsordenen\n{text}\n" * 8)
    return bytes(pdf.output())


def encrypted_pdf(directory: Path) -> Path:
    """A PDF that needs a user password to open."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password="referat2023", owner_password="ejer", algorithm="AES-128")
    path = directory / "krypteret.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def truncated_pdf(directory: Path) -> Path:
    """A PDF cut off at 55 % (a broken download)."""
    data = text_pdf(pages=4)
    path = directory / "afkortet.pdf"
    path.write_bytes(data[: len(data) * 55 // 100])
    return path


def damaged_pdf(directory: Path) -> Path:
    """A PDF whose header is intact but whose body is garbage."""
    path = directory / "beskadiget.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    return path


def empty_file(directory: Path) -> Path:
    path = directory / "tom.pdf"
    path.write_bytes(b"")
    return path


def docx_not_zip(directory: Path) -> Path:
    """A .docx file that holds plain text, not a zip archive."""
    path = directory / "referat.docx"
    path.write_text("Referat fra Byrådets møde den 27. september 2023\n", encoding="utf-8")
    return path


def png_named_pdf(directory: Path) -> Path:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 200, 200)).save(buffer, format="PNG")
    path = directory / "billede.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def text_named_pdf(directory: Path) -> Path:
    path = directory / "tekst.pdf"
    path.write_text("Dette er en almindelig tekstfil, ikke en PDF.\n", encoding="utf-8")
    return path


def scanned_pdf(directory: Path) -> Path:
    """A PDF whose only page is an image of text (no text layer)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (620, 877), 250)
    draw = ImageDraw.Draw(image)
    for row in range(12):
        draw.text((60, 60 + 40 * row), "Beslutning i Byrådet den 29-11-2023: Godkendt.", fill=20)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=0, y=0, w=210, h=297)
    path = directory / "scannet.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


def zip_bomb_docx(directory: Path) -> Path:
    """A .docx whose document.xml unpacks to more than 200 MB (written in chunks)."""
    path = directory / "bombe.docx"
    chunk = b"<w:t>" + b" " * (1024 * 1024 - 11) + b"</w:t>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            for _ in range(205):
                handle.write(chunk)
    return path


def corrupt_docx(directory: Path) -> Path:
    """A zip with word/document.xml that is not XML."""
    path = directory / "ødelagt.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "dette er ikke xml <<<")
    return path


def truncated_docx(directory: Path) -> Path:
    """A real zip archive cut in half."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>" * 4000)
        archive.writestr("[Content_Types].xml", "<Types/>" * 400)
    data = buffer.getvalue()
    path = directory / "halv.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def xlsx_named_docx(directory: Path) -> Path:
    path = directory / "regneark.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path


def encrypted_docx(directory: Path) -> Path:
    """Word stores password-protected files as an OLE container."""
    path = directory / "beskyttet.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    return path


def old_doc(directory: Path) -> Path:
    path = directory / "gammel.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    return path


def rtf_file(directory: Path) -> Path:
    path = directory / "noter.rtf"
    path.write_text("{\\rtf1\\ansi Noter fra mødet.}\n", encoding="utf-8")
    return path


def html_without_text(directory: Path) -> Path:
    path = directory / "tom.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title></title><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Forside</a></nav></body></html>",
        encoding="utf-8",
    )
    return path


def missing_file(directory: Path) -> Path:
    return directory / "findes-ikke.pdf"


@dataclass(frozen=True)
class BadInput:
    make: Callable[[Path], Path]
    error: type[errors.InputError]
    message: str  # the Danish message a user must see (a prefix of it)


BAD_INPUTS: dict[str, BadInput] = {
    "encrypted_pdf": BadInput(
        encrypted_pdf, errors.EncryptedFile, "PDF'en er krypteret eller beskyttet med adgangskode"
    ),
    "truncated_pdf": BadInput(
        truncated_pdf, errors.CorruptFile, "filen er beskadiget eller ufuldstændig"
    ),
    "damaged_pdf": BadInput(
        damaged_pdf, errors.CorruptFile, "filen er beskadiget eller ufuldstændig"
    ),
    "empty_file": BadInput(empty_file, errors.EmptyFile, "filen er tom"),
    "docx_not_zip": BadInput(
        docx_not_zip, errors.NotAZip, "DOCX-filen er ikke en gyldig Word-fil (ikke en zip-fil)"
    ),
    "png_named_pdf": BadInput(
        png_named_pdf, errors.WrongType, "filens indhold passer ikke til filnavnet"
    ),
    "text_named_pdf": BadInput(
        text_named_pdf, errors.WrongType, "filens indhold passer ikke til filnavnet"
    ),
    "scanned_pdf": BadInput(scanned_pdf, errors.ScannedPdf, "ingen tekst i PDF'en (scannet?)"),
    "zip_bomb_docx": BadInput(
        zip_bomb_docx, errors.TooLarge, "filen er for stor eller for kompleks til at blive læst"
    ),
    "corrupt_docx": BadInput(
        corrupt_docx, errors.CorruptFile, "filen er beskadiget eller ufuldstændig"
    ),
    "truncated_docx": BadInput(
        truncated_docx, errors.CorruptFile, "filen er beskadiget eller ufuldstændig"
    ),
    "xlsx_named_docx": BadInput(
        xlsx_named_docx, errors.WrongType, "filens indhold passer ikke til filnavnet"
    ),
    "encrypted_docx": BadInput(
        encrypted_docx, EncryptedWordFile, "Word-filen er krypteret eller beskyttet med adgangskode"
    ),
    "old_doc": BadInput(
        old_doc, errors.UnsupportedFormat, "filtypen understøttes ikke (kun PDF, DOCX, HTML og"
    ),
    "rtf_file": BadInput(
        rtf_file, errors.UnsupportedFormat, "filtypen understøttes ikke (kun PDF, DOCX, HTML og"
    ),
    "html_without_text": BadInput(
        html_without_text, errors.NoText, "dokumentet indeholder ingen tekst"
    ),
    "missing_file": BadInput(missing_file, errors.FileMissing, "filen findes ikke"),
}


def write_all(directory: Path) -> dict[str, Path]:
    """Write every bad input into `directory`; returns name -> path."""
    directory.mkdir(parents=True, exist_ok=True)
    return {name: case.make(directory) for name, case in BAD_INPUTS.items()}
