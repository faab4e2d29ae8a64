"""Small documents built directly from the model, for tests of checks and rules (no reader)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from minutes_checker.models import Block, Document, Item, Meeting, Page, Section, SectionKind
from minutes_checker.structure.bodies import body_kind


@dataclass
class Part:
    title: str
    kind: SectionKind
    text: str
    body: str | None = None
    date: dt.date | None = None  # a decision heading's date


@dataclass
class AgendaItem:
    number: str
    title: str
    parts: list[Part]
    kind: str | None = None


@dataclass
class Minutes:
    body: str
    date: dt.date
    items: list[AgendaItem] = field(default_factory=list)


def build(minutes: Minutes) -> Document:
    """A one-page document whose blocks, items and sections are exactly what the scenario says."""
    text = ""
    blocks: list[Block] = []

    def add(content: str, kind: str = "paragraph") -> tuple[int, int]:
        nonlocal text
        if text:
            text += "\n\n"
        start = len(text)
        text += content
        blocks.append(Block(start=start, end=len(text), page=1, kind=kind))  # type: ignore[arg-type]
        return start, len(text)

    body_span = add(f"Referat for {minutes.body}")
    date_span = add(minutes.date.strftime("%d-%m-%Y"))
    items = []
    for agenda in minutes.items:
        start, _ = add(f"{agenda.number}. {agenda.title}", "heading")
        sections = []
        for part in agenda.parts:
            s_start, _ = add(part.title, "heading")
            for paragraph in part.text.strip().split("\n\n"):
                add(paragraph.strip())
            sections.append(
                Section(
                    title=part.title,
                    kind=part.kind,
                    start=s_start,
                    end=len(text),
                    page_start=1,
                    decision_body=part.body,
                    decision_body_kind=body_kind(part.body) if part.body else None,
                    decision_date=part.date,
                )
            )
        items.append(
            Item(
                number=agenda.number,
                title=agenda.title,
                start=start,
                end=len(text),
                page_start=1,
                page_end=1,
                kind=agenda.kind,  # type: ignore[arg-type]
                sections=sections,
            )
        )
    return Document(
        source="scenario.pdf",
        format="pdf",
        text=text,
        pages=[Page(number=1, start=0, end=len(text))],
        blocks=blocks,
        meeting=Meeting(
            municipality="Aarhus Kommune",
            municipality_code=751,
            body=minutes.body,
            body_kind=body_kind(minutes.body),
            date=minutes.date,
            body_span=(body_span[0] + len("Referat for "), body_span[1]),
            date_span=date_span,
        ),
        items=items,
    )


CASE_TEXT = (
    "Danmarkskortet over omgørelsesprocenter 2023 viser kommunens tal for 2022.\n\n"
    "På hele socialområdet er omgørelsesprocenten 27 %, mod 30 % på landsplan. "
    "På børnehandicapområdet er den 35 %, og på voksenhandicapområdet 22 %."
)

CLIMATE = AgendaItem(
    "4",
    "Klimahandlingsplan 2030",
    [
        Part("Sagsfremstilling", "case", "Klimahandlingsplanen sætter mål for CO2."),
        Part("Indstilling", "proposal", "at Byrådet godkender klimahandlingsplanen"),
        Part("Beslutning", "decision", "Godkendt. Der udarbejdes en handlingsplan for cykelstier."),
    ],
    kind="decision",
)


def council_item(
    proposal: str, decision: str, kind: str | None = "decision", case: str = CASE_TEXT
) -> AgendaItem:
    return AgendaItem(
        "11",
        "Danmarkskort over omgørelsesprocenter 2023",
        [
            Part("Sagsfremstilling", "case", case),
            Part("Indstilling", "proposal", proposal),
            Part("Beslutning i Byrådet den 27-09-2023", "decision", decision, body="Byrådet"),
        ],
        kind=kind,
    )
