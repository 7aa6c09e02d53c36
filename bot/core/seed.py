"""Seeding a writable knowledge base from a read-only one (the copy baked into the image).

The image keeps its knowledge base in /app/knowledge, owned by root; the bot runs as another user
and must be able to replace files when an admin uploads one with /reload.  So it serves the copy
in the data volume, made from the baked one on first start and never overwritten afterwards:
an admin's edits survive restarts and upgrades.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def seed_knowledge(target: Path, seed: Path) -> list[Path]:
    """Copy into `target` every file of `seed` that `target` lacks; return what was copied.

    Existing files are never touched.  Each file appears whole or not at all (written aside,
    then renamed), so a crash mid-seed leaves nothing half-written for the next start."""
    if not seed.is_dir() or seed.resolve() == target.resolve():
        return []
    copied: list[Path] = []
    for source in sorted(seed.rglob("*")):
        if not source.is_file() or source.name.startswith("."):
            continue
        destination = target / source.relative_to(seed)
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{destination.name}.", dir=destination.parent
        )
        os.close(descriptor)
        try:
            # Content only, not the mode: the copy must be writable by the bot's own user.
            shutil.copyfile(source, temporary)
            os.replace(temporary, destination)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        copied.append(destination)
    return copied
