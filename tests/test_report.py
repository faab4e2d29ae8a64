"""The auditors' report as HTML: escaping, highlights in the item text, the index table."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from minutes_fixtures import Minutes, render

from minutes_checker.batch import run_batch
from minutes_checker.models import ExcerptPage, ExcerptSection, ItemExcerpt
from minutes_checker.municipalities import slugify
from minutes_checker.outputs.report import Mark, render_excerpt
from minutes_checker.pipeline import assess_file

SCRIPT = "<script>alert(1)</script>"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("in")
    minutes = Minutes(extra=[f"Borgeren skrev {SCRIPT} i sin klage & fik svar."])
    (root / "herning.docx").write_bytes(render(minutes, "docx"))
    (root / "aarhus.pdf").write_bytes(
        render(Minutes("Aarhus Kommune", maps=("social",), national=False), "pdf")
    )
    out = tmp_path_factory.mktemp("out")
    run_batch(root, out, jobs=1)
    return out / "report"


def test_minutes_text_is_escaped(report: Path) -> None:
    page = (report / "657-herning-kommune-2023.html").read_text("utf-8")
    assert SCRIPT not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp; fik svar" in page
    # the only script is the page's own inline one, and nothing is loaded from elsewhere
    scripts = [attrs for tag, attrs in tags(page) if tag == "script"]
    assert scripts == [{}]
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


def test_page_shows_item_sections_pages_and_highlights(report: Path) -> None:
    page = (report / "657-herning-kommune-2023.html").read_text("utf-8")
    found = tags(page)
    classes = [attrs.get("class") or "" for _, attrs in found]
    # the item title and its sections as headings, the page in the margin
    assert "<h3>" in page and "Danmarkskort over omgørelsesprocenter" in page
    assert any(c.startswith("sec sec-case") for c in classes)
    assert any(c.startswith("sec sec-decision") for c in classes)
    assert 'class="pageno" data-page="1"' in page
    # each check with evidence has its highlight, an anchor, and the verdict links to it
    for check in ("full_council", "deadline", "active_debate", "all_three_maps"):
        assert any(f"c-{check}" in c.split() and "hl" in c.split() for c in classes), check
        assert f'id="ev-{check}-0"' in page
        assert re.search(rf'id="check-{check}".*?<a href="#ev-{check}-0"', page, re.S)
    # accept/reject per verdict, and the export button
    radios = [a for t, a in found if t == "input" and a.get("type") == "radio"]
    assert len(radios) == 3 * 7
    assert 'id="export"' in page


def test_index_states_statuses_in_words_and_symbols(report: Path) -> None:
    page = (report / "751-aarhus-kommune-2023.html").read_text("utf-8")
    assert "pol-supports" in page
    index = (report / "index.html").read_text("utf-8")
    assert "Aarhus Kommune" in index
    # the index states each status with symbol and words (prints in black and white)
    assert '<span class="txt">ikke opfyldt</span>' in index
    assert "✗" in index and "✓" in index


def test_index_rows_link_to_pages(report: Path) -> None:
    index = (report / "index.html").read_text("utf-8")
    links = [a["href"] for t, a in tags(index) if t == "a" and a.get("href")]
    assert sorted(links) == ["657-herning-kommune-2023.html", "751-aarhus-kommune-2023.html"]
    for link in links:
        assert (report / str(link)).exists()


def excerpt() -> ItemExcerpt:
    text = (
        "7. Danmarkskort 2023\n\nSagsfremstilling\n\nKommunen ligger under landsgennemsnittet."
        "\n\nBeslutning i Byrådet den 01-10-2023\n\nGodkendt. <b>fed</b>"
    )
    start = 100
    case = text.index("Sagsfremstilling")
    decision = text.index("Beslutning")
    return ItemExcerpt(
        file="a.pdf",
        number="7",
        title="Danmarkskort 2023",
        start=start,
        end=start + len(text),
        text=text,
        pages=[ExcerptPage(number=3, start=start), ExcerptPage(number=4, start=start + decision)],
        sections=[
            ExcerptSection(
                title="Sagsfremstilling",
                kind="case",
                start=start + case,
                end=start + decision,
                page_start=3,
            ),
            ExcerptSection(
                title="Beslutning i Byrådet den 01-10-2023",
                kind="decision",
                start=start + decision,
                end=start + len(text),
                page_start=4,
            ),
        ],
    )


def test_render_excerpt_overlapping_marks() -> None:
    item = excerpt()
    sentence = item.text.index("Kommunen")
    word = item.text.index("landsgennemsnittet")
    heading = item.text.index("Beslutning")
    marks = [
        Mark(item.start + sentence, item.start + sentence + 42, "national_comparison",
             "supports", "ev-national_comparison-0"),
        Mark(item.start + word, item.start + word + 18, "all_three_maps", "contradicts",
             "ev-all_three_maps-0"),
        Mark(item.start + heading, item.start + heading + 35, "full_council", "supports",
             "ev-full_council-0"),
    ]  # fmt: skip
    html = render_excerpt(item, marks)
    assert html.startswith('<h3><span class="pageno" data-page="3"')
    assert '<h4 class="sec sec-case">Sagsfremstilling</h4>' in html
    assert re.search(r'<h4 class="sec sec-decision"><span class="pageno" data-page="4"', html)
    # the overlap carries both checks, in stripes, and is dashed (contradicts)
    overlap = re.search(r'<mark class="hl c-national_comparison c-all_three_maps '
                        r'pol-contradicts"[^>]*linear-gradient[^>]*>landsgennemsnittet</mark>',
                        html)  # fmt: skip
    assert overlap, html
    assert 'id="ev-national_comparison-0" href="#check-national_comparison"' in html
    assert 'id="ev-full_council-0"' in html
    assert "&lt;b&gt;fed&lt;/b&gt;" in html and "<b>" not in html


def test_excerpts_match_the_document_text(tmp_path: Path) -> None:
    path = tmp_path / "herning.pdf"
    path.write_bytes(render(Minutes(), "pdf"))
    result = assess_file(path)
    assessment, excerpts = result.assessment, result.excerpts
    items = [e for e in excerpts if e.kind == "item"]
    assert [e.number for e in items] == ["2"]
    assert items[0].sections and items[0].pages[0].number == 1
    for result in assessment.checks.values():
        for evidence in result.evidence:
            holder = next(e for e in excerpts if e.start <= evidence.start < e.end)
            assert holder.text[evidence.start - holder.start : evidence.end - holder.start] == (
                evidence.quote
            )


def test_slugify_danish_names() -> None:
    assert slugify("Brønderslev Kommune") == "broenderslev-kommune"
    assert slugify("Lyngby-Taarbæk Kommune") == "lyngby-taarbaek-kommune"
    assert slugify("Århus") == "aarhus"


def test_index_is_readable_without_scripts(report: Path) -> None:
    """The table is plain HTML; only the filter box waits for the script to show it."""
    index = (report / "index.html").read_text("utf-8")
    body = index.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert body.count("<tr>") == 2
    assert '<div class="filter" id="filterbox" hidden>' in index
    assert "@media print" in index and "nav, .filter" in index
