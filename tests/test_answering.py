"""The core's answers: right passages, honest refusals, small talk, and no crash on any input."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.answering import Answerer, Kind, Status
from bot.core.asides import split_situation
from bot.core.evaluation import evaluate, leave_one_out, read_questions
from bot.core.knowledge import KnowledgeBase, interview_paragraphs
from bot.core.matcher import Candidate
from bot.core.textnorm import fold_for_comparison
from tests.answers import answers_with

DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("两张皮是什么意思", "two_skins"),
        ("两张披是什么", "two_skins"),
        ("兩張皮指的是什麼？", "two_skins"),
        ("liangzhangpi", "two_skins"),
        ("请问六个融合有哪些？", "main_content"),
        ("六个拖节", "six_disconnects"),
        ("理念溶合", "idea_integration"),
        # The Opinion's own background and 1+N, asked so, or a wrong path to correct.
        ("出台的背景", "background"),
        ("1+N的意义", "one_plus_n"),
        ("下一步是探索构建1+3破解路径，对吗", "one_plus_n"),
        ("What is the main content of the opinion?", "main_content"),
        ("What is the remedy for the two skins problem?", "prescriptions"),
        ("What are the innovations of the Opinion?", "innovations"),
        # Of it, of the latest opinion: what follows of/for/to points back or is the Opinion.
        ("What is the purpose of it?", "purpose"),
        ("What is the main content of the latest opinion?", "main_content"),
        ("What is the key to tackling the two skins problem?", "guarantee_and_key"),
        ("对伍融合", "team_integration"),
        ("1+N", "one_plus_n"),
        ("１＋Ｎ", "one_plus_n"),
        ("我想知道《意见》是谁印发的吗", "issuer"),
        ("明白人内行人贴心人", "cadre_goal"),
        ("服务经济才是服务中心", "misconception"),
        ("为什么说两张皮是常见病", "common_ailment"),
        ("如何推动意见落实落地", "implementation"),
        # One item of the six: the list's name does not pull it to the passage listing all six.
        ("六个融合的最后一个是什么", "team_integration"),
        ("六个融合里的第三个", "learning_integration"),
        # "The report says …" names where it was read; the question is what follows.
        ("报道里说两张皮是什么", "two_skins"),
        ("文章中提到的长期药方是什么", "prescriptions"),
        # Which units: the scope of the responsibility and whose roles were made clear.
        ("责任范围扩到哪些单位了", "common_responsibility"),
        ("首次明晰了哪些单位的定位", "clarified_roles"),
        ("这份文件把负责的范围扩大到了哪些单位", "common_responsibility"),
        ("责任主体包括哪些单位", "common_responsibility"),
        # Whether this piece ran on the front page (it ran on page 4); no time for the whole
        # text; the first of the six countermeasures.
        ("这篇采访是登在河南日报头版的吗", "report"),
        ("是登在第4版还是头版", "report"),
        ("我没时间看全文，意见主要内容是啥，给我说说", "main_content"),
        ("六条对策里，第一条针对思想认识层面的是怎么表述的", "idea_integration"),
        ("两张皮的文件是谁发的", "issuer"),
        # How the interview words something is what it says (not how to write one).
        ("这篇报道的标题怎么写的", "report"),
        ("这份文件完整的标题怎么写", "title"),
        ("那篇报道的原标题怎么写的", "report"),
        # What runs through the whole text is no request for the whole text.
        ("全文贯穿始终的主线是啥", "guiding_principles"),
        # 标题 alone, on the report's page, is its headline; the Opinion's is asked by name.
        ("标题", "report"),
        ("标题是啥", "report"),
        ("处长让我查查，两张皮问题是什么意思", "two_skins"),
        ("党务干部培训在哪些方面加强", "training"),
        ("放松时间长了会反复吗", "common_ailment"),
        ("意见的标题", "title"),
        ("省委直属机关工委那份意见是哪年发的", "when_issued"),
        # When the Opinion came out and when the interview took place, what the Opinion is
        # called: English puts "when" first, and a reader's out-of-scope "On exactly what date
        # was the Opinion signed and issued?" stood nearer word by word.
        ("When was the opinion issued?", "when_issued"),
        ("When did the committee issue the opinion?", "when_issued"),
        ("When did the interview take place?", "interview"),
        ("What is the opinion called?", "title"),
        # Who gave the interview, asked as a whole.
        ("Who gave the interview?", "interview"),
        ("Who actually gave the interview?", "interview"),
        # The interview's date asked with nothing else named: 4月6日, not the page's 4月7日.
        ("采访日期", "interview"),
        ("採訪時間是哪天", "interview"),
        ("这次访谈的日期是什么时候", "interview"),
    ],
)
def test_answers_with_the_right_entry(answerer: Answerer, question: str, entry: str) -> None:
    result = answerer.ask(question)
    assert result.status is Status.ANSWERED
    assert result.entry == entry


@pytest.mark.parametrize(
    "question",
    [
        "入党申请书怎么写",
        "党费怎么交",
        "三会一课",
        "工委办公地址",
        "今天天气怎么样",
        "省委直属机关工委电话多少",
        "我写了篇小说，标题是什么？",
        "这首歌的标题是什么",
        "处长让我查查",
        "主任叫我看看这篇报道，负责人是哪年出生的",
        # Another field's integration in the frame of the Opinion's (adversarial helpers'
        # probes: 机制融合要达到什么目标 had answered them).
        "科教融合要达到什么目的",
        "产学研融合的目的",
        "党建引领产业融合要实现什么",
        # A life story, which the interview never tells (an adversarial helper's probes).
        "麻烦说说习近平总书记的生平",
        "负责人的简历",
        "处长要我看看这篇报道，还有没有其他报纸转载",
        "主任叫我问问示范培训的地点",
        "处长让我写个党建和业务融合的新闻稿",
        "谁是记者",
        "who is the reporter",
        "党的二十大是什么时候开的",
        "习近平是什么时候说的",
        # Named in the interview but never explained (not_explained).
        "中国式现代化是什么",
        "什么是二十大精神",
        "党章是啥",
        "什么是党章",
        # Everyday English the vocabulary leaves alone (textnorm's English words).
        "the entry point of the river",
        "how to share responsibility in a marriage",
        "How to improve the ability of a football team",
        "What's new?",
        "internet disconnection problems",
        "I posted my article online",
        # Which units did or are something: the interview names none.
        "第一批融合工作法有哪些单位入选",
        "哪些单位被评为党建和业务融合示范单位",
        "哪些单位的融合工作法被选为案例了",
        "哪些单位存在两张皮问题",
        "哪些单位的定位还不清楚",
        # Who issued, or when, something else named: only the Opinion's issuer is given.
        "月饼是谁发的",
        "奖金是哪个部门发的",
        "华为Mate60什么时候发布的",
        # How to write one's own text is not how the report words its own; nor is a reporter's
        # name given.
        "公文标题怎么写",
        "新闻稿标题怎么写",
        "入党申请书怎么写的",
        "河南日报这篇是哪个记者写的",
        "新闻报道的标题怎么写的",
        "工会的全称怎么写的",
        "这篇报道的英文标题怎么写的",
        "试点范围扩大到哪些单位",
        "首次明确了哪些单位的定位要调整",
        # Another field's responsibility; what else the front page carried or another paper's;
        # where the whole text is; an article of the Opinion or of something else.
        "安全生产责任主体包括哪些单位",
        "审计厅负责的范围扩大到哪些单位",
        "河南日报头版是什么新闻",
        "4月7日河南日报头版登了什么",
        "大河报登在头版吗",
        "这篇采访的照片登在头版吗",
        "没时间看全文，全文在哪下载",
        "意见原文在哪看全文",
        "党章贯穿全文的是什么",
        "意见第一条是什么",
        "党章第一条是什么",
        "工作要点第一条是什么",
        "规章制度第一条",
        # When the paper or the working committee was founded.
        "河南日报是哪年创办的",
        "工委是哪年成立的",
        # Pay, appointment and age of the people it names, asked right after their title
        # (负责人工资: 人工 is no word there).
        "党组织负责人工资怎么发",
        "How are heads of party organizations paid?",
        "How are party organization leaders paid?",
        "Who appoints party organization leaders?",
        "How old are party organization leaders?",
        # Another thing's highlights, meaning or background: offered at most, never answered.
        "政府工作报告的亮点",
        "民法典的意义",
        "新质生产力的背景",
        # What the Opinion's English words say of another thing.
        "What is the main content of the Bible?",
        "What are the innovations of Apple?",
        "What is the key to success?",
        "What's the long-term remedy for inflation?",
        "Where are my keys?",
        # Of the paper, what the interview never says.
        "Who is the editor of Henan Daily?",
        "How do I subscribe to Henan Daily?",
        # Sums are no 1+N.
        "What is 1+1?",
        "1+2是什么",
        # When something else came out or took place; what anything else is called.
        "When was the iPhone 15 released?",
        "When did the job interview take place?",
        "what is it called",
        "When did they release it?",
        # Two common words no phrasing resembles, however many of the entry's words they are.
        "什么是干部",
        "When was it announced?",
        # Who gave another interview.
        "Who gave the interview to CNN?",
        # Of an interview's date, what else is asked: booking, mistakes, how long, what hour.
        "采访时间怎么预约",
        "采访日期填错了怎么办",
        "访谈时间有多长",
        "采访时间是几点",
        "明天采访时间",
        "采访时间怎么办",
        "访谈日期什么意思",
    ],
)
def test_near_topic_and_far_questions_are_not_answered(answerer: Answerer, question: str) -> None:
    result = answerer.ask(question)
    assert result.status is not Status.ANSWERED
    assert result.entry is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("处长让我查一下，这个意见是哪个单位印发的", "issuer"),
        ("主任叫我问问，学用融合具体是什么要求", "learning_integration"),
        ("部长要我问问，意见出台的背景是什么", "background"),
        # Sent to look up what the question asks: what is looked up is asked.
        ("主任让我查一下习近平总书记关于解决两张皮问题的关键是怎么说的", "xi_remarks"),
        ("处长让我查查意见是怎么形成的，是不是总结实践做法后上升到制度层面的", "origin"),
        ("主席让我查一下《意见》的主要内容有哪些", "main_content"),
        ("处长让我查查处级以上领导干部学习有啥要求", "learning_groups"),
        ("主任叫我问问示范培训的地点", None),
        # No superior of the asker's in the organs (an adversarial helper's probes).
        ("班主任说要学以致用，高考怎么复习", None),
        ("村主任说村里党建和业务两张皮，意见管村里吗", None),
        ("处长让我查一下意见里对处长有什么要求", None),
        # What is looked up about the one who sent the asker, or their unit, is about them.
        ("处长让我查一下他要不要参加示范培训", None),
        ("处长让我问一下我们处该怎么落实六个融合", None),
        ("主任让我了解一下领导本人在理论学习中心组的任务", None),
        # A superior's question or claim passed on: what follows is asked.
        ("我们业务处长说党建是机关党委的事，推动融合发展到底是谁的责任", "common_responsibility"),
        ("处长问我，六个融合是哪六个", "main_content"),
        ("我们工会主席问群团组织有没有推动融合的责任", "mass_organizations"),
        # 领导 sends too; left in, its 导 drew 导向融合 (a helper's probes).
        ("领导让我下周汇报，我想问一下，机制融合是啥，麻烦说说，谢谢", "mechanism_integration"),
        ("领导让我下周汇报，我想问一下，怎么落地，麻烦说说，谢谢", "implementation"),
        # The office asked about, or the errand, is still declined.
        ("处长是谁", None),
        ("处长让我学这份意见，处长的待遇有规定吗", None),
        ("处长让我查党费标准，意见里怎么说", None),
        ("处长让我查，意见是几号文", None),
        ("处长让我查，意见的印发范围是什么", None),
        # Sent on another errand, or an office that speaks: what they do or said is asked.
        ("处长让我写年终总结，主要内容有哪些", None),
        ("部长讲话的主要内容有哪些", None),
        ("社长说河南日报什么时候改版", None),
        ("处长说的话算不算数", None),
        ("处长问我工资什么时候涨", None),
        ("处长讲课的题目怎么定", None),
        ("党建考核不合格的处长会被免职吗", None),
    ],
)
def test_an_office_that_only_sends_the_asker_is_not_asked_about(
    answerer: Answerer, question: str, entry: str | None
) -> None:
    """处长让我查查 says who sent the asker; 处长 asked about is still not covered."""
    result = answerer.ask(question)
    assert result.entry == entry, result
    assert (result.status is Status.ANSWERED) is (entry is not None)


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        (
            "我们厅业务骨干多，懂党务的少，每次让人兼党务都推来推去。领导让我想办法。"
            "意见对党务干部队伍建设是怎么要求的？",
            "team_integration",
        ),
        (
            "我刚从业务处调到机关党委，心里没底，以前没干过党务。同事让我先读这篇采访。"
            "意见希望党务干部成为什么样的人？",
            "cadre_goal",
        ),
        (
            "我们党组中心组每个月都学一次，可学的东西跟业务不沾边。我是中心组秘书，想改一改。"
            "意见对中心组有什么说法？",
            "learning_groups",
        ),
        # Another document named in the situation is what 那个意见 means.
        (
            "我们厅去年印发了关于加强干部队伍建设的意见。今年要总结。"
            "那个意见对党务干部队伍有什么要求？",
            None,
        ),
        # A situation outside Party work (大家意见很大 is complaints, 干部 only who).
        (
            "我们单位食堂每天的菜都差不多，供应和大家的口味对不上。干部们意见很大。"
            "这是不是意见里说的供和需脱节？",
            None,
        ),
        # A question is no situation.
        ("中央和国家机关有没有出过类似破解两张皮的文件？叫什么名字，哪年发的", None),
        # The situation in the leading clauses of one sentence, joined by commas.
        ("最近领导一直强调破解两张皮，导向融合是什么意思", "orientation_integration"),
        ("我刚当上处里的支部书记，哪几个融合是管住长期的", "now_and_long_term"),
        ("我们单位党建和业务两张皮很严重，推动融合是谁的责任", "common_responsibility"),
        # Where in the organs the asker stands (处长, 排名) is no part of the question...
        ("我们支部书记同时是业务处长，机制融合具体抓哪两手", "mechanism_measures"),
        ("我们处党建考核去年排名靠后，意见对考核评价有什么要求", "mechanism_measures"),
        # ...but another place or life says the situation is not the organs'.
        ("我们公司销售和研发是两张皮，怎么破解两张皮？", None),
        ("我女朋友和我总是两张皮，意见有什么长期药方？", None),
        # The question alone overrules an answer the situation's words pulled (年轻人).
        ("我们支部党员大多是年轻人，导向融合讲的是什么", "orientation_integration"),
        # A question about someone the situation told of is about that person.
        ("我们处长从不参加支部活动，他需要精通党务吗", None),
        ("处长兼支部书记，业务党建两张皮。他应该辞掉支部书记吗？", None),
        # A leading clause that asks is no situation.
        ("六个融合里哪些是治当下的，哪些是管长远的，分别有哪几个", "now_and_long_term"),
        # Party members and political study are Party work: the situation's 指标 and 组织生活会
        # are where the asker stands.
        (
            "我们处里领导只盯业务指标，政治学习基本不过问，意见里把这叫哪种脱节？",
            "six_disconnects",
        ),
        (
            "党员学习时记了很多笔记，但回到岗位上工作方法一点没变。我想在组织生活会上点出这个"
            "问题。这对应六个脱节里的哪个？",
            "six_disconnects",
        ),
        # What the text says of the situation is asked of the whole message.
        ("光喊政治口号不干实事的，文件管不管？", "orientation_integration"),
        # 不讲内容的 and 讲政治是虚的, then 意见, name no other paper (讲廉政建设的那个意见 does).
        ("光搞形式不讲内容的，文件管不管", "six_disconnects"),
        (
            "我们处长总说抓好业务就行讲政治是虚的，意见在导向融合上怎么防这种倾向",
            "orientation_integration",
        ),
        # Party members and politics tell who, not where (a fourth helper's probes).
        ("我们村支书是党员，村里集体经济指标完不成，村里怎样防止重业务轻政治？", None),
        ("我儿子高中政治课考试总不及格，学用融合怎么做？", None),
        ("我们饭店老板是党员，生意指标不好，饭店怎么破解两张皮？", None),
        # The asker's own story, in the organs but not in Party work, leaves the question asked.
        ("俺们今年要去省委党校学习，什么是理念融合", "idea_integration"),
        ("我每个月要交一次学习笔记，意见以什么为遵循", "guiding_principles"),
        ("我今年刚满三十岁，意见的全称是什么", "title"),
        # Not another place's story, nor one whose not-covered words are not the organs'.
        ("我下个月要去高校挂职，党建和业务怎么融合", None),
        ("我下个月要去企业调研，党建和业务怎么融合", None),
        # What is asked names the story's own thing again (a sixth helper's probes).
        ("我在深圳工作，深圳的机关党建有什么创新", None),
        ("我平时喜欢钓鱼，钓鱼能算学用融合吗", None),
        # 这位处长 and 人家 are someone the situation told of.
        ("处长是党员，政治学习总缺席，这位处长需要精通党务吗", None),
        ("处长老党员只抓指标，人家这样算不算重业务轻政治", None),
        # A term of the Opinion's asked after a story naming another (任职培训, 案例教材) is what
        # is asked, though the story's term ranks the whole message's first answer.
        ("我下个月要参加任职培训，学用融合是什么意思", "learning_integration"),
        ("我们处今年要搞现场观摩，机制融合怎么理解", "mechanism_integration"),
        ("咱们单位准备编案例教材，双向交流是怎么回事", "two_way_exchange"),
        # After a situation in Party work too (兼职党务干部 is where the asker stands).
        ("我是处里的兼职党务干部，学用融合是什么", "learning_integration"),
        ("我今年刚当上支部书记，目标融合是什么意思", "goal_integration"),
        # The asker's post, told with 作为, is where they stand (blind_dev108).
        ("作为单位的工会主席，工会跟融合有没有关系", "mass_organizations"),
        ("作为一名部长，我对学用融合有啥要达到的要求", "learning_integration"),
        # Not a post outside the organs, nor a life of another kind (家长, 程序员, 车间主任: an
        # adversarial helper's probes).
        ("作为大学生，我该怎么学习党的创新理论", None),
        ("作为一名医生，我怎么学用融合", None),
        ("作为家长，孩子学和用脱节怎么办", None),
        ("作为程序员，学用脱节怎么办", None),
        ("作为车间主任，怎样发挥先锋模范作用", None),
        ("作为护士长，怎样做到学用融合", None),
        # Only what the term is: more is asked of the story, or of what the interview never
        # says (a seventh helper's probes).
        ("我们处今年要搞现场观摩，我们处适合讲机制融合吗", None),
        ("我们处要派人参加示范培训，跑步的切入点是什么", None),
        ("我们处今年有三个年轻干部，区块链的责任链是什么", None),
    ],
)
def test_a_situation_told_first_leaves_the_last_sentence_asked(
    answerer: Answerer, message: str, entry: str | None
) -> None:
    """Sentences that tell the asker's situation in Party work dilute the match; the question
    after them is answered when the whole message ranks that answer near the top."""
    result = answerer.ask(message)
    assert result.entry == entry, result
    assert (result.status is Status.ANSWERED) is (entry is not None)


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        ("六个融合分别是啥？在线等，挺急的", "main_content"),
        ("学用融合重点抓哪些人？我们处正在排学习计划", "learning_groups"),
        ("必研题是啥？处长让我整理一下发群里", "must_study"),
        (
            "Which body issued the Opinion? I'm writing a summary for a visiting delegation",
            "issuer",
        ),
        (
            "What are the six integrations in the Opinion? I need a quick list for my director",
            "main_content",
        ),
        # A remark that gives an example or a setting is part of the question.
        ("两张皮是什么意思？用在谈恋爱里", None),
        ("工作法有哪些？比如番茄工作法", None),
        ("What are the six integrations? like in a marriage", None),
        # So is one that stands outside the organs, or asks again.
        ("党建和业务怎么融合？我在高校工作", None),
        ("六个融合是哪些？我们公司也想学", None),
        ("必研题是啥？班主任让我整理一下", None),
        # Only a remark of the kinds that change nothing: others narrow the question, set it
        # elsewhere, ask for something else or redirect it (an adversarial helper's probes).
        ("六个融合是哪些？其实我要的是六个脱节", "six_disconnects"),
        ("六个融合是哪些？重点说学用融合", "learning_integration"),
        ("机制融合讲什么？我们是民企", None),
        ("目标融合是什么？做个PPT给我", None),
        ("两张皮是什么意思？我是说包子皮", None),
        ("What are the six integrations? asking for my wife", None),
        ("Who issued the opinion? send me the PDF", None),
    ],
)
def test_a_remark_after_the_question_leaves_the_question_asked(
    answerer: Answerer, message: str, entry: str | None
) -> None:
    """What the asker adds after their question (urgency, who sent them, what it is for) asks
    nothing: the question is answered by itself when the whole message ranks that answer near
    the top."""
    result = answerer.ask(message)
    assert result.entry == entry, result
    assert (result.status is Status.ANSWERED) is (entry is not None)


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        ("What is new in the Opinion? Any breakthroughs?", "innovations"),
        ("两张皮？两张皮是什么？", "two_skins"),
        # Not when one question is of something else, or of what the interview never says.
        ("两张皮是什么？广东有没有类似文件？", None),
        ("意见有哪些创新？公司能用吗？", None),
        # Nor when a question only repeats a term beside something else, which a lead over
        # weak rivals answers alone (an adversarial helper's probes).
        ("怎么发挥战斗堡垒作用？战斗堡垒周末休息吗？", None),
        ("两张皮是什么？凉皮和两张皮有关系吗？", None),
    ],
)
def test_one_thing_asked_twice_gets_the_answer_both_questions_get(
    answerer: Answerer, message: str, entry: str | None
) -> None:
    """Two questions asking the same thing in other words are answered when each alone gets
    the same passage and the whole message ranks it near the top."""
    result = answerer.ask(message)
    assert result.entry == entry, result
    assert (result.status is Status.ANSWERED) is (entry is not None)


def test_a_situation_told_in_traditional_gets_a_traditional_reply(answerer: Answerer) -> None:
    """The reply's script is the whole message's, not only its last sentence's."""
    result = answerer.ask(
        "我們黨組中心組每個月都學一次，可學的東西跟業務不沾邊。我是中心組秘書，想改一改。"
        "意见对中心组有什么说法？"
    )
    assert (result.status, result.entry) == (Status.ANSWERED, "learning_groups")
    assert result.traditional
    assert "黨組" in result.reply


