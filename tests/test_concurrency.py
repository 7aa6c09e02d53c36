"""Many people at once: a flooding chat holds one slot and never delays another chat, and each
chat's updates keep their order."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.tgbot.concurrency import MAX_CONCURRENT, PerChatOrder
from tests.botapi import message_update


def _update(chat_id: int) -> Update:
    return Update.de_json(message_update("hi", chat_id=chat_id, user_id=chat_id), None)


async def test_a_flooding_chat_does_not_hold_up_another() -> None:
    processor = PerChatOrder()
    release = asyncio.Event()
    order: list[int] = []

    async def slow(number: int) -> None:
        await release.wait()
        order.append(number)

    async def quick() -> None:
        order.append(-1)

    flood = [
        asyncio.create_task(processor.process_update(_update(1), slow(n)))
        for n in range(MAX_CONCURRENT * 4)
    ]
    other = asyncio.create_task(processor.process_update(_update(2), quick()))
    await asyncio.wait_for(other, timeout=5)
    assert order == [-1]
    release.set()
    await asyncio.gather(*flood)
    assert order[1:] == list(range(MAX_CONCURRENT * 4))  # in arrival order
    assert processor._locks == {}


async def test_different_chats_run_at_once() -> None:
    processor = PerChatOrder()
    running = 0
    most = 0

    async def work() -> None:
        nonlocal running, most
        running += 1
        most = max(most, running)
        await asyncio.sleep(0.01)
        running -= 1

    await asyncio.gather(
        *(processor.process_update(_update(chat), work()) for chat in range(100, 140))
    )
    assert most == MAX_CONCURRENT
