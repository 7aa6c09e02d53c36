"""Settings: every malformed value stops start-up with one line that never shows the token."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest

from bot.tgbot.app import RedactToken
from bot.tgbot.settings import SettingsError, load_settings
from tests.botapi import TOKEN, run_bot


def test_defaults() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings.token == TOKEN
    assert settings.database.is_absolute()
    assert settings.database.parts[-2:] == ("opinion-bot", "opinion.sqlite3")
    assert str(settings.timezone) == "Asia/Shanghai"
    assert settings.admins == frozenset()
    assert not settings.uses_webhook
    assert TOKEN not in repr(settings)


def test_everything_set() -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot",
            "TELEGRAM_BASE_FILE_URL": "http://127.0.0.1:8081/file/bot",
            "OPINION_KB": "/kb",
            "OPINION_DB": "/data/x.sqlite3",
            "OPINION_ADMINS": "12, 34;56",
            "OPINION_TZ": "Europe/Berlin",
            "WEBHOOK_URL": "https://bot.example.org/hook",
            "WEBHOOK_SECRET": "s3cret_-",
            "PORT": "8080",
            "OPINION_LOG_DAYS": "30",
        }
    )
    assert settings.admins == {12, 34, 56}
    assert settings.uses_webhook
    assert settings.port == 8080
    assert settings.log_days == 30
    assert str(settings.knowledge) == "/kb"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"TELEGRAM_BOT_TOKEN": "nonsense"}, "malformed"),
        ({"TELEGRAM_BOT_TOKEN": "12:short"}, "malformed"),
        ({"OPINION_ADMINS": "12,abc"}, "'abc' is not a Telegram user id"),
        ({"WEBHOOK_URL": "https://x.org/h"}, "WEBHOOK_SECRET is not"),
        ({"WEBHOOK_URL": "ftp://x.org/h", "WEBHOOK_SECRET": "a"}, "not an http(s) URL"),
        ({"WEBHOOK_SECRET": "no spaces allowed"}, "WEBHOOK_SECRET may only"),
        ({"OPINION_TZ": "Mars/Olympus"}, "not a known time zone"),
        ({"PORT": "99999"}, "PORT"),
        ({"TELEGRAM_BASE_URL": "localhost:8081"}, "not an http(s) URL"),
    ],
)
def test_bad_settings(env: dict[str, str], expected: str) -> None:
    full = {"TELEGRAM_BOT_TOKEN": TOKEN, **env} if "TELEGRAM_BOT_TOKEN" not in env else env
    if env == {}:
        full = {}
    with pytest.raises(SettingsError) as raised:
        load_settings(full)
    assert expected in str(raised.value)
    assert "\n" not in str(raised.value)
    assert TOKEN not in str(raised.value)


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_bot("run", env=env)


def test_run_with_a_bad_token_stops_in_one_line() -> None:
    bad = "123:this-is-not-a-token"
    done = _run({"TELEGRAM_BOT_TOKEN": bad, "TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot"})
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "malformed" in done.stderr
    assert bad not in done.stderr + done.stdout


def test_run_with_a_bad_admin_id_stops_before_any_network_call(tmp_path: Path) -> None:
    done = _run(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "OPINION_ADMINS": "me",
            # Nothing listens here: a network call would hang or fail differently.
            "TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot",
            "OPINION_DB": str(tmp_path / "db.sqlite3"),
        }
    )
    assert done.returncode == 2
    assert "'me' is not a Telegram user id" in done.stderr
    assert not (tmp_path / "db.sqlite3").exists()


def test_token_is_redacted_from_every_log_line() -> None:
    record = logging.LogRecord(
        "httpx", logging.INFO, __file__, 1, "POST %s", (f"https://x/bot{TOKEN}/getMe",), None
    )
    assert RedactToken(TOKEN).filter(record)
    assert TOKEN not in record.getMessage()
    assert "<token>" in record.getMessage()


def test_database_defaults_to_the_xdg_data_directory(tmp_path: Path) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "XDG_DATA_HOME": str(tmp_path)})
    assert settings.database == tmp_path / "opinion-bot" / "opinion.sqlite3"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:7890",
        "https://proxy.example.org:443",
        "socks5://user:pa55@10.0.0.1:1080",
        "socks5h://10.0.0.1:1080",
    ],
)
def test_proxy_urls(url: str) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": url})
    assert settings.proxy == url
    assert "pa55" not in repr(settings)
    assert "pa55" not in (settings.proxy_display or "")


def test_proxy_falls_back_to_https_proxy_then_all_proxy() -> None:
    base = {"TELEGRAM_BOT_TOKEN": TOKEN}
    both = {**base, "HTTPS_PROXY": "http://a:1", "ALL_PROXY": "socks5://b:2"}
    assert load_settings(both).proxy == "http://a:1"
    assert load_settings({**base, "ALL_PROXY": "socks5://b:2"}).proxy == "socks5://b:2"
    assert load_settings({**both, "TELEGRAM_PROXY": "http://c:3"}).proxy == "http://c:3"
    assert load_settings(base).proxy is None


@pytest.mark.parametrize("url", ["127.0.0.1:7890", "ftp://h:1", "http://h", "http://u:secret@:x"])
def test_bad_proxy_is_one_line_without_password(url: str) -> None:
    with pytest.raises(SettingsError, match="TELEGRAM_PROXY") as caught:
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": url})
    assert "secret" not in str(caught.value)


def test_a_socks_proxy_builds_the_application() -> None:
    """socks5 needs httpx's SOCKS support (PTB's `socks` extra): building must not fail."""
    from bot.tgbot.app import build_application

    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": "socks5://u:p@127.0.0.1:1080"}
    )
    application = build_application(settings)
    assert application.bot.token == TOKEN


def test_network_errors_are_logged_in_one_line() -> None:
    """A lost connection is one log line, never a traceback dump."""
    import io

    from telegram.error import NetworkError

    from bot.tgbot.app import OneLineNetworkErrors

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(OneLineNetworkErrors())
    log = logging.getLogger("test.network")
    log.addHandler(handler)
    log.propagate = False
    try:
        try:
            raise NetworkError("httpx.ConnectError: All connection attempts failed")
        except NetworkError:
            log.exception("Exception happened while polling for updates.")
        try:
            raise ValueError("a bug")
        except ValueError:
            log.exception("update 7 caused an error")
    finally:
        log.removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert lines[0] == (
        "Exception happened while polling for updates. "
        "(NetworkError: httpx.ConnectError: All connection attempts failed)"
    )
    assert "Traceback" in lines[2]  # other errors keep their traceback
