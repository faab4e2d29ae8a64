"""The readers' limits one by one, in this process (fast): the charset decision, the DOCX
archive's budget, the PDF stream scan's damage test, and what an incomplete document without an
item becomes."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import hostile_cases as cases
import pytest
from minutes_fixtures import Minutes, render

from minutes_checker.errors import CorruptFile, TooLarge
from minutes_checker.pipeline import assess_file
from minutes_checker.read import read_bytes
from minutes_checker.read.docx.archive import MAX_XML_BYTES, Package, check_whole_archive
from minutes_checker.read.html import decode_page
from minutes_checker.read.pdf.streams import scan_streams
from minutes_checker.read.plain import decode_text

# --------------------------------------------------------------------------- charset

CLEAN = "<p>Bør æbler nævnes?</p>"


@pytest.mark.parametrize(
    ("data", "text", "warning"),
    [
        (CLEAN.encode(), CLEAN, None),
        (CLEAN.encode("cp1252"), CLEAN, None),  # undeclared windows-1252: read, not repaired
        (b'<meta charset="utf-8">' + CLEAN.encode(), None, None),
        (b'<meta charset="iso-8859-1">' + CLEAN.encode("cp1252"), None, None),
        (b'<meta charset="windows-1252">' + CLEAN.encode(), None, "skrevet i UTF-8"),
        (b'<meta charset="utf-16">' + CLEAN.encode(), None, "er ikke skrevet sådan"),
        (b'<meta charset="utf-8">' + CLEAN.encode("cp1252"), None, "skrevet i windows-1252"),
        (b'<meta charset="x-ukendt">' + CLEAN.encode(), None, "ukendt tegnsæt (x-ukendt)"),
        (CLEAN.encode() + " Ø".encode("cp1252"), CLEAN + " Ø", "1 byte var ikke gyldig UTF-8"),
    ],
)
def test_the_bytes_decide_where_the_declaration_is_wrong(
    data: bytes, text: str | None, warning: str | None
) -> None:
    decoded, warnings = decode_page(data)
    assert CLEAN in decoded
    if text is not None:
        assert decoded == text
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0], warnings


PASTED = "Børne- og Ungeudvalget anbefaler, at Byrådet drøfter kortet."


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (PASTED.encode(), None),
        (PASTED.encode("cp1252"), None),  # what Danish Windows writes
        (b"\xef\xbb\xbf" + PASTED.encode(), None),
        (PASTED.encode("utf-16"), None),
        # a UTF-8 paste with one line added in windows-1252: both parts read right
        (PASTED.encode() + b"\n" + "Bilag: Kort over ældreområdet".encode("cp1252"), "2 bytes var"),
    ],
)
def test_pasted_text_is_read_in_its_encoding(data: bytes, warning: str | None) -> None:
    decoded, warnings = decode_text(data)
    assert PASTED in decoded
    assert "Ã" not in decoded and "\ufffd" not in decoded
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0], warnings


# --------------------------------------------------------------------------- DOCX


def docx_with_claim(size: int) -> bytes:
    """The fixture DOCX whose styles part claims `size` bytes (its headers rewritten)."""
    from test_hostile_input import _patch_sizes

    data = render(Minutes(), "docx")
    return _patch_sizes(data, "word/styles.xml", size)


def test_a_part_that_unpacks_to_more_than_it_claims_is_stopped() -> None:
    with pytest.raises(TooLarge, match="pakker mere ud, end zip-arkivet angiver"):
        read_bytes(docx_with_claim(100), "referat.docx")


def test_a_part_that_unpacks_to_less_than_it_claims_is_damaged() -> None:
    data = render(Minutes(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        size = archive.getinfo("word/styles.xml").file_size
    with pytest.raises(CorruptFile, match=r"word/styles\.xml"):
        read_bytes(docx_with_claim(size + 10), "referat.docx")


def test_the_parts_read_share_one_budget() -> None:
    package = Package(render(Minutes(), "docx"))
    package.left = 100
    with pytest.raises(TooLarge, match=f"højst {MAX_XML_BYTES // (1024 * 1024)} MB"):
        package.read("word/document.xml")


def test_a_picture_bomb_is_never_unpacked_by_the_reader_but_refused_for_annotation(
    tmp_path: Path,
) -> None:
    data = cases.docx_image_bomb(tmp_path, size=64 * 1024 * 1024).read_bytes()
    document = read_bytes(data, "referat.docx")
    assert "Danmarkskort" in document.text and document.warnings == []
    with pytest.raises(TooLarge, match="Word-filen fylder 64 MB udpakket; højst 32 MB"):
        check_whole_archive(data, 32 * 1024 * 1024)


# --------------------------------------------------------------------------- PDF streams


def one_stream_pdf(data: bytes, dictionary: bytes = b"/Filter /FlateDecode") -> bytes:
    stream = cases._stream(dictionary + b" /Length " + str(len(data)).encode(), data)
    return cases._one_page(b"4 0 R", {4: stream})


def test_a_flate_stream_without_its_checksum_is_no_damage() -> None:
    packed = zlib.compress(cases.minutes_content())[:-4]
    assert scan_streams(one_stream_pdf(packed)).damaged == 0


def test_a_raw_deflate_stream_is_no_damage() -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw = packer.compress(cases.minutes_content()) + packer.flush()
    assert scan_streams(one_stream_pdf(raw)).damaged == 0


def test_a_stream_cut_short_or_garbled_is_damaged() -> None:
    packed = zlib.compress(cases.minutes_content())
    assert scan_streams(one_stream_pdf(packed[: len(packed) // 2])).damaged == 1
    garbled = packed[:100] + b"\xff" * 16 + packed[116:]
    assert scan_streams(one_stream_pdf(garbled)).damaged == 1


def test_pictures_are_not_inflated() -> None:
    bomb = cases.zlib_bomb(b"", b"\x00" * (1 << 20), 300)
    scan = scan_streams(one_stream_pdf(bomb, b"/Subtype /Image /Filter /FlateDecode"))
    assert scan.inflated == 0 and scan.damaged == 0


def test_every_corpus_pdf_scans_clean() -> None:
    root = Path(__file__).resolve().parents[2] / "corpus"
    pdfs = sorted(root.glob("rendered/*.pdf")) + sorted(root.glob("converted/*.pdf"))
    assert pdfs
    for pdf in pdfs:
        scan = scan_streams(pdf.read_bytes())
        assert (scan.damaged, scan.xref_broken) == (0, False), pdf.name


# --------------------------------------------------------------------------- incomplete


def test_an_incomplete_document_with_an_item_is_judged_with_a_warning(tmp_path: Path) -> None:
    assessment = assess_file(cases.docx_altchunk_bomb(tmp_path, size=80 << 20)).assessment
    assert assessment.status == "ok"
    assert any("blev ikke læst" in w for w in assessment.warnings)


def test_an_incomplete_document_without_an_item_is_an_error_not_no_item(tmp_path: Path) -> None:
    assessment = assess_file(cases.pdf_damaged(tmp_path)).assessment
    assert assessment.status == "error" and assessment.error is not None
    assert assessment.error.code == "corrupt"
    assert "intet punkt om danmarkskortet i den del, der kunne læses" in assessment.error.message
