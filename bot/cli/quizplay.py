"""A quiz round in the terminal: the day's five questions, the score and a review of each miss.

Options are lettered (A, B, …); a multiple-choice question takes several letters (AC).  Nothing is
stored: points and streaks belong to Telegram users.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TextIO

from bot.core.knowledge import KnowledgeBase
from bot.core.quiz import QuizItem, daily_round, is_correct
from bot.core.replies import section_citation

LETTERS = "ABCDEFGHIJ"


def _choice(text: str, item: QuizItem) -> list[int] | None:
    """The options a reply picks (letters or numbers), or None if it is not a valid pick."""
    cleaned = text.strip().upper().replace(",", "").replace("，", "").replace(" ", "")
    if not cleaned:
        return None
    if cleaned.isdigit() and len(item.options) < 10:
        picks = [int(c) - 1 for c in cleaned]
    else:
        picks = [LETTERS.index(c) if c in LETTERS else -1 for c in cleaned]
    if any(not 0 <= p < len(item.options) for p in picks):
        return None
    if item.kind != "multiple" and len(set(picks)) != 1:
        return None
    return sorted(set(picks))


def play(kb: KnowledgeBase, day: date, input_func: Callable[[str], str], output: TextIO) -> int:
    """Play the day's round; returns 0 (1 if the knowledge base has no quiz)."""
    by_id = kb.quiz_by_id
    items = [by_id[i] for i in daily_round(0, day, kb.quiz)]
    if not items:
        output.write("知识库中暂无题目。\n")
        return 1
    output.write(
        f"每日答题（{day:%Y-%m-%d}）：{len(items)} 道题。输入选项字母，多选题输入多个字母。\n"
    )
    misses: list[QuizItem] = []
    for number, item in enumerate(items, 1):
        output.write(f"\n{number}. {item.poll_question}\n")
        for letter, option in zip(LETTERS, item.options, strict=False):
            output.write(f"  {letter}. {option}\n")
        while True:
            try:
                reply = input_func("答> ")
            except (EOFError, KeyboardInterrupt):
                output.write("\n已退出答题。\n")
                return 0
            picks = _choice(reply, item)
            if picks is not None:
                break
            output.write(f"请输入 A–{LETTERS[len(item.options) - 1]} 中的字母。\n")
        if is_correct(picks, item.correct):
            output.write("✓ 答对了。\n")
        else:
            misses.append(item)
            right = "".join(LETTERS[i] for i in item.correct)
            output.write(f"✗ 正确答案：{right}. {item.answer_text}\n")
        output.write(f"  {item.explanation}\n")
    output.write(f"\n得分：答对 {len(items) - len(misses)}/{len(items)} 题。\n")
    for item in misses:
        entry = kb.by_id.get(item.entry)
        output.write(
            f"\n回顾：{item.poll_question}\n正确答案：{item.answer_text}\n原文：{item.passage}\n"
        )
        if entry is not None:
            output.write(f"——{section_citation(kb, entry.section)}\n")
    output.flush()
    return 0
