"""Backup while the bot writes, restore only while it is stopped."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from bot.storage import Store
from bot.storage.backup import run_lock
from tests.botapi import run_bot


def _filled(path: Path, rows: int) -> Store:
    store = Store.open(path)
    for number in range(rows):
        store.log_question("private", f"问题{number}", "unknown", None, 0.1)
    return store


def test_backup_while_writing_is_consistent(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    store = _filled(database, 50)
    stop = threading.Event()

    def keep_writing() -> None:
        while not stop.is_set():
            store.log_question("group", "写入中", "unknown", None, 0.1)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        done = run_bot("backup", str(tmp_path / "copy.sqlite3"), env={"OPINION_DB": str(database)})
    finally:
        stop.set()
        writer.join()
        store.close()
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "copy.sqlite3") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (count,) = copy.execute("SELECT COUNT(*) FROM questions").fetchone()
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert count >= 50
    assert not (tmp_path / "copy.sqlite3-wal").exists()


def test_restore_is_refused_while_the_bot_runs(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    _filled(database, 3).close()
    env = {"OPINION_DB": str(database)}
    assert run_bot("backup", str(tmp_path / "b.sqlite3"), env=env).returncode == 0
    with run_lock(database):  # what `python -m bot run` holds
        done = run_bot("restore", str(tmp_path / "b.sqlite3"), env=env)
    assert done.returncode == 1
    assert "running" in done.stderr
    assert not (tmp_path / "bot.sqlite3.before-restore").exists()


def test_restore_puts_the_backup_back_and_keeps_the_replaced_one(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    env = {"OPINION_DB": str(database)}
    _filled(database, 3).close()
    assert run_bot("backup", str(tmp_path / "b.sqlite3"), env=env).returncode == 0
    _filled(database, 2).close()  # five rows now
    done = run_bot("restore", str(tmp_path / "b.sqlite3"), env=env)
    assert done.returncode == 0, done.stderr
    store = Store.open(database)
    try:
        assert len(store.questions()) == 3
    finally:
        store.close()
    kept = Store.open(tmp_path / "bot.sqlite3.before-restore")
    try:
        assert len(kept.questions()) == 5
    finally:
        kept.close()


def test_restore_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    _filled(database, 1).close()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"nonsense" * 512)
    done = run_bot("restore", str(junk), env={"OPINION_DB": str(database)})
    assert done.returncode == 1
    assert "not a usable SQLite database" in done.stderr
    store = Store.open(database)
    try:
        assert len(store.questions()) == 1
    finally:
        store.close()


def test_a_second_bot_on_the_same_database_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    with run_lock(database):
        done = run_bot(
            "run", env={"OPINION_DB": str(database), "TELEGRAM_BOT_TOKEN": "1:" + "A" * 35}
        )
    assert done.returncode == 1
    assert "a bot is running" in done.stderr


def test_the_systemd_unit_runs_the_bot_with_its_data_in_the_state_directory() -> None:
    import configparser

    from bot.tgbot.settings import load_settings

    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    root = Path(__file__).resolve().parent.parent
    unit.read_string((root / "deploy" / "opinion-bot.service").read_text(encoding="utf-8"))
    service = unit["Service"]
    assert service["ExecStart"].split()[-1] == "run"
    assert service["RestartPreventExitStatus"] == "2"  # a setting to fix: no restart loop
    text = (root / "deploy" / "opinion-bot.service").read_text(encoding="utf-8")
    environment = {}
    for line in text.splitlines():
        if line.startswith("Environment="):
            name, value = line.removeprefix("Environment=").split("=", 1)
            environment[name] = value
    settings = load_settings({**environment, "TELEGRAM_BOT_TOKEN": "1:" + "A" * 35})
    state = Path("/var/lib") / service["StateDirectory"]
    assert settings.database.parent == state
    assert settings.knowledge == state / "knowledge"
    assert settings.knowledge_seed == Path(service["WorkingDirectory"]) / "knowledge"


def test_restore_onto_a_new_machine(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    _filled(old, 2).close()
    new = tmp_path / "new" / "data" / "opinion.sqlite3"
    done = run_bot("restore", str(old), env={"OPINION_DB": str(new)})
    assert done.returncode == 0, done.stderr
    store = Store.open(new)
    try:
        assert len(store.questions()) == 2
    finally:
        store.close()
