"""The quiz bank and the rules of play: validating items, today's round, grading, points, streaks.

Pure Python (no Telegram, no database).  Validation proves each item against the interview: its
passage occurs there word for word and every correct option is what the passage says, so no quiz
answer can go beyond the source.  It reports problems through a callback so that the knowledge
loader can file them with the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bot.core.textnorm import fold_for_comparison

KINDS = ("single", "multiple", "true_false", "which_not")
TRUE_FALSE_OPTIONS = ("正确", "错误")
REQUIRED = ("id", "kind", "topic", "entry", "question", "answer", "explanation", "passage")
OPTIONAL = ("options", "truth")

# Telegram's limits on quiz polls (Bot API sendPoll); the bank keeps to the stricter ones.
MAX_QUESTION = 300
MAX_OPTION = 100
MIN_OPTIONS, MAX_OPTIONS = 2, 10
MAX_EXPLANATION = 200
MAX_EXPLANATION_LINE_FEEDS = 2

ROUND_SIZE = 5
POINTS_PER_CORRECT = 2
DAILY_CAP = {"daily": 10, "challenge": 20}


@dataclass(frozen=True, slots=True)
class QuizItem:
    """One checked quiz question: the options, which are correct, and the passage proving it."""

    id: str
    kind: str
    topic: str
    entry: str
    question: str
    options: tuple[str, ...]
    correct: tuple[int, ...]  # 0-based, increasing
    explanation: str
    passage: str
    section: int  # 0 the lead, 1..5 the interview's questions

    @property
    def poll_question(self) -> str:
        """The question as the poll shows it."""
        if self.kind == "true_false":
            return f"判断正误：{self.question}"
        if self.kind == "multiple" and "多选" not in self.question:
            return f"{self.question}（多选）"
        return self.question

    @property
    def answer_text(self) -> str:
        """The correct option(s), as a reader would say them."""
        return "；".join(self.options[i] for i in self.correct)


Report = Callable[[str, str | None], None]  # (message, item label)


def _texts(value: Any) -> list[str] | None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [str(value).strip()]
    if isinstance(value, list) and all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        return [str(v).strip() for v in value]
    return None


def _one_item(
    raw: dict[str, Any],
    label: str,
    entry_ids: set[str],
    in_interview: Callable[[str], bool],
    section_of: Callable[[str], int | None],
    report: Report,
) -> QuizItem | None:
    ok = True

    def fail(message: str) -> None:
        nonlocal ok
        ok = False
        report(message, label)

    for key in REQUIRED:
        if key not in raw:
            fail(f"missing required field '{key}'")
    for key in raw:
        if key not in REQUIRED and key not in OPTIONAL:
            fail(f"unknown field '{key}'")
    if not ok:
        return None
    fields: dict[str, str] = {}
    for key in ("id", "kind", "topic", "entry", "question", "explanation", "passage", "truth"):
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, str) or not value.strip():
            fail(f"field '{key}' must be non-empty text")
        else:
            fields[key] = value.strip()
    if not ok:
        return None
    kind, passage, question = fields["kind"], fields["passage"], fields["question"]
    if kind not in KINDS:
        fail(f"kind must be one of {', '.join(KINDS)}")
        return None
    if fields["entry"] not in entry_ids:
        fail(f"entry '{fields['entry']}' does not exist")
    section = section_of(passage)
    if section is None:
        fail("passage does not occur verbatim in the interview")
    folded_passage = fold_for_comparison(passage)

    def says(text: str) -> bool:
        return fold_for_comparison(text) in folded_passage

    answers = _texts(raw["answer"])
    if kind == "true_false":
        if "options" in raw:
            fail("a true_false item has no options (they are 正确 / 错误)")
        options: list[str] = list(TRUE_FALSE_OPTIONS)
        claim = question.rstrip("。")
        if answers == ["正确"]:
            if not says(claim):
                fail("the claim is marked 正确 but does not occur in the passage")
            if "truth" in fields:
                fail("only a false claim has a 'truth'")
        elif answers == ["错误"]:
            if in_interview(claim):
                fail("the claim is marked 错误 but occurs in the interview")
            truth = fields.get("truth")
            if truth is None:
                fail("a false claim needs 'truth': what the passage says instead")
            elif not says(truth):
                fail("'truth' does not occur in the passage")
        else:
            fail("a true_false answer is 正确 or 错误")
            return None
    else:
        listed = _texts(raw.get("options"))
        if listed is None:
            fail("field 'options' must be a list of texts")
            return None
        options = listed
        if "truth" in fields:
            fail("only a false true_false claim has a 'truth'")
    if answers is None or not answers:
        fail("field 'answer' must be an option's text or a list of them")
        return None
    if len(options) != len(set(options)):
        fail("two options are the same")
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        fail(f"needs {MIN_OPTIONS}-{MAX_OPTIONS} options, has {len(options)}")
    for option in options:
        if not option:
            fail("an option is empty")
        elif len(option) > MAX_OPTION:
            fail(f"option '{option[:20]}…' is over {MAX_OPTION} characters")
    if len(fields["id"]) > 40:
        fail("id is over 40 characters")
    poll_question = QuizItem(fields["id"], kind, "", "", question, (), (), "", "", 0).poll_question
    if len(poll_question) > MAX_QUESTION:
        fail(f"question is over {MAX_QUESTION} characters")
    explanation = fields["explanation"]
    if len(explanation) > MAX_EXPLANATION:
        fail(f"explanation is {len(explanation)} characters; Telegram allows {MAX_EXPLANATION}")
    if explanation.count("\n") > MAX_EXPLANATION_LINE_FEEDS:
        fail(f"explanation has more than {MAX_EXPLANATION_LINE_FEEDS} line feeds")
    missing = [a for a in answers if a not in options]
    if missing:
        fail(f"answer '{missing[0]}' is not one of the options")
        return None
    correct = tuple(sorted({options.index(a) for a in answers}))
    if kind in ("single", "which_not") and len(correct) != 1:
        fail(f"a {kind} item has exactly one answer")
    if kind == "multiple" and len(correct) < 2:
        fail("a multiple item has at least two answers")
    wrong = [o for i, o in enumerate(options) if i not in correct]
    if kind in ("single", "multiple"):
        for index in correct:
            if not says(options[index]):
                fail(f"correct option '{options[index]}' does not occur in the passage")
    if kind == "multiple":
        for option in wrong:
            if says(option):
                fail(f"wrong option '{option}' occurs in the passage, so it is also correct")
    if kind == "which_not":
        for index in correct:
            if says(options[index]):
                fail(f"answer '{options[index]}' occurs in the passage, so it is not the odd one")
        for option in wrong:
            if not says(option):
                fail(f"option '{option}' does not occur in the passage")
    if not ok or section is None:
        return None
    return QuizItem(
        fields["id"],
        kind,
        fields["topic"],
        fields["entry"],
        question,
        tuple(options),
        correct,
        explanation,
        passage,
        section,
    )


def parse_quiz(
    raw: Any,
    entry_ids: set[str],
    in_interview: Callable[[str], bool],
    section_of: Callable[[str], int | None],
    sections: int,
    report: Report,
) -> list[QuizItem]:
    """The checked items of a quiz file (`report` gets every problem)."""
    items_raw = raw.get("questions") if isinstance(raw, dict) else None
    if isinstance(raw, dict):
        for key in raw:
            if key != "questions":
                report(f"unknown top-level field '{key}'", None)
    if not isinstance(items_raw, list) or not items_raw:
        report("'questions' must be a non-empty list", None)
        return []
    items: list[QuizItem] = []
    seen: set[str] = set()
    for position, element in enumerate(items_raw, 1):
        raw_id = element.get("id") if isinstance(element, dict) else None
        label = str(raw_id) if raw_id is not None else f"#{position}"
        if not isinstance(element, dict):
            report(f"expected a mapping, got {type(element).__name__}", label)
            continue
        if label in seen:
            report("duplicate id", label)
        seen.add(label)
        item = _one_item(element, label, entry_ids, in_interview, section_of, report)
        if item is not None:
            items.append(item)
    covered = {item.section for item in items}
    for number in range(sections):
        if items and number not in covered:
            name = "导语" if number == 0 else f"问{'一二三四五六七八九十'[number - 1]}"
            report(f"no question covers the section {name}", None)
    return items


# --------------------------------------------------------------------------- play


def _rank(*parts: object) -> bytes:
    return hashlib.blake2b(":".join(map(str, parts)).encode(), digest_size=8).digest()


def daily_round(
    chat_id: int, day: date, items: Sequence[QuizItem], size: int = ROUND_SIZE
) -> list[str]:
    """The chat's questions of the day: stable all day, different across days and chats."""
    ordered = sorted(items, key=lambda item: _rank(chat_id, day.isoformat(), item.id))
    # Spread the round over the interview: the first pick of each section before any second.
    chosen: list[str] = []
    sections: set[int] = set()
    for item in ordered:
        if item.section not in sections and len(chosen) < size:
            chosen.append(item.id)
            sections.add(item.section)
    for item in ordered:
        if len(chosen) >= size:
            break
        if item.id not in chosen:
            chosen.append(item.id)
    return chosen


def challenge_order(seed: int, items: Sequence[QuizItem]) -> list[str]:
    """A challenge's questions: every item once, in an order of this challenge's own."""
    return [item.id for item in sorted(items, key=lambda item: _rank("c", seed, item.id))]


def is_correct(chosen: Iterable[int], correct: Iterable[int]) -> bool:
    """Right only when the chosen options are exactly the correct ones."""
    return sorted(set(chosen)) == sorted(set(correct))


def points_for(correct: bool, mode: str, earned_today: int) -> int:
    """Points for one answer: a few per correct answer, up to the mode's daily cap."""
    if not correct:
        return 0
    return max(0, min(POINTS_PER_CORRECT, DAILY_CAP.get(mode, 0) - earned_today))


def study_streak(days: Iterable[date], today: date) -> int:
    """Days studied in a row, ending today (or yesterday, if today has not been studied yet)."""
    studied = set(days)
    cursor = today if today in studied else today - timedelta(days=1)
    count = 0
    while cursor in studied:
        count += 1
        cursor -= timedelta(days=1)
    return count


def week_start(day: date) -> date:
    """Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())
