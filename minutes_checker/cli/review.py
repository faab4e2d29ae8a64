"""`minutes-checker review apply | export-cases`: a reviewer's decisions, exported from the
report, read back into the output folder and into the corpus."""

from __future__ import annotations

from pathlib import Path

import click

from ..messages import review_ui
from .danish import DanishGroup, PathType
from .danish import lang as current_lang

HISTORY_OPTION = click.option(
    "--history",
    type=PathType(dir_okay=False),
    default=None,
    envvar="MINUTES_CHECKER_HISTORY",
    help="Historikfil (SQLite), hvor også udfaldet efter gennemgang gemmes "
    "(standard: $MINUTES_CHECKER_HISTORY).",
)


@click.group("review", cls=DanishGroup)
def review() -> None:
    """Læs vurderingerne fra rapporten tilbage (eksporteret som JSON)."""


@review.command("apply")
@click.argument("decisions", type=PathType(exists=True, dir_okay=False))
@click.option(
    "--out",
    required=True,
    type=PathType(exists=True, file_okay=False),
    help="Resultatmappen fra minutes-checker batch.",
)
@HISTORY_OPTION
def apply(decisions: Path, out: Path, history: Path | None) -> None:
    """Registrér vurderingerne i DECISIONS i OUT/reviews.jsonl, og skriv municipalities.jsonl,
    summary.csv og rapporten igen med den gennemgåede vurdering ved siden af den forventede.

    At anvende den samme fil to gange ændrer intet. En vurdering af en side, fil eller et tjek,
    som kørslen ikke kender, eller en fil, der ikke er en vurderingsfil, giver exitkode 2, og
    intet skrives.
    """
    from ..batch.followup import apply_decisions_file
    from ..review.log import REVIEWS

    lang = current_lang()
    result = apply_decisions_file(decisions, out, history=history)
    if result.applied is None:
        click.echo(review_ui("nothing_new", lang, name=decisions.name, decisions=result.decisions))
        return
    applied = result.applied
    click.echo(
        review_ui(
            "applied",
            lang,
            recorded=result.recorded,
            decisions=result.decisions,
            log=out / REVIEWS,
            checks=applied.checks,
            groups=applied.groups,
        )
    )
    if applied.stale:
        click.echo(review_ui("stale", lang, count=applied.stale))
    click.echo(review_ui("rewritten", lang, out=out))


@review.command("export-cases")
@click.argument("decisions", type=PathType(exists=True, dir_okay=False))
@click.option(
    "--out",
    required=True,
    type=PathType(exists=True, file_okay=False),
    help="Resultatmappen fra minutes-checker batch.",
)
@click.option(
    "--to",
    "to",
    required=True,
    type=PathType(file_okay=False),
    help="Mappe til de mærkede sager (<id>.expected.json).",
)
@click.option(
    "--documents",
    type=PathType(exists=True, file_okay=False),
    default=None,
    help="Mappen med referaterne, hvis den er flyttet siden kørslen (standard: den mappe, "
    "batch læste).",
)
def export_cases(decisions: Path, out: Path, to: Path, documents: Path | None) -> None:
    """Skriv en mærket sag i korpusformatet for hver kommune og kortår, hvor en vurdering er
    rettet i DECISIONS: henvisning til referatet (ikke en kopi), de gennemgåede vurderinger og
    bemærkningen som begrundelse. Mål dem med `minutes-checker evaluate DIR --split reviewed`.
    """
    from ..batch.followup import export_cases as run

    lang = current_lang()
    result = run(decisions, out, to, documents=documents, lang=lang)
    click.echo(
        review_ui("cases_written", lang, count=len(result.written), to=to, skipped=result.skipped)
    )
    if result.written:
        click.echo(review_ui("cases_evaluate", lang, to=to))
