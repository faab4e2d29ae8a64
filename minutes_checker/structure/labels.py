"""Short labels inside an item: its type ("Beslutningssag", "Sagstype: Orientering"), closed
items ("Lukket punkt"), metadata lines ("Sagsnr.", "Sagsbehandler"), dividers of the agenda
("Lukket dagsorden") and the table of contents heading."""

from __future__ import annotations

import re

from ..models import ItemKind
from .vocabulary import probe, vocabulary

_WORDS = vocabulary()
_ITEM_KINDS: tuple[ItemKind, ...] = ("decision", "orientation", "discussion")


def _line(list_id: str, end: str = r"\s*:?$") -> re.Pattern[str]:
    """A whole line that is one of the list's words (give or take a colon)."""
    return re.compile(rf"^{_WORDS.alternatives(list_id)}{end}", re.IGNORECASE)


TOC_HEADING = _line("items.toc_headings")
_KIND_LABELS: tuple[tuple[re.Pattern[str], ItemKind], ...] = tuple(
    (_line(f"items.kind_{kind}", "$"), kind) for kind in _ITEM_KINDS
)
_KIND_PREFIX = re.compile(
    rf"^{_WORDS.alternatives('items.kind_label_prefixes')}\s*:\s*", re.IGNORECASE
)
# what a type written after a label begins with ("Sagstype: Beslutningspunkt for Byrådet")
_KIND_STEMS: tuple[tuple[str, ItemKind], ...] = tuple(
    (stem, kind) for kind in _ITEM_KINDS for stem in _WORDS.words(f"items.kind_stems_{kind}")
)
CLOSED = re.compile(_WORDS.alternatives("items.closed"), re.IGNORECASE)
CLOSED_DIVIDER = _line("items.closed_dividers")
OPEN_DIVIDER = _line("items.open_dividers")
END_MARK = _line("items.end_marks", "$")
PAGE_CONTROL = _line("items.page_controls", "$")
META_LINE = re.compile(rf"^{_WORDS.alternatives('items.meta_lines')}\b", re.IGNORECASE)
# an SBSYS agenda's group heading: a letter, then what the items under it are
_GROUP = re.compile(r"^[A-H][.)]?\s+(?P<title>\S.{2,80})$")
_GROUP_KINDS: tuple[tuple[re.Pattern[str], ItemKind | None, bool], ...] = tuple(
    (re.compile(rf"^{_WORDS.alternatives(f'items.group_{name}')}\b", re.IGNORECASE), kind, closed)
    for name, kind, closed in (
        ("closed", "decision", True),
        ("decision", "decision", False),
        ("discussion", "discussion", False),
        ("orientation", "orientation", False),
    )
)
# "Åbne sager til …": open items, and the words after "Åbne" say their kind
_GROUP_OPEN = re.compile(rf"^{_WORDS.alternatives('items.group_open')}\b", re.IGNORECASE)
_ORIENTATION_TITLE = re.compile(
    rf"^{_WORDS.alternatives('items.orientation_titles')}\b", re.IGNORECASE
)


def item_kind(text: str) -> tuple[ItemKind, str] | None:
    """An item type stated in a short line: "Beslutningssag", "Sagstype: Orientering",
    "Sagsnr. 12 | Orienteringssag", "Sagsnr.: 27.00.00 (Beslutningssag)"."""
    if len(text) > 120:
        return None
    pieces = re.split(r"\s*[|•·]\s*|\s{3,}", text)
    pieces += re.findall(r"\(([^()]{4,40})\)", text)
    for raw in pieces:
        piece = raw.strip().strip("()[]").strip()
        had_prefix = bool(_KIND_PREFIX.match(piece))
        piece = _KIND_PREFIX.sub("", piece).strip().rstrip(".")
        for pattern, kind in _KIND_LABELS:
            if pattern.match(piece):
                return kind, piece
        if had_prefix and piece:
            low = piece.lower()
            for prefix, kind in _KIND_STEMS:
                if low.startswith(prefix):
                    return kind, piece
    return None


def kind_in_title(title: str) -> tuple[ItemKind, str] | None:
    """ "… (Beslutningssag)" or "… – Orientering" at the end of an item title, or
    "Beslutningssag: …", "Beslutningspunkt - …" at its start."""
    match = re.search(r"\(([^()]{4,40})\)\s*$|\s[-–]\s([\wæøåÆØÅ ]{4,30})$", title)
    if match:
        found = item_kind(match.group(1) or match.group(2))
        if found:
            return found
    match = re.match(r"([\wæøåÆØÅ]{4,30})\s*(?::|\s[-–])\s+\S", title)
    return item_kind(match.group(1)) if match else None


@probe("orientation_title")
def orientation_title(title: str) -> bool:
    """A title that makes an item an orientation ("Meddelelser", "Gensidig orientering")."""
    return _ORIENTATION_TITLE.match(title) is not None


@probe("item_kind")
def item_kind_of(text: str) -> str | None:
    found = item_kind(text)
    return found[0] if found else None


@probe("closed")
def marks_closed(text: str) -> bool:
    return CLOSED.search(text) is not None


@probe("agenda_divider")
def agenda_divider(text: str) -> str | None:
    """What a line between items is: the start of the closed part, of the open part again, or
    the end of the last item."""
    if CLOSED_DIVIDER.match(text):
        return "closed"
    if OPEN_DIVIDER.match(text):
        return "open"
    return "end" if END_MARK.match(text) else None


@probe("meta_line")
def is_meta_line(text: str) -> bool:
    return META_LINE.match(text) is not None


@probe("page_control")
def is_page_control(text: str) -> bool:
    """A portal's button or link printed with the page ("Hent som PDF", "Kopier link")."""
    return PAGE_CONTROL.match(text.strip()) is not None


@probe("toc_heading")
def is_toc_heading(text: str) -> bool:
    return TOC_HEADING.match(text) is not None


def agenda_group(text: str) -> tuple[ItemKind | None, bool] | None:
    """A group heading of an SBSYS agenda ("A. Sager til afgørelse i byrådet", "D. Orientering",
    "E. Lukkede sager"): what its items are set up as, and whether they are closed."""
    match = _GROUP.match(text.strip())
    if match is None:
        return None
    title = match.group("title")
    opened = _GROUP_OPEN.match(title)
    if opened:  # "Åbne sager til beslutning" -> "sager til beslutning"
        title = title.split(None, 1)[1]
    for pattern, kind, closed in _GROUP_KINDS:
        if pattern.match(title):
            return kind, closed and not opened
    return (None, False) if opened else None


@probe("agenda_group")
def agenda_group_kind(text: str) -> str | None:
    found = agenda_group(text)
    if found is None:
        return None
    return "closed" if found[1] else found[0] or "open"
