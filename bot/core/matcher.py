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

Readers' own questions (asked.yaml) widen what an entry's words cover, and the one most like
the question counts as a phrasing in edit similarity and containment.

Everything that depends only on the knowledge base is computed once, at construction.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.core.pinyin import PinyinIndex
from bot.core.textnorm import (
    GENERIC_GRAMS,
    SYNONYM_FOLDS,
    THESAURUS_FOLDS,
    clean,
    fold_cleaned,
    has_content,
    mended,
    normalize,
)


@dataclass(frozen=True, slots=True)
class Tuning:
    """Weights and thresholds, chosen by measurement (see `python -m bot eval`)."""

    ratio_weight: float = 0.1
    coverage_weight: float = 0.5
    containment_weight: float = 0.15
    unigram_weight: float = 0.7
    generic_weight: float = 0.15
    unknown_boost: float = 1.5
    # Answer outright at `answer_score`, or from `lead_score` when the best entry leads every
    # entry with a different passage by `lead_margin`; below `suggest_score`, say "unknown".
    # A question made only of words most entries share (干部, 党建) is too vague to answer
    # outright unless it is one of an entry's own phrasings; in-scope questions in the tuning
    # set carry 5.6 or more.
    min_evidence: float = 4.0
    # Nor is one that no phrasing or reader's question resembles at all, however much of it the
    # entry's many words cover (什么是干部: two common words, nearest 0.04); answered in-scope
    # questions of the readable sets sit at 0.057 or more.
    min_nearest: float = 0.05
    answer_score: float = 0.5
    lead_score: float = 0.3
    lead_margin: float = 0.03
    # A clear lead tells as much as a higher score: from `clear_lead_score`, a lead of
    # `clear_lead_margin` (more than `lead_margin`) answers when the question carries
    # `clear_lead_evidence` of the entry's words and scores `clear_lead_outside` above the
    # nearest out-of-scope question.  One term of the interview's in another field's question
    # (两张皮对炒股有什么启发) carries 8-12; of the 54 readable questions the bar gained at 7.0,
    # 49 carry 14 or more.  Typed in English or pinyin, a question reads fewer of its
    # words through the vocabulary, and `letters_clear_lead_evidence` is enough (not one domain
    # word among unread ones: Who issued my passport?).  Its unread words weigh on the score as
    # well, so a lead resting on more than one of the interview's words (`letters_low_evidence`
    # of evidence, `letters_low_chars` characters read besides question words) counts from
    # `letters_clear_lead_score` (tried on the dev sets at d27953c without those two bars, 0.2
    # gained 100 in-scope answers and 10 out-of-scope ones, 0.22 gained 79 and 7); one word
    # alone (What's the innovation in the new iPhone? carries 8.5, Which newspapers quoted the
    # mayor? reads 报纸) needs `clear_lead_score`.
    clear_lead_score: float = 0.27
    # A Chinese question naming the organs' Party world (党建, 机关, 工委, 《意见》) is clear from
    # `organs_clear_lead_score`: at 30bd1d1 it gained 19 readable and 7 sealed answers with no
    # wrong one.  Without that condition, 0.20 answered other walks of life in the interview's
    # words (开饭馆的，前厅和后厨怎么建立长效机制不吵架？: 95 of a helper's traps).
    organs_clear_lead_score: float = 0.2
    letters_clear_lead_score: float = 0.22
    letters_low_evidence: float = 9.0
    letters_low_chars: int = 4
    clear_lead_margin: float = 0.08
    clear_lead_evidence: float = 14.0
    letters_clear_lead_evidence: float = 7.0
    clear_lead_outside: float = 0.06
    suggest_score: float = 0.2
    suggest_band: float = 0.15
    # With no rival within `suggest_band`, a specific question is answered from this score.
    lone_score: float = 0.3
    # A reader's out-of-scope question nearer than anything asked of the best entry declines
    # the question, unless the best entry scores this much above it.
    veto_lead: float = 0.2
    max_suggestions: int = 3
    # The passage's own clauses count for less than the phrasings in ratio and containment.
    passage_weight: float = 0.8
    shortlist: int = 8


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry (by index) and how well it matches."""

    index: int
    score: float
    evidence: float = 0.0  # IDF mass of the question's grams that the entry explains
    exact: bool = False  # the question is one of the entry's phrasings, once normalised
    # The score against its single nearest phrasing or readers' question, without the credit
    # that many together earn: how near the nearest thing anyone asked of it is.
    nearest: float = 0.0
    # The question is one of the entry's own (curated) phrasings, once normalised: not a
    # reader's question, not a clause of its passage.
    own: bool = False


def features(text: str) -> Counter[str]:
    """Character unigrams and bigrams of a normalised text."""
    grams: Counter[str] = Counter(text)
    grams.update(text[i : i + 2] for i in range(len(text) - 1))
    return grams


# Knowledge-base texts only (never users' questions): a reload, or the next bot a test starts,
# finds the 3,000 readers' questions already normalised, which is most of a build.
_normalized = lru_cache(maxsize=32_768)(normalize)


@lru_cache(maxsize=32_768)
def _normalized_on_subject(text: str) -> str:
    """A reader's question, normalised as a question about the Opinion."""
    return normalize(text, on_subject=True)


