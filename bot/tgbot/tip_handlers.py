"""Telegram handlers for the daily study tips: /tip, /subscribe, /unsubscribe, /mysub."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, tzinfo

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ContextTypes

from bot.core.tips import (
    DEFAULT_TIME,
    TimeFormatError,
    local_day,
    next_delivery,
    parse_time,
    tip_of_the_day,
    tip_text,
    zone_name,
)
from bot.tgbot.scheduling import next_run, schedule, tip_keyboard, unschedule
from bot.tgbot.state import state_of

logger = logging.getLogger(__name__)

ADMINS_ONLY = "只有本群的管理员可以更改订阅。"
QUIZ_WORDS = ("quiz", "答题", "每日答题")
NOT_SUBSCRIBED = (
    "本聊天尚未订阅每日学习提示。发送 /subscribe 即可订阅（默认每天 08:00），"
    "也可以指定时间，如 /subscribe 21:30。"
)


async def _may_manage(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Private chats manage themselves; in groups only administrators may."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None or chat.type == ChatType.PRIVATE:
        return True
    if message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True  # an anonymous administrator
    if update.effective_user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, update.effective_user.id)
    return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


def _when(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


async def tip(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Today's study tip, with a button to read more about where it comes from."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    state = state_of(context)
    kb = state.kb
    if not kb.tips:
        await message.reply_text("知识库中暂无学习提示。")
        return
    today = local_day(datetime.now(state.zone), state.zone)
    chosen, _ = await asyncio.to_thread(tip_of_the_day, state.store, kb, chat.id, today)
    await message.reply_html(
        tip_text(kb, chosen), reply_markup=tip_keyboard(chosen, quiz=bool(kb.quiz))
    )


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Subscribes the chat to a daily tip at the time given (08:00 by default)."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or context.job_queue is None:
        return
    if not await _may_manage(update, context):
        await message.reply_text(ADMINS_ONLY)
        return
    words = list(context.args or [])
    # "/subscribe 21:30 quiz": the day's quiz question comes with the tip.
    with_quiz = bool(words) and words[-1].lower() in QUIZ_WORDS
    if with_quiz:
        words.pop()
    try:
        at = parse_time(" ".join(words)) if words else DEFAULT_TIME
    except TimeFormatError as exc:
        await message.reply_text(f"{exc}\n例如：/subscribe 21:30，或 /subscribe 21:30 quiz")
        return
    state = state_of(context)
    before = await asyncio.to_thread(state.store.subscription, chat.id)
    subscription = await asyncio.to_thread(state.store.subscribe, chat.id, chat.type, at)
    await asyncio.to_thread(state.store.set_tip_quiz, chat.id, with_quiz)
    schedule(context.job_queue, subscription, state.zone)
    upcoming = next_delivery(at, datetime.now(state.zone), state.zone)
    lead = "已改为每天" if before is not None else "订阅成功！每天"
    await message.reply_text(
        f"{lead}{zone_name(state.zone)} {at:%H:%M} 推送一条学习提示"
        f"{'和一道每日答题' if with_quiz else ''}。"
        f"下一条：{_when(upcoming, state.zone)}。\n取消订阅：/unsubscribe"
    )
    logger.info("subscribed chat=%s at=%s", chat.type, f"{at:%H:%M}")


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stops the chat's daily tips."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    if not await _may_manage(update, context):
        await message.reply_text(ADMINS_ONLY)
        return
    state = state_of(context)
    removed = await asyncio.to_thread(state.store.unsubscribe, chat.id)
    if context.job_queue is not None:
        unschedule(context.job_queue, chat.id)
    await message.reply_text(
        "已取消订阅，不会再推送每日学习提示。" if removed else "本聊天没有订阅，无需取消。"
    )


async def my_subscription(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Whether the chat is subscribed, at what time, and when the next tip comes."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    state = state_of(context)
    subscription = await asyncio.to_thread(state.store.subscription, chat.id)
    if subscription is None:
        await message.reply_text(NOT_SUBSCRIBED)
        return
    upcoming = (
        next_run(context.job_queue, chat.id) if context.job_queue is not None else None
    ) or next_delivery(subscription.at, datetime.now(state.zone), state.zone)
    await message.reply_text(
        f"已订阅：每天{zone_name(state.zone)} {subscription.at:%H:%M} 推送一条学习提示。"
        f"下一条：{_when(upcoming, state.zone)}。\n更改时间：/subscribe 时间；取消：/unsubscribe"
    )


async def chat_migrated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group became a supergroup: its subscription follows it to the new chat id."""
    message, job_queue = update.effective_message, context.job_queue
    if message is None or message.migrate_to_chat_id is None:
        return
    state = state_of(context)
    old, new = message.chat.id, message.migrate_to_chat_id
    await asyncio.to_thread(state.store.move_chat, old, new)
    subscription = await asyncio.to_thread(state.store.subscription, new)
    if job_queue is not None:
        unschedule(job_queue, old)
        if subscription is not None:
            schedule(job_queue, subscription, state.zone)
    logger.info("chat %s became %s: subscription moved", old, new)
