"""Storage behind one interface (`Storage`): SQLite by default, PostgreSQL for replicas."""

from __future__ import annotations

from pathlib import Path

from bot.storage.base import Storage
from bot.storage.records import LoggedQuestion, StoreError, Subscription, TipDay
from bot.storage.sqlite import MIGRATIONS, Store

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: Path | str) -> bool:
    """True if OPINION_DB names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def open_store(target: Path | str) -> Storage:
    """Open the database OPINION_DB names: a postgresql:// URL, or else a SQLite file path."""
    if is_postgres(target):
        # Imported here: a SQLite deployment never pays for loading psycopg.
        from bot.storage.postgres import PgStore

        return PgStore.open(str(target))
    return Store.open(target)


__all__ = [
    "MIGRATIONS",
    "LoggedQuestion",
    "Storage",
    "Store",
    "StoreError",
    "Subscription",
    "TipDay",
    "is_postgres",
    "open_store",
]
