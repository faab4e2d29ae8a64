"""How a document was read, for `inspect`: its meeting, items and sections as JSON, or as a
readable Danish overview."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..models import Document


def structure_dict(document: Document) -> dict[str, Any]:
    """The `inspect --format json` view of a document."""
    meeting = document.meeting
    return {
        "meeting": {
            "municipality": meeting.municipality,
            "municipality_code": meeting.municipality_code,
            "body": meeting.body,
            "body_kind": meeting.body_kind,
            "date": meeting.date.isoformat() if meeting.date else None,
            "sources": dict(meeting.sources),
            # only when the header says the meeting went on another day
            **({"continued": meeting.continued.isoformat()} if meeting.continued else {}),
        },
        "pages": len(document.pages),
        "items": [
            {
                "number": item.number,
                "title": item.title,
                "page_start": item.page_start,
                "page_end": item.page_end,
                "kind": item.kind,
                "closed": item.closed,
                "sections": [
                    {
                        "title": section.title,
                        "kind": section.kind,
                        "page_start": section.page_start,
                        "decision_body": section.decision_body,
                        "decision_date": section.decision_date.isoformat()
                        if section.decision_date
                        else None,
                    }
                    for section in item.sections
                ],
            }
            for item in document.items
        ],
        "warnings": list(document.warnings),
    }


_BODY_KIND_DA = {
    "full_council": "kommunalbestyrelsen",
    "committee": "udvalg",
    "unknown": "ukendt organ",
}
_ITEM_KIND_DA = {"decision": "beslutning", "orientation": "orientering", "discussion": "drøftelse"}
_SECTION_KIND_DA = {
    "summary": "resumé",
    "case": "sagsfremstilling",
    "proposal": "indstilling",
    "decision": "beslutning",
    "attachments": "bilag",
    "economy": "økonomi",
    "hearing": "høring",
    "other": "andet",
}
_MONTH_NAMES_DA = (
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
    "oktober", "november", "december",
)  # fmt: skip


def _date_da(value: date | None) -> str:
    if value is None:
        return "ukendt"
    return f"{value.day}. {_MONTH_NAMES_DA[value.month - 1]} {value.year}"


def _pages_da(start: int, end: int) -> str:
    return f"s. {start}" if start == end else f"s. {start}–{end}"


def render_structure_text(document: Document) -> str:
    """A readable Danish overview of how the document was read."""
    meeting = document.meeting
    pages = len(document.pages)
    lines = [
        f"Fil: {document.source} ({document.format.upper()}, {pages} "
        f"{'side' if pages == 1 else 'sider'})",
    ]
    if meeting.municipality:
        lines.append(f"Kommune: {meeting.municipality} ({meeting.municipality_code})")
    else:
        lines.append("Kommune: ikke fundet")
    if meeting.body:
        lines.append(f"Organ: {meeting.body} ({_BODY_KIND_DA[meeting.body_kind]})")
    else:
        lines.append("Organ: ikke fundet")
    lines.append(f"Mødedato: {_date_da(meeting.date)}")
    if meeting.continued:
        lines.append(f"Mødet fortsatte: {_date_da(meeting.continued)}")
    lines.append("")
    count = len(document.items)
    lines.append(f"Dagsordenspunkter: {count}")
    for item in document.items:
        number = f"{item.number}. " if item.number else ""
        details = [_pages_da(item.page_start, item.page_end)]
        if item.kind_label:
            details.append(item.kind_label.lower())
        elif item.kind:
            details.append(_ITEM_KIND_DA[item.kind])
        if item.closed:
            details.append("lukket punkt")
        lines.append(f"  {number}{item.title or '(uden titel)'}  ({', '.join(details)})")
        for section in item.sections:
            extra = [_SECTION_KIND_DA[section.kind], f"s. {section.page_start}"]
            if section.decision_body:
                extra.append(f"truffet af {section.decision_body}")
            if section.decision_date:
                extra.append(_date_da(section.decision_date))
            lines.append(f"      - {section.title}  ({', '.join(extra)})")
    if document.warnings:
        lines.append("")
        lines.append("Advarsler:")
        lines.extend(f"  - {warning}" for warning in document.warnings)
    return "\n".join(lines)
