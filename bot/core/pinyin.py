"""Pinyin helpers: forgive homophone typos from pinyin input, and read plain-pinyin queries.

Users type with pinyin input methods, so a typo is usually a character with the same sound
(两张披 for 两张皮).  Rather than blend pinyin similarity into every score (which blurs distinct
entries), a query's unknown words are replaced by a knowledge-base word with the same toneless
pinyin before matching, and a query typed in Latin letters is turned back into those words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path

from bot.core.textnorm import GENERIC_GRAMS, about_subject, is_cjk

MAX_NGRAM = 4
MIN_WORD_COUNT = 2
MAX_READINGS = 2
# Longest run of Latin letters read as pinyin (a message of two sentences once spaces go): a
# pasted paragraph is not worth the work.
MAX_PINYIN_RUN = 160
# Shortest run read as a sentence, everyday words included (a name is shorter).
_SENTENCE_RUN = 12


READINGS_TABLE = Path(__file__).resolve().parent / "data" / "readings.txt"
COMMON_WORDS = Path(__file__).resolve().parent / "data" / "common_words.txt"
# Characters of grammar that a pinyin typo almost never stands in for, while they sound like
# many knowledge-base characters: 融合里 is not 融合力, 融合是 not 融合提, 各单位 not 个单位.
_GRAMMAR_CHARS = frozenset("里是一的各个时有也何给们只事几讲它得这那在了着就还把被让从向于为会")

# Words of question grammar that a sentence typed in pinyin needs between the knowledge base's
# words ("yijian chutai de beijing shi sha"); the knowledge base's own words are filed under
# two syllables or more, so these would otherwise leave the run unread.
_GRAMMAR = {
    "de": "的",
    "shi": "是",
    "sha": "啥",
    "ma": "吗",
    "ne": "呢",
    "le": "了",
    "you": "有",
    "he": "和",
    "ge": "个",
    "na": "哪",
    "yao": "要",
    "zai": "在",
    "dou": "都",
    "ji": "几",
    "zhe": "这",
    "gen": "跟",
    "limian": "里面",
    "shenme": "什么",
    "zenme": "怎么",
    "zenyang": "怎样",
    "ruhe": "如何",
    "naxie": "哪些",
    "nage": "哪个",
    "weishenme": "为什么",
    "weisha": "为啥",
    "zhege": "这个",
    "li": "里",
    "dui": "对",
    "yaoqiu": "要求",
    # The N of 1+N, glued to the syllables around it once spaces go ("1+N li de N shi naxie").
    "n": "n",
    "ren": "人",
    "shenmeren": "什么人",
    "nali": "哪里",
}
# Single syllables a whole sentence in pinyin needs besides; read only when the knowledge
# base's words and the question words above leave a run unread (see `_segment`).
_SENTENCE_WORDS = {
    "ye": "也",
    "shui": "谁",
    "cai": "才",
    "hai": "还",
    "jiu": "就",
    "dao": "到",
    "ba": "把",
    "bei": "被",
    "gei": "给",
    "zhua": "抓",
    "fang": "放",
    "kan": "看",
    "xue": "学",
    "zuo": "做",
    "gan": "干",
    "neng": "能",
    "hui": "会",
    "dei": "得",
    "kao": "靠",
    "shei": "谁",
    "fa": "发",
    "shuo": "说",
    "suan": "算",
    "tian": "天",
    "pian": "篇",
    "nian": "年",
    "hao": "号",
    "yue": "月",
    "ban": "版",
    "wen": "问",
    "xie": "写",
    "gao": "搞",
    "yong": "用",
    "bu": "不",
    "mei": "没",
    "xi": "习",
    "jiao": "叫",
    # Question words that an everyday word sounds like (油砂, 终点) and would otherwise win.
    "yousha": "有啥",
    "zhongdian": "重点",
}
# Question words read as themselves even where the phrasings hold a word that sounds the same
# more often (这事 for zhe shi, 义思 across 意义思 for yi si): a question is asked with them.
_PREFERRED = {"zheshi": "这是", "yisi": "意思", "shenmeyisi": "什么意思"}
_PARTICLES = frozenset("的了吗呢啥")
# Numbers and ordinals are words whatever the phrasings hold ("di yi ge ronghe", "liu ge").
_NUMERALS = {"yi": "一", "er": "二", "san": "三", "si": "四", "wu": "五", "liu": "六"}
_NUMBER_WORDS = {
    **{f"di{sound}": f"第{digit}" for sound, digit in _NUMERALS.items()},
    **{f"{sound}ge": f"{digit}个" for sound, digit in _NUMERALS.items()},
    **{f"{sound}shi": f"{digit}是" for sound, digit in _NUMERALS.items()},
    # "wushi ge danwei" is 五十个单位, not 五是个单位.
    **{f"{sound}shige": f"{digit}十个" for sound, digit in _NUMERALS.items()},
}


def _bounded(phrases: list[str], words: set[str]) -> set[str]:
    """The words that stand on their own on both sides somewhere in the phrases.

    A side is open when the word begins (or ends) a phrase there, or has two different
    neighbours on that side: 融合 does, 务岗 (always inside 业务岗位) does not."""
    sides: dict[str, tuple[set[str], set[str]]] = {}
    for phrase in phrases:
        padded = f"^{phrase}$"
        for size in range(2, MAX_NGRAM + 1):
            for start in range(1, len(padded) - size):
                word = padded[start : start + size]
                if word in words:
                    left, right = sides.setdefault(word, (set(), set()))
                    if len(left) < 2:
                        left.add(padded[start - 1])
                    if len(right) < 2:
                        right.add(padded[start + size])
    return {
        word
        for word, (left, right) in sides.items()
        if ("^" in left or len(left) > 1) and ("$" in right or len(right) > 1)
    }


@cache
def common_words() -> tuple[frozenset[str], frozenset[str]]:
    """Everyday words (一直, 适用, 当务之急) that are never typos of the knowledge base's.

    The first set holds in every question; the second, of rarer and longer words (接合, 疑义,
    背井离乡), only in questions that say nothing of the interview's subject."""
    # Generated from jieba's dictionary by scripts/build_common_words.py: a header of "# "
    # lines, the first part, a "## " line, the second part.  One split is what keeps this fast.
    text = COMMON_WORDS.read_text(encoding="utf-8")
    first, _, second = text.partition("\n## ")
    core = frozenset(line for line in first.split("\n") if line and not line.startswith("#"))
    wider = second.split("\n")[1:]  # the rest of the "## " line is its title
    return core, core.union(filter(None, wider))


