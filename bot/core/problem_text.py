"""Knowledge-base problems in Chinese for admins on Telegram.

The loader's problems are English and name files by their full path (right for the terminal,
where `python -m bot check` prints them unchanged).  On Telegram an admin reads Chinese and has
no use for the server's folders: the file by its name, the entry by its id and its question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from bot.core.knowledge import KnowledgeBase, Problem

_VERBATIM = "必须从访谈原文逐字摘录（包括标点）"

# (pattern over the whole English message, Chinese template with {1}, {2} … for the groups)
TRANSLATIONS: tuple[tuple[str, str], ...] = (
    (r"cannot read the file \((.+)\)", "无法读取文件（{1}）"),
    (r"file is ([\d,]+) bytes; the limit is ([\d,]+).*", "文件有 {1} 字节，超过上限 {2} 字节"),
    (r"not UTF-8 text \(bad byte at offset (\d+)\)", "不是 UTF-8 文本（第 {1} 字节有误）"),
    (r"file is empty", "文件是空的"),
    (r"validation took longer than (\d+) s: refused", "校验超过 {1} 秒仍未完成，已拒绝"),
    (
        r"YAML syntax error at line (\d+), column (\d+): (.+)",
        "YAML 格式错误：第 {1} 行第 {2} 列（{3}）",
    ),
    (r"YAML syntax error: (.+)", "YAML 格式错误（{1}）"),
    (r"expected a mapping, got (\w+)", "应为“字段: 值”的结构，实际是 {1}"),
    (r"missing required field '(.+)'", "缺少必填字段“{1}”"),
    (r"unknown field '(.+)'", "有未知字段“{1}”"),
    (r"field '(.+)' must be text", "字段“{1}”必须是文字"),
    (r"field '(.+)' is empty", "字段“{1}”是空的"),
    (r"field '(.+)' must be a list", "字段“{1}”必须是列表"),
    (r"(\w+) #(\d+) must be text", "{1} 的第 {2} 项必须是文字"),
    (r"(\w+) #(\d+) is empty", "{1} 的第 {2} 项是空的"),
    (r"id must be .*", "id 只能由 1–40 个小写字母、数字和 _ 组成，以字母或数字开头"),
    (
        r"needs at least (\d+) alternates, has (\d+)",
        "至少需要 {1} 个其他问法（alternates），现有 {2} 个",
    ),
    (r"source (\w+) does not occur in the interview", "来源信息 {1} 在访谈原文中找不到"),
    (r"'entries' must be a non-empty list", "“entries”必须是非空列表"),
    (r"duplicate id", "id 重复"),
    (r"alternate '(.+)' is also under entry '(.+)'", "问法“{1}”也出现在条目 {2} 中"),
    (r"passage does not occur verbatim in the interview", "原文段落（passage）" + _VERBATIM),
    (r"related id '(.+)' does not exist", "相关条目 {1} 不存在"),
    (r"an entry cannot be related to itself", "条目不能与自身相关"),
    (r"'tips' must be a non-empty list", "“tips”必须是非空列表"),
    (r"duplicate tip id", "提示 id 重复"),
    (r"entry '(.+)' does not exist", "条目 {1} 不存在"),
    (r"excerpt does not occur verbatim in the interview", "摘录（excerpt）" + _VERBATIM),
    (r"not_covered term '(.+)' occurs in the interview", "未涉及词语“{1}”其实出现在访谈原文中"),
    (
        r"not_covered term '(.+)' occurs in a phrasing of '(.+)'",
        "未涉及词语“{1}”出现在条目 {2} 的问法中",
    ),
    (r"not_explained term '(.+)' is not in the interview", "未解释词语“{1}”不在访谈原文中"),
    (r"not_explained term '(.+)' is a phrasing of '(.+)'", "未解释词语“{1}”是条目 {2} 的问法"),
    (
        r"expected 'asked' \(entry id -> questions\) and 'out_of_scope' \(questions\)",
        "应只有“asked”（条目 id → 问法列表）和“out_of_scope”（问法列表）两部分",
    ),
    (r"no entry has this id", "没有这个 id 的条目"),
    (r"expected a list of questions \(strings\)", "应为问法（文字）的列表"),
    (r"a question must be 1-(\d+) characters", "每个问法须为 1–{1} 个字"),
    (r"'(.+)' is under '(.+)' too", "问法“{1}”也列在 {2} 下"),
    (r"top level must be a mapping", "文件顶层必须是“字段: 值”的结构"),
    (r"unknown top-level field '(.+)'", "有未知的顶层字段“{1}”"),
    (r"missing 'source' block", "缺少“source”部分"),
    (r"knowledge base is incomplete", "知识库不完整"),
)
_COMPILED = tuple((re.compile(pattern), template) for pattern, template in TRANSLATIONS)
_PATH = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s'\"()（）]+")


def message_zh(message: str) -> str:
    """The Chinese for one problem message (the English, stripped of paths, if unknown)."""
    for pattern, template in _COMPILED:
        match = pattern.fullmatch(message)
        if match is not None:
            return template.format(None, *match.groups())
    return _PATH.sub(lambda m: PurePath(m.group()).name, message)


def problem_zh(problem: Problem, kb: KnowledgeBase | None = None) -> str:
    """One problem: file name, entry id with its question (if known), the reason in Chinese."""
    where = PurePath(problem.file).name or problem.file
    if problem.entry:
        entry = kb.by_id.get(problem.entry) if kb is not None else None
        if problem.entry.startswith("#"):
            where += f" 第 {problem.entry[1:]} 个条目"
        elif entry is not None:
            where += f" 条目 {problem.entry}（“{entry.question}”）"
        else:
            where += f" 条目 {problem.entry}"
    return f"{where}：{message_zh(problem.message)}"


# A 314-byte file of aliases once produced 1,830 problems: show the first ones and a count.
MAX_PROBLEMS_SHOWN = 50


def problems_zh(problems: Sequence[Problem], kb: KnowledgeBase | None = None) -> str:
    """The first problems, one per line, headed by their number and the promise nothing
    changed, and how many more there are."""
    shown = "\n".join(f"• {problem_zh(problem, kb)}" for problem in problems[:MAX_PROBLEMS_SHOWN])
    more = len(problems) - MAX_PROBLEMS_SHOWN
    tail = f"\n……另有 {more} 个问题未列出（python -m bot check 可列出全部）。" if more > 0 else ""
    return f"知识库有 {len(problems)} 个问题，未作任何更改：\n{shown}{tail}"
