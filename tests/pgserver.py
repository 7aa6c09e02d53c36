"""A real PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder, 127.0.0.1.

Debian's `postgresql` package provides the binaries (.ci/run installs it).  initdb refuses to
run as root, so under root (CI, containers) the server runs as the `postgres` user.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg


def pg_bin() -> Path | None:
    """The folder with initdb and pg_ctl, or None if PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return versions[0].parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"]


@contextmanager
def postgres_server(bin_dir: Path, *, durable: bool = False) -> Iterator[str]:
    """Start a throw-away server; yields the URL of its `postgres` database (superuser).

    Tests run without fsync (nothing to keep); the benchmark asks for a `durable` server."""
    root = Path(tempfile.mkdtemp(prefix="opinion-pg-"))
    data = root / "data"
    prefix = _as_server_user()
    if prefix:
        shutil.chown(root, "postgres", "postgres")
        root.chmod(0o700)
    port = _free_port()
    subprocess.run(
        [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", "bot", "-A", "trust",
         "-E", "UTF8", "--no-locale"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    options = f"-h 127.0.0.1 -p {port} -k {root} -c max_connections=200"
    if not durable:
        options += " -c fsync=off"
    subprocess.run(
        [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w",
         "-l", str(root / "server.log"), "start"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    try:
        yield f"postgresql://bot@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def fresh_database(server_url: str, name: str) -> str:
    """A new empty database on the server; returns its URL."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"'.encode())
        conn.execute(f'CREATE DATABASE "{name}"'.encode())
    return server_url.rsplit("/", 1)[0] + f"/{name}"
