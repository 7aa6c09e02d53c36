"""English words typed with a slip, read as the vocabulary word they were meant to be.

Readers type English fast (wat are the six disconects, wich paper publishd this); a word the
vocabulary does not know counts against the question, so one slip declined it.  A word is read
as a vocabulary word only when it is no English word itself (context is not content, earning is
not learning: bot/core/data/english_words.txt, SCOWL's words within reach of the vocabulary)
and one vocabulary meaning alone lies within reach: one slip (a letter added, dropped, changed
or two swapped) for words of four to seven letters, two from eight.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

ENGLISH_WORDS = Path(__file__).resolve().parent / "data" / "english_words.txt"
# Three letters leave too many words one slip apart (how, who, wat, hot) to tell a slip.
SHORTEST = 4
TWO_SLIPS_FROM = 8


def slips(word: str) -> int:
    """How many slips a word of this length may hold and still be read as another."""
    return 0 if len(word) < SHORTEST else 1 if len(word) < TWO_SLIPS_FROM else 2


@cache
def english_words() -> frozenset[str]:
    """Words of English spelt right that lie within reach of the vocabulary, read on first
    need; words farther off need no list, as nothing could be read into them."""
    text = ENGLISH_WORDS.read_text(encoding="utf-8")
    return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))


def respelled(word: str, vocabulary: Mapping[str, str]) -> str | None:
    """The vocabulary word (a key of `vocabulary`, which maps each to its meaning) that `word`
    was meant to be, or None: when `word` is English spelt right, too short to tell, or as near
    words of different meanings."""
    allowed = slips(word)
    if not allowed or word in vocabulary or word in english_words():
        return None
    near = process.extract(
        word,
        vocabulary.keys(),
        scorer=DamerauLevenshtein.distance,
        score_cutoff=allowed,
        limit=None,
    )
    if not near:
        return None
    fewest = min(distance for _, distance, _ in near)
    nearest = sorted(candidate for candidate, distance, _ in near if distance == fewest)
    if len({vocabulary[candidate] for candidate in nearest}) > 1:
        return None  # two meanings as near: no telling which was meant
    # Of forms of one word, the one ending as typed (publishd: published, not publish).
    return next((c for c in nearest if c[-1] == word[-1]), nearest[0])
