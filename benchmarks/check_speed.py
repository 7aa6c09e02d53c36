"""How long `python -m bot check` spends on not_covered terms against the phrasings.

    python -m benchmarks.check_speed [terms] [phrasings]

Generates the terms and phrasings (42,000 × 5,000 by default, the size that took 184 s when
every term was tested against every phrasing) and times the substring index with one lookup
per term; then times the old scan on a 1/100 sample of the terms, scaled up.
"""

from __future__ import annotations

import random
import sys
import time

from bot.core.knowledge import substring_owners

ALPHABET = "政策就业创业两张皮破解路径人才培养产教融合"


def main() -> None:
    """Print the two timings."""
    n_terms = int(sys.argv[1]) if len(sys.argv) > 1 else 42_000
    n_phrasings = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
    rng = random.Random(1)

    def text(low: int, high: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(low, high)))

    phrasings = [(f"e{i // 5}", text(8, 24)) for i in range(n_phrasings)]
    terms = [text(3, 8) for _ in range(n_terms)]
    started = time.perf_counter()
    owners = substring_owners(phrasings, max(len(t) for t in terms))
    hits = sum(1 for t in terms if t in owners)
    indexed = time.perf_counter() - started
    sample = terms[: max(1, n_terms // 100)]
    started = time.perf_counter()
    for term in sample:
        next((o for o, p in phrasings if term in p), None)
    scanned = (time.perf_counter() - started) * n_terms / len(sample)
    print(f"{n_terms:,} terms × {n_phrasings:,} phrasings ({hits:,} found in a phrasing)")
    print(f"substring index: {indexed:.2f} s; scanning every phrasing: ~{scanned:.0f} s")


if __name__ == "__main__":
    main()