def test_unknown_says_so_and_points_to_what_is_covered(
    answerer: Answerer, kb: KnowledgeBase
) -> None:
    result = answerer.ask("入党申请书怎么写")
    assert result.status is Status.UNKNOWN
    assert "没有涉及" in result.reply
    assert all(topic in result.reply for topic in kb.topics)


def test_answer_quotes_the_passage_and_cites_it(answerer: Answerer, kb: KnowledgeBase) -> None:
    result = answerer.ask("六个脱节是什么")
    entry = kb.by_id["six_disconnects"]
    assert entry.passage in result.reply
    assert "《河南日报》2023年4月7日第4版" in result.reply
    assert "问二：《意见》的主要内容有哪些？" in result.reply
    assert result.reply.index(entry.passage) < result.reply.index("出处")
    for related in answerer.related(entry):
        assert kb.by_id[related].question in result.reply
    assert result.related == answerer.related(entry)


def test_traditional_question_gets_a_traditional_reply(answerer: Answerer) -> None:
    result = answerer.ask("兩張皮是什麼意思")
    assert result.traditional
    assert "兩張皮" in result.reply
    assert "两张皮" not in result.reply
    assert "機關黨的建設" in result.reply


@pytest.mark.parametrize("vague", ["干部", "党建", "意见", "融合"])
def test_vague_keywords_get_choices_not_an_answer(answerer: Answerer, vague: str) -> None:
    result = answerer.ask(vague)
    assert result.status is Status.SUGGESTED
    assert 2 <= len(result.suggestions) <= 3
    passages = {answerer.kb.by_id[s.entry].passage for s in result.suggestions}
    assert len(passages) == len(result.suggestions)
    assert "您是不是想问" in result.reply
    for suggestion in result.suggestions:
        assert suggestion.question in result.reply


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("你好", Kind.GREETING),
        ("您好！", Kind.GREETING),
        ("hello", Kind.GREETING),
        ("谢谢", Kind.THANKS),
        ("好的，谢谢你", Kind.THANKS),
        ("再见", Kind.FAREWELL),
        ("你是谁", Kind.ABOUT),
        ("你叫什么名字", Kind.ABOUT),
        ("哈哈哈", Kind.CHAT),
        ("呵呵！", Kind.CHAT),
        ("唉", Kind.CHAT),
        ("嗯哼", Kind.CHAT),
        ("啦啦啦", Kind.CHAT),
        ("呗", Kind.CHAT),
        # 嗯 is "OK" (README, What the bot understands), thanked rather than invited.
        ("嗯", Kind.THANKS),
        ("嗯嗯", Kind.THANKS),
    ],
)
def test_small_talk_gets_a_friendly_reply(answerer: Answerer, message: str, kind: Kind) -> None:
    result = answerer.ask(message)
    assert result.kind is kind
    assert result.status is Status.UNKNOWN
    assert result.entry is None
    assert "我不作推测" not in result.reply


