"""The `minutes-checker` command line. Exit codes: 0 passed, 1 a check failed, 2 usage or input error."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .errors import InputError

EXIT_OK, EXIT_FAILED, EXIT_INPUT = 0, 1, 2


def _fail_input(message: str) -> None:
    click.echo(f"Fejl: {message}", err=True)
    sys.exit(EXIT_INPUT)


class _Group(click.Group):
    """Turns every unexpected exception into a plain message and exit code 2 (no traceback)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except InputError as exc:
            _fail_input(exc.message("da"))
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # a bug must still not show a traceback to a user
            if os.environ.get("MINUTES_CHECKER_DEBUG"):
                raise
            _fail_input(f"uventet fejl: {type(exc).__name__}: {exc}")
        return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutes-checker")
def main() -> None:
    """Tjekker kommunale referater for behandlingen af danmarkskortet (retssikkerhedslovens § 79 b)."""


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
def inspect(file: Path, fmt: str) -> None:
    """Vis hvordan FILE er læst: møde, dagsordenspunkter og afsnit."""
    from .readers import read_document
    from .structure import render_structure_text, structure_dict

    document = read_document(file)
    if fmt == "json":
        click.echo(json.dumps(structure_dict(document), ensure_ascii=False, indent=2))
    else:
        click.echo(render_structure_text(document))
