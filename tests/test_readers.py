"""The readers: PDF, DOCX and HTML into one cleaned, page-aware text with blocks and lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import PdfBuilder
from docx.oxml import parse_xml

from minutes_checker.models import Document
from minutes_checker.pipeline import inspect_bytes as read_bytes
from minutes_checker.pipeline import inspect_file as read_document
from minutes_checker.read.furniture import PlacedLine, find_running_lines, is_page_number
from minutes_checker.read.plain import plain_lines
from minutes_checker.read.sniff import sniff
from minutes_checker.read.text import clean_text, join_decision, join_lines

BODY = (
    "Ankestyrelsen har offentliggjort danmarkskortet over omgørelsesprocenter på socialområdet. "
    "Kortet viser, hvor stor en andel af de påklagede afgørelser der blev ændret, ophævet eller "
    "hjemvist. Kommunens omgørelsesprocent ligger under landsgennemsnittet på alle tre områder. "
)


def assert_consistent(document: Document) -> None:
    """Offsets: pages tile the text, blocks cover their text exactly, lines lie in their page."""
    text = document.text
    assert document.pages[0].start == 0
    assert document.pages[-1].end == len(text)
    for previous, page in zip(document.pages, document.pages[1:], strict=False):
        assert previous.end == page.start
    for block in document.blocks:
        chunk = text[block.start : block.end]
        assert chunk and chunk == chunk.strip()
        assert "\n\n" not in chunk
    for previous, block in zip(document.blocks, document.blocks[1:], strict=False):
        assert text[previous.end : block.start] == "\n\n"
    for line in document.lines:
        page = document.pages[line.page - 1]
        assert page.start <= line.start <= line.end <= page.end
        assert 0 <= line.box.x0 < line.box.x1 <= (page.width or 1e9)
        assert 0 <= line.box.top < line.box.bottom <= (page.height or 1e9)


# --------------------------------------------------------------------------- cleanup


@pytest.mark.parametrize(
    ("previous", "following", "expected"),
    [
        ("om Ankestyrelsens omgørelses-", "procenter og", "join"),
        ("en handlings-", "plan", "join"),
        ("i Børne-", "og Ungeudvalget", "newline"),
        ("i Social-,", "Sundheds- og Ældreudvalget", "newline"),
        ("Social-", ", Sundheds- og", "newline"),
        ("i perioden 2024-", "2027", "join_keep_hyphen"),
        ("sammen med Faaborg-", "Midtfyn Kommune", "join_keep_hyphen"),
        ("Børne-", "eller Ungeudvalget", "newline"),
        ("helt almindelig linje", "der fortsætter", "newline"),
        ("en tankestreg -", "og mere", "newline"),
    ],
)
def test_join_decision(previous: str, following: str, expected: str) -> None:
    assert join_decision(previous, following) == expected


def test_join_lines_keeps_spans_of_each_line() -> None:
    text, spans = join_lines(["danmarkskortet over omgørelses-", "procenter 2024-", "2027 i Børne-",
                              "og Ungeudvalget"])  # fmt: skip
    assert text == "danmarkskortet over omgørelsesprocenter 2024-2027 i Børne-\nog Ungeudvalget"
    assert [text[a:b] for a, b in spans] == [
        "danmarkskortet over omgørelses",
        "procenter 2024-",
        "2027 i Børne-",
        "og Ungeudvalget",
    ]


def test_clean_text_normalises_characters() -> None:
    assert clean_text("ﬁnansiering ﬂere e\u00adfterretning") == "finansiering flere efterretning"
    assert clean_text("a\u00a0b\u2009c") == "a b c"
    assert clean_text("“citat” ‘x’ \u2010 \u2212") == "\"citat\" 'x' - -"
    assert clean_text("A\u030arhus") == "Århus"  # NFC


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4", True), ("- 4 -", True), ("Side 4", True), ("Side 4 af 31", True), ("4/31", True),
     ("Side 4 af", False), ("14. Danmarkskort", False), ("Beslutning", False)],
)  # fmt: skip
def test_is_page_number(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected


def test_running_lines_found_by_repetition_not_item_headings() -> None:
    pages = []
    for number in range(1, 6):
        pages.append(
            [
                PlacedLine("Referat | Kommunalbestyrelsen | 14. september 2021", 20, 30),
                PlacedLine(f"{number + 10}. Punkt nummer {number}", 60, 72),
                PlacedLine("Sagsfremstilling", 80, 90),
                PlacedLine(f"Tekst på side {number}.", 100 + 9 * number, 110 + 9 * number),
                PlacedLine(f"Byrådet 25-09-2023 – Side {number} af 5", 800, 810),
            ]
        )
    running = find_running_lines(pages)
    assert running == {(p, 0) for p in range(5)} | {(p, 4) for p in range(5)}


# --------------------------------------------------------------------------- PDF


def test_pdf_running_header_and_footer_are_furniture(tmp_path: Path) -> None:
    builder = PdfBuilder(
        header="Referat | Kommunalbestyrelsen | 14. september 2021",
        footer="Byrådet 25-09-2023 – Side {page} af {nb}",
    )
    for number in range(1, 4):
        builder.heading(f"{number}. Danmarkskort over omgørelsesprocenter del {number}")
        builder.paragraph(BODY * 3)
        if number < 3:
            builder.page_break()
    document = read_document(builder.save(tmp_path / "referat.pdf"))
    assert "Side 2 af 3" not in document.text
    assert "Referat | Kommunalbestyrelsen" not in document.text
    furniture = {(f.text, f.page) for f in document.furniture}
    assert ("Byrådet 25-09-2023 – Side 2 af 3", 2) in furniture
    assert ("Referat | Kommunalbestyrelsen | 14. september 2021", 3) in furniture
    assert document.text.startswith("1. Danmarkskort over omgørelsesprocenter del 1")
    assert len(document.pages) == 3
    assert_consistent(document)


def test_pdf_hyphenation_joined_but_compounds_and_ranges_kept(tmp_path: Path) -> None:
    lines = [
        "Sagen handler om Ankestyrelsens omgørelses-",
        "procenter og om behovet for en handlings-",
        "plan, som skal behandles i Børne-",
        "og Ungeudvalget og i Social-,",
        "Sundheds- og Ældreudvalget i perioden 2024-",
        "2027 sammen med Faaborg-",
        "Midtfyn Kommune og DANMARKSKORTET.",
    ]
    builder = PdfBuilder().justified_lines(lines)
    document = read_document(builder.save(tmp_path / "bindestreg.pdf"))
    text = document.text
    flat = " ".join(text.split())
    assert "omgørelsesprocenter" in text
    assert "handlingsplan" in text
    assert "Børne- og Ungeudvalget" in flat
    assert "Social-, Sundheds- og Ældreudvalget" in flat
    assert "2024-2027" in text
    assert "Faaborg-Midtfyn Kommune" in text
    assert len(document.blocks) == 1  # one paragraph, lines joined with a single newline
    assert "\n\n" not in text
    # each line keeps its own range and box: the second line starts inside the joined word
    second = document.lines[1]
    assert text[second.start : second.end].startswith("procenter og om behovet")
    assert document.lines[0].box.top < second.box.top
    assert_consistent(document)


def test_pdf_line_starting_with_a_day_and_month_runs_on(tmp_path: Path) -> None:
    """ "26. februar 2025" wrapped onto a line's start is a date, not an item or a list entry."""
    lines = [
        "Byrådet besluttede at udsætte sagen til Byrådets ordinære møde den",
        "26. februar 2025. Inden da ønsker Byrådet en gennemgang af de omgjorte sager.",
    ]
    document = read_document(PdfBuilder().justified_lines(lines).save(tmp_path / "dato.pdf"))
    assert len(document.blocks) == 1
    assert "møde den\n26. februar 2025." in document.text


