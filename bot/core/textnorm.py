"""Text normalisation shared by the knowledge base, the matcher and the replies.

Questions arrive in Simplified or Traditional script, full- or half-width, with punctuation,
emoji and polite filler.  Everything is folded to one canonical form before matching, and the
same function is applied to the knowledge base's own phrasings so both sides agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Protocol

# Longer than any real question: bounds the work done on a pasted essay.
MAX_QUERY_CHARS = 200

# Polite wrappers that carry no meaning of their own.  Question words that do carry meaning
# (谁, 什么时候, 为什么, 怎么, 哪) are deliberately kept.
_FILLERS = (
    "我想请问一下",
    "我想问一下",
    "想请问一下",
    "请问一下",
    "我想了解一下",
    "我想了解",
    "我想知道",
    "想知道",
    "我想问",
    "请告诉我",
    "告诉我",
    "能不能说说",
    "能不能讲讲",
    "麻烦问一下",
    "麻烦问下",
    "请介绍一下",
    "介绍一下",
    "介绍下",
    "说一下",
    "讲一下",
    "解释一下",
    "请问",
    "您好",
    "你好",
    "谢谢",
    "一下",
    "到底",
    "所谓的",
    "所谓",
    "常说的",
    "经常说的",
    "这里的",
    "其中的",
    "具体",
    "呀",
    "啊",
    "吗",
    "呢",
    "吧",
    "嘛",
)
# Words that people use interchangeably when asking about the document; both the knowledge base's
# phrasings and the questions are folded the same way, so one alternate covers every spelling.
_SYNONYMS = {
    "意见": (
        "这份文件",
        "这个文件",
        "该文件",
        "文件",
        "这份意见",
        "这个意见",
        "这次意见",
        "该意见",
    ),
    "印发": ("下发", "颁布", "颁发", "制发", "发布", "出台", "制定"),
    "刊登": ("见报", "登报", "刊发", "登载", "发表"),
    "报道": ("采访稿", "访谈稿", "文章", "新闻稿"),
    "目的": ("初衷", "用意", "目标是什么"),
    "工作法": ("工作方法", "好方法", "好做法"),
    "怎么": ("怎样", "如何", "咋"),
    "什么": ("啥",),
    "为什么": ("为啥", "为何"),
    "什么时候": ("何时", "几时"),
    # The issuer's long name would otherwise outweigh everything else in a question.
    "工委": ("省委直属机关工委", "省直机关工委", "直属机关工委", "省直工委"),
}
_SYNONYM_MAP = {
    variant: canonical for canonical, variants in _SYNONYMS.items() for variant in variants
}
_SYNONYM_RE = re.compile(
    "|".join(re.escape(v) for v in sorted(_SYNONYM_MAP, key=len, reverse=True))
)
_FILLER_RE = re.compile("|".join(re.escape(f) for f in sorted(_FILLERS, key=len, reverse=True)))
_TRAILING_WHAT_RE = re.compile(r"(是什么意思|什么意思|是什么|指什么|指的是什么)$")

# Grams of question words.  They say how a question is asked, not what it is about, yet they
# are spread unevenly over the alternates (什么时候 only under the interview date), so their IDF
# would otherwise let "党员冬训是什么时候" look like a question about the interview.
GENERIC_GRAMS = frozenset(
    (
        "什么",
        "么时",
        "时候",
        "怎么",
        "怎样",
        "如何",
        "哪些",
        "哪个",
        "哪里",
        "哪儿",
        "为什",
        "为啥",
        "是什",
        "有什",
        "么意",
        "意思",
        "多少",
        "是谁",
        "是啥",
        "有哪",
        "在哪",
        "么样",
        "么是",
        "的是",
        "是不",
        "不是",
        "能不",
        "可以",
        "要不",
        "有没",
        "没有",
        "怎么样",
        "么",
        "什",
        "哪",
        "谁",
        "啥",
        "吗",
        "的",
        "是",
        "有",
        "了",
        "在",
        "和",
        "与",
        "么叫",
        "叫什",
        "什么样",
        "么做",
        "怎做",
    )
)


# Quote marks that the source and the knowledge base may spell differently.
_QUOTES = str.maketrans(dict.fromkeys("“”„‟＂「」『』‘’'`", '"'))

# OpenCC's t2s keeps 著 where modern Simplified text writes 着; the interview only uses 着.
_SIMPLIFIED_FIXES = str.maketrans({"著": "着"})


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _converter(config: str) -> _Converter:
    import opencc  # imported on first use: keeps `import bot` cheap

    converter: _Converter = opencc.OpenCC(config)
    return converter


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified (OpenCC t2s, with 著→着)."""
    return _converter("t2s").convert(text).translate(_SIMPLIFIED_FIXES)


def to_traditional(text: str) -> str:
    """Convert Simplified characters to Traditional (OpenCC s2tw: 為, 裡, 著 as readers expect)."""
    return _converter("s2tw").convert(text)


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph (the basic block and extension A)."""
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF


def looks_traditional(text: str) -> bool:
    """True when at least a quarter of the CJK characters are Traditional-only.

    Only t2s is consulted: the s2t dictionaries cost ~40 MB and are loaded for the first reader
    who writes Traditional, not for every question."""
    sample = "".join(c for c in text[:MAX_QUERY_CHARS] if is_cjk(c))
    if not sample:
        return False
    as_simplified = _converter("t2s").convert(sample)
    if len(as_simplified) != len(sample):
        return as_simplified != sample
    traditional = sum(a != b for a, b in zip(sample, as_simplified, strict=True))
    return traditional > 0 and traditional * 4 >= len(sample)


def fold_for_comparison(text: str) -> str:
    """Fold whitespace and quote marks only: how passages are compared with the source."""
    return "".join(text.translate(_QUOTES).split())


def _keep(char: str) -> bool:
    return char == "+" or unicodedata.category(char)[0] in "LN"


def clean(text: str) -> str:
    """NFKC, lower case, Simplified script, letters/digits/'+' only; no filler removed."""
    text = unicodedata.normalize("NFKC", text[: MAX_QUERY_CHARS * 4]).lower()
    text = "".join(c for c in text if _keep(c))
    return to_simplified(text)[:MAX_QUERY_CHARS]


def normalize(text: str) -> str:
    """The canonical form used for matching: `clean` and then polite filler stripped."""
    return fold_cleaned(clean(text))


def fold_cleaned(cleaned: str) -> str:
    """`normalize` for text that has been through `clean` already."""
    stripped = _FILLER_RE.sub("", cleaned)
    stripped = _SYNONYM_RE.sub(lambda m: _SYNONYM_MAP[m.group()], stripped)
    stripped = _TRAILING_WHAT_RE.sub("", stripped)
    # A question that was nothing but filler ("是什么？") keeps its words rather than vanish.
    return stripped or cleaned
