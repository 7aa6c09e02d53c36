"""Start-up does each costly thing once: the knowledge base `run` checked is the one served,
and the first Traditional reader does not pay for OpenCC's dictionaries."""

from __future__ import annotations

from pathlib import Path

from bot.core import textnorm
from bot.core.knowledge import KnowledgeBase
from bot.tgbot.app import PRELOADED_KB_KEY, BotApplication, build_application
from bot.tgbot.settings import Settings
from bot.tgbot.state import STATE_KEY, BotState
from tests.botapi import TOKEN, RecordingRequest
from tests.harness import midday_zone


def state_of_app(app: BotApplication) -> BotState:
    state = app.bot_data[STATE_KEY]
    assert isinstance(state, BotState)
    return state


async def _started(tmp_path: Path, kb: KnowledgeBase | None) -> KnowledgeBase:
    settings = Settings(token=TOKEN, database=tmp_path / "bot.sqlite3", timezone=midday_zone())
    app = build_application(settings, request=RecordingRequest())
    if kb is not None:
        app.bot_data[PRELOADED_KB_KEY] = kb
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    try:
        return state_of_app(app).kb
    finally:
        assert app.post_shutdown is not None
        await app.post_shutdown(app)
        await app.shutdown()


async def test_the_knowledge_base_run_checked_is_served_not_read_again(
    tmp_path: Path, kb: KnowledgeBase
) -> None:
    assert await _started(tmp_path, kb) is kb


async def test_without_a_preloaded_one_post_init_loads_it(tmp_path: Path) -> None:
    assert (await _started(tmp_path, None)).entries


async def test_traditional_conversion_is_warm_after_start_up(tmp_path: Path) -> None:
    textnorm.to_traditional.cache_clear()
    textnorm._converter.cache_clear()
    await _started(tmp_path, None)
    assert textnorm._converter.cache_info().currsize >= 2  # t2s and s2tw both loaded


def test_httpcore_finds_sniffio() -> None:
    """A dependency of its own: without it httpcore retries a failed import on every request."""
    import importlib.util

    assert importlib.util.find_spec("sniffio") is not None
