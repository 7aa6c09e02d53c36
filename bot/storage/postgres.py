"""PostgreSQL storage: the same interface, schema and behaviour as the SQLite store, for replicas.

Several bot processes share one database.  psycopg 3 with a connection pool; calls are
synchronous and the Telegram layer runs them in a worker thread, as with SQLite.  Times and days
are kept as the same ISO text as in SQLite, so both backends answer every query identically.
Migrations are numbered like SQLite's and recorded in `schema_version`; a transaction-level
advisory lock lets replicas that start together migrate one after the other.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from bot.storage.pgquiz import PG_QUIZ_MIGRATION, PgQuizStore
from bot.storage.sqlite import LoggedQuestion, StoreError, Subscription, TipDay

PG_MIGRATIONS: Sequence[str] = (
    """
    CREATE TABLE questions (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asked_at TEXT NOT NULL,
        chat_type TEXT NOT NULL,
        question TEXT,
        status TEXT NOT NULL,
        entry TEXT,
        score DOUBLE PRECISION NOT NULL
    );
    CREATE INDEX questions_asked_at ON questions (asked_at);
    CREATE INDEX questions_entry ON questions (entry);
    """,
    """
    CREATE TABLE subscriptions (
        chat_id BIGINT PRIMARY KEY,
        chat_type TEXT NOT NULL,
        hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
        minute INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 59),
        subscribed_at TEXT NOT NULL
    );
    CREATE TABLE tip_days (
        chat_id BIGINT NOT NULL,
        day TEXT NOT NULL,
        tip_id TEXT NOT NULL,
        cycle INTEGER NOT NULL,
        delivered INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (chat_id, day)
    );
    """,
    """
    CREATE TABLE feedback (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        given_at TEXT NOT NULL,
        entry TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1))
    );
    CREATE INDEX feedback_given_at ON feedback (given_at);
    """,
    PG_QUIZ_MIGRATION,
    # replicas: one delivery row per chat and day (the claim), the knowledge base's version
    """
    CREATE TABLE deliveries (
        chat_id BIGINT NOT NULL,
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

MIGRATION_LOCK = 0x0B17_0001  # advisory lock keys: migrations, and the broadcasting leader
LEADER_LOCK = 0x0B17_0002


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the PostgreSQL URL"
    return (
        f"postgresql://{info.get('user', '')}@{info.get('host', '')}:{info.get('port', '')}/"
        + str(info.get("dbname", ""))
    )


class PgStore(PgQuizStore):
    """The bot's database on PostgreSQL.  Thread-safe: a pool of connections."""

    backend = "postgresql"

    def __init__(self, pool: ConnectionPool, url: str) -> None:
        self._pool = pool
        self._url = url
        self.path = _redact(url)
        self._leader_lock = threading.Lock()
        self._leader: psycopg.Connection[tuple[object, ...]] | None = None

    @classmethod
    def open(cls, url: str) -> PgStore:
        """Connect to the database at `url` and migrate it."""
        pool = ConnectionPool(url, min_size=1, max_size=8, open=False, timeout=10)
        try:
            pool.open(wait=True, timeout=10)
        except (PoolTimeout, psycopg.Error) as exc:
            pool.close()
            raise StoreError(f"cannot connect to the database {_redact(url)}: {exc}") from exc
        store = cls(pool, url)
        try:
            store._migrate()
        except BaseException:
            pool.close()
            raise
        return store

    def _migrate(self) -> None:
        try:
            with self._pool.connection() as conn:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
                )
                row = conn.execute("SELECT version FROM schema_version").fetchone()
                if row is None:
                    conn.execute("INSERT INTO schema_version VALUES (0)")
                version = 0 if row is None else int(row[0])
                if version > len(PG_MIGRATIONS):
                    raise StoreError(
                        f"the database {self.path} is from a newer release (schema {version}, "
                        f"this release knows {len(PG_MIGRATIONS)})"
                    )
                for number, script in enumerate(PG_MIGRATIONS[version:], start=version + 1):
                    conn.execute(script.encode())
                    conn.execute("UPDATE schema_version SET version = %s", (number,))
        except psycopg.Error as exc:
            raise StoreError(f"cannot migrate the database {self.path}: {exc}") from exc

    @property
    def schema_version(self) -> int:
        rows = self._read("SELECT version FROM schema_version")
        return int(str(rows[0][0]))

    def close(self) -> None:
        """Close the pool and give up leadership (idempotent)."""
        with self._leader_lock:
            if self._leader is not None:
                self._leader.close()
                self._leader = None
        self._pool.close()

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        return self._rows(sql, params)

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
            "VALUES (%s, %s, %s, %s, %s, %s)",
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
            "SELECT entry FROM questions WHERE entry IS NOT NULL AND asked_at >= %s "
            "GROUP BY entry ORDER BY COUNT(*) DESC, entry LIMIT %s",
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
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (chat_id) DO UPDATE SET "
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
        return self._write("DELETE FROM subscriptions WHERE chat_id = %s", (chat_id,)) > 0

    _SUBSCRIPTION = "SELECT chat_id, chat_type, hour, minute, subscribed_at FROM subscriptions"

    def subscription(self, chat_id: int) -> Subscription | None:
        """The chat's subscription, if any."""
        rows = self._read(f"{self._SUBSCRIPTION} WHERE chat_id = %s", (chat_id,))
        return self._subscription(rows[0]) if rows else None

    def subscriptions(self) -> list[Subscription]:
        """Every subscription, by chat id."""
        return [self._subscription(row) for row in self._read(f"{self._SUBSCRIPTION} ORDER BY 1")]

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
            "SELECT tip_id, cycle, delivered FROM tip_days WHERE chat_id = %s AND day = %s",
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
        conflict = (
            "DO UPDATE SET tip_id = excluded.tip_id, cycle = excluded.cycle"
            if replace
            else "DO NOTHING"
        )
        self._write(
            "INSERT INTO tip_days (chat_id, day, tip_id, cycle) VALUES (%s, %s, %s, %s) "
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
            "UPDATE tip_days SET delivered = 1 WHERE chat_id = %s AND day = %s",
            (chat_id, day.isoformat()),
        )

    def tip_history(self, chat_id: int) -> tuple[int, set[str], dict[str, date]]:
        """The chat's latest cycle, the tips seen in it, and when each tip was last seen."""
        rows = self._read(
            "SELECT day, tip_id, cycle FROM tip_days WHERE chat_id = %s ORDER BY day", (chat_id,)
        )
        cycle = max((int(str(c)) for _, _, c in rows), default=0)
        in_cycle = {str(tip) for _, tip, c in rows if int(str(c)) == cycle}
        last_seen = {str(tip): date.fromisoformat(str(day)) for day, tip, _ in rows}
        return cycle, in_cycle, last_seen

    def tips_delivered(self, since: date | None = None) -> int:
        """How many scheduled tips were sent (since a day, if given)."""
        rows = self._read(
            "SELECT COUNT(*) FROM tip_days WHERE delivered = 1 AND day >= %s",
            ((since or date.min).isoformat(),),
        )
        return int(str(rows[0][0]))

    # ----------------------------------------------------------------------- delivery claims

    def claim_delivery(self, chat_id: int, day: date) -> bool:
        """Take the chat's delivery of `day`: True for exactly one caller across replicas."""
        # The primary key makes the insert the claim: a second replica's insert waits for the
        # first to commit and then does nothing, so exactly one caller sees a row inserted.
        return (
            self._write(
                "INSERT INTO deliveries (chat_id, day, state, claimed_at) "
                "SELECT %s, %s, 'claimed', %s WHERE NOT EXISTS (SELECT 1 FROM tip_days "
                "WHERE chat_id = %s AND day = %s AND delivered = 1) ON CONFLICT DO NOTHING",
                (chat_id, day.isoformat(), _stamp(_now()), chat_id, day.isoformat()),
            )
            > 0
        )

    def finish_delivery(self, chat_id: int, day: date) -> None:
        """The claimed delivery was sent."""
        try:
            with self._pool.connection() as conn:
                conn.execute(
                    "UPDATE deliveries SET state = 'sent' WHERE chat_id = %s AND day = %s",
                    (chat_id, day.isoformat()),
                )
                conn.execute(
                    "UPDATE tip_days SET delivered = 1 WHERE chat_id = %s AND day = %s",
                    (chat_id, day.isoformat()),
                )
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot write to the database {self.path}: {exc}") from exc

    def move_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: its subscription and tip history follow it."""
        # (table, the key columns besides chat_id): a row the new id already has is kept.
        tables = (("subscriptions", ""), ("tip_days", "day"), ("deliveries", "day"))
        try:
            with self._pool.connection() as conn:
                for table, key in tables:
                    same = f" AND o.{key} = n.{key}" if key else ""
                    conn.execute(
                        f"UPDATE {table} AS o SET chat_id = %s WHERE o.chat_id = %s "
                        f"AND NOT EXISTS (SELECT 1 FROM {table} AS n "
                        f"WHERE n.chat_id = %s{same})",
                        (new_id, old_id, new_id),
                    )
                    conn.execute(f"DELETE FROM {table} WHERE chat_id = %s", (old_id,))
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot write to the database {self.path}: {exc}") from exc

    def release_delivery(self, chat_id: int, day: date) -> None:
        """Give back a claim whose send certainly failed, so that it may be retried."""
        self._write(
            "DELETE FROM deliveries WHERE chat_id = %s AND day = %s AND state = 'claimed'",
            (chat_id, day.isoformat()),
        )

    def delivery_state(self, chat_id: int, day: date) -> str | None:
        """'claimed', 'sent' or None: what became of the chat's delivery of `day`."""
        rows = self._read(
            "SELECT state FROM deliveries WHERE chat_id = %s AND day = %s",
            (chat_id, day.isoformat()),
        )
        return str(rows[0][0]) if rows else None

    # ----------------------------------------------------------------------- replicas

    def is_leader(self) -> bool:
        """Hold (or try to take) the broadcasting leader's advisory lock; True while held.

        The lock lives on a connection of its own, outside the pool: it is released when that
        connection ends, so a leader that dies gives it up and a standby's next try takes it.
        """
        with self._leader_lock:
            if self._leader is not None:
                try:
                    self._leader.execute("SELECT 1")
                    return True
                except psycopg.Error:
                    self._leader.close()
                    self._leader = None
            conn: psycopg.Connection[tuple[object, ...]] | None = None
            try:
                conn = psycopg.connect(self._url, autocommit=True, connect_timeout=5)
                # A leader whose machine dies sends no goodbye: the server's keepalives notice
                # within about 30 s and end the session, which frees the lock.
                conn.execute(
                    "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; "
                    "SET tcp_keepalives_count = 3; SET tcp_user_timeout = 20000"
                )
                row = conn.execute("SELECT pg_try_advisory_lock(%s)", (LEADER_LOCK,)).fetchone()
            except psycopg.Error:
                if conn is not None:
                    conn.close()
                return False
            if row is not None and row[0] is True:
                self._leader = conn
                return True
            conn.close()
            return False

    def kb_version(self) -> str | None:
        """The knowledge base version last published by any replica."""
        rows = self._read("SELECT version FROM kb_version WHERE id = 1")
        return str(rows[0][0]) if rows else None

    def publish_kb_version(self, version: str) -> None:
        """Tell every replica which knowledge base version to serve."""
        self._write(
            "INSERT INTO kb_version (id, version) VALUES (1, %s) "
            "ON CONFLICT (id) DO UPDATE SET version = excluded.version",
            (version,),
        )

    # ----------------------------------------------------------------------- admin figures

    def purge_questions(self, keep_days: int, now: datetime | None = None) -> int:
        """Delete question-log rows older than `keep_days`; returns how many went."""
        cutoff = _stamp((now or _now()) - timedelta(days=keep_days))
        return self._write("DELETE FROM questions WHERE asked_at < %s", (cutoff,))

    def unanswered(
        self, limit: int, days: int = 30, now: datetime | None = None
    ) -> list[tuple[str, int]]:
        """The most frequent recent questions that got choices or "unknown", with counts."""
        since = _stamp((now or _now()) - timedelta(days=days))
        rows = self._read(
            "SELECT question, COUNT(*) AS n FROM questions "
            "WHERE status IN ('suggested', 'unknown') AND question IS NOT NULL "
            "AND asked_at >= %s GROUP BY question ORDER BY COUNT(*) DESC, MAX(asked_at) DESC "
            "LIMIT %s",
            (since, limit),
        )
        return [(str(question), int(str(count))) for question, count in rows]

    def question_stats(self, since: datetime) -> dict[str, int]:
        """Questions since a moment, by status (and 'total')."""
        rows = self._read(
            "SELECT status, COUNT(*) FROM questions WHERE asked_at >= %s GROUP BY status",
            (_stamp(since),),
        )
        counts = {str(status): int(str(count)) for status, count in rows}
        counts["total"] = sum(counts.values())
        return counts

    def top_entry_counts(self, limit: int, since: datetime) -> list[tuple[str, int]]:
        """The most answered entries since a moment, with counts."""
        rows = self._read(
            "SELECT entry, COUNT(*) AS n FROM questions WHERE entry IS NOT NULL "
            "AND asked_at >= %s GROUP BY entry ORDER BY n DESC, entry LIMIT %s",
            (_stamp(since), limit),
        )
        return [(str(entry), int(str(count))) for entry, count in rows]

    # ----------------------------------------------------------------------- feedback

    def record_feedback(self, entry: str, helpful: bool, at: datetime | None = None) -> None:
        """One vote on an answer: which entry and whether it helped (no user or chat id)."""
        self._write(
            "INSERT INTO feedback (given_at, entry, helpful) VALUES (%s, %s, %s)",
            (_stamp(at or _now()), entry, int(helpful)),
        )

    def feedback_counts(self, since: datetime) -> tuple[int, int]:
        """Votes since a moment: (helpful, not helpful)."""
        rows = self._read(
            "SELECT COALESCE(SUM(helpful), 0), COUNT(*) FROM feedback WHERE given_at >= %s",
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
            "WHERE given_at >= %s GROUP BY entry HAVING COUNT(*) - SUM(helpful) > 0 "
            "ORDER BY bad DESC, entry LIMIT %s",
            (since, limit),
        )
        return [(str(e), int(str(bad)), int(str(good))) for e, bad, good in rows]

    def purge_feedback(self, keep_days: int, now: datetime | None = None) -> int:
        """Delete votes older than `keep_days` (kept as long as the question log)."""
        cutoff = _stamp((now or _now()) - timedelta(days=keep_days))
        return self._write("DELETE FROM feedback WHERE given_at < %s", (cutoff,))


__all__ = ["PG_MIGRATIONS", "PgStore"]