def test_pdf_number_wrapped_onto_a_line_start_is_no_agenda_item(tmp_path: Path) -> None:
    """ "… mens landsgennemsnittet er" / "4. For børn …": a figure that wrapped onto the next
    line of a justified paragraph, in plain (not bold) headings where item 4 would fit the
    sequence; a list entry after "…, og" stays an entry of its own."""
    builder = PdfBuilder()
    for number in (1, 2):
        builder.plain_line(f"{number}. Punkt nummer {number}")
        builder.heading("Beslutning", size=10.5).paragraph("Godkendt. " * 30)
    builder.plain_line("3. Danmarkskort over omgørelsesprocenter 2024")
    builder.heading("Sagsfremstilling", size=10.5)
    builder.justified_lines(
        [
            "Omgørelsesprocenten på det samlede område er 17, mens landsgennemsnittet er",
            "4. For børn og unge med handicap ligger kommunen på 22 procent mod 30, og",
            "for voksne med handicap er tallet 19 procent mod landets 24 procent.",
        ]
    )
    builder.heading("Indstilling", size=10.5)
    builder.justified_lines(
        [
            "1. at Byrådet drøfter kortene for det samlede område og for børnehandicapområdet, og",
            "2. at der ikke udarbejdes en handlingsplan.",
        ]
    )
    builder.heading("Beslutning", size=10.5).paragraph("Godkendt.")
    document = read_document(builder.save(tmp_path / "tal.pdf"))
    assert [item.number for item in document.items] == ["1", "2", "3"]
    assert "landsgennemsnittet er\n4. For børn" in document.text
    assert "børnehandicapområdet, og\n\n2. at der" in document.text


def test_pdf_line_pitch_is_the_wrapped_lines_not_the_paragraph_gaps() -> None:
    """A single-item print is mostly one-line paragraphs: the most common distance between
    baselines is the paragraph gap, and the line pitch the smaller distance that is common too,
    so that two paragraphs with a gap between them stay two."""
    from minutes_checker.read.pdf.paragraphs import _line_pitch

    assert _line_pitch(13.5, {24.8: 12, 21.0: 3, 11.0: 5}) == 11.0
    assert _line_pitch(10.0, {14.0: 40, 7.0: 2}) == 14.0  # a rare closer pair is no line pitch


def test_pdf_data_table_row_whose_label_wrapped_is_one_row() -> None:
    """Chromium prints a table row whose label cell wraps as "Børn og unge med" above
    "handicap 36 % 40 % …" (the data-table row): one row, so the map is named."""
    from minutes_checker.read.pdf.lines import _TABLE, _RawLine
    from minutes_checker.read.pdf.paragraphs import _block_kind, _continues, _Layout

    def line(text: str, bottom: float, role: int = 0) -> _RawLine:
        return _RawLine(text, 0, 72.0, bottom - 10, 72.0 + 6 * len(text), bottom, 10.0, False, role)

    label = line("Børn og unge med", 200.0)
    row = line("handicap 36 % 40 % 39 % 41 % 35 %", 212.0, _TABLE)
    body = [line("Hele socialområdet 21 % 23 % 25 %", 188.0, _TABLE), label, row]
    layout = _Layout([*body, *(line("Tekst i et afsnit.", 300.0 + 12 * i) for i in range(5))], {})
    assert _continues(layout, label, row, False, False, False)
    assert _block_kind([label, row], [False, False]) == "table_cell"
    sentence = line("Tallene er faldet siden sidste år.", 200.0)
    assert not _continues(layout, sentence, row, False, False, False)


def test_pdf_ligatures_and_odd_characters_normalised(tmp_path: Path) -> None:
    builder = PdfBuilder().paragraph("Der er ﬁnansiering til ﬂere indsatser “i år”.")
    document = read_document(builder.save(tmp_path / "ligatur.pdf"))
    assert "finansiering til flere indsatser" in document.text
    assert "ﬁ" not in document.text and "ﬂ" not in document.text


def test_pdf_paragraphs_headings_and_lines(tmp_path: Path) -> None:
    builder = PdfBuilder()
    builder.heading("14. Danmarkskort over omgørelsesprocenter", size=13)
    builder.heading("Sagsfremstilling", size=10.5)
    builder.paragraph(BODY * 2)
    builder.paragraph("Et andet afsnit, som er kort.")
    document = read_document(builder.save(tmp_path / "afsnit.pdf"))
    kinds = [(document.text[b.start : b.end][:20], b.kind) for b in document.blocks]
    assert kinds[0] == ("14. Danmarkskort ove", "heading")
    assert kinds[1] == ("Sagsfremstilling", "heading")
    assert kinds[2][1] == "paragraph"
    assert document.text[document.blocks[3].start : document.blocks[3].end] == (
        "Et andet afsnit, som er kort."
    )
    paragraph = document.text[document.blocks[2].start : document.blocks[2].end]
    assert paragraph.count("\n") >= 2  # wrapped lines joined with single newlines
    heading_line = document.lines[0]
    body_line = document.lines[3]
    assert heading_line.bold and not body_line.bold
    assert heading_line.size and body_line.size and heading_line.size > body_line.size
    assert_consistent(document)


