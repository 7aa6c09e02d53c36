"""Admin commands on Telegram: reload the knowledge base, see what people ask.

Admins are the user ids in OPINION_ADMINS; nothing said in Telegram can make anyone an admin.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import ParamSpec, TypeVar

from telegram import Update
from telegram.ext import ContextTypes

from bot.core import admin
from bot.core.answering import Answerer
from bot.core.knowledge import MAX_FILE_BYTES, KnowledgeError, KnowledgePaths, Problem
from bot.core.problem_text import problems_zh
from bot.tgbot.render import Block, split_blocks
from bot.tgbot.state import BotState, state_of

logger = logging.getLogger(__name__)

NOT_ADMIN = "抱歉，这个命令仅限管理员使用。"
UNWRITABLE = (
    "文件有效，但服务器上的 {name} 无法写入（权限不足或磁盘已满），知识库未作更改。"
    "请让运维人员把 OPINION_KB 设在可写的目录（容器中为数据卷）。"
)
PRIVATE_ONLY = "管理员命令只在与我的私聊中使用，以免在群里公开用户的提问。"
UNANSWERED_DEFAULT = 20
UNANSWERED_MAX = 100


async def _admin_state(update: Update, context: ContextTypes.DEFAULT_TYPE) -> BotState | None:
    """The state if the sender is an admin; otherwise a polite refusal (logged) and None."""
    state = state_of(context)
    user, message, chat = update.effective_user, update.effective_message, update.effective_chat
    if user is not None and user.id in state.admins:
        # What admin commands show (other people's questions) must not be posted to a group.
        if chat is not None and chat.type == chat.PRIVATE:
            return state
        if message is not None:
            await message.reply_text(PRIVATE_ONLY)
        return None
    words = ((message.text or message.caption or "") if message else "").split()
    command = words[0] if words else "?"
    logger.warning("refused %s to non-admin user %s", command[:40], user.id if user else "-")
    if message is not None:
        await message.reply_text(NOT_ADMIN)
    return None


async def _reply_long(update: Update, text: str) -> None:
    """Send plain text, split under Telegram's limit at line boundaries."""
    if update.effective_message is None:
        return
    for part in split_blocks([Block(line) for line in text.split("\n")], separator="\n"):
        await update.effective_message.reply_html(part)


def _swap(state: BotState, new: Answerer) -> None:
    # One assignment: a question is answered from the old answerer or the new, never a mix.
    state.answerer = new
    state.loaded_at = datetime.now(state.zone)


# Validating a knowledge base takes well under a second; a file that keeps a worker thread busy
# much longer is refused (the thread cannot be stopped, but nobody waits for it).
VALIDATION_SECONDS = 30.0
P = ParamSpec("P")
R = TypeVar("R")


