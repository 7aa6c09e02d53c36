"""Rendering the core's results for Telegram: HTML, inline keyboards, callback data, splitting.

Everything a user typed or the knowledge base holds is escaped; tags come only from here.
Callback data is short and self-describing (`a|s|two_skins`), so it stays under Telegram's
64-byte limit whatever the ids are (the loader caps ids at 40 characters).
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core import replies
from bot.core.answering import Kind, Result, Status
from bot.core.knowledge import Entry, KnowledgeBase
from bot.core.textnorm import to_traditional

MESSAGE_LIMIT = 4096
CALLBACK_LIMIT = 64
BUTTON_TEXT_LIMIT = 20  # what a phone shows on a full-width button without cutting it off
PAGE_SIZE = 8
TOPICS_LABEL = "浏览全部主题"
BACK_LABEL = "« 返回主题列表"
PREVIOUS_LABEL = "‹ 上一页"
NEXT_LABEL = "下一页 ›"
HELPFUL_LABEL = "👍 有帮助"
UNHELPFUL_LABEL = "👎 没帮上"
THANKS_LABEL = "✓ 谢谢反馈"
SHARE_LABEL = "↗ 分享"


def utf16_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def converter(traditional: bool) -> Callable[[str], str]:
    """The script conversion for a reader: Traditional on the way out, or none."""
    return to_traditional if traditional else str


# --------------------------------------------------------------------------- callback data


@dataclass(frozen=True, slots=True)
class AnswerEntry:
    """Press: show this entry's answer."""

    entry: str
    traditional: bool


@dataclass(frozen=True, slots=True)
class TopicList:
    """Press: show the list of topics, at this page."""

    page: int


@dataclass(frozen=True, slots=True)
class TopicPage:
    """Press: show the questions of one topic (valid for one knowledge-base version)."""

    version: str
    topic: int
    page: int


@dataclass(frozen=True, slots=True)
class Feedback:
    """Press: the answer for this entry helped (or not); `entry` is "" on the thank-you."""

    entry: str
    helpful: bool


Callback = AnswerEntry | TopicList | TopicPage | Feedback


def encode(callback: Callback) -> str:
    """Callback data for a button."""
    match callback:
        case AnswerEntry(entry, traditional):
            data = f"a|{'t' if traditional else 's'}|{entry}"
        case TopicList(page):
            data = f"tl|{page}"
        case TopicPage(version, topic, page):
            data = f"tp|{version[:8]}|{topic}|{page}"
        case Feedback(entry, helpful):
            data = f"f|{'y' if helpful else 'n'}|{entry}"
    if len(data.encode("utf-8")) > CALLBACK_LIMIT:
        raise ValueError(f"callback data too long: {data!r}")
    return data


def decode(data: str | None) -> Callback | None:
    """The press a button's data stands for, or None for data this bot never sent."""
    parts = (data or "").split("|")
    try:
        match parts:
            case ["a", "t" | "s" as script, entry] if entry:
                return AnswerEntry(entry, script == "t")
            case ["tl", page]:
                return TopicList(max(0, int(page)))
            # An empty version would match every knowledge base (startswith), and a negative
            # topic would index from the end: neither is data this bot sent.
            case ["tp", version, topic, page] if version and topic.isascii() and topic.isdigit():
                return TopicPage(version, int(topic), max(0, int(page)))
            case ["f", "y" | "n" as verdict, entry]:
                return Feedback(entry, verdict == "y")
    except ValueError:
        return None
    return None


