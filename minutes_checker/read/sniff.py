"""What a file's bytes are, whatever its name says: PDF, DOCX, HTML, plain text, or something
the tool cannot read (with a Danish description of it for messages)."""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Literal

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
