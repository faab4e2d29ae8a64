"""The data contract of minutes-checker: a read document, and the assessment made of it.

Every JSON the tool writes is one of these models; `minutes-checker schema` prints the JSON
schema of `Assessment`. Character offsets (`start`, `end`) always index `Document.text`, the
cleaned text of the document (running headers removed, hyphenation joined), so that
`document.text[start:end] == quote` holds for every piece of evidence.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Format = Literal["pdf", "docx", "html", "txt"]
BodyKind = Literal["full_council", "committee", "unknown"]
MeetingSource = Literal[
    "header", "running_header", "decision_heading", "history", "text", "file_name"
]
ItemKind = Literal["decision", "orientation", "discussion"]
SectionKind = Literal[
    "summary",  # Resume, Sagsresume
    "case",  # Sagsfremstilling, Baggrund, Sagsbeskrivelse
    "proposal",  # Indstilling, Forslag, Administrationens indstilling
    "decision",  # Beslutning [i <body> den <date>]
    "attachments",  # Bilag
    "economy",  # Økonomi, Økonomiske konsekvenser
    "hearing",  # Høring, Høringssvar
    "other",
]
BlockKind = Literal["paragraph", "heading", "table_cell", "list_item"]

# a check's id ("full_council", …): the checks are registered in `judge/checks/`, in the order
# they appear in every output
CheckId = str
Status = Literal["met", "not_met", "unclear", "not_applicable", "undetermined"]
Polarity = Literal["supports", "contradicts"]
OutcomeId = Literal[
    "deadline_reminder",
    "manual_review",
    "request_action_plan_decision",
    "no_further_action",
    "undetermined",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- the read document


class Box(_Model):
    """A rectangle on a PDF page in points, origin at the top left (pdfplumber's convention)."""

    x0: float
    top: float
    x1: float
    bottom: float


class Page(_Model):
    number: int = Field(description="1-based page number")
    start: int = Field(description="offset of the page's first character in Document.text")
    end: int
    width: float | None = None
    height: float | None = None


class Line(_Model):
    """One line of body text on one page with its box: where a quote is highlighted (PDF only)."""

    start: int
    end: int
    page: int
    box: Box
    size: float | None = Field(None, description="font size in points of the line's first letter")
    bold: bool = Field(False, description="the line is set in a bold font")


class Block(_Model):
    """A paragraph, heading, table cell or list entry of the body, in reading order."""

    start: int
    end: int
    page: int
    kind: BlockKind = "paragraph"
    level: int | None = Field(None, description="outline level when the source marks a heading")
    bold: bool = False
    size: float | None = Field(None, description="font size in points, where known")
    row_label: bool = Field(
        False, description="the first cell of a two-column table row: the label of the cell beside"
    )


class Furniture(_Model):
    """A running header or footer removed from the body text (kept: it often names body, date)."""

    text: str
    page: int


class Meeting(_Model):
    municipality: str | None = None
    municipality_code: int | None = None
    body: str | None = Field(None, description="the body as the minutes name it, e.g. 'Byrådet'")
    body_kind: BodyKind = "unknown"
    date: dt.date | None = None
    body_span: tuple[int, int] | None = Field(None, description="where the body is named")
    date_span: tuple[int, int] | None = Field(None, description="where the date is written")
    continued: dt.date | None = Field(
        None, description="another day the meeting went on, when the header says so"
    )
    continued_span: tuple[int, int] | None = Field(None, description="where that day is written")
    continued_item: str | None = Field(
        None, description="the item the meeting broke off at, when the header names it"
    )
    sources: dict[str, MeetingSource] = Field(
        default_factory=dict,
        description="where each of municipality, body and date was read: the header block, "
        "a running header or footer, a decision heading, a decision history line, the text "
        "(municipality only), or the file or folder name",
    )


class Section(_Model):
    title: str
    kind: SectionKind
    start: int = Field(description="offset of the section heading")
    end: int
    page_start: int
    decision_body: str | None = None
    decision_body_kind: BodyKind | None = None
    decision_date: dt.date | None = None


class Item(_Model):
    number: str
    title: str
    start: int = Field(description="offset of the item heading")
    end: int
    page_start: int
    page_end: int
    kind: ItemKind | None = None
    kind_label: str | None = Field(
        None,
        description="the item type as written, e.g. 'Beslutningssag', or the heading of the "
        "SBSYS group the item stands under",
    )
    closed: bool = False
    sections: list[Section] = Field(default_factory=list)


class InputProblem(_Model):
    code: str = Field(description="stable error code, e.g. 'encrypted', 'scanned'")
    message: str


class Document(_Model):
    source: str
    format: Format
    sha256: str | None = None
    text: str
    pages: list[Page]
    blocks: list[Block] = Field(default_factory=list)
    lines: list[Line] = Field(default_factory=list)
    furniture: list[Furniture] = Field(default_factory=list)
    meeting: Meeting = Field(default_factory=Meeting)
    items: list[Item] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    incomplete: InputProblem | None = Field(
        None,
        description="why part of the file's text could not be read (a damaged PDF stream or "
        "page, HTML nested too deep, an embedded part over the limit; `message` is the reason "
        "in Danish): a document without an item is then reported with this error, not as "
        "holding no item",
    )

    def page_at(self, offset: int) -> int:
        """The 1-based page that holds the character at `offset`."""
        starts = [p.start for p in self.pages]
        index = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(index, 0)].number if self.pages else 1

    def item_at(self, offset: int) -> Item | None:
        for item in self.items:
            if item.start <= offset < item.end:
                return item
        return None

    def lines_in(self, start: int, end: int) -> list[Line]:
        """The PDF lines that a character range touches (empty for DOCX and HTML)."""
        return [line for line in self.lines if line.start < end and line.end > start]


