"""From a file to an assessment: read it, find the danmarkskort item(s), match rules there,
run the checks and predict the outcome. The worker function of a batch is `assess_file`."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from .checks import Findings, predict_outcome, run_checks, uniform_checks
from .engine import Engine, default_engine
from .errors import InputError, InternalError
from .mapyear import MapYear, infer_map_year
from .messages import Lang
from .models import (
    Assessment,
    Document,
    ExcerptPage,
    ExcerptSection,
    Item,
    ItemExcerpt,
    ItemRef,
)
from .rules import Rule, RuleBook, RuleFileError

MIN_BODY_MENTIONS = 2  # an item without a telling title needs this many mentions in its text


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    if not pattern.startswith("re:"):
        raise RuleFileError(f"item rules must be regular expressions ('re:'): {pattern!r}")
    return re.compile(pattern[3:])


def _matches(rule: Rule, text: str) -> int:
    """How often a regular-expression rule matches `text` (0 when an `unless` pattern occurs)."""
    if any(_compiled(p).search(text) for p in rule.unless):
        return 0
    return sum(len(_compiled(p).findall(text)) for p in rule.patterns)


def find_map_items(document: Document, book: RuleBook) -> list[Item]:
    """The agenda item(s) that treat danmarkskortet: by title, else by repeated mentions.

    Items that only mention Ankestyrelsen, omgørelser or a landsgennemsnit in passing (a
    praksisundersøgelse, school grades) do not qualify; neither does an item whose title shows
    it is about something else.
    """
    rules = book.for_check("item")
    by_signal = {
        signal: [r for r in rules if r.signal == signal] for signal in {r.signal for r in rules}
    }
    mention_rules = by_signal.get("map_mention", [])

    def mentions(item: Item) -> int:
        body = document.text[item.start : item.end].lower()
        return sum(_matches(r, body) for r in mention_rules)

    # titles first: the bodies (most of a 150-page referat) are searched only for the items with
    # a telling title, and all of them only when no such item mentions the map
    candidates: list[tuple[Item, bool]] = []
    for item in document.items:
        if item.closed:
            continue
        title = " ".join(item.title.lower().split())
        if any(_matches(r, title) for r in by_signal.get("other_topic", [])):
            continue
        on_title = any(_matches(r, title) for r in by_signal.get("map_title", []))
        candidates.append((item, on_title))
    titled = [item for item, on_title in candidates if on_title and mentions(item) >= 1]
    if titled:
        return titled
    return [item for item, _ in candidates if mentions(item) >= MIN_BODY_MENTIONS]


def _item_ref(item: Item, file: str | None = None) -> ItemRef:
    return ItemRef(
        number=item.number,
        title=item.title,
        page_start=item.page_start,
        page_end=item.page_end,
        file=file,
    )


def assess_document(
    document: Document, lang: Lang = "da", engine: Engine | None = None
) -> Assessment:
    engine = engine or default_engine()
    meeting = document.meeting
    base = {
        "file": document.source,
        "format": document.format,
        "sha256": document.sha256,
        "lang": lang,
        "municipality": meeting.municipality,
        "municipality_code": meeting.municipality_code,
        "meeting_date": meeting.date,
        "body": meeting.body,
        "body_kind": meeting.body_kind,
        "warnings": document.warnings,
    }
    items = find_map_items(document, engine.book)
    if not items:
        checks = uniform_checks("not_met", "not_found", lang)
        year = infer_map_year("", 0, "", 0, meeting.date)
        return Assessment(
            **base,
            status="no_item",
            map_year=year.year,
            map_year_basis=year.basis_da if lang == "da" else year.basis_en,
            checks=checks,
            outcome=predict_outcome(checks, lang),
        )
    sentences = [s for item in items for s in engine.sentences_of_item(document, item)]
    hits = engine.match(sentences)
    first = items[0]
    body_start = min(i.start for i in items)
    body_end = max(i.end for i in items)
    findings = Findings(document, items, hits, MapYear(None, "", ""), lang)
    map_year = infer_map_year(
        " ".join(i.title for i in items),
        first.start,
        document.text[body_start:body_end],
        body_start,
        findings.meeting_date,
    )
    findings.map_year = map_year
    checks = run_checks(findings)
    return Assessment(
        **{**base, "meeting_date": findings.meeting_date},
        status="ok",
        map_year=map_year.year,
        map_year_basis=map_year.basis_da if lang == "da" else map_year.basis_en,
        items=[_item_ref(i) for i in items],
        checks=checks,
        outcome=predict_outcome(checks, lang),
    )


def error_assessment(path: str, error: InputError, lang: Lang = "da") -> Assessment:
    checks = uniform_checks("undetermined", "unreadable", lang, message=error.message(lang))
    return Assessment(
        file=path,
        status="error",
        error=error.problem(lang),
        lang=lang,
        checks=checks,
        outcome=predict_outcome(checks, lang),
    )


def _read_and_assess(
    path: str | Path, lang: Lang, read: Callable[[], Document] | None = None
) -> tuple[Assessment, Document | None]:
    """Read and assess one file; a bad file or a bug becomes an error assessment, never raises.
    `read` stands in for `read_document(path)` (a document read ahead in another process)."""
    from .readers import read_document

    try:
        document = read() if read is not None else read_document(path)
    except InputError as error:
        return error_assessment(str(path), error, lang), None
    except Exception as exc:  # a reader bug must not stop a batch
        return error_assessment(
            str(path), InternalError(f"{type(exc).__name__}: {exc}"), lang
        ), None
    try:
        return assess_document(document, lang), document
    except Exception as exc:  # an engine bug must not stop a batch either
        return error_assessment(
            str(path), InternalError(f"{type(exc).__name__}: {exc}"), lang
        ), None


def assess_file(path: str | Path, lang: Lang = "da") -> Assessment:
    """Read and assess one file; never raises for a bad file (the error is in the result)."""
    return _read_and_assess(path, lang)[0]


# ------------------------------------------------------------------------- excerpts for reports

HEADER_CONTEXT = 300  # characters shown around evidence that lies outside the assessed items


def _pages_between(document: Document, start: int, end: int) -> list[ExcerptPage]:
    first = document.page_at(start)
    pages = [ExcerptPage(number=first, start=start)]
    pages += [
        ExcerptPage(number=p.number, start=p.start) for p in document.pages if start < p.start < end
    ]
    return pages


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole lines."""
    left = text.rfind("\n", 0, start)
    right = text.find("\n", end)
    return (0 if left < 0 else left + 1), (len(text) if right < 0 else right)


