"""The image's moving parts, without a Docker engine: seeding the knowledge base into the data
volume, `python -m bot health`, the compose files, the upload into a seeded knowledge base."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.knowledge import load_knowledge
from bot.core.seed import seed_knowledge
from bot.tgbot.admin_handlers import UNWRITABLE
from tests.botapi import TOKEN, RecordingRequest, run_bot
from tests.harness import ADMIN, Harness, only, running_bot

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def baked(tmp_path: Path) -> Path:
    """A read-only copy of the knowledge base, as root owns it in the image."""
    seed = tmp_path / "app-knowledge"
    shutil.copytree(ROOT / "knowledge", seed)
    for path in seed.rglob("*"):
        path.chmod(stat.S_IRUSR | (stat.S_IXUSR if path.is_dir() else 0))
    seed.chmod(stat.S_IRUSR | stat.S_IXUSR)
    return seed


def test_seeding_copies_everything_once_and_writable(baked: Path, tmp_path: Path) -> None:
    target = tmp_path / "data" / "knowledge"
    copied = seed_knowledge(target, baked)
    assert {p.relative_to(target).as_posix() for p in copied} >= {
        "opinion.yaml",
        "tips.yaml",
        "source/interview.txt",
    }
    assert load_knowledge(target).version == load_knowledge(baked).version
    assert all(path.stat().st_mode & stat.S_IWUSR for path in copied)  # the bot may replace them
    entries = target / "opinion.yaml"
    entries.write_text(entries.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert seed_knowledge(target, baked) == []  # the next start: nothing overwritten
    assert entries.read_text(encoding="utf-8").endswith("# edited\n")


def test_seeding_fills_only_missing_files(baked: Path, tmp_path: Path) -> None:
    target = tmp_path / "knowledge"
    target.mkdir()
    (target / "tips.yaml").write_text("mine", encoding="utf-8")
    copied = seed_knowledge(target, baked)
    assert target / "tips.yaml" not in copied
    assert (target / "tips.yaml").read_text(encoding="utf-8") == "mine"
    assert (target / "opinion.yaml").exists()


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "OPINION_DB": str(tmp_path / "db" / "bot.sqlite3"),
        **extra,
    }


def test_health_passes_with_a_working_bot(tmp_path: Path) -> None:
    done = run_bot("health", env=_env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("healthy:")


def test_health_fails_without_a_knowledge_base(tmp_path: Path) -> None:
    done = run_bot("health", env=_env(tmp_path, OPINION_KB=str(tmp_path / "missing")))
    assert done.returncode == 1
    assert "unhealthy" in done.stderr
    assert "Traceback" not in done.stderr


def test_health_fails_on_an_unusable_database(tmp_path: Path) -> None:
    database = tmp_path / "db" / "bot.sqlite3"
    database.parent.mkdir()
    database.write_bytes(b"not a database" * 100)
    done = run_bot("health", env=_env(tmp_path))
    assert done.returncode == 1
    assert "unhealthy" in done.stderr


@pytest.mark.parametrize("name", ["compose.yaml", "compose.webhook.yaml"])
def test_compose_files_restart_keep_data_and_check_health(name: str) -> None:
    compose: dict[str, Any] = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    service = compose["services"]["bot"]
    assert service["restart"] == "unless-stopped"
    assert any(volume.endswith(":/data") for volume in service["volumes"])
    test = service["healthcheck"]["test"]
    assert test[:2] == ["CMD", "python"]
    assert test[2:] == ["-m", "bot", "health"]
    if "webhook" in name:
        assert service["ports"] == ["127.0.0.1:8443:8443"]


def test_dockerfile_serves_the_seeded_copy_as_non_root() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "OPINION_KB=/data/knowledge" in text
    assert "OPINION_KB_SEED=/app/knowledge" in text
    assert "USER 10001" in text
    healthcheck = text[text.index("HEALTHCHECK") :]
    assert healthcheck.split("CMD", 1)[1].split("\n")[0].strip() == (
        '["python", "-m", "bot", "health"]'
    )


@pytest.fixture
def api() -> RecordingRequest:
    return RecordingRequest()


@pytest.fixture
async def bot_on_baked(
    tmp_path: Path, baked: Path, api: RecordingRequest
) -> AsyncIterator[Harness]:
    async for harness in running_bot(
        tmp_path / "bot.sqlite3", api, admins=frozenset({ADMIN}), knowledge=baked
    ):
        yield harness


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only folder")
async def test_upload_into_a_read_only_folder_says_so_in_chinese(
    bot_on_baked: Harness, api: RecordingRequest, baked: Path
) -> None:
    data = (baked / "tips.yaml").read_bytes()
    api.files["doc1"] = data
    calls = await bot_on_baked.say(
        None,
        chat_id=ADMIN,
        user_id=ADMIN,
        extra={
            "caption": "/reload",
            "document": {"file_id": "doc1", "file_unique_id": "u1", "file_name": "tips.yaml"},
        },
    )
    reply = only(calls)
    assert reply.text == UNWRITABLE.format(name="tips.yaml")
    assert str(baked) not in reply.text


async def test_an_upload_that_cannot_be_written_is_refused_in_chinese(
    tmp_path: Path, api: RecordingRequest
) -> None:
    """The write fails (here: the backup's place is taken by a folder, which fails for root
    too): the admin hears why in Chinese, the file and the served knowledge base are unchanged."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    (knowledge / "tips.yaml.bak" / "tips.yaml").mkdir(parents=True)
    before = (knowledge / "tips.yaml").read_bytes()
    api.files["doc2"] = before + b"\n# changed\n"
    async for bot in running_bot(
        tmp_path / "bot.sqlite3", api, admins=frozenset({ADMIN}), knowledge=knowledge
    ):
        answerer = bot.state.answerer
        calls = await bot.say(
            None,
            chat_id=ADMIN,
            user_id=ADMIN,
            extra={
                "caption": "/reload",
                "document": {"file_id": "doc2", "file_unique_id": "u2", "file_name": "tips.yaml"},
            },
        )
        assert only(calls).text == UNWRITABLE.format(name="tips.yaml")
        assert bot.state.answerer is answerer
        assert bot.errors == []
    assert (knowledge / "tips.yaml").read_bytes() == before
    assert not [p for p in knowledge.iterdir() if p.name.startswith(".tips.yaml.")]


def test_replicas_compose_shares_postgres_and_knowledge_behind_a_proxy() -> None:
    compose: dict[str, Any] = yaml.safe_load(
        (ROOT / "compose.replicas.yaml").read_text(encoding="utf-8")
    )
    services = compose["services"]
    replicas = [services["bot-a"], services["bot-b"]]
    for service in replicas:
        assert service["environment"]["OPINION_DB"].startswith("postgresql://opinion:")
        assert "opinion-knowledge:/data/knowledge" in service["volumes"]
        assert service["depends_on"]["db"]["condition"] == "service_healthy"
        assert service["healthcheck"]["test"][2:] == ["-m", "bot", "health"]
    assert "--to bot-a:8443 --to bot-b:8443" in services["proxy"]["command"]
    assert services["proxy"]["ports"] == ["127.0.0.1:8443:8443"]
    assert services["db"]["image"].startswith("postgres:")
