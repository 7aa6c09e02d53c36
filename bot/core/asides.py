"""The asker's story around the question: who sent them (处长让我查查, 主任叫我问问), whose
question they pass on (我们处长问…) and the scene they set (我下个月要参加任职培训, 年底要写述职
报告).

Readers often say who sent them: 我们处长让我查查，意见里对处级以上党员领导干部的学习有啥要求.
The office holder there asks nothing about themselves, while 处长 asked of (处长是谁, 处长的待遇)
is a question the interview never answers.  The office is set aside only when the errand is the
text itself: 处长让我查党费标准 or 主任叫我问问示范培训的地点 may ask about the errand.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.textnorm import clean, has_content

# An office holder who sends the asker: 处长让我, 主任叫我, 部长要我.  Not one who speaks (部长
# 讲话的主要内容, 社长说河南日报什么时候改版): what they said is what is asked about.
_SUPERIORS = "处长|副处长|科长|主任|厅长|局长|主席"
_OFFICES = f"(?:{_SUPERIORS}|部长|社长|总编)"
_SENDING = "(?:让|叫|要|要求|安排|交代|吩咐|布置给?)(?:我们|我|俺|咱)"
# 领导 sends too (领导让我下周汇报), but is no office of `_OFFICES`: there 领导干部 and 领导班子
# would be someone's own.
_SENT_RE = re.compile(f"(?:{_OFFICES}|领导){_SENDING}")


def without_senders(cleaned: str) -> str:
    """A cleaned text without who sent the asker (处长让我查查，… → 查查…)."""
    return _SENT_RE.sub("", cleaned)


# An office holder whose question or claim the asker passes on: 我们处长问第五个是不是机制融合,
# 业务处长说党建是机关党委的事.  What follows is the question; the office is no part of it.  Not
# their words as a thing (处长说的话, 主任说了什么): those ask about them.  Only the asker's own
# superiors: what the paper's 社长 or 总编 says of 河南日报 is about the paper.
_RELAYED_RE = re.compile(
    # Not 班主任, 村主任 or 毛主席: no superior of the asker's in the organs.
    f"(?<![班村毛])(?:{_SUPERIORS})(?:问|说|认为|觉得)(?:我们|我|俺)?(?![话的了过明])"
)


def without_relayers(cleaned: str) -> str:
    """A cleaned text without whose question the asker passes on (处长问X → X)."""
    return _RELAYED_RE.sub("", cleaned)


# Where a message's clauses end (kept by the split: a question mark says "asked").  Not 、: it
# lists the parts of one clause.
_CLAUSE_END_RE = re.compile(r"([，,。．；;！!？?：:\n…~～]+)")
_ASKED_RE = re.compile(r"[？?]")
# Words that make a clause a question (or a request for an answer).
_ASKING_RE = re.compile(
    "吗|么|呢|什么|啥|哪|怎|咋|为何|为什么|为啥|几|多少|多久|多长|是不是|对不对|有没有|谁|算不算|"
    "能不能|会不会|要不要|行不行|中不中|可不可以|请问|想问|问一下|问下|想了解|想知道|请教|确认|"
    "给我说|给俺说|介绍|列一下|说一下|讲一下|解释|是吧|对吧|没错吧|不$|没$|没有$|"
    # A clause naming a date or a place is what is asked, whatever follows (…的具体日期，急).
    "日期|时间|日程|安排|地点|几号"
)
# A time in the asker's year (下个月, 年底).
_WHEN = (
    "下周|下个月|下礼拜|明天|昨天|今天|前天|年底|年初|最近|去年|今年|明年|前两年|上周|上个月|月底"
    "|这个月|本月|上半年|下半年"
)
# The asker's story: themselves, their unit and colleagues (支部开了几次会, 同事们开了几场研讨),
# or a time in their year.
_SCENE_RE = re.compile(
    f"^(?:我|俺|咱|刚|支部|单位|处里|科里|厅里|局里|同事|大家|{_WHEN}"
    # The asker's post in the organs (作为一名处长, 作为机关党委专职副书记): where they stand,
    # told.  Not 家长, 程序员, 护士长 or 车间主任: their questions are about their own lives.
    "|作为[^，,。]{0,12}(?:处长|科长|厅长|局长|(?<!车间)主任|书记|主席|部长|委员|党员|干部|公务员"
    "|科员|骨干))"
)
# A story of every year or month (每年我们都搞集中教育), told before a question.
_STORY_START_RE = re.compile(
    "^(?:每年|每个?月|每个?季度|每周|平时|平常|以前|过去"
    # Or what was done, told with no one named (编了几本学习笔记, 办了几场观摩活动).
    "|(?:开|编|搞|办|印|派|评|选|配|学|写|参加|去|来|干)了)"
)
# In a clause that tells, 几 is "a few" (我们处有几个年轻干部, 想找几个样板, 我进机关几年了)
# but for a day or an hour (我们几号开班), 多少年 is "so many years" (我在机关党委干了多少年
# 自己都记不清了), and a time or a plan is the asker's (我今年时间比较紧, 我们处下个月安排了
# 三次学习).
_TOLD_NOT_ASKED_RE = re.compile("几(?![号点])|多少年|日期|时间|日程|安排")
# A clause that only asks whether what came before is right (…就印好了，是吧).
_TAG_RE = re.compile("^(?:是吧|对吧|对吗|是吗|是不是|对不对|没错吧|没错吗|对不)$")


def _clauses(question: str) -> list[tuple[str, str]]:
    """The message's clauses that hold anything, each with the punctuation that ends it."""
    parts = _CLAUSE_END_RE.split(question)
    return [(c, e) for c, e in zip(parts[::2], [*parts[1::2], ""], strict=True) if c.strip()]


