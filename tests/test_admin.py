"""Admin tools: safe reloads (command, upload, SIGHUP), gating, question log, stats, export."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.knowledge import MAX_FILE_BYTES
from bot.storage import Store
from bot.tgbot.admin_handlers import NOT_ADMIN, PRIVATE_ONLY
from bot.tgbot.app import PURGE_JOB
from bot.tgbot.render import MESSAGE_LIMIT, utf16_length
from tests.botapi import Call, RecordingRequest, message_update, run_bot
from tests.harness import ADMIN, Harness, only, running_bot

USER = 42


async def admin_says(admin_bot: Harness, text: str) -> list[Call]:
    return await admin_bot.say(text, chat_id=ADMIN, user_id=ADMIN)


def texts(calls: list[Call]) -> str:
    return "\n".join(c.text for c in calls if c.method == "sendMessage")


def edit_yaml(path: Path, change: Callable[[Any], object]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def entry(data: dict[str, Any], entry_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in data["entries"] if e["id"] == entry_id)
    return found


# --------------------------------------------------------------------------- reload


async def test_reload_reports_what_changed(admin_bot: Harness, kb_copy: Path) -> None:
    before = admin_bot.state.answerer

    def change(data: dict[str, Any]) -> None:
        entry(data, "two_skins")["summary"] = "“两张皮”问题长期制约着机关党的建设质量提升。"
        removed = entry(data, "supervision")
        data["entries"].remove(removed)
        for other in data["entries"]:
            other["related"] = [r for r in other.get("related", []) if r != "supervision"]
        added = dict(removed, id="inspection")
        added["alternates"] = ["督导检查", "会检查落实吗", "检查落实情况", "落实督查", "调研检查"]
        data["entries"].append(added)

    edit_yaml(kb_copy / "opinion.yaml", change)
    tips = yaml.safe_load((kb_copy / "tips.yaml").read_text(encoding="utf-8"))
    tips["tips"] = [t for t in tips["tips"] if t["entry"] != "supervision"]
    (kb_copy / "tips.yaml").write_text(yaml.safe_dump(tips, allow_unicode=True), "utf-8")
    edit_yaml(
        kb_copy / "quiz.yaml",
        lambda quiz: quiz.update(
            questions=[q for q in quiz["questions"] if q["entry"] != "supervision"]
        ),
    )
    edit_yaml(kb_copy / "asked.yaml", lambda asked: asked["asked"].pop("supervision"))

    report = only(await admin_says(admin_bot, "/reload")).text
    assert "新增条目：inspection" in report
    assert "删除条目：supervision" in report
    assert "two_skins" in report.split("修改条目：")[1].split("\n")[0]
    assert f"{len(before.kb.tips)} → {len(before.kb.tips) - 1}" in report
    asked = sum(map(len, before.kb.asked.values()))
    gone = len(before.kb.asked["supervision"])
    assert f"读者问法：{asked} → {asked - gone} 条" in report
    assert "毫秒" in report
    assert admin_bot.state.answerer is not before
    answer = only(await admin_bot.say("两张皮是什么意思")).text
    assert "<b>“两张皮”问题长期制约着机关党的建设质量提升。</b>" in answer


async def test_reload_without_changes(admin_bot: Harness) -> None:
    report = only(await admin_says(admin_bot, "/reload")).text
    assert "新增条目：无" in report
    assert "删除条目：无" in report
    assert "修改条目：无" in report


def _syntax(path: Path) -> None:
    path.write_text("entries: [\n  - id: broken\n", encoding="utf-8")


def _missing_field(path: Path) -> None:
    edit_yaml(path, lambda d: entry(d, "title").pop("question"))


def _duplicate_ids(path: Path) -> None:
    edit_yaml(path, lambda d: entry(d, "title").update(id="issuer"))


def _passage_not_in_source(path: Path) -> None:
    edit_yaml(path, lambda d: entry(d, "cadre_goal").update(passage="党务干部要做到三个一流。"))


def _dangling_related(path: Path) -> None:
    edit_yaml(path, lambda d: entry(d, "purpose").update(related=["ghost_entry"]))


def _empty(path: Path) -> None:
    path.write_text("", encoding="utf-8")


def _deleted(path: Path) -> None:
    path.unlink()


def _not_utf8(path: Path) -> None:
    path.write_bytes("entries: 两张皮".encode("gb18030"))


def _fifty_megabytes(path: Path) -> None:
    with path.open("ab") as handle:
        handle.truncate(50 * 1024 * 1024)


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (_syntax, "YAML 格式错误：第"),
        (_missing_field, "条目 title（“《意见》的全称是什么"),
        (_duplicate_ids, "）：id 重复"),
        (_passage_not_in_source, "原文段落（passage）必须从访谈原文逐字摘录"),
        (_dangling_related, "相关条目 ghost_entry 不存在"),
        (_empty, "文件是空的"),
        (_deleted, "无法读取文件"),
        (_not_utf8, "不是 UTF-8 文本"),
        (_fifty_megabytes, "超过上限"),
    ],
)
async def test_a_broken_file_changes_nothing(
    admin_bot: Harness, kb_copy: Path, breakage: Callable[[Path], None], expected: str
) -> None:
    before = admin_bot.state.answerer
    breakage(kb_copy / "opinion.yaml")
    report = texts(await admin_says(admin_bot, "/reload"))
    assert "未作任何更改" in report
    assert "opinion.yaml" in report
    assert expected in report
    assert str(kb_copy) not in report  # the file by its name, never a server path
    assert admin_bot.state.answerer is before
    assert "长期制约着" in only(await admin_bot.say("两张皮是什么意思")).text


async def test_many_problems_are_split_across_messages(admin_bot: Harness, kb_copy: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        for item in data["entries"]:
            item["passage"] = (
                "这段话并不在访谈里，它只是为了让问题清单变得很长很长很长很长很长。" * 2
            )

    edit_yaml(kb_copy / "opinion.yaml", change)
    calls = [c for c in await admin_says(admin_bot, "/reload") if c.method == "sendMessage"]
    assert all(utf16_length(c.text) <= MESSAGE_LIMIT for c in calls)
    # Capped: the first 50 problems and a count (a 314-byte alias file once sent 1,830).
    shown = min(len(admin_bot.kb.entries), 50)
    assert texts(calls).count("原文段落（passage）必须从访谈原文逐字摘录") == shown
    assert len(admin_bot.kb.entries) <= 50 or "另有" in texts(calls)


async def test_answers_during_a_reload_use_one_version_or_the_other(
    admin_bot: Harness, kb_copy: Path
) -> None:
    old = only(await admin_bot.say("两张皮是什么意思")).text
    edit_yaml(
        kb_copy / "opinion.yaml", lambda d: entry(d, "two_skins").update(summary="新的一行摘要。")
    )
    # Forty people asking at once (one chat asking forty times would meet the throttle).
    updates = [message_update("两张皮是什么意思", chat_id=1000 + n) for n in range(40)]
    admin_bot.api.clear()
    from telegram import Update

    async def ask(data: dict[str, Any]) -> None:
        await admin_bot.app.process_update(Update.de_json(data, admin_bot.app.bot))

    await asyncio.gather(
        *(ask(u) for u in updates[:20]),
        admin_bot.app.process_update(
            Update.de_json(
                message_update("/reload", chat_id=ADMIN, user_id=ADMIN), admin_bot.app.bot
            )
        ),
        *(ask(u) for u in updates[20:]),
    )
    answers = [
        c.text
        for c in admin_bot.api.calls
        if c.method == "sendMessage" and 1000 <= int(c.params["chat_id"]) < 1040
    ]
    new = only(await admin_bot.say("两张皮是什么意思")).text
    assert new != old
    assert len(answers) == 40
    assert set(answers) <= {old, new}


# --------------------------------------------------------------------------- uploads


def document(file_id: str, name: str, size: int, caption: str = "/reload") -> dict[str, Any]:
    return {
        "document": {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": name,
            "file_size": size,
        },
        "caption": caption,
    }


async def test_valid_upload_is_written_atomically_with_a_backup(
    admin_bot: Harness, kb_copy: Path
) -> None:
    target = kb_copy / "opinion.yaml"
    previous = target.read_bytes()
    data = yaml.safe_load(previous.decode("utf-8"))
    entry(data, "one_plus_n")["summary"] = "将探索构建“1+N”破解路径。"
    upload = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    admin_bot.api.files["upload1"] = upload
    calls = await admin_bot.say(
        None, chat_id=ADMIN, user_id=ADMIN, extra=document("upload1", "opinion.yaml", len(upload))
    )
    report = texts(calls)
    assert "修改条目：one_plus_n" in report
    assert "opinion.yaml.bak" in report
    assert target.read_bytes() == upload
    assert (kb_copy / "opinion.yaml.bak").read_bytes() == previous
    assert not [p for p in kb_copy.iterdir() if p.name.startswith(".opinion.yaml.")]
    assert "将探索构建“1+N”破解路径。" in only(await admin_bot.say("1+N")).text
    # published for the other replicas, as a /reload is
    assert admin_bot.state.store.kb_version() == admin_bot.state.kb.version


async def test_invalid_upload_is_not_written(admin_bot: Harness, kb_copy: Path) -> None:
    target = kb_copy / "opinion.yaml"
    previous = target.read_bytes()
    broken = previous.replace("干部职工的贴心人".encode(), "干部职工的知心人".encode())
    admin_bot.api.files["upload2"] = broken
    before = admin_bot.state.answerer
    calls = await admin_bot.say(
        None, chat_id=ADMIN, user_id=ADMIN, extra=document("upload2", "renamed.yaml", len(broken))
    )
    assert "原文段落（passage）必须从访谈原文逐字摘录" in texts(calls)
    assert "opinion.yaml" in texts(calls)
    assert target.read_bytes() == previous
    assert not (kb_copy / "opinion.yaml.bak").exists()
    assert admin_bot.state.answerer is before


async def test_tips_upload_is_recognised_by_content(admin_bot: Harness, kb_copy: Path) -> None:
    tips = yaml.safe_load((kb_copy / "tips.yaml").read_text(encoding="utf-8"))
    tips["tips"] = tips["tips"][:61]
    upload = yaml.safe_dump(tips, allow_unicode=True).encode("utf-8")
    admin_bot.api.files["upload3"] = upload
    report = texts(
        await admin_bot.say(
            None,
            chat_id=ADMIN,
            user_id=ADMIN,
            extra=document("upload3", "new-tips.yml", len(upload)),
        )
    )
    assert "→ 61 条" in report
    assert (kb_copy / "tips.yaml").read_bytes() == upload


async def test_oversized_upload_is_refused_without_downloading(admin_bot: Harness) -> None:
    calls = await admin_bot.say(
        None,
        chat_id=ADMIN,
        user_id=ADMIN,
        extra=document("huge", "opinion.yaml", 50 * 1024 * 1024),
    )
    assert "太大" in only(calls).text
    assert not [c for c in calls if c.method in ("getFile", "download")]
    assert MAX_FILE_BYTES < 50 * 1024 * 1024


# --------------------------------------------------------------------------- gating


@pytest.mark.parametrize("command", ["/reload", "/unanswered", "/unanswered 5", "/stats"])
async def test_admin_commands_refuse_everyone_else(
    admin_bot: Harness, command: str, caplog: pytest.LogCaptureFixture
) -> None:
    before = admin_bot.state.answerer
    with caplog.at_level(logging.WARNING, logger="bot.tgbot.admin_handlers"):
        call = only(await admin_bot.say(command, user_id=USER))
    assert call.text == NOT_ADMIN
    assert admin_bot.state.answerer is before
    assert any("non-admin user 42" in r.getMessage() for r in caplog.records)


async def test_upload_from_a_non_admin_is_refused(admin_bot: Harness, kb_copy: Path) -> None:
    before = (kb_copy / "opinion.yaml").read_bytes()
    admin_bot.api.files["upload4"] = b"entries: []"
    calls = await admin_bot.say(None, user_id=USER, extra=document("upload4", "opinion.yaml", 11))
    assert only(calls).text == NOT_ADMIN
    assert not [c for c in calls if c.method == "getFile"]
    assert (kb_copy / "opinion.yaml").read_bytes() == before


async def test_admin_commands_in_a_group_post_nothing_private(admin_bot: Harness) -> None:
    await admin_bot.say("机关食堂几点开饭", chat_id=USER, user_id=USER)
    for command in ("/stats", "/unanswered"):
        calls = await admin_bot.say(command, chat_id=-100, chat_type="supergroup", user_id=ADMIN)
        assert only(calls).text == PRIVATE_ONLY


async def test_admin_menu_is_set_for_admins(tmp_path: Path, kb_copy: Path) -> None:
    api = RecordingRequest()
    async for _ in running_bot(tmp_path / "b.sqlite3", api, admins=frozenset({ADMIN})):
        menus = api.of("setMyCommands")
        assert len(menus) == 2
        scoped = menus[1].params
        assert scoped["scope"] == {"type": "chat", "chat_id": ADMIN}
        assert "reload" in [c["command"] for c in scoped["commands"]]
        assert "reload" not in [c["command"] for c in menus[0].params["commands"]]


# --------------------------------------------------------------------------- SIGHUP


async def _until(predicate: Callable[[], bool]) -> None:
    for _ in range(100):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


async def test_sighup_reloads(admin_bot: Harness, kb_copy: Path) -> None:
    version = admin_bot.kb.version
    edit_yaml(
        kb_copy / "opinion.yaml", lambda d: entry(d, "issuer").update(summary="改过的摘要。")
    )
    os.kill(os.getpid(), signal.SIGHUP)
    await _until(lambda: admin_bot.kb.version != version)
    assert admin_bot.kb.by_id["issuer"].summary == "改过的摘要。"


async def test_sighup_with_a_broken_file_keeps_serving(
    admin_bot: Harness, kb_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    before = admin_bot.state.answerer
    (kb_copy / "tips.yaml").write_text("tips: [", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        os.kill(os.getpid(), signal.SIGHUP)
        await _until(
            lambda: any("SIGHUP reload refused" in r.getMessage() for r in caplog.records)
        )
    assert admin_bot.state.answerer is before
    assert "长期制约着" in only(await admin_bot.say("两张皮")).text


# --------------------------------------------------------------------------- the question log


async def test_question_log_keeps_no_user_and_group_text_only_when_addressed(
    admin_bot: Harness,
) -> None:
    await admin_bot.say("两张皮", user_id=USER)
    await admin_bot.say("闲聊：两张皮", chat_id=-100, chat_type="supergroup")  # not addressed
    await admin_bot.say("/ask 六个融合", chat_id=-100, chat_type="supergroup")
    logged = admin_bot.state.store.questions()
    assert [(q.chat_type, q.question) for q in logged] == [
        ("private", "两张皮"),
        ("supergroup", "六个融合"),
    ]
    import sqlite3

    store = admin_bot.state.store
    assert isinstance(store, Store)  # the harness runs on SQLite
    with sqlite3.connect(store.path) as raw:
        columns = [row[1] for row in raw.execute("PRAGMA table_info(questions)")]
    assert not {"user_id", "user", "name", "username", "chat_id"} & set(columns)


async def test_retention_purges_old_rows(tmp_path: Path) -> None:
    api = RecordingRequest()
    database = tmp_path / "bot.sqlite3"
    async for admin_bot in running_bot(database, api, log_days=7):
        store = admin_bot.state.store
        now = datetime.now(UTC)
        store.log_question("private", "旧问题", "unknown", None, 0.1, at=now - timedelta(days=8))
        store.log_question("private", "新问题", "unknown", None, 0.1, at=now - timedelta(days=6))
        assert admin_bot.app.job_queue is not None
        (job,) = admin_bot.app.job_queue.get_jobs_by_name(PURGE_JOB)
        await job.run(admin_bot.app)
        assert [q.question for q in store.questions()] == ["新问题"]


async def test_unanswered_groups_and_counts(admin_bot: Harness) -> None:
    for question in ["入党申请书怎么写"] * 3 + ["干部"] * 2 + ["党费怎么交", "两张皮"]:
        await admin_bot.say(question)
    report = only(await admin_says(admin_bot, "/unanswered")).text
    lines = report.split("\n")[1:]
    assert lines == ["3 × 入党申请书怎么写", "2 × 干部", "1 × 党费怎么交"]
    limited = only(await admin_says(admin_bot, "/unanswered 1")).text
    assert limited.split("\n")[1:] == ["3 × 入党申请书怎么写"]


async def test_stats_figures(admin_bot: Harness) -> None:
    store = admin_bot.state.store
    now = datetime.now(admin_bot.state.zone)
    for status, entry_id, days_ago in [
        ("answered", "two_skins", 0),
        ("answered", "two_skins", 0),
        ("suggested", None, 0),
        ("unknown", None, 0),
        ("answered", "one_plus_n", 3),
        ("answered", "two_skins", 20),
        ("unknown", None, 40),
    ]:
        store.log_question(
            "private", "q", status, entry_id, 0.5, at=now - timedelta(days=days_ago)
        )
    store.subscribe(1, "private", now.time())
    report = only(await admin_says(admin_bot, "/stats")).text
    assert "今天：4 个问题；回答 50%，给出选项 25%，未涉及 25%" in report
    assert "近 7 天：5 个问题；回答 60%" in report
    assert "近 30 天：6 个问题；回答 67%" in report
    assert "近 30 天：6 个问题；回答 67%，给出选项 17%，未涉及 16%" in report  # 100%, not 101%
    assert f"1. {admin_bot.kb.by_id['two_skins'].question}（3 次）" in report
    assert f"2. {admin_bot.kb.by_id['one_plus_n'].question}（1 次）" in report
    assert "订阅 1 个；已推送 0 条" in report
    assert admin_bot.kb.version in report


def test_export_unanswered_writes_yaml_stubs(tmp_path: Path) -> None:
    from bot.storage import Store

    database = tmp_path / "bot.sqlite3"
    store = Store.open(database)
    for question in ["党建考核怎么打分", "党建考核怎么打分", "干部", "今天天气怎么样"]:
        store.log_question("private", question, "suggested", None, 0.3)
    store.log_question("private", "两张皮", "answered", "two_skins", 0.9)
    store.close()
    out = tmp_path / "stubs.yaml"
    done = run_bot("export-unanswered", "-o", str(out), env={"OPINION_DB": str(database)})
    assert done.returncode == 0, done.stderr
    stubs = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [(s["question"], s["count"]) for s in stubs] == [
        ("党建考核怎么打分", 2),
        ("今天天气怎么样", 1),
        ("干部", 1),
    ]
    suggested = {s["question"]: s["suggested_entry"] for s in stubs}
    # Only a plausible entry is suggested: 打分 is not covered, the weather is off topic.
    assert suggested["党建考核怎么打分"] is None
    assert suggested["今天天气怎么样"] is None
    assert suggested["干部"] is not None
    assert out.read_text(encoding="utf-8").startswith("# Questions the bot could not answer")


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([1, 1, 1], [34, 33, 33]),
        ([4, 1, 1], [67, 17, 16]),
        ([2, 1, 1], [50, 25, 25]),
        ([0, 0, 0], [0, 0, 0]),
        ([7, 0, 0], [100, 0, 0]),
        ([1, 1, 1, 1, 1, 1, 1], [15, 15, 14, 14, 14, 14, 14]),
    ],
)
def test_shares_add_up_to_100(counts: list[int], expected: list[int]) -> None:
    from bot.core.admin import shares

    assert shares(counts) == expected


async def test_myid_for_anyone(admin_bot: Harness) -> None:
    private = only(await admin_bot.say("/myid", chat_id=USER, user_id=USER)).text
    assert f"<code>{USER}</code>" in private
    assert "本聊天" not in private
    group = only(await admin_bot.say("/myid", chat_id=-100, chat_type="supergroup", user_id=USER))
    assert f"<code>{USER}</code>" in group.text
    assert "<code>-100</code>" in group.text
