"""One file cannot stall the bot: a YAML alias bomb is refused before it expands, and an admin
gets at most the first 50 problems.  What is kept: the old knowledge base on any failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import admin
from bot.core.knowledge import KnowledgePaths, Problem, check_knowledge
from bot.core.problem_text import problems_zh
from tests.harness import ADMIN, Harness
from tests.test_admin import document

# "Billion laughs": nine levels of nine aliases each, 9**9 strings once expanded.
BOMB = "\n".join(
    ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    + ["entries:", "  - id: *a8"]
).encode()


def test_an_alias_bomb_is_refused_unexpanded(kb_copy: Path) -> None:
    (kb_copy / "opinion.yaml").write_bytes(BOMB)
    problems = check_knowledge(kb_copy)
    assert any("aliases" in problem.message for problem in problems)


def test_the_problem_report_is_capped() -> None:
    problems = [Problem("opinion.yaml", f"problem {n}") for n in range(1830)]
    text = problems_zh(problems)
    assert text.count("• ") == 50
    assert "1780" in text


async def test_an_uploaded_alias_bomb_keeps_the_old_knowledge_base(
    admin_bot: Harness, kb_copy: Path
) -> None:
    before = (kb_copy / "opinion.yaml").read_bytes()
    version = admin_bot.kb.version
    admin_bot.api.files["bomb"] = BOMB
    calls = await admin_bot.say(
        None, chat_id=ADMIN, user_id=ADMIN, extra=document("bomb", "opinion (1).yaml", len(BOMB))
    )
    replies = [c for c in calls if c.method == "sendMessage"]
    assert 1 <= len(replies) <= 2
    assert "aliases" in replies[0].text
    assert (kb_copy / "opinion.yaml").read_bytes() == before
    assert admin_bot.kb.version == version


@pytest.mark.parametrize(
    ("name", "which"),
    [
        ("opinion (1).yaml", "entries"),
        ("Tips (2).yml", "tips"),
        ("quiz-3.yaml", "quiz"),
        ("tips_1.yaml", "tips"),
    ],
)
def test_resent_file_names_are_recognised(kb_copy: Path, name: str, which: str) -> None:
    paths = KnowledgePaths.resolve(kb_copy)
    # Content that would point elsewhere: the name decides.
    body = b"questions: []\n" if which != "quiz" else b"tips: []\n"
    assert admin.upload_target(paths, name, body) == getattr(paths, which)


def test_an_unnamed_upload_is_recognised_by_its_keys_without_parsing(kb_copy: Path) -> None:
    paths = KnowledgePaths.resolve(kb_copy)
    bomb = BOMB.replace(b"entries:", b"tips:")  # parsed, this would never finish
    assert admin.upload_target(paths, "x.yaml", bomb) == paths.tips
    assert admin.upload_target(paths, None, b"questions:\n  - id: q\n") == paths.quiz
    assert admin.upload_target(paths, "x.yaml", b"source: {}\nentries: []\n") == paths.entries


async def test_a_validation_past_its_time_bound_is_refused(
    admin_bot: Harness, kb_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However a file keeps the validating thread busy, the admin hears back and nothing
    changes (the bound is made tiny here instead of crafting a slow file)."""
    from bot.tgbot import admin_handlers

    before = admin_bot.state.answerer
    monkeypatch.setattr(admin_handlers, "VALIDATION_SECONDS", 0.0)
    calls = await admin_bot.say("/reload", chat_id=ADMIN, user_id=ADMIN)
    assert "校验超过 0 秒仍未完成，已拒绝" in " ".join(c.text for c in calls)
    assert admin_bot.state.answerer is before
