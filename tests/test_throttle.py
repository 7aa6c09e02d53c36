"""One flooding user or group gets one polite notice, then silence, and never crowds others."""

from __future__ import annotations

from pathlib import Path

from bot.core.throttle import LIMIT, Throttle, Verdict
from bot.tgbot.handlers import TOO_FAST
from tests.botapi import RecordingRequest
from tests.harness import running_bot


def test_the_budget_slides_and_tells_once() -> None:
    throttle = Throttle(limit=3, window=10)
    assert [throttle.check(1, t) for t in (0, 1, 2)] == [Verdict.ANSWER] * 3
    assert throttle.check(1, 3) is Verdict.NOTICE
    assert throttle.check(1, 4) is Verdict.SILENT
    assert throttle.check(2, 4) is Verdict.ANSWER  # another chat has its own budget
    assert throttle.check(1, 10.5) is Verdict.ANSWER  # the first question left the window
    assert throttle.check(1, 10.6) is Verdict.NOTICE  # told again after a fresh start


def test_memory_is_bounded() -> None:
    throttle = Throttle(max_chats=100)
    for chat in range(1000):
        throttle.check(chat, 0)
    assert len(throttle._chats) == 100


async def test_a_flooding_chat_gets_one_notice_and_others_are_answered(tmp_path: Path) -> None:
    async for bot in running_bot(tmp_path / "bot.sqlite3", RecordingRequest()):
        to_flooder = []
        for _ in range(LIMIT + 10):
            calls = await bot.say("两张皮是什么意思", chat_id=7)
            to_flooder += [c.text for c in calls if c.method == "sendMessage"]
        assert len(to_flooder) == LIMIT + 1  # every answer in budget, then one notice
        assert to_flooder[-1] == TOO_FAST
        calls = await bot.say("两张皮是什么意思", chat_id=8)
        assert len([c for c in calls if c.method == "sendMessage"]) == 1
