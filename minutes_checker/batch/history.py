"""Year over year: every municipality's result per map year in one SQLite file.

    minutes-checker batch referater-2024/ --out resultat-2024/ --history historik.sqlite
    minutes-checker history Ishøj --history historik.sqlite

The file is an ordinary SQLite database (Python's own sqlite3; no server). The tool creates it,
marks it as its own (`PRAGMA application_id`) and brings its schema up to date on every open:
`schema_version` holds one row per migration applied, and `MIGRATIONS[n]` takes the schema from
version n to n + 1 inside one transaction (a failed migration leaves the file as it was). A file
of a newer version of the tool, or any other SQLite file or non-SQLite file, is refused.

What is stored (schema version 2):

- `result`: one row per municipality, map year and output folder: the predicted outcome, the
  outcome after review (when decisions were applied), the reviewers, the documents, the run and
  when it was recorded. A batch run again into the same output folder replaces that folder's
  rows; another folder's rows for the same map year stay (a 2024 batch that holds a late
  treatment of the 2023 map does not wipe out last year's result).
- `check_result`: the seven checks of each row, predicted and reviewed status.

The previous map year shown beside this year's is the latest earlier map year of the
municipality, from the row recorded last.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from ..errors import InputError
from ..judge.checks import SOFT_CHECKS
from ..judge.combine import Group
from ..messages import Lang, check_label, history_ui, outcome_label, status_label
from ..models import PreviousYear
from ..municipalities import Municipality, all_municipalities, by_code, find_in_name

APPLICATION_ID = 0x4D434B31  # "MCK1": this file is minutes-checker's history
BUSY_SECONDS = 30.0  # another batch writing the same file: wait this long for it

MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: results per municipality, map year and output folder, and their checks
    """
    CREATE TABLE result (
        municipality_code INTEGER NOT NULL,
        municipality TEXT NOT NULL,
        map_year INTEGER NOT NULL,
        out TEXT NOT NULL,
        run TEXT,
        outcome TEXT NOT NULL,
        documents TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (municipality_code, map_year, out)
    );
    CREATE TABLE check_result (
        municipality_code INTEGER NOT NULL,
        map_year INTEGER NOT NULL,
        out TEXT NOT NULL,
        check_id TEXT NOT NULL,
        status TEXT NOT NULL,
        PRIMARY KEY (municipality_code, map_year, out, check_id),
        FOREIGN KEY (municipality_code, map_year, out)
            REFERENCES result (municipality_code, map_year, out) ON DELETE CASCADE
    );
    """,
    # 1 -> 2: the reviewers' statuses and the outcome after review (`review apply`)
    """
    ALTER TABLE result ADD COLUMN reviewed_outcome TEXT;
    ALTER TABLE result ADD COLUMN reviewers TEXT NOT NULL DEFAULT '';
    ALTER TABLE check_result ADD COLUMN reviewed_status TEXT;
    CREATE INDEX result_by_municipality ON result (municipality_code, map_year);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class NotAHistoryFile(InputError):
    code = "not_history"
    message_da = "filen er ikke en historikfil fra minutes-checker"
    message_en = "the file is not a minutes-checker history file"


class HistoryTooNew(InputError):
    code = "history_too_new"
    message_da = "historikfilen er skrevet af en nyere udgave af minutes-checker"
    message_en = "the history file was written by a newer version of minutes-checker"


@dataclass(frozen=True)
class CheckRow:
    check: str
    status: str
    reviewed_status: str | None


@dataclass(frozen=True)
class YearRow:
    """One municipality's result for one map year, as one output folder recorded it."""

    code: int
    municipality: str
    map_year: int
    out: str
    run: str | None
    outcome: str
    reviewed_outcome: str | None
    reviewers: list[str]
    documents: list[str]
    recorded_at: str
    checks: list[CheckRow] = field(default_factory=list)

    @property
    def final_outcome(self) -> str:
        return self.reviewed_outcome or self.outcome

    def gaps(self) -> set[str]:
        """The checks that are not met or unclear (after review), the soft one left out."""
        return {
            c.check
            for c in self.checks
            if c.check not in SOFT_CHECKS
            and (c.reviewed_status or c.status) in ("not_met", "unclear")
        }

    def as_dict(self) -> dict[str, object]:
        return {
            "map_year": self.map_year,
            "figures_year": self.map_year - 1,
            "outcome": self.outcome,
            "reviewed_outcome": self.reviewed_outcome,
            "reviewers": self.reviewers,
            "out": self.out,
            "run": self.run,
            "documents": self.documents,
            "recorded_at": self.recorded_at,
            "checks": {
                c.check: {"status": c.status, "reviewed_status": c.reviewed_status}
                for c in self.checks
            },
        }


