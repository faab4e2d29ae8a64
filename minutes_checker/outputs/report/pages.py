"""What each page of the report shows, as plain data for the templates: the index's rows and
a municipality page's outcome, documents, checks with their evidence, and the text of the
assessed items with the evidence placed in it. No HTML here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ...judge.checks import CHECK_IDS
from ...judge.combine import Group
from ...messages import Lang, report_ui, status_label
from ...models import (
    CheckResult,
    CheckReview,
    Evidence,
    ItemExcerpt,
    ItemRef,
    MunicipalityAssessment,
    PreviousYear,
)
from .excerpt import CHECK_NUMBER, Block, Mark, excerpt_blocks, locate

# sort keys of the index's columns (the table sorts on data-sort when a heading is clicked)
STATUS_SORT = {"met": 4, "unclear": 3, "undetermined": 2, "not_met": 1, "not_applicable": 0}
OUTCOME_SORT = {
    "no_further_action": 0,
    "manual_review": 1,
    "request_action_plan_decision": 2,
    "deadline_reminder": 3,
    "undetermined": 4,
}


# --------------------------------------------------------------------------- index


@dataclass(frozen=True)
class Row:
    """One municipality and map year in the index."""

    group: Group
    combined: MunicipalityAssessment
    outcome_sort: int
    reviewed_sort: int  # -1: not reviewed
    previous_sort: int  # -1: no previous map year
    previous: str  # "Danmarkskortet 2023: …" or empty


def index_context(groups: Sequence[Group], lang: Lang) -> dict[str, Any]:
    rows = []
    for group in groups:
        combined = group.combined
        assert combined is not None
        reviewed = combined.reviewed_outcome
        previous = combined.previous
        rows.append(
            Row(
                group,
                combined,
                OUTCOME_SORT[combined.outcome.id],
                OUTCOME_SORT[reviewed.id] if reviewed else -1,
                OUTCOME_SORT[previous.outcome] if previous else -1,
                previous_text(previous, lang),
            )
        )
    return {
        "checks": [(check, CHECK_NUMBER[check]) for check in CHECK_IDS],
        "short_labels": {check: report_ui(f"short_{check}", lang) for check in CHECK_IDS},
        "status_sort": STATUS_SORT,
        "rows": rows,
    }


# --------------------------------------------------------------------------- municipality page


@dataclass(frozen=True)
class Quote:
    """One piece of evidence under its verdict, with the anchor of its highlight (if placed)."""

    evidence: Evidence
    anchor: str | None


@dataclass(frozen=True)
class Check:
    id: str
    number: int
    result: CheckResult
    quotes: list[Quote]
    review: CheckReview | None = None
    review_text: str = ""  # who reviewed it, when, and what they decided


    @property
    def first_anchor(self) -> str | None:
        return next((q.anchor for q in self.quotes if q.anchor), None)


@dataclass(frozen=True)
class DocumentRow:
    file: str
    status: str
    body: str
    date: str
    items: list[ItemRef]
    annotated: str | None  # a relative URL (quoted: a file name may hold "#", "?" or "%")


@dataclass(frozen=True)
class Excerpt:
    kind: str
    blocks: list[Block]


@dataclass
class DocumentText:
    file: str
    excerpts: list[Excerpt] = field(default_factory=list)


def _doc_status(record: dict[str, Any] | None, lang: Lang) -> str:
    if record is None:
        return ""
    status = record.get("status", "error")
    text = report_ui(f"doc_status_{status}", lang)
    if status == "error" and record.get("error"):
        text += f": {record['error'].get('message', '')}"
    return text


def place_evidence(
    combined: MunicipalityAssessment, excerpts: dict[str, list[ItemExcerpt]]
) -> tuple[dict[str, list[Mark]], dict[tuple[str, int], str]]:
    """The marks per file, and the anchor of each (check, evidence index) that could be placed:
    the same words for the same check are one mark with one anchor."""
    marks: dict[str, list[Mark]] = {}
    anchors: dict[tuple[str, int], str] = {}
    placed: dict[tuple[str, int, int, str], str] = {}
    for check in CHECK_IDS:
        for index, evidence in enumerate(combined.checks[check].evidence):
            file = evidence.file or (combined.documents[0] if combined.documents else "")
            where = locate(evidence, excerpts.get(file, []))
            if where is None:
                continue
            same = (file, where[0], where[1], check)
            if same in placed:
                anchors[(check, index)] = placed[same]
                continue
            anchor = f"ev-{check}-{index}"
            anchors[(check, index)] = placed[same] = anchor
            marks.setdefault(file, []).append(
                Mark(where[0], where[1], check, evidence.polarity, anchor)
            )
    return marks, anchors


def municipality_context(
    group: Group,
    records: dict[str, dict[str, Any]],
    excerpts: dict[str, list[ItemExcerpt]],
    lang: Lang,
) -> dict[str, Any]:
    combined = group.combined
    assert combined is not None
    marks, anchors = place_evidence(combined, excerpts)
    checks = [
        Check(
            check,
            CHECK_NUMBER[check],
            combined.checks[check],
            [
                Quote(evidence, anchors.get((check, index)))
                for index, evidence in enumerate(combined.checks[check].evidence)
            ],
            combined.reviews.get(check),
            review_text(combined.reviews.get(check), lang),
        )
        for check in CHECK_IDS
    ]
    documents = []
    texts = []
    for file in combined.documents:
        record = records.get(file) or {}
        documents.append(
            DocumentRow(
                file=file,
                status=_doc_status(records.get(file), lang),
                body=record.get("body") or "",
                date=record.get("meeting_date") or "",
                items=[i for i in combined.items if i.file == file],
                annotated=quote(record["annotated"]) if record.get("annotated") else None,
            )
        )
        texts.append(
            DocumentText(
                file,
                [
                    Excerpt(e.kind, excerpt_blocks(e, marks.get(file, [])))
                    for e in excerpts.get(file, [])
                ],
            )
        )
    return {
        "group": group,
        "combined": combined,
        "previous": previous_text(combined.previous, lang),
        "title": report_ui("page_title", lang, name=group.name, year=group.map_year or "?"),
        "checks": checks,
        "documents": documents,
        "texts": texts,
    }


def review_text(review: CheckReview | None, lang: Lang) -> str:
    """"Gennemgået af Mette 03-12-2024 14:05: uenig, rettet til ikke opfyldt." (empty when the
    verdict is not reviewed)."""
    if review is None:
        return ""
    when = review.decided_at.astimezone().strftime("%d-%m-%Y %H:%M")
    return report_ui(
        f"review_line_{review.decision}",
        lang,
        reviewer=review.reviewer,
        when=when,
        status=status_label(review.status, lang),
    )


def previous_text(previous: PreviousYear | None, lang: Lang) -> str:
    """"Danmarkskortet 2023: Indskærpelse af fristen (efter gennemgang)"."""
    if previous is None:
        return ""
    text = report_ui("previous_long", lang, year=previous.map_year, label=previous.label)
    return text + (report_ui("previous_reviewed", lang) if previous.reviewed else "")
