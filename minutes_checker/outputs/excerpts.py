"""Excerpts for the auditors' report: the assessed items' text with sections and page starts,
and the meeting-header context of evidence outside those items, so the report can show every
quote in its surroundings without reading the file again."""

from __future__ import annotations

from ..models import Assessment, Document, ExcerptPage, ExcerptSection, ItemExcerpt

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