def excerpts_of(document: Document, assessment: Assessment) -> list[ItemExcerpt]:
    """The assessed items' text with sections and page starts, plus the meeting-header context
    of any evidence outside those items (e.g. the meeting date on page 1)."""
    file = assessment.file
    wanted = {(ref.number, ref.title, ref.page_start) for ref in assessment.items}
    items = [i for i in document.items if (i.number, i.title, i.page_start) in wanted]
    out = [
        ItemExcerpt(
            file=file,
            kind="item",
            number=item.number,
            title=item.title,
            start=item.start,
            end=item.end,
            text=document.text[item.start : item.end],
            pages=_pages_between(document, item.start, item.end),
            sections=[
                ExcerptSection(
                    title=s.title, kind=s.kind, start=s.start, end=s.end, page_start=s.page_start
                )
                for s in item.sections
            ],
        )
        for item in items
    ]
    outside: list[tuple[int, int]] = []
    for result in assessment.checks.values():
        for evidence in result.evidence:
            if not any(i.start <= evidence.start and evidence.end <= i.end for i in items):
                outside.append((evidence.start, evidence.end))
    windows: list[tuple[int, int]] = []
    for start, end in sorted(outside):
        lo, hi = _snap(
            document.text,
            max(0, start - HEADER_CONTEXT),
            min(len(document.text), end + HEADER_CONTEXT),
        )
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    for lo, hi in windows:
        out.append(
            ItemExcerpt(
                file=file,
                kind="header",
                number=None,
                title="",
                start=lo,
                end=hi,
                text=document.text[lo:hi],
                pages=_pages_between(document, lo, hi),
            )
        )
    return sorted(out, key=lambda e: e.start)


def assess_file_with_excerpts(
    path: str | Path, lang: Lang = "da"
) -> tuple[Assessment, list[ItemExcerpt]]:
    """Like `assess_file`, and also the text of the assessed items (for the auditors' report)."""
    assessment, _, excerpts = assess_file_full(path, lang)
    return assessment, excerpts


def assess_file_full(
    path: str | Path, lang: Lang = "da"
) -> tuple[Assessment, Document | None, list[ItemExcerpt]]:
    """`assess_file` plus the read document (None when unreadable) and the item excerpts."""
    assessment, document = _read_and_assess(path, lang)
    if document is None:
        return assessment, None, []
    return assessment, document, excerpts_of(document, assessment)
