"""Study mode on Telegram: /quiz, /challenge, poll answers, /score, /rank, /forgetme.

Questions go out as non-anonymous quiz polls (Telegram reports each vote as a PollAnswer).  What
each poll asks is written to the store before anyone can answer it, and every answer is recorded
once by the store's key, so a restart mid-round loses nothing and a replayed update counts once.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType, ParseMode, PollType
from telegram.ext import ContextTypes, JobQueue

from bot.core.knowledge import KnowledgeBase
from bot.core.quiz import QuizItem, challenge_order, daily_round, is_correct, study_streak
from bot.core.quiz import week_start as monday
from bot.core.tips import local_day
from bot.storage import Storage
from bot.storage.quizdb import PollRef, Round
from bot.tgbot.render import AnswerEntry, encode
from bot.tgbot.state import BotState, state_of

logger = logging.getLogger(__name__)

OptionId = Literal[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
# Telegram numbers at most 12 options; the bank's check keeps to 10.
OPTION_IDS: tuple[OptionId, ...] = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)

QUIZ_BUTTON = "qz"  # callback data of the "今日答题" button under a tip
CHALLENGE_SECONDS = 30
GRACE_SECONDS = 3  # a vote sent just before the poll closed may arrive a little after
FULL_ANSWER_LABEL = "查看完整解答"
NO_QUIZ = "知识库中暂无题目。"
GROUP_ROUND_DONE = "今天的 {n} 道题已经全部发出，明天再来！"


def _timeout_job(poll_id: str) -> str:
    return f"quiz-timeout:{poll_id}"


def _today(state: BotState) -> date:
    return local_day(datetime.now(state.zone), state.zone)


@dataclass(frozen=True, slots=True)
class Desk:
    """What playing needs: the bot to send with, the job queue (for time-outs), store and bank."""

    bot: Bot
    jobs: JobQueue[Any] | None
    store: Storage
    kb: KnowledgeBase


def _desk(context: ContextTypes.DEFAULT_TYPE) -> Desk:
    state = state_of(context)
    return Desk(context.bot, context.job_queue, state.store, state.kb)


async def _send_question(desk: Desk, played: Round) -> int | None:
    """Send the round's current question; its position, or None when none is left."""
    kb = desk.kb
    position = played.position
    while position < len(played.questions):
        item = kb.quiz_by_id.get(played.questions[position])
        if item is not None:
            break
        # The question left the bank in a reload since the round began: skip it.
        await asyncio.to_thread(desk.store.advance_round, played.id, position)
        position += 1
    else:
        return None
    timed = played.mode == "challenge"
    message = await desk.bot.send_poll(
        played.chat_id,
        f"{position + 1}. {item.poll_question}" if not timed else item.poll_question,
        list(item.options),
        is_anonymous=False,
        type=PollType.QUIZ,
        allows_multiple_answers=item.kind == "multiple" or None,
        correct_option_ids=[OPTION_IDS[i] for i in item.correct],
        explanation=item.explanation,
        open_period=CHALLENGE_SECONDS if timed else None,
    )
    if message.poll is None:
        return position
    closes = datetime.now(UTC) + timedelta(seconds=CHALLENGE_SECONDS) if timed else None
    await asyncio.to_thread(
        desk.store.record_poll,
        message.poll.id,
        played.id,
        position,
        item.id,
        item.correct,
        closes,
    )
    if timed and desk.jobs is not None:
        _schedule_timeout(desk.jobs, message.poll.id, CHALLENGE_SECONDS + GRACE_SECONDS)
    return position


def _schedule_timeout(job_queue: JobQueue[Any], poll_id: str, seconds: float) -> None:
    name = _timeout_job(poll_id)
    for job in job_queue.get_jobs_by_name(name):
        job.schedule_removal()
    job_queue.run_once(challenge_timeout, max(seconds, 0), name=name, data=poll_id)


def _miss(item: QuizItem) -> str:
    return (
        f"❌ <b>{html.escape(item.poll_question)}</b>\n"
        f"正确答案：{html.escape(item.answer_text)}\n"
        f"<blockquote>{html.escape(item.passage)}</blockquote>"
    )


def _review_keyboard(item: QuizItem) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    FULL_ANSWER_LABEL, callback_data=encode(AnswerEntry(item.entry, False))
                )
            ]
        ]
    )


