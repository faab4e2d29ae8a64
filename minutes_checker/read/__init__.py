"""The reading stage: PDF, DOCX and HTML bytes into one page-aware `Document` (text, pages,
blocks, PDF line boxes, running headers kept apart), not yet structured.

`read_file(path)` decides the format from the file's content (not its name) and reads it with
the matching reader. Every failure is an `InputError` with a plain Danish message; no library
exception escapes. A PDF's running-header detection and label splitting can be told what a
section heading looks like (`heading`), which only the structure stage knows.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from ..errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    FileMissing,
    InputError,
    NoAccess,
    NotARegularFile,
    NotAZip,
    TooLarge,
    UnsupportedFormat,
    WrongType,
    nul_message,
    os_reason,
)
from ..models import Document
from .sniff import sniff

MAX_FILE_BYTES = 400 * 1024 * 1024

__all__ = ["EncryptedWordFile", "HeadingTest", "read_bytes", "read_file", "sniff"]

HeadingTest = Callable[[str], bool]
PageText = Callable[[str], None]  # told each page's text as it is read (PDF only)


class EncryptedWordFile(EncryptedFile):
    """A Word file protected with a password (stored as an OLE container, not a zip)."""

    message_da = "Word-filen er krypteret eller beskyttet med adgangskode"
    message_en = "the Word file is encrypted or password protected"


_EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "txt",
    ".text": "txt",
}
_FORMAT_NAMES = {"pdf": "PDF", "docx": "DOCX", "html": "HTML", "txt": "tekst"}
def read_file(
    path: str | os.PathLike[str],
    heading: HeadingTest | None = None,
    on_page: PageText | None = None,
) -> Document:
    """Read one file of minutes. Raises only `InputError` subclasses. `on_page` is told the
    text of each page of a PDF as soon as the page is read.

    Only a regular file is read (a named pipe would wait forever, /dev/zero never ends), and
    never more than the size limit, whatever size the file reports."""
    file = Path(path)
    if "\x00" in str(file):
        raise FileMissing(nul_message(str(file)))
    try:
        mode = file.stat().st_mode
        if stat.S_ISDIR(mode):
            raise UnsupportedFormat(f"{file} er en mappe, ikke en fil")
        if not stat.S_ISREG(mode):
            raise NotARegularFile(f"{file} er en navngivet pipe, en socket eller en enhed")
        with file.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise TooLarge(f"over {MAX_FILE_BYTES // (1024 * 1024)} MB")
    except InputError:
        raise
    except FileNotFoundError:
        raise FileMissing(str(file)) from None
    except OSError as exc:
        raise NoAccess(os_reason(exc)) from None
    return read_bytes(data, str(path), heading, on_page)


def read_bytes(
    data: bytes,
    source: str,
    heading: HeadingTest | None = None,
    on_page: PageText | None = None,
) -> Document:
    """Read minutes given as bytes; `source` names the file (also for metadata)."""
    if not data or not data.strip():
        raise EmptyFile()
    if len(data) > MAX_FILE_BYTES:
        raise TooLarge(f"{len(data) // (1024 * 1024)} MB")
    extension = Path(source).suffix.lower()
    expected = _EXTENSIONS.get(extension)
    kind, description = sniff(data)
    if kind == "text" and expected in (None, "txt"):
        kind = "txt"  # pasted text is read as such only when nothing says it is something else
    warnings: list[str] = []
    if kind in ("pdf", "docx", "html", "txt"):
        if expected and expected != kind:
            warnings.append(
                f"filen hedder {extension}, men indholdet er {description}; læst som "
                f"{_FORMAT_NAMES[kind]}"
            )
        document = _read_format(kind, data, source, heading, on_page)
    else:
        _raise_for(kind, description, extension, expected)
    document.sha256 = hashlib.sha256(data).hexdigest()
    document.warnings = warnings + list(document.warnings)
    return document


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


def _read_format(
    kind: str, data: bytes, source: str, heading: HeadingTest | None, on_page: PageText | None
) -> Document:
    try:
        if kind == "pdf":
            from .pdf import read_pdf

            return read_pdf(data, source, protect=heading, on_page=on_page)
        if kind == "docx":
            from .docx import read_docx

            return read_docx(data, source)
        if kind == "txt":
            from .plain import read_plain

            return read_plain(data, source, heading)
        from .html import read_html

        return read_html(data, source)
    except InputError:
        raise
    except (MemoryError, RecursionError):
        raise TooLarge("filen er for stor eller for indviklet") from None
    except Exception:
        if os.environ.get("MINUTES_CHECKER_DEBUG"):
            raise
        names = {"pdf": "PDF'en", "docx": "Word-filen", "html": "HTML-siden", "txt": "tekstfilen"}
        raise CorruptFile(f"{names[kind]} kunne ikke læses") from None
