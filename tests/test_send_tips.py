"""`python -m bot send-tips`: the due tips once, for external schedulers; and the broadcast path
through the rate limiter against a stand-in that enforces Telegram's 30 messages a second."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.broadcast import broadcast
from benchmarks.limited_botapi import LimitedBotApi
from bot.core.tips import local_day
from bot.storage import Store
from tests.botapi import TOKEN, start_bot
from tests.harness import midday_zone


def _database(path: Path, zone_info: ZoneInfo) -> None:
    store = Store.open(path)
    now = datetime.now(zone_info)
    yesterday = now - timedelta(days=1)
    store.subscribe(1, "private", time(8, 0), now=yesterday)  # due: 08:00 passed today
    store.subscribe(2, "private", time(23, 59), now=yesterday)  # not yet today
    store.subscribe(3, "group", time(8, 0), now=yesterday)  # already delivered today
    today = local_day(now, zone_info)
    store.choose_tip(3, today, "t001", 0)
    store.mark_delivered(3, today)
    store.close()


async def _run(*args: str, env: dict[str, str]) -> tuple[int, str, str]:
    process = await start_bot(
        *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    return process.returncode or 0, out.decode(), err.decode()


async def test_dry_run_lists_who_would_get_what_and_changes_nothing(tmp_path: Path) -> None:
    zone = midday_zone()
    database = tmp_path / "bot.sqlite3"
    _database(database, zone)
    code, out, err = await _run(
        "send-tips", "--dry-run", env={"OPINION_DB": str(database), "OPINION_TZ": str(zone)}
    )
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1
    chat, chat_type, at, tip = lines[0].split("\t")
    assert (chat, chat_type, at) == ("1", "private", "08:00")
    assert tip.startswith("t")
    assert "would send 1 tip" in err
    store = Store.open(database)
    assert store.tip_day(1, local_day(datetime.now(zone), zone)) is None
    store.close()


async def test_send_tips_sends_once_through_the_bot_api(tmp_path: Path) -> None:
    zone = midday_zone()
    database = tmp_path / "bot.sqlite3"
    _database(database, zone)
    api = LimitedBotApi()
    url = await api.start()
    env = {
        "OPINION_DB": str(database),
        "OPINION_TZ": str(zone),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": url,
    }
    try:
        code, out, err = await _run("send-tips", env=env)
        assert code == 0, err
        assert out.splitlines() == ["1\tprivate\t08:00\tsent"]
        assert api.sent_to == [1]
        code, out, _ = await _run("send-tips", env=env)
        assert out == ""
        assert api.sent_to == [1]
    finally:
        await api.stop()


async def test_send_tips_without_a_token_explains() -> None:
    code, _, err = await _run("send-tips", env={})
    assert code == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in err


async def test_broadcast_stays_under_the_limit() -> None:
    """45 tips due at once all go, each once. Sent unlimited, about a dozen meet a 429 and fail;
    a machine busy enough to bunch the limiter's requests may still earn one or two, which the
    limiter waits out and sends again (CI once did)."""
    figures = await broadcast(45)
    assert figures["sent"] == 45
    assert figures["distinct_chats"] == 45
    assert figures["http_429"] <= 3


async def test_the_stand_in_refuses_beyond_its_rate() -> None:
    api = LimitedBotApi(rate=5)
    await api.start()
    try:
        admitted = [api._admit(chat) is None for chat in range(10)]
        assert admitted[:5] == [True] * 5
        assert not any(admitted[5:])
        assert api._admit(0) is not None  # the same chat twice within a second
    finally:
        await api.stop()


async def test_dry_run_neither_creates_nor_migrates_a_database(tmp_path: Path) -> None:
    zone = midday_zone()
    missing = tmp_path / "none.sqlite3"
    code, _, err = await _run(
        "send-tips", "--dry-run", env={"OPINION_DB": str(missing), "OPINION_TZ": str(zone)}
    )
    assert code == 0, err
    assert not missing.exists()
    database = tmp_path / "bot.sqlite3"
    _database(database, zone)
    with sqlite3.connect(database) as older:  # as a previous release left it
        older.execute("DROP TABLE deliveries")
        older.execute("PRAGMA user_version = 2")
    older.close()
    before = database.read_bytes()
    code, _out, err = await _run(
        "send-tips", "--dry-run", env={"OPINION_DB": str(database), "OPINION_TZ": str(zone)}
    )
    assert code == 0, err
    assert database.read_bytes() == before
    with sqlite3.connect(database) as check:
        assert check.execute("PRAGMA user_version").fetchone() == (2,)
    check.close()
