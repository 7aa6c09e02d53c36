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
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from bot.storage.quizdb import QUIZ_MIGRATION, QuizStore

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


@dataclass(frozen=True, slots=True)
class Subscription:
    """A chat that gets a tip every day at `at` (in the bot's time zone)."""

    chat_id: int
    chat_type: str
    at: time
    since: datetime  # when this time was chosen: a delivery before it was never due


@dataclass(frozen=True, slots=True)
class TipDay:
    """A chat's tip of one day, and whether the scheduled delivery has sent it."""

    chat_id: int
    day: date
    tip_id: str
    cycle: int
    delivered: bool


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    """One fixed ISO form in UTC, so that stored times compare correctly as text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


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


class Store(QuizStore):
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
            # To the minute only: exact times would help tie a question to a person.
            (
                _stamp((at or _now()).replace(second=0, microsecond=0)),
                chat_type,
                question,
                status,
                entry,
                round(score, 4),
            ),
        )

    def top_entries(self, limit: int, days: int = 30, now: datetime | None = None) -> list[str]:
        """The entries answered most often in the last `days` days, most asked first."""
        since = _stamp((now or _now()) - timedelta(days=days))
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

    # ----------------------------------------------------------------------- subscriptions

    def subscribe(
        self, chat_id: int, chat_type: str, at: time, now: datetime | None = None
    ) -> Subscription:
        """Subscribe a chat, or move its time; one row per chat, so never a double delivery."""
        self._write(
            "INSERT INTO subscriptions (chat_id, chat_type, hour, minute, subscribed_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET "
            "hour = excluded.hour, minute = excluded.minute, chat_type = excluded.chat_type, "
            "subscribed_at = excluded.subscribed_at",
            (chat_id, chat_type, at.hour, at.minute, _stamp(now or _now())),
        )
        subscription = self.subscription(chat_id)
        if subscription is None:  # pragma: no cover - the row was just written
            raise StoreError(f"could not record the subscription of chat {chat_id}")
        return subscription

    def unsubscribe(self, chat_id: int) -> bool:
        """Remove a subscription; True if there was one."""
        return self._write("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)) > 0

    def subscription(self, chat_id: int) -> Subscription | None:
        """The chat's subscription, if any."""
        rows = self._read(
            "SELECT chat_id, chat_type, hour, minute, subscribed_at FROM subscriptions "
            "WHERE chat_id = ?",
            (chat_id,),
        )
        return self._subscription(rows[0]) if rows else None

    def subscriptions(self) -> list[Subscription]:
        """Every subscription, by chat id."""
        rows = self._read(
            "SELECT chat_id, chat_type, hour, minute, subscribed_at FROM subscriptions "
            "ORDER BY chat_id"
        )
        return [self._subscription(row) for row in rows]

    @staticmethod
    def _subscription(row: tuple[object, ...]) -> Subscription:
        chat_id, chat_type, hour, minute, since = row
        return Subscription(
            int(str(chat_id)),
            str(chat_type),
            time(int(str(hour)), int(str(minute))),
            datetime.fromisoformat(str(since)),
        )

    # ----------------------------------------------------------------------- tips seen

    def tip_day(self, chat_id: int, day: date) -> TipDay | None:
        """The chat's tip of `day`, if one was chosen."""
        rows = self._read(
            "SELECT tip_id, cycle, delivered FROM tip_days WHERE chat_id = ? AND day = ?",
            (chat_id, day.isoformat()),
        )
        if not rows:
            return None
        tip_id, cycle, delivered = rows[0]
        return TipDay(chat_id, day, str(tip_id), int(str(cycle)), bool(delivered))

    def choose_tip(
        self, chat_id: int, day: date, tip_id: str, cycle: int, *, replace: bool = False
    ) -> TipDay:
        """Record the chat's tip of `day`: the first choice of the day wins unless `replace`."""
        # Replacing keeps `delivered`: a replaced tip must not be sent a second time.
        conflict = (
            "DO UPDATE SET tip_id = excluded.tip_id, cycle = excluded.cycle"
            if replace
            else "DO NOTHING"
        )
        self._write(
            "INSERT INTO tip_days (chat_id, day, tip_id, cycle) VALUES (?, ?, ?, ?) "
            f"ON CONFLICT (chat_id, day) {conflict}",
            (chat_id, day.isoformat(), tip_id, cycle),
        )
        chosen = self.tip_day(chat_id, day)
        if chosen is None:  # pragma: no cover - the row was just written
            raise StoreError(f"could not record the tip of {day} for chat {chat_id}")
        return chosen

    def mark_delivered(self, chat_id: int, day: date) -> None:
        """The scheduled delivery of `day` has been sent."""
        self._write(
            "UPDATE tip_days SET delivered = 1 WHERE chat_id = ? AND day = ?",
            (chat_id, day.isoformat()),
        )

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

    def tip_history(self, chat_id: int) -> tuple[int, set[str], dict[str, date]]:
        """The chat's latest cycle, the tips seen in it, and when each tip was last seen."""
        rows = self._read(
            "SELECT day, tip_id, cycle FROM tip_days WHERE chat_id = ? ORDER BY day",
            (chat_id,),
        )
        cycle = max((int(str(c)) for _, _, c in rows), default=0)
        in_cycle = {str(tip) for _, tip, c in rows if int(str(c)) == cycle}
        last_seen = {str(tip): date.fromisoformat(str(day)) for day, tip, _ in rows}
        return cycle, in_cycle, last_seen

    def tips_delivered(self, since: date | None = None) -> int:
        """How many scheduled tips were sent (since a day, if given)."""
        rows = self._read(
            "SELECT COUNT(*) FROM tip_days WHERE delivered = 1 AND day >= ?",
            ((since or date.min).isoformat(),),
        )
        return int(str(rows[0][0]))

    # ----------------------------------------------------------------------- delivery claims

    def claim_delivery(self, chat_id: int, day: date) -> bool:
        """Take the chat's delivery of `day`: True for exactly one caller."""
        return (
            self._write(
                "INSERT INTO deliveries (chat_id, day, state, claimed_at) "
                "SELECT ?, ?, 'claimed', ? WHERE NOT EXISTS (SELECT 1 FROM tip_days "
                "WHERE chat_id = ? AND day = ? AND delivered = 1) ON CONFLICT DO NOTHING",
                (chat_id, day.isoformat(), _stamp(_now()), chat_id, day.isoformat()),
            )
            > 0
        )

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

    def release_delivery(self, chat_id: int, day: date) -> None:
        """Give back a claim whose send certainly failed, so that it may be retried."""
        self._write(
            "DELETE FROM deliveries WHERE chat_id = ? AND day = ? AND state = 'claimed'",
            (chat_id, day.isoformat()),
        )

    def delivery_state(self, chat_id: int, day: date) -> str | None:
        """'claimed', 'sent' or None: what became of the chat's delivery of `day`."""
        rows = self._read(
            "SELECT state FROM deliveries WHERE chat_id = ? AND day = ?",
            (chat_id, day.isoformat()),
        )
        return str(rows[0][0]) if rows else None

    # ----------------------------------------------------------------------- replicas

    def is_leader(self) -> bool:
        """A SQLite database has one bot process (the run lock): it always leads."""
        return True

    def kb_version(self) -> str | None:
        """The knowledge base version last published."""
        rows = self._read("SELECT version FROM kb_version WHERE id = 1")
        return str(rows[0][0]) if rows else None

    def publish_kb_version(self, version: str) -> None:
        """Record the knowledge base version being served."""
        self._write(
            "INSERT INTO kb_version (id, version) VALUES (1, ?) "
            "ON CONFLICT (id) DO UPDATE SET version = excluded.version",
            (version,),
        )

    # ----------------------------------------------------------------------- admin figures

    def purge_questions(self, keep_days: int, now: datetime | None = None) -> int:
        """Delete question-log rows older than `keep_days`; returns how many went."""
        cutoff = _stamp((now or _now()) - timedelta(days=keep_days))
        return self._write("DELETE FROM questions WHERE asked_at < ?", (cutoff,))

    def unanswered(
        self, limit: int, days: int = 30, now: datetime | None = None
    ) -> list[tuple[str, int]]:
        """The most frequent recent questions that got choices or "unknown", with counts."""
        since = _stamp((now or _now()) - timedelta(days=days))
        rows = self._read(
            "SELECT question, COUNT(*) AS n FROM questions "
            "WHERE status IN ('suggested', 'unknown') AND question IS NOT NULL AND asked_at >= ? "
            "GROUP BY question ORDER BY n DESC, MAX(asked_at) DESC LIMIT ?",
            (since, limit),
        )
        return [(str(question), int(str(count))) for question, count in rows]

    def question_stats(self, since: datetime) -> dict[str, int]:
        """Questions since a moment, by status (and 'total')."""
        rows = self._read(
            "SELECT status, COUNT(*) FROM questions WHERE asked_at >= ? GROUP BY status",
            (_stamp(since),),
        )
        counts = {str(status): int(str(count)) for status, count in rows}
        counts["total"] = sum(counts.values())
        return counts

    def top_entry_counts(self, limit: int, since: datetime) -> list[tuple[str, int]]:
        """The most answered entries since a moment, with counts."""
        rows = self._read(
            "SELECT entry, COUNT(*) AS n FROM questions WHERE entry IS NOT NULL AND asked_at >= ? "
            "GROUP BY entry ORDER BY n DESC, entry LIMIT ?",
            (_stamp(since), limit),
        )
        return [(str(entry), int(str(count))) for entry, count in rows]

    # ----------------------------------------------------------------------- feedback

    def record_feedback(self, entry: str, helpful: bool, at: datetime | None = None) -> None:
        """One vote on an answer: which entry and whether it helped (no user or chat id)."""
        self._write(
            "INSERT INTO feedback (given_at, entry, helpful) VALUES (?, ?, ?)",
            (_stamp(at or _now()), entry, int(helpful)),
        )

    def feedback_counts(self, since: datetime) -> tuple[int, int]:
        """Votes since a moment: (helpful, not helpful)."""
        rows = self._read(
            "SELECT COALESCE(SUM(helpful), 0), COUNT(*) FROM feedback WHERE given_at >= ?",
            (_stamp(since),),
        )
        helpful, total = (int(str(value)) for value in rows[0])
        return helpful, total - helpful

    def unhelpful_entries(
        self, limit: int, days: int = 30, now: datetime | None = None
    ) -> list[tuple[str, int, int]]:
        """Entries voted "did not help" recently: (entry, not helpful, helpful), worst first."""
        since = _stamp((now or _now()) - timedelta(days=days))
        rows = self._read(
            "SELECT entry, COUNT(*) - SUM(helpful) AS bad, SUM(helpful) FROM feedback "
            "WHERE given_at >= ? GROUP BY entry HAVING bad > 0 "
            "ORDER BY bad DESC, entry LIMIT ?",
            (since, limit),
        )
        return [(str(e), int(str(bad)), int(str(good))) for e, bad, good in rows]

    def purge_feedback(self, keep_days: int, now: datetime | None = None) -> int:
        """Delete votes older than `keep_days` (kept as long as the question log)."""
        cutoff = _stamp((now or _now()) - timedelta(days=keep_days))
        return self._write("DELETE FROM feedback WHERE given_at < ?", (cutoff,))
