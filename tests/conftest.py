"""Builders for small fixture minutes: PDF (fpdf2) and DOCX (python-docx)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles (tests/test_fuzz.py): "ci", the default, is derandomized (the same 300
# examples a test every run, nothing written to .hypothesis/) and keeps the fuzz module well under
# a minute; HYPOTHESIS_PROFILE=fuzz runs 5,000 a test with fresh random seeds and keeps failing
# examples in .hypothesis/ for the next run. The deadline only catches a hang.
settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "fuzz",
    max_examples=5000,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


class PdfBuilder:
    """A4 minutes with running header and footer, headings and justified paragraphs."""

    def __init__(self, header: str | None = None, footer: str | None = None) -> None:
        from fpdf import FPDF

        builder = self

        class _Pdf(FPDF):  # type: ignore[misc]
            def header(self) -> None:
                if builder.header_text:
                    self.set_font(builder.family, "", 8)
                    self.set_xy(self.l_margin, 10)
                    self.cell(0, 4, builder.header_text.replace("{page}", str(self.page_no())))
                    self.set_y(22)

            def footer(self) -> None:
                if builder.footer_text:
                    self.set_y(-14)
                    self.set_font(builder.family, "", 8)
                    text = builder.footer_text.replace("{page}", str(self.page_no()))
                    self.cell(0, 4, text, align="C")

        self.header_text = header
        self.footer_text = footer
        self.pdf: Any = _Pdf(format="A4", unit="mm")
        self.family = "helvetica"
        if (FONT_DIR / "DejaVuSans.ttf").exists():
            self.pdf.add_font("dejavu", "", str(FONT_DIR / "DejaVuSans.ttf"))
            self.pdf.add_font("dejavu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
            self.family = "dejavu"
        self.pdf.set_margins(22, 22, 22)
        self.pdf.set_auto_page_break(True, 22)
        self.pdf.alias_nb_pages()
        self.pdf.add_page()

    @property
    def width(self) -> float:
        return float(self.pdf.w - self.pdf.l_margin - self.pdf.r_margin)

    def heading(self, text: str, size: float = 12.5) -> PdfBuilder:
        self.pdf.ln(3)
        self.pdf.set_font(self.family, "B", size)
        self.pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)
        return self

    def plain_line(self, text: str, size: float = 10) -> PdfBuilder:
        self.pdf.set_font(self.family, "", size)
        self.pdf.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        return self

    def paragraph(self, text: str, size: float = 10) -> PdfBuilder:
        """A justified paragraph wrapped by fpdf2."""
        self.pdf.set_font(self.family, "", size)
        self.pdf.multi_cell(0, 5, text, align="J", new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2.5)
        return self

    def justified_lines(self, lines: list[str], size: float = 10) -> PdfBuilder:
        """A paragraph broken at the given points; every line but the last fills the width."""
        pdf = self.pdf
        pdf.set_font(self.family, "", size)
        saved = pdf.c_margin
        pdf.c_margin = 0
        for number, line in enumerate(lines):
            words = line.split()
            y = pdf.get_y()
            widths = [pdf.get_string_width(word) for word in words]
            last = number == len(lines) - 1
            gap = (
                (self.width - sum(widths)) / (len(words) - 1)
                if len(words) > 1 and not last
                else pdf.get_string_width(" ")
            )
            x = pdf.l_margin
            for word, width in zip(words, widths, strict=True):
                pdf.set_xy(x, y)
                pdf.cell(width, 5, word)
                x += width + gap
            pdf.set_xy(pdf.l_margin, y + 5)
        pdf.c_margin = saved
        pdf.ln(2.5)
        return self

    def page_break(self) -> PdfBuilder:
        self.pdf.add_page()
        return self

    def save(self, path: Path) -> Path:
        path.write_bytes(bytes(self.pdf.output()))
        return path


@pytest.fixture
def pdf_builder() -> Callable[..., PdfBuilder]:
    return PdfBuilder


@pytest.fixture
def docx_document() -> Callable[[], Any]:
    import docx

    return docx.Document
