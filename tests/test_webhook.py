"""Webhook mode, end to end: the real bot process serving a webhook on 127.0.0.1, registering
it with a Bot API stand-in, and refusing updates that lack the secret token."""

from __future__ import annotations

import asyncio
import json
import socket
import urllib.error
import urllib.request
from pathlib import Path

from benchmarks.limited_botapi import LimitedBotApi
from tests.botapi import TOKEN, message_update, start_bot

SECRET = "hook_secret-42"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _post(url: str, body: dict[str, object], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, json.dumps(body).encode(), headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError):
        return 0


async def _start(
    tmp_path: Path, base_url: str, hook: str, port: int
) -> asyncio.subprocess.Process:
    """`python -m bot run` in webhook mode, its stderr kept for the token check."""
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": base_url,
        "OPINION_DB": str(tmp_path / "bot.sqlite3"),
        "WEBHOOK_URL": hook,
        "WEBHOOK_SECRET": SECRET,
        "PORT": str(port),
    }
    return await start_bot("run", env=env)


async def test_webhook_checks_the_secret_and_answers(tmp_path: Path) -> None:
    api = LimitedBotApi()
    base_url = await api.start()
    port = _free_port()
    hook = f"http://127.0.0.1:{port}/hook"
    process = await _start(tmp_path, base_url, hook, port)
    try:
        update = message_update("两张皮是什么意思", chat_id=77)
        for _ in range(200):  # until the server listens
            status = await asyncio.to_thread(_post, hook, update, SECRET)
            if status:
                break
            await asyncio.sleep(0.05)
        assert status == 200
        for _ in range(100):
            if 77 in api.sent_to:
                break
            await asyncio.sleep(0.05)
        assert api.sent_to.count(77) == 1

        wrong = message_update("六个融合", chat_id=78)
        assert await asyncio.to_thread(_post, hook, wrong, "not-the-secret") == 403
        assert await asyncio.to_thread(_post, hook, wrong, None) == 403
        await asyncio.sleep(0.5)
        assert 78 not in api.sent_to
    finally:
        process.terminate()
        _, err = await asyncio.wait_for(process.communicate(), timeout=20)
        await api.stop()
    assert TOKEN not in err.decode()
    assert "caused an error" not in err.decode()


def _raw(port: int, head: str, body: bytes = b"", wait: float = 5) -> tuple[int, float]:
    """Send a raw request (a body may be cut short) and return the status and seconds taken."""
    import time

    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as conn:
        conn.sendall(head.encode() + b"\r\n\r\n" + body)
        try:
            answer = conn.recv(200)
        except TimeoutError:
            return 0, time.monotonic() - started
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return status, time.monotonic() - started


async def test_webhook_refuses_from_the_headers_and_answers_bad_json_with_400(
    tmp_path: Path,
) -> None:
    """A wrong secret or an oversized body is refused before the body is read (a 90 MB
    announced body gets its answer at once, with a few bytes sent); malformed JSON with the
    right secret gets 400, not 500; nothing of it reaches a chat."""
    api = LimitedBotApi()
    base_url = await api.start()
    port = _free_port()
    hook = f"http://127.0.0.1:{port}/hook"
    process = await _start(tmp_path, base_url, hook, port)
    try:
        for _ in range(200):  # until the server listens
            if await asyncio.to_thread(_post, hook, {"update_id": 1}, SECRET):
                break
            await asyncio.sleep(0.05)
        big = "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        status, took = await asyncio.to_thread(
            _raw, port, big + "Content-Length: 94371840", b"{" * 1000
        )
        assert status in (403, 413, 0)  # answered or closed…
        assert took < 3  # …never after reading 90 MB
        status, _ = await asyncio.to_thread(_raw, port, big + "Content-Length: 10", b"{" * 10)
        assert status == 403  # no secret
        with_secret = big + f"X-Telegram-Bot-Api-Secret-Token: {SECRET}\r\n"
        status, _ = await asyncio.to_thread(
            _raw, port, with_secret + "Content-Length: 94371840", b"{" * 1000
        )
        assert status in (413, 0)
        status, _ = await asyncio.to_thread(
            _raw, port, with_secret + "Content-Length: 9", b"not json!"
        )
        assert status == 400
        status, _ = await asyncio.to_thread(_raw, port, with_secret + "Content-Length: 2", b"[]")
        assert status == 400
    finally:
        process.terminate()
        _, err = await asyncio.wait_for(process.communicate(), timeout=20)
        await api.stop()
    assert api.sent_to == []
    assert "Traceback" not in err.decode()
