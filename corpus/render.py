"""Render the labelled corpus of example minutes.

    .venv/bin/python corpus/render.py              # render every case and corpus/bad/
    .venv/bin/python corpus/render.py --only ID    # render some cases
    .venv/bin/python corpus/render.py --check      # exit 1 if a rendered file is out of date

Reads `corpus/cases/*.yaml` (one document each) and the reusable agenda items in
`corpus/fillers/*.yaml`, and writes `corpus/rendered/<id>.<pdf|docx|html|txt>` plus
`corpus/rendered/<id>.expected.json` (the structure a reader must find, and the labels a careful
human reviewer gave). Output is deterministic: fixed creation dates, fixed zip timestamps, fixed
PDF identifiers, so re-rendering does not churn git. See corpus/README.md for the source format.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import hashlib
import html
import inspect
import io
import json
import re
import secrets
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parent
ROOT = CORPUS.parent
CASES_DIR = CORPUS / "cases"
FILLERS_DIR = CORPUS / "fillers"
OUT_DIR = CORPUS / "rendered"
BAD_DIR = CORPUS / "bad"
MUNICIPALITIES_CSV = ROOT / "minutes_checker" / "data" / "municipalities.csv"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

CHECKS = (
    "full_council",
    "deadline",
    "active_debate",
    "all_three_maps",
    "national_comparison",
    "action_plan_decision",
    "no_plan_reasons",
)
STATUSES = {"met", "not_met", "unclear", "not_applicable", "undetermined"}
OUTCOMES = {"deadline_reminder", "manual_review", "request_action_plan_decision",
            "no_further_action", "undetermined"}
FORMATS = {"pdf", "docx", "html", "txt"}
# Where a careful reader finds the meeting's body and date (expected.json `meeting.sources`, new
# styles only): the header block or cover, a running header/footer, an item's decision heading, a
# Sagsforløb history line, the file name, or nowhere (None: then the field itself is null).
SOURCES = ("header", "running_header", "decision_heading", "history", "file_name")

# --------------------------------------------------------------------------- kind tables

# Section title (as printed, without a trailing colon, compared case-insensitively) -> kind.
# Any title beginning with "Beslutning " (or exactly "Beslutning"), and any "<Body>s beslutning …",
# is a decision; "Beslutningstema" is checked first and is a summary. Everything else is "other".
# Kept in line with the reader (issue 2: Sagsforløb is the case, Direktionens indstilling and
# "Indstilling fra Økonomiudvalget" are proposals, Afgørelse a decision, Bevillingsmæssige
# konsekvenser the economy), but written out here, never imported from it.
SECTION_KIND_TABLE: dict[str, str] = {
    "resume": "summary",
    "sagens kerne": "summary",  # Rødovre
    "sagstema": "summary",  # Thisted
    "resumé": "summary",
    "sagsresume": "summary",
    "sagsresumé": "summary",
    "beslutningstema": "summary",
    "hvad skal besluttes": "summary",  # a question as the summary's heading
    "hvad skal vi beslutte": "summary",  # (Hillerød-like: "Hvad skal vi beslutte?")
    "sagsfremstilling": "case",
    "sagsfremstilling og økonomi": "case",  # Fredensborg
    "sagens baggrund": "case",
    "sagsbeskrivelse": "case",
    "baggrund": "case",
    "sagens indhold": "case",
    "sagsforløb": "case",
    "sagens forløb": "case",
    "beskrivelse": "case",
    "redegørelse": "case",
    "indstilling": "proposal",
    "indstilling og beslutning": "proposal",  # Copenhagen: the proposal to be decided
    "indstillinger": "proposal",
    "administrationens indstilling": "proposal",
    "direktionens indstilling": "proposal",
    "forvaltningens indstilling": "proposal",
    "forslag til beslutning": "proposal",
    "forslag": "proposal",  # "Forslag" alone over "Forvaltningen foreslår, 1. at …"
    "beslutningspunkter": "proposal",  # web portal: "Det indstilles: At 1) … At 2) …"
    "anbefaling": "proposal",  # Prepare (Varde): "Forvaltningen anbefaler, At …"
    "forvaltningen foreslår": "proposal",  # Middelfart: "Forvaltningen foreslår, at …"
    "afgørelse": "decision",
    "beslutninger": "decision",
    "bilag": "attachments",
    "økonomi": "economy",
    "økonomiske konsekvenser": "economy",
    "økonomiske forhold og konsekvenser": "economy",
    "bevillingsmæssige konsekvenser": "economy",
    "økonomi og afledt drift": "economy",
    "høring": "hearing",
    "høringssvar": "hearing",
    "høring og sagsgang": "hearing",
}

# Item type as printed (kind_label) -> item kind. Matched on the start of the label, lower case.
ITEM_KIND_TABLE: tuple[tuple[str, str], ...] = (
    ("beslutning", "decision"),  # Beslutningssag, Beslutning
    ("orientering", "orientation"),  # Orienteringssag, Orientering
    ("meddelelse", "orientation"),  # Meddelelse, Meddelelser
    ("drøftelse", "discussion"),  # Drøftelse, Drøftelsessag
    ("temadrøftelse", "discussion"),
)


def section_kind(title: str) -> str:
    key = title.strip().rstrip(":?").strip().lower()
    if key in SECTION_KIND_TABLE:
        return SECTION_KIND_TABLE[key]
    if key == "beslutning" or key.startswith("beslutning ") or re.match(r"^.+s beslutning\b", key):
        return "decision"
    if re.match(r"^[^,]+,\s*\d{1,2}\.\s*[a-zæøå]+\s+\d{4},\s*pkt\.\s*\d+$", key):
        return "decision"  # a committee's step: "Økonomiudvalget, 13. november 2024, pkt. 171"
    if key.startswith("afgørelse "):
        return "decision"  # "Afgørelse i Byrådet den …"
    if key.startswith("baggrund "):
        return "case"  # "Baggrund for det ekstraordinære møde"
    if key.startswith("supplerende sagsfremstilling"):
        return "case"  # "Supplerende sagsfremstilling til byrådets møde den 19. december 2023"
    if re.match(r"^(?:[^\s,.:;]+ ){1,4}indstiller(?: til (?:[^\s,.:;]+ ){0,3}[^\s,.:;]+)?$", key):
        return "proposal"  # Gribskov: "Administrationen indstiller til Byrådet"; Hedensted
    if re.match(r"^(?:[\wæøå-]+s )?indstilling(?:er)?(?: (?:fra|til) .+)?$", key):
        return "proposal"  # "Udvalgets indstilling", "Indstilling fra Økonomiudvalget"
    return "other"


ORIENTATION_TITLE = re.compile(r"^(?:meddelelser?|orienteringer|gensidig orientering)\b", re.I)
# an item type leading the title ("Orientering - …", "Beslutning – …"), as some portals print it
TYPE_IN_TITLE = re.compile(
    r"^(beslutning|orientering|meddelelse|drøftelse|temadrøftelse)\w*\s*[-–:]\s+", re.I
)


def item_kind(label: str | None) -> str | None:
    if not label:
        return None
    low = label.strip().lower()
    for prefix, kind in ITEM_KIND_TABLE:
        if low.startswith(prefix):
            return kind
    raise ValueError(f"unknown kind_label {label!r}: add it to ITEM_KIND_TABLE")


# --------------------------------------------------------------------------- dates

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december"]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]


def d_long(d: dt.date) -> str:
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def d_weekday(d: dt.date) -> str:
    return f"{WEEKDAYS[d.weekday()].capitalize()} den {d_long(d)}"


def d_dash(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def d_dot(d: dt.date) -> str:
    return f"{d:%d.%m.%Y}"


_MONTH_RE = "|".join(MONTHS)


def parse_date_in(text: str) -> dt.date | None:
    """The first Danish date in `text` (27-09-2023, 27.09.2023, 27. september 2023)."""
    m = re.search(r"\b(\d{1,2})[-.](\d{1,2})[-.](\d{4})\b", text)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.search(rf"\b(\d{{1,2}})\. ({_MONTH_RE}) (\d{{4}})\b", text, re.IGNORECASE)
    if m:
        return dt.date(int(m.group(3)), MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)))
    return None


def parse_decision_body(title: str) -> str | None:
    t = title.strip().rstrip(":")
    m = re.match(r"^Beslutning i (.+?)(?: den | d\. |\s+\d|\s*$)", t)
    if m:
        return m.group(1).strip()
    m = re.match(r"^(\S.*?)s beslutning\b", t)
    if m:
        return m.group(1).strip()
    return None


# --------------------------------------------------------------------------- municipalities


@dataclass(frozen=True)
class Municipality:
    code: int
    official: str
    short: str


def fold(text: str) -> str:
    t = text.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e"), ("ü", "u")):
        t = t.replace(a, b)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def load_municipalities() -> dict[str, Municipality]:
    out: dict[str, Municipality] = {}
    with MUNICIPALITIES_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            m = Municipality(int(row["code"]), row["official_name"], row["short_name"])
            out[fold(m.short)] = m
            out[fold(m.official)] = m
    return out


# --------------------------------------------------------------------------- the document model


@dataclass
class Section:
    title: str
    text: str
    kind: str
    decision_body: str | None = None
    decision_date: dt.date | None = None
    page_start: int = 1
    printed_title: str | None = None  # set by a style that prints the title differently
    origin: str = ""  # "own" / "prior" for `decision: own|prior` sections, else ""
    point: str | None = None  # `point:` of a prior decision (portal "Punktnummer")
    role: str = ""  # portal styles: "history" (the Sagsforløb section), "history_block"


@dataclass
class Item:
    number: str
    title: str
    kind_label: str | None
    closed: bool
    case_number: str | None
    sections: list[Section]
    filler: str | None = None
    page_start: int = 1
    committee: str | None = None  # the committee of a filler (or `committee:` of a written item)
    responsible: str | None = None  # optional "Ansvarlig" (styles that print it)
    handler: str | None = None  # optional "Sagsbehandler" (styles that print it)
    printed_title: str | None = None  # set by a style that prints the title differently
    group: str | None = None  # SBSYS styles: the letter of the item's group (A, B, C, D …)
    routing: list[str] | None = None  # single-item styles: routing codes marked with X
    kind_forced: str | None = None  # set by a style whose layout decides the kind (SBSYS groups)
    kind_shown: bool = True  # False when the style prints no item type (kind is then null)

    @property
    def kind(self) -> str | None:
        if self.kind_forced is not None:
            return self.kind_forced
        if not self.kind_shown:
            # no item type printed: a title such as "Meddelelser" still says orientation, and
            # a title led by an item type says that type
            typed = TYPE_IN_TITLE.match(self.title)
            if typed:
                return item_kind(typed.group(1))
            return "orientation" if ORIENTATION_TITLE.match(self.title) else None
        return item_kind(self.kind_label)


@dataclass
class Meeting:
    municipality: Municipality
    body: str
    body_kind: str
    date: dt.date
    place: str | None
    start_time: str | None
    end_time: str | None
    absent: list[str]
    members: list[str]
    header_lines: list[str]
    council: str
    committee: str
    committee_date: dt.date


@dataclass
class Case:
    id: str
    split: str
    format: str
    style: str
    meeting: Meeting
    toc: bool
    items: list[Item]
    labels: dict[str, Any]
    title: str | None = None
    source: Path | None = None
    document: str = "referat"  # "referat" (minutes) or "dagsorden" (agenda: no own decisions)
    options: dict[str, Any] = field(default_factory=dict)  # `style_options:` of the case
    # set by the new styles while rendering: where the document states the meeting's body and
    # date (values from SOURCES, or None when it does not); None for the older styles
    sources: dict[str, str | None] | None = None

    @property
    def file_name(self) -> str:
        return f"{self.id}.{self.format}"


# --------------------------------------------------------------------------- text blocks


@dataclass
class Block:
    kind: str  # "p", "bullet", "num", "table"
    text: str = ""
    label: str = ""
    rows: list[list[str]] = field(default_factory=list)


_NUM_RE = re.compile(r"^(\d{1,2}\.|[a-h]\))\s+(.*)$")
_BULLET_RE = re.compile(r"^[-•]\s+(.*)$")


def parse_blocks(text: str) -> list[Block]:
    """Blank lines separate paragraphs; lines '- x' are bullets, '1. x' / 'a) x' numbered entries,
    a paragraph of lines starting with '|' is a table (first row is the header). Other lines of a
    paragraph are joined with a space."""
    blocks: list[Block] = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(ln.startswith("|") for ln in lines):
            rows = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
            blocks.append(Block("table", rows=rows))
            continue
        buf: list[str] = []

        def flush(buf: list[str] = buf) -> None:
            if buf:
                blocks.append(Block("p", " ".join(buf)))
                buf.clear()

        for ln in lines:
            mb = _BULLET_RE.match(ln)
            mn = _NUM_RE.match(ln)
            if mb:
                flush()
                blocks.append(Block("bullet", mb.group(1)))
            elif mn:
                flush()
                blocks.append(Block("num", mn.group(2), label=mn.group(1)))
            else:
                buf.append(ln)
        flush()
    return blocks


def plain_text(text: str) -> str:
    """The section text as one string (used to decide whether a short decision fits inline)."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- loading


class CorpusError(Exception):
    pass


_PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)\}")


def fill(text: str, values: dict[str, str], where: str) -> str:
    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in values:
            raise CorpusError(f"{where}: unknown placeholder {{{key}}}")
        return values[key]

    return _PLACEHOLDER.sub(sub, text)


def genitive(name: str) -> str:
    return name if name.endswith("s") else name + "s"


