"""Regenerate bot/core/data/readings.txt, the pinyin readings table the matcher uses.

    python scripts/build_readings.py

The table holds, for every CJK ideograph of the basic block and extension A, its usual toneless
readings (at most two, most usual first), taken from pypinyin's character dictionary.  Shipping
the few hundred kilobytes the bot needs instead of importing pypinyin at run time saves ~0.4 s
of start-up and ~55 MB of memory.  tests/test_pinyin.py checks the table against pypinyin.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "bot" / "core" / "data" / "readings.txt"
FIRST, LAST = 0x3400, 0x9FFF
MAX_READINGS = 2
HEADER = (
    "# Toneless pinyin readings (most usual first) for U+3400-U+9FFF, generated from pypinyin's\n"
    "# character dictionary (MIT licence, https://github.com/mozillazg/python-pinyin) by\n"
    "# scripts/build_readings.py. Do not edit by hand.\n"
)


def toneless(reading: str) -> str:
    bare = "".join(
        c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c)
    )
    return bare.replace("ü", "v")


def table() -> str:
    from pypinyin.pinyin_dict import pinyin_dict

    lines = [HEADER.rstrip("\n")]
    for code in range(FIRST, LAST + 1):
        found = pinyin_dict.get(code)
        if not found:
            continue
        readings = list(dict.fromkeys(toneless(r) for r in found.split(",")))[:MAX_READINGS]
        lines.append(f"{chr(code)}\t{' '.join(readings)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text(table(), encoding="utf-8")
    print(f"wrote {TABLE}", file=sys.stderr)
