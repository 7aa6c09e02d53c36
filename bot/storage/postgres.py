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
from datetime import date

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from bot.storage.pgquiz import PG_QUIZ_MIGRATION, PgQuizStore
from bot.storage.records import Records, StoreError

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


class PgStore(PgQuizStore, Records):
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

    # ----------------------------------------------------- several statements, one transaction

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


__all__ = ["PG_MIGRATIONS", "PgStore"]
