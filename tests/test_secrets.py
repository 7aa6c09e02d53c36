"""The token is never in any output: not when the Bot API refuses it (401/404 from a mistyped
TELEGRAM_BASE_URL), not in a traceback, not from `run` nor from `send-tips`."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.storage import Store
from bot.tgbot.app import RedactToken
from tests.botapi import TOKEN, run_bot
from tests.harness import midday_zone

SECRET = TOKEN.partition(":")[2]


class Refusing(BaseHTTPRequestHandler):
    """A Bot API stand-in that refuses every token (as a wrong base URL does)."""

    status = 401

    def _answer(self) -> None:
        body = json.dumps(
            {"ok": False, "error_code": self.status, "description": "Unauthorized"}
        ).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self._answer()

    do_GET = do_POST

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture(params=[401, 404])
def refusing_api(request: pytest.FixtureRequest) -> Iterator[str]:
    handler = type("Handler", (Refusing,), {"status": request.param})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bot"
    finally:
        server.shutdown()
        server.server_close()


def test_run_with_a_refused_token_never_prints_it(refusing_api: str, tmp_path: Path) -> None:
    result = run_bot(
        "run",
        env={
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": refusing_api,
            "OPINION_DB": str(tmp_path / "bot.sqlite3"),
        },
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert output.strip()
    assert SECRET not in output


def test_send_tips_with_a_refused_token_never_prints_it(refusing_api: str, tmp_path: Path) -> None:
    zone = midday_zone()
    database = tmp_path / "bot.sqlite3"
    store = Store.open(database)
    store.subscribe(1, "private", time(8, 0), now=datetime.now(zone) - timedelta(days=1))
    store.close()
    result = run_bot(
        "send-tips",
        env={
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": refusing_api,
            "OPINION_DB": str(database),
            "OPINION_TZ": str(zone),
        },
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert SECRET not in output
    assert "Traceback" not in output


def test_the_filter_redacts_tracebacks_and_arguments() -> None:
    try:
        raise RuntimeError(f"GET https://api.telegram.org/bot{TOKEN}/getMe failed")
    except RuntimeError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "url %s", (f"/bot{TOKEN}/x",), None
        )
        import sys

        record.exc_info = sys.exc_info()
    RedactToken(TOKEN).filter(record)
    text = logging.Formatter().format(record)
    assert "<token>" in text
    assert SECRET not in text
