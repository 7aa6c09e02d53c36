"""Storage behind a small interface: the question log, subscriptions and daily tips."""

from bot.storage.sqlite import (
    MIGRATIONS,
    LoggedQuestion,
    Store,
    StoreError,
    Subscription,
    TipDay,
)

__all__ = ["MIGRATIONS", "LoggedQuestion", "Store", "StoreError", "Subscription", "TipDay"]