def forget_normalised() -> None:
    """Empty the caches of normalised knowledge-base texts (the benchmark's cold start)."""
    _normalized.cache_clear()
    _normalized_on_subject.cache_clear()


def _teaches(gram: str) -> bool:
    """A gram of Chinese characters, digits or +: what readers' questions may add."""
    return all("\u4e00" <= c <= "\u9fff" or c in "0123456789+" for c in gram)


class Matcher:
    """Scores questions against a fixed list of entries' phrasings."""

    def __init__(
        self,
        phrasings: Sequence[Sequence[str]],
        tuning: Tuning | None = None,
        passages: Sequence[Sequence[str]] | None = None,
        memo: dict[str, str] | None = None,
        asked: Sequence[Sequence[str]] | None = None,
        spelled: Sequence[str] = (),
    ) -> None:
        """`memo` keeps normalised texts between builds of nearly the same knowledge base
        (leave-one-phrasing-out builds one per phrasing): normalising is a third of a build.

        `asked` are readers' own questions by entry: they widen what an entry's words cover
        and may be the phrasing a question resembles most, but they are not the interview's
        vocabulary, so homophone correction never reads a question into one of their words.

        `spelled` are words pinyin is read as where no knowledge-base word sounds the same: the
        not-covered terms, so that "guangxi de yijian" names 广西, not some 光熙."""
        self.tuning = tuning or Tuning()
        known = {} if memo is None else memo

        def normal(text: str) -> str:
            found = known.get(text)
            if found is None:
                found = known[text] = _normalized(text)
            return found

        normalised = [
            list(dict.fromkeys(n for p in group if (n := normal(p)))) for group in phrasings
        ]
        quoted = [
            [n for p in group if (n := normal(p)) and n not in normalised[i]]
            for i, group in enumerate(passages or [[] for _ in phrasings])
        ]
        self._choices: list[str] = []
        self._entry_choices: list[range] = []
        # Phrasings first, then the clauses the entry quotes: choices from `_quoted[i]` on are
        # the passage's, scored with less weight than the ways people ask.
        self._quoted_from: list[int] = []
        for group, units in zip(normalised, quoted, strict=True):
            start = len(self._choices)
            self._choices.extend(group)
            self._quoted_from.append(len(self._choices))
            self._choices.extend(dict.fromkeys(units))
            self._entry_choices.append(range(start, len(self._choices)))
        # One string object per distinct gram: a large knowledge base repeats them endlessly.
        interned: dict[str, str] = {}
        # Tuples, not sets: a set per phrasing would dominate memory at 10,000 entries.
        self._choice_features = [
            tuple(interned.setdefault(g, g) for g in features(p)) for p in self._choices
        ]

        def asked_normal(text: str, index: int) -> str:
            # A reader's question filed under an entry is about the Opinion, whatever words it
            # uses: its everyday words fold to the interview's (最要紧 → 关键), so they teach
            # the entry nothing that an everyday question (业务员最要紧的是什么) could match.
            # A group with no phrasings of its own holds the out-of-scope questions, read as
            # any question is.
            return _normalized_on_subject(text) if phrasings[index] else normal(text)

        self._asked: list[list[str]] = [
            [
                n
                for n in dict.fromkeys(asked_normal(q, i) for q in group)
                if n and n not in normalised[i]
            ]
            for i, group in enumerate(asked or [[] for _ in phrasings])
        ]
        # Only their Chinese teaches: letters left of pinyin the matcher could not read, and
        # the stand-ins of unknown English words, would make any such question look known.
        self._asked_features = [
            [tuple(interned.setdefault(g, g) for g in features(q) if _teaches(g)) for q in group]
            for group in self._asked
        ]
        self._asked_grams = [
            frozenset(g for grams in group for g in grams) for group in self._asked_features
        ]
        # The words the knowledge base itself uses: readers' questions, in scope or out, are
        # not the interview's vocabulary (党内法规体系 is not known because a reader asked of
        # another 体系).
        self._vocabulary = frozenset(g for grams in self._choice_features for g in grams)
        postings: dict[str, list[int]] = {}
        for index, positions in enumerate(self._entry_choices):
            bag = {gram for i in positions for gram in self._choice_features[i]}
            bag |= self._asked_grams[index]
            for gram in bag:
                postings.setdefault(gram, []).append(index)
        total = max(len(self._entry_choices), 1)
        self._idf = {
            gram: self._weight(gram) * math.log((total + 1) / (len(entries) + 0.5))
            for gram, entries in postings.items()
        }
        # Grams shared by many entries say little about which one is meant; they are left out
        # of candidate generation (but still scored), which keeps large knowledge bases fast.
        rare = max(64, total // 50)
        self._postings = {g: e for g, e in postings.items() if len(e) <= rare}
        self._unknown_idf = math.log((total + 1) / 0.5)
        self._choice_mass = [sum(self._gram_idf(g) for g in f) for f in self._choice_features]
        self._asked_mass = [
            [sum(self._gram_idf(g) for g in grams) for grams in group]
            for group in self._asked_features
        ]
        # Thesaurus words are read from pinyin as themselves (nianqingren → 年轻人): whether
        # they stand for the interview's term depends on the rest of the question.
        aliases = {**{v: v for v in THESAURUS_FOLDS}, **SYNONYM_FOLDS}
        aliases.update((word, word) for word in spelled if word not in aliases)
        self._pinyin = PinyinIndex(self._choices, aliases)

    def _weight(self, gram: str) -> float:
        weight = self.tuning.unigram_weight if len(gram) == 1 else 1.0
        return weight * self.tuning.generic_weight if gram in GENERIC_GRAMS else weight

    def _gram_idf(self, gram: str) -> float:
        known = self._idf.get(gram)
        if known is not None:
            return known
        return self._weight(gram) * self._unknown_idf * self.tuning.unknown_boost

    def prepare(self, question: str) -> str:
        """The normalised question with homophone typos and pinyin read back as words."""
        return self.prepare_cleaned(clean(question))

    def prepare_cleaned(self, cleaned: str) -> str:
        """`prepare` for a question that has been through `textnorm.clean` already."""
        text = fold_cleaned(cleaned)
        if text:
            if any("a" <= c <= "z" for c in text):
                # Words read from pinyin are folded as typed ones are (shi shenme → 是什么).
                text = fold_cleaned(self._pinyin.read_letters(text))
            corrected = self._pinyin.correct(text)
            # Typed with a homophone (学和用托节怎么办), a question may only now show what
            # it asks.
            text = (mended(corrected) if corrected != text else None) or corrected
        return text

    def read_pinyin(self, cleaned: str) -> str:
        """The cleaned text with its runs of pinyin read as words, and nothing else changed."""
        return self._pinyin.read_letters(cleaned)

    def knows_words(self, prepared: str) -> bool:
        """True when most two-character runs of the text, outside question words, are ones the
        knowledge base uses (是基本遵循 yes, 有哪五个特征 no); runs across a word boundary are
        why it is most and not all."""
        pairs = [prepared[i : i + 2] for i in range(len(prepared) - 1)]
        content = [p for p in pairs if p not in GENERIC_GRAMS and has_content(p)]
        known = sum(p in self._vocabulary for p in content)
        return 2 * known >= len(content)

    def _shortlist(self, query: Counter[str], besides: Sequence[int] = ()) -> list[int]:
        """The entries sharing the most informative grams with the question (`besides`, which
        are scored anyway, take no place in it)."""
        shared: dict[int, float] = {}
        for gram in query:
            weight = self._idf.get(gram, 0.0)
            for index in self._postings.get(gram, ()):
                shared[index] = shared.get(index, 0.0) + weight
        ranked = sorted(shared, key=lambda index: (-shared[index], index))
        return [i for i in ranked if i not in besides][: self.tuning.shortlist]

    def _candidate(self, index: int, prepared: str, weights: dict[str, float]) -> Candidate:
        """How well one entry's phrasings, passage clauses and readers' questions match."""
        tuning = self.tuning
        mass = sum(weights.values())

        def alone(similar: float, shared_mass: float, contained: float) -> float:
            return (
                tuning.ratio_weight * similar / 100
                + tuning.coverage_weight * shared_mass / mass
                + tuning.containment_weight * contained
            )

        ratio = containment = nearest = 0.0
        covered: set[str] = set()

        def weigh(similar: float, grams: tuple[str, ...], whole: float, factor: float) -> None:
            """One phrasing (or reader's question) of `whole` IDF mass, `similar` by ratio."""
            nonlocal ratio, containment, nearest
            if similar > ratio:
                ratio = similar
            shared = weights.keys() & grams
            if shared:
                covered.update(shared)
                shared_mass = math.fsum(map(weights.__getitem__, shared))
                contained = factor * shared_mass / whole
                if contained > containment:
                    containment = contained
                near = alone(similar, factor * shared_mass, contained)
                if near > nearest:
                    nearest = near
            # A phrasing sharing no gram scores by similarity alone, never above the most
            # similar one: that one is weighed once, after the loops.

        choices, grams_of, mass_of = self._choices, self._choice_features, self._choice_mass
        span, quoted_from = self._entry_choices[index], self._quoted_from[index]
        own = False
        for position in range(span.start, quoted_from):
            similar = fuzz.ratio(prepared, choices[position])
            own = own or similar == 100
            weigh(similar, grams_of[position], mass_of[position], 1.0)
        factor = tuning.passage_weight
        for position in range(quoted_from, span.stop):
            similar = factor * fuzz.ratio(prepared, choices[position])
            weigh(similar, grams_of[position], mass_of[position], factor)
        asked = self._asked[index]
        if asked:
            # The bag is the larger: intersect from its side, which walks the question's grams.
            covered |= self._asked_grams[index].intersection(weights)
            # Only the readers' question most like this one (by edit similarity, in C) is
            # weighed as a phrasing is: weighing each of hundreds would triple the time.
            found = process.extractOne(prepared, asked, scorer=fuzz.ratio)
            if found is not None:
                _, similar, at = found
                grams, whole = self._asked_features[index][at], self._asked_mass[index][at]
                weigh(similar, grams, whole, 1.0)
        nearest = max(nearest, alone(ratio, 0.0, 0.0))
        evidence = math.fsum(map(weights.__getitem__, covered))
        score = alone(ratio, evidence, containment)
        return Candidate(index, score, evidence, ratio == 100, nearest, own)

    def nearest_asked(self, index: int, prepared: str) -> str | None:
        """The reader's question of entry `index` most like this one (by edit similarity), as
        matched: the one `nearest` weighed."""
        found = process.extractOne(prepared, self._asked[index], scorer=fuzz.ratio)
        return None if found is None else str(found[0])

    def rank(self, prepared: str, always: Sequence[int] = ()) -> list[Candidate]:
        """The shortlisted entries, and those in `always`, ordered by score, best first."""
        if not prepared or not self._choices:
            return []
        query = features(prepared)
        weights = {gram: self._gram_idf(gram) for gram in query}
        chosen = [*self._shortlist(query, always), *always]
        candidates = [self._candidate(index, prepared, weights) for index in chosen]
        # On a tie the knowledge base's own phrasing beats a reader's question that reads the
        # same (为啥要出这个文件 is background's; a reader filed 为什么要出这个意见 elsewhere).
        candidates.sort(key=lambda c: (-c.score, not c.own, c.index))
        return candidates
