"""Normalisation: scripts, widths, punctuation, filler and synonyms fold to one form."""

from __future__ import annotations

import pytest

from bot.core import detail
from bot.core.textnorm import (
    MAX_QUERY_CHARS,
    clean,
    fold_for_comparison,
    looks_traditional,
    normalize,
    to_simplified,
    to_traditional,
    unknown_mark,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("请问两张皮是什么意思？", "两张皮"),
        ("机制融合是啥，麻烦说说", "机制融合"),
        # 麻烦 asking a favour goes; 麻烦 said of the problem, or the trouble asked about, stays.
        ("两张皮问题很麻烦吗", "两张皮问题很麻烦"),
        ("工作出麻烦了谁负责", "工作出麻烦了谁负责"),
        ("兩張皮是什麼？", "两张皮"),
        ("我想知道六个融合有哪些呢", "六个融合有哪些"),
        ("１＋Ｎ", "1+n"),
        ("“1+N”", "1+n"),
        ("  六个 融合！！ ", "六个融合"),
        ("这个文件是谁下发的", "意见是谁印发的"),
        ("为啥出台意见", "为什么印发意见"),
        ("是什么？", "是什么"),
        ("最后一个融合是啥", "六是融合"),
        ("这篇文章发布时间是啥时候", "这篇报道刊登时间是什么时候"),
        ("意见什么时候发布的", "意见什么时候印发的"),
        ("我在单位团委", "我在单位共青团"),
        ("网上发布时间是哪天", "网上刊登时间是什么时候"),
        ("这篇稿子是几月发布的", "这篇报道是几月刊登的"),
        ("这个意见算是个啥举措", "意见是个什么举措"),
        ("理念上有啥新提法", "理念上有什么创新"),
        # Read whole (textnorm._WHOLE_ENGLISH); its plural is read word by word.
        ("which newspaper published this interview", "这篇访谈登在哪家报纸"),
        ("which newspapers published this interview", "哪些报纸刊登采访"),
        ("check一下两张皮是什么", "两张皮"),
        # Henan speech and chat noise.
        ("恁说这文件主要是管哪些单位哩", "你说这意见主要是管哪些单位的"),
        ("两张皮这病能治不能治啊，得劲不", "两张皮这病可控可治"),
        ("党建跟业务拧成一股绳中不中", "党建跟业务融合"),
        ("有没有现成的经验 hhh", "有没有现成的经验"),
        # Laughter and interjections are chat: a reader's 两张皮算癌症吗哈哈 taught 哈哈.
        ("两张皮算癌症吗哈哈", "两张皮算癌症"),
        ("嗯，唉，六个融合呗", "六个融合"),
        ("哪几种融合是解决眼前问题的", "哪几种融合是解决当下问题的"),
        ("两张皮是不治之症吗", "两张皮是顽症"),
        # A variant that begins with the end of its canonical form is not folded inside it.
        ("创新在哪", "创新在哪"),
        ("意见新在哪", "意见创新"),
        # The thesaurus: what people say for the interview's terms.
        ("支部学了理论根本用不上", "支部学了理论根本用脱节"),
        ("党建考核跟奖励处分挂不上钩", "党建考核跟奖惩脱节"),
        ("支部活动跟处里的项目八竿子打不着", "支部活动跟处里的项目脱节"),
        ("党建和业务各走各的路", "党建和业务两张皮"),
        ("党务和业务岗位之间能互相调动吗", "党务和业务岗位之间能双向交流"),
        # Only of Party-affairs posts: anyone else's transfers are theirs.
        ("两地夫妻怎么互相调动", "两地夫妻怎么互相调动"),
        ("干部来回调动太频繁好不好", "干部来回调动太频繁好不好"),
        ("搞党务的同志本事怎么提上去", "党务干部能力怎么提高"),
        ("两张皮治好一次是不是就一劳永逸了", "两张皮治好一次是不是就反复发作了"),
        (
            "工委会不会出一本案例汇编再组织大家去实地看看",
            "工委会不会出一本案例教材再组织大家去现场观摩",
        ),
        # Asking whether the document speaks of it, or where it was read, says nothing of what.
        ("年轻人学理论这块文件里有这个说法吗", "青年干部学理论这块"),
        ("只埋头干业务不讲政治文件怎么看这事", "只重业务轻政治不讲政治"),
        ("有的人喊口号文件有提到吗", "有的人空头政治"),
        ("报道里说两张皮是什么", "两张皮"),
        ("报道里说了什么", "意见讲了什么"),
        ("意见怎么说", "什么"),
        # One item of the six integrations: the list's name gives way to the item.
        ("六个融合里的第三个", "三是融合"),
        # Written Chinese's 何为/何谓, but not inside 如何为 or 任何为.
        ("何为两张皮", "什么是两张皮"),
        ("何谓理念融合", "什么是理念融合"),
        ("如何为基层减负", "怎么为基层减负"),
        ("任何为难的事", "任何为难的事"),
        # The lists by their count however it is said; 第六融合 is one of them.
        ("六大融合有哪些", "六个融合有哪些"),
        ("六脱节", "六个脱节"),
        ("第六融合是什么", "六是融合"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_the_original_words_of_a_part_are_read_in_users_questions_only() -> None:
    """A reader's filed question keeps its words, which its neighbours are ranked by."""
    asked = "理念融合这一条原文是怎么写的"
    assert normalize(asked) == "理念融合"
    assert normalize(asked, on_subject=True) == asked


def test_clean_keeps_letters_digits_and_plus_only() -> None:
    # English outside the vocabulary and not pinyin is one mark a word (see unknown_mark).
    marks = unknown_mark("drop") + unknown_mark("table")
    assert clean("<b>党建</b> & 业务; DROP TABLE") == "b党建b业务" + marks
    assert unknown_mark("drop") != unknown_mark("table")
    assert clean("😀🎉？！") == ""
    assert clean("\x00\x07两张皮\u200b") == "两张皮"


def test_clean_is_bounded() -> None:
    assert len(clean("党" * 100_000)) == MAX_QUERY_CHARS


def test_traditional_detection() -> None:
    assert looks_traditional("兩張皮是什麼意思")
    assert not looks_traditional("两张皮是什么意思")
    assert not looks_traditional("1+N")
    assert not looks_traditional("")
    # One character that exists only in Traditional decides: short questions have few of them.
    assert looks_traditional("六個融合有哪些")
    assert looks_traditional("什麼是理念融合")
    assert not looks_traditional("著名的两张皮问题")  # 著 is Simplified too
    assert looks_traditional("機關黨建")


def test_conversion_both_ways() -> None:
    assert to_simplified("著手治好當下") == "着手治好当下"
    assert to_traditional("两张皮是什么意思") == "兩張皮是什麼意思"


def test_fold_for_comparison_only_touches_whitespace_and_quotes() -> None:
    assert fold_for_comparison("“两张皮” \n问题") == '"两张皮"问题'
    assert fold_for_comparison("两张皮，问题") == "两张皮，问题"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two zhang pi how to fix", "两zhangpi怎么办"),
        ("what are the requirements for leaders", "什么要求负责人"),
        ("两张皮问题是指什么", "两张皮问题"),
    ],
)
def test_english_remedy_words_and_trailing_what_are_folded(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What kind of Party affairs staff does it want?", "什么样的党务干部"),
        ("Does it mention politics detached from business?", "政治脱节业务"),
        ("How can organ Party building serve the central work?", "机关党建服务中心工作"),
        # The first-time clarification's words, about the Opinion only (below: elsewhere not).
        ("Whose positioning and tasks has the Opinion defined?", "定位和任务意见明晰"),
        ("What disconnections does the Opinion list?", "脱节"),
        ("Was the Opinion based on practical experience?", "实践做法"),
        ("What does the Opinion say about chains of responsibility?", "责任链"),
        ("What does the document say about cadres at division level and above?", "处级以上"),
        # The whole document is the document: what runs throughout it is read.
        ("What runs throughout the whole document?", "贯穿始终"),
    ],
)
def test_english_words_for_the_interviews_terms(text: str, expected: str) -> None:
    assert expected in normalize(text)


