"""Pinyin helpers: forgive homophone typos from pinyin input, and read plain-pinyin queries.

Users type with pinyin input methods, so a typo is usually a character with the same sound
(两张披 for 两张皮).  Rather than blend pinyin similarity into every score (which blurs distinct
entries), a query's unknown words are replaced by a knowledge-base word with the same toneless
pinyin before matching, and a query typed in Latin letters is turned back into those words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.textnorm import is_cjk

MAX_NGRAM = 4
MIN_WORD_COUNT = 2
# Longest run of Latin letters read as pinyin: a pasted paragraph is not worth the work.
MAX_PINYIN_RUN = 60


def syllables(text: str) -> list[str]:
    """Toneless pinyin, one syllable per CJK character, using each word's usual reading."""
    from pypinyin import Style, lazy_pinyin  # imported on first use (~0.4 s)

    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.extend(lazy_pinyin("".join(run), style=Style.NORMAL, errors="ignore"))
            run.clear()

    for char in text:
        if is_cjk(char):
            run.append(char)
        else:
            flush()
            out.append("")
    flush()
    if len(out) != len(text):  # a character pypinyin could not read: give up on the query
        return [""] * len(text)
    return out


class PinyinIndex:
    """Knowledge-base words keyed by their pinyin, for correcting and reading queries."""

    def __init__(self, phrases: Iterable[str]) -> None:
        words: Counter[str] = Counter()
        by_sound: dict[str, Counter[str]] = {}
        for phrase in phrases:
            sounds = syllables(phrase)
            for size in range(2, MAX_NGRAM + 1):
                for start in range(len(phrase) - size + 1):
                    word = phrase[start : start + size]
                    parts = sounds[start : start + size]
                    if not all(parts):
                        continue
                    words[word] += 1
                    by_sound.setdefault(" ".join(parts), Counter())[word] += 1
        self._words = frozenset(words)
        self._by_sound: dict[str, str]
        # A correction target must recur (in two phrasings or more): that keeps real words such
        # as 两张皮 and drops accidental spans such as 如何建 (from 如何建设), which would
        # otherwise turn 如何减肥 into a question about the knowledge base.
        # The most frequent spelling wins when two knowledge-base words sound alike.
        self._by_sound = {}
        for key, counts in by_sound.items():
            word, count = counts.most_common(1)[0]
            if count >= MIN_WORD_COUNT:
                self._by_sound[key] = word
        self._by_letters = {key.replace(" ", ""): word for key, word in self._by_sound.items()}
        self._longest_letters = max((len(k) for k in self._by_letters), default=0)

    def correct(self, text: str) -> str:
        """Replace words unknown to the knowledge base by a known homophone sharing a character."""
        if len(text) < 2 or not any(is_cjk(c) for c in text):
            return text
        sounds = syllables(text)
        chars = list(text)
        position = 0
        while position < len(chars) - 1:
            for size in range(min(MAX_NGRAM, len(chars) - position), 1, -1):
                window = "".join(chars[position : position + size])
                parts = sounds[position : position + size]
                if window in self._words or not all(parts):
                    continue
                known = self._by_sound.get(" ".join(parts))
                if known and self._plausible_typo(chars, position, known):
                    chars[position : position + size] = list(known)
                    position += size - 1
                    break
            position += 1
        return "".join(chars)

    def _plausible_typo(self, chars: list[str], position: int, known: str) -> bool:
        """A typo keeps some characters and breaks the words around every one it changes."""
        changed = [i for i, c in enumerate(known) if chars[position + i] != c]
        if not changed or len(changed) == len(known):
            return False
        for offset in changed:
            at = position + offset
            left = "".join(chars[at - 1 : at + 1]) if at > 0 else ""
            right = "".join(chars[at : at + 2]) if at + 1 < len(chars) else ""
            if left in self._words or right in self._words:
                return False
        return True

    def read_letters(self, text: str) -> str:
        """Turn runs of pinyin letters into knowledge-base words where the whole run reads."""
        out: list[str] = []
        position = 0
        while position < len(text):
            if not ("a" <= text[position] <= "z"):
                out.append(text[position])
                position += 1
                continue
            end = position
            while end < len(text) and "a" <= text[end] <= "z":
                end += 1
            run = text[position:end]
            out.append(self._segment(run) or run)
            position = end
        return "".join(out)

    def _segment(self, run: str) -> str | None:
        """Cover the whole run with known pinyin words (longest first), or give up."""
        if len(run) < 4 or len(run) > MAX_PINYIN_RUN:
            return None
        # best[i]: fewest words covering run[:i]; words chosen left to right.
        best: list[tuple[int, list[str]] | None] = [None] * (len(run) + 1)
        best[0] = (0, [])
        for start in range(len(run)):
            current = best[start]
            if current is None:
                continue
            for end in range(start + 2, min(len(run), start + self._longest_letters) + 1):
                word = self._by_letters.get(run[start:end])
                if word is None:
                    continue
                candidate = (current[0] + 1, current[1] + [word])
                existing = best[end]
                if existing is None or candidate[0] < existing[0]:
                    best[end] = candidate
        final = best[len(run)]
        return "".join(final[1]) if final else None
