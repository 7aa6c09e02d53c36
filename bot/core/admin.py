"""Admin work on the knowledge base, without Telegram: reload, diff, uploads, unanswered export.

A reload validates everything exactly as `python -m bot check` does and builds a complete new
Answerer before anything changes; the caller swaps it in with one assignment, so a question is
answered from the old knowledge base or the new one, never a mix.  An uploaded file is
validated in a scratch copy of the knowledge folder and only then written in place (a temporary
file renamed over the old one, which is kept as a backup).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.core.answering import Answerer
from bot.core.knowledge import (
    MAX_FILE_BYTES,
    KnowledgeBase,
    KnowledgeError,
    KnowledgePaths,
    Problem,
    load_knowledge,
)

BACKUP_SUFFIX = ".bak"


@dataclass(frozen=True, slots=True)
class Diff:
    """What a reload changed."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    tips_before: int
    tips_after: int
    version: str
    load_ms: float
    quiz_before: int = 0
    quiz_after: int = 0
    asked_before: int = 0
    asked_after: int = 0

    def summary(self) -> str:
        """The admin's report, in Chinese like the rest of the bot."""

        def ids(items: tuple[str, ...]) -> str:
            return "、".join(items) if items else "无"

        return "\n".join(
            [
                f"知识库已重新加载（版本 {self.version}，用时 {self.load_ms:.0f} 毫秒）。",
                f"新增条目：{ids(self.added)}",
                f"删除条目：{ids(self.removed)}",
                f"修改条目：{ids(self.changed)}",
                f"学习提示：{self.tips_before} → {self.tips_after} 条",
                f"答题题库：{self.quiz_before} → {self.quiz_after} 题",
                f"读者问法：{self.asked_before} → {self.asked_after} 条",
            ]
        )


def diff(old: KnowledgeBase, new: KnowledgeBase, load_ms: float) -> Diff:
    """Entries added, removed and changed (by id) between two knowledge bases."""
    before, after = old.by_id, new.by_id
    return Diff(
        added=tuple(i for i in after if i not in before),
        removed=tuple(i for i in before if i not in after),
        changed=tuple(i for i in after if i in before and before[i] != after[i]),
        tips_before=len(old.tips),
        tips_after=len(new.tips),
        version=new.version,
        load_ms=load_ms,
        quiz_before=len(old.quiz),
        quiz_after=len(new.quiz),
        asked_before=sum(map(len, old.asked.values())),
        asked_after=sum(map(len, new.asked.values())),
    )


def successor(old: Answerer, kb: KnowledgeBase, started: float) -> tuple[Answerer, Diff]:
    """The Answerer to swap in for `old`, and what changed (timed from `started`)."""
    answerer = Answerer(kb, old.tuning)
    return answerer, diff(old.kb, kb, (time.perf_counter() - started) * 1000)


def reload(old: Answerer, path: Path | str | None) -> tuple[Answerer, Diff]:
    """A new Answerer from the files at `path`; raises KnowledgeError and changes nothing."""
    started = time.perf_counter()
    return successor(old, load_knowledge(path), started)


# Telegram names a re-sent file "opinion (1).yaml"; a browser "opinion-2.yml".
_UPLOAD_NAME = re.compile(r"(opinion|tips|quiz|asked)(?:\s*\(\d+\)|[-_ ]\d+)?\.ya?ml")
_TOP_KEY = re.compile(r"^(\w+)\s*:", re.MULTILINE)


def upload_target(paths: KnowledgePaths, name: str | None, data: bytes) -> Path:
    """Which knowledge file an uploaded document replaces: by its name, else by its content."""
    match = _UPLOAD_NAME.fullmatch((name or "").strip().lower())
    stem = match.group(1) if match else None
    if stem == "opinion":
        return paths.entries
    if stem == "tips":
        return paths.tips
    if stem == "quiz" and paths.quiz is not None:
        return paths.quiz
    if stem == "asked" and paths.asked is not None:
        return paths.asked
    # By content: the top-level keys, found by a linear scan rather than a YAML parse (which
    # would expand an alias bomb before validation could refuse it).
    keys = set(_TOP_KEY.findall(data[:MAX_FILE_BYTES].decode("utf-8", "replace")))
    if "tips" in keys:
        return paths.tips
    if "questions" in keys and paths.quiz is not None:
        return paths.quiz
    if keys & {"asked", "out_of_scope"} and paths.asked is not None:
        return paths.asked
    return paths.entries