@pytest.mark.parametrize(
    "message",
    [
        "是什么",
        "这是啥？",
        "什么",
        "zhe shi shenme",
        "有哪些呢",
        # Talk about talk names nothing either: these were answered with a passage.
        "你说呢",
        "是这意思",
        "是这个意思吗",
        "这句话什么意思",
        # A bare request to explain names nothing either (it was answered with the interview).
        "解释一下",
        "Please explain",
    ],
)
def test_question_words_alone_ask_what_the_user_wants(
    answerer: Answerer, kb: KnowledgeBase, message: str
) -> None:
    """No passage is a guess at "这是什么": the reply asks which part, and lists the topics."""
    result = answerer.ask(message)
    assert result.kind is Kind.VAGUE
    assert result.status is Status.UNKNOWN
    assert not result.suggestions
    assert "哪方面" in result.reply
    assert all(topic in result.reply for topic in kb.topics)


def test_a_term_named_in_the_interview_can_still_be_asked_about(answerer: Answerer) -> None:
    result = answerer.ask("意见和中国式现代化有什么关系")
    assert result.status is Status.ANSWERED
    assert result.entry == "significance"


@pytest.mark.parametrize(
    "message", ["", "   ", "?", "？？？", "😀", "🎉🎉", "\x00\x07\u200b", "……"]
)
def test_nothing_to_read(answerer: Answerer, message: str) -> None:
    result = answerer.ask(message)
    assert result.kind is Kind.EMPTY
    assert result.status is Status.UNKNOWN
    assert "请输入" in result.reply


@pytest.mark.parametrize(
    "message",
    [
        "两张皮" * 4000,
        "a" * 10_000,
        "'; DROP TABLE questions; --",
        "<script>alert('两张皮')</script>",
        "<b>六个融合</b> & 1+N",
        "两张皮 two skins 兩張皮 ﾘｮｳ",
        "\u202e两张皮\u202c",
    ],
)
def test_hostile_or_huge_input_is_handled(answerer: Answerer, message: str) -> None:
    result = answerer.ask(message)
    assert result.reply
    assert result.status in set(Status)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_gets_a_reply(answerer: Answerer, message: str) -> None:
    result = answerer.ask(message)
    assert isinstance(result.reply, str)
    assert result.reply
    assert (result.entry is None) == (result.status is not Status.ANSWERED)
    assert result.as_json()["status"] in {"answered", "suggested", "unknown"}


@pytest.mark.parametrize(
    ("name", "min_correct", "min_declined"),
    [("questions.yaml", 0.95, 0.90), ("heldout.yaml", 0.95, 0.90)],
)
def test_accuracy_on_the_question_sets(
    answerer: Answerer, name: str, min_correct: float, min_declined: float
) -> None:
    questions = read_questions(DATA / name, set(answerer.kb.by_id))
    report = evaluate(answerer, questions)
    assert report.in_scope >= 120
    assert report.out_of_scope >= 40
    assert report.correct_rate >= min_correct, report.misses
    assert report.declined_rate >= min_declined, report.misses
    assert report.wrong_rate <= 0.03, report.misses


def test_question_set_covers_every_entry(kb: KnowledgeBase) -> None:
    questions = read_questions(DATA / "questions.yaml", set(kb.by_id))
    assert len(questions) >= 250
    assert {q.expected for q in questions if q.expected} == set(kb.by_id)
    assert sum(q.expected is None for q in questions) >= 40


def test_leave_one_phrasing_out_does_not_regress(kb: KnowledgeBase) -> None:
    """Every alternate asked of a knowledge base rebuilt without it.

    The issue's target is 95%; this floor is the figure reached (see README, Figures), so a
    change that loses ground on phrasings the matcher has not seen fails here."""
    report = leave_one_out(kb)
    assert report.in_scope >= 400
    assert report.correct_rate >= 0.88, report.misses[:20]
    assert report.ranked_first_rate >= 0.90, report.misses[:20]
    assert report.wrong_rate <= 0.075, report.misses[:20]


@pytest.mark.parametrize(
    ("name", "correct", "declined"),
    [
        ("blind_dev.yaml", 0.98, 0.98),
        ("blind_dev2.yaml", 0.98, 1.0),
        ("blind_dev3.yaml", 0.97, 1.0),
        ("blind_dev4.yaml", 0.90, 1.0),
        ("blind_dev5.yaml", 0.92, 0.98),
        ("blind_dev6.yaml", 0.95, 1.0),
        ("blind_dev7.yaml", 0.96, 1.0),
        ("blind_dev8.yaml", 0.90, 0.98),
        ("blind_dev9.yaml", 0.92, 1.0),
        ("blind_dev11.yaml", 0.88, 0.96),
        ("blind_dev12.yaml", 0.83, 1.0),
        ("blind_dev13.yaml", 0.88, 1.0),
        ("blind_dev14.yaml", 0.80, 1.0),
        ("blind_dev15.yaml", 0.98, 0.98),
        ("blind_dev16.yaml", 0.92, 1.0),
        ("blind_dev19.yaml", 0.92, 0.98),
        ("blind_dev20.yaml", 0.94, 1.0),
        ("blind_dev21.yaml", 0.94, 0.98),
        ("blind_dev22.yaml", 0.88, 0.96),
        ("blind_dev23.yaml", 0.84, 0.98),
        ("blind_dev24.yaml", 0.97, 0.98),
        ("blind_dev25.yaml", 0.91, 1.0),
        ("blind_dev26.yaml", 0.96, 0.98),
        ("blind_dev27.yaml", 0.98, 1.0),
        ("blind_dev28.yaml", 0.93, 1.0),
        ("blind_dev29.yaml", 0.93, 1.0),
        ("blind_dev30.yaml", 0.92, 0.96),
        ("blind_dev31.yaml", 0.88, 1.0),
        ("blind_dev32.yaml", 0.97, 0.95),
        ("blind_dev33.yaml", 0.95, 1.0),
        ("blind_dev34.yaml", 0.95, 0.98),
        ("blind_dev35.yaml", 0.96, 1.0),
        ("blind_dev36.yaml", 0.96, 1.0),
        ("blind_dev37.yaml", 0.94, 0.96),
        ("blind_dev38.yaml", 0.95, 0.96),
        ("blind_dev39.yaml", 0.84, 0.98),
        ("blind_dev40.yaml", 0.86, 0.95),
        ("blind_dev41.yaml", 0.94, 0.96),
        ("blind_dev42.yaml", 0.89, 0.98),
        ("blind_dev43.yaml", 0.96, 0.98),
        ("blind_dev44.yaml", 0.95, 0.96),
        ("blind_dev45.yaml", 0.97, 1.0),
        ("blind_dev46.yaml", 0.96, 1.0),
        ("blind_dev47.yaml", 0.96, 0.98),
        ("blind_dev48.yaml", 0.96, 1.0),
        ("blind_dev49.yaml", 0.93, 1.0),
        ("blind_dev50.yaml", 0.94, 0.98),
        ("blind_dev51.yaml", 0.96, 0.96),
        ("blind_dev52.yaml", 0.96, 1.0),
        ("blind_dev53.yaml", 0.92, 0.98),
        ("blind_dev54.yaml", 0.92, 0.96),
        ("blind_dev55.yaml", 0.97, 0.96),
        ("blind_dev56.yaml", 0.98, 0.96),
        ("blind_dev57.yaml", 0.82, 0.96),
        ("blind_dev58.yaml", 0.86, 0.98),
        ("blind_dev59.yaml", 0.91, 0.98),
        ("blind_dev60.yaml", 0.78, 1.0),
        ("blind_dev61.yaml", 0.93, 0.98),
        ("blind_dev62.yaml", 0.93, 0.90),
        ("blind_dev63.yaml", 0.92, 0.98),
        ("blind_dev64.yaml", 0.82, 0.98),
        ("blind_dev65.yaml", 0.92, 0.95),
        ("blind_dev66.yaml", 0.94, 0.95),
        ("blind_dev67.yaml", 0.94, 0.96),
        ("blind_dev68.yaml", 0.96, 0.96),
        ("blind_dev69.yaml", 0.96, 0.98),
        ("blind_dev70.yaml", 0.96, 1.0),
        ("blind_dev71.yaml", 0.92, 0.98),
        ("blind_dev72.yaml", 0.86, 1.0),
        ("blind_dev73.yaml", 0.94, 0.96),
        ("blind_dev74.yaml", 0.82, 1.0),
        ("blind_dev75.yaml", 0.52, 0.98),
        ("blind_dev76.yaml", 0.76, 1.0),
        ("blind_dev77.yaml", 0.68, 0.98),
        ("blind_dev78.yaml", 0.40, 0.93),
        ("blind_dev79.yaml", 0.29, 0.96),
        ("blind_dev80.yaml", 0.93, 0.98),
        ("blind_dev81.yaml", 0.88, 1.0),
        ("blind_dev82.yaml", 0.88, 1.0),
        ("blind_dev83.yaml", 0.90, 0.98),
        ("blind_dev84.yaml", 0.84, 0.98),
        ("blind_dev85.yaml", 0.84, 1.0),
        ("blind_dev86.yaml", 0.49, 1.0),
        ("blind_dev87.yaml", 0.34, 0.98),
        ("blind_dev88.yaml", 0.95, 0.98),
        ("blind_dev89.yaml", 0.97, 1.0),
        ("blind_dev90.yaml", 0.68, 1.0),
        ("blind_dev91.yaml", 0.94, 1.0),
        ("blind_dev92.yaml", 0.91, 1.0),
        ("blind_dev93.yaml", 0.90, 1.0),
        ("blind_dev94.yaml", 0.94, 0.98),
        ("blind_dev95.yaml", 0.92, 0.98),
        ("blind_dev96.yaml", 0.93, 0.98),
        ("blind_dev97.yaml", 0.94, 0.98),
        ("blind_dev98.yaml", 0.74, 1.0),
        ("blind_dev99.yaml", 0.89, 1.0),
        ("blind_dev100.yaml", 0.61, 0.98),
        ("blind_dev101.yaml", 0.91, 0.96),
        ("blind_dev102.yaml", 0.75, 1.0),
        ("blind_dev103.yaml", 0.85, 1.0),
        ("blind_dev104.yaml", 0.76, 1.0),
        ("blind_dev105.yaml", 0.93, 1.0),
        ("blind_dev106.yaml", 0.92, 0.98),
        ("blind_dev107.yaml", 0.87, 1.0),
        ("blind_dev108.yaml", 0.89, 0.96),
        ("blind_dev109.yaml", 0.91, 1.0),
        ("blind_dev110.yaml", 0.74, 1.0),
        ("blind_dev111.yaml", 0.94, 1.0),
        ("blind_dev112.yaml", 0.58, 0.98),
        ("blind_dev113.yaml", 0.91, 1.0),
        ("blind_dev114.yaml", 0.89, 0.98),
        ("blind_dev115.yaml", 0.95, 1.0),
        ("blind_dev116.yaml", 0.85, 1.0),
        ("blind_dev117.yaml", 0.91, 1.0),
        ("blind_dev118.yaml", 0.94, 0.98),
        ("blind_dev119.yaml", 0.81, 0.98),
        ("blind_dev120.yaml", 0.96, 0.98),
        ("blind_dev121.yaml", 0.90, 0.98),
        ("blind_dev122.yaml", 0.90, 0.98),
        ("blind_dev123.yaml", 0.82, 0.98),
        ("blind_dev124.yaml", 0.95, 0.96),
        ("blind_dev125.yaml", 0.81, 0.95),
        ("blind_dev126.yaml", 0.90, 1.0),
        ("blind_dev127.yaml", 0.84, 1.0),
        ("blind_dev128.yaml", 0.94, 1.0),
        ("blind_dev129.yaml", 0.80, 1.0),
        ("blind_dev130.yaml", 0.96, 1.0),
        ("blind_dev131.yaml", 0.86, 0.81),
        ("blind_dev132.yaml", 0.92, 1.0),
        ("blind_dev133.yaml", 0.92, 1.0),
        ("blind_dev134.yaml", 0.95, 1.0),
        ("blind_dev135.yaml", 0.73, 0.96),
        ("blind_dev136.yaml", 0.94, 1.0),
        ("blind_dev137.yaml", 0.63, 0.93),
        ("blind_dev138.yaml", 0.94, 1.0),
        ("blind_dev139.yaml", 0.84, 0.96),
        ("blind_dev140.yaml", 0.90, 1.0),
        ("blind_dev141.yaml", 0.94, 1.0),
        ("blind_dev142.yaml", 0.85, 0.96),
        ("blind_dev17.yaml", 0.90, 0.96),
        ("blind_dev18.yaml", 0.85, 1.0),
        ("blind_test.yaml", 0.97, 1.0),
        ("blind_test2.yaml", 0.94, 0.96),
    ],
)
def test_blind_sets_do_not_regress(
    answerer: Answerer, name: str, correct: float, declined: float
) -> None:
    """The figures in README's table, as floors: a change that loses a blind question fails.

    Each set is measured with its own questions withheld from asked.yaml (`evaluate` does it),
    so the floors hold on questions the matcher has not seen."""
    report = evaluate(answerer, read_questions(DATA / name, set(answerer.kb.by_id)))
    assert report.correct_rate >= correct, report.misses
    assert report.declined_rate >= declined, report.misses


