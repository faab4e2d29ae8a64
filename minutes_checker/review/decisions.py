"""The decisions file the report exports, read and checked against the batch.

`read_decisions` accepts only a file that says what it is (`format`, `schema_version`) and has
the shape of `models.DecisionsFile`; `check_decisions` turns it into the records of
`reviews.jsonl`, refusing the whole file when any decision is about a page, file or check the
batch does not know, about a verdict that has changed since the review, or is incomplete (a
disagreement without the reviewer's status, no reviewer's name). Every problem is named, in
Danish, so the reviewer can correct the report and export again.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InputError
from ..judge.checks import CHECK_IDS
from ..judge.combine import Group
from ..messages import Lang, check_label, review_ui, status_label
from ..models import (
    DECISIONS_FORMAT,
    DECISIONS_SCHEMA_VERSION,
    DecisionsFile,
    PageDecisions,
    ReviewerDecision,
    ReviewRecord,
)

MAX_BYTES = 50 * 1024 * 1024  # 98 municipalities' decisions are well under a megabyte
SHOWN_PROBLEMS = 12  # problems listed in one message; the rest are counted


class NotADecisionsFile(InputError):
    code = "not_decisions"
    message_da = "filen er ikke en vurderingsfil eksporteret fra rapporten"
    message_en = "the file is not a decisions file exported from the report"


class DecisionsDoNotFit(InputError):
    code = "decisions_mismatch"
    message_da = "vurderingsfilen passer ikke til resultatmappen; intet er skrevet"
    message_en = "the decisions file does not fit the output folder; nothing was written"


def read_decisions(path: Path, lang: Lang = "da") -> DecisionsFile:
    """The decisions file at `path`, or `NotADecisionsFile` saying why not."""
    with path.open("rb") as handle:  # an OSError is the command line's to word
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise NotADecisionsFile(review_ui("too_big", lang, name=path.name))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise NotADecisionsFile(review_ui("not_json", lang, name=path.name)) from None
    if not isinstance(data, dict):
        raise NotADecisionsFile(review_ui("not_object", lang, name=path.name))
    if data.get("format") != DECISIONS_FORMAT:
        key = "old_export" if "decisions" in data or _old_overview(data) else "no_format"
        raise NotADecisionsFile(review_ui(key, lang, name=path.name))
    version = data.get("schema_version")
    if version != DECISIONS_SCHEMA_VERSION:
        raise NotADecisionsFile(
            review_ui("bad_version", lang, version=version, supported=DECISIONS_SCHEMA_VERSION)
        )
    try:
        return DecisionsFile.model_validate(data)
    except ValidationError as error:
        raise NotADecisionsFile(_shape_problems(error, lang)) from None


def _old_overview(data: dict[str, Any]) -> bool:
    """The overview's export before schema versions: {"minutes-checker:<page>": {...}}."""
    return bool(data) and all(str(key).startswith("minutes-checker:") for key in data)


def _shape_problems(error: ValidationError, lang: Lang) -> str:
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "/"
        kind = item["type"]
        if kind == "missing":
            problems.append(review_ui("field_missing", lang, field=where))
        elif kind == "extra_forbidden":
            problems.append(review_ui("field_unknown", lang, field=where))
        else:
            shown = json.dumps(item.get("input"), ensure_ascii=False, default=str)[:60]
            problems.append(review_ui("field_invalid", lang, field=where, value=shown))
    return _join(problems, lang)


def _join(problems: Sequence[str], lang: Lang) -> str:
    shown = "; ".join(problems[:SHOWN_PROBLEMS])
    if len(problems) > SHOWN_PROBLEMS:
        shown += review_ui("more_problems", lang, count=len(problems) - SHOWN_PROBLEMS)
    return shown


