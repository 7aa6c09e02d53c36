"""An offline Bot API for handler tests: records every request and answers like Telegram.

The Application under test is the real one from `build_application`; only the HTTP transport
is replaced, so handlers, filters, the rate limiter and serialisation all run for real.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 777000
BOT_USERNAME = "OpinionTestBot"
TOKEN = "123456:" + "A" * 35


@dataclass
class Call:
    """One Bot API request: the method and its parameters as sent."""

    method: str
    params: dict[str, Any]

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def markup(self) -> dict[str, Any] | None:
        markup = self.params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        return markup if isinstance(markup, dict) else None

    def button_data(self) -> list[str]:
        rows = (self.markup or {}).get("inline_keyboard", [])
        return [b["callback_data"] for row in rows for b in row if "callback_data" in b]

    def button_texts(self) -> list[str]:
        rows = (self.markup or {}).get("inline_keyboard", [])
        return [button["text"] for row in rows for button in row]


@dataclass
class RecordingRequest(BaseRequest):
    """A BaseRequest that never touches the network."""

    calls: list[Call] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)  # methods answered with an error
    forbidden_chats: set[int] = field(default_factory=set)  # chats that blocked the bot
    broken: set[str] = field(default_factory=set)  # methods failing with a server error
    member_status: str = "member"  # what getChatMember says of the user
    files: dict[str, bytes] = field(default_factory=dict)  # file_path -> content, for getFile
    # (chat, message) -> its last keyboard: an identical edit is refused, as Telegram does
    markups: dict[tuple[int, int], str] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))

    def __post_init__(self) -> None:
        super().__init__()

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    def of(self, method: str) -> list[Call]:
        """The calls of one method, in order."""
        return [call for call in self.calls if call.method == method]

    def sent(self) -> list[Call]:
        """Every sendMessage and editMessageText call."""
        return [c for c in self.calls if c.method in ("sendMessage", "editMessageText")]

    def clear(self) -> None:
        self.calls.clear()

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
        name = url.rsplit("/", 1)[-1]
        if "/file/bot" in url:  # a file download
            self.calls.append(Call("download", {"file_path": name}))
            return 200, self.files[name]
        params: dict[str, Any] = dict(request_data.parameters) if request_data else {}
        self.calls.append(Call(name, params))
        if name in self.refuse:
            return 400, json.dumps(
                {"ok": False, "error_code": 400, "description": f"Bad Request: {name} refused"}
            ).encode()
        if name in self.broken:
            return 500, json.dumps(
                {"ok": False, "error_code": 500, "description": "Internal Server Error"}
            ).encode()
        if name == "editMessageReplyMarkup":
            key = (int(params["chat_id"]), int(params["message_id"]))
            if self.markups.get(key) == str(params.get("reply_markup")):
                return 400, json.dumps(
                    {
                        "ok": False,
                        "error_code": 400,
                        "description": "Bad Request: message is not modified",
                    }
                ).encode()
            self.markups[key] = str(params.get("reply_markup"))
        chat_id = params.get("chat_id")
        if chat_id is not None and int(chat_id) in self.forbidden_chats:
            return 403, json.dumps(
                {
                    "ok": False,
                    "error_code": 403,
                    "description": "Forbidden: bot was blocked by the user",
                }
            ).encode()
        return 200, json.dumps({"ok": True, "result": self._result(name, params)}).encode()

    def _result(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "意见问答助手",
                "username": BOT_USERNAME,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": True,
            }
        if name == "getFile":
            file_id = str(params["file_id"])
            return {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_size": len(self.files[file_id]),
                "file_path": file_id,
            }
        if name == "getChatMember":
            member: dict[str, Any] = {"status": self.member_status, "user": user()}
            if self.member_status == "creator":
                member["is_anonymous"] = False
            return member
        if name in ("sendMessage", "editMessageText"):
            chat_id = int(params.get("chat_id", 1))
            return {
                "message_id": int(params.get("message_id", next(self._ids))),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "意见问答助手"},
                "text": params.get("text", ""),
            }
        if name == "sendPoll":
            chat_id = int(params.get("chat_id", 1))
            number = next(self._ids)
            options = params.get("options", [])
            if isinstance(options, str):
                options = json.loads(options)
            return {
                "message_id": number,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "意见问答助手"},
                "poll": {
                    "id": f"poll-{number}",
                    "question": params.get("question", ""),
                    "options": [
                        {
                            "text": o["text"] if isinstance(o, dict) else str(o),
                            "voter_count": 0,
                            "persistent_id": str(index),
                        }
                        for index, o in enumerate(options)
                    ],
                    "total_voter_count": 0,
                    "is_closed": False,
                    "is_anonymous": bool(params.get("is_anonymous", True)),
                    "type": params.get("type", "regular"),
                    "allows_multiple_answers": bool(params.get("allows_multiple_answers")),
                    "allows_revoting": False,
                    "members_only": False,
                },
            }
        return True


_update_ids = itertools.count(1)


def _chat(chat_id: int, chat_type: str) -> dict[str, Any]:
    if chat_type == "private":
        return {"id": chat_id, "type": "private", "first_name": "张"}
    return {"id": chat_id, "type": chat_type, "title": "学习小组"}


def user(user_id: int = 42) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "张", "language_code": "zh-hans"}


def message(
    text: str | None = None,
    *,
    chat_id: int = 42,
    chat_type: str = "private",
    user_id: int = 42,
    entities: list[dict[str, Any]] | None = None,
    reply_to: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A Message as Telegram sends it; commands get their bot_command entity."""
    number = next(_update_ids)
    body: dict[str, Any] = {
        "message_id": number,
        "date": int(time.time()),
        "chat": _chat(chat_id, chat_type),
        "from": user(user_id),
    }
    if text is not None:
        body["text"] = text
        if text.startswith("/") and entities is None:
            command = text.split()[0]
            entities = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    if entities:
        body["entities"] = entities
    if reply_to is not None:
        body["reply_to_message"] = reply_to
    body.update(extra or {})
    return body


