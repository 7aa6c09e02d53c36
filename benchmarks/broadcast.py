"""Broadcast benchmark: N subscribers due the same minute, against a 30/s Bot API stand-in.

    python -m benchmarks.broadcast [--subscribers 5000]

Every delivery runs the bot's own code path (`bot.tgbot.scheduling.deliver`: choose the tip, send
it through PTB's AIORateLimiter, record it), all started at once as the job queue would at 08:00.
Reports the achieved send rate and how many 429 errors the stand-in returned.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from datetime import datetime
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from benchmarks.limited_botapi import LimitedBotApi
from bot.core.knowledge import load_knowledge
from bot.storage import Store
from bot.tgbot.scheduling import Outcome, deliver, rate_limiter

TOKEN = "123456:" + "B" * 35


async def broadcast(subscribers: int) -> dict[str, float]:
    api = LimitedBotApi(rate=30.0)
    base_url = await api.start()
    zone = ZoneInfo("Asia/Shanghai")
    kb = load_knowledge()
    try:
        with tempfile.TemporaryDirectory() as folder:
            store = Store.open(Path(folder) / "bench.sqlite3")
            for chat_id in range(1, subscribers + 1):
                store.subscribe(chat_id, "private", clock(8, 0))
            bot = ExtBot(
                TOKEN,
                base_url=base_url,
                request=HTTPXRequest(connection_pool_size=16, pool_timeout=60.0),
                rate_limiter=rate_limiter(),
            )
            now = datetime.now(zone)
            async with bot:
                started = time.perf_counter()
                outcomes = await asyncio.gather(
                    *(
                        deliver(bot, store, kb, chat, now, zone)
                        for chat in range(1, subscribers + 1)
                    )
                )
                elapsed = time.perf_counter() - started
            store.close()
    finally:
        await api.stop()
    return {
        "subscribers": subscribers,
        "sent": sum(o is Outcome.SENT for o in outcomes),
        "failed": sum(o is not Outcome.SENT for o in outcomes),
        "distinct_chats": len(set(api.sent_to)),
        "elapsed_s": elapsed,
        "rate_per_s": api.achieved_rate,
        "http_429": api.refused,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=5000)
    figures = asyncio.run(broadcast(parser.parse_args().subscribers))
    print(
        f"{int(figures['sent'])}/{int(figures['subscribers'])} tips sent "
        f"({int(figures['failed'])} failed) in {figures['elapsed_s']:.1f} s: "
        f"{figures['rate_per_s']:.1f} messages/s, {int(figures['http_429'])} × 429"
    )


if __name__ == "__main__":
    main()
