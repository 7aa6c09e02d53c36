"""Shared fixtures: the bundled knowledge base, loaded once per test session."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.core.answering import Answerer
from bot.core.knowledge import KnowledgeBase, default_knowledge_dir, load_knowledge
from bot.storage import Storage, open_store
from tests.botapi import RecordingRequest
from tests.harness import ADMIN, Harness, running_bot
from tests.pgserver import fresh_database, pg_bin, postgres_server

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


@pytest.fixture
async def admin_bot(tmp_path: Path, kb_copy: Path) -> AsyncIterator[Harness]:
    """The bot with one admin (ADMIN), serving a writable copy of the knowledge folder; no
    error may reach its error handlers."""
    async for harness in running_bot(
        tmp_path / "bot.sqlite3", RecordingRequest(), admins=frozenset({ADMIN}), knowledge=kb_copy
    ):
        yield harness
        assert harness.errors == []


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A real PostgreSQL server for the whole session (skipped only if it is not installed)."""
    bin_dir = pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    with postgres_server(bin_dir) as url:
        yield url


@pytest.fixture
def pg_url(pg_server: str, request: pytest.FixtureRequest) -> str:
    """An empty PostgreSQL database of this test's own."""
    name = "t_" + hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:16]
    return fresh_database(pg_server, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """OPINION_DB for each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "bot.sqlite3"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def any_store(store_target: str | Path) -> Iterator[Storage]:
    """An open store on each backend in turn."""
    store = open_store(store_target)
    yield store
    store.close()
