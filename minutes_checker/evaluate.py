"""How often the checker agrees with a careful human reviewer, on a labelled folder.

A labelled folder holds rendered minutes next to `<id>.expected.json` files whose `labels` give
the reviewer's status for every check and the outcome (see corpus/README.md).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel, Field

from .judge.checks import CHECK_IDS
from .models import Assessment
from .pipeline import assess_file

STATUSES = ("met", "not_met", "unclear", "not_applicable", "undetermined")


class Disagreement(BaseModel):
    file: str
    split: str
    check: str
    expected: str
    got: str
    explanation: str = ""
    conventions: list[str] = Field(default_factory=list)


class ConventionScore(BaseModel):
    """How the documents tagged with one convention of CRITERIA.md (corpus/conventions.yaml)
    fare: fully right means every check and the outcome as labelled."""

    documents: int = 0
    fully_right: int = 0
    by_split: dict[str, list[int]] = Field(
        default_factory=dict, description="split -> [fully right, documents]"
    )

    @property
    def accuracy(self) -> float:
        return self.fully_right / self.documents if self.documents else 1.0


class CheckScore(BaseModel):
    total: int = 0
    correct: int = 0
    confusion: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="expected status -> got status -> count"
    )

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


class SplitReport(BaseModel):
    split: str
    documents: int
    checks: dict[str, CheckScore]
    outcome: CheckScore
    evidence_met: int = Field(0, description="met verdicts with evidence from labelled items")
    evidence_met_right_item: int = 0
    evidence_wrong_item: list[str] = Field(default_factory=list)

    @property
    def evidence_share(self) -> float:
        return self.evidence_met_right_item / self.evidence_met if self.evidence_met else 1.0


class Evaluation(BaseModel):
    splits: dict[str, SplitReport]
    disagreements: list[Disagreement]
    conventions: dict[str, ConventionScore] = Field(default_factory=dict)


def labelled_files(directory: Path) -> list[tuple[Path, dict[str, object]]]:
    out = []
    for expected in sorted(directory.rglob("*.expected.json")):
        data = json.loads(expected.read_text(encoding="utf-8"))
        # `file` is a name beside the expected.json, or a path from its folder to a document
        # kept elsewhere (a reviewed real referat: `review export-cases`)
        document = expected.parent / str(data.get("file") or "")
        if data.get("labels") and document.is_file():
            out.append((document, data))
    return out


def _score(score: CheckScore, expected: str, got: str) -> None:
    score.total += 1
    score.correct += expected == got
    row = score.confusion.setdefault(expected, {})
    row[got] = row.get(got, 0) + 1


def evaluate(
    directory: Path,
    splits: Iterable[str] = ("dev", "heldout"),
    progress: Callable[[Path], None] | None = None,
) -> Evaluation:
    wanted = set(splits)
    reports: dict[str, SplitReport] = {}
    disagreements: list[Disagreement] = []
    conventions: dict[str, ConventionScore] = {}
    for path, data in labelled_files(directory):
        split = str(data.get("split", "dev"))
        if split not in wanted:
            continue
        if progress:
            progress(path)
        labels: dict[str, object] = data["labels"]  # type: ignore[assignment]
        assessment = assess_file(path).assessment
        report = reports.setdefault(
            split,
            SplitReport(
                split=split,
                documents=0,
                checks={c: CheckScore() for c in CHECK_IDS},
                outcome=CheckScore(),
            ),
        )
        report.documents += 1
        tags = [str(tag) for tag in labels.get("conventions") or []]  # type: ignore[attr-defined]
        before = len(disagreements)
        expected_checks: dict[str, str] = labels["checks"]  # type: ignore[assignment]
        for check in CHECK_IDS:
            expected, got = expected_checks[check], assessment.checks[check].status
            _score(report.checks[check], expected, got)
            if expected != got:
                disagreements.append(
                    Disagreement(
                        file=path.name,
                        split=split,
                        check=check,
                        expected=expected,
                        got=got,
                        explanation=assessment.checks[check].explanation,
                        conventions=tags,
                    )
                )
        expected_outcome = str(labels["outcome"])
        _score(report.outcome, expected_outcome, assessment.outcome.id)
        if expected_outcome != assessment.outcome.id:
            disagreements.append(
                Disagreement(
                    file=path.name,
                    split=split,
                    check="outcome",
                    expected=expected_outcome,
                    got=assessment.outcome.id,
                    conventions=tags,
                )
            )
        right = len(disagreements) == before
        for tag in tags:
            score = conventions.setdefault(tag, ConventionScore())
            score.documents += 1
            score.fully_right += right
            counts = score.by_split.setdefault(split, [0, 0])
            counts[0] += right
            counts[1] += 1
        _score_evidence(report, path, assessment, [str(i) for i in labels.get("items", [])])  # type: ignore[attr-defined]
    return Evaluation(
        splits=reports, disagreements=disagreements, conventions=dict(sorted(conventions.items()))
    )


def _score_evidence(
    report: SplitReport, path: Path, assessment: Assessment, items: list[str]
) -> None:
    """Every `met` verdict's text evidence must come from a labelled danmarkskort item."""
    for check, result in assessment.checks.items():
        if result.status != "met":
            continue
        for evidence in result.evidence:
            if evidence.rule.startswith("structure.") or evidence.item is None:
                continue  # read from the meeting header, not from an item's text
            report.evidence_met += 1
            if evidence.item in items or (not items and evidence.item == ""):
                report.evidence_met_right_item += 1
            else:
                report.evidence_wrong_item.append(
                    f"{path.name}: {check} quotes item {evidence.item} ({evidence.rule})"
                )


