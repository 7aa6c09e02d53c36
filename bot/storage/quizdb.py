"""Study mode's records: rounds, the map from each poll to its round and question, answers, points.

Scores are the first data kept per user: the user's id and points only, in tables of their own,
apart from the question log (which never holds a user id).  A display name is kept only for a
member who joins a group's ranking, and /forgetme erases all of it.  A poll answer is recorded
once per (round, question, user) by the primary key, so a duplicate or replayed update is never
counted twice, and the map lives here so that a restart in the middle of a round loses nothing.

`QuizRecords` holds the queries both backends run (with `?` placeholders, see records.py);
`QuizStore` the SQLite calls that need several statements in one transaction.
"""

from __future__ import annotations

import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from bot.core.quiz import points_for

QUIZ_MIGRATION = """
    CREATE TABLE quiz_rounds (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,            -- 0: a group's shared round
        mode TEXT NOT NULL,                  -- daily | challenge
        day TEXT NOT NULL,
        questions TEXT NOT NULL,             -- question ids, comma-separated
        position INTEGER NOT NULL DEFAULT 0, -- the question being asked
        finished INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX quiz_rounds_daily ON quiz_rounds (chat_id, user_id, day)
        WHERE mode = 'daily';
    CREATE INDEX quiz_rounds_user ON quiz_rounds (user_id);
    CREATE TABLE quiz_polls (
        poll_id TEXT PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES quiz_rounds (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        correct TEXT NOT NULL,               -- correct option ids, comma-separated
        closes_at TEXT                       -- a timed poll's end
    );
    CREATE TABLE quiz_answers (
        round_id INTEGER NOT NULL REFERENCES quiz_rounds (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        correct INTEGER NOT NULL,
        points INTEGER NOT NULL,
        mode TEXT NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (round_id, position, user_id)
    );
    CREATE INDEX quiz_answers_user ON quiz_answers (user_id, day);
    CREATE TABLE tip_quiz (                  -- tip subscriptions that include the day's quiz
        chat_id INTEGER PRIMARY KEY
    );
    CREATE TABLE rank_members (
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        display_name TEXT NOT NULL,
        PRIMARY KEY (chat_id, user_id)
    );
"""


@dataclass(frozen=True, slots=True)
class Round:
    """A round of questions: a day's round for one player (or a group), or a challenge."""

    id: int
    chat_id: int
    user_id: int
    mode: str
    day: date
    questions: tuple[str, ...]
    position: int
    finished: bool


@dataclass(frozen=True, slots=True)
class PollRef:
    """What a sent poll asks: its round, its place in it, the question and the right options."""

    poll_id: str
    round_id: int
    position: int
    question_id: str
    correct: tuple[int, ...]
    closes_at: datetime | None


@dataclass(frozen=True, slots=True)
class Answered:
    """One recorded answer."""

    position: int
    question_id: str
    correct: bool
    points: int


@dataclass(frozen=True, slots=True)
class Score:
    """A user's points and study days."""

    today: int
    week: int
    total: int
    best_streak: int
    days: tuple[date, ...]


def _ints(text: object) -> tuple[int, ...]:
    return tuple(int(part) for part in str(text).split(",") if part)


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


