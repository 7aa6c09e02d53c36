"""`python -m bot bench`: load time, start-up, matching latency and memory, rerunnable.

Figures go into the README by hand after a run; nothing here is asserted by a unit test, since
timings depend on the machine.
"""

from __future__ import annotations

import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.core.answering import Answerer
from bot.core.knowledge import load_knowledge
from bot.core.matcher import Matcher, forget_normalised
from bot.core.spelling import english_words
from bot.core.textnorm import spelling_vocabulary

SYNTHETIC_ENTRIES = 10_000
PHRASINGS_PER_ENTRY = 6
BATCH_SIZE = 170


def _percentile(samples: Sequence[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _latencies(
    func: Callable[[str], object], questions: Sequence[str], rounds: int
) -> list[float]:
    samples: list[float] = []
    for _ in range(rounds):
        for question in questions:
            started = time.perf_counter()
            func(question)
            samples.append(time.perf_counter() - started)
    return samples


def _sample_questions() -> list[str]:
    """Realistic questions: the labelled files when present, else every alternate."""
    import yaml

    data_dir = Path(__file__).resolve().parent.parent / "tests" / "data"
    questions: list[str] = []
    for name in ("questions.yaml", "heldout.yaml"):
        path = data_dir / name
        if path.exists():
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            for items in (raw.get("in_scope") or {}).values():
                questions.extend(str(q) for q in items)
            questions.extend(str(q) for q in raw.get("out_of_scope") or [])
    if not questions:
        kb = load_knowledge()
        questions = [a for e in kb.entries for a in e.alternates]
    return questions


def slipped_questions(count: int = 200) -> list[str]:
    """English questions, each with a different vocabulary word typed with two letters swapped
    (integartion): each slip is looked up once, as a reader's first typo is."""
    words = sorted(w for w in spelling_vocabulary(english_words()) if len(w) >= 6 and w.isalpha())
    return [f"what is the {w[:2]}{w[3]}{w[2]}{w[4:]} of the opinion" for w in words[:count]]


def synthetic_phrasings(text: str, entries: int, seed: int = 7) -> list[list[str]]:
    """A large knowledge base shaped like the real one.

    Each entry gets a distinctive term of its own (random characters, as real entries have
    their own keywords) set into fragments of the interview (the shared vocabulary).
    """
    rng = random.Random(seed)
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    groups: list[list[str]] = []
    for _ in range(entries):
        term = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(2, 3)))
        group = []
        for _ in range(PHRASINGS_PER_ENTRY):
            size = rng.randint(3, 12)
            start = rng.randrange(0, len(chars) - size)
            fragment = "".join(chars[start : start + size])
            cut = rng.randint(0, size)
            group.append(fragment[:cut] + term + fragment[cut:])
        groups.append(group)
    return groups


def synthetic_passages(groups: list[list[str]], text: str, seed: int = 5) -> list[list[str]]:
    """What each synthetic entry quotes: three clauses of the interview, one with its term."""
    rng = random.Random(seed)
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    passages = []
    for group in groups:
        clauses = []
        for _ in range(3):
            size = rng.randint(8, 20)
            start = rng.randrange(0, len(chars) - size)
            clauses.append("".join(chars[start : start + size]))
        clauses[0] += group[0][-3:]
        passages.append(clauses)
    return passages


def synthetic_questions(groups: list[list[str]], count: int, seed: int = 11) -> list[str]:
    """Questions aimed at synthetic entries: a phrasing with one character dropped."""
    rng = random.Random(seed)
    questions = []
    for _ in range(count):
        phrase = rng.choice(rng.choice(groups))
        drop = rng.randrange(len(phrase))
        questions.append(phrase[:drop] + phrase[drop + 1 :])
    return questions


