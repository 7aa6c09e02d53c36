"""Assertions on the core's answers, shared by the answering tests."""

from __future__ import annotations

from bot.core.answering import Answerer, Status


def answers_with(answerer: Answerer, question: str, entry: str | None) -> None:
    """The question is answered from `entry`, or (None) not answered at all."""
    result = answerer.ask(question)
    if entry is None:
        assert result.status is not Status.ANSWERED, result
    else:
        assert (result.status, result.entry) == (Status.ANSWERED, entry), result
