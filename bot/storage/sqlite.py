"""SQLite storage behind a small interface: the question log (and, later, subscriptions).

One file in WAL mode.  Migrations are numbered and recorded in `PRAGMA user_version`, so a later
release opens an older database.  Calls are quick and synchronous; the Telegram layer runs them
in a worker thread so the event loop never waits on the disk.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time as time_module
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from bot.storage.quizdb import QUIZ_MIGRATION, QuizStore
from bot.storage.records import Records, StoreError

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
    # 2: daily tips: who subscribed at what time, and each chat's tip of the day
    """
    CREATE TABLE subscriptions (
        chat_id INTEGER PRIMARY KEY,
        chat_type TEXT NOT NULL,
        hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
        minute INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 59),
        subscribed_at TEXT NOT NULL
    );
    CREATE TABLE tip_days (
        chat_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        tip_id TEXT NOT NULL,
        cycle INTEGER NOT NULL,
        delivered INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (chat_id, day)
    );
    """,
    # feedback: whether an answer helped (👍 / 👎 under it); never who said so
    """
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        given_at TEXT NOT NULL,
        entry TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1))
    );
    CREATE INDEX feedback_given_at ON feedback (given_at);
    """,
    # 4: study mode, apart from the question log: rounds, polls, answers, rankings
    QUIZ_MIGRATION,
    # replicas (issue 12): one delivery row per chat and day (the claim), the knowledge version
    """
    CREATE TABLE deliveries (
        chat_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sent')),
        claimed_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, day)
    );
    CREATE TABLE kb_version (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version TEXT NOT NULL
    );
    """,
)


def _switch_to_wal(connection: sqlite3.Connection) -> None:
    # Changing the journal mode ignores busy_timeout: when two processes open a new database
    # at once, one of them sees "database is locked" here and simply tries again.
    for _ in range(100):
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
            time_module.sleep(0.05)
    connection.execute("PRAGMA journal_mode=WAL")


def _statements(script: str) -> list[str]:
    """The SQL statements of a migration script, one by one."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


class Store(QuizStore, Records):
    """The bot's database.  Thread-safe: one connection, one lock."""

    backend = "sqlite"

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
                # In WAL mode a read-only file still accepts transactions (they go to the -wal
                # file) and only fails at the next checkpoint: check up front instead.
                for target in (path, path.parent):
                    if target.exists() and not os.access(target, os.W_OK):
                        raise StoreError(
                            f"the database {path} is read-only ({target} cannot be written); "
                            "the bot needs to write to it and to its folder"
                        )
            connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        try:
            connection.execute("PRAGMA busy_timeout=5000")
            _switch_to_wal(connection)
            # In WAL mode NORMAL is safe against corruption; only the last commits before a
            # power cut may be lost, and no question waits for a full fsync.
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            # Prove now, at start-up, that the file can be written: not mid-conversation.
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
            # A damaged page stops start-up with a clear line instead of failing mid-conversation.
            (verdict,) = connection.execute("PRAGMA quick_check").fetchone()
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed: {verdict}")
            store = cls(connection, path)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            connection.close()
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise StoreError(
                    f"the database {path} is read-only ({exc}); the bot needs to write to it "
                    "and to its folder"
                ) from exc
            if "disk is full" in str(exc) or "disk I/O" in str(exc):
                raise StoreError(
                    f"the disk holding the database {path} is full or failing ({exc}); free "
                    "some space and start again (the database itself is kept as it is)"
                ) from exc
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError(
                    f"the database {path} is in use by another process ({exc}); try again"
                ) from exc
            raise StoreError(
                f"the database {path} is unusable, damaged ({exc}); restore it from a backup "
                "with `python -m bot restore FILE` (keep this file: subscriptions may still be "
                "recovered from it)"
            ) from exc
        return store

    @classmethod
    def open_readonly(cls, path: Path | str) -> Store:
        """Open an existing database for reading only: never created, never migrated."""
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"there is no database at {path}")
        try:
            connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            connection.execute("PRAGMA query_only=ON")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the database {path}: {exc}") from exc
        return cls(connection, path)

    def _migrate(self) -> None:
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        if version > len(MIGRATIONS):
            raise StoreError(
                f"the database {self.path} is from a newer release (schema {version}, this "
                f"release knows {len(MIGRATIONS)})"
            )
        if version == len(MIGRATIONS):
            return
        # One write transaction, with the version read again inside it: a second process
        # opening the same new database waits, then finds the work done.
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                (version,) = self._db.execute("PRAGMA user_version").fetchone()
                for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                    for statement in _statements(script):
                        self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {number}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

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

    # ----------------------------------------------------- several statements, one transaction

    def move_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: its subscription and tip history follow it."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                for table in ("subscriptions", "tip_days", "deliveries"):
                    self._db.execute(
                        f"UPDATE OR IGNORE {table} SET chat_id = ? WHERE chat_id = ?",
                        (new_id, old_id),
                    )
                    self._db.execute(f"DELETE FROM {table} WHERE chat_id = ?", (old_id,))
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise StoreError(f"cannot write to the database {self.path}: {exc}") from exc

    def finish_delivery(self, chat_id: int, day: date) -> None:
        """The claimed delivery was sent."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                for table, column in (
                    ("deliveries", "state = 'sent'"),
                    ("tip_days", "delivered = 1"),
                ):
                    self._db.execute(
                        f"UPDATE {table} SET {column} WHERE chat_id = ? AND day = ?",
                        (chat_id, day.isoformat()),
                    )
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise StoreError(f"cannot write to the database {self.path}: {exc}") from exc

    # ----------------------------------------------------------------------- replicas

    def is_leader(self) -> bool:
        """A SQLite database has one bot process (the run lock): it always leads."""
        return True