async def _finish(desk: Desk, played: Round, user_id: int, why: str = "") -> None:
    """The score and a review of each miss, once per round."""
    if not await asyncio.to_thread(desk.store.finish_round, played.id):
        return
    answers = await asyncio.to_thread(desk.store.round_answers, played.id, user_id)
    right = sum(a.correct for a in answers)
    points = sum(a.points for a in answers)
    if played.mode == "challenge":
        head = f"挑战结束{why}：连续答对 {right} 题，得 {points} 分。"
    else:
        head = f"今日答题完成：答对 {right}/{len(answers)} 题，得 {points} 分。"
    await desk.bot.send_message(played.chat_id, f"{head}\n查看积分：/score")
    for answer in answers:
        item = desk.kb.quiz_by_id.get(answer.question_id)
        if answer.correct or item is None:
            continue
        await desk.bot.send_message(
            played.chat_id,
            _miss(item),
            parse_mode=ParseMode.HTML,
            reply_markup=_review_keyboard(item),
        )


async def play_daily(desk: Desk, chat_id: int, private: bool, user_id: int, day: date) -> str:
    """The next step of the day's round in a chat; what to tell the player (may be empty)."""
    if not desk.kb.quiz:
        return NO_QUIZ
    questions = daily_round(chat_id, day, desk.kb.quiz)
    player = user_id if private else 0
    played = await asyncio.to_thread(desk.store.daily_round, chat_id, player, day, questions)
    if not private:
        # Everyone answers the same poll; each /quiz posts the group's next question.
        sent = await _send_question(desk, played)
        if sent is None:
            return GROUP_ROUND_DONE.format(n=len(played.questions))
        await asyncio.to_thread(desk.store.advance_round, played.id, sent)
        return ""
    if played.finished:
        answers = await asyncio.to_thread(desk.store.round_answers, played.id, player)
        right = sum(a.correct for a in answers)
        return (
            f"今天的每日答题已经完成：答对 {right}/{len(answers)} 题。明天再来！"
            "\n想多练：/challenge；查看积分：/score"
        )
    intro = ""
    if played.position == 0:
        intro = f"每日答题：{len(played.questions)} 道题，答完一题出下一题。答对一题得 2 分。"
        await desk.bot.send_message(chat_id, intro)
    if await _send_question(desk, played) is None:
        await _finish(desk, played, player)
    return ""


async def quiz(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Today's round of five quiz questions (in a group: the group's next question)."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    private = chat.type == ChatType.PRIVATE
    day = _today(state_of(context))
    if reply := await play_daily(_desk(context), chat.id, private, user.id, day):
        await message.reply_text(reply)


async def quiz_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The "今日答题" button under a tip: the presser's round (in a group, the next question)."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    chat = query.message.chat if query.message is not None else None
    private = chat is None or chat.type == ChatType.PRIVATE
    chat_id = query.from_user.id if chat is None else chat.id
    day = _today(state_of(context))
    if reply := await play_daily(_desk(context), chat_id, private, query.from_user.id, day):
        await context.bot.send_message(chat_id, reply)


async def post_daily_question(
    bot: Bot, store: Storage, kb: KnowledgeBase, chat_id: int, day: date
) -> None:
    """With a tip subscription that includes the quiz: the chat's question of the day."""
    # A positive chat id is a private chat, whose id is its user's.
    await play_daily(Desk(bot, None, store, kb), chat_id, chat_id > 0, chat_id, day)


