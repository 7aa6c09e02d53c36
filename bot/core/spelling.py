"""English words typed with a slip, read as the vocabulary word they were meant to be.

Readers type English fast (wat are the six disconects, wich paper publishd this); a word the
vocabulary does not know counts against the question, so one slip declined it.  A word of four
letters or more is read as a vocabulary word when it is one slip (a letter added, dropped,
changed, or two swapped) from it and from no other meaning, and is neither English itself nor
one slip from a word of English outside the vocabulary: context is not content, udate may be
an update, traning tanning (bot/core/data/english_words.txt: SCOWL's words within two slips of
the vocabulary, as far as an English word one slip from a typo of it can lie).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

ENGLISH_WORDS = Path(__file__).resolve().parent / "data" / "english_words.txt"
# Three letters leave too many words one slip apart (how, who, wat, hot) to tell a slip.
SHORTEST = 4
# How far the shipped English words lie from the vocabulary: a typo one slip from a vocabulary
# word is one slip from an English word only if that word is two from the vocabulary word.
REACH = 2


@cache
def english_words() -> frozenset[str]:
    """Words of English spelt right that lie within `REACH` of the vocabulary, read on first
    need; farther words can neither be taken for a slip nor stand as near one."""
    text = ENGLISH_WORDS.read_text(encoding="utf-8")
    return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_slip(word: str) -> set[str]:
    """Every string one slip from `word`: a letter dropped, two neighbours swapped, a letter
    changed or one added (a few hundred; looking them up is far faster than measuring the
    distance to every word of a list)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = {head + tail[1:] for head, tail in splits if tail}
    swapped = {head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1}
    changed = {head + c + tail[1:] for head, tail in splits if tail for c in _LETTERS}
    added = {head + c + tail for head, tail in splits for c in _LETTERS}
    return (dropped | swapped | changed | added) - {word}


def respelled(word: str, vocabulary: Mapping[str, str]) -> str | None:
    """The vocabulary word (a key of `vocabulary`, which maps each to its meaning) that `word`
    was meant to be, or None: when `word` is too short to tell, is English spelt right, lies as
    near a word of English outside the vocabulary, or as near words of different meanings."""
    if len(word) < SHORTEST or word in vocabulary or word in english_words():
        return None
    near = one_slip(word)
    # Set operations, in C: the few hundred strings are looked up once per word typed.
    nearest = sorted(near.intersection(vocabulary))
    if not nearest or len({vocabulary[candidate] for candidate in nearest}) > 1:
        return None  # no vocabulary word that near, or two meanings: no telling which
    if near.intersection(english_words()).difference(vocabulary):
        return None  # as likely a slip of that English word (udate: update)
    # Of forms of one word, the one ending as typed (publishd: published, not publish).
    return next((c for c in nearest if c[-1] == word[-1]), nearest[0])
