"""Draft letters to the councils that need one (`minutes-checker letters OUT [--to DIR]`).

One Word document per municipality and map year whose outcome (after review, when reviewers'
decisions are applied) is `deadline_reminder` or `request_action_plan_decision`, and, marked as
a draft for assessment, `manual_review`. Each letter holds the municipality, the map year and the
year of its figures, the result in Ankestyrelsen's categories, the reasons check by check with
the quotes and page numbers from the minutes (»…«), what the council must do and by when, fields
for the caseworker's name and journal number, § 79 b as the law words it, and a last section
for the caseworker only (the tool's and the reviewers' verdicts, the previous map year), to be
deleted before the letter is sent. `letters.csv` lists the drafts. Which letters, and where
they are written, is `batch.followup.write_letters`.

Why a Word template plus texts in `messages.py`: a caseworker's office adapts letters in Word
(letterhead, logo, fonts, margins, footer), not in Python. The package ships
`data/brevskabelon.docx` (made by `build_template`); an office saves a copy
(`minutes-checker letters --save-template FILE.docx`), edits it in Word and passes it with
`--template`: the letter is added after whatever the template's body holds, in the template's
styles (Title, Heading 1-2, List Bullet, Quote; a style the template lacks falls back to
Normal). The wording is legal content that is reviewed and tested with the code, so it stays
in one place with every other text people read (`messages.LETTER_TEXT`, `LETTER_FINDINGS`,
`LETTER_LAW`).

A draft that a caseworker has edited in place (its hash differs from the one recorded when it
was written) is never overwritten nor deleted; `letters.csv` says so.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from docx import Document as open_docx
from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from ..errors import InputError
from ..judge.checks import CHECK_IDS, SOFT_CHECKS
from ..messages import (
    LETTER_FINDINGS,
    LETTER_LAW,
    LETTER_TEXT,
    Lang,
    check_label,
    danish_date,
    letters_ui,
    outcome_label,
    status_label,
)
from ..models import CheckResult, Evidence, MunicipalityAssessment
from ..review.apply import reviewed_checks

LETTER_KINDS = ("deadline_reminder", "request_action_plan_decision", "manual_review")
FOR_ASSESSMENT = frozenset({"manual_review"})
LETTERS = "letters"
LETTERS_CSV = "letters.csv"
TEMPLATE = "brevskabelon.docx"
MAX_QUOTES = 5  # quotes per check in a letter (the report has them all)
REPLY_WEEKS = 8  # default time to answer a request (--reply-by sets another date)


class NotATemplate(InputError):
    code = "not_template"
    message_da = "skabelonen kan ikke bruges"
    message_en = "the template cannot be used"


@dataclass
class Draft:
    """One letter: for whom, of which kind, where it is, and whether it was (re)written."""

    assessment: MunicipalityAssessment
    kind: str
    relative: str  # within the folder the letters are written to
    written: bool = True


@dataclass
class LettersResult:
    folder: Path
    drafts: list[Draft] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited by a person: left as they are
    csv: Path | None = None


def letter_kind(assessment: MunicipalityAssessment) -> str | None:
    """The kind of letter a municipality and map year gets, from the outcome after review."""
    outcome = assessment.final_outcome.id
    return outcome if outcome in LETTER_KINDS else None


def default_reply_by(kind: str, map_year: int, date: dt.date) -> dt.date:
    """By when the council answers: for a reminder of the deadline, the referat of the next
    map's treatment by 31 January of the year after it (Ankestyrelsen's practice); otherwise
    `REPLY_WEEKS` after the letter."""
    if kind == "deadline_reminder":
        return dt.date(map_year + 2, 1, 31)
    return date + dt.timedelta(weeks=REPLY_WEEKS)


# --------------------------------------------------------------------------- the list


def letters_csv(drafts: Sequence[Draft], prefix: str, lang: Lang) -> str:
    """The list of drafts (UTF-8 with BOM, `;`: Danish Excel)."""
    handle = io.StringIO()
    writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
    columns = ("code", "municipality", "map_year", "figures", "letter", "for_assessment",
               "reviewed", "previous", "file", "note")  # fmt: skip
    writer.writerow([letters_ui(f"csv_{c}", lang) for c in columns])
    yes, no = letters_ui("yes", lang), letters_ui("no", lang)
    for draft in drafts:
        a = draft.assessment
        year = a.map_year or 0
        writer.writerow(
            [
                a.municipality_code or "",
                a.municipality or "",
                year,
                year - 1,
                outcome_label(draft.kind, lang),
                yes if draft.kind in FOR_ASSESSMENT else no,
                yes if a.reviews else no,
                f"{a.previous.map_year}: {a.previous.label}" if a.previous else "",
                draft.relative.removeprefix(prefix),
                "" if draft.written else letters_ui("kept_edited_note", lang),
            ]
        )
    return handle.getvalue()


# --------------------------------------------------------------------------- one letter


def build_letter(
    assessment: MunicipalityAssessment,
    kind: str,
    records: dict[str, dict[str, Any]],
    date: dt.date,
    reply_by: dt.date,
    template: bytes,
    out_name: str,
) -> bytes:
    """The draft letter as .docx bytes (see the module for what it holds)."""
    doc = open_docx(io.BytesIO(template))
    text = LETTER_TEXT
    name = assessment.municipality or ""
    year = assessment.map_year or 0
    values = {"municipality": name, "year": year, "figures": year - 1}
    checks = reviewed_checks(assessment)
    several = len(assessment.documents) > 1

    banner = text["for_assessment"] if kind in FOR_ASSESSMENT else text["draft"]
    _highlighted(doc.add_paragraph(), banner, bold=True)
    _fields(doc, date)
    _add(doc, text["to"].format(**values), "Normal")
    _add(doc, text["title"].format(genitive=genitive(name), **values), "Title")
    _add(doc, text["intro"].format(**values), "Normal")
    for file in assessment.documents:
        _add(doc, _document_line(file, records.get(file) or {}, assessment), "List Bullet")

    _add(doc, text["result_heading"], "Heading 1")
    category = text[f"category_{kind}"]
    _add(doc, text["result"].format(category=category), "Normal")
    _add(doc, text[f"explain_{kind}"].format(**values), "Normal")

    reasons = [c for c in CHECK_IDS if c not in SOFT_CHECKS and checks[c].status in
               ("not_met", "unclear", "undetermined")]  # fmt: skip
    shown: set[str] = set()  # a quote is printed once; later checks point back to it
    if reasons:
        _add(doc, text["reasons_heading"], "Heading 1")
        for check in reasons:
            _reason(doc, check, checks[check], year, several, shown)
    in_order = [c for c in CHECK_IDS if c not in SOFT_CHECKS and checks[c].status == "met"]
    if in_order:
        _add(doc, text["in_order_heading"], "Heading 1")
        for check in in_order:
            paragraph = _add(doc, text["in_order"].format(label=check_label(check)), "List Bullet")
            quote = _quotes(checks[check].evidence, "met", several, set())[:1]
            if quote:
                paragraph.add_run(xml_safe(" " + quote[0]))

    _add(doc, text["todo_heading"], "Heading 1")
    reply = danish_date(reply_by)
    if kind == "deadline_reminder":
        todo = [
            text["todo_deadline_treat"],
            text["todo_deadline_next"].format(next_year=year + 1),
            text["todo_deadline_send"].format(reply_by=reply),
        ]
    elif kind == "request_action_plan_decision":
        todo = [
            text["todo_plan_decide"],
            text["todo_plan_inform"],
            text["todo_plan_send"].format(reply_by=reply),
        ]
    else:
        todo = [text["todo_manual"].format(reply_by=reply)]
    for line in todo:
        _add(doc, line, "List Bullet")

    _add(doc, text["law_heading"], "Heading 1")
    with_plan = year >= 2022
    _add(doc, text["law_intro"] if with_plan else text["law_intro_one"], "Normal")
    for paragraph in LETTER_LAW[: 2 if with_plan else 1]:
        _add(doc, paragraph, "Quote")
    if with_plan and kind == "request_action_plan_decision":
        _add(doc, text["law_plan_from_2022"], "Normal")

    _add(doc, text["closing"], "Normal")
    _highlighted(doc.add_paragraph(), text["signature"])

    _internal(doc, assessment, checks, date, out_name)
    doc.core_properties.title = text["title"].format(genitive=genitive(name), **values)
    doc.core_properties.author = "minutes-checker"
    handle = io.BytesIO()
    doc.save(handle)
    return handle.getvalue()


def genitive(name: str) -> str:
    """"Ishøj Kommune" → "Ishøj Kommunes"; a name ending in s takes an apostrophe."""
    return name + ("'" if name.endswith(("s", "x", "z")) else "s")


def _document_line(file: str, record: dict[str, Any], assessment: MunicipalityAssessment) -> str:
    text = LETTER_TEXT
    body, meeting = record.get("body"), record.get("meeting_date")
    if body and meeting:
        line = text["document_meeting"].format(
            file=file, body=body, date=danish_date(dt.date.fromisoformat(meeting))
        )
    else:
        line = text["document"].format(file=file)
    items = [
        f"{i.number}. {i.title}" if i.number else i.title
        for i in assessment.items
        if i.file == file
    ]
    if items:
        line += text["document_items"].format(items="; ".join(items))
    return line


def _reason(
    doc: Document, check: str, result: CheckResult, year: int, several: bool, shown: set[str]
) -> None:
    text = LETTER_TEXT
    status = result.status if result.status in ("not_met", "unclear") else "unclear"
    heading = f"{check_label(check)}: {status_label(result.status)}"
    _add(doc, heading, "Heading 2")
    _add(doc, LETTER_FINDINGS[check][status].format(year=year), "Normal")
    had_quotes = bool(result.evidence)
    quotes = _quotes(result.evidence, result.status, several, shown)
    if quotes:
        _add(doc, text["quotes_intro"], "Normal")
        for quote in quotes:
            _add(doc, quote, "Quote")
    elif had_quotes:
        _add(doc, text["quotes_above"], "Normal")
    else:
        _add(doc, text["no_quote"], "Normal")


def _quotes(
    evidence: Sequence[Evidence], status: str, several: bool, shown: set[str]
) -> list[str]:
    """The quotes for a verdict not yet in `shown` (which they join), the ones that speak for
    the verdict first, as »…« (side n)."""
    first = "supports" if status == "met" else "contradicts"
    ordered = sorted(evidence, key=lambda e: e.polarity != first)
    out = []
    for each in ordered:
        words = " ".join(each.quote.split())
        if not words or words in shown:
            continue
        shown.add(words)
        where = [LETTER_TEXT["page"].format(page=each.page)] if each.page else []
        if several and each.file:
            where.append(LETTER_TEXT["in_file"].format(file=each.file))
        key = "quote" if where else "quote_nowhere"
        out.append(LETTER_TEXT[key].format(quote=words, where=" ".join(where)))
        if len(out) == MAX_QUOTES:
            break
    return out


def _internal(
    doc: Document,
    assessment: MunicipalityAssessment,
    checks: dict[str, CheckResult],
    date: dt.date,
    out_name: str,
) -> None:
    """The caseworker's section: how the draft came about (deleted before sending)."""
    text = LETTER_TEXT
    _add(doc, text["internal_heading"], "Heading 1")
    lines = [
        text["internal_made"].format(date=danish_date(date), out=out_name),
        text["internal_predicted"].format(label=assessment.outcome.label),
    ]
    if assessment.reviewed_outcome is not None:
        lines.append(text["internal_reviewed"].format(label=assessment.reviewed_outcome.label))
    for check in CHECK_IDS:
        review = assessment.reviews.get(check)
        predicted = assessment.checks[check]
        if review is not None:
            when = review.decided_at.astimezone().strftime("%d-%m-%Y %H:%M")
            key = "internal_agreed" if review.decision == "accept" else "internal_review"
            line = text[key].format(
                label=check_label(check),
                predicted=status_label(predicted.status),
                reviewed=status_label(review.status),
                reviewer=review.reviewer,
                when=when,
            )
            if review.comment:
                line += text["internal_comment"].format(comment=review.comment)
            lines.append(line)
            if review.status != predicted.status:
                lines.append(text["internal_tool_reason"].format(explanation=predicted.explanation))
        elif check in SOFT_CHECKS and checks[check].status in ("not_met", "unclear"):
            lines.append(
                text["internal_soft"].format(
                    label=check_label(check),
                    status=status_label(checks[check].status),
                    explanation=checks[check].explanation,
                )
            )
    if assessment.previous is not None:
        lines.append(
            text["internal_previous"].format(
                year=assessment.previous.map_year, label=assessment.previous.label
            )
        )
    for line in lines:
        _add(doc, line, "List Bullet")


