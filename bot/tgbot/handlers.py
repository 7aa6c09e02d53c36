"""Telegram handlers: translate updates into core calls, and core results into messages.

Every handler has the signature `async def name(update, context) -> None` and a docstring that
says what the user gets.  The state they share is one `bot.tgbot.state.BotState`.  The daily-tip
commands are in `tip_handlers`, the admin commands in `admin_handlers`.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import CommandHandler, ContextTypes

from bot.core import replies
from bot.core.answering import Kind, Result
from bot.core.knowledge import interview_paragraphs
from bot.core.privacy import loggable
from bot.core.replies import COMMANDS
from bot.core.textnorm import MAX_QUERY_CHARS, looks_traditional
from bot.core.throttle import Verdict
from bot.storage import Storage, StoreError
from bot.tgbot.render import (
    AnswerEntry,
    Block,
    Feedback,
    Rendered,
    TopicList,
    TopicPage,
    answer_blocks,
    converter,
    decode,
    question_keyboard,
    render_result,
    split_blocks,
    thanked,
    topic_list,
    topic_page,
)
from bot.tgbot.state import state_of

logger = logging.getLogger(__name__)
TOO_FAST = "您提问得太快了，请稍等一分钟再问。这段时间里的消息我先不回复。"

INLINE_RESULTS = 10
LOG_TASK = "question-log"  # the background write of one question to the log
EXAMPLES = ("two_skins", "main_content", "prescriptions")
NOT_TEXT = "我只能回答文字问题。请直接输入您想了解的内容，例如“六个融合有哪些”。"
ASK_USAGE = "请在 /ask 后面写上问题，例如：/ask 两张皮是什么意思"
STALE_BUTTON = "这个按钮对应的内容已经更新，请重新提问或发送 /topics 浏览。"
UNKNOWN_COMMAND = "没有 {command} 这个命令。发送 /help 查看可用命令，或直接输入您的问题。"
THANKS = "谢谢反馈！"
THANKS_UNHELPFUL = "谢谢反馈！管理员会据此改进回答；也可以换个说法再问。"
SOMETHING_WRONG = "抱歉，处理您的消息时出了点问题，请稍后再试。"


async def _send(message: Message, rendered: Rendered, *, quote: bool) -> None:
    """Send a rendered reply: its messages in order, the keyboard on the last."""
    for number, (text, keyboard) in enumerate(rendered.parts()):
        await message.reply_html(
            text,
            reply_markup=keyboard,
            do_quote=quote and number == 0,
            disable_web_page_preview=True,
        )


def _log_answer(chat_type: str, result: Result, started: float) -> None:
    # Never the message text: group members did not agree to have their words in a log file.
    logger.info(
        "question chat=%s status=%s entry=%s score=%.3f latency_ms=%.1f",
        chat_type,
        result.status.value,
        result.entry or "-",
        result.score,
        (time.perf_counter() - started) * 1000,
    )


async def _record(store: Storage, chat_type: str, typed: str, result: Result) -> None:
    try:
        await asyncio.to_thread(
            store.log_question,
            chat_type,
            loggable(typed) or None,
            result.status.value,
            result.entry,
            result.score,
        )
    except StoreError:
        logger.exception("could not record a question")


def _remember_offer(context: ContextTypes.DEFAULT_TYPE, result: Result) -> None:
    """Keep the questions a reply offered, so a bare number can pick one (as in the terminal)."""
    if context.chat_data is not None:
        context.chat_data["offered"] = result.offered


def _offered(context: ContextTypes.DEFAULT_TYPE) -> tuple[str, ...]:
    offered = context.chat_data.get("offered", ()) if context.chat_data is not None else ()
    return tuple(str(entry_id) for entry_id in offered)


async def _answer(message: Message, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """Answer `text` as a reply to `message` (quoting it in groups)."""
    state = state_of(context)
    verdict = state.throttle.check(message.chat.id, time.monotonic())
    if verdict is not Verdict.ANSWER:
        if verdict is Verdict.NOTICE:
            await message.reply_text(TOO_FAST)
        return
    # One answerer for the whole reply: a reload swapping it meanwhile cannot mix two versions.
    answerer = state.answerer
    started = time.perf_counter()
    # Matching takes about a millisecond (see README, Speed), so it runs on the event loop.
    result = answerer.pick(text, _offered(context)) or answerer.ask(text)
    _remember_offer(context, result)
    chat_type = message.chat.type
    _log_answer(chat_type, result, started)
    if result.kind is Kind.QUESTION:
        record = _record(state.store, chat_type, text, result)
        if context.application.running:
            # The reply does not wait for the log (a disk write); PTB awaits the task at stop.
            context.application.create_task(record, name=LOG_TASK)
        else:  # stopping: PTB would no longer await a new task, and the row would be lost
            await record
    await _send(
        message,
        render_result(answerer.kb, result, context.bot.username),
        quote=chat_type != ChatType.PRIVATE,
    )


# --------------------------------------------------------------------------- commands


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A welcome (introducing the bot once) with the commands; with a deep link
    t.me/<bot>?start=<entry id>, that entry's answer instead."""
    message = update.effective_message
    if message is None:
        return
    answerer = state_of(context).answerer
    kb = answerer.kb
    payload = (context.args or [""])[0]
    if payload in kb.by_id:
        logger.info("deep link entry=%s", payload)
        result = answerer.answer_entry(kb.by_id[payload], traditional=False)
        _remember_offer(context, result)
        await _send(message, render_result(kb, result, context.bot.username), quote=False)
        return
    commands = "\n".join(f"/{name} — {description}" for name, description in COMMANDS)
    source = replies.ABOUT.removeprefix(f"我是{replies.BOT_NAME}。")
    text = f"{replies.GREETING}\n\n{source}\n\n可用命令：\n{commands}"
    await message.reply_html(html.escape(text, quote=False))


