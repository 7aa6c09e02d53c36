"""SQLite storage behind a small interface: the question log (and, later, subscriptions).

One file in WAL mode.  Migrations are numbered and recorded in `PRAGMA user_version`, so a later
release opens an older database.  Calls are quick and synchronous; the Telegram layer runs them
in a worker thread so the event loop never waits on the disk.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

MIGRATIONS: Sequence[str] = (
    # 1: every question the bot was asked, without who asked it
    """
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        asked_at TEXT NOT NULL,
        chat_type TEXT NOT NULL,
        question TEXT,
        status TEXT NOT NULL,
        entry TEXT,
        score REAL NOT NULL
    );
    CREATE INDEX questions_asked_at ON questions (asked_at);
    CREATE INDEX questions_entry ON questions (entry);
    """,
)


class StoreError(RuntimeError):
    """The database cannot be opened or written; the message says which file and why."""


@dataclass(frozen=True, slots=True)
class LoggedQuestion:
    """One row of the question log."""

    asked_at: datetime
    chat_type: str
    question: str | None
    status: str
    entry: str | None
    score: float


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """The bot's database.  Thread-safe: one connection, one lock."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self._lock = threading.Lock()
        self.path = path

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) and migrate the database at `path`."""
        path = Path(path)
        try:
            if str(path) != ":memory:":
                path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute("PRAGMA busy_timeout=5000")
            store = cls(connection, path)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise StoreError(
                f"the database {path} is unusable ({exc}); restore it from a backup or move it "
                "away to start afresh"
            ) from exc
        return store

    def _migrate(self) -> None:
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        if version > len(MIGRATIONS):
            raise StoreError(
                f"the database {self.path} is from a newer release (schema {version}, this "
                f"release knows {len(MIGRATIONS)})"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._lock:
                self._db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    @property
    def schema_version(self) -> int:
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        return int(version)

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            self._db.close()

    def _write(self, sql: str, params: Sequence[object] = ()) -> int:
        with self._lock:
            try:
                cursor = self._db.execute(sql, params)
            except sqlite3.Error as exc:
                raise StoreError(f"cannot write to the database {self.path}: {exc}") from exc
            return cursor.rowcount

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            return list(self._db.execute(sql, params).fetchall())

    # ----------------------------------------------------------------------- question log

    def log_question(
        self,
        chat_type: str,
        question: str | None,
        status: str,
        entry: str | None,
        score: float,
        at: datetime | None = None,
    ) -> None:
        """Record one question (no user id or name is ever stored)."""
        self._write(
            "INSERT INTO questions (asked_at, chat_type, question, status, entry, score) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((at or _now()).isoformat(), chat_type, question, status, entry, round(score, 4)),
        )

    def top_entries(self, limit: int, days: int = 30, now: datetime | None = None) -> list[str]:
        """The entries answered most often in the last `days` days, most asked first."""
        since = ((now or _now()) - timedelta(days=days)).isoformat()
        rows = self._read(
            "SELECT entry FROM questions WHERE entry IS NOT NULL AND asked_at >= ? "
            "GROUP BY entry ORDER BY COUNT(*) DESC, entry LIMIT ?",
            (since, limit),
        )
        return [str(entry) for (entry,) in rows]

    def questions(self) -> list[LoggedQuestion]:
        """Every logged question, oldest first (for tests and exports)."""
        rows = self._read(
            "SELECT asked_at, chat_type, question, status, entry, score FROM questions ORDER BY id"
        )
        return [
            LoggedQuestion(
                datetime.fromisoformat(str(at)),
                str(chat_type),
                None if question is None else str(question),
                str(status),
                None if entry is None else str(entry),
                float(str(score)),
            )
            for at, chat_type, question, status, entry, score in rows
        ]
