"""Detail slots: a question asking for a date, a count, a place or a procedure the passage
does not give is declined, while one the passage does answer is still answered."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.core import detail
from bot.core.answering import Answerer, Kind, Status
from bot.core.detail import Slot
from bot.core.knowledge import KnowledgeBase
from bot.core.textnorm import clean


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("培训班什么时候开班", Slot.TIME),
        ("调研督促的具体时间安排", Slot.TIME),
        ("党组织一共有多少个", Slot.COUNT),
        ("支部书记任期几年", Slot.COUNT),
        ("理念融合是第几个", Slot.ORDINAL),
        ("观摩会在哪个城市", Slot.PLACE),
        ("观摩会在哪里举办", Slot.PLACE),
        ("机关党委书记怎么选举", Slot.PROCEDURE),
        ("工作法的评选标准", Slot.PROCEDURE),
        ("负责人叫什么名字", Slot.NAME),
        ("事业单位适用吗", Slot.APPLIES),
        ("会议召开时间", Slot.TIME),
        ("观摩会的时间地点", Slot.TIME),
        ("中心组学习的日程", Slot.TIME),
        ("近年来是指哪几年", Slot.TIME),
        ("培训的名额", Slot.COUNT),
        ("任职培训多少课时", Slot.COUNT),
        ("示范培训分几期", Slot.COUNT),
        ("任职培训要培训几天", Slot.COUNT),
        ("考核的分值", Slot.COUNT),
        ("青年干部多大年龄", Slot.COUNT),
        ("支部书记的选举办法", Slot.PROCEDURE),
        ("培训地点在哪", Slot.PLACE),
        ("示范培训的场地", Slot.PLACE),
        ("报纸哪里能买到", Slot.PLACE),
        ("培训在哪儿", Slot.PLACE),
        ("现场观摩在哪个单位", Slot.PLACE),
        ("督促组组长是谁", Slot.NAME),
        ("培训的讲师是谁", Slot.NAME),
        ("谁来讲课", Slot.NAME),
        ("这篇报道是谁写的", Slot.NAME),
    ],
)
def test_what_a_question_asks_for(question: str, slot: Slot) -> None:
    found = detail.asked(question)
    assert found is not None
    assert found[0] is slot


@pytest.mark.parametrize(
    "question",
    [
        "六个融合是哪几个",
        "有哪些融合",
        "两张皮是什么意思",
        "创新体现在什么地方",
        "问题出在哪里",
        "把党建和业务融合提上日程的背景是什么",
        "党务干部培训在哪些方面加强",
    ],
)
def test_which_ones_and_plain_questions_ask_for_no_detail(question: str) -> None:
    assert detail.asked(question) is None


def test_a_passage_answers_only_the_kinds_of_detail_it_holds() -> None:
    dated = "4月6日，省委直属机关工委有关负责人回答了记者的提问。"
    undated = "同时，适时对省直机关推进党建和业务融合情况进行调研督促。"
    assert detail.answers("采访是哪天", dated)
    assert not detail.answers("调研督促哪天开始", undated)
    assert detail.answers("从几个方面管住长期", "还从机制融合、队伍融合两个方面入手管住长期")
    assert not detail.answers("专职党务干部有多少", "配强专职、激活兼职")
    assert detail.answers("理念融合是第几个", "一是强化理念融合")
    # Which of the five questions: the citation under every answer names it.
    assert detail.answers("共同责任是在第几问说的", "是机关党的各级组织的共同责任")
    assert not detail.answers("任期几年", "六是注重队伍融合")
    assert detail.answers("工会适用吗", "以及工会、共青团、妇联等群团组织")
    assert not detail.answers("高校适用吗", "以及工会、共青团、妇联等群团组织")
    assert not detail.answers("怎么加入工会", "以及工会、共青团、妇联等群团组织")


@pytest.mark.parametrize(
    "question",
    [
        "现场观摩在哪个城市举行",
        "案例教材哪个月出版",
        "专职党务干部编制有多少",
        "机关党委书记怎么选举产生",
        "党务干部双向交流需要什么条件",
        "调研督促的具体时间安排",
        "支部书记任期几年",
        "意见什么时候截止",
        "工作法推出多少个",
        "现场观摩去哪里看",
        "哪月开展调研督促",
        "考核评价的具体标准是什么",
        "记者姓什么",
        "《意见》是哪位领导签发的",
        "党组书记是哪位领导",
        "党组织负责人由哪位领导任命",
        "专职党务干部怎么考核",
        "必研题有几道",
        "推荐几本书",
        # Each was answered with the passage on its topic until its detail words were read.
        "中心组学习的日程",
        "任职培训的开班时间",
        "党务干部轮岗交流的名额",
        "案例教材一共几章",
        # ... but how many pages the paper has, or has it in a row, is a count no passage gives.
        "河南日报一共几版",
        "河南日报今天有几版",
        "这篇报道连登几版",
        # 几版 alone asks something else: the pages a paper prints, a textbook's edition.
        "河南日报每天几版",
        "教材几版",
        "党建版在几版",
        "考核评价的分值",
        "调研督促的日程",
        "党务干部培训报名方式",
        # The interview says the Opinion was issued 近日: the day, asked for exactly, it lacks.
        "《意见》具体是几月几号印发的？",
        "意见具体是哪天印发的",
        "意见是哪一年哪一天正式印发的",
        "《意見》具體是哪天印發的？",
        # Any named role asked for by name: the interview names none but the Secretary-General.
        "河南日报总编辑是谁",
        "这篇报道的作者叫什么",
        "厅长叫什么名字",
        "河南省长叫什么名字",
        # When an activity takes place is no date of the report or the Opinion.
        "培训时间是多少",
        "党务干部培训时间是哪天",
        "现场观摩活动时间是几号",
        # How long or at what hour: no date answers it (an adversarial helper's probes).
        "采访时间持续了多久",
        "采访时间一般多长",
        "受访时间是几点",
        "培训持续多久",
        # Where the visits are held, asked in English: the interview names no place.
        "Where will the site visits take place?",
        "Where are the on-site observations held?",
        # Another interview than this one.
        "下次采访时间",
        "面试的受访时间",
    ],
)
def test_near_topic_detail_questions_are_declined(answerer: Answerer, question: str) -> None:
    result = answerer.ask(question)
    assert result.status is Status.UNKNOWN, (result.entry, result.suggestions)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("采访是哪一天", "interview"),
        ("访谈登在河南日报第几版", "report"),
        # 登在几版 and 几版刊登的 ask which page, as 第几版 does.
        ("登在几版", "report"),
        ("河南日报几版刊登的", "report"),
        ("治好当下的融合有几个", "now_and_long_term"),
        ("群团组织适用吗", "mass_organizations"),
        ("学用融合是第几个融合", "learning_integration"),
        ("“治好当下、管住长期”出自第几个问题", "now_and_long_term"),
        ("调研督促是第几问说的", "supervision"),
        ("党务干部要成为几种人", "cadre_goal"),
        # The kinds, aspects or levels a list names are counted by reading the list.
        ("意见的创新体现在几个层面", "innovations"),
        ("共同责任拓展到了多少类组织", "common_responsibility"),
        # "Which official answered the reporter" is answered by the office the interview names.
        ("记者采访的是哪位领导", "interview"),
        # 哪几点, 讲了几点 and 第几点 ask which points, not at what hour; 许多长期 is no 多长.
        ("目标融合强调哪几点", "goal_integration"),
        ("用党的创新理论要做到哪几点", "learning_integration"),
        ("意见主要讲了几点", "main_content"),
        ("队伍融合是第几点", "team_integration"),
        ("针对许多长期制约党建的问题，意见开了什么药方", "prescriptions"),
        # 近日 and the summary (no date given) answer a plain "which day"; the report's day is
        # given for the report.
        ("意见是哪天印发的", "when_issued"),
        ("这篇稿子具体是哪天发的", "report"),
        ("网上发布的具体日期", "report"),
        # Readers ask 发布时间 for the date the page shows; with 意见 named, for its issue.
        ("发布时间", "report"),
        ("发布日期", "report"),
        ("发布时间给我说下", "report"),
        ("意见发布时间", "when_issued"),
        ("印发时间", "when_issued"),
        ("文件是哪天发布的", "when_issued"),
    ],
)
def test_detail_questions_the_interview_answers_are_answered(
    answerer: Answerer, question: str, entry: str
) -> None:
    result = answerer.ask(question)
    assert result.status is Status.ANSWERED, (result.status, result.suggestions)
    assert result.entry == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # A list counted by a number the interview never gives it has no passage.
        ("意见里提出的“八个融合”分别是哪八个？", None),
        ("意见是不是只提了“三个脱节”？是哪三个？", None),
        ("七个脱节里第七个是什么？", None),
        ("八個融合是哪八個", None),
        # The interview's own counts, some of them named, one of them, or a count only asked
        # to be confirmed are answered as before.
        ("六个融合是哪六个", "main_content"),
        ("四个融合是哪四个", "now_and_long_term"),
        ("两个融合管长期是哪两个", "now_and_long_term"),
        ("六个脱节有哪些", "six_disconnects"),
        ("理念、导向、学用这三个融合分别讲什么", "main_content"),
        ("意见是不是一共提出了五个融合？", "main_content"),
        # A part of the list by its place, one of it, or a count corrected (an adversarial
        # helper's probes): the interview answers those.
        ("最后一个融合是啥", "team_integration"),
        ("前三个脱节是什么", "six_disconnects"),
        ("有一个脱节讲学习，是哪一个", "six_disconnects"),
        ("不是八个融合而是六个融合，是哪六个", "main_content"),
    ],
)
def test_a_list_miscounted_is_declined(
    answerer: Answerer, question: str, entry: str | None
) -> None:
    """意见提出的八个融合分别是哪八个 asks for a list the interview never gives: declined."""
    result = answerer.ask(question)
    if entry is None:
        assert result.status is Status.UNKNOWN, result
    else:
        assert (result.status, result.entry) == (Status.ANSWERED, entry), result


def test_the_page_lines_of_the_source_answer_when_it_was_posted(answerer: Answerer) -> None:
    result = answerer.ask("网页上标的发布时间是哪天")
    assert result.status is Status.ANSWERED
    assert "时间：2023-04-10" in result.reply


@pytest.mark.parametrize("question", ["新品发布时间", "政策的发布时间", "招聘信息发布时间"])
def test_what_else_was_published_is_not_the_pages_date(answerer: Answerer, question: str) -> None:
    """发布时间 of anything else named is not answered with the page's date (nor the Opinion's):
    it gets choices, as the README says."""
    assert answerer.ask(question).status is Status.SUGGESTED


def test_the_opinion_itself_is_not_who_it_applies_to() -> None:
    listing = "范畴拓展到省直工委、党组（党委）、机关党委、基层党组织以及工会、共青团、妇联"
    assert detail.answers("意见适用于哪些组织", listing)
    assert detail.answers("这个意见对哪些组织适用", listing)
    assert not detail.answers("高校适用这个意见吗", listing)
    assert detail.answers("我想知道工会适用吗", listing)


def test_a_batch_is_not_a_count() -> None:
    assert not detail.answers("工作法推出多少个", "分类别总结推出一批可学可看可借鉴的工作法")


@pytest.mark.parametrize(
    "question",
    [
        "1+N里的N具体是哪些",
        "1+N中N具体包括哪几项",
        "N指什么",
        "what is N in 1+N",
        "1+N路径具体有哪几条",
        "1+N破解路径有哪些",
    ],
)
def test_what_the_n_of_1_plus_n_stands_for_is_not_covered(
    answerer: Answerer, question: str
) -> None:
    """The interview names the 1+N path but never says what N is, nor lists its paths."""
    assert answerer.ask(question).status is Status.UNKNOWN


@pytest.mark.parametrize(
    "question", ["1+N是什么", "一加N", "1加n路径是啥", "什么是1+N", "什么是1+N破解路径"]
)
def test_1_plus_n_itself_is_still_answered(answerer: Answerer, question: str) -> None:
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, "one_plus_n")


def test_a_plain_when_is_answered_by_at_the_proper_time() -> None:
    """适时 is the whole answer the interview gives to "when"; a month or a schedule it lacks."""
    passage = "同时，适时对省直机关推进党建和业务融合情况进行调研督促。"
    assert detail.answers("调研督促啥时候搞", passage)
    assert detail.answers("调研督促什么时候开始", passage)
    assert not detail.answers("调研督促具体什么时候开始", passage)
    assert not detail.answers("调研督促哪个月开始", passage)
    assert not detail.answers("什么时候出版", "编印案例教材、开展现场观摩")
    # Whether there is a fixed schedule at all: 适时 says there is none.
    assert detail.answers("调研督促是定期搞还是看情况进行", passage)
    assert detail.answers("调研督促是不是定期的", passage)
    assert not detail.answers("调研督促每个季度搞一次吗", passage)
    assert detail.answers("工委会每个季度固定对融合情况调研督促一次对吗", passage)
    assert not detail.answers("考核是定期搞还是看情况", passage)


@pytest.mark.parametrize(
    "question",
    ["现场观摩定在哪个单位", "现场观摩放在哪个单位搞", "现场观摩第一站去哪个单位"],
)
def test_where_a_visit_is_held_asks_a_place(question: str) -> None:
    found = detail.asked(question)
    assert found is not None
    assert found[0] is Slot.PLACE


@pytest.mark.parametrize("question", ["思想政治工作放在哪做", "六个脱节是放在哪个融合下面讲的"])
def test_where_a_point_is_placed_in_the_text_asks_no_place(question: str) -> None:
    assert detail.asked(question) is None


def test_a_share_is_given_only_by_a_share() -> None:
    """六个脱节 counts six things; it says nothing of a proportion (比例, 占多少)."""
    passage = "针对党建和业务工作“六个脱节”问题，推出六个融合的破解之策"
    assert detail.answers("六个脱节一共有几个", passage)
    assert not detail.answers("党建考核结果跟奖金挂钩有没有具体比例", passage)
    assert not detail.answers("专职党务干部占多少", passage)
    assert detail.answers("专职党务干部按多少比例配备", "按不低于百分之一的比例配备")


def test_a_count_of_what_no_list_counts_is_given_only_in_its_own_unit() -> None:
    """六个融合 and 四个方面 count the items of a list: they say nothing of how many meetings,
    people, offices or points, which only a number in that unit answers."""
    passage = "从四个方面着手治好当下，推出六个融合的破解之策"
    assert detail.answers("六个融合有几个", passage)
    assert detail.answers("两张皮表现在几个方面", passage)
    assert detail.answers("意见分几个部分", passage)
    for question in (
        "治好当下要开几次会",
        "双向交流一年去多少人",
        "意见要求每年去几个人交流",
        "观摩活动一年搞几场",
        "省直机关有几个党组织",
        "融合工作法要评几家单位",
        "示范培训有多少名额",
        "必研题有几道",
        "学习要拿多少学分",
        "融合工作法奖励多少钱",
    ):
        assert not detail.answers(question, passage), question
    assert detail.answers("示范培训去几个人", "每期选派三名干部参加示范培训")
    assert detail.answers("现场观摩开几回", "全年开展两次现场观摩")
    # Read once punctuation is gone (管长期的融合有几个，分别是啥): the next word may start
    # with a unit.
    assert detail.answers("管长期的融合有几个分别是啥", passage)
    assert detail.answers("脱节有几个分别叫什么", passage)


def test_how_long_the_problem_has_been_there_is_answered_by_long_standing() -> None:
    """长期制约着 is all the interview says of how long 两张皮 has been there; any other "how
    long" (an expiry, a course) still wants a time the passage lacks."""
    passage = "党建和业务工作“两张皮”问题，长期制约着机关党的建设质量提升。"
    assert detail.answers("两张皮这毛病存在多久了", passage)
    assert detail.answers("两张皮问题存在多长时间了", passage)
    assert detail.answers("两张皮有多久了", passage)
    assert not detail.answers("两张皮这毛病存在多久了", "编印案例教材、开展现场观摩")
    assert detail.answers("两张皮制约机关党建多长时间了", passage)
    assert detail.answers("这个毛病有多久了", passage)
    assert not detail.answers("意见的有效期有多久", passage)
    assert not detail.answers("示范培训持续多久", passage)
    # How long anything else has been there: the passage says nothing of it.
    assert not detail.answers("省委直属机关工委存在多久了", passage)
    assert not detail.answers("形式主义存在多久了", passage)
    assert not detail.answers("这个文件有多久了", passage)