def split_scene(question: str) -> tuple[str, str]:
    """The question apart from the clauses before it that only tell the asker's story, and
    those clauses (我下个月要参加任职培训，会讲融合吗 → 会讲融合吗, 我下个月要参加任职培训).

    A clause tells when it comes before anything asked, asks nothing (no question word, no
    question mark or tag question after it) and starts with the asker, their unit or
    colleagues, a time of their year or what was done (我, 咱, 支部, 同事, 下个月, 每年, 编了)
    or ends in 了 (进机关几年了).  One after the question is asked
    (意见要求配强专职党务干部，我们处得配几个), and so is one that tells of no one (调研督促每
    年搞几次，督促的是融合情况吗) or asks (我想问问示范培训什么时候办，意见里有讲吗)."""
    pairs = _clauses(question)
    if len(pairs) < 2:
        return question, ""  # one clause cannot both tell and ask
    cleaned = [clean(clause) for clause, _ in pairs]
    asked: list[str] = []
    scene: list[str] = []
    for at, (clause, ending) in enumerate(pairs):
        starts = _SCENE_RE.search(cleaned[at]) or _STORY_START_RE.search(cleaned[at])
        tells = not asked and (starts is not None or cleaned[at].endswith("了"))
        words = _TOLD_NOT_ASKED_RE.sub("", cleaned[at]) if tells else cleaned[at]
        tagged = at + 1 < len(pairs) and _TAG_RE.match(cleaned[at + 1]) is not None
        asks = tagged or _ASKED_RE.search(ending) is not None
        asks = asks or _ASKING_RE.search(words) is not None
        (scene if tells and not asks else asked).append(clause)
    if not scene or not asked:
        return question, ""
    return "，".join(asked), "，".join(scene)


