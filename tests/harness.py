"""The bot under test: the real Application from the factory, over the offline Bot API.

`running_bot` initialises and starts the Application (so its JobQueue runs) and runs post_init
exactly as `run_polling` would; updates go in through `process_update`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import ContextTypes

from bot.core.knowledge import KnowledgeBase
from bot.tgbot.app import BotApplication, build_application
from bot.tgbot.handlers import LOG_TASK
from bot.tgbot.settings import Settings
from bot.tgbot.state import STATE_KEY, BotState
from tests.botapi import TOKEN, Call, RecordingRequest, message_update

# The user id the admin fixtures and tests run the bot for.
ADMIN = 4242


@dataclass
class Harness:
    app: BotApplication
    api: RecordingRequest
    errors: list[BaseException | None]

    async def feed(self, data: dict[str, Any]) -> list[Call]:
        """Process one update; return the Bot API calls it caused."""
        self.api.clear()
        await self.app.process_update(Update.de_json(data, self.app.bot))
        # The question log is written in the background (the reply does not wait for it):
        # wait for it here so that tests see what was recorded.
        logging = [t for t in asyncio.all_tasks() if t.get_name() == LOG_TASK]
        await asyncio.gather(*logging)
        return list(self.api.calls)

    async def say(self, text: str | None, **kwargs: Any) -> list[Call]:
        return await self.feed(message_update(text, **kwargs))

    @property
    def state(self) -> BotState:
        state = self.app.bot_data[STATE_KEY]
        assert isinstance(state, BotState)
        return state

    @property
    def kb(self) -> KnowledgeBase:
        return self.state.kb


def midday_zone() -> ZoneInfo:
    """A fixed-offset zone where it is about noon right now: schedules in tests stay clear of
    midnight whenever they run."""
    offset = (12 - datetime.now(UTC).hour + 12) % 24 - 12  # -12 … +11
    return ZoneInfo(f"Etc/GMT{-offset:+d}")  # Etc/GMT-8 is UTC+8


async def running_bot(
    database: Path,
    api: RecordingRequest,
    zone: ZoneInfo | None = None,
    *,
    admins: frozenset[int] = frozenset(),
    knowledge: Path | None = None,
    log_days: int = 90,
) -> AsyncIterator[Harness]:
    """The bot, started; every error that reaches the error handlers is collected."""
    settings = Settings(
        token=TOKEN,
        database=database,
        timezone=zone or midday_zone(),
        admins=admins,
        knowledge=knowledge,
        log_days=log_days,
    )
    app = build_application(settings, request=api)
    errors: list[BaseException | None] = []

    async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error)

    app.add_error_handler(record)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    await app.start()
    try:
        yield Harness(app, api, errors)
    finally:
        await app.stop()
        assert app.post_shutdown is not None
        await app.post_shutdown(app)
        await app.shutdown()


def only(calls: list[Call], method: str = "sendMessage") -> Call:
    """The one call of `method` among `calls`."""
    matching = [c for c in calls if c.method == method]
    assert len(matching) == 1, [c.method for c in calls]
    return matching[0]
