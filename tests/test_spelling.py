"""English typed with a slip is read as the word meant; English spelt right is left alone."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from bot.core.answering import Answerer, Status
from bot.core.spelling import respelled
from bot.core.textnorm import clean

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_english_words.py"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("wat are the six disconects", "six_disconnects"),
        ("who answred the reporters questions", "interview"),
        ("mechansim integration pls", "mechanism_integration"),
        ("What is the main contnet of the opinon?", "main_content"),
    ],
)
def test_a_slip_in_english_still_finds_the_passage(
    answerer: Answerer, question: str, entry: str
) -> None:
    """One letter added, dropped, changed or swapped does not lose the question."""
    reply = answerer.ask(question)
    assert reply.status is Status.ANSWERED
    assert reply.entry == entry


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("six disconects", "六个脱节"),
        ("the opinons", "意见"),
        ("mechansim integration", "机制"),
        ("goal integartion", "融合"),
        ("waht is the purpose", "什么"),
    ],
)
def test_slips_read_as_the_vocabulary_word(typed: str, meant: str) -> None:
    assert meant in clean(typed)


@pytest.mark.parametrize(
    ("typed", "not_meant"),
    [
        # One slip from an English word outside the vocabulary as well: udate may be an
        # update, traning tanning, litle little.
        ("any udate on the opinion", "日期"),
        ("party cadres traning", "培训"),
        ("litle title", "标题标题"),
        # Two slips from the vocabulary: infomation is not innovation.
        ("the infomation in the opinion", "创新"),
        # A word alone, or alone among Chinese, may be another language's.
        ("problema", "问题"),
        ("这个problme怎么解决", "问题"),
        # Accented letters: another language, which English spelling says nothing of.
        ("solución problem", "破解之策"),
    ],
)
def test_what_may_be_another_word_or_language_is_left_alone(typed: str, not_meant: str) -> None:
    assert not_meant not in clean(typed)


def test_a_slip_beside_words_the_vocabulary_does_not_know_is_left_alone() -> None:
    """Beside unknown words a slip may be none (Methode Montessori, the solucion to the climate
    crisis): the question is read as typed, so off-topic messages stay declined."""
    assert "意见" in clean("opinon about the two skins")
    assert "意见" not in clean("opinon about the climate crisis")


def test_shorthand_is_read_before_the_phrases(answerer: Answerer) -> None:
    """wich department is which department (哪个单位), as the phrase reads it."""
    assert answerer.ask("wich department issued the opinion").entry == "issuer"
    assert answerer.ask("wat is two skins").entry == "two_skins"


@pytest.mark.parametrize("word", ["context", "earning", "leaning", "contest", "opinion"])
def test_english_spelt_right_is_left_alone(word: str) -> None:
    """Words of English one slip from the vocabulary's are other words, not slips."""
    assert respelled(word, {"content": "内容", "learning": "学习", "opinions": "意见"}) is None


def test_as_near_two_meanings_is_no_telling() -> None:
    vocabulary = {"publish": "刊登", "published": "刊登"}
    # Either way it means 刊登; the form ending as typed is kept.
    assert respelled("publishd", vocabulary) == "published"
    assert respelled("publsh", vocabulary) == "publish"
    # Made-up words, so that no English word one slip away decides it instead.
    assert respelled("zqxab", {"zqxaa": "甲", "zqxac": "乙"}) is None
    assert respelled("zqxab", {"zqxaa": "甲", "zqxac": "甲"}) == "zqxaa"


def test_short_words_are_not_respelled() -> None:
    assert respelled("wht", {"what": "什么"}) is None


def test_the_shipped_word_list_is_what_its_script_makes() -> None:
    """bot/core/data/english_words.txt is SCOWL's words within reach of today's vocabulary
    (.ci/run installs wamerican-large and wbritish-large; elsewhere the check needs them)."""
    spec = importlib.util.spec_from_file_location("build_english_words", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not all(source.exists() for source in module.SOURCES):
        pytest.skip("wamerican-large and wbritish-large are not installed")
    assert module.TABLE.read_text(encoding="utf-8") == module.table()
