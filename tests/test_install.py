"""Installing an uploaded knowledge file: all or nothing, even on a full disk or after kill -9."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.core import admin
from tests.botapi import RecordingRequest
from tests.harness import running_bot

# A child that may write at most 4 KiB per file (SIGXFSZ ignored, so the write fails with EFBIG
# the way a full disk fails with ENOSPC) and installs N bytes over a file.
FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from bot.core import admin
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    admin.install(Path(sys.argv[1]), b"x" * int(sys.argv[2]))
    print("installed")
except OSError as exc:
    print(type(exc).__name__)
"""


def _install_with_a_full_disk(target: Path, size: int) -> str:
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(target), str(size)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_full_disk_keeps_the_file_and_its_backup_whole(kb_copy: Path) -> None:
    target = kb_copy / "opinion.yaml"
    backup = kb_copy / ("opinion.yaml" + admin.BACKUP_SUFFIX)
    backup.write_text("previous: version\n", encoding="utf-8")
    before = target.read_bytes()
    assert len(before) > 4096  # a copy of it could not be written
    assert _install_with_a_full_disk(target, 65536) == "OSError"  # the new file cannot be
    assert target.read_bytes() == before
    assert backup.read_text(encoding="utf-8") == "previous: version\n"
    assert _install_with_a_full_disk(target, 1000) == "installed"  # a small one can
    assert target.read_bytes() == b"x" * 1000
    assert backup.read_bytes() == before  # the backup is whole, not a truncated copy
    assert not list(kb_copy.glob(f".*{admin.UPLOAD_SUFFIX}"))


def test_an_install_keeps_the_mode_and_the_previous_version(kb_copy: Path) -> None:
    target = kb_copy / "tips.yaml"
    target.chmod(0o644)
    before = target.read_bytes()
    backup = admin.install(target, before + b"\n# edited\n")
    assert backup is not None
    assert backup.read_bytes() == before
    assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
    assert not list(kb_copy.glob(f".*{admin.UPLOAD_SUFFIX}"))


async def test_start_up_removes_what_a_killed_upload_left(tmp_path: Path, kb_copy: Path) -> None:
    stale = kb_copy / f".opinion.yaml.k1ll3d{admin.UPLOAD_SUFFIX}"
    stale.write_bytes(b"half a file")
    other = kb_copy / ".keep-me"
    other.write_bytes(b"")
    async for _ in running_bot(tmp_path / "bot.sqlite3", RecordingRequest(), knowledge=kb_copy):
        assert not stale.exists()
        assert other.exists()  # only the bot's own temporary files
    assert os.listdir(kb_copy)