def check_decisions(
    decisions: DecisionsFile,
    groups: Iterable[Group],
    known_files: Iterable[str],
    source: str,
    lang: Lang = "da",
    now: dt.datetime | None = None,
) -> list[ReviewRecord]:
    """The records of `reviews.jsonl` for every decision in the file, in order; raises
    `DecisionsDoNotFit` naming every problem when any decision does not fit the batch."""
    applied_at = now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    by_page = {group.slug: group for group in groups}
    files = set(known_files)
    problems: list[str] = []
    records: list[ReviewRecord] = []
    for page in decisions.pages:
        group = by_page.get(page.page)
        where = f"{page.municipality} {page.map_year or '?'}"
        if group is None or group.combined is None:
            problems.append(review_ui("unknown_page", lang, page=page.page, where=where))
            continue
        page_problems = _page_problems(page, group, files, where, lang)
        if page_problems:
            problems += page_problems
            continue
        combined = group.combined
        for check, decision in page.decisions.items():
            if check not in CHECK_IDS:
                problems.append(review_ui("unknown_check", lang, check=check, where=where))
                continue
            label = check_label(check, lang)
            predicted = combined.checks[check].status
            problem = _decision_problem(decision, predicted, lang)
            if problem:
                problems.append(f"{where}, {label}: {problem}")
                continue
            reviewer = _plain(decision.reviewer or decisions.reviewer)
            if not reviewer and decision.decision != "undecided":
                problems.append(f"{where}, {label}: {review_ui('no_reviewer', lang)}")
                continue
            reviewed = (
                predicted
                if decision.decision == "accept"
                else decision.reviewed_status
                if decision.decision == "reject"
                else None
            )
            records.append(
                ReviewRecord(
                    page=page.page,
                    municipality=group.name,
                    municipality_code=group.code,
                    map_year=group.map_year,
                    documents=list(combined.documents),
                    check=check,
                    predicted=predicted,
                    decision=decision.decision,
                    reviewed_status=reviewed,
                    reviewer=reviewer,
                    decided_at=decision.decided_at or decisions.exported,
                    comment=_plain(decision.note),
                    applied_at=applied_at,
                    source=source,
                )
            )
    if problems:
        raise DecisionsDoNotFit(_join(problems, lang))
    return records


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def _plain(text: str) -> str:
    """A name or note as one line of plain text: control characters and line separators out."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _page_problems(
    page: PageDecisions, group: Group, files: set[str], where: str, lang: Lang
) -> list[str]:
    problems = []
    if page.municipality != group.name or (
        page.municipality_code is not None and page.municipality_code != group.code
    ):
        problems.append(
            review_ui("other_municipality", lang, page=page.page, found=group.name, where=where)
        )
    if page.map_year != group.map_year:
        problems.append(
            review_ui("other_year", lang, page=page.page, year=group.map_year or "?", where=where)
        )
    unknown = [file for file in page.documents if file not in files]
    problems += [review_ui("unknown_file", lang, file=file, where=where) for file in unknown]
    combined = group.combined
    assert combined is not None
    if not unknown and sorted(page.documents) != sorted(combined.documents):
        problems.append(review_ui("documents_changed", lang, where=where))
    return problems


def _decision_problem(decision: ReviewerDecision, predicted: str, lang: Lang) -> str | None:
    """What is wrong with one decision on a verdict that is now `predicted`, if anything."""
    if decision.status != predicted:
        return review_ui(
            "verdict_changed",
            lang,
            seen=status_label(decision.status, lang),
            now=status_label(predicted, lang),
        )
    reviewed = decision.reviewed_status
    if reviewed == "undetermined":
        return review_ui("undetermined_not_allowed", lang)
    if decision.decision == "reject":
        if reviewed is None:
            return review_ui("reject_without_status", lang)
        if reviewed == predicted:
            return review_ui("reject_same_status", lang, status=status_label(predicted, lang))
    elif reviewed is not None and reviewed != predicted:
        return review_ui(
            "accept_other_status", lang, status=status_label(reviewed, lang)
        )
    return None
