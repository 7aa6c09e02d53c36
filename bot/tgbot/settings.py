"""Settings from the environment, validated before any network call.

Every problem stops start-up with one clear line; the token never appears in a message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.storage import is_postgres

TOKEN_RE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{30,100}$")
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
DEFAULT_TZ = "Asia/Shanghai"
DB_NAME = "opinion.sqlite3"
DEFAULT_PORT = 8443
DEFAULT_LOG_DAYS = 90
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")
# Read, in this order, when TELEGRAM_PROXY is unset: the names curl and httpx also honour.
PROXY_FALLBACKS = ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message is one line, safe to print."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How the bot runs: read once at start-up."""

    token: str = field(repr=False)
    base_url: str | None = None
    base_file_url: str | None = None
    knowledge: Path | None = None
    knowledge_seed: Path | None = None  # copied into `knowledge` where files are missing
    database: Path = Path(DB_NAME)
    # OPINION_DB=postgresql://…: replicas share this database instead (may hold a password)
    database_url: str | None = field(default=None, repr=False)
    admins: frozenset[int] = frozenset()
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_TZ))
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    port: int = DEFAULT_PORT
    log_days: int = DEFAULT_LOG_DAYS
    proxy: str | None = field(default=None, repr=False)  # may hold a password

    @property
    def proxy_display(self) -> str | None:
        """The proxy without its credentials, safe to log."""
        return redact_proxy(self.proxy) if self.proxy else None

    @property
    def store_target(self) -> Path | str:
        """What `open_store` opens: the PostgreSQL URL if one is set, else the SQLite file."""
        return self.database_url or self.database

    @property
    def database_display(self) -> str:
        """The database without any password, safe to log."""
        if self.database_url:
            return redact_proxy(self.database_url) + urlparse(self.database_url).path
        return str(self.database.resolve())

    @property
    def uses_webhook(self) -> bool:
        return self.webhook_url is not None


def default_database(env: Mapping[str, str]) -> Path:
    """Where the database lives without OPINION_DB: the XDG data directory, never the working
    directory (the image sets OPINION_DB=/data/opinion.sqlite3)."""
    base = env.get("XDG_DATA_HOME", "").strip()
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "share"
    return root / "opinion-bot" / DB_NAME


def _admins(raw: str) -> frozenset[int]:
    ids: set[int] = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise SettingsError(f"OPINION_ADMINS: '{part}' is not a Telegram user id (a number)")
        ids.add(int(part))
    return frozenset(ids)


def _url(name: str, raw: str) -> str:
    parsed = urlparse(raw)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise SettingsError(f"{name}: '{raw}' is not an http(s) URL")
    return raw


def redact_proxy(url: str) -> str:
    """scheme://host:port of a proxy URL: user name and password left out."""
    parsed = urlparse(url)
    host = parsed.hostname or "?"
    try:
        port = parsed.port
    except ValueError:
        port = None
    return f"{parsed.scheme}://{host}" + (f":{port}" if port else "")


def _proxy(name: str, raw: str) -> str:
    parsed = urlparse(raw)
    try:
        port = parsed.port
    except ValueError:
        port = None
        parsed = parsed._replace(netloc="")
    if parsed.scheme.lower() not in PROXY_SCHEMES or not parsed.hostname or port is None:
        raise SettingsError(
            f"{name}: '{redact_proxy(raw)}' is not a proxy URL such as http://127.0.0.1:7890, "
            "http://user:password@host:port or socks5://host:1080"
        )
    return raw


def _positive_int(name: str, raw: str, upper: int) -> int:
    if not raw.isdigit() or not 0 < int(raw) <= upper:
        raise SettingsError(f"{name}: '{raw}' is not a whole number from 1 to {upper}")
    return int(raw)


def load_settings(
    environ: Mapping[str, str] | None = None, *, require_token: bool = True
) -> Settings:
    """Read and validate the settings; raise SettingsError with one line on any problem.

    Without `require_token` a missing token is allowed (commands that never call Telegram)."""
    env = os.environ if environ is None else environ

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    token = get("TELEGRAM_BOT_TOKEN")
    if token is None and require_token:
        raise SettingsError("TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)")
    if token is not None and not TOKEN_RE.match(token):
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN is malformed (expected digits, a colon and at least 30 "
            "letters, digits, '_' or '-')"
        )
    base_url = get("TELEGRAM_BASE_URL")
    base_file_url = get("TELEGRAM_BASE_FILE_URL")
    webhook_url = get("WEBHOOK_URL")
    secret = get("WEBHOOK_SECRET")
    if webhook_url is not None:
        _url("WEBHOOK_URL", webhook_url)
        if secret is None:
            raise SettingsError("WEBHOOK_URL is set but WEBHOOK_SECRET is not (it is required)")
    if secret is not None and not SECRET_RE.match(secret):
        raise SettingsError("WEBHOOK_SECRET may only hold 1-256 of A-Z, a-z, 0-9, '_' and '-'")
    tz_name = get("OPINION_TZ") or DEFAULT_TZ
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"OPINION_TZ: '{tz_name}' is not a known time zone") from None
    port = get("PORT")
    log_days = get("OPINION_LOG_DAYS")
    knowledge = get("OPINION_KB")
    proxy_name = "TELEGRAM_PROXY"
    proxy = get(proxy_name)
    for fallback in PROXY_FALLBACKS:
        if proxy is None:
            proxy_name, proxy = fallback, get(fallback)
    default_db = default_database(env)
    return Settings(
        token=token or "",
        base_url=_url("TELEGRAM_BASE_URL", base_url) if base_url else None,
        base_file_url=_url("TELEGRAM_BASE_FILE_URL", base_file_url) if base_file_url else None,
        knowledge=Path(knowledge) if knowledge else None,
        knowledge_seed=Path(seed) if (seed := get("OPINION_KB_SEED")) and knowledge else None,
        database=Path(db) if (db := get("OPINION_DB")) and not is_postgres(db) else default_db,
        database_url=db if db and is_postgres(db) else None,
        admins=_admins(get("OPINION_ADMINS") or ""),
        timezone=timezone,
        webhook_url=webhook_url,
        webhook_secret=secret,
        port=_positive_int("PORT", port, 65535) if port else DEFAULT_PORT,
        log_days=_positive_int("OPINION_LOG_DAYS", log_days, 36500)
        if log_days
        else DEFAULT_LOG_DAYS,
        proxy=_proxy(proxy_name, proxy) if proxy else None,
    )
