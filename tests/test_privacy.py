"""The question log keeps what was typed, and no more of a person than it needs: control
characters removed, phone and ID card numbers masked, times to the minute, no user id."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.privacy import loggable
from bot.storage import Store
from tests.botapi import RecordingRequest
from tests.harness import Harness, running_bot


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    async for harness in running_bot(tmp_path / "bot.sqlite3", RecordingRequest()):
        yield harness
        assert harness.errors == []


async def test_the_log_keeps_what_was_typed_not_the_corrected_form(bot: Harness) -> None:
    await bot.say("机关食堂几点开饭")
    (logged,) = bot.state.store.questions()
    assert logged.question == "机关食堂几点开饭"


async def test_phone_and_id_numbers_are_masked_before_storing(bot: Harness) -> None:
    await bot.say("我的电话13812345678，身份证11010519491231002X，两张皮是什么")
    (logged,) = bot.state.store.questions()
    assert logged.question is not None
    assert "13812345678" not in logged.question
    assert "11010519491231002X" not in logged.question
    assert "两张皮是什么" in logged.question
    store = bot.state.store
    assert isinstance(store, Store)
    rows = store._read("SELECT question FROM questions")
    assert "1381234" not in str(rows)


async def test_times_are_kept_to_the_minute(bot: Harness) -> None:
    await bot.say("两张皮是什么意思")
    (logged,) = bot.state.store.questions()
    assert logged.asked_at.second == 0
    assert logged.asked_at.microsecond == 0


def test_control_characters_are_removed_and_years_kept() -> None:
    assert loggable("2024年\x00的\u200b意见\x1b[31m") == "2024年 的 意见 [31m"
    assert loggable("拨打 138-1234-5678") == "拨打 #############"
