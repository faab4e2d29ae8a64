"""Inputs made to hurt: each is answered with a clear message, in bounded time and memory.

Time and memory are measured in a fresh process (peak RSS: VmHWM of /proc/self/status; the
address space capped at 3 GB, so a runaway allocation fails instead of swapping the machine).
The bounds are guards against a blow-up (a zip bomb unpacked, a file read twice), not
performance targets: those live in benchmarks/batch_speed.py.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from badfiles import zip_bomb_docx
from click.testing import CliRunner
from minutes_fixtures import Minutes, render

from minutes_checker.cli import main
from minutes_checker.pipeline import assess_file

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
MAX_PEAK_MB = 400  # the per-worker memory budget of a batch
MAX_SECONDS = 120  # a hang guard only

PROBE = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
from minutes_checker.errors import InputError
from minutes_checker.pipeline import inspect_file as read_document

def rss():  # VmHWM: ru_maxrss would keep the peak of the forked test process across exec
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024

before, started = rss(), time.perf_counter()
try:
    document = read_document(sys.argv[1])
    result = {"status": "ok", "pages": len(document.pages), "items": len(document.items)}
except InputError as error:
    result = {"status": "error", "code": error.code, "message": error.message("da")}
result.update(seconds=time.perf_counter() - started, before_mb=before, peak_mb=rss())
print(json.dumps(result))
"""


def probe(path: Path) -> dict[str, Any]:
    """Read `path` in a fresh process; the outcome with its time and peak memory."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("MINUTES_CHECKER_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        timeout=MAX_SECONDS,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["peak_mb"] < MAX_PEAK_MB, result
    return result


# --------------------------------------------------------------------------- zip bombs


def _patch_sizes(data: bytes, name: str, size: int) -> bytes:
    """Make the zip headers of entry `name` claim an uncompressed size of `size` bytes."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
        central = archive.start_dir  # type: ignore[attr-defined]
    struct.pack_into("<I", out, info.header_offset + 22, size)  # local file header
    position = central
    while out[position : position + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", out, position + 28)
        if out[position + 46 : position + 46 + name_length].decode() == name:
            struct.pack_into("<I", out, position + 24, size)
            break
        position += 46 + name_length + extra_length + comment_length
    return bytes(out)


def lying_zip_bomb(directory: Path) -> Path:
    """A DOCX whose word/document.xml unpacks to 300 MB while its headers claim 4 KB."""
    body = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(render(Minutes(), "docx"))) as seed, zipfile.ZipFile(
        body, "w", zipfile.ZIP_DEFLATED, compresslevel=1
    ) as archive:
        for info in seed.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, seed.read(info))
        with archive.open("word/document.xml", "w") as handle:
            handle.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                         b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')  # fmt: skip
            for _ in range(300):
                handle.write(b"A" * (1024 * 1024))
            handle.write(b"</w:t></w:r></w:p></w:body></w:document>")
    path = directory / "loegn.docx"
    path.write_bytes(_patch_sizes(body.getvalue(), "word/document.xml", 4096))
    return path


def entity_bomb(directory: Path) -> Path:
    """A DOCX whose document.xml is a 'billion laughs' of nested XML entities."""
    levels = ['<!ENTITY a0 "hahahahahahahahahaha">'] + [
        f'<!ENTITY a{i} "{"".join(f"&a{i - 1};" for _ in range(10))}">' for i in range(1, 10)
    ]
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(levels)}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(render(Minutes(), "docx"))) as seed, zipfile.ZipFile(
        buffer, "w", zipfile.ZIP_DEFLATED
    ) as archive:
        for info in seed.infolist():
            content = xml.encode() if info.filename == "word/document.xml" else seed.read(info)
            archive.writestr(info.filename, content)
    path = directory / "latter.docx"
    path.write_bytes(buffer.getvalue())
    return path


def test_a_zip_bomb_docx_is_refused_without_unpacking(tmp_path: Path) -> None:
    result = probe(zip_bomb_docx(tmp_path))
    assert result["code"] == "too_large"
    assert "zip-bombe" in result["message"]
    assert result["peak_mb"] - result["before_mb"] < 100


def test_a_zip_bomb_that_lies_about_its_size_is_not_unpacked(tmp_path: Path) -> None:
    result = probe(lying_zip_bomb(tmp_path))
    assert result["status"] == "error"
    assert result["code"] in ("corrupt", "too_large")
    assert result["peak_mb"] - result["before_mb"] < 100


def test_an_xml_entity_bomb_in_a_docx_is_not_expanded(tmp_path: Path) -> None:
    result = probe(entity_bomb(tmp_path))
    assert result["status"] in ("ok", "error")  # entities are not resolved: no text, or little
    assert result["peak_mb"] - result["before_mb"] < 100


# --------------------------------------------------------------------------- PDF


def tiny_pages(path: Path, count: int) -> Path:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(24, 24))
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=4)
    for number in range(count):
        pdf.add_page()
        pdf.set_xy(2, 2)
        pdf.cell(20, 5, f"{number + 1}. Punkt")
    pdf.output(str(path))
    return path