@cache
def _everyday_letters() -> dict[str, str]:
    """Everyday two-character words keyed by their usual readings run together (houmian: 后面).

    Built on first need: only a sentence typed in pinyin that the knowledge base's words leave
    unread asks for it.  Where two words sound alike the first in sorted order stays; either is
    a word the knowledge base does not hold, so the choice does not change what it matches."""
    found: dict[str, str] = {}
    syllables = _syllables()
    for word in sorted(common_words()[0]):  # sorted: a set's order changes between runs
        if len(word) != 2:
            continue
        first, second = (options[0] if (options := readings(char)) else "" for char in word)
        key = first + second
        # 里昂 (li ang) would read "liang" wherever 两 stands: only words that no other
        # split of their letters reads.
        if not first or not second or key in syllables:
            continue
        if any(
            key[:cut] in syllables and key[cut:] in syllables
            for cut in range(1, len(key))
            if cut != len(first)
        ):
            continue
        found.setdefault(key, word)
    return {**found, **_SENTENCE_WORDS, **_GRAMMAR}


@cache
def _table() -> dict[str, tuple[str, ...]]:
    # Generated from pypinyin by scripts/build_readings.py: importing pypinyin itself would
    # cost ~0.4 s and ~55 MB at every start.
    found: dict[str, tuple[str, ...]] = {}
    with READINGS_TABLE.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            char, _, readings = line.rstrip("\n").partition("\t")
            found[char] = tuple(readings.split())
    return found


def readings(char: str) -> tuple[str, ...]:
    """The usual toneless readings of one character (most usual first), or () if none."""
    return _table().get(char, ())


@cache
def _syllables() -> frozenset[str]:
    # The one-letter readings (a, e, o, n, m) would make pinyin of "on", "men" or "man".
    return frozenset(r for options in _table().values() for r in options if len(r) > 1)


def is_pinyin(word: str) -> bool:
    """True when lower-case letters spell toneless pinyin syllables (yijian, liangzhangpi)."""
    syllables = _syllables()
    ends = {0}
    for end in range(1, len(word) + 1):
        if any(word[start:end] in syllables for start in ends if end - start <= 6):
            ends.add(end)
    return len(word) in ends


# Words of up to four characters recur across builds (a reload, leave-one-phrasing-out's
# hundreds) and across questions; the cache is bounded, so a large knowledge base only cycles it.
@lru_cache(maxsize=1 << 15)
def _sounds(word: str) -> tuple[str, ...]:
    """The word's pinyin keys: one per combination of its characters' readings (capped)."""
    keys = [""]
    for char in word:
        options = readings(char)[:MAX_READINGS]
        if not options:
            return ()
        keys = [f"{key} {option}" if key else option for key in keys for option in options]
    return tuple(keys)


