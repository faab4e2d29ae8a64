"""`minutes-checker letters OUT [--to DIR]`: draft Word letters for the councils that need one."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import click

from ..messages import letters_ui, usage
from .danish import DanishCommand, PathType, fail
from .danish import lang as current_lang

_DANISH = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")


class DateType(click.ParamType):
    """A date as 2025-01-31 or 31-01-2025 (31.01.2025, 31/01/2025)."""

    name = "dato"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        try:
            found = _DANISH.match(text)
            if found:
                return dt.date(int(found[3]), int(found[2]), int(found[1]))
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(usage("not_a_date", current_lang(), value=value), param, ctx)


@click.command("letters", cls=DanishCommand)
@click.argument("out", required=False, type=PathType(exists=True, file_okay=False))
@click.option(
    "--to",
    "to",
    type=PathType(file_okay=False),
    default=None,
    help="Mappe til brevene (standard: OUT/letters/).",
)
@click.option(
    "--date", "date", type=DateType(), default=None, help="Brevenes dato (standard: i dag)."
)
@click.option(
    "--reply-by",
    type=DateType(),
    default=None,
    help="Svarfrist i alle breve (standard: 31. januar året efter næste kort ved indskærpelse "
    "af fristen, ellers 8 uger efter brevets dato).",
)
@click.option(
    "--template",
    type=PathType(exists=True, dir_okay=False),
    default=None,
    help="Kontorets egen Word-skabelon (.docx) med brevhoved og typografier.",
)
@click.option(
    "--save-template",
    type=PathType(dir_okay=False),
    default=None,
    help="Gem den medfølgende skabelon i denne fil (til at rette i Word) og afslut.",
)
def letters(
    out: Path | None,
    to: Path | None,
    date: dt.date | None,
    reply_by: dt.date | None,
    template: Path | None,
    save_template: Path | None,
) -> None:
    """Skriv et brevudkast (Word) for hver kommune og kortår i OUT, der skal have en
    indskærpelse af fristen eller en anmodning om stillingtagen til handlingsplan, og (markeret
    til vurdering) dem, der kræver manuel vurdering. Gennemgåede vurderinger bestemmer brevet.
    """
    from ..batch.followup import write_letters
    from ..outputs.letters import shipped_template

    lang = current_lang()
    if save_template is not None:
        if save_template.exists():
            fail(usage("os_error", lang, path=save_template, reason="findes allerede"))
        save_template.write_bytes(shipped_template())
        click.echo(letters_ui("template_saved", lang, path=save_template))
        return
    if out is None:
        fail(letters_ui("need_out", lang))
    result = write_letters(out, to, date=date, reply_by=reply_by, template=template, lang=lang)
    if not result.drafts:
        click.echo(letters_ui("none", lang, out=out))
    else:
        assessment = sum(1 for d in result.drafts if d.kind == "manual_review")
        click.echo(
            letters_ui(
                "written",
                lang,
                count=len(result.drafts),
                to=result.folder,
                assessment=assessment,
                csv=result.csv,
            )
        )
    if result.kept:
        click.echo(letters_ui("kept_edited", lang, files=", ".join(result.kept)))
