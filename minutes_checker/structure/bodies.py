"""Bodies as minutes name them: the full council, a committee, or an informal gathering.

`body_kind(name)` tells which a name is; `body_in(line)` finds the body a header line names
("Referat fra Byrådets møde", "Udvalg: Herning Byråd", "Aarhus Kommune – Byrådet");
`is_advisory_council(name)` tells whether a body is an advisory council (Handicaprådet), which
`body_kind` does not tell apart from a committee.
"""

from __future__ import annotations

import re

from .. import municipalities
from ..dates import WEEKDAYS, find_dates
from ..models import BodyKind
from .vocabulary import probe, vocabulary

_WORDS = vocabulary()
_COMMITTEE = re.compile(
    _WORDS.leaders("bodies.committees", "bodies.executive_committees"), re.IGNORECASE
)
_FULL_COUNCIL = re.compile(_WORDS.leaders("bodies.council"), re.IGNORECASE)
# a body written as its abbreviation alone, in capitals: "KB", "ØU"
_ABBREVIATIONS: dict[str, BodyKind] = {
    **{word.upper(): "full_council" for word in _WORDS.words("bodies.council_abbreviations")},
    **{word.upper(): "committee" for word in _WORDS.words("bodies.committee_abbreviations")},
}


@probe("body_kind")
def body_kind(name: str | None) -> BodyKind:
    """Whether a body named as in minutes is the full council, a committee, or unknown.

    "Kommunalbestyrelsen", "Byrådet", "Byrådets", "Aarhus Byråd", "Borgerrepræsentationen",
    "Kommunalbestyrelsens møde" are the full council; "Social- og Sundhedsudvalget",
    "Økonomiudvalget", "Magistraten", "Udvalget for Social og Sundhed" are committees.
    """
    if not name:
        return "unknown"
    text = name.strip()
    if text in _ABBREVIATIONS:
        return _ABBREVIATIONS[text]
    if _COMMITTEE.search(text):
        return "committee"
    if _FULL_COUNCIL.search(text):
        return "full_council"
    return "unknown"


def named_body_kind(name: str) -> BodyKind:
    """The kind of a body the minutes name as the one that met or decided ("Udvalg: Social og
    Sundhed", "Beslutning i Handicaprådet den …"): the council when a council word says so,
    else a body that is not the council (a committee, a council's advisory board)."""
    kind = body_kind(name)
    return "committee" if kind == "unknown" and name.strip() else kind


# advisory councils: a word ending in "råd" or "rådet" that is not the council's "Byråd"
_ADVISORY_COUNCIL = re.compile(_WORDS.alternatives("bodies.advisory"), re.IGNORECASE)


@probe("advisory_council")
def is_advisory_council(name: str | None) -> bool:
    """Whether a body named as in minutes is an advisory council ("Handicaprådet", "Ældrerådet",
    "Det Centrale Handicapråd"), not the council itself ("Byrådet").

    Its statement is a wish put to the council, not a recommendation the council adopts or
    notes. Such a body has no kind of its own (`body_kind` leaves it unknown, and
    `named_body_kind` counts it with the committees): the checks ask this where it matters.
    """
    return name is not None and _ADVISORY_COUNCIL.search(name) is not None


_BODY_WORD = (
    "(?i:"
    + _WORDS.stems("bodies.committees", "bodies.council", "bodies.executive_committees")
    + ")"
)
# a body name: "Byrådet", "Aarhus Byråd", "Social-, Sundheds- og Ældreudvalget", "Udvalget for
# Social og Sundhed" (a capitalised name and suspended compounds may stand before the body word)
# ("Udvalget for …" first: in a longer text the plain "Udvalget" must not win)
BODY_NAME = (
    r"(?:(?i:udvalg(?:et)?\s+for)\s+[A-ZÆØÅ][\wæøåÆØÅ]*"
    r"(?:,?\s+(?!(?i:og|eller)\b)[A-ZÆØÅ][\wæøåÆØÅ]*)?(?:\s+(?i:og)\s+[\wæøåÆØÅ]+)?"
    r"|(?:[A-ZÆØÅ][\wæøå]*(?:-[A-ZÆØÅ][\wæøå]*)?\s+(?=[A-ZÆØÅ]))?"
    r"(?:[\wæøåÆØÅ]+-,?\s+(?:(?:og|eller|&)\s+)?|[\wæøåÆØÅ]+\s+&\s+){0,4}"
    rf"{_BODY_WORD})"
)
# one body, or two meeting together ("Social- og Sundhedsudvalget og Børne- og Familieudvalget")
BODY_ONLY = re.compile(rf"^(?P<body>{BODY_NAME}(?:\s+og\s+{BODY_NAME})?)$")


_SMALL_WORDS = frozenset({"og", "eller", "for", "i", "af", "under", "&"})


def tidy_body(name: str | None) -> str | None:
    """A body written in capitals ("SOCIAL- OG SUNDHEDSUDVALGET") as it is normally written."""
    if not name or not name.isupper() or name.strip() in _ABBREVIATIONS:
        return name
    words = []
    for word in name.lower().split():
        words.append(word if word in _SMALL_WORDS else word[:1].upper() + word[1:])
    return " ".join(words)


