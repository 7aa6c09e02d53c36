"""Delivering daily tips on Telegram: one named job per chat, restored at every start-up.

PTB's JobQueue keeps jobs in memory only, so the subscriptions in SQLite are the truth and
`restore_subscriptions` rebuilds the jobs from them.  Every send goes through the bot's
rate limiter (AIORateLimiter), which spreads thousands of deliveries due the same minute over
Telegram's limits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable
from datetime import datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

import httpx
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import AIORateLimiter, ContextTypes, Job, JobQueue

from bot.core.knowledge import KnowledgeBase, Tip
from bot.core.tips import is_due, local_day, preview_tip, tip_of_the_day, tip_text
from bot.storage import Storage, Subscription
from bot.tgbot import quiz_handlers
from bot.tgbot.render import AnswerEntry, encode
from bot.tgbot.state import state_of

logger = logging.getLogger(__name__)

MORE_LABEL = "了解更多"
QUIZ_LABEL = "今日答题"
# Telegram allows about 30 messages a second overall.  Sending at exactly 30 lets network
# jitter bunch two requests into one slot and earns 429s (measured: benchmarks/broadcast.py),
# so the bot keeps a little below it.
MESSAGES_PER_SECOND = 28
RETRY_AFTER = timedelta(minutes=10)
# Deliveries that the event loop could not start on the minute (thousands due at 08:00) still
# run, late, rather than being dropped as misfired.
JOB_KWARGS = {"misfire_grace_time": 6 * 3600, "coalesce": True}


class Outcome(StrEnum):
    """What became of one delivery."""

    SENT = "sent"
    ALREADY = "already"  # today's tip had been delivered
    GONE = "gone"  # the chat blocked the bot or no longer exists: unsubscribed
    FAILED = "failed"  # certainly not sent (refused, 429, 5xx): try again later today
    UNKNOWN = "unknown"  # maybe sent (timeout, dropped connection): never sent again
    MOVED = "moved"  # the group became a supergroup: the subscription moved to the new id
    STOPPED = "stopped"  # the bot is shutting down: left unclaimed for the next start


def rate_limiter() -> AIORateLimiter:
    """PTB's rate limiter as this bot uses it: under Telegram's limits, retrying RetryAfter.

    Every bot this project builds takes its limiter from here, so this is where it opts in to
    PTB's durations as timedelta: without that, PTB 22 warns of a deprecation inside
    RetryAfter's own constructor on every 429 (and fails the tests, which treat warnings as
    errors). Nothing here reads a duration from PTB, so the change of type touches no code.
    """
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    return AIORateLimiter(
        overall_max_rate=MESSAGES_PER_SECOND, overall_time_period=1, max_retries=3
    )


def job_name(chat_id: int) -> str:
    return f"tip:{chat_id}"


def retry_name(chat_id: int) -> str:
    return f"tip-retry:{chat_id}"


def tip_keyboard(tip: Tip, *, quiz: bool = False) -> InlineKeyboardMarkup:
    """The "了解更多" button, answering the entry the tip comes from (and "今日答题")."""
    row = [InlineKeyboardButton(MORE_LABEL, callback_data=encode(AnswerEntry(tip.entry, False)))]
    if quiz:
        row.append(InlineKeyboardButton(QUIZ_LABEL, callback_data=quiz_handlers.QUIZ_BUTTON))
    return InlineKeyboardMarkup([row])


# Telegram's own descriptions of a chat that is gone for good.  A 403 page from a proxy or a
# gateway (no JSON description) is not one of them: that is transient.
GONE_PHRASES = (
    "bot was blocked by the user",
    "user is deactivated",
    "chat not found",
    "bot was kicked",
    "bot is not a member",
    "group chat was deleted",
    "chat was deleted",
)


def _gone(error: TelegramError) -> bool:
    if not isinstance(error, Forbidden | BadRequest) or error.__cause__ is not None:
        return False  # a body that was not Telegram's JSON answer (e.g. an HTML 403 page)
    text = str(error).lower()
    return any(phrase in text for phrase in GONE_PHRASES)


def certainly_failed(error: TelegramError) -> bool:
    """Whether a send certainly did not reach the chat (so a retry cannot send it twice)."""
    if isinstance(error, TimedOut):
        return "not* sent" in str(error)  # only the pool timeout happens before sending
    if isinstance(error, RetryAfter | BadRequest | Forbidden):
        return True  # the Bot API answered: it refused this message
    if isinstance(error, NetworkError):
        cause = error.__cause__
        if isinstance(cause, httpx.HTTPError):
            return isinstance(cause, httpx.ConnectError)  # read errors: maybe sent
        # PTB words a transport error as "httpx.<Name>: …"; anything else is an HTTP answer
        # (5xx) saying the request failed.
        text = str(error)
        return text.startswith("httpx.ConnectError") or not text.startswith("httpx.")
    return False


async def deliver(
    bot: Bot,
    store: Storage,
    kb: KnowledgeBase,
    chat_id: int,
    now: datetime,
    zone: tzinfo,
    slots: asyncio.Semaphore | None = None,
    running: Callable[[], bool] | None = None,
) -> Outcome:
    """Send the chat's tip of today unless it went already; record it before confirming.

    `running` says whether the bot still runs: once it stops (SIGTERM in a container with a
    10 s grace), deliveries still waiting for a slot are left unclaimed for the next start.
    """
    async with slots or contextlib.nullcontext():
        if running is not None and not running():
            return Outcome.STOPPED
        return await _deliver(bot, store, kb, chat_id, now, zone)


async def _deliver(
    bot: Bot, store: Storage, kb: KnowledgeBase, chat_id: int, now: datetime, zone: tzinfo
) -> Outcome:
    today = local_day(now, zone)
    tip, day = await asyncio.to_thread(tip_of_the_day, store, kb, chat_id, today)
    if day.delivered or not await asyncio.to_thread(store.claim_delivery, chat_id, today):
        return Outcome.ALREADY  # sent, or being sent by another process or replica
    try:
        await bot.send_message(
            chat_id,
            tip_text(kb, tip),
            parse_mode="HTML",
            reply_markup=tip_keyboard(tip, quiz=bool(kb.quiz)),
        )
    except ChatMigrated as error:
        new_id = error.new_chat_id
        await asyncio.to_thread(store.release_delivery, chat_id, today)
        await asyncio.to_thread(store.move_chat, chat_id, new_id)
        logger.warning("chat %s became %s: subscription moved", chat_id, new_id)
        return Outcome.MOVED
    except TelegramError as error:
        if _gone(error):
            await asyncio.to_thread(store.unsubscribe, chat_id)
            logger.warning("chat %s is gone (%s): unsubscribed", chat_id, error)
            return Outcome.GONE
        if certainly_failed(error):
            await asyncio.to_thread(store.release_delivery, chat_id, today)
            logger.warning("tip for chat %s failed (%s): will retry", chat_id, error)
            return Outcome.FAILED
        logger.warning("tip for chat %s may have been sent (%s): not resent", chat_id, error)
        return Outcome.UNKNOWN
    await asyncio.to_thread(store.finish_delivery, chat_id, today)
    with_quiz = await asyncio.to_thread(store.tip_quiz, chat_id)
    if with_quiz and kb.quiz:
        try:
            await quiz_handlers.post_daily_question(bot, store, kb, chat_id, today)
        except TelegramError as error:  # the tip went: the question is not worth a retry
            logger.warning("quiz question for chat %s failed (%s)", chat_id, error)
    return Outcome.SENT


def _remove_jobs(job_queue: JobQueue[Any], chat_id: int) -> None:
    for name in (job_name(chat_id), retry_name(chat_id)):
        for job in job_queue.get_jobs_by_name(name):
            job.schedule_removal()


def schedule(
    job_queue: JobQueue[Any], subscription: Subscription, zone: tzinfo
) -> Job[ContextTypes.DEFAULT_TYPE]:
    """The chat's daily job at its time, replacing any earlier one (never two)."""
    _remove_jobs(job_queue, subscription.chat_id)
    at = time(subscription.at.hour, subscription.at.minute, tzinfo=zone)
    return job_queue.run_daily(
        delivery_job,
        at,
        chat_id=subscription.chat_id,
        name=job_name(subscription.chat_id),
        job_kwargs=JOB_KWARGS,
    )


