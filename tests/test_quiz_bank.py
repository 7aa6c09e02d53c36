"""The quiz bank: the real one proves out, and every check rule refuses a broken file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.admin import reload
from bot.core.answering import Answerer
from bot.core.knowledge import (
    KnowledgeBase,
    KnowledgeError,
    check_knowledge,
    interview_paragraphs,
    load_knowledge,
)
from bot.core.quiz import KINDS, MAX_EXPLANATION
from bot.core.textnorm import fold_for_comparison


def test_real_bank_covers_every_section_and_kind(kb: KnowledgeBase) -> None:
    assert len(kb.quiz) >= 80
    assert {item.section for item in kb.quiz} == set(range(6))
    assert {item.kind for item in kb.quiz} == set(KINDS)
    folded = fold_for_comparison("".join(interview_paragraphs(kb.interview)))
    for item in kb.quiz:
        assert fold_for_comparison(item.passage) in folded
        assert item.entry in kb.by_id
        assert len(item.explanation) <= MAX_EXPLANATION
        if item.kind in ("single", "multiple"):
            for index in item.correct:
                assert fold_for_comparison(item.options[index]) in fold_for_comparison(
                    item.passage
                )


def _break(kb_copy: Path, item_id: str, change: Callable[[dict[str, Any]], object]) -> list[str]:
    path = kb_copy / "quiz.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(next(q for q in data["questions"] if q["id"] == item_id))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    problems = check_knowledge(kb_copy)
    assert problems, "a broken quiz file must be refused"
    assert all("quiz.yaml" in p.file for p in problems)
    return [f"{p.entry}: {p.message}" for p in problems]


def _set(**fields: object) -> Callable[[dict[str, Any]], object]:
    return lambda item: item.update(fields)


@pytest.mark.parametrize(
    ("item_id", "change", "expected"),
    [
        ("q006", _set(passage="机关党的建设是机关建设的首要任务"), "passage does not occur"),
        ("q006", _set(answer="首要任务"), "correct option '首要任务' does not occur"),
        ("q006", _set(answer="不在选项里"), "is not one of the options"),
        ("q006", _set(options=["根本保证", "根本保证", "首要任务"]), "two options are the same"),
        ("q006", _set(options=["根本保证"]), "needs 2-10 options"),
        ("q006", _set(options=["根本保证", *[f"选项{i}" for i in range(10)]]), "needs 2-10"),
        ("q006", _set(options=["根本保证", "长" * 101]), "over 100 characters"),
        ("q006", _set(question="问" * 301), "question is over 300"),
        ("q006", _set(explanation="释" * 201), "Telegram allows 200"),
        ("q006", _set(explanation="一\n二\n三\n四"), "line feeds"),
        ("q006", _set(entry="nowhere"), "entry 'nowhere' does not exist"),
        ("q006", _set(kind="essay"), "kind must be one of"),
        ("q006", _set(id="q007"), "duplicate id"),
        ("q006", lambda item: item.pop("passage"), "missing required field 'passage'"),
        ("q006", _set(colour="red"), "unknown field 'colour'"),
        ("q006", _set(answer=["根本保证", "首要任务"]), "exactly one answer"),
        # which_not: the answer must be absent from the passage, every other option present
        ("q022", _set(answer="形式和内容脱节"), "occurs in the passage, so it is not the odd"),
        (
            "q022",
            _set(options=["党建工作和中心工作脱节", "上下脱节", "理论和实际脱节"]),
            "option '上下脱节' does not occur",
        ),
        # multiple: every right option in the passage, no wrong option in it
        ("q021", _set(answer=["政治和业务脱节", "城市和农村脱节"]), "'城市和农村脱节' does not"),
        ("q021", _set(answer=["政治和业务脱节", "学和用脱节"]), "so it is also correct"),
        ("q021", _set(answer=["政治和业务脱节"]), "at least two answers"),
        # true_false: a true claim is in the passage; a false one is not in the interview
        ("q058", _set(question="抓准“药方”就能根治"), "marked 正确 but does not occur"),
        ("q061", _set(question="完善制度机制是保障，建强党务干部队伍是关键"), "marked 错误 but"),
        ("q061", lambda item: item.pop("truth"), "needs 'truth'"),
        ("q061", _set(truth="完善制度机制是关键"), "'truth' does not occur"),
        ("q061", _set(answer="也许"), "正确 or 错误"),
        ("q058", _set(options=["对", "错"]), "has no options"),
    ],
)
def test_every_check_rule(
    kb_copy: Path, item_id: str, change: Callable[[dict[str, Any]], object], expected: str
) -> None:
    problems = _break(kb_copy, item_id, change)
    assert any(expected in p for p in problems), problems


def test_every_section_must_be_covered(kb_copy: Path) -> None:
    path = kb_copy / "quiz.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"] = [q for q in data["questions"] if not q["passage"].startswith("同时")]
    data["questions"] = [q for q in data["questions"] if q["topic"] != "贯彻落实"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert any("section 问五" in p.message for p in check_knowledge(kb_copy))


@pytest.mark.parametrize("text", ["questions: [", "", "questions: []", "other: 1\n"])
def test_broken_files_are_refused(kb_copy: Path, text: str) -> None:
    (kb_copy / "quiz.yaml").write_text(text, encoding="utf-8")
    assert check_knowledge(kb_copy)


def test_no_quiz_file_means_no_quiz(kb_copy: Path) -> None:
    (kb_copy / "quiz.yaml").unlink()
    assert load_knowledge(kb_copy).quiz == ()


def test_reload_refuses_a_broken_quiz(kb_copy: Path) -> None:
    old = Answerer(load_knowledge(kb_copy))
    (kb_copy / "quiz.yaml").write_text("questions:\n  - id: q1\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as refused:
        reload(old, kb_copy)
    assert any("quiz.yaml" in p.file for p in refused.value.problems)


def test_reload_reports_the_quiz_count(kb_copy: Path) -> None:
    old = Answerer(load_knowledge(kb_copy))
    path = kb_copy / "quiz.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"] = [q for q in data["questions"] if q["id"] != "q006"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _, diff = reload(old, kb_copy)
    assert f"答题题库：{len(old.kb.quiz)} → {len(old.kb.quiz) - 1} 题" in diff.summary()


def test_an_uploaded_quiz_file_is_recognised_and_validated(kb_copy: Path) -> None:
    from bot.core.admin import upload_target, validate_upload
    from bot.core.knowledge import KnowledgePaths

    paths = KnowledgePaths.resolve(kb_copy)
    data = (kb_copy / "quiz.yaml").read_bytes()
    assert upload_target(paths, "quiz.yaml", data) == paths.quiz
    assert upload_target(paths, "anything.yaml", data) == paths.quiz  # by its content
    assert len(validate_upload(paths, kb_copy / "quiz.yaml", data).quiz) >= 80
    broken = data.replace("根本保证".encode(), "首要保证".encode())
    with pytest.raises(KnowledgeError):
        validate_upload(paths, kb_copy / "quiz.yaml", broken)
