"""Reading minutes: PDF, DOCX and HTML into one page-aware, structured `Document`.

`read_document(path)` decides the format from the file's content (not its name), reads it with
the matching reader, and fills meeting, items and sections (`structure.analyse`). Every failure
is an `InputError` with a plain Danish message; no library exception escapes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Literal

from ..errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    FileMissing,
    InputError,
    InternalError,
    NotAZip,
    TooLarge,
    UnsupportedFormat,
    WrongType,
    nul_message,
)
from ..models import Document

MAX_FILE_BYTES = 400 * 1024 * 1024

__all__ = ["EncryptedWordFile", "read_bytes", "read_document", "sniff"]


class EncryptedWordFile(EncryptedFile):
    """A Word file protected with a password (stored as an OLE container, not a zip)."""

    message_da = "Word-filen er krypteret eller beskyttet med adgangskode"
    message_en = "the Word file is encrypted or password protected"


Sniffed = Literal[
    "pdf", "docx", "html", "zip", "ole", "image", "text", "rtf", "xml", "binary", "empty"
]

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "et PNG-billede"),
    (b"\xff\xd8\xff", "et JPEG-billede"),
    (b"GIF87a", "et GIF-billede"),
    (b"GIF89a", "et GIF-billede"),
    (b"II*\x00", "et TIFF-billede"),
    (b"MM\x00*", "et TIFF-billede"),
    (b"BM", "et BMP-billede"),
)
_HTML_MARKERS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<meta",
    b"<title",
    b"<div",
    b"<p>",
    b"<p ",
    b"<h1",
    b"<h2",
    b"<h3",
    b"<table",
    b"<article",
    b"<section",
    b"<span",
    b"<br",
)


def sniff(data: bytes) -> tuple[Sniffed, str]:
    """What the bytes are, and a Danish description of it (for messages)."""
    if not data.strip():
        return "empty", "tom"
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf", "en PDF"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            return "zip", "et beskadiget zip-arkiv"
        if "word/document.xml" in names:
            return "docx", "en Word-fil (DOCX)"
        if any(name.startswith("xl/") for name in names):
            return "zip", "et Excel-regneark"
        if any(name.startswith("ppt/") for name in names):
            return "zip", "en PowerPoint-præsentation"
        if "mimetype" in names or "content.xml" in names:
            return "zip", "et OpenDocument-dokument"
        return "zip", "et zip-arkiv"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole", "en gammel Office-fil (.doc) eller en krypteret Word-fil"
    for magic, description in _IMAGE_MAGIC:
        if data.startswith(magic):
            return "image", description
    if data.startswith(b"{\\rtf"):
        return "rtf", "en RTF-fil"
    lowered = _decoded_head(data).lower()
    if any(marker in lowered for marker in _HTML_MARKERS):
        return "html", "en HTML-side"
    if lowered.lstrip().startswith(b"<?xml"):
        return "xml", "en XML-fil"
    if _looks_like_text(data[:4096]):
        return "text", "en tekstfil"
    return "binary", "en ukendt binær fil"


def _decoded_head(data: bytes) -> bytes:
    """The first bytes, with UTF-16 turned into ASCII-compatible bytes for marker search."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head.decode("utf-16", "ignore").encode("utf-8", "ignore")
        except UnicodeError:
            return head
    return head


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = head.decode("cp1252", "replace")
    printable = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
    return printable >= 0.95 * max(len(text), 1)


