"""The hostile and careless files of issue 14, built at test time and small on disk.

A zip bomb or a 1 GB stream is written as a deflate stream of one compressed megabyte repeated
(each piece compressed right after a full flush, so it refers to nothing before it): building
one costs a second or less (the checksum of the inflated bytes is most of it) and a few hundred
KB to a megabyte on disk. Every builder takes a folder and returns the path it wrote.
"""

from __future__ import annotations

import html
import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from minutes_fixtures import Minutes, render

MB = 1 << 20
GB = 1 << 30

# --------------------------------------------------------------------------- deflate


def _deflated(prefix: bytes, unit: bytes, count: int, suffix: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of `prefix + unit * count + suffix` (`unit` compressed once and repeated),
    with the CRC-32 and the Adler-32 of the inflated bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    head = packer.compress(prefix) + packer.flush(zlib.Z_FULL_FLUSH)
    body = packer.compress(unit) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.compress(suffix) + packer.flush()
    crc, adler = zlib.crc32(prefix), zlib.adler32(prefix)
    for _ in range(count):
        crc, adler = zlib.crc32(unit, crc), zlib.adler32(unit, adler)
    crc, adler = zlib.crc32(suffix, crc), zlib.adler32(suffix, adler)
    return head + body * count + tail, crc, adler


def zlib_bomb(prefix: bytes, unit: bytes, count: int, suffix: bytes = b"") -> bytes:
    """A zlib stream (what /FlateDecode holds) of `prefix + unit * count + suffix`."""
    raw, _, adler = _deflated(prefix, unit, count, suffix)
    return b"\x78\xda" + raw + struct.pack(">I", adler)


# --------------------------------------------------------------------------- zip


def _zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip archive of (name, raw deflate, CRC-32, inflated size); sizes below 4 GB."""
    out = bytearray()
    central = bytearray()
    for name, raw, crc, size in entries:
        encoded = name.encode("utf-8")
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(raw), size, len(encoded), 0
        )
        out += encoded + raw
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(raw), size, len(encoded), 0, 0, 0, 0,
            0, offset,
        )  # fmt: skip
        central += encoded
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0
    )
    return bytes(out)


def _small(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data)


def _docx_with(
    extra: list[tuple[str, bytes, int, int]],
    relationship: str,
    content_type: str,
    body_xml: bytes = b"",
) -> bytes:
    """The fixture minutes as DOCX, with `extra` parts, one more relationship of the document
    (`relationship`: its XML element), a content type (`content_type`: a <Default> or
    <Override>) and `body_xml` put before the end of the body."""
    entries = []
    with zipfile.ZipFile(io.BytesIO(render(Minutes(), "docx"))) as seed:
        for info in seed.infolist():
            data = seed.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                end = b"</Relationships>"
                data = data.replace(end, relationship.encode() + end)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", content_type.encode() + b"</Types>")
            elif info.filename == "word/document.xml" and body_xml:
                data = data.replace(b"<w:sectPr", body_xml + b"<w:sectPr", 1)
            entries.append(_small(info.filename, data))
    return _zip(entries + extra)


def docx_image_bomb(directory: Path, size: int = GB) -> Path:
    """A DOCX of ordinary minutes whose picture (word/media/image1.png) unpacks to 1 GB: about
    1 MB on disk, its sizes stated truthfully."""
    raw, crc, _ = _deflated(b"\x89PNG\r\n\x1a\n", b"\x00" * MB, size // MB, b"")
    part = ("word/media/image1.png", raw, crc, 8 + size // MB * MB)
    rel = (
        '<Relationship Id="rIdBomb" Target="media/image1.png" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/image"/>'
    )
    path = directory / "billedbombe.docx"
    path.write_bytes(_docx_with([part], rel, '<Default Extension="png" ContentType="image/png"/>'))
    return path


def docx_altchunk_bomb(directory: Path, size: int = 600 * MB) -> Path:
    """A DOCX of ordinary minutes with an imported HTML part (w:altChunk) of 600 MB."""
    unit = b"<p>Referat.</p>\n" * (MB // 16)
    raw, crc, _ = _deflated(b"<html><body>", unit, size // MB, b"</body></html>")
    part = ("word/afchunk.html", raw, crc, 12 + size // MB * MB + 14)
    rel = (
        '<Relationship Id="rIdChunk" Target="afchunk.html" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/aFChunk"/>'
    )
    override = '<Override PartName="/word/afchunk.html" ContentType="text/html"/>'
    body = b'<w:altChunk r:id="rIdChunk"/>'
    path = directory / "altchunk-bombe.docx"
    path.write_bytes(_docx_with([part], rel, override, body))
    return path


# --------------------------------------------------------------------------- PDF


def pdf_bytes(objects: dict[int, bytes], root: int) -> bytes:
    """A PDF of the numbered object bodies (`N 0 obj <body> endobj`) with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    start = len(out)
    out += f"xref\n0 {size}\n".encode() + b"0000000000 65535 f \n"
    for number in range(1, size):
        if number in offsets:
            out += f"{offsets[number]:010d} 00000 n \n".encode()
        else:
            out += b"0000000000 65535 f \n"
    out += f"trailer\n<< /Size {size} /Root {root} 0 R >>\nstartxref\n{start}\n%%EOF\n".encode()
    return bytes(out)


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" >>\nstream\n" + data + b"\nendstream"


def _pdf_string(text: str) -> bytes:
    encoded = text.replace("–", "-").encode("cp1252", "replace")
    return b"(" + encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def minutes_content(minutes: Minutes | None = None) -> bytes:
    """A page content stream that writes the fixture minutes' blocks line by line (Helvetica,
    bold for headings), wrapped at 90 characters."""
    import textwrap

    parts = [b"BT 14 TL 50 800 Td"]
    for kind, text in (minutes or Minutes()).blocks():
        font = b"/F1" if kind == "p" else b"/F2"
        parts.append(font + b" 10 Tf T*")
        for line in textwrap.wrap(text, 90):
            parts.append(_pdf_string(line) + b" Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)


_FONTS = (
    b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
    b"/WinAnsiEncoding >> /F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
    b"/Encoding /WinAnsiEncoding >> >> >>"
)


def _one_page(content_ref: bytes, extra: dict[int, bytes]) -> bytes:
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
        + _FONTS
        + b" /Contents "
        + content_ref
        + b" >>",
        **extra,
    }
    return pdf_bytes(objects, 1)


def pdf_stream_bomb(directory: Path, size: int = GB) -> Path:
    """A one-page PDF whose content stream inflates to 1 GB (about 1 MB on disk): the minutes'
    text, then spaces."""
    data = zlib_bomb(minutes_content() + b"\n", b" " * MB, size // MB)
    stream = _stream(b"/Length " + str(len(data)).encode() + b" /Filter /FlateDecode", data)
    path = directory / "strombombe.pdf"
    path.write_bytes(_one_page(b"4 0 R", {4: stream}))
    return path


def pdf_split_stream_bomb(directory: Path, parts: int = 10, size: int = 100 * MB) -> Path:
    """A one-page PDF whose /Contents is an array of 10 streams that inflate to 100 MB each
    (each under the stream limit, 1 GB together)."""
    content = zlib_bomb(minutes_content() + b"\n", b" " * MB, size // MB)
    stream = _stream(b"/Length " + str(len(content)).encode() + b" /Filter /FlateDecode", content)
    refs = b"[" + b" ".join(f"{4 + i} 0 R".encode() for i in range(parts)) + b"]"
    path = directory / "delt-strombombe.pdf"
    path.write_bytes(_one_page(refs, {4 + i: stream for i in range(parts)}))
    return path


def pdf_cyclic_length(directory: Path) -> Path:
    """A one-page PDF of the minutes whose content stream's /Length points 5 -> 6 -> 5."""
    content = minutes_content()
    stream = _stream(b"/Length 5 0 R", content)
    path = directory / "ring-length.pdf"
    path.write_bytes(_one_page(b"4 0 R", {4: stream, 5: b"6 0 R", 6: b"5 0 R"}))
    return path


def pdf_cyclic_contents(directory: Path) -> Path:
    """The fixture minutes as a valid PDF (fpdf2) with one more page, added as an incremental
    update, whose /Contents points A -> B -> A."""
    from pypdf import PdfReader

    base = render(Minutes(), "pdf")
    reader = PdfReader(io.BytesIO(base))
    root = reader.trailer.raw_get("/Root")
    pages_ref = reader.trailer["/Root"].raw_get("/Pages")
    pages = pages_ref.get_object()
    kids = [kid.idnum for kid in pages["/Kids"]]
    size = int(reader.trailer["/Size"])
    start = int(base[base.rindex(b"startxref") + 9 :].split()[0])
    page, first, second = size, size + 1, size + 2
    bodies = {
        pages_ref.idnum: (
            b"<< /Type /Pages /Kids ["
            + b" ".join(f"{k} 0 R".encode() for k in [*kids, page])
            + f"] /Count {len(kids) + 1} /MediaBox [0 0 595.28 841.89] >>".encode()
        ),
        page: f"<< /Type /Page /Parent {pages_ref.idnum} 0 R /MediaBox [0 0 595.28 841.89] "
        f"/Contents {first} 0 R >>".encode(),
        first: f"{second} 0 R".encode(),
        second: f"{first} 0 R".encode(),
    }
    out = bytearray(base if base.endswith(b"\n") else base + b"\n")
    offsets = {}
    for number, body in bodies.items():
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    out += f"{pages_ref.idnum} 1\n{offsets[pages_ref.idnum]:010d} 00000 n \n".encode()
    out += f"{page} 3\n".encode()
    for number in (page, first, second):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {size + 3} /Root {root.idnum} 0 R /Prev {start} >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    path = directory / "ring-contents.pdf"
    path.write_bytes(bytes(out))
    return path


def pdf_damaged(directory: Path) -> Path:
    """The fixture minutes as a PDF (fpdf2, one page) whose content stream is overwritten with
    16 bytes of garbage a third of the way in: PDFium reads the page up to there without a
    word, which ends before the danmarkskort item."""
    data = bytearray(render(Minutes(), "pdf"))
    length = re.search(rb"/Length (\d+)\s*>>\s*stream\r?\n", data)
    assert length is not None
    at = length.end() + int(length.group(1)) // 3
    data[at : at + 16] = b"\xff" * 16
    path = directory / "beskadiget.pdf"
    path.write_bytes(bytes(data))
    return path


def pdf_broken_xref(directory: Path) -> Path:
    """The fixture minutes as a PDF whose `startxref` points nowhere: PDFium rebuilds the
    cross-reference table and reads everything."""
    data = render(Minutes(), "pdf")
    at = data.rindex(b"startxref") + len(b"startxref\n")
    end = data.index(b"\n", at)
    path = directory / "xref-beskadiget.pdf"
    path.write_bytes(data[:at] + b"9" * (end - at) + data[end:])
    return path


# --------------------------------------------------------------------------- HTML


def html_utf8_declared_cp1252(directory: Path) -> Path:
    """A UTF-8 page that declares windows-1252."""
    page = render(Minutes(), "html").replace(b'charset="utf-8"', b'charset="windows-1252"')
    path = directory / "utf8-som-cp1252.html"
    path.write_bytes(page)
    return path


def html_declared_utf16(directory: Path) -> Path:
    """A UTF-8 page that declares utf-16 (it is not)."""
    page = render(Minutes(), "html").replace(b'charset="utf-8"', b'charset="utf-16"')
    path = directory / "utf8-som-utf16.html"
    path.write_bytes(page)
    return path


def html_cp1252_declared_utf8(directory: Path) -> Path:
    """A windows-1252 page that declares UTF-8."""
    page = render(Minutes(), "html").decode("utf-8").replace("–", "-")
    path = directory / "cp1252-som-utf8.html"
    path.write_bytes(page.encode("cp1252"))
    return path


def _html_around(inner: str) -> bytes:
    """The fixture minutes' page with `inner` put right after <body>."""
    page = render(Minutes(), "html")
    return page.replace(b"<body>", b"<body>" + inner.encode("utf-8"), 1)


def html_deep(directory: Path, depth: int = 100_000) -> Path:
    """The fixture minutes inside 100,000 nested <div>s."""
    page = render(Minutes(), "html")
    head, body = page.split(b"<body>", 1)
    body = body.replace(b"</body>", b"", 1)
    path = directory / "dyb.html"
    path.write_bytes(head + b"<body>" + b"<div>" * depth + body + b"</div>" * depth + b"</body>")
    return path


def html_deep_mixed(directory: Path, depth: int = 100_000) -> Path:
    """The fixture minutes inside 100,000 levels of <div><span> in turn (no run of one tag to
    collapse): libxml2 stops at 2048 levels, before any text."""
    page = render(Minutes(), "html")
    head, body = page.split(b"<body>", 1)
    body = body.replace(b"</body>", b"", 1)
    path = directory / "dyb-blandet.html"
    path.write_bytes(
        head + b"<body>" + b"<div><span>" * (depth // 2) + body
        + b"</span></div>" * (depth // 2) + b"</body>"
    )  # fmt: skip
    return path


def html_huge_text_node(directory: Path, size: int = 11 * MB) -> Path:
    """The fixture minutes with a text node of 11 MB before the item (a pasted data dump)."""
    filler = html.escape("Bilag: " + "data " * (size // 5))
    path = directory / "stor-tekstnode.html"
    path.write_bytes(_html_around(f"<p>{filler}</p>"))
    return path


# --------------------------------------------------------------------------- special files


def named_pipe(directory: Path) -> Path:
    path = directory / "pipe.pdf"
    os.mkfifo(path)
    return path


def dev_zero(directory: Path) -> Path:
    return Path("/dev/zero")


Builder = Callable[[Path], Path]
