"""Typed input errors: every file the tool cannot read ends in one of these, never a traceback."""

from __future__ import annotations

import errno

from .models import InputProblem

# what the operating system's (English) reasons mean, for the messages people read
_OS_REASONS = {
    errno.EACCES: ("ingen adgang", "permission denied"),
    errno.EPERM: ("ingen adgang", "permission denied"),
    errno.EISDIR: ("det er en mappe", "it is a folder"),
    errno.ENAMETOOLONG: ("filnavnet er for langt", "the file name is too long"),
    errno.ELOOP: ("filnavnet peger i ring", "the file name points in a circle"),
    errno.EIO: ("fejl på disken", "disk error"),
    errno.ENOTDIR: ("en del af stien er ikke en mappe", "part of the path is not a folder"),
    errno.ENOENT: ("findes ikke", "does not exist"),
    errno.ENOSPC: ("der er ikke mere plads på disken", "the disk is full"),
    errno.EROFS: ("disken er skrivebeskyttet", "the disk is read-only"),
    errno.EEXIST: ("findes allerede", "already exists"),
}


def os_reason(error: OSError, lang: str = "da") -> str:
    """An operating-system error's reason in plain words, in Danish by default."""
    da, en = _OS_REASONS.get(
        error.errno or 0, ("styresystemet afviste handlingen", "the operating system refused")
    )
    return da if lang == "da" else en


class InputError(Exception):
    """A file that cannot be read. `code` is stable (used in JSON); messages are for people."""

    code = "unreadable"
    message_da = "filen kan ikke læses"
    message_en = "the file cannot be read"

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        base = self.message_da if lang == "da" else self.message_en
        return f"{base} ({self.detail})" if self.detail else base

    def problem(self, lang: str = "da") -> InputProblem:
        return InputProblem(code=self.code, message=self.message(lang))

    def as_incomplete(self) -> InputProblem:
        """For `Document.incomplete`: the code, and the reason (the detail) alone."""
        return InputProblem(code=self.code, message=self.detail or self.message())


def nul_message(name: str) -> str:
    """A plain message for a file name with a NUL byte (no file system allows one)."""
    shown = name.replace("\x00", "\\0")
    return f"navnet '{shown}' indeholder et NUL-tegn (\\0), som intet filnavn kan indeholde"


def shown_name(name: str) -> str:
    """A file name as it can be written to JSON, CSV and HTML: bytes that are not UTF-8 (kept
    by Python as surrogates) become the replacement character."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class FileMissing(InputError):
    code = "not_found"
    message_da = "filen findes ikke"
    message_en = "the file does not exist"


class NoAccess(InputError):
    """The file is there but cannot be opened (permissions, a name too long, a disk error)."""

    code = "no_access"
    message_da = "filen kan ikke åbnes"
    message_en = "the file cannot be opened"


class NotARegularFile(InputError):
    """A named pipe, a socket or a device: reading it could wait or run forever."""

    code = "not_a_file"
    message_da = "det er ikke en almindelig fil"
    message_en = "it is not a regular file"


class EmptyFile(InputError):
    code = "empty"
    message_da = "filen er tom"
    message_en = "the file is empty"


class UnsupportedFormat(InputError):
    code = "unsupported"
    message_da = "filtypen understøttes ikke (kun PDF, DOCX, HTML og tekst)"
    message_en = "unsupported file type (only PDF, DOCX, HTML and text)"


class WrongType(InputError):
    code = "wrong_type"
    message_da = "filens indhold passer ikke til filnavnet"
    message_en = "the file's content does not match its name"


class CorruptFile(InputError):
    code = "corrupt"
    message_da = "filen er beskadiget eller ufuldstændig"
    message_en = "the file is damaged or truncated"


class NotAZip(CorruptFile):
    code = "not_zip"
    message_da = "DOCX-filen er ikke en gyldig Word-fil (ikke en zip-fil)"
    message_en = "the DOCX file is not a valid Word file (not a zip archive)"


class EncryptedFile(InputError):
    code = "encrypted"
    message_da = "PDF'en er krypteret eller beskyttet med adgangskode"
    message_en = "the PDF is encrypted or password protected"


class ScannedPdf(InputError):
    code = "scanned"
    message_da = "ingen tekst i PDF'en (scannet?)"
    message_en = "no text in the PDF (scanned?)"


class NoText(InputError):
    code = "no_text"
    message_da = "dokumentet indeholder ingen tekst"
    message_en = "the document holds no text"


class TooLarge(InputError):
    code = "too_large"
    message_da = "filen er for stor eller for kompleks til at blive læst"
    message_en = "the file is too large or too complex to read"


class TimedOut(InputError):
    code = "timeout"
    message_da = "læsningen tog for lang tid og blev afbrudt"
    message_en = "reading took too long and was stopped"


class ReaderStopped(InputError):
    """The process reading the file died (a library aborted, or it ran out of memory)."""

    code = "reader_stopped"
    message_da = "læsningen af filen stoppede uventet"
    message_en = "reading the file stopped unexpectedly"


class InternalError(InputError):
    """Anything unexpected: reported per file like an input error, never as a traceback."""

    code = "internal"
    message_da = "uventet fejl under læsningen"
    message_en = "unexpected error while reading"


def error_for(code: str, detail: str | None = None) -> InputError:
    """The input error with stable code `code` (`InputError` itself when none has it)."""
    kinds: list[type[InputError]] = [InputError]
    for kind in kinds:
        if kind.code == code:
            return kind(detail)
        kinds.extend(kind.__subclasses__())
    return InputError(detail)
