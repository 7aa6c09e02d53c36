"""SIGHUP means reload: sent in the first second after start (before the reload handler is
installed) it must not kill the bot.  What is kept: the running process."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest

from benchmarks.limited_botapi import LimitedBotApi
from tests.botapi import TOKEN, start_bot


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signal")
async def test_sighup_during_start_up_does_not_kill(tmp_path: Path) -> None:
    api = LimitedBotApi()
    base_url = await api.start()
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": base_url,
        "OPINION_DB": str(tmp_path / "bot.sqlite3"),
    }
    process = await start_bot("run", env=env)
    try:
        await asyncio.sleep(0.4)  # the interpreter itself has started
        for _ in range(15):
            if process.returncode is not None:
                break
            process.send_signal(signal.SIGHUP)
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)
        assert process.returncode is None
    finally:
        if process.returncode is None:
            process.terminate()
        _, err = await asyncio.wait_for(process.communicate(), timeout=20)
        await api.stop()
    assert TOKEN.partition(":")[2] not in err.decode()