# A message that tells the asker's situation in sentences of its own before asking: where its
# sentences end, and what disqualifies the situation: a question of its own, another document
# issued or named (单位出了个关于……的意见, so 这个意见 in the question is that one), or 意见 as
# complaints (大家意见很大), which are no word of the Opinion's.
_SENTENCE_END_RE = re.compile(r"(?<=[。！!？?\n])")
_ANOTHER_PAPER_RE = re.compile(
    "关于|(?:出|出台|印发|转发|下发|发过|发了|制定)[^。！，,]{0,15}(?:意见|通知|方案|规定|办法|文件)"
)
# A situation asks aside once or twice (这难道不是白学吗？); a run of questions is questions, and
# each one asked aside is asked alone first, so a long run would cost a second or more.
_MOST_ASIDE = 2
_COMPLAINTS_RE = re.compile("意见(?:很大|挺大|不小|大得很|较大|多)|有意见|提意见")
# A question about someone the situation told of (处长从不参加支部活动，他需要精通党务吗; 这位
# 处长, 人家) is about that person, whom the interview never mentions: it cannot be asked
# without them.
_SOMEONE_TOLD_RE = re.compile("(?<![其吉])[他她]|这位|那位|人家|此人|该同志")
_SITUATION_CHARS = 10
# A clause that ends by pointing at what it named (挑好支部书记这个要求，放在哪个融合下面) is the
# subject of the question after it, not a situation the asker stands in.
_NAMED_TOPIC_RE = re.compile(
    "(?:这|那)(?:个|条|一条|项|一项|句|句话|种|一点|几条|些)"
    "(?:要求|说法|提法|规定|表述|措施|办法|内容|概念|词|话)?$"
    # So does one that frames it, naming no asker (在党的政治建设的摆位问题上，《意见》提出了
    # 何种要求: not 在我们单位党建工作方面，…).
    "|^(?:在|关于|对于|就)[^我咱俺]*(?:问题上|方面|这块|这一块|那块|层面|上面)$"
)


# What an asker may add after their question that asks nothing and changes nothing of it, in
# whole: thanks and urgency, who in the organs asked them, the meeting or writing it is for,
# that they forgot it or where they saw it.  Anything else in a remark may narrow the question
# (重点说学用融合), set it elsewhere (我们是民企, asking for my wife), ask for something else
# (做个PPT给我, send me the PDF) or redirect it (我是说包子皮): an adversarial helper's probes
# found all of these answered when a remark was read as "asks nothing" by its question words.
_ROLES_IN_ORGANS = (
    "处长|副处长|科长|主任|厅长|局长|部长|领导|书记|支部书记|同事|老师|党务干部|专职党务干部"
    "|兼职党务干部|组织委员|宣传委员|机关党委|工委|上级|我们处|我们厅|我们局|处里|厅里|局里"
)
_SOON = (
    "明天|明早|今天|今晚|下午|上午|晚上|周[一二三四五六日末]|下周|月底|年底|马上|一会儿?|待会儿?"
)
_MEETINGS = (
    "开会|会上|支部学习|中心组学习|学习会|学习|党课|汇报|处务会|组织生活会|主题党日|支部委员会"
    "|党组会|讲课|备课|培训|述职|交流发言|发言"
)
_WRITINGS = (
    "学习体会|心得体会|心得|材料|支部工作总结|工作总结|总结|述职报告|报告|简报|学习笔记|笔记|提纲"
    "|发言稿|讲稿|课件|台账"
)
_HARMLESS_REMARK_RE = re.compile(
    "谢谢(?:啦|老师|了|您|你)?|多谢|先谢过|感谢|麻烦(?:了|您|你)?|辛苦(?:了|啦)?|拜托(?:了|啦)?"
    "|帮了大忙了?|急用|很急|挺急|着急|急|在线等|等着用|马上要用"
    f"|(?:我们|咱们|我的)?(?:{_ROLES_IN_ORGANS})(?:(?:让我|叫我|要我)(?:问的|问)?|问的|问我的|想知道|想了解|交代的|"
    "布置的|很重视|在讨论|要组织学习|要学习|在整理材料)"
    f"|(?:我|我们)?(?:要|准备|想)?在(?:{_WRITINGS})里写(?:这部分|这段|进去)?"
    f"|(?:我|我们|{_ROLES_IN_ORGANS})?(?:想|要|准备)?(?:给自己)?(?:正在|在)?(?:排|定|做|订|制定)个?"
    "(?:学习计划|学习安排)"
    f"|(?:{_SOON})?(?:要|准备|得)?(?:在|去)?(?:{_MEETINGS})(?:上|时|的时候)?"
    "(?:要用|用|要讲|要发言|要汇报|要学|要讨论|要交流)?"
    f"|(?:我|我们)?(?:要|准备|想|得|正在)?(?:写|出|整理|做|准备)(?:一下|一份|一篇)?(?:{_WRITINGS})"
    "(?:里|上)?(?:用|要用|要写|要引用)?"
    f"|(?:{_WRITINGS})(?:要用|用|要写|要引用)|整理一下|发群里|存档|引用"
    "|我?(?:记不(?:太|大)?清(?:楚)?了?|记不住|忘了|想不起来了?|没听清|之前看过)"
    "|(?:刚|在)?(?:看到|看了)?报纸(?:上看到的?)?|同事(?:刚)?转给我的?|听说是?最近才?发的"
    "|我刚来机关|我(?:是)?新来的"
)
_LEFT_OVER_RE = re.compile("[啊呀吧哈呢了的啦哦嘛呗，。！!…~～、 ]")
_HARMLESS_ENGLISH_REMARK_RE = re.compile(
    r"thanks?(?: you)?(?: (?:so|very) much)?|please|pls|urgent|asap|it'?s urgent"
    r"|(?:my|our) (?:boss|director|leader|supervisor|section chief|division head|colleagues?)"
    r"(?: (?:asked(?: me)?(?: to (?:check|find out|brief (?:him|her|them)))?"
    r"|wants to know|needs it))?"
    r"|i(?:'m| am)? (?:need|writing|drafting|preparing|making|doing)"
    r"(?: (?:a|an|the|my|some))?(?: (?:quick|short|brief|english))?"
    r" (?:list|summary|report|brief|briefing|notes|slides|presentation|speech|talk)"
    r"(?: (?:for|to) (?:a|an|my|our|the)? ?(?:report|meeting|director|boss|leader|colleagues"
    r"|team|visiting delegation|delegation|study session|party class|branch meeting))*"
    r"|i(?:'m| am) new(?: (?:here|to the (?:provincial )?organs|to the job|to party work))?"
    r"|\b(?:and|so|ok|okay|just)\b"
)
_ENGLISH_LEFT_OVER_RE = re.compile(r"[\s.,;:!…~]+")


