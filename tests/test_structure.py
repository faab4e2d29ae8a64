"""Meeting, agenda items and sections found in read minutes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import PdfBuilder

from minutes_checker.models import Document
from minutes_checker.outputs.structure_view import render_structure_text, structure_dict
from minutes_checker.pipeline import inspect_bytes as read_bytes
from minutes_checker.pipeline import inspect_file as read_document
from minutes_checker.structure import body_kind, classify_heading, looks_like_section_heading

CASE = (
    "Ankestyrelsen har offentliggjort danmarkskortet over omgørelsesprocenter. Kommunens "
    "omgørelsesprocent er 24 % på hele socialområdet mod 28 % på landsplan, og den ligger "
    "under landsgennemsnittet på børnehandicapområdet og voksenhandicapområdet."
)


def html(body: str, source: str = "referat.html") -> Document:
    page = f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'
    return read_bytes(page.encode("utf-8"), source)


def numbers(document: Document) -> list[str]:
    return [item.number for item in document.items]


def section_titles(document: Document, number: str) -> list[str]:
    item = next(i for i in document.items if i.number == number)
    return [s.title for s in item.sections]


# --------------------------------------------------------------------------- bodies and headings


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Kommunalbestyrelsen", "full_council"),
        ("Byrådet", "full_council"),
        ("Byrådets", "full_council"),
        ("Borgerrepræsentationen", "full_council"),
        ("Aarhus Byråd", "full_council"),
        ("Kommunalbestyrelsens møde", "full_council"),
        ("Social- og Sundhedsudvalget", "committee"),
        ("Børne- og Familieudvalget", "committee"),
        ("Økonomiudvalget", "committee"),
        ("Magistraten", "committee"),
        ("Udvalget for Social og Sundhed", "committee"),
        ("Socialudvalget", "committee"),
        ("Direktionen", "unknown"),
        ("Ankestyrelsen", "unknown"),
        ("", "unknown"),
    ],
)
def test_body_kind(name: str, kind: str) -> None:
    assert body_kind(name) == kind


@pytest.mark.parametrize(
    ("heading", "kind", "body", "when"),
    [
        ("Resume", "summary", None, None),
        ("Sagsresumé", "summary", None, None),
        ("Beslutningstema", "summary", None, None),
        ("Sagsfremstilling:", "case", None, None),
        ("Sagens indhold", "case", None, None),
        ("Sagsforløb", "case", None, None),
        ("Indstilling", "proposal", None, None),
        ("Indstillinger", "proposal", None, None),
        ("Forslag til beslutning", "proposal", None, None),
        ("Administrationens indstilling", "proposal", None, None),
        ("Direktionens indstilling", "proposal", None, None),
        ("Indstilling fra Social- og Sundhedsudvalget", "proposal", None, None),
        ("Beslutning", "decision", None, None),
        ("Afgørelse", "decision", None, None),
        ("Beslutning i Byrådet den 25-09-2023", "decision", "Byrådet", date(2023, 9, 25)),
        (
            "Beslutning i Social- og Sundhedsudvalget den 12.09.2023",
            "decision",
            "Social- og Sundhedsudvalget",
            date(2023, 9, 12),
        ),
        ("Byrådets beslutning den 25. september 2023", "decision", "Byrådet", date(2023, 9, 25)),
        ("Udvalgets beslutning", "decision", "Udvalget", None),
        (
            "Beslutning (Kommunalbestyrelsen, 14.09.2021)",
            "decision",
            "Kommunalbestyrelsen",
            date(2021, 9, 14),
        ),
        ("Økonomiudvalget, 11. september 2023, pkt. 245:", "decision", "Økonomiudvalget",
         date(2023, 9, 11)),
        ("Social og Sundhed, 7. november 2022, pkt. 161:", "decision", "Social og Sundhed",
         date(2022, 11, 7)),
        ("Sagens kerne", "summary", None, None),
        ("Beredskabskommissionens beslutning den 08.12.2023", "decision",
         "Beredskabskommissionen", date(2023, 12, 8)),
        ("Beslutning i Børn & Familieudvalget den 5. september 2022", "decision",
         "Børn & Familieudvalget", date(2022, 9, 5)),
        ("BESLUTNING I SOCIAL- OG SUNDHEDSUDVALGET DEN 12.09.2023", "decision",
         "Social- og Sundhedsudvalget", date(2023, 9, 12)),
        ("Bilag", "attachments", None, None),
        ("Økonomi", "economy", None, None),
        ("Bevillingsmæssige konsekvenser", "economy", None, None),
        ("Høring", "hearing", None, None),
        ("Lovgrundlag", "other", None, None),
        ("Beslutningskompetence", "other", None, None),
        ("Personalemæssige konsekvenser", "other", None, None),
    ],
)  # fmt: skip
def test_classify_heading(heading: str, kind: str, body: str | None, when: date | None) -> None:
    match = classify_heading(heading)
    assert match is not None
    assert (match.kind, match.decision_body, match.decision_date) == (kind, body, when)


@pytest.mark.parametrize(
    "line",
    [
        "Beslutning om at udarbejde en handlingsplan",
        "Beslutningen blev truffet enstemmigt.",
        "Ankestyrelsens afgørelse",
        "Indstillingen godkendt.",
        "Spørgsmål fra medlemmer af Byrådet",
        "Byrådet godkendte indstillingen den 25. september 2023 efter en lang debat om kortet",
        "Kommunens beslutning om at lukke skolen den 3. maj 2023",
        "Direktionens beslutning",
        "Byrådets beslutning sendes til Ankestyrelsen med referatet inden den 31. januar 2025.",
    ],
)
def test_sentences_are_not_section_headings(line: str) -> None:
    assert classify_heading(line) is None


# --------------------------------------------------------------------------- items


def test_toc_titles_do_not_duplicate_items(tmp_path: Path) -> None:
    builder = PdfBuilder(footer="Byrådet 25-09-2023 – Side {page} af {nb}")
    builder.heading("Aarhus Kommune", size=18).plain_line("Referat – Byrådet")
    builder.plain_line("Mødedato: Onsdag den 27. september 2023")
    builder.heading("Indholdsfortegnelse", size=14)
    titles = {13: "Godkendelse af dagsorden", 14: "Danmarkskort over omgørelsesprocenter 2023",
              15: "Budgetopfølgning pr. 31. august 2023"}  # fmt: skip
    for number, title in titles.items():
        builder.plain_line(f"{number}. {title} " + "." * 40 + f" {number - 11}")
    for number, title in titles.items():
        builder.plain_line(f"{number}. {title}")  # a second list without leaders
    for number, title in titles.items():
        builder.page_break()
        builder.heading(f"{number}. {title}")
        builder.heading("Sagsfremstilling", size=10.5).paragraph(CASE)
        builder.heading("Beslutning i Byrådet den 27-09-2023", size=10.5).paragraph("Godkendt.")
    document = read_document(builder.save(tmp_path / "toc.pdf"))
    assert numbers(document) == ["13", "14", "15"]
    assert [item.title for item in document.items] == list(titles.values())
    assert [item.page_start for item in document.items] == [2, 3, 4]
    assert all(len(item.sections) == 2 for item in document.items)


def test_a_dialogue_meeting_first_in_the_contents_is_no_informal_meeting(tmp_path: Path) -> None:
    """ "Dialogmøde med borgerne" as the first entry of a council's table of contents is an
    agenda item, not the minutes' title: the council's decisions stay decisions; minutes titled
    "Temamøde" stay an informal meeting."""
    from minutes_checker.judge import judge

    def minutes(title: str, first: str) -> Path:
        lines = [title, "Mødedato: 29. oktober 2024", "Indholdsfortegnelse",
                 f"1. {first} " + "." * 20 + " 2", "2. Danmarkskort 2024 " + "." * 20 + " 3",
                 f"1. {first}", "Beslutning i Byrådet den 29-10-2024", "Drøftet.",
                 "2. Danmarkskort 2024", "Sagsfremstilling", CASE, "Indstilling",
                 "at der ikke udarbejdes en handlingsplan", "Beslutning i Byrådet den 29-10-2024",
                 "Godkendt."]  # fmt: skip
        path = tmp_path / f"{first[:4]}.txt"
        path.write_text("\n\n".join(lines), encoding="utf-8")
        return path

    council = judge(read_document(minutes("Referat - Byrådet", "Dialogmøde med borgerne")))
    assert council.checks["action_plan_decision"].status == "met"
    theme = judge(read_document(minutes("Temamøde for Byrådet", "Oplæg om socialområdet")))
    assert theme.checks["action_plan_decision"].status == "unclear"


def test_numbered_entries_in_indstilling_stay_in_the_section(tmp_path: Path) -> None:
    """Plain (not bold) item headings 1, 2, 3 and entries 1-4 inside item 2's Indstilling:
    only the layout and the wording tell them apart."""
    builder = PdfBuilder()
    builder.paragraph("1. Godkendelse af dagsorden")
    builder.paragraph("Beslutning i Byrådet den 27-09-2023")
    builder.paragraph("Godkendt.")
    builder.paragraph("2. Danmarkskort over omgørelsesprocenter på socialområdet")
    builder.paragraph("Sagsfremstilling")
    builder.paragraph(CASE)
    builder.paragraph("Indstilling")
    builder.paragraph("Direktøren indstiller,")
    builder.paragraph("1. at Byrådet drøfter danmarkskortet,")
    builder.paragraph("2. at der ikke udarbejdes en handlingsplan,")
    builder.paragraph("3. Byrådet godkender, at Ankestyrelsen orienteres om beslutningen, og")
    builder.paragraph("4. Byrådet bemyndiger borgmesteren til at sende kortet videre.")
    builder.paragraph("Beslutning i Byrådet den 27-09-2023")
    builder.paragraph("Godkendt.")
    builder.paragraph("3. Orientering om klagesager")
    builder.paragraph("Beslutning i Byrådet den 27-09-2023")
    builder.paragraph("Taget til efterretning.")
    document = read_document(builder.save(tmp_path / "liste.pdf"))
    assert [(i.number, i.title) for i in document.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Danmarkskort over omgørelsesprocenter på socialområdet"),
        ("3", "Orientering om klagesager"),
    ]
    item = document.items[1]
    assert [s.kind for s in item.sections] == ["case", "proposal", "decision"]
    proposal = item.sections[1]
    proposal_text = document.text[proposal.start : proposal.end]
    assert "1. at Byrådet drøfter danmarkskortet" in proposal_text
    assert "4. Byrådet bemyndiger borgmesteren" in proposal_text
    assert "Beslutning i Byrådet" not in proposal_text


def test_committee_decision_above_council_decision() -> None:
    document = html(
        "<h1>Referat – Byrådet – 27. september 2023</h1>"
        "<h2>14. Danmarkskort over omgørelsesprocenter</h2>"
        "<h3>Indstilling</h3><p>Direktøren indstiller, at kortet drøftes.</p>"
        "<h3>Beslutning i Social- og Sundhedsudvalget den 12.09.2023</h3><p>Anbefales.</p>"
        "<h3>Beslutning i Byrådet den 27.09.2023</h3><p>Godkendt.</p>"
    )
    sections = document.items[0].sections
    assert [(s.kind, s.decision_body, s.decision_body_kind, s.decision_date) for s in sections] == [
        ("proposal", None, None, None),
        ("decision", "Social- og Sundhedsudvalget", "committee", date(2023, 9, 12)),
        ("decision", "Byrådet", "full_council", date(2023, 9, 27)),
    ]
    committee, council = sections[1], sections[2]
    assert document.text[committee.start : committee.end].endswith("Anbefales.")
    assert document.text[council.start : council.end].endswith("Godkendt.")


def test_closed_items_and_kinds() -> None:
    document = html(
        "<h2>1. Godkendelse af dagsorden</h2><p>Beslutningssag</p>"
        "<h3>Beslutning</h3><p>Godkendt.</p>"
        "<h2>2. Meddelelser</h2><p>Sagstype: Orientering</p>"
        "<h3>Sagsfremstilling</h3><p>Borgmesteren orienterede.</p>"
        "<h2>3. Danmarkskort over omgørelsesprocenter</h2><p>Til drøftelse</p>"
        "<h3>Sagsfremstilling</h3><p>Tekst.</p>"
        "<h2>4. Køb af ejendom (Lukket)</h2><h3>Beslutning</h3><p>Godkendt.</p>"
        "<h2>5. Personalesag</h2><p>Lukket punkt</p><h3>Beslutning</h3><p>Godkendt.</p>"
        "<p><strong>Lukket dagsorden</strong></p>"
        "<h2>6. Salg af grund</h2><h3>Beslutning</h3><p>Godkendt.</p>"
    )
    found = [(i.number, i.kind, i.kind_label, i.closed) for i in document.items]
    assert found == [
        ("1", "decision", "Beslutningssag", False),
        ("2", "orientation", "Orientering", False),
        ("3", "discussion", "Til drøftelse", False),
        ("4", None, None, True),
        ("5", None, None, True),
        ("6", None, None, True),
    ]
    assert document.items[4].end <= document.text.index("Lukket dagsorden")


def test_a_list_of_bodies_and_dates_heads_no_sections() -> None:
    """Thisted's "Høring og sagsgang" lists the steps one a line ("Økonomiudvalget den 18.
    oktober 2023"); with no decision under them they are text, not decision headings."""
    document = html(
        "<h1>Kommunalbestyrelsen</h1><p>Referat fra mødet den 31. oktober 2023</p>"
        "<h2>192. Danmarkskort over omgørelsesprocenter 2023</h2>"
        f"<h3>Redegørelse</h3><p>{CASE}</p>"
        "<h3>Høring og sagsgang</h3><p>Handicaprådet den 10. oktober 2023</p>"
        "<p>Økonomiudvalget den 18. oktober 2023</p><p>Kommunalbestyrelsen den 31. oktober 2023</p>"
        "<h3>Indstilling</h3><p>Direktionen indstiller, at kortet drøftes.</p>"
        "<h3>Beslutning i Økonomiudvalget den 18. oktober 2023</h3><p>Anbefales.</p>"
        "<h3>Beslutning</h3><p>Godkendt.</p>"
    )
    assert section_titles(document, "192") == [
        "Redegørelse",
        "Høring og sagsgang",
        "Indstilling",
        "Beslutning i Økonomiudvalget den 18. oktober 2023",
        "Beslutning",
    ]


