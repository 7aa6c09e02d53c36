"""A local Bot API stand-in that enforces Telegram's broadcast limits, for benchmarks and tests.

It answers getMe and sendMessage (and anything else with `true`) on 127.0.0.1, and refuses with
429 Too Many Requests, as Telegram does, any message beyond `rate` per second overall (a token
bucket holding `rate` tokens) or beyond one per second to the same chat.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs


@dataclass
class LimitedBotApi:
    """Counts what it accepted and what it refused."""

    rate: float = 30.0
    accepted: int = 0
    refused: int = 0
    sent_to: list[int] = field(default_factory=list)
    first: float | None = None
    last: float | None = None
    _tokens: float = 0.0
    _refilled: float = 0.0
    _last_per_chat: dict[int, float] = field(default_factory=dict)
    _server: asyncio.Server | None = None

    async def start(self) -> str:
        """Listen on a free port of 127.0.0.1; returns the base URL for the bot."""
        self._tokens, self._refilled = self.rate, time.monotonic()
        self._server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/bot"

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    @property
    def achieved_rate(self) -> float:
        if self.first is None or self.last is None or self.last <= self.first:
            return 0.0
        return (self.accepted - 1) / (self.last - self.first)

    def _admit(self, chat_id: int) -> float | None:
        """None if the message may go now, else the seconds to wait."""
        now = time.monotonic()
        self._tokens = min(self.rate, self._tokens + (now - self._refilled) * self.rate)
        self._refilled = now
        previous = self._last_per_chat.get(chat_id)
        if previous is not None and now - previous < 1.0:
            return 1.0
        if self._tokens < 1.0:
            return 1.0
        self._tokens -= 1.0
        self._last_per_chat[chat_id] = now
        return None

    def _answer(self, method: str, params: dict[str, str]) -> tuple[int, dict[str, object]]:
        if method == "getMe":
            bot = {"id": 1, "is_bot": True, "first_name": "bench", "username": "BenchBot"}
            return 200, {"ok": True, "result": bot}
        if method != "sendMessage":
            return 200, {"ok": True, "result": True}
        chat_id = int(params.get("chat_id", "0"))
        wait = self._admit(chat_id)
        if wait is not None:
            self.refused += 1
            return 429, {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {int(wait)}",
                "parameters": {"retry_after": int(wait)},
            }
        self.accepted += 1
        now = time.monotonic()
        self.first = self.first if self.first is not None else now
        self.last = now
        self.sent_to.append(chat_id)
        message = {
            "message_id": self.accepted,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "text": params.get("text", ""),
        }
        return 200, {"ok": True, "result": message}

    async def _connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                headers = {
                    k.strip().lower(): v.strip()
                    for k, _, v in (line.partition(":") for line in lines[1:] if line)
                }
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                if headers.get("content-type", "").startswith("application/json"):
                    params = {k: str(v) for k, v in json.loads(body or b"{}").items()}
                else:
                    params = {k: v[0] for k, v in parse_qs(body.decode()).items()}
                status, payload = self._answer(path.rsplit("/", 1)[-1], params)
                data = json.dumps(payload).encode()
                writer.write(
                    f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(data)}\r\n\r\n".encode()
                    + data
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionResetError):
            pass
        finally:
            writer.close()
