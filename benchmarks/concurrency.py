"""Many people at once, and one flooding: the bot against a Bot API that takes 200 ms a call.

    python -m benchmarks.concurrency [--people 200] [--latency 0.2] [--flood 1000]

The Application is built by the bot's own factory (its concurrent update processor, rate
limiter and handlers) and fed through its update queue as the poller feeds it; the Bot API is
an in-process stand-in that answers every call after `--latency` seconds.  Reports answers a
second for `--people` different chats asking at once, and how long a second person waits for
an answer while one chat sends `--flood` messages.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import Update

from bot.tgbot.app import BotApplication, build_application
from bot.tgbot.settings import Settings
from tests.botapi import TOKEN, RecordingRequest, message_update


@dataclass
class SlowApi(RecordingRequest):
    """Every call answered after `latency` seconds, as a distant Bot API would."""

    latency: float = 0.2

    async def do_request(
        self, url: str, method: str, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        await asyncio.sleep(self.latency)
        return await super().do_request(url, method, *args, **kwargs)

    def answered(self, chat_id: int) -> int:
        return sum(
            1
            for c in self.calls
            if c.method == "sendMessage" and int(c.params.get("chat_id", 0)) == chat_id
        )


async def _until(condition: Any, limit: float = 120) -> float:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > limit:
            raise TimeoutError("the bot did not answer in time")
        await asyncio.sleep(0.01)
    return time.monotonic() - started


async def measure(people: int, latency: float, flood: int) -> dict[str, float]:
    api = SlowApi(latency=latency)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(token=TOKEN, database=Path(folder) / "bench.sqlite3")
        app: BotApplication = build_application(settings, request=api)
        await app.initialize()
        assert app.post_init is not None
        await app.post_init(app)
        await app.start()
        try:
            api.clear()
            for chat in range(1, people + 1):
                data = message_update("两张皮是什么意思", chat_id=chat)
                await app.update_queue.put(Update.de_json(data, app.bot))
            crowd = await _until(lambda: all(api.answered(c) for c in range(1, people + 1)))
            flooder, other = 10**6, 10**6 + 1
            for _ in range(flood):
                data = message_update("六个融合有哪些", chat_id=flooder)
                await app.update_queue.put(Update.de_json(data, app.bot))
            data = message_update("长期药方是什么", chat_id=other)
            await app.update_queue.put(Update.de_json(data, app.bot))
            second = await _until(lambda: api.answered(other) > 0)
        finally:
            await app.stop()
            assert app.post_shutdown is not None
            await app.post_shutdown(app)
            await app.shutdown()
    return {"answers_per_second": people / crowd, "second_user_wait_s": second}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--flood", type=int, default=1000)
    args = parser.parse_args()
    figures = asyncio.run(measure(args.people, args.latency, args.flood))
    print(
        f"{args.people} people at once, {args.latency * 1000:.0f} ms a Bot API call: "
        f"{figures['answers_per_second']:.1f} answers/s"
    )
    print(
        f"one chat sending {args.flood} messages: another person answered after "
        f"{figures['second_user_wait_s']:.2f} s"
    )


if __name__ == "__main__":
    main()