def test_an_sbsys_group_heading_is_the_items_type_and_its_evidence() -> None:
    """Under SBSYS groups the group is the item's type (corpus/README.md): the item records the
    heading as its type label, and a verdict that rests on the type quotes the heading."""
    from minutes_checker.judge import judge

    document = html(
        "<h1>Byrådet</h1><p>Referat fra mødet den 25. oktober 2023</p>"
        "<h2>A. Sager til afgørelse i byrådet</h2>"
        "<h3>12. Danmarkskort over omgørelsesprocenter 2023</h3>"
        f"<h4>Sagsfremstilling</h4><p>{CASE}</p>"
        "<h4>Beslutning</h4><p>Godkendt.</p>"
    )
    item = document.items[0]
    assert (item.kind, item.kind_label) == ("decision", "A. Sager til afgørelse i byrådet")
    debate = judge(document).checks["active_debate"]
    assert debate.status == "met"
    assert "A. Sager til afgørelse i byrådet" in [e.quote for e in debate.evidence]


def test_plain_beslutning_type_line_is_the_kind_not_a_section(tmp_path: Path) -> None:
    builder = PdfBuilder()
    builder.heading("12 DANMARKSKORT OVER OMGØRELSESPROCENTER")
    builder.plain_line("Sagsnr.: 27.69.52-I02-1-21", size=9)
    builder.plain_line("Beslutning", size=9)
    builder.heading("Sagsfremstilling", size=10.5).paragraph(CASE)
    builder.heading("Beslutning i Byrådet den 25-09-2023", size=10.5).paragraph("Godkendt.")
    document = read_document(builder.save(tmp_path / "type.pdf"))
    item = document.items[0]
    assert (item.number, item.title) == ("12", "DANMARKSKORT OVER OMGØRELSESPROCENTER")
    assert (item.kind, item.kind_label) == ("decision", "Beslutning")
    assert [s.title for s in item.sections] == [
        "Sagsfremstilling",
        "Beslutning i Byrådet den 25-09-2023",
    ]


