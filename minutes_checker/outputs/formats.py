"""Assessments as people and scripts read them: text (Danish by default), json, jsonl, line."""

from __future__ import annotations

import json
from collections.abc import Iterable

import click

from ..judge.checks import SOFT_CHECKS
from ..messages import ADVICE, Lang, status_label, ui
from ..models import Assessment, CheckResult

FORMATS = ("text", "json", "jsonl", "line")
SYMBOLS = {"met": "✓", "not_met": "✗", "unclear": "?", "not_applicable": "–", "undetermined": "?"}
COLOURS = {
    "met": "green",
    "not_met": "red",
    "unclear": "yellow",
    "not_applicable": "bright_black",
    "undetermined": "yellow",
}


def passed(assessment: Assessment) -> bool:
    """A pre-check passes when every check is met (or does not apply); soft checks are
    reported but never fail it."""
    return assessment.status == "ok" and all(
        result.status in ("met", "not_applicable")
        for check, result in assessment.checks.items()
        if check not in SOFT_CHECKS
    )


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _decisive_quote(result: CheckResult, lang: Lang) -> str | None:
    if not result.evidence:
        return None
    wanted = "supports" if result.status == "met" else "contradicts"
    evidence = next((e for e in result.evidence if e.polarity == wanted), result.evidence[0])
    page = f"{ui('page', lang)} {evidence.page}: " if evidence.page else ""
    return f"{page}»{_one_line(evidence.quote)}«"


def render_text(assessment: Assessment, lang: Lang = "da") -> str:
    """The pre-check a secretariat reads: one verdict per check, the decisive quote, advice."""
    unknown = ui("unknown", lang)
    lines = [click.style(f"{ui('file', lang)}: {assessment.file}", bold=True)]
    if assessment.status == "error" and assessment.error:
        lines.append(click.style(f"{ui('error', lang)}: {assessment.error.message}", fg="red"))
        return "\n".join(lines)
    municipality = assessment.municipality or unknown
    if assessment.municipality_code:
        municipality += f" ({assessment.municipality_code})"
    kind = ui(assessment.body_kind, lang) if assessment.body_kind != "unknown" else unknown
    date = assessment.meeting_date.strftime("%d-%m-%Y") if assessment.meeting_date else unknown
    lines.append(f"{ui('municipality', lang)}: {municipality}")
    lines.append(
        f"{ui('body', lang)}: {assessment.body or unknown} ({kind})   {ui('date', lang)}: {date}"
    )
    if assessment.map_year:
        lines.append(f"{ui('map_year', lang)}: {assessment.map_year} ({assessment.map_year_basis})")
    elif assessment.map_year_basis:
        lines.append(f"{ui('map_year', lang)}: {ui('unknown', lang)} ({assessment.map_year_basis})")
    for item in assessment.items:
        number = f"{item.number}. " if item.number else ""
        pages = f"{item.page_start}" + (
            f"-{item.page_end}" if item.page_end != item.page_start else ""
        )
        lines.append(f"{ui('items', lang)}: {number}{item.title} ({ui('page', lang)} {pages})")
    if assessment.status == "no_item":
        lines.append(click.style(ui("no_item", lang), fg="red"))
    lines.append("")
    for check, result in assessment.checks.items():
        symbol = click.style(SYMBOLS[result.status], fg=COLOURS[result.status], bold=True)
        lines.append(f"{symbol} {result.label}: {status_label(result.status, lang)}")
        lines.append(f"    {result.explanation}")
        quote = _decisive_quote(result, lang)
        if quote:
            lines.append(f"    {quote}")
        if result.status in ("not_met", "unclear") and assessment.status == "ok":
            lines.append(f"    {ui('add', lang)}: {ADVICE[check][lang]}")
    lines.append("")
    outcome = assessment.outcome
    colour = "green" if outcome.id == "no_further_action" else "yellow"
    lines.append(click.style(f"{ui('outcome', lang)}: {outcome.label}", fg=colour, bold=True))
    return "\n".join(lines)


def render_lines(assessment: Assessment, lang: Lang = "da") -> list[str]:
    """`file:page: check: status: message` per check, for scripts and editors."""
    if assessment.status == "error" and assessment.error:
        return [f"{assessment.file}:0: file: error: {assessment.error.message}"]
    first_page = assessment.items[0].page_start if assessment.items else 1
    out = []
    for check, result in assessment.checks.items():
        page = next((e.page for e in result.evidence if e.page), first_page)
        out.append(
            f"{assessment.file}:{page}: {check}: {result.status}: {_one_line(result.explanation)}"
        )
    outcome = assessment.outcome
    out.append(f"{assessment.file}:{first_page}: outcome: {outcome.id}: {outcome.label}")
    return out


def render(assessments: Iterable[Assessment], fmt: str, lang: Lang = "da") -> str:
    items = list(assessments)
    if fmt == "json":
        data = [a.model_dump(mode="json") for a in items]
        return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(a.model_dump_json() for a in items)
    if fmt == "line":
        return "\n".join(line for a in items for line in render_lines(a, lang))
    return "\n\n".join(render_text(a, lang) for a in items)