async def my_id(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Anyone: their numeric Telegram id and this chat's (what OPINION_ADMINS needs)."""
    message, user = update.effective_message, update.effective_user
    if message is None:
        return
    lines = []
    if user is not None:
        lines.append(f"您的数字 ID：<code>{user.id}</code>")
    if message.chat.type != ChatType.PRIVATE or user is None or message.chat.id != user.id:
        lines.append(f"本聊天的 ID：<code>{message.chat.id}</code>")
    lines.append("管理员 ID 填在 OPINION_ADMINS 中（多个用逗号分隔）。")
    await message.reply_html("\n".join(lines), do_quote=message.chat.type != ChatType.PRIVATE)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The commands and three example questions as buttons."""
    if update.effective_message is None:
        return
    kb = state_of(context).kb
    examples = [e for e in EXAMPLES if e in kb.by_id] or [e.id for e in kb.entries[:3]]
    commands = "\n".join(f"/{name} — {description}" for name, description in COMMANDS)
    text = (
        "直接发送问题即可（简体、繁体、拼音都可以）；在群聊中请用 /ask 问题、@我 或回复我的消息。"
        f"\n\n{commands}\n\n试试这些问题："
    )
    await update.effective_message.reply_html(
        html.escape(text, quote=False), reply_markup=question_keyboard(kb, examples, False)
    )


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The knowledge base's topics as buttons: topic → questions → answer."""
    if update.effective_message is None:
        return
    text, keyboard = topic_list(state_of(context).kb, 0)
    await update.effective_message.reply_html(text, reply_markup=keyboard)


async def source(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The citation and the full interview, split at paragraph boundaries."""
    if update.effective_message is None:
        return
    kb = state_of(context).kb
    origin = kb.source
    header = (
        f"《{origin.title}》由{origin.issuer}印发。以下是{origin.interview_date}{origin.issuer}"
        f"有关负责人答记者问的全文，刊于《{origin.publication}》{origin.published}{origin.page}。"
    )
    paragraphs = interview_paragraphs(kb.interview)
    # The headline and the five questions in bold, each answer as it stands.
    blocks = [Block(header, "b")] + [
        Block(p, "b" if index == 0 or p.startswith("问：") else None)
        for index, p in enumerate(paragraphs)
    ]
    for text in split_blocks(blocks):
        await update.effective_message.reply_html(text, disable_web_page_preview=True)


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The answer to the question after /ask (the way to ask in a group)."""
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question.strip():
        await message.reply_text(ASK_USAGE, do_quote=message.chat.type != ChatType.PRIVATE)
        return
    await _answer(message, context, question)


# --------------------------------------------------------------------------- messages


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The answer to any text sent in a private chat."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    await _answer(message, context, message.text)


def _addressed_text(message: Message, username: str, bot_id: int) -> str | None:
    """The question in a group message if it addresses the bot, else None."""
    text = message.text or ""
    mentioned = False
    for entity, value in message.parse_entities(
        [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    ).items():
        if (entity.type == MessageEntity.MENTION and value.lower() == f"@{username}".lower()) or (
            entity.user is not None and entity.user.id == bot_id
        ):
            mentioned = True
            text = text.replace(value, " ")
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        mentioned = True
    return text if mentioned else None


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups: an answer, as a reply, when the message mentions the bot or replies to it."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    question = _addressed_text(message, context.bot.username, context.bot.id)
    if question is None:
        return
    await _answer(message, context, question)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A short note and /help for a command this bot does not have (in groups only when the
    command names this bot, as /foo@ThisBot: a bare /foo there may be meant for another bot)."""
    message = update.effective_message
    if message is None or not message.text:
        return
    command = message.text.split()[0]
    name, _, addressee = command.partition("@")
    known = {
        known_command
        for group in context.application.handlers.values()
        for handler in group
        if isinstance(handler, CommandHandler)
        for known_command in handler.commands
    }
    if name[1:].lower() in known:
        return
    if message.chat.type != ChatType.PRIVATE and addressee.lower() != context.bot.username.lower():
        return
    if addressee and addressee.lower() != context.bot.username.lower():
        return
    await message.reply_text(
        UNKNOWN_COMMAND.format(command=name[:32]), do_quote=message.chat.type != ChatType.PRIVATE
    )


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A short note that only text questions can be answered (private chats only)."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(NOT_TEXT)


# --------------------------------------------------------------------------- buttons


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The answer behind a pressed question button, or the next step of topic browsing."""
    query = update.callback_query
    if query is None:
        return
    answerer = state_of(context).answerer  # one snapshot for the whole press
    kb = answerer.kb
    press = decode(query.data)
    match press:
        case AnswerEntry(entry_id, traditional) if entry_id in kb.by_id:
            await query.answer()
            chat = query.message.chat if query.message is not None else None
            target = chat.id if chat is not None else query.from_user.id
            result = answerer.answer_entry(kb.by_id[entry_id], traditional=traditional)
            _remember_offer(context, result)
            for text, keyboard in render_result(kb, result, context.bot.username).parts():
                await context.bot.send_message(
                    target,
                    text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard,
                    disable_web_page_preview=True,
                )
            logger.info("button chat=%s entry=%s", chat.type if chat else "-", entry_id)
        case TopicList(page):
            await query.answer()
            text, keyboard = topic_list(kb, page)
            await _edit_or_send(update, context, text, keyboard)
        case TopicPage(version, topic, page) if kb.version.startswith(version) and topic < len(
            kb.topics
        ):
            await query.answer()
            text, keyboard = topic_page(kb, topic, page)
            await _edit_or_send(update, context, text, keyboard)
        case TopicPage():
            # The knowledge base changed since this menu was sent: show the current topics.
            await query.answer(STALE_BUTTON)
            text, keyboard = topic_list(kb, 0)
            await _edit_or_send(update, context, text, keyboard)
        case Feedback(entry_id, helpful):
            await _feedback(update, context, entry_id, helpful)
        case _:
            await query.answer(STALE_BUTTON, show_alert=True)


async def _feedback(
    update: Update, context: ContextTypes.DEFAULT_TYPE, entry_id: str, helpful: bool
) -> None:
    """Record one vote per message: the 👍 / 👎 row becomes a thank-you before the vote counts,
    so a second press (the edit fails as "not modified", or the row is gone) records nothing."""
    query = update.callback_query
    state = state_of(context)
    entry = state.kb.by_id.get(entry_id)
    message = query.message if query is not None else None
    if query is None or entry is None or not isinstance(message, Message):
        if query is not None:
            await query.answer(THANKS)
        return
    markup = message.reply_markup or InlineKeyboardMarkup([])
    try:
        await query.edit_message_reply_markup(thanked(markup, entry, context.bot.username))
    except BadRequest as exc:
        if "not modified" in str(exc).lower():
            await query.answer(THANKS)
            return
        raise
    try:
        await asyncio.to_thread(state.store.record_feedback, entry.id, helpful)
    except StoreError:
        logger.exception("could not record feedback")
    logger.info("feedback entry=%s helpful=%s", entry.id, helpful)
    await query.answer(THANKS if helpful else THANKS_UNHELPFUL)


async def _edit_or_send(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, markup: InlineKeyboardMarkup
) -> None:
    """Show a browsing step in place of the menu it came from (or anew if that fails)."""
    query = update.callback_query
    if query is None:
        return
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" in str(exc).lower():
            return
        if query.message is not None:
            await context.bot.send_message(
                query.message.chat.id, text, parse_mode=ParseMode.HTML, reply_markup=markup
            )


# --------------------------------------------------------------------------- inline mode


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The best matching entries as shareable results (empty query: the most asked)."""
    query = update.inline_query
    if query is None:
        return
    state = state_of(context)
    answerer = state.answerer
    kb = answerer.kb
    text = query.query[: MAX_QUERY_CHARS * 2]
    traditional = looks_traditional(text)
    if text.strip():
        prepared = answerer.matcher.prepare(text)
        # Everyday words (手机, 同学) are no subject of their own in a few browsing words:
        # 有力抓手机制 holds 手机, 共同学习 同学.
        if any(term in prepared for term in kb.plainly_not_covered):
            ids: list[str] = []
        else:
            floor = answerer.tuning.suggest_score
            ids = [kb.entries[c.index].id for c in answerer.rank(prepared) if c.score >= floor]
    else:
        ids = await asyncio.to_thread(state.store.top_entries, INLINE_RESULTS)
        ids += [e.id for e in kb.entries if e.id not in ids]
    say = converter(traditional)
    results = []
    for entry_id in list(dict.fromkeys(ids))[:INLINE_RESULTS]:
        entry = kb.by_id.get(entry_id)
        if entry is None:
            continue
        body = split_blocks(answer_blocks(kb, entry, traditional, related_lead=False))[0]
        results.append(
            InlineQueryResultArticle(
                id=entry.id,
                title=say(entry.question),
                description=say(entry.summary or entry.passage)[:100],
                input_message_content=InputTextMessageContent(body, parse_mode=ParseMode.HTML),
            )
        )
    await query.answer(results, cache_time=60, is_personal=False)


# --------------------------------------------------------------------------- errors


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Logs the failure; the user hears that something went wrong, the bot goes on."""
    if isinstance(context.error, Forbidden):
        logger.warning("blocked or removed from a chat: %s", context.error)
        return
    if update is None and isinstance(context.error, NetworkError):
        # A failed getUpdates: PTB polls again with growing pauses; nothing is lost meanwhile.
        logger.warning(
            "the Bot API is unreachable (%s: %s); polling resumes when it is back",
            type(context.error).__name__,
            str(context.error).splitlines()[0] if str(context.error) else "no detail",
        )
        return
    where = update.update_id if isinstance(update, Update) else type(update).__name__
    logger.error("update %s caused an error", where, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, SOMETHING_WRONG)
        except TelegramError:
            logger.warning("could not tell chat %s about the error", update.effective_chat.id)