def test_number_like_lines_are_not_items() -> None:
    document = html(
        "<h2>Punkt 14: Danmarkskort over omgørelsesprocenter</h2>"
        "<p>Sagsnr. 27.69.52-I02-1-21</p>"
        "<h3>Sagsfremstilling</h3>"
        "<p>14. september 2021 behandlede udvalget sagen.</p>"
        "<p>2023 blev et år med færre klager.</p>"
        "<p>1.000 kr. pr. sag.</p>"
        "<p>3 kommuner i klyngen har lavere tal.</p>"
        "<h3>Beslutning</h3><p>Godkendt.</p>"
        "<h2>Pkt. 15 Orientering om klagesager</h2><h3>Beslutning</h3><p>Til efterretning.</p>"
        "<h2>149. Orientering om Ankestyrelsens praksis</h2><h3>Beslutning</h3><p>Taget til"
        " efterretning.</p>"
    )
    assert numbers(document) == ["14", "15", "149"]
    assert document.items[0].title == "Danmarkskort over omgørelsesprocenter"
    assert document.items[1].title == "Orientering om klagesager"


def test_run_in_headings() -> None:
    document = html(
        "<h2>7. Danmarkskort 2023</h2>"
        "<p><strong>Indstilling:</strong> Direktionen indstiller, at kortet drøftes.</p>"
        "<p><strong>Beslutning i Byrådet den 27-09-2023:</strong> Godkendt.</p>"
    )
    sections = document.items[0].sections
    assert [(s.title, s.kind) for s in sections] == [
        ("Indstilling", "proposal"),
        ("Beslutning i Byrådet den 27-09-2023", "decision"),
    ]
    assert sections[1].decision_date == date(2023, 9, 27)