def update(kind: str = "message", **payload: Any) -> dict[str, Any]:
    """An Update of the given kind wrapping `payload` (a message, a callback, a query)."""
    return {"update_id": next(_update_ids), kind: payload["body"]}


def message_update(text: str | None = None, **kwargs: Any) -> dict[str, Any]:
    return update("message", body=message(text, **kwargs))


def callback_update(
    data: str,
    *,
    chat_id: int = 42,
    chat_type: str = "private",
    message_id: int | None = None,
    markup: dict[str, Any] | None = None,
) -> dict[str, Any]:
    bot_message: dict[str, Any] = {
        "message_id": message_id if message_id is not None else next(_update_ids),
        "date": int(time.time()),
        "chat": _chat(chat_id, chat_type),
        "from": {"id": BOT_ID, "is_bot": True, "first_name": "意见问答助手"},
        "text": "…",
    }
    if markup is not None:
        bot_message["reply_markup"] = markup
    return update(
        "callback_query",
        body={
            "id": str(next(_update_ids)),
            "from": user(),
            "chat_instance": "ci",
            "message": bot_message,
            "data": data,
        },
    )


def poll_answer_update(poll_id: str, option_ids: list[int], user_id: int = 42) -> dict[str, Any]:
    """A vote on a non-anonymous poll, as Telegram reports it."""
    return update(
        "poll_answer",
        body={
            "poll_id": poll_id,
            "user": user(user_id),
            "option_ids": option_ids,
            "option_persistent_ids": [str(i) for i in option_ids],
        },
    )


def inline_update(query: str) -> dict[str, Any]:
    return update(
        "inline_query",
        body={"id": str(next(_update_ids)), "from": user(), "query": query, "offset": ""},
    )


def bot_message(chat_id: int, chat_type: str = "supergroup") -> dict[str, Any]:
    """A message the bot sent earlier (to reply to)."""
    return {
        "message_id": next(_update_ids),
        "date": int(time.time()),
        "chat": _chat(chat_id, chat_type),
        "from": {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "意见问答助手",
            "username": BOT_USERNAME,
        },
        "text": "之前的回答",
    }


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without the bot's own settings, plus `extra`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "OPINION_")) and not k.lower().endswith("_proxy")
    }
    env.update(extra)
    return env


def run_bot(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` as a user runs it, without the bot's settings from this process."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=clean_env(**(env or {})),
        input=stdin,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


async def start_bot(
    *args: str,
    env: dict[str, str],
    stdout: int | IO[bytes] = asyncio.subprocess.DEVNULL,
    stderr: int | IO[bytes] = asyncio.subprocess.PIPE,
) -> asyncio.subprocess.Process:
    """`python -m bot ARGS` started in the background, like `run_bot` without waiting for it."""
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, env=clean_env(**env), stdout=stdout, stderr=stderr
    )


STICKER = {
    "file_id": "s",
    "file_unique_id": "u",
    "type": "regular",
    "width": 1,
    "height": 1,
    "is_animated": False,
    "is_video": False,
}
