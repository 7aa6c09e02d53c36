"""The SQLite store: migrations, the question log, and clear errors for unusable files."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.storage import MIGRATIONS, Store, StoreError
from tests.botapi import TOKEN, run_bot


def test_new_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "sub" / "bot.sqlite3")
    assert store.schema_version == len(MIGRATIONS)
    with sqlite3.connect(tmp_path / "sub" / "bot.sqlite3") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.sqlite3")
    store.log_question("private", "两张皮", "answered", "two_skins", 0.8)
    store.close()
    again = Store.open(tmp_path / "bot.sqlite3")
    assert [q.entry for q in again.questions()] == ["two_skins"]
    again.close()


def test_top_entries_counts_recent_answers(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.sqlite3")
    now = datetime(2026, 11, 28, tzinfo=UTC)
    for entry, times in (("a", 1), ("b", 3), ("c", 2)):
        for _ in range(times):
            store.log_question("private", "q", "answered", entry, 0.9, at=now)
    store.log_question("private", "q", "answered", "old", 0.9, at=now - timedelta(days=40))
    store.log_question("private", "q", "unknown", None, 0.1, at=now)
    assert store.top_entries(5, now=now) == ["b", "c", "a"]
    store.close()


def test_corrupted_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="unusable"):
        Store.open(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    with pytest.raises(StoreError, match="newer release"):
        Store.open(path)


def test_unopenable_path_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open the database"):
        Store.open(blocker / "bot.sqlite3")


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[Path]:
    """A database file that not even root may write (chattr +i), removed again afterwards."""
    chattr = shutil.which("chattr")
    path = tmp_path / "bot.sqlite3"
    Store.open(path).close()
    if chattr is None or subprocess.run([chattr, "+i", str(path)], check=False).returncode:
        pytest.skip("chattr +i is not available here")
    try:
        yield path
    finally:
        subprocess.run([chattr, "-i", str(path)], check=False)


def test_read_only_file_is_a_clear_error_at_open(immutable: Path) -> None:
    with pytest.raises(StoreError, match="read-only"):
        Store.open(immutable)


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_bot(
        "run",
        env={"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot", **env},
    )


def test_bot_refuses_to_start_on_a_corrupted_database(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    done = _run({"OPINION_DB": str(path)})
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("opinion-bot: the database")
    assert "unusable" in done.stderr
    assert "Traceback" not in done.stderr


def test_bot_refuses_to_start_on_a_read_only_database(immutable: Path) -> None:
    done = _run({"OPINION_DB": str(immutable)})
    assert done.returncode == 1
    assert "read-only" in done.stderr
    assert "Traceback" not in done.stderr


def test_two_processes_creating_one_database_at_once(tmp_path: Path) -> None:
    """Both migrate inside one write transaction: neither sees "table already exists"."""
    import threading

    failures: list[BaseException] = []
    for trial in range(30):
        path = tmp_path / f"new{trial}.sqlite3"
        barrier = threading.Barrier(4)

        def open_it(path: Path = path, barrier: threading.Barrier = barrier) -> None:
            barrier.wait()
            try:
                Store.open(path).close()
            except (StoreError, sqlite3.Error) as exc:
                failures.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []


def test_a_corrupted_page_is_found_at_start_up_and_the_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = Store.open(path)
    for number in range(300):
        store.log_question("private", f"问题{number}" * 20, "answered", "two_skins", 0.9)
    store.close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = bytearray(path.read_bytes())
    data[page_size * 3 : page_size * 3 + 200] = b"\xff" * 200  # a damaged page, header intact
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert "damaged" in message
    assert "start afresh" not in message
    assert path.read_bytes() == bytes(data)