def test_pdf_paragraph_continues_over_page_break(tmp_path: Path) -> None:
    builder = PdfBuilder(footer="Side {page} af {nb}")
    builder.paragraph(BODY * 40)
    document = read_document(builder.save(tmp_path / "lang.pdf"))
    assert len(document.pages) >= 2
    assert len(document.blocks) == 1
    assert document.blocks[0].page == 1
    assert document.pages[1].start > 0
    assert_consistent(document)


def test_pdf_of_sixty_pages_gives_every_page_and_item(tmp_path: Path) -> None:
    """Sixty one-item pages: every page and every item is found. (How fast: not a unit test's
    business; benchmarks/read_speed.py and benchmarks/batch_speed.py measure it.)"""
    builder = PdfBuilder(footer="Byrådet 25-09-2023 – Side {page} af {nb}")
    for number in range(1, 61):
        builder.heading(f"{number}. Punkt nummer {number}")
        builder.paragraph(BODY * 8)
        builder.page_break()
    document = read_document(builder.save(tmp_path / "hurtig.pdf"))
    assert len(document.pages) >= 60
    assert [item.number for item in document.items] == [str(n) for n in range(1, 61)]
    assert_consistent(document)


# --------------------------------------------------------------------------- DOCX

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(tmp_path: Path, document: Any, name: str = "referat.docx") -> Document:
    path = tmp_path / name
    document.save(str(path))
    return read_document(path)


def _blocks(document: Document) -> list[tuple[str, str, int | None]]:
    return [(document.text[b.start : b.end], b.kind, b.level) for b in document.blocks]


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path, docx_document: Callable) -> None:
    word = docx_document()
    word.add_paragraph("Før tabellen.")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Mødedato"
    table.cell(0, 1).text = "14. september 2021"
    table.cell(1, 0).text = "Sted"
    table.cell(1, 1).text = "Byrådssalen"
    word.add_paragraph("Efter tabellen.")
    document = _docx(tmp_path, word)
    assert [text for text, _, _ in _blocks(document)] == [
        "Før tabellen.",
        "Mødedato",
        "14. september 2021",
        "Sted",
        "Byrådssalen",
        "Efter tabellen.",
    ]
    assert [kind for _, kind, _ in _blocks(document)][1:5] == ["table_cell"] * 4
    assert_consistent(document)