class PinyinIndex:
    """Knowledge-base words keyed by their pinyin, for correcting and reading queries."""

    def __init__(self, phrases: Iterable[str], aliases: Mapping[str, str] | None = None) -> None:
        """`aliases` maps words that normalisation folds away (出台) to what they fold to (印发),
        so a pinyin run can still name them: the phrasings only hold the folded form."""
        unique = list(dict.fromkeys(phrases))
        best: dict[str, tuple[int, str]] = {}
        self._bigrams: frozenset[str] = frozenset()
        # One size at a time keeps the peak memory of a large knowledge base down.
        for size in range(2, MAX_NGRAM + 1):
            counts: Counter[str] = Counter()
            for phrase in unique:
                counts.update(phrase[i : i + size] for i in range(len(phrase) - size + 1))
            if size == 2:
                # Bigrams are enough to tell a known word from a typo (`_plausible_typo`).
                self._bigrams = frozenset(counts)
            # Words are filed under every reading of their characters: 长期 is changqi and
            # zhangqi.  The most frequent spelling wins when two words sound alike.
            for word, count in counts.items():
                # Longer spans seen once are mostly accidental, and in a large knowledge base
                # there are millions of them: only bigrams are kept whatever their count.
                if (size > 2 and count < MIN_WORD_COUNT) or not all(is_cjk(c) for c in word):
                    continue
                for key in _sounds(word):
                    if count > best.get(key, (0, ""))[0]:
                        best[key] = (count, word)
            del counts
        # A correction target must recur (in two phrasings or more): that keeps real words such
        # as 两张皮 and drops accidental spans such as 如何建 (from 如何建设), which would
        # otherwise turn 如何减肥 into a question about the knowledge base.  Pinyin typed in
        # letters may also use bigrams seen once, since the whole run must be read to count.
        self._by_sound = {key: word for key, (n, word) in best.items() if n >= MIN_WORD_COUNT}
        self._by_letters = {key.replace(" ", ""): word for key, (_, word) in best.items()}
        # Beside grammar words, a span that starts or ends in a particle (的登, from 刊登的登载)
        # or always sits inside one longer word (务岗 of 业务岗位) is an accident of the
        # phrasings, not a word: it would read the name "wu gang" as a question.
        # The same holds for corrections: 么推出 (of 怎么推出) is no word that 要推出 mistypes.
        bounded = _bounded(unique, set(self._by_sound.values()))
        self._by_sound = {key: w for key, w in self._by_sound.items() if w in bounded}
        self._recurring_letters = {
            key.replace(" ", ""): w
            for key, w in self._by_sound.items()
            if w[0] not in _PARTICLES and w[-1] not in _PARTICLES
        }
        self._recurring_letters.update(_NUMBER_WORDS)
        self._recurring_letters.update(_PREFERRED)
        self._by_letters.update(_PREFERRED)
        # One-character variants are dialect spellings (恁, 哩, 俺): read from pinyin they
        # would turn every "ren", "li" or "an" into 你, 的 or 我.
        variants = [
            (_sounds(variant), canonical)
            for variant, canonical in (aliases or {}).items()
            if len(variant) > 1 and all(is_cjk(c) for c in variant)
        ]
        # Every variant's usual reading before any rare one: wenjian is 文件, not 眼前 (眼 is
        # rarely read wen).
        for usual in (True, False):
            for sounds, canonical in variants:
                for key in sounds[:1] if usual else sounds[1:]:
                    self._by_letters.setdefault(key.replace(" ", ""), canonical)
                    self._recurring_letters.setdefault(key.replace(" ", ""), canonical)
        self._longest_letters = max((len(k) for k in self._by_letters), default=0)

    def correct(self, text: str) -> str:
        """Replace words unknown to the knowledge base by a known homophone sharing a character."""
        if len(text) < 2 or not any(is_cjk(c) for c in text):
            return text
        core, wider = common_words()
        everyday = core if about_subject(text) else wider
        chars = list(text)
        position = 0
        while position < len(chars) - 1:
            for size in range(min(MAX_NGRAM, len(chars) - position), 1, -1):
                window = "".join(chars[position : position + size])
                if size == 2 and window in self._bigrams:
                    continue
                known = next(
                    (
                        word
                        for key in _sounds(window)
                        if (word := self._by_sound.get(key))
                        and self._plausible_typo(chars, position, word, everyday)
                    ),
                    None,
                )
                if known is not None:
                    chars[position : position + size] = list(known)
                    position += size - 1
                    break
            position += 1
        return "".join(chars)

    def _plausible_typo(
        self, chars: list[str], position: int, known: str, everyday: frozenset[str]
    ) -> bool:
        """A typo keeps some characters and breaks the words around every one it changes."""
        changed = [i for i, c in enumerate(known) if chars[position + i] != c]
        if not changed or len(changed) == len(known):
            return False
        kept = "".join(c for i, c in enumerate(known) if i not in changed)
        if kept in GENERIC_GRAMS:  # 怎么减 is not a typo of 怎么建: 怎么 proves nothing
            return False
        if all(c in _GRAMMAR_CHARS for c in kept):  # nor is 提一提 one of 一是: 一 proves nothing
            return False
        end = position + len(known)
        for offset in changed:
            at = position + offset
            if chars[at] in _GRAMMAR_CHARS:
                return False
            left = "".join(chars[at - 1 : at + 1]) if at > 0 else ""
            right = "".join(chars[at : at + 2]) if at + 1 < len(chars) else ""
            if left in self._bigrams or right in self._bigrams:
                return False
            # 一直 is a word, not a typo of 一制; nor is 当务之急 one of 党务: everyday words
            # around the character count, unless a longer knowledge-base word spans them
            # whole (机智融合 is 机制融合 mistyped, 铁心人 is 贴心人).
            for size in (2, 3, 4):
                for start in range(max(at - size + 1, 0), min(at, len(chars) - size) + 1):
                    inside = len(known) > size and position <= start and start + size <= end
                    if not inside and "".join(chars[start : start + size]) in everyday:
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
            read = self._segment(run)
            if read is None and (word := self._with_neighbour(text, position, end)):
                # 六个rong合: one syllable typed in letters beside a character of its word.
                if word[1] is not None:
                    out[-1] = word[0]
                else:
                    out.append(word[0])
                    end += 1
                position = end
                continue
            out.append(read or run)
            position = end
        return "".join(out)

    def _with_neighbour(self, text: str, start: int, end: int) -> tuple[str, str | None] | None:
        """A two-character word made of a syllable in letters and the character beside it.

        Returns the word and, when it takes the character before the run, that character."""
        run = text[start:end]
        if len(run) > 6:
            return None
        if end < len(text) and is_cjk(text[end]):
            for reading in readings(text[end]):
                word = self._by_letters.get(run + reading)
                if word is not None and len(word) == 2 and word[1] == text[end]:
                    return word, None
        if start > 0 and is_cjk(text[start - 1]):
            for reading in readings(text[start - 1]):
                word = self._by_letters.get(reading + run)
                if word is not None and len(word) == 2 and word[0] == text[start - 1]:
                    return word, text[start - 1]
        return None

    def _segment(self, run: str) -> str | None:
        """Cover the whole run with known pinyin words (fewest words first), or give up.

        The knowledge base's words alone are tried first; grammar words between them only
        if that fails, and then only beside words that recur in it, so that a run such as
        "dedede" is not read as the accidental span 的登 with grammar around it."""
        if len(run) < 4 or len(run) > MAX_PINYIN_RUN:
            return None
        words = self._recurring_letters
        read = self._cover(run, words, {}) or self._cover(run, words, _GRAMMAR)
        if read is None:
            # Spans seen once may be the only way to read a long run, never a short one: a
            # name ("wang wei") would sound like some accidental span.
            read = self._cover(run, self._by_letters, {})
            if read is not None and len(read) <= 3:
                return None
        if read is None and len(run) >= _SENTENCE_RUN:
            # A whole sentence in pinyin ("liu ge tuojie houmian ji ge shi shenme") holds
            # everyday words too; they are read like question words, between the knowledge
            # base's own, which must still be there.
            read = self._cover(run, words, _everyday_letters())
        return read

    def _cover(self, run: str, words: dict[str, str], grammar: dict[str, str]) -> str | None:
        # best[i]: fewest words covering run[:i], then fewest grammar words among them, then
        # the longest words first (wushige danwei is 五十个单位, not wushi gedanwei 五是个单位).
        best: list[tuple[int, int, tuple[int, ...], list[str]] | None] = [None] * (len(run) + 1)
        best[0] = (0, 0, (), [])
        longest = max(self._longest_letters, 9)
        for start in range(len(run)):
            current = best[start]
            if current is None:
                continue
            # One letter is a word only as the N of 1+N (see _GRAMMAR).
            for end in range(start + 1, min(len(run), start + longest) + 1):
                syllables = run[start:end]
                known = words.get(syllables)
                is_grammar = known is None
                word = grammar.get(syllables) if known is None else known
                if word is None:
                    continue
                candidate = (
                    current[0] + 1,
                    current[1] + is_grammar,
                    (*current[2], start - end),
                    current[3] + [word],
                )
                existing = best[end]
                if existing is None or candidate[:3] < existing[:3]:
                    best[end] = candidate
        final = best[len(run)]
        # Grammar words alone ("shide") say nothing the knowledge base could answer.
        if final is None or final[1] == final[0]:
            return None
        return "".join(final[3])
