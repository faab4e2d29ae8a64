"""A DOCX file's zip archive, read part by part with limits (zip bombs are refused while they
unpack, never after).

Only the parts the reader needs are unpacked: the main document, its relationships, styles,
numbering, headers and footers, and imported HTML chunks (w:altChunk). Pictures, embedded
objects and every other part stay packed, however large they are. (python-docx, which the
annotated copies use, unpacks every part of the package into memory when it opens a file; the
reader does not use it for that reason.)

Each part is inflated in steps of at most 1 MB. Together the parts read may unpack to at most
`MAX_XML_BYTES`: a part that claims more is refused before it is touched, and one that lies
about its size is stopped one step past what it claims. A part that unpacks to other bytes
than its checksum says is damaged.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

from lxml import etree

from ...errors import CorruptFile, TooLarge, WrongType

# bytes: the parts read (XML, relationships, imported HTML) together unpack to at most this
# (parsed, this is already a few hundred MB of tree)
MAX_XML_BYTES = 64 * 1024 * 1024
# a zip archive with more entries is refused
MAX_ZIP_ENTRIES = 20_000
# bytes of compressed data handed to the inflater at a time ...
INFLATE_INPUT_STEP = 1 << 16
# ... and at most this many bytes inflated per call (1 MB)
INFLATE_OUTPUT_STEP = 1 << 20
# a zip entry's local file header: its signature, where the lengths of its name and extra field
# stand, and its size before the name
_LOCAL_HEADER = b"PK\x03\x04"
_LOCAL_HEADER_LENGTHS_AT = 26
_LOCAL_HEADER_SIZE = 30
_ENCRYPTED_FLAG = 0x1
_MB = 1024 * 1024

_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
# the content type python-docx accepts for the main part (a .docm or template is refused)
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part, in the order of its .rels file."""

    rid: str
    reltype: str
    target: str  # the zip member name of an internal target; the reference of an external one
    external: bool


def _xml(data: bytes) -> etree._Element:
    """XML parsed as python-docx parses it (blank text removed, entities not resolved, its
    element classes)."""
    from docx.oxml.parser import parse_xml

    return parse_xml(data)


class Package:
    """The parts of a DOCX archive, unpacked on demand within one budget."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                infos = archive.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            raise CorruptFile("Word-filens zip-arkiv er beskadiget eller afkortet") from None
        if len(infos) > MAX_ZIP_ENTRIES:
            raise TooLarge(f"{len(infos)} dele i Word-filen")
        self.infos = {info.filename: info for info in infos}
        if "word/document.xml" not in self.infos:
            raise WrongType("zip-arkivet er ikke en Word-fil (word/document.xml mangler)")
        self.left = MAX_XML_BYTES
        if self.infos["word/document.xml"].file_size > self.left:  # refused before anything
            raise self._over_budget(self.infos["word/document.xml"])
        self._types: tuple[dict[str, str], dict[str, str]] | None = None

    # ---- parts

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        """The unpacked bytes of part `name` (a zip member name), charged to the budget."""
        info = self.infos.get(name)
        if info is None:
            raise CorruptFile(f"Word-filens del {name!r} mangler")
        if info.file_size > self.left:
            raise self._over_budget(info)
        out = self._unpack(info)
        self.left -= len(out)
        return out

    @staticmethod
    def _over_budget(info: zipfile.ZipInfo) -> TooLarge:
        return TooLarge(
            f"delen {info.filename!r} fylder {info.file_size // _MB} MB udpakket; de dele af "
            f"Word-filen, der læses, må tilsammen fylde højst {MAX_XML_BYTES // _MB} MB "
            "(zip-bombe?)"
        )

    def _unpack(self, info: zipfile.ZipInfo) -> bytes:
        name = info.filename
        damaged = CorruptFile(f"Word-filens del {name!r} er beskadiget")
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise CorruptFile(f"Word-filens del {name!r} er krypteret")
        packed = _packed(self.data, info)
        if packed is None:
            raise damaged
        if info.compress_type == zipfile.ZIP_STORED:
            out = bytes(packed)
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            collected = bytearray()
            try:
                for piece in _inflated(packed):
                    collected += piece
                    if len(collected) > info.file_size:
                        raise _liar(info)
            except zlib.error:
                raise damaged from None
            out = bytes(collected)
        else:
            raise CorruptFile(f"Word-filens del {name!r} er pakket på en ukendt måde")
        if len(out) != info.file_size or zlib.crc32(out) != info.CRC:
            raise damaged
        return out

    def xml(self, name: str) -> etree._Element:
        """Part `name` parsed as XML (damaged XML is a damaged file)."""
        try:
            return _xml(self.read(name))
        except etree.XMLSyntaxError:
            raise CorruptFile("Word-filen er beskadiget") from None

    # ---- relationships and content types

    def relationships(self, part: str) -> list[Relationship]:
        """The relationships of part `part` (a member name; "" for the package), in order."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels):
            return []
        out = []
        for element in self.xml(rels).iter(f"{{{_RELS}}}Relationship"):
            rid, reltype = element.get("Id"), element.get("Type")
            target = element.get("Target")
            if rid is None or reltype is None or target is None:
                raise CorruptFile("Word-filen er beskadiget")
            external = element.get("TargetMode") == "External"
            if not external:  # as python-docx resolves it
                target = posixpath.abspath(posixpath.join("/" + folder, target))[1:]
            out.append(Relationship(rid, reltype, target, external))
        return out

    def content_type(self, name: str) -> str | None:
        """A part's content type from [Content_Types].xml (by name, else by extension)."""
        if self._types is None:
            overrides: dict[str, str] = {}
            defaults: dict[str, str] = {}
            if self.has("[Content_Types].xml"):
                root = self.xml("[Content_Types].xml")
                for element in root.iter(f"{{{_CONTENT_TYPES}}}Override"):
                    part, kind = element.get("PartName"), element.get("ContentType")
                    if part and kind:
                        overrides[part.lower()] = kind
                for element in root.iter(f"{{{_CONTENT_TYPES}}}Default"):
                    extension, kind = element.get("Extension"), element.get("ContentType")
                    if extension and kind:
                        defaults[extension.lower()] = kind
            self._types = (overrides, defaults)
        overrides, defaults = self._types
        found = overrides.get("/" + name.lower())
        if found is None:
            found = defaults.get(posixpath.splitext(name)[1][1:].lower())
        return found

    def main_part(self) -> str:
        """The member name of the main document part (through the package's relationships)."""
        for rel in self.relationships(""):
            if rel.reltype == OFFICE_DOCUMENT and not rel.external:
                if not self.has(rel.target):
                    raise CorruptFile("Word-filen er beskadiget")
                if self.content_type(rel.target) != WORD_MAIN:
                    raise CorruptFile("Word-filen er beskadiget")
                return rel.target
        raise CorruptFile("Word-filen er beskadiget")