def test_forslag_starts_a_proposal_only_on_a_line_of_its_own() -> None:
    document = html(
        "<h2>4. Danmarkskort 2025</h2>"
        "<h3>Baggrund</h3>"
        "<p>Forslag: en handlingsplan med tre spor blev nævnt på temamødet i juni.</p>"
        "<h3>Forslag</h3>"
        "<p>Forvaltningen foreslår, 1. at kortet drøftes.</p>"
        "<h3>Beslutning</h3><p>Godkendt.</p>"
    )
    assert [(s.title, s.kind) for s in document.items[0].sections] == [
        ("Baggrund", "case"),
        ("Forslag", "proposal"),
        ("Beslutning", "decision"),
    ]


def test_extract_without_numbers_is_one_item(tmp_path: Path) -> None:
    folder = tmp_path / "Faaborg-Midtfyn"
    folder.mkdir()
    path = folder / "uddrag.html"
    path.write_text(
        "<html><body><p>Uddrag af referat</p>"
        "<h1>Danmarkskort over omgørelsesprocenter 2023</h1>"
        "<h2>Resume</h2><p>Kortet er offentliggjort.</p>"
        "<h2>Beslutning</h2><p>Godkendt.</p></body></html>",
        encoding="utf-8",
    )
    document = read_document(path)
    assert [(i.number, i.title) for i in document.items] == [
        ("", "Danmarkskort over omgørelsesprocenter 2023")
    ]
    assert [s.kind for s in document.items[0].sections] == ["summary", "decision"]
    assert document.meeting.municipality == "Faaborg-Midtfyn Kommune"
    assert document.meeting.municipality_code == 430


