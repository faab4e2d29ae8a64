"""The `minutes-checker` command line.

Exit codes: 0 passed, 1 a check failed, 2 usage or input error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from ..errors import InputError
from ..messages import usage
from .danish import Choice, Count, DanishGroup, PathType, Seconds, fail, os_failure
from .danish import lang as current_lang

EXIT_OK, EXIT_FAILED, EXIT_INPUT = 0, 1, 2

LANG_OPTION = click.option(
    "--lang",
    type=Choice(["da", "en"]),
    default="da",
    show_default=True,
    help="Sprog for betegnelser og beskeder (da eller en).",
)
TIMEOUT_OPTION = click.option(
    "--timeout",
    type=Seconds(low=1.0),
    default=120.0,
    show_default=True,
    help="Sekunder en fil må tage, før den stoppes og meldes.",
)


class _Group(DanishGroup):
    """Turns every unexpected exception into a plain message and exit code 2 (no traceback)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except InputError as exc:
            fail(exc.message(current_lang()))
        except BrokenPipeError:  # output piped into `head`: stop quietly
            sys.stderr.close()
            sys.exit(0)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except OSError as exc:
            os_failure(exc)
        except Exception as exc:  # a bug must still not show a traceback to a user
            if os.environ.get("MINUTES_CHECKER_DEBUG"):
                raise
            fail(usage("unexpected", current_lang(), error=f"{type(exc).__name__}: {exc}"))
        return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="minutes-checker", message=usage("version"), help=usage("version_option")
)
def main() -> None:
    """Tjekker kommunale referater for behandlingen af danmarkskortet (§ 79 b)."""


