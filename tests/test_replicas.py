"""Two real bot processes on one PostgreSQL, in webhook mode, against one Bot API stand-in:
each tip goes out once, a killed leader's broadcast is finished by the other, and a reload on
one replica reaches the other."""

from __future__ import annotations

import asyncio
import os
import signal
import time as clock
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from telegram.error import BadRequest, NetworkError, TimedOut

from benchmarks.limited_botapi import LimitedBotApi
from bot.core.tips import local_day
from bot.storage import open_store
from bot.tgbot.replicas import LEADER_EVERY
from bot.tgbot.scheduling import certainly_failed, job_name, retry_name
from bot.tgbot.state import IN_FLIGHT
from tests.botapi import TOKEN, Call, RecordingRequest, message_update, start_bot
from tests.harness import midday_zone, running_bot
from tests.test_admin import edit_yaml, entry
from tests.test_webhook import SECRET, _free_port, _post

SUBSCRIBERS = 200
LEADS = "now sends the tips"


class RecordingApi(LimitedBotApi):
    """The rate-limited stand-in, also keeping each message's text by chat."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: dict[int, list[str]] = {}

    def _answer(self, method: str, params: dict[str, str]) -> tuple[int, dict[str, object]]:
        status, payload = super()._answer(method, params)
        if method == "sendMessage" and status == 200:
            chat = int(params.get("chat_id", "0"))
            self.texts.setdefault(chat, []).append(params.get("text", ""))
        return status, payload


@dataclass
class Replica:
    process: asyncio.subprocess.Process
    hook: str
    log: Path

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _subscribe_all(url: str, zone: ZoneInfo) -> None:
    store = open_store(url)
    yesterday = datetime.now(zone) - timedelta(days=1)
    for chat in range(1, SUBSCRIBERS + 1):  # all due at 08:00, long passed today at noon
        store.subscribe(chat, "private", time(8, 0), now=yesterday)
    store.close()


@asynccontextmanager
async def replicas(
    tmp_path: Path, url: str, api_url: str, zone: ZoneInfo, knowledge: list[Path]
) -> AsyncIterator[list[Replica]]:
    started: list[Replica] = []
    try:
        for number, folder in enumerate(knowledge):
            port = _free_port()
            log = tmp_path / f"replica{number}.log"
            env = {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_BASE_URL": api_url,
                "OPINION_DB": url,
                "OPINION_TZ": str(zone),
                "OPINION_KB": str(folder),
                "OPINION_ADMINS": "42",
                "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
                "WEBHOOK_SECRET": SECRET,
                "PORT": str(port),
            }
            with log.open("wb") as sink:
                process = await start_bot("run", env=env, stdout=sink, stderr=sink)
            started.append(Replica(process, f"http://127.0.0.1:{port}/hook", log))
        yield started
    finally:
        for replica in started:
            if replica.process.returncode is None:
                replica.process.terminate()
                try:
                    await asyncio.wait_for(replica.process.wait(), timeout=20)
                except TimeoutError:
                    replica.process.kill()


async def _until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = clock.monotonic() + seconds
    while clock.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.1)
    return condition()


def _states(url: str, zone: ZoneInfo) -> dict[int, str | None]:
    store = open_store(url)
    today = local_day(datetime.now(zone), zone)
    try:
        return {c: store.delivery_state(c, today) for c in range(1, SUBSCRIBERS + 1)}
    finally:
        store.close()


async def test_two_replicas_send_each_tip_once(tmp_path: Path, pg_url: str, kb_copy: Path) -> None:
    zone = midday_zone()
    _subscribe_all(pg_url, zone)
    api = RecordingApi()
    api_url = await api.start()
    try:
        async with replicas(tmp_path, pg_url, api_url, zone, [kb_copy, kb_copy]) as both:
            assert await _until(lambda: len(set(api.sent_to)) >= SUBSCRIBERS, 60), both[0].text()
            await asyncio.sleep(LEADER_EVERY.total_seconds() + 2)  # one more sweep each
            leaders = [r for r in both if LEADS in r.text()]
    finally:
        await api.stop()
    assert sorted(api.sent_to) == list(range(1, SUBSCRIBERS + 1))  # 200 tips, none twice
    assert len(leaders) == 1  # one replica broadcast: the 30/s budget is shared
    states = await asyncio.to_thread(_states, pg_url, zone)
    assert set(states.values()) == {"sent"}


async def test_a_killed_leader_is_taken_over_without_repeats(
    tmp_path: Path, pg_url: str, kb_copy: Path
) -> None:
    zone = midday_zone()
    _subscribe_all(pg_url, zone)
    api = RecordingApi()
    api_url = await api.start()
    try:
        async with replicas(tmp_path, pg_url, api_url, zone, [kb_copy, kb_copy]) as both:
            # The catch-up deliveries of start-up check the lead themselves and may send before
            # the leader job has logged that it leads: wait for both.
            def leading() -> bool:
                return api.accepted >= 40 and any(LEADS in r.text() for r in both)

            assert await _until(leading, 60), both[0].text()
            leader = next(r for r in both if LEADS in r.text())
            standby = next(r for r in both if r is not leader)
            os.kill(leader.process.pid, signal.SIGKILL)  # mid-broadcast, no goodbye
            killed_at = len(api.sent_to)
            assert killed_at < SUBSCRIBERS
            await leader.process.wait()

            def finished() -> bool:
                states = _states(pg_url, zone)
                return all(state is not None for state in states.values())

            # The standby takes the lead within a minute and sends what was left.
            assert await _until(finished, 60 + 10), standby.text()
            await asyncio.sleep(2)
            assert LEADS in standby.text()
    finally:
        await api.stop()
    assert len(api.sent_to) == len(set(api.sent_to))  # none twice
    assert len(api.sent_to) > killed_at  # the standby went on
    states = await asyncio.to_thread(_states, pg_url, zone)
    # Only the tips in flight at the kill can be unknown (claimed, never confirmed): never
    # resent, since they may have gone.  Every other subscriber got exactly one.
    unknown = [chat for chat, state in states.items() if state == "claimed"]
    assert len(unknown) <= IN_FLIGHT
    received = set(api.sent_to)
    assert received | set(unknown) == set(range(1, SUBSCRIBERS + 1))


async def test_a_reload_on_one_replica_reaches_the_other(
    tmp_path: Path, pg_url: str, kb_copy: Path
) -> None:
    api = RecordingApi()
    api_url = await api.start()
    zone = midday_zone()
    try:
        async with replicas(tmp_path, pg_url, api_url, zone, [kb_copy, kb_copy]) as (one, two):

            async def ask(replica: Replica, chat: int, text: str) -> str:
                update = message_update(text, chat_id=chat, user_id=chat)
                for _ in range(300):
                    if await asyncio.to_thread(_post, replica.hook, update, SECRET) == 200:
                        break
                    await asyncio.sleep(0.1)
                assert await _until(lambda: chat in api.texts, 10), replica.text()
                return api.texts.pop(chat)[-1]

            assert "新的一行摘要" not in await ask(two, 501, "两张皮是什么意思")
            edit_yaml(
                kb_copy / "opinion.yaml",
                lambda d: entry(d, "two_skins").update(summary="新的一行摘要。"),
            )
            report = await ask(one, 42, "/reload")  # the admin, on the first replica
            assert "知识库已重新加载" in report
            changed = await _until(lambda: "reloaded from another replica" in two.text(), 5)
            assert changed, two.text()
            assert "新的一行摘要" in await ask(two, 502, "两张皮是什么意思")
    finally:
        await api.stop()


async def test_a_replica_with_other_files_keeps_its_knowledge_and_says_why(
    tmp_path: Path, pg_url: str, kb_copy: Path
) -> None:
    api = RecordingApi()
    api_url = await api.start()
    zone = midday_zone()
    own = tmp_path / "own-knowledge"
    own.mkdir()
    for path in kb_copy.rglob("*"):
        if path.is_file():
            target = own / path.relative_to(kb_copy)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    try:
        async with replicas(tmp_path, pg_url, api_url, zone, [kb_copy, own]) as (one, two):
            assert await _until(lambda: "knowledge base" in two.text(), 30)
            await asyncio.sleep(3)  # both started and published the same version
            edit_yaml(
                kb_copy / "opinion.yaml",
                lambda d: entry(d, "two_skins").update(summary="新的一行摘要。"),
            )
            update = message_update("/reload", chat_id=42)
            for _ in range(300):
                if await asyncio.to_thread(_post, one.hook, update, SECRET) == 200:
                    break
                await asyncio.sleep(0.1)
            said = await _until(lambda: "still serving" in two.text(), 10)
            assert said, two.text()
            assert "is the knowledge folder shared" in two.text()
    finally:
        await api.stop()


@dataclass
class TimingOut(RecordingRequest):
    """Telegram may have taken the message, but the answer never came."""

    timing_out: bool = True

    async def do_request(
        self, url: str, method: str, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        if self.timing_out and url.endswith("/sendMessage"):
            self.calls.append(Call("sendMessage", {}))
            raise TimedOut("no answer")
        return await super().do_request(url, method, *args, **kwargs)


async def test_a_tip_whose_send_timed_out_is_never_sent_again(tmp_path: Path) -> None:
    api = TimingOut()
    async for bot in running_bot(tmp_path / "bot.sqlite3", api):
        await bot.say("/subscribe")
        api.clear()
        assert bot.app.job_queue is not None
        (job,) = bot.app.job_queue.get_jobs_by_name(job_name(42))
        await job.run(bot.app)
        assert len(api.of("sendMessage")) == 1
        today = local_day(datetime.now(bot.state.zone), bot.state.zone)
        assert bot.state.store.delivery_state(42, today) == "claimed"  # kept: outcome unknown
        api.timing_out = False
        assert not bot.app.job_queue.get_jobs_by_name(retry_name(42))  # no retry is planned
        await job.run(bot.app)  # and a second run of the day's job finds the claim taken
        assert len(api.of("sendMessage")) == 1  # not sent a second time


def test_only_a_certain_failure_gives_the_claim_back() -> None:
    assert not certainly_failed(TimedOut())
    assert not certainly_failed(NetworkError("httpx.ReadError: connection reset"))
    assert certainly_failed(NetworkError("httpx.ConnectError: connection refused"))
    assert certainly_failed(NetworkError("Bad Gateway"))
    assert certainly_failed(BadRequest("Bad Request: chat not found"))
