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

from bot.storage import Store
from tests.botapi import TOKEN, clean_env, run_bot

E2E = Path(__file__).resolve().parent / "e2e"
WAIT = 20.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


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
        if isinstance(self.server, _AdapterServer):
            self.server.seen.append((self.path.rsplit("/", 1)[-1], self.headers.get("Via", "")))
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


class _AdapterServer(ThreadingHTTPServer):
    """The adapter's server: remembers (Bot API method, Via header) of every request."""

    seen: list[tuple[str, str]]


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
    rows = markup.get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


def start_emulator() -> tuple[subprocess.Popen[bytes], str]:
    """telegram-test-api on a free port of 127.0.0.1; its URL."""
    _ensure_emulator_installed()
    node = shutil.which("node")
    assert node is not None
    port = _free_port()
    process = subprocess.Popen(
        [node, "emulator.js", str(port)], cwd=E2E, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == b"ready"
    return process, f"http://127.0.0.1:{port}"


def stop_emulator(process: subprocess.Popen[bytes]) -> None:
    assert process.stdin is not None
    assert process.stdout is not None
    process.stdin.close()
    process.wait(timeout=20)
    process.stdout.close()


def start_adapter(upstream: str, port: int = 0) -> _AdapterServer:
    """The adapting proxy in front of the emulator (on `port`, or a free one)."""
    adapter = type("Adapter", (_Adapter,), {"upstream": upstream})
    server = _AdapterServer(("127.0.0.1", port), adapter)
    server.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop_adapter(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


@dataclass
class BotProcess:
    process: subprocess.Popen[bytes]
    log: Path
    database: Path

    def stop(self) -> str:
        """Stop the bot; its log, checked for the token and for tracebacks."""
        self.process.terminate()
        self.process.wait(timeout=20)
        text = self.log.read_text(encoding="utf-8")
        assert TOKEN not in text
        assert "caused an error" not in text, text
        assert "Traceback" not in text, text
        return text

    def wait_log(self, needle: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            text = self.log.read_text(encoding="utf-8")
            if needle in text:
                return text
            time.sleep(0.1)
        raise AssertionError(f"{needle!r} not in the bot's log:\n{self.log.read_text()}")


def start_bot(api_port: int, data: Path, **extra: str) -> BotProcess:
    """The real bot process, polling the adapter at `api_port` (which may not listen yet)."""
    env = clean_env()
    env |= {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": f"http://127.0.0.1:{api_port}/bot",
        "OPINION_DB": str(data / "bot.sqlite3"),
        **extra,
    }
    log = data / "bot.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], env=env, stdout=out, stderr=subprocess.STDOUT
        )
    return BotProcess(process, log, data / "bot.sqlite3")


@pytest.fixture(scope="module")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    """The emulator, the adapting proxy and the real bot process, all on 127.0.0.1."""
    emulator_process, upstream = start_emulator()
    adapter = start_adapter(upstream)
    bot = start_bot(adapter.server_address[1], tmp_path_factory.mktemp("e2e"))
    try:
        yield Emulator(upstream)
    finally:
        bot.stop()
        stop_adapter(adapter)
        stop_emulator(emulator_process)


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


def test_every_request_goes_through_telegram_proxy(tmp_path: Path) -> None:
    """TELEGRAM_PROXY with credentials: proxy.py (a real HTTP proxy) carries every call."""
    proxy_bin = Path(sys.executable).with_name("proxy")
    if not proxy_bin.exists():
        pytest.skip("proxy.py is not installed (pip install -e '.[dev]')")
    emulator_process, upstream = start_emulator()
    adapter = start_adapter(upstream)
    port = _free_port()
    proxy = subprocess.Popen(
        [
            *(str(proxy_bin), "--hostname", "127.0.0.1", "--port", str(port)),
            *("--num-workers", "1", "--num-acceptors", "1", "--basic-auth", "henan:s3cret"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    bot = None
    try:
        deadline = time.monotonic() + WAIT
        while not _listening(port):
            assert time.monotonic() < deadline, "proxy.py did not start"
            time.sleep(0.1)
        bot = start_bot(
            adapter.server_address[1],
            tmp_path,
            TELEGRAM_PROXY=f"http://henan:s3cret@127.0.0.1:{port}",
        )
        emulator = Emulator(upstream)
        emulator.send("两张皮是什么意思", chat_id=21)
        (reply,) = emulator.wait_for(21, 1)
        assert "长期制约着机关党的建设质量提升" in reply["text"]
        log = bot.stop()
        bot = None
        assert "s3cret" not in log
        assert f"Bot API via the proxy http://127.0.0.1:{port}" in log
        assert f"database: {(tmp_path / 'bot.sqlite3').resolve()}" in log  # at start-up
        requests = adapter.seen
        methods = {method for method, _ in requests}
        assert {"getMe", "getUpdates", "sendMessage"} <= methods, requests
        assert all("proxy.py" in via for _, via in requests), requests
    finally:
        if bot is not None:
            bot.stop()
        proxy.terminate()
        proxy.wait(timeout=20)
        stop_adapter(adapter)
        stop_emulator(emulator_process)


def test_starts_without_the_api_and_survives_an_outage(tmp_path: Path) -> None:
    """Start-up while the Bot API is down: one line per retry; an outage while running loses
    no question-log row or subscription, and the bot answers what was sent meanwhile."""
    emulator_process, upstream = start_emulator()
    port = _free_port()
    bot = start_bot(port, tmp_path)  # nothing listens on `port` yet
    adapter = None
    try:
        bot.wait_log("retrying in 2 s")
        adapter = start_adapter(upstream, port)
        emulator = Emulator(upstream)
        emulator.send("两张皮是什么意思", chat_id=31)
        emulator.wait_for(31, 1)
        stop_adapter(adapter)  # the network goes away while the bot runs
        adapter = None
        bot.wait_log("polling resumes when it is back")
        emulator.send("六个融合有哪些", chat_id=31)
        emulator.send("/subscribe 08:30", chat_id=31)
        adapter = start_adapter(upstream, port)
        replies = emulator.wait_for(31, 3)
        assert "六是注重队伍融合" in replies[1]["text"]
        log = bot.stop()
        assert log.count("unreachable") >= 2  # one line per retry
    finally:
        if bot.process.poll() is None:
            bot.stop()
        if adapter is not None:
            stop_adapter(adapter)
        stop_emulator(emulator_process)
    store = Store.open(bot.database)
    try:
        assert [q.status for q in store.questions()] == ["answered", "answered"]
        subscription = store.subscription(31)
        assert subscription is not None
        assert subscription.at.strftime("%H:%M") == "08:30"
    finally:
        store.close()


class _Unauthorized(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_POST(self) -> None:
        body = b'{"ok":false,"error_code":401,"description":"Unauthorized"}'
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_invalid_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Unauthorized)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        bot = start_bot(server.server_address[1], tmp_path)
        assert bot.process.wait(timeout=30) == 2
    finally:
        stop_adapter(server)
    log = bot.log.read_text(encoding="utf-8")
    assert "Traceback" not in log
    assert "refused the token (401)" in log
    assert len([line for line in log.splitlines() if "ERROR" in line]) == 1


def test_restart_keeps_subscriptions_and_restore_waits_for_the_stop(tmp_path: Path) -> None:
    """Stop the bot and start it again on the same database: the subscription is restored and
    questions are answered; `restore` is refused while it runs and works once it is stopped."""
    emulator_process, upstream = start_emulator()
    adapter = start_adapter(upstream)
    port = adapter.server_address[1]
    env = {"OPINION_DB": str(tmp_path / "bot.sqlite3")}
    bot = start_bot(port, tmp_path)
    try:
        emulator = Emulator(upstream)
        emulator.send("/subscribe 07:45", chat_id=41)
        emulator.wait_for(41, 1)
        assert run_bot("backup", str(tmp_path / "backup.sqlite3"), env=env).returncode == 0
        refused = run_bot("restore", str(tmp_path / "backup.sqlite3"), env=env)
        assert refused.returncode == 1
        assert "a bot is running" in refused.stderr
        bot.stop()
        restored = run_bot("restore", str(tmp_path / "backup.sqlite3"), env=env)
        assert restored.returncode == 0, restored.stderr
        bot = start_bot(port, tmp_path)
        bot.wait_log("restored 1 subscriptions")
        emulator.send("两张皮是什么意思", chat_id=41)
        replies = emulator.wait_for(41, 2)
        assert "长期制约着机关党的建设质量提升" in replies[1]["text"]
    finally:
        if bot.process.poll() is None:
            bot.stop()
        stop_adapter(adapter)
        stop_emulator(emulator_process)


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