def test_blind_format_reads_excerpts(tmp_path: Path, answerer: Answerer) -> None:
    path = tmp_path / "blind.yaml"
    path.write_text(
        "in_scope:\n"
        "  - {q: 六个融合有哪些, answer: 推出六个融合的破解之策}\n"
        "  - {q: 两张皮是什么意思, answer: 这句话不在任何段落里}\n"
        "out_of_scope: [入党申请书怎么写]\n",
        encoding="utf-8",
    )
    report = evaluate(answerer, read_questions(path, set(answerer.kb.by_id)))
    assert (report.in_scope, report.correct, report.wrong) == (2, 1, 1)
    assert report.ranked_first == 1  # no passage holds the second excerpt, so none ranks first
    assert report.declined == 1


def test_a_shared_memo_changes_no_answer(kb: KnowledgeBase) -> None:
    """Leave-one-phrasing-out reuses normalised texts between builds; answers stay the same."""
    memo: dict[str, str] = {}
    first = Answerer(kb, memo=memo)
    assert memo  # the build filled it
    again = Answerer(kb, memo=memo)
    plain = Answerer(kb)
    for question in ("两张披是什么意思", "六个融合有哪些", "liuge ronghe you naxie", "今天天气"):
        results = [a.ask(question) for a in (first, again, plain)]
        assert len({(r.status, r.entry, r.score, r.reply) for r in results}) == 1


@pytest.mark.parametrize(
    "question",
    [
        "《关于加强机关党建的意见》的主要内容是什么",
        "《关于推动党建和业务融合的指导意见》是哪个省出的",
        "《省直机关基层党组织标准化规范化建设意见》的要点",
        "我们厅里新出了《考勤办法》，是哪个单位印发的？",
        # About 两张皮, but another kind of paper or another issuer's.
        "《关于破解两张皮的若干措施》的主要内容是什么",
        "《关于破解县直机关党建和业务两张皮问题的意见》讲了什么",
        "《高校破解两张皮实施方案》有哪些要求",
    ],
)
def test_another_documents_title_is_not_the_opinion(answerer: Answerer, question: str) -> None:
    """Without the title guard each got the Opinion's passage (main content or issuer)."""
    assert answerer.ask(question).status is Status.UNKNOWN


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("《意见》的主要内容是什么", "main_content"),
        ("《意見》是誰印發的", "issuer"),
        ("《关于破解两张皮问题的意见》是谁印发的", "issuer"),
        ("《河南日报》哪天登的", "report"),
        ("《关于破解“两张皮”问题推动省直机关党建和业务工作深度融合的意见》的全称", "title"),
    ],
)
def test_the_opinions_own_title_whole_or_in_part_is_the_opinion(
    answerer: Answerer, question: str, entry: str
) -> None:
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry)


@pytest.mark.parametrize(
    "question",
    [
        "习近平总书记在河南考察时说了什么",
        "总书记在二十大上说了什么",
        "总书记在座谈会上说了什么",
        "总书记给河南的回信说了啥",
        # Another conference is another occasion, whatever it is about.
        "总书记在中央经济工作会议上讲的关键是什么",
        "总书记在全国组织工作会议上怎么讲两张皮",
        "总书记在全国两会上对机关党建说了什么",
        # Nor the quoted conference's own particulars: the interview names it only as where
        # the remark was made.
        "中央和国家机关党建工作会议的主题是什么",
        "中央和国家机关党的建设工作会议是谁主持的",
        "那次会议的议程有哪些",
        "中央和国家机关党的建设工作会议有哪些人参加",
        # Nor what else he said there: one remark is quoted.
        "习近平总书记在那次会议上还讲了哪些内容",
        "总书记在中央和国家机关党的建设工作会议上还说了什么",
        # Nor what he said of one subject no passage naming him touches.
        "总书记对脱贫攻坚怎么说的",
        "总书记讲过生态文明吗",
        "总书记关于教育讲了啥",
        "总书记对经济工作怎么说的",
    ],
)
def test_what_xi_said_elsewhere_is_not_the_quoted_remark(
    answerer: Answerer, question: str
) -> None:
    """The interview quotes him once; without these guards each was answered or offered it."""
    assert answerer.ask(question).status is Status.UNKNOWN


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("总书记在中央和国家机关党的建设工作会议上说了什么", "xi_remarks"),
        ("总书记怎么说的两张皮", "xi_remarks"),
        ("总书记是在哪个会上讲的", "xi_remarks"),
        ("总书记是在哪个会议上讲的解决两张皮问题", "xi_remarks"),
        ("习近平总书记关于两张皮的讲话出自哪次会议", "xi_remarks"),
        # Attending and speaking is no particular; other meetings are not the conference.
        ("总书记在中央和国家机关党的建设工作会议上出席并讲话，他怎么说两张皮", "xi_remarks"),
        ("重要工作会议和主题教育能作为机关党建的切入点吗", "entry_points"),
        ("总书记对两张披怎么说", "xi_remarks"),
        # Read once prepared (两层皮 is 两张皮), or pointing back, or asking which: no other
        # subject (an adversarial helper's probes).
        ("总书记关于两层皮讲了啥", "xi_remarks"),
        ("总书记在什么会上讲过这个", "xi_remarks"),
        ("总书记对此怎么说", "xi_remarks"),
        ("意见贯彻的是总书记关于哪方面的论述", "significance"),
        ("总书记关于两张皮问题说了啥", "xi_remarks"),
        ("总书记对机关党建怎么说的", "xi_remarks"),
    ],
)
def test_the_quoted_remark_and_other_meetings_are_still_answered(
    answerer: Answerer, question: str, entry: str
) -> None:
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry)


def test_an_out_of_scope_neighbour_vetoes_no_other_kind_of_detail(kb: KnowledgeBase) -> None:
    """A reader's out-of-scope question asking a name does not decline a near one asking a date
    (the interview gives the date); the name itself is still declined."""
    answerer = Answerer(
        replace(kb, asked={}, asked_out_of_scope=("回答记者提问的负责人叫什么名字",))
    )
    dated = answerer.ask("负责人是哪天回答记者提问的")
    assert (dated.status, dated.entry) == (Status.ANSWERED, "interview"), dated
    assert answerer.ask("回答记者提问的负责人叫啥名字").status is not Status.ANSWERED


@pytest.mark.parametrize(
    "question",
    [
        "意见一共几条",
        "這份意見一共有幾條？",
        "这个文件总共有几条",
        "六个脱节里哪个最严重",
        "六个融合哪个最重要",
        "中医说的两张皮是什么病",
        "现场观摩定在哪个单位",
        "现场观摩第一站去哪个单位",
        "这文件是不是形式主义",
        "这个意见会不会又变成形式主义",
        "这个意见是不是又在搞形式主义",
        "六个脱节中最突出的是哪个",
        "双碳政策里的1+N是啥意思",
        "意見是哪個處室起草的？",
        "有没有具体哪个厅局的融合案例可以参考",
        "青年干部理论学习要读哪些书",
        "学习强国积分算不算",
        "党建考核结果跟奖金怎么挂钩，有没有具体比例",
        "必研题的标准答案是什么",
        "调研督促是明查还是暗访",
        # A place word after a not-covered term (医院里, 军队里) does not hide the term.
        "形式主义在医院里有哪些表现",
        "党建和业务融合在军队里怎么搞",
        # Another field, another kind of integration, a trade's two skins, a drugstore.
        "把思想政治工作贯穿业务工作全过程在银行怎么做",
        "结合点切入点在乡镇政府怎么找",
        "党建业务融合和业财融合有什么区别",
        "军民融合和机关党建融合有什么关系",
        "做账两张皮是什么意思",
        "抓准药方就可控可治这个药方能在药店买到吗",
        # A city's own organs.
        "郑州市委有没有破解两张皮的意见",
        "洛阳市直机关怎么落实这个意见",
        "郑州市有没有出台配套的融合措施",
        # Another level's organs.
        "县直机关怎么落实这个意见",
        "洛阳各县区怎么落实这个意见",
        "县委机关党建和业务怎么融合？",
        "农商行的党建和业务怎么融合？",
        "派出所的党建和业务怎么融合？",
        "医院里面的党建和业务怎么融合？",
        # 建国 across 党建 and 国企 is no word (an eighth helper's probe, in English first).
        "党建国企的切入点是什么",
        # The interview's terms owned by something it never speaks of.
        "跑步的切入点怎么找",
        "汽车4S店的现场观摩活动在哪里",
        "区块链的责任链是什么",
        "股票投资的切入点",
        # Consequences, assessments and particulars the interview never gives.
        "党建考核和奖惩脱节要追究谁的责任",
        "持续提升抓党建强业务的能力素质，有没有能力测评",
        "两张皮问题反复发作的单位要约谈吗",
        "中心组学习要列席旁听吗",
        "河南日报的网站打不开怎么办",
        "上升到制度层面研究出台意见，起草组有哪些人",
        # A reward or its money: the interview names only 考核 and 奖惩 being out of step.
        "推出工作法的单位给不给奖励？",
        "奖惩脱节具体怎么奖怎么惩？",
        "考核结果怎么兑现奖惩？",
        "编印案例教材的资金从哪来？",
        "党建和业务融合有没有奖金",
        "党建和业务融合有奖金吗",
    ],
)
def test_near_topic_questions_are_declined_without_readers_like_them(
    kb: KnowledgeBase, question: str
) -> None:
    """How many articles the Opinion has, which of a list is worst, Chinese medicine's two
    skins, where a visit is held, a verdict on the Opinion, carbon peaking's 1+N, another field
    or kind of integration, a city's own organs: declined by what the question asks, not
    because readers asked the like before (none of theirs here)."""
    answerer = Answerer(replace(kb, asked_out_of_scope=()))
    assert answerer.ask(question).status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("机关党建的切入点是什么", "entry_points"),
        ("服务大局的结合点是什么", "entry_points"),
        ("我们处的双向交流怎么搞", "two_way_exchange"),
        ("示范培训的必研题是什么", "must_study"),
    ],
)
def test_the_interviews_terms_owned_by_its_subject_or_the_askers_unit_are_answered(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    """Only something the interview never speaks of (跑步, 区块链) makes a term another's."""
    result = Answerer(replace(kb, asked_out_of_scope=())).ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("两张皮问题最严重的危害是什么", "two_skins"),
        ("中医讲对症下药，意见对两张皮开了什么药方", "prescriptions"),
        ("中医上说一旦放松就会反复发作，意见里是怎么讲的", "common_ailment"),
        ("我在中医院工作，意见里的六个融合是哪六个", "main_content"),
        ("这意见是不是要防止形式主义", "six_disconnects"),
        ("推动意见落实的工作定在哪个单位负责", "implementation"),
        ("我在双碳办工作，意见里说的六个融合是哪六个", "main_content"),
        ("1+N破解路径是什么，和碳达峰的1+N不一样吧", "one_plus_n"),
        ("我在郑州上班，六个融合是哪六个", "main_content"),
        ("我在郑州市工作，六个融合是哪六个", "main_content"),
        # Rewards and penalties out of step with assessment: the disconnect the Opinion names,
        # and asked how to mend, the mechanism integration's second hand.
        ("党建考得好不好跟奖励处罚挂不上钩，文件有没有说到？", "six_disconnects"),
        ("党建考核跟奖惩不挂钩咋办", "mechanism_measures"),
        ("这份文件讲的党建和业务融合，适用的是哪一级的机关？", "title"),
        (
            "我是省药监局的，日常检查药店比较多，怎么把讲政治的要求落实到业务工作中？",
            "orientation_integration",
        ),
        (
            "我从平顶山市委借调到省委办公厅，意见说的共同责任包括哪些组织？",
            "common_responsibility",
        ),
        ("我们厅经常到地市调研督导，意见说下一步工委要做什么？", "implementation"),
    ],
)
def test_the_declined_shapes_leave_questions_of_the_opinion_answered(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    """最严重 of the problem itself, Chinese medicine likened to the Opinion's remedy, the
    Opinion against formalism, who takes charge, the asker's own office: all the interview's."""
    answerer = Answerer(replace(kb, asked_out_of_scope=()))
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "我在省卫健委机关工作，经常去医院里督导，想问意见说的六个脱节是哪六个？",
            "six_disconnects",
        ),
        (
            "我们住建厅业务是房地产市场监管，意见要求怎么把讲政治的要求落实到业务中？",
            "orientation_integration",
        ),
        ("以前在乡镇工作，刚调到省直机关，意见的主要内容是什么？", "main_content"),
        ("从洛阳市委组织部调到省直，意见对党务干部队伍有什么要求？", "team_integration"),
    ],
)
def test_a_place_field_or_city_named_in_passing_leaves_the_question_answered(
    answerer: Answerer, question: str, entry: str
) -> None:
    """A cadre of the province's organs names a hospital, a field or a city on the way to a
    question about the Opinion: the place is where they have been, not what they ask."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


def test_a_loosely_like_out_of_scope_neighbour_vetoes_no_far_better_match(
    answerer: Answerer,
) -> None:
    """Readers' out-of-scope questions only loosely like this one (这意见会不会又是形式主义)
    do not decline a question its entry matches far better; they still decline themselves."""
    result = answerer.ask("搞形式主义走过场属于哪种脱节")
    assert (result.status, result.entry) == (Status.ANSWERED, "six_disconnects"), result
    assert answerer.ask("这意见会不会又是形式主义").status is not Status.ANSWERED


@pytest.mark.parametrize(
    "question",
    [
        "我的目标是什么",
        "你的目标是什么",
        "我的任务有哪些",
        "我的考核怎么办",
        "请问我的目标是什么",
        "俺的目标是啥",
        "妳的名字叫什么",
    ],
)
def test_the_askers_own_things_are_not_the_opinions(answerer: Answerer, question: str) -> None:
    """目标, 任务 and 考核 are the interview's words, asked here of a person."""
    assert answerer.ask(question).status is Status.UNKNOWN


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("我的理解是两张皮是常见病，对吗", "common_ailment"),
        ("我的疑问是1+N是什么意思", "one_plus_n"),
        ("我的学习任务是必研题吗", "must_study"),
        # The asker's unit or post, and lead-ins: the Opinion is what is asked about.
        ("我的单位怎么探索1+N破解路径", "work_methods"),
        ("我的岗位能双向交流吗", "two_way_exchange"),
        ("我的疑问，1+N什么意思", "one_plus_n"),
        ("我的单位一放松会怎么样", "common_ailment"),
        ("你的信息来自哪家报纸", "report"),
        # Henan speech (俺 for 我, 恁 for 你, 哩 for 的), read as the same exemptions.
        ("俺的疑问，1+N什么意思", "one_plus_n"),
        ("俺哩同事问1+N什么意思", "one_plus_n"),
        ("恁的消息来源哪里", "report"),
    ],
)
def test_the_askers_own_question_about_the_interview_is_answered(
    answerer: Answerer, question: str, entry: str
) -> None:
    """What follows 是, the asker's unit or post, or what follows a lead-in is asked of the
    Opinion."""
    assert answerer.ask(question).entry == entry


