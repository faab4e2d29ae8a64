"""The guard before a DOCX file is parsed: its zip archive must open, hold a Word document, and
unpack to no more than its entries claim and the limits allow (zip bombs are refused before
python-docx inflates anything)."""

from __future__ import annotations

import struct
import zipfile
import zlib
from io import BytesIO

from ...errors import CorruptFile, TooLarge, WrongType

# bytes: the XML and relationship parts together unpack to at most this (parsed, this is
# already a few hundred MB of tree)
MAX_XML_BYTES = 64 * 1024 * 1024
# a zip archive with more entries is refused
MAX_ZIP_ENTRIES = 20_000
# bytes of compressed data handed to the inflater at a time ...
INFLATE_INPUT_STEP = 1 << 16
# ... and at most this many bytes inflated per call, then dropped (1 MB)
INFLATE_OUTPUT_STEP = 1 << 20
# a zip entry's local file header: its signature, where the lengths of its name and extra field
# stand, and its size before the name
_LOCAL_HEADER = b"PK\x03\x04"
_LOCAL_HEADER_LENGTHS_AT = 26
_LOCAL_HEADER_SIZE = 30


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise CorruptFile("Word-filens zip-arkiv er beskadiget eller afkortet") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise TooLarge(f"{len(infos)} dele i Word-filen")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise WrongType("zip-arkivet er ikke en Word-fil (word/document.xml mangler)")
    xml_bytes = sum(info.file_size for info in infos if info.filename.endswith((".xml", ".rels")))
    if xml_bytes > MAX_XML_BYTES:
        raise TooLarge(f"Word-filen fylder {xml_bytes // (1024 * 1024)} MB udpakket (zip-bombe?)")
    for info in infos:
        if _unpacks_beyond(data, info):
            raise TooLarge(
                f"delen {info.filename!r} pakker mere ud, end zip-arkivet angiver (zip-bombe?)"
            )


def _unpacks_beyond(data: bytes, info: zipfile.ZipInfo) -> bool:
    """Does the entry unpack to more than the size its headers claim?

    zipfile trusts the claimed size only at the end: `ZipFile.read` (what python-docx calls)
    inflates all the compressed bytes in one call and then cuts the result to the claimed size,
    so a zip bomb that claims 4 KB costs its real size in memory, however large. Here the entry
    is inflated in 1 MB steps and dropped, and stops one byte past the claimed size.
    """
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return False  # stored entries cannot grow; other methods fail in zipfile itself
    header = info.header_offset
    if data[header : header + len(_LOCAL_HEADER)] != _LOCAL_HEADER:
        return False  # zipfile reports the damage when the entry is read
    name_length, extra_length = struct.unpack_from("<HH", data, header + _LOCAL_HEADER_LENGTHS_AT)
    start = header + _LOCAL_HEADER_SIZE + name_length + extra_length
    compressed = memoryview(data)[start : start + info.compress_size]
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    unpacked = 0
    try:
        for offset in range(0, len(compressed), INFLATE_INPUT_STEP):
            pending: bytes | memoryview = compressed[offset : offset + INFLATE_INPUT_STEP]
            while pending and unpacked <= info.file_size and not inflater.eof:
                unpacked += len(inflater.decompress(pending, INFLATE_OUTPUT_STEP))
                pending = inflater.unconsumed_tail
            if unpacked > info.file_size or inflater.eof:
                break
    except zlib.error:
        return False  # damaged: zipfile reports it when the entry is read
    return unpacked > info.file_size