def _timed_process(args: list[str], stdin: str | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - started, done.stdout


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_synthetic(rounds: int) -> dict[str, float]:
    """Build and query the 10,000-entry knowledge base (run in a process of its own)."""
    kb = load_knowledge()
    groups = synthetic_phrasings(kb.interview, SYNTHETIC_ENTRIES)
    questions = _sample_questions()
    started = time.perf_counter()
    synthetic = Matcher(groups, passages=synthetic_passages(groups, kb.interview))
    built = time.perf_counter() - started
    mixed = questions + synthetic_questions(groups, len(questions))
    samples = _latencies(lambda q: synthetic.rank(synthetic.prepare(q)), mixed, rounds)
    return {
        "synthetic_entries": SYNTHETIC_ENTRIES,
        "synthetic_build_s": built,
        "synthetic_p50_ms": _percentile(samples, 0.5) * 1000,
        "synthetic_p99_ms": _percentile(samples, 0.99) * 1000,
        "synthetic_peak_rss_mb": _peak_rss_mb(),
    }


def run_benchmark(*, quick: bool = False, as_json: bool = False, part: str = "all") -> int:
    """Measure and print every figure; returns the exit code."""
    rounds = 3 if quick else 20
    if part == "synthetic":
        print(json.dumps(measure_synthetic(max(1, rounds // 4))))
        return 0
    figures: dict[str, float] = {}

    loads, reloads = [], []
    for _ in range(3 if quick else 10):
        # Cold, as at start-up: nothing normalised yet.  Then warm, as a /reload is.
        forget_normalised()
        started = time.perf_counter()
        answerer = Answerer(load_knowledge())
        loads.append(time.perf_counter() - started)
        started = time.perf_counter()
        answerer = Answerer(load_knowledge())
        reloads.append(time.perf_counter() - started)
    figures["kb_load_ms"] = statistics.median(loads) * 1000
    figures["kb_reload_ms"] = statistics.median(reloads) * 1000

    questions = _sample_questions()
    samples = _latencies(answerer.ask, questions, rounds)
    figures["real_questions"] = len(questions)
    figures["real_p50_ms"] = _percentile(samples, 0.5) * 1000
    figures["real_p99_ms"] = _percentile(samples, 0.99) * 1000
    slipped = _latencies(answerer.ask, slipped_questions(), 1)
    figures["slipped_questions"] = len(slipped)
    figures["slipped_p50_ms"] = _percentile(slipped, 0.5) * 1000
    figures["slipped_p99_ms"] = _percentile(slipped, 0.99) * 1000
    figures["bench_process_peak_rss_mb"] = _peak_rss_mb()

    figures["start_to_first_answer_s"] = statistics.median(
        _timed_process(["ask", "--json", "两张皮是什么意思"])[0] for _ in range(3)
    )
    batch = "\n".join((questions * 2)[:BATCH_SIZE]) + "\n"
    figures["batch_170_wall_s"] = statistics.median(
        _timed_process(["ask", "--json", "-"], stdin=batch)[0] for _ in range(3)
    )
    figures["cli_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    args = ["bench", "--part", "synthetic"] + (["--quick"] if quick else [])
    figures.update(json.loads(_timed_process(args)[1]))

    if as_json:
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}, indent=2))
        return 0
    rows = [
        ("knowledge base load (validate + index)", f"{figures['kb_load_ms']:.1f} ms"),
        ("knowledge base reload in the same process", f"{figures['kb_reload_ms']:.1f} ms"),
        ("process start to first answer", f"{figures['start_to_first_answer_s']:.2f} s"),
        (
            f"{BATCH_SIZE} questions via `ask --json -`, wall",
            f"{figures['batch_170_wall_s']:.2f} s",
        ),
        (
            f"real KB, {int(figures['real_questions'])} questions, p50 / p99",
            f"{figures['real_p50_ms']:.2f} / {figures['real_p99_ms']:.2f} ms",
        ),
        (
            f"English with a slip, {int(figures['slipped_questions'])} questions, p50 / p99",
            f"{figures['slipped_p50_ms']:.2f} / {figures['slipped_p99_ms']:.2f} ms",
        ),
        (
            f"synthetic KB, {SYNTHETIC_ENTRIES:,} entries, p50 / p99",
            f"{figures['synthetic_p50_ms']:.2f} / {figures['synthetic_p99_ms']:.2f} ms",
        ),
        ("synthetic KB build time", f"{figures['synthetic_build_s']:.1f} s"),
        ("peak memory: `ask` process (real KB)", f"{figures['cli_peak_rss_mb']:.0f} MB"),
        ("peak memory: synthetic 10,000-entry KB", f"{figures['synthetic_peak_rss_mb']:.0f} MB"),
    ]
    width = max(len(label) for label, _ in rows)
    print("\n".join(f"{label:<{width}}  {value:>16}" for label, value in rows))
    return 0
