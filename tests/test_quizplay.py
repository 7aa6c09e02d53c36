"""`python -m bot quiz`: a round in the terminal, graded and reviewed."""

from __future__ import annotations

import io
from datetime import date

from bot.cli.quizplay import LETTERS, play
from bot.core.knowledge import KnowledgeBase
from bot.core.quiz import daily_round
from tests.botapi import run_bot

DAY = date(2026, 5, 2)


def _answers(kb: KnowledgeBase, miss: int) -> list[str]:
    replies = []
    for number, item_id in enumerate(daily_round(0, DAY, kb.quiz)):
        item = kb.quiz_by_id[item_id]
        if number == miss:
            wrong = next(i for i in range(len(item.options)) if i not in item.correct)
            replies.append(LETTERS[wrong])
        else:
            replies.append("".join(LETTERS[i] for i in item.correct))
    return replies


def test_a_round_with_one_miss_is_scored_and_reviewed(kb: KnowledgeBase) -> None:
    replies = iter(["", "?", *_answers(kb, miss=1)])  # junk first: asked again, nothing lost
    out = io.StringIO()
    assert play(kb, DAY, lambda _prompt: next(replies), out) == 0
    text = out.getvalue()
    assert "答对 4/5 题" in text
    missed = kb.quiz_by_id[daily_round(0, DAY, kb.quiz)[1]]
    assert f"回顾：{missed.poll_question}" in text
    assert f"原文：{missed.passage}" in text
    assert "《河南日报》2023年4月7日第4版" in text


def test_end_of_input_leaves_quietly(kb: KnowledgeBase) -> None:
    def eof(_prompt: str) -> str:
        raise EOFError

    out = io.StringIO()
    assert play(kb, DAY, eof, out) == 0
    assert "已退出" in out.getvalue()


def test_the_command(kb: KnowledgeBase) -> None:
    done = run_bot("quiz", "--day", DAY.isoformat(), stdin="\n".join(_answers(kb, miss=-1)) + "\n")
    assert done.returncode == 0, done.stderr
    assert "答对 5/5 题" in done.stdout
