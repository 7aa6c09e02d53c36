"""Study mode on Telegram: rounds, review, challenges, points, restarts, rankings, erasure."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.core.answering import Answerer
from bot.core.quiz import DAILY_CAP, QuizItem, daily_round, points_for, study_streak
from bot.storage import Store
from bot.tgbot import quiz_handlers
from tests.botapi import (
    Call,
    RecordingRequest,
    callback_update,
    message_update,
    poll_answer_update,
)
from tests.harness import Harness, running_bot

USER = 42
GROUP = -100


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    async for harness in running_bot(tmp_path / "bot.sqlite3", RecordingRequest()):
        yield harness
        assert harness.errors == []


def polls(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.method == "sendPoll"]


def item_of(bot: Harness, poll: Call) -> QuizItem:
    question = str(poll.params["question"])
    for item in bot.kb.quiz:
        if question.endswith(item.poll_question):
            return item
    raise AssertionError(question)


def wrong(item: QuizItem) -> list[int]:
    return [next(i for i in range(len(item.options)) if i not in item.correct)]


async def vote(bot: Harness, calls: list[Call], right: bool, user_id: int = USER) -> list[Call]:
    poll = polls(calls)[-1]
    item = item_of(bot, poll)
    chosen = list(item.correct) if right else wrong(item)
    return await bot.feed(poll_answer_update(last_poll_id(bot), chosen, user_id))


def last_poll_id(bot: Harness) -> str:
    store = bot.state.store
    assert isinstance(store, Store)  # the harness runs on SQLite
    rows = store._read("SELECT poll_id FROM quiz_polls ORDER BY rowid DESC LIMIT 1")
    return str(rows[0][0])


async def test_round_flow_score_and_review(bot: Harness) -> None:
    calls = await bot.say("/quiz")
    (first,) = polls(calls)
    assert first.params["type"] == "quiz"
    assert first.params["is_anonymous"] is False
    assert first.params["question"].startswith("1. ")
    asked = [item_of(bot, first)]
    for number in range(2, 6):
        calls = await vote(bot, calls, right=number != 3)  # the second question is missed
        (poll,) = polls(calls)
        assert poll.params["question"].startswith(f"{number}. ")
        asked.append(item_of(bot, poll))
    assert [i.id for i in asked] == daily_round(USER, _today(bot), bot.kb.quiz)
    end = await vote(bot, calls, right=True)
    texts = [c for c in end if c.method == "sendMessage"]
    assert "答对 4/5 题" in texts[0].text
    assert "得 8 分" in texts[0].text
    (review,) = texts[1:]
    missed = asked[1]
    assert missed.passage in review.text
    assert missed.answer_text in review.text
    assert review.params["parse_mode"] == "HTML"
    assert review.button_data() == [f"a|s|{missed.entry}"]
    again = await bot.say("/quiz")
    assert polls(again) == []
    assert "已经完成" in again[0].text


def _today(bot: Harness) -> date:
    return quiz_handlers._today(bot.state)


async def test_same_round_all_day_and_across_chats() -> None:
    from bot.core.knowledge import load_knowledge

    items = load_knowledge().quiz
    day = date(2026, 5, 2)
    assert daily_round(1, day, items) == daily_round(1, day, items)
    assert daily_round(1, day, items) != daily_round(1, day + timedelta(days=1), items)
    assert len(set(daily_round(1, day, items))) == 5


async def test_asking_again_mid_round_repeats_the_question(bot: Harness) -> None:
    first = polls(await bot.say("/quiz"))[0]
    again = polls(await bot.say("/quiz"))[0]
    assert item_of(bot, again) == item_of(bot, first)


async def test_duplicate_and_late_answers_count_once(bot: Harness) -> None:
    calls = await bot.say("/quiz")
    poll_id = last_poll_id(bot)
    item = item_of(bot, polls(calls)[0])
    answer = poll_answer_update(poll_id, list(item.correct))
    first = await bot.feed(answer)
    assert len(polls(first)) == 1
    assert polls(await bot.feed(answer)) == []  # the same update again
    late = await bot.feed(poll_answer_update(poll_id, wrong(item)))  # a changed vote, later
    assert late == []
    score = bot.state.store.score(USER, _today(bot), _today(bot) - timedelta(days=7))
    assert score.today == 2


async def test_someone_else_cannot_answer_my_round(bot: Harness) -> None:
    calls = await bot.say("/quiz")
    item = item_of(bot, polls(calls)[0])
    assert await bot.feed(poll_answer_update(last_poll_id(bot), list(item.correct), 7)) == []


async def test_challenge_stops_at_the_first_wrong_answer(bot: Harness) -> None:
    calls = await bot.say("/challenge")
    assert polls(calls)[0].params["open_period"] == quiz_handlers.CHALLENGE_SECONDS
    for _ in range(3):
        calls = await vote(bot, calls, right=True)
        assert len(polls(calls)) == 1
    end = await vote(bot, calls, right=False)
    assert polls(end) == []
    assert "连续答对 3 题" in end[0].text
    assert len([c for c in end if c.method == "sendMessage"]) == 2  # the score, one review
    score = bot.state.store.score(USER, _today(bot), _today(bot))
    assert score.best_streak == 3


async def test_challenge_times_out(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quiz_handlers, "CHALLENGE_SECONDS", 1)
    monkeypatch.setattr(quiz_handlers, "GRACE_SECONDS", 0)
    await bot.say("/challenge")
    bot.api.clear()
    for _ in range(50):
        await asyncio.sleep(0.1)
        if any("超时" in c.text for c in bot.api.calls):
            break
    assert any("超时" in c.text for c in bot.api.calls)
    assert polls(bot.api.calls) == []


def test_points_cap_per_mode() -> None:
    assert points_for(True, "daily", 0) == 2
    assert points_for(False, "daily", 0) == 0
    assert points_for(True, "daily", DAILY_CAP["daily"] - 1) == 1
    assert points_for(True, "daily", DAILY_CAP["daily"]) == 0
    assert points_for(True, "challenge", DAILY_CAP["daily"]) == 2


def test_points_cap_in_the_store(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.sqlite3")
    day = date(2026, 5, 2)
    played = store.new_challenge(1, 1, day, [f"q{i}" for i in range(20)])
    earned = []
    for position in range(15):
        store.record_poll(f"p{position}", played.id, position, f"q{position}", (0,))
        ref = store.quiz_poll(f"p{position}")
        assert ref is not None
        earned.append(store.record_answer(ref, 1, True, "challenge", day))
    assert sum(p or 0 for p in earned) == DAILY_CAP["challenge"]
    assert store.score(1, day, day).best_streak == 15


def test_streaks_across_days() -> None:
    today = date(2026, 5, 10)
    days = [today - timedelta(days=n) for n in (0, 1, 2, 4)]
    assert study_streak(days, today) == 3
    assert study_streak(days[1:], today) == 2  # not yet today: the run up to yesterday counts
    assert study_streak(days[2:], today) == 0


async def test_restart_mid_round_loses_nothing(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    async for bot in running_bot(database, RecordingRequest()):
        calls = await bot.say("/quiz")
        calls = await vote(bot, calls, right=True)
        pending = item_of(bot, polls(calls)[0])
        poll_id = last_poll_id(bot)
    async for bot in running_bot(database, RecordingRequest()):
        after = await bot.feed(poll_answer_update(poll_id, list(pending.correct)))
        (poll,) = polls(after)
        assert poll.params["question"].startswith("3. ")
        assert bot.state.store.score(USER, _today(bot), _today(bot)).today == 4


async def test_reload_mid_round_grades_what_was_asked(bot: Harness) -> None:
    calls = await bot.say("/quiz")
    asked = item_of(bot, polls(calls)[0])
    round_ids = daily_round(USER, _today(bot), bot.kb.quiz)
    # A reload removes the next question and changes the asked one's options.
    changed = replace(
        asked, correct=tuple(i for i in range(len(asked.options)) if i not in asked.correct)
    )
    kb = replace(
        bot.kb,
        quiz=tuple(
            changed if i.id == asked.id else i for i in bot.kb.quiz if i.id != round_ids[1]
        ),
    )
    bot.state.answerer = Answerer(kb)
    after = await bot.feed(poll_answer_update(last_poll_id(bot), list(asked.correct)))
    (poll,) = polls(after)
    assert item_of(bot, poll).id == round_ids[2]  # the removed one is skipped
    assert bot.state.store.score(USER, _today(bot), _today(bot)).today == 2  # graded as asked


async def test_group_quiz_ranking_and_forgetme(bot: Harness) -> None:
    group = {"chat_id": GROUP, "chat_type": "supergroup"}
    first = polls(await bot.say("/quiz", **group))[0]
    item = item_of(bot, first)
    poll_id = last_poll_id(bot)
    for member in (1, 2, 3):
        await bot.feed(poll_answer_update(poll_id, list(item.correct), member))
    second = polls(await bot.say("/quiz", **group))[0]
    assert second.params["question"].startswith("2. ")
    assert "显示的名字" in (await bot.say("/rank join", user_id=1, **group))[0].text
    assert bot.state.store.ranking(GROUP, _today(bot)) == []  # nothing kept without a name
    await bot.say("/rank join 小李", user_id=1, **group)
    await bot.say("/rank join 小王", user_id=2, **group)
    board = (await bot.say("/rank", **group))[0].text
    assert "小李  2 分" in board
    assert "小王  2 分" in board
    assert len(board.splitlines()) == 3  # the heading and two members: member 3 did not join
    await bot.say("/rank leave", user_id=2, **group)
    assert "小王" not in (await bot.say("/rank", **group))[0].text
    await bot.say("/forgetme", chat_id=1, user_id=1)
    assert "还没有人" in (await bot.say("/rank", **group))[0].text
    assert bot.state.store.score(1, _today(bot), _today(bot)).total == 0
    assert bot.state.store.score(3, _today(bot), _today(bot)).total == 2


async def test_score_command(bot: Harness) -> None:
    calls = await bot.say("/quiz")
    await vote(bot, calls, right=True)
    text = (await bot.feed(message_update("/score")))[0].text
    assert "今日积分：2" in text
    assert "连续学习：1 天" in text


async def test_tip_subscription_with_the_quiz(bot: Harness) -> None:
    from bot.tgbot.scheduling import job_name

    reply = (await bot.say("/subscribe 21:30 quiz"))[0].text
    assert "和一道每日答题" in reply
    assert bot.state.store.tip_quiz(USER)
    bot.api.clear()
    (job,) = bot.app.job_queue.get_jobs_by_name(job_name(USER))  # type: ignore[union-attr]
    await job.run(bot.app)
    methods = [c.method for c in bot.api.calls]
    assert methods == ["sendMessage", "sendMessage", "sendPoll"]  # tip, round intro, question
    await bot.say("/subscribe 21:30")  # subscribing again without it: tips only
    assert not bot.state.store.tip_quiz(USER)


async def test_group_admins_add_the_quiz_to_the_groups_tips(bot: Harness) -> None:
    bot.api.member_status = "member"
    group = {"chat_id": GROUP, "chat_type": "supergroup"}
    await bot.say("/subscribe 21:30 quiz", **group)
    assert not bot.state.store.tip_quiz(GROUP)
    bot.api.member_status = "creator"
    await bot.say("/subscribe 21:30 quiz", **group)
    assert bot.state.store.tip_quiz(GROUP)


async def test_the_button_under_a_tip_starts_the_round(bot: Harness) -> None:
    calls = await bot.feed(callback_update("qz"))
    assert len(polls(calls)) == 1
    assert polls(calls)[0].params["question"].startswith("1. ")


def test_study_days_follow_the_bots_time_zone() -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from bot.core.tips import local_day

    shanghai = ZoneInfo("Asia/Shanghai")
    # 23:30 and 00:30 Beijing time: two study days in a row, though one UTC day.
    moments = [datetime(2026, 5, 1, 15, 30, tzinfo=UTC), datetime(2026, 5, 1, 16, 30, tzinfo=UTC)]
    days = [local_day(m, shanghai) for m in moments]
    assert days == [date(2026, 5, 1), date(2026, 5, 2)]
    assert study_streak(days, date(2026, 5, 2)) == 2
    assert study_streak([local_day(m, UTC) for m in moments], date(2026, 5, 1)) == 1


async def test_late_challenge_answer_is_not_counted(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quiz_handlers, "CHALLENGE_SECONDS", 1)
    monkeypatch.setattr(quiz_handlers, "GRACE_SECONDS", 0)
    calls = await bot.say("/challenge")
    assert bot.app.job_queue is not None
    for job in bot.app.job_queue.get_jobs_by_name(f"quiz-timeout:{last_poll_id(bot)}"):
        job.schedule_removal()  # the time-out has not run yet: only the poll's end decides
    await asyncio.sleep(1.5)  # the poll closed
    late = await vote(bot, calls, right=True)
    assert polls(late) == []
    assert bot.state.store.score(USER, _today(bot), _today(bot)).total == 0


async def test_restart_restores_a_challenge_time_out(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    async for bot in running_bot(database, RecordingRequest()):
        await bot.say("/challenge")
        poll_id = last_poll_id(bot)
    async for bot in running_bot(database, RecordingRequest()):
        assert bot.app.job_queue is not None
        (job,) = bot.app.job_queue.get_jobs_by_name(f"quiz-timeout:{poll_id}")
        bot.api.clear()
        await job.run(bot.app)
        assert any("超时" in c.text for c in bot.api.calls)