@pytest.mark.parametrize(
    "question",
    ["两张皮这毛病存在多久了", "我们机关党建和业务为啥老是两层皮，这个问题存在多久了"],
)
def test_how_long_two_skins_has_been_there_is_answered(answerer: Answerer, question: str) -> None:
    """By the entry whose summary says 长期 too (two entries quote the passage)."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, "two_skins"), result


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        # 没多久 and 不多久 are "soon after", told; 多久 alone asks how long.
        ("整改完没多久又冒出来了，意见怎么说", None),
        ("不多久就又两张皮了，访谈里怎么讲", None),
        ("示范培训要上多久", detail.Slot.TIME),
        ("示范培训一共多少课时", detail.Slot.COUNT),
        ("上课时老师说示范培训有几天？", detail.Slot.COUNT),
    ],
)
def test_soon_after_and_class_hours_are_told_apart(
    question: str, slot: detail.Slot | None
) -> None:
    """没多久 tells when something happened; 多久 and 课时 ask a detail."""
    found = detail.asked(question)
    assert (found and found[0]) == slot


@pytest.mark.parametrize("question", ["省委直属机关工委存在多久了", "六个脱节存在多久了"])
def test_how_long_anything_else_has_been_there_is_declined(
    answerer: Answerer, question: str
) -> None:
    assert answerer.ask(question).status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("前几天印发的那个破解两张皮的意见是谁发的", "issuer"),
        ("十几天前印发的意见叫什么名字", "title"),
        ("好几期培训要研究的必研题是什么", "must_study"),
        ("十几期培训都要研究必研题吗", "must_study"),
        ("意见是把过去几年的经验提炼出来的吗", "origin"),
        ("一旦放松，过不了几天两张皮就会反复发作吗", "common_ailment"),
        ("党建和业务融合要贯穿工作全过程，不分时间地点吗", "idea_integration"),
        ("两张皮问题放松几天就会反复发作吗", "common_ailment"),
        ("党务干部的选拔方式", "cadre_goal"),
        # 上课时 is when a class is held, not its class hours (课时).
        ("给搞组织工作的同志上课时会讲两者结合吗？", "must_study"),
    ],
)
def test_a_few_days_and_any_time_or_place_ask_for_no_detail(
    answerer: Answerer, question: str, entry: str
) -> None:
    """前几天, 好几期 are a few, not how many; 上课时 is no class hours; 不分时间地点 sets time
    and place aside."""
    assert detail.asked(question) is None
    assert answerer.ask(question).entry == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("我下个月要去参加培训，培训会讲融合吗", "must_study"),
        ("年底要写总结，意见的意义是什么", "significance"),
        # A time the question itself asks is still a time asked.
        ("我下个月要参加培训，培训什么时候开班？", None),
        ("下个月的培训安排是什么", None),
        ("下个月案例教材就印好了，是吧", None),
        ("我下个月要参加任职培训，培训地点在哪", None),
        ("今年要办专项培训，谁来讲课", None),
        ("我下个月要参加任职培训，住宿怎么安排", None),
        ("俺下个月要参加培训，培训在哪儿", None),
        ("处长让我查查，这篇报道是谁写的", None),
        ("年初要开展调研督促，督促组组长是谁", None),
        # A scene about something else keeps its time: what is asked may be about it.
        ("年底要搞年会，这份文件怎么落实落地", None),
        ("我们每年都搞年会，这份文件怎么落实落地", None),
    ],
)
def test_a_time_in_the_askers_scene_is_not_asked(
    answerer: Answerer, question: str, entry: str | None
) -> None:
    """下个月 in 我下个月要去参加培训 says when the asker goes; it asks no date."""
    result = answerer.ask(question)
    assert result.entry == entry, result
    assert (result.status is Status.ANSWERED) is (entry is not None)


def test_a_scene_of_another_errand_leaves_a_plain_question_unasked_for_a_date(
    answerer: Answerer,
) -> None:
    """What is asked after any scene, in the interview's words and not pointing back at the
    scene, asks no date: 年底 is when the asker writes the report."""
    result = answerer.ask("年底要写述职报告，想问机制融合要实现啥目标？")
    assert (result.status, result.entry) == (Status.ANSWERED, "mechanism_integration"), result


@pytest.mark.parametrize(
    "question",
    [
        "年底要搞年会，到时候意见有要求吗",
        # In the interview's words but for 那时候: without the pointing-back check, answered.
        "年底要搞年会，那时候机制融合要实现什么目标",
    ],
)
def test_a_question_pointing_back_at_its_scene_keeps_the_scenes_time(
    answerer: Answerer, question: str
) -> None:
    assert answerer.ask(question).status is Status.UNKNOWN


def test_how_long_something_takes_is_given_only_by_a_length_of_time() -> None:
    """四个方面 counts, and is no number of years; the day of the interview (4月6日) is no
    number of months.  这几年 and 前几年 are a while ago, not a question of how long."""
    passage = "从理念融合、导向融合、学用融合、目标融合四个方面着手治好当下。4月6日"
    assert not detail.answers("治好当下管住长期要花几年时间", passage)
    assert not detail.answers("长期是指几年", passage)
    assert not detail.answers("双向交流要交流几个月", passage)
    assert detail.answers("治好当下从几个方面着手", passage)
    assert detail.answers("这几年总结了多少个方面", passage)
    assert detail.answers("培训要几个月", "培训为期三个月")


def test_who_said_a_saying_is_answered_only_by_the_passage_that_says_it() -> None:
    """The passage holding the saying answers who said it (Xi where he 指出 it, the official
    or the Opinion where they say it); one that only names Xi (贯彻落实习近平总书记关于…论述)
    does not, nor one arguing against the saying (针对…偏颇认识), and who first coined it is
    never given.  To whom (对谁说的) and whom it means (指谁) ask no speaker."""
    said = (
        "习近平总书记在中央和国家机关党的建设工作会议上指出，解决“两张皮”问题，关键是找准"
        "结合点，推动机关党建和业务工作相互促进。"
    )
    named = "《意见》把贯彻落实习近平总书记关于机关党建重要论述和党的二十大精神贯穿始终"
    ailment = "“两张皮”问题并不是“顽症”、更不是“癌症”，而是“常见病”，一旦放松就会反复发作"
    assert detail.answers("找准结合点这话是谁讲的", said)
    assert detail.answers("找准结合点这个说法是谁提出来的", said)
    # Xi's words in the asker's own: some of his words, where he is quoted.
    assert detail.answers("党建跟业务要互相带动，这话是谁在啥场合讲的", said)
    assert detail.answers("常见病这句话是谁说的", ailment)
    assert detail.answers("这句话是谁说的：两张皮一旦放松就会反复发作", ailment)
    assert not detail.answers("常见病这句话是谁说的", said)
    assert not detail.answers("两张皮这个说法最早是谁提出的", said)
    assert not detail.answers("六个脱节这个提法是谁最先提出的", named)
    assert not detail.answers("六个融合是哪位领导提出来的", named)
    assert not detail.answers(
        "服务经济才是服务中心这句话是谁说的", "针对“服务经济才是服务中心”等偏颇认识"
    )
    assert detail.asked("贴心人是对谁说的") is None
    assert detail.asked("贴心人这个说法是指谁") is None
    # Whose remarks the Opinion carries out is still answered by his name.
    assert detail.answers("意见贯彻的是哪位领导的论述", named)
    # Quoted, a saying is asked word for word: the subject's words 党建 and 业务 alone do not
    # make it Xi's.  Quoted words he did say still are.
    assert not detail.gives(
        Slot.NAME, "抓党建就是抓业务这个说法是谁提出的", said, {"抓党建就是抓业务"}
    )
    assert not detail.gives(
        Slot.NAME, "党建和业务要融合这个提法是谁提出的", said, {"党建和业务要融合"}
    )
    assert detail.gives(Slot.NAME, "找准结合点这话是谁说的", said, {"找准结合点"})
    assert detail.gives(
        Slot.NAME, "党建和业务要相互促进这话是谁在哪说的", said, {"党建和业务要相互促进"}
    )
    # Unquoted, the same words may be the asker's own telling of his.
    assert detail.gives(Slot.NAME, "党建和业务要融合这个提法是谁提出的", said)


@pytest.mark.parametrize(
    "question",
    [
        "这句话是谁说的",
        "请问这句话是谁说的呀？",
        "这个提法是谁提出来的啊",
        "哪个领导说的？",
        "這句話是誰說的",
        "老师好，这句话是谁说的？谢谢",
        "上面那句话是哪个领导说的",
        "这句话出自哪位领导",
        "谁讲的这句话",
        "这段话是谁讲的？",
        "这句话是习近平说的吗",
        "这是谁的话",
        "谁说的",
        # What follows the question is why it is asked, not the saying.
        "这句话是谁说的啊，领导让我标注出处",
        "这句话是谁说的？我要写进材料",
    ],
)
def test_who_said_this_with_no_saying_asks_which_saying(answerer: Answerer, question: str) -> None:
    """No passage is a guess at which saying "this" is: the reply asks for it."""
    # The whole question, or its first clause when why it is asked follows (…，领导让我标注出处).
    first_clause = re.split("[，,。！!？?；;\n]", question, maxsplit=1)[0]
    assert detail.names_no_saying(clean(question)) or detail.names_no_saying(clean(first_clause))
    result = answerer.ask(question)
    assert (result.status, result.kind, result.entry) == (Status.UNKNOWN, Kind.VAGUE, None)
    assert "哪句话" in result.reply or "哪句話" in result.reply


@pytest.mark.parametrize(
    "question",
    [
        "服务经济才是服务中心这句话是谁说的",
        "六个脱节这个提法是谁最先提出的",
        "服务经济才是服务中心的说法是哪个厅的领导提的",
        "治好当下管住长期要花几年时间",
        "机制融合队伍融合管住长期，长期是指几年",
        "记者是哪个报社的哪位",
        "省委直属机关工委有关负责人回答了记者的提问，记者是哪家媒体的谁",
        "任职培训的必研题由哪位老师讲",
        "上升到制度层面研究出台意见花了几个月",
        "任职培训要上几周课？",
        "现场观摩一次搞几天？",
        "记者是河南日报哪个部门的？",
        "记者在哪采访的工委负责人？",
        "“常见病”这个比喻最早是谁用的？",
        "“内行人”这个说法是谁第一个提出来的？",
        "“抓党建就是抓业务”这个说法是谁提出的",
        "「黨建和業務要融合」這個提法是誰提出的",
        "“找准结合点就能解决一切问题”这句话是谁说的",
        "“关键是找准切入点”这句话是谁说的",
        # Quoted with no saying word, the quoted words are the saying (the second helper's).
        "“解决两张皮问题关键是加强考核”是谁说的",
        "“党建业务两手抓、两手都要硬”是谁说的",
        # 的 inside the quotation marks, left out of the saying, still marks it quoted.
        "“推动党建和业务融合发展是党组书记的第一责任”这句话是谁说的",
        # The subject's words alone are no one's saying.
        "“两张皮”是谁提出的",
        "两张皮这句话是谁说的",
        "“关键是找准结合点”这句话是总书记第一次提吗",
        "“常见病”这个比喻是谁首创的",
        "两张皮这个说法的起源是谁",
        "两张皮这个说法是谁发明的",
        "第一个提出“两张皮”的是谁",
        "谁最先提出党建和业务两张皮这个问题",
        "现场观摩能不能旁观",
        "先进工作法会表彰吗",
        "融合工作法要评几等奖",
        "会不会搞飞行检查",
        "调研督促会不会搞突然袭击",
        "调研督促会不打招呼吗",
    ],
)
def test_who_said_it_how_long_it_takes_and_the_reporters_name_are_declined(
    kb: KnowledgeBase, question: str
) -> None:
    """Each was answered with the passage on its topic (found by an adversarial helper), with
    no reader's like question to decline it."""
    answerer = Answerer(replace(kb, asked_out_of_scope=()))
    assert answerer.ask(question).status is Status.UNKNOWN


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("找准结合点这话是谁讲的", "xi_remarks"),
        ("党建和业务要相互促进，这话是谁在哪说的", "xi_remarks"),
        ("接受记者采访的是谁", "interview"),
        ("记者采访的谁", "interview"),
        ("意见是把过去几年的经验提炼出来的吗", "origin"),
        ("常见病这句话是谁说的", "common_ailment"),
        ("这句话是谁说的：两张皮一旦放松就会反复发作", "common_ailment"),
        ("请问“找准结合点”这话是谁说的", "xi_remarks"),
        ("「找準結合點」這話是誰說的", "xi_remarks"),
        ("党建和业务之间要互相带动，这话是谁讲的", "xi_remarks"),
        ("“抓党建强业务”这个说法是谁提出的", "team_integration"),
        ("找准结合点这句话出自哪位领导", "xi_remarks"),
        ("“解决两张皮问题关键在于找准结合点”这句话是谁说的", "xi_remarks"),
        ("“找准结合点”是谁说的", "xi_remarks"),
        ("“常见病”是谁提出的", "common_ailment"),
        ("意见首次提出的“共同责任”这个说法是什么意思", "common_responsibility"),
        # Firsts that are no saying's first use.
        ("下一步举措里最先提到的是哪个", "must_study"),
        ("六个融合里第一个融合是什么？", "idea_integration"),
        # Words of the near-topic declines in the asker's situation.
        ("党员突击队在服务中心工作中要做什么", "goal_integration"),
        ("年底要搞评比了，党建考核和奖惩脱节是什么意思", "six_disconnects"),
        # Whom the reporter interviewed, not the reporter's name.
        ("记者是采访的谁", "interview"),
        # Some years or months of the asker's own, not a question of how long.
        (
            "我到省直机关几年了，一直觉得党建和业务是两张皮，意见说的六个融合是什么？",
            "main_content",
        ),
        ("干了几个月的专职党务，意见说党务岗位是培养锻炼干部的什么平台？", "party_post_platform"),
        ("我刚调到省直机关几个月，六个融合具体是哪六个？", "main_content"),
    ],
)
def test_who_said_what_the_interview_quotes_is_still_answered(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    answerer = Answerer(replace(kb, asked_out_of_scope=()))
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("我们处想找几个样板学一学，工委会不会推出一些好的工作方法让大家借鉴？", "work_methods"),
        ("我们处有几个年轻干部，意见对青年干部学理论有啥要求", "learning_groups"),
        ("进机关几年了，党务干部要成为哪三种人", "cadre_goal"),
        # A time likewise, unless the question points back at it.
        ("我们厅每年都要开好几个大会，重要工作会议也算党建的结合点吗", "entry_points"),
        ("每年我们都搞集中教育，重大集中教育活动算不算党建的结合点", "entry_points"),
        # The asker's time or plan tells, and asks nothing.
        ("我今年时间比较紧，意见的主要内容有哪些", "main_content"),
        ("我在机关党委干了多少年自己都记不清了，意见首次明晰了什么", "clarified_roles"),
        # What is asked names the next steps' own terms, not the subject's words.
        ("我下个月要去示范培训，培训的必研题是什么", "must_study"),
        ("我们处有几个同志是专职党务干部，专职和兼职的有啥要求", "full_and_part_time"),
        # A story of the asker's unit or colleagues, or of what was done with no one named,
        # and one before 1+N (the third helper's probes).
        ("支部开了几次会，什么是理念融合", "idea_integration"),
        ("同事们开了几场研讨，什么是目标融合", "goal_integration"),
        ("编了几本学习笔记，党务干部要成为什么样的人", "cadre_goal"),
        ("派了几名同志去挂职，双向交流指什么", "two_way_exchange"),
        ("我今年要写1+N的材料，1+N破解路径是什么", "one_plus_n"),
        # How often the asker's unit does something, even pointed back at: a habit, no time.
        (
            "我们厅领导班子每个月都集体学一次理论，文件希望这种班子集体学习在推动学习上发挥什么作用？",
            "learning_groups",
        ),
        # ... and a time asked after it is still asked.
        ("我们支部每个月都学习一次，意见什么时候印发的", "when_issued"),
    ],
)
def test_a_count_in_the_askers_situation_is_not_asked(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    """几个 or 几年 (or 每年) in a clause before the question tells of the asker; the question
    after it asks for no count (or time)."""
    answerer = Answerer(replace(kb, asked_out_of_scope=()))
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


@pytest.mark.parametrize(
    "question",
    [
        "我们处有几个人，意见要求配几个专职党务干部",
        "工委要推出几个工作法，我们处报哪个",
        "下个月要开会，这个会要讲融合吗",
        # A clause that asks its count or time is no story (the third helper's probes).
        "调研督促每年搞几次，督促的是融合情况吗",
        "示范培训一次几天，党建和业务融合是示范培训的必研题吗",
        "意见什么时候开始实施，意见有什么意义",
        "工委今年推出几个工作法？融合工作法可学可看吗",
        # The asker's own words first, asking (我想问问…什么时候): no story.
        "我想问问示范培训什么时候办，意见里有讲吗",
        "我想知道调研督促一年搞几次，意见里提到没",
        # A clause after the question asks (the fourth helper's probes), and so does a story
        # followed only by whether the text says it.
        "意见对专职党务干部有要求，我们处得配几个",
        "意见要编印案例教材，我们处能领几本",
        "任职培训讲融合吗，我们几号开班",
        "咱们处应该配几个专职党务干部，意见里有规定吧",
        "我们处今年要派几个人去示范培训，意见里说了吗",
        "融合工作法推出几个了，意见有提吧",
        # Whether the text gives a number, a standard or a quota (the fifth helper's probes).
        "每年双向交流几个干部，意见里有数吗",
        "今年案例教材编几本，文件有具体数字吗",
        "咱们处得配几个专职党务干部，文件给了标准没",
        "我们处下个月要开现场观摩会，意见里对此有时间要求吗",
        "我们处今年要派几个人去示范培训，意见里提没提",
        # Counts after 了 or 去, and in units no passage counts by.
        "示范培训开了几次了，意见里写了吗",
        "案例教材已经编了几本了",
        "现场观摩每次去几人",
        "示范培训分几批进行",
        "融合工作法分几批推出",
        "任职培训学几门课",
        "专职党务干部要配几各",
    ],
)
def test_a_count_asked_in_the_last_clause_is_still_asked(kb: KnowledgeBase, question: str) -> None:
    answerer = Answerer(replace(kb, asked_out_of_scope=()))
    assert answerer.ask(question).status is Status.UNKNOWN