@pytest.mark.parametrize(
    "question",
    [
        "减肥总是反复发作反弹怎么办？",
        "我们乐队演出形式和内容脱节，很空洞怎么办？",
        "我們樂隊演出形式和內容脫節，很空洞怎麼辦？",
        "怎么做一个家里的明白人？",
        "我作为家长，怎么在孩子面前发挥先锋模范作用？",
        "创业团队的理念融合怎么做？",
        "我学了编程但学用脱节，怎么提高实战能力？",
        # Other jobs and families, and a how-to asked as a knack (窍门, 妙招).
        "夫妻俩过日子供和需脱节有啥窍门",
        "婆媳关系怎么找准结合点",
        "广场舞队怎么选优配强领队",
        "外卖骑手怎么发挥先锋模范作用",
        "养猪场怎么压实责任链条",
        # An office or a branch a shop or a band owns is not an organ's.
        "奶茶店办公室怎么防止形式和内容脱节",
        "乐队的支部怎么找准结合点",
        # An everyday person's own words or trouble, not a question they relay.
        "儿子讲话和行动脱节，有什么药方",
        "奶奶问我她的老毛病反复发作怎么办，是常见病吗",
        # Whether it is any use there (blind_dev131).
        "驾校科目二去现场观摩有用吗？",
        "去驾校现场观摩管用吗",
        "相亲的时候讲理念融合有用吗",
    ],
)
def test_everyday_lives_borrowing_the_interviews_words_are_declined(
    answerer: Answerer, question: str
) -> None:
    """A hobby, a family or a shop is no organ's party building (not_covered_everyday)."""
    assert answerer.ask(question).status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Beside the Party, the organs or the Opinion, or in a likeness.
        ("我用手机看了访谈，六个融合是哪六个？", "main_content"),
        ("我用手机看了访谈，六个融合有用吗", "main_content"),
        ("孩子问我现场观摩有用吗", "case_materials"),
        ("就像减肥一样，长期药方有用吗", "prescriptions"),
        ("就像减肥一放松就反弹，两张皮也是这样吗？访谈怎么说的？", "common_ailment"),
        ("减肥得有长期方案，《意见》对两张皮开出的长期药方是什么？", "prescriptions"),
        # What a term is, asked for someone else: no how-to of a life of its own.
        ("我儿子问我学用融合是什么意思", "learning_integration"),
        ("同学们，六个融合是哪六个", "main_content"),
        ("我准备考研，六个融合是什么", "main_content"),
        # A provincial department, bureau or commission is one of the organs.
        ("交通运输厅快递物流处怎么发挥先锋模范作用", "fortress_role"),
        ("妻子在省卫健委，她问怎样防止供和需脱节", "six_disconnects"),
        ("夫妻都在省直部门上班，怎么防止重业务轻政治", "politics_first"),
        ("省文化和旅游厅怎么防止两张皮", "prescriptions"),
        # An everyday person only relaying the question.
        ("婆婆问我1+N破解路径是啥，我该咋说", "one_plus_n"),
        ("闺蜜问我两张皮的药方是什么", "prescriptions"),
        # In the asker's own moment told first: the question after it is asked alone.
        ("手机快没电了，快说下六个融合里第三个是啥", "learning_integration"),
        # Typed in pinyin, 是由 and 了对 are not 室友 and 乐队.
        ("yijian shiyou nage danwei yinfa de", "issuer"),
        ("rong he gao hao le dui ji guan zhi li you sha hao chu", "significance"),
    ],
)
def test_an_everyday_word_beside_the_opinion_leaves_the_question_answered(
    answerer: Answerer, question: str, entry: str
) -> None:
    """The everyday words count only in a question of a life of its own, typed in characters."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


@pytest.mark.parametrize(
    "question",
    ["我们单位党建和业务各管各的、各考各的，该建什么机制？", "党建和业务两张皮，该建什么机制？"],
)
def test_what_mechanism_the_two_skins_need_is_not_their_definition(
    answerer: Answerer, question: str
) -> None:
    """The mechanism asked for is the remedy's (构建…联动考评长效机制), never what 两张皮 is."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, "main_content"), result


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("文中老说的“两张皮”到底指啥？", "two_skins"),
        ("总说的战斗堡垒作用是啥意思", "fortress_role"),
        ("里面讲的贴心人指的是什么", "cadre_goal"),
    ],
)
def test_where_the_asker_read_a_term_is_no_part_of_it(
    answerer: Answerer, question: str, entry: str
) -> None:
    """文中老说的, 里面讲的 only cite the text: the term after them is what is asked."""
    result = answerer.ask(question)
    assert (result.status, result.entry, result.score) == (Status.ANSWERED, entry, 0.75), result


@pytest.mark.parametrize(
    "question",
    [
        "Has Beijing issued a similar opinion on integrating party building and business work?",
        "Did Beijing publish such an opinion too?",
        "Does the Opinion apply to Beijing?",
        "Was Beijing first to issue such an opinion?",
        "Are Beijing organs covered by this Opinion?",
    ],
)
def test_beijing_beside_an_english_verb_is_the_city(answerer: Answerer, question: str) -> None:
    """Another city's document is not Henan's, as 北京出台过类似的意见吗 is not."""
    assert answerer.ask(question).status is not Status.ANSWERED


def test_beijing_in_a_pinyin_sentence_is_still_the_background(answerer: Answerer) -> None:
    """Alone in pinyin, beijing is 背景: the city is read only beside an English verb."""
    result = answerer.ask("yijian chutai de beijing shi shenme")
    assert (result.status, result.entry) == (Status.ANSWERED, "background"), result


@pytest.mark.parametrize(
    "question",
    [
        "对于担任处长及以上职务的人员，文件在理论武装上有何侧重？",
        "我是个处长，学用融合里我算重点对象吗？",
    ],
)
def test_the_askers_rank_of_division_head_is_the_interviews_division_level(
    answerer: Answerer, question: str
) -> None:
    """处长 as the asker's rank is 处级以上; only who holds a post (处长是谁) is not covered."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, "learning_groups"), result


@pytest.mark.parametrize(
    "question", ["战斗宝垒作用是谁发挥的", "文章里讲的战斗堡垒，指的是哪一级的党组织"]
)
def test_who_plays_the_fortress_role_is_the_significances_sentence(
    answerer: Answerer, question: str
) -> None:
    """Only the significance names who: 省直机关各级党组织 and 广大党员干部 (fortress_role's
    not_for)."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, "significance"), result


@pytest.mark.parametrize("question", ["工委的处长叫什么", "接受采访的负责人担任处长吗"])
def test_who_the_division_head_is_stays_uncovered(answerer: Answerer, question: str) -> None:
    """The interview names no one's post but its official's."""
    assert answerer.ask(question).status is not Status.ANSWERED


def test_deep_learning_is_not_the_opinions_deep_integration(answerer: Answerer) -> None:
    """Deep alone stays unread: a helper's probe had deep learning answered with the Opinion's
    significance when it was read as 深度."""
    assert answerer.ask("Does the document mention deep learning?").status is not Status.ANSWERED


def test_the_bots_answer_and_its_source_are_not_a_persons_things(answerer: Answerer) -> None:
    """你的答案 is the interview's passage: where it comes from is asked of the report."""
    assert answerer.ask("你的答案出自哪篇报道").status is not Status.UNKNOWN


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("融合排在第一个的是什么", "idea_integration"),
        ("六个融合按顺序排第一的是哪个融合", "idea_integration"),
        ("the fourth integration, what is it", "goal_integration"),
        # A claim naming one by its name checks its number: the named one's passage settles it.
        ("目标融合是不是排第五", "goal_integration"),
        ("学用融合排第二吗", "learning_integration"),
        # Counted among the six named a few words before, or as the first (头一个), or where
        # the matcher ranks it nowhere (an adversarial round of ordinal messages).
        ("《意见》推出了六个融合的破解之策。其中第四个是什么？", "goal_integration"),
        ("六个融合之策里的最后一个是什么", "team_integration"),
        ("头一个融合强调什么？", "idea_integration"),
        ("破解两张皮的六招里，第二招是什么？", "orientation_integration"),
        ("六招的最后一招是什么", "team_integration"),
    ],
)
def test_an_integration_named_by_its_number_is_answered_from_it(
    answerer: Answerer, question: str, entry: str
) -> None:
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


@pytest.mark.parametrize(
    "question",
    [
        "我们处党支部搞的活动跟业务老是两张披，咋整？",
        "俺单位党建业务老是两张皮，弄啥嘞，有啥法子没？",
        "两张皮这事儿到底咋整嘞",
    ],
)
def test_how_to_fix_the_two_skins_is_not_answered_with_what_they_are(
    answerer: Answerer, question: str
) -> None:
    """The definition restates the question; the bot offers the remedies or says so."""
    result = answerer.ask(question)
    assert result.entry != "two_skins", result
    assert "two_skins" not in [s.entry for s in result.suggestions], result


def test_what_the_two_skins_are_and_how_to_fix_them_may_have_the_definition(
    answerer: Answerer,
) -> None:
    for question in ("两张皮是什么？怎么解决？", "两张皮是个啥，咋整"):
        result = answerer.ask(question)
        assert "two_skins" in [result.entry, *(s.entry for s in result.suggestions)], result


@pytest.mark.parametrize(
    "question",
    [
        "第一个融合和第六个融合是啥",
        "头一个的融合和最后一个的融合分别是啥",
        "排在头一个的融合和排在最后的融合是啥",
        "第二个融合和第三个融合有什么区别",
    ],
)
def test_two_integrations_named_by_number_get_the_passage_holding_both(
    answerer: Answerer, question: str
) -> None:
    answers_with(answerer, question, "main_content")


