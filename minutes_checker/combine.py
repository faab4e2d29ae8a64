"""Combining the documents of one municipality and map year (CRITERIA.md §4).

The maps may be treated at two meetings, and a committee item and the council item of the same
case belong together. `combine` is pure: it takes the per-document assessments and returns the
`MunicipalityAssessment` that Ankestyrelsen's judgement is predicted from.

Semantics:

- Only documents with status "ok" decide; errors and "no_item" documents are listed, and decide
  only when nothing else exists.
- C = the documents whose `full_council` is met (all ok documents when none is).
- `full_council`: the best status over all ok documents (met > unclear > not_met).
- `all_three_maps`: per map the best detail over C (covered > weak > missing); all covered:
  met, any missing: not_met, else unclear.
- Every other check: the best status over C (met > unclear > not_met > not_applicable;
  not_applicable only when all are).
- Evidence: that of the document(s) that decided, with `Evidence.file` set.
"""

from __future__ import annotations

from collections.abc import Sequence

from .checks import predict_outcome
from .messages import MAP_NAMES, Lang, check_label, explain
from .models import (
    CHECK_IDS,
    Assessment,
    CheckId,
    CheckResult,
    ItemRef,
    MunicipalityAssessment,
    Status,
)

# Higher is better. `not_applicable` ranks lowest among real verdicts: it wins only when all are.
STATUS_RANK: dict[Status, int] = {
    "met": 4,
    "unclear": 3,
    "not_met": 2,
    "not_applicable": 1,
    "undetermined": 0,
}
MAP_RANK = {"covered": 2, "weak": 1, "missing": 0}
MAP_ORDER = ("map_social", "map_children", "map_adults")


def _with_file(result: CheckResult, file: str) -> CheckResult:
    return result.model_copy(
        update={"evidence": [e.model_copy(update={"file": file}) for e in result.evidence]}
    )


def _best(check: CheckId, docs: Sequence[Assessment]) -> CheckResult:
    """The best verdict of `check` among `docs`, with the evidence of every document that has
    that verdict (the first document, by file, gives the explanation)."""
    best_rank = max(STATUS_RANK[d.checks[check].status] for d in docs)
    deciding = [d for d in docs if STATUS_RANK[d.checks[check].status] == best_rank]
    first = _with_file(deciding[0].checks[check], deciding[0].file)
    evidence = list(first.evidence)
    for doc in deciding[1:]:
        evidence += _with_file(doc.checks[check], doc.file).evidence
    return first.model_copy(update={"evidence": evidence})


def _maps(docs: Sequence[Assessment], lang: Lang) -> CheckResult:
    check: CheckId = "all_three_maps"
    with_details = [d for d in docs if d.checks[check].details]
    if not with_details:
        return _best(check, docs)
    keys = [k for k in MAP_ORDER if any(k in d.checks[check].details for d in with_details)]
    keys += sorted({k for d in with_details for k in d.checks[check].details} - set(keys))
    details: dict[str, str] = {}
    deciding: list[Assessment] = []
    for key in keys:
        values = [(MAP_RANK.get(d.checks[check].details.get(key, "missing"), 0), d) for d in docs]
        rank = max(r for r, _ in values)
        details[key] = next(name for name, r in MAP_RANK.items() if r == rank)
        if rank > 0:
            deciding += [d for r, d in values if r == rank and d not in deciding]
    evidence = [
        e for d in sorted(deciding, key=lambda d: d.file)
        for e in _with_file(d.checks[check], d.file).evidence
    ]  # fmt: skip

    def names(value: str) -> list[str]:
        return [MAP_NAMES[k][lang] if k in MAP_NAMES else k for k in keys if details[k] == value]

    covered, weak, missing = names("covered"), names("weak"), names("missing")
    status: Status
    if missing:
        status, text = "not_met", explain(f"{check}.missing", lang, missing=", ".join(missing))
    elif weak:
        status, text = "unclear", explain(f"{check}.weak", lang, weak=", ".join(weak))
    else:
        status = "met"
        text = explain(f"{check}.all", lang, count=len(covered), maps=", ".join(covered))
    return CheckResult(
        status=status,
        label=check_label(check, lang),
        explanation=text,
        evidence=evidence,
        details=details,
    )


def combine(
    documents: Sequence[Assessment],
    lang: Lang = "da",
    municipality: str | None = None,
    municipality_code: int | None = None,
    map_year: int | None = None,
) -> MunicipalityAssessment:
    """One verdict per check for a municipality and map year from all its documents."""
    if not documents:
        raise ValueError("combine() needs at least one document")
    docs = sorted(documents, key=lambda d: d.file)
    ok = [d for d in docs if d.status == "ok"]
    if municipality is None:
        municipality = next((d.municipality for d in docs if d.municipality), None)
    if municipality_code is None:
        municipality_code = next((d.municipality_code for d in docs if d.municipality_code), None)
    if map_year is None:
        map_year = next((d.map_year for d in ok if d.map_year), None)
    checks: dict[CheckId, CheckResult]
    if ok:
        council = [d for d in ok if d.checks["full_council"].status == "met"]
        core = council or ok
        checks = {"full_council": _best("full_council", ok)}
        for check in CHECK_IDS:
            if check == "full_council":
                continue
            checks[check] = _maps(core, lang) if check == "all_three_maps" else _best(check, core)
    else:
        fallback = [d for d in docs if d.status == "no_item"] or docs
        checks = {
            check: _with_file(fallback[0].checks[check], fallback[0].file) for check in CHECK_IDS
        }
    items = [
        ItemRef(
            number=item.number,
            title=item.title,
            page_start=item.page_start,
            page_end=item.page_end,
            file=doc.file,
        )
        for doc in ok
        for item in doc.items
    ]
    return MunicipalityAssessment(
        municipality=municipality,
        municipality_code=municipality_code,
        map_year=map_year,
        documents=[d.file for d in docs],
        items=items,
        checks=checks,
        outcome=predict_outcome(checks, lang),
    )
