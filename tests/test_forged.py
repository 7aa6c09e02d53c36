"""Forged and edited updates: edited messages are ignored (README), another bot's /reload is
not ours, malformed callback data and odd digits are refused politely.

What is kept: every subscription and the installed knowledge base, whatever an edit says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.tgbot.scheduling import job_name
from tests.botapi import callback_update, message, update
from tests.harness import ADMIN, Harness
from tests.test_admin import document

GROUP = -4001


async def test_an_edited_subscribe_is_ignored(admin_bot: Harness) -> None:
    calls = await admin_bot.feed(update("edited_message", body=message("/subscribe 9:15")))
    assert calls == []
    assert admin_bot.state.store.subscription(42) is None


async def test_an_edited_upload_caption_installs_nothing(
    admin_bot: Harness, kb_copy: Path
) -> None:
    before = (kb_copy / "opinion.yaml").read_bytes()
    admin_bot.api.files["old"] = b"entries: []\n"
    body = message(None, chat_id=ADMIN, user_id=ADMIN, extra=document("old", "opinion.yaml", 12))
    calls = await admin_bot.feed(update("edited_message", body=body))
    assert calls == []
    assert (kb_copy / "opinion.yaml").read_bytes() == before


async def test_another_bots_reload_caption_is_not_ours(admin_bot: Harness, kb_copy: Path) -> None:
    before = (kb_copy / "opinion.yaml").read_bytes()
    admin_bot.api.files["other"] = b"entries: []\n"
    extra = document("other", "opinion.yaml", 12, caption="/reload@SomeOtherBot")
    calls = await admin_bot.feed(
        update("message", body=message(None, chat_id=ADMIN, user_id=ADMIN, extra=extra))
    )
    assert [c.method for c in calls] == []
    assert (kb_copy / "opinion.yaml").read_bytes() == before


async def test_unanswered_with_a_superscript_digit(admin_bot: Harness) -> None:
    calls = await admin_bot.say("/unanswered ²", chat_id=ADMIN, user_id=ADMIN)
    assert [c.method for c in calls] == ["sendMessage"]


async def test_a_group_upgraded_to_a_supergroup_keeps_its_tips(admin_bot: Harness) -> None:
    from datetime import time

    admin_bot.state.store.subscribe(GROUP, "group", time(8, 0))
    body = message(None, chat_id=GROUP, chat_type="group", extra={"migrate_to_chat_id": -100777})
    await admin_bot.feed(update("message", body=body))
    assert admin_bot.state.store.subscription(GROUP) is None
    assert admin_bot.state.store.subscription(-100777) is not None
    assert admin_bot.app.job_queue is not None
    assert admin_bot.app.job_queue.get_jobs_by_name(job_name(-100777))


@pytest.mark.parametrize("data", ["tp||-99|0", "tp|||", "a||"])
async def test_malformed_callback_data_is_refused_politely(admin_bot: Harness, data: str) -> None:
    await admin_bot.feed(callback_update(data))