def _asks_nothing_more(remark: str) -> bool:
    """The remark is all of the kinds that ask nothing and change nothing of the question."""
    if re.search("[A-Za-z]", remark):
        english = _HARMLESS_ENGLISH_REMARK_RE.sub(" ", remark.lower())
        return not _ENGLISH_LEFT_OVER_RE.sub("", english)
    return not _LEFT_OVER_RE.sub("", _HARMLESS_REMARK_RE.sub("", clean(remark)))


def split_remark(question: str) -> tuple[str, str] | None:
    """The question a message opens with, ended by its question mark, and what the asker adds
    after it when that asks nothing and changes nothing of it (这个意见主要针对啥问题？听说是最近
    才发的; What are the six integrations? I need a quick list for my director); None when there
    is no such remark."""
    found = re.match(r"\s*([^？?]+[？?]+)([^？?]+)$", question)
    if found is None:
        return None
    asked, remark = found.groups()
    told = clean(remark)
    if not told or not _asks_nothing_more(remark):
        return None
    return asked, told


def told_of_someone(asked: str) -> bool:
    """What is asked is about someone the story or situation before it told of (他, 这位)."""
    return _SOMEONE_TOLD_RE.search(asked) is not None


def split_situation(
    question: str, answers_nothing: Callable[[str], bool]
) -> tuple[str, str] | None:
    """The situation a message tells in sentences of its own (cleaned, complaints aside) and the
    last sentence, which asks (我们处开会学习总是走过场。大家有意见。这算哪种脱节？); None when
    there is no such situation.

    A sentence of the situation may ask too, when something is told besides and what it asks
    `answers_nothing` of (这难道不是白学吗？ 到底能不能合？): it is the asker's own matter, and
    the message still asks its last sentence (……文件在机制上是怎么提的？)."""
    sentences = [s for s in _SENTENCE_END_RE.split(question) if s.strip()]
    if len(sentences) < 2:
        return _split_clauses(question)
    inside = [s for s in sentences[:-1] if _ASKED_RE.search(s) is not None]
    if (
        len(inside) == len(sentences) - 1
        or len(inside) > _MOST_ASIDE
        or not all(answers_nothing(s) for s in inside)
    ):
        return None
    return _told_apart("".join(sentences[:-1]), sentences[-1])


