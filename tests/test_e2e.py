"""End to end: the real bot process, polling a Bot API emulator on 127.0.0.1.

The emulator is the npm package telegram-test-api (installed into tests/e2e on first use).  It
departs from the Bot API in a few places, so a small proxy between it and the bot adapts its
answers (the bot itself is not changed): getMe gains `is_bot`, the bot's own message dates come
back in seconds rather than milliseconds, and callback queries gain their `chat_instance`.
Users are played through the emulator's client API, as a person would: messages, commands,
button presses and group messages.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.botapi import TOKEN, clean_env

E2E = Path(__file__).resolve().parent / "e2e"
WAIT = 20.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _post(url: str, payload: dict[str, Any]) -> Any:
    request = urllib.request.Request(
        url, json.dumps(payload).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def _ensure_emulator_installed() -> None:
    if (E2E / "node_modules" / "telegram-test-api").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        if os.environ.get("CI"):
            pytest.fail("npm is needed for the end-to-end test and is not installed")
        pytest.skip("npm is not installed: the Bot API emulator cannot be installed")
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"],
        cwd=E2E,
        check=True,
        capture_output=True,
        timeout=300,
    )


class _Adapter(BaseHTTPRequestHandler):
    """Forwards Bot API calls to the emulator and mends its departures from the Bot API."""

    upstream = ""

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        self._forward(None)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._forward(self.rfile.read(length))

    def _forward(self, body: bytes | None) -> None:
        path = self.path
        if path.rsplit("/", 1)[-1].split("?")[0] == "sendPoll":
            # The emulator has no polls: store the poll as a bot message, mended below.
            path = path.replace("/sendPoll", "/sendMessage")
        request = urllib.request.Request(self.upstream + path, data=body, method=self.command)
        if self.headers.get("Content-Type"):
            request.add_header("Content-Type", self.headers["Content-Type"])
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        method = self.path.rsplit("/", 1)[-1].split("?")[0]
        if status == 200:
            payload = json.dumps(self._mend(method, json.loads(payload))).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the bot was stopped while polling

    @staticmethod
    def _mend(method: str, data: dict[str, Any]) -> dict[str, Any]:
        result = data.get("result")
        if method == "getMe" and isinstance(result, dict):
            result.setdefault("is_bot", True)
        if method in ("sendMessage", "editMessageText") and isinstance(result, dict):
            if result.get("date", 0) > 10**11:  # milliseconds
                result["date"] //= 1000
            # The emulator echoes the request's form fields, JSON-encoded objects as strings.
            for key, value in list(result.items()):
                if isinstance(value, str) and value[:1] in "{[":
                    result[key] = json.loads(value)
        if method == "sendPoll" and isinstance(result, dict):
            if result.get("date", 0) > 10**11:
                result["date"] //= 1000
            options = result.pop("options", "[]")
            options = json.loads(options) if isinstance(options, str) else options
            result["poll"] = {
                "id": f"e2e-{result['message_id']}",
                "question": result.pop("question", ""),
                "options": [
                    {"text": o["text"], "voter_count": 0, "persistent_id": str(i)}
                    for i, o in enumerate(options)
                ],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": False,
                "type": "quiz",
                "allows_multiple_answers": False,
                "allows_revoting": False,
                "members_only": False,
            }
            for key in list(result):
                if key not in ("message_id", "date", "chat", "from", "poll"):
                    result.pop(key)
        if method == "getUpdates" and isinstance(result, list):
            for update in result:
                query = update.get("callback_query")
                if query is not None:
                    query.setdefault("chat_instance", "e2e")
        return data


@dataclass
class Emulator:
    url: str

    def user(self, chat_id: int, chat_type: str = "private", user_id: int = 1) -> dict[str, Any]:
        return {
            "from": {"id": user_id, "is_bot": False, "first_name": "张", "username": "zhang"},
            "chat": {"id": chat_id, "type": chat_type, "title": "学习小组", "first_name": "张"},
        }

    def send(self, text: str, chat_id: int = 1, chat_type: str = "private") -> None:
        message: dict[str, Any] = {
            **self.user(chat_id, chat_type),
            "botToken": TOKEN,
            "date": int(time.time()),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
            _post(f"{self.url}/sendCommand", message)
        else:
            _post(f"{self.url}/sendMessage", message)

    def press(self, bot_message: dict[str, Any], data: str, chat_id: int = 1) -> None:
        shown = {
            "message_id": bot_message["message_id"],
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "张"},
            "text": bot_message.get("text", ""),
        }
        _post(
            f"{self.url}/sendCallback",
            {**self.user(chat_id), "botToken": TOKEN, "message": shown, "data": data},
        )

    def vote(self, poll_id: str, option_ids: list[int], user_id: int = 1) -> None:
        """A user's vote in a non-anonymous poll (a poll_answer update)."""
        voter = self.user(user_id)["from"]
        _post(
            f"{self.url}/sendPollAnswer",
            {
                "botToken": TOKEN,
                "poll_id": poll_id,
                "user": voter,
                "option_ids": option_ids,
                "option_persistent_ids": [str(i) for i in option_ids],
            },
        )

    def replies(self, chat_id: int) -> list[dict[str, Any]]:
        """Every bot message to this chat so far, oldest first."""
        history = _post(f"{self.url}/getUpdatesHistory", {"token": TOKEN})["result"]
        found = []
        for item in history:
            message = item.get("message", {})
            if "chat_id" in message and str(message["chat_id"]) == str(chat_id):
                found.append({**message, "message_id": item["messageId"]})
        return found

    def wait_for(self, chat_id: int, count: int) -> list[dict[str, Any]]:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            found = self.replies(chat_id)
            if len(found) >= count:
                return found
            time.sleep(0.1)
        raise AssertionError(
            f"chat {chat_id}: wanted {count} replies, got {self.replies(chat_id)}"
        )