async def _bounded(work: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """`work` in a worker thread; past VALIDATION_SECONDS a KnowledgeError, nothing changed."""
    try:
        return await asyncio.wait_for(
            asyncio.to_thread(work, *args, **kwargs), timeout=VALIDATION_SECONDS
        )
    except TimeoutError:
        message = f"validation took longer than {VALIDATION_SECONDS:.0f} s: refused"
        raise KnowledgeError([Problem("knowledge", message)]) from None


async def _publish(state: BotState) -> None:
    # Other replicas on the same database see the new version and load the same files.
    await asyncio.to_thread(state.store.publish_kb_version, state.kb.version)


async def reload_state(state: BotState) -> admin.Diff:
    """Reload from disk into `state` (raises KnowledgeError, leaving it untouched)."""
    new, diff = await _bounded(admin.reload, state.answerer, state.knowledge)
    _swap(state, new)
    await _publish(state)
    logger.info("knowledge base reloaded: version %s", diff.version)
    return diff


async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins: re-read and validate the knowledge base; swap it in only if all is valid."""
    state = await _admin_state(update, context)
    if state is None:
        return
    try:
        diff = await reload_state(state)
    except KnowledgeError as exc:
        logger.warning("reload refused: %d problem(s)", len(exc.problems))
        await _reply_long(update, problems_zh(exc.problems, state.kb))
        return
    await _reply_long(update, diff.summary())


async def reload_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins: a YAML file sent with the caption /reload replaces its file if it is valid."""
    message = update.effective_message
    if message is None or not addressed_to_me(message.caption or "", context.bot.username):
        return  # `/reload@SomeOtherBot` is for another bot
    state = await _admin_state(update, context)
    if state is None or message is None or message.document is None:
        return
    document = message.document
    if document.file_size is not None and document.file_size > MAX_FILE_BYTES:
        await message.reply_text(
            f"文件太大（{document.file_size:,} 字节，上限 {MAX_FILE_BYTES:,}），未下载、未更改。"
        )
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    paths = KnowledgePaths.resolve(state.knowledge)
    # Recognising a file by its content parses it: off the event loop, like the validation.
    target = await asyncio.to_thread(admin.upload_target, paths, document.file_name, data)
    started = time.perf_counter()
    try:
        kb = await _bounded(admin.validate_upload, paths, target, data)
    except KnowledgeError as exc:
        await _reply_long(update, problems_zh(exc.problems, state.kb))
        return
    new, diff = await asyncio.to_thread(admin.successor, state.answerer, kb, started)
    try:
        backup = await asyncio.to_thread(admin.install, target, data)
    except OSError as exc:
        logger.error("cannot write the uploaded %s: %s", target, exc)
        await message.reply_text(UNWRITABLE.format(name=target.name))
        return
    _swap(state, new)
    await _publish(state)
    note = f"\n已写入 {target.name}" + (f"，旧版本保存为 {backup.name}" if backup else "")
    logger.info("knowledge file %s replaced by upload: version %s", target.name, kb.version)
    await _reply_long(update, diff.summary() + note)


def addressed_to_me(caption: str, username: str) -> bool:
    """Whether a `/reload` caption is for this bot (no @mention, or this bot's)."""
    command = caption.split(maxsplit=1)[0] if caption.strip() else ""
    _, at, mention = command.partition("@")
    return not at or mention.lower() == username.lower()


def _parse_limit(args: list[str] | None) -> int:
    # str.isdigit accepts "²" and other digits that int() refuses.
    if args and args[0].isascii() and args[0].isdigit():
        return max(1, min(UNANSWERED_MAX, int(args[0])))
    return UNANSWERED_DEFAULT


async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins: the most frequent recent questions the bot could not answer, with counts."""
    state = await _admin_state(update, context)
    if state is None or update.effective_message is None:
        return
    limit = _parse_limit(context.args)
    rows = await asyncio.to_thread(state.store.unanswered, limit)
    unhelpful = await asyncio.to_thread(state.store.unhelpful_entries, limit)
    if not rows and not unhelpful:
        await update.effective_message.reply_text(
            "最近 30 天没有未能回答的问题，也没有回答被标记为没帮上。"
        )
        return
    lines = []
    if rows:
        lines.append(f"最近 30 天未能直接回答的问题（共 {len(rows)} 条，按次数）：")
        lines += [f"{count} × {question}" for question, count in rows]
    if unhelpful:
        kb = state.kb
        if lines:
            lines.append("")
        lines.append("最近 30 天被标记为“没帮上”的回答（👎 次数，括号内为 👍）：")
        lines += [
            f"{bad} × {kb.by_id[entry].question if entry in kb.by_id else entry}"
            f"（{entry}；👍 {good}）"
            for entry, bad, good in unhelpful
        ]
    await _reply_long(update, "\n".join(lines))


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins: questions and outcomes, top entries, subscribers, tips, knowledge-base version."""
    state = await _admin_state(update, context)
    if state is None or update.effective_message is None:
        return
    now = datetime.now(state.zone)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    periods = (
        ("今天", midnight),
        ("近 7 天", now - timedelta(days=7)),
        ("近 30 天", now - timedelta(days=30)),
    )
    store = state.store
    lines = ["<b>问答统计</b>"]
    for label, since in periods:
        counts = await asyncio.to_thread(store.question_stats, since)
        total = counts["total"]
        if not total:
            lines.append(f"{label}：0 个问题")
            continue
        answered, suggested, unknown = admin.shares(
            [counts.get(status, 0) for status in ("answered", "suggested", "unknown")]
        )
        lines.append(
            f"{label}：{total} 个问题；回答 {answered}%，给出选项 {suggested}%，未涉及 {unknown}%"
        )
    top = await asyncio.to_thread(store.top_entry_counts, 10, now - timedelta(days=30))
    kb = state.kb
    lines.append("<b>近 30 天最常回答的问题</b>")
    lines += [
        f"{n}. {html.escape(kb.by_id[entry].question if entry in kb.by_id else entry)}"
        f"（{count} 次）"
        for n, (entry, count) in enumerate(top, 1)
    ] or ["暂无"]
    helpful, unhelpful = await asyncio.to_thread(store.feedback_counts, now - timedelta(days=30))
    votes = helpful + unhelpful
    if votes:
        good, _ = admin.shares([helpful, unhelpful])
        lines.append(f"<b>近 30 天的反馈</b>\n有帮助 {good}%（👍 {helpful}，👎 {unhelpful}）")
    else:
        lines.append("<b>近 30 天的反馈</b>\n暂无")
    subscribers = len(await asyncio.to_thread(store.subscriptions))
    sent = await asyncio.to_thread(store.tips_delivered)
    lines.append(f"<b>每日学习</b>\n订阅 {subscribers} 个；已推送 {sent} 条")
    loaded = state.loaded_at.strftime("%Y-%m-%d %H:%M") if state.loaded_at else "—"
    lines.append(
        f"<b>知识库</b>\n版本 {kb.version}，{len(kb.entries)} 个条目、{len(kb.tips)} 条提示；"
        f"加载于 {loaded}"
    )
    await update.effective_message.reply_html("\n".join(lines))
