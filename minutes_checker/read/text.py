"""Text cleanup shared by the readers.

- `clean_text`: Unicode normalisation (NFC), ligatures, soft hyphens, odd spaces, quotes and dashes.
- `utf8_kind` / `decode_by_bytes`: what bytes are when no declaration is trusted: UTF-8, UTF-8
  with stray windows-1252 bytes (each read as windows-1252, with a warning), or windows-1252.
- `join_decision` / `join_lines`: joining the lines of one paragraph, including words hyphenated at
  a line end, without breaking Danish suspended compounds ("Børne- og Ungeudvalget"), ranges
  ("2024-2027") or hyphenated names ("Faaborg-Midtfyn").
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

# --------------------------------------------------------------------------- bytes

# a byte that is not UTF-8, as surrogateescape keeps it; any character beyond ASCII
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _cp1252_for_invalid(error: UnicodeError) -> tuple[str, int]:
    """A decoding error handler: bytes that are not UTF-8 read as windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("cp1252", "replace"), error.end


codecs.register_error("minutes-checker-cp1252", _cp1252_for_invalid)


def utf8_kind(data: bytes) -> str:
    """What the bytes are as UTF-8: "ascii", "utf8" (valid, with letters beyond ASCII), "mixed"
    (valid UTF-8 letters and bytes that are not UTF-8, more of the former) or "legacy"."""
    if data.isascii():
        return "ascii"
    try:
        data.decode("utf-8")
        return "utf8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "surrogateescape")
    invalid = len(_ESCAPED_BYTE.findall(text))
    letters = len(_NOT_ASCII.findall(text)) - invalid
    return "mixed" if letters >= invalid else "legacy"


def decode_by_bytes(data: bytes, kind: str, what: str) -> tuple[str, str, list[str]]:
    """Text decided by the bytes alone (`kind` from `utf8_kind`): UTF-8, UTF-8 with the bytes
    that are not UTF-8 read as windows-1252 (repaired, with a warning naming `what`: "siden",
    "teksten"), or windows-1252. Also the name of what was read."""
    if kind in ("ascii", "utf8"):
        return data.decode("utf-8"), "UTF-8", []
    if kind == "mixed":
        text = data.decode("utf-8", "minutes-checker-cp1252")
        invalid = len(data.decode("utf-8", "surrogateescape")) - len(data.decode("utf-8", "ignore"))
        return text, "UTF-8", [
            f"{what} er skrevet i UTF-8, men {invalid} {'byte' if invalid == 1 else 'bytes'} var "
            "ikke gyldig UTF-8 og er læst som windows-1252"
        ]
    try:
        return data.decode("cp1252"), "windows-1252", []
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
        return text, "windows-1252", [
            f"{text.count(chr(0xFFFD))} tegn kunne ikke læses i windows-1252 og er erstattet"
        ]


# --------------------------------------------------------------------------- characters

_TRANSLATE = {
    # ligatures
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    # invisible characters
    "\u00ad": "",  # soft hyphen
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\ufffe": "",
    "\ufffd": "",
    # spaces
    "\u00a0": " ",
    "\u2000": " ",
    "\u2001": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\t": " ",
    "\x0b": " ",
    "\x0c": " ",
    # hyphens and dashes
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\u2012": "–",
    "\u2015": "—",
    # quotes
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    # bullets from symbol fonts (private use area)
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf0d8": "•",
    "\uf0fc": "•",
    "\uf02d": "-",
    "\u25cf": "•",
    "\u2022": "•",
}
# other control characters
for _code in range(0x20):
    if chr(_code) not in "\n\t\x0b\x0c":
        _TRANSLATE[chr(_code)] = ""
_TRANSLATE["\x7f"] = ""
_TABLE = str.maketrans(_TRANSLATE)
_MULTISPACE = re.compile(r" {2,}")


def clean_text(text: str) -> str:
    """Normalise a line or paragraph: keeps newlines, collapses runs of spaces."""
    if not text:
        return text
    text = unicodedata.normalize("NFC", text.translate(_TABLE))
    if "  " in text:
        text = _MULTISPACE.sub(" ", text)
    return text


# text that needs cleaning: anything but printable ASCII, Latin-1 letters and single spaces
# (a character class alone: the regex engine scans for it much faster than with an alternative)
_NOT_PLAIN = re.compile(r"[^\x20-\x7e\xa1-\xac\xae-\xff]")


def clean_line(text: str) -> str:
    """`clean_text` for one line: also strips and turns any newline into a space."""
    if "  " not in text and not _NOT_PLAIN.search(text):
        return text.strip()
    return clean_text(text.replace("\r", " ").replace("\n", " ")).strip()


# --------------------------------------------------------------------------- hyphenation

# words after which a hyphen at a line end is a suspended compound: "Børne- og Ungeudvalget"
_SUSPENSION_WORDS = frozenset({"og", "eller", "samt", "el.", "henholdsvis", "hhv.", "som", "til"})
_WORD_END_HYPHEN = re.compile(r"[^\W\d_]-$")
_FIRST_WORD = re.compile(r"\S+")
# a line that ends a sentence: a full stop, colon and the like, perhaps inside quotes or a bracket
SENTENCE_END = re.compile(r"[.!?:;]['\"»)]*$")
# a line that ends on a word no Danish sentence ends on: the clause runs on to the next line
OPEN_END = re.compile(
    r"(?:^|\s)(?:at|og|eller|samt|men|om|til|af|for|med|på|i|fra|der|som|den|det|de|en|et)$"
)

JoinKind = Literal["join", "join_keep_hyphen", "newline"]


def join_decision(previous: str, following: str) -> JoinKind:
    """How the line `following` continues the line `previous` inside one paragraph.

    "join": the hyphen at the end of `previous` is a line-break hyphen; drop it and the break
    ("omgørelses-" + "procenter"). "join_keep_hyphen": the hyphen is real, keep it and drop the
    break ("Faaborg-" + "Midtfyn", "2024-" + "2027"). "newline": keep both lines as they are.
    """
    if not previous.endswith("-") or not following:
        return "newline"
    if previous.endswith(("--", " -")) or len(previous) < 2:
        return "newline"
    first = following[0]
    if previous[-2].isdigit():
        # "2024-" + "2027": a range; "2024-" + "ordningen" is a compound like "2024-ordningen"
        return "join_keep_hyphen" if (first.isdigit() or first.isalpha()) else "newline"
    if not _WORD_END_HYPHEN.search(previous):
        return "newline"
    word = _FIRST_WORD.match(following)
    next_word = word.group(0).lower().rstrip(",;:") if word else ""
    if first in ",;" or next_word in _SUSPENSION_WORDS:
        return "newline"  # "Social-, Sundheds- og Ældreudvalget", "Børne- og Unge…"
    if first.isdigit():
        return "newline"  # "2024-" / "2027" ranges and lists keep their break
    if first.isupper():
        return "join_keep_hyphen"  # "Faaborg-Midtfyn", "Ringkøbing-Skjern"
    if first.islower():
        return "join"
    return "newline"


def join_lines(lines: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join the (cleaned) lines of one paragraph; returns the text and each line's [start, end)."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for index, line in enumerate(lines):
        if index > 0:
            decision = join_decision(parts[-1], line)
            if decision == "join":
                parts[-1] = parts[-1][:-1]
                offset -= 1
                start, _ = spans[-1]
                spans[-1] = (start, offset)
            elif decision == "newline":
                parts.append("\n")
                offset += 1
        spans.append((offset, offset + len(line)))
        parts.append(line)
        offset += len(line)
    return "".join(parts), spans
