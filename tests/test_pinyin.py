"""Homophone typos and plain pinyin are read back into the knowledge base's words."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.core.answering import Answerer, Status
from bot.core.pinyin import _everyday_letters, is_pinyin
from bot.core.textnorm import normalize, unknown_mark


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("两张披", "两张皮"),
        ("六个拖节", "六个脱节"),
        ("理念溶合", "理念融合"),
        ("对伍融合", "队伍融合"),
        ("必眼题", "必研题"),
        ("长期要方", "长期药方"),
    ],
)
def test_homophone_typos_are_corrected(answerer: Answerer, typed: str, meant: str) -> None:
    assert answerer.matcher.prepare(typed) == meant


@pytest.mark.parametrize(
    "correct", ["意见是在总结哪些做法的基础上形成的", "如何减肥", "保障和关键"]
)
def test_correct_text_is_left_alone(answerer: Answerer, correct: str) -> None:
    prepared = answerer.matcher.prepare(correct)
    assert "做发" not in prepared
    assert "建肥" not in prepared
    assert "贯键" not in prepared


@pytest.mark.parametrize(
    "everyday",
    [
        "融合不能一阵风还是要一直融下去",  # 一直 is a word, not a typo of 一制
        "意见适用于哪些单位",  # 适用, not 是用
        "机关食堂几点开饭",  # 食堂, not 是堂
        "党组党委在融合里有什么责任",  # 里 after a noun, not 融合力
        "目标融合是要做什么",  # 是, not 提
        "督促各单位",  # 各, not 个
        "只在开会时提一提",  # 提一提: a change that keeps only 一 is no typo of 一是
    ],
)
def test_everyday_words_are_not_typos(answerer: Answerer, everyday: str) -> None:
    assert answerer.matcher.prepare(everyday) == normalize(everyday)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("liangzhangpi", "两张皮"),
        ("liang zhang pi", "两张皮"),
        ("liugeronghe", "六个融合"),
        # Grammar words between the knowledge base's words, and words it folds away (出台).
        # ...and then folded as typed words are (是什么 at the end goes).
        ("yijian chutai de beijing shi sha", "意见印发的背景"),
        ("liang zhang pi shi shenme", "两张皮"),
        ("liuge ronghe you naxie", "六个融合有哪些"),
        # Numbers and ordinals are words even where the phrasings lack them.
        ("di yi ge ronghe", "一是融合"),
        # Spans that always sit inside a longer word (队伍融 of 队伍融合) are not words.
        ("duiwu ronghe shi sha", "队伍融合"),
        # A word's usual reading wins over another's rare one: 眼 is rarely read wen.
        ("wenjian shi shei fa de", "意见是谁发的"),
    ],
)
def test_plain_pinyin_is_read(answerer: Answerer, typed: str, meant: str) -> None:
    assert answerer.matcher.prepare(typed) == meant


@pytest.mark.parametrize(
    ("typed", "meant", "entry"),
    [
        # Everyday words (两手, 后面, 才) between the knowledge base's, in a whole sentence.
        (
            "ji zhi rong he fang mian liang shou zhua shi na liang shou",
            "两手抓",
            "mechanism_measures",
        ),
        ("gong hui gong qing tuan fu lian ye yao fu ze rong he ma", "也要", "mass_organizations"),
        ("liu ge tuojie houmian ji ge shi shenme", "后面", "six_disconnects"),
        ("guan zhu changqi kao na ji ge ronghe", "管住长期靠", "now_and_long_term"),
        # Single syllables of everyday questions (shuo, shei, suan), and question words that
        # an everyday word sounds like (you sha is 有啥, not 油砂).
        ("xi zong shu ji shuo de liang zhang pi guan jian shi sha", "习总书记说", "xi_remarks"),
        ("xia yi bu gong wei you sha an pai", "有什么安排", "implementation"),
        # Longer than the 60 letters a run once could be: a message of two sentences.
        (
            "gong hui gong qing tuan fu lian suan bu suan ze ren zhu ti, hai you shei yao fu ze"
            " rong he? wo men chu li you ren wen",
            "工会共青团妇联算不算",
            "mass_organizations",
        ),
    ],
)
def test_sentences_in_pinyin_read_everyday_words(
    answerer: Answerer, typed: str, meant: str, entry: str
) -> None:
    assert meant in answerer.matcher.prepare(typed)
    assert answerer.ask(typed).entry == entry


@pytest.mark.parametrize(
    "typed",
    [
        "zhe ge yue de gong zi shen me shi hou fa",
        "shei fa de gong zi",
        "xi zong shu ji qu nian qu le na li",
        "wo yao xie yi pian xin de ti hui, bang wo xie yi xia",
        # Sentences about the asker or the bot: read with wo and ni as words, they were
        # answered with the report and the training passages.
        "wo zai henan ribao gongzuo",
        "ni canjia peixun le ma",
        # The guards read the characters the pinyin stands for: another occasion, the quoted
        # conference's host, and not-covered terms (工资, 广西), read as themselves.
        "xi zongshuji zai quanguo zuzhi gongzuo huiyi shang zenme shuo de",
        "zhongyang he guojia jiguan dang de jianshe gongzuo huiyi shi shei zhuchi de",
        "gongzi shi na tian fa de",
        "guangxi de dangjian yijian shi na tian fa de",
    ],
)
def test_sentences_in_pinyin_off_the_subject_stay_unanswered(
    answerer: Answerer, typed: str
) -> None:
    """Read into Chinese, they meet the same out-of-scope tests a typed question does."""
    assert answerer.ask(typed).status is not Status.ANSWERED


def test_everyday_words_are_read_the_same_in_every_process() -> None:
    """Two words that sound alike are chosen by a fixed order, not by a set's hash order."""
    script = (
        "from bot.core.pinyin import _everyday_letters as e; "
        "import hashlib; print(hashlib.sha256(repr(sorted(e().items())).encode()).hexdigest())"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1


def test_everyday_words_do_not_split_a_syllable() -> None:
    """里昂 (li ang) would stand for every "liang", 西安 (xi an) for every "xian"."""
    letters = _everyday_letters()
    assert letters["liangshou"] == "两手"
    assert "liang" not in letters
    assert "xian" not in letters


@pytest.mark.parametrize(
    "typed", ["shide", "ni shi shui", "wo xiang wen yi xia", "hello world", "de de de de de"]
)
def test_grammar_words_alone_are_not_read(answerer: Answerer, typed: str) -> None:
    assert not any("\u4e00" <= c <= "\u9fff" for c in answerer.matcher.prepare(typed))


@pytest.mark.parametrize("name", ["wang wei", "wu gang", "zhang san"])
def test_names_are_not_read_as_spans_of_the_phrasings(answerer: Answerer, name: str) -> None:
    """務岗 (of 业务岗位) and 往有 sound like these names but are not words anyone typed."""
    assert answerer.matcher.prepare(name) == name.replace(" ", "")
    assert answerer.ask(name).status is Status.UNKNOWN


def test_english_is_not_read_as_pinyin(answerer: Answerer) -> None:
    marks = unknown_mark("capital") + unknown_mark("peru")
    assert answerer.matcher.prepare("what is the capital of Peru") == "什么" + marks
    assert answerer.ask("what is the capital of Peru").status is Status.UNKNOWN


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Who issued this Yijian? which department?", "谁印发意见哪个单位"),
        ("Is liang zhang pi curable?", "两张皮可控可治"),
    ],
)
def test_english_words_do_not_run_into_pinyin(answerer: Answerer, typed: str, meant: str) -> None:
    """An English word outside the vocabulary is one mark, not letters glued to the pinyin."""
    assert answerer.matcher.prepare(typed) == meant


def test_what_spells_pinyin() -> None:
    assert is_pinyin("yijian")
    assert is_pinyin("liangzhangpi")
    assert not is_pinyin("department")
    assert not is_pinyin("on")  # one-letter readings (o, n) do not make a syllable of it


@pytest.mark.parametrize(
    "script",
    [
        # bot/core/data/readings.txt, from pypinyin
        "build_readings",
        # bot/core/data/common_words.txt, from jieba
        "build_common_words",
    ],
)
def test_shipped_tables_are_what_their_scripts_make(script: str) -> None:
    """Each generated table under bot/core/data is what its script makes from the library today."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / f"{script}.py"
    spec = importlib.util.spec_from_file_location(script, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.TABLE.read_text(encoding="utf-8") == module.table()


def test_readings() -> None:
    from bot.core.pinyin import readings

    assert readings("长") == ("zhang", "chang")
    assert readings("皮") == ("pi",)
    assert readings("a") == ()
