"""A per-chat budget of questions, so that one flooding user or group cannot crowd the others
out of the bot's sending budget (Telegram allows about 30 messages a second in all, and 20 a
minute in one group)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import Enum

LIMIT = 20  # questions a chat may ask…
WINDOW = 60.0  # …in this many seconds
MAX_CHATS = 10_000  # chats remembered at once: idle ones are forgotten first


class Verdict(Enum):
    ANSWER = "answer"
    NOTICE = "notice"  # over the budget: say so once
    SILENT = "silent"  # over the budget and already told


@dataclass(slots=True)
class _Chat:
    asked: deque[float] = field(default_factory=deque)
    told: bool = False


@dataclass(slots=True)
class Throttle:
    """Sliding-window budget per chat; `now` is a monotonic clock reading in seconds."""

    limit: int = LIMIT
    window: float = WINDOW
    max_chats: int = MAX_CHATS
    _chats: dict[int, _Chat] = field(default_factory=dict)

    def check(self, chat_id: int, now: float) -> Verdict:
        chat = self._chats.pop(chat_id, None) or _Chat()
        self._chats[chat_id] = chat  # most recent last: the first ones are the idlest
        while chat.asked and chat.asked[0] <= now - self.window:
            chat.asked.popleft()
        if len(chat.asked) < self.limit:
            chat.asked.append(now)
            chat.told = False
            self._forget_idle()
            return Verdict.ANSWER
        if chat.told:
            return Verdict.SILENT
        chat.told = True
        return Verdict.NOTICE

    def _forget_idle(self) -> None:
        while len(self._chats) > self.max_chats:
            del self._chats[next(iter(self._chats))]
