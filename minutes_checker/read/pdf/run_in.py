"""Run-in section labels: a section label run into the start of a paragraph's first line
("**Sagsfremstilling** Skanderborg klarer …") is split off as a line, and a heading block, of its
own. Only where the caller can tell a section heading (`protect`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..text import SENTENCE_END, clean_line
from .lines import _LABEL, _PLAIN, _first_index, _is_bold, _PageText, _RawLine
from .pieces import WORD_START_SLACK, _Rect, _split, _word_start_at

# a run-in label is at most this many characters long
RUN_IN_LABEL_MAX_CHARS = 80


def _run_in_labels(
    reader: _PageText,
    lines: list[_RawLine],
    pieces: dict[int, list[_Rect]],
    parts: dict[int, list[tuple[float, float]]],
    protect: Callable[[str], bool],
    row_numbers: Iterator[int],
) -> list[_RawLine]:
    """A section label run into the start of a paragraph's first line, told apart by the
    layout: the label bold and the rest not ("**Sagsfremstilling** Skanderborg klarer …"),
    or a column gap after it (a tab to a hanging indent, a table row alone on its page).
    The label becomes a line (and a heading block) of its own, with the next of `row_numbers`;
    an ordinary sentence that begins with "Beslutning" or "Indstilling" has neither."""
    out: list[_RawLine] = []
    previous: _RawLine | None = None
    for index, line in enumerate(lines):
        rects = pieces.get(index)
        halves = None
        if (
            rects is not None
            and not line.bold
            and line.role == _PLAIN
            and (previous is None or SENTENCE_END.search(previous.text) or previous.bold)
        ):
            split = parts.get(index)  # one wide gap only: not a justified line's spaces
            halves = None
            if split is not None and len(split) == 2:
                halves = _label_at(reader, line, split[1][0], protect, bold=False)
            if halves is None:
                halves = _label_at(reader, line, rects[0][2], protect, bold=True)
        if halves is None:
            out.append(line)
        else:
            label = halves[0]
            label.role, label.row = _LABEL, next(row_numbers)
            out.extend(halves)
        previous = line
    return out


def _label_at(
    reader: _PageText, line: _RawLine, x: float, protect: Callable[[str], bool], bold: bool
) -> tuple[_RawLine, _RawLine] | None:
    """`line` split at its first word from `x` on, when what stands before is a section
    heading (set in bold, the rest not, when `bold`)."""
    if bold:
        first = _first_index(reader.text, line.start, line.end, 1)
        if first < 0 or not _is_bold(reader.raw, reader.char_index(first), reader.fonts):
            return None
    at = _word_start_at(reader, line, x - WORD_START_SLACK)
    if at is None or at - line.start > RUN_IN_LABEL_MAX_CHARS:
        return None
    if bold and _is_bold(reader.raw, reader.char_index(at), reader.fonts):
        return None
    label_text = clean_line(reader.text[line.start : at])
    if not label_text or not protect(label_text):
        return None
    return _split(reader, line, at)