# --------------------------------------------------------------------------- meeting


@pytest.mark.parametrize(
    ("header", "body", "when"),
    [
        ("<p>Udvalg: Herning Byråd</p><p>Mødedato: 14. september 2021</p>", "Herning Byråd",
         date(2021, 9, 14)),
        ("<p><b>Referat fra Byrådets møde</b></p><p>Onsdag den 27. september 2023 kl. 17.00</p>",
         "Byrådet", date(2023, 9, 27)),
        ("<h1>Kommunalbestyrelsen</h1><p>Udskrevet den 1. oktober 2023</p><p>Dato: 27-09-2023</p>",
         "Kommunalbestyrelsen", date(2023, 9, 27)),
        ("<p>Referat – Social- og Sundhedsudvalget – 12.09.2023</p>",
         "Social- og Sundhedsudvalget", date(2023, 9, 12)),
    ],
)  # fmt: skip
def test_meeting_metadata(header: str, body: str, when: date) -> None:
    document = html(
        f"<p>Aarhus Kommune</p>{header}<h2>1. Godkendelse af dagsorden</h2>"
        "<h3>Beslutning</h3><p>Godkendt.</p>"
    )
    meeting = document.meeting
    assert (meeting.municipality, meeting.municipality_code) == ("Aarhus Kommune", 751)
    assert (meeting.body, meeting.date) == (body, when)
    assert meeting.body_kind == body_kind(body)
    assert meeting.date_span is not None
    assert str(when.day) in document.text[meeting.date_span[0] : meeting.date_span[1]]