@pytest.mark.parametrize(
    "text",
    [
        "What percentage of cadres work full time on Party affairs?",
        "How many Party affairs cadres does each department have?",
        "How much money goes to training?",
    ],
)
def test_english_counts_are_details_asked(text: str) -> None:
    """A count asked in English is held, as 多少 is, to a passage that gives one."""
    assert detail.asked(clean(text)) is not None


@pytest.mark.parametrize(
    "text",
    ["Who works in this building?", "How to build a team?", "Why does dark matter matter?"],
)
def test_everyday_english_is_not_read_as_the_interviews_terms(text: str) -> None:
    """建设 and 意义 are the interview's words; a building and dark matter are not."""
    read = normalize(text)
    assert "建设" not in read
    assert "意义" not in read


@pytest.mark.parametrize(
    "text",
    [
        "What is the mission of NASA?",
        "Where is the entry point of the subway?",
        "What are the basic rules of chess?",
        "What is a common misconception about vaccines?",
        "Please follow up with the client",
        "What's the big picture on climate change?",
        "Why does my opinion matter?",
        "What is the mission of the committee?",
        "Why does my document matter?",
        "Business examples",
        "The government building is new",
        # The interview's phrases in plain English, used of anything else (a fifth review).
        "biased views in the media",
        "two-way exchange of information in a marriage",
        "joint responsibility in a contract",
        "two-way exchange between army cadres and local cadres",
        "What does arm the mind mean in the Bible?",
        "What is the positioning of this phone?",
        "What are the tasks of my team defined for this week?",
        "What does the whole committee think of chains of responsibility?",
    ],
)
def test_english_names_for_the_interviews_terms_are_not_read_elsewhere(text: str) -> None:
    """The interview's terms are not read from everyday English words: a near-topic trap
    names the Party or cadres too, so no subject word can open them (two reviews found
    hundreds of off-topic messages answered when they were)."""
    read = normalize(text)
    for term in (
        "使命担当",
        "切入点",
        "基本遵循",
        "偏颇认识",
        "督促",
        "大局",
        "意义",
        "案例",
        "机关",
        "双向交流",
        "共同责任",
        "武装头脑",
        "定位",
        "任务",
        "明晰",
        "责任链",
    ):
        assert term not in read


@pytest.mark.parametrize(
    "text",
    [
        "What is the two skins problem?",
        "what does 'two skins' mean",
        "What's the two-skins issue",
        "What is the two skins problem, actually?",
        "Basically, what is the two skins problem?",
        "What does two skins actually mean?",
    ],
)
def test_what_the_two_skins_are_asked_in_english(text: str) -> None:
    """Read as 什么是两张皮: word by word it lost its 是 and reached the remedy's passage."""
    assert normalize(text) == normalize("什么是两张皮")
    assert normalize("What is the long-term cure for the two-skins problem?") != normalize(
        "什么是两张皮"
    )


def test_when_it_comes_to_asks_no_time() -> None:
    assert (
        detail.asked(clean("Which groups of cadres are singled out when it comes to study?"))
        is None
    )
    assert detail.asked(clean("When serving the central work, what should organs do?")) is None
    assert detail.asked(clean("When is the follow-up inspection?")) is not None
