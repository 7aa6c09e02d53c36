"""Subscriptions on Telegram: commands, group rule, jobs, restarts, missed tips, cleanup."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from bot.core.tips import local_day, zone_name
from bot.tgbot.scheduling import JOB_KWARGS, job_name, retry_name
from bot.tgbot.tip_handlers import ADMINS_ONLY, NOT_SUBSCRIBED
from tests.botapi import RecordingRequest, callback_update
from tests.harness import Harness, midday_zone, only, running_bot

GROUP = -100500


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    async for harness in running_bot(tmp_path / "bot.sqlite3", RecordingRequest()):
        yield harness
        assert harness.errors == []


def jobs(bot: Harness, name: str) -> list[object]:
    assert bot.app.job_queue is not None
    return list(bot.app.job_queue.get_jobs_by_name(name))


async def run_job(bot: Harness, name: str) -> None:
    assert bot.app.job_queue is not None
    (job,) = bot.app.job_queue.get_jobs_by_name(name)
    await job.run(bot.app)


# --------------------------------------------------------------------------- commands


async def test_tip_now_with_a_read_more_button(bot: Harness) -> None:
    call = only(await bot.say("/tip"))
    data, quiz_data = call.button_data()
    assert call.button_texts() == ["了解更多", "今日答题"]
    assert quiz_data == "qz"
    entry = data.split("|")[2]
    tip = next(t for t in bot.kb.tips if f"<blockquote>{t.excerpt}</blockquote>" in call.text)
    assert tip.entry == entry
    assert call.params["parse_mode"] == "HTML"
    more = only(await bot.feed(callback_update(data)))
    assert bot.kb.by_id[entry].passage in more.text


async def test_tip_is_the_same_all_day(bot: Harness) -> None:
    first = only(await bot.say("/tip")).text
    assert only(await bot.say("/tip")).text == first


async def test_subscribe_default_time_and_job(bot: Harness) -> None:
    call = only(await bot.say("/subscribe"))
    assert "订阅成功" in call.text
    assert "08:00" in call.text
    assert f"每天{zone_name(bot.state.zone)} 08:00 推送" in call.text
    subscription = bot.state.store.subscription(42)
    assert subscription is not None
    assert subscription.at == time(8, 0)
    (job,) = jobs(bot, job_name(42))
    assert job.next_t is not None  # type: ignore[attr-defined]
    local = job.next_t.astimezone(bot.state.zone)  # type: ignore[attr-defined]
    assert (local.hour, local.minute) == (8, 0)


@pytest.mark.parametrize(
    ("given", "shown"), [("7:05", "07:05"), ("21点", "21:00"), ("21:30", "21:30")]
)
async def test_subscribe_at_a_time(bot: Harness, given: str, shown: str) -> None:
    call = only(await bot.say(f"/subscribe {given}"))
    assert shown in call.text


async def test_bad_time_explains(bot: Harness) -> None:
    call = only(await bot.say("/subscribe 25:99"))
    assert "21:30" in call.text
    assert bot.state.store.subscription(42) is None
    assert jobs(bot, job_name(42)) == []


async def test_subscribing_again_moves_the_time_never_doubles(bot: Harness) -> None:
    await bot.say("/subscribe 7:00")
    call = only(await bot.say("/subscribe 21:30"))
    assert "改为" in call.text
    assert len(bot.state.store.subscriptions()) == 1
    await asyncio.sleep(0)  # let the scheduler drop the replaced job
    (job,) = [j for j in jobs(bot, job_name(42)) if not j.removed]  # type: ignore[attr-defined]
    local = job.next_t.astimezone(bot.state.zone)  # type: ignore[attr-defined]
    assert (local.hour, local.minute) == (21, 30)


async def test_mysub_and_unsubscribe(bot: Harness) -> None:
    assert only(await bot.say("/mysub")).text == NOT_SUBSCRIBED
    await bot.say("/subscribe 21:30")
    status = only(await bot.say("/subscription")).text
    assert "已订阅" in status
    assert "21:30" in status
    assert "下一条" in status
    assert "已取消订阅" in only(await bot.say("/unsubscribe")).text
    assert bot.state.store.subscription(42) is None
    assert [j for j in jobs(bot, job_name(42)) if not j.removed] == []  # type: ignore[attr-defined]
    assert "没有订阅" in only(await bot.say("/unsubscribe")).text


async def test_in_groups_only_admins_change_the_subscription(tmp_path: Path) -> None:
    api = RecordingRequest(member_status="member")
    async for bot in running_bot(tmp_path / "bot.sqlite3", api):
        calls = await bot.say("/subscribe", chat_id=GROUP, chat_type="supergroup")
        assert only(calls).text == ADMINS_ONLY
        assert only(calls, "getChatMember").params["chat_id"] == GROUP
        assert bot.state.store.subscription(GROUP) is None
        assert only(await bot.say("/unsubscribe", chat_id=GROUP, chat_type="group")).text == (
            ADMINS_ONLY
        )
        # anyone may look
        assert only(await bot.say("/mysub", chat_id=GROUP, chat_type="supergroup")).text == (
            NOT_SUBSCRIBED
        )
        api.member_status = "creator"
        call = only(await bot.say("/subscribe 20:00", chat_id=GROUP, chat_type="supergroup"))
        assert "订阅成功" in call.text
        assert bot.state.store.subscription(GROUP) is not None


async def test_anonymous_group_admin_may_subscribe(bot: Harness) -> None:
    sender = {"id": GROUP, "type": "supergroup", "title": "学习小组"}
    calls = await bot.say(
        "/subscribe", chat_id=GROUP, chat_type="supergroup", extra={"sender_chat": sender}
    )
    assert "订阅成功" in only(calls).text
    assert not [c for c in calls if c.method == "getChatMember"]


# --------------------------------------------------------------------------- delivery


async def test_delivery_sends_the_days_tip_once(bot: Harness) -> None:
    await bot.say("/subscribe 8:00")
    bot.api.clear()
    await run_job(bot, job_name(42))
    delivered = only(bot.api.calls)
    assert delivered.params["chat_id"] == 42
    assert delivered.button_texts() == ["了解更多", "今日答题"]
    bot.api.clear()
    await run_job(bot, job_name(42))  # the same day again: nothing more
    assert bot.api.calls == []
    # /tip after the delivery shows the same tip
    assert only(await bot.say("/tip")).text == delivered.text
    assert bot.state.store.tips_delivered() == 1


async def test_blocked_chat_is_unsubscribed(tmp_path: Path) -> None:
    api = RecordingRequest()
    async for bot in running_bot(tmp_path / "bot.sqlite3", api):
        await bot.say("/subscribe")
        api.forbidden_chats.add(42)
        await run_job(bot, job_name(42))
        assert bot.state.store.subscription(42) is None
        await asyncio.sleep(0)
        assert [j for j in jobs(bot, job_name(42)) if not j.removed] == []  # type: ignore[attr-defined]
        assert bot.errors == []


async def test_transient_failure_is_retried_later_the_same_day(tmp_path: Path) -> None:
    api = RecordingRequest()
    async for bot in running_bot(tmp_path / "bot.sqlite3", api):
        await bot.say("/subscribe")
        api.broken.add("sendMessage")
        await run_job(bot, job_name(42))
        assert bot.state.store.subscription(42) is not None
        (retry,) = jobs(bot, retry_name(42))
        assert retry.next_t is not None  # type: ignore[attr-defined]
        api.broken.clear()
        api.clear()
        await run_job(bot, retry_name(42))
        assert only(api.calls).params["chat_id"] == 42
        today = local_day(datetime.now(bot.state.zone), bot.state.zone)
        day = bot.state.store.tip_day(42, today)
        assert day is not None
        assert day.delivered


def test_jobs_tolerate_a_late_start() -> None:
    assert JOB_KWARGS["misfire_grace_time"] >= 3600


# --------------------------------------------------------------------------- restarts


async def test_subscription_survives_a_restart(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    zone = midday_zone()
    async for bot in running_bot(database, RecordingRequest(), zone):
        await bot.say("/subscribe 21:30")
    async for bot in running_bot(database, RecordingRequest(), zone):
        (job,) = jobs(bot, job_name(42))
        local = job.next_t.astimezone(zone)  # type: ignore[attr-defined]
        assert (local.hour, local.minute) == (21, 30)
        assert "21:30" in only(await bot.say("/mysub")).text


async def test_missed_tip_is_sent_once_on_the_same_day(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    zone = midday_zone()  # it is about noon there: 08:00 passed while "the bot was down"
    now = datetime.now(zone)
    async for bot in running_bot(database, RecordingRequest(), zone):
        bot.state.store.subscribe(42, "private", time(8, 0), now=now - timedelta(days=1))
    api = RecordingRequest()
    async for bot in running_bot(database, api, zone):
        assert jobs(bot, retry_name(42))
        api.clear()
        await run_job(bot, retry_name(42))
        assert only(api.calls).params["chat_id"] == 42
    api = RecordingRequest()
    async for bot in running_bot(database, api, zone):
        assert jobs(bot, retry_name(42)) == []  # restarted again: not sent twice


async def test_tip_chosen_after_todays_time_is_not_missed(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    zone = midday_zone()
    async for bot in running_bot(database, RecordingRequest(), zone):
        await bot.say("/subscribe 8:00")  # at about noon: the first tip is tomorrow's
    async for bot in running_bot(database, RecordingRequest(), zone):
        assert jobs(bot, retry_name(42)) == []
        assert len(jobs(bot, job_name(42))) == 1