# --------------------------------------------------------------------------- the assessment


class Evidence(_Model):
    quote: str
    page: int | None
    start: int
    end: int
    item: str | None = Field(None, description="number of the agenda item the quote stands in")
    section: str | None = Field(None, description="title of the section the quote stands in")
    section_kind: SectionKind | None = None
    rule: str = Field(description="id of the rule that fired")
    polarity: Polarity
    file: str | None = Field(None, description="set when results of several documents are combined")


class CheckResult(_Model):
    status: Status
    label: str
    explanation: str
    evidence: list[Evidence] = Field(default_factory=list)
    details: dict[str, str] = Field(
        default_factory=dict,
        description="facets of the verdict: per map 'covered' | 'weak' | 'missing' "
        "(all_three_maps), the plan decided 'yes' | 'no' | 'unknown' (action_plan_decision)",
    )


class Outcome(_Model):
    id: OutcomeId
    label: str
    reasons: list[str] = Field(default_factory=list)


class ItemRef(_Model):
    number: str
    title: str
    page_start: int
    page_end: int
    file: str | None = None


class Assessment(_Model):
    schema_version: str = SCHEMA_VERSION
    file: str
    format: Format | None = None
    sha256: str | None = None
    status: Literal["ok", "no_item", "error"] = Field(
        description="ok: an item on danmarkskortet was assessed; no_item: the document was read "
        "but holds no such item; error: the document could not be read"
    )
    error: InputProblem | None = None
    lang: Literal["da", "en"] = "da"
    municipality: str | None = None
    municipality_code: int | None = None
    map_year: int | None = None
    map_year_basis: str | None = Field(None, description="how the map year was inferred")
    meeting_date: dt.date | None = None
    body: str | None = None
    body_kind: BodyKind = "unknown"
    items: list[ItemRef] = Field(default_factory=list)
    checks: dict[CheckId, CheckResult]
    outcome: Outcome
    warnings: list[str] = Field(default_factory=list)


class CheckReview(_Model):
    """A reviewer's decision on one combined verdict, as applied (`minutes-checker review
    apply`): agreed (the status stays) or corrected (`status` is the reviewer's)."""

    status: Status = Field(description="the reviewed status (the predicted one when agreed)")
    decision: Literal["accept", "reject"]
    reviewer: str
    decided_at: dt.datetime
    comment: str = ""


class PreviousYear(_Model):
    """The municipality's result for the latest earlier map year (the batch's own documents or
    the history file), shown beside this year's."""

    map_year: int
    outcome: OutcomeId
    label: str
    reviewed: bool = Field(False, description="the outcome is the one after a reviewer's review")


