"""Study mode on PostgreSQL: the same tables and answers as quizdb.py, for replicas.

The queries both backends share are `QuizRecords` (quizdb.py); here are the pool's `_write`
and `_read`, and the calls that need one transaction or PostgreSQL's own features.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from bot.core.quiz import points_for
from bot.storage.quizdb import PollRef, QuizRecords, Round, _round
from bot.storage.records import StoreError

PG_QUIZ_MIGRATION = """
    CREATE TABLE quiz_rounds (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        chat_id BIGINT NOT NULL,
        user_id BIGINT NOT NULL,
        mode TEXT NOT NULL,
        day TEXT NOT NULL,
        questions TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        finished INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX quiz_rounds_daily ON quiz_rounds (chat_id, user_id, day)
        WHERE mode = 'daily';
    CREATE INDEX quiz_rounds_user ON quiz_rounds (user_id);
    CREATE TABLE quiz_polls (
        poll_id TEXT PRIMARY KEY,
        round_id BIGINT NOT NULL REFERENCES quiz_rounds (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        correct TEXT NOT NULL,
        closes_at TEXT
    );
    CREATE TABLE quiz_answers (
        round_id BIGINT NOT NULL REFERENCES quiz_rounds (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        user_id BIGINT NOT NULL,
        question_id TEXT NOT NULL,
        correct INTEGER NOT NULL,
        points INTEGER NOT NULL,
        mode TEXT NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (round_id, position, user_id)
    );
    CREATE INDEX quiz_answers_user ON quiz_answers (user_id, day);
    CREATE TABLE tip_quiz (
        chat_id BIGINT PRIMARY KEY
    );
    CREATE TABLE rank_members (
        chat_id BIGINT NOT NULL,
        user_id BIGINT NOT NULL,
        display_name TEXT NOT NULL,
        PRIMARY KEY (chat_id, user_id)
    );
"""


def _psycopg(sql: str) -> bytes:
    """A statement for psycopg: the `?` placeholders of the shared queries (records.py) as
    %s, and bytes, which psycopg takes as a query built by the program."""
    return sql.replace("?", "%s").encode()


class PgQuizStore(QuizRecords):
    """The pool and its two calls, and the study-mode calls of PgStore (its base class)."""

    _pool: ConnectionPool
    path: str

    def _write(self, sql: str, params: Sequence[object] = ()) -> int:
        try:
            with self._pool.connection() as conn:
                return conn.execute(_psycopg(sql), params).rowcount
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot write to the database {self.path}: {exc}") from exc

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        try:
            with self._pool.connection() as conn:
                return list(conn.execute(_psycopg(sql), params).fetchall())
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot read the database {self.path}: {exc}") from exc

    def new_challenge(
        self, chat_id: int, user_id: int, day: date, questions: Sequence[str]
    ) -> Round:
        """A new challenge for this player; one left unfinished is closed first."""
        with self._pool.connection() as conn:
            conn.execute(
                "UPDATE quiz_rounds SET finished = 1 WHERE chat_id = %s AND user_id = %s "
                "AND mode = 'challenge' AND finished = 0",
                (chat_id, user_id),
            )
            row = conn.execute(
                "INSERT INTO quiz_rounds (chat_id, user_id, mode, day, questions) "
                "VALUES (%s, %s, 'challenge', %s, %s) "
                "RETURNING id, chat_id, user_id, mode, day, questions, position, finished",
                (chat_id, user_id, day.isoformat(), ",".join(questions)),
            ).fetchone()
        if row is None:  # pragma: no cover - RETURNING always gives the row
            raise psycopg.DataError("the new challenge was not returned")
        return _round(row)

    def record_answer(
        self, ref: PollRef, user_id: int, correct: bool, mode: str, day: date
    ) -> int | None:
        """Record one answer with its points (daily cap per mode); None if already recorded."""
        with self._pool.connection() as conn:
            # One user's answers are counted one at a time, whichever replica gets them.
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (user_id,))
            row = conn.execute(
                "SELECT COALESCE(SUM(points), 0) FROM quiz_answers "
                "WHERE user_id = %s AND day = %s AND mode = %s",
                (user_id, day.isoformat(), mode),
            ).fetchone()
            points = points_for(correct, mode, int(str(row[0] if row else 0)))
            cursor = conn.execute(
                "INSERT INTO quiz_answers "
                "(round_id, position, user_id, question_id, correct, points, mode, day) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                (
                    ref.round_id,
                    ref.position,
                    user_id,
                    ref.question_id,
                    int(correct),
                    points,
                    mode,
                    day.isoformat(),
                ),
            )
        return points if cursor.rowcount > 0 else None

    def forget_user(self, user_id: int) -> int:
        """Erase everything kept about a user (answers, rounds, rankings); rows removed."""
        removed = 0
        with self._pool.connection() as conn:
            for sql in (
                "DELETE FROM quiz_answers WHERE user_id = %s",
                "DELETE FROM rank_members WHERE user_id = %s",
                "DELETE FROM quiz_rounds WHERE user_id = %s",
            ):
                removed += conn.execute(sql, (user_id,)).rowcount
        return removed