def validate_upload(paths: KnowledgePaths, target: Path, data: bytes) -> KnowledgeBase:
    """The knowledge base as it would be with `data` as `target`; KnowledgeError if invalid."""
    if len(data) > MAX_FILE_BYTES:
        raise KnowledgeError(
            [Problem(target.name, f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}")]
        )
    with tempfile.TemporaryDirectory(prefix="opinion-upload-") as scratch:
        folder = Path(scratch)
        (folder / "source").mkdir()
        shutil.copyfile(paths.interview, folder / "source" / "interview.txt")
        for current in (paths.entries, paths.tips, paths.quiz, paths.asked):
            if current is not None and current.exists():
                shutil.copyfile(current, folder / current.name)
        (folder / target.name).write_bytes(data)
        try:
            return load_knowledge(folder / paths.entries.name)
        except KnowledgeError as exc:
            # Name the problems after the uploaded file, not the scratch copy.
            raise KnowledgeError(
                [
                    Problem(
                        Path(p.file).name if p.file.startswith(scratch) else p.file,
                        p.message,
                        p.entry,
                    )
                    for p in exc.problems
                ]
            ) from exc


UPLOAD_SUFFIX = ".upload"  # temporary files of an install; a kill -9 may leave one behind


def _temporary(target: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=f".{target.name}.", suffix=UPLOAD_SUFFIX, dir=target.parent)


def _keep_previous(target: Path, backup: Path) -> None:
    """Make `backup` the current `target`, all or nothing: a full disk never truncates it."""
    descriptor, temporary = _temporary(target)
    os.close(descriptor)
    try:
        try:
            os.unlink(temporary)
            os.link(target, temporary)  # no bytes written: works on a full disk
        except OSError:
            shutil.copy2(target, temporary)  # a file system without hard links
        os.replace(temporary, backup)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def install(target: Path, data: bytes) -> Path | None:
    """Write `data` to `target` atomically, keeping the previous version; returns the backup.

    On any failure (a full disk included) the target and the previous backup are as they were
    and no temporary file is left; the new file keeps the old one's permissions.
    """
    backup = target.with_name(target.name + BACKUP_SUFFIX) if target.exists() else None
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
    descriptor, temporary = _temporary(target)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)  # mkstemp makes it 0600
        if backup is not None:
            _keep_previous(target, backup)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return backup


def remove_stale_uploads(folder: Path) -> list[Path]:
    """Delete temporary files that an install killed midway left in the knowledge folder."""
    removed = []
    for stale in folder.glob(f".*{UPLOAD_SUFFIX}"):
        stale.unlink(missing_ok=True)
        removed.append(stale)
    return removed


def unanswered_stubs(rows: list[tuple[str, int]], answerer: Answerer, days: int) -> str:
    """YAML stubs an admin can paste into opinion.yaml as alternates (export-unanswered)."""
    stubs: list[dict[str, object]] = []
    for question, count in rows:
        # Only an entry the bot itself found plausible (answered, or offered as a choice):
        # a question with no plausible entry gets no suggestion rather than a misleading one.
        result = answerer.ask(question)
        found = result.entry or (result.suggestions[0].entry if result.suggestions else None)
        best = answerer.entry(found) if found else None
        stubs.append(
            {
                "question": question,
                "count": count,
                "suggested_entry": best.id if best else None,
                "suggested_question": best.question if best else None,
            }
        )
    header = (
        f"# Questions the bot could not answer directly in the last {days} days, most asked "
        "first.\n# File a question in asked.yaml under the entry that answers it (the "
        "suggestion is\n# the closest match, not a verdict), then run `python -m bot check` "
        "and /reload.\n"
    )
    body = yaml.safe_dump(stubs, allow_unicode=True, sort_keys=False) if stubs else "[]\n"
    return header + body


def shares(counts: Sequence[int]) -> list[int]:
    """Whole percentages of `counts` that add up to exactly 100 (largest-remainder rounding);
    all zeros when there is nothing to share."""
    total = sum(counts)
    if total <= 0:
        return [0] * len(counts)
    exact = [count * 100 / total for count in counts]
    floors = [int(value) for value in exact]
    # Ties go to the earlier (larger, as callers order them) share: the result is stable.
    order = sorted(range(len(counts)), key=lambda i: (floors[i] - exact[i], i))
    for index in order[: 100 - sum(floors)]:
        floors[index] += 1
    return floors