def _split_clauses(question: str) -> tuple[str, str] | None:
    """The situation told in the leading clauses of a one-sentence message, joined to its
    question by commas (我们支部学习老是念文件跟业务不沾边，这算哪种脱节): the clauses before the
    first that asks, when they ask nothing; None when there are none such."""
    parts = _CLAUSE_END_RE.split(question)
    clauses = parts[::2]
    if len(clauses) < 2:
        return None  # no clause before the question to tell a situation
    endings = [*parts[1::2], ""]
    for at, clause in enumerate(clauses):
        # The mark first: cleaning is the dear part, and a question mark needs none.
        if _ASKED_RE.search(endings[at]) or _ASKING_RE.search(clean(clause)) is not None:
            break
    else:
        return None
    asked = "".join(c + e for c, e in zip(clauses[at:], endings[at:], strict=True))
    return _told_apart("".join(clauses[:at]), asked)


def _told_apart(situation: str, asked: str) -> tuple[str, str] | None:
    """The situation (cleaned, complaints aside) and what is asked after it, unless the situation
    is too short or names another document, or what is asked is about someone it told of.  (What
    the situation itself asks, its callers have weighed.)"""
    told = _COMPLAINTS_RE.sub("", clean(situation))
    if (
        len(situation) < _SITUATION_CHARS
        or _ANOTHER_PAPER_RE.search(told) is not None
        or _NAMED_TOPIC_RE.search(told) is not None
        or told_of_someone(asked)
    ):
        return None
    return told, asked


def errands(question: str) -> list[str]:
    """What the asker was sent to do, clause by clause (处长让我写年终总结 → 写年终总结)."""
    found = []
    for clause in _CLAUSE_END_RE.split(question)[::2]:
        text = clean(clause)
        sent = _SENT_RE.search(text)
        if sent is not None:
            found.append(text[sent.end() :])
    return found


# Who and when in a scene, and its everyday verbs, left aside when asking what it is about
# (我下个月要去参加培训 → 培训).
_WHO_WHEN_RE = re.compile(
    f"我们|咱们|我|俺|咱|刚|{_WHEN}|明年|要|得|就|还|也|都|去|处|单位|支部|参加|参与|开展|组织|"
    "举办|搞"
)


def what_happens(scene: str) -> str:
    """A (normalised) scene without who and when: what the asker is doing (参加任职培训)."""
    return _WHO_WHEN_RE.sub("", scene)


# An errand that only sends the asker to the text: 查查, 先看看这篇报道, 简单汇报一下.
_ERRAND_WORDS_RE = re.compile(
    "查一查|查查|查一下|查下|查|问问|问一下|问下|看看|看一下|了解一下|了解|汇报一下|汇报|准备一下|"
    "准备|核对一下|核对|确认一下|确认|学习一下|学习|学一学|学学|学|说说|一下|简单|先|再|把|"
    "这篇报道|这篇文章|这篇|这份意见|这个意见|这份文件|这个文件|意见|文件|报道"
)


# An errand to look something up (查一下习近平总书记是怎么说的, 问问示范培训的地点): what is
# looked up is the question, and the guards meet it without the office.
_LOOKUP_RE = re.compile("^(?:查|问|了解|确认|核对|看看|看一下|弄清|搞清|弄明白|搞明白)")


# What is looked up may be about the one who sent the asker or about their own unit (查一下他
# 要不要参加示范培训, 问问我们处该怎么落实): the interview says nothing of either.  Its 领导干部
# and 领导班子 are no one's in particular.
_THEIR_OWN_RE = re.compile(
    f"{_SOMEONE_TOLD_RE.pattern}|本人|领导(?!干部|班子)|{_OFFICES}|"
    "(?:我们|咱们|俺们|本)(?:处|科|部|办|厅|局|单位|部门|支部|机关)|(?:处|科|厅|局)里"
)


