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

from bot.core.textnorm import clean

# An office holder who sends the asker: 处长让我, 主任叫我, 部长要我.  Not one who speaks (部长
# 讲话的主要内容, 社长说河南日报什么时候改版): what they said is what is asked about.
_SUPERIORS = "处长|副处长|科长|主任|厅长|局长|主席"
_OFFICES = f"(?:{_SUPERIORS}|部长|社长|总编)"
_SENDING = "(?:让|叫|要|要求|安排|交代|吩咐|布置给?)(?:我们|我|俺|咱)"
_SENT_RE = re.compile(f"{_OFFICES}{_SENDING}")


def without_senders(cleaned: str) -> str:
    """A cleaned text without who sent the asker (处长让我查查，… → 查查…)."""
    return _SENT_RE.sub("", cleaned)


# An office holder whose question or claim the asker passes on: 我们处长问第五个是不是机制融合,
# 业务处长说党建是机关党委的事.  What follows is the question; the office is no part of it.  Not
# their words as a thing (处长说的话, 主任说了什么): those ask about them.  Only the asker's own
# superiors: what the paper's 社长 or 总编 says of 河南日报 is about the paper.
_RELAYED_RE = re.compile(f"(?:{_SUPERIORS})(?:问|说|认为|觉得)(?:我们|我|俺)?(?![话的了过明])")


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


def told_of_someone(asked: str) -> bool:
    """What is asked is about someone the story or situation before it told of (他, 这位)."""
    return _SOMEONE_TOLD_RE.search(asked) is not None


def split_situation(question: str) -> tuple[str, str] | None:
    """The situation a message tells in sentences of its own (cleaned, complaints aside) and the
    last sentence, which asks (我们处开会学习总是走过场。大家有意见。这算哪种脱节？); None when
    there is no such situation."""
    sentences = [s for s in _SENTENCE_END_RE.split(question) if s.strip()]
    if len(sentences) < 2:
        return _split_clauses(question)
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
    is too short, asks something itself or names another document, or what is asked is about
    someone it told of."""
    told = _COMPLAINTS_RE.sub("", clean(situation))
    if (
        len(situation) < _SITUATION_CHARS
        or _ASKED_RE.search(situation) is not None
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
