"""Detail slots: what kind of detail a question asks for, and whether a passage gives one.

A near-topic question often asks for a detail the interview never gives (案例教材什么时候出版,
省直机关有多少个党组织, 机关党委书记怎么选举): its words match the entry about that topic, but
quoting that entry would pretend to answer.  A question asking for a date, a count, a place, a
procedure, a person's name or whether the Opinion applies to someone is answered only from a
passage that holds an answer of that kind; otherwise the bot says the question is not covered.

"Which ones" (哪几个, 哪些) is not a count: a passage that lists things answers it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from enum import StrEnum


class Slot(StrEnum):
    """The kind of detail a question asks for."""

    TIME = "time"
    COUNT = "count"
    KINDS = "kinds"
    ORDINAL = "ordinal"
    PLACE = "place"
    PROCEDURE = "procedure"
    NAME = "name"
    APPLIES = "applies"
    SYMBOL = "symbol"


_NUMERAL = r"(?:[0-9]+|[一二三四五六七八九十两百千万]+)"
# Units a count is asked in; an answer needs a numeral with one of them (一批 counts nothing).
_UNIT = "个项条名位家次版分人年届岁道本"
# Units a count is asked in but that no passage counts by: 推出一批 is "a batch", no number of
# batches.  几各 is 几个 mistyped.
_COUNTED = "期章批轮门册回趟场各"
# What is done some number of times (开了几次, 编了几本): 了几 asks how many after it, as 过了
# 几天 or 来了几个 in a story do not.  Not 推出了几个: any number in a passage (六个融合) would
# seem to answer 工委推出了几个融合工作法.
_DOING = "开|编|搞|办|印|派|评|选|配|交流|观摩|督促|培训|学"
# Verbs of an administrative procedure: asking how to do one wants steps the passage must give.
_PROCEDURE_VERBS = (
    "申请|选举|选出|选拔|报名|加入|申报|参加|成立|组建|报销|审批|办理|登记|注册|评选|认定|考试|"
    "备案|换届|考核|操作"
)
# Nouns that ask for the rules of a procedure (标准 only with what it is a standard for).
_PROCEDURE_NOUNS = "细则|程序|流程|手续|条件|资格"

# Offices and roles whose holder a question may ask by name (the interview names none).
_ROLES = "负责人|书记|领导|省长|厅长|局长|处长|科长|部长|主任|组长|老板|记者|编辑|主编|社长|作者"

# Who said a saying (这句话是谁说的, 这个提法是谁提出的, 是哪个领导讲的).  Not 贴心人是对谁说
# 的, which asks to whom, nor 这个说法是指谁, which asks whom it means.
_SAYING_WORDS = (
    "这句话|那句话|这个?话|此话|这句|那句|这段话|这段|这个?说法|这种说法|这个?提法|这种提法|这个?讲法"
    "|这个?观点|原话|这个词|的说法|的提法|这个?比喻"
)
_WHO_SAID = (
    f"(?:{_SAYING_WORDS}).{{0,8}}?(?<![对找跟向给和与替为指])(?:谁|哪位|哪个领导|哪个厅的领导)"
    ".{0,4}?(?:提出|说|讲|提|用|发明)"
    "|(?:哪位|哪个)领导.{0,3}(?:提出|说|讲|提)"
    # 谁讲的这句话, 这句话出自哪位领导, 这句话是总书记说的吗, and a bare 谁说的.
    f"|(?:谁|哪位领导)(?:提出|说|讲|提)的(?:{_SAYING_WORDS})"
    f"|(?:{_SAYING_WORDS})出自(?:谁|哪位领导|哪个领导|哪位)|这是谁的话"
    f"|(?:{_SAYING_WORDS})(?:是|由)?(?:习近平|总书记|习总书记|领导|负责人)(?:说|讲|提)"
    "|^是?谁(?:说|讲|提)的$"
)

# How long something lasts or at what hour (采访时间持续了多久, 受访时间是几点): no date answers
# it, and the interview gives no durations or hours.  Not 许多长期 or 很多长效, nor 哪几点, 讲了
# 几点 or 第几点, which ask which points; nor 没多久 or 不多久 (soon after), which tell when.
_HOW_LONG_OR_WHAT_HOUR = (
    "(?<![没不])多久|(?<![许很诸众好太])多长(?![远期效])|(?<![第哪这那有])几点(?:钟|开始|结束|到)"
    "|(?<=时间是)几点$|(?<=现在是)几点$|几个?小时|几分钟"
)
_ASKS: tuple[tuple[Slot, re.Pattern[str]], ...] = (
    # The N of "1+N" on its own ("1+N里的N是哪些"): what it stands for, which the interview
    # never spells out.
    # The 1 of "1+N" on its own ("1+N中的1是什么") is not spelt out either, nor the paths one
    # by one ("1+N路径具体有哪几条").
    (
        Slot.SYMBOL,
        re.compile(
            r"(?<![0-9a-z+加])n(?![a-z+])|1\+n.*(?<![0-9+])1(?![0-9+])"
            r"|1\+n的?(?:破解)?路径(?:具体|分别)?(?:有|包括|是|指)?(?:哪几|哪些|几条)"
        ),
    ),
    (
        Slot.TIME,
        re.compile(
            r"什么时候|什么时间|啥时候|啥时间|何时|哪年|哪一年|哪几年|哪个月|哪月|几月|哪天|哪一天|几号|截止|日期|"
            f"多长时间|{_HOW_LONG_OR_WHAT_HOUR}|具体时间|时间安排|今年|明年|下个月|上半年|下半年|"
            r"年底|年初|每年|每季度|"
            r"每月|每个月|季度|定期|(?<!提上)(?<!列入)(?<!纳入)日程|(召开|举办|举行|开会|开班|培训|报名)时间|"
            # Not 不分时间地点 or 时间与地点不限, which set the time and place aside.
            r"(?<!不分)(?<!无论)时间(和|、|与)?地点(?!不限)"
        ),
    ),
    # 登在几版, 刊在几版 and 几版刊登的 ask on which page it ran, as 第几版 does.  Not 几版
    # alone: 河南日报每天几版, 教材几版, 党建版在几版, 连登几版 (an adversarial helper's probes)
    # ask something else.
    (Slot.ORDINAL, re.compile("第几|(?<!连)(?:登|刊|载)(?:在|于|的)?几版|几版(?:刊|登)")),
    # "几种人" is answered by a list of three kinds, and so are the kinds, aspects or levels a
    # list names (拓展到多少类组织, 创新体现在几个层面); "多少" and "几年" want a number.
    (
        Slot.KINDS,
        re.compile("(?<![哪那这])(?:几|多少)(?:种|类|个?(?:方面|层面|层次|部分|环节))"),
    ),
    # 那几个人, 这几条: pointing at some, not asking how many; 近几年, 过去几年, 好几期, 十几期: a
    # few, not how many.  几天 asks a count only after what takes days (培训有几天, 开几天):
    # 前几天 and 放松几天 are a few days.  上课时 is when a class is held, not its hours (课时).
    (
        Slot.COUNT,
        re.compile(
            rf"多少|(?<![哪那这前近没好十了去])几[{_UNIT}{_COUNTED}]|(?:要|用|开|办|训|学|共|持续|有)几天|"
            rf"(?:{_DOING})了几[{_UNIT}{_COUNTED}]|(?<!过)去几[人个名位]|"
            r"(?:花|用|耗)了几个?(?:年|月|天|周).{0,4}$|(?<![前近好十这那过没])几(?:周|个星期)|"
            r"(?:搞|上|提前|一次)几天|"
            r"编制|人数|数量|比例|任期|年限|学分|学时|(?<![上下])课时|名额|分值|多大年[龄纪]|年龄"
        ),
    ),
    (
        Slot.PLACE,
        re.compile(
            # Not 哪个省: "意见是哪个省出的" asks who issued it.
            r"哪个(城市|市|县|区)|哪座城市|什么地点|在哪(个|座)?城|"
            r"(在|去|到)(哪|哪儿|哪里|哪个地方|什么地方|哪个单位|哪家单位)"
            r"(开|举行|举办|办|召开|培训|看|领|上课|报到)|"
            r"(哪|哪儿|哪里|哪个地方|什么地方)(能|可以)?(开|举行|举办|召开|买|领|进行)|"
            r"(培训|上课|报到|观摩)在哪(?![些几])|在哪(儿|里)?(培训|上课|报到|观摩)|场地|"
            # Where the visits are held, read from English (Where are the site visits held?).
            r"^哪里(现场)?(培训|上课|报到|观摩)|"
            r"安排在哪|在哪个(厅局|厅|局|部门)|地点(在|是)?哪|(报到|培训|观摩|开会|会议|举办)的?地点|"
            r"(定|放|选|设)在(哪个单位|哪家单位|哪个地方)(?!负责|牵头|组织|主抓)|(第一站|观摩)去哪|"
            # Where the interview took place (not where it was printed: 采访登在哪个报纸上).
            r"(采访|提问)(时|的时候)?是?在(哪里|哪儿|哪)(进行)?的?$|在哪(儿|里)?采访"
        ),
    ),
    (
        Slot.PROCEDURE,
        re.compile(
            rf"(怎么|如何|怎样|咋|咋样)(才能)?({_PROCEDURE_VERBS})|"
            rf"(评选|评比|选拔|考核|具体)标准|(选举|评选|报名|申报)(办法|方式|规则)|"
            rf"{_PROCEDURE_NOUNS}"
        ),
    ),
    (
        Slot.NAME,
        re.compile(
            rf"(他|她|人|{_ROLES})(叫什么|叫啥|的名字)|姓什么|姓啥|姓甚名谁|姓名|({_ROLES})是谁|"
            rf"哪位领导|{_WHO_SAID}|(哪个|哪位|什么)(记者|编辑|作者|主编)|(老师|讲师)是谁|"
            r"谁(来)?(讲课|授课|上课)|(哪位|哪个)(老师|讲师|专家)|"
            # The reporter's own name; not whom the reporter interviewed (记者是采访的谁).
            r"记者是(?![^的]{0,6}?(?:采访|访问|向|跟|对|找|问|约))[^的]{0,6}的?(哪位|谁|哪个|什么人)|"
            r"(报道|文章|稿子|采访稿|访谈)(是|都是)?谁(写|采写|执笔)的?"
        ),
    ),
    (Slot.APPLIES, re.compile(r"适用")),
)

# "When" in general (not "which month") is answered by 适时, which is all the interview says.
_ANY_TIME = re.compile(r"^(什么时候|啥时候|何时)$")
_TIME_ANSWER = re.compile(rf"{_NUMERAL}年|[0-9一二三四五六七八九十]+[月日号]|近日|日前|\d{{4}}-\d")
_COUNT_ANSWER = re.compile(rf"(?<!第){_NUMERAL}[{_UNIT}方]")
_LIST_ANSWER = re.compile("[^、，。]+、[^、，。]+、")
_ORDINAL_ANSWER = re.compile("第[一二三四五六七八九十0-9]|[一二三四五六七八九十]是")
_PLACE_ANSWER = re.compile(r"[\u4e00-\u9fff]{2}[市县]|郑州|北京")
_SYMBOL_ANSWER = re.compile("N(是|指|包括|代表)")
_NAME_ANSWER = re.compile(r"[\u4e00-\u9fff]{2,3}(同志|总书记)")
# The words of a procedure question the passage must contain to give its rules.
_PROCEDURE_WORDS = re.compile(rf"{_PROCEDURE_VERBS}|标准|{_PROCEDURE_NOUNS}")
_APPLIES_SUBJECT = re.compile(
    r"^(?:请问|我想知道|想知道|我想问|问一下|麻烦问一下|那么|那)?(?:对)?(.+?)(?:是否|适不|也|能|可以)?适用"
)
# "意见适用于哪些组织" names the Opinion, not who it applies to: a list answers that.
_THE_OPINION = re.compile(r"^(这个|这份|该)?(意见|《意见》|文件)(对.*)?$")


def asked(question: str) -> tuple[Slot, str] | None:
    """The detail a cleaned question asks for, with the words that ask it; None for none."""
    for slot, pattern in _ASKS:
        found = pattern.search(question)
        if found:
            return slot, found.group(0)
    return None


def _procedure(question: str, passage: str) -> bool:
    return all(word in passage for word in _PROCEDURE_WORDS.findall(question))


def _applies(question: str, passage: str) -> bool:
    subject = _APPLIES_SUBJECT.match(question)
    if subject is None or _THE_OPINION.match(subject.group(1)):
        return True
    return subject.group(1) in passage


# The day the Opinion was issued, asked for exactly (具体是几月几号印发的): the interview says
# only 近日, and the dates it gives are its report's and its interview's.  A plain 哪天印发的 is
# still answered, by 近日 and the summary saying that no date is given.
_EXACT_DAY = re.compile(
    r"(具体|正式).{0,6}(哪天|哪一天|几月|几号|几日|哪日|日期|哪年)|"
    r"(哪天|哪一天|几月几[号日]|几号|日期).{0,3}正式"
)
_ISSUING = re.compile("印发|出台|下发|颁布|发布|签发|发的")
_PUBLISHED = re.compile("报|稿|文章|采访|访谈|网|刊|登|这篇|版|记者")
_ISSUE_DATE_ANSWER = re.compile(r"[0-9一二三四五六七八九十]+[日号](正式)?(印发|出台|下发|颁布)")


# Only of the follow-up checks the interview says 适时 of: 考核是定期还是看情况 is another thing.
_THE_CHECKS = re.compile("督促|督导|督查|调研|检查")
_FIXED_SCHEDULE_OR_NOT = re.compile(
    "定期.{0,8}还是|是否定期|是不是定期|定不定期|定期不定期"
    # Or a fixed schedule claimed, to be confirmed (每个季度固定对融合情况调研督促一次，对吗);
    # not a schedule asked (调研督促每个季度搞一次吗), which the interview does not give.
    "|(?:定期|固定).{0,16}(?:对吗|对吧|是吗|是吧|是不是|对不对|没错吧)$"
)
# How long 两张皮 has been there (两张皮存在多久了, 制约机关党建多长时间了) is answered by
# 长期制约着, all the interview says of it; how long anything else has been there is not.
_HOW_LONG_IT_HAS_BEEN = re.compile("(?:多久|多长时间)了|存在(?:了)?(?:多久|多长时间)")
_THE_PROBLEM = re.compile("两张皮|两层皮|这个?(?:问题|毛病)|这种(?:问题|毛病|现象)")


# When an activity takes place (培训时间是多少, 会议什么时候开): the interview dates none, and the
# report's or the Opinion's date is no answer to it.
_ACTIVITY_TIMED = re.compile(
    "(?:培训|学习|会议|开会|观摩|调研|督促|督导|考核|活动|交流|报名|考试|评比|换届|开班)的?"
    "(?:时间|日期|什么时候|啥时候|哪天|几号|何时|哪年|几月)"
)


_HOW_LONG_OR_WHAT_HOUR_RE = re.compile(_HOW_LONG_OR_WHAT_HOUR)


def _how_long_the_problem_has_been(question: str) -> bool:
    return bool(_HOW_LONG_IT_HAS_BEEN.search(question) and _THE_PROBLEM.search(question))


def _time(question: str, passage: str) -> bool:
    if _HOW_LONG_OR_WHAT_HOUR_RE.search(question):
        return _how_long_the_problem_has_been(question) and "长期制约" in passage
    if (
        _EXACT_DAY.search(question)
        and _ISSUING.search(question)
        and not _PUBLISHED.search(question)
    ):
        return _ISSUE_DATE_ANSWER.search(passage) is not None
    if _TIME_ANSWER.search(passage) and not _ACTIVITY_TIMED.search(question):
        return True
    if _how_long_the_problem_has_been(question):
        return "长期制约" in passage
    found = asked(question)
    vague = found is not None and _ANY_TIME.match(found[1]) is not None
    # 适时 answers a plain "when", a question that names it (定期还是适时), and one asking
    # whether the checks run on a fixed schedule at all (督促是定期搞还是看情况).
    return (
        (vague and "具体" not in question)
        or "适时" in question
        or (
            _FIXED_SCHEDULE_OR_NOT.search(question) is not None
            and _THE_CHECKS.search(question) is not None
        )
    ) and "适时" in passage


_INTERVIEWED = re.compile("记者|采访|访谈|答")


_SAID_BY_NAME = re.compile("(?:总书记|同志)[^。]{0,30}(?:指出|强调)")
_WHO_SAID_RE = re.compile(_WHO_SAID)
# A view the passage argues against (针对“服务经济才是服务中心”等偏颇认识): whose it is, it
# does not say.
_ARGUED_AGAINST = re.compile('针对[“"]([^”"]+)[”"]等?偏颇认识')
# Share of a saying's character pairs a passage must hold to quote that saying, and to hold one
# put in the asker's own words where Xi is quoted saying it.
_QUOTES_SAYING = 0.5
_LIKE_XIS = 0.2
# Of a saying in quotation marks, asked word for word (not “找准结合点就能解决一切问题”).
_WORD_FOR_WORD = 0.6
# The Opinion's subject, named in a saying, says nothing of whose words they are: quoted,
# “抓党建就是抓业务” shares 党建 and 业务 with Xi's remark and is not his.
_SUBJECT_WORDS = re.compile("党的建设|党建|业务|机关|工作|两张皮|问题")
_GLUE = "的和与及跟同、"
# Asking words around a saying that are no part of it (请问这句话是谁说的呀).
_FILLER = re.compile(
    "请问|我想知道|想知道|我想问下|我想问|想问|问一下|问下|一下|你好|您好|老师好|谢谢|求告知|机器人|那个|那么|那|呢|吗"
    "|啊|呀|吧|哦|嘛|嗯|来着|来|的|了|de|这是|这|上面|下面|以上|前面|刚才|文中|文章里|里面"
)


_NOT_WORDS = re.compile(r"[^\w+]")


def _pairs(text: str) -> set[str]:
    bare = _NOT_WORDS.sub("", text.lower())
    return {bare[i : i + 2] for i in range(len(bare) - 1)}


def _holds(saying: str, text: str, share: float = _QUOTES_SAYING) -> bool:
    """True when the text holds the share of the saying's own pairs of characters, those not
    inside the subject's words (“党建和业务要融合” is not Xi's for 党建和业务 alone), or of
    all its pairs where little else is between them (“抓党建强业务”)."""
    pairs = set().union(*(_pairs(part) for part in _SUBJECT_WORDS.split(saying.lower())))
    pairs = pairs or _pairs(saying)
    return bool(pairs) and len(pairs & _pairs(text)) / len(pairs) >= share


def _only_the_subject(saying: str) -> bool:
    """The subject's words alone (“两张皮”, 党建和业务) are no one's saying to quote."""
    return not _NOT_WORDS.sub("", _SUBJECT_WORDS.sub("", saying.lower())).strip(_GLUE)


def _saying(question: str, said: re.Match[str]) -> str:
    """The saying a who-said question asks about: before the asking words or, after a colon,
    behind them (这句话是谁说的：…); empty when it names none."""
    before = _FILLER.sub("", question[: said.start()])
    return before if _pairs(before) else _FILLER.sub("", question[said.end() :])


# Whether a saying was said first by someone (“常见病”这个比喻是谁首创的, 这句话是总书记第一次
# 提吗): the interview dates no saying's first use.  A speaker must be named: not 第一个融合,
# 下一步举措里最先提到的, nor 意见首次提出的“共同责任”这个说法是什么意思.
_FIRST_SAID = re.compile(
    "(?:最早|最先|最初|首次|首先|第一次|第一个|率先)(?:是由?谁|由谁)?(?:提出|提的|提|说|讲|用|使用|出现)"
    "|首创|首提|发明|起源|(?:谁|哪位|哪个).{0,3}(?:最早|最先|最初|首先|首次|第一个|第一次)"
)
_SPEAKER = re.compile("谁|哪位|领导|总书记|习近平")


def asks_who_first(question: str) -> bool:
    """True when a cleaned question asks who first said a saying."""
    return _FIRST_SAID.search(question) is not None and _SPEAKER.search(question) is not None


# A list counted by a number the interview never gives it (八个融合是哪八个, 只提了三个脱节？是哪
# 三个): there are six integrations (four that treat the present, two that hold the long term)
# and six disconnects, so no passage lists those.  Not a part of the list by its place (前三个,
# 最后一个, 除了……另外三个, 有两个脱节涉及党建), some of them named (理念、导向、学用这三个融合),
# one within a count asked (八个融合里管长期的是哪几个), a count corrected or weighed against
# six (不是八个而是六个, 到底是五个还是六个), nor one only asked to be confirmed (是不是五个融
# 合？), which readers take either way.
_PLACED = "(?<![第哪每这那任某单前后头末最余另剩述差止外])"
_WITHIN = "(?!(?:中|里|当中|里面)(?!的?第[七八九十]))"
_MISCOUNTED_RE = re.compile(
    f"{_PLACED}(?:[三五七八九十]|[35789]|10)(?:个|大|种|项|条)融合{_WITHIN}"
    f"|{_PLACED}(?:[三四五七八九十]|[34579]|10)(?:个|大|种|项|条)脱节{_WITHIN}"
)
_LISTS_NAMED_RE = re.compile("理念|导向|学用|目标|机制|队伍|和.{1,3}脱节")
_CORRECTED_RE = re.compile(
    "六|6|不止|(?<!是)不是|错|到底|还是|其实|原来|以为|对吗|对不对|说法|除了|还差|另外|剩下|前面|后面"
)
_ASKS_WHICH_RE = re.compile("哪|分别|都有|有哪|是什么|是啥|都是|包括")


def miscounts_a_list(question: str) -> bool:
    """True when a cleaned question asks which are the integrations or disconnects of a number
    the interview never counts them by (意见提出的八个融合分别是哪八个)."""
    counted = _MISCOUNTED_RE.search(question)
    return (
        counted is not None
        and _LISTS_NAMED_RE.search(question) is None
        and _CORRECTED_RE.search(question) is None
        and _ASKS_WHICH_RE.search(question, counted.end()) is not None
    )


def names_no_saying(question: str) -> bool:
    """True when a cleaned question asks who said "this" and never says what (这句话是谁说
    的): no passage can be told to be that saying."""
    said = _WHO_SAID_RE.search(question)
    return said is not None and not _pairs(_saying(question, said))


def _said(question: str, said: re.Match[str], passage: str, quoted: Collection[str]) -> bool:
    """Who said a saying is answered by the passage that says it: by Xi where he 指出 it, by
    the Opinion or the official where they do.  A saying in quotation marks is asked word for
    word; one in the asker's own words (党建跟业务要互相带动 for 相互促进) is Xi's where he
    is quoted and it shares some of his words."""
    saying = _saying(question, said)
    if not _pairs(saying) or _only_the_subject(saying):
        return False
    against = _ARGUED_AGAINST.search(passage)
    if against is not None and _holds(saying, against.group(1)):
        return False
    if any(_FILLER.sub("", words) in saying for words in quoted if _pairs(words)):
        return _holds(saying, passage, _WORD_FOR_WORD)
    if _holds(saying, passage):
        return True
    pairs = _pairs(saying)
    return (
        _SAID_BY_NAME.search(passage) is not None
        and len(pairs & _pairs(passage)) / len(pairs) >= _LIKE_XIS
    )


def _name(question: str, passage: str, quoted: Collection[str] = ()) -> bool:
    # "Which official answered the reporter" is answered by the office the interview names
    # (工委有关负责人); any other official, and any name, only by a name.
    if "哪位领导" in question and _INTERVIEWED.search(question) and "工委有关负责人" in passage:
        return True
    said = _WHO_SAID_RE.search(question)
    if said is not None:
        return _said(question, said, passage, quoted)
    return _NAME_ANSWER.search(passage) is not None


# Which of the interview's five questions says something (在第几问): every answer's citation
# names the question its passage answers (问三：…), so any passage gives that.
_WHICH_QUESTION = re.compile("第几个?问|哪一?个?问题?里|哪一问")


def _ordinal(question: str, passage: str) -> bool:
    return (
        _WHICH_QUESTION.search(question) is not None or _ORDINAL_ANSWER.search(passage) is not None
    )


# A share (比例, 占多少) is given only by a share: 六个脱节 counts six, and is no proportion.
_SHARE_ASKED = re.compile("比例|占多少|占多大|百分之")
_SHARE_ANSWER = re.compile("比例|%|％|百分之|[一二三四五六七八九十]成")


# How long something takes (要花几年, 长期是指几年, 交流几个月) is given only by a length of
# time: 四个方面 counts, and is no number of years.  Not 这几年 or 前几年, which are a while ago.
_DURATION_ASKED = re.compile(
    "(?<![这那哪前近没好十去])(?:几|多少)个?(?:年|月|天|周|星期)(?![级轻前来没了])"
)
# A month of a date (4月6日) is no length of time.
_DURATION_ANSWER = re.compile(
    rf"(?<![0-9]){_NUMERAL}个?(?:年|月|天|周|星期)(?![0-9一二三四五六七八九十]+[日号])"
)


# A duration asked ends the question (长期是指几年, 要花几年时间, 要干满几年才能回来); one with
# more after it was the asker's own (我刚调来几个月六个融合是哪六个: punctuation is gone).
_DURATION_TAIL = 4


# A count of what no list counts (开几次会, 去多少人, 几家单位, 名额多少): the interview's numbers
# (六个融合, 四个方面) count the items of a list, so only the same unit or noun after a numeral
# answers one.  几个 is a list's unit unless a person, meeting, office or sum follows it.
_HOW_MANY = "(?<![哪那这前近好十])"  # not 哪几, 那几, 前几, 好几, 十几: which or a few
_COUNTED_APART = re.compile(
    # With punctuation gone, a unit may start the next word (管长期的融合有几个，分别是啥).
    rf"{_HOW_MANY}(?:几|多少)个?(人|名|位|次|回|趟|场(?![合景])|家(?!庭)|届|岁|版|"
    r"分(?![别类工享析])|本(?!领)|道(?!理)|期|章|批|轮|门(?!类)|册)"
    rf"|{_HOW_MANY}(?:几|多少)个(会|单位|部门|厅局|厅|处室|支部|党组织|党员|干部|小时|星期)"
    rf"|{_HOW_MANY}多少(钱|经费|资金|块|元)"
)
_COUNTED_BY_WORD: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile("人数|名额|编制"), "[人名位]"),
    (re.compile("学分|分值"), "分"),
    (re.compile("学时|课时"), "(?:学时|课时|小时)"),
    (re.compile("任期|年限|年龄|多大年[龄纪]"), "[年岁]"),
)
# The units that count the same: 去几个人 is answered by 三名.
_SAME_UNITS = {
    "人": "[人名位]",
    "名": "[人名位]",
    "位": "[人名位]",
    "次": "[次回]",
    "回": "[次回]",
}


def _counted_apart(question: str) -> str | None:
    """The unit (a regular expression) a count of what no list counts must come in."""
    found = _COUNTED_APART.search(question)
    if found is not None:
        unit = found.group(found.lastindex or 0)
        return _SAME_UNITS.get(unit, re.escape(unit))
    for asked_by, unit in _COUNTED_BY_WORD:
        if asked_by.search(question):
            return unit
    return None


def _count(question: str, passage: str) -> bool:
    if _SHARE_ASKED.search(question):
        return _SHARE_ANSWER.search(passage) is not None
    duration = _DURATION_ASKED.search(question)
    if duration is not None and len(question) - duration.end() <= _DURATION_TAIL:
        return _DURATION_ANSWER.search(passage) is not None
    unit = _counted_apart(question)
    if unit is not None:
        # 推出一批 is "a batch", no number of batches.
        found = re.finditer(rf"(?<!第){_NUMERAL}个?{unit}", passage)
        return any(number.group() != "一批" for number in found)
    return _COUNT_ANSWER.search(passage) is not None


_GIVES: dict[Slot, Callable[[str, str], bool]] = {
    Slot.TIME: _time,
    Slot.COUNT: _count,
    Slot.KINDS: lambda _q, p: bool(_COUNT_ANSWER.search(p) or _LIST_ANSWER.search(p)),
    Slot.ORDINAL: _ordinal,
    Slot.PLACE: lambda _q, p: _PLACE_ANSWER.search(p) is not None,
    Slot.PROCEDURE: _procedure,
    Slot.NAME: _name,
    Slot.APPLIES: _applies,
    Slot.SYMBOL: lambda _q, p: _SYMBOL_ANSWER.search(p) is not None,
}


def gives(slot: Slot, question: str, passage: str, quoted: Collection[str] = ()) -> bool:
    """True when the passage holds a detail of the kind the question asks for.  `quoted` is
    what the question put in quotation marks, cleaned: a saying asked word for word."""
    if slot is Slot.NAME:
        return _name(question, passage, quoted)
    return _GIVES[slot](question, passage)


def answers(question: str, passage: str) -> bool:
    """False when the cleaned question asks for a detail of a kind the passage does not give."""
    slot = asked(question)
    return slot is None or gives(slot[0], question, passage)
