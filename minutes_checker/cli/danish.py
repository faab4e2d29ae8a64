"""click in Danish: usage errors, help headings and parameter checks in the user's language.

click writes its own messages in English ("Error: No such option", "Usage:", "Options:"). The
command classes here write the help in Danish and turn every usage error into a Danish message
(English with `--lang en`), and the parameter types check values with messages of their own:
a positive, finite number of seconds, a path that exists, one of a few choices.
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from ..errors import os_reason
from ..messages import Lang, usage

EXIT_INPUT = 2


def wanted_lang(args: Sequence[str]) -> Lang:
    """The language asked for on the command line (`--lang en`), Danish otherwise."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return "en" if args[index + 1] == "en" else "da"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "da"
    return "da"


# the language of the messages of the running command (set by `DanishGroup.main`)
_state: dict[str, Lang] = {"lang": "da"}


def lang() -> Lang:
    return _state["lang"]


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """Print a plain error message (no traceback, no usage) and exit."""
    click.echo(usage("error", lang(), message=message), err=True)
    sys.exit(code)


def os_failure(error: OSError, path: object = None) -> NoReturn:
    """An operating-system error in plain words ("resultat/: ingen adgang")."""
    shown = path if path is not None else (error.filename or "")
    fail(usage("os_error", lang(), path=shown, reason=os_reason(error, lang())))


# --------------------------------------------------------------------------- parameter types


class Choice(click.Choice):
    """One of a few words; a wrong one is named with the choices in the user's language."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value in self.choices:
            return value
        choices = ", ".join(str(c) for c in self.choices)
        self.fail(usage("not_one_of", lang(), value=value, choices=choices), param, ctx)


class Count(click.ParamType):
    """A whole number of at least `low`."""

    name = "antal"

    def __init__(self, low: int = 1) -> None:
        self.low = low

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        try:
            number = int(value)
        except (TypeError, ValueError):
            self.fail(usage("not_whole", lang(), value=value), param, ctx)
        if number < self.low:
            self.fail(usage("at_least", lang(), value=number, low=self.low), param, ctx)
        return number


class Seconds(click.ParamType):
    """A positive, finite number of seconds, at most `high` (a day by default): 'inf', 'nan'
    and 1e20 are refused before any file is read."""

    name = "sekunder"

    def __init__(self, low: float = 1.0, high: float = 86_400.0) -> None:
        self.low = low
        self.high = high

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(usage("not_a_number", lang(), value=value), param, ctx)
        if not math.isfinite(seconds):
            self.fail(usage("not_finite", lang(), value=value), param, ctx)
        if seconds < self.low:
            self.fail(usage("at_least", lang(), value=value, low=f"{self.low:g}"), param, ctx)
        if seconds > self.high:
            self.fail(usage("at_most", lang(), value=value, high=f"{self.high:g}"), param, ctx)
        return seconds


class PathType(click.ParamType):
    """A path, checked with messages in the user's language. A name with a NUL byte (no file
    system allows one) is refused plainly instead of reaching `os.stat`."""

    name = "sti"

    def __init__(
        self, exists: bool = False, file_okay: bool = True, dir_okay: bool = True
    ) -> None:
        self.exists = exists
        self.file_okay = file_okay
        self.dir_okay = dir_okay

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Path:
        name = os.fsdecode(value) if isinstance(value, (str, bytes, os.PathLike)) else str(value)
        if "\x00" in name:
            fail(usage("nul_in_name", lang(), path=name.replace("\x00", "\\0")))
        path = Path(name)
        try:
            present = path.exists()
            is_dir = path.is_dir()
        except OSError as error:
            self.fail(
                usage("path_unreadable", lang(), path=name, reason=os_reason(error, lang())),
                param,
                ctx,
            )
        if not present:
            if self.exists:
                self.fail(usage("path_missing", lang(), path=name), param, ctx)
            return path
        if is_dir and not self.dir_okay:
            self.fail(usage("path_is_folder", lang(), path=name), param, ctx)
        if not is_dir and not self.file_okay:
            self.fail(usage("path_is_file", lang(), path=name), param, ctx)
        return path


# --------------------------------------------------------------------------- commands


class DanishCommand(click.Command):
    """A command whose help is written with Danish headings."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", usage("options_metavar"))
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = usage("help_option")
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=usage("usage", lang()) + " ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
            if record is not None:
                rows.append((record[0], _danish_extras(record[1])))
        if rows:
            with formatter.section(usage("options")):
                formatter.write_dl(rows)


def _danish_extras(help_text: str) -> str:
    """click's "[default: text]" and "[required]" after an option's help, in Danish."""
    return help_text.replace("[default: ", "[standard: ").replace("[required]", "[påkrævet]")


class DanishGroup(DanishCommand, click.Group):
    """The command group: Danish help, and every usage error as a plain message in the user's
    language (exit code 2) instead of click's English one."""

    command_class = DanishCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "KOMMANDO [ARGUMENTER]...")
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        DanishCommand.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section(usage("commands")):
                formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        _state["lang"] = wanted_lang(arguments)
        try:
            super().main(arguments, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.exceptions.Abort:
            click.echo(usage("interrupted", lang()), err=True)
            sys.exit(1)
        except click.UsageError as error:
            _usage_failure(error)
        except click.ClickException as error:
            fail(error.format_message(), error.exit_code)
        sys.exit(0)


def _usage_failure(error: click.UsageError) -> NoReturn:
    """A usage error: the usage line, where to find help, and what is wrong."""
    language = lang()
    ctx = error.ctx
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        click.echo(usage("try_help", language, command=ctx.command_path) + "\n", err=True)
    fail(_usage_message(error, language))


_EXTRA = re.compile(r"unexpected extra arguments? \((?P<names>.*)\)", re.IGNORECASE)
_NO_COMMAND = re.compile(r"No such command '(?P<name>.*)'", re.IGNORECASE)
_NEEDS_VALUE = re.compile(r"requires an argument", re.IGNORECASE)


def _usage_message(error: click.UsageError, language: Lang) -> str:
    ctx = error.ctx
    if isinstance(error, click.MissingParameter):
        param = error.param
        hint = param.get_error_hint(ctx) if param is not None and ctx is not None else "?"
        key = "missing_argument" if isinstance(param, click.Argument) else "missing_option"
        return usage(key, language, name=hint)
    if isinstance(error, click.NoSuchOption):
        text = usage("no_such_option", language, name=error.option_name)
        if error.possibilities:
            names = ", ".join(sorted(error.possibilities))
            text += usage("did_you_mean", language, names=names)
        return text
    if isinstance(error, click.BadParameter):
        param = error.param
        hint = param.get_error_hint(ctx) if param is not None and ctx is not None else "?"
        return usage("bad_value", language, name=hint, message=error.message)
    message = error.message
    if isinstance(error, click.BadOptionUsage) and _NEEDS_VALUE.search(message):
        return usage("needs_value", language, name=error.option_name)
    found = _EXTRA.search(message)
    if found:
        return usage("extra_arguments", language, names=found.group("names"))
    found = _NO_COMMAND.search(message)
    if found:
        return usage("no_such_command", language, name=found.group("name"))
    return message