def looks_up(errand: str) -> bool:
    """The errand is to find something out (查查意见是怎么形成的), not a task of its own, nor
    about the one who sent the asker or their unit."""
    return _LOOKUP_RE.match(errand) is not None and _THEIR_OWN_RE.search(errand) is None


def about_errand(errand: str) -> str:
    """A (normalised) errand without who, when and the doing: what it is about beyond the text
    itself (先看看这篇报道 → nothing; 写个减肥计划 → 写个减肥计划; 问问培训的地点 → 培训的地点)."""
    return _ERRAND_WORDS_RE.sub("", what_happens(errand))


# A relapse told of the organs' own problem (我们处去年整改过两张皮，今年又回到老样子了，这咋回
# 事): the problem named, its coming back, and a question about what that is.  The interview's
# answer is that it is a common ailment that comes back once efforts ease, whatever times or
# units the story names (年初抓得紧，下半年一忙又两张皮了 asks no date).
_RELAPSE_RE = re.compile(
    "又(?:冒出来|冒头|回来|回去|回到|成了?两张皮|两张皮|两层皮|反弹|犯|抬头|老样子|各干各|各搞各|各忙各|"
    "分家|脱节|来了|出现|有反复|退回)|反反复复|反复发作|反弹|一松劲?就?(?:又|回|犯)|死灰复燃|复燃|"
    "故态复萌|卷土重来|时好时坏|回潮|复发"
)
# The problem is the organs' own: 两张皮, or Party work and its disconnects named.  整改 alone is
# anyone's (厂里的质量问题整改完又冒出来了), and so is a place beyond the organs.  两张皮 named
# only as what something became again (饺子皮和馅儿又成两张皮了) is the organs' only beside their
# work or units (我们单位年初抓得紧，下半年一忙又两张皮了).
_RELAPSING_RE = re.compile("两张皮|两层皮|党建|党务|脱节|支部")
_ORGANS_RE = re.compile(
    "党建|党务|业务|支部|单位|机关|处里|处室|我们处|厅里|我们厅|局里|我们局|委里|我们委|科室"
)
# Or a cure is told and nothing else is named but the times and the asking (去年整改完效果挺好，
# 今年又回到老样子了，这咋回事): the bot's subject is the problem.  A bare 又反弹了，正常吗
# names no one's.
_CURE_RE = re.compile("整改|整治|治好|治住|改好|抓得紧|抓得松")
_RELAPSE_FRAME_RE = re.compile(
    f"{_WHEN}|老样子|原样|{_CURE_RE.pattern}|一忙|一松|效果|挺好|不错|还行|好好|搞得|好转|专门|集中|"
    "没多久|不久|一次|一阵|过|完|后|又|就|了|这|那|是|的|吗|呢|啊|呀|嘛"
)
# A place or life beyond the organs (村里, 厂里, 合作社, 我家): the relapse is theirs.  answering's
# `_ELSEWHERE_RE` keeps its own list for situations told before a question; one list for both
# would change what each declines, so it waits for an eval of its own.
_BEYOND_THE_ORGANS_RE = re.compile(
    "村|乡|镇|县|社区|街道|学校|高校|大学|班级|我们班|企业|国企|公司|厂|店|医院|银行|部队|连队|军|"
    "家里|我家|家庭|合作社|协会|社团|商会|车间|工地|餐馆|饭店|超市|球队|小区|物业"
)
# The integration work done well before it came back (我们处去年融合搞得挺好): the organs' own
# beside their units, when every 融合 the message names is theirs (bare, or one of the six):
# 产教融合, 媒体融合, 科室融合 or two units merged (合并) are other integrations.
_INTEGRATION_DONE_RE = re.compile("融合(?:工作)?(?:搞|抓|做|推进|弄)得")
_ITS_KINDS = "党建和业务|党建业务|党业|深度|学用|理念|导向|目标|机制|队伍"
_ITS_INTEGRATION_RE = re.compile(
    f"(?:^|\\W|[年了时是在把抓搞]|(?:我们|咱们|咱)(?:处|局|厅|委|支部|单位)|{_ITS_KINDS})$"
)
# Told of and nothing else: 我们处去年融合搞得挺好，今年一松劲又回到老样子了, not one that goes
# on about a commendation, a budget or the weather.
_DONE_WELL_RE = re.compile(
    f"{_INTEGRATION_DONE_RE.pattern}|{_ITS_KINDS}|{_ORGANS_RE.pattern}"
    "|挺好|很好|不错|可以|紧|好|稍微|放松|松劲|松懈|松了?点?|一阵|一段时间|回到|回去|退回"
)
_MERGED_RE = re.compile("合并|合署|整合|重组|并入|并到|分家")