HELD_OUT = "heldout"  # a split whose disagreements are only shown when asked for


def render_text(
    evaluation: Evaluation,
    details: bool = True,
    by_convention: bool = False,
    show_held_out: bool = False,
) -> str:
    """The figures per split, with the confusions (expected → found, as counts); with
    `details`, every disagreement too, but those of the held-out split only with
    `show_held_out` (they stay unread by the people who write the rules); with
    `by_convention`, the figures per convention of CRITERIA.md (corpus/conventions.yaml)."""
    lines: list[str] = []
    for split, report in sorted(evaluation.splits.items()):
        lines.append(f"== {split}: {report.documents} dokumenter ==")
        lines.append(f"{'tjek':<22} {'nøjagtighed':>11}  rigtige/i alt")
        for check, score in report.checks.items():
            lines.append(f"{check:<22} {score.accuracy:>10.1%}  {score.correct}/{score.total}")
        outcome = report.outcome
        lines.append(f"{'udfald':<22} {outcome.accuracy:>10.1%}  {outcome.correct}/{outcome.total}")
        lines.append(
            f"{'evidens fra rette punkt':<22} {report.evidence_share:>10.1%}  "
            f"{report.evidence_met_right_item}/{report.evidence_met}"
        )
        lines.append("Forveksling (forventet → fundet):")
        for check, score in [*report.checks.items(), ("outcome", outcome)]:
            cells = [
                f"{exp}→{got}:{n}"
                for exp, row in sorted(score.confusion.items())
                for got, n in sorted(row.items())
                if exp != got
            ]
            if cells:
                lines.append(f"  {check:<22} " + "  ".join(cells))
        if details and (split != HELD_OUT or show_held_out):
            for wrong in report.evidence_wrong_item:
                lines.append(f"  forkert punkt: {wrong}")
        lines.append("")
    if by_convention and evaluation.conventions:
        lines.append("== pr. konvention (CRITERIA.md §3 og §5) ==")
        lines.append(f"{'konvention':<40} {'helt rigtige':>12}  pr. del")
        for tag, score in evaluation.conventions.items():
            parts = "  ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(score.by_split.items()))
            lines.append(
                f"{tag:<40} {score.accuracy:>11.0%}  {score.fully_right}/{score.documents}  "
                f"({parts})"
            )
        lines.append("")
    shown = [
        d for d in evaluation.disagreements if details and (d.split != HELD_OUT or show_held_out)
    ]
    if shown:
        lines.append("Uenigheder:")
        for d in shown:
            tags = f"  [{', '.join(d.conventions)}]" if by_convention and d.conventions else ""
            lines.append(
                f"  [{d.split}] {d.file}: {d.check}: forventet {d.expected}, fik {d.got}{tags}"
            )
    counts = Counter(d.split for d in evaluation.disagreements)
    lines.append(
        "I alt uenigheder: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "0")
    )
    return "\n".join(lines)


def accuracy_table(evaluation: Evaluation) -> dict[str, dict[str, float]]:
    """split -> check (and 'outcome') -> accuracy; what the CI floor is held against."""
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for split, report in evaluation.splits.items():
        for check, score in report.checks.items():
            table[split][check] = score.accuracy
        table[split]["outcome"] = report.outcome.accuracy
    return dict(table)
