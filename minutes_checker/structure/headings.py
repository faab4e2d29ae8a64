"""Section headings of an agenda item: "Sagsfremstilling", "Indstilling fra Økonomiudvalget",
"Beslutning i Byrådet den 25-09-2023", "Økonomiudvalgets beslutning den 11.09.2023".

`classify_heading(text)` says which section a heading line starts, with the deciding body and
date for decision headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..dates import find_dates
from ..models import SectionKind
from .bodies import BODY_NAME, BODY_ONLY, strip_genitive, tidy_body
from .vocabulary import probe, vocabulary

# --------------------------------------------------------------------------- sections

_WORDS = vocabulary()
_KINDS: tuple[SectionKind, ...] = (
    "summary", "case", "proposal", "decision", "attachments", "economy", "hearing", "other",
)  # fmt: skip
# a heading that is one of these words (lower case) starts a section of that kind
_SECTION_WORDS: dict[str, SectionKind] = {
    word: kind for kind in _KINDS for word in _WORDS.words(f"sections.{kind}")
}
# who proposes (to whom) as the heading itself (Gribskov: "Administrationen indstiller til
# Byrådet"; Hedensted: "Administrationen indstiller"); a sentence goes on ("…, at …") and is no
# heading
_PROPOSER_HEADING = re.compile(
    r"^(?:[^\s,.:;]+\s+){1,4}indstiller(?:\s+til\s+(?:[^\s,.:;]+\s+){0,3}[^\s,.:;]+)?$",
    re.IGNORECASE,
)
# words that start a section only on a line of their own ("Forslag"): never run-in, never the
# beginning of a longer heading
ALONE_ONLY = frozenset(_WORDS.words("sections.proposal_alone"))
_SECTION_WORDS |= dict.fromkeys(ALONE_ONLY, "proposal")
# a summary heading that begins like a decision heading ("Beslutningstema") is not one
_NOT_DECISION = tuple(
    word
    for word in _WORDS.words("sections.summary")
    if word.startswith(_WORDS.words("sections.decision_words"))
)
_DECISION_WORD = _WORDS.alternatives("sections.decision_words")
_GENITIVE_WORD = _WORDS.alternatives("sections.genitive_decision_words")
_PROPOSAL_WORD = _WORDS.stems("sections.proposal_words")
_ECONOMIC = _WORDS.words("sections.economic_consequences")
_CONSEQUENCES = re.compile(
    r"^(?P<what>[\wæøå]+(?:\s+og\s+[\wæøå]+)?)\s+"
    + _WORDS.alternatives("sections.consequence_words")
    + r"(?:\s+for\s+[\wæøå ]+)?$",
    re.IGNORECASE,
)
_PROPOSAL = re.compile(
    rf"^(?:(?P<who>[\wæøåÆØÅ\-]+s)\s+)?(?i:{_PROPOSAL_WORD})"
    r"(?:\s+(?i:fra|til)\s+(?P<body>.+?))?(?:,?\s+(?i:den|d\.)\s+(?P<date>.+))?$"
)
_DECISION = re.compile(rf"^(?i:{_DECISION_WORD})" r"(?:\s*[:\-–]\s*|\s+|\s*(?=\())(?P<rest>.+)$")
_GENITIVE_DECISION = re.compile(
    rf"^(?P<body>(?:{BODY_NAME})s?)\s+(?i:{_GENITIVE_WORD})"
    r"(?:\s*[:,]?\s*(?i:den|d\.)?\s*(?P<rest>.*))?$"
)
_NAMED_GENITIVE_DECISION = re.compile(
    r"^(?P<body>[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:\s+(?:og\s+|&\s+)?[\wæøåÆØÅ\-]+){0,4}s)\s+"
    rf"(?i:{_GENITIVE_WORD})"
    r"\s*[:,]?\s*(?i:den|d\.)?\s*(?P<rest>.+)$"
)
_NAMED_STEP = re.compile(
    r"^(?P<body>[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:\s+[\wæøåÆØÅ\-]+){0,5}),\s*"
    r"(?P<date>\d{1,2}\.\s*[a-zæøå]+\s+\d{4}),\s*(?i:pkt\.?|punkt)\s*\d{1,4}$"
)
_STEP_LEAD = re.compile(r"^(?i:beslutning|afgørelse)\s+(?i:fra|i)\s+")
_BODY_DATE = re.compile(
    rf"^(?P<body>{BODY_NAME})\s*(?:,|\s)\s*(?:(?i:møde\s+)?(?i:den|d\.)\s+)?(?P<rest>.+)$"
)
# any named body after "Beslutning i": "Beredskabskommissionen", "Handicaprådet"
_NAMED_BODY = re.compile(
    r"^[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:,?\s+(?:(?:og|for|i|under|&)\s+)?[\wæøåÆØÅ\-]+){0,8}$"
)
_REST_JUNK = re.compile(r"^(?:i|fra|af|på|truffet i|taget i)\s+", re.IGNORECASE)
_CASE_NO = re.compile(r",?\s*(?:pkt\.?|punkt|sag)\s*(?:nr\.?\s*)?\d+\s*$", re.IGNORECASE)
# what may stand between "Byrådets beslutning" and its date: "den", "d.", "mødet den"
_DATE_LEAD = re.compile(r"^(?:(?:på\s+)?mødet?\s+)?(?:den|d\.?)?$", re.IGNORECASE)
_TIME = re.compile(r",?\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*$")


# every heading form below holds one of these words (a cheap test before the regexes)
_HEADING_HINT = re.compile(
    _WORDS.leaders(
        "sections.decision_words",
        "sections.genitive_decision_words",
        "sections.proposal_words",
        "sections.consequence_words",
        "bodies.committees",
        "bodies.council",
        "bodies.executive_committees",
    )
)


@dataclass(frozen=True)
class HeadingMatch:
    kind: SectionKind
    title: str
    decision_body: str | None = None
    decision_date: date | None = None
    # "Økonomiudvalget, 11. september 2023, pkt. 245": only a section after another section
    body_date: bool = False
    # a heading styled like the document's known section headings ("Handlingsplanens indhold")
    generic: bool = False


def normalise_heading(text: str) -> str:
    text = " ".join(text.split())
    return text.rstrip(":").rstrip().rstrip(":").strip()


# the council's election period after a body: "Beslutning i Byrådet (22-25) den …"
_PERIOD = re.compile(r"\s*\(\s*\d{2}\s*[-–/]\s*\d{2}\s*\)")
# a numeric date cut short at its end: "20-11-", "20.11", "20-"
CUT_DATE = re.compile(r"\s+\d{1,2}[-./](?:\d{1,2}[-./]?)?$")


def _parse_body_and_date(rest: str) -> tuple[str | None, date | None, bool]:
    """From "i Byrådet den 25-09-2023" or "(Kommunalbestyrelsen, 14.09.2021)": body, date, and
    whether the whole text was understood as (optional) body plus (optional) date."""
    text = _PERIOD.sub("", rest.strip())
    explicit = bool(re.match(r"^(?:i|fra)\s", text))
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    text = _REST_JUNK.sub("", text)
    found = find_dates(text)
    when = None
    if not found:
        # a date cut off at the end of a page ("Beskæftigelsesudvalget 20-11-"): the body alone
        text = CUT_DATE.sub("", text)
    if found:
        when = found[0][0]
        start, end = found[0][1]
        after = _TIME.sub("", _CASE_NO.sub("", text[end:].strip(" ,.)"))).strip(" ,.)(")
        if after:
            return None, None, False
        text = text[:start]
    text = text.strip(" ,.()")
    # "… den", "…, mødet den", "mødet i …"
    text = re.sub(r"(?:^|[\s,])+(?:mødet|møde)?\s*(?:den|d\.?)?\s*$", "", text, flags=re.I)
    text = re.sub(r"^(?:mødet|møde)\s+(?:i\s+)?", "", text.strip(), flags=re.I)
    text = text.strip(" ,.()")
    if not text:
        return None, when, True
    if BODY_ONLY.match(text):
        return text, when, True
    if (when is not None or explicit) and _NAMED_BODY.match(text):
        return text, when, True  # "Beslutning i Beredskabskommissionen den 13.09.2023"
    return None, None, False


def classify_heading(text: str) -> HeadingMatch | None:
    """The section a heading line starts ("Beslutning i Byrådet den 25-09-2023:"), or None."""
    title = normalise_heading(text)
    if not title or len(title) > 140:
        return None
    low = title.lower()
    # a heading asked as a question: "Hvad skal udvalget beslutte?"
    asked = low.rstrip("?").rstrip()
    if asked in _SECTION_WORDS:
        return HeadingMatch(_SECTION_WORDS[asked], title)
    if _PROPOSER_HEADING.match(title):
        return HeadingMatch("proposal", title)
    if low.startswith(_NOT_DECISION):
        return None
    # "Social og Sundhed, 7. november 2022, pkt. 161": a step of a body named any way, by the
    # date and item number of its meeting
    match = _NAMED_STEP.match(title)
    found = find_dates(match.group("date")) if match else []
    if match and found:
        # "Beslutning fra Familieudvalget, 2. november 2022, pkt. 98" (Jammerbugt): the body
        name = tidy_body(_STEP_LEAD.sub("", match.group("body")))
        return HeadingMatch("decision", title, name, found[0][0], body_date=True)
    if not _HEADING_HINT.search(low):
        return None
    # "Beslutning i Byrådet den …", "Beslutning (Kommunalbestyrelsen, 14.09.2021)"
    match = _DECISION.match(title)
    if match:
        body, when, ok = _parse_body_and_date(match.group("rest"))
        if ok:
            return HeadingMatch("decision", title, tidy_body(body), when)
        return None
    # "Byrådets beslutning den 25.09.2023", "Udvalgets beslutning"
    match = _GENITIVE_DECISION.match(title)
    if match:
        rest = (match.group("rest") or "").strip()
        when = None
        if rest:
            found = find_dates(rest)
            if not found or _TIME.sub("", rest[found[0][1][1] :]).strip(" ,.:"):
                return None
            if not _DATE_LEAD.match(rest[: found[0][1][0]].strip(" ,.:(")):
                return None  # a sentence: "Byrådets beslutning sendes til … inden den 31. januar"
            when = found[0][0]
        body = tidy_body(strip_genitive(match.group("body")))
        return HeadingMatch("decision", title, body, when)
    # "Beredskabskommissionens beslutning den 08.12.2023": any named body, with a date
    match = _NAMED_GENITIVE_DECISION.match(title)
    if match:
        found = find_dates(match.group("rest"))
        rest_after = match.group("rest")[found[0][1][1] :] if found else "x"
        if found and found[0][1][0] == 0 and not _TIME.sub("", rest_after).strip(" ,.:"):
            body = tidy_body(strip_genitive(match.group("body")))
            return HeadingMatch("decision", title, body, found[0][0])
    # "Indstilling fra Økonomiudvalget", "Direktionens indstilling"
    match = _PROPOSAL.match(title)
    if match:
        if match.group("date") and not find_dates(match.group("date")):
            return None
        who = match.group("body")
        if who and not BODY_ONLY.match(who.strip()) and len(who.split()) > 3:
            return None
        return HeadingMatch("proposal", title)
    # "Økonomiudvalget, 11. september 2023, pkt. 245": an earlier body's decision
    match = _BODY_DATE.match(title)
    if match:
        body, when, ok = _parse_body_and_date(match.group("rest"))
        if ok and body is None and when is not None:
            name = tidy_body(strip_genitive(match.group("body").strip()))
            return HeadingMatch("decision", title, name, when, body_date=True)
    match = _CONSEQUENCES.match(title)
    if match:
        what = match.group("what").lower()
        kind: SectionKind = "economy" if what.startswith(_ECONOMIC) else "other"
        return HeadingMatch(kind, title)
    return None


# the section words a styled heading may begin with (`prefix_heading`), in their order, and
# what joins the rest of the heading to them
_PREFIX_WORDS = tuple(
    (word, kind)
    for word, kind in _SECTION_WORDS.items()
    if kind != "decision" and len(word) >= 5 and word not in ALONE_ONLY
)
_PREFIX_JOINER = re.compile(r"[\s,–\-]+(?:og|samt|for|til|&|–|-)\b")


def prefix_heading(text: str) -> HeadingMatch | None:
    """A styled heading that begins with a section word: "Sagsfremstilling og økonomi"."""
    title = normalise_heading(text)
    if len(title) > 70:
        return None
    low = title.lower()
    for word, kind in _PREFIX_WORDS:
        if low.startswith(word) and _PREFIX_JOINER.match(low, len(word)):
            return HeadingMatch(kind, title)
    return None


def looks_like_section_heading(text: str) -> bool:
    """Used by the PDF reader to keep section headings out of running-header detection (and to
    recognise a bold label run into a paragraph). A body and a date alone ("Byrådet
    30-10-2023") is a section heading only after other sections, and exactly what a running
    header or footer looks like: not protected."""
    match = classify_heading(text)
    return match is not None and not match.body_date


# classify_heading's answers during one `analyse`: the same headings stand in every item
_HEADINGS: dict[str, HeadingMatch | None] = {}
_UNSEEN = HeadingMatch("other", "")


def clear_heading_cache() -> None:
    _HEADINGS.clear()


def classified(text: str) -> HeadingMatch | None:
    """`classify_heading(text)`, remembered for the document being analysed."""
    found = _HEADINGS.get(text, _UNSEEN)
    if found is _UNSEEN:
        found = _HEADINGS[text] = classify_heading(text)
    return found


def names_the_proposer(title: str) -> bool:
    """Whether a heading says who proposes to whom ("Administrationen indstiller til Byrådet")."""
    return _PROPOSER_HEADING.match(title.strip()) is not None


@probe("section_kind")
def section_kind(text: str) -> str | None:
    """The kind of section a heading line starts, if any."""
    match = classify_heading(text)
    return match.kind if match else None