async def challenge(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A challenge: questions until the first wrong answer or a time-out."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    state = state_of(context)
    if not state.kb.quiz:
        await message.reply_text(NO_QUIZ)
        return
    if chat.type != ChatType.PRIVATE:
        await message.reply_text("挑战答题请在与我的私聊中进行。群里可以用 /quiz 一起答题。")
        return
    order = challenge_order(time.time_ns(), state.kb.quiz)
    played = await asyncio.to_thread(
        state.store.new_challenge, chat.id, user.id, _today(state), order
    )
    await message.reply_text(
        f"挑战答题：一直答到第一次答错为止，每题限时 {CHALLENGE_SECONDS} 秒。"
    )
    await _send_question(_desk(context), played)


async def poll_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Records a vote on one of the bot's quiz polls and sends the next question or the review."""
    answer = update.poll_answer
    if answer is None or answer.user is None:
        return
    state = state_of(context)
    ref = await asyncio.to_thread(state.store.quiz_poll, answer.poll_id)
    if ref is None:
        return  # not a poll of this bot's quiz
    played = await asyncio.to_thread(state.store.quiz_round, ref.round_id)
    user_id = answer.user.id
    if played is None or (played.user_id not in (0, user_id)):
        return
    if played.user_id != 0 and (played.finished or played.position != ref.position):
        return  # a late vote on a question the round has moved past
    late = ref.closes_at is not None and datetime.now(UTC) > ref.closes_at + timedelta(
        seconds=GRACE_SECONDS
    )
    if late:
        return
    correct = is_correct(answer.option_ids, ref.correct)
    mode = "challenge" if played.mode == "challenge" else "daily"
    points = await asyncio.to_thread(
        state.store.record_answer, ref, user_id, correct, mode, _today(state)
    )
    if points is None or played.user_id == 0:
        return  # counted already, or a group poll (the group moves on with /quiz)
    await _next(_desk(context), played, ref, user_id, correct)


async def _next(desk: Desk, played: Round, ref: PollRef, user_id: int, correct: bool) -> None:
    if desk.jobs is not None:
        for job in desk.jobs.get_jobs_by_name(_timeout_job(ref.poll_id)):
            job.schedule_removal()
    if not await asyncio.to_thread(desk.store.advance_round, played.id, ref.position):
        return
    if played.mode == "challenge" and not correct:
        await _finish(desk, played, user_id, "（答错）")
        return
    moved = await asyncio.to_thread(desk.store.quiz_round, played.id)
    if moved is None or await _send_question(desk, moved) is None:
        done = "" if played.mode == "daily" else "（题目已全部答完）"
        await _finish(desk, played, user_id, done)


async def challenge_timeout(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ends a challenge whose question was not answered in time."""
    poll_id = context.job.data if context.job is not None else None
    if not isinstance(poll_id, str):
        return
    state = state_of(context)
    ref = await asyncio.to_thread(state.store.quiz_poll, poll_id)
    played = await asyncio.to_thread(state.store.quiz_round, ref.round_id) if ref else None
    if ref is None or played is None or played.finished or played.position != ref.position:
        return
    await _finish(_desk(context), played, played.user_id, "（超时）")


async def restore_timeouts(job_queue: JobQueue[Any], state: BotState) -> int:
    """At start-up: time-outs for challenge questions that were open when the bot stopped."""
    pending = await asyncio.to_thread(state.store.timed_polls)
    now = datetime.now(UTC)
    for ref, _ in pending:
        closes = ref.closes_at or now
        _schedule_timeout(job_queue, ref.poll_id, (closes - now).total_seconds() + GRACE_SECONDS)
    return len(pending)


async def score(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Your points today, this week and in all, best challenge streak and days in a row."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    state = state_of(context)
    today = _today(state)
    mine = await asyncio.to_thread(state.store.score, user.id, today, monday(today))
    await message.reply_text(
        f"今日积分：{mine.today}\n本周积分：{mine.week}\n累计积分：{mine.total}\n"
        f"挑战最佳：连续答对 {mine.best_streak} 题\n"
        f"连续学习：{study_streak(mine.days, today)} 天\n"
        "每日答题和挑战答题每答对一题得 2 分，每天各有上限。删除我的记录：/forgetme"
    )


async def rank(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """This week's top 10 of the group among members who joined (/rank join, /rank leave)."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    if chat.type == ChatType.PRIVATE:
        await message.reply_text("排行榜只在群里使用。在群里发送 /rank join 名字 即可参加。")
        return
    state = state_of(context)
    args = context.args or []
    if args and args[0] == "join":
        # Only a name the member chose is kept: never their Telegram name.
        name = " ".join(args[1:]).strip()[:32]
        if not name:
            await message.reply_text("请写上你想在排行榜上显示的名字，例如：/rank join 小李")
            return
        await asyncio.to_thread(state.store.join_ranking, chat.id, user.id, name)
        await message.reply_text(f"已加入本群排行榜，显示名：{name}。退出：/rank leave")
        return
    if args and args[0] == "leave":
        left = await asyncio.to_thread(state.store.leave_ranking, chat.id, user.id)
        await message.reply_text("已退出本群排行榜。" if left else "你不在本群排行榜中。")
        return
    today = _today(state)
    rows = await asyncio.to_thread(state.store.ranking, chat.id, monday(today))
    if not rows:
        await message.reply_text("本周排行榜还没有人。发送 /rank join 名字 参加（自愿）。")
        return
    lines = [f"{i}. {name}  {points} 分" for i, (name, points) in enumerate(rows, 1)]
    await message.reply_text("本周排行榜（自愿参加）：\n" + "\n".join(lines))


async def forget_me(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Erases everything the bot keeps about you: points, rounds and ranking names."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    state = state_of(context)
    await asyncio.to_thread(state.store.forget_user, user.id)
    await message.reply_text("已删除你的全部答题记录、积分和排行榜名字。")