def unschedule(job_queue: JobQueue[Any], chat_id: int) -> None:
    """Remove the chat's jobs."""
    _remove_jobs(job_queue, chat_id)


def next_run(job_queue: JobQueue[Any], chat_id: int) -> datetime | None:
    """When the chat's daily job runs next, if it is scheduled."""
    for job in job_queue.get_jobs_by_name(job_name(chat_id)):
        if job.next_t is not None:
            return job.next_t
    return None


async def delivery_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Sends the chat its tip of the day (or retries a failed one, the same day only)."""
    job, job_queue = context.job, context.job_queue
    if job is None or job.chat_id is None or job_queue is None:
        return
    state = state_of(context)
    zone = state.zone
    now = datetime.now(zone)
    if not await asyncio.to_thread(state.store.is_leader):
        return  # another replica broadcasts; its sweep sends this chat's tip
    if await asyncio.to_thread(state.store.subscription, job.chat_id) is None:
        unschedule(job_queue, job.chat_id)  # unsubscribed since this job was scheduled
        return
    application = context.application
    outcome = await deliver(
        context.bot,
        state.store,
        state.kb,
        job.chat_id,
        now,
        zone,
        state.sending,
        lambda: application.running,
    )
    if outcome is Outcome.GONE:
        unschedule(job_queue, job.chat_id)
    elif outcome is Outcome.MOVED:
        unschedule(job_queue, job.chat_id)
        await _reschedule_moved(job_queue, state.store, zone, now)
    elif outcome is Outcome.FAILED:
        retry_at = now + RETRY_AFTER
        if local_day(retry_at, zone) == local_day(now, zone):
            job_queue.run_once(
                delivery_job,
                RETRY_AFTER,
                chat_id=job.chat_id,
                name=retry_name(job.chat_id),
                job_kwargs=JOB_KWARGS,
            )
        else:
            logger.warning("tip for chat %s not delivered today: too late to retry", job.chat_id)


async def _reschedule_moved(
    job_queue: JobQueue[Any], store: Storage, zone: tzinfo, now: datetime
) -> None:
    """Schedule every subscription that has no job yet (a chat that moved to a new id)."""
    for subscription in await asyncio.to_thread(store.subscriptions):
        if not job_queue.get_jobs_by_name(job_name(subscription.chat_id)):
            schedule(job_queue, subscription, zone)
            job_queue.run_once(
                delivery_job,
                timedelta(seconds=1),
                chat_id=subscription.chat_id,
                name=retry_name(subscription.chat_id),
                job_kwargs=JOB_KWARGS,
            )


async def restore(
    job_queue: JobQueue[Any], store: Storage, zone: tzinfo, now: datetime
) -> tuple[int, int]:
    """Reschedule every subscription; send once today's tips missed while the bot was down."""
    subscriptions = await asyncio.to_thread(store.subscriptions)
    today = local_day(now, zone)
    missed = 0
    for subscription in subscriptions:
        schedule(job_queue, subscription, zone)
        day = await asyncio.to_thread(store.tip_day, subscription.chat_id, today)
        if is_due(subscription, now, zone, delivered=day is not None and day.delivered):
            missed += 1
            job_queue.run_once(
                delivery_job,
                timedelta(seconds=1),
                chat_id=subscription.chat_id,
                name=retry_name(subscription.chat_id),
                job_kwargs=JOB_KWARGS,
            )
    return len(subscriptions), missed