def buttons(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


@pytest.fixture(scope="module")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    """The emulator, the adapting proxy and the real bot process, all on 127.0.0.1."""
    _ensure_emulator_installed()
    node = shutil.which("node")
    assert node is not None
    port = _free_port()
    emulator_process = subprocess.Popen(
        [node, "emulator.js", str(port)], cwd=E2E, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert emulator_process.stdout is not None
    assert emulator_process.stdout.readline().strip() == b"ready"
    upstream = f"http://127.0.0.1:{port}"

    adapter = type("Adapter", (_Adapter,), {"upstream": upstream})
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), adapter)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    proxy_url = f"http://127.0.0.1:{proxy.server_address[1]}/bot"

    data = tmp_path_factory.mktemp("e2e")
    env = clean_env()
    env |= {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": proxy_url,
        "OPINION_DB": str(data / "bot.sqlite3"),
    }
    log = (data / "bot.log").open("w")
    bot_process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        yield Emulator(upstream)
    finally:
        bot_process.terminate()
        bot_process.wait(timeout=20)
        proxy.shutdown()
        proxy.server_close()
        assert emulator_process.stdin is not None
        emulator_process.stdin.close()
        emulator_process.wait(timeout=20)
        emulator_process.stdout.close()
        log.close()
        text = (data / "bot.log").read_text(encoding="utf-8")
        assert TOKEN not in text
        assert "caused an error" not in text, text


def test_private_question_answered_with_passage_and_buttons(emulator: Emulator) -> None:
    emulator.send("两张披是什么意思", chat_id=11)
    (reply,) = emulator.wait_for(11, 1)
    assert "长期制约着机关党的建设质量提升" in reply["text"]
    assert "<blockquote>" in reply["text"]
    assert reply["parse_mode"] == "HTML"
    assert buttons(reply)[0] == "a|s|six_disconnects"


def test_pressing_a_related_question_sends_its_answer(emulator: Emulator) -> None:
    emulator.send("两张皮", chat_id=12)
    (first,) = emulator.wait_for(12, 1)
    emulator.press(first, buttons(first)[0], chat_id=12)
    replies = emulator.wait_for(12, 2)
    assert "党建考核和奖惩脱节" in replies[1]["text"]


def test_start_and_unknown(emulator: Emulator) -> None:
    emulator.send("/start", chat_id=13)
    (welcome,) = emulator.wait_for(13, 1)
    assert "/topics" in welcome["text"]
    emulator.send("入党申请书怎么写", chat_id=13)
    replies = emulator.wait_for(13, 2)
    assert "没有涉及" in replies[1]["text"]
    assert buttons(replies[1]) == ["tl|0"]


def test_group_answers_only_when_addressed(emulator: Emulator) -> None:
    emulator.send("两张皮是什么意思", chat_id=-200, chat_type="group")
    emulator.send("/ask 六个融合有哪些", chat_id=-200, chat_type="group")
    replies = emulator.wait_for(-200, 1)
    time.sleep(1.0)  # time enough for a wrong answer to the first message to arrive too
    replies = emulator.replies(-200)
    assert len(replies) == 1
    assert "六是注重队伍融合" in replies[0]["text"]
    assert "reply_parameters" in replies[0]


def test_a_full_quiz_round(emulator: Emulator) -> None:
    """/quiz: five polls one after another as the user answers, then the score and review."""
    from bot.core.knowledge import load_knowledge

    bank = {item.poll_question: item for item in load_knowledge().quiz}
    chat = 31
    emulator.send("/quiz", chat_id=chat)
    seen = 1  # the intro
    for number in range(1, 6):
        found = emulator.wait_for(chat, seen + 1)
        poll = found[-1]
        assert "question" in poll, poll
        question = str(poll["question"])
        assert question.startswith(f"{number}. ")
        item = bank[question.split(". ", 1)[1]]
        assert json.loads(poll["correct_option_ids"]) == list(item.correct)
        assert poll["type"] == "quiz"
        seen = len(found)
        # the third question is missed on purpose
        chosen = (
            list(item.correct)
            if number != 3
            else [next(i for i in range(len(item.options)) if i not in item.correct)]
        )
        emulator.vote(f"e2e-{poll['message_id']}", chosen, user_id=chat)
    done = emulator.wait_for(chat, seen + 2)
    assert "答对 4/5 题" in done[seen]["text"]
    assert "正确答案" in done[seen + 1]["text"]
