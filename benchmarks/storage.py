"""Storage benchmark: question-log writes/s and delivery claims/s, on SQLite and PostgreSQL.

    python -m benchmarks.storage [--rows 2000] [--replicas 4] [--pg postgresql://…]

Each backend gets a fresh database.  Writes: `log_question` from `replicas` threads at once (as
concurrent handlers would).  Claims: `replicas` stores (as replicas would) all claim the same
`rows` chats' delivery of one day; the benchmark checks that every chat was won exactly once.
Without --pg, a throw-away PostgreSQL server is started (Debian's postgresql package).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bot.storage import Storage, open_store
from tests.pgserver import fresh_database, pg_bin, postgres_server


def _timed(workers: int, work: Callable[[int], None]) -> float:
    threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def measure(target: Path | str, rows: int, replicas: int) -> dict[str, float]:
    """Writes/s and claims/s on the database at `target` (which must be empty)."""
    stores: list[Storage] = [open_store(target) for _ in range(replicas)]
    share = rows // replicas

    def log(n: int) -> None:
        for _ in range(share):
            stores[n].log_question("private", "两张皮是什么意思", "answered", "two_skins", 0.9)

    write_seconds = _timed(replicas, log)
    day = date(2026, 1, 1)
    wins = [0] * replicas

    def claim(n: int) -> None:
        for chat in range(rows):
            if stores[n].claim_delivery(chat, day):
                wins[n] += 1

    claim_seconds = _timed(replicas, claim)
    for store in stores:
        store.close()
    if sum(wins) != rows:
        raise SystemExit(f"claims won {sum(wins)} times for {rows} chats: not exactly once")
    return {
        "question_writes_per_s": round(share * replicas / write_seconds),
        "claim_attempts_per_s": round(rows * replicas / claim_seconds),
        "deliveries_claimed_per_s": round(rows / claim_seconds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--replicas", type=int, default=4)
    parser.add_argument("--pg", help="an EMPTY PostgreSQL database (default: start a server)")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        results["sqlite"] = measure(Path(folder) / "bench.sqlite3", args.rows, args.replicas)
    if args.pg:
        results["postgresql"] = measure(args.pg, args.rows, args.replicas)
    else:
        bin_dir = pg_bin()
        if bin_dir is None:
            raise SystemExit("PostgreSQL is not installed: apt-get install postgresql, or --pg")
        with postgres_server(bin_dir, durable=True) as server:
            url = fresh_database(server, "bench")
            results["postgresql"] = measure(url, args.rows, args.replicas)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
