"""Study mode on PostgreSQL: the twin of quizdb.py (same tables, same answers), for replicas."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from bot.core.quiz import points_for
from bot.storage.quizdb import Answered, PollRef, Round, Score, _ints
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

_ROUND = "SELECT id, chat_id, user_id, mode, day, questions, position, finished FROM quiz_rounds"


def _round(row: tuple[object, ...]) -> Round:
    rid, chat_id, user_id, mode, day, questions, position, finished = row
    return Round(
        int(str(rid)),
        int(str(chat_id)),
        int(str(user_id)),
        str(mode),
        date.fromisoformat(str(day)),
        tuple(q for q in str(questions).split(",") if q),
        int(str(position)),
        bool(finished),
    )


def _psycopg(sql: str) -> bytes:
    """A statement for psycopg: the `?` placeholders of the shared queries (records.py) as
    %s, and bytes, which psycopg takes as a query built by the program."""
    return sql.replace("?", "%s").encode()


class PgQuizStore:
    """The pool and its two calls, and the study-mode methods of PgStore (its base class)."""

    _pool: ConnectionPool
    path: str

    def _write(self, sql: str, params: Sequence[object] = ()) -> int:
        try:
            with self._pool.connection() as conn:
                return conn.execute(_psycopg(sql), params).rowcount
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot write to the database {self.path}: {exc}") from exc

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        try:
            with self._pool.connection() as conn:
                return list(conn.execute(_psycopg(sql), params).fetchall())
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot read the database {self.path}: {exc}") from exc

    def quiz_round(self, round_id: int) -> Round | None:
        """A round by id."""
        rows = self._rows(f"{_ROUND} WHERE id = %s", (round_id,))
        return _round(rows[0]) if rows else None

    def daily_round(
        self, chat_id: int, user_id: int, day: date, questions: Sequence[str]
    ) -> Round:
        """The day's round for this player in this chat: created once, the same all day."""
        self._write(
            "INSERT INTO quiz_rounds (chat_id, user_id, mode, day, questions) "
            "VALUES (%s, %s, 'daily', %s, %s) ON CONFLICT DO NOTHING",
            (chat_id, user_id, day.isoformat(), ",".join(questions)),
        )
        rows = self._rows(
            f"{_ROUND} WHERE chat_id = %s AND user_id = %s AND day = %s AND mode = 'daily'",
            (chat_id, user_id, day.isoformat()),
        )
        return _round(rows[0])

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

    def advance_round(self, round_id: int, expected: int) -> bool:
        """Move a round past question `expected`; False if it had already moved (no double)."""
        return (
            self._write(
                "UPDATE quiz_rounds SET position = position + 1 WHERE id = %s AND position = %s",
                (round_id, expected),
            )
            > 0
        )

    def finish_round(self, round_id: int) -> bool:
        """Close a round; True only for the call that closed it."""
        return (
            self._write(
                "UPDATE quiz_rounds SET finished = 1 WHERE id = %s AND finished = 0", (round_id,)
            )
            > 0
        )

    def record_poll(
        self,
        poll_id: str,
        round_id: int,
        position: int,
        question_id: str,
        correct: Sequence[int],
        closes_at: datetime | None = None,
    ) -> None:
        """Remember what a sent poll asks, before any answer to it can arrive."""
        self._write(
            "INSERT INTO quiz_polls "
            "(poll_id, round_id, position, question_id, correct, closes_at) "
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (poll_id) DO UPDATE SET "
            "round_id = excluded.round_id, position = excluded.position, "
            "question_id = excluded.question_id, correct = excluded.correct, "
            "closes_at = excluded.closes_at",
            (
                poll_id,
                round_id,
                position,
                question_id,
                ",".join(map(str, correct)),
                None if closes_at is None else closes_at.astimezone(UTC).isoformat(),
            ),
        )

    def quiz_poll(self, poll_id: str) -> PollRef | None:
        """What a poll asks, if the bot sent it."""
        rows = self._rows(
            "SELECT poll_id, round_id, position, question_id, correct, closes_at "
            "FROM quiz_polls WHERE poll_id = %s",
            (poll_id,),
        )
        if not rows:
            return None
        pid, rid, position, question, correct, closes = rows[0]
        return PollRef(
            str(pid),
            int(str(rid)),
            int(str(position)),
            str(question),
            _ints(correct),
            None if closes is None else datetime.fromisoformat(str(closes)),
        )

    def timed_polls(self) -> list[tuple[PollRef, Round]]:
        """Timed polls of unfinished rounds still waiting for their answer (restored at start)."""
        rows = self._rows(
            "SELECT p.poll_id FROM quiz_polls p JOIN quiz_rounds r ON r.id = p.round_id "
            "WHERE p.closes_at IS NOT NULL AND r.finished = 0 AND r.position = p.position"
        )
        found: list[tuple[PollRef, Round]] = []
        for (poll_id,) in rows:
            ref = self.quiz_poll(str(poll_id))
            played = self.quiz_round(ref.round_id) if ref is not None else None
            if ref is not None and played is not None:
                found.append((ref, played))
        return found

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

    def round_answers(self, round_id: int, user_id: int) -> list[Answered]:
        """A player's answers in a round, in order."""
        rows = self._rows(
            "SELECT position, question_id, correct, points FROM quiz_answers "
            "WHERE round_id = %s AND user_id = %s ORDER BY position",
            (round_id, user_id),
        )
        return [Answered(int(str(p)), str(q), bool(c), int(str(pts))) for p, q, c, pts in rows]

    def score(self, user_id: int, today: date, week_start: date) -> Score:
        """Points today, this week and in all, the best challenge streak, the days studied."""
        rows = self._rows(
            "SELECT day, SUM(points) FROM quiz_answers WHERE user_id = %s GROUP BY day",
            (user_id,),
        )
        by_day = {date.fromisoformat(str(day)): int(str(points)) for day, points in rows}
        streaks = self._rows(
            "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM quiz_answers "
            "WHERE user_id = %s AND mode = 'challenge' AND correct = 1 GROUP BY round_id) AS s",
            (user_id,),
        )
        return Score(
            today=by_day.get(today, 0),
            week=sum(p for d, p in by_day.items() if week_start <= d <= today),
            total=sum(by_day.values()),
            best_streak=int(str(streaks[0][0])),
            days=tuple(sorted(by_day)),
        )

    def set_tip_quiz(self, chat_id: int, included: bool) -> None:
        """Whether the chat's daily tip comes with the day's quiz question."""
        self._write(
            "INSERT INTO tip_quiz (chat_id) VALUES (%s) ON CONFLICT DO NOTHING"
            if included
            else "DELETE FROM tip_quiz WHERE chat_id = %s",
            (chat_id,),
        )

    def tip_quiz(self, chat_id: int) -> bool:
        """True if the chat's daily tip includes the quiz."""
        return bool(self._rows("SELECT 1 FROM tip_quiz WHERE chat_id = %s", (chat_id,)))

    def join_ranking(self, chat_id: int, user_id: int, display_name: str) -> None:
        """Show this member, under the name they chose, in the chat's ranking."""
        self._write(
            "INSERT INTO rank_members (chat_id, user_id, display_name) VALUES (%s, %s, %s) "
            "ON CONFLICT (chat_id, user_id) DO UPDATE SET display_name = excluded.display_name",
            (chat_id, user_id, display_name),
        )

    def leave_ranking(self, chat_id: int, user_id: int) -> bool:
        """Stop showing this member; True if they were shown."""
        return (
            self._write(
                "DELETE FROM rank_members WHERE chat_id = %s AND user_id = %s", (chat_id, user_id)
            )
            > 0
        )

    def ranking(self, chat_id: int, since: date, limit: int = 10) -> list[tuple[str, int]]:
        """The week's top members who joined, by points earned in this chat since `since`."""
        rows = self._rows(
            "SELECT m.display_name, COALESCE(SUM(a.points), 0) AS total FROM rank_members m "
            "LEFT JOIN quiz_answers a ON a.user_id = m.user_id AND a.day >= %s AND a.round_id IN "
            "(SELECT id FROM quiz_rounds WHERE chat_id = %s) WHERE m.chat_id = %s "
            "GROUP BY m.user_id, m.display_name ORDER BY total DESC, m.display_name LIMIT %s",
            (since.isoformat(), chat_id, chat_id, limit),
        )
        return [(str(name), int(str(total))) for name, total in rows]

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