@pytest.mark.parametrize(
    "question",
    [
        "第一个融合和最后一个融合哪个更重要",
        "第二个融合和第三个融合哪个难",
        "第一个融合和最后一个融合是谁提出的",
        "第一个融合和最后一个融合分别是谁负责",
    ],
)
def test_what_the_interview_never_says_of_two_integrations_is_not_answered(
    answerer: Answerer, question: str
) -> None:
    """Which matters more, which is harder, who proposed them: no passage says."""
    answers_with(answerer, question, None)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("挑好支部书记这个要求，放在哪个融合下面？", "leaders"),
        ("排在头一个的融合是哪个？", "idea_integration"),
    ],
)
def test_a_named_requirement_or_the_first_one_asked_by_where_it_stands(
    answerer: Answerer, question: str, entry: str
) -> None:
    answers_with(answerer, question, entry)


@pytest.mark.parametrize(
    ("question", "situation"),
    [
        ("在党的政治建设的摆位问题上，《意见》提出了何种要求？", None),
        ("在党务干部队伍建设这一块，意见提出了什么要求", None),
        # Told by the asker, it is where they stand.
        ("在我们单位党建工作方面，学用融合怎么搞", "在我们单位党建工作方面"),
        ("我们处开会学习总是走过场，这算哪种脱节？", "我们处开会学习总是走过场"),
    ],
)
def test_a_clause_that_frames_the_topic_is_no_situation(
    question: str, situation: str | None
) -> None:
    """在……问题上 and 在……这一块 name what is asked about, not where the asker stands: what
    follows (《意见》提出了何种要求) is no question of its own."""
    split = split_situation(question, lambda sentence: False)
    assert (split[0] if split else None) == situation


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # What the situation asks answers nothing: the last sentence asks.
        (
            "我们支部学习会开了不少，笔记记得满满当当。可学完照旧，这难道不是白学吗？学用融合怎么要求的？",
            "学用融合怎么要求的？",
        ),
        ("党建考核年年优秀，评先评优却不看。谁还上心呢？这属于哪类脱节？", "这属于哪类脱节？"),
        # Nothing told besides, a run of questions, or a question that is answered: questions.
        ("这难道不是白学吗？学用融合怎么要求的？", None),
        ("我们支部学习会开了不少。谁还上心呢？谁还上心呢？谁还上心呢？学用融合怎么要求的？", None),
        ("机制融合方面抓什么？队伍融合方面又强调什么？", None),
        ("我们处开会总走过场，大家有意见。形式和内容脱节是什么意思？怎么改？", None),
    ],
)
def test_a_question_inside_a_situation_that_answers_nothing_leaves_the_last_one_asked(
    question: str, asked: str | None
) -> None:
    """Only what the situation asks that the interview answers nothing of (here: the rhetorical
    ones), once or twice, is the asker's own matter."""
    nothing = {"可学完照旧，这难道不是白学吗？", "谁还上心呢？", "这难道不是白学吗？"}
    split = split_situation(question, nothing.__contains__)
    assert (split[1] if split else None) == asked


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "我们厅机关党委想把党建考核和业务考核合起来，有人担心党建被冲淡。到底能不能合？"
            "意见在机制上是怎么提的？",
            "mechanism_integration",
        ),
        # What the situation asks is the interview's (是不是根本就治不好？, 难道两张皮是顽症
        # 吗？): it is a question too, not the asker's own matter, and the last sentence alone
        # (full_and_part_time, cadre_goal) is no answer to the message.
        (
            "我们处两张皮的问题反复出现。是不是根本就治不好？专职兼职党务干部有什么要求？",
            "common_ailment",
        ),
        ("我是新来的党务干部。难道两张皮是癌症吗？党务干部要成为什么样的人？", None),
    ],
)
def test_a_question_of_ones_own_matter_inside_a_situation_is_aside(
    answerer: Answerer, question: str, entry: str | None
) -> None:
    """到底能不能合？ asks nothing the interview answers: the message asks its last sentence,
    with the situation for context."""
    result = answerer.ask(question)
    if entry is None:
        assert result.status is Status.SUGGESTED, result
        assert "common_ailment" in [s.entry for s in result.suggestions], result
    else:
        assert result.entry == entry, result


def test_what_the_opinion_asks_after_a_situation_is_asked_of_the_situation(
    answerer: Answerer,
) -> None:
    """意见是怎么要求的 alone says nothing: the whole message is the question."""
    result = answerer.ask("我们想把政治建设往前排，意见是怎么要求的？")
    assert result.entry != "significance", result
    assert "politics_first" in [result.entry, *(s.entry for s in result.suggestions)], result


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("两张披算癌症吗", "common_ailment"),
        ("两张皮是不治之症吗", "common_ailment"),
        ("党建和业务各干各的，能治好吗", "common_ailment"),
        (
            "有人私下说党建业务各搞各的是老大难，根本治不好，负责人是怎么看待这个问题严重程度的？",
            "common_ailment",
        ),
        # The illness itself, with nothing of the problem likened to it.
        ("癌症能治好吗", None),
        ("癌症是不是治不好", None),
        ("绝症怎么治", None),
    ],
)
def test_the_interviews_illness_is_read_only_of_the_problem(
    answerer: Answerer, question: str, entry: str | None
) -> None:
    """The interview likens 两张皮 to an illness (not 癌症 but 常见病); cancer itself is a
    medical question."""
    answers_with(answerer, question, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "我们单位这几年进了不少刚毕业的年轻人，学理论往往学完就放一边，文件在学习上是不是"
            "把年轻人当重点？",
            "learning_groups",
        ),
        ("单位招了不少刚毕业的研究生，意见对青年干部学理论有什么要求", "learning_groups"),
        # Graduates' own lives, or asked about by themselves, are still not covered.
        ("刚毕业的年轻人怎么找工作", None),
        ("我们单位进了几个刚毕业的大学生，他们的工资怎么定", None),
        ("刚毕业的大学生要学习意见吗", None),
    ],
)
def test_newcomers_fresh_from_college_in_the_askers_unit_are_its_young_cadres(
    answerer: Answerer, question: str, entry: str | None
) -> None:
    """毕业 names students' lives, which the interview never covers; the graduates a unit took
    on are its young cadres."""
    answers_with(answerer, question, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "文件第一条讲的是从思想认识上把两件事当成一件事来抓，具体强调要把这种想法落实到哪儿？",
            "idea_integration",
        ),
        ("有人把党建看成软任务，文件第一条强调要增强哪方面的责任意识？", "idea_integration"),
        ("文件第二条是怎么要求把政治要求落到实际工作里的？", "orientation_integration"),
        ("文件第四条讲工作干到位的时候，党组织和党员分别要起什么作用？", "goal_integration"),
        ("意见第六条讲的是党务干部队伍吗", "team_integration"),
        # Bare, or told by what another integration says: an article the interview never gives.
        ("意见第三条规定了什么", None),
        ("意见第五条是什么内容", None),
        ("意见第一条是关于什么的", None),
        ("意见第三条讲的是党务干部队伍吗", None),
        ("意见第七条讲的是党务干部队伍吗", None),
        # Another body's document, a contract, an item under an article (the adversarial
        # helper's probes).
        ("县里的文件第一条讲的是理念融合吗", None),
        ("单位文件第三条讲学习吗", None),
        ("团委的意见第三条讲青年学习吗", None),
        ("去年那份意见第五条讲考评机制吗", None),
        ("租房合同第四条是什么意思", None),
        ("意见第三条第二项讲的是青年干部吗", None),
    ],
)
def test_an_article_told_by_what_its_integration_says_is_that_integration(
    answerer: Answerer, question: str, entry: str | None
) -> None:
    answers_with(answerer, question, entry)


@pytest.mark.parametrize(
    "question", ["意见提出的是五个融合吧？", "意见有七个融合吧", "意见讲了三个融合对吗"]
)
def test_a_miscount_of_the_integrations_gets_the_six(answerer: Answerer, question: str) -> None:
    """五个融合 is the six miscounted, not the fifth of them (五是深化机制融合)."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, "main_content"), result


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("治当下的四个融合是哪四个", "now_and_long_term"),
        ("管长远的两个融合是哪两个", "now_and_long_term"),
        ("是五个融合还是六个融合", "six_disconnects"),
    ],
)
def test_the_integrations_counted_in_part_stay_counted(
    answerer: Answerer, question: str, entry: str
) -> None:
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # The rest of the words are the other integrations' and the Opinion's own aims
        # (机制融合要达到什么目标, 意见要达到什么目标): the name settles it.
        ("理念融合要达到啥目的", "idea_integration"),
        ("导向融合想实现什么效果？", "orientation_integration"),
        ("学用融合想实现什么效果？", "learning_integration"),
        ("目标融合要达到啥目的", "goal_integration"),
        ("队伍融合要达到啥目的", "team_integration"),
        ("机制融合想实现什么效果？", "mechanism_integration"),
        # The Opinion's own aim is still its own.
        ("印发意见的目的是什么", "purpose"),
        ("出台这个意见想实现什么", "purpose"),
        # Another field's integration named beside the Opinion's leaves them asked.
        ("除了数实融合，意见的六个融合是哪些", "main_content"),
    ],
)
def test_what_one_integration_aims_at_is_that_integrations(
    answerer: Answerer, question: str, entry: str
) -> None:
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("导向融合对炒股有什么启发？", "idea_integration"),
        ("学用融合对带团队有什么启发？", "team_integration"),
        ("学用融合对创业者有什么启示？", "team_integration"),
    ],
)
def test_an_integration_named_is_not_offered_another_integrations_paragraph(
    answerer: Answerer, question: str, other: str
) -> None:
    """A question naming one integration is neither answered nor offered another's paragraph
    when nothing else it says is in that paragraph."""
    result = answerer.ask(question)
    assert other not in {result.entry, *(s.entry for s in result.suggestions)}, result


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("构建责任链是队伍融合的内容吗", "responsibility_chain"),
        ("推进融合常态长效是目标融合吗", "mechanism_integration"),
        ("选优配强党组织负责人是机制融合的要求吗", "leaders"),
        # In any shape (two adversarial helpers' probes).
        ("构建责任链在目标融合里吗", "responsibility_chain"),
        ("理念融合提到联动考评了吗", "responsibility_chain"),
        ("机制融合怎么发挥战斗堡垒作用", "fortress_role"),
        ("选优配强党组织负责人在机制融合里吗", "leaders"),
    ],
)
def test_whether_a_measure_is_the_named_integrations_is_answered_by_its_own(
    answerer: Answerer, question: str, entry: str
) -> None:
    """Asking whether a measure belongs to the integration named, or how that one does it, the
    measure's own paragraph answers, whichever integration it is: what the question says of
    another integration's paragraph keeps that paragraph a candidate."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


def test_the_number_settles_it_without_readers_questions_alike(
    tmp_path: Path, answerer: Answerer
) -> None:
    """Withheld from asked.yaml, readers' questions naming an integration by number still get
    it (the other integrations' passages hold the same words, 一是…六是)."""
    path = tmp_path / "numbered.yaml"
    path.write_text(
        "in_scope:\n"
        "  - {q: 第一个融合是什么融合, answer: 一是强化理念融合}\n"
        "  - {q: 第二个融合叫啥名字, answer: 二是聚焦导向融合}\n"
        "  - {q: 《意见》提出的六个融合中，第五个是什么？, answer: 五是深化机制融合}\n"
        "out_of_scope: []\n",
        encoding="utf-8",
    )
    report = evaluate(answerer, read_questions(path, set(answerer.kb.by_id)))
    assert report.correct_rate == 1.0, report.misses


@pytest.mark.parametrize(
    "question",
    [
        "数字融合赋能乡村振兴的第六条是什么",
        "产学研融合十二条的第五条",
        "三治融合中排第一的是自治吗",
        "隔壁厅的党建和业务融合工作法排第一的是哪个",
        "第五个融合发展示范区在哪",
        "科教融合的第四个抓手是什么",
        "数实融合排第五的方向是什么",
        "文体旅融合发展的第一招是啥",
        "二十条措施的第三条讲什么",
        # A second adversarial round: whatever another field's integration is called, and
        # measures a government issued.
        "五育融合排第一的是德育吗",
        "军地融合排第一",
        "胡汉融合排第一的朝代",
        "七龙珠第一个融合的角色",
        "国务院稳经济六条措施第二条",
    ],
)
def test_something_else_counted_beside_integration_is_not_an_integration(
    answerer: Answerer, question: str
) -> None:
    """Another field's integration, or a thing of it (工作法, 示范区), counted (an adversarial
    round of ordinal messages)."""
    result = answerer.ask(question)
    assert result.entry not in {
        "idea_integration",
        "orientation_integration",
        "learning_integration",
        "goal_integration",
        "mechanism_integration",
        "team_integration",
    }, result


def test_a_count_within_the_long_term_two_is_not_a_count_of_the_six(answerer: Answerer) -> None:
    """管住长期的第一个融合 is the mechanism one, not the first of the six: the passage that
    groups them answers, or that one."""
    result = answerer.ask("管住长期的第一个融合")
    assert result.entry in {"now_and_long_term", "mechanism_integration"}, result


