"""SIGTERM in the middle of a broadcast (a container stop with a 10 s grace): the bot stops
taking deliveries at once and exits within a few seconds; what it did not send is neither lost
nor sent twice, because the next start sends the rest."""

from __future__ import annotations

import asyncio
import signal
import time as clock
from pathlib import Path

from benchmarks.limited_botapi import LimitedBotApi
from bot.storage import Store
from tests.harness import midday_zone
from tests.test_replicas import _subscribe_all, _until, replicas

SUBSCRIBERS = 200  # at 28 a second a whole broadcast takes about 7 s


async def test_sigterm_mid_broadcast_exits_fast_and_the_rest_follow_at_next_start(
    tmp_path: Path, kb_copy: Path
) -> None:
    zone = midday_zone()
    database = str(tmp_path / "bot.sqlite3")
    Store.open(database).close()
    _subscribe_all(database, zone)
    api = LimitedBotApi()
    api_url = await api.start()
    try:
        async with replicas(tmp_path, database, api_url, zone, [kb_copy]) as (bot,):
            assert await _until(lambda: len(api.sent_to) >= 20, 30), bot.text()
            stopped_at = clock.monotonic()
            bot.process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(bot.process.wait(), timeout=15)
            took = clock.monotonic() - stopped_at
        sent_first = len(api.sent_to)
        assert took < 5, f"took {took:.1f} s to stop"
        assert sent_first < SUBSCRIBERS  # it really stopped in the middle
        async with replicas(tmp_path, database, api_url, zone, [kb_copy]) as (again,):
            assert await _until(lambda: len(set(api.sent_to)) >= SUBSCRIBERS, 60), again.text()
            await asyncio.sleep(2)
    finally:
        await api.stop()
    assert sorted(api.sent_to) == list(range(1, SUBSCRIBERS + 1))  # every tip, none twice
