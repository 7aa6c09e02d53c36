"""What both stores keep and how they query it: the records, and every query written once.

SQLite (`Store`) and PostgreSQL (`PgStore`) run the same statements: they are written here with
`?` placeholders, which the PostgreSQL store turns into psycopg's.  Each store supplies `_write`
and `_read` (one connection and a lock, or a pool) and the few calls that need a transaction of
several statements or the server's own features (migrations, moving a chat, leadership).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta


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


class Records(ABC):
    """The queries the two stores share, over their own `_write` and `_read`."""

    @abstractmethod
    def _write(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run one statement; the number of rows it changed."""

    @abstractmethod
    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """Run one query; its rows."""

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
        """Take the chat's delivery of `day`: True for exactly one caller, across replicas."""
        # The primary key makes the insert the claim: a second writer's insert waits for the
        # first to commit and then does nothing, so exactly one caller sees a row inserted.
        return (
            self._write(
                "INSERT INTO deliveries (chat_id, day, state, claimed_at) "
                "SELECT ?, ?, 'claimed', ? WHERE NOT EXISTS (SELECT 1 FROM tip_days "
                "WHERE chat_id = ? AND day = ? AND delivered = 1) ON CONFLICT DO NOTHING",
                (chat_id, day.isoformat(), _stamp(_now()), chat_id, day.isoformat()),
            )
            > 0
        )

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

    def kb_version(self) -> str | None:
        """The knowledge base version last published (by any replica)."""
        rows = self._read("SELECT version FROM kb_version WHERE id = 1")
        return str(rows[0][0]) if rows else None

    def publish_kb_version(self, version: str) -> None:
        """Record the knowledge base version being served: every replica follows it."""
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
            "GROUP BY question ORDER BY COUNT(*) DESC, MAX(asked_at) DESC LIMIT ?",
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
            "WHERE given_at >= ? GROUP BY entry HAVING COUNT(*) - SUM(helpful) > 0 "
            "ORDER BY bad DESC, entry LIMIT ?",
            (since, limit),
        )
        return [(str(e), int(str(bad)), int(str(good))) for e, bad, good in rows]

    def purge_feedback(self, keep_days: int, now: datetime | None = None) -> int:
        """Delete votes older than `keep_days` (kept as long as the question log)."""
        cutoff = _stamp((now or _now()) - timedelta(days=keep_days))
        return self._write("DELETE FROM feedback WHERE given_at < ?", (cutoff,))
