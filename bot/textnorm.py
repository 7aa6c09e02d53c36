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
    "具体",
    "呀",
    "啊",
    "吗",
    "呢",
    "吧",
    "嘛",
)
_FILLER_RE = re.compile("|".join(re.escape(f) for f in sorted(_FILLERS, key=len, reverse=True)))
_TRAILING_WHAT_RE = re.compile(r"(是什么意思|是什么|是啥意思|是啥|指什么|指的是什么)$")

# Quote marks that the source and the knowledge base may spell differently.
_QUOTES = str.maketrans({c: '"' for c in "“”„‟＂「」『』‘’'`"})

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
    """True when the text uses more Traditional-only than Simplified-only characters."""
    sample = "".join(c for c in text[:MAX_QUERY_CHARS] if is_cjk(c))
    if not sample:
        return False
    as_simplified = _converter("t2s").convert(sample)
    as_traditional = _converter("s2t").convert(sample)
    if len(as_simplified) != len(sample) or len(as_traditional) != len(sample):
        return as_simplified != sample
    traditional = sum(a != b for a, b in zip(sample, as_simplified, strict=True))
    simplified = sum(a != b for a, b in zip(sample, as_traditional, strict=True))
    return traditional > simplified


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
    cleaned = clean(text)
    stripped = _FILLER_RE.sub("", cleaned)
    stripped = _TRAILING_WHAT_RE.sub("", stripped)
    # A question that was nothing but filler ("是什么？") keeps its words rather than vanish.
    return stripped or cleaned