def strip_genitive(name: str) -> str:
    """'Byrådets' -> 'Byrådet', 'Kommunalbestyrelsens' -> 'Kommunalbestyrelsen'."""
    name = name.strip()
    if re.search(r"(?:et|en|ets|ens|ds|gs)$", name, re.IGNORECASE) and name.endswith("s"):
        stem = name[:-1]
        if re.search(r"(?:et|en|d|g)$", stem, re.IGNORECASE):
            return stem
    return name


_LABEL = _WORDS.alternatives("meeting.body_labels")
# a body's name: capitalised words, joined by "og", "for", "&" ("Social og Sundhed", "Børn
# og Familie", "Velfærd & Sundhed"); at most six words
_NAMED = re.compile(
    r"^[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:,?\s+(?:(?:og|for|i|&)\s+)?[A-ZÆØÅ][\wæøåÆØÅ\-]*){0,5}$"
)
# what follows a body's name on a meeting line: "den 2. oktober 2025 kl. 13:00", "27.09.2023"
_DATE_TAIL = re.compile(r"\s+(?:(?:den|d\.)\s+)?\d.*$|\s+den\s.*$", re.IGNORECASE)
_DOCUMENT = _WORDS.alternatives("meeting.document_words")
_BODY_LABEL = re.compile(rf"^(?i:{_LABEL})\s*:?\s+(?P<body>.+?)\s*$")
_BODY_LABEL_ALONE = re.compile(rf"^(?i:{_LABEL})\s*:\s*$")
_BODY_GENITIVE = re.compile(
    rf"(?i:{_DOCUMENT})\s+(?i:af|fra)\s+"
    rf"(?:(?i:referat)\s+(?i:af|fra)\s+)?(?P<body>{BODY_NAME})s?\s+(?i:møde)"
)
_BODY_AFTER_DOC = re.compile(
    rf"^(?i:{_DOCUMENT})\s*"
    rf"(?:[-–—:|,]|\s+(?i:for|fra|af|i)\s+|\s+)\s*(?P<body>{BODY_NAME})(?!\w)"
)
_BODY_MEETING = re.compile(rf"^(?P<body>{BODY_NAME})s?\s+(?i:møde|mødet)\b")
# council gatherings where no decisions are taken ("temamøde", "budgetseminar")
INFORMAL_GATHERING = _WORDS.alternatives("bodies.informal_gatherings")
# "Byrådets temamøde", "Kommunalbestyrelsens budgetseminar": the gathering is the body named
_BODY_GATHERING = re.compile(
    rf"^(?:(?i:{_DOCUMENT})\s*(?:[-–:]|\s(?i:fra|af))\s*)?(?P<body>{BODY_NAME}s\s+"
    rf"(?i:{INFORMAL_GATHERING}))\b"
)
# "Byrådet d. 26-11-2025", a portal's "Byrådet mandag den 28. november 2022 kl. 17.00 Byrådssalen"
_BODY_DATED = re.compile(
    rf"^(?P<body>{BODY_NAME})\s*,?\s+(?:(?i:{'|'.join(WEEKDAYS)})\s+)?(?:(?i:den|d\.)\s+)?"
    r"(?P<rest>\d.{0,80})$"
)
_DOC_WORD = re.compile(rf"^(?i:{_DOCUMENT})\b")


@probe("informal_gathering")
def names_informal_gathering(text: str) -> bool:
    """Whether a text names a gathering where the council takes no decisions."""
    return re.search(INFORMAL_GATHERING, text, re.IGNORECASE) is not None


# "… medlemmer af Byrådet": a body inside a sentence is not the meeting's body
_LOWER_BEFORE = re.compile(r"\b(?:af|i|for|til|fra|med|om)\s+$")
_SEPARATORS = re.compile(r"\s+[|–—·-]\s+|\s*\|\s*|,\s+(?=(?i:mødet?\b))")


_BODY_ANYWHERE = re.compile(rf"(?<![\wæøåÆØÅ-])(?:{BODY_NAME})(?![\wæøåÆØÅ])")
# "Fællesmøde mellem Økonomiudvalget og Social- og Sundhedsudvalget": the bodies together
_JOINT_MEETING = re.compile(
    r"^(?:(?i:referat|dagsorden|beslutningsprotokol)\s+(?i:fra|af|for)\s+)?"  # "Referat fra …"
    rf"(?P<body>(?i:{_WORDS.alternatives('bodies.joint_meeting')})\s+(?i:mellem|for|i)\s+"
    rf"{BODY_NAME}(?:\s*,\s*{BODY_NAME})*\s+(?i:og)\s+{BODY_NAME})(?![\wæøåÆØÅ])"
)


@probe("joint_meeting")
def joint_meeting(text: str) -> str | None:
    """The bodies of a joint meeting named at the start of a line, as the line writes them."""
    match = _JOINT_MEETING.match(text.strip())
    return match.group("body") if match else None