async def send_due_tips(
    bot: Bot | None,
    store: Storage,
    kb: KnowledgeBase,
    zone: tzinfo,
    now: datetime,
    slots: asyncio.Semaphore | None = None,
    running: Callable[[], bool] | None = None,
) -> list[tuple[Subscription, str]]:
    """Deliver every tip due now (time passed today, not yet sent); None as bot: dry run.

    Returns what was (or would be) done for each due chat.  Used by `python -m bot send-tips`
    for deployments that prefer an external scheduler to the in-process job queue.
    """
    today = local_day(now, zone)
    due: list[Subscription] = []
    for subscription in await asyncio.to_thread(store.subscriptions):
        day = await asyncio.to_thread(store.tip_day, subscription.chat_id, today)
        if is_due(subscription, now, zone, delivered=day is not None and day.delivered):
            due.append(subscription)
    if bot is None:
        previews = [await asyncio.to_thread(preview_tip, store, kb, s.chat_id, today) for s in due]
        return [(s, tip.id) for s, tip in zip(due, previews, strict=True)]
    outcomes = await asyncio.gather(
        *(deliver(bot, store, kb, s.chat_id, now, zone, slots, running) for s in due)
    )
    return [(s, outcome.value) for s, outcome in zip(due, outcomes, strict=True)]
