"""Progress of a batch: click's progress bar with the time left on a terminal, or one plain line
per file with its status when the output is not a terminal (a log)."""

from __future__ import annotations

import time
from types import TracebackType
from typing import TextIO

import click

from ..messages import Lang, batch_ui


def format_duration(seconds: float, lang: Lang = "da") -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return batch_ui("seconds", lang, n=seconds)
    if seconds < 3600:
        return batch_ui("minutes", lang, m=seconds // 60, s=seconds % 60)
    return batch_ui("hours", lang, h=seconds // 3600, m=(seconds % 3600) // 60)


class Progress:
    """Use as a context manager around the batch (the bar ends its line on leaving); call
    `advance` as each file is done. With no stream it does nothing."""

    def __init__(self, total: int, stream: TextIO | None, lang: Lang = "da") -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.lang = lang
        self.started = time.monotonic()
        tty = stream is not None and bool(getattr(stream, "isatty", lambda: False)())
        self.bar = (
            click.progressbar(
                length=total,
                file=stream,
                fill_char="█",
                empty_char="░",
                bar_template="%(bar)s  %(info)s",
                show_eta=False,  # the time left in words, by `_info`
                show_percent=False,
                item_show_func=self._info,
            )
            if tty and total
            else None
        )

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.bar is not None:
            self.bar.__exit__(exc_type, exc, traceback)

    def _left(self, seconds: float) -> str:
        return batch_ui("left", self.lang, time=format_duration(seconds, self.lang))

    def _info(self, _file: str | None) -> str:
        """What follows the bar: files done, percent, and the time left as click estimates it."""
        assert self.bar is not None
        percent = 100 * self.done // max(self.total, 1)
        info = f"{self.done}/{self.total} {percent:3d} %"
        if self.bar.eta_known and not self.bar.finished:
            info += "  " + self._left(self.bar.eta)
        return info

    def advance(self, file: str, status: str) -> None:
        if self.stream is None:
            return
        self.done += 1
        if self.bar is not None:
            self.bar.update(1, current_item=file)
            return
        label = batch_ui(f"status_{status}", self.lang)
        line = batch_ui(
            "done_file", self.lang, done=self.done, total=self.total, file=file, status=label
        )
        if 0 < self.done < self.total:
            rate = (time.monotonic() - self.started) / self.done
            line += f"  ({self._left(rate * (self.total - self.done))})"
        self.stream.write(line + "\n")
        self.stream.flush()
