"""`minutes-checker history MUNICIPALITY`: a municipality's results over the map years."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..messages import history_ui
from .danish import Choice, DanishCommand, PathType, fail
from .danish import lang as current_lang


@click.command("history", cls=DanishCommand)
@click.argument("municipality")
@click.option(
    "--history",
    "path",
    type=PathType(exists=True, dir_okay=False),
    default=None,
    envvar="MINUTES_CHECKER_HISTORY",
    help="Historikfilen (SQLite) fra batch --history (standard: $MINUTES_CHECKER_HISTORY).",
)
@click.option(
    "--format", "fmt", type=Choice(["text", "json"]), default="text", show_default=True
)
def history(municipality: str, path: Path | None, fmt: str) -> None:
    """Vis en kommunes resultater kortår for kortår (navn eller kommunekode; aa/å, oe/ø og
    ae/æ kan bruges i flæng)."""
    from ..batch.history import History, find_municipality, render_history

    lang = current_lang()
    if path is None:
        fail(history_ui("no_history_file", lang))
    found = find_municipality(municipality)
    if found is None:
        fail(history_ui("unknown_municipality", lang, name=municipality))
    with History(path) as store:
        rows = store.municipality(found.code)
    if fmt == "json":
        data = {
            "municipality": found.official_name,
            "municipality_code": found.code,
            "years": [row.as_dict() for row in rows],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(render_history(found, rows, path, lang))
