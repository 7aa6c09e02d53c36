"""The words the bot says, as plain text: shared by the terminal chat and the Telegram layer.

A reply to a question leads with the one-line summary (if the entry has one) and the passage
quoted word for word, then the citation, then up to three related questions.  Telegram renders
the same parts as HTML; the wording lives only here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.knowledge import Entry, KnowledgeBase, Section

BOT_NAME = "意见问答助手"

GREETING = (
    f"您好！我是{BOT_NAME}，专门解答关于省委直属机关工委《关于破解“两张皮”问题推动省直机关党建"
    "和业务工作深度融合的意见》的问题。请直接输入您的问题，例如“两张皮是什么意思”“六个融合有哪些”。"
)
THANKS = "不客气！还有关于《意见》的问题，随时问我。"
CHAT = "关于《意见》有什么想问的，直接发问题给我就行，例如“六个融合有哪些”。"
FAREWELL = "再见！学习《意见》有疑问时，欢迎随时回来问我。"
ABOUT = (
    f"我是{BOT_NAME}。我的全部知识来自《河南日报》2023年4月7日第4版刊登的省委直属机关工委有关"
    "负责人答记者问，回答时原文引用并注明出处；访谈没有涉及的问题，我会如实说明。"
)
# The command menu (Telegram's set_my_commands) and the /start and /help texts.
COMMANDS = (
    ("start", "开始使用"),
    ("help", "使用帮助和示例问题"),
    ("ask", "提问（群聊中使用：/ask 问题）"),
    ("topics", "按主题浏览"),
    ("source", "访谈原文和出处"),
    ("tip", "来一条学习提示"),
    ("subscribe", "订阅每日学习提示（可加时间，如 /subscribe 21:30）"),
    ("unsubscribe", "取消订阅"),
    ("mysub", "查看订阅状态"),
    ("quiz", "每日答题（5题）"),
    ("challenge", "挑战答题：答错即止"),
    ("score", "我的积分和连续学习天数"),
    ("rank", "本群本周排行榜（/rank join 参加）"),
    ("forgetme", "删除我的答题记录和积分"),
)
ADMIN_COMMANDS = (
    ("reload", "管理员：重新加载知识库（也可发送 YAML 文件并写说明 /reload）"),
    ("unanswered", "管理员：最近未能回答的问题"),
    ("stats", "管理员：统计"),
    ("myid", "查看自己和本聊天的数字 ID"),
)
EMPTY = "请输入文字问题，例如“《意见》的主要内容有哪些？”"
UNNAMED_SAYING = "您问的是哪句话？请把那句话一起发来，例如“‘常见病’这个说法是谁说的”。"
SUGGEST_LEAD = "您是不是想问："
SUGGEST_TAIL = "请选择其中一个问题，或换个说法再问。"
RELATED_LEAD = "您还可以问："
NO_CHOICE = "上一条回复没有可选的问题。请直接输入您的问题，例如“六个融合有哪些”。"


def choose_number(offered: int) -> str:
    """The reply to a number that picks none of the `offered` questions."""
    if offered == 0:
        return NO_CHOICE
    if offered == 1:
        return "请输入 1 选择上面的问题，或直接输入新的问题。"
    return f"请输入 1-{offered} 之间的序号选择上面的问题，或直接输入新的问题。"


UNKNOWN_LEAD = (
    "抱歉，《意见》及其负责人答记者问没有涉及这个问题，我不作推测。我能回答的是访谈中的这些内容："
)


@dataclass(frozen=True, slots=True)
class Answer:
    """The parts of an answer, before rendering."""

    summary: str | None
    passage: str
    citation: str
    related: tuple[str, ...]  # canonical questions of related entries


def citation(kb: KnowledgeBase, entry: Entry) -> str:
    """Where the passage stands: the section of the interview and the newspaper issue."""
    return section_citation(kb, entry.section)


def section_citation(kb: KnowledgeBase, section: Section) -> str:
    """The citation of a section of the interview, with the newspaper issue and page."""
    source = kb.source
    issue = f"《{source.publication}》{source.published}{source.page}"
    if section.question is None:
        return f"出处：{issue}，报道导语"
    return f"出处：{source.issuer}有关负责人答记者问，{section.label}（{issue}）"


def answer_parts(
    kb: KnowledgeBase,
    entry: Entry,
    related: Sequence[str] | None = None,
    related_limit: int = 3,
    joined: Entry | None = None,
) -> Answer:
    """The summary, passage, citation and related questions (ids; default the entry's own).

    With `joined`, whose passage meets this one's in the interview, the two passages are quoted
    as one stretch of it and their summaries stand in the same order."""
    ids = entry.related if related is None else related
    questions = tuple(kb.by_id[rid].question for rid in ids[:related_limit] if rid in kb.by_id)
    together = None if joined is None else kb.joined_passage(entry, joined)
    if together is None:
        return Answer(entry.summary, entry.passage, citation(kb, entry), questions)
    earlier, later, passage = together
    summaries = "\n".join(s for s in (earlier.summary, later.summary) if s) or None
    return Answer(summaries, passage, citation(kb, entry), questions)


def render_answer(answer: Answer) -> str:
    """The plain-text answer."""
    parts: list[str] = []
    if answer.summary:
        parts.append(answer.summary)
    parts.append(f"原文：\n{answer.passage}")
    parts.append(f"——{answer.citation}")
    if answer.related:
        parts.append(RELATED_LEAD + "\n" + numbered(answer.related))
    return "\n\n".join(parts)


def numbered(lines: Sequence[str]) -> str:
    """Lines as a numbered list."""
    return "\n".join(f"{number}. {line}" for number, line in enumerate(lines, 1))


def render_suggestions(questions: Sequence[str]) -> str:
    """The plain-text "did you mean" reply."""
    return f"{SUGGEST_LEAD}\n{numbered(questions)}\n\n{SUGGEST_TAIL}"


def render_vague(kb: KnowledgeBase) -> str:
    """The reply to a question made only of question words (是什么, 这是啥)."""
    return f"您想了解《意见》的哪方面？我能回答：{'、'.join(kb.topics)}。例如问“六个融合有哪些”。"


def render_unknown(kb: KnowledgeBase) -> str:
    """The plain-text reply for a question the interview does not cover."""
    return f"{UNKNOWN_LEAD}{'、'.join(kb.topics)}。可以换个说法，或问“《意见》的主要内容有哪些”。"