def test_another_integration_counted_in_english_is_not_the_opinions(answerer: Answerer) -> None:
    """English words the vocabulary cannot read say whose integration is counted."""
    for question in (
        "second integration test failed, what now",
        "third integration by parts example",
    ):
        assert answerer.ask(question).status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Are there plans for case-study materials or on-site visits?", "case_materials"),
        ("What should Party affairs cadres ultimately become?", "cadre_goal"),
        (
            "What kind of long-term mechanisms does the Opinion want to set up?",
            "responsibility_chain",
        ),
        # A detail asked, when the one passage gives it (blind_dev86): the page is the report's.
        ("newspaper date and page", "report"),
        # Traps: what the interview never gives, asked in English, stays declined at that bar.
        ("How is the women's federation funded?", None),
        ("What is the budget for the Party affairs cadre training?", None),
        ("Which month will the supervision start?", None),
        ("What's the weather in Beijing?", None),
        ("What does the 1+N policy framework for carbon peaking refer to?", None),
        ("what was on the front page of Henan Daily that day", None),
        ("What is the name of the reporter who interviewed the official?", None),
        # One word of the interview's among unread ones, or an out-of-scope question as near
        # (an adversarial helper's probes).
        ("Who issued my passport?", None),
        ("Who issued the bonds?", None),
        ("How do I join the Communist Youth League?", None),
        ("What is a fighting fortress in a video game?", None),
        ("What is the main content of a resume?", None),
    ],
)
def test_questions_typed_in_letters_are_answered_from_a_lower_bar(
    answerer: Answerer, question: str, entry: str | None
) -> None:
    """English scores lower for the words its vocabulary leaves unread: a clear lead from
    `clear_lead_score` answers it, and what the interview never gives is still declined."""
    answers_with(answerer, question, entry)


def test_a_clear_lead_answers_below_the_lead_bar(answerer: Answerer) -> None:
    """From `clear_lead_score`, a lead of `clear_lead_margin` answers; a smaller lead, too
    little evidence (less in English or pinyin, which read fewer words) or an out-of-scope
    question as near still get choices."""
    best = Candidate(0, 0.28, evidence=15.0, nearest=0.2)

    def rival(score: float) -> Candidate:
        return next(
            Candidate(index, score, evidence=10.0, nearest=0.2)
            for index in range(1, len(answerer.kb.entries))
            if answerer._distinct(0, index)
        )

    assert answerer._decide([best, rival(0.18)]) == (Status.ANSWERED, [best])
    assert answerer._decide([best, rival(0.22)])[0] is Status.SUGGESTED
    # One of the interview's terms in another field's question carries 8-12.
    thin = Candidate(0, 0.28, evidence=10.0, nearest=0.2)
    assert answerer._decide([thin, rival(0.18)])[0] is Status.SUGGESTED
    assert answerer._decide([thin, rival(0.18)], in_letters=True) == (Status.ANSWERED, [thin])
    thinner = Candidate(0, 0.28, evidence=6.0, nearest=0.2)
    assert answerer._decide([thinner, rival(0.18)], in_letters=True)[0] is Status.SUGGESTED
    # Typed in letters, a lead on more than one of the interview's words counts from
    # `letters_clear_lead_score` (0.22), not 0.27.
    lower = Candidate(0, 0.23, evidence=10.0, nearest=0.2)

    def in_letters(ranked: list[Candidate]) -> Status:
        return answerer._decide(ranked, in_letters=True, several_words=True)[0]

    assert answerer._decide([lower, rival(0.1)], several_words=True)[0] is Status.SUGGESTED
    assert in_letters([lower, rival(0.1)]) is Status.ANSWERED
    lowest = Candidate(0, 0.21, evidence=10.0, nearest=0.2)
    assert in_letters([lowest, rival(0.1)]) is Status.SUGGESTED
    # Not on one of the interview's words alone (What's the innovation in the new iPhone?
    # carries 8.5; Which newspapers quoted the mayor? reads 报纸 only).
    one_word = Candidate(0, 0.23, evidence=8.5, nearest=0.2)
    assert in_letters([one_word, rival(0.1)]) is Status.SUGGESTED
    assert answerer._decide([lower, rival(0.1)], in_letters=True)[0] is Status.SUGGESTED
    count = len(answerer.kb.entries)
    outside = Candidate(count, 0.25, evidence=10.0, nearest=0.1)
    assert answerer._decide([best, rival(0.18)], outside)[0] is Status.SUGGESTED


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Chinese, right first with a clear lead below 0.30 (the readable sets).
        ("学理论这块儿重点盯哪几拨人？", "learning_groups"),
        ("在机制这一块，访谈说要两只手一起抓，分别抓的是什么？", "mechanism_measures"),
        (
            "这次文件出台之前，省直各单位自己已经摸索了不少办法，请问文件跟这些做法是什么关系？",
            "origin",
        ),
        # One of the interview's terms in another field's question leads as clearly, on too
        # little evidence (an adversarial helper's probes, answered at English's 7.0).
        ("两张皮对炒股有什么启发？", None),
        ("理念融合对运动员有什么启示？", None),
        ("明白人用在谈恋爱里是什么意思？", None),
        ("同向发力对带团队有什么启发？", None),
        ("激活兼职有哪些失败的教训？", None),
    ],
)
def test_chinese_questions_with_a_clear_lead_are_answered(
    answerer: Answerer, question: str, entry: str | None
) -> None:
    """Chinese scores as English does against the same bar: a clear lead answers, when the
    question carries more of the entry's words than one term."""
    answers_with(answerer, question, entry)


@pytest.mark.parametrize(
    "question",
    [
        "我的胃病是常见病吗",
        "青春痘老是反复发作，抹什么药膏管用",
        "失眠老是反复发作，抓准药方能治好吗",
    ],
)
def test_illness_itself_is_not_covered(answerer: Answerer, question: str) -> None:
    """常见病 and 药方 are the interview's metaphors: a question about someone's illness is
    declined, however near its words come to that passage."""
    answers_with(answerer, question, None)


# --------------------------------------------------------------------------- two passages as one

# Questions the matcher is torn on between two passages that meet in the interview.
TORN = {
    "Does the guideline also warn against empty political slogans detached from actual work?": (
        "six_disconnects",
        "politics_first",
    ),
    "我是业务骨干，只把业务干好、政治上不讲究行不行？": ("six_disconnects", "politics_first"),
    "hw to implement the opinons, next step?": ("must_study", "supervision"),
}


@pytest.mark.parametrize(("question", "pair"), TORN.items())
def test_torn_between_neighbouring_passages_quotes_both_as_one(
    answerer: Answerer, question: str, pair: tuple[str, str]
) -> None:
    """Not "did you mean": the two passages, in the interview's order, one verbatim stretch."""
    result = answerer.ask(question)
    assert result.status is Status.ANSWERED
    assert result.quoted == pair
    assert result.entry in pair
    earlier, later = (answerer.kb.by_id[i] for i in pair)
    both = fold_for_comparison(earlier.passage + later.passage)
    assert both in "".join(map(fold_for_comparison, interview_paragraphs(answerer.kb.interview)))
    assert both in fold_for_comparison(result.reply)
    # The links under it lead to neither passage.
    assert not set(result.related) & set(pair)
    assert result.as_json()["quoted"] == list(pair)


def test_a_traditional_question_gets_both_passages_in_traditional(answerer: Answerer) -> None:
    result = answerer.ask("我是業務骨幹，只把業務幹好、政治上不講究行不行？")
    assert result.quoted == ("six_disconnects", "politics_first")
    assert result.traditional
    assert "聚焦導向融合" in result.reply
    assert "考核和獎懲脫節" in result.reply


@pytest.mark.parametrize(
    "question",
    [
        # An adversarial helper's: the two passages' own words, then something neither says,
        # as near a reader's out-of-scope question as to them.
        "精通党务熟悉业务的党务干部和联动考评长效机制，有没有评分表",
        "意见由谁印发，负责人回答记者提问时心情如何",
    ],
)
def test_two_neighbours_near_an_out_of_scope_question_stay_a_choice(
    answerer: Answerer, question: str
) -> None:
    result = answerer.ask(question)
    assert result.status is Status.SUGGESTED
    assert result.quoted == ()


@pytest.mark.parametrize(
    "question",
    [
        # What the interview gives no years for, and other fields' "two skins" (the helper's).
        "总结近年来实践做法和有力抓手，近年来是指哪几年",
        "剧组拍摄和后勤两张皮，常见病怎么治，保障和关键是什么",
        "车间生产和安全两张皮，常见病怎么治",
        "连队训练和管理两张皮，常见病怎么治",
    ],
)
def test_what_the_neighbours_do_not_say_is_declined(answerer: Answerer, question: str) -> None:
    assert answerer.ask(question).status is Status.UNKNOWN


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # A second helper's: another trade named in passing beside the organs leaves the
        # question the Opinion's (车间, 剧组 and 连队 are everyday words, not plain not_covered).
        ("我在省直机关工作，以前在车间干过，想问什么是“两张皮”问题？", "two_skins"),
        ("我从连队转业到省直机关，《意见》的主要内容有哪些？", "main_content"),
        ("剧组的共青团可以参与吗？群团组织在融合发展中有责任吗？", "mass_organizations"),
        # 哪几年 asks when, as 哪年 does.
        ("《意见》是哪几年印发的", "when_issued"),
        ("哪几年是两张皮问题最严重的", None),
    ],
)
def test_another_trade_in_passing_and_which_years(
    answerer: Answerer, question: str, expected: str | None
) -> None:
    answers_with(answerer, question, expected)


def test_passages_that_do_not_meet_are_still_offered_as_choices(answerer: Answerer) -> None:
    """Two passages apart in the interview stay a choice: no quote runs across a gap."""
    result = answerer.ask("干部")
    assert result.status is Status.SUGGESTED
    assert result.quoted == ()
    kb = answerer.kb
    first, second = (kb.by_id[s.entry] for s in result.suggestions[:2])
    assert kb.joined_passage(first, second) is None


def test_a_pick_or_a_button_shows_one_passage(answerer: Answerer) -> None:
    entry = answerer.kb.by_id["politics_first"]
    result = answerer.answer_entry(entry)
    assert result.quoted == ("politics_first",)
    assert result.together == ()


