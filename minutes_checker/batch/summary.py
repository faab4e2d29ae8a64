"""What a batch writes when every file is done: the documents grouped per municipality and map
year (`municipalities.jsonl`), the table caseworkers sort (`summary.csv`), the report, and the
closing summary on the terminal."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..judge.checks import CHECK_IDS
from ..judge.combine import Group, group_assessments, page_slug
from ..messages import Lang, batch_ui, check_label, outcome_label, status_label
from ..models import MunicipalityAssessment, PreviousYear
from ..outputs.report import render_report
from ..review.apply import apply_reviews
from ..review.log import read_reviews
from .history import History
from .outfolder import OutputFolder
from .progress import format_duration
from .results import EXCERPTS, read_excerpts, record_assessment

MUNICIPALITIES = "municipalities.jsonl"
SUMMARY = "summary.csv"
REPORT = "report"
LETTER_OUTCOMES = ("deadline_reminder", "request_action_plan_decision")


@dataclass
class BatchResult:
    files: int
    assessed_now: int
    skipped: int
    groups: list[Group]
    records: list[dict[str, Any]]
    seconds: float
    out: Path


def group_records(records: list[dict[str, Any]], lang: Lang = "da") -> list[Group]:
    """The batch's records grouped per municipality (as resolved) and map year."""
    unknown = batch_ui("unknown_municipality", lang)
    return group_assessments(
        (
            (
                record_assessment(record).model_copy(update={"file": record["path"]}),
                record.get("municipality_code_resolved"),
                record.get("municipality_resolved") or unknown,
            )
            for record in records
        ),
        lang,
    )


def municipalities_jsonl(groups: list[Group]) -> str:
    """One combined assessment per municipality and map year, one JSON object a line."""
    return "".join(g.combined.model_dump_json() + "\n" for g in groups if g.combined is not None)


def summary_csv(groups: list[Group], lang: Lang = "da") -> str:
    """The caseworkers' table; written with a BOM and `;`, what Danish Excel opens cleanly.

    Per check the predicted status, then the reviewed status (empty when no reviewer decided on
    it); the reviewers; the previous map year and its outcome; the outcome after review (empty
    without reviews); the predicted outcome, the number of documents and the report page."""
    handle = io.StringIO()
    writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            batch_ui("csv_code", lang),
            batch_ui("csv_municipality", lang),
            batch_ui("csv_map_year", lang),
            *(check_label(c, lang) for c in CHECK_IDS),
            *(batch_ui("csv_reviewed", lang, label=check_label(c, lang)) for c in CHECK_IDS),
            batch_ui("csv_reviewers", lang),
            batch_ui("csv_previous_year", lang),
            batch_ui("csv_previous_outcome", lang),
            batch_ui("csv_reviewed_outcome", lang),
            batch_ui("csv_outcome", lang),
            batch_ui("csv_documents", lang),
            batch_ui("csv_report", lang),
        ]
    )
    for group in groups:
        combined = group.combined
        assert combined is not None
        reviews = combined.reviews
        previous = combined.previous
        writer.writerow(
            [
                group.code or "",
                group.name,
                group.map_year or "",
                *(status_label(combined.checks[c].status, lang) for c in CHECK_IDS),
                *(status_label(reviews[c].status, lang) if c in reviews else "" for c in CHECK_IDS),
                ", ".join(sorted({r.reviewer for r in reviews.values()})),
                previous.map_year if previous else "",
                previous.label if previous else "",
                combined.reviewed_outcome.label if combined.reviewed_outcome else "",
                combined.outcome.label,
                len(combined.documents),
                f"{REPORT}/{group.slug}.html",
            ]
        )
    return handle.getvalue()


def previous_years(
    groups: list[Group], history: History | None, earlier: dict[str, PreviousYear], lang: Lang
) -> None:
    """Set each group's previous map year: the latest earlier map year of the municipality in
    the history file when one is given (which holds this batch's groups too), else in this batch,
    else what the outputs showed before (`earlier`, by page: `review apply` without the
    history file keeps what the batch found)."""
    for group in groups:
        combined = group.combined
        if combined is None or group.map_year is None:
            continue
        found: PreviousYear | None = None
        if history is not None and group.code:
            found = history.previous(group.code, group.map_year, lang)
        if found is None:
            own = [
                g
                for g in groups
                if g.code == group.code
                and g.name == group.name
                and g.map_year is not None
                and g.map_year < group.map_year
                and g.combined is not None
            ]
            if own:
                last = max(own, key=lambda g: g.map_year or 0)
                assert last.combined is not None
                outcome = last.combined.final_outcome
                found = PreviousYear(
                    map_year=last.map_year or 0,
                    outcome=outcome.id,
                    label=outcome.label,
                    reviewed=last.combined.reviewed_outcome is not None,
                )
        if found is None:
            found = earlier.get(group.slug)
        group.combined = combined.model_copy(update={"previous": found})