def _packed(data: bytes, info: zipfile.ZipInfo) -> memoryview | None:
    """The packed bytes of an entry (after its local header); None when the header is not
    where the central directory says."""
    header = info.header_offset
    if data[header : header + len(_LOCAL_HEADER)] != _LOCAL_HEADER:
        return None
    name_length, extra_length = struct.unpack_from("<HH", data, header + _LOCAL_HEADER_LENGTHS_AT)
    start = header + _LOCAL_HEADER_SIZE + name_length + extra_length
    return memoryview(data)[start : start + info.compress_size]


def _inflated(packed: memoryview) -> Iterator[bytes]:
    """The inflated bytes of a deflated entry, in pieces of at most 1 MB (zlib.error when
    damaged)."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    for offset in range(0, len(packed), INFLATE_INPUT_STEP):
        pending: bytes | memoryview = packed[offset : offset + INFLATE_INPUT_STEP]
        while pending and not inflater.eof:
            yield inflater.decompress(pending, INFLATE_OUTPUT_STEP)
            pending = inflater.unconsumed_tail
        if inflater.eof:
            return


def _liar(info: zipfile.ZipInfo) -> TooLarge:
    return TooLarge(f"delen {info.filename!r} pakker mere ud, end zip-arkivet angiver (zip-bombe?)")


def check_whole_archive(data: bytes, limit: int) -> None:
    """For code that unpacks every part (python-docx, for the annotated copy): the archive must
    open, claim at most `limit` bytes unpacked in all, and no part may unpack to more than it
    claims (each is inflated in steps and dropped)."""
    package = Package(data)
    total = sum(info.file_size for info in package.infos.values())
    if total > limit:
        raise TooLarge(
            f"Word-filen fylder {total // _MB} MB udpakket; højst {limit // _MB} MB (zip-bombe?)"
        )
    for info in package.infos.values():
        packed = _packed(data, info)
        if info.compress_type != zipfile.ZIP_DEFLATED or packed is None:
            continue  # stored parts cannot grow; python-docx reports damage
        unpacked = 0
        try:
            for piece in _inflated(packed):
                unpacked += len(piece)
                if unpacked > info.file_size:
                    raise _liar(info)
        except zlib.error:
            continue  # damaged: python-docx reports it
