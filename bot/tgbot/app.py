"""The Telegram application: one factory that builds it and registers every handler.

Lifecycle lives in `post_init` (open the store, load the knowledge base, set the command menu)
and `post_shutdown` (close the store); nothing happens at import time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from datetime import datetime, time
from typing import Any
from urllib.parse import urlparse

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    InlineQueryHandler,
    JobQueue,
    MessageHandler,
    PollAnswerHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot.core import admin, replies
from bot.core.answering import Answerer
from bot.core.knowledge import KnowledgeBase, KnowledgeError, KnowledgePaths, load_knowledge
from bot.core.seed import seed_knowledge
from bot.storage import StoreError, open_store
from bot.storage.backup import BotRunning, run_lock
from bot.tgbot import (
    admin_handlers,
    handlers,
    quiz_handlers,
    replicas,
    scheduling,
    tip_handlers,
    webhook,
)
from bot.tgbot.concurrency import PerChatOrder
from bot.tgbot.settings import Settings, SettingsError, load_settings
from bot.tgbot.state import STATE_KEY, BotState, state_of

logger = logging.getLogger(__name__)

SETTINGS_KEY = "settings"
PRELOADED_KB_KEY = "preloaded knowledge base"  # what `run` loaded to fail fast, reused once
PURGE_JOB = "purge-log"
UNKNOWN_COMMAND_GROUP = 99

# The rate limiter makes the bot an ExtBot[int]; handlers see the default context types.
BotApplication = Application[
    ExtBot[int],
    ContextTypes.DEFAULT_TYPE,
    dict[Any, Any],
    dict[Any, Any],
    dict[Any, Any],
    JobQueue[ContextTypes.DEFAULT_TYPE],
]


def _settings(application: BotApplication) -> Settings:
    settings = application.bot_data.get(SETTINGS_KEY)
    if not isinstance(settings, Settings):
        raise RuntimeError("the application was not built by build_application")
    return settings


async def post_init(application: BotApplication) -> None:
    """Open the store, load the knowledge base and set the command menu."""
    settings = _settings(application)
    store = await asyncio.to_thread(open_store, settings.store_target)
    preloaded = application.bot_data.pop(PRELOADED_KB_KEY, None)
    if isinstance(preloaded, KnowledgeBase):  # checked by `run` a moment ago: not read twice
        kb = preloaded
    else:
        kb = await asyncio.to_thread(load_knowledge, settings.knowledge)
    answerer = await asyncio.to_thread(Answerer, kb)
    folder = KnowledgePaths.resolve(settings.knowledge).entries.parent
    for stale in await asyncio.to_thread(admin.remove_stale_uploads, folder):
        logger.warning("removed %s, left by an upload that was interrupted", stale.name)
    # The first question would otherwise pay for OpenCC's dictionaries (both directions: the
    # first reader who writes Traditional too) and the pinyin table.
    await asyncio.to_thread(answerer.ask, "兩张皮是什么意思")
    state = BotState(
        answerer,
        store,
        settings.timezone,
        settings.admins,
        settings.knowledge,
        datetime.now(settings.timezone),
    )
    application.bot_data[STATE_KEY] = state
    try:
        purged = await asyncio.to_thread(store.purge_questions, settings.log_days)
        await asyncio.to_thread(store.purge_feedback, settings.log_days)
    except StoreError as exc:
        # A nearly full disk must not stop the bot: the purge is tried again every night.
        logger.warning("question log not purged at start-up: %s", exc)
    else:
        logger.info("question log: %d rows older than %d days purged", purged, settings.log_days)
    logger.info(
        "knowledge base %s: %d entries, %d tips", kb.version, len(kb.entries), len(kb.tips)
    )
    if application.job_queue is not None:
        count, missed = await scheduling.restore(
            application.job_queue, store, settings.timezone, datetime.now(settings.timezone)
        )
        logger.info("restored %d subscriptions (%d missed today: sent now)", count, missed)
        timeouts = await quiz_handlers.restore_timeouts(application.job_queue, state)
        logger.info("restored %d open challenge questions", timeouts)
        if store.backend == "postgresql":  # replicas: one broadcasting leader, reloads everywhere
            await replicas.start(application.job_queue, state)
        application.job_queue.run_daily(
            purge_log_job,
            time(3, 30, tzinfo=settings.timezone),
            name=PURGE_JOB,
            data=settings.log_days,
        )
    _watch_sighup(application, state)
    try:
        await application.bot.set_my_commands(
            [BotCommand(name, description) for name, description in replies.COMMANDS]
        )
    except TelegramError as exc:
        logger.warning("the Bot API server refused the command menu: %s", exc)
    # Admins see their commands in their own private chats' menu.
    admin_menu = [
        BotCommand(name, description)
        for name, description in (*replies.COMMANDS, *replies.ADMIN_COMMANDS)
    ]
    for admin_id in sorted(settings.admins):
        try:
            await application.bot.set_my_commands(admin_menu, scope=BotCommandScopeChat(admin_id))
        except TelegramError as exc:
            logger.warning("could not set the admin menu for %s: %s", admin_id, exc)


def _watch_sighup(application: BotApplication, state: BotState) -> None:
    """SIGHUP reloads the knowledge base, as /reload does, without Telegram."""
    if not hasattr(signal, "SIGHUP"):
        return

    async def reload() -> None:
        try:
            diff = await admin_handlers.reload_state(state)
        except KnowledgeError as exc:
            logger.error(
                "SIGHUP reload refused; still serving version %s:\n%s",
                state.kb.version,
                "\n".join(str(p) for p in exc.problems),
            )
            return
        logger.info("SIGHUP reload: %s", diff.summary().replace("\n", "; "))

    def on_signal() -> None:
        application.create_task(reload(), name="sighup-reload")

    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, on_signal)
    except (NotImplementedError, RuntimeError):  # not the main thread, or no signals here
        logger.warning("SIGHUP reload is not available in this process")


async def purge_log_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Deletes question-log rows older than OPINION_LOG_DAYS (runs daily)."""
    days = context.job.data if context.job is not None else None
    if isinstance(days, int):
        purged = await asyncio.to_thread(state_of(context).store.purge_questions, days)
        await asyncio.to_thread(state_of(context).store.purge_feedback, days)
        logger.info("question log: %d rows older than %d days purged", purged, days)


