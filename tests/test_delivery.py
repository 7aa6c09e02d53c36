"""Tip delivery under faults: claimed before sending, never twice, subscriptions kept.

What is kept: every subscription (a proxy's 403 page unsubscribes nobody, a group that became
a supergroup keeps its tips), and no tip is ever sent twice (two deliverers at once, a timeout
whose outcome is unknown); only a send that certainly failed is retried.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData

from bot.storage import Store
from bot.tgbot.scheduling import Outcome, deliver, rate_limiter
from tests.botapi import RecordingRequest
from tests.harness import Harness, running_bot

CHAT = 777


@dataclass
class FaultyApi(RecordingRequest):
    """The recording stand-in, answering sendMessage with one chosen fault at a time."""

    fault: str = ""
    delay: float = 0.0
    refused: int = 0
    floods: int = 0  # how many sendMessage calls to answer 429 before the fault applies

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if url.endswith("/sendMessage"):
            await asyncio.sleep(self.delay)
            if self.floods:
                self.floods -= 1
                self.refused += 1
                return 429, json.dumps(
                    {
                        "ok": False,
                        "error_code": 429,
                        "description": "Too Many Requests: retry after 1",
                        "parameters": {"retry_after": 1},
                    }
                ).encode()
            fault = self.fault
            if fault == "timeout":
                self.calls.append(_call(request_data))
                raise TimedOut
            if fault == "refused":
                raise NetworkError("httpx.ConnectError") from httpx.ConnectError("refused")
            if fault == "html403":
                self.calls.append(_call(request_data))
                return 403, b"<html><body>403 Forbidden: blocked by policy</body></html>"
            if fault == "5xx":
                self.calls.append(_call(request_data))
                return 503, b"<html>Service Unavailable</html>"
            if fault == "migrated":
                self.calls.append(_call(request_data))
                return 400, json.dumps(
                    {
                        "ok": False,
                        "error_code": 400,
                        "description": "Bad Request: group chat was upgraded to a supergroup chat",
                        "parameters": {"migrate_to_chat_id": -1009999},
                    }
                ).encode()
        return await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )


def _call(request_data: RequestData | None) -> Any:
    from tests.botapi import Call

    return Call("sendMessage", dict(request_data.parameters) if request_data else {})


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    api = FaultyApi()
    async for harness in running_bot(tmp_path / "bot.sqlite3", api):
        harness.state.store.subscribe(CHAT, "group", time(8, 0))
        yield harness


def _api(bot: Harness) -> FaultyApi:
    assert isinstance(bot.api, FaultyApi)
    return bot.api


async def _deliver(bot: Harness) -> Outcome:
    zone = bot.state.zone
    return await deliver(
        bot.app.bot, bot.state.store, bot.state.kb, CHAT, datetime.now(zone), zone
    )


def _sends(bot: Harness) -> int:
    return len(bot.api.of("sendMessage"))


async def test_two_deliverers_at_once_send_once(bot: Harness) -> None:
    _api(bot).delay = 0.05
    outcomes = await asyncio.gather(*(_deliver(bot) for _ in range(5)))
    assert sorted(outcomes) == sorted([Outcome.SENT] + [Outcome.ALREADY] * 4)
    assert _sends(bot) == 1


async def test_a_timeout_is_never_resent(bot: Harness) -> None:
    _api(bot).fault = "timeout"
    assert await _deliver(bot) is Outcome.UNKNOWN
    _api(bot).fault = ""
    assert await _deliver(bot) is Outcome.ALREADY
    assert _sends(bot) == 1


@pytest.mark.parametrize("fault", ["refused", "5xx"])
async def test_a_certain_failure_is_retried_once(bot: Harness, fault: str) -> None:
    _api(bot).fault = fault
    assert await _deliver(bot) is Outcome.FAILED
    _api(bot).fault = ""
    assert await _deliver(bot) is Outcome.SENT
    assert await _deliver(bot) is Outcome.ALREADY
    assert bot.state.store.subscription(CHAT) is not None


async def test_a_429_is_waited_out_and_sent_once(bot: Harness) -> None:
    """Telegram's flood answer: the rate limiter waits the second it asks for and sends again."""
    _api(bot).floods = 2
    assert await _deliver(bot) is Outcome.SENT
    assert (_api(bot).refused, _sends(bot)) == (2, 1)
    assert await _deliver(bot) is Outcome.ALREADY


async def test_a_429_past_the_retries_gives_the_claim_back(bot: Harness) -> None:
    """Refused on every try (the limiter's three retries too): certainly not sent, so the tip
    goes out on the retry ten minutes later, once."""
    _api(bot).floods = 4
    assert await _deliver(bot) is Outcome.FAILED
    assert (_api(bot).refused, _sends(bot)) == (4, 0)
    assert await _deliver(bot) is Outcome.SENT
    assert _sends(bot) == 1
    assert bot.state.store.subscription(CHAT) is not None


def test_the_limiter_opts_in_to_timedelta_unless_the_environment_chose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PTB_TIMEDELTA=1 when nothing set it; an operator's own setting is left as it is."""
    monkeypatch.delenv("PTB_TIMEDELTA", raising=False)
    rate_limiter()
    assert os.environ["PTB_TIMEDELTA"] == "1"
    monkeypatch.setenv("PTB_TIMEDELTA", "0")
    rate_limiter()
    assert os.environ["PTB_TIMEDELTA"] == "0"


async def test_an_html_403_from_a_proxy_unsubscribes_nobody(bot: Harness) -> None:
    _api(bot).fault = "html403"
    assert await _deliver(bot) is Outcome.FAILED
    assert bot.state.store.subscription(CHAT) is not None


async def test_a_blocked_chat_is_unsubscribed(bot: Harness) -> None:
    bot.api.forbidden_chats.add(CHAT)
    assert await _deliver(bot) is Outcome.GONE
    assert bot.state.store.subscription(CHAT) is None


async def test_a_migrated_group_keeps_its_subscription(bot: Harness) -> None:
    _api(bot).fault = "migrated"
    assert await _deliver(bot) is Outcome.MOVED
    assert bot.state.store.subscription(CHAT) is None
    moved = bot.state.store.subscription(-1009999)
    assert moved is not None
    assert moved.at == time(8, 0)


def test_claims_across_connections_are_won_once(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    Store.open(path).close()
    stores = [Store.open(path) for _ in range(8)]
    day = date.today()
    wins: list[bool] = []
    barrier = threading.Barrier(len(stores))

    def claim(store: Store) -> None:
        barrier.wait()
        wins.append(store.claim_delivery(1, day))

    threads = [threading.Thread(target=claim, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wins.count(True) == 1
    store = stores[0]
    store.release_delivery(1, day)  # certainly failed: may be taken again
    assert store.claim_delivery(1, day + timedelta(days=0))
    store.finish_delivery(1, day)
    store.release_delivery(1, day)  # a sent delivery is never given back
    assert not store.claim_delivery(1, day)
    for s in stores:
        s.close()