def test_docx_headings_from_styles_outline_and_bold(
    tmp_path: Path, docx_document: Callable
) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    word = docx_document()
    heading2 = word.styles["Heading 2"]
    heading2.name = "Overskrift 2"
    heading2.style_id = "Overskrift2"
    custom = word.styles.add_style("Punktoverskrift", WD_STYLE_TYPE.PARAGRAPH)
    custom.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="0"/>'))
    derived = word.styles.add_style("Afledt", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = custom
    word.add_paragraph("Referat", style="Heading 1")
    word.add_paragraph("Sagsfremstilling", style="Overskrift 2")
    word.add_paragraph("14. Danmarkskort", style="Afledt")
    bold = word.add_paragraph()
    bold.add_run("Indstilling").bold = True
    long_bold = word.add_paragraph()
    long_bold.add_run("Et helt afsnit med fed skrift, som er en almindelig tekst. " * 4).bold = True
    mixed = word.add_paragraph()
    mixed.add_run("Beslutning:").bold = True
    mixed.add_run(" Godkendt.")
    blocks = _blocks(_docx(tmp_path, word))
    assert blocks[0] == ("Referat", "heading", 1)
    assert blocks[1] == ("Sagsfremstilling", "heading", 2)
    assert blocks[2] == ("14. Danmarkskort", "heading", 1)
    assert blocks[3] == ("Indstilling", "heading", None)
    assert blocks[4][1] == "paragraph"
    assert blocks[5] == ("Beslutning: Godkendt.", "paragraph", None)


def test_docx_text_boxes_and_tracked_changes(tmp_path: Path, docx_document: Callable) -> None:
    word = docx_document()
    paragraph = word.add_paragraph("Ankeret står her.")
    box = (
        f"<mc:AlternateContent {W} "
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        "<w:p><w:r><w:t>Tekst i tekstboksen om danmarkskortet.</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>Tekst i tekstboksen om danmarkskortet.</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent>"
    )
    run = paragraph.add_run()
    run._r.append(parse_xml(box))
    tracked = word.add_paragraph("Byrådet godkender ")
    tracked._p.append(
        parse_xml(
            f'<w:ins {W} w:id="1" w:author="A"><w:r><w:t>den indsatte tekst</w:t></w:r></w:ins>'
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:del {W} w:id="2" w:author="A"><w:r><w:delText>den slettede tekst</w:delText>'
            "</w:r></w:del>"
        )
    )
    field = word.add_paragraph("Side ")
    for xml in (
        f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {W}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {W}><w:t>7</w:t></w:r>",
        f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        field._p.append(parse_xml(xml))
    document = _docx(tmp_path, word)
    assert document.text.count("Tekst i tekstboksen om danmarkskortet.") == 1
    assert "Byrådet godkender den indsatte tekst" in document.text
    assert "slettede" not in document.text
    assert "Side 7" in document.text
    assert "PAGE" not in document.text


def test_docx_headers_and_footers_are_furniture(tmp_path: Path, docx_document: Callable) -> None:
    word = docx_document()
    word.sections[0].header.paragraphs[0].text = "Aarhus Kommune – Referat"
    word.sections[0].footer.paragraphs[0].text = "Byrådet 27-09-2023"
    word.add_paragraph("Brødtekst.")
    document = _docx(tmp_path, word)
    assert document.text == "Brødtekst."
    assert {f.text for f in document.furniture} == {
        "Aarhus Kommune – Referat",
        "Byrådet 27-09-2023",
    }


def test_docx_pages_from_breaks(tmp_path: Path, docx_document: Callable) -> None:
    from docx.enum.section import WD_SECTION

    word = docx_document()
    word.add_paragraph("Side et.")
    word.add_page_break()
    word.add_paragraph("Side to.")
    word.add_section(WD_SECTION.NEW_PAGE)
    word.add_paragraph("Side tre.")
    rendered = word.add_paragraph("Side tre fortsat ")
    rendered._p.append(
        parse_xml(f"<w:r {W}><w:lastRenderedPageBreak/><w:t>og side fire.</w:t></w:r>")
    )
    before = word.add_paragraph("Side fem.")
    before.paragraph_format.page_break_before = True
    document = _docx(tmp_path, word)
    pages = [document.text[p.start : p.end].strip() for p in document.pages]
    assert pages == ["Side et.", "Side to.", "Side tre.\n\nSide tre fortsat", "og side fire.",
                     "Side fem."]  # fmt: skip
    assert document.blocks[-1].page == 5
    assert_consistent(document)


def test_docx_automatic_numbering_is_written_out(tmp_path: Path, docx_document: Callable) -> None:
    word = docx_document()
    word.add_paragraph("Direktionen indstiller,")
    word.add_paragraph("at Byrådet drøfter danmarkskortet", style="List Number")
    word.add_paragraph("at der ikke udarbejdes en handlingsplan", style="List Number")
    word.add_paragraph("et punkt", style="List Bullet")
    texts = [text for text, _, _ in _blocks(_docx(tmp_path, word))]
    assert texts[1] == "1. at Byrådet drøfter danmarkskortet"
    assert texts[2] == "2. at der ikke udarbejdes en handlingsplan"
    assert texts[3] == "• et punkt"


# --------------------------------------------------------------------------- HTML


def test_html_charset_from_meta_and_fallback() -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Referat</title></head>'
        "<body><p>Ældrerådet og Børne- og Ungeudvalget på Østergade</p></body></html>"
    )
    document = read_bytes(page.encode("cp1252"), "side.html")
    assert "Ældrerådet og Børne- og Ungeudvalget på Østergade" in document.text
    undeclared = "<html><body><p>Særlige forhold for ældre</p></body></html>"
    assert "Særlige forhold for ældre" in read_bytes(undeclared.encode("utf-8"), "a.html").text
    assert "Særlige forhold for ældre" in read_bytes(undeclared.encode("cp1252"), "b.html").text


def test_html_markup_to_blocks() -> None:
    page = """<!DOCTYPE html><html><head><title>Byrådet 27-09-2023 – Aarhus Kommune</title>
    <style>p { color: red }</style><script>var punkt = "1. Falsk punkt";</script></head>
    <body>
    <header class="site"><a href="/">Aarhus Kommune forside</a></header>
    <nav><ul><li>Borger</li><li>Politik</li></ul></nav>
    <main>
      <h1>Byrådet – referat</h1>
      <h2>14. Danmarkskort over omgørelsesprocenter</h2>
      <p><strong>Indstilling</strong></p>
      <p>Direktøren indstiller,<br>at Byrådet drøfter kortet</p>
      <ol><li>at der ikke udarbejdes en handlingsplan</li><li>at kortet sendes videre</li></ol>
      <dl><dt>Beslutning</dt><dd>Godkendt.</dd></dl>
      <table><tr><th>Område</th><td>24 %</td></tr></table>
      <p style="display:none">skjult tekst</p>
    </main>
    <footer>Aarhus Kommune · Rådhuspladsen 2</footer>
    </body></html>"""
    document = read_bytes(page.encode("utf-8"), "referat.html")
    blocks = _blocks(document)
    assert blocks[0] == ("Byrådet – referat", "heading", 1)
    assert blocks[1] == ("14. Danmarkskort over omgørelsesprocenter", "heading", 2)
    assert blocks[2] == ("Indstilling", "heading", None)
    assert blocks[3] == ("Direktøren indstiller,\nat Byrådet drøfter kortet", "paragraph", None)
    assert blocks[4] == ("1. at der ikke udarbejdes en handlingsplan", "list_item", None)
    assert blocks[5][0] == "2. at kortet sendes videre"
    assert blocks[6] == ("Beslutning", "heading", None)
    assert blocks[7][0] == "Godkendt."
    assert [b[1] for b in blocks[8:10]] == ["table_cell", "table_cell"]
    for hidden in ("Falsk punkt", "Borger", "color", "skjult", "forside", "Rådhuspladsen"):
        assert hidden not in document.text
    furniture = {f.text for f in document.furniture}
    assert "Byrådet 27-09-2023 – Aarhus Kommune" in furniture
    assert "Aarhus Kommune · Rådhuspladsen 2" in furniture
    assert len(document.pages) == 1
    assert_consistent(document)


def test_html_accordion_toggles_are_item_titles_other_buttons_are_not() -> None:
    page = """<html><body><main>
    <form><input name="q"><button type="submit">Søg i referater</button></form>
    <div class="item"><button class="accordion" aria-expanded="false">
      <span class="nr">2.</span> <span>Danmarkskort over omgørelsesprocenter 2025</span></button>
      <div class="panel"><h3>Beslutning</h3><p>Godkendt.</p></div></div>
    <div><button type="button" data-bs-toggle="collapse">3. Meddelelser</button>
      <div><p>Til efterretning.</p></div></div>
    <details><summary>4. Eventuelt</summary><p>Intet.</p></details>
    <button onclick="window.print()">Udskriv</button>
    </main></body></html>"""
    document = read_bytes(page.encode("utf-8"), "referat.html")
    blocks = _blocks(document)
    assert ("2. Danmarkskort over omgørelsesprocenter 2025", "heading", None) in blocks
    assert ("3. Meddelelser", "heading", None) in blocks
    assert ("4. Eventuelt", "heading", None) in blocks
    assert "Søg i referater" not in document.text
    assert "Udskriv" not in document.text
    assert_consistent(document)


# --------------------------------------------------------------------------- sniffing


def test_format_comes_from_content_not_name(tmp_path: Path) -> None:
    page = "<html><body><h1>1. Godkendelse af dagsorden</h1><p>Godkendt.</p></body></html>"
    path = tmp_path / "referat.pdf"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert document.format == "html"
    assert document.sha256 and len(document.sha256) == 64
    assert sniff(b"%PDF-1.7\n")[0] == "pdf"
    assert sniff(b"\x89PNG\r\n\x1a\n....")[0] == "image"


def test_docx_html_alt_chunk_is_read_in_place(tmp_path: Path, docx_document: Callable) -> None:
    """Some minutes systems assemble DOCX files from HTML pieces (w:altChunk)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    word = docx_document()
    word.add_paragraph("Før den indlejrede del.")
    page = (
        "<html><body><h2>14. Danmarkskort</h2><p>Godkendt i den indlejrede del.</p></body></html>"
    )
    part = Part(PackURI("/word/afchunk.htm"), "text/html", page.encode(), word.part.package)
    rid = word.part.relate_to(
        part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
    )
    word.element.body.insert(
        1,
        parse_xml(
            f'<w:altChunk {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships" r:id="{rid}"/>'
        ),
    )
    word.add_paragraph("Efter den indlejrede del.")
    document = _docx(tmp_path, word)
    assert [text for text, _, _ in _blocks(document)] == [
        "Før den indlejrede del.",
        "14. Danmarkskort",
        "Godkendt i den indlejrede del.",
        "Efter den indlejrede del.",
    ]
    assert _blocks(document)[1][1:] == ("heading", 2)


def test_body_line_repeated_on_neighbouring_pages_is_not_furniture() -> None:
    """An item starting near the foot of two pages in a row repeats its type line at the same
    height; only lines set apart from the body (a header or footer block) may be running."""
    pages = []
    for number in range(1, 6):
        words = ["".join(chr(97 + (number * 7 + row * 3 + k) % 26) for k in range(8))
                 for row in range(40)]  # fmt: skip
        body = [PlacedLine(f"Brødtekst {word}.", 60 + 14 * row, 70 + 14 * row)
                for row, word in enumerate(words)]  # fmt: skip
        if number in (2, 3):
            body[-1] = PlacedLine("Sagstype: Beslutningssag", body[-1].top, body[-1].bottom)
        pages.append(
            [
                PlacedLine("Aarhus Kommune", 20, 30),
                *body,
                PlacedLine(f"Side {number} af 5", 800, 810),
            ]
        )
    running = find_running_lines(pages)
    assert (1, 40) not in running and (2, 40) not in running
    assert all((page, 0) in running and (page, 41) in running for page in range(5))


# --------------------------------------------------------------------------- PDF layouts

LABEL_TEXT = (
    "Skanderborg klarer sig bedre end landsgennemsnittet på to af de tre kort. "
    "Omgørelsesprocenten for hele socialområdet er 24 %, og kommunen placerer sig som nummer 14 "
    "af 98 kommuner."
)
LABEL_ROWS = [
    ("Sagstype", "Beslutningssag"),
    ("Sagsfremstilling", LABEL_TEXT + " " + LABEL_TEXT),
    ("Indstilling", "Direktionen indstiller, at Byrådet drøfter danmarkskortet og beslutter, at "
     "der ikke udarbejdes en handlingsplan."),
    ("Beslutning Social- og Sundhedsudvalget 06-11-2023", "Anbefales."),
    ("Beslutning Byrådet 27-11-2023", "Godkendt. Byrådet besluttede, at der ikke udarbejdes en "
     "handlingsplan, og at Ankestyrelsen orienteres om beslutningen."),
]  # fmt: skip


def _label_table(
    builder: PdfBuilder,
    rows: list[tuple[str, str]],
    *,
    ruled: bool = True,
    widths: tuple[float, float] = (40, 126),
) -> PdfBuilder:
    """A two-column table as minutes systems print an item: a bold label beside its text."""
    from fpdf.fonts import FontFace

    pdf = builder.pdf
    pdf.set_font(builder.family, "", 10)
    with pdf.table(
        col_widths=widths,
        first_row_as_headings=False,
        v_align="TOP",
        text_align="LEFT",
        borders_layout="ALL" if ruled else "NONE",
        line_height=5,
    ) as table:
        for label, text in rows:
            row = table.row()
            row.cell(label, style=FontFace(emphasis="B"))
            row.cell(text)
    pdf.ln(4)
    return builder


def _block_texts(document: Document) -> list[tuple[str, str]]:
    return [(b.kind, " ".join(document.text[b.start : b.end].split())) for b in document.blocks]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_pdf_label_text_table_reads_label_then_text(tmp_path: Path, ruled: bool) -> None:
    """PDFium reads a label and the first line of its text as one line, and a label of several
    lines before the text beside it; the reader splits at the column and orders each row."""
    builder = PdfBuilder().heading("10. Danmarkskortet over omgørelsesprocenter 2023")
    _label_table(builder, LABEL_ROWS, ruled=ruled)
    builder.paragraph("Beslutning om budgettet træffes i december. " + LABEL_TEXT)
    document = read_document(builder.save(tmp_path / "tabel.pdf"))
    blocks = _block_texts(document)
    assert blocks[1:11] == [
        ("heading", "Sagstype"),
        ("paragraph", "Beslutningssag"),
        ("heading", "Sagsfremstilling"),
        ("paragraph", " ".join((LABEL_TEXT + " " + LABEL_TEXT).split())),
        ("heading", "Indstilling"),
        ("paragraph", " ".join(LABEL_ROWS[2][1].split())),
        ("heading", "Beslutning Social- og Sundhedsudvalget 06-11-2023"),
        ("paragraph", "Anbefales."),
        ("heading", "Beslutning Byrådet 27-11-2023"),
        ("paragraph", " ".join(LABEL_ROWS[4][1].split())),
    ]
    item = document.items[0]
    assert (item.kind, item.kind_label) == ("decision", "Beslutningssag")
    assert [(s.title, s.kind, s.decision_body) for s in item.sections] == [
        ("Sagsfremstilling", "case", None),
        ("Indstilling", "proposal", None),
        ("Beslutning Social- og Sundhedsudvalget 06-11-2023", "decision",
         "Social- og Sundhedsudvalget"),
        ("Beslutning Byrådet 27-11-2023", "decision", "Byrådet"),
    ]  # fmt: skip
    # the sentence after the table that begins with "Beslutning" is text of the last section
    assert document.text[item.sections[-1].start : item.sections[-1].end].endswith("98 kommuner.")
    # every line keeps its own box: a label left of the column, the text right of it
    label = next(
        line for line in document.lines if document.text[line.start : line.end] == "Indstilling"
    )
    text = next(
        line for line in document.lines if document.text[line.start :].startswith("Direktionen")
    )
    assert label.bold and not text.bold
    assert label.box.x1 < text.box.x0
    assert abs(label.box.top - text.box.top) < 2
    assert_consistent(document)


def test_pdf_label_rows_use_ruling_lines_only_when_geometry_leaves_it_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second label line right below the first, with text beside both: a wrapped label or a
    new row? Only then are pdfplumber's ruling lines read (at most MAX_RULED_PAGES pages)."""
    from minutes_checker.read import pdf as pdf_reader

    calls: list[int] = []
    original = pdf_reader._Rulings._find_rulings

    def counting(self: Any, page_index: int) -> Any:
        calls.append(page_index)
        return original(self, page_index)

    monkeypatch.setattr(pdf_reader._Rulings, "_find_rulings", counting)
    rows = [
        ("Beslutning i Økonomiudvalget", LABEL_TEXT),
        ("Sagsfremstilling", LABEL_TEXT),
    ]
    builder = PdfBuilder().heading("4. Takster for 2024")
    _label_table(builder, rows, widths=(42, 124))
    document = read_document(builder.save(tmp_path / "smal.pdf"))
    headings = [text for kind, text in _block_texts(document) if kind == "heading"]
    assert headings == ["4. Takster for 2024", "Beslutning i Økonomiudvalget", "Sagsfremstilling"]
    assert calls == [0]  # "Økonomiudvalget" under "Beslutning i": the rulings settle it

    calls.clear()
    monkeypatch.setattr(pdf_reader, "MAX_RULED_PAGES", 0)
    document = read_document(tmp_path / "smal.pdf")
    headings = [text for kind, text in _block_texts(document) if kind == "heading"]
    assert calls == []  # no pdfplumber: the words decide ("Økonomiudvalget" is no heading)
    assert headings[1] == "Beslutning i Økonomiudvalget"

    def failing(self: Any, page_index: int) -> Any:
        raise RuntimeError("pdfplumber failed")

    monkeypatch.setattr(pdf_reader, "MAX_RULED_PAGES", 12)
    monkeypatch.setattr(pdf_reader._Rulings, "_find_rulings", failing)
    document = read_document(tmp_path / "smal.pdf")  # a failing aid is no failure
    assert [t for k, t in _block_texts(document) if k == "heading"][1:] == headings[1:]


def test_pdf_ordinary_pages_are_not_rearranged(tmp_path: Path) -> None:
    """Prose in two columns, a justified paragraph and a list keep PDFium's order: no column
    of labels is made of them."""
    builder = PdfBuilder().heading("Sagsfremstilling", size=10.5)
    pdf = builder.pdf
    pdf.set_font(builder.family, "", 10)
    top = pdf.get_y()
    column = (builder.width - 8) / 2
    pdf.set_xy(pdf.l_margin, top)
    pdf.multi_cell(column, 5, BODY * 3, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(pdf.l_margin + column + 8, top)
    pdf.multi_cell(column, 5, BODY * 2, align="J", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(pdf.l_margin, pdf.get_y() + 60)
    builder.paragraph(BODY * 2)
    builder.plain_line("• Beslutning om takster")
    builder.plain_line("• Indstilling om budget")
    document = read_document(builder.save(tmp_path / "spalter.pdf"))
    assert [kind for kind, _ in _block_texts(document)].count("heading") == 1
    assert all(not line.bold for line in document.lines[1:])
    left = document.text.index(BODY.split()[0], document.blocks[1].start)
    assert document.blocks[1].start == left  # the left column first
    assert_consistent(document)


def test_pdf_table_header_row_is_no_heading(tmp_path: Path) -> None:
    """A data table's bold header row is a table cell, not a section heading styled like the
    document's headings."""
    builder = PdfBuilder().heading("14. Danmarkskort 2023", size=12)
    builder.heading("Sagsfremstilling", size=10).paragraph(BODY)
    pdf = builder.pdf
    pdf.set_font(builder.family, "", 10)
    with pdf.table(
        col_widths=(60, 30, 30, 30), borders_layout="NONE", text_align="LEFT", line_height=5
    ) as table:
        for cells in [
            ("Område", "Aarhus", "Landet", "Sager"),
            ("Hele socialområdet", "27 %", "29 %", "1.964"),
            ("Børn med handicap", "41 %", "42 %", "287"),
            ("Voksne med handicap", "33 %", "33 %", "611"),
        ]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(3)
    builder.paragraph(BODY)
    builder.heading("Indstilling", size=10).paragraph("Direktionen indstiller, at kortet drøftes.")
    builder.heading("Beslutning i Byrådet den 27-09-2023", size=10).paragraph("Godkendt.")
    document = read_document(builder.save(tmp_path / "tabel.pdf"))
    kinds = dict((text, kind) for kind, text in _block_texts(document))
    assert kinds["Område Aarhus Landet Sager"] == "table_cell"
    assert kinds["Børn med handicap 41 % 42 % 287"] == "table_cell"
    titles = [s.title for s in document.items[0].sections]
    assert titles == ["Sagsfremstilling", "Indstilling", "Beslutning i Byrådet den 27-09-2023"]


def test_pdf_bold_label_run_into_a_paragraph(tmp_path: Path) -> None:
    """A bold label run in ("**Sagsfremstilling** Skanderborg klarer …") is a section heading; a
    sentence that begins with "Beslutning" in the text's own weight is not."""
    builder = PdfBuilder().heading("10. Danmarkskortet over omgørelsesprocenter 2023")
    pdf = builder.pdf
    pdf.set_font(builder.family, "", 10)
    for label, text in [
        ("Sagsfremstilling", LABEL_TEXT * 2),
        ("Indstilling", "Direktionen indstiller, at Byrådet drøfter kortet."),
        ("Beslutning i Byrådet den 27-11-2023", "Godkendt."),
    ]:
        pdf.multi_cell(0, 5, f"**{label}** {text}", markdown=True, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    builder.paragraph("Beslutning om budgettet træffes i december. " + LABEL_TEXT)
    builder.paragraph("Indstilling Byrådet godkendte indstillingen uden bemærkninger.")
    document = read_document(builder.save(tmp_path / "fed.pdf"))
    sections = document.items[0].sections
    assert [(s.title, s.kind) for s in sections] == [
        ("Sagsfremstilling", "case"),
        ("Indstilling", "proposal"),
        ("Beslutning i Byrådet den 27-11-2023", "decision"),
    ]
    text = document.text[sections[0].start : sections[0].end]
    assert text.startswith("Sagsfremstilling\n\nSkanderborg klarer")
    assert_consistent(document)


def test_pdf_footnote_marks_leave_the_words_whole(tmp_path: Path) -> None:
    builder = PdfBuilder()
    pdf = builder.pdf
    pdf.set_font(builder.family, "", 10)
    pdf.write(5, "Kommunens omgørelsesprocent er 31 % mod 29 % på landsplan")
    pdf.char_vpos = "SUP"
    pdf.write(5, "1")
    pdf.char_vpos = "LINE"
    pdf.write(5, ". Det gælder alle tre kort og en handlingsplan")
    pdf.char_vpos = "SUP"
    pdf.write(5, "2")
    pdf.char_vpos = "LINE"
    pdf.write(5, " er ikke nødvendig.")
    pdf.ln(12)
    pdf.set_font(builder.family, "", 8)
    pdf.write(4, "1 Kilde: Ankestyrelsen. 2 Byrådets vurdering. Der er 3 kort og CO2 i luften.")
    document = read_document(builder.save(tmp_path / "noter.pdf"))
    flat = " ".join(document.text.split())
    assert "på landsplan. Det gælder alle tre kort og en handlingsplan er ikke nødvendig." in flat
    assert "1 Kilde: Ankestyrelsen. 2 Byrådets vurdering." in flat  # the notes keep numbers
    assert "CO2" in flat  # a digit in the word's own size stays
    assert_consistent(document)


def test_running_lines_of_a_header_table_row() -> None:
    """A header table's cells stand side by side (one row, three lines) and one cell wraps: the
    zone counts rows, so the wrapped line is furniture too."""
    pages = []
    for number in range(1, 5):
        words = ["".join(chr(97 + (number * 7 + row * 3 + k) % 26) for k in range(8))
                 for row in range(30)]  # fmt: skip
        body = [PlacedLine(f"Brødtekst {word}.", 120 + 14 * row, 130 + 14 * row)
                for row, word in enumerate(words)]  # fmt: skip
        pages.append(
            [
                PlacedLine("Aarhus Kommune", 50, 60),
                PlacedLine("Referat – Byrådet", 50, 60),
                PlacedLine(f"Side {number} af 4", 50, 60),
                PlacedLine("27.09.2023", 65, 75),
                *body,
                PlacedLine(f"Byrådet 27-09-2023 – Side {number}", 800, 810),
            ]
        )
    running = find_running_lines(pages)
    for page in range(4):
        assert {(page, 0), (page, 1), (page, 2), (page, 3), (page, 34)} <= running
        assert not any((page, i) in running for i in range(4, 34))


def test_pdf_data_table_with_wrapped_cells_is_no_label_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A figures table whose header cells wrap has a narrow first column beside lines that
    start further right, like a label-text table; its right side holds no prose, so its first
    column does not become headings (and no ruling lines are read)."""
    from minutes_checker.read import pdf as pdf_reader

    def never(self: Any, page_index: int) -> Any:
        raise AssertionError("pdfplumber should not be needed")

    monkeypatch.setattr(pdf_reader._Rulings, "_find_rulings", never)
    builder = PdfBuilder().heading("3. Budgetopfølgning", size=12)
    builder.heading("Sagsfremstilling", size=10).paragraph(BODY)
    pdf = builder.pdf
    pdf.set_font(builder.family, "", 10)
    with pdf.table(
        col_widths=(40, 40, 40, 40), first_row_as_headings=False, text_align="LEFT", line_height=5
    ) as table:
        for cells in [
            (
                "Område",
                "Korrigeret budget (mio. kr.)",
                "Forventet regnskab (mio. kr.)",
                "Afvigelse",
            ),
            ("Serviceudgifter", "3.412,6", "3.424,4", "11,8"),
            ("Overførselsudgifter", "1.208,3", "1.199,1", "-9,2"),
            ("Anlæg", "286,0", "241,5", "-44,5"),
        ]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(3)
    builder.heading("Indstilling", size=10).paragraph("Direktionen indstiller, at sagen godkendes.")
    document = read_document(builder.save(tmp_path / "tal.pdf"))
    headings = [text for kind, text in _block_texts(document) if kind == "heading"]
    assert headings == ["3. Budgetopfølgning", "Sagsfremstilling", "Indstilling"]
    assert [s.title for s in document.items[0].sections] == ["Sagsfremstilling", "Indstilling"]


# --------------------------------------------------------------------------- pasted text

_WRAPPED = """Punkt 7. Danmarkskort over omgørelsesprocenter 2024 og beslutning om
handlingsplan
Sagsfremstilling
Kommunen fik i 2023 omgjort 33 % af sagerne på det samlede socialområde, 49 % på området for børn
med handicap og 41 % på området for voksne med handicap. Tallene for landet som helhed var 27 %,
42 % og 33 %. Kommunen ligger dermed over landsniveauet på alle tre kort, og forvaltningen lægger
op til, at den politiske drøftelse tager udgangspunkt i de omgjorte sager på børneområdet, hvor
der er flest. Forvaltningen har gennemgået sagerne og fundet, at de fleste drejer sig om mangelfuld
sagsoplysning, især når der ikke er indhentet nye oplysninger fra skole eller dagtilbud, og at en
del af dem kunne være undgået med en bedre partshøring. Der er derfor allerede sat ind med
undervisning af rådgiverne og en fast juridisk gennemlæsning af afslag fra 1. januar i år.
Indstilling
Forvaltningen indstiller,
1. at Byrådet drøfter kortet,
2. at der udarbejdes en handlingsplan for børnehandicapområdet.
"""


def test_text_copied_from_a_pdf_joins_its_wrapped_lines() -> None:
    document = read_bytes(_WRAPPED.encode("utf-8"), "kopieret.txt")
    text = document.text
    # a sentence broken at the page's width is one paragraph again, and so is the title
    assert "49 % på området for børn\nmed handicap" in text
    assert "beslutning om\nhandlingsplan" in text
    blocks = [text[b.start : b.end] for b in document.blocks]
    assert any(
        b.startswith("Kommunen fik i 2023") and b.endswith("fra 1. januar i år.") for b in blocks
    )
    # headings and numbered points keep their own lines
    assert "Indstilling" in blocks and "1. at Byrådet drøfter kortet," in blocks


def test_text_copied_from_a_pdf_runs_on_over_a_day_and_month_at_a_line_start() -> None:
    filler = "Forvaltningen har gennemgået de omgjorte sager og fundet et mønster i oplysningen."
    lines = [filler] * 10 + [
        "Byrådet besluttede at udsætte behandlingen af sagen til Byrådets ordinære møde den",
        "26. februar 2025. Inden da ønsker Byrådet en gennemgang af de omgjorte sager.",
    ]
    document = read_bytes("\n".join(lines).encode("utf-8"), "kopieret.txt")
    blocks = [document.text[b.start : b.end] for b in document.blocks]
    ending = "den\n26. februar 2025. Inden da ønsker Byrådet en gennemgang af de omgjorte sager."
    assert any(b.endswith(ending) for b in blocks)


def test_text_copied_from_a_browser_keeps_one_paragraph_a_line() -> None:
    lines = [
        "Sagsfremstilling",
        "Kommunen fik i 2023 omgjort 33 % af sagerne på det samlede socialområde, " * 3,
        "Indstilling",
        "Forvaltningen indstiller, at Byrådet drøfter kortet og beslutter, at der ikke "
        "udarbejdes en handlingsplan, da de igangsatte initiativer vurderes tilstrækkelige, "
        "og at Ankestyrelsen orienteres om beslutningen og begrundelsen for den.",
    ] * 4
    document = read_bytes("\n".join(lines).encode("utf-8"), "browser.txt")
    assert len(document.blocks) == len(lines)


def test_text_copied_from_a_pdf_runs_on_over_a_page_footer_and_a_broken_date() -> None:
    filler = "Forvaltningen har gennemgået de omgjorte sager og fundet et mønster i oplysningen."
    lines = [filler] * 10 + [
        "Sagen blev sendt tilbage til udvalget med henblik på en gennemgang af omgjorte sager, før",
        "Udskrevet 02-11-2023 kl. 08:51 Side 1 af 2",
        "Byrådet tager stilling til en handlingsplan. Sagen ventes genoptaget den 14.",
        "december 2023.",
    ]
    document = read_bytes("\n".join(lines).encode("utf-8"), "kopieret.txt")
    blocks = [document.text[b.start : b.end] for b in document.blocks]
    assert any(
        "sager, før\nByrådet tager stilling" in b and b.endswith("den 14.\ndecember 2023.")
        for b in blocks
    )
    assert "Udskrevet 02-11-2023 kl. 08:51 Side 1 af 2" in blocks


def test_a_table_row_copied_out_of_word_keeps_its_heading_cell_apart() -> None:
    text = (
        "5. Danmarkskort 2023\n"
        "Sagsfremstilling\tKortet viser kommunens omgørelsesprocenter.\n"
        "Beslutning Økonomiudvalget 17-10-2023\tAnbefales.\n"
        "Beslutning Byrådet 25-10-2023\tGodkendt.\n"
        "Område\tKommunen\tHele landet\n"
    )
    document = read_bytes(text.encode("utf-8"), "kopieret.txt")
    item = document.items[0]
    assert [(s.kind, s.decision_body) for s in item.sections] == [
        ("case", None),
        ("decision", "Økonomiudvalget"),
        ("decision", "Byrådet"),
    ]
    blocks = [document.text[b.start : b.end] for b in document.blocks]
    assert "Godkendt." in blocks and "Område Kommunen Hele landet" in blocks


def test_pasted_portal_text_splits_numbers_glued_to_titles_in_capitals() -> None:
    # a portal's collapsed list copied as text glues each number to its title, also when the
    # title is written in capitals; "3D-print" and "2B" are no item numbers
    lines = [
        "Byrådets møde den 23. oktober 2024",
        "1Godkendelse af dagsorden",
        "Beslutning",
        "Godkendt.",
        "2DANMARKSKORT 2024 - omgørelser i Ankestyrelsen",
        "Beslutning",
        "Byrådet drøftede kortet.",
        "3Indkøb af 3D-printere til skolerne",
        "Beslutning",
        "Godkendt.",
    ]
    lines_out = plain_lines("\n".join(lines))
    assert "2 DANMARKSKORT 2024 - omgørelser i Ankestyrelsen" in lines_out
    assert "1 Godkendelse af dagsorden" in lines_out
    assert plain_lines("3D-print af hjælpemidler\n2B er klassen") == [
        "3D-print af hjælpemidler",
        "2B er klassen",
    ]
    document = read_bytes("\n".join(lines).encode("utf-8"), "portal.txt")
    assert [item.number for item in document.items] == ["1", "2", "3"]
    assert document.items[1].title == "DANMARKSKORT 2024 - omgørelser i Ankestyrelsen"


def test_pasted_item_with_the_newest_decision_first_names_the_council_meeting() -> None:
    # a portal item copied without the page's header, the council's decision above the
    # committee's recommendation: the latest dated step is the meeting
    text = "\n".join(
        [
            "11Danmarkskort 2022 - drøftelse og beslutning om handlingsplan",
            "Beslutning i Byrådet den 13. december 2022",
            "Byrådet drøftede kortet og besluttede, at der ikke udarbejdes en handlingsplan.",
            "Sagsfremstilling",
            "Danmarkskortet 2022 udkom den 23. juni 2022.",
            "Indstilling",
            "Udvalget indstiller, at Byrådet drøfter danmarkskortet 2022.",
            "Beslutning i Social- og Arbejdsmarkedsudvalget den 29. november 2022",
            "Indstillingen anbefales.",
        ]
    )
    meeting = read_bytes(text.encode("utf-8"), "punkt.txt").meeting
    assert (meeting.body, meeting.date) == ("Byrådet", dt.date(2022, 12, 13))
    assert meeting.sources["body"] == "decision_heading"