def body_in(text: str, loose: bool = False) -> tuple[str, int, int] | None:
    """A body named in one header line: (name, start, end) relative to the line. A genitive
    ("Referat fra Byrådets møde") gives the plain name ("Byrådet"). With `loose` (running
    headers) the body may stand anywhere in the line ("Hjørring Kommune    Byrådet")."""
    line = text.strip()
    found = municipalities.find_in_text(line)
    if found and found[1][0] == 0 and found[1][1] < len(line):
        # "Aarhus Kommune – Byrådet", "Hjørring Kommune Byrådet": look after the name
        rest = line[found[1][1] :]
        if not re.match(r"^(?:s|ns)?\b", rest) or rest[:1] in " ,–-|:":
            named = body_in(rest)
            if named:
                offset = found[1][1]
                return named[0], named[1] + offset, named[2] + offset
    if (
        found
        and found[1][0] > 0
        and found[1][1] == len(line.rstrip(" ,."))
        and line[: found[1][1]].lower().endswith("kommune")
    ):
        # "Byrådet, Kolding Kommune", "Kommunalbestyrelsen – Lyngby-Taarbæk Kommune": the body
        # before the municipality's name
        head = line[: found[1][0]]
        if head.rstrip()[-1:] in (",", "–", "-", "|"):
            named = body_in(head.rstrip().rstrip(",–-|"))
            if named:
                return named
    match = _BODY_GATHERING.match(line) or _JOINT_MEETING.match(line)
    if match:
        return match.group("body"), match.start("body"), match.end("body")
    if loose:
        for match in _BODY_ANYWHERE.finditer(line):
            name = match.group(0).strip()
            if body_kind(name) != "unknown" and not _LOWER_BEFORE.search(line[: match.start()]):
                body = strip_genitive(name)
                return body, match.start(), match.start() + len(body)
    match = _BODY_LABEL.match(line)
    if match:
        # "Udvalg: Herning Byråd", "Møde i Byrådet 27.09.2023"
        rest_start = match.start("body")
        inner = _BODY_ANYWHERE.search(line, rest_start)
        if inner and body_kind(inner.group(0)) != "unknown":
            body = strip_genitive(inner.group(0).strip())
            return body, inner.start(), inner.start() + len(body)
        body = _SEPARATORS.split(match.group("body"))[0].strip(" ,.")
        body = _DATE_TAIL.sub("", body).strip(" ,.")
        if body and (body_kind(body) != "unknown" or _NAMED.match(body)):
            # a committee named without the word udvalg ("Udvalg: Social og Sundhed")
            return body, rest_start, rest_start + len(body)
    match = _BODY_DATED.match(line)
    if match and find_dates(match.group("rest")):
        # "Byrådet d. 26-11-2025", "Økonomiudvalget 12.09.2023": a meeting line of a cover
        body = strip_genitive(match.group("body"))
        return body, 0, len(body)
    match = _BODY_MEETING.match(line)
    if match:
        # "Byrådets møde den 27. september 2023", "Borgerrepræsentationens møde torsdag …"
        body = strip_genitive(match.group("body"))
        return body, 0, len(body)
    match = _BODY_GENITIVE.search(line)
    if match:
        body = strip_genitive(match.group("body"))
        return body, match.start("body"), match.start("body") + len(body)
    match = _BODY_AFTER_DOC.match(line)
    if match:
        body = strip_genitive(match.group("body"))
        return body, match.start("body"), match.start("body") + len(body)
    if _DOC_WORD.match(line):
        # "Dagsorden og referat for Byrådet", "Referat af møde i Økonomiudvalget 12.09.2023"
        for inner in _BODY_ANYWHERE.finditer(line):
            if body_kind(inner.group(0)) != "unknown":
                body = strip_genitive(inner.group(0).strip())
                return body, inner.start(), inner.start() + len(body)
    position = 0
    for piece in _SEPARATORS.split(line):
        found = line.find(piece, position)
        position = max(found, 0) + len(piece)
        candidate = piece.strip(" ,.:")
        candidate = re.sub(r"\s*[-–]\s*(?:referat|dagsorden)$", "", candidate, flags=re.I)
        if BODY_ONLY.match(candidate) and body_kind(candidate) != "unknown":
            offset = line.find(candidate, max(found, 0))
            body = strip_genitive(candidate)
            return body, offset, offset + len(body)
    return None


@probe("body_label")
def names_a_body(text: str) -> bool:
    """Whether a header line names a body (through a label, the document's title, …)."""
    return body_in(text) is not None


def is_document_title(text: str) -> bool:
    """A line that is only the document's word: "Referat", "Dagsorden", "Beslutningsprotokol"."""
    return re.fullmatch(rf"(?i:{_DOCUMENT})\s*:?", text.strip()) is not None


def body_label_alone(text: str) -> bool:
    """A body's label with its value on the next line (a portal's "Udvalg:" / "Byrådet")."""
    return _BODY_LABEL_ALONE.match(text.strip()) is not None


def names_a_body_alone(text: str) -> bool:
    """A short line that is a body's name and nothing else ("Velfærd og Sundhed"), not a
    municipality, a label or a date."""
    line = text.strip()
    return (
        bool(_NAMED.match(line))
        and len(line.split()) <= 6
        and not municipalities.find_in_text(line)
        and not find_dates(line)
    )