def test_a_pdf_with_thousands_of_tiny_pages_is_read(tmp_path: Path) -> None:
    result = probe(tiny_pages(tmp_path / "smaa-sider.pdf", 3000))
    assert result["status"] == "ok"
    assert result["pages"] == 3000


def test_a_pdf_with_more_pages_than_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    result = probe(tiny_pages(tmp_path / "for-mange-sider.pdf", 5200))
    assert result["code"] == "too_large"
    assert "5200 sider; højst 5000" in result["message"]


def test_fifty_megabytes_of_junk_behind_a_pdf_header(tmp_path: Path) -> None:
    path = tmp_path / "skrald.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        for _ in range(50):
            handle.write(os.urandom(1024 * 1024))
        handle.write(b"\n%%EOF\n")
    result = probe(path)
    assert result["code"] == "corrupt"
    assert result["message"].startswith("filen er beskadiget eller ufuldstændig")


def test_a_valid_fifty_megabyte_pdf_is_read(tmp_path: Path) -> None:
    """A page of minutes text with a 50 MB picture (photos and scans make PDFs this big)."""
    from fpdf import FPDF
    from PIL import Image

    side = 4200  # 4200 x 4200 RGB noise: about 53 MB, incompressible
    picture = tmp_path / "stoej.png"
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(
        picture, compress_level=1
    )
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for _, text in Minutes().blocks():
        pdf.multi_cell(0, 14, text.replace("–", "-"), new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.image(str(picture), x=0, y=0, w=595, h=842)
    path = tmp_path / "stor.pdf"
    pdf.output(str(path))
    assert path.stat().st_size > 50 * 1024 * 1024
    result = probe(path)
    assert result["status"] == "ok"
    assert result["pages"] == 2


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    "args",
    [
        ["check", "referat\x00.pdf"],
        ["check", "--format", "json", "ok.pdf", "a\x00b.pdf"],
        ["inspect", "referat\x00.pdf"],
        ["batch", "mappe\x00", "--out", "ud"],
        ["batch", ".", "--out", "ud\x00"],
    ],
)
def test_a_nul_in_a_file_name_is_a_plain_message_and_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "NUL-tegn" in result.stderr
    assert result.stderr.startswith("Fejl: navnet '")
    assert "\\0" in result.stderr and "\x00" not in result.stderr
    assert "uventet" not in result.stderr and "Traceback" not in result.output


def test_a_nul_in_a_name_given_to_the_worker_function() -> None:
    assessment = assess_file("referat\x00.pdf").assessment
    assert assessment.error is not None
    assert assessment.error.code == "not_found"
    assert "NUL-tegn" in assessment.error.message and "\x00" not in assessment.error.message


# --------------------------------------------------------------------------- scripts


PAYLOADS = (
    "<script>alert('referat')</script>",
    "<img src=x onerror=alert('referat')>",
    "</textarea><svg onload=alert('referat')>",
)


def test_script_tags_in_html_minutes_are_not_run_and_the_report_escapes_everything(
    tmp_path: Path,
) -> None:
    minutes = Minutes("Herning Kommune", extra=[f"Borgeren skrev: {p}" for p in PAYLOADS])
    page = render(minutes, "html").decode("utf-8")
    # real script elements in the item's text and around it: read as nothing
    page = page.replace(
        "<p>Ankestyrelsen", "<script>document.title = 'kørt';</script><p>Ankestyrelsen", 1
    ).replace("</body>", "<script src='https://example.invalid/x.js'></script></body>")
    root = tmp_path / "referater"
    root.mkdir()
    name = "herning <svg onload=alert('fil')> & 'x'.html"  # no '/': a path separator
    (root / name).write_text(page, encoding="utf-8")
    out = tmp_path / "resultat"

    result = CliRunner().invoke(main, ["batch", str(root), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output

    record = json.loads((out / "results.jsonl").read_text("utf-8").splitlines()[0])
    assert record["status"] == "ok"
    excerpts = json.loads(next((out / "excerpts").glob("*.json")).read_text("utf-8"))
    item_text = " ".join(e["text"] for e in excerpts)
    assert "document.title" not in item_text  # script content is not text of the minutes
    assert all(p in item_text for p in PAYLOADS)  # what the minutes say is kept, as text

    pages = list((out / "report").glob("*.html"))
    assert len(pages) >= 2
    shown = 0
    for report_page in pages:
        html = report_page.read_text("utf-8")
        for payload in (*PAYLOADS, "<svg onload=alert('fil')>", "document.title"):
            assert payload not in html, f"{report_page.name}: {payload}"
        assert "example.invalid" not in html
        # the apostrophe as &#39; (markupsafe) or &#x27; (html.escape): the same character
        shown += html.replace("&#x27;", "&#39;").count(
            "&lt;script&gt;alert(&#39;referat&#39;)&lt;/script&gt;"
        )
        # the report's own scripts are the only ones: inline, no src
        assert "<script src" not in html
    assert shown >= 1  # the payload is on the municipality's page, escaped
