"""Property-based fuzzing of every reader: whatever the bytes, only typed `InputError`s escape.

Seeds are small real minutes (PDF with compressed and with plain content streams, DOCX, HTML);
hypothesis mutates them (byte flips and overwrites, deletions, insertions, duplicated runs,
truncation; for DOCX also the zip entries: an entry's XML damaged, truncated, replaced or left
out, junk entries added, stored instead of deflated) and writes random HTML from scratch
(nesting, unclosed tags, scripts, odd attributes and characters, encodings and BOMs). Every
input goes through `read_bytes`, the path of every reader with its structure analysis; the
property is: a `Document` with consistent offsets, or an `InputError`.

Budget (profiles in tests/conftest.py): the default "ci" profile is derandomized and keeps this
module well under a minute (300 examples a test); HYPOTHESIS_PROFILE=fuzz runs 5,000 a test with
fresh random seeds, for local runs (see the README).
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from functools import cache

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from minutes_fixtures import Minutes, render

from minutes_checker.errors import InputError
from minutes_checker.models import Document
from minutes_checker.pipeline import inspect_bytes as read_bytes


def _pdf(compress: bool) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_compression(compress)
    pdf.add_page()
    for kind, text in Minutes().blocks():
        pdf.set_font("Helvetica", "" if kind == "p" else "B", 11 if kind == "p" else 14)
        pdf.multi_cell(0, 15, text.replace("–", "-"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@cache
def seeds() -> dict[str, bytes]:
    return {
        "pdf": render(Minutes(), "pdf"),
        "pdf_plain": _pdf(compress=False),
        "docx": render(Minutes(), "docx"),
        "html": render(Minutes(), "html"),
    }


def read_or_input_error(data: bytes, name: str) -> None:
    """The property: a consistent Document, or a typed input error; nothing else."""
    try:
        document = read_bytes(data, name)
    except InputError as error:
        # the class, and for errors wrapped from a library exception its name ("(IndexError)")
        wrapped = re.search(r"\((\w+Error|\w+Exception)\)", error.detail or "")
        event(type(error).__name__ + (f" ({wrapped.group(1)})" if wrapped else ""))
        return
    assert isinstance(document, Document)
    text_length = len(document.text)
    assert all(0 <= b.start <= b.end <= text_length for b in document.blocks)
    assert all(0 <= i.start <= i.end <= text_length for i in document.items)
    assert all(0 <= p.start <= p.end <= text_length for p in document.pages)
    event("read")


# --------------------------------------------------------------------------- mutations

OPERATIONS = ("flip", "overwrite", "delete", "insert", "duplicate", "zero")


@st.composite
def mutated(draw: st.DrawFn, seed: bytes, max_operations: int = 6) -> bytes:
    """`seed` with 1-6 random edits at random places (positions drawn over the whole file)."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, max_operations))):
        operation = draw(st.sampled_from(OPERATIONS))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if operation == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif operation == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=16))
            data[at : at + len(chunk)] = chunk
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 256))]
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif operation == "duplicate":
            length = draw(st.integers(1, 512))
            data[at:at] = data[at : at + length]
        elif operation == "zero":
            length = draw(st.integers(1, 64))
            data[at : at + length] = bytes(min(length, len(data) - at))
    return bytes(data)


def truncated(seed: bytes) -> st.SearchStrategy[bytes]:
    return st.integers(0, len(seed) - 1).map(lambda end: seed[:end])


# --------------------------------------------------------------------------- PDF


@given(data=st.sampled_from(["pdf", "pdf_plain"]).flatmap(lambda k: mutated(seeds()[k])))
def test_pdf_with_mutated_bytes(data: bytes) -> None:
    read_or_input_error(data, "referat.pdf")


@given(data=st.sampled_from(["pdf", "pdf_plain"]).flatmap(lambda k: truncated(seeds()[k])))
def test_pdf_truncated_anywhere(data: bytes) -> None:
    read_or_input_error(data, "referat.pdf")


@given(data=st.sampled_from(["pdf", "pdf_plain"]).flatmap(lambda k: truncated(seeds()[k])))
def test_pdf_cut_off_with_a_new_end_marker(data: bytes) -> None:
    """Cut anywhere, then "%%EOF" appended: past the reader's own check, into PDFium's repair."""
    read_or_input_error(data + b"\n%%EOF\n", "referat.pdf")


@given(st.data())
def test_pdf_with_mutated_tail(data: st.DataObject) -> None:
    """Edits in the last 2 KB: cross-reference table, trailer, %%EOF."""
    seed = seeds()["pdf_plain"]
    head, tail = seed[:-2048], seed[-2048:]
    read_or_input_error(head + data.draw(mutated(tail, max_operations=3)), "referat.pdf")


# --------------------------------------------------------------------------- DOCX


