"""The restored interview: Simplified, clean, complete, and faithful to the damaged seed."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from bot.core.knowledge import default_knowledge_dir
from bot.core.textnorm import to_simplified

INTERVIEW = default_knowledge_dir() / "source" / "interview.txt"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_d206b8c69db1f496.txt"
QUESTIONS = (
    "问：《意见》出台的背景和意义是什么？",
    "问：《意见》的主要内容有哪些？",
    "问：《意见》在哪些方面实现了创新和突破？",
    "问：《意见》对防止和破解“两张皮”问题开出了哪些长期“药方”？",
    "问：如何推动《意见》落实落地？",
)


@pytest.fixture(scope="module")
def text() -> str:
    return INTERVIEW.read_text(encoding="utf-8")


def test_no_pinyin_annotations(text: str) -> None:
    assert not re.search(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{2,}", text)
    assert not re.search(r"[（(][a-z]", text)


def test_no_garbled_runs(text: str) -> None:
    assert "?" not in text
    assert "\ufffd" not in text
    assert "兑庖" not in text


def test_no_traditional_characters(text: str) -> None:
    assert to_simplified(text) == text
    assert "著" not in text
    assert "制约着" in text
    assert "着手" in text


def test_five_questions_each_with_an_answer(text: str) -> None:
    paragraphs = [p.strip() for p in text.split("\n\n")]
    for question in QUESTIONS:
        position = paragraphs.index(question)
        assert paragraphs[position + 1].startswith("答：")


def test_keeps_headline_date_and_source_but_not_navigation(text: str) -> None:
    assert text.startswith("4月7日《河南日报》第4版：破解“两张皮” 全面提高机关党建质量")
    assert "时间：2023-04-10" in text
    assert "来源：河南日报" in text
    for navigation in ("分享到", "相关链接", "宣传报道"):
        assert navigation not in text


def _seed_restored(seed: str) -> str:
    """The seed's body, repaired mechanically: what the hand restoration must agree with."""
    seed = seed.replace("日?qǐng)?bào)", "日报").replace("?!兑庖?jiàn)》", "。《意见》")
    seed = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)", "", seed)
    return to_simplified(seed)


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.skipif(
    not SEED.exists(), reason="the damaged seed lives in ../shared, beside the repo"
)
def test_every_restored_paragraph_is_in_the_seed(text: str) -> None:
    seed = _fold(_seed_restored(SEED.read_text(encoding="utf-8")))
    for paragraph in text.split("\n\n"):
        assert _fold(paragraph) in seed, paragraph[:30]
    body = _fold(text)
    start = seed.index(_fold("4月7日"))
    end = seed.index(_fold("调研督促。")) + len(_fold("调研督促。"))
    kept = seed[start:end].replace(_fold("分享到："), "")
    assert body == kept
