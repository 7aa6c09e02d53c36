"""Process-level faults of the database: a damaged page, a full disk, racing first start-ups."""

from __future__ import annotations

import multiprocessing
import resource
import sqlite3
import subprocess
import sys
import time
from datetime import time as clock
from pathlib import Path

from bot.storage import Store, StoreError
from tests.botapi import TOKEN, clean_env


def _run(database: Path, fsize: int | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m bot run` against a closed port, optionally with a file size limit."""

    def limit() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        env=clean_env(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL="http://127.0.0.1:9/bot",
            OPINION_DB=str(database),
        ),
        preexec_fn=limit,  # the child runs no threads before exec
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _populated(path: Path) -> None:
    store = Store.open(path)
    for chat in range(1, 400):
        store.subscribe(chat, "private", clock(8, 0))
    store.close()


def test_a_damaged_page_stops_start_up_with_one_line_and_restore_advice(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    _populated(path)
    size = path.stat().st_size
    assert size > 4 * 4096
    raw = sqlite3.connect(path)  # the header stays intact: the file still opens
    ((page,),) = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'subscriptions'")
    raw.close()
    with path.open("r+b") as handle:  # garbage over the subscriptions' root page
        handle.seek((page - 1) * 4096)
        handle.write(b"\xa5" * 3000)
    done = _run(path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("opinion-bot: the database")
    assert "damaged" in last
    assert "python -m bot restore" in last
    assert "afresh" not in done.stderr


def test_a_full_disk_at_start_up_is_not_called_damage(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    done = _run(path, fsize=0)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert "is full or failing" in last
    assert "damaged" not in last
    assert "restore" not in last


def test_a_full_disk_never_advises_discarding_a_healthy_database(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    _populated(path)
    done = _run(path, fsize=1000)  # no room for one page of the WAL
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "is full or failing" in done.stderr.strip().splitlines()[-1]
    assert "damaged" not in done.stderr
    assert "move it away" not in done.stderr
    store = Store.open(path)  # every subscription is still there
    assert len(store.subscriptions()) == 399
    store.close()


def _open_at(path: str, start: float) -> str:
    time.sleep(max(0.0, start - time.time()))
    try:
        store = Store.open(path)
    except StoreError as exc:
        return str(exc)
    version = store.schema_version
    store.close()
    return f"ok {version}"


def test_processes_opening_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(6) as pool:
        pool.starmap(_open_at, [(str(tmp_path / "warm.sqlite3"), 0.0)] * 6)
        for trial in range(8):
            path = str(tmp_path / f"new{trial}.sqlite3")
            start = time.time() + 0.3
            results = pool.starmap(_open_at, [(path, start)] * 6)
            check = Store.open(path)
            expected = f"ok {check.schema_version}"
            check.close()
            assert results == [expected] * 6, results
