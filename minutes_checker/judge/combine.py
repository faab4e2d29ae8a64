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

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..messages import MAP_NAMES, Lang, check_label, explain
from ..models import Assessment, CheckResult, ItemRef, MunicipalityAssessment, Status
from ..municipalities import slugify
from .checks import CHECK_IDS
from .outcome import predict_outcome

# Higher is better. `not_applicable` ranks lowest among real verdicts: it wins only when all are.
STATUS_RANK: dict[Status, int] = {
    "met": 4,
    "unclear": 3,
    "not_met": 2,
    "not_applicable": 1,
    "undetermined": 0,
}
MAP_RANK = {"covered": 2, "weak": 1, "earlier": 1, "missing": 0}
MAP_ORDER = ("map_social", "map_children", "map_adults")


def _with_file(result: CheckResult, file: str) -> CheckResult:
    return result.model_copy(
        update={"evidence": [e.model_copy(update={"file": file}) for e in result.evidence]}
    )


def _best(check: str, docs: Sequence[Assessment]) -> CheckResult:
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
    check: str = "all_three_maps"
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
    checks: dict[str, CheckResult]
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


@dataclass
class Group:
    """The documents of one municipality and map year, and their combined assessment."""

    code: int | None
    name: str
    map_year: int | None
    documents: list[Assessment] = field(default_factory=list)
    combined: MunicipalityAssessment | None = None

    @property
    def slug(self) -> str:
        return page_slug(self.code, self.name, self.map_year)


def page_slug(code: int | None, name: str, map_year: int | None) -> str:
    """The name of a municipality and map year's page in the report (and its link in the CSV)."""
    return f"{code or 0:03d}-{slugify(name)}-{map_year or 'ukendt'}"


def group_assessments(
    entries: Iterable[tuple[Assessment, int | None, str]], lang: Lang = "da"
) -> list[Group]:
    """Municipality and map year groups of (assessment, municipality code, name) entries, sorted
    by name and year. A document without a map year (unreadable, or no item) joins every group
    of its municipality; alone it forms its own."""
    by_municipality: dict[tuple[int | None, str], list[tuple[Assessment, int | None]]] = (
        defaultdict(list)
    )
    for assessment, code, name in sorted(entries, key=lambda entry: entry[0].file):
        year = assessment.map_year if assessment.status == "ok" else None
        by_municipality[(code, name)].append((assessment, year))
    groups: list[Group] = []
    for (code, name), docs in by_municipality.items():
        years = sorted({y for _, y in docs if y is not None})
        yearless = [a for a, y in docs if y is None]
        for year in years:
            group = Group(code, name, year, [a for a, y in docs if y == year] + yearless)
            groups.append(group)
        if not years:
            groups.append(Group(code, name, None, yearless))
    for group in groups:
        group.documents.sort(key=lambda a: a.file)
        group.combined = combine(
            group.documents,
            lang,
            municipality=group.name,
            municipality_code=group.code,
            map_year=group.map_year,
        )
    return sorted(groups, key=lambda g: (g.name.casefold(), g.map_year or 0))
