"""Backups of the SQLite database, and the lock that says the bot is running.

`backup` uses SQLite's online backup API: a consistent copy while the bot writes (WAL mode lets
it go on meanwhile).  `restore` replaces the database only while no bot holds the run lock: a
running bot would keep writing to the file it has open, and the restored one would be lost.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bot.storage.records import StoreError
from bot.storage.sqlite import MIGRATIONS

LOCK_SUFFIX = ".lock"
BEFORE_RESTORE_SUFFIX = ".before-restore"


class BotRunning(StoreError):
    """The bot holds the database's run lock."""


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


@contextlib.contextmanager
def run_lock(database: Path) -> Iterator[None]:
    """Hold the database's run lock (an flock, released by the kernel even after kill -9)."""
    path = lock_path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BotRunning(
                f"a bot is running on the database {database} (it holds {path}); stop it first"
            ) from None
        yield
    finally:
        os.close(descriptor)


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup of `source` into a new file `target`, written aside, renamed."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(descriptor)
    try:
        with (
            contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
            contextlib.closing(sqlite3.connect(temporary)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def backup(database: Path, target: Path) -> int:
    """A consistent copy of `database` in `target` (even while the bot runs); its schema."""
    if not database.is_file():
        raise StoreError(f"there is no database at {database}")
    if target.resolve() == database.resolve():
        raise StoreError("the backup must not replace the database itself")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        _copy(database, target)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"cannot back up {database} to {target}: {exc}") from exc
    return _check(target)


def _check(path: Path) -> int:
    """The schema version of a sound database at `path`; StoreError otherwise."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            (result,) = db.execute("PRAGMA integrity_check").fetchone()
            (version,) = db.execute("PRAGMA user_version").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(f"{path} is not a usable SQLite database ({exc})") from exc
    if result != "ok":
        raise StoreError(f"{path} is damaged: {result}")
    if int(version) > len(MIGRATIONS):
        raise StoreError(
            f"{path} is from a newer release (schema {version}, this one knows {len(MIGRATIONS)})"
        )
    return int(version)


def restore(source: Path, database: Path) -> Path | None:
    """Put the backup `source` in place of `database`, refusing while a bot runs on it.

    The database it replaces is kept beside it (returned); migrations run at the next start."""
    _check(source)
    database.parent.mkdir(parents=True, exist_ok=True)  # a new machine: restore first, then run
    with run_lock(database):
        kept: Path | None = None
        try:
            if database.exists():
                kept = database.with_name(database.name + BEFORE_RESTORE_SUFFIX)
                _copy(database, kept)
            _copy(source, database)
            for leftover in ("-wal", "-shm"):
                database.with_name(database.name + leftover).unlink(missing_ok=True)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot restore {source} to {database}: {exc}") from exc
    return kept
