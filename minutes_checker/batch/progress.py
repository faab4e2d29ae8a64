"""Progress of a batch on the terminal: a bar with the time left, or one line per file when the
output is not a terminal."""

from __future__ import annotations

import time
from typing import TextIO

from ..messages import Lang, batch_ui


def format_duration(seconds: float, lang: Lang = "da") -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return batch_ui("seconds", lang, n=seconds)
    if seconds < 3600:
        return batch_ui("minutes", lang, m=seconds // 60, s=seconds % 60)
    return batch_ui("hours", lang, h=seconds // 3600, m=(seconds % 3600) // 60)


class Progress:
    """A progress bar with the time left on a terminal; one plain line per file otherwise."""

    def __init__(self, total: int, stream: TextIO, lang: Lang = "da") -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.lang = lang
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.started = time.monotonic()

    def eta(self) -> str:
        if not self.done or self.done >= self.total:
            return ""
        rate = (time.monotonic() - self.started) / self.done
        return batch_ui("left", self.lang, time=format_duration(rate * (self.total - self.done)))

    def advance(self, file: str, status: str) -> None:
        self.done += 1
        label = batch_ui(f"status_{status}", self.lang)
        if self.tty:
            width = 30
            filled = round(width * self.done / max(self.total, 1))
            bar = "█" * filled + "░" * (width - filled)
            percent = 100 * self.done // max(self.total, 1)
            line = f"\r{bar} {self.done}/{self.total} {percent:3d} %  {self.eta()}"
            self.stream.write(line.ljust(78))
            if self.done == self.total:
                self.stream.write("\n")
        else:
            line = batch_ui(
                "done_file", self.lang, done=self.done, total=self.total, file=file, status=label
            )
            eta = self.eta() if self.done < self.total else ""
            self.stream.write(f"{line}{'  (' + eta + ')' if eta else ''}\n")
        self.stream.flush()