def load_fillers() -> dict[str, dict[str, Any]]:
    fillers: dict[str, dict[str, Any]] = {}
    for path in sorted(FILLERS_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for f in data["fillers"]:
            if f["id"] in fillers:
                raise CorpusError(f"{path.name}: duplicate filler id {f['id']}")
            f["_file"] = path.name
            fillers[f["id"]] = f
    return fillers


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise CorpusError(f"{where}: bad date {value!r}") from exc


FULL_COUNCIL_WORDS = ("byråd", "kommunalbestyrelse", "borgerrepræsentation")
DOCUMENT_KINDS = {"referat", "dagsorden"}

# The fields a case, its meeting, an item (written or filler), a section and the labels may have;
# anything else is an error (a misspelt field must not be silently ignored).
CASE_KEYS = {"id", "split", "format", "style", "toc", "document", "style_options", "meeting",
             "items", "labels", "title"}
MEETING_KEYS = {"municipality", "body", "body_kind", "date", "start_time", "end_time", "place",
                "absent", "members", "header_lines", "council", "committee", "committee_date"}
ITEM_KEYS = {"number", "filler", "id", "trap", "title", "kind_label", "case_number", "closed",
             "committee", "responsible", "handler", "sections", "group", "routing"}
SECTION_KEYS = {"title", "text", "decision", "body", "date", "when", "decision_body",
                "decision_date", "point"}
LABEL_KEYS = {"map_year", "items", "checks", "outcome", "rationale", "conventions"}


def check_keys(obj: Any, allowed: set[str], where: str) -> None:
    if not isinstance(obj, dict):
        raise CorpusError(f"{where}: expected a mapping")
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise CorpusError(f"{where}: unknown fields {unknown}")


def load_case(path: Path, munis: dict[str, Municipality],
              fillers: dict[str, dict[str, Any]]) -> Case:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = path.name
    check_keys(data, CASE_KEYS, where)
    check_keys(data["meeting"], MEETING_KEYS, f"{where} meeting")
    check_keys(data["labels"], LABEL_KEYS, f"{where} labels")
    cid = data["id"]
    if path.stem != cid:
        raise CorpusError(f"{where}: id {cid!r} does not match the file name")
    m = data["meeting"]
    muni = munis.get(fold(m["municipality"]))
    if muni is None:
        raise CorpusError(f"{where}: unknown municipality {m['municipality']!r}")
    if not cid.startswith(fold(muni.short) + "-"):
        raise CorpusError(f"{where}: id must start with {fold(muni.short)}-")
    body = m["body"]
    body_kind = m.get("body_kind") or (
        "full_council" if any(w in body.lower() for w in FULL_COUNCIL_WORDS) else "committee")
    date = _date(m["date"], where)
    council = m.get("council") or (body if body_kind == "full_council" else "Byrådet")
    meeting = Meeting(
        municipality=muni,
        body=body,
        body_kind=body_kind,
        date=date,
        place=m.get("place"),
        start_time=m.get("start_time"),
        end_time=m.get("end_time"),
        absent=list(m.get("absent") or []),
        members=list(m.get("members") or []),
        header_lines=list(m.get("header_lines") or []),
        council=council,
        committee=m.get("committee") or "Økonomiudvalget",
        committee_date=_date(m.get("committee_date") or (date - dt.timedelta(days=14)), where),
    )
    style = data["style"]
    if style not in STYLES:
        raise CorpusError(f"{where}: unknown style {style!r}; one of {sorted(STYLES)}")
    fmt = data["format"]
    if STYLES[style].format != fmt:
        raise CorpusError(f"{where}: style {style} renders {STYLES[style].format}, not {fmt}")
    document = data.get("document", "referat")
    if document not in DOCUMENT_KINDS:
        raise CorpusError(f"{where}: document must be one of {sorted(DOCUMENT_KINDS)}")
    if document != "referat" and document not in STYLES[style].documents:
        raise CorpusError(f"{where}: style {style} cannot print a {document}")
    options = dict(data.get("style_options") or {})
    unknown = sorted(set(options) - set(STYLES[style].options))
    if unknown:
        raise CorpusError(f"{where}: style {style} has no options {unknown}; "
                          f"it has {sorted(STYLES[style].options)}")
    case = Case(id=cid, split=data["split"], format=fmt, style=style, meeting=meeting,
                toc=bool(data.get("toc", False)), items=[], labels=data["labels"],
                title=data.get("title"), source=path, document=document, options=options)
    for raw in data["items"]:
        case.items.append(build_item(raw, case, fillers, where))
    validate_case(case, where)
    return case


def placeholder_values(meeting: Meeting, committee: str) -> dict[str, str]:
    d = meeting.date
    return {
        "council": meeting.council,
        "council_gen": genitive(meeting.council),
        "council_lower": meeting.council[0].lower() + meeting.council[1:],
        "committee": committee,
        "committee_gen": genitive(committee),
        "body": meeting.body,
        "date": d_long(d),
        "date_num": d_dash(d),
        "committee_date": d_long(meeting.committee_date),
        "year": str(d.year),
        "yy": f"{d.year % 100:02d}",
        "prev_year": str(d.year - 1),
        "next_year": str(d.year + 1),
        "next_year_2": str(d.year + 2),
        "next_year_3": str(d.year + 3),
        "next_year_4": str(d.year + 4),
        "municipality": meeting.municipality.official,
        "town": meeting.municipality.short,
    }


def build_item(raw: dict[str, Any], case: Case, fillers: dict[str, dict[str, Any]],
               where: str) -> Item:
    style = STYLES[case.style]
    meeting = case.meeting
    number = str(raw["number"])
    fid = raw.get("filler")
    src = raw
    check_keys(raw, ITEM_KEYS, f"{where} item {number}")
    if fid:
        if fid not in fillers:
            raise CorpusError(f"{where}: item {number}: unknown filler {fid!r}")
        src = {**fillers[fid], **{k: v for k, v in raw.items() if k not in ("filler", "number")}}
        check_keys(src, ITEM_KEYS | {"_file"}, f"{where} item {number} (filler {fid})")
    committee = src.get("committee") or meeting.committee
    values = placeholder_values(meeting, committee)
    iwhere = f"{where} item {number}" + (f" (filler {fid})" if fid else "")
    sections: list[Section] = []
    for s in src.get("sections") or []:
        check_keys(s, SECTION_KEYS, f"{iwhere} section {s.get('title') or s.get('decision')}")
        when = s.get("when", "any")
        if when == "council" and meeting.body_kind != "full_council":
            continue
        if when == "committee" and meeting.body_kind == "full_council":
            continue
        text = fill(s.get("text", ""), values, iwhere)
        decision = s.get("decision")
        if decision:
            if decision == "prior":
                if meeting.body_kind != "full_council" and fid:
                    continue  # a filler's earlier committee decision only shows in council minutes
                dbody = fill(s.get("body", committee), values, iwhere)
                ddate = _date(s["date"], iwhere) if "date" in s else meeting.committee_date
            elif decision == "own" and case.document == "dagsorden":
                if fid:
                    continue  # an agenda holds no decisions of the meeting itself
                raise CorpusError(f"{iwhere}: a dagsorden has no decision of its own meeting")
            elif decision == "own":
                dbody, ddate = meeting.body, meeting.date
            else:
                raise CorpusError(f"{iwhere}: decision must be 'own' or 'prior'")
            if "title" in s:
                title = fill(s["title"], values, iwhere)
                shown_body = parse_decision_body(title)
                shown_date = parse_date_in(title)
            else:
                title, shown_body, shown_date = style.decision_title(dbody, ddate, decision,
                                                                     case.options)
            sec = Section(title, text, "decision", shown_body, shown_date, origin=decision)
            if "point" in s:
                sec.point = str(s["point"])
        else:
            title = fill(s["title"], values, iwhere)
            kind = section_kind(title)
            sec = Section(title, text, kind)
            if kind == "decision":
                sec.decision_body = parse_decision_body(title)
                sec.decision_date = parse_date_in(title)
        if "decision_body" in s:
            sec.decision_body = s["decision_body"]
        if "decision_date" in s:
            sec.decision_date = _date(s["decision_date"], iwhere) if s["decision_date"] else None
        if sec.kind != section_kind(sec.title):
            raise CorpusError(f"{iwhere}: section {sec.title!r} maps to {section_kind(sec.title)}")
        sections.append(sec)
    title = fill(src["title"], values, iwhere)
    case_number = fill(str(src["case_number"]), values, iwhere) if src.get("case_number") else None
    extra = {k: fill(str(src[k]), values, iwhere) if src.get(k) else None
             for k in ("responsible", "handler")}
    group = str(src["group"]) if src.get("group") else None
    routing = [str(code) for code in src["routing"]] if src.get("routing") else None
    return Item(number=number, title=title, kind_label=src.get("kind_label"),
                closed=bool(src.get("closed", False)), case_number=case_number,
                sections=sections, filler=fid, committee=src.get("committee"), group=group,
                routing=routing, **extra)


def expected_outcome(checks: dict[str, str]) -> str:
    """CRITERIA.md §5, first rule that applies."""
    if checks["full_council"] == "not_met" or checks["deadline"] == "not_met":
        return "deadline_reminder"
    if "unclear" in (checks["full_council"], checks["deadline"]):
        return "manual_review"
    if checks["action_plan_decision"] == "not_met":
        return "request_action_plan_decision"
    soft = ("active_debate", "all_three_maps", "national_comparison", "action_plan_decision")
    if any(checks[c] in ("not_met", "unclear") for c in soft):
        return "manual_review"
    return "no_further_action"


SPLITS = (
    "dev", "heldout", "layouts", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9",
    "dev10", "dev11", "dev12", "dev13", "dev14",
    "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23",
    "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30",
    "dev31", "dev32", "dev33", "dev34", "dev35", "dev36", "dev37", "dev38", "dev39",
    "dev40", "dev41", "dev42", "dev43", "dev44", "dev45", "dev46", "dev47", "dev48",
    "dev49", "dev50", "dev51", "dev52", "dev53", "dev54", "dev55", "dev56", "dev57",
    "dev58", "dev59", "dev60", "dev61", "dev62", "dev63", "dev64", "dev65",
    "dev66", "dev67", "dev68", "dev69", "dev70", "dev71", "dev72", "dev73", "dev74",
    "dev75", "dev76", "dev77", "dev78", "dev79", "dev80", "dev81", "dev82",
    "dev83", "dev84", "dev85", "dev86", "dev87",
    "dev88", "dev89", "dev90",
    "dev91", "dev92", "dev93",
    "dev94", "dev95", "dev96", "dev97", "dev98", "dev99",
    "dev100", "dev101", "dev102", "dev103", "dev104", "dev105",
    "dev106", "dev107", "dev108", "dev109", "dev110", "dev111",
    "dev112", "dev113", "dev114", "dev115", "dev116", "dev117",
    "dev118", "dev119", "dev120", "dev121", "dev122", "dev123",
    "dev124", "dev125", "dev126", "dev127", "dev128", "dev129",
    "dev130", "dev131", "dev132", "dev133", "dev134", "dev135",
    "dev136", "dev137", "dev138", "dev139", "dev140", "dev141",
    "dev142", "dev143", "dev144", "dev145", "dev146", "dev147",
    "dev148", "dev149", "dev150", "dev151", "dev152", "dev153",
    "dev154", "dev155", "dev156", "dev157", "dev158", "dev159",
    "dev160", "dev161", "dev162", "dev163", "dev164", "dev165",
    "dev166", "dev167", "dev168", "dev169", "dev170", "dev171",
    "dev172", "dev173", "dev174", "dev175", "dev176", "dev177",
    "dev178", "dev179", "dev180",
)
CONVENTIONS_FILE = ROOT / "corpus" / "conventions.yaml"


def known_conventions() -> set[str]:
    """The convention tags a case may carry (`labels.conventions`), from corpus/conventions.yaml."""
    if not CONVENTIONS_FILE.exists():
        return set()
    data = yaml.safe_load(CONVENTIONS_FILE.read_text(encoding="utf-8")) or {}
    return {str(entry["id"]) for entry in data.get("conventions", [])}


def validate_case(case: Case, where: str) -> None:
    if case.split not in SPLITS:
        raise CorpusError(f"{where}: split must be one of {SPLITS}")
    lab = case.labels
    checks = lab.get("checks") or {}
    if set(checks) != set(CHECKS):
        raise CorpusError(f"{where}: labels.checks must hold exactly {CHECKS}")
    for c, s in checks.items():
        if s not in STATUSES:
            raise CorpusError(f"{where}: {c}: bad status {s!r}")
    if lab.get("outcome") not in OUTCOMES:
        raise CorpusError(f"{where}: bad outcome {lab.get('outcome')!r}")
    if lab["items"] and lab["outcome"] != expected_outcome(checks):
        raise CorpusError(f"{where}: outcome {lab['outcome']} but the precedence table gives "
                          f"{expected_outcome(checks)}")
    year = lab.get("map_year")
    if lab["items"]:
        if not isinstance(year, int) or not 2017 <= year <= 2030:
            raise CorpusError(f"{where}: map_year must be the publication year")
        if year < 2022:
            for c in ("action_plan_decision", "no_plan_reasons"):
                if checks[c] != "not_applicable":
                    raise CorpusError(f"{where}: {c} must be not_applicable before the 2022 map")
    numbers = [i.number for i in case.items]
    if len(set(numbers)) != len(numbers):
        raise CorpusError(f"{where}: duplicate item numbers")
    for n in lab["items"]:
        if str(n) not in numbers:
            raise CorpusError(f"{where}: labelled item {n} does not exist")
    if not str(lab.get("rationale", "")).strip():
        raise CorpusError(f"{where}: labels.rationale is required")
    tags = lab.get("conventions") or []
    if not isinstance(tags, list):
        raise CorpusError(f"{where}: labels.conventions must be a list of convention ids")
    unknown = sorted(set(map(str, tags)) - known_conventions())
    if unknown:
        raise CorpusError(f"{where}: unknown conventions {unknown} (see corpus/conventions.yaml)")


# --------------------------------------------------------------------------- styles


@dataclass
class Style:
    name: str
    format: str
    description: str
    render: Callable[[Case], bytes]
    decision_fmt: Callable[[str, dt.date, str], tuple[str, str | None, dt.date | None]]
    options: tuple[str, ...] = ()  # keys allowed in a case's `style_options:`
    documents: tuple[str, ...] = ("referat",)  # document kinds the style can print

    def decision_title(self, body: str, date: dt.date, which: str,
                       options: dict[str, Any] | None = None
                       ) -> tuple[str, str | None, dt.date | None]:
        """The printed decision heading; a decision_fmt with a 4th parameter gets the case's
        style options (headings that depend on an option, e.g. a council period)."""
        if len(inspect.signature(self.decision_fmt).parameters) >= 4:
            return self.decision_fmt(body, date, which, options or {})
        return self.decision_fmt(body, date, which)


def dec_i_den(date_fmt: Callable[[dt.date], str]) -> Callable[..., tuple[str, str, dt.date]]:
    def f(body: str, date: dt.date, which: str) -> tuple[str, str, dt.date]:
        return f"Beslutning i {body} den {date_fmt(date)}", body, date

    return f


def dec_genitive(body: str, date: dt.date, which: str) -> tuple[str, str, dt.date]:
    return f"{genitive(body)} beslutning den {d_dot(date)}", body, date


def dec_plain_own(body: str, date: dt.date,
                  which: str) -> tuple[str, str | None, dt.date | None]:
    if which == "own":
        return "Beslutning", None, None
    return f"Beslutning i {body} den {d_long(date)}", body, date


STYLES: dict[str, Style] = {}


def register(name: str, fmt: str, description: str, decision_fmt: Callable[..., Any],
             options: tuple[str, ...] = (), documents: tuple[str, ...] = ("referat",)
             ) -> Callable[[Callable[[Case], bytes]], Callable[[Case], bytes]]:
    def deco(fn: Callable[[Case], bytes]) -> Callable[[Case], bytes]:
        STYLES[name] = Style(name, fmt, description, fn, decision_fmt, options, documents)
        return fn

    return deco


# --------------------------------------------------------------------------- PDF


def _fpdf() -> Any:
    from fpdf import FPDF

    return FPDF


def fixed_datetime(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, 12, 0, 0, tzinfo=dt.timezone.utc)


def new_pdf(case: Case, fonts: dict[str, tuple[str, ...]],
            header: Callable[[Any], None] | None = None,
            footer: Callable[[Any], None] | None = None) -> Any:
    fpdf_cls = _fpdf()

    class Pdf(fpdf_cls):  # type: ignore[misc, valid-type]
        def header(self) -> None:
            if header:
                header(self)

        def footer(self) -> None:
            if footer:
                footer(self)

    pdf = Pdf(format="A4", unit="mm")
    pdf.set_creation_date(fixed_datetime(case.meeting.date))
    pdf.set_producer("minutes-checker corpus renderer")
    pdf.set_creator(STYLES[case.style].description)
    pdf.set_title(f"Referat {case.meeting.body} {d_dash(case.meeting.date)}")
    pdf.set_author(case.meeting.municipality.official)
    pdf.set_lang("da-DK")
    for family, files in fonts.items():
        for style_code, fname in zip(("", "B", "I"), files, strict=False):
            if fname:
                pdf.add_font(family, style_code, str(FONT_DIR / fname))
    pdf.alias_nb_pages()
    return pdf


SANS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
SERIF = ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf")


def ensure_space(pdf: Any, height: float) -> None:
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def pdf_blocks(pdf: Any, text: str, family: str, size: float, lh: float, align: str = "J",
               indent: float = 0) -> None:
    x0 = pdf.l_margin + indent
    width = pdf.w - pdf.r_margin - x0
    for b in parse_blocks(text):
        pdf.set_font(family, "", size)
        if b.kind == "p":
            pdf.set_x(x0)
            pdf.multi_cell(width, lh, b.text, align=align, new_x="LMARGIN", new_y="NEXT")
        elif b.kind in ("bullet", "num"):
            label = "•" if b.kind == "bullet" else b.label
            hang = 5 if b.kind == "bullet" else 7
            ensure_space(pdf, lh)
            y = pdf.get_y()
            pdf.set_xy(x0 + 1, y)
            pdf.cell(hang, lh, label)
            pdf.set_xy(x0 + 1 + hang, y)
            pdf.multi_cell(width - 1 - hang, lh, b.text, align="L", new_x="LMARGIN",
                           new_y="NEXT")
        elif b.kind == "table":
            pdf_table(pdf, b.rows, family, size - 1, lh, x0, width)
        pdf.ln(lh * 0.4)


def pdf_table(pdf: Any, rows: list[list[str]], family: str, size: float, lh: float, x0: float,
              width: float) -> None:
    ncol = max(len(r) for r in rows)
    first = 0.34 if ncol > 2 else 0.5
    col_widths = [first] + [(1 - first) / (ncol - 1)] * (ncol - 1) if ncol > 1 else [1.0]
    pdf.set_font(family, "", size)
    pdf.set_x(x0)
    align = ["LEFT"] + ["RIGHT"] * (ncol - 1)
    with pdf.table(width=width, col_widths=col_widths, line_height=lh, text_align=align,
                   align="LEFT", first_row_as_headings=True) as table:
        for row in rows:
            r = table.row()
            for j in range(ncol):
                r.cell(row[j] if j < len(row) else "")
    pdf.set_x(pdf.l_margin)


# ---- style B's own line breaker: justified text, words hyphenated at line ends

_VOWELS = set("aeiouyæøåéAEIOUYÆØÅÉ")
_MORPHEMES = ("omgørelses", "procent", "social", "område", "handicap", "kommunal", "bestyrelse",
              "gennemsnit", "lands", "sags", "behandling", "handlings", "klage", "udvalg",
              "børne", "voksen", "danmarks", "kort", "styrelse", "anke", "rets", "sikkerhed",
              "afgørelse", "kvalitet", "indsats", "udarbejd", "hjemvis", "stadfæst")


def hyphen_points(word: str) -> list[int]:
    """Positions where a word may be split with a hyphen: only plain words of letters (never a word
    that already holds a hyphen, like 'Børne-' or '2024-2027'), at least 3 letters each side."""
    core = word.rstrip(".,;:)")
    if len(core) < 8 or not core.isalpha():
        return []
    low = core.lower()
    points: set[int] = set()
    for morph in _MORPHEMES:
        start = low.find(morph)
        while start != -1:
            for p in (start, start + len(morph)):
                if 3 <= p <= len(core) - 3:
                    points.add(p)
            start = low.find(morph, start + 1)
    for p in range(3, len(core) - 2):
        a, b, c = core[p - 1], core[p], core[p + 1] if p + 1 < len(core) else ""
        if a in _VOWELS and b not in _VOWELS and c in _VOWELS:
            points.add(p)  # V-CV: break before the consonant
        elif a not in _VOWELS and b not in _VOWELS and p >= 2 and core[p - 2] in _VOWELS \
                and c in _VOWELS:
            points.add(p)  # VC-CV: break between the consonants
    return sorted(points)


def break_hyphenated(pdf: Any, text: str, width: float,
                     first_width: float) -> list[tuple[list[str], bool]]:
    """Greedy lines of words; a word that does not fit is hyphenated if part of it fits.
    Returns (words, justify) per line; the last line of a paragraph is not justified."""
    words = text.split()
    space = pdf.get_string_width(" ")
    lines: list[tuple[list[str], bool]] = []
    cur: list[str] = []
    cur_w = 0.0

    def avail() -> float:
        return first_width if not lines else width

    i = 0
    while i < len(words):
        word = words[i]
        ww = pdf.get_string_width(word)
        need = ww if not cur else cur_w + space + ww
        if need <= avail():
            cur.append(word)
            cur_w = need
            i += 1
            continue
        split_done = False
        for p in reversed(hyphen_points(word)):
            head = word[:p] + "-"
            hw = pdf.get_string_width(head)
            if (hw if not cur else cur_w + space + hw) <= avail():
                cur.append(head)
                words[i] = word[p:]
                split_done = True
                break
        if not cur and not split_done:
            cur.append(word)  # a single word wider than the line: let it overflow
            i += 1
        lines.append((cur, True))
        cur, cur_w = [], 0.0
    if cur:
        lines.append((cur, False))
    return lines


def pdf_justified(pdf: Any, text: str, family: str, size: float, lh: float, x0: float,
                  width: float, first_offset: float = 0.0) -> None:
    pdf.set_font(family, "", size)
    space = pdf.get_string_width(" ")
    lines = break_hyphenated(pdf, text, width, width - first_offset)
    saved_margin = pdf.c_margin
    pdf.c_margin = 0
    for n, (words, justify) in enumerate(lines):
        if n > 0:
            ensure_space(pdf, lh)
        y = pdf.get_y()
        x = x0 + (first_offset if n == 0 else 0)
        line_w = (width - first_offset) if n == 0 else width
        widths = [pdf.get_string_width(w) for w in words]
        if justify and len(words) > 1:
            gap = (line_w - sum(widths)) / (len(words) - 1)
            gap = min(gap, space * 3)
            for w, wdt in zip(words, widths, strict=True):
                pdf.set_xy(x, y)
                pdf.cell(wdt, lh, w)
                x += wdt + gap
        else:
            pdf.set_xy(x, y)
            pdf.cell(line_w, lh, " ".join(words))
        pdf.set_xy(x0, y + lh)
    pdf.c_margin = saved_margin


def meeting_lines(case: Case, date_text: str) -> list[tuple[str, str]]:
    m = case.meeting
    rows = [("Mødedato", date_text)]
    if m.start_time:
        t = f"kl. {m.start_time}" + (f" – {m.end_time}" if m.end_time else "")
        rows.append(("Mødetidspunkt", t))
    if m.place:
        rows.append(("Mødested", m.place))
    if m.members:
        rows.append(("Medlemmer", ", ".join(m.members)))
    rows.append(("Fraværende", ", ".join(m.absent) if m.absent else "Ingen"))
    return rows


def render_pdf_two_pass(case: Case, build: Callable[[Case, dict[str, int] | None], Any]) -> bytes:
    """Render once to learn on which page each item starts, then again with a filled TOC."""
    pdf = build(case, None)
    pages = {it.number: it.page_start for it in case.items}
    sec_pages = [[s.page_start for s in it.sections] for it in case.items]
    if not case.toc:
        return bytes(pdf.output())
    pdf = build(case, pages)
    if pages != {it.number: it.page_start for it in case.items} or \
            sec_pages != [[s.page_start for s in it.sections] for it in case.items]:
        raise CorpusError(f"{case.id}: the table of contents moved the items; check the layout")
    return bytes(pdf.output())


# ---- PDF A: First Agenda-like


def build_pdf_a(case: Case, toc_pages: dict[str, int] | None) -> Any:
    m = case.meeting
    footer_text = f"{m.body} {d_dash(m.date)} – Side {{page}} af {{nb}}"

    def header(pdf: Any) -> None:
        if pdf.page_no() == 1:
            return
        pdf.set_font("sans", "", 8)
        pdf.set_text_color(90)
        pdf.set_xy(pdf.l_margin, 8)
        pdf.cell(0, 4, m.municipality.official)
        pdf.set_xy(pdf.l_margin, 8)
        pdf.cell(0, 4, "Referat", align="R")
        pdf.set_text_color(0)
        pdf.set_y(20)

    def footer(pdf: Any) -> None:
        if pdf.page_no() == 1:
            return
        pdf.set_y(-13)
        pdf.set_font("sans", "", 8)
        pdf.set_text_color(90)
        pdf.cell(0, 4, footer_text.replace("{page}", str(pdf.page_no())), align="C")
        pdf.set_text_color(0)

    pdf = new_pdf(case, {"sans": SANS}, header, footer)
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, 20)
    # cover
    pdf.add_page()
    pdf.set_y(40)
    pdf.set_font("sans", "B", 20)
    pdf.cell(0, 10, m.municipality.official, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(25)
    pdf.set_font("sans", "B", 30)
    pdf.cell(0, 14, "Referat", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("sans", "", 16)
    pdf.cell(0, 10, m.body, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    for label, value in meeting_lines(case, d_weekday(m.date)):
        pdf.set_font("sans", "B", 10)
        y = pdf.get_y()
        pdf.cell(38, 6, label)
        pdf.set_font("sans", "", 10)
        pdf.set_xy(pdf.l_margin + 38, y)
        pdf.multi_cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    for line in m.header_lines:
        pdf.set_font("sans", "", 10)
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    # table of contents
    if case.toc:
        pdf.add_page()
        pdf.set_font("sans", "B", 16)
        pdf.cell(0, 10, "Indholdsfortegnelse", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font("sans", "", 10)
        avail = pdf.w - pdf.l_margin - pdf.r_margin
        for it in case.items:
            page = str(toc_pages[it.number]) if toc_pages else "99"
            toc_line_with_leaders(pdf, f"{it.number}. {it.title}", page, avail, 5.5)
    # items flow on from a new page
    pdf.add_page()
    for it in case.items:
        ensure_space(pdf, 28)
        if pdf.get_y() > 25:
            pdf.ln(5)
        it.page_start = pdf.page_no()
        pdf.set_font("sans", "B", 12)
        pdf.multi_cell(0, 6.5, f"{it.number}. {it.title}", align="L", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.ln(1)
        pdf.set_font("sans", "", 8.5)
        if it.case_number:
            pdf.cell(0, 4.5, f"Sagsnr.: {it.case_number}", new_x="LMARGIN", new_y="NEXT")
        if it.kind_label:
            pdf.set_font("sans", "I", 8.5)
            pdf.cell(0, 4.5, it.kind_label, new_x="LMARGIN", new_y="NEXT")
        if it.closed:
            pdf.set_font("sans", "I", 9)
            pdf.cell(0, 5, "Lukket punkt", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for s in it.sections:
            ensure_space(pdf, 14)
            s.page_start = pdf.page_no()
            pdf.set_font("sans", "B", 10)
            pdf.multi_cell(0, 5.5, s.title, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf_blocks(pdf, s.text, "sans", 9.5, 4.8)
            pdf.ln(1.5)
    return pdf


def toc_line_with_leaders(pdf: Any, title: str, page: str, avail: float, lh: float) -> None:
    page_w = pdf.get_string_width(page) + 2
    max_w = avail - page_w - 8
    words, lines, cur = title.split(), [], ""
    for w in words:
        cand = (cur + " " + w).strip()
        if pdf.get_string_width(cand) <= max_w:
            cur = cand
        else:
            lines.append(cur)
            cur = w
    lines.append(cur)
    for ln in lines[:-1]:
        pdf.cell(0, lh, ln, new_x="LMARGIN", new_y="NEXT")
    last = lines[-1]
    dot_w = pdf.get_string_width(".")
    n = int((avail - page_w - pdf.get_string_width(last + " ")) / dot_w) - 1
    pdf.cell(avail - page_w, lh, f"{last} " + "." * max(n, 3))
    pdf.cell(page_w, lh, page, align="R", new_x="LMARGIN", new_y="NEXT")


@register("pdf_a", "pdf", "PDF A (First Agenda-like): cover, TOC with dot leaders, running footer",
          dec_i_den(d_dash))
def render_pdf_a(case: Case) -> bytes:
    return render_pdf_two_pass(case, build_pdf_a)


# ---- PDF B: "Punkt 12: Title", colon headings, justified hyphenated text


def build_pdf_b(case: Case, toc_pages: dict[str, int] | None) -> Any:
    m = case.meeting
    head = f"Referat – {m.body} – {d_long(m.date)}"

    def header(pdf: Any) -> None:
        pdf.set_font("sans", "", 8)
        pdf.set_xy(pdf.l_margin, 10)
        pdf.cell(0, 4, head)
        pdf.line(pdf.l_margin, 15, pdf.w - pdf.r_margin, 15)
        pdf.set_y(20)

    def footer(pdf: Any) -> None:
        pdf.set_y(-12)
        pdf.set_font("sans", "", 8)
        pdf.cell(0, 4, f"Side {pdf.page_no()}", align="R")

    pdf = new_pdf(case, {"sans": SANS}, header, footer)
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(True, 18)
    pdf.c_margin = 0
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("sans", "B", 15)
    pdf.cell(0, 8, m.municipality.official, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("sans", "", 10)
    for line in m.header_lines:
        pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    for label, value in meeting_lines(case, d_long(m.date)):
        label = "Afbud" if label == "Fraværende" else label
        pdf.multi_cell(0, 5.5, f"{label}: {value}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    if case.toc:
        pdf.set_font("sans", "B", 11)
        pdf.cell(0, 6, "Dagsorden", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("sans", "", 9.5)
        for it in case.items:
            pdf.multi_cell(0, 5, f"Punkt {it.number}: {it.title}", align="L", new_x="LMARGIN",
                           new_y="NEXT")
        pdf.ln(4)
    for it in case.items:
        ensure_space(pdf, 30)
        pdf.ln(3)
        it.page_start = pdf.page_no()
        pdf.set_font("sans", "B", 14)
        pdf.multi_cell(0, 7, f"Punkt {it.number}: {it.title}", align="L", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.set_font("sans", "", 8.5)
        if it.case_number:
            pdf.cell(0, 4.5, f"Sagsnr. {it.case_number}", new_x="LMARGIN", new_y="NEXT")
        if it.kind_label:
            pdf.cell(0, 4.5, f"Sagstype: {it.kind_label}", new_x="LMARGIN", new_y="NEXT")
        if it.closed:
            pdf.cell(0, 4.5, "Lukket punkt", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for s in it.sections:
            ensure_space(pdf, 12)
            s.page_start = pdf.page_no()
            heading = s.title + ":"
            blocks = parse_blocks(s.text)
            inline = (s.kind == "decision" and len(blocks) == 1 and blocks[0].kind == "p"
                      and len(blocks[0].text) <= 220)
            pdf.set_font("sans", "B", 10)
            inline = inline and pdf.get_string_width(heading) < width * 0.6
            if inline:
                y = pdf.get_y()
                hw = pdf.get_string_width(heading + " ") + 0.8
                pdf.set_xy(pdf.l_margin, y)
                pdf.cell(hw, 5, heading)
                pdf.set_xy(pdf.l_margin, y)
                pdf_justified(pdf, blocks[0].text, "sans", 10, 5, pdf.l_margin, width,
                              first_offset=hw)
                pdf.ln(2)
                continue
            pdf.multi_cell(0, 5, heading, align="L", new_x="LMARGIN", new_y="NEXT")
            for b in blocks:
                if b.kind == "p":
                    pdf_justified(pdf, b.text, "sans", 10, 5, pdf.l_margin, width)
                elif b.kind in ("bullet", "num"):
                    label = "–" if b.kind == "bullet" else b.label
                    ensure_space(pdf, 5)
                    y = pdf.get_y()
                    pdf.set_font("sans", "", 10)
                    pdf.set_xy(pdf.l_margin + 2, y)
                    pdf.cell(7, 5, label)
                    pdf.set_xy(pdf.l_margin + 9, y)
                    pdf_justified(pdf, b.text, "sans", 10, 5, pdf.l_margin + 9, width - 9)
                else:
                    pdf_table(pdf, b.rows, "sans", 9, 4.6, pdf.l_margin, width)
                pdf.ln(1.5)
            pdf.ln(1.5)
    return pdf


@register("pdf_b", "pdf", "PDF B: 'Punkt 12: Title', 'Indstilling:' headings, hyphenated text",
          dec_i_den(d_long))
def render_pdf_b(case: Case) -> bytes:
    return render_pdf_two_pass(case, build_pdf_b)


# ---- PDF C: items on new pages, titles in capitals, case numbers, Helvetica


def build_pdf_c(case: Case, toc_pages: dict[str, int] | None) -> Any:
    m = case.meeting
    foot = f"{m.municipality.official} · {m.body} · {d_dot(m.date)} · Side {{page}} af {{nb}}"

    def footer(pdf: Any) -> None:
        pdf.set_y(-14)
        pdf.set_font("helvetica", "", 7.5)
        pdf.cell(0, 4, foot.replace("{page}", str(pdf.page_no())), align="L")

    pdf = new_pdf(case, {}, None, footer)
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 24)
    pdf.cell(0, 12, "REFERAT", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "B", 13)
    pdf.cell(0, 7, f"{m.body}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 11)
    pdf.cell(0, 6, m.municipality.official, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.set_font("helvetica", "", 10)
    for label, value in meeting_lines(case, d_dot(m.date)):
        pdf.multi_cell(0, 5.5, f"{label}: {value}", new_x="LMARGIN", new_y="NEXT")
    for line in m.header_lines:
        pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    if case.toc:
        pdf.ln(6)
        pdf.set_font("helvetica", "B", 11)
        pdf.cell(0, 6, "Indhold", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 9)
        avail = pdf.w - pdf.l_margin - pdf.r_margin
        for it in case.items:
            page = str(toc_pages[it.number]) if toc_pages else "99"
            y = pdf.get_y()
            if y + 5 > pdf.page_break_trigger:
                pdf.add_page()
                y = pdf.get_y()
            pdf.set_xy(pdf.l_margin, y)
            pdf.cell(12, 5, it.number)
            pdf.set_xy(pdf.l_margin + 12, y)
            pdf.multi_cell(avail - 26, 5, it.title.upper(), align="L", new_x="LMARGIN",
                           new_y="NEXT")
            y2 = pdf.get_y()
            pdf.set_xy(pdf.w - pdf.r_margin - 14, y)
            pdf.cell(14, 5, page, align="R")
            pdf.set_y(y2)
    for it in case.items:
        pdf.add_page()
        it.page_start = pdf.page_no()
        pdf.set_font("helvetica", "B", 12.5)
        pdf.multi_cell(0, 6.5, f"{it.number} {it.title.upper()}", align="L", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.ln(2)
        pdf.set_font("helvetica", "", 9)
        if it.case_number:
            pdf.cell(0, 5, f"Sagsnr.: {it.case_number}", new_x="LMARGIN", new_y="NEXT")
        if it.kind_label:
            pdf.cell(0, 5, it.kind_label, new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 5, "Lukket sag" if it.closed else "Åben sag", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        for s in it.sections:
            ensure_space(pdf, 14)
            s.page_start = pdf.page_no()
            pdf.set_font("helvetica", "B", 10.5)
            pdf.multi_cell(0, 5.5, s.title, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.5)
            pdf_blocks(pdf, s.text, "helvetica", 10, 5, align="L")
            pdf.ln(2)
    return pdf


@register("pdf_c", "pdf", "PDF C: one item a page, '12 TITLE', Sagsnr. lines, Helvetica",
          dec_i_den(d_dash))
def render_pdf_c(case: Case) -> bytes:
    return render_pdf_two_pass(case, build_pdf_c)


# ---- PDF D: one-item extract, DejaVu Serif


def build_pdf_d(case: Case, toc_pages: dict[str, int] | None) -> Any:
    m = case.meeting

    def footer(pdf: Any) -> None:
        pdf.set_y(-14)
        pdf.set_font("serif", "I", 8)
        pdf.cell(0, 4, f"{m.municipality.official} – uddrag af referat", align="L")
        pdf.set_x(pdf.l_margin)
        pdf.cell(0, 4, f"Side {pdf.page_no()} af {{nb}}", align="R")

    pdf = new_pdf(case, {"serif": SERIF}, None, footer)
    pdf.set_margins(24, 22, 24)
    pdf.set_auto_page_break(True, 22)
    pdf.add_page()
    pdf.set_font("serif", "I", 10)
    pdf.cell(0, 5, "Uddrag af referat", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("serif", "B", 16)
    pdf.cell(0, 9, m.municipality.official, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("serif", "", 11)
    pdf.cell(0, 6, f"{m.body}, mødet {d_weekday(m.date).lower()}", new_x="LMARGIN",
             new_y="NEXT")
    for line in m.header_lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    if m.place:
        pdf.cell(0, 6, f"Mødested: {m.place}", new_x="LMARGIN", new_y="NEXT")
    if m.absent:
        pdf.multi_cell(0, 6, f"Fraværende: {', '.join(m.absent)}", new_x="LMARGIN",
                       new_y="NEXT")
    pdf.ln(2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(6)
    for it in case.items:
        ensure_space(pdf, 30)
        it.page_start = pdf.page_no()
        pdf.set_font("serif", "B", 14)
        pdf.multi_cell(0, 7, f"{it.number}. {it.title}", align="L", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.set_font("serif", "I", 9)
        meta = []
        if it.case_number:
            meta.append(f"Sagsnr.: {it.case_number}")
        if it.kind_label:
            meta.append(f"({it.kind_label})")
        if meta:
            pdf.cell(0, 5, "   ".join(meta), new_x="LMARGIN", new_y="NEXT")
        if it.closed:
            pdf.cell(0, 5, "Lukket punkt", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        for s in it.sections:
            ensure_space(pdf, 14)
            s.page_start = pdf.page_no()
            pdf.set_font("serif", "B", 11)
            pdf.multi_cell(0, 6, s.title, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf_blocks(pdf, s.text, "serif", 10.5, 5.2)
            pdf.ln(2)
        pdf.ln(4)
    return pdf


@register("pdf_d", "pdf", "PDF D: one-item extract in DejaVu Serif, long titles wrap",
          dec_genitive)
def render_pdf_d(case: Case) -> bytes:
    return render_pdf_two_pass(case, build_pdf_d)


# ---- PDF E: Prepare/Acadre-like: metadata table, "Pkt. 7 Title" with a rule, small-caps headings

LIBERATION_DIR = Path("/usr/share/fonts/truetype/liberation")
LIB_SANS = tuple(str(LIBERATION_DIR / f) for f in (
    "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf"))

# invented case officers for the "Sagsbehandler:" line (picked by a hash of the item title)
CASE_OFFICERS = ("Mette Kjær Bisgaard", "Jonas Thybo", "Line Østergaard", "Rasmus Vinther",
                 "Pernille Hald", "Sofie Krag Madsen", "Anders Bech Nørgaard", "Camilla Dyhr",
                 "Thomas Lykke", "Helle Mørup", "Kasper Friis", "Birgitte Aagaard")
# committee words -> the administration printed as "Ansvarlig:" when the item names none
RESPONSIBLE_BY_COMMITTEE = (("social", "Social og Sundhed"), ("sundhed", "Social og Sundhed"),
                            ("ældre", "Social og Sundhed"), ("velfærd", "Social og Sundhed"),
                            ("børn", "Børn og Læring"), ("skole", "Børn og Læring"),
                            ("teknik", "Teknik og Miljø"), ("miljø", "Teknik og Miljø"),
                            ("klima", "Teknik og Miljø"), ("plan", "Teknik og Miljø"),
                            ("kultur", "Kultur og Fritid"),
                            ("beskæftigelse", "Job og Borgerservice"), ("beredskab", "Beredskab"))


def item_responsible(it: Item) -> str:
    if it.responsible:
        return it.responsible
    low = (it.committee or "").lower()
    for word, unit in RESPONSIBLE_BY_COMMITTEE:
        if word in low:
            return unit
    return "Økonomi og Styring"


def item_handler(it: Item) -> str:
    if it.handler:
        return it.handler
    digest = hashlib.sha256(it.title.encode("utf-8")).digest()
    return CASE_OFFICERS[digest[0] % len(CASE_OFFICERS)]


def pdf_small_caps(pdf: Any, family: str, text: str, size: float, lh: float) -> None:
    """Draw `text` in small caps: capitals at `size`, lower case as capitals at 80 %. The text
    layer holds capitals only."""
    x, y = pdf.l_margin, pdf.get_y()
    runs: list[tuple[str, bool]] = []
    for ch in text:
        small = ch.islower()
        if runs and runs[-1][1] == small:
            runs[-1] = (runs[-1][0] + ch, small)
        else:
            runs.append((ch, small))
    saved = pdf.c_margin
    pdf.c_margin = 0
    for chunk, small in runs:
        pdf.set_font(family, "", size * 0.8 if small else size)
        chunk = chunk.upper()
        w = pdf.get_string_width(chunk)
        pdf.set_xy(x, y)
        pdf.cell(w, lh, chunk)
        x += w
    pdf.c_margin = saved
    pdf.set_xy(pdf.l_margin, y + lh)


def build_pdf_e(case: Case, toc_pages: dict[str, int] | None) -> Any:
    m = case.meeting
    opts = case.options
    word = case.document.capitalize()  # Referat | Dagsorden
    small_caps = opts.get("headings", "smallcaps") == "smallcaps"
    pkt = opts.get("item_heading", "pkt") == "pkt"

    def heading_of(it: Item) -> str:
        return f"Pkt. {it.number} {it.title}" if pkt else f"{it.number}. {it.title}"

    def header(pdf: Any) -> None:
        pdf.set_font("lib", "", 8)
        pdf.set_text_color(70)
        pdf.set_xy(pdf.l_margin, 9)
        pdf.cell(0, 4, m.municipality.official)
        pdf.set_xy(pdf.l_margin, 9)
        pdf.cell(0, 4, m.body, align="R")
        pdf.set_draw_color(150)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, 14, pdf.w - pdf.r_margin, 14)
        pdf.set_draw_color(0)
        pdf.set_text_color(0)
        pdf.set_y(20)

    def footer(pdf: Any) -> None:
        pdf.set_y(-13)
        pdf.set_font("lib", "", 8)
        pdf.set_text_color(70)
        pdf.cell(0, 4, f"{word} {d_dot(m.date)}")
        pdf.set_x(pdf.l_margin)
        pdf.cell(0, 4, f"Side {pdf.page_no()}/{{nb}}", align="R")
        pdf.set_text_color(0)

    pdf = new_pdf(case, {"lib": LIB_SANS}, header, footer)
    pdf.set_title(f"{word} {m.body} {d_dash(m.date)}")
    pdf.set_margins(22, 20, 20)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("lib", "B", 20)
    pdf.cell(0, 10, word, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if opts.get("meta_table", True):
        pdf.set_font("lib", "", 9.5)
        rows = meeting_lines(case, d_weekday(m.date))
        if case.document == "dagsorden" and not m.absent:
            rows = [r for r in rows if r[0] != "Fraværende"]  # an agenda lists no absentees
        with pdf.table(width=width, col_widths=(0.24, 0.76), line_height=5.2,
                       text_align=("LEFT", "LEFT"), align="LEFT", first_row_as_headings=False,
                       borders_layout="HORIZONTAL_LINES") as table:
            for label, value in rows:
                r = table.row()
                pdf.set_font("lib", "B", 9.5)
                r.cell(label)
                pdf.set_font("lib", "", 9.5)
                r.cell(value)
        pdf.set_x(pdf.l_margin)
        pdf.ln(2)
    pdf.set_font("lib", "", 9.5)
    for line in m.header_lines:
        pdf.multi_cell(0, 5, line, align="L", new_x="LMARGIN", new_y="NEXT")
    if case.toc:
        pdf.ln(5)
        pdf.set_font("lib", "B", 12)
        pdf.cell(0, 7, "Indholdsfortegnelse", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("lib", "", 9.5)
        for it in case.items:
            page = str(toc_pages[it.number]) if toc_pages else "99"
            label = f"Pkt. {it.number}" if pkt else f"{it.number}."
            ensure_space(pdf, 5)
            y = pdf.get_y()
            pdf.set_xy(pdf.l_margin, y)
            pdf.cell(16, 5, label)
            pdf.set_xy(pdf.l_margin + 16, y)
            pdf.multi_cell(width - 30, 5, it.title, align="L", new_x="LMARGIN", new_y="NEXT")
            y2 = pdf.get_y()
            pdf.set_xy(pdf.w - pdf.r_margin - 12, y)
            pdf.cell(12, 5, page, align="R")
            pdf.set_y(y2)
    pdf.add_page()
    first = True
    for it in case.items:
        ensure_space(pdf, 32)
        if not first and pdf.get_y() > 25:
            pdf.ln(6)
        first = False
        it.page_start = pdf.page_no()
        pdf.set_font("lib", "B", 13.5)
        pdf.multi_cell(0, 6.8, heading_of(it), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_line_width(0.15)
        pdf.line(pdf.l_margin, pdf.get_y() + 0.8, pdf.w - pdf.r_margin, pdf.get_y() + 0.8)
        pdf.ln(2.5)
        pdf.set_font("lib", "", 8.5)
        pdf.set_text_color(60)
        meta = []
        if it.case_number:
            meta.append(f"Sagsnr.: {it.case_number}")
        if not it.closed:
            meta.append(f"Ansvarlig: {item_responsible(it)}")
            meta.append(f"Sagsbehandler: {item_handler(it)}")
        if it.kind_label:
            meta.append(f"Sagstype: {it.kind_label}")
        if it.closed:
            meta.append("Lukket punkt")
        for line in meta:
            pdf.cell(0, 4.3, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
        pdf.ln(2.5)
        for s in it.sections:
            ensure_space(pdf, 14)
            s.page_start = pdf.page_no()
            if small_caps and s.kind != "decision":
                pdf_small_caps(pdf, "lib", s.title, 10.5, 5.6)
                s.printed_title = s.title.upper()
            else:
                pdf.set_font("lib", "B", 10.5)
                pdf.multi_cell(0, 5.6, s.title, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.6)
            pdf_blocks(pdf, s.text, "lib", 10, 5, align="L")
            pdf.ln(1.8)
    return pdf


def dec_plain_body(date_fmt: Callable[[dt.date], str], den: bool
                   ) -> Callable[..., tuple[str, str, dt.date]]:
    """'Beslutning Byrådet den 26. oktober 2023' / 'Beslutning Byrådet 25-10-2023'."""
    def f(body: str, date: dt.date, which: str) -> tuple[str, str, dt.date]:
        return f"Beslutning {body} {'den ' if den else ''}{date_fmt(date)}", body, date

    return f


@register("pdf_e", "pdf",
          "PDF E (Prepare/Acadre-like): metadata table, 'Pkt. 7 Title' with a rule, small caps",
          dec_plain_body(d_long, True),
          options=("headings", "item_heading", "meta_table"),
          documents=("referat", "dagsorden"))
def render_pdf_e(case: Case) -> bytes:
    return render_pdf_two_pass(case, build_pdf_e)


# --------------------------------------------------------------------------- DOCX


def normalise_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def new_docx(case: Case) -> Any:
    import docx

    doc = docx.Document()
    cp = doc.core_properties
    when = dt.datetime(case.meeting.date.year, case.meeting.date.month, case.meeting.date.day,
                       12, 0, 0)
    cp.author = case.meeting.municipality.official
    cp.last_modified_by = case.meeting.municipality.official
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    cp.title = f"Referat {case.meeting.body} {d_dash(case.meeting.date)}"
    cp.comments = ""
    return doc


def docx_bytes(doc: Any) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def docx_blocks(doc: Any, text: str) -> None:
    from docx.shared import Cm

    for b in parse_blocks(text):
        if b.kind == "p":
            doc.add_paragraph(b.text)
        elif b.kind == "bullet":
            doc.add_paragraph(b.text, style="List Bullet")
        elif b.kind == "num":
            p = doc.add_paragraph(f"{b.label}\t{b.text}")
            p.paragraph_format.left_indent = Cm(0.9)
            p.paragraph_format.first_line_indent = Cm(-0.9)
        else:
            ncol = max(len(r) for r in b.rows)
            table = doc.add_table(rows=len(b.rows), cols=ncol)
            table.style = "Table Grid"
            for i, row in enumerate(b.rows):
                for j in range(ncol):
                    cell = table.cell(i, j)
                    cell.text = row[j] if j < len(row) else ""
                    if i == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True


def docx_header_footer(doc: Any, head: str, foot: str) -> None:
    section = doc.sections[0]
    section.header.paragraphs[0].text = head
    section.footer.paragraphs[0].text = foot


def docx_meta_table(doc: Any, case: Case, date_text: str) -> None:
    rows = meeting_lines(case, date_text)
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for i, (label, value) in enumerate(rows):
        table.cell(i, 0).text = label
        table.cell(i, 1).text = value
        for run in table.cell(i, 0).paragraphs[0].runs:
            run.bold = True


def docx_item_meta(doc: Any, it: Item, kind_prefix: str = "") -> None:
    if it.case_number:
        doc.add_paragraph(f"Sagsnr.: {it.case_number}")
    if it.kind_label:
        p = doc.add_paragraph()
        run = p.add_run(f"{kind_prefix}{it.kind_label}")
        run.italic = True
    if it.closed:
        doc.add_paragraph("Lukket punkt")


@register("docx_heading", "docx", "DOCX: Heading 1/2 styles, metadata table, header/footer",
          dec_i_den(d_long))
def render_docx_heading(case: Case) -> bytes:
    m = case.meeting
    doc = new_docx(case)
    docx_header_footer(doc, f"{m.municipality.official} – Referat",
                       f"{m.body} {d_dash(m.date)}")
    doc.add_paragraph("Referat", style="Title")
    doc.add_paragraph(f"{m.body} – {m.municipality.official}")
    docx_meta_table(doc, case, d_weekday(m.date))
    for line in m.header_lines:
        doc.add_paragraph(line)
    if case.toc:
        doc.add_paragraph("Dagsorden", style="Heading 2")
        for it in case.items:
            doc.add_paragraph(f"{it.number}. {it.title}", style="List Paragraph")
    for it in case.items:
        it.page_start = 1
        doc.add_paragraph(f"{it.number}. {it.title}", style="Heading 1")
        docx_item_meta(doc, it)
        for s in it.sections:
            s.page_start = 1
            doc.add_paragraph(s.title, style="Heading 2")
            docx_blocks(doc, s.text)
    return docx_bytes(doc)


@register("docx_overskrift", "docx",
          "DOCX: styles renamed 'Overskrift 1/2', TOC list, explicit page breaks between items",
          dec_i_den(d_dot))
def render_docx_overskrift(case: Case) -> bytes:
    m = case.meeting
    doc = new_docx(case)
    for old, new in (("Heading 1", "Overskrift 1"), ("Heading 2", "Overskrift 2"),
                     ("Heading 3", "Overskrift 3")):
        st = doc.styles[old]
        st.name = new
        st.style_id = new.replace(" ", "")
    docx_header_footer(doc, f"{m.municipality.official}\t\t{m.body}",
                       f"Referat {d_dot(m.date)}")
    p = doc.add_paragraph()
    title = m.body if re.match(r"(?i)fælles\s*møde", m.body) else f"{genitive(m.body)} møde"
    p.add_run(f"Referat fra {title}").bold = True  # "Referat fra Fællesmøde mellem … og …"
    doc.add_paragraph(f"{d_weekday(m.date)}" + (f" kl. {m.start_time}" if m.start_time else ""))
    if m.place:
        doc.add_paragraph(f"Mødested: {m.place}")
    doc.add_paragraph(f"Fraværende: {', '.join(m.absent) if m.absent else 'Ingen'}")
    for line in m.header_lines:
        doc.add_paragraph(line)
    page = 1
    if case.toc:
        doc.add_paragraph("Indholdsfortegnelse", style="Overskrift 3")
        for it in case.items:
            doc.add_paragraph(f"{it.number}. {it.title}")
        doc.add_page_break()
        page += 1
    for n, it in enumerate(case.items):
        if n > 0:
            doc.add_page_break()
            page += 1
        it.page_start = page
        doc.add_paragraph(f"{it.number}. {it.title}", style="Overskrift 1")
        docx_item_meta(doc, it, "Sagstype: ")
        for s in it.sections:
            s.page_start = page
            doc.add_paragraph(s.title, style="Overskrift 2")
            docx_blocks(doc, s.text)
    return docx_bytes(doc)


@register("docx_bold", "docx", "DOCX: no heading styles, bold one-line paragraphs as headings",
          dec_i_den(d_dash))
def render_docx_bold(case: Case) -> bytes:
    from docx.shared import Pt

    m = case.meeting
    doc = new_docx(case)
    docx_header_footer(doc, f"{m.municipality.official}", f"{m.body}, {d_long(m.date)}")

    def bold_para(text: str, size: float) -> None:
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = True
        run.font.size = Pt(size)

    bold_para(f"{m.municipality.official}", 14)
    doc.add_paragraph(f"Referat – {m.body}")
    for label, value in meeting_lines(case, d_long(m.date)):
        doc.add_paragraph(f"{label}: {value}")
    for line in m.header_lines:
        doc.add_paragraph(line)
    if case.toc:
        bold_para("Indhold", 11)
        for it in case.items:
            doc.add_paragraph(f"{it.number}. {it.title}")
    for it in case.items:
        it.page_start = 1
        doc.add_paragraph("")
        bold_para(f"{it.number}. {it.title}", 12.5)
        docx_item_meta(doc, it, "Sagstype: ")
        for s in it.sections:
            s.page_start = 1
            bold_para(s.title, 10.5)
            docx_blocks(doc, s.text)
    return docx_bytes(doc)


@register("docx_table", "docx",
          "DOCX: every section a two-column table row (label | text), custom item style",
          dec_plain_body(d_dash, False), documents=("referat", "dagsorden"))
def render_docx_table(case: Case) -> bytes:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt

    m = case.meeting
    word = case.document.capitalize()
    doc = new_docx(case)
    doc.core_properties.title = f"{word} {m.body} {d_dash(m.date)}"
    docx_header_footer(doc, f"{m.municipality.official} · {m.body}",
                       f"{word} {d_dash(m.date)}")
    st = doc.styles.add_style("Punktoverskrift", WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = doc.styles["Normal"]
    st.font.bold = True
    st.font.size = Pt(12.5)
    st.paragraph_format.space_before = Pt(14)
    st.paragraph_format.space_after = Pt(4)
    st.paragraph_format.keep_with_next = True
    p = doc.add_paragraph()
    run = p.add_run(word)
    run.bold = True
    run.font.size = Pt(18)
    doc.add_paragraph(f"{m.body}, {m.municipality.official}")
    docx_meta_table(doc, case, d_long(m.date))
    for line in m.header_lines:
        doc.add_paragraph(line)
    if case.toc:
        p = doc.add_paragraph()
        p.add_run("Punkter på dagsordenen").bold = True
        for it in case.items:
            doc.add_paragraph(f"{it.number}. {it.title}")

    def cell_blocks(cell: Any, text: str) -> None:
        first = True

        def para(text: str = "", style: str | None = None) -> Any:
            nonlocal first
            if first:
                first = False
                p = cell.paragraphs[0]
                if text:
                    p.add_run(text)
                if style:
                    p.style = doc.styles[style]
                return p
            return cell.add_paragraph(text, style=style)

        for b in parse_blocks(text):
            if b.kind == "p":
                para(b.text)
            elif b.kind == "bullet":
                para(b.text, "List Bullet")
            elif b.kind == "num":
                p = para(f"{b.label}\t{b.text}")
                p.paragraph_format.left_indent = Cm(0.8)
                p.paragraph_format.first_line_indent = Cm(-0.8)
            else:
                if first:
                    para("")
                ncol = max(len(r) for r in b.rows)
                inner = cell.add_table(rows=len(b.rows), cols=ncol)
                inner.style = "Table Grid"
                for i, row in enumerate(b.rows):
                    for j in range(ncol):
                        c = inner.cell(i, j)
                        c.text = row[j] if j < len(row) else ""
                        if i == 0:
                            for r in c.paragraphs[0].runs:
                                r.bold = True

    for it in case.items:
        it.page_start = 1
        doc.add_paragraph(f"{it.number}. {it.title}", style="Punktoverskrift")
        rows: list[tuple[str, str | None, Section | None]] = []
        if it.case_number:
            rows.append(("Sagsnr.", it.case_number, None))
        if it.kind_label:
            rows.append(("Sagstype", it.kind_label, None))
        if it.closed:
            rows.append(("Status", "Lukket punkt", None))
        rows += [(s.title, None, s) for s in it.sections]
        table = doc.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        table.autofit = False
        for i, (label, value, s) in enumerate(rows):
            left, right = table.cell(i, 0), table.cell(i, 1)
            left.width, right.width = Cm(4.2), Cm(12.3)
            left.paragraphs[0].add_run(label).bold = True
            if s is None:
                right.paragraphs[0].add_run(value or "")
            else:
                s.page_start = 1
                cell_blocks(right, s.text)
    return docx_bytes(doc)


# --------------------------------------------------------------------------- HTML


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def html_blocks(text: str, indent: str = "") -> str:
    out: list[str] = []
    open_list: str | None = None
    for b in parse_blocks(text):
        want = "ul" if b.kind == "bullet" else None
        if open_list and want != open_list:
            out.append(f"{indent}</{open_list}>")
            open_list = None
        if want and not open_list:
            out.append(f"{indent}<{want}>")
            open_list = want
        if b.kind == "p":
            out.append(f"{indent}<p>{esc(b.text)}</p>")
        elif b.kind == "bullet":
            out.append(f"{indent}  <li>{esc(b.text)}</li>")
        elif b.kind == "num":
            out.append(f"{indent}<p class=\"nummereret\">{esc(b.label)} {esc(b.text)}</p>")
        else:
            rows = []
            for i, row in enumerate(b.rows):
                tag = "th" if i == 0 else "td"
                cells = "".join(f"<{tag}>{esc(c)}</{tag}>" for c in row)
                rows.append(f"{indent}  <tr>{cells}</tr>")
            out.append(f"{indent}<table class=\"tabel\">\n" + "\n".join(rows) +
                       f"\n{indent}</table>")
    if open_list:
        out.append(f"{indent}</{open_list}>")
    return "\n".join(out)


def html_page(title: str, body: str, head_extra: str = "") -> bytes:
    doc = ("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
           f"<title>{esc(title)}</title>\n{head_extra}</head>\n<body>\n{body}\n</body>\n</html>\n")
    return doc.encode("utf-8")


@register("html_plain", "html", "HTML: h1/h2/h3 structure", dec_plain_own)
def render_html_plain(case: Case) -> bytes:
    m = case.meeting
    parts = [f"<h1>Referat – {esc(m.body)} – {esc(d_long(m.date))}</h1>",
             f"<p class=\"kommune\">{esc(m.municipality.official)}</p>"]
    for label, value in meeting_lines(case, d_weekday(m.date)):
        parts.append(f"<p><b>{esc(label)}:</b> {esc(value)}</p>")
    for line in m.header_lines:
        parts.append(f"<p>{esc(line)}</p>")
    if case.toc:
        parts.append("<h2>Dagsorden</h2>\n<ul class=\"dagsorden\">")
        parts += [f"  <li>{esc(it.number)}. {esc(it.title)}</li>" for it in case.items]
        parts.append("</ul>")
    for it in case.items:
        parts.append(f"<h2>{esc(it.number)}. {esc(it.title)}</h2>")
        if it.case_number:
            parts.append(f"<p class=\"sagsnr\">Sagsnr. {esc(it.case_number)}</p>")
        if it.kind_label:
            parts.append(f"<p><em>{esc(it.kind_label)}</em></p>")
        if it.closed:
            parts.append("<p>Lukket punkt</p>")
        for s in it.sections:
            parts.append(f"<h3>{esc(s.title)}</h3>")
            parts.append(html_blocks(s.text))
    for it in case.items:
        it.page_start = 1
        for s in it.sections:
            s.page_start = 1
    return html_page(f"Referat {m.body} {d_dash(m.date)}", "\n".join(parts))


@register("html_div", "html", "HTML: div.dagsordenpunkt layout with classes",
          dec_i_den(d_dot))
def render_html_div(case: Case) -> bytes:
    m = case.meeting
    info = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>"
                   for k, v in meeting_lines(case, d_long(m.date)))
    parts = ["<div class=\"referat\">",
             "  <div class=\"moede-hoved\">",
             f"    <div class=\"kommunenavn\">{esc(m.municipality.official)}</div>",
             f"    <div class=\"udvalg\">{esc(m.body)}</div>",
             f"    <table class=\"moedeinfo\">{info}</table>"]
    parts += [f"    <div class=\"note\">{esc(line)}</div>" for line in m.header_lines]
    parts.append("  </div>")
    if case.toc:
        parts.append("  <div class=\"indhold\"><div class=\"indhold-titel\">Indhold</div><ol>")
        parts += [f"    <li><a href=\"#punkt-{esc(it.number)}\">{esc(it.title)}</a></li>"
                  for it in case.items]
        parts.append("  </ol></div>")
    for it in case.items:
        closed = " lukket" if it.closed else ""
        parts.append(f"  <div class=\"dagsordenpunkt{closed}\" id=\"punkt-{esc(it.number)}\">")
        parts.append(f"    <h3 class=\"punkt-overskrift\"><span class=\"punkt-nr\">"
                     f"{esc(it.number)}.</span> <span class=\"punkt-titel\">{esc(it.title)}"
                     "</span></h3>")
        meta = []
        if it.case_number:
            meta.append(f"<span class=\"sagsnr\">Sagsnr. {esc(it.case_number)}</span>")
        if it.kind_label:
            meta.append(f"<span class=\"sagstype\">{esc(it.kind_label)}</span>")
        if it.closed:
            meta.append("<span class=\"lukket\">Lukket punkt</span>")
        if meta:
            parts.append(f"    <div class=\"punkt-meta\">{' | '.join(meta)}</div>")
        for s in it.sections:
            cls = fold(s.title.split()[0]) if s.title else "felt"
            parts.append(f"    <div class=\"felt felt-{cls}\">")
            parts.append(f"      <h4 class=\"felt-titel\">{esc(s.title)}</h4>")
            parts.append("      <div class=\"felt-tekst\">")
            parts.append(html_blocks(s.text, "        "))
            parts.append("      </div>\n    </div>")
        parts.append("  </div>")
    parts.append("</div>")
    for it in case.items:
        it.page_start = 1
        for s in it.sections:
            s.page_start = 1
    css = ("<style>.dagsordenpunkt{margin:2em 0}.felt-titel{font-size:1em}"
           ".punkt-meta{color:#666}</style>\n")
    return html_page(f"{m.body} – referat {d_dot(m.date)}", "\n".join(parts), css)


@register("html_portal", "html",
          "HTML: municipal web page with menus, cookie banner, script; <strong> headings",
          dec_i_den(d_dash))
def render_html_portal(case: Case) -> bytes:
    m = case.meeting
    town = m.municipality.short
    script = (
        "<script>\n"
        "window.dataLayer = window.dataLayer || [];\n"
        "function gtag(){dataLayer.push(arguments);}\n"
        "var agendaConfig = {\"labels\": {\"decision\": \"Beslutning\", \"proposal\": "
        "\"Indstilling\"}, \"expandAll\": true, \"punkt\": \"1. Danmarkskort\"};\n"
        "document.addEventListener('DOMContentLoaded', function () {\n"
        "  var b = document.getElementById('cookie-banner');\n"
        "  if (localStorage.getItem('cookies-ok')) { b.style.display = 'none'; }\n"
        "});\n</script>\n")
    nav_items = ["Borger", "Erhverv", "Politik", "Om kommunen", "Job", "Kontakt"]
    parts = [
        "<div id=\"cookie-banner\" class=\"cookie-banner\" role=\"dialog\">",
        "  <p>Vi bruger cookies til at forbedre din oplevelse af hjemmesiden og til statistik. "
        "Læs mere i vores cookiepolitik.</p>",
        "  <button type=\"button\">Accepter alle</button> <button type=\"button\">Kun nødvendige"
        "</button>",
        "</div>",
        "<header class=\"site-header\">",
        f"  <a class=\"logo\" href=\"/\">{esc(m.municipality.official)}</a>",
        "  <nav class=\"main-menu\"><ul>",
        *[f"    <li><a href=\"/{fold(n)}\">{esc(n)}</a></li>" for n in nav_items],
        "  </ul></nav>",
        "  <form class=\"search\"><input type=\"search\" placeholder=\"Søg på "
        f"{esc(town.lower())}.dk\"><button>Søg</button></form>",
        "</header>",
        "<nav class=\"breadcrumb\"><a href=\"/\">Forside</a> › <a href=\"/politik\">Politik</a> "
        "› <a href=\"/politik/dagsordener-og-referater\">Dagsordener og referater</a> › "
        f"{esc(m.body)}</nav>",
        "<div class=\"page\">",
        "<aside class=\"punktliste\">",
        "  <div class=\"aside-titel\">Punkter på mødet</div>",
        "  <ul>",
        *[f"    <li><a href=\"#punkt{esc(it.number)}\">{esc(it.number)}. {esc(it.title)}</a></li>"
          for it in case.items],
        "  </ul>",
        "  <p><a href=\"#\">Hent referatet som PDF</a></p>",
        "</aside>",
        "<main>",
        f"<h1>{esc(m.body)} – referat</h1>",
        f"<p class=\"moededato\">{esc(d_weekday(m.date))}"
        + (f", kl. {esc(m.start_time)}" if m.start_time else "") + "</p>",
    ]
    if m.place:
        parts.append(f"<p>Sted: {esc(m.place)}</p>")
    parts.append(f"<p>Fraværende: {esc(', '.join(m.absent) if m.absent else 'Ingen')}</p>")
    parts += [f"<p>{esc(line)}</p>" for line in m.header_lines]
    for it in case.items:
        parts.append(f"<article class=\"punkt\" id=\"punkt{esc(it.number)}\">")
        parts.append(f"<h2>{esc(it.number)}. {esc(it.title)}</h2>")
        if it.case_number:
            parts.append(f"<p class=\"small\">Sagsnr.: {esc(it.case_number)}</p>")
        if it.kind_label:
            parts.append(f"<p class=\"small\">Sagstype: {esc(it.kind_label)}</p>")
        if it.closed:
            parts.append("<p class=\"small\">Lukket punkt – indholdet offentliggøres ikke.</p>")
        for s in it.sections:
            blocks = parse_blocks(s.text)
            if s.kind == "decision" and len(blocks) == 1 and blocks[0].kind == "p" \
                    and len(blocks[0].text) < 200:
                parts.append(f"<p><strong>{esc(s.title)}:</strong> {esc(blocks[0].text)}</p>")
            else:
                parts.append(f"<p><strong>{esc(s.title)}</strong></p>")
                parts.append(html_blocks(s.text))
        parts.append("</article>")
    parts += [
        "</main>",
        "</div>",
        "<footer class=\"site-footer\">",
        f"  <p>{esc(m.municipality.official)} · Rådhuset · Telefon 70 00 00 00 · "
        "Åbningstider: man-ons 10-14, tors 10-17, fre 10-13</p>",
        "  <ul><li><a href=\"/tilgaengelighed\">Tilgængelighedserklæring</a></li>"
        "<li><a href=\"/privatliv\">Privatlivspolitik</a></li></ul>",
        "</footer>",
    ]
    for it in case.items:
        it.page_start = 1
        for s in it.sections:
            s.page_start = 1
    return html_page(f"{m.body} {d_dash(m.date)} – {m.municipality.official}", "\n".join(parts),
                     script)


# --------------------------------------------------------------------------- real layouts
# Styles for the layouts of shared/domain/LAYOUTS.md: a web portal's meeting page, the PDF printed
# from it, one item printed alone, SBSYS-style groups and text pasted from a browser. Each records
# in `case.sources` where the document states the meeting's body and date.

NUMBERINGS = ("dot", "nr", "pkt", "punkt", "plain")
BOOL = (True, False)


def numbered(number: str, numbering: str) -> str:
    """The printed item number: '212.', 'Nr.212', 'Pkt. 212', 'Punkt 212' or '212'; a sub-item
    keeps its inner dot only ('7.2')."""
    dot = number if "." in number else f"{number}."
    return {"dot": dot, "nr": f"Nr.{number}", "pkt": f"Pkt. {number}",
            "punkt": f"Punkt {number}", "plain": number}[numbering]


def option(case: Case, key: str, default: Any, allowed: tuple[Any, ...] | None = None) -> Any:
    value = case.options.get(key, default)
    if allowed is not None and value not in allowed:
        raise CorpusError(f"{case.id}: style_options.{key} must be one of {list(allowed)}, "
                          f"not {value!r}")
    return value


def set_sources(case: Case, body: str | None, date: str | None) -> None:
    """Record where the document states the meeting's body and date. What the content does not
    state may still be in the file name (the case id): the folded body as a whole word
    ('…-kommunalbestyrelsen-…') or the date as dd-mm-yyyy or yyyy-mm-dd."""
    m = case.meeting
    if body is None and re.search(rf"(?:^|-){re.escape(fold(m.body))}(?:-|$)", case.id):
        body = "file_name"
    if date is None and (d_dash(m.date) in case.id or m.date.isoformat() in case.id):
        date = "file_name"
    for value in (body, date):
        if value is not None and value not in SOURCES:
            raise CorpusError(f"{case.id}: unknown source {value!r}")
    case.sources = {"body": body, "date": date}


def dec_period(date_fmt: Callable[[dt.date], str]) -> Callable[..., tuple[str, str, dt.date]]:
    """'Beslutning i Byrådet den 09-10-2024'; with style option `period: "22-25"` the body carries
    the council period: 'Beslutning i Handicaprådet (22-25) den 21-03-2023' (decision_body stays
    'Handicaprådet')."""
    def f(body: str, date: dt.date, which: str,
          options: dict[str, Any]) -> tuple[str, str, dt.date]:
        period = options.get("period")
        shown = f"{body} ({period})" if period else body
        return f"Beslutning i {shown} den {date_fmt(date)}", body, date

    return f


def digest_int(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256("|".join(parts).encode("utf-8")).digest()[:6], "big")


def section_is_own(case: Case, s: Section) -> bool:
    """A decision of the meeting itself (`decision: own`, or a literal heading naming the
    meeting's body and date)."""
    m = case.meeting
    return s.origin == "own" or (not s.origin and s.decision_body == m.body
                                 and s.decision_date == m.date)


# ---- the portal's section order: Beslutninger, Resume, Beslutningspunkter, Sagsforløb, …, Bilag


def at_points(text: str) -> str | None:
    """A filler's Indstilling as the portal's numbered points ('Det indstilles:' / 'At 1) …'), or
    None when the text is not of the form 'X indstiller, at A, og at B' or 'X indstiller,' followed
    by numbered 'at …' entries."""
    blocks = parse_blocks(text)
    if (len(blocks) > 1 and blocks[0].kind == "p"
            and re.search(r"\bindstiller\b[^.]*[,:]$", blocks[0].text)
            and all(b.kind == "num" for b in blocks[1:])):
        points = [b.text for b in blocks[1:]]
    elif len(blocks) == 1 and blocks[0].kind == "p":
        m = re.match(r"^[^.]*?\bindstiller\b[^,]*?, (at .+)$", blocks[0].text)
        if not m:
            return None
        points = re.split(r",? og (?=at )", m.group(1))
    else:
        return None
    out = ["Det indstilles:"]
    for n, point in enumerate(points, 1):
        out.append(f"At {n}) {re.sub(r'^at ', '', point.strip())}")
    return "\n\n".join(out)


def portal_sections(case: Case, it: Item, *, history_own: bool, points: bool) -> list[Section]:
    """The sections of `it` in the portal's order. The meeting's own decision becomes the short
    "Beslutninger" (no body, no date in the heading); every earlier decision becomes a block of
    "Sagsforløb" (Udvalg / Dato / Punktnummer / what that body decided), and with `history_own`
    the meeting's own decision is repeated as the last block. A filler's Indstilling becomes
    "Beslutningspunkter" when `points` and its wording allows; a written item gives its own
    "Beslutningspunkter" section, and an "Indstilling" it also has is printed late (before Bilag).
    A written "Sagsforløb" section's text is printed above the blocks."""
    own: list[Section] = []
    priors: list[Section] = []
    summary: list[Section] = []
    bp: list[Section] = []
    other: list[Section] = []
    proposals: list[Section] = []
    bilag: list[Section] = []
    history_text = ""
    for s in it.sections:
        low = s.title.strip().lower()
        if s.kind == "decision":
            (own if section_is_own(case, s) else priors).append(s)
        elif s.kind == "summary":
            summary.append(s)
        elif s.kind == "proposal":
            if low == "beslutningspunkter":
                bp.append(s)
            elif points and it.filler and (converted := at_points(s.text)):
                bp.append(Section("Beslutningspunkter", converted, "proposal"))
            else:
                proposals.append(s)
        elif s.kind == "attachments":
            bilag.append(s)
        elif low == "sagsforløb":
            history_text = (history_text + "\n\n" + s.text).strip()
        else:
            other.append(s)
    out: list[Section] = []
    own_text = "\n\n".join(s.text.strip() for s in own)
    if own:
        out.append(Section("Beslutninger", own_text, "decision", origin="own"))
    out += summary + bp
    blocks: list[Section] = []
    for s in priors:
        if s.decision_body is None or s.decision_date is None:
            raise CorpusError(f"{case.id} item {it.number}: a decision in Sagsforløb needs a body "
                              "and a date")
        point = s.point or str(1 + digest_int(it.title, s.decision_body) % 27)
        blocks.append(Section(f"Udvalg: {s.decision_body}", s.text, "decision", s.decision_body,
                              s.decision_date, origin="prior", point=point,
                              role="history_block"))
    if own and history_own:
        m = case.meeting
        blocks.append(Section(f"Udvalg: {m.body}", own_text, "decision", m.body, m.date,
                              origin="own", point=it.number, role="history_block"))
    if blocks or history_text:
        out.append(Section("Sagsforløb", history_text, "case", role="history"))
        out += blocks
    return out + other + proposals + bilag


PORTAL_PREFIXES = (("social", "SOC"), ("sundhed", "SOC"), ("ældre", "SOC"), ("handicap", "SOC"),
                   ("børn", "BØR"), ("skole", "BØR"), ("teknik", "TMF"), ("miljø", "TMF"),
                   ("klima", "TMF"), ("plan", "TMF"), ("kultur", "KUL"),
                   ("beskæftigelse", "BES"))


def portal_case_number(case: Case, it: Item) -> str:
    """The item's case number, or an invented one in the portal's form ('SOC-2024-004711')."""
    if it.case_number:
        return it.case_number
    low = (it.committee or "").lower()
    prefix = next((p for word, p in PORTAL_PREFIXES if word in low), "BA")
    return f"{prefix}-{case.meeting.date.year}-{digest_int(it.title) % 90000 + 1000:06d}"


def bilag_entries(text: str) -> list[str]:
    """The entries of a Bilag section ('Bilag 1: …' unless the entry names itself)."""
    out = []
    for n, b in enumerate((b for b in parse_blocks(text) if b.kind != "table"), 1):
        entry = b.text if b.kind != "num" else f"{b.label} {b.text}"
        out.append(entry if entry.lower().startswith("bilag") else f"Bilag {n}: {entry}")
    return out


# ---- html_web_portal: one page per meeting, table.dagsorden rows (LAYOUTS §1)


def portal_divs(text: str, indent: str) -> str:
    """Section text as the portal prints it: one <div> per paragraph or numbered entry, <ul> for
    bullets, <table> for tables."""
    out: list[str] = []
    in_list = False
    for b in parse_blocks(text):
        if b.kind == "bullet":
            if not in_list:
                out.append(f"{indent}<ul>")
                in_list = True
            out.append(f"{indent}  <li>{esc(b.text)}</li>")
            continue
        if in_list:
            out.append(f"{indent}</ul>")
            in_list = False
        if b.kind == "p":
            out.append(f"{indent}<div>{esc(b.text)}</div>")
        elif b.kind == "num":
            out.append(f"{indent}<div>{esc(b.label)} {esc(b.text)}</div>")
        else:
            cells = []
            for i, row in enumerate(b.rows):
                tag = "th" if i == 0 else "td"
                cells.append("<tr>" + "".join(f"<{tag}>{esc(c)}</{tag}>" for c in row) + "</tr>")
            rows = "".join(cells)
            out.append(f"{indent}<table class=\"table table-sm\">{rows}</table>")
    if in_list:
        out.append(f"{indent}</ul>")
    return "\n".join(out)


def portal_time(case: Case) -> str:
    t = case.meeting.start_time
    return f" kl. {t}" if t else ""


def earlier_meetings(case: Case) -> list[dt.date]:
    """Dates of the body's earlier meetings for the page's side list (chrome, not minutes)."""
    d = case.meeting.date
    return [d - dt.timedelta(days=days) for days in (28, 63, 91)]


@register("html_web_portal", "html",
          "HTML web portal: one page per meeting, table.dagsorden rows, h3 sections with "
          "Beslutninger first and a Sagsforløb history, page chrome; no <meta charset>",
          dec_i_den(d_dash), options=("charset", "history_own", "points"),
          documents=("referat", "dagsorden"))
def render_html_web_portal(case: Case) -> bytes:
    m = case.meeting
    word = case.document.capitalize()
    charset = option(case, "charset", False, BOOL)
    history_own = option(case, "history_own", case.document == "referat", BOOL)
    points = option(case, "points", True, BOOL)
    official, town = m.municipality.official, m.municipality.short
    for it in case.items:
        it.sections = portal_sections(case, it, history_own=history_own, points=points)
        it.kind_shown = False  # the portal prints no item type
        it.page_start = 1
        for s in it.sections:
            s.page_start = 1
    head = [f"<title>{esc(word)} - {esc(m.body)} - {esc(d_dash(m.date))} - {esc(official)}</title>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<link rel=\"stylesheet\" href=\"/static/css/politik.min.css\">",
            "<script>",
            "window.dagsordenConfig = {\"udvalg\": " + json.dumps(m.body, ensure_ascii=False)
            + ", \"punkter\": " + str(len(case.items)) + ", \"visBeslutninger\": "
            + ("true" if case.document == "referat" else "false") + "};",
            "</script>"]
    if charset:
        head.insert(0, "<meta charset=\"utf-8\">")
    nav = ["Borger", "Erhverv", "Politik", "Om kommunen", "Job", "Kontakt"]
    parts = [
        "<a class=\"visually-hidden-focusable\" href=\"#indhold\">Spring til indhold</a>",
        "<div class=\"cookie-consent\" role=\"region\" aria-label=\"Cookies\">",
        f"  <p>{esc(official)} bruger cookies til at huske dine valg og til anonym statistik over "
        "brugen af siden. Du kan altid ændre dit samtykke.</p>",
        "  <button type=\"button\" class=\"btn\">Tillad alle</button> "
        "<button type=\"button\" class=\"btn\">Kun nødvendige</button>",
        "</div>",
        "<header class=\"topbar\">",
        f"  <a class=\"navbar-brand\" href=\"/\">{esc(official)}</a>",
        "  <ul class=\"navbar-nav\">",
        *[f"    <li class=\"nav-item\"><a class=\"nav-link\" href=\"/{fold(n)}\">{esc(n)}</a></li>"
          for n in nav],
        "  </ul>",
        "  <form class=\"soeg\"><input type=\"search\" "
        f"placeholder=\"Søg på {esc(fold(town))}.dk\"><button type=\"submit\">Søg</button></form>",
        "</header>",
        "<div class=\"modal fade\" id=\"abonnerDialog\" role=\"dialog\" aria-hidden=\"true\">",
        "  <div class=\"modal-dialog\"><div class=\"modal-content\">",
        "    <h5 class=\"modal-title\">Abonnér på dagsordener og referater</h5>",
        f"    <p>Få en e-mail, når der er nyt fra {esc(m.body)}. Du kan framelde dig igen når som "
        "helst.</p>",
        "    <input type=\"email\" placeholder=\"Din e-mailadresse\"> "
        "<button type=\"button\">Abonnér</button> <button type=\"button\">Luk</button>",
        "  </div></div>",
        "</div>",
        "<main id=\"indhold\" class=\"container\">",
        "<nav class=\"breadcrumb\"><a href=\"/\">Forside</a> / <a href=\"/politik\">Politik</a> / "
        "<a href=\"/politik/dagsordener-og-referater\">Dagsordener og referater</a> / "
        f"{esc(m.body)}</nav>",
        "<div class=\"row\">",
        "<aside class=\"col-3 moedeliste\">",
        f"  <div class=\"moedeliste-titel\">Møder i {esc(m.body)}</div>",
        "  <ul>",
        *[f"    <li><a href=\"?dato={d.isoformat()}\">{esc(d_long(d))}</a></li>"
          for d in earlier_meetings(case)],
        "  </ul>",
        "</aside>",
        "<div class=\"col-9\">",
        f"<h1 class=\"green dato\">{esc(word)} {esc(d_long(m.date))}{esc(portal_time(case))}</h1>",
        f"<span class=\"udvalg\">{esc(m.body)}</span> <span class=\"dato\">"
        f"{esc(d_weekday(m.date).lower())}{esc(portal_time(case))}</span>",
    ]
    if m.place:
        parts.append(f"<span class=\"sted\">{esc(m.place)}</span>")
    if m.absent:
        parts.append(f"<div class=\"fravaer\">Fraværende: {esc(', '.join(m.absent))}</div>")
    parts += [f"<div class=\"bemaerkning\">{esc(line)}</div>" for line in m.header_lines]
    parts += [
        "<div class=\"moedeknapper\">",
        f"  <span class=\"badge\">{len(case.items)} punkter</span>",
        "  <a class=\"btn btn-outline\" href=\"#\">Hent som PDF</a>",
        "  <a class=\"btn btn-outline\" href=\"#\">Fold alle punkter ud</a>",
        "  <a class=\"btn btn-outline\" data-bs-toggle=\"modal\" href=\"#abonnerDialog\">"
        "Abonnér</a>",
        "</div>",
        "<table class=\"table dagsorden\">",
    ]
    for it in case.items:
        bilag = [s for s in it.sections if s.kind == "attachments"]
        body_secs = [s for s in it.sections if s.kind != "attachments"]
        entries = [e for s in bilag for e in bilag_entries(s.text)]
        parts += [
            f"  <tr class=\"punktrow\" id=\"punkt-{esc(it.number)}\">",
            f"    <td class=\"nummer\"><span class=\"label\">{esc(it.number)}</span></td>",
            "    <td class=\"indhold\">",
            "      <button class=\"overskrift-btn\" type=\"button\" data-bs-toggle=\"collapse\">"
            f"<h2 class=\"overskrift\">{esc(it.title)}</h2></button>",
            f"      <span class=\"sagsnummer\">{esc(portal_case_number(case, it))}</span>",
        ]
        if it.closed:
            parts.append("      <span class=\"lukket\">Lukket punkt</span>")
        parts += ["      <div class=\"details collapse show\">", "        <div class=\"punkt\">"]
        i = 0
        while i < len(body_secs):
            s = body_secs[i]
            parts.append(f"          <h3>{esc(s.title)}</h3>")
            if s.role == "history":
                inner = [portal_divs(s.text, "            ")] if s.text.strip() else []
                i += 1
                while i < len(body_secs) and body_secs[i].role == "history_block":
                    b = body_secs[i]
                    inner += [f"            <div>Udvalg: {esc(b.decision_body or '')}</div>",
                              f"            <div>Dato: {esc(d_dash(b.decision_date))}</div>"
                              if b.decision_date else "",
                              f"            <div>Punktnummer: {esc(b.point or '')}</div>",
                              portal_divs(b.text, "            ")]
                    i += 1
                parts += ["          <span class=\"resume\">", *[x for x in inner if x],
                          "          </span>"]
                continue
            parts += ["          <span class=\"resume\">", portal_divs(s.text, "            "),
                      "          </span>"]
            i += 1
        parts.append("        </div>")
        if bilag:
            parts.append(f"        <h3>{esc(bilag[0].title)}</h3>")
            parts.append("        <ul class=\"bilag\">")
            parts += [f"          <li><span class=\"label pdf-label\">PDF</span> "
                      f"<a class=\"bilag-link\" href=\"#\">{esc(e)}</a></li>" for e in entries]
            parts.append("        </ul>")
        parts += [
            "      </div>",
            "    </td>",
            "    <td class=\"handlinger\">",
            f"      <span class=\"fil-ikon-nummer\">{len(entries)}</span>",
            "      <div class=\"dropdown-menu\"><a class=\"dropdown-item\" href=\"#\">Hent som PDF"
            "</a> <a class=\"dropdown-item\" href=\"#\">Kopier link</a></div>",
            "    </td>",
            "  </tr>",
        ]
    parts += [
        "</table>",
        "</div>",
        "</div>",
        "</main>",
        "<footer class=\"sidefod\">",
        f"  <p>{esc(official)} · Rådhuset · Hovedtelefon 70 00 00 00</p>",
        "  <ul><li><a href=\"/was\">Tilgængelighedserklæring</a></li><li><a href=\"/cookies\">"
        "Cookiepolitik</a></li><li><a href=\"/privatliv\">Behandling af personoplysninger</a>"
        "</li></ul>",
        "</footer>",
    ]
    set_sources(case, "header", "header")
    doc = ("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n" + "\n".join(head) + "\n</head>\n<body>\n"
           + "\n".join(parts) + "\n</body>\n</html>\n")
    return doc.encode("utf-8")


# ---- pdf_portal_print: the PDF printed from the portal (LAYOUTS §2)

COND = ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf",
        "DejaVuSansCondensed-Oblique.ttf")


def pdf_history_block(pdf: Any, s: Section, family: str, size: float, lh: float) -> None:
    """A Sagsforløb block: label lines Udvalg / Dato / Punktnummer, then what the body decided."""
    ensure_space(pdf, lh * 4)
    s.page_start = pdf.page_no()
    pdf.set_font(family, "", size)
    for line in (f"Udvalg: {s.decision_body}",
                 f"Dato: {d_dash(s.decision_date) if s.decision_date else ''}",
                 f"Punktnummer: {s.point or ''}"):
        pdf.cell(0, lh, line, new_x="LMARGIN", new_y="NEXT")
    pdf_blocks(pdf, s.text, family, size, lh, align="L")
    pdf.ln(1)


def build_pdf_portal_print(case: Case, toc_pages: dict[str, int] | None) -> Any:
    m = case.meeting
    cover = option(case, "cover", True, BOOL)
    running = option(case, "running_header", True, BOOL)
    per_page = option(case, "item_per_page", True, BOOL)
    numbering = option(case, "numbering", "dot", NUMBERINGS)
    word = case.document.upper()
    when = f" kl. {m.start_time}" if m.start_time else ""

    def header(pdf: Any) -> None:
        if not running or (cover and pdf.page_no() == 1):
            return
        pdf.set_font("cond", "", 8)
        pdf.set_text_color(90)
        pdf.set_xy(pdf.l_margin, 9)
        pdf.cell(0, 4, f"{word.capitalize()} - {m.body} d. {d_dash(m.date)}")
        pdf.set_text_color(0)
        pdf.set_y(18)

    def footer(pdf: Any) -> None:
        if cover and pdf.page_no() == 1:
            return
        pdf.set_y(-12)
        pdf.set_font("cond", "", 8)
        pdf.set_text_color(90)
        pdf.cell(0, 4, f"Side {pdf.page_no()} af {{nb}}", align="R")
        pdf.set_text_color(0)

    pdf = new_pdf(case, {"cond": COND}, header, footer)
    pdf.set_title(f"{word.capitalize()} {m.body} {d_dash(m.date)}")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, 18)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if cover:
        pdf.add_page()
        pdf.set_y(30)
        pdf.set_font("cond", "B", 28)
        pdf.cell(0, 13, word, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cond", "B", 16)
        pdf.cell(0, 9, f"{m.body} d. {d_dash(m.date)}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(10)
        rows = [("Mødedato", d_weekday(m.date).replace(" den ", " d. ") + when)]
        if m.place:
            rows.append(("Mødested", m.place))
        if m.members:
            rows.append(("Medlemmer", ", ".join(m.members)))
        if m.absent:
            rows.append(("Fraværende", ", ".join(m.absent)))
        for label, value in rows:
            y = pdf.get_y()
            pdf.set_font("cond", "B", 10.5)
            pdf.cell(32, 6, label)
            pdf.set_font("cond", "", 10.5)
            pdf.set_xy(pdf.l_margin + 32, y)
            pdf.multi_cell(width - 32, 6, value, new_x="LMARGIN", new_y="NEXT")
        for line in m.header_lines:
            pdf.set_font("cond", "", 10.5)
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-40)
        pdf.set_font("cond", "", 9)
        pdf.cell(0, 5, m.municipality.official, new_x="LMARGIN", new_y="NEXT")
    if case.toc:
        pdf.add_page()
        pdf.set_font("cond", "B", 15)
        pdf.cell(0, 9, "Indholdsfortegnelse", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font("cond", "", 10)
        for it in case.items:  # titles without numbers, dot leaders, page numbers
            page = str(toc_pages[it.number]) if toc_pages else "99"
            ensure_space(pdf, 5.5)
            toc_line_with_leaders(pdf, it.title, page, width, 5.5)
    first = True
    for it in case.items:
        if per_page or first:
            pdf.add_page()
        else:
            ensure_space(pdf, 30)
            pdf.ln(6)
        first = False
        it.page_start = pdf.page_no()
        pdf.set_font("cond", "B", 13)
        pdf.multi_cell(0, 6.5, f"{numbered(it.number, numbering)} {it.title}", align="L",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cond", "", 8.5)
        pdf.set_text_color(80)
        pdf.cell(0, 4.5, f"Sagsnummer: {portal_case_number(case, it)}", new_x="LMARGIN",
                 new_y="NEXT")
        if it.closed:
            pdf.cell(0, 4.5, "Lukket punkt", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
        pdf.ln(3)
        for s in it.sections:
            if s.role == "history_block":
                pdf_history_block(pdf, s, "cond", 10, 5)
                continue
            ensure_space(pdf, 14)
            s.page_start = pdf.page_no()
            pdf.set_font("cond", "B", 11)
            pdf.multi_cell(0, 6, s.title, align="L", new_x="LMARGIN", new_y="NEXT")
            if s.kind == "attachments":
                pdf.set_font("cond", "", 10)
                for entry in bilag_entries(s.text):
                    pdf.multi_cell(0, 5, entry, align="L", new_x="LMARGIN", new_y="NEXT")
            elif s.text.strip():
                pdf_blocks(pdf, s.text, "cond", 10, 5, align="L")
            pdf.ln(2)
    return pdf


@register("pdf_portal_print", "pdf",
          "PDF printed from the web portal: cover 'REFERAT' / 'Byrådet d. 26-02-2025', contents "
          "without numbers, Beslutninger first, Sagsforløb blocks, Indstilling last",
          dec_i_den(d_dash),
          options=("cover", "running_header", "item_per_page", "numbering", "history_own",
                   "points"),
          documents=("referat", "dagsorden"))
def render_pdf_portal_print(case: Case) -> bytes:
    history_own = option(case, "history_own", case.document == "referat", BOOL)
    points = option(case, "points", True, BOOL)
    for it in case.items:
        it.sections = portal_sections(case, it, history_own=history_own, points=points)
        it.kind_shown = False
    data = render_pdf_two_pass(case, build_pdf_portal_print)
    cover = option(case, "cover", True, BOOL)
    running = option(case, "running_header", True, BOOL)
    own_block = any(s.role == "history_block" and s.origin == "own"
                    for it in case.items for s in it.sections)
    source = ("header" if cover else "running_header" if running
              else "history" if own_block else None)
    set_sources(case, source, source)
    return data


# ---- pdf_single_item / html_single_item: one item printed alone (LAYOUTS §3)

# routing codes of the bodies a case may pass, printed as a row with X marks under the ones it
# passes (not text to judge)
ROUTING_CODES = ("DIR", "FOU", "BFU", "SOS", "BSK", "KFU", "BYP", "TMU", "ØKE", "BYR")
ROUTING_BY_BODY = (("byråd", "BYR"), ("kommunalbestyrelse", "BYR"),
                   ("borgerrepræsentation", "BYR"), ("økonomi", "ØKE"), ("magistrat", "ØKE"),
                   ("social", "SOS"), ("sundhed", "SOS"), ("handicap", "SOS"), ("ældre", "SOS"),
                   ("børn", "BFU"), ("familie", "BFU"), ("skole", "BFU"),
                   ("beskæftigelse", "BSK"), ("arbejdsmarked", "BSK"), ("kultur", "KFU"),
                   ("fritid", "KFU"), ("plan", "BYP"), ("teknik", "TMU"), ("miljø", "TMU"),
                   ("forebyggelse", "FOU"), ("omsorg", "FOU"), ("direktion", "DIR"))


def routing_marks(case: Case, it: Item) -> list[bool]:
    """Which routing codes carry an X: the item's `routing`, else the codes of the bodies whose
    decisions it holds and of the meeting's body."""
    if it.routing:
        unknown = sorted(set(it.routing) - set(ROUTING_CODES))
        if unknown:
            raise CorpusError(f"{case.id} item {it.number}: unknown routing codes {unknown}")
        marked = set(it.routing)
    else:
        bodies = [s.decision_body for s in it.sections if s.kind == "decision" and s.decision_body]
        marked = set()
        for body in [*bodies, case.meeting.body]:
            low = body.lower()
            code = next((c for word, c in ROUTING_BY_BODY if word in low), None)
            if code:
                marked.add(code)
    return [code in marked for code in ROUTING_CODES]


def printed_at(case: Case) -> dt.datetime:
    """The print date of the footer ("Udskrevet …"): style option `printed` ("2025-01-14 09:30"),
    default five weeks after the meeting at 09:30 — never the meeting date."""
    value = case.options.get("printed")
    if value:
        try:
            return dt.datetime.fromisoformat(str(value))
        except ValueError as exc:
            raise CorpusError(f"{case.id}: style_options.printed must be 'YYYY-MM-DD HH:MM'"
                              ) from exc
    d = case.meeting.date + dt.timedelta(days=37)
    return dt.datetime(d.year, d.month, d.day, 9, 30)


def kle_case_number(case: Case, it: Item) -> str:
    """The item's case number, or an invented one in the KLE form ('27.69.48-G01-2-24')."""
    if it.case_number:
        return it.case_number
    n = digest_int(it.title)
    return (f"{n % 90:02d}.{n // 90 % 90:02d}.{n // 8100 % 20:02d}-"
            f"{'AGPS'[n % 4]}{n % 23:02d}-{1 + n % 7}-{case.meeting.date.year % 100:02d}")


def single_meeting_lines(case: Case) -> list[tuple[str, str]]:
    """The small header block as (label, value): 'Udvalg:' / 'Mødedato:' / 'Mødested:' rows, or
    with style option `meeting_line: broken` the meeting line broken over lines without labels
    ('Referat' / 'til' / 'mødet i …' / 'den …')."""
    m = case.meeting
    if option(case, "meeting_line", "fields", ("fields", "broken")) == "broken":
        when = f" kl. {m.start_time}" if m.start_time else ""
        lines = [case.document.capitalize(), "til", f"mødet i {m.body}",
                 f"den {d_long(m.date)}{when}"]
        return [("", line) for line in lines + ([f"i {m.place}"] if m.place else [])]
    rows = [("Udvalg", m.body), ("Mødedato", d_long(m.date))]
    return rows + ([("Mødested", m.place)] if m.place else [])


def single_sources(case: Case) -> None:
    if option(case, "header", True, BOOL):
        set_sources(case, "header", "header")
        return
    own = any(s.kind == "decision" and section_is_own(case, s) and s.decision_body
              and s.decision_date for it in case.items for s in it.sections)
    source = "decision_heading" if own else None
    set_sources(case, source, source)


SINGLE_OPTIONS = ("header", "meeting_line", "numbering", "period", "printed")


def build_pdf_single_item(case: Case, toc_pages: dict[str, int] | None) -> Any:
    m = case.meeting
    numbering = option(case, "numbering", "dot", NUMBERINGS)
    printed = printed_at(case)

    def footer(pdf: Any) -> None:
        pdf.set_y(-12)
        pdf.set_font("sans", "", 7.5)
        pdf.set_text_color(90)
        pdf.cell(0, 4, f"Udskrevet {printed:%d-%m-%Y} kl. {printed:%H:%M}")
        pdf.set_x(pdf.l_margin)
        pdf.cell(0, 4, f"Side {pdf.page_no()} af {{nb}}", align="R")
        pdf.set_text_color(0)

    pdf = new_pdf(case, {"sans": SANS}, None, footer)
    pdf.set_title("Udskrift af dagsordenpunkt")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, 18)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if option(case, "header", True, BOOL):
        pdf.set_font("sans", "B", 10)
        pdf.cell(0, 6, m.municipality.official, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for label, value in single_meeting_lines(case):
            if label:
                y = pdf.get_y()
                pdf.set_font("sans", "B", 9.5)
                pdf.cell(26, 5.2, f"{label}:")
                pdf.set_font("sans", "", 9.5)
                pdf.set_xy(pdf.l_margin + 26, y)
                pdf.multi_cell(width - 26, 5.2, value, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("sans", "", 11)
                pdf.cell(0, 5.8, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font("sans", "B", 11)
        pdf.cell(0, 6, "Dagsordenpunkter", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for it in case.items:
        ensure_space(pdf, 40)
        it.page_start = pdf.page_no()
        pdf.set_font("sans", "B", 12)
        pdf.multi_cell(0, 6.4, f"{numbered(it.number, numbering)} {it.title}", align="L",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("sans", "", 8.5)
        pdf.cell(0, 5, f"Sagsnr.: {kle_case_number(case, it)}     "
                       f"Sagsbehandler: {item_handler(it)}", new_x="LMARGIN", new_y="NEXT")
        if it.closed:
            pdf.cell(0, 5, "Lukket punkt", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        col = 11.0
        y = pdf.get_y()
        pdf.set_font("sans", "B", 7.5)
        for n, code in enumerate(ROUTING_CODES):
            pdf.set_xy(pdf.l_margin + n * col, y)
            pdf.cell(col, 4.5, code, border=1, align="C")
        pdf.set_font("sans", "", 7.5)
        for n, mark in enumerate(routing_marks(case, it)):
            pdf.set_xy(pdf.l_margin + n * col, y + 4.5)
            pdf.cell(col, 4.5, "X" if mark else "", border=1, align="C")
        pdf.set_xy(pdf.l_margin, y + 11)
        pdf.set_font("sans", "", 8.5)
        pdf.cell(0, 5, "Øvrige sagsbehandlere: -", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for s in it.sections:
            ensure_space(pdf, 14)
            s.page_start = pdf.page_no()
            pdf.set_font("sans", "B", 10.5)
            pdf.multi_cell(0, 5.6, s.title, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf_blocks(pdf, s.text, "sans", 9.5, 4.9, align="L")
            pdf.ln(1.5)
        pdf.ln(4)
    return pdf


@register("pdf_single_item", "pdf",
          "One item printed alone: Udvalg/Mødedato/Mødested block, '212. Title', Sagsnr. and "
          "Sagsbehandler, routing codes with X marks, footer 'Udskrevet …'",
          dec_period(d_dash), options=SINGLE_OPTIONS, documents=("referat", "dagsorden"))
def render_pdf_single_item(case: Case) -> bytes:
    for it in case.items:
        it.kind_shown = False  # the print shows no item type
    data = render_pdf_two_pass(case, build_pdf_single_item)
    single_sources(case)
    return data


@register("html_single_item", "html",
          "One item in the portal's print view (HTML): header table, 'Dagsordenpunkter', routing "
          "table with X marks, 'Udskrevet …'",
          dec_period(d_dash), options=SINGLE_OPTIONS, documents=("referat", "dagsorden"))
def render_html_single_item(case: Case) -> bytes:
    m = case.meeting
    numbering = option(case, "numbering", "dot", NUMBERINGS)
    printed = printed_at(case)
    header_on = option(case, "header", True, BOOL)
    parts = ["<div class=\"noprint\"><a href=\"javascript:window.print()\">Udskriv</a> · "
             "<a href=\"javascript:window.close()\">Luk vindue</a></div>"]
    if header_on:
        parts.append(f"<div class=\"kommune\">{esc(m.municipality.official)}</div>")
        lines = single_meeting_lines(case)
        if all(label for label, _ in lines):
            parts.append("<table class=\"moedeinfo\">")
            parts += [f"  <tr><th>{esc(label)}:</th><td>{esc(value)}</td></tr>"
                      for label, value in lines]
            parts.append("</table>")
        else:
            parts.append("<div class=\"moedelinje\">")
            parts += [f"  <p>{esc(value)}</p>" for _, value in lines]
            parts.append("</div>")
        parts.append("<h2 class=\"dagsordenpunkter\">Dagsordenpunkter</h2>")
    for it in case.items:
        it.kind_shown = False
        it.page_start = 1
        marks = routing_marks(case, it)
        parts += [
            "<div class=\"punkt\">",
            f"  <h3 class=\"punkt-titel\">{esc(numbered(it.number, numbering))} "
            f"{esc(it.title)}</h3>",
            f"  <div class=\"sagsinfo\">Sagsnr.: {esc(kle_case_number(case, it))}&nbsp;&nbsp; "
            f"Sagsbehandler: {esc(item_handler(it))}</div>",
        ]
        if it.closed:
            parts.append("  <div class=\"lukket\">Lukket punkt</div>")
        parts += [
            "  <table class=\"sagsgang\">",
            "    <tr>" + "".join(f"<th>{esc(c)}</th>" for c in ROUTING_CODES) + "</tr>",
            "    <tr>" + "".join(f"<td>{'X' if mark else '&nbsp;'}</td>" for mark in marks)
            + "</tr>",
            "  </table>",
            "  <div class=\"oevrige\">Øvrige sagsbehandlere: -</div>",
        ]
        for s in it.sections:
            s.page_start = 1
            parts.append(f"  <h4>{esc(s.title)}</h4>")
            parts.append(html_blocks(s.text, "  "))
        parts.append("</div>")
    parts.append(f"<div class=\"udskrevet\">Udskrevet {printed:%d-%m-%Y} kl. {printed:%H:%M}"
                 "</div>")
    single_sources(case)
    css = ("<style>body{font-family:Arial,sans-serif;font-size:10pt}.sagsgang td,.sagsgang th"
           "{border:1px solid #999;width:2.5em;text-align:center}@media print{.noprint"
           "{display:none}}</style>\n")
    return html_page("Udskriftsvenlig version", "\n".join(parts), css)


# ---- docx_sbsys / pdf_sbsys: items grouped under lettered headings (LAYOUTS §4)

# A group heading's words -> the kind of every item under it
SBSYS_GROUP_KINDS = (("afgørelse", "decision"), ("beslutning", "decision"),
                     ("drøftelse", "discussion"), ("orientering", "orientation"),
                     ("efterretning", "orientation"), ("meddelelse", "orientation"))
SBSYS_OPTIONS = ("group_titles", "numbering", "period", "group_page_break", "running_header")


def sbsys_group_titles(case: Case) -> dict[str, str]:
    council = case.meeting.council
    titles = {"A": f"Sager til afgørelse i {council[0].lower() + council[1:]}",
              "B": "Sager til afgørelse i udvalget",
              "C": "Sager til drøftelse",
              "D": "Orientering"}
    extra = case.options.get("group_titles") or {}
    if not isinstance(extra, dict):
        raise CorpusError(f"{case.id}: style_options.group_titles must map letters to titles")
    titles.update({str(k): str(v) for k, v in extra.items()})
    return titles


def sbsys_groups(case: Case) -> list[tuple[str, str, list[Item]]]:
    """(letter, title, items) in document order. An item's group is its `group:`, else D for an
    orientation, C for a discussion and A (council minutes) or B (a committee's) otherwise. The
    group's heading decides every item's kind; groups must come in letter order."""
    titles = sbsys_group_titles(case)
    council = case.meeting.body_kind == "full_council"
    groups: list[tuple[str, str, list[Item]]] = []
    for it in case.items:
        letter = it.group or {"orientation": "D", "discussion": "C"}.get(
            item_kind(it.kind_label) or "", "A" if council else "B")
        if letter not in titles:
            raise CorpusError(f"{case.id} item {it.number}: no group titled {letter!r}")
        low = titles[letter].lower()
        kind = next((k for word, k in SBSYS_GROUP_KINDS if word in low), None)
        if kind is None:
            raise CorpusError(f"{case.id}: group {letter} '{titles[letter]}' has no known kind")
        it.kind_forced = kind
        if groups and groups[-1][0] == letter:
            groups[-1][2].append(it)
            continue
        if groups and letter < groups[-1][0]:
            raise CorpusError(f"{case.id} item {it.number}: group {letter} after "
                              f"{groups[-1][0]}")
        groups.append((letter, titles[letter], [it]))
    return groups


def sbsys_competence(case: Case, letter: str) -> str:
    """'Beslutningskompetence:' — the council for group A, else the meeting's body."""
    return case.meeting.council if letter == "A" else case.meeting.body


def sbsys_meta(case: Case) -> list[tuple[str, str]]:
    m = case.meeting
    rows = [("Mødedato", d_dot(m.date))]
    if m.start_time:
        rows.append(("Mødetidspunkt", m.start_time + (f" - {m.end_time}" if m.end_time else "")))
    if m.place:
        rows.append(("Mødested", m.place))
    if m.members:
        rows.append(("Deltagere", ", ".join(m.members)))
    rows.append(("Fraværende", ", ".join(m.absent) if m.absent else "Ingen"))
    return rows


@register("docx_sbsys", "docx",
          "DOCX from an SBSYS-style template: items under 'A. Sager til afgørelse i byrådet' … "
          "'D. Orientering', Beslutningskompetence line, bold section headings",
          dec_period(d_dot), options=SBSYS_OPTIONS)
def render_docx_sbsys(case: Case) -> bytes:
    from docx.shared import Pt

    m = case.meeting
    numbering = option(case, "numbering", "dot", NUMBERINGS)
    page_break = option(case, "group_page_break", True, BOOL)
    groups = sbsys_groups(case)
    doc = new_docx(case)
    docx_header_footer(doc, f"{m.municipality.official}\t\t{m.body}",
                       f"Referat {m.body} {d_dot(m.date)}")
    p = doc.add_paragraph()
    run = p.add_run(m.municipality.official)
    run.bold = True
    run.font.size = Pt(11)
    p = doc.add_paragraph()
    run = p.add_run("Referat")
    run.bold = True
    run.font.size = Pt(20)
    p = doc.add_paragraph()
    p.add_run(m.body).font.size = Pt(14)
    for label, value in sbsys_meta(case):
        doc.add_paragraph(f"{label}:\t{value}")
    for line in m.header_lines:
        doc.add_paragraph(line)
    if case.toc:
        p = doc.add_paragraph()
        p.add_run("Indholdsfortegnelse").bold = True
        for letter, title, items in groups:
            doc.add_paragraph().add_run(f"{letter}. {title}").bold = True
            for it in items:
                doc.add_paragraph(f"{numbered(it.number, numbering)}\t{it.title}")
    page = 1
    for n, (letter, title, items) in enumerate(groups):
        if page_break and (n > 0 or case.toc):
            doc.add_page_break()
            page += 1
        doc.add_paragraph(f"{letter}. {title}", style="Heading 1")
        for it in items:
            it.page_start = page
            doc.add_paragraph(f"{numbered(it.number, numbering)}\t{it.title}", style="Heading 2")
            if it.case_number:
                doc.add_paragraph(f"Sagsnr.: {it.case_number}")
            doc.add_paragraph(f"Beslutningskompetence: {sbsys_competence(case, letter)}")
            if it.closed:
                doc.add_paragraph("Lukket punkt")
            for s in it.sections:
                s.page_start = page
                doc.add_paragraph().add_run(s.title).bold = True
                docx_blocks(doc, s.text)
    set_sources(case, "header", "header")
    return docx_bytes(doc)


SERIF_LIB = tuple(str(LIBERATION_DIR / f) for f in (
    "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf"))


def build_pdf_sbsys(case: Case, toc_pages: dict[str, int] | None) -> Any:
    m = case.meeting
    numbering = option(case, "numbering", "dot", NUMBERINGS)
    page_break = option(case, "group_page_break", True, BOOL)
    running = option(case, "running_header", True, BOOL)
    groups = sbsys_groups(case)

    def header(pdf: Any) -> None:
        if not running or pdf.page_no() == 1:
            return
        pdf.set_font("libserif", "I", 8.5)
        pdf.set_xy(pdf.l_margin, 10)
        pdf.cell(0, 4, f"{m.body} - Referat - {d_dot(m.date)}")
        pdf.set_y(19)

    def footer(pdf: Any) -> None:
        pdf.set_y(-13)
        pdf.set_font("libserif", "", 8.5)
        pdf.cell(0, 4, f"Side {pdf.page_no()} af {{nb}}", align="C")

    pdf = new_pdf(case, {"libserif": SERIF_LIB}, header, footer)
    pdf.set_margins(25, 18, 22)
    pdf.set_auto_page_break(True, 20)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.add_page()
    pdf.set_font("libserif", "B", 12)
    pdf.cell(0, 6, m.municipality.official, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("libserif", "B", 22)
    pdf.cell(0, 11, "Referat", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("libserif", "", 15)
    pdf.cell(0, 8, m.body, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for label, value in sbsys_meta(case):
        y = pdf.get_y()
        pdf.set_font("libserif", "", 11)
        pdf.cell(36, 5.6, f"{label}:")
        pdf.set_xy(pdf.l_margin + 36, y)
        pdf.multi_cell(width - 36, 5.6, value, new_x="LMARGIN", new_y="NEXT")
    for line in m.header_lines:
        pdf.multi_cell(0, 5.6, line, new_x="LMARGIN", new_y="NEXT")
    if case.toc:
        pdf.ln(6)
        pdf.set_font("libserif", "B", 13)
        pdf.cell(0, 7, "Indholdsfortegnelse", new_x="LMARGIN", new_y="NEXT")
        for letter, title, items in groups:
            ensure_space(pdf, 12)
            pdf.set_font("libserif", "B", 11)
            pdf.cell(0, 6, f"{letter}. {title}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("libserif", "", 11)
            for it in items:
                page = str(toc_pages[it.number]) if toc_pages else "99"
                ensure_space(pdf, 5.6)
                toc_line_with_leaders(pdf, f"{numbered(it.number, numbering)} {it.title}", page,
                                      width, 5.6)
    for n, (letter, title, items) in enumerate(groups):
        if page_break or n == 0:
            pdf.add_page()
        else:
            ensure_space(pdf, 40)
            pdf.ln(6)
        pdf.set_font("libserif", "B", 15)
        pdf.multi_cell(0, 8, f"{letter}. {title}", align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for it in items:
            ensure_space(pdf, 30)
            pdf.ln(2)
            it.page_start = pdf.page_no()
            pdf.set_font("libserif", "B", 12.5)
            pdf.multi_cell(0, 6.4, f"{numbered(it.number, numbering)}  {it.title}", align="L",
                           new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("libserif", "", 9.5)
            if it.case_number:
                pdf.cell(0, 4.8, f"Sagsnr.: {it.case_number}", new_x="LMARGIN", new_y="NEXT")
            pdf.cell(0, 4.8, f"Beslutningskompetence: {sbsys_competence(case, letter)}",
                     new_x="LMARGIN", new_y="NEXT")
            if it.closed:
                pdf.cell(0, 4.8, "Lukket punkt", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
            for s in it.sections:
                ensure_space(pdf, 14)
                s.page_start = pdf.page_no()
                pdf.set_font("libserif", "B", 11)
                pdf.multi_cell(0, 5.8, s.title, align="L", new_x="LMARGIN", new_y="NEXT")
                pdf_blocks(pdf, s.text, "libserif", 11, 5.4, align="L")
                pdf.ln(1.5)
    return pdf


@register("pdf_sbsys", "pdf",
          "PDF from an SBSYS-style template (Liberation Serif): items under lettered group "
          "headings, Beslutningskompetence line, running header",
          dec_period(d_dot), options=SBSYS_OPTIONS)
def render_pdf_sbsys(case: Case) -> bytes:
    data = render_pdf_two_pass(case, build_pdf_sbsys)
    set_sources(case, "header", "header")
    return data


# ---- txt_pasted: a meeting page copied out of a browser into a .txt file (LAYOUTS §6)

TXT_OPTIONS = ("header", "item_format", "encoding", "bom", "line_ends", "glue_headings",
               "own_heading")


def dec_txt(body: str, date: dt.date, which: str,
            options: dict[str, Any]) -> tuple[str, str | None, dt.date | None]:
    """The copied page's decision headings: the meeting's own just 'Beslutning' (style option
    `own_heading: full` → 'Beslutning i Byrådet den 30. januar 2024'), earlier ones in full."""
    if which == "own" and options.get("own_heading", "plain") == "plain":
        return "Beslutning", None, None
    return f"Beslutning i {body} den {d_long(date)}", body, date


def with_nbsp(text: str) -> str:
    """Non-breaking spaces where the page had &nbsp;: 'kl. 17.00', '§ 79 b', '27 %', '4,2 mio.'."""
    text = re.sub(r"\bkl\. (?=\d)", "kl.\u00a0", text)
    text = text.replace("§ ", "§\u00a0")
    text = re.sub(r"(?<=\d) (%|mio\.|mia\.)", "\u00a0\\1", text)
    return text


@register("txt_pasted", "txt",
          "Text copied from a portal page in a browser: navigation words, numbers glued to titles "
          "or bullets, lost blank lines, tab-separated tables, NBSP, CRLF, BOM or cp1252",
          dec_txt, options=TXT_OPTIONS)
def render_txt_pasted(case: Case) -> bytes:
    m = case.meeting
    header_on = option(case, "header", True, BOOL)
    item_format = option(case, "item_format", "glued", ("glued", "bullet"))
    encoding = option(case, "encoding", "utf-8", ("utf-8", "cp1252"))
    bom = option(case, "bom", encoding == "utf-8", BOOL)
    if bom and encoding != "utf-8":
        raise CorpusError(f"{case.id}: a BOM only with encoding utf-8")
    line_ends = option(case, "line_ends", "crlf", ("crlf", "lf"))
    glue = option(case, "glue_headings", False, BOOL)
    own_full = option(case, "own_heading", "plain", ("plain", "full")) == "full"
    official = m.municipality.official
    lines = ["Spring til indhold", f"{official} - gå til forsiden", "Menu", "Søg",
             "Borger", "Erhverv", "Politik og demokrati", "Om kommunen", "",
             "Forside", "Politik og demokrati", "Dagsordener og referater"]
    if header_on:
        when = f" - kl. {m.start_time}" if m.start_time else ""
        lines += [m.body, "", f"{genitive(m.body)} møde den {d_long(m.date)}",
                  f"{m.place or ''}{when}".strip(" -")]
    lines += [case.document.capitalize(), "Fold alle punkter ud", "Udskriv", "Del", ""]
    for it in case.items:
        it.kind_shown = False  # the page shows no item type
        it.page_start = 1
        if item_format == "glued":
            lines.append(f"{it.number}{it.title}")
        else:
            lines += [f"• {it.number}", it.title]
        if it.closed:
            lines.append("Lukket punkt")
        for s in it.sections:
            s.page_start = 1
            blocks = parse_blocks(s.text)
            if (glue and s.kind == "decision" and len(blocks) == 1 and blocks[0].kind == "p"
                    and len(blocks[0].text) < 60):
                lines.append(s.title + blocks[0].text)  # "BeslutningGodkendt."
                continue
            lines.append(s.title)
            for b in blocks:
                if b.kind == "p" or b.kind == "bullet":
                    lines.append(b.text)  # paragraphs one a line, bullets lose their mark
                elif b.kind == "num":
                    lines.append(f"{b.label} {b.text}")
                else:
                    lines += ["\t".join(row) for row in b.rows]
        lines.append("")
    lines += ["Til toppen", "", "Kontakt", official, "Cookieindstillinger",
              "Tilgængelighedserklæring"]
    text = with_nbsp("\n".join(lines)) + "\n"
    if line_ends == "crlf":
        text = text.replace("\n", "\r\n")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise CorpusError(f"{case.id}: text cannot be written as {encoding}: {exc}") from exc
    own = own_full and any(s.kind == "decision" and section_is_own(case, s)
                           for it in case.items for s in it.sections)
    if header_on:
        set_sources(case, "header", "header")
    else:
        set_sources(case, "decision_heading" if own else None,
                    "decision_heading" if own else None)
    return (b"\xef\xbb\xbf" if bom else b"") + data


# --------------------------------------------------------------------------- expected.json


def expected_meeting(case: Case) -> dict[str, Any]:
    """The meeting as a careful reader finds it. The new styles add `sources` (where the body and
    the date are stated); a field the document does not state is null (and body_kind with the
    body)."""
    m = case.meeting
    meeting: dict[str, Any] = {
        "municipality": m.municipality.official,
        "municipality_code": m.municipality.code,
        "body": m.body,
        "body_kind": m.body_kind,
        "date": m.date.isoformat(),
    }
    if case.sources is not None:
        if case.sources["body"] is None:
            meeting["body"] = meeting["body_kind"] = None
        if case.sources["date"] is None:
            meeting["date"] = None
        meeting["sources"] = dict(case.sources)
    return meeting


# a committee step written as a paragraph of its own inside a section (Jammerbugt's portal:
# "Beslutning fra Økonomiudvalget, 16. november 2022, pkt. 231:" inside the Indstilling): a
# decision section of its own to a reader
EMBEDDED_STEP = re.compile(
    r"^Beslutning (?:fra|i) (?P<body>[^,\n]+), (?P<date>\d{1,2}\. [a-zæøå]+ \d{4}), pkt\. \d+:?$",
    re.MULTILINE,
)


def expected_sections(section: Section) -> list[dict[str, Any]]:
    """The section as a reader finds it, and each committee step written inside its text."""
    out = [{
        "title": section.printed_title or section.title,
        "kind": section.kind,
        "page_start": section.page_start,
        "decision_body": section.decision_body,
        "decision_date": section.decision_date.isoformat() if section.decision_date else None,
    }]
    for step in EMBEDDED_STEP.finditer(section.text):
        when = parse_date_in(step.group("date"))
        out.append({
            "title": step.group(0).rstrip(":"),
            "kind": "decision",
            "page_start": section.page_start,
            "decision_body": step.group("body"),
            "decision_date": when.isoformat() if when else None,
        })
    return out


def expected(case: Case) -> dict[str, Any]:
    lab = case.labels
    return {
        "id": case.id,
        "file": case.file_name,
        "format": case.format,
        "split": case.split,
        "meeting": expected_meeting(case),
        "items": [
            {
                "number": it.number,
                "title": it.printed_title or (it.title.upper() if case.style == "pdf_c"
                                              else it.title),
                "page_start": it.page_start,
                "kind": it.kind,
                "closed": it.closed,
                "sections": [e for s in it.sections for e in expected_sections(s)],
            }
            for it in case.items
        ],
        "labels": {
            "map_year": lab.get("map_year"),
            "items": [str(n) for n in lab["items"]],
            "checks": {c: lab["checks"][c] for c in CHECKS},
            "outcome": lab["outcome"],
            "rationale": " ".join(str(lab["rationale"]).split()),
            **({"conventions": [str(t) for t in tags]} if (tags := lab.get("conventions")) else {}),
        },
    }


# --------------------------------------------------------------------------- bad input


@contextlib.contextmanager
def deterministic_random(seed: str) -> Iterator[None]:
    """pypdf draws its file identifier from `secrets`; make it repeatable for one call."""
    counter = [0]
    original = secrets.token_bytes

    def token_bytes(n: int | None = 32) -> bytes:
        counter[0] += 1
        digest = hashlib.sha256(f"{seed}:{counter[0]}".encode()).digest()
        return (digest * 4)[: n or 32]

    secrets.token_bytes = token_bytes  # type: ignore[assignment]
    try:
        yield
    finally:
        secrets.token_bytes = original  # type: ignore[assignment]


def _bad_source_case(munis: dict[str, Municipality], short: str, body: str,
                     date: str) -> Case:
    meeting = Meeting(municipality=munis[fold(short)], body=body, body_kind="full_council",
                      date=dt.date.fromisoformat(date), place="Byrådssalen", start_time="16:00",
                      end_time=None, absent=[], members=[], header_lines=[], council=body,
                      committee="Økonomiudvalget",
                      committee_date=dt.date.fromisoformat(date) - dt.timedelta(days=14))
    text = ("Byrådet skal inden årets udgang behandle danmarkskortet over omgørelsesprocenter på "
            "socialområdet, jf. retssikkerhedslovens § 79 b. ") * 12
    items = [Item(str(n), f"Punkt nummer {n} på dagsordenen", "Beslutningssag", False, None,
                  [Section("Sagsfremstilling", text, "case"),
                   Section("Beslutning i Byrådet den " + d_dash(meeting.date), "Godkendt.",
                           "decision", body, meeting.date)])
             for n in range(1, 7)]
    return Case(id=f"bad-{fold(short)}", split="dev", format="pdf", style="pdf_a",
                meeting=meeting, toc=True, items=items, labels={})


def render_bad(munis: dict[str, Municipality]) -> dict[str, bytes]:
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont
    from pypdf import PdfReader, PdfWriter

    out: dict[str, bytes] = {}
    full = render_pdf_a(_bad_source_case(munis, "Odense", "Byrådet", "2023-10-04"))
    out["odense-2023-referat.pdf"] = full[: len(full) * 55 // 100]

    plain = render_pdf_a(_bad_source_case(munis, "Gentofte", "Kommunalbestyrelsen", "2022-11-28"))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.add_metadata({"/Producer": "minutes-checker corpus renderer",
                         "/CreationDate": "D:20221128120000Z"})
    with deterministic_random("gentofte"):
        writer.encrypt(user_password="referat2022", owner_password="gentofte-ejer",
                       algorithm="RC4-128")
        buf = io.BytesIO()
        writer.write(buf)
    out["gentofte-2022-referat.pdf"] = buf.getvalue()

    # a "scanned" referat: one page that is only an image of text
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), 26)
    bold = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif-Bold.ttf"), 30)
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    lines = [("Lemvig Kommune", bold), ("Referat – Byrådet – 29. november 2023", font), ("", font),
             ("12. Danmarkskort over omgørelsesprocenter 2023", bold), ("", font),
             ("Sagsfremstilling", bold),
             ("Ankestyrelsens omgørelsesprocent for Lemvig Kommune var i 2022", font),
             ("på 24 % for hele socialområdet mod 28 % på landsplan.", font), ("", font),
             ("Beslutning i Byrådet den 29-11-2023", bold),
             ("Byrådet besluttede, at der ikke udarbejdes en handlingsplan.", font)]
    y = 140
    for text, f in lines:
        draw.text((130, y), text, fill=30, font=f)
        y += 44
    img = img.rotate(0.6, fillcolor=255, resample=Image.Resampling.BILINEAR)
    img = img.resize((827, 1169)).point(lambda v: 255 if v > 150 else 0).convert("1")
    png = io.BytesIO()
    img.save(png, format="PNG", optimize=True)
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(fixed_datetime(dt.date(2023, 11, 29)))
    pdf.set_producer("Scanner (corpus renderer)")
    pdf.add_page()
    pdf.image(io.BytesIO(png.getvalue()), x=0, y=0, w=210, h=297)
    out["lemvig-2023-referat.pdf"] = bytes(pdf.output())

    manifest = {
        "odense-2023-referat.pdf": {"error": "corrupt", "what": "a PDF cut off at 55 %"},
        "gentofte-2022-referat.pdf": {"error": "encrypted",
                                      "what": "RC4-128, user password 'referat2022'"},
        "lemvig-2023-referat.pdf": {"error": "scanned", "what": "one page that is only an image"},
    }
    out["expected.json"] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
    return out


# --------------------------------------------------------------------------- main


def load_all(only: list[str] | None = None) -> list[Case]:
    munis = load_municipalities()
    fillers = load_fillers()
    if len(fillers) < 45:
        print(f"warning: only {len(fillers)} fillers (the pool should hold at least 45)",
              file=sys.stderr)
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        if path.name.startswith("_"):
            continue  # _template.yaml and other non-cases
        if only and path.stem not in only:
            continue
        cases.append(load_case(path, munis, fillers))
    ids = [c.id for c in cases]
    if len(set(ids)) != len(ids):
        raise CorpusError("duplicate case ids")
    return cases


def render_case(case: Case) -> dict[str, bytes]:
    data = STYLES[case.style].render(case)
    exp = json.dumps(expected(case), ensure_ascii=False, indent=2) + "\n"
    return {case.file_name: data, f"{case.id}.expected.json": exp.encode("utf-8")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="case ids to render")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if any rendered file differs from its source")
    ap.add_argument("--no-bad", action="store_true", help="skip corpus/bad/")
    args = ap.parse_args(argv)
    try:
        cases = load_all(args.only)
        outputs: list[tuple[Path, bytes]] = []
        for case in cases:
            for name, data in render_case(case).items():
                outputs.append((OUT_DIR / name, data))
        if not args.no_bad and not args.only:
            for name, data in render_bad(load_municipalities()).items():
                outputs.append((BAD_DIR / name, data))
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stale = 0
    for path, data in outputs:
        old = path.read_bytes() if path.exists() else None
        if old == data:
            continue
        stale += 1
        if args.check:
            print(f"out of date: {path.relative_to(ROOT)}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    verb = "out of date" if args.check else "written"
    print(f"{len(cases)} cases, {len(outputs)} files, {stale} {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