# --------------------------------------------------------------------------- HTML


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of a message: plain text and the tag that wraps it, if any."""

    text: str
    tag: str | None = None

    def render(self) -> str:
        body = html.escape(self.text, quote=False)
        return f"<{self.tag}>{body}</{self.tag}>" if self.tag else body


def _pieces(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Cut text at sentence ends (or, failing that, anywhere) into pieces that fit."""
    sentences: list[str] = []
    start = 0
    for position, char in enumerate(text):
        if char in "。！？；\n":
            sentences.append(text[start : position + 1])
            start = position + 1
    if start < len(text):
        sentences.append(text[start:])
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        if fits(current + sentence):
            current += sentence
            continue
        if current:
            pieces.append(current)
        current = ""
        while not fits(sentence):
            cut = len(sentence)
            while cut > 1 and not fits(sentence[:cut]):
                cut = max(1, cut * 3 // 4)
            pieces.append(sentence[:cut])
            sentence = sentence[cut:]
        current = sentence
    if current:
        pieces.append(current)
    return pieces


def split_blocks(
    blocks: Sequence[Block], limit: int = MESSAGE_LIMIT, separator: str = "\n\n"
) -> list[str]:
    """Pack blocks into messages of at most `limit` characters, never cutting inside a tag."""

    def fits_alone(tag: str | None) -> Callable[[str], bool]:
        return lambda text: utf16_length(Block(text, tag).render()) <= limit

    rendered: list[str] = []
    for block in blocks:
        if utf16_length(block.render()) <= limit:
            rendered.append(block.render())
        else:
            rendered.extend(
                Block(p, block.tag).render() for p in _pieces(block.text, fits_alone(block.tag))
            )
    messages: list[str] = []
    current = ""
    for piece in rendered:
        candidate = f"{current}{separator}{piece}" if current else piece
        if utf16_length(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return messages


def answer_blocks(
    kb: KnowledgeBase,
    entry: Entry,
    traditional: bool,
    *,
    related_lead: bool = True,
    joined: Entry | None = None,
) -> list[Block]:
    """An answer as blocks: summary (bold), passage (quote), citation (italic), lead-in to the
    related-question buttons (left out where no buttons follow, as in inline results)."""
    say = converter(traditional)
    parts = replies.answer_parts(kb, entry, joined=joined)
    blocks: list[Block] = []
    if parts.summary:
        blocks.append(Block(say(parts.summary), "b"))
    blocks.append(Block(say(parts.passage), "blockquote"))
    blocks.append(Block(say("——" + parts.citation), "i"))
    if parts.related and related_lead:
        blocks.append(Block(say(replies.RELATED_LEAD)))
    return blocks


def _button(text: str, callback: Callback) -> InlineKeyboardButton:
    if len(text) > BUTTON_TEXT_LIMIT:
        text = text[: BUTTON_TEXT_LIMIT - 1] + "…"
    return InlineKeyboardButton(text, callback_data=encode(callback))


def question_keyboard(
    kb: KnowledgeBase, entry_ids: Sequence[str], traditional: bool
) -> InlineKeyboardMarkup | None:
    """One button per entry (its canonical question), one per row."""
    say = converter(traditional)
    rows = [
        [_button(say(kb.by_id[eid].question), AnswerEntry(eid, traditional))]
        for eid in entry_ids
        if eid in kb.by_id
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def share_url(bot_username: str, entry: Entry) -> str:
    """Telegram's share page for the deep link t.me/<bot>?start=<entry id>: the user picks a
    chat, the link opens this answer there (no inline mode needed)."""
    link = f"https://t.me/{bot_username}?start={entry.id}"
    return f"https://t.me/share/url?url={quote(link, safe='')}&text={quote(entry.question)}"


def feedback_row(
    entry: Entry, bot_username: str = "", *, voted: bool = False
) -> list[InlineKeyboardButton]:
    """👍 / 👎 under an answer (a thank-you once pressed) and, when the bot's username is
    known, a share button carrying the answer's deep link."""
    share = (
        [InlineKeyboardButton(SHARE_LABEL, url=share_url(bot_username, entry))]
        if bot_username
        else []
    )
    if voted:
        return [_button(THANKS_LABEL, Feedback("", True)), *share]
    return [
        _button(HELPFUL_LABEL, Feedback(entry.id, True)),
        _button(UNHELPFUL_LABEL, Feedback(entry.id, False)),
        *share,
    ]


def answer_keyboard(
    kb: KnowledgeBase,
    entry: Entry,
    related: Sequence[str],
    traditional: bool,
    bot_username: str = "",
) -> InlineKeyboardMarkup:
    """The related questions, then the feedback and share row."""
    questions = question_keyboard(kb, related, traditional)
    rows = [list(row) for row in questions.inline_keyboard] if questions else []
    return InlineKeyboardMarkup([*rows, feedback_row(entry, bot_username)])


def thanked(
    markup: InlineKeyboardMarkup, entry: Entry, bot_username: str = ""
) -> InlineKeyboardMarkup:
    """The same keyboard with the 👍 / 👎 row replaced by a thank-you."""
    rows = [list(row) for row in markup.inline_keyboard]
    rows = [row for row in rows if not any(_is_feedback(button) for button in row)]
    return InlineKeyboardMarkup([*rows, feedback_row(entry, bot_username, voted=True)])


def _is_feedback(button: InlineKeyboardButton) -> bool:
    data = button.callback_data
    return isinstance(data, str) and isinstance(decode(data), Feedback)


def topics_keyboard() -> InlineKeyboardMarkup:
    """The single "browse topics" button offered with an unknown answer."""
    return InlineKeyboardMarkup([[_button(TOPICS_LABEL, TopicList(0))]])


@dataclass(frozen=True, slots=True)
class Rendered:
    """One reply, ready to send: its messages (the keyboard goes on the last one)."""

    messages: list[str]
    keyboard: InlineKeyboardMarkup | None

    def parts(self) -> list[tuple[str, InlineKeyboardMarkup | None]]:
        """Each message with its keyboard: only the last one carries the buttons."""
        last = len(self.messages) - 1
        return [
            (text, self.keyboard if number == last else None)
            for number, text in enumerate(self.messages)
        ]


def _full_questions(
    kb: KnowledgeBase, ids: Sequence[str], say: Callable[[str], str]
) -> list[Block]:
    """The offered questions in full, when a button label had to be shortened to fit a phone."""
    questions = [say(kb.by_id[i].question) for i in ids if i in kb.by_id]
    if all(len(question) <= BUTTON_TEXT_LIMIT for question in questions):
        return []
    return [Block("\n".join(f"· {question}" for question in questions))]


def _with_questions(
    kb: KnowledgeBase,
    entry: Entry,
    related: Sequence[str],
    traditional: bool,
    joined: Entry | None = None,
) -> list[str]:
    blocks = answer_blocks(kb, entry, traditional, joined=joined)
    if replies.answer_parts(kb, entry).related:
        blocks += _full_questions(kb, related, converter(traditional))
    return split_blocks(blocks)


def render_result(kb: KnowledgeBase, result: Result, bot_username: str = "") -> Rendered:
    """The Telegram form of a core result."""
    say = converter(result.traditional)
    entry = kb.by_id.get(result.entry) if result.entry else None
    if result.status is Status.ANSWERED and entry is not None:
        joined = kb.by_id.get(result.beside) if result.beside else None
        return Rendered(
            _with_questions(kb, entry, result.related, result.traditional, joined),
            answer_keyboard(kb, entry, result.related, result.traditional, bot_username),
        )
    if result.status is Status.SUGGESTED:
        offered = [s.entry for s in result.suggestions]
        return Rendered(
            split_blocks([Block(say(replies.SUGGEST_LEAD)), *_full_questions(kb, offered, say)]),
            question_keyboard(kb, [s.entry for s in result.suggestions], result.traditional),
        )
    keyboard = topics_keyboard() if result.kind in (Kind.QUESTION, Kind.VAGUE) else None
    return Rendered(split_blocks([Block(result.reply)]), keyboard)


# --------------------------------------------------------------------------- browsing


def _pager(page: int, pages: int, make: Callable[[int], Callback]) -> list[InlineKeyboardButton]:
    row: list[InlineKeyboardButton] = []
    if page > 0:
        row.append(_button(PREVIOUS_LABEL, make(page - 1)))
    if page + 1 < pages:
        row.append(_button(NEXT_LABEL, make(page + 1)))
    return row


def topic_list(kb: KnowledgeBase, page: int) -> tuple[str, InlineKeyboardMarkup]:
    """The topics, a page of buttons at a time."""
    pages = max(1, math.ceil(len(kb.topics) / PAGE_SIZE))
    page = min(page, pages - 1)
    start = page * PAGE_SIZE
    rows = [
        [_button(topic, TopicPage(kb.version, index, 0))]
        for index, topic in enumerate(kb.topics[start : start + PAGE_SIZE], start)
    ]
    pager = _pager(page, pages, TopicList)
    if pager:
        rows.append(pager)
    suffix = f"（第 {page + 1}/{pages} 页）" if pages > 1 else ""
    return f"请选择主题{suffix}：", InlineKeyboardMarkup(rows)


def topic_page(kb: KnowledgeBase, topic: int, page: int) -> tuple[str, InlineKeyboardMarkup]:
    """The questions of one topic, a page at a time, with a way back."""
    name = kb.topics[topic]
    entries = [e for e in kb.entries if e.topic == name]
    pages = max(1, math.ceil(len(entries) / PAGE_SIZE))
    page = min(page, pages - 1)
    start = page * PAGE_SIZE
    rows = [
        [_button(entry.question, AnswerEntry(entry.id, False))]
        for entry in entries[start : start + PAGE_SIZE]
    ]
    pager = _pager(page, pages, lambda p: TopicPage(kb.version, topic, p))
    if pager:
        rows.append(pager)
    rows.append([_button(BACK_LABEL, TopicList(0))])
    suffix = f"（第 {page + 1}/{pages} 页）" if pages > 1 else ""
    return f"「{html.escape(name, quote=False)}」{suffix}：", InlineKeyboardMarkup(rows)
