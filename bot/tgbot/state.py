"""What the Telegram handlers share, kept in `context.bot_data` by `post_init`."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from telegram.ext import ContextTypes

from bot.core.answering import Answerer
from bot.core.knowledge import KnowledgeBase
from bot.core.throttle import Throttle
from bot.storage import Storage

STATE_KEY = "state"
IN_FLIGHT = 8  # tips being sent at once (the rate limiter paces them to Telegram)


@dataclass(slots=True)
class BotState:
    """What the handlers share: the current answerer (swapped on reload), the store, settings."""

    answerer: Answerer
    store: Storage
    zone: tzinfo = UTC
    admins: frozenset[int] = frozenset()
    knowledge: Path | None = None  # where reloads read from (None: the bundled knowledge/)
    loaded_at: datetime | None = None
    # Tips claimed and not yet confirmed sent: few, so that a replica killed mid-broadcast
    # leaves at most this many deliveries unknown (the rest are finished by the next leader).
    sending: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(IN_FLIGHT))
    # Questions per chat and minute: a flooding chat gets one notice, then silence.
    throttle: Throttle = field(default_factory=Throttle)

    @property
    def kb(self) -> KnowledgeBase:
        return self.answerer.kb


def state_of(context: ContextTypes.DEFAULT_TYPE) -> BotState:
    """The shared state; post_init puts it there before any update is handled."""
    state = context.bot_data.get(STATE_KEY)
    if not isinstance(state, BotState):
        raise RuntimeError("the bot state is missing: post_init has not run")
    return state
