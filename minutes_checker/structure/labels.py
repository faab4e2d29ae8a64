"""Short labels inside an item: its type ("Beslutningssag", "Sagstype: Orientering"), closed
items ("Lukket punkt"), metadata lines ("Sagsnr.", "Sagsbehandler"), dividers of the agenda
("Lukket dagsorden") and the table of contents heading."""

from __future__ import annotations

import re

from ..models import ItemKind

TOC_HEADING = re.compile(
    r"^(?:indholdsfortegnelse|indhold|dagsorden|dagsordenen|punkter på mødet|"
    r"oversigt over punkter|punktoversigt|dagsordensoversigt|punkter|åben dagsorden)\s*:?$",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- item kinds

_KIND_LABELS: tuple[tuple[re.Pattern[str], ItemKind], ...] = (
    (re.compile(r"^(?:beslutningssag|beslutningspunkt|til beslutning|beslutning)$", re.I),
     "decision"),
    (re.compile(r"^(?:orienteringssag|orienteringspunkt|til orientering|orientering|"
                r"meddelelser|meddelelse|til efterretning|orienteringer)$", re.I), "orientation"),
    (re.compile(r"^(?:drøftelsessag|drøftelsespunkt|til drøftelse|drøftelse|temadrøftelse|"
                r"drøftelses- og beslutningssag)$", re.I), "discussion"),
)  # fmt: skip
_KIND_PREFIX = re.compile(
    r"^(?:sagstype|type|punkttype|sagens art|punktets art|art|kategori|sagskategori)\s*:\s*",
    re.IGNORECASE,
)
CLOSED = re.compile(
    r"\blukket\s+(?:punkt|sag|dagsorden|møde)\b|\(lukket\)|^lukket$|"
    r"^fortroligt?\b|\bikke offentlig(?:t|e)?\b",
    re.IGNORECASE,
)
CLOSED_DIVIDER = re.compile(
    r"^(?:lukket dagsorden|lukkede punkter|lukket del|lukkede sager|lukket møde)\s*:?$",
    re.IGNORECASE,
)
OPEN_DIVIDER = re.compile(r"^(?:åben dagsorden|åbne punkter|åben del|åbne sager)\s*:?$", re.I)
END_MARK = re.compile(
    r"^(?:underskriftsblad|underskriftsside|underskrifter|mødet hævet.*|mødet sluttede.*)$",
    re.IGNORECASE,
)
META_LINE = re.compile(
    r"^(?:sagsnr|sags nr|sagsnummer|j\.?\s?nr|journalnr|acadre|dokumentnr|sagsid|sags-id|"
    r"sagsansvarlig|sagsbehandler|ansvarlig|forfatter|mødedato|dato|tid|tidspunkt|sted|"
    r"mødested|mødelokale|mødetidspunkt|fraværende|afbud|deltagere|til stede|medlemmer|"
    r"udvalg|referent|start|slut|kl\.|bemærkning|åben sag|lukket sag|åbent punkt|uddrag af|"
    r"referat|dagsorden|side \d|sagstype|punkttype|type|status|sagskategori|kategori)\b",
    re.IGNORECASE,
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
            prefixes: tuple[tuple[str, ItemKind], ...] = (
                ("beslut", "decision"),
                ("orienter", "orientation"),
                ("meddel", "orientation"),
                ("drøft", "discussion"),
            )
            for prefix, kind in prefixes:
                if low.startswith(prefix):
                    return kind, piece
    return None


def kind_in_title(title: str) -> tuple[ItemKind, str] | None:
    """ "… (Beslutningssag)" or "… – Orientering" at the end of an item title."""
    match = re.search(r"\(([^()]{4,40})\)\s*$|\s[-–]\s([\wæøåÆØÅ ]{4,30})$", title)
    if match:
        return item_kind(match.group(1) or match.group(2))
    return None


