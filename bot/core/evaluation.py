"""Measuring the matcher on a labelled question file (`python -m bot eval FILE`).

A question file is YAML with `in_scope` (entry id -> questions) and `out_of_scope` (questions
the interview does not answer).  An in-scope question counts as answered correctly when the bot
answers it with the labelled entry's passage, or with a longer passage that quotes it whole:
either way the reader sees the expected text, word for word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.core.answering import Answerer, Status
from bot.core.textnorm import fold_for_comparison


class EvalFileError(Exception):
    """The question file is missing, malformed or names entries the knowledge base lacks."""


@dataclass(frozen=True, slots=True)
class Labelled:
    question: str
    expected: str | None  # None: out of scope


@dataclass(slots=True)
class Report:
    """Counts and misses from one evaluation run."""

    in_scope: int = 0
    correct: int = 0
    wrong: int = 0
    suggested: int = 0
    suggested_with_right: int = 0
    unknown: int = 0
    out_of_scope: int = 0
    declined: int = 0
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def _rate(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def correct_rate(self) -> float:
        return self._rate(self.correct, self.in_scope)

    @property
    def wrong_rate(self) -> float:
        return self._rate(self.wrong, self.in_scope)

    @property
    def declined_rate(self) -> float:
        return self._rate(self.declined, self.out_of_scope)

    def summary(self) -> str:
        """The figures, one per line."""
        return "\n".join(
            [
                f"in-scope questions:        {self.in_scope}",
                f"  answered correctly:      {self.correct_rate:6.1%}  ({self.correct})",
                f"  answered wrongly:        {self.wrong_rate:6.1%}  ({self.wrong})",
                f"  offered choices:         {self._rate(self.suggested, self.in_scope):6.1%}"
                f"  ({self.suggested}, right one among them: {self.suggested_with_right})",
                f"  said unknown:            {self._rate(self.unknown, self.in_scope):6.1%}"
                f"  ({self.unknown})",
                f"out-of-scope questions:    {self.out_of_scope}",
                f"  declined:                {self.declined_rate:6.1%}  ({self.declined})",
            ]
        )


def read_questions(path: Path, known_ids: set[str]) -> list[Labelled]:
    """Read a question file, checking that every label names a known entry."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"{path}: cannot read ({exc})") from exc
    except yaml.YAMLError as exc:
        raise EvalFileError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("in_scope", {}), dict):
        raise EvalFileError(f"{path}: expected 'in_scope' (a mapping) and 'out_of_scope' (a list)")
    items: list[Labelled] = []
    for entry_id, questions in (raw.get("in_scope") or {}).items():
        if entry_id not in known_ids:
            raise EvalFileError(f"{path}: unknown entry id '{entry_id}'")
        items.extend(Labelled(str(q), str(entry_id)) for q in questions or [])
    items.extend(Labelled(str(q), None) for q in raw.get("out_of_scope") or [])
    if not items:
        raise EvalFileError(f"{path}: no questions")
    return items


def evaluate(answerer: Answerer, questions: list[Labelled]) -> Report:
    """Ask every question and count the outcomes."""
    passages = {e.id: fold_for_comparison(e.passage) for e in answerer.kb.entries}
    report = Report()
    for item in questions:
        result = answerer.ask(item.question)
        got = f"{result.status.value} {result.entry or ''}".strip()
        if item.expected is None:
            report.out_of_scope += 1
            if result.status is Status.ANSWERED:
                report.misses.append(f"out of scope but answered: {item.question} -> {got}")
            else:
                report.declined += 1
            continue
        report.in_scope += 1
        right = passages[item.expected]
        if result.status is Status.ANSWERED and result.entry is not None:
            if right in passages[result.entry]:
                report.correct += 1
                continue
            report.wrong += 1
        elif result.status is Status.SUGGESTED:
            report.suggested += 1
            if any(right in passages[s.entry] for s in result.suggestions):
                report.suggested_with_right += 1
            got += " [" + ", ".join(s.entry for s in result.suggestions) + "]"
        else:
            report.unknown += 1
        report.misses.append(f"expected {item.expected}: {item.question} -> {got}")
    return report
