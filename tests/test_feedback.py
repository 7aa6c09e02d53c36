"""Feedback under answers: 👍 / 👎, one vote per message, no user id stored, shown to admins."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.storage import Store
from bot.tgbot.render import HELPFUL_LABEL, SHARE_LABEL, THANKS_LABEL, UNHELPFUL_LABEL
from tests.botapi import Call, RecordingRequest, callback_update
from tests.harness import ADMIN, Harness, only, running_bot


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    async for harness in running_bot(
        tmp_path / "bot.sqlite3", RecordingRequest(), admins=frozenset({ADMIN})
    ):
        yield harness
        assert harness.errors == []


async def press(bot: Harness, answer: Call, data: str, message_id: int = 555) -> list[Call]:
    return await bot.feed(callback_update(data, message_id=message_id, markup=answer.markup))


async def test_answer_carries_feedback_and_share_buttons(bot: Harness) -> None:
    answer = only(await bot.say("两张皮是什么意思"))
    last_row = (answer.markup or {})["inline_keyboard"][-1]
    assert [b["text"] for b in last_row] == [HELPFUL_LABEL, UNHELPFUL_LABEL, SHARE_LABEL]
    share = last_row[2]["url"]
    assert share.startswith("https://t.me/share/url?url=")
    assert "https%3A%2F%2Ft.me%2FOpinionTestBot%3Fstart%3Dtwo_skins" in share


async def test_a_vote_is_recorded_once_and_the_row_becomes_a_thank_you(bot: Harness) -> None:
    answer = only(await bot.say("两张皮是什么意思"))
    calls = await press(bot, answer, "f|n|two_skins")
    edit = only(calls, "editMessageReplyMarkup")
    rows = (edit.markup or {})["inline_keyboard"]
    assert [b["text"] for b in rows[-1]] == [THANKS_LABEL, SHARE_LABEL]
    # the related-question buttons stay
    assert [b["callback_data"] for b in rows[0]] == [answer.button_data()[0]]
    assert "谢谢" in only(calls, "answerCallbackQuery").params["text"]
    # A stale client presses again: nothing more is recorded.
    again = await press(bot, answer, "f|y|two_skins")
    assert "谢谢" in only(again, "answerCallbackQuery").params["text"]
    assert bot.state.store.feedback_counts(_long_ago()) == (0, 1)
    # Pressing the thank-you records nothing either.
    await bot.feed(callback_update("f|y|", message_id=555))
    assert bot.state.store.feedback_counts(_long_ago()) == (0, 1)


async def test_feedback_stores_no_user_or_chat(bot: Harness) -> None:
    answer = only(await bot.say("两张皮是什么意思"))
    await press(bot, answer, "f|y|two_skins")
    store = bot.state.store
    assert isinstance(store, Store)  # the harness runs on SQLite
    database = store.path
    with sqlite3.connect(database) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(feedback)")]
        rows = db.execute("SELECT * FROM feedback").fetchall()
    assert columns == ["id", "given_at", "entry", "helpful"]
    assert len(rows) == 1
    assert 42 not in rows[0]


async def test_admins_see_unhelpful_answers_and_the_helpful_share(bot: Harness) -> None:
    for number, data in enumerate(["f|n|two_skins", "f|n|two_skins", "f|y|two_skins"]):
        answer = only(await bot.say("两张皮是什么意思"))
        await press(bot, answer, data, message_id=600 + number)
    await bot.say("入党申请书怎么写")
    report = only(await bot.say("/unanswered", chat_id=ADMIN, user_id=ADMIN)).text
    question = bot.kb.by_id["two_skins"].question
    assert "1 × 入党申请书怎么写" in report
    assert f"2 × {question}（two_skins；👍 1）" in report
    stats = only(await bot.say("/stats", chat_id=ADMIN, user_id=ADMIN)).text
    assert "有帮助 33%（👍 1，👎 2）" in stats


def _long_ago() -> datetime:
    return datetime(2000, 1, 1, tzinfo=UTC)
