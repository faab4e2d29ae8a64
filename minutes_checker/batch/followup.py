"""What follows a batch, done on its output folder: a reviewer's decisions applied
(`review apply`), the draft letters written (`letters`) and the corrected verdicts exported as
labelled cases (`review export-cases`).

The pure parts live where they belong: checking and applying decisions in `review/`, building a
letter in `outputs/letters.py`, building a case in `review/cases.py`. Here they meet the folder:
its records (`results.current_records`), its lock and manifest (`OutputFolder`), the combine
step (`summary.combine_outputs`) and the history file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..judge.combine import page_slug
from ..messages import Lang, review_ui
from ..models import MunicipalityAssessment, ReviewRecord
from ..outputs.letters import (
    LETTERS,
    LETTERS_CSV,
    Draft,
    LettersResult,
    build_letter,
    default_reply_by,
    letter_kind,
    letters_csv,
    template_bytes,
)
from ..review.apply import Applied
from ..review.cases import CasesNotWritten, CasesResult, build_case, is_ours
from ..review.decisions import check_decisions, read_decisions
from ..review.log import REVIEWS, append_reviews, latest_decisions, new_records, read_reviews
from .discover import file_sha256
from .outfolder import MANIFEST, OutputFolder
from .results import NotABatchFolder, current_records
from .summary import MUNICIPALITIES, combine_outputs, group_records

# --------------------------------------------------------------------------- review apply


@dataclass(frozen=True)
class ApplyResult:
    decisions: int  # decisions in the file
    recorded: int  # of which new (recorded in reviews.jsonl now)
    applied: Applied | None  # None when nothing was new (nothing rewritten)


def apply_decisions_file(
    path: Path, out: Path, lang: Lang | None = None, history: Path | None = None
) -> ApplyResult:
    """`minutes-checker review apply`: check the decisions file against the batch in `out`,
    record its new decisions in reviews.jsonl and rewrite municipalities.jsonl, summary.csv and
    the report (and the history file, when given). Nothing is written when the file does not
    fit, or when it holds nothing new."""

    def fresh_decisions() -> tuple[list[dict[str, Any]], Lang, list[ReviewRecord], int]:
        records = current_records(out)  # NotABatchFolder for any other folder
        language: Lang = lang or records[0].get("lang", "da")
        decisions = read_decisions(path, language)
        groups = group_records(records, language)
        known = {r["path"] for r in records}
        candidates = check_decisions(decisions, groups, known, path.name, language)
        return records, language, new_records(read_reviews(out), candidates), len(candidates)

    # everything is checked before the folder is taken (a bad file touches nothing, not even
    # the lock), and again under the lock (a batch may have finished in between)
    _, _, fresh, count = fresh_decisions()
    if not fresh:
        return ApplyResult(count, 0, None)
    with OutputFolder(out) as folder:
        records, language, fresh, count = fresh_decisions()
        if not fresh:
            return ApplyResult(count, 0, None)
        append_reviews(out, fresh)
        folder.record(REVIEWS)
        folder.save()
        groups = combine_outputs(out, records, language, folder=folder, history=history)
    latest = latest_decisions(read_reviews(out))
    counted = sum(1 for record in latest.values() if record.decision != "undecided")
    checks = sum(len(g.combined.reviews) for g in groups if g.combined)
    applied = Applied(
        checks=checks,
        groups=sum(1 for g in groups if g.combined and g.combined.reviews),
        stale=counted - checks,
    )
    return ApplyResult(count, len(fresh), applied)


# --------------------------------------------------------------------------- letters


def read_assessments(out: Path) -> list[MunicipalityAssessment]:
    """municipalities.jsonl of an output folder (reviews and previous year included)."""
    path = out / MUNICIPALITIES
    if not path.is_file():
        raise NotABatchFolder(str(out))
    found = []
    for line in path.read_text(encoding="utf-8").split("\n"):  # \n alone ends a line
        if not line.strip():
            continue
        try:
            found.append(MunicipalityAssessment.model_validate_json(line))
        except (ValidationError, ValueError):
            raise NotABatchFolder(f"{MUNICIPALITIES} kan ikke læses") from None
    return found


def write_letters(
    out: Path,
    to: Path | None = None,
    *,
    date: dt.date | None = None,
    reply_by: dt.date | None = None,
    template: Path | None = None,
    lang: Lang = "da",
) -> LettersResult:
    """`minutes-checker letters`: the drafts for the batch in `out`, written to `to` (default
    `out/letters/`) with letters.csv; drafts no longer needed are removed unless a person
    changed them, and a draft a person changed is never overwritten."""
    records = {r["path"]: r for r in current_records(out)}
    assessments = read_assessments(out)
    date = date or dt.date.today()
    template_data = template_bytes(template)
    own = to is None or to.resolve() == (out / LETTERS).resolve()
    root, prefix = (out, f"{LETTERS}/") if own else (to, "")
    assert root is not None
    result = LettersResult(folder=out / LETTERS if own else root)
    with OutputFolder(root) as folder:
        keep: set[str] = set()
        for assessment in assessments:
            kind = letter_kind(assessment)
            if kind is None or assessment.map_year is None:
                continue
            slug = page_slug(
                assessment.municipality_code, assessment.municipality or "", assessment.map_year
            )
            relative = f"{prefix}{slug}.docx"
            keep.add(relative)
            draft = Draft(assessment, kind, relative)
            if folder.changed_by_someone(relative):
                draft.written = False
                result.kept.append(relative)
            else:
                answer = reply_by or default_reply_by(kind, assessment.map_year, date)
                data = build_letter(
                    assessment, kind, records, date, answer, template_data, str(out)
                )
                folder.write_bytes(relative, data)
            result.drafts.append(draft)
        result.kept += folder.remove_stale(prefix.rstrip("/"), keep, suffix=".docx")
        result.csv = folder.write_text(
            f"{prefix}{LETTERS_CSV}", letters_csv(result.drafts, prefix, lang), "utf-8-sig"
        )
        folder.save()
    return result


# --------------------------------------------------------------------------- corpus cases


def export_cases(
    decisions_path: Path,
    out: Path,
    to: Path,
    documents: Path | None = None,
    lang: Lang | None = None,
) -> CasesResult:
    """`minutes-checker review export-cases`: the labelled cases of `decisions_path` (checked
    against the batch in `out`) written to `to`; the documents are looked for in `documents`
    or where the batch read them, and must be the bytes the batch read. Nothing is written
    when any of that fails, or when a file of a case's name was not written by the tool."""
    records = current_records(out)
    language: Lang = lang or records[0].get("lang", "da")
    decisions = read_decisions(decisions_path, language)
    groups = group_records(records, language)
    by_path = {r["path"]: r for r in records}
    candidates = check_decisions(decisions, groups, by_path, decisions_path.name, language)
    root = documents or _source_root(out / MANIFEST)
    if root is None:
        raise CasesNotWritten(review_ui("no_source_root", language))
    applied = {
        (a.municipality_code, a.municipality or "", a.map_year): a for a in read_assessments(out)
    }
    by_page: dict[str, list[ReviewRecord]] = {}
    for record in candidates:
        by_page.setdefault(record.page, []).append(record)
    planned: list[tuple[Path, dict[str, Any]]] = []
    problems: list[str] = []
    result = CasesResult()
    for group in groups:
        page_records = by_page.get(group.slug)
        if not page_records:
            continue
        if not any(r.decision == "reject" for r in page_records):
            result.skipped += 1
            continue
        combined = applied.get((group.code, group.name, group.map_year)) or group.combined
        assert combined is not None
        refs = []
        for file in combined.documents:
            document = root / file
            record = by_path[file]
            if not document.is_file():
                problems.append(review_ui("document_missing", language, file=file, root=root))
            elif record.get("sha256") and file_sha256(document) != record["sha256"]:
                problems.append(review_ui("document_changed", language, file=file, root=root))
            refs.append((file, document, record))
        if not problems:
            planned.append(build_case(group, combined, page_records, refs, to, out, language))
    for path, _ in planned:
        if path.exists() and not is_ours(path):
            problems.append(review_ui("case_exists", language, name=path.name, to=to))
    if problems:
        raise CasesNotWritten("; ".join(problems[:12]))
    to.mkdir(parents=True, exist_ok=True)
    for path, data in planned:
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        os.replace(temporary, path)
        result.written.append(path)
    return result


def _source_root(manifest: Path) -> Path | None:
    """The folder the batch read its documents from (recorded in the manifest)."""
    try:
        source = json.loads(manifest.read_text(encoding="utf-8")).get("source")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(source) if source else None
