"""The Document from the pages' lines: running headers and footers set apart (by repetition,
`read/furniture.py`), lines grouped into paragraphs (`paragraphs`), and the text, pages, blocks
and line boxes built. A Document holds every line with its box, so its models are made without
pydantic's per-call overhead (`_trusted`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from ...models import Block, Box, Document, Furniture, Line, Meeting, Page
from ..furniture import find_running_lines
from ..text import join_lines
from .lines import _RawLine
from .paragraphs import _block_kind, _continues, _Layout, _reading_order

# a warning about unreadable or textless pages lists at most this many page numbers
MAX_LISTED_PAGES = 8


def _trusted(model: type[BaseModel], fields: set[str]) -> Callable[[dict[str, Any]], Any]:
    """A maker of many small trusted models (what `model_construct` does, without its per-call
    field loop and keyword packing): it takes the model's `__dict__` as built by the caller,
    keys in the order the JSON is to have. One fields set is shared (all fields are set). The
    four slots are set through BaseModel's own descriptors (`object.__setattr__` looks each
    name up first)."""
    new = object.__new__
    slots = vars(BaseModel)
    set_dict = slots["__dict__"].__set__
    set_fields = slots["__pydantic_fields_set__"].__set__
    set_extra = slots["__pydantic_extra__"].__set__
    set_private = slots["__pydantic_private__"].__set__

    def make(data: dict[str, Any]) -> Any:
        instance = new(model)
        set_dict(instance, data)
        set_fields(instance, fields)
        set_extra(instance, None)
        set_private(instance, None)
        return instance

    return make


def _fields(model: type[BaseModel], keys: tuple[str, ...]) -> set[str]:
    """The fields of `model`, which must be `keys` (the dicts built for it below): a field added
    to the model must be added here too."""
    if set(keys) != set(model.model_fields) or len(keys) != len(model.model_fields):
        raise RuntimeError(f"the PDF reader builds {model.__name__} with fields {keys}")
    return set(keys)


# key orders as the readers have always written them (a Line's and a Block's defaults first)
_new_line = _trusted(Line, _fields(Line, ("size", "bold", "start", "end", "page", "box")))
_new_box = _trusted(Box, _fields(Box, ("x0", "top", "x1", "bottom")))
_new_block = _trusted(
    Block, _fields(Block, ("kind", "level", "bold", "size", "row_label", "start", "end", "page"))
)
_new_page = _trusted(Page, _fields(Page, ("number", "start", "end", "width", "height")))
_new_furniture = _trusted(Furniture, _fields(Furniture, ("text", "page")))


def _assemble(
    source: str,
    pages_lines: list[list[_RawLine]],
    sizes: list[tuple[float, float]],
    textless: list[int],
    unreadable: list[int],
    protect: Callable[[str], bool] | None,
) -> Document:
    warnings: list[str] = []
    if unreadable:
        warnings.append(f"side {_pages(unreadable)} kunne ikke læses")
    if textless:
        warnings.append(f"side {_pages(textless)} har ingen tekst (scannet?)")

    running = find_running_lines(pages_lines, protect=protect)
    running_on: dict[int, set[int]] = {}
    for page_index, line_index in running:
        running_on.setdefault(page_index, set()).add(line_index)
    furniture: list[Furniture] = []
    body_pages: list[list[_RawLine]] = []
    for page_index, lines in enumerate(pages_lines):
        on_page = running_on.get(page_index)
        if on_page is None:
            body = lines
        else:
            body = []
            for line_index, line in enumerate(lines):
                if line_index in on_page:
                    furniture.append(_new_furniture({"text": line.text, "page": page_index + 1}))
                else:
                    body.append(line)
        body_pages.append(_reading_order(body))

    body_lines = [line for lines in body_pages for line in lines]
    layout = _Layout(body_lines, {i: size[0] for i, size in enumerate(sizes)})
    headings = [layout.headingish(line) for line in body_lines]

    # group lines into paragraphs: runs of body_lines, each starting at one of `group_starts`
    group_starts: list[int] = []
    index = 0
    for lines in body_pages:
        for position, line in enumerate(lines):
            if not index or not _continues(
                layout,
                body_lines[index - 1],
                line,
                position == 0,
                headings[index - 1],
                headings[index],
            ):
                group_starts.append(index)
            index += 1
    group_starts.append(len(body_lines))

    parts: list[str] = []
    offset = 0
    page_starts: dict[int, int] = {}
    blocks: list[Block] = []
    doc_lines: list[Line] = []
    new_line, new_box = _new_line, _new_box
    for group_start, group_end in itertools.pairwise(group_starts):
        group = body_lines[group_start:group_end]
        if parts:
            parts.append("\n\n")
            offset += 2
        first = group[0]
        if len(group) == 1:
            text = first.text
            spans = [(0, len(text))]
        else:
            text, spans = join_lines([line.text for line in group])
        bold = True
        for line, (start, end) in zip(group, spans, strict=True):
            page_starts.setdefault(line.page, offset + start)
            doc_lines.append(
                new_line(
                    {
                        "size": line.size,
                        "bold": line.bold,
                        "start": offset + start,
                        "end": offset + end,
                        "page": line.page + 1,
                        "box": new_box(
                            {
                                "x0": round(line.x0, 2),
                                "top": round(line.top, 2),
                                "x1": round(line.x1, 2),
                                "bottom": round(line.bottom, 2),
                            }
                        ),
                    }
                )
            )
            if not line.bold:
                bold = False
        blocks.append(
            _new_block(
                {
                    "kind": _block_kind(group, headings[group_start:group_end]),
                    "level": None,
                    "bold": bold,
                    "size": first.size,
                    "row_label": False,
                    "start": offset,
                    "end": offset + len(text),
                    "page": first.page + 1,
                }
            )
        )
        parts.append(text)
        offset += len(text)
    full_text = "".join(parts)

    pages: list[Page] = []
    count = len(pages_lines)
    next_start = len(full_text)
    starts = [0] * count
    for index in range(count - 1, -1, -1):
        if index in page_starts:
            next_start = page_starts[index]
        starts[index] = next_start
    starts[0] = 0
    for index in range(count):
        end = starts[index + 1] if index + 1 < count else len(full_text)
        width, height = sizes[index]
        pages.append(
            _new_page(
                {
                    "number": index + 1,
                    "start": starts[index],
                    "end": end,
                    "width": round(width, 2) or None,
                    "height": round(height, 2) or None,
                }
            )
        )
    return Document.model_construct(
        source=source,
        format="pdf",
        sha256=None,
        text=full_text,
        pages=pages,
        blocks=blocks,
        lines=doc_lines,
        furniture=furniture,
        meeting=Meeting(),
        items=[],
        warnings=warnings,
    )


def _pages(numbers: list[int]) -> str:
    """Page numbers for a warning: at most `MAX_LISTED_PAGES` of them, then how many more."""
    if len(numbers) > MAX_LISTED_PAGES:
        listed = ", ".join(str(n) for n in numbers[:MAX_LISTED_PAGES])
        return listed + f" (og {len(numbers) - MAX_LISTED_PAGES} flere)"
    return ", ".join(str(n) for n in numbers)
