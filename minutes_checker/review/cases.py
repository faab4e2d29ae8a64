"""Reviewed real minutes as labelled cases (`minutes-checker review export-cases`; the files are
found, checked and written by `batch.followup.export_cases`).

For every municipality and map year in which a reviewer corrected a verdict, one case in the
corpus's `expected.json` format (corpus/README.md), written to DIR:

- a group of one document: `<id>.expected.json`, where `<id>` follows the corpus convention
  (`<short name>-<map year>-<hint>`, here `herning-2023-gennemgaaet-1a2b3c4d`: the hint names
  the review and the first letters of the document's hash). `file` *refers* to the reviewed
  document (a path relative to DIR; the absolute path and hash are in `source`): real minutes
  are not copied into the corpus. `minutes-checker evaluate DIR --split reviewed` reads it.
- a group of several documents (the maps treated at two meetings): `<id>.group.json`, the
  labels of the group as a whole with the documents it consists of, like `corpus/combined.yaml`.
  `evaluate` scores single documents only, so such a group is kept for the record (and for
  `tests/test_combine.py`-style checks), not scored.

The labels: for a check a reviewer decided on, the reviewer's status (corrected or agreed,
from the decisions file, else from `reviews.jsonl`); for a check no reviewer decided on, the
tool's own verdict, listed in `labels.unreviewed` (those labels can only agree with the tool:
read a reviewed split's figures per check with that in mind). The outcome is recomputed from
those statuses by CRITERIA.md §5; `rationale` holds the reviewers' comments. No structure
(`meeting`, `items` with sections) is written: nobody reviewed it.

A case file already in DIR is replaced only when minutes-checker wrote it (its `source.kind` is
`reviewed`); any other file of that name stops the export before anything is written.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..judge.checks import CHECK_IDS
from ..judge.combine import Group
from ..judge.outcome import predict_outcome
from ..messages import Lang
from ..models import CheckResult, MunicipalityAssessment, ReviewRecord
from ..municipalities import by_code, slugify

SPLIT = "reviewed"
SOURCE_KIND = "reviewed"
HINT = "gennemgaaet"


class CasesNotWritten(InputError):
    code = "cases_not_written"
    message_da = "de mærkede sager kan ikke skrives; intet er skrevet"
    message_en = "the labelled cases cannot be written; nothing was written"


@dataclass
class CasesResult:
    written: list[Path] = field(default_factory=list)
    skipped: int = 0  # pages in the file without a corrected verdict


def is_ours(path: Path) -> bool:
    """A case file minutes-checker wrote (and may replace)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and (data.get("source") or {}).get("kind") == SOURCE_KIND


def build_case(
    group: Group,
    combined: MunicipalityAssessment,
    page_records: list[ReviewRecord],
    refs: list[tuple[str, Path, dict[str, Any]]],
    to: Path,
    out: Path,
    lang: Lang,
) -> tuple[Path, dict[str, Any]]:
    """The case file of one group: where it goes and what it holds."""
    statuses = {check: combined.checks[check].status for check in CHECK_IDS}
    reviewed: dict[str, str] = {}
    for check, review in combined.reviews.items():
        statuses[check] = review.status
        reviewed[check] = review.decision
    comments = []
    for record in sorted(page_records, key=lambda r: r.decided_at):
        if record.decision == "undecided" or record.reviewed_status is None:
            continue
        statuses[record.check] = record.reviewed_status
        reviewed[record.check] = record.decision
        if record.comment:
            comments.append(f"{record.check}: {record.comment} ({record.reviewer})")
    corrected = sorted(c for c in reviewed if statuses[c] != combined.checks[c].status)
    checks = {
        check: CheckResult(
            status=statuses[check],  # type: ignore[arg-type]
            label=combined.checks[check].label,
            explanation=combined.checks[check].explanation,
        )
        for check in CHECK_IDS
    }
    outcome = predict_outcome(checks, lang)
    municipality = by_code(group.code) if group.code else None
    short = slugify(municipality.short_name if municipality else group.name)
    first = refs[0][2].get("sha256") or "0" * 8
    case_id = f"{short}-{group.map_year or 'ukendt'}-{HINT}-{first[:8]}"
    labels = {
        "map_year": group.map_year,
        "items": sorted({i.number for i in combined.items}),
        "checks": statuses,
        "outcome": outcome.id,
        "rationale": " ".join(comments) or "Rettet ved gennemgang.",
        "reviewed": sorted(reviewed),
        "corrected": corrected,
        "unreviewed": [c for c in CHECK_IDS if c not in reviewed],
        "predicted": {check: combined.checks[check].status for check in CHECK_IDS},
    }
    source = {
        "kind": SOURCE_KIND,
        "batch": str(out.resolve()),
        "page": group.slug,
        "reviewers": sorted({r.reviewer for r in page_records if r.reviewer}),
        "documents": [
            {"file": file, "path": str(path.resolve()), "sha256": record.get("sha256")}
            for file, path, record in refs
        ],
    }
    municipality_name = municipality.official_name if municipality else group.name
    if len(refs) == 1:
        _, path, record = refs[0]
        data: dict[str, Any] = {
            "id": case_id,
            "file": os.path.relpath(path.resolve(), to.resolve()),
            "format": record.get("format"),
            "split": SPLIT,
            "municipality": municipality_name,
            "municipality_code": group.code,
            "labels": labels,
            "source": source,
        }
        return to / f"{case_id}.expected.json", data
    data = {
        "id": f"{short}-{group.map_year or 'ukendt'}-{HINT}",
        "municipality": municipality_name,
        "municipality_code": group.code,
        "map_year": group.map_year,
        "split": SPLIT,
        "cases": [os.path.relpath(path.resolve(), to.resolve()) for _, path, _ in refs],
        "checks": statuses,
        "outcome": outcome.id,
        "rationale": labels["rationale"],
        "reviewed": labels["reviewed"],
        "corrected": corrected,
        "unreviewed": labels["unreviewed"],
        "source": source,
    }
    return to / f"{data['id']}.group.json", data


__all__ = ["CasesNotWritten", "CasesResult", "build_case", "is_ours"]