_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html"}
_FORMAT_NAMES = {"pdf": "PDF", "docx": "DOCX", "html": "HTML"}
# what the operating system's (English) reasons mean, for the messages people read
_OS_REASONS = {
    errno.EACCES: "ingen adgang",
    errno.EPERM: "ingen adgang",
    errno.EISDIR: "det er en mappe",
    errno.ENAMETOOLONG: "filnavnet er for langt",
    errno.ELOOP: "filnavnet peger i ring",
    errno.EIO: "fejl på disken",
    errno.ENOTDIR: "en del af stien er ikke en mappe",
}


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read and structure one file of minutes. Raises only `InputError` subclasses."""
    file = Path(path)
    if "\x00" in str(file):
        raise FileMissing(nul_message(str(file)))
    try:
        if not file.exists():
            raise FileMissing(str(file))
        if file.is_dir():
            raise UnsupportedFormat(f"{file} er en mappe, ikke en fil")
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TooLarge(
                f"{size // (1024 * 1024)} MB; højst {MAX_FILE_BYTES // (1024 * 1024)} MB"
            )
        data = file.read_bytes()
    except InputError:
        raise
    except PermissionError:
        raise CorruptFile("filen kan ikke åbnes: ingen adgang") from None
    except OSError as exc:
        reason = _OS_REASONS.get(exc.errno or 0, "styresystemet afviste at åbne den")
        raise CorruptFile(f"filen kan ikke åbnes: {reason}") from None
    return read_bytes(data, str(path))


def read_bytes(data: bytes, source: str) -> Document:
    """Read and structure minutes given as bytes; `source` names the file (also for metadata)."""
    if not data or not data.strip():
        raise EmptyFile()
    if len(data) > MAX_FILE_BYTES:
        raise TooLarge(f"{len(data) // (1024 * 1024)} MB")
    extension = Path(source).suffix.lower()
    expected = _EXTENSIONS.get(extension)
    kind, description = sniff(data)
    warnings: list[str] = []
    if kind in ("pdf", "docx", "html"):
        if expected and expected != kind:
            warnings.append(
                f"filen hedder {extension}, men indholdet er {description}; læst som "
                f"{_FORMAT_NAMES[kind]}"
            )
        document = _read_format(kind, data, source)
    else:
        _raise_for(kind, description, extension, expected)
    document.sha256 = hashlib.sha256(data).hexdigest()
    document.warnings = warnings + list(document.warnings)
    try:
        from ..structure import analyse

        return analyse(document)
    except InputError:
        raise
    except RecursionError:
        raise TooLarge("dokumentets opbygning er for dybt indlejret") from None
    except Exception as exc:
        if os.environ.get("MINUTES_CHECKER_DEBUG"):
            raise
        raise InternalError(
            f"fejl i analysen af dokumentets opbygning: {type(exc).__name__}"
        ) from None


def _raise_for(kind: str, description: str, extension: str, expected: str | None) -> None:
    if kind == "ole":
        if extension == ".docx":
            raise EncryptedWordFile()
        raise UnsupportedFormat(
            "gammelt Word- eller Office-format (.doc); gem filen som DOCX eller PDF"
        )
    if kind == "empty":
        raise EmptyFile()
    if expected == "docx" and kind != "zip":
        raise NotAZip(f"indholdet er {description}")
    if kind == "zip" and expected == "docx":
        if "beskadiget" in description:
            raise CorruptFile("zip-arkivet er beskadiget eller afkortet")
        raise WrongType(f"filen hedder {extension}, men er {description}")
    if expected is not None:
        raise WrongType(f"filen hedder {extension}, men er {description}")
    raise UnsupportedFormat(f"filen er {description}")


def _read_format(kind: str, data: bytes, source: str) -> Document:
    try:
        if kind == "pdf":
            from ..structure import looks_like_section_heading
            from .pdf import read_pdf

            return read_pdf(data, source, protect=looks_like_section_heading)
        if kind == "docx":
            from .docx import read_docx

            return read_docx(data, source)
        from .html import read_html

        return read_html(data, source)
    except InputError:
        raise
    except (MemoryError, RecursionError):
        raise TooLarge("filen er for stor eller for indviklet") from None
    except Exception:
        if os.environ.get("MINUTES_CHECKER_DEBUG"):
            raise
        names = {"pdf": "PDF'en", "docx": "Word-filen", "html": "HTML-siden"}
        raise CorruptFile(f"{names[kind]} kunne ikke læses") from None