def test_an_excerpt_across_two_neighbouring_passages_counts_when_both_are_quoted(
    tmp_path: Path, answerer: Answerer
) -> None:
    path = tmp_path / "blind.yaml"
    path.write_text(
        "in_scope:\n"
        "  - q: 我是业务骨干，只把业务干好、政治上不讲究行不行？\n"
        "    answer: 党建考核和奖惩脱节。二是聚焦导向融合\n",
        encoding="utf-8",
    )
    report = evaluate(answerer, read_questions(path, set(answerer.kb.by_id)))
    assert (report.in_scope, report.correct) == (1, 1)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "What mistaken view about serving the central task does the document correct?",
            "misconception",
        ),
        (
            "What misconception about serving the center does the document correct?",
            "misconception",
        ),
        ("Which two integrations are meant to manage the long term?", "now_and_long_term"),
        (
            "Which two integrations are meant to keep things under control in the long run?",
            "now_and_long_term",
        ),
        # Not about the Opinion: the words stay unread.
        ("What are common misconceptions about vaccines?", None),
        ("What integrations does Slack support?", None),
        ("How should I manage the long term integrations of my software stack?", None),
        (
            "How does my startup build responsibility chains and joint evaluation for"
            " integrations?",
            None,
        ),
        ("How do I manage the long term care of my parents?", None),
        ("How many integrations are there in European Union policy?", None),
    ],
)
def test_english_for_a_mistaken_view_and_the_long_term_integrations(
    answerer: Answerer, question: str, expected: str | None
) -> None:
    answers_with(answerer, question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # blind_dev127's English, in other words: read everywhere.
        ("How should ideological work fit into ordinary tasks?", "goal_integration"),
        # Read about the Opinion only.
        (
            "Can cadres switch over from party affairs to business posts and the other way round?",
            "two_way_exchange",
        ),
        ("What should be looked for when picking heads of party organizations?", "leaders"),
        ("How does party building tie in with the central work?", "entry_points"),
        # A clear lead below 0.27, typed in English.
        ("In which trainings is integration a compulsory topic?", "must_study"),
        ("which groups get special focus in theory study", "learning_groups"),
        # Everyday English keeps those words unread.
        ("How do I check up on my elderly parents?", None),
        ("Should the police be held accountable?", None),
        ("Can I switch over to Android, or vice versa?", None),
        ("How does yoga fit into my daily routine?", None),
        ("Where can I find good examples of essays?", None),
        ("What events are on in Zhengzhou this weekend?", None),
        # Nor what cadres pick, nor in my company (an adversarial helper's probes).
        ("How do cadres pick stocks?", None),
        ("What does the document say about picking a car?", None),
        ("How do I pick cadres for my startup?", None),
        ("How do I check up on cadres in my club?", None),
        ("What's the innovation in the new iPhone?", None),
    ],
)
def test_english_in_readers_words_and_a_lower_clear_lead(
    answerer: Answerer, question: str, expected: str | None
) -> None:
    answers_with(answerer, question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # What the problem does once efforts ease, asked as a whole.
        ("What happens if agencies ease off on the problem?", "common_ailment"),
        (
            "What happens if departments relax their efforts once things get better?",
            "common_ailment",
        ),
        ("What would happen if the efforts against the two skins are relaxed?", "common_ailment"),
        ("What happens when the cadres let their guard down?", "common_ailment"),
        # What comes next, asked of the Opinion.
        ("What's going to happen next with the Opinion?", "implementation"),
        ("What's next for the document?", "implementation"),
        # Anyone's: muscles, rules, plans; organs, units or the committee alone (an
        # adversarial helper's probes).
        ("What happens if I relax my grip?", None),
        ("What happens if we relax the rules?", None),
        ("What happens if cadres relax at the weekend?", None),
        ("What happens if organs relax?", None),
        ("What happens if units let up?", None),
        ("What happens if the committee relaxes?", None),
        ("What happens if the Fed relaxes?", None),
        ("What's going to happen next with my visa?", None),
        ("What's happening next with this?", None),
        ("What's next for Apple?", None),
    ],
)
def test_whole_english_questions_of_easing_off_and_what_comes_next(
    answerer: Answerer, question: str, expected: str | None
) -> None:
    answers_with(answerer, question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # blind_dev129's English: why bother, what is new, easing off, moving between posts.
        ("Why bother with the Opinion?", "background_and_significance"),
        ("Is there anything new in these opinions, or is it more of the same?", "innovations"),
        ("What happens if everyone eases off on it?", "common_ailment"),
        ("Do party cadres move between party affairs and business jobs?", "two_way_exchange"),
        ("I'd like to know who issued the document.", "issuer"),
        # "At all" places the question nowhere.
        ("Why did they bother issuing the Opinion at all?", "background"),
        ("Is the Opinion innovative at all?", "innovations"),
        # Everyone only on it: a pandemic's relapse is not the problem's.
        ("What happens if people let their guard down once things improve?", None),
        # Two of the terms read only about the Opinion do not make a question about it (an
        # adversarial helper's probes against a version that read them so).
        ("Which mass organizations are included in the Soviet constitution?", None),
        ("Can I copy the working methods of Toyota?", None),
        ("Are Christmas and Easter commemoration activities included?", None),
        ("How do I motivate workers daily?", None),
        ("Is there a gap between supply and demand?", None),
        ("Is a youth team counted as a mass organization?", None),
        ("Who wrote the rules of chess?", None),
        ("Is the training course a one-off?", None),
        ("Are these opinions important?", None),
    ],
)
def test_english_in_readers_words_of_blind_dev129(
    answerer: Answerer, question: str, expected: str | None
) -> None:
    answers_with(answerer, question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # blind_dev131's English names no document: "it" opens the question and says or asks.
        ("Which one-sided view does it push back against?", "misconception"),
        ("What does it take as its basic rules to follow?", "guiding_principles"),
        (
            "Does it encourage swapping posts between Party affairs staff and line staff?",
            "two_way_exchange",
        ),
        ("Does it say they will check how it is going?", "supervision"),
        ("Does it set up joint evaluation?", "responsibility_chain"),
        ("What does it say about accountability?", "responsibility_chain"),
        ("What does it call a common ailment?", "common_ailment"),
        # What it will say is another day's, and what it takes only "as" something; "this"
        # after on or with, and "this integration", point at anything (an adversarial helper's
        # probes, answered by a version that read them so).
        ("What will it say at the meeting?", None),
        ("Will someone check how my dog is doing on this?", None),
        ("Will the landlord check how the tenants are doing on this?", None),
        ("How do I innovate on this?", None),
        ("What materials do I need in this?", None),
        ("How do I set up this integration?", None),
        ("What are the basic rules in this organisation?", None),
        ("What does it take to innovate?", None),
        # "It" after another subject is that subject (a second helper's probes).
        ("Apple: does it mention how to innovate?", None),
        ("NHS: did it mention how to follow up?", None),
        ("Netflix: does it mention how to motivate workers?", None),
        # Line staff are the interview's 行政、业务干部, whom party cadres swap posts with.
        ("Does the Opinion say how line staff and party workers exchange?", "two_way_exchange"),
    ],
)
def test_english_pointing_at_the_opinion_by_it_or_here(
    answerer: Answerer, question: str, expected: str | None
) -> None:
    answers_with(answerer, question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Checking how the organs are doing is the work committee's 调研督促, named or not
        # (blind_dev131, blind_dev133), and the paper that ran "this" is the interview's.
        ("Who checks on how the departments are doing?", "supervision"),
        ("Will there be follow-up checks on how units are doing?", "supervision"),
        ("Is anyone going to monitor how agencies are performing?", "supervision"),
        ("Which paper ran this, and on what page?", "report"),
        ("What newspaper carried it?", "report"),
        ("Will anyone check up on how departments are doing with this?", "supervision"),
        ("Who will oversee how the bureaus are doing?", "supervision"),
        ("Who's going to check how departments are doing?", "supervision"),
        ("Which paper ran this and when?", "report"),
        ("Hi, which paper ran this?", "report"),
        # Anyone else's check, or anywhere else's, is not (words beside it name them), nor what
        # a paper ran of anything else.
        ("How should a manager check how departments are doing?", None),
        ("Our CEO checks how departments are doing every week, is that good?", None),
        ("Who checks on how departments are doing at Google?", None),
        ("Which paper ran this ad?", None),
        ("Which paper ran this story about the flood?", None),
        ("Apple released a new iPhone. Which paper ran this?", None),
        # An adversarial helper's: another place, year or script beside the check, "the paper"
        # as the one checking, and anything asked beside the paper but its page or day.
        ("Who checks how departments are doing in Москва?", None),
        ("Who checks how departments are doing in 1949?", None),
        ("Who checks how departments are doing at 老板那里?", None),
        ("Does the paper check how departments are doing?", None),
        ("Which paper ran this and should I buy Tesla stock?", None),
        ("What paper published this? I mean the Trump article.", None),
        ("Which paper ran this, in 1990?", None),
        # A second question is its own, not swallowed by the first.
        ("Who checks how departments are doing? 《意见》的背景是什么？", "background"),
        ("Which paper ran this and what are the main contents of the Opinion?", "main_content"),
    ],
)
def test_english_check_on_the_organs_and_the_paper_that_ran_it(
    answerer: Answerer, question: str, expected: str | None
) -> None:
    answers_with(answerer, question, expected)


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        ("What is meant here by the six disconnections?", "six_disconnects"),
        ("What's meant here by a common ailment?", "common_ailment"),
        ("What's the crux mentioned here?", "guarantee_and_key"),
    ],
)
def test_what_is_meant_here_is_asked_of_the_opinion(
    answerer: Answerer, question: str, offered: str
) -> None:
    """What is meant or mentioned "here" is the Opinion's: its passage is offered first."""
    result = answerer.ask(question)
    assert result.status is Status.SUGGESTED, result
    assert result.suggestions[0].entry == offered, result


@pytest.mark.parametrize(
    "question",
    [
        "Who checks up on the workers here?",
        "How do I motivate workers here?",
        "What support do I get here?",
        "What matters here?",
    ],
)
def test_here_without_a_saying_is_no_place_in_the_opinion(
    answerer: Answerer, question: str
) -> None:
    """A bare "here" is where the asker is: only what is said, meant or listed here is the
    Opinion's, and the others are declined, not offered choices."""
    assert answerer.ask(question).status is Status.UNKNOWN


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The original words of a part the question names (blind_dev135) are that part, quoted
        # as every answer is: 怎么写 here asks what it says, not how to write something.
        ("“两张皮”长期制约机关党建那句，原文怎么写的？", "two_skins"),
        ("理念融合这一条原文是怎么写的？", "idea_integration"),
        ("“根本保证”那句原文怎么写", "party_building_role"),
        ("说《意见》是“有力抓手”的那句原话怎么写的？", "significance"),
        ("《意见》的全称原文怎么写的？", "title"),
        ("“政策指导、制度支持”那句原文怎么写？", "policy_guidance"),
        ("六个脱节原文怎么写的", "six_disconnects"),
        ("1+N那段原文怎么表述的", "one_plus_n"),
        # One integration's own words are its own passage, not the team's goal or the meaning.
        ("目标融合原文怎么表述的？", "goal_integration"),
        ("队伍融合的具体提法？", "team_integration"),
        ("导向融合的提法是什么", "orientation_integration"),
    ],
)
def test_the_original_words_of_a_named_part(
    answerer: Answerer, question: str, expected: str
) -> None:
    answers_with(answerer, question, expected)


@pytest.mark.parametrize(
    "question",
    [
        # How to write one's own text, the whole Opinion (which the interview does not hold), or
        # a text the interview only cites or plans: nothing to quote.
        "入党申请书原文怎么写",
        "党建工作总结原文怎么写",
        "文件原文怎么写的",
        "意见原文应该怎么写",
        "总书记在中央和国家机关党的建设工作会议上的讲话原文怎么写的",
        "融合工作法的原文怎么写的",
        "这首歌原文怎么写的",
        # One of the interview's words in another text (a song's, a medical record's).
        "贴心人歌词原文怎么写的",
        "常见病病历原文怎么写",
        # An adversarial helper's: the whole Opinion by its title, another body's document, the
        # asker's own unit's text, texts of other kinds, and parts of the Opinion the interview
        # does not quote.
        "《关于破解“两张皮”问题推动省直机关党建和业务工作深度融合的意见》原文怎么写的",
        "“六个脱节”教育部文件原文怎么写的",
        "国资委文件里目标融合原文怎么写的",
        "我们厅的机制融合制度原文怎么写的",
        "我们处的导向融合汇报原文怎么写",
        "先进党支部事迹材料原文怎么写",
        "总书记关于机关党建重要论述原文怎么写的",
        "党委(党组)理论学习中心组学习规则原文怎么写",
        "意见的开头原文怎么写的",
        "意见第二条原文怎么写",
        # A third helper's: the asker's own unit or text without 的, another body, a text of
        # another kind before the part or after it, advice on writing, and a quoted term the
        # interview never uses.  三个人 (党务干部要成为“三个人”，原文是怎么写的) is a gloss no
        # passage uses, and is no longer read as a part either.
        "我们支部学用融合原文怎么写",
        "单位理念融合原文怎么写",
        "自己写的理念融合原文怎么写",
        "组织部理念融合原文怎么写",
        "村支部目标融合原文怎么写",
        "党章里队伍融合原文怎么写",
        "党课讲稿里两张皮那段原文怎么写",
        "理念融合制度原文怎么写",
        "学用融合原文怎么写比较合适",
        "“模范机关”那句原文怎么写",
        "“模范机关”那段讲的啥",
    ],
)
def test_the_original_words_of_another_text_are_not_quoted(
    answerer: Answerer, question: str
) -> None:
    assert answerer.ask(question).status is Status.UNKNOWN


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # A clear lead in a question naming the organs' Party world is answered from
        # `organs_clear_lead_score` (an adversarial helper's probe; blind_dev135, 65, 119, 82).
        ("支部书记平时业务忙，党建顾不上，意见有什么办法让他两头兼顾？", "leaders"),
        ("对那种光喊口号不干业务的，意见啥态度？", "orientation_integration"),
        ("机关党的建设是什么的根本baozheng", "party_building_role"),
        ("干党务是不是去了就出不来了，能转业务岗不", "two_way_exchange"),
        (
            "我在做课件，第一页要写这份文件的出台目的。采访报道导语里交代过。印发《意见》是为了什么？",
            "purpose",
        ),
        # Not when only the asker is a Party member or a cadre, nor when 意见 is a complaint or
        # a view: one of the interview's words in another life's question (the helper's traps).
        ("开饭馆的党员，前厅和后厨怎么建立长效机制？", None),
        ("我是党员，装修队里的木工和电工怎么明晰责任？", None),
        ("干部开的农家乐，服务员和厨师怎么明晰责任？", None),
        ("家长和老师对孩子教育意见不一致，怎么找结合点？", None),
        ("我家狗老是乱叫，一管就好一放松就犯，党员邻居有意见", None),
    ],
)
def test_a_clear_lead_naming_the_organs_party_world(
    answerer: Answerer, question: str, expected: str | None
) -> None:
    answers_with(answerer, question, expected)
