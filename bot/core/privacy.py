"""What the question log may keep of a message: what was typed, without personal numbers.

The log keeps the question as the user typed it (not the normalised form the matcher saw,
which homophone correction changes: 机关食堂 → 机关是堂), with control characters removed and
any long run of digits (a phone number, an ID card number) masked before it is stored.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LOGGED = 500  # characters: a question, not a pasted document
# Seven or more digits in a row, allowing the spaces and dashes people type in phone numbers,
# and the X that ends some ID card numbers.  Years (2024) and counts stay readable.
_LONG_DIGITS = re.compile(r"\d(?:[\s\-]?\d){6,}[xX]?")


def _visible(char: str) -> bool:
    return unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co") or char == " "


def loggable(text: str) -> str:
    """`text` as the question log may keep it."""
    cleaned = "".join(char if _visible(char) else " " for char in text)
    cleaned = " ".join(cleaned.split())
    masked = _LONG_DIGITS.sub(lambda match: "#" * len(match.group()), cleaned)
    return masked[:MAX_LOGGED]