def test_meeting_from_running_header_only(tmp_path: Path) -> None:
    builder = PdfBuilder(header="Referat | Kommunalbestyrelsen | 14. september 2021 | Side {page}")
    builder.heading("Nordfyns Kommune", size=16)
    for number in (1, 2):
        builder.heading(f"{number}. Punkt om noget vigtigt")
        builder.heading("Sagsfremstilling", size=10.5).paragraph(CASE)
        builder.page_break()
    document = read_document(builder.save(tmp_path / "nordfyn.pdf"))
    assert document.meeting.body == "Kommunalbestyrelsen"
    assert document.meeting.date == date(2021, 9, 14)
    assert document.meeting.municipality == "Nordfyns Kommune"


@pytest.mark.parametrize(
    "stamp", ["12/7/26, 8:23 AM", "07.12.2026 08.23", "7.12.2026, 08:23"]
)
def test_a_browsers_print_stamp_is_not_the_meeting_date(tmp_path: Path, stamp: str) -> None:
    # a portal page printed from a browser: the print's date and time head every page, before
    # the page's title with the meeting's own date
    builder = PdfBuilder(
        header=f"{stamp}  Referat - Byrådet - 30-10-2024 - Lemvig Kommune",
        footer="https://dagsordener.lemvig.dk/vis/referat  {page}/2",
    )
    for number in (1, 2):
        builder.heading(f"{number}. Punkt om noget vigtigt")
        builder.heading("Sagsfremstilling", size=10.5).paragraph(CASE)
        builder.page_break()
    document = read_document(builder.save(tmp_path / "print.pdf"))
    assert document.meeting.date == date(2024, 10, 30)
    assert document.meeting.body == "Byrådet"


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("frederikssund-byraadet-punkt-7.txt", "Byrådet"),
        ("vejle_oekonomiudvalget_2024-11-12.txt", "Økonomiudvalget"),
        ("Referat Byrådet 2024.txt", "Byrådet"),
    ],
)
def test_a_body_named_only_in_the_file_name_keeps_its_danish_letters(name: str, body: str) -> None:
    text = "7 Danmarkskortet 2024\nSagsfremstilling\nKortet viser kommunens omgørelser.\n"
    document = read_bytes(text.encode(), name)
    assert document.meeting.body == body
    assert document.meeting.sources["body"] == "file_name"


# --------------------------------------------------------------------------- output


def test_structure_dict_has_the_promised_keys() -> None:
    document = html(
        "<h1>Referat – Byrådet – 27. september 2023</h1><p>Aarhus Kommune</p>"
        "<h2>14. Danmarkskort</h2><p>Beslutningssag</p>"
        "<h3>Beslutning i Byrådet den 27-09-2023</h3><p>Godkendt.</p>"
    )
    result = structure_dict(document)
    assert list(result) == ["meeting", "pages", "items", "warnings"]
    assert result["meeting"] == {
        "municipality": "Aarhus Kommune",
        "municipality_code": 751,
        "body": "Byrådet",
        "body_kind": "full_council",
        "date": "2023-09-27",
        "sources": {"municipality": "header", "body": "header", "date": "header"},
    }
    item = result["items"][0]
    assert list(item) == [
        "number", "title", "page_start", "page_end", "kind", "closed", "sections",
    ]  # fmt: skip
    assert item["sections"][0] == {
        "title": "Beslutning i Byrådet den 27-09-2023",
        "kind": "decision",
        "page_start": 1,
        "decision_body": "Byrådet",
        "decision_date": "2023-09-27",
    }
    text = render_structure_text(document)
    assert "Kommune: Aarhus Kommune (751)" in text
    assert "Organ: Byrådet (kommunalbestyrelsen)" in text
    assert "Mødedato: 27. september 2023" in text
    assert "14. Danmarkskort" in text
    assert "truffet af Byrådet" in text