def _earlier_previous(out: Path) -> dict[str, PreviousYear]:
    """The previous map years the outputs in `out` show now, by page."""
    path = out / MUNICIPALITIES
    found: dict[str, PreviousYear] = {}
    if not path.exists():
        return found
    for line in path.read_text(encoding="utf-8").split("\n"):  # \n alone ends a line
        try:
            combined = MunicipalityAssessment.model_validate_json(line)
        except (ValidationError, ValueError):
            continue
        if combined.previous is not None:
            name = combined.municipality or ""
            slug = page_slug(combined.municipality_code, name, combined.map_year)
            found[slug] = combined.previous
    return found


# --------------------------------------------------------------------------- the batch


def combine_outputs(
    out: Path,
    records: list[dict[str, Any]],
    lang: Lang = "da",
    folder: OutputFolder | None = None,
    history: Path | None = None,
) -> list[Group]:
    """The combine step after every file is assessed: municipalities.jsonl, summary.csv and the
    report from the records (`make_record`) and the excerpts in `out/excerpts/`, with the
    reviewers' decisions recorded in `out/reviews.jsonl` beside the predicted verdicts, and the
    previous map year's outcome beside this year's (from `history`, a SQLite file where the
    groups are also stored, when given).

    The files can be assessed anywhere (`assess_job` is a pure function of one file): forked
    children here, or a Dask cluster (see the README); this step needs only the records. It
    writes only files the tool owns (`OutputFolder`), taking the folder's lock unless the
    caller holds it.
    """
    if folder is None:
        with OutputFolder(out) as own:
            return combine_outputs(out, records, lang, own, history)
    records = sorted(records, key=lambda r: r["path"])
    groups = group_records(records, lang)
    apply_reviews(groups, read_reviews(out), lang)
    earlier = _earlier_previous(out)
    if history is not None:
        with History(history) as store:
            store.store(groups, out, records[0].get("run") if records else None)
            previous_years(groups, store, earlier, lang)
    else:
        previous_years(groups, None, earlier, lang)
    folder.write_text(MUNICIPALITIES, municipalities_jsonl(groups))
    folder.write_text(SUMMARY, summary_csv(groups, lang), encoding="utf-8-sig")
    excerpts = {
        r["path"]: read_excerpts(out / EXCERPTS, r["sha256"], r["path"])
        for r in records
        if r.get("sha256")
    }
    pages = render_report(groups, records, excerpts, lang)
    for name, page in pages.items():
        folder.write_text(f"{REPORT}/{name}", page)
    folder.remove_stale(REPORT, {f"{REPORT}/{name}" for name in pages})
    folder.save()
    return groups


def summary_text(
    result: BatchResult, jobs: int, lang: Lang = "da", cluster: str | None = None
) -> str:
    """The closing summary: municipalities per outcome, failed files by reason, total time."""
    outcomes = Counter(g.combined.outcome.id for g in result.groups if g.combined)
    order = [
        "no_further_action",
        "deadline_reminder",
        "request_action_plan_decision",
        "manual_review",
        "undetermined",
    ]
    parts = [
        batch_ui("summary_outcome", lang, count=outcomes[o], label=outcome_label(o, lang).lower())
        for o in order
        if outcomes[o]
    ]
    letters = sum(outcomes[o] for o in LETTER_OUTCOMES)
    lines = [batch_ui("summary_title", lang)]
    lines.append(batch_ui("summary_groups", lang, count=len(result.groups), parts=", ".join(parts)))
    if letters:
        lines.append(batch_ui("summary_letters", lang, count=letters))
    failed = [r for r in result.records if r.get("status") == "error"]
    lines.append(batch_ui("summary_files", lang, count=len(result.records), failed=len(failed)))
    by_code: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in failed:
        error = record.get("error") or {}
        by_code[error.get("code", "unreadable")].append(record)
    for code, records in sorted(by_code.items()):
        # each distinct reason once, with the files it was given for
        by_message: dict[str, list[str]] = defaultdict(list)
        for record in records:
            by_message[(record.get("error") or {}).get("message", "")].append(record["path"])
        for message, paths in by_message.items():
            names = ", ".join(paths[:3]) + (" …" if len(paths) > 3 else "")
            lines.append(
                batch_ui(
                    "summary_error",
                    lang,
                    count=len(paths),
                    code=code,
                    message=message,
                    files=names,
                )
            )
    time = format_duration(result.seconds, lang)
    if cluster is not None:
        lines.append(batch_ui("summary_time_cluster", lang, time=time, cluster=cluster))
    else:
        key = "summary_time_one" if jobs == 1 else "summary_time"
        lines.append(batch_ui(key, lang, time=time, jobs=jobs))
    lines.append(batch_ui("summary_outputs", lang, out=result.out))
    lines.append(batch_ui("summary_report", lang, path=result.out / REPORT / "index.html"))
    return "\n".join(lines)