class MunicipalityAssessment(_Model):
    """All documents of one municipality and map year, combined (the unit Ankestyrelsen judges).

    `checks` and `outcome` are the tool's prediction; `reviews` and `reviewed_outcome` are set
    once a reviewer's decisions are applied (the outcome recomputed from the reviewed statuses)."""

    schema_version: str = SCHEMA_VERSION
    municipality: str | None
    municipality_code: int | None
    map_year: int | None
    documents: list[str]
    items: list[ItemRef] = Field(default_factory=list)
    checks: dict[CheckId, CheckResult]
    outcome: Outcome
    reviews: dict[CheckId, CheckReview] = Field(default_factory=dict)
    reviewed_outcome: Outcome | None = None
    previous: PreviousYear | None = None

    @property
    def final_outcome(self) -> Outcome:
        """The outcome after review when there is one, else the predicted one."""
        return self.reviewed_outcome or self.outcome


# --------------------------------------------------------------------------- reviewers' decisions

DECISIONS_FORMAT = "minutes-checker-vurderinger"
DECISIONS_SCHEMA_VERSION = 1
Decision = Literal["accept", "reject", "undecided"]


class ReviewerDecision(_Model):
    """One check on one report page, as the report exports it."""

    decision: Decision = Field(
        description="accept: agree with the verdict; reject: disagree (then reviewed_status "
        "says what it should be); undecided: no position (withdraws an earlier decision)"
    )
    status: Status = Field(description="the verdict the reviewer saw (the predicted status)")
    reviewed_status: Status | None = Field(None, description="the reviewer's status (reject)")
    note: str = ""
    reviewer: str = Field("", description="who decided; the file's reviewer when empty")
    decided_at: dt.datetime | None = Field(None, description="when; the export time when empty")


class PageDecisions(_Model):
    """The decisions on one municipality and map year (one page of the report)."""

    page: str = Field(description="the page's name (municipality code, name and map year)")
    municipality: str
    municipality_code: int | None = None
    map_year: int | None = None
    documents: list[str] = Field(description="the files the page showed (batch-relative)")
    decisions: dict[CheckId, ReviewerDecision]


class DecisionsFile(_Model):
    """The file the report exports (`vurderinger.json`): read by `minutes-checker review`."""

    format: Literal["minutes-checker-vurderinger"]
    schema_version: int
    exported: dt.datetime
    reviewer: str = ""
    pages: list[PageDecisions]


class ReviewRecord(_Model):
    """One line of `reviews.jsonl`: a decision as it was applied. The log is append-only; the
    latest decision (by `decided_at`) on a check of a page is the one that counts."""

    page: str
    municipality: str
    municipality_code: int | None
    map_year: int | None
    documents: list[str]
    check: CheckId
    predicted: Status
    decision: Decision
    reviewed_status: Status | None
    reviewer: str
    decided_at: dt.datetime
    comment: str = ""
    applied_at: dt.datetime
    source: str = Field("", description="the name of the decisions file it came from")

    def identity(self) -> tuple[object, ...]:
        """What makes two records the same decision (applying a file twice adds nothing)."""
        return (
            self.page,
            self.check,
            self.predicted,
            self.decision,
            self.reviewed_status,
            self.reviewer,
            self.decided_at,
            self.comment,
            tuple(self.documents),
        )


# --------------------------------------------------------------------------- item excerpts


class ExcerptSection(_Model):
    """A section of an excerpt; offsets index `Document.text` like everything else."""

    title: str
    kind: SectionKind
    start: int
    end: int
    page_start: int


class ExcerptPage(_Model):
    number: int = Field(description="1-based page number")
    start: int = Field(description="offset in Document.text where this page begins")


class ItemExcerpt(_Model):
    """The text of an assessed item (or of the meeting header), kept so a report can show every
    piece of evidence in its surroundings without reading the file again.

    `text == Document.text[start:end]`; sections and pages use Document offsets, so an
    `Evidence` with `start`/`end` inside [start, end) is highlighted at `evidence.start - start`.
    """

    file: str
    kind: Literal["item", "header"] = "item"
    number: str | None = None
    title: str
    start: int
    end: int
    text: str
    pages: list[ExcerptPage] = Field(default_factory=list)
    sections: list[ExcerptSection] = Field(default_factory=list)