async def post_shutdown(application: BotApplication) -> None:
    """Close the store."""
    state = application.bot_data.get(STATE_KEY)
    if isinstance(state, BotState):
        await asyncio.to_thread(state.store.close)
    if hasattr(signal, "SIGHUP"):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)


def register_handlers(application: BotApplication) -> None:
    """Every handler, in one place: commands, messages, buttons, inline mode, errors."""
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    # Edited messages are ignored everywhere (README): an edited `/subscribe 9:15` or the
    # edited caption of an old upload must not act again.
    new_message = filters.UpdateType.MESSAGE
    application.add_handlers(
        [
            CommandHandler("start", handlers.start, filters=new_message),
            CommandHandler("help", handlers.help_command, filters=new_message),
            CommandHandler("topics", handlers.topics, filters=new_message),
            CommandHandler("source", handlers.source, filters=new_message),
            CommandHandler("ask", handlers.ask_command, filters=new_message),
            CommandHandler("tip", tip_handlers.tip, filters=new_message),
            CommandHandler("subscribe", tip_handlers.subscribe, filters=new_message),
            CommandHandler("unsubscribe", tip_handlers.unsubscribe, filters=new_message),
            CommandHandler(
                ["mysub", "subscription"], tip_handlers.my_subscription, filters=new_message
            ),
            # study mode: quiz rounds, challenges, points, rankings, erasure
            CommandHandler("quiz", quiz_handlers.quiz, filters=new_message),
            CommandHandler("challenge", quiz_handlers.challenge, filters=new_message),
            CommandHandler("score", quiz_handlers.score, filters=new_message),
            CommandHandler("rank", quiz_handlers.rank, filters=new_message),
            CommandHandler("forgetme", quiz_handlers.forget_me, filters=new_message),
            PollAnswerHandler(quiz_handlers.poll_answer),
            CallbackQueryHandler(
                quiz_handlers.quiz_button, pattern=f"^{quiz_handlers.QUIZ_BUTTON}$"
            ),
            MessageHandler(filters.StatusUpdate.MIGRATE, tip_handlers.chat_migrated),
            CommandHandler("reload", admin_handlers.reload_command, filters=new_message),
            MessageHandler(
                new_message
                & filters.Document.ALL
                & filters.CaptionRegex(r"^/reload(@\w+)?(\s|$)"),
                admin_handlers.reload_document,
            ),
            CommandHandler("unanswered", admin_handlers.unanswered, filters=new_message),
            # Admins' setup: anyone may learn their numeric id (and the chat's).
            CommandHandler("myid", handlers.my_id, filters=new_message),
            CommandHandler("stats", admin_handlers.stats, filters=new_message),
            MessageHandler(
                new_message & private & filters.TEXT & ~filters.COMMAND, handlers.private_text
            ),
            MessageHandler(
                new_message & groups & filters.TEXT & ~filters.COMMAND, handlers.group_text
            ),
            MessageHandler(
                new_message & private & ~filters.TEXT & ~filters.StatusUpdate.ALL,
                handlers.not_text,
            ),
            CallbackQueryHandler(handlers.button),
            InlineQueryHandler(handlers.inline_query),
        ]
    )
    # Unknown commands: a group of their own, last, so no command registered anywhere (in any
    # order) is swallowed; the handler itself skips every command some CommandHandler knows.
    application.add_handler(
        MessageHandler(new_message & filters.COMMAND, handlers.unknown_command),
        group=UNKNOWN_COMMAND_GROUP,
    )
    application.add_error_handler(handlers.error_handler)


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
) -> BotApplication:
    """The bot, ready to initialise and run; `request` lets tests capture Bot API calls."""
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .rate_limiter(scheduling.rate_limiter())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .concurrent_updates(PerChatOrder())
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    if settings.base_file_url:
        builder = builder.base_file_url(settings.base_file_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(updates_request or request)
    elif settings.proxy:
        # Every Bot API call, long polling included, goes through the proxy.
        builder = builder.proxy(settings.proxy).get_updates_proxy(settings.proxy)
    application = builder.build()
    application.bot_data[SETTINGS_KEY] = settings
    register_handlers(application)
    return application


def redact(text: str, token: str) -> str:
    """`text` without the bot token (nor its secret half, which alone is enough to abuse)."""
    if not token:
        return text
    text = text.replace(token, "<token>")
    secret = token.partition(":")[2]
    return text.replace(secret, "<token>") if len(secret) >= 8 else text


class RedactToken(logging.Filter):
    """Replaces the bot token in every log record, whatever logged it: message, arguments,
    traceback and stack (a 401 from getMe carries the URL, token included, in its traceback)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), self.token)
        record.args = ()
        if record.exc_info:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(text, self.token)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text, self.token)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.token)
        return True


class OneLineNetworkErrors(logging.Filter):
    """A lost connection is an event, not a bug: one line instead of a traceback (PTB logs
    each failed getUpdates with its traceback and retries on its own)."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, NetworkError):
            detail = str(error).splitlines()[0] if str(error) else "no detail"
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {detail})"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def configure_logging(token: str) -> None:
    """One line per event on stderr; HTTP request lines (which carry the URL) only on error."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(OneLineNetworkErrors())
    handler.addFilter(RedactToken(token))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


FIRST_WAIT, LONGEST_WAIT = 1.0, 60.0


async def wait_for_api(settings: Settings) -> bool:
    """Call getMe until the Bot API answers: one log line per failure, waits doubling up to a
    minute.  False on an invalid token (retrying cannot help)."""
    probe = ExtBot(
        settings.token,
        base_url=settings.base_url or "https://api.telegram.org/bot",
        request=HTTPXRequest(proxy=settings.proxy),
    )
    wait = FIRST_WAIT
    try:
        while True:
            try:
                me = await probe.get_me()
            except InvalidToken:
                logger.error("the Bot API refused the token (401): check TELEGRAM_BOT_TOKEN")
                return False
            except TelegramError as exc:
                logger.warning(
                    "the Bot API is unreachable (%s: %s); retrying in %.0f s",
                    type(exc).__name__,
                    str(exc).splitlines()[0] if str(exc) else "no detail",
                    wait,
                )
                await asyncio.sleep(wait)
                wait = min(wait * 2, LONGEST_WAIT)
                continue
            logger.info("connected to the Bot API as @%s", me.username)
            return True
    finally:
        with contextlib.suppress(TelegramError):
            await probe.shutdown()


def run_from_environment() -> int:
    """`python -m bot run`: polling, or a webhook server when WEBHOOK_URL is set."""
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"opinion-bot: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.token)
    if settings.knowledge is not None and settings.knowledge_seed is not None:
        try:
            copied = seed_knowledge(settings.knowledge, settings.knowledge_seed)
        except OSError as exc:
            print(f"opinion-bot: cannot seed the knowledge base: {exc}", file=sys.stderr)
            return 1
        if copied:
            logger.info(
                "knowledge base seeded into %s from %s: %s",
                settings.knowledge,
                settings.knowledge_seed,
                ", ".join(str(p.relative_to(settings.knowledge)) for p in copied),
            )
    # Fail fast, before any network call, on a knowledge base or database that cannot work.
    try:
        kb = load_knowledge(settings.knowledge)
        open_store(settings.store_target).close()
    except StoreError as exc:
        print(f"opinion-bot: {exc}", file=sys.stderr)
        return 1
    logger.info("database: %s", settings.database_display)
    if settings.database_url:  # replicas share PostgreSQL: the run lock guards one SQLite file
        return _serve(settings, kb)
    try:
        # Held until exit: `restore` refuses while it is taken, so does a second bot.
        with run_lock(settings.database):
            return _serve(settings, kb)
    except BotRunning as exc:
        print(f"opinion-bot: {exc}", file=sys.stderr)
        return 1


def _serve(settings: Settings, kb: KnowledgeBase) -> int:
    if settings.proxy_display:
        logger.info("Bot API via the proxy %s", settings.proxy_display)
    try:
        if not asyncio.run(wait_for_api(settings)):
            return 2
    except KeyboardInterrupt:
        return 130
    application = build_application(settings)
    application.bot_data[PRELOADED_KB_KEY] = kb
    try:
        _run(application, settings)
    except Exception as exc:
        print(f"opinion-bot: stopped: {redact(repr(exc), settings.token)}", file=sys.stderr)
        return 1
    return 0


def _run(application: BotApplication, settings: Settings) -> None:
    if settings.webhook_url:
        # Our own server, not run_webhook: it refuses a wrong secret or an oversized body from
        # the headers alone (see bot/tgbot/webhook.py).
        asyncio.run(
            webhook.serve(
                application,
                port=settings.port,
                path=urlparse(settings.webhook_url).path,
                url=settings.webhook_url,
                secret=settings.webhook_secret or "",
            )
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1)