def _entries(seed: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


@st.composite
def corrupted_zip(draw: st.DrawFn, seed: bytes) -> bytes:
    """A DOCX rebuilt with some of its entries damaged, replaced, left out or added."""
    entries = _entries(seed)
    names = [name for name, _ in entries]
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(entries) - 1))
        name, content = entries[index]
        action = draw(st.sampled_from(["mutate", "truncate", "replace", "drop", "add", "rename"]))
        if action == "mutate":
            entries[index] = (name, draw(mutated(content, max_operations=4)))
        elif action == "truncate":
            entries[index] = (name, content[: draw(st.integers(0, len(content)))])
        elif action == "replace":
            junk = draw(st.one_of(st.binary(max_size=512), st.text(max_size=200).map(str.encode)))
            entries[index] = (name, junk)
        elif action == "drop" and len(entries) > 1:
            del entries[index]
        elif action == "add":
            entries.append((draw(st.sampled_from(names)), draw(st.binary(max_size=256))))
        elif action == "rename":
            name = draw(st.text(st.characters(blacklist_characters="\x00/"), min_size=1))
            entries[index] = (name, content)
    method = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", method) as archive:
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": wanted here
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


@given(data=st.builds(seeds).flatmap(lambda s: corrupted_zip(s["docx"])))
def test_docx_with_corrupted_zip_entries(data: bytes) -> None:
    read_or_input_error(data, "referat.docx")


@given(data=st.builds(seeds).flatmap(lambda s: mutated(s["docx"])))
def test_docx_with_mutated_bytes(data: bytes) -> None:
    read_or_input_error(data, "referat.docx")


@given(data=st.builds(seeds).flatmap(lambda s: truncated(s["docx"])))
def test_docx_truncated_anywhere(data: bytes) -> None:
    read_or_input_error(data, "referat.docx")


# --------------------------------------------------------------------------- HTML

TAGS = (
    "p", "div", "span", "b", "strong", "i", "h1", "h2", "h3", "h4", "ul", "ol", "li", "dl", "dt",
    "dd", "table", "tr", "td", "th", "br", "script", "style", "nav", "header", "footer", "main",
    "section", "article", "a", "img", "pre", "template", "svg", "iframe", "noscript", "center",
)  # fmt: skip
ATTRIBUTES = st.sampled_from(
    [
        "",
        ' class="agenda-item"',
        ' class="punkt title"',
        ' class="nummer"',
        ' class="cookie-banner"',
        ' style="display:none"',
        ' style="font-weight: 700"',
        ' start="7"',
        ' start="-3"',
        ' start="x"',
        ' type="a"',
        ' value="99999999999999999999"',
        ' onload="alert(1)"',
        ' src="javascript:alert(1)"',
        " hidden",
        ' lang="da"',
    ]
)
TEXT = st.one_of(
    st.sampled_from(
        [
            "Punkt 12. Danmarkskort over omgørelsesprocenter",
            "Beslutning i Byrådet den 27-09-2023",
            "Indstillingen blev godkendt.",
            "Sagsfremstilling",
            "Herning Kommune",
            "&amp; &lt;script&gt; &#0; &#xD800; &bogus; &",
            "</p></div>",
            "<!-- -->",
            "<![CDATA[x]]>",
        ]
    ),
    st.text(max_size=40),
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        tag = draw(st.sampled_from(TAGS))
        inner = "".join(draw(st.lists(children, max_size=4)))
        closing = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", "</p>", "</html>"]))
        return f"<{tag}{draw(ATTRIBUTES)}>{inner}{closing}"

    return build()


HTML_BODY = st.recursive(TEXT, _element, max_leaves=40)
PROLOGUES = st.sampled_from(
    [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Referat</title></head><body>",
        "<html><head><meta charset=windows-1252></head><body>",
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=bogus-8'>",
        "<?xml version='1.0' encoding='utf-8'?><html xmlns='http://www.w3.org/1999/xhtml'><body>",
        "<html><body>",
        "<div>",
        "",
    ]
)


@given(prologue=PROLOGUES, body=HTML_BODY, encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_random_html(prologue: str, body: str, encoding: str) -> None:
    data = (prologue + body).encode(encoding, "replace")
    if encoding == "utf-16" and len(data) % 2:
        data = data[:-1]
    read_or_input_error(data, "referat.html")


@given(data=st.builds(seeds).flatmap(lambda s: mutated(s["html"])))
def test_html_with_mutated_bytes(data: bytes) -> None:
    read_or_input_error(data, "referat.html")


@given(data=st.binary(max_size=4096))
def test_random_bytes_behind_an_html_start(data: bytes) -> None:
    read_or_input_error(b"<html><body><p>" + data, "referat.html")


@given(data=st.binary(max_size=4096), name=st.sampled_from(["x.pdf", "x.docx", "x.html", "x"]))
def test_random_bytes_under_any_name(data: bytes, name: str) -> None:
    read_or_input_error(data, name)


@pytest.mark.parametrize("kind", ["pdf", "pdf_plain", "docx", "html"])
def test_the_seeds_are_read(kind: str) -> None:
    """The mutations start from files that read cleanly."""
    document = read_bytes(seeds()[kind], "referat." + kind.split("_")[0])
    assert document.items