class History:
    """The history file, opened (created, migrated) as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> History:
        if self.path.exists() and not self.path.is_file():
            raise NotAHistoryFile(str(self.path))
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        except sqlite3.Error as error:
            raise NotAHistoryFile(f"{self.path}: {error}") from None
        self._db = db
        try:
            db.execute("PRAGMA foreign_keys = ON")
            self._migrate(db)
        except sqlite3.DatabaseError as error:
            self.close()
            raise NotAHistoryFile(f"{self.path}: {error}") from None
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    @property
    def db(self) -> sqlite3.Connection:
        assert self._db is not None, "use History as a context manager"
        return self._db

    # ------------------------------------------------------------------ schema

    def _migrate(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")  # one migrating process at a time
        try:
            version = self._version(db)
            if version > SCHEMA_VERSION:
                raise HistoryTooNew(f"{self.path}: version {version} > {SCHEMA_VERSION}")
            if version == 0:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(
                    "CREATE TABLE schema_version "
                    "(version INTEGER PRIMARY KEY, migrated_at TEXT NOT NULL)"
                )
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[target - 1]):
                    db.execute(statement)
                db.execute(
                    "INSERT INTO schema_version (version, migrated_at) VALUES (?, ?)",
                    (target, _now()),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _version(self, db: sqlite3.Connection) -> int:
        """The schema version of an opened file: 0 for a new, empty file."""
        application = db.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if application == 0 and not tables:
            return 0
        if application != APPLICATION_ID or "schema_version" not in tables:
            raise NotAHistoryFile(str(self.path))
        row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def version(self) -> int:
        return self._version(self.db)

    # ------------------------------------------------------------------ writing

    def store(self, groups: Iterable[Group], out: Path, run: str | None) -> int:
        """Record the groups of one output folder (replacing that folder's earlier rows);
        groups without a municipality code or map year are not history. Returns the rows."""
        where = str(out.resolve())
        now = _now()
        rows = 0
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM result WHERE out = ?", (where,))
            for group in groups:
                combined = group.combined
                if combined is None or not group.code or not group.map_year:
                    continue
                reviewers = sorted({r.reviewer for r in combined.reviews.values()})
                db.execute(
                    "INSERT INTO result (municipality_code, municipality, map_year, out, run, "
                    "outcome, documents, recorded_at, reviewed_outcome, reviewers) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        group.code,
                        group.name,
                        group.map_year,
                        where,
                        run,
                        combined.outcome.id,
                        json.dumps(combined.documents, ensure_ascii=False),
                        now,
                        combined.reviewed_outcome.id if combined.reviewed_outcome else None,
                        json.dumps(reviewers, ensure_ascii=False),
                    ),
                )
                db.executemany(
                    "INSERT INTO check_result (municipality_code, map_year, out, check_id, "
                    "status, reviewed_status) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (
                            group.code,
                            group.map_year,
                            where,
                            check,
                            result.status,
                            combined.reviews[check].status if check in combined.reviews else None,
                        )
                        for check, result in combined.checks.items()
                    ],
                )
                rows += 1
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return rows

    # ------------------------------------------------------------------ reading

    def previous(self, code: int, map_year: int, lang: Lang = "da") -> PreviousYear | None:
        """The latest earlier map year's result of a municipality (the row recorded last)."""
        row = self.db.execute(
            "SELECT map_year, outcome, reviewed_outcome FROM result "
            "WHERE municipality_code = ? AND map_year < ? "
            "ORDER BY map_year DESC, recorded_at DESC LIMIT 1",
            (code, map_year),
        ).fetchone()
        if row is None:
            return None
        outcome = row[2] or row[1]
        return PreviousYear(
            map_year=row[0],
            outcome=outcome,
            label=outcome_label(outcome, lang),
            reviewed=row[2] is not None,
        )

    def municipality(self, code: int) -> list[YearRow]:
        """Every recorded result of a municipality, newest map year first."""
        rows = self.db.execute(
            "SELECT municipality_code, municipality, map_year, out, run, outcome, "
            "reviewed_outcome, reviewers, documents, recorded_at FROM result "
            "WHERE municipality_code = ? ORDER BY map_year DESC, recorded_at DESC",
            (code,),
        ).fetchall()
        found = []
        for row in rows:
            checks = [
                CheckRow(*each)
                for each in self.db.execute(
                    "SELECT check_id, status, reviewed_status FROM check_result "
                    "WHERE municipality_code = ? AND map_year = ? AND out = ? ORDER BY rowid",
                    (row[0], row[2], row[3]),
                )
            ]
            found.append(
                YearRow(
                    code=row[0],
                    municipality=row[1],
                    map_year=row[2],
                    out=row[3],
                    run=row[4],
                    outcome=row[5],
                    reviewed_outcome=row[6],
                    reviewers=json.loads(row[7] or "[]"),
                    documents=json.loads(row[8]),
                    recorded_at=row[9],
                    checks=checks,
                )
            )
        return found


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration, one by one (executescript would commit on its own)."""
    for statement in script.split(";"):
        if statement.strip():
            yield statement.strip()


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


# --------------------------------------------------------------------------- the command


def find_municipality(text: str) -> Municipality | None:
    """A municipality by code ("183"), or by name as people type it: "Ishøj", "Ishoej",
    "ishoj", "Ishøj Kommune", "Københavns", "Bornholm" (aa/å, oe/ø, ae/æ folded, and ø/å/æ
    without their second letter)."""
    text = text.strip()
    if text.isdigit():
        return by_code(int(text))
    found = find_in_name(text)
    if found is not None:
        return found
    wanted = _plain(text)
    for municipality in all_municipalities():
        names = {municipality.short_name, municipality.official_name}
        if any(_plain(name) in (wanted, wanted.removesuffix("s")) for name in names):
            return municipality
    return None


def _plain(name: str) -> str:
    """A name folded to plain letters: "Ishøj Kommune" and "ishoj" both give "ishoj"."""
    folded = name.lower().replace("aa", "å").replace("oe", "ø").replace("ae", "æ")
    folded = folded.replace("å", "a").replace("ø", "o").replace("æ", "ae")
    folded = folded.removesuffix(" kommune").removesuffix(" regionskommune")
    return "".join(ch for ch in folded if ch.isalnum())


def render_history(
    municipality: Municipality, rows: list[YearRow], path: Path, lang: Lang = "da"
) -> str:
    """A municipality's record, newest map year first, in the user's language."""
    name = municipality.official_name
    if not rows:
        return history_ui("none", lang, name=name, path=path)
    lines = [history_ui("title", lang, name=name, code=municipality.code, path=path)]
    for index, row in enumerate(rows):
        lines.append("")
        lines.append(
            history_ui(
                "year",
                lang,
                year=row.map_year,
                figures=row.map_year - 1,
                outcome=outcome_label(row.outcome, lang),
            )
        )
        if row.reviewed_outcome:
            lines.append(
                history_ui(
                    "after_review",
                    lang,
                    outcome=outcome_label(row.reviewed_outcome, lang),
                    reviewers=", ".join(row.reviewers),
                )
            )
        for check in row.checks:
            status = status_label(check.status, lang)
            label = check_label(check.check, lang)
            if check.reviewed_status and check.reviewed_status != check.status:
                reviewed = status_label(check.reviewed_status, lang)
                line = history_ui(
                    "check_reviewed", lang, label=label, status=status, reviewed=reviewed
                )
                lines.append(line)
            else:
                lines.append(history_ui("check", lang, label=label, status=status))
        earlier = next(
            (r for r in rows[index + 1 :] if r.map_year == row.map_year - 1), None
        )
        same = sorted(row.gaps() & earlier.gaps()) if earlier else []
        if same:
            labels = ", ".join(check_label(c, lang) for c in same)
            lines.append(history_ui("same_gap", lang, labels=labels))
        lines.append(
            history_ui(
                "source",
                lang,
                documents=len(row.documents),
                out=row.out,
                recorded=row.recorded_at[:10],
            )
        )
    return "\n".join(lines)
