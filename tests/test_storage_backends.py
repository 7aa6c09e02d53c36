"""The storage interface on both backends: the same calls give the same answers.

Every test runs twice (store_target): on a SQLite file and on a real PostgreSQL server started
by the tests themselves.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from time import monotonic, sleep

import psycopg
import pytest

from bot.storage import MIGRATIONS, Storage, StoreError, is_postgres, open_store
from bot.storage.quizdb import PollRef
from tests.botapi import TOKEN, run_bot

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
DAY = date(2026, 11, 28)


def test_migrations_match_between_backends() -> None:
    from bot.storage.postgres import PG_MIGRATIONS

    assert len(PG_MIGRATIONS) == len(MIGRATIONS)


def test_new_database_is_fully_migrated_and_reopens(store_target: str | Path) -> None:
    store = open_store(store_target)
    assert store.schema_version == len(MIGRATIONS)
    store.log_question("private", "两张皮", "answered", "two_skins", 0.8, at=NOW)
    store.close()
    again = open_store(store_target)
    assert again.schema_version == len(MIGRATIONS)
    assert [q.entry for q in again.questions()] == ["two_skins"]
    again.close()


def test_newer_schema_is_refused(store_target: str | Path) -> None:
    open_store(store_target).close()
    if is_postgres(store_target):
        with psycopg.connect(str(store_target), autocommit=True) as conn:
            conn.execute("UPDATE schema_version SET version = version + 5")
    else:
        import sqlite3

        with sqlite3.connect(store_target) as raw:
            raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    with pytest.raises(StoreError, match="newer release"):
        open_store(store_target)


def test_unreachable_postgres_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store("postgresql://bot:secret@127.0.0.1:1/nowhere?connect_timeout=2")
    assert "secret" not in str(caught.value)


def test_question_log_and_figures(any_store: Storage) -> None:
    for entry, times in (("a", 1), ("b", 3), ("c", 2)):
        for _ in range(times):
            any_store.log_question("private", "q", "answered", entry, 0.91234, at=NOW)
    any_store.log_question("private", "old", "answered", "old", 0.9, at=NOW - timedelta(days=40))
    any_store.log_question("group", "什么？", "unknown", None, 0.1, at=NOW)
    any_store.log_question("group", "什么？", "suggested", None, 0.3, at=NOW)
    assert any_store.top_entries(5, now=NOW) == ["b", "c", "a"]
    assert any_store.top_entry_counts(2, NOW - timedelta(days=1)) == [("b", 3), ("c", 2)]
    assert any_store.unanswered(5, now=NOW) == [("什么？", 2)]
    stats = any_store.question_stats(NOW - timedelta(days=1))
    assert stats == {"answered": 6, "unknown": 1, "suggested": 1, "total": 8}
    assert any_store.questions()[0].score == pytest.approx(0.9123)
    assert any_store.purge_questions(30, now=NOW) == 1
    assert len(any_store.questions()) == 8


def test_subscriptions_and_tips(any_store: Storage) -> None:
    big_chat = -1001234567890  # supergroup ids do not fit in 32 bits
    any_store.subscribe(big_chat, "supergroup", time(8, 0), now=NOW)
    moved = any_store.subscribe(big_chat, "supergroup", time(9, 30), now=NOW)
    assert moved.at == time(9, 30)
    assert moved.chat_id == big_chat
    any_store.subscribe(5, "private", time(7, 0), now=NOW)
    assert [s.chat_id for s in any_store.subscriptions()] == [big_chat, 5]
    first = any_store.choose_tip(5, DAY, "t1", 1)
    assert any_store.choose_tip(5, DAY, "t2", 1) == first  # the first choice of the day wins
    any_store.mark_delivered(5, DAY)
    replaced = any_store.choose_tip(5, DAY, "t3", 1, replace=True)
    assert replaced.tip_id == "t3"
    assert replaced.delivered
    assert any_store.tip_history(5) == (1, {"t3"}, {"t3": DAY})
    assert any_store.tips_delivered(DAY) == 1
    assert any_store.unsubscribe(5)
    assert not any_store.unsubscribe(5)
    assert any_store.subscription(5) is None


def test_delivery_claim_is_taken_once(any_store: Storage) -> None:
    assert any_store.claim_delivery(7, DAY)
    assert not any_store.claim_delivery(7, DAY)
    assert any_store.delivery_state(7, DAY) == "claimed"
    any_store.release_delivery(7, DAY)  # the send certainly failed: it may be retried
    assert any_store.delivery_state(7, DAY) is None
    assert any_store.claim_delivery(7, DAY)
    any_store.choose_tip(7, DAY, "t1", 1)
    any_store.finish_delivery(7, DAY)
    any_store.release_delivery(7, DAY)  # a sent delivery is never given back
    assert any_store.delivery_state(7, DAY) == "sent"
    assert not any_store.claim_delivery(7, DAY)
    tip = any_store.tip_day(7, DAY)
    assert tip is not None
    assert tip.delivered
    assert any_store.claim_delivery(7, DAY + timedelta(days=1))  # a new day, a new delivery


def test_a_delivered_tip_is_never_claimed_again(any_store: Storage) -> None:
    any_store.choose_tip(8, DAY, "t1", 1)
    any_store.mark_delivered(8, DAY)
    assert not any_store.claim_delivery(8, DAY)


def test_a_migrated_group_keeps_its_subscription_and_history(any_store: Storage) -> None:
    """ChatMigrated: the subscription, the tip of the day and its claim follow the new id."""
    any_store.subscribe(-5, "group", time(9, 15))
    any_store.choose_tip(-5, DAY, "t1", 1)
    assert any_store.claim_delivery(-5, DAY)
    any_store.subscribe(-1005, "supergroup", time(7, 0))  # the new id already has a row
    any_store.move_chat(-5, -1005)
    assert any_store.subscription(-5) is None
    moved = any_store.subscription(-1005)
    assert moved is not None
    assert moved.at == time(7, 0)  # a row the new id had is kept
    assert any_store.tip_day(-1005, DAY) is not None
    assert any_store.delivery_state(-1005, DAY) == "claimed"
    assert any_store.tip_day(-5, DAY) is None


def test_concurrent_claims_have_one_winner(store_target: str | Path) -> None:
    stores = [open_store(store_target) for _ in range(4)]
    wins: list[tuple[int, int]] = []
    lock = threading.Lock()

    def claim_all(index: int) -> None:
        for chat in range(50):
            if stores[index].claim_delivery(chat, DAY):
                with lock:
                    wins.append((index, chat))

    threads = [threading.Thread(target=claim_all, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(chat for _, chat in wins) == list(range(50))
    for store in stores:
        store.close()


def test_knowledge_version_is_shared(store_target: str | Path) -> None:
    one, two = open_store(store_target), open_store(store_target)
    assert one.kb_version() is None
    one.publish_kb_version("abc123")
    assert two.kb_version() == "abc123"
    two.publish_kb_version("def456")
    assert one.kb_version() == "def456"
    one.close()
    two.close()


def test_feedback(any_store: Storage) -> None:
    any_store.record_feedback("a", True, at=NOW)
    any_store.record_feedback("a", False, at=NOW)
    any_store.record_feedback("b", False, at=NOW)
    any_store.record_feedback("b", False, at=NOW - timedelta(days=60))
    assert any_store.feedback_counts(NOW - timedelta(days=1)) == (1, 2)
    assert any_store.unhelpful_entries(5, now=NOW) == [("a", 1, 1), ("b", 1, 0)]
    assert any_store.purge_feedback(30, now=NOW) == 1


def test_study_mode(any_store: Storage) -> None:
    user = 9_000_000_001
    daily = any_store.daily_round(-100, user, DAY, ["q1", "q2"])
    assert any_store.daily_round(-100, user, DAY, ["q9"]) == daily
    assert any_store.advance_round(daily.id, 0)
    assert not any_store.advance_round(daily.id, 0)
    challenge = any_store.new_challenge(-100, user, DAY, ["q3", "q4"])
    again = any_store.new_challenge(-100, user, DAY, ["q5"])
    closed = any_store.quiz_round(challenge.id)
    assert closed is not None
    assert closed.finished
    assert again.questions == ("q5",)
    closes = NOW + timedelta(seconds=30)
    any_store.record_poll("p1", again.id, 0, "q5", [1, 2], closes)
    ref = any_store.quiz_poll("p1")
    assert ref == PollRef("p1", again.id, 0, "q5", (1, 2), closes)
    assert [r.id for _, r in any_store.timed_polls()] == [again.id]
    first = any_store.record_answer(ref, user, True, "challenge", DAY)
    assert first is not None
    assert first > 0
    assert any_store.record_answer(ref, user, True, "challenge", DAY) is None  # replayed update
    assert [a.question_id for a in any_store.round_answers(again.id, user)] == ["q5"]
    score = any_store.score(user, DAY, DAY - timedelta(days=3))
    assert score.total == first
    assert score.best_streak == 1
    assert score.days == (DAY,)
    any_store.join_ranking(again.chat_id, user, "小王")
    any_store.join_ranking(again.chat_id, user, "小李")
    assert any_store.ranking(again.chat_id, DAY) == [("小李", first)]
    assert any_store.finish_round(again.id)
    assert not any_store.finish_round(again.id)
    any_store.set_tip_quiz(-100, True)
    any_store.set_tip_quiz(-100, True)
    assert any_store.tip_quiz(-100)
    any_store.set_tip_quiz(-100, False)
    assert not any_store.tip_quiz(-100)
    assert any_store.forget_user(user) >= 4
    assert any_store.ranking(again.chat_id, DAY) == []
    assert not any_store.leave_ranking(again.chat_id, user)


def test_one_leader_at_a_time(store_target: str | Path) -> None:
    one, two = open_store(store_target), open_store(store_target)
    assert one.is_leader()
    assert one.is_leader()  # kept, not re-taken
    if is_postgres(store_target):
        assert not two.is_leader()
        one.close()  # the leader goes away: its lock goes with its connection
        # The server drops the lock when the closed connection's backend exits, which is not
        # instantaneous under load: a replica asks again at its next tick, and so does this.
        deadline = monotonic() + 10
        while not two.is_leader():
            assert monotonic() < deadline, "the lock outlived its connection"
            sleep(0.05)
    two.close()
    if not is_postgres(store_target):
        one.close()


def test_a_postgres_url_is_not_taken_for_a_file(tmp_path: Path) -> None:
    from bot.tgbot.settings import load_settings

    url = "postgresql://bot:pw@db.internal:5432/opinion"
    settings = load_settings({"OPINION_DB": url}, require_token=False)
    assert settings.store_target == url
    assert "pw" not in settings.database_display
    assert settings.database_display == "postgresql://db.internal:5432/opinion"
    file_settings = load_settings({"OPINION_DB": str(tmp_path / "x.db")}, require_token=False)
    assert file_settings.store_target == tmp_path / "x.db"


def test_cli_on_postgres(pg_url: str, tmp_path: Path) -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "OPINION_DB": pg_url}
    healthy = run_bot("health", env=env)
    assert healthy.returncode == 0, healthy.stderr
    assert "database postgresql://127.0.0.1:" in healthy.stdout
    assert not (Path.cwd() / "postgresql:").exists()
    for command in ("backup", "restore"):
        refused = run_bot(command, str(tmp_path / "copy.sqlite3"), env=env)
        assert refused.returncode != 0
        assert "SQLite database only" in refused.stderr
        assert "pg_dump" in refused.stderr


def test_the_storage_benchmark_runs_and_claims_once(store_target: str | Path) -> None:
    from benchmarks.storage import measure

    figures = measure(store_target, 40, 2)  # raises if a claim was won twice or never
    assert set(figures) == {
        "question_writes_per_s",
        "claim_attempts_per_s",
        "deliveries_claimed_per_s",
    }


def test_question_times_are_kept_to_the_minute(store_target: str | Path) -> None:
    """README, privacy: exact times would help tie a question to a person, on either backend."""
    store = open_store(store_target)
    exact = NOW.replace(second=37, microsecond=5)
    store.log_question("private", "两张皮", "answered", "two_skins", 0.8, at=exact)
    (logged,) = store.questions()
    store.close()
    assert logged.asked_at == NOW