@main.command()
@click.argument("file", type=PathType(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Uddataformat.",
)
def inspect(file: Path, fmt: str) -> None:
    """Vis hvordan FILE er læst: møde, dagsordenspunkter og afsnit."""
    from ..outputs.structure_view import render_structure_text, structure_dict
    from ..pipeline import inspect_file

    document = inspect_file(file)
    if fmt == "json":
        click.echo(json.dumps(structure_dict(document), ensure_ascii=False, indent=2))
    else:
        click.echo(render_structure_text(document))


@main.command()
@click.argument("files", nargs=-1, required=True, type=PathType(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=Choice(["text", "json", "jsonl", "line"]),
    default="text",
    show_default=True,
    help="Uddataformat.",
)
@LANG_OPTION
@TIMEOUT_OPTION
@click.option(
    "--no-fail",
    is_flag=True,
    help="Afslut med 0, også når et tjek ikke er opfyldt (inputfejl giver stadig 2).",
)
def check(files: tuple[Path, ...], fmt: str, lang: str, no_fail: bool, timeout: float) -> None:
    """Tjek at FILE viser en lovlig behandling af danmarkskortet.

    Exitkode 0: alle tjek opfyldt; 1: et tjek er ikke opfyldt eller uklart; 2: brugs- eller
    inputfejl.
    """
    from ..outputs.formats import passed, render
    from ..precheck import assess_files, finish

    assessments = assess_files(files, lang, timeout)  # type: ignore[arg-type]
    click.echo(render(assessments, fmt, lang))  # type: ignore[arg-type]
    if any(a.status == "error" for a in assessments):
        finish(EXIT_INPUT)
    if not no_fail and not all(passed(a) for a in assessments):
        finish(EXIT_FAILED)
    finish(EXIT_OK)


@main.command()
def schema() -> None:
    """Skriv JSON-skemaet for vurderingen (Assessment)."""
    from ..models import Assessment

    click.echo(json.dumps(Assessment.model_json_schema(), ensure_ascii=False, indent=2))


@main.command("rules")
@click.option(
    "--format", "fmt", type=Choice(["text", "json"]), default="text", show_default=True
)
def list_rules(fmt: str) -> None:
    """Vis reglerne med deres tjek, beskrivelse og antal eksempler."""
    from ..judge.rules import default_rulebook

    book = default_rulebook()
    rows = []
    for rule_file in book.files.values():
        for rule in rule_file.rules:
            examples = rule.examples
            rows.append(
                {
                    "id": rule.id,
                    "check": rule_file.check,
                    "signal": rule.signal,
                    "polarity": rule.polarity,
                    "description": " ".join(rule.description.split()),
                    "examples": len(examples.match) + len(examples.no_match),
                    "gaps": len(examples.gaps),
                }
            )
        for cue in rule_file.cues:
            rows.append(
                {
                    "id": cue.id,
                    "check": rule_file.check,
                    "signal": cue.kind,
                    "polarity": cue.direction,
                    "description": " ".join(cue.description.split()),
                    "examples": len(cue.examples.in_scope) + len(cue.examples.out_of_scope),
                    "gaps": 0,
                }
            )
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(
            f"{row['id']:<38} {row['check']:<21} {row['examples']:>3} eksempler"
            + (f", {row['gaps']} kendte huller" if row["gaps"] else "")
        )
        click.echo(f"    {row['description']}")


@main.command()
@click.argument(
    "folder", type=PathType(exists=True, file_okay=False)
)
@click.option(
    "--out",
    "out",
    required=True,
    type=PathType(file_okay=False),
    help="Mappe til results.jsonl, municipalities.jsonl, summary.csv og report/.",
)
@click.option(
    "--jobs",
    "-j",
    type=Count(low=1),
    default=None,
    help="Antal filer, der vurderes samtidig (standard: antallet af CPU'er, højst 4; højst "
    "antallet af CPU'er).",
)
@click.option("--resume", is_flag=True, help="Spring filer over, der allerede er vurderet.")
@click.option("--annotate", is_flag=True, help="Skriv også kopier af PDF og DOCX med markeringer.")
@LANG_OPTION
@TIMEOUT_OPTION
@click.option(
    "--cluster",
    metavar="ADRESSE",
    default=None,
    help="Vurdér filerne på en Dask-klynge (schedulerens adresse, fx tcp://vært:8786) i stedet "
    "for på denne maskine; kræver minutes-checker[cluster].",
)
@click.option(
    "--history",
    type=PathType(dir_okay=False),
    default=None,
    envvar="MINUTES_CHECKER_HISTORY",
    help="Historikfil (SQLite; oprettes, hvis den mangler): gem hver kommunes resultat pr. "
    "kortår, og vis forrige kortårs udfald ved siden af årets (standard: "
    "$MINUTES_CHECKER_HISTORY).",
)
def batch(
    folder: Path,
    out: Path,
    jobs: int | None,
    resume: bool,
    annotate: bool,
    lang: str,
    timeout: float,
    cluster: str | None,
    history: Path | None,
) -> None:
    """Vurdér alle referater (PDF, DOCX, HTML) under FOLDER, samlet pr. kommune og kortår.

    Afslutter med 0, når kørslen er gennemført (uanset hvad tjekkene viser), og med 2 ved
    brugs- eller inputfejl.
    """
    from ..batch import default_jobs, discover, run_batch, summary_text
    from ..messages import batch_ui

    found = discover(folder, exclude=[out])
    if not found:
        fail(batch_ui("no_files", lang, folder=folder))  # type: ignore[arg-type]
    cpus = os.cpu_count() or 1
    if jobs is not None and jobs > cpus:
        click.echo(usage("jobs_capped", lang, asked=jobs, cpus=cpus), err=True)  # type: ignore[arg-type]
        jobs = cpus
    processes = jobs or default_jobs(len(found))
    try:
        result = run_batch(
            folder,
            out,
            jobs=processes,
            resume=resume,
            annotate=annotate,
            lang=lang,  # type: ignore[arg-type]
            timeout=timeout,
            progress=sys.stderr,
            cluster=cluster,
            history=history,
        )
    except KeyboardInterrupt:
        click.echo("\n" + batch_ui("interrupted", lang), err=True)  # type: ignore[arg-type]
        sys.exit(130)
    except OSError as exc:
        os_failure(exc)
    click.echo(summary_text(result, processes, lang, cluster))  # type: ignore[arg-type]
    if history is not None:
        from ..messages import history_ui

        rows = sum(1 for g in result.groups if g.code and g.map_year)
        click.echo(history_ui("stored", lang, rows=rows, path=history))  # type: ignore[arg-type]


@main.command()
@click.argument("directory", type=PathType(exists=True, file_okay=False))
@click.option(
    "--split",
    "splits",
    multiple=True,
    default=("dev", "heldout", "layouts"),
    show_default=True,
    help="Hvilke dele af korpus der måles (dev, heldout, layouts).",
)
@click.option(
    "--format", "fmt", type=Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--figures-only", is_flag=True, help="Kun tallene: ingen liste over uenigheder."
)
@click.option(
    "--by-convention",
    is_flag=True,
    help="Også tallene pr. konvention i CRITERIA.md (mærkerne i corpus/conventions.yaml).",
)
@click.option(
    "--show-heldout",
    is_flag=True,
    help="Vis også uenighederne i den tilbageholdte del (heldout); som standard kun tallene, så "
    "den del forbliver ulæst af dem, der skriver reglerne.",
)
def evaluate(
    directory: Path,
    splits: tuple[str, ...],
    fmt: str,
    figures_only: bool,
    by_convention: bool,
    show_heldout: bool,
) -> None:
    """Mål enigheden med en omhyggelig gennemgang på en mappe med mærkede referater."""
    from ..evaluate import HELD_OUT, accuracy_table, render_text
    from ..evaluate import evaluate as run

    result = run(directory, splits)
    if fmt == "json":
        if not show_heldout:
            result.disagreements = [d for d in result.disagreements if d.split != HELD_OUT]
        data = result.model_dump(mode="json")
        data["accuracy"] = accuracy_table(result)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(
            render_text(
                result,
                details=not figures_only,
                by_convention=by_convention,
                show_held_out=show_heldout,
            )
        )


# the caseworker's year after the screening: reviews read back, letters, the history
from .history import history as history_command  # noqa: E402
from .letters import letters as letters_command  # noqa: E402
from .review import review as review_command  # noqa: E402

main.add_command(review_command)
main.add_command(letters_command)
main.add_command(history_command)