def test_inspect_command_prints_json(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from minutes_checker.cli import main

    path = tmp_path / "referat.html"
    path.write_text(
        "<h1>Referat – Byrådet – 27. september 2023</h1><h2>1. Godkendelse af dagsorden</h2>"
        "<h3>Beslutning</h3><p>Godkendt.</p>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["inspect", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["items"][0]["number"] == "1"
    assert data["meeting"]["body"] == "Byrådet"
    plain = CliRunner().invoke(main, ["inspect", str(path)])
    assert plain.exit_code == 0
    assert "Dagsordenspunkter: 1" in plain.stdout


def test_numbered_toc_over_unnumbered_headings() -> None:
    """The numbers stand only in the table of contents: items are found by their titles."""
    document = html(
        "<p>Referat – Byrådet – 27. september 2023</p><h2>Indholdsfortegnelse</h2>"
        "<p>14. Godkendelse af dagsorden ........ 3</p>"
        "<p>15. Danmarkskort over omgørelsesprocenter ........ 4</p>"
        "<p>16. Budgetopfølgning pr. 31. august ........ 6</p>"
        "<h2>Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
        "<h2>Danmarkskort over omgørelsesprocenter</h2><h3>Sagsfremstilling</h3><p>Tekst.</p>"
        "<h3>Beslutning</h3><p>Godkendt.</p>"
        "<h2>Budgetopfølgning pr. 31. august</h2><h3>Beslutning</h3><p>Godkendt.</p>"
    )
    assert [(i.number, i.title) for i in document.items] == [
        ("14", "Godkendelse af dagsorden"),
        ("15", "Danmarkskort over omgørelsesprocenter"),
        ("16", "Budgetopfølgning pr. 31. august"),
    ]
    assert [len(i.sections) for i in document.items] == [1, 2, 1]


# --------------------------------------------------------------------------- other producers


@pytest.mark.parametrize(
    ("heading", "body", "when"),
    [
        ("Beslutning i Byrådet d. 02.01.25", "Byrådet", date(2025, 1, 2)),
        ("Beslutning i Udvalget for Sundhed og Omsorg den 03-10-2023",
         "Udvalget for Sundhed og Omsorg", date(2023, 10, 3)),
        ("Beslutning Beskæftigelsesudvalget 19-10-2022", "Beskæftigelsesudvalget",
         date(2022, 10, 19)),
        # a date cut off by a page break: the body is still read
        ("Beslutning Beskæftigelsesudvalget 20-11-", "Beskæftigelsesudvalget", None),
    ],
)  # fmt: skip
def test_decision_headings_of_other_layouts(heading: str, body: str, when: date | None) -> None:
    match = classify_heading(heading)
    assert match is not None
    assert (match.kind, match.decision_body, match.decision_date) == ("decision", body, when)


def test_running_footer_that_names_body_and_date_is_not_protected() -> None:
    """A footer "Byrådet 30-10-2023" on every page reads like an earlier body's decision
    heading; it may be a running line (a heading is only one after other sections)."""
    assert not looks_like_section_heading("Byrådet 30-10-2023")
    assert not looks_like_section_heading("Byrådet, 26. oktober 2022")
    assert looks_like_section_heading("Beslutning i Byrådet den 30-10-2023")
    assert looks_like_section_heading("Sagsfremstilling")


def test_body_named_udvalget_for(tmp_path: Path) -> None:
    document = html(
        "<p>Hvidovre Kommune</p><p>Referat – Udvalget for Sundhed og Omsorg</p>"
        "<p>Mødedato: 3. oktober 2023</p>"
        "<h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
    )
    assert document.meeting.body == "Udvalget for Sundhed og Omsorg"
    assert document.meeting.body_kind == "committee"


def test_numbered_sub_items_are_sections_of_their_item() -> None:
    document = html(
        "<h2>7. Sager fra Social- og Arbejdsmarkedsudvalget</h2>"
        "<h3>7.1 Kvalitetsstandard for madservice 2024</h3><p>Tekst om madservice.</p>"
        "<h3>7.2 Danmarkskortet 2023</h3><p>" + CASE + "</p>"
        "<h3>Indstilling</h3><p>Direktionen indstiller, at sagerne godkendes.</p>"
        "<h3>Beslutning i Byrådet den 12-12-2023</h3><p>Godkendt.</p>"
        "<h2>8. Affaldsplan</h2><h3>Beslutning</h3><p>Godkendt.</p>"
    )
    assert numbers(document) == ["7", "8"]
    assert [(s.title, s.kind) for s in document.items[0].sections] == [
        ("7.1 Kvalitetsstandard for madservice 2024", "other"),
        ("7.2 Danmarkskortet 2023", "other"),
        ("Indstilling", "proposal"),
        ("Beslutning i Byrådet den 12-12-2023", "decision"),
    ]


def test_a_sentence_naming_an_item_is_not_an_item_heading() -> None:
    """ "Punkt 11 samler …" at the start of a paragraph is running text: the orientation group
    11.1-11.2 stays a list of items of their own."""
    document = html(
        "<h2>10. Affaldsplan</h2><h3>Beslutning</h3><p>Godkendt.</p>"
        "<h2>11.1 Beretning fra Sundhed og Omsorg</h2><h3>Resume</h3>"
        "<p>Punkt 11 samler de årlige beretninger fra magistratsafdelingerne.</p>"
        "<h3>Beslutning</h3><p>Taget til efterretning.</p>"
        "<h2>11.2 Danmarkskortet 2023</h2><h3>Sagsfremstilling</h3><p>" + CASE + "</p>"
        "<h3>Beslutning</h3><p>Drøftet.</p>"
        "<h2>12. Mødeplan</h2><h3>Beslutning</h3><p>Godkendt.</p>"
    )
    assert numbers(document) == ["10", "11.1", "11.2", "12"]


def test_decision_heading_completed_over_a_page_break(tmp_path: Path) -> None:
    """A table's label cell broken by a page: "Beslutning Beskæftigelsesudvalget 20-11-" at the
    foot of one page, "2023" at the head of the next."""
    builder = PdfBuilder()
    builder.heading("9. Jobcentrets resultater")
    builder.heading("Sagsfremstilling", size=10.5).paragraph(CASE)
    builder.heading("Beslutning Beskæftigelsesudvalget 20-11-", size=10.5)
    builder.paragraph("Taget til efterretning.")
    builder.page_break()
    builder.heading("2023", size=10.5)
    builder.heading("Beslutning Byrådet 27-11-2023", size=10.5).paragraph("Godkendt.")
    document = read_document(builder.save(tmp_path / "sideskift.pdf"))
    sections = document.items[0].sections
    assert [(s.title, s.decision_body, s.decision_date) for s in sections] == [
        ("Sagsfremstilling", None, None),
        ("Beslutning Beskæftigelsesudvalget 20-11-2023", "Beskæftigelsesudvalget",
         date(2023, 11, 20)),
        ("Beslutning Byrådet 27-11-2023", "Byrådet", date(2023, 11, 27)),
    ]  # fmt: skip


def test_an_item_type_at_the_start_or_end_of_a_title() -> None:
    from minutes_checker.structure.labels import kind_in_title

    assert kind_in_title("Beslutningssag: Danmarkskortet 2023") == ("decision", "Beslutningssag")
    assert kind_in_title("Beslutningspunkt - Omgørelsesprocenter 2023")[0] == "decision"  # type: ignore[index]
    assert kind_in_title("Danmarkskort 2023 (Orienteringssag)")[0] == "orientation"  # type: ignore[index]
    assert kind_in_title("Budget: Takster 2024") is None
    assert kind_in_title("Danmarkskort 2023 - beslutning om handlingsplan") is None


def test_item_titles_may_begin_with_an_ordinal() -> None:
    # "2. behandling af budget …" is item 2's title, not an amount; a date is still no title
    text = "\n".join(
        [
            "Referat",
            "Byrådet",
            "Mødedato: 12. december 2024",
            "1. Godkendelse af dagsorden",
            "Beslutning",
            "Godkendt.",
            "2. 2. behandling af budget 2025-2028",
            "Sagsfremstilling",
            "Budgettet er klar til anden behandling.",
            "Beslutning",
            "Godkendt.",
            "3. 14. september 2023 blev kortet offentliggjort",
            "4. Danmarkskort 2024",
            "Beslutning",
            "Drøftet.",
        ]
    )
    items = read_bytes(text.encode("utf-8"), "referat.txt").items
    assert [(item.number, item.title) for item in items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "2. behandling af budget 2025-2028"),
        ("4", "Danmarkskort 2024"),
    ]
