"""A look at a PDF's compressed streams before PDFium opens it: bombs and damage.

PDFium inflates a page's content streams, its fonts and the object streams itself, into memory,
however large they unpack; a 1 MB PDF whose content stream inflates to 1 GB costs PDFium over
a gigabyte and then aborts the process. And where a stream is damaged PDFium reads what it can
without a word, so a page may come out with part of its text, or none.

So before the PDF is opened, every stream compressed with /FlateDecode (the first filter) is
found in the raw bytes and inflated here, in steps of 1 MB that are dropped at once (memory
stays flat), up to `MAX_STREAM_BYTES` each and `MAX_TOTAL_BYTES` together:

- a stream that inflates to more, or streams that do together, are refused (`TooLarge`) before
  PDFium touches them;
- a stream that cannot be inflated to its end is damaged: the scan counts them and the reader
  warns and marks the document incomplete (an item may be in the lost text).

It also says whether the last `startxref` points at a cross-reference table (else PDFium
rebuilds it silently, which the reader mentions).

Pictures, embedded files and XMP metadata are skipped (PDFium does not inflate them to read
text). Streams behind other filters (LZW, ASCII85 before Flate) and the streams of an encrypted
PDF cannot be read here; for those the sandbox's memory cap stays the only limit. The scan costs
about 12 ms for a 300-page referat (4 MB of streams).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from ...errors import TooLarge

# bytes: a stream PDFium inflates to read text (content, font, object stream) may unpack to at
# most this; real content streams hold at most a few MB, fonts some tens of MB
MAX_STREAM_BYTES = 128 * 1024 * 1024
# bytes: and all of them together at most this (a page whose /Contents is an array of streams
# under the limit is inflated as one; a 300-page referat has about 4 MB)
MAX_TOTAL_BYTES = 256 * 1024 * 1024
# bytes: the dictionary of a stream is looked for this far back from its `stream` keyword
DICTIONARY_WINDOW = 4096
# bytes of compressed data handed to the inflater at a time, and at most this many inflated per
# call (then dropped)
INFLATE_INPUT_STEP = 1 << 16
INFLATE_OUTPUT_STEP = 1 << 20
_MB = 1024 * 1024

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(\s+\d+\s+R)?")
_FIRST_FILTER = re.compile(rb"/Filter\s*(?:\[\s*)?/FlateDecode\b")
_OBJECT = re.compile(rb"\s*\d+\s+\d+\s+obj\b")
_SKIPPED = re.compile(rb"/Subtype\s*/(?:Image|XML)\b|/Type\s*/(?:Metadata|EmbeddedFile)\b")


@dataclass
class StreamScan:
    """What the scan found: how many Flate streams it inflated, how many were damaged, and
    whether the cross-reference table is broken."""

    inflated: int = 0
    damaged: int = 0
    total: int = 0  # bytes inflated
    xref_broken: bool = False


def _zlib_body(data: memoryview) -> tuple[memoryview, bool]:
    """The deflate data of a zlib stream, and whether it had the zlib header (some writers
    leave it out, and with it the checksum)."""
    if len(data) >= 2:
        cmf, flg = data[0], data[1]
        if cmf & 0x0F == 8 and (cmf * 256 + flg) % 31 == 0:
            return data[2:], True
    return data, False


def _inflate(packed: memoryview, more: memoryview, checked: bool) -> tuple[int, bool]:
    """Inflate `packed` (then `more`, where a stream's /Length was too short) in steps; how many
    bytes it unpacks to (stopping past `MAX_STREAM_BYTES`) and whether the data was damaged:
    it fails, ends before the deflate stream does, or (`checked`: a zlib stream) the Adler-32
    checksum after it does not match (deflate itself has no check: garbage often inflates to
    more garbage). A missing checksum is no damage: PDFium does not read it."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size, adler = 0, 1
    try:
        for index, part in enumerate((packed, more)):
            for offset in range(0, len(part), INFLATE_INPUT_STEP):
                pending: bytes | memoryview = part[offset : offset + INFLATE_INPUT_STEP]
                while pending and not inflater.eof:
                    piece = inflater.decompress(pending, INFLATE_OUTPUT_STEP)
                    size += len(piece)
                    if size > MAX_STREAM_BYTES:
                        return size, False
                    adler = zlib.adler32(piece, adler) if checked else adler
                    pending = inflater.unconsumed_tail
                if inflater.eof:
                    after = inflater.unused_data + bytes(part[offset + INFLATE_INPUT_STEP :][:4])
                    if index == 0:
                        after += bytes(more[:4])
                    return size, checked and _wrong_checksum(after[:4], adler)
    except zlib.error:
        return size, True
    return size, not inflater.eof


def _wrong_checksum(after: bytes, adler: int) -> bool:
    """Whether the four bytes after a zlib stream's data are a checksum other than `adler`
    (fewer bytes, or white space: there is none)."""
    if len(after) < 4 or not after.strip(b" \t\r\n\f\x00"):
        return False
    return int.from_bytes(after, "big") != adler


def _xref_broken(data: bytes) -> bool:
    """Whether the last `startxref` does not point at a cross-reference table or stream (PDFium
    then rebuilds it by scanning the file, silently)."""
    at = data.rfind(b"startxref")
    if at < 0:
        return True
    number = re.match(rb"\s*(\d+)", data[at + 9 : at + 40])
    if number is None:
        return True
    offset = int(number.group(1))
    return not (
        data.startswith(b"xref", offset) or _OBJECT.match(data, offset) is not None
    )


def scan_streams(data: bytes) -> StreamScan:
    """Inflate every Flate stream PDFium would inflate to read text, without keeping it, and
    look at the cross-reference table. Raises `TooLarge` for a stream that unpacks beyond
    `MAX_STREAM_BYTES`."""
    scan = StreamScan(xref_broken=_xref_broken(data))
    if b"/Encrypt" in data:
        return scan  # encrypted streams cannot be inflated without the key
    view = memoryview(data)
    position = 0
    while True:
        keyword = _STREAM.search(data, position)
        if keyword is None:
            return scan
        position = keyword.end()
        if data[max(0, keyword.start() - 3) : keyword.start()] == b"end":
            continue  # "endstream"
        window_start = max(0, keyword.start() - DICTIONARY_WINDOW)
        head = data[window_start : keyword.start()].rstrip()
        if not head.endswith(b">>"):
            continue  # the word "stream" inside data, not a stream
        opening = head.rfind(b"obj")
        dictionary = head[opening:] if opening >= 0 else head
        start = keyword.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        length = _LENGTH.search(dictionary)
        stated = start + int(length.group(1)) if length and not length.group(2) else end
        stated = min(stated, len(data))
        position = max(position, stated)  # the stream's data is not searched for keywords
        if not _FIRST_FILTER.search(dictionary) or _SKIPPED.search(dictionary):
            continue
        body, checked = _zlib_body(view[start:stated])
        size, damaged = _inflate(body, view[stated:end] if stated < end else view[0:0], checked)
        if size > MAX_STREAM_BYTES:
            raise TooLarge(
                f"en datastrøm i PDF'en pakker ud til over {MAX_STREAM_BYTES // _MB} MB "
                "(komprimeringsbombe?)"
            )
        scan.inflated += 1
        scan.damaged += damaged
        scan.total += size
        if scan.total > MAX_TOTAL_BYTES:
            raise TooLarge(
                f"PDF'ens datastrømme pakker tilsammen ud til over {MAX_TOTAL_BYTES // _MB} MB "
                "(komprimeringsbombe?)"
            )
