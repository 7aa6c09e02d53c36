"""Ranking knowledge-base entries for a question, and deciding whether the bot knows.

Scores combine three views of a normalised question, each measured on tests/data/questions.yaml
(see README, "How matching was tuned"):

* edit similarity (rapidfuzz `ratio`) against every phrasing of an entry: rewards questions
  worded like one of its alternates;
* IDF-weighted coverage of the question's character uni- and bigrams by everything the entry's
  phrasings say: rewards paraphrases that mix words from several alternates, and punishes
  questions made of words the knowledge base never uses (the out-of-scope ones);
* containment: how much of the single best phrasing (IDF-weighted) the question contains, so a
  keyword such as 两张皮 inside a chatty sentence still finds its entry.

Everything that depends only on the knowledge base is computed once, at construction.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.pinyin import PinyinIndex
from bot.textnorm import normalize


# Grams of question words.  They say how a question is asked, not what it is about, yet they
# are spread unevenly over the alternates (什么时候 only under the interview date), so their IDF
# would otherwise let "党员冬训是什么时候" look like a question about the interview.
GENERIC_GRAMS = frozenset(
    "什么 么时 时候 怎么 怎样 如何 哪些 哪个 哪里 哪儿 为什 为啥 是什 有什 么意 意思 多少 是谁 "
    "是啥 有哪 在哪 么样 么是 的是 是不 不是 能不 可以 要不 有没 没有 怎么样 么 什 哪 谁 啥 "
    "吗 的 是 有 了 在 和 与 么叫 叫什 什么样 么做 怎做".split()
)


@dataclass(frozen=True, slots=True)
class Tuning:
    """Weights and thresholds, chosen by measurement (see `python -m bot eval`)."""

    ratio_weight: float = 0.1
    coverage_weight: float = 0.5
    containment_weight: float = 0.15
    unigram_weight: float = 0.5
    generic_weight: float = 0.15
    unknown_boost: float = 1.5
    # Answer outright at `answer_score`, or from `lead_score` when the best entry leads every
    # entry with a different passage by `lead_margin`; below `suggest_score`, say "unknown".
    answer_score: float = 0.5
    lead_score: float = 0.25
    lead_margin: float = 0.03
    suggest_score: float = 0.2
    suggest_band: float = 0.15
    max_suggestions: int = 3
    shortlist: int = 30


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry (by index) and how well it matches."""

    index: int
    score: float


def features(text: str) -> Counter[str]:
    """Character unigrams and bigrams; digits and Latin runs count as single characters."""
    grams: Counter[str] = Counter(text)
    grams.update(text[i : i + 2] for i in range(len(text) - 1))
    return grams


class Matcher:
    """Scores questions against a fixed list of entries' phrasings."""

    def __init__(
        self,
        phrasings: Sequence[Sequence[str]],
        tuning: Tuning | None = None,
        *,
        homophones: bool = True,
    ) -> None:
        self.tuning = tuning or Tuning()
        self.size = len(phrasings)
        normalised = [
            list(dict.fromkeys(n for p in group if (n := normalize(p)))) for group in phrasings
        ]
        self._choices: list[str] = []
        self._owner: list[int] = []
        self._entry_choices: list[list[int]] = []
        for index, group in enumerate(normalised):
            self._entry_choices.append([])
            for phrase in group:
                self._entry_choices[index].append(len(self._choices))
                self._choices.append(phrase)
                self._owner.append(index)
        self._bags = [set().union(*(features(p) for p in group)) for group in normalised]
        postings: dict[str, list[int]] = {}
        for index, bag in enumerate(self._bags):
            for gram in bag:
                postings.setdefault(gram, []).append(index)
        total = max(len(self._bags), 1)
        self._idf = {
            gram: self._weight(gram) * math.log((total + 1) / (len(entries) + 0.5))
            for gram, entries in postings.items()
        }
        # Grams shared by most entries say little about which one is meant; they are left out
        # of candidate generation (but still scored), which keeps large knowledge bases fast.
        rare = max(64, total // 50)
        self._postings = {g: e for g, e in postings.items() if len(e) <= rare}
        self._unknown_idf = math.log((total + 1) / 0.5)
        self._choice_features = [features(p) for p in self._choices]
        self._choice_mass = [self._mass(f) for f in self._choice_features]
        self._pinyin = (
            PinyinIndex(p for group in normalised for p in group) if homophones else None
        )

    def _weight(self, gram: str) -> float:
        weight = self.tuning.unigram_weight if len(gram) == 1 else 1.0
        return weight * self.tuning.generic_weight if gram in GENERIC_GRAMS else weight

    def _gram_idf(self, gram: str) -> float:
        known = self._idf.get(gram)
        if known is not None:
            return known
        return self._weight(gram) * self._unknown_idf * self.tuning.unknown_boost

    def _mass(self, grams: Counter[str]) -> float:
        return sum(self._gram_idf(g) for g in grams)

    def prepare(self, question: str) -> str:
        """The normalised question with homophone typos and pinyin read back as words."""
        text = normalize(question)
        if self._pinyin is not None and text:
            if any("a" <= c <= "z" for c in text):
                text = self._pinyin.read_letters(text)
            text = self._pinyin.correct(text)
        return text

    def _shortlist(self, prepared: str, query: Counter[str]) -> set[int]:
        limit = self.tuning.shortlist
        found = process.extract(
            prepared, self._choices, scorer=fuzz.ratio, limit=limit, score_cutoff=1
        )
        entries = {self._owner[position] for _, _, position in found}
        shared: Counter[int] = Counter()
        for gram in query:
            for index in self._postings.get(gram, ()):
                shared[index] += self._idf[gram]
        entries.update(index for index, _ in shared.most_common(limit))
        return entries

    def rank(self, prepared: str) -> list[Candidate]:
        """Entries ordered by score (best first); at most `tuning.shortlist` of them."""
        if not prepared or not self._choices:
            return []
        tuning = self.tuning
        query = features(prepared)
        query_mass = self._mass(query)
        candidates: list[Candidate] = []
        for index in self._shortlist(prepared, query):
            ratio = containment = 0.0
            for position in self._entry_choices[index]:
                ratio = max(ratio, fuzz.ratio(prepared, self._choices[position]) / 100)
                grams = self._choice_features[position]
                shared_mass = sum(self._gram_idf(g) for g in query if g in grams)
                containment = max(containment, shared_mass / self._choice_mass[position])
            bag = self._bags[index]
            coverage = sum(self._gram_idf(g) for g in query if g in bag) / query_mass
            score = (
                tuning.ratio_weight * ratio
                + tuning.coverage_weight * coverage
                + tuning.containment_weight * containment
            )
            candidates.append(Candidate(index, score))
        candidates.sort(key=lambda c: (-c.score, c.index))
        return candidates[:limit] if (limit := tuning.shortlist) else candidates