# --------------------------------------------------------------------------- docx helpers


def _style(doc: Document, name: str) -> str | None:
    """The style if the template has it (an office's own template may not)."""
    try:
        doc.styles[name]
    except KeyError:
        return None
    return name


def _add(doc: Document, text: str, style: str) -> Paragraph:
    return doc.add_paragraph(xml_safe(text), style=_style(doc, style))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text Word can hold: control characters from a quote or a note are left out."""
    return _NOT_XML.sub("", text)


def _highlighted(paragraph: Paragraph, text: str, bold: bool = False) -> None:
    """Text the caseworker must replace or read first, marked yellow."""
    run = paragraph.add_run(xml_safe(text))
    run.bold = bold
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _fields(doc: Document, date: dt.date) -> None:
    """Journal number, caseworker and date, as a small table at the top."""
    text = LETTER_TEXT
    rows = [
        (text["field_journal"], None),
        (text["field_caseworker"], None),
        (text["field_date"], danish_date(date)),
    ]
    table = doc.add_table(rows=len(rows), cols=2)
    style = _style(doc, "Table Grid")
    if style:
        table.style = style
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].paragraphs[0].add_run(label).bold = True
        if value is None:
            _highlighted(row.cells[1].paragraphs[0], text["fill_in"])
        else:
            row.cells[1].paragraphs[0].add_run(value)
    doc.add_paragraph()


# --------------------------------------------------------------------------- the template


def template_bytes(template: Path | None) -> bytes:
    """The Word template's bytes: the office's own (checked to open), or the shipped one."""
    if template is None:
        return files("minutes_checker").joinpath("data", TEMPLATE).read_bytes()
    try:
        data = template.read_bytes()
        open_docx(io.BytesIO(data))
    except OSError:
        raise
    except Exception:
        raise NotATemplate(letters_ui("not_a_template", path=template)) from None
    return data


def shipped_template() -> bytes:
    return template_bytes(None)


def build_template() -> bytes:
    """The shipped template (`data/brevskabelon.docx`): python-docx's default styles, Danish
    language, a letterhead placeholder in the header and page numbers in the footer. Rebuild
    it with `python -m minutes_checker.outputs.letters` after changing this function."""
    doc = open_docx()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "da-DK")
    normal.element.get_or_add_rPr().append(language)
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = "[Afsender: myndighedens navn, adresse og logo]"
    footer = section.footer.paragraphs[0]
    footer.add_run("Side ")
    _field(footer, "PAGE")
    footer.add_run(" af ")
    _field(footer, "NUMPAGES")
    props = doc.core_properties
    props.author = "minutes-checker"
    props.title = "Brevskabelon til udkast om danmarkskortet"
    props.created = props.modified = dt.datetime(2026, 1, 1)
    handle = io.BytesIO()
    doc.save(handle)
    return handle.getvalue()


def _field(paragraph: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) in a paragraph."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def letter_text(data: bytes) -> str:
    """All the text of a .docx (paragraphs and table cells), for tests and checks."""
    doc = open_docx(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def _write_shipped_template() -> None:  # pragma: no cover - a developer's step
    target = Path(str(files("minutes_checker").joinpath("data", TEMPLATE)))
    target.write_bytes(build_template())
    print(json.dumps({"written": str(target)}))


if __name__ == "__main__":  # pragma: no cover
    _write_shipped_template()
