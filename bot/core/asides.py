"""The asker's story around the question: who sent them (处长让我查查, 我们业务处长说) and
the scene they set (我下个月要参加任职培训, 年底要写述职报告).

Readers often say who sent them: 处长让我在周一例会上讲讲第一个融合，想问下理念融合具体强调了
什么要求.  The office holder there asks nothing about themselves, while 处长 asked of (处长是谁,
处长的待遇) is a question the interview never answers.  Only the office is set aside, never the
errand: 处长让我查党费标准 still asks about 党费.
"""

from __future__ import annotations

import re

from bot.core.textnorm import clean

# An office holder who tells, asks or sends the asker: 处长让我, 主任问, 部长说, 领导交代.
_SENDER_RE = re.compile(
    "(?:处长|副处长|科长|主任|部长|厅长|局长|社长|总编)"
    "(?=让|叫|要我|要俺|问|说|讲|布置|安排|交代|吩咐|要求我|批示)"
)


def without_senders(text: str) -> str:
    """The text without the office holders who only send the asker (处长让我查查 → 让我查查)."""
    return _SENDER_RE.sub("", text)


# Where a message's clauses end (kept by the split: a question mark says "asked").  Not 、: it
# lists the parts of one clause.
_CLAUSE_END_RE = re.compile(r"([，,。．；;！!？?：:\n…~～]+)")
_ASKED_RE = re.compile(r"[？?]")
# Words that make a clause a question (or a request for an answer).
_ASKING_RE = re.compile(
    "吗|么|呢|什么|啥|哪|怎|咋|为何|为什么|为啥|几|多少|多久|多长|是不是|对不对|有没有|谁|算不算|"
    "能不能|会不会|要不要|行不行|中不中|可不可以|请问|想问|问一下|问下|想了解|想知道|请教|确认|"
    "给我说|给俺说|介绍|列一下|说一下|讲一下|解释|不$|没$|没有$"
)
# The asker's story: themselves, or a time in their year.
_SCENE_RE = re.compile(
    "^(?:我|俺|咱|刚|下周|下个月|下礼拜|明天|昨天|今天|前天|年底|年初|最近|去年|今年|前两年|"
    "上周|上个月|月底)"
)


def _is_scene(clause: str, ending: str) -> bool:
    """The clause asks nothing and tells of the asker or of when."""
    if _ASKED_RE.search(ending):
        return False
    text = clean(clause)
    return _ASKING_RE.search(text) is None and _SCENE_RE.search(text) is not None


def without_scene(question: str) -> str:
    """The question without the clauses that only set the asker's scene (我下个月要参加任职培训，
    会讲融合吗 → 会讲融合吗).  A message that is all scene is kept whole."""
    parts = _CLAUSE_END_RE.split(question)
    clauses = [(c, e) for c, e in zip(parts[::2], [*parts[1::2], ""], strict=True) if c.strip()]
    kept = [clause for clause, ending in clauses if not _is_scene(clause, ending)]
    return "，".join(kept) if kept and len(kept) < len(clauses) else question
