"""Shared fixtures: the bundled knowledge base, loaded once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.answering import Answerer
from bot.core.knowledge import KnowledgeBase, default_knowledge_dir, load_knowledge

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The real knowledge base."""
    return load_knowledge()


@pytest.fixture(scope="session")
def answerer(kb: KnowledgeBase) -> Answerer:
    """An answerer over the real knowledge base."""
    return Answerer(kb)


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of the knowledge folder, for tests that break it."""
    target = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), target)
    return target