def _all_integration_its(cleaned: str) -> bool:
    """True when each 融合 in the text is the organs' (`_ITS_INTEGRATION_RE` before it) and
    nothing merged is told."""
    return _MERGED_RE.search(cleaned) is None and all(
        _ITS_INTEGRATION_RE.search(cleaned[: m.start()]) is not None
        for m in re.finditer("融合", cleaned)
    )


# Asked what it is: why, whether it is normal or curable, what the interview makes of it.
_ASKS_WHAT_RELAPSE_IS_RE = re.compile(
    "咋回事|怎么回事|咋个回事|为什么|为啥|为何|原因|怎么就这样|咋就这样|正常吗|正常不|正常么|"
    "正常现象|正常的|怎么看|咋看|怎么认识|怎么说|咋说|有解释|有说法|什么说法|啥说法|怎么讲|咋讲|会怎样|"
    "会咋样|会怎么样|什么后果|啥后果|治不好|治得好|能治好|能不能治|什么情况|啥情况|说明什么|说明啥|"
    "顽症"
)
# Asked what to do, what guards against it or which parts hold it (完善制度机制是保障, 机制融合
# 和队伍融合管住长期, 六个融合), or anything else (总书记怎么讲的, 哪天印发的): other passages
# answer those.
_ASKS_ANYTHING_ELSE_RE = re.compile(
    "防|避免|长期|长远|管住|兜底|保障|关键|要紧|靠|哪几|哪两|哪些|哪个|作用|怎么办|咋办|咋整|怎么整|"
    "如何|怎么解决|怎么破|破解|措施|对策|药方|怎么做|咋做|该怎么|总书记|习近平|谁|哪天|哪一天|哪年|"
    "什么时候|啥时候|何时|印发|发布|第几|多少(?!年)|在哪|哪里|(?<![没不])多久|多长时间"
)


def tells_a_relapse(cleaned: str) -> bool:
    """The cleaned message tells that the organs' problem came back and asks only what that is
    (我们处去年整改过两张皮，今年又回到老样子了，这咋回事), not what to do about it or
    anything else."""
    if (
        _RELAPSE_RE.search(cleaned) is None
        or _BEYOND_THE_ORGANS_RE.search(cleaned) is not None
        or _ASKS_WHAT_RELAPSE_IS_RE.search(cleaned) is None
        or _ASKS_ANYTHING_ELSE_RE.search(cleaned) is not None
    ):
        return False
    told = _RELAPSE_RE.sub("", cleaned)  # what the message says besides the relapse
    if _RELAPSING_RE.search(told) is not None:
        return True
    unasked = _ASKS_WHAT_RELAPSE_IS_RE.sub("", told)  # ... and besides the asking
    if (
        _INTEGRATION_DONE_RE.search(told) is not None
        and _ORGANS_RE.search(told) is not None
        and _all_integration_its(cleaned)
        and not has_content(_RELAPSE_FRAME_RE.sub("", _DONE_WELL_RE.sub("", unasked)))
    ):
        return True
    # Nothing named but the times, a cure and the asking (没多久就又两张皮了，咋回事).
    bare = not has_content(_RELAPSE_FRAME_RE.sub("", unasked))
    if _RELAPSING_RE.search(cleaned) is not None:
        # Named only as what came back (又成两张皮): the organs' beside their work or units.
        return _ORGANS_RE.search(cleaned) is not None or bare
    return _CURE_RE.search(told) is not None and bare