class QuizRecords(ABC):
    """The study-mode queries both stores share, over their own `_write` and `_read`."""

    @abstractmethod
    def _write(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run one statement; the number of rows it changed."""

    @abstractmethod
    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """Run one query; its rows."""

    # ----------------------------------------------------------------------- rounds

    def quiz_round(self, round_id: int) -> Round | None:
        """A round by id."""
        rows = self._read(f"{_ROUND} WHERE id = ?", (round_id,))
        return _round(rows[0]) if rows else None

    def daily_round(
        self, chat_id: int, user_id: int, day: date, questions: Sequence[str]
    ) -> Round:
        """The day's round for this player in this chat: created once, the same all day."""
        self._write(
            "INSERT INTO quiz_rounds (chat_id, user_id, mode, day, questions) "
            "VALUES (?, ?, 'daily', ?, ?) ON CONFLICT DO NOTHING",
            (chat_id, user_id, day.isoformat(), ",".join(questions)),
        )
        rows = self._read(
            f"{_ROUND} WHERE chat_id = ? AND user_id = ? AND day = ? AND mode = 'daily'",
            (chat_id, user_id, day.isoformat()),
        )
        return _round(rows[0])

    def advance_round(self, round_id: int, expected: int) -> bool:
        """Move a round past question `expected`; False if it had already moved (no double)."""
        return (
            self._write(
                "UPDATE quiz_rounds SET position = position + 1 WHERE id = ? AND position = ?",
                (round_id, expected),
            )
            > 0
        )

    def finish_round(self, round_id: int) -> bool:
        """Close a round; True only for the call that closed it."""
        return (
            self._write(
                "UPDATE quiz_rounds SET finished = 1 WHERE id = ? AND finished = 0", (round_id,)
            )
            > 0
        )

    # ----------------------------------------------------------------------- polls

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
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (poll_id) DO UPDATE SET "
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
        rows = self._read(
            "SELECT poll_id, round_id, position, question_id, correct, closes_at "
            "FROM quiz_polls WHERE poll_id = ?",
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
        rows = self._read(
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

    # ----------------------------------------------------------------------- answers

    def round_answers(self, round_id: int, user_id: int) -> list[Answered]:
        """A player's answers in a round, in order."""
        rows = self._read(
            "SELECT position, question_id, correct, points FROM quiz_answers "
            "WHERE round_id = ? AND user_id = ? ORDER BY position",
            (round_id, user_id),
        )
        return [Answered(int(str(p)), str(q), bool(c), int(str(pts))) for p, q, c, pts in rows]

    def score(self, user_id: int, today: date, week_start: date) -> Score:
        """Points today, this week and in all, the best challenge streak, the days studied."""
        rows = self._read(
            "SELECT day, SUM(points) FROM quiz_answers WHERE user_id = ? GROUP BY day",
            (user_id,),
        )
        by_day = {date.fromisoformat(str(day)): int(str(points)) for day, points in rows}
        streaks = self._read(
            "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM quiz_answers "
            "WHERE user_id = ? AND mode = 'challenge' AND correct = 1 GROUP BY round_id) AS s",
            (user_id,),
        )
        return Score(
            today=by_day.get(today, 0),
            week=sum(p for d, p in by_day.items() if week_start <= d <= today),
            total=sum(by_day.values()),
            best_streak=int(str(streaks[0][0])),
            days=tuple(sorted(by_day)),
        )

    # ----------------------------------------------------------------------- tip + quiz

    def set_tip_quiz(self, chat_id: int, included: bool) -> None:
        """Whether the chat's daily tip comes with the day's quiz question."""
        self._write(
            "INSERT INTO tip_quiz (chat_id) VALUES (?) ON CONFLICT DO NOTHING"
            if included
            else "DELETE FROM tip_quiz WHERE chat_id = ?",
            (chat_id,),
        )

    def tip_quiz(self, chat_id: int) -> bool:
        """True if the chat's daily tip includes the quiz."""
        return bool(self._read("SELECT 1 FROM tip_quiz WHERE chat_id = ?", (chat_id,)))

    # ----------------------------------------------------------------------- rankings

    def join_ranking(self, chat_id: int, user_id: int, display_name: str) -> None:
        """Show this member, under the name they chose, in the chat's ranking."""
        self._write(
            "INSERT INTO rank_members (chat_id, user_id, display_name) VALUES (?, ?, ?) "
            "ON CONFLICT (chat_id, user_id) DO UPDATE SET display_name = excluded.display_name",
            (chat_id, user_id, display_name),
        )

    def leave_ranking(self, chat_id: int, user_id: int) -> bool:
        """Stop showing this member; True if they were shown."""
        return (
            self._write(
                "DELETE FROM rank_members WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
            )
            > 0
        )

    def ranking(self, chat_id: int, since: date, limit: int = 10) -> list[tuple[str, int]]:
        """The week's top members who joined, by points earned in this chat since `since`."""
        rows = self._read(
            "SELECT m.display_name, COALESCE(SUM(a.points), 0) AS total FROM rank_members m "
            "LEFT JOIN quiz_answers a ON a.user_id = m.user_id AND a.day >= ? AND a.round_id IN "
            "(SELECT id FROM quiz_rounds WHERE chat_id = ?) WHERE m.chat_id = ? "
            "GROUP BY m.user_id, m.display_name ORDER BY total DESC, m.display_name LIMIT ?",
            (since.isoformat(), chat_id, chat_id, limit),
        )
        return [(str(name), int(str(total))) for name, total in rows]


class QuizStore(QuizRecords):
    """The study-mode calls of the SQLite Store that need one transaction (same connection and
    lock as the Store they are mixed into)."""

    _db: sqlite3.Connection
    _lock: threading.Lock
    path: Path

    def new_challenge(
        self, chat_id: int, user_id: int, day: date, questions: Sequence[str]
    ) -> Round:
        """A new challenge for this player; one left unfinished is closed first."""
        with self._lock:
            self._db.execute(
                "UPDATE quiz_rounds SET finished = 1 WHERE chat_id = ? AND user_id = ? "
                "AND mode = 'challenge' AND finished = 0",
                (chat_id, user_id),
            )
            cursor = self._db.execute(
                "INSERT INTO quiz_rounds (chat_id, user_id, mode, day, questions) "
                "VALUES (?, ?, 'challenge', ?, ?)",
                (chat_id, user_id, day.isoformat(), ",".join(questions)),
            )
            row = self._db.execute(f"{_ROUND} WHERE id = ?", (cursor.lastrowid,)).fetchone()
        return _round(row)

    def record_answer(
        self, ref: PollRef, user_id: int, correct: bool, mode: str, day: date
    ) -> int | None:
        """Record one answer with its points (daily cap per mode); None if already recorded."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                (earned,) = self._db.execute(
                    "SELECT COALESCE(SUM(points), 0) FROM quiz_answers "
                    "WHERE user_id = ? AND day = ? AND mode = ?",
                    (user_id, day.isoformat(), mode),
                ).fetchone()
                points = points_for(correct, mode, int(earned))
                cursor = self._db.execute(
                    "INSERT INTO quiz_answers "
                    "(round_id, position, user_id, question_id, correct, points, mode, day) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
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
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return points if cursor.rowcount > 0 else None

    def forget_user(self, user_id: int) -> int:
        """Erase everything kept about a user (answers, rounds, rankings); rows removed."""
        with self._lock:
            removed = 0
            for sql in (
                "DELETE FROM quiz_answers WHERE user_id = ?",
                "DELETE FROM rank_members WHERE user_id = ?",
                "DELETE FROM quiz_rounds WHERE user_id = ?",
            ):
                removed += self._db.execute(sql, (user_id,)).rowcount
        return removed
