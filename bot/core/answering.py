"""The question-answering core: a question in, a structured result and its reply text out.

Pure Python: no Telegram here.  The terminal chat, `ask --json`, the evaluation and the bot all
call `Answerer.ask`, so they say the same words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.core import detail, replies
from bot.core.asides import (
    about_errand,
    errands,
    looks_up,
    split_remark,
    split_scene,
    split_situation,
    tells_a_relapse,
    told_of_someone,
    what_happens,
    without_relayers,
    without_senders,
)
from bot.core.knowledge import Entry, KnowledgeBase, holds_anchor
from bot.core.matcher import Candidate, Matcher, Tuning
from bot.core.pinyin import common_words
from bot.core.textnorm import (
    GENERIC_GRAMS,
    INTEGRATION_BY_NUMBER_RE,
    ITEM_NUMERALS,
    about_subject,
    clean,
    content_chars,
    fold_cleaned,
    fold_for_comparison,
    has_content,
    holds_unknown_words,
    looks_traditional,
    named_otherwise,
    names_another_integration,
    spellings,
    to_simplified,
    to_traditional,
)

# A situation told before the question (asides.split_situation) must be one in Party work: 机关
# or 干部 alone tell where, not what.
_PARTY_WORK_RE = re.compile("党建|党务|党组|党支部|支部|两张皮|中心组|融合")
# Party members and political study are Party work too (我们处里领导只盯业务指标，政治学习基本
# 不过问), but they tell who, not where: a village's, a factory's, a school's or a family's
# members are not the Opinion's (村支书是党员…, 儿子高中政治课考试…, 饭店老板是党员…).
_MEMBERS_RE = re.compile("党员|政治")
_ELSEWHERE_RE = re.compile(
    "村|厂|部队|连队|军队|学校|中学|小学|高中|初中|大学|高校|班级|班主任|少先队|合作社|饭店|餐馆|公司"
    "|企业|快递|外卖|司机|球队|合唱团|电影|电视剧|小说|欧美|西方|国外|政治课|政治面貌|高考|考研|儿子"
    "|女儿|孩子|老爸|我爸|我妈|老公|老婆|退休"
)
_SITUATION_TOP = 2
# Where a message's questions end, and how many may ask one thing (`_asked_twice`).
_QUESTION_MARK_RE = re.compile("[？?]+")
_MOST_PARTS = 3
# Pairs of characters that say who, not what (我们, 他们): no story's own subject.
_PERSONS_RE = re.compile("[我你他她咱俺们您]")


def _pairs_of(text: str) -> set[str]:
    """The pairs of adjacent Chinese characters of a text that say what, not who."""
    return {
        text[i : i + 2]
        for i in range(len(text) - 1)
        if all("\u4e00" <= c <= "\u9fff" for c in text[i : i + 2])
        and not _PERSONS_RE.search(text[i : i + 2])
    }


# A relapse asked in the interview's own words (`_relapse_told`).
_RELAPSE_ASKED = "两张皮治好了一松劲会不会反复发作"
# What is asked after a scene, pointing back at it: 年底要搞年会，到时候意见有要求吗.
_POINTS_BACK_RE = re.compile("这|那|它|其|此|到时|届时|当天|当时")
# Where a message's first clause ends: what follows a who-said question with no saying
# (这句话是谁说的啊，领导让我标注出处) is why it is asked, not the saying; a colon brings one
# (这句话是谁说的：…).
_FIRST_CLAUSE_RE = re.compile("[，,。！!？?；;\n]")
# The next steps' own terms, which name the Opinion's work as its subject's words do (我下个月要去
# 示范培训，培训的必研题是什么).
_ITS_OWN_TERMS_RE = re.compile(
    r"必研题|示范培训|任职培训|专项培训|现场观摩|案例教材|工作法|调研督促|联动考评|兼职|专职|责任链"
    r"|1\+n|结合点|切入点|双向交流|战斗堡垒|先锋模范|党务工作岗位"
)
# What opens a question and owns one of the interview's terms (跑步的切入点).  Not what it says
# of the Opinion (主要内容, 背景, 意义): 此举的意义, 答问的主要内容 and 新规的亮点 name the
# Opinion in words no list could hold.
_OWNED_TERM_RE = re.compile(
    r"([\u4e00-\u9fff0-9a-z]{2,6})的(?:切入点|结合点|现场观摩|观摩|责任链|双向交流|工作法|案例教材"
    r"|必研题|战斗堡垒|先锋模范)"
)
_ASKER_RE = re.compile("^(?:请问|我想知道|想知道|我想问|那么|那)")
# Sums (1+1, 1+2等于几) are no 1+N, unless the rest of the question is the knowledge base's
# words (是1+3破解路径吗 is a claim to correct).
_SUM_RE = re.compile(r"[0-9]\+[0-9]")
# An owner that asks, points, cites or stands in the organs is no other thing's (有没有现成的
# 工作法, 两者的结合点, 文中说的必研题, 我们处的双向交流).
_NOT_AN_OWNER_RE = re.compile(
    "有没有|有沒有|会不会|會不會|能不能|是不是|什么|啥|哪|怎|这|那|两者|其|说|讲|提|中|里|文|意见"
    "|我|咱|俺|处|厅|局|委|单位|支部|机关|部门|党|干部|工委|省|河南"
)
# What is asked after a story is only whether the text says it (咱们处应该配几个专职党务干部，
# 意见里有规定吧): the story's count or time is what is asked.
_ASKS_IF_SAID_RE = re.compile(
    "(?:意见|文件|访谈|文中|文章|采访|原文)(?:里面|里|上|中)?(?:对此|对这个|对这)?"
    # 我们想把政治建设往前排，意见是怎么要求的: what it asks of is the situation.
    "(?:到底|究竟)?是?"
    "(?:有没有|给没给|定没定|有|没有|没|也|给了|给|咋|怎么)?"
    "(?:具体|明确|硬性|统一)?的?"
    "(?:提没提|说没说|写没写|讲没讲|管不管|管没管|说|讲|提|写|管|规定|要求|定|明确|安排|交代|数字|数|标准|名额"
    "|说法|时间表|时间要求|硬杠杠)"
    "(?:到|过|了|清楚|死|的)*(?:吗|吧|没|没有|呢|不)?"
)
# What a term is, asked beside anything else (两张皮是什么？怎么解决？).
_WHAT_IT_IS = "是个?什么|什么是|指什么|什么意思"
_ASKS_WHAT_IT_IS_RE = re.compile(f"{_WHAT_IT_IS}|怎么回事")
# What several items are or say (分别是啥, 讲的是什么, 有什么区别), or nothing but them joined
# (第一个融合和第六个融合是啥 reads as 一是融合和六是融合, `_ONLY_JOINED_RE` once they go).
_ONLY_JOINED_RE = re.compile("[和与跟及以还有排在的、]*")
_ASKS_CONTENT_RE = re.compile(
    f"{_WHAT_IT_IS}|分别|有哪些|都是|讲的?是?什么|说的?是?什么|内容|区别|不同"
)
# Words a question puts in quotation marks (“抓党建就是抓业务”这个说法是谁提出的): quoted, not
# told in the asker's own words.
_IN_QUOTES = "[“\"「『‘']([^”\"」』’']+)[”\"」』’']"
_QUOTED_RE = re.compile(_IN_QUOTES)
# Quoted words asked after as a saying with no saying word (“…”是谁说的, “…”是哪位领导提出的).
_QUOTE_WHO_SAID_RE = re.compile(
    _IN_QUOTES + "\\W{0,2}(?:是|由)?(?:谁|哪位领导|哪个领导|哪位)(?:说|讲|提出|提)"
)
# A sentence or passage pointed at by a quoted term (“有力抓手”那句原文怎么写的, “模范机关”那段
# 讲的啥): the term must be the interview's, or no passage holds it.  A longer quote may be
# loose (“解决两张皮问题关键在于找准结合点”这句话是谁说的).
_QUOTED_SENTENCE_RE = re.compile(_IN_QUOTES + "\\W{0,2}[这那]一?(?:句|段)")
_QUOTED_TERM_CHARS = 6
# Not-covered words that tell where an asker in the organs stands (我是办公室主任, 支部快换届了,
# 考核排名靠前, 搞主题党日): in the situation before a question they are no part of it.  Words
# of another place or life (公司, 高校, 广东, 女朋友) say the situation is not the organs'.
_ORGAN_LIFE = frozenset(
    re.findall(
        r"\S+",
        "主任 部长 主席 处长 入党 换届 转正 提拔 晋升 职级 任命 排名 整改 通报 打分 指标 考试 "
        "主题党日 三会一课 组织生活会 民主生活会 民主评议 发展党员 预备党员 思想汇报 学习计划 "
        "公务员",
    )
)
# How often something is done (每个月都, 每周一次, 每年): a habit told, not a date.
_HABIT_RE = re.compile("每(?:个)?(?:年|季度|月|周|星期|礼拜|天)")
_ORGAN_HABIT_RE = re.compile("学习?|理论|党|支部|组织生活|培训|集中教育|工作会议")
# Asking for a term's own content: 二十大精神的主要内容, 党章的内涵.
_TERMS_OWN_RE = re.compile("主要内容|内容|内涵|含义|特征|特点|特色|本质|核心要义|规定")
# What is left of "什么是X", "X是什么意思" once the asking words go.
_BARE_TERM_RE = re.compile(r"^(?:什么是|的)|(?:是)?什么意思$")
_EXPLAIN_LEAD_RE = re.compile(
    r"^(?:请|麻烦)?(?:解释一下|解释|讲讲|说说|介绍一下|介绍|什么是|什么)"
)
# Another document named by its kind (通知, 条例, 决议 …; not 规定, 方案 or 教材, which questions
# about the Opinion use too: 有什么规定, 解决方案, 有没有教材) or by
# what it is about ("这个讲垃圾分类的文件"): the Opinion's passages would answer for it.
_OTHER_DOCUMENT_RE = re.compile(
    "通知|条例|决议|八项规定|实施方案|纲要|准则|一号(?:文件|意见)|"
    # Not 不讲内容的 (光搞形式不讲内容的，文件管不管) nor 讲政治是虚的: what is done without, or
    # said of it, not a paper's topic.
    r"(?<![不没])讲(?:讲)?(?![^的]*(?:两张皮|党建|融合|业务|党务|谁|哪)|(?:什么|啥)的)[^的是]{2,10}的"
    r"(?:那份|这份|这个|那个)?意见"
)
# What something is likened to (网瘾被比作什么病, 党支部被比作什么): the interview likens only
# 两张皮, the problem of Party building and business work coming apart, to an illness.
_LIKENED_RE = re.compile("^(.+?)被(?:比作|比做|比成|比喻成|比喻为|比为|喻为)")
_LIKENED_OWN_RE = re.compile("两张皮|脱节|问题|现象|毛病|它|这|那|(?:党建|党务).{0,2}业务")
# The interview's illness named with nothing of the problem it likens to one (癌症能治好吗,
# 癌症是不是治不好): a medical question.  Readers who ask of the figure name the problem, or
# the figure's own words (顽症癌症常见病).
_ILLNESS_RE = re.compile("癌症|绝症|不治之症")
_FIGURE_RE = re.compile(f"{_LIKENED_OWN_RE.pattern}|意见|访谈|采访|负责人|融合|常见病|顽症|药方")
# Its other figure: Party organisations as 战斗堡垒, Party members as 先锋模范.
_FORTRESS_RE = re.compile("(?:党组织|支部|党员).*(?:堡垒|先锋|模范)")
# An article of the Opinion (意见里的第六条) or of a law or rules by its number: the interview
# never numbers the Opinion's, and readers who say 第六条 alone mean the sixth integration,
# which their questions teach.
_ARTICLE_RE = re.compile(
    r"(?:意见|法典?|规定|办法|章程|细则|合同|协议|条例|守则|规则|准则)[的里中头面当正文]{0,3}"
    r"第[一二三四五六七八九十百0-9]+条"
    # Or how many articles the Opinion has (意见一共有几条): the interview never says; its six
    # integrations are counted as 几条办法, 几个融合.
    r"|^意见(?:一共|总共|共)?(?:有|分)?(?:几|多少)(?:条|章|部分)$"
)
# An article of another body's document (县里的文件第一条, 团委的意见第三条), read as typed:
# folded, its number would name one of the six integrations.
_ANOTHERS_ARTICLE_RE = re.compile(
    "(?<!工委)(?:的|里|单位|上级|上面|中央|人事|部门|公司|学校|工会|团委|妇联|市委|县委)"
    "(?:文件|意见)第[一二三四五六七八九十0-9]+条"
)
# ... but an article of the six, told by what it says (文件第一条讲的是从思想认识上把两件事当成
# 一件事来抓, 文件第四条讲工作干到位的时候党组织和党员要起什么作用), is that integration: the
# interview numbers them (一是…六是), and the blind sets' readers call them articles.
_ARTICLE_OF_SIX_RE = re.compile("意见[的里中头面当正文]{0,3}第([一二三四五六])条")
# ... of the Opinion as typed: opening the question or a clause, or pointed at (这份文件), and
# no item under it (第三条第二项).  单位文件第三条, 中央的意见第二条 and 老师的意见 are others'.
_THE_OPINIONS_ARTICLE_RE = re.compile(
    r"(?:^|[，。？！；：、,.?!;:\s]|这份|这个|该|《)《?(?:文件|意见)》?"
    r"(?:里|中|的|里面|当中)?第[一二三四五六1-6]条(?!第)"
)


def _as_integration(text: str) -> str:
    """The article of the six as the integration of its number (意见第一条 → 意见一是融合)."""
    return _ARTICLE_OF_SIX_RE.sub(lambda m: f"意见{m.group(1)}是融合", text)


# Whether the Opinion itself is, or will turn into, formalism: a verdict on it, which the
# interview does not give (its 形式和内容脱节 is a disconnect in the organs' work, and 意见是不是
# 要防止形式主义 asks what it says).
_THE_OPINION_AS_FORMALISM_RE = re.compile(
    "(?:意见|文件)(?:本身)?(?:会不会|是不是|是否|也是|算不算)(?:又)?"
    "(?:在搞|在|搞|是|变成|搞成|成为|沦为)?"
    "(?:又)?(?:一个|一轮|一种)?形式主义"
    "|(?:意见|文件)(?:会不会|是不是)(?:最后|最终)?(?:又)?(?:搞成|变成|成为|沦为)形式主义"
)
# Chinese medicine's own two skins and illnesses, asked of it and not of the Opinion (中医讲对症
# 下药，意见开了什么药方 likens the one to the other and asks the Opinion).
_CHINESE_MEDICINE_RE = re.compile("中医(?!院)")
# Likewise carbon peaking's own 1+N policy system (双碳政策里的1+N), not the Opinion's path.
_CARBON_ONE_PLUS_N_RE = re.compile(r"(?:双碳|碳达峰|碳中和|碳排放).{0,8}1\+n")
_OF_THE_OPINION_RE = re.compile("意见|文件|访谈|采访|工委|破解")
# Another field's or level's own work (银行, 乡镇, 房地产, 媒体融合, 产教融合…), asked of it, or
# whether the Opinion applies there (银行业也要执行这个意见吗).  A cadre who says they are in the
# province's organs names one in passing (我们住建厅业务是房地产市场监管，意见要求…; 以前在乡镇
# 工作，刚调到省直机关…) and asks the Opinion.
_ANOTHER_FIELD_RE = re.compile(
    "银行|乡镇|科研院所|房地产|媒体融合|融媒体|产教融合|军民融合|业财融合|文旅融合|产城融合|"
    "医防融合|做账|药店|农商行|镇政府|村委|村两委|居委会|派出所|卫生院|监狱|社会组织|律师事务所|"
    "律所|金融机构|保险|供电|基金会"
)
# The asker's unit is the province's (省药监局, 省级机关, 我们厅), not a 省辖市's.
_PROVINCIAL_UNIT = "省(?!辖)|厅"
_THE_ASKERS_ORGANS_RE = re.compile(_PROVINCIAL_UNIT)


# The organs' Party world named (党建, 机关, 工委, the Opinion as 意见 or 文件): a Chinese question
# naming it is answered from a lower clear lead (`organs_clear_lead_score`).  Not 党员 or 干部,
# which tell who asks (开饭馆的党员, 干部开的农家乐), nor 意见 as a complaint or a view (邻居有意
# 见, 意见不一致): an adversarial helper's traps in other walks of life.
_ORGANS_WORLD_RE = re.compile(
    "党建|党务|党组|党委|党的|支部|机关|工委|省直|文件"
    "|(?<!有|提|听|给|没)意见(?!不|分歧|一致|相左|很大|大|多)"
)


def _another_fields_own(cleaned: str) -> bool:
    """The question asks of another field's own terms (Chinese medicine's, carbon peaking's),
    naming neither the Opinion nor the interview, or of another field's work (a bank's), not
    saying the asker is in the province's organs."""
    return (
        (
            _CHINESE_MEDICINE_RE.search(cleaned) is not None
            or _CARBON_ONE_PLUS_N_RE.search(cleaned) is not None
        )
        and _OF_THE_OPINION_RE.search(cleaned) is None
    ) or (
        _ANOTHER_FIELD_RE.search(cleaned) is not None
        and _THE_ASKERS_ORGANS_RE.search(cleaned) is None
    )


# A city's own organs and doings (郑州市直机关, 洛阳市委, 郑州市有没有出台): the Opinion is the
# province's organs'.  The city alone is where an asker lives or works (我在郑州上班，六个融合
# 是哪六个, 我在郑州市工作).
_CITIES = (
    "郑州|开封|洛阳|平顶山|安阳|鹤壁|新乡|焦作|濮阳|许昌|漯河|三门峡|南阳|商丘|信阳|周口|驻马店|济源|"
    "广州|深圳|杭州|南京|武汉|成都|西安|长沙|济南|合肥|石家庄|太原|沈阳|长春|哈尔滨|福州|南昌|昆明|"
    "贵阳|南宁|兰州|西宁|银川|乌鲁木齐|拉萨|呼和浩特|海口|苏州|青岛|厦门|大连|宁波"
)
_A_CITYS_OWN_RE = re.compile(
    f"(?:{_CITIES})(?:市(?:委|直|级|政府|的(?:机关|单位|部门|党)|有没有|怎)"
    "|委|直属|县直|县委|县级|区委)"
)
# Another level's organs (县直机关, 市县机关, 地市一级): the Opinion is the province's.
_ANOTHER_LEVEL_RE = re.compile(
    "县直|区直|县区|区县|县委|县级|市直|地市|省辖市|示范区|市里的机关|县里的机关|乡政府|镇里|市县"
)
# Where the asker stands in the province's organs (洛阳市委调到省直), or which level the Opinion
# is for (管的是省直还是市县, 适用的是哪一级的机关).
_THE_PROVINCES_OWN_RE = re.compile(f"{_PROVINCIAL_UNIT}|哪一?级|哪一?层")


def _another_levels_own(cleaned: str) -> bool:
    """The question asks of a city's or another level's organs, not placing the asker in the
    province's nor asking which level the Opinion is for."""
    return (
        _A_CITYS_OWN_RE.search(cleaned) is not None
        or _ANOTHER_LEVEL_RE.search(cleaned) is not None
    ) and _THE_PROVINCES_OWN_RE.search(cleaned) is None


# A document named by its title in book-title marks (《关于加强机关党建的意见》): the Opinion's
# own (whole or in part, 《意见》 included) or the newspaper's is ours; any other title of a
# document's kind is another document, which the Opinion's passages would answer for.
_TITLE_RE = re.compile("《([^《》]{1,80})》")
_DOCUMENT_KIND_RE = re.compile(
    "(?:意见|条例|通知|规定|办法|决定|纲要|方案|准则|规划|决议|报告|讲话|措施)$"
)
# A title about 两张皮 is the Opinion's, loosely quoted (《破解两张皮问题的意见》), unless it names
# another kind of paper or issuer: 《关于破解两张皮的若干措施》, a 县直 or 高校 version.
_NOT_THE_OPINIONS_RE = re.compile(
    "措施|通知|方案|办法|规定|条例|细则|县|市(?!场)|区|乡|镇|村|高校|学校|大学|企业|公司|医院"
)


def _names_another_title(question: str, own: Sequence[str]) -> bool:
    """The question names, in 《》, a document that is not the Opinion."""
    for title in _TITLE_RE.findall(unicodedata.normalize("NFKC", question)):
        folded = clean(title)
        if not folded or any(folded in mine for mine in own):
            continue
        if "两张皮" in folded and _NOT_THE_OPINIONS_RE.search(folded) is None:
            continue
        if _DOCUMENT_KIND_RE.search(folded):
            return True
    return False


# What General Secretary Xi said on another occasion (在河南考察时, 在二十大上, 七一讲话, 回信):
# the interview quotes him once, at the central and state organs' Party-building conference, and
# that quote must never stand for anything else he said.
_XI_RE = re.compile(r"总书记|习近平|习总|\bxi\b")
_ANOTHER_OCCASION_RE = re.compile(
    "考察|视察|调研时|二十大(?!精神)|七一|两会|座谈会|回信|贺信|贺词|全会|开学典礼|党校|新年|"
    "论坛|政治局|常委会|[^哪什么那这个次在的]会议"
)
# Only the conference itself (中央和国家机关党的建设工作会议, 那次机关党建工作会议) is the quoted
# occasion: 中央经济工作会议 and 全国组织工作会议 are others.
_THE_QUOTED_OCCASION_RE = re.compile("(?:中央和国家机关|机关)(?:党的建设|党建)(?:工作)?会|那次会")


# Not-covered words used for what the interview does say.  The units it names: those the
# shared responsibility now reaches (范畴拓展到哪些单位) and those whose roles it made clear for
# the first time; any other 哪些单位 (哪些单位存在两张皮, 哪些单位入选) asks which units did
# something, which it never says, and another field's (安全生产责任主体) is another matter.
# Whether this piece ran on the front page (这篇采访是登在头版吗: on page 4), not what else did
# (河南日报头版是什么新闻, 大河报登在头版吗).  A reader with no time for the whole text
# (没时间看全文，给我说说), not where the whole text is (全文在哪下载).  The first of the six
# (六条对策里的第一条), not an article of something else (工作要点第一条).
_COVERED_USES_RE = re.compile(
    "责任(?:涉及的|的)?(?:范畴|范围)?都?(?:拓展|扩展|扩大|扩|延伸)到了?哪些单位|"
    "^(?:意见把)?负责的?(?:范畴|范围)都?(?:拓展|扩展|扩大|扩|延伸)到了?哪些单位|"
    "^(?:意见的?|融合的?)?(?:共同责任|责任主体)都?包括哪些单位|"
    "(?:明晰|明确)了?哪些单位的定位(?:和责任|和职责)?(?:了|吗|呢)?$|"
    "^(?:这篇|这个|这次|该)?(?:采访|访谈|专访|答记者问|报道|文章|稿子|稿件)?(?:真的)?(?:是)?"
    "(?:登|刊|发)(?:在|到)?了?(?:河南日报)?的?(?:头版|第.版还是头版|头版还是第.版)[的吗嘛]*$|"
    "(?:没时间|没空|没工夫|来不及|顾不上|懒得|不想)(?:看|读)完?全文|"
    "(?:六条|六个|对策|意义)[^第]{0,10}第一条|"
    # What runs through the whole text (全文贯穿始终的主线), not where to read it.
    "全文(?:始终)?贯穿|"
    # The asker's rank (我是处长, 担任处长及以上职务的同志): the interview's 处级以上, not who
    # holds a post (接受采访的负责人担任处长吗) or what it is.
    "处长(?:及|和)?以上|(?:我是|我当|作为|身为)(?:一?个|一名|一位|了)?处长|"
    "担任[^，。？?]{0,8}?职务的(?:人员|同志|干部|党员)|"
    # The culture and tourism department and bureau (文化和旅游厅) are organs: not a trip (旅游).
    "旅游(?:厅|局)|"
    # The organs' own newcomers (单位进了不少刚毕业的年轻人), not graduates' lives.
    "(?:进了?|来了?|招了?|分来了?)[^，。]{0,6}(?:刚|才)毕业的?(?:青年干部|年轻人|年轻干部|大学生|研究生)"
)


# "Who issued it" and "when was it issued" of something named: only the Opinion's issuer and
# date are given.  月饼是谁发的 names another thing; 开封的意见是哪年发的 still names 意见 and is
# left to the matcher.
_ISSUED_FRAME_RE = re.compile(
    "^(?P<subject>.*?)(?:是|由|到底是|究竟是)?"
    "(?:谁|哪个单位|哪个部门|哪家单位|哪个机关|什么单位|什么部门|什么时候|哪天)"
    "(?:印发|刊登|发|制定)(?:的|了)?(?:吗|呢|啊|呀)?$"
)
# Words that make the subject the Opinion (or the report of it), however else it is put.
_OPINION_WORDS_RE = re.compile(
    "意见|两张皮|融合|党建|工委|报道|采访|访谈|这篇|这个|这份|那个|那份|该|它|此"
)


# What Xi said about one named subject (总书记关于教育讲了啥, 总书记对脱贫攻坚怎么说的, 总书记讲过
# 生态文明吗): the interview quotes him once, on 两张皮, and names the thought and expositions
# the Opinion carries out; a subject no passage naming him touches is not in it.
_XI_ON_RE = re.compile(
    "(?:习近平|习总|总书记)(?:总书记)?(?:关于|对于|对|就)([\u4e00-\u9fff]{2,6}?)(?:问题|工作|方面)?"
    "(?:是|都|又|还)?(?:怎么|如何|怎样|咋|讲|说|谈|提|强调|指出|论述|有什么|有啥|$)"
    "|(?:习近平|习总|总书记)(?:总书记)?(?:在[^，。]{0,8}?)?(?:讲|说|谈|提|强调)过([\u4e00-\u9fff]{2,6}?)"
    "(?:问题|工作|方面)?(?:吗|没有|没|不)?$"
)


# Words that ask or point back (总书记关于哪方面的论述, 总书记对此怎么说, 总书记讲过这句话吗):
# no subject of their own.
_ASKING_WORD_RE = re.compile("哪|什么|啥|谁|几|多少|怎|咋|如何|此|这|那|上述|该")


def _if_near(alone: Result, near: set[str]) -> Result | None:
    """The answer asked alone, if the whole message ranked its entry near the top."""
    return alone if alone.entry in near else None


def _only_anothers_integration(cleaned: str) -> bool:
    """The one integration the question names is another field's (科教融合要达到什么目的,
    党建引领产业融合要实现什么): however its frame matches the Opinion's integrations, no
    passage is about it.  Read as typed: homophone correction would make 数实融合 数是融合."""
    return cleaned.count("融合") == 1 and names_another_integration(cleaned)


def _xi_elsewhere(cleaned: str) -> bool:
    """The question asks about something Xi said on an occasion the interview does not quote."""
    return (
        _XI_RE.search(cleaned) is not None
        and _ANOTHER_OCCASION_RE.search(cleaned) is not None
        and _THE_QUOTED_OCCASION_RE.search(cleaned) is None
    )


# The quoted conference's own particulars (its theme, host, agenda, who attended): the interview
# names it only as where Xi's remark was made, and that remark is none of them.  Other meetings
# (重要工作会议 as an entry point) and 主题教育 are not this.
_CONFERENCE_PARTICULARS_RE = re.compile(
    "会议?(?:的|上|是|有)?"
    "(?:主题(?!教育)|谁主持|由谁主持|主持人|议程|谁参加|哪些人参加|谁出席|哪些人出席|规模|开了几天|会场)"
    # What else was said there: the interview quotes one remark of it.
    "|会议?上?(?:还|另外|其他)(?:讲|说|提|谈|强调)(?:了|到|过)?(?:哪些|什么|啥|别的)"
)


def _conference_particulars(cleaned: str) -> bool:
    """The question asks for a particular of the quoted conference that the interview lacks."""
    return (
        _THE_QUOTED_OCCASION_RE.search(cleaned) is not None
        and _CONFERENCE_PARTICULARS_RE.search(cleaned) is not None
    )


_WHAT_TAIL_RE = re.compile(r"(?:是什么意思|什么意思|是什么|是啥|指什么|的含义|的内涵)$")

# The asker's or the bot's own (我的目标是什么, 你的名字, 我的考核怎么办): a word of the
# interview (目标, 考核, 任务) asked of a person, which it says nothing about.  Not the asker's
# unit or post (我的单位怎么探索1+N, 我的岗位能双向交流吗: the Opinion applied to them), a
# lead-in (我的疑问，1+N什么意思, 我的同事问…), nor the bot's answer and where it comes from
# (你的答案出自哪篇报道, 你的信息来自哪家报纸).
_OWNERS = ("我", "你", "您", "妳")
_ONES_OWN_RE = re.compile(f"^(?:{'|'.join(_OWNERS)})的")
# The same as typed, before folding read Henan speech (俺哩单位 → 我的单位, 恁的答案 → 你的答案).
_TYPED_OWNER_RE = re.compile(
    f"(?:{'|'.join(s for owner in _OWNERS for s in spellings(owner))})"
    f"(?:{'|'.join(spellings('的'))})"
)
_NOT_ONES_OWN_RE = re.compile(
    "^(?:单位|处室|处里|岗位|部门|科室|支部|工作|处|厅|局|"
    "问题|疑问|困惑|理解|看法|意思|想法|同事|领导|处长|主任|书记|"
    "答案|回答|解答|答复|答覆|回复|回覆|说明|内容|信息|资讯|資訊|消息|材料|原文|引文|介绍|资料|出处|"
    "来源|依据|根据|说法)"
)
# Longest a person's own thing runs once the asking words go (我的考核怎么办 → 考核怎么办):
# anything longer says what it asks.
_ONES_OWN_LONGEST = 6


def _of_a_person(cleaned: str, folded: str) -> bool:
    """The question asks about the asker's or the bot's own things, not the Opinion's.

    Read in `folded` (`fold_cleaned` of `cleaned`), once filler and a trailing 是什么 are gone:
    请问我的目标是什么 asks the same.  A 是 after the possessed thing introduces what is asked
    (我的疑问是1+N是什么意思)."""
    owned = _ONES_OWN_RE.match(folded)
    if owned is None:
        return False
    rest = folded[owned.end() :]
    # The thing as typed: folding may have renamed it (依据 → 遵循).
    typed_owner = _TYPED_OWNER_RE.search(cleaned)
    typed = rest if typed_owner is None else cleaned[typed_owner.end() :]
    return (
        _NOT_ONES_OWN_RE.match(typed) is None
        and len(rest) <= _ONES_OWN_LONGEST
        and "是" not in rest
        and not about_subject(folded)
    )


# A place word and what the question asks of the place (医院里的两张皮, 社区内有没有, 医院中党
# 员怎么): not a place passed through on the way (经常去医院里督导，想问…).
_IN_THE_PLACE_RE = re.compile(
    "[里中内](?:的|面的|部的|设|有没有|有哪些|有什么|党|两张皮|怎么|如何|要|能|也|表现|存在|搞)"
)


# What places an everyday word (乐队, 孩子) beside the Opinion rather than in a life of its own:
# the Party, the organs, the Opinion or the interview named, or a likeness drawn.
_BESIDE_THE_OPINION_RE = re.compile(
    "党|机关|意见|访谈|采访|报道|工委|干部|总书记|文件|单位|领导|记者|像|好比|如同|一样|讲究"
)
# A department, bureau, commission or office (文化和旅游厅, 邮政管理局, 卫健委, 处室): one of the
# organs, unless an everyday word owns it (`Answerer._owns`); not 餐厅, 大局 or 委屈.
_ORGAN_UNIT_RE = re.compile(
    "省直|部门|处室|科室|支部|委员会|[发健教科工农住商民财审统编政]委|招生办|办公厅|办公室|"
    "(?<![餐客舞歌展大前门宴营])厅|(?<![大格布结饭牌赌棋当开出变邮])局"
)
_OWNER_REACH = 5
_LOCATED_RE = re.compile("在|到|去|进|于|是")
# An everyday person relaying the question to the asker (婆婆问我1+N是啥, 外婆问：破解之策是什么;
# the question comes without its punctuation): who asks, not what is asked about.  Not their own
# words or doings (儿子讲话和行动脱节, 儿子说他写作业…, 奶奶问我她的老毛病…).
_RELAYING = "(?:也|又|还|就|都)?(?:(?:问|告诉|考考|考)(?:我|俺)(?![他她自])|问(?![题我俺]))"
# What a life of its own asks of the interview's words: how to do it there (我们乐队形式和内容
# 脱节怎么办, 创业团队的理念融合怎么做), or whether it is any use there (驾校科目二去现场观摩有用
# 吗).  What a term is, asked for a child or a parent (我儿子问我学用融合是什么意思), is the
# Opinion's.
_HOW_TO_RE = re.compile(
    "怎么|怎样|咋|如何|办法|法子|该|药方|长效|关键|保障|之策|对策|妙招|高招|招数|窍门|诀窍|攻略"
    "|有用|管用|值得"
)


def _uncovered_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    """One search for every not_covered term, overlapping ones included."""
    if not terms:
        return None
    alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(f"(?=({alternation}))")


def _uncovered_terms(pattern: re.Pattern[str] | None, text: str) -> set[str]:
    """The not_covered terms the text names as words of their own, not as the seam of two others.

    深入党建 holds 入党 across 深入 and 党建, 加大学习 holds 大学, 措施行得通 holds 施行: where an
    everyday word takes a two-character term's first or last character from outside, that is
    no mention (unless a word ends just before the term and has taken that character: 党建国企,
    负责人工资),
    except a place word after it and what is asked of the place (医院里的, 农村中
    怎么, 学校内有没有): 院里 and 村中 are everyday words, yet 里 places the question in the
    whole term.  Longer terms are phrases (工委在哪, 组织关系) and count wherever they stand."""
    if pattern is None:
        return set()
    everyday, wider = common_words()
    named = set()
    for found in pattern.finditer(text):
        term = found.group(1)
        if len(term) > 2:
            named.add(term)
            continue
        start, end = found.start(), found.start() + len(term)
        # 党建国企: 建 ends 党建, so 建国 is no word there; nor is 人工 in 负责人工资.
        left = (
            text[start - 1 : start + 1]
            if start > 0
            and text[max(0, start - 2) : start] not in everyday
            and (start < 3 or text[start - 3 : start] not in wider)
            else ""
        )
        right = (
            text[end - 1 : end + 1]
            if end < len(text) and _IN_THE_PLACE_RE.match(text, end) is None
            else ""
        )
        if left not in everyday and right not in everyday:
            named.add(term)
    return named


# Measures of another number than six: 二十条措施, 新十条.
_ANOTHER_LIST_RE = re.compile(
    "(?<![第一二三四五六七八九十百])(?:[二三四五七八九十百][一二三四五六七八九十百]*|[0-9]+)"
    "(?:[项个大]?(?:措施|举措|对策|办法)|条)"
)
# A government's measures, not the Party committee's (国务院稳经济六条措施第二条).
_ANOTHER_BODY_RE = re.compile("国务院|政府|(?<!支)部委")
# The nation's organs, not the province's: their relapse is theirs (中央和国家机关去年融合
# 搞得挺好).
_CENTRAL_ORGANS_RE = re.compile("国家机关|中直机关")
# Something counted (第四个 reads as 四是).
_COUNTED_RE = re.compile(f"[{ITEM_NUMERALS}]是")
# A count within the long-term two or the present four, or of 深度融合持久融合, is another count.
_SUBGROUP_RE = re.compile("长期|当下|持久融合")
_ANOTHER_THING_OF_INTEGRATION_RE = re.compile(
    "融合(?:发展)?(?:工作法|示范|区|项目|基地|试点|园区|平台|中心|点|月|形态|角色|技能|案例|样板"
    "|典型|单位|省份|国家|物种|手机)|融合的(?:是谁|人|角色|手机|国家|物种|省份|单位)"
)


class Status(StrEnum):
    """What the bot made of a question."""

    ANSWERED = "answered"
    SUGGESTED = "suggested"
    UNKNOWN = "unknown"


class Kind(StrEnum):
    """Why a result has the status it has: a real question, small talk, or nothing to read."""

    QUESTION = "question"
    GREETING = "greeting"
    THANKS = "thanks"
    FAREWELL = "farewell"
    ABOUT = "about"
    CHAT = "chat"  # laughter or an interjection alone (哈哈, 嗯…): nothing asked
    EMPTY = "empty"
    VAGUE = "vague"  # only question words (是什么, 这是啥): nothing to look up
    CHOICE = "choice"  # a bare number that picks nothing the previous reply offered


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate entry offered as a choice."""

    entry: str
    question: str
    score: float


@dataclass(frozen=True, slots=True)
class Result:
    """The answer to one question: what the JSON output and the Telegram layer render."""

    status: Status
    entry: str | None
    score: float
    reply: str
    suggestions: tuple[Suggestion, ...] = ()
    related: tuple[str, ...] = ()  # entry ids offered as follow-up questions
    traditional: bool = False
    kind: Kind = Kind.QUESTION
    question: str = ""  # the question as matched (normalised), for the question log
    # Answered with two passages that meet in the interview: both entry ids, in its order
    # (`entry` is the better matched of them).  Empty for an answer of one passage.
    together: tuple[str, ...] = ()

    @property
    def quoted(self) -> tuple[str, ...]:
        """The entry ids whose passages the reply quotes, in the interview's order."""
        return self.together or ((self.entry,) if self.entry is not None else ())

    @property
    def beside(self) -> str | None:
        """The entry whose passage is quoted together with `entry`'s, if two are."""
        return next((i for i in self.together if i != self.entry), None)

    @property
    def offered(self) -> tuple[str, ...]:
        """The entry ids this reply offers, in order: what the numbers 1, 2, 3 stand for."""
        if self.status is Status.SUGGESTED:
            return tuple(s.entry for s in self.suggestions)
        return self.related

    def as_json(self) -> dict[str, object]:
        """The `ask --json` object."""
        return {
            "status": self.status.value,
            "entry": self.entry,
            "score": round(self.score, 3),
            "reply": self.reply,
            "suggestions": [
                {"entry": s.entry, "question": s.question, "score": round(s.score, 3)}
                for s in self.suggestions
            ],
            "quoted": list(self.quoted),
        }


_PARTICLES = "(啊|呀|呢|哦|哈|啦|了|吧|嘛|~)*"
_SMALL_TALK = (
    (
        Kind.GREETING,
        re.compile(
            rf"^((你|您)好|大家好|hi|hello|hey|嗨|哈喽|哈啰|在吗|在不在|早上好|上午好|下午好|晚上好|早安|晚安|喂)+"
            rf"{_PARTICLES}(机器人|助手|小助手)?$"
        ),
    ),
    (
        Kind.THANKS,
        re.compile(
            rf"^(好的|好|ok|嗯)?(谢谢|多谢|感谢|谢了|thanks|thankyou|thx|辛苦了)(你|您|啦|了)?{_PARTICLES}$"
        ),
    ),
    # An acknowledgement (好的, 明白了) is answered like thanks, never with a passage: 明白 is
    # also the interview's word (明白人).
    (
        Kind.THANKS,
        re.compile(
            rf"^((好的|好嘞|好|嗯嗯|嗯|ok|okay|明白了|明白|知道了|收到|懂了|了解了|行)"
            rf"{_PARTICLES})+(谢谢|多谢|感谢|谢了|辛苦了)?{_PARTICLES}$"
        ),
    ),
    (Kind.FAREWELL, re.compile(rf"^(再见|拜拜|bye|byebye|回见|下次见){_PARTICLES}$")),
    (Kind.CHAT, re.compile(r"^(哈|呵|嘿|嘻|嗯|哦|噢|哎|唉|哇|啊|呀|哟|呗|啦|哼|呐)+$")),
    (
        Kind.ABOUT,
        re.compile(
            rf"^(你是谁|你叫什么|你叫什么名字|你是什么|你是机器人吗|你能做什么|你会什么|你能干什么|"
            rf"怎么用|如何使用|使用说明|帮助|help|你好你是谁){_PARTICLES}$"
        ),
    ),
)


def _typed_in_letters(question: str) -> bool:
    """The question is written in English or pinyin: two Chinese characters at most."""
    letters = sum("a" <= c <= "z" for c in question.lower())
    han = sum("\u4e00" <= c <= "\u9fff" for c in question)
    return han <= 2 and letters >= 3 * max(han, 1)


def small_talk(cleaned: str) -> Kind | None:
    """The kind of small talk a cleaned message is, if it is nothing more than that."""
    for kind, pattern in _SMALL_TALK:
        if pattern.match(cleaned):
            return kind
    return None


_CLAUSE_END = re.compile(r"(?<=[。；！？，：])")


def passage_units(entries: Sequence[Entry]) -> list[list[str]]:
    """What each entry quotes, clause by clause, with its summary: matched beside phrasings.

    A clause goes to the entries whose passage is the smallest one containing it, so a question
    in the words of 一是强化理念融合… finds the entry quoting that paragraph, not the one quoting
    the whole answer around it."""
    folded = [fold_for_comparison(e.passage) for e in entries]
    units: list[list[str]] = [[] for _ in entries]
    for position, entry in enumerate(entries):
        for clause in _CLAUSE_END.split(fold_for_comparison(entry.passage)):
            if len(clause) < 4:
                continue
            holders = [i for i, text in enumerate(folded) if clause in text]
            smallest = min(len(folded[i]) for i in holders)
            if len(folded[position]) == smallest:
                units[position].append(clause)
        if entry.summary:
            units[position].append(entry.summary)
    return units


class Answerer:
    """Answers questions from one knowledge base; immutable, safe to share between tasks."""

    def __init__(
        self, kb: KnowledgeBase, tuning: Tuning | None = None, memo: dict[str, str] | None = None
    ) -> None:
        self.kb = kb
        # The readers' out-of-scope questions are one more group after the entries: a question
        # nearest to them is declined, however well it also matches an entry.
        groups = [[e.question, *e.alternates] for e in kb.entries]
        units = passage_units(kb.entries)
        asked = [list(kb.asked.get(e.id, ())) for e in kb.entries]
        if kb.asked_out_of_scope:
            groups.append([])
            units.append([])
            asked.append(list(kb.asked_out_of_scope))
        self.matcher = Matcher(
            groups,
            tuning,
            passages=units,
            memo=memo,
            asked=asked,
            spelled=kb.plainly_not_covered,
        )
        self._outside = (len(kb.entries),) if kb.asked_out_of_scope else ()
        self.tuning = self.matcher.tuning
        self._folded_passages = [fold_for_comparison(e.passage) for e in kb.entries]
        self._xi_passages = [p for p in self._folded_passages if _XI_RE.search(p)]
        source = kb.source
        self._own_titles = tuple(
            clean(text) for text in (source.title, source.publication, source.headline or "")
        )
        self._uncovered = _uncovered_pattern(kb.not_covered)
        # Longest first, so 党的二十大精神 is taken whole before 二十大精神.
        self._unexplained = tuple(sorted(kb.not_explained, key=len, reverse=True))
        # The entries quoting each integration by its number (五是深化机制融合，…), and the
        # integrations' names by number (五: 机制).
        self._numbered: dict[str, frozenset[int]] = {}
        self._integration_names: dict[str, str] = {}
        # ... and those quoting it anywhere (the main content quotes all six).
        self._holding: dict[str, frozenset[int]] = {}
        for number in ITEM_NUMERALS:
            heading = re.compile(f"{number}是[^，。]*?(..)融合")
            found = [
                (i, m.group(1))
                for i, e in enumerate(kb.entries)
                if (m := heading.match(e.passage)) is not None
            ]
            self._numbered[number] = frozenset(i for i, _ in found)
            self._integration_names.update((name, number) for _, name in found)
            self._holding[number] = frozenset(
                i for i, e in enumerate(kb.entries) if heading.search(e.passage) is not None
            )
        self._all_numbered = frozenset().union(*self._numbered.values())
        self._headline_of = {i: n for n, found in self._numbered.items() for i in found}
        self._named_integration_re = re.compile(f"(?:{'|'.join(self._integration_names)})融合")
        terms = (*(f"{name}融合" for name in self._integration_names), _ITS_OWN_TERMS_RE.pattern)
        # What one of them is, and nothing more (`_asks_what_another_term_is`).
        self._what_a_term_is_re = re.compile(
            f"(?:什么是|什么叫|啥是|啥叫|何为)?(?:(?:意见|文件)(?:里|中)?的?)?({'|'.join(terms)})"
        )

    @functools.cached_property
    def _relapse_answer(self) -> tuple[Entry, float] | None:
        """Where a relapse told in the organs lands (`_relapse_told`), and its score: the fixed
        question in the interview's own words, asked once for this knowledge base rather than
        per message.  Asked on first need, not when the answerer is built: building it must
        not load what only some questions use (the spelling tables, some 11 MB)."""
        relapse = self.ask(_RELAPSE_ASKED)
        if relapse.status is not Status.ANSWERED or relapse.entry is None:
            return None
        return self.kb.by_id[relapse.entry], relapse.score

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, if the knowledge base has it."""
        return self.kb.by_id.get(entry_id)

    def _distinct(self, a: int, b: int) -> bool:
        """True when two entries quote different passages (neither contains the other)."""
        first, second = self._folded_passages[a], self._folded_passages[b]
        return first not in second and second not in first

    def _specific(self, candidate: Candidate) -> bool:
        """The question is one of the entry's phrasings, or carries enough specific evidence
        and resembles something asked of the entry."""
        return candidate.exact or (
            candidate.evidence >= self.tuning.min_evidence
            and candidate.nearest >= self.tuning.min_nearest
        )

    def _leads_clearly(
        self,
        best: Candidate,
        lead: float,
        outside: Candidate | None,
        in_letters: bool,
        several_words: bool = False,
        organs: bool = False,
    ) -> bool:
        """The best entry leads every other passage clearly, and is clear enough (`_clear`).

        Typed in letters, a question that reads several of the interview's words (not 报纸 or
        创新 alone: Which newspapers quoted the mayor?) is clear from a lower score; so is a
        Chinese one naming the organs' Party world (`organs`)."""
        tuning = self.tuning
        score = tuning.clear_lead_score
        if in_letters and several_words and best.evidence >= tuning.letters_low_evidence:
            score = tuning.letters_clear_lead_score
        elif organs and not in_letters:
            score = tuning.organs_clear_lead_score
        return (
            best.score >= score
            and lead >= tuning.clear_lead_margin
            and self._clear(best, outside, in_letters)
        )

    def _clear(self, best: Candidate, outside: Candidate | None, in_letters: bool) -> bool:
        """Evidence enough that the question is the interview's (not one of its terms in another
        field's question), and no out-of-scope question nearly as near (How do I join the
        Communist Youth League?): what a clear lead, or two neighbours quoted together, needs."""
        tuning = self.tuning
        evidence = tuning.letters_clear_lead_evidence if in_letters else tuning.clear_lead_evidence
        return best.evidence >= evidence and (
            outside is None or best.score - outside.score >= tuning.clear_lead_outside
        )

    def _clears_lone_bar(self, candidate: Candidate) -> bool:
        """With no rival to weigh it against, a candidate is answered from `lone_score`."""
        return self._specific(candidate) and candidate.score >= self.tuning.lone_score

    def _anchored(self, index: int, *texts: str) -> bool:
        """The entry has no anchors, or the question (in any of its forms) holds one.

        An entry with anchors is no candidate for a question holding none of them: 有人说只有
        考公才算有出息，对吗 fits the misconception's frame, not its subject."""
        anchors = self.kb.entries[index].anchors
        return not anchors or holds_anchor(anchors, *texts)

    def _not_for(self, index: int, prepared: str) -> bool:
        """The question holds a word the entry never answers (两张皮咋整 asks 怎么办, which the
        definition of the problem only restates) and does not also ask what it is (两张皮是什么？
        怎么解决？)."""
        return (
            holds_anchor(self.kb.entries[index].not_for, prepared)
            and _ASKS_WHAT_IT_IS_RE.search(prepared) is None
        )

    def may_answer(self, question: str, indices: Iterable[int]) -> set[int]:
        """Those of the entries at `indices` that can answer this question (their anchors
        allow it); the question is read once for all of them."""
        cleaned = clean(question)
        texts = (cleaned, fold_cleaned(cleaned), self.matcher.prepare_cleaned(cleaned))
        return {index for index in indices if self._anchored(index, *texts)}

    def _quotes_what_it_never_says(self, question: str) -> bool:
        """The question points at a sentence by a quoted term no passage holds (“模范机关”那句)."""
        for found in _QUOTED_SENTENCE_RE.finditer(unicodedata.normalize("NFKC", question)):
            words = fold_for_comparison(found.group(1))
            if 0 < len(words) <= _QUOTED_TERM_CHARS and not any(
                words in passage for passage in self._folded_passages
            ):
                return True
        return False

    def _likens_another_thing(self, as_typed: str) -> bool:
        """The question asks what something other than 两张皮 is likened to."""
        found = _LIKENED_RE.search(as_typed)
        if found is None:
            return False
        if _FORTRESS_RE.search(as_typed):
            return False
        subject = self.matcher.prepare(found.group(1))
        return has_content(subject) and _LIKENED_OWN_RE.search(subject) is None

    def _issued_by_another(self, prepared: str) -> bool:
        """The question asks who issued, or when, something it names that is not the Opinion:
        no word of the subject is the Opinion's, and its words are not the knowledge base's."""
        found = _ISSUED_FRAME_RE.match(prepared)
        if found is None:
            return False
        subject = found.group("subject").replace("的", "")
        return (
            has_content(subject)
            and _OPINION_WORDS_RE.search(subject) is None
            and not self.matcher.knows_words(subject)
        )

    def _asks_what_a_term_is(self, cleaned: str) -> bool:
        """What a not-explained term is, however framed: 请解释一下中国式现代化, 意见里的党章
        是什么意思."""
        led = _EXPLAIN_LEAD_RE.sub("", cleaned)
        body = _WHAT_TAIL_RE.sub("", led)
        return body != cleaned and any(body.endswith(t) for t in self.kb.not_explained)

    def _about_unexplained(self, prepared: str) -> bool:
        """The question asks about a term the interview names but never explains.

        Either the term alone (党章是什么) or a question that opens with the term and says
        nothing else of the Opinion's subject (中国式现代化有哪五个特征, 二十大精神的主要内容);
        "跟中国式现代化有关系吗" asks how the Opinion bears on it, which the interview says."""
        if _BARE_TERM_RE.sub("", prepared) in self.kb.not_explained:
            return True
        opening = next((t for t in self._unexplained if prepared.startswith(t)), None)
        if opening is None:
            return False
        rest = prepared.removeprefix(opening)
        if not has_content(rest):
            return True  # 二十大精神有哪些: the term and asking words only
        if about_subject(rest) or "关系" in rest:
            return False
        # What the rest asks must be something the interview says of the term (党章是基本遵循吗,
        # 二十大精神贯穿始终吗): a word it never uses (特征, 规定), or the term's own content,
        # is a question about the term itself.
        return _TERMS_OWN_RE.search(rest) is not None or not self.matcher.knows_words(rest)

    def _only_sent(self, question: str, cleaned: str) -> bool:
        """Office holders in the question only sent the asker to the text (处长让我查查, 主任叫我
        先看看这篇报道) or to look up what is asked (主任叫我问问示范培训的地点: the guards meet
        the place asked for).  Any other errand may be what the question is about
        (处长让我写年终总结), and so may a lookup of the sender's own (查一下他要不要参加培训)."""
        if without_senders(cleaned) == cleaned:
            return False  # no one sent the asker: most questions stop here
        sent = errands(question)
        subjects = [about_errand(self.matcher.prepare(e)) for e in sent]
        pairs = zip(sent, subjects, strict=True)
        return bool(subjects) and not any(s and not looks_up(e) for e, s in pairs)

    def _ranked(self, prepared: str) -> tuple[list[Candidate], Candidate | None]:
        """The entries ranked for a prepared question, and the out-of-scope group's match."""
        count = len(self.kb.entries)
        ranked = self.matcher.rank(prepared, self._outside)
        outside = next((c for c in ranked if c.index >= count), None)
        return [c for c in ranked if c.index < count], outside

    def rank(self, prepared: str) -> list[Candidate]:
        """The entries that match a prepared question, best first."""
        return self._ranked(prepared)[0]

    def _article_as_integration(self, question: str, prepared: str) -> bool:
        """The question names an article of the Opinion numbered one to six (意见第一条) and
        what it says of it, without the number, ranks that integration's passages near the top:
        the article is that integration (`_as_integration`).  An article asked bare (意见第三条
        规定了什么) or told by what another says stays one the interview never gives."""
        found = list(_ARTICLE_OF_SIX_RE.finditer(prepared))
        if len(found) != 1:
            return False
        typed = to_simplified(unicodedata.normalize("NFKC", question)).strip()
        if _THE_OPINIONS_ARTICLE_RE.search(typed) is None:
            return False
        article = found[0]
        said = prepared[: article.start()] + "意见" + prepared[article.end() :]
        if _ARTICLE_RE.search(said) is not None:
            return False
        near = {c.index for c in self.rank(said)[:3] if c.score >= self.tuning.suggest_score}
        return bool(self._numbered[article.group(1)] & near)

    def _vetoes(self, ranked: list[Candidate], outside: Candidate) -> bool:
        """A reader's out-of-scope question is nearer than anything asked of the best entry.

        Readers' out-of-scope questions never overrule the knowledge base's own phrasing:
        《意见》具体是几月几号印发的 folds to the very words of 《意见》是什么时候印发的.  Nor
        one only loosely like the question while its entry matches it far better (这意见会不会
        又是形式主义 beside 搞形式主义走过场属于哪种脱节)."""
        best = ranked[0]
        return (
            not best.own
            and outside.nearest >= max(c.nearest for c in ranked)
            and best.score - outside.nearest < self.tuning.veto_lead
        )

    def _only_in_story(self, slot: detail.Slot, asked: str, scene: str) -> bool:
        """True when the time or count the question names is the story's, not what is asked.

        What is asked must name the Opinion's subject or its own terms (not 住宿怎么安排 after
        参加任职培训, nor 我们处报哪个 after 推出工作法) and ask more than whether the text says
        it (意见里有规定吧).  A time must be of a story in the interview's own world (年底要搞
        年会 or 下个月要换车 names something else, and what is asked may be about it), or what
        is asked must neither point back at the story (这, 那, 到时) nor hold words outside the
        interview's: 年底要写述职报告，想问机制融合要实现啥目标 asks the goal, not a date."""
        asked_prepared = self._asked_of_its_own(asked)
        if asked_prepared is None:
            return False
        if slot is detail.Slot.COUNT or (
            _HABIT_RE.search(scene) is not None and _ORGAN_HABIT_RE.search(scene) is not None
        ):
            # How often the asker's unit does its Party work (领导班子每个月都集体学一次理论)
            # is how they work, not a time asked: what is asked is read alone, its own time
            # words too.  A habit of anything else (每年都搞年会) may be what is asked about.
            return True
        doing = what_happens(self.matcher.prepare(scene))
        return (bool(doing) and self.matcher.knows_words(doing)) or (
            _POINTS_BACK_RE.search(asked) is None and self.matcher.knows_words(asked_prepared)
        )

    def _for_its_detail(self, best: Candidate, prepared: str, cleaned: str) -> bool:
        """The out-of-scope question nearest to this one was out of scope for a detail (哪一年,
        多少) that this one, matching its entry well enough to be answered outright, does not
        ask: 总书记在那次会议上说了什么 is not 那次会议是哪一年开的, nor a date a name."""
        if best.score < self.tuning.answer_score or not self._outside:
            return False
        nearest = self.matcher.nearest_asked(self._outside[0], prepared)
        theirs = None if nearest is None else detail.asked(nearest)
        if theirs is None:
            return False
        # Or asks a detail of another kind: 负责人什么时候回答记者提问 is not 负责人的名字.
        mine = detail.asked(cleaned)
        return mine is None or mine[0] is not theirs[0]

    def _counts_another_list(self, prepared: str, cleaned: str) -> bool:
        """Something is counted (四是) in a list other than the six integrations: another
        field's integration, by a name the normaliser knows (read before homophone correction
        too: 数实 is no typo of 数是), a thing of one (第五个融合示范区), measures of another
        number (二十条措施) or another body's (国务院)."""
        if _COUNTED_RE.search(prepared) is None:
            return False
        return (
            names_another_integration(prepared)
            or names_another_integration(cleaned)
            or _ANOTHER_LIST_RE.search(cleaned) is not None
            or _ANOTHER_BODY_RE.search(cleaned) is not None
            or _ANOTHER_THING_OF_INTEGRATION_RE.search(prepared) is not None
        )

    def _names_of_integrations(self, prepared: str) -> set[str]:
        """The numbers of the integrations the question names by their names (学用融合: 三)."""
        if not self._integration_names:
            return set()
        return {
            self._integration_names[found.group().removesuffix("融合")]
            for found in self._named_integration_re.finditer(prepared)
        }

    def _other_integrations_paragraphs(self, prepared: str) -> frozenset[int]:
        """The integrations' own paragraphs (五是深化机制融合，…) that are no candidates: the
        question names other integrations by their names and neither theirs nor any number,
        and nothing else it says is in them.  理念融合要达到啥目的 is not asked of 机制融合,
        whose phrasings (机制融合要达到什么目标) share only the frame; what the question names
        of a paragraph keeps it (构建责任链在目标融合里吗: 机制融合's)."""
        names = self._names_of_integrations(prepared)
        if not names or INTEGRATION_BY_NUMBER_RE.search(prepared) is not None:
            return frozenset()
        said = _pairs_of(self._named_integration_re.sub("，", prepared)) - GENERIC_GRAMS
        return frozenset(
            index
            for index, number in self._headline_of.items()
            if number not in names
            and not any(pair in self._folded_passages[index] for pair in said)
        )

    def _named_by_number(self, prepared: str) -> frozenset[int]:
        """The entries quoting the one integration the question names by its number (第五个融合
        reads as 五是融合), or all it names, or none: the number settles which, whatever else
        matches better.
        The caller has already ruled out a count of another list (`_counts_another_list`)."""
        numbers = set(INTEGRATION_BY_NUMBER_RE.findall(prepared))
        if (
            not numbers
            or holds_unknown_words(prepared)
            or _SUBGROUP_RE.search(prepared)
            or named_otherwise(prepared)
        ):
            # "second integration test failed" and 五育融合排第一的 count something else;
            # 管住长期的第一个融合 counts the long-term two.
            return frozenset()
        if len(numbers) > 1:
            # 第一个融合和最后一个融合分别是啥: the passage that holds them all; what else is
            # asked of several (哪个更重要, 哪个难) the ranking decides, as it did.
            rest = INTEGRATION_BY_NUMBER_RE.sub("", prepared)
            if "谁" in rest or (
                _ASKS_CONTENT_RE.search(rest) is None and not _ONLY_JOINED_RE.fullmatch(rest)
            ):
                return frozenset()
            return frozenset.intersection(*(self._holding[n] for n in numbers))
        names = self._names_of_integrations(prepared)
        number = numbers.pop()
        if names - {number}:
            # 学用融合是排第二的吧 names one by its name and checks its number: the name rules,
            # its passage gives the number.
            return self._numbered[names.pop()] if len(names) == 1 else frozenset()
        return self._numbered[number]

    def _decide(
        self,
        ranked: list[Candidate],
        outside: Candidate | None = None,
        named: frozenset[int] = frozenset(),
        in_letters: bool = False,
        several_words: bool = False,
        organs: bool = False,
    ) -> tuple[Status, list[Candidate]]:
        tuning = self.tuning
        if not ranked or ranked[0].score < tuning.suggest_score:
            return Status.UNKNOWN, []
        best = ranked[0]
        if outside is not None and self._vetoes(ranked, outside):
            return Status.UNKNOWN, []
        if named:
            # Ranked or not (破解两张皮的六招里第二招是什么 ranks who issued it first, and the
            # second integration not at all), the number names it.
            numbered = next((c for c in ranked if c.index in named), None)
            # Unranked, it is scored as the best was.
            return Status.ANSWERED, [numbered or Candidate(min(named), best.score)]
        rival = next((c for c in ranked[1:] if self._distinct(best.index, c.index)), None)
        lead = best.score - (rival.score if rival else 0.0)
        if self._specific(best) and (
            best.score >= tuning.answer_score
            or (best.score >= tuning.lead_score and lead >= tuning.lead_margin)
            or self._leads_clearly(best, lead, outside, in_letters, several_words, organs)
        ):
            return Status.ANSWERED, [best]
        choices = [best]
        for candidate in ranked[1:]:
            if len(choices) >= tuning.max_suggestions:
                break
            if candidate.score < max(tuning.suggest_score, best.score - tuning.suggest_band):
                break
            if all(self._distinct(candidate.index, c.index) for c in choices):
                choices.append(candidate)
        if len(choices) == 1:
            # No rival near the best entry: a specific question is answered (a choice of one is
            # no choice); a vague one gets the next distinct passage beside it.
            if self._clears_lone_bar(best):
                return Status.ANSWERED, [best]
            if rival is None:
                return Status.UNKNOWN, []
            choices.append(rival)
        return Status.SUGGESTED, choices

    def related(
        self, entry: Entry, limit: int = 3, besides: Entry | None = None
    ) -> tuple[str, ...]:
        """Follow-up questions that lead to passages other than this one and each other.

        The entry's own `related` come first, then theirs, then its topic's, then its neighbours:
        a link that would show the passage just read again (or a part of it) is skipped, and so
        is one to the passage quoted `besides` it."""
        index = {e.id: i for i, e in enumerate(self.kb.entries)}
        here = index[entry.id]
        shown = [here] if besides is None else [here, index[besides.id]]
        second = [
            r for rel in entry.related if rel in self.kb.by_id for r in self.kb.by_id[rel].related
        ]
        same_topic = [e.id for e in self.kb.entries if e.topic == entry.topic]
        # Then the nearest entries in the interview's order: every answer gets its links.
        nearby = sorted(range(len(self.kb.entries)), key=lambda i: (abs(i - here), i))
        pool = (*entry.related, *second, *same_topic, *(self.kb.entries[i].id for i in nearby))
        chosen: list[int] = []
        for candidate in pool:
            position = index.get(candidate)
            if position is None or position in shown or position in chosen:
                continue
            if all(self._distinct(position, c) for c in (*shown, *chosen)):
                chosen.append(position)
                if len(chosen) == limit:
                    break
        return tuple(self.kb.entries[i].id for i in chosen)

    def answer_entry(
        self,
        entry: Entry,
        *,
        traditional: bool = False,
        score: float = 1.0,
        joined: Entry | None = None,
    ) -> Result:
        """The result for a known entry: what a button press or a chosen suggestion shows.

        With `joined`, an entry whose passage meets this one's in the interview, both passages
        are quoted as one."""
        together = None if joined is None else self.kb.joined_passage(entry, joined)
        besides = None if together is None else joined
        related = self.related(entry, besides=besides)
        parts = replies.answer_parts(self.kb, entry, related, joined=besides)
        text = replies.render_answer(parts)
        return Result(
            Status.ANSWERED,
            entry.id,
            score,
            to_traditional(text) if traditional else text,
            related=related,
            traditional=traditional,
            together=() if together is None else (together[0].id, together[1].id),
        )

    def pick(self, text: str, offered: Sequence[str], traditional: bool = False) -> Result | None:
        """A bare number picks one of the questions the previous reply offered.

        A number it did not offer (9 after three choices) gets "please choose 1-3", never "not
        covered"; None when `text` is not a bare number."""
        number = unicodedata.normalize("NFKC", text).strip().rstrip(".、")
        if not (number.isdigit() and len(number) <= 2):
            return None
        if 1 <= int(number) <= len(offered):
            entry = self.entry(offered[int(number) - 1])
            if entry is not None:
                return self.answer_entry(entry, traditional=traditional)
        reply = replies.choose_number(len(offered))
        return Result(
            Status.UNKNOWN,
            None,
            0.0,
            to_traditional(reply) if traditional else reply,
            related=tuple(offered),
            traditional=traditional,
            kind=Kind.CHOICE,
        )

    def ask(self, question: str) -> Result:
        """Answer one question (any text a user may send)."""
        traditional = looks_traditional(question)

        def say(text: str) -> str:
            return to_traditional(text) if traditional else text

        def unanswered(text: str, kind: Kind = Kind.QUESTION) -> Result:
            return Result(Status.UNKNOWN, None, 0.0, say(text), kind=kind, traditional=traditional)

        cleaned = clean(question)
        if not cleaned:
            return unanswered(replies.EMPTY, Kind.EMPTY)
        whole = cleaned
        choice = self.pick(question, (), traditional)
        if choice is not None:
            return choice
        kind = small_talk(cleaned)
        if kind is not None:
            text = {
                Kind.GREETING: replies.GREETING,
                Kind.THANKS: replies.THANKS,
                Kind.FAREWELL: replies.FAREWELL,
                Kind.CHAT: replies.CHAT,
                Kind.ABOUT: replies.ABOUT + "\n\n" + replies.GREETING,
            }[kind]
            return unanswered(text, kind)
        if _names_another_title(question, self._own_titles) or self._quotes_what_it_never_says(
            question
        ):
            return unanswered(replies.render_unknown(self.kb))
        if self._only_sent(question, cleaned):
            # Who sent the asker is no part of the question: not a term the interview does not
            # cover (处长), nor words to match (处长 alone would pull toward who issued it).
            cleaned = without_senders(cleaned)
        cleaned = without_relayers(cleaned)
        prepared = self.matcher.prepare_cleaned(cleaned)
        if not has_content(prepared):
            # Any passage offered for "这是什么" would be a guess: ask what they want to know.
            return unanswered(replies.render_vague(self.kb), Kind.VAGUE)
        if detail.asks_who_first(cleaned) or detail.miscounts_a_list(cleaned):
            return unanswered(replies.render_unknown(self.kb))
        relapse = self._relapse_told(cleaned, prepared, traditional)
        if relapse is not None:
            return replace(relapse, question=prepared)
        first = _FIRST_CLAUSE_RE.split(question, maxsplit=1)[0]
        if detail.names_no_saying(cleaned) or detail.names_no_saying(
            whole if first == question else clean(first)
        ):
            # 这句话是谁说的 with no saying: which one it means, no passage can tell.
            return unanswered(replies.UNNAMED_SAYING, Kind.VAGUE)
        integration_article = self._article_as_integration(question, prepared)
        if integration_article:
            prepared = _as_integration(prepared)
        ranked, outside = self._ranked(prepared)
        # Not-covered terms are looked for before homophone correction too: 广东 must not
        # become a "typo" of some knowledge-base word first.
        typed = as_typed = fold_cleaned(cleaned)
        if any("a" <= c <= "z" for c in cleaned):
            # Typed in pinyin, the question meets the guards below as its characters would:
            # "xi zongshuji zai quanguo zuzhi gongzuo huiyi shang …" is another occasion.
            cleaned = self.matcher.read_pinyin(cleaned)
            as_typed = fold_cleaned(cleaned)
        if integration_article:
            as_typed = _as_integration(as_typed)
        others = self._other_integrations_paragraphs(prepared)
        ranked = [
            c
            for c in ranked
            if self._anchored(c.index, cleaned, as_typed, prepared)
            and not self._not_for(c.index, prepared)
            and c.index not in others
        ]
        elsewhere = self._beyond_besides_uncovered(prepared, as_typed, cleaned)
        beyond = elsewhere or self._names_not_covered(prepared, as_typed, typed)
        result = self._result(
            prepared, beyond, ranked, outside, traditional, say, cleaned, question
        )
        # A not-covered word in the situation alone (我们支部要搞主题党日，这算不算服务大局的
        # 结合点) is where the asker stands: the question after it meets every guard by itself.
        # It also overrules the whole message's answer when it matches its own entry better:
        # the situation's words had pulled (我们支部党员大多是年轻人，导向融合讲的是什么 is not
        # about young cadres).
        if ranked and not elsewhere:
            asked = (
                self._asked_after_situation(question, ranked)
                or self._asked_before_remark(question, ranked)
                or self._asked_twice(question, ranked)
            )
            if (
                asked is not None
                and asked.entry is not None
                and asked.entry != result.entry
                and (result.status is not Status.ANSWERED or asked.score > result.score)
            ):
                if asked.traditional is not traditional:
                    # The script is the whole message's: 我們黨組……。意见对中心组有什么说法？
                    entry = self.kb.by_id[asked.entry]
                    joined = None if asked.beside is None else self.kb.by_id[asked.beside]
                    asked = self.answer_entry(
                        entry, traditional=traditional, score=asked.score, joined=joined
                    )
                return replace(asked, question=prepared)
        return replace(result, question=prepared)

    def _asked_after_situation(self, question: str, ranked: list[Candidate]) -> Result | None:
        """The question after the asker's situation, told in sentences or leading clauses of its
        own, in Party work (我们处开会学习总是走过场。大家有意见。这算哪种脱节？), or after their
        own story (俺们今年要去省委党校学习，什么是理念融合: `split_scene`), answered by itself
        when the whole message ranks that answer near the top.  The situation may name where in
        the organs the asker stands (`_ORGAN_LIFE`), not another place or life."""
        told, asked, top = self._situation_or_story(question)
        # 光喊政治口号不干实事的，文件管不管: what the text says of the situation is asked, and
        # the whole message must find it.
        asked_prepared = self._asked_of_its_own(asked) if told else None
        if asked_prepared is None:
            return None
        situation = self.matcher.prepare_cleaned(told)
        alone = self._answered_alone(asked, told, situation)
        if alone is None:
            return None
        # A story's or situation's own term draws the whole message its way (我下个月要参加任
        # 职培训，学用融合是什么意思 ranks the training passage first): what another term of the
        # Opinion's is, asked after it, is asked alone, wherever the whole message ranks it.
        if self._asks_what_another_term_is(asked_prepared, situation):
            return alone
        return _if_near(alone, self._near_top(ranked, top))

    def _answered_alone(self, asked: str, told: str, told_prepared: str) -> Result | None:
        """What is asked, answered by itself, when what is told beside it (cleaned, and
        prepared) names nothing the interview does not cover but the asker's life in the organs
        (`_ORGAN_LIFE`)."""
        # An everyday word there is the asker's own moment (手机快没电了，六个融合里第三个是啥):
        # what is asked still meets every guard alone.
        if (
            not self._uncovered_in(told_prepared, fold_cleaned(told)) - self.kb.everyday
            <= _ORGAN_LIFE
        ):
            return None
        alone = self.ask(asked)
        return alone if alone.status is Status.ANSWERED else None

    def _relapse_told(self, cleaned: str, prepared: str, traditional: bool) -> Result | None:
        """The answer to a relapse told in the organs and asked about (`tells_a_relapse`): what
        the interview says of the problem coming back, asked in its own words.  The story's
        times and units are no detail asked, and any word outside the organs' life (减肥, 腰椎),
        another level's organs (区直) or the nation's (中央和国家机关, 部委) makes it someone
        else's relapse."""
        if (
            not tells_a_relapse(cleaned)
            or _another_levels_own(cleaned)
            or _ANOTHER_BODY_RE.search(cleaned) is not None
            or _CENTRAL_ORGANS_RE.search(cleaned) is not None
        ):
            return None
        if not self._uncovered_in(prepared, fold_cleaned(cleaned)) <= _ORGAN_LIFE:
            return None
        landing = self._relapse_answer
        if landing is None:
            return None
        entry, score = landing
        return self.answer_entry(entry, traditional=traditional, score=score)

    def _near_top(self, ranked: list[Candidate], top: int) -> set[str]:
        """The entries the whole message ranks in its first `top`."""
        return {self.kb.entries[c.index].id for c in ranked[:top]}

    def _asked_before_remark(self, question: str, ranked: list[Candidate]) -> Result | None:
        """The question a message opens with, answered by itself when what the asker adds after
        it asks nothing, stands in the organs, and the whole message ranks that answer near the
        top (这个意见主要针对啥问题？听说是最近才发的: the remark had drawn who issued it)."""
        split = split_remark(question)
        if split is None:
            return None
        asked, told = split
        # `split_remark` lets only the organs' own remarks through: none is set elsewhere.
        if self._asked_of_its_own(asked) is None:
            return None
        alone = self._answered_alone(asked, told, self.matcher.prepare_cleaned(told))
        return None if alone is None else _if_near(alone, self._near_top(ranked, _SITUATION_TOP))

    def _asked_twice(self, question: str, ranked: list[Candidate]) -> Result | None:
        """One thing asked twice in other words (What's new in this document? Any
        breakthroughs?): every question of the message, asked alone, gets the same answer
        outright (from `answer_score`, not by a lead over weaker rivals), and the whole message
        ranks it near the top.  A question that only repeats a term beside something else
        (怎么发挥战斗堡垒作用？战斗堡垒周末休息吗？) is answered by a lead, if at all."""
        parts = [part for part in _QUESTION_MARK_RE.split(question) if has_content(clean(part))]
        if not 2 <= len(parts) <= _MOST_PARTS:
            return None
        answers = [self.ask(part) for part in parts]
        if (
            any(
                a.status is not Status.ANSWERED or a.score < self.tuning.answer_score
                for a in answers
            )
            or len({a.entry for a in answers}) != 1
        ):
            return None
        return _if_near(
            max(answers, key=lambda a: a.score), self._near_top(ranked, _SITUATION_TOP)
        )

    def _asks_what_another_term_is(self, asked: str, told: str) -> bool:
        """What is asked (prepared) is only what one of the Opinion's terms is (an integration
        by its name, the next steps' terms: 学用融合是什么意思, 什么是必研题), and the story
        before it (prepared) does not name that term.  Anything more (跑步的切入点, 机制融合需要
        我做什么, 任职培训谁来讲) is asked of the story too, or of what the interview never
        says."""
        term = self._what_a_term_is_re.fullmatch(asked)
        return term is not None and term.group(1) not in told

    def _asked_of_its_own(self, asked: str) -> str | None:
        """What is asked after a story or situation, prepared, when it names the Opinion's
        subject or its own terms and asks more than whether the text says it (意见里有规定吧,
        文件管不管); None otherwise: then the story is part of the question."""
        prepared = self.matcher.prepare(asked)
        if not (about_subject(prepared) or _ITS_OWN_TERMS_RE.search(prepared)):
            return None
        return None if _ASKS_IF_SAID_RE.fullmatch(clean(asked)) else prepared

    def _asks_of_the_story(self, told: str, asked: str) -> bool:
        """What is asked names again something of the story that the interview never does (我在
        深圳工作，深圳的机关党建有什么创新; 我平时喜欢钓鱼，钓鱼能算学用融合吗): the story is
        what is asked about, not where the asker stands."""
        again = _pairs_of(told) & _pairs_of(clean(asked))
        return any(not any(pair in passage for passage in self._folded_passages) for pair in again)

    def _answers_nothing(self, sentence: str) -> bool:
        """Asked alone, the sentence is declined: it asks nothing the interview answers (这难道
        不是白学吗？ 到底能不能合？), unlike 难道两张皮是顽症吗？ or 上面到底会不会来检查？."""
        return self.ask(sentence).status is Status.UNKNOWN

    def _situation_or_story(self, question: str) -> tuple[str, str, int]:
        """The situation (cleaned), what is asked after it, and how near the top of the whole
        message's ranking its answer must be: a situation in Party work (its top two), or else
        the asker's own story in the organs (its first); ("", question, 0) when neither."""
        split = split_situation(question, self._answers_nothing)
        if split is not None:
            told, asked = split
            situation = self.matcher.prepare_cleaned(told)
            if _PARTY_WORK_RE.search(situation) is not None or (
                _MEMBERS_RE.search(situation) is not None and _ELSEWHERE_RE.search(told) is None
            ):
                return told, asked, _SITUATION_TOP
        asked, story = split_scene(question)
        told = clean(story)
        # Not when what is asked points back at the story or someone in it (我们单位食堂…，这
        # 是不是意见里说的供和需脱节; 处长从不参加支部活动，他需要精通党务吗), nor names again
        # what it told of: it cannot be asked without them.
        if (
            told
            and _ELSEWHERE_RE.search(story) is None
            and _POINTS_BACK_RE.search(asked) is None
            and not told_of_someone(asked)
            and not self._asks_of_the_story(told, asked)
        ):
            return told, asked, 1
        return "", question, 0

    def _uncovered_in(self, *readings: str) -> set[str]:
        """The not_covered terms named in any reading of one text (prepared, and as typed
        before homophone correction: 广东 must not become a "typo" of some knowledge-base word
        first)."""
        return set().union(*(_uncovered_terms(self._uncovered, text) for text in readings))

    def _names_not_covered(self, prepared: str, as_typed: str, typed: str) -> bool:
        """The question names a subject the interview does not cover, besides the uses of such
        words for what it does say (`_COVERED_USES_RE`).

        An everyday word (乐队, 减肥) counts only as typed in characters (read from pinyin, le dui
        is more often 搞好了对 than 乐队), in a question that names neither the Party, the organs
        nor the Opinion, likens nothing and asks how to do something there or whether it is any
        use (`_HOW_TO_RE`), and where it is not only who relays the question (`_RELAYING`):
        我用手机看了访谈，六个融合是哪六个, 就像减肥一放松就反弹，两张皮也是这样吗 and 婆婆问我
        两张皮的药方是什么 ask the Opinion, 减肥总是反复发作反弹怎么办 and 驾校科目二去现场观摩
        有用吗 do not."""
        named = self._uncovered_in(*(_COVERED_USES_RE.sub("", t) for t in (prepared, as_typed)))
        if named - self.kb.everyday:
            return True
        return (
            any(
                term in typed and re.search(re.escape(term) + _RELAYING, typed) is None
                for term in named
            )
            and _BESIDE_THE_OPINION_RE.search(typed) is None
            and not any(
                not any(self._owns(term, typed, unit.start()) for term in named)
                for unit in _ORGAN_UNIT_RE.finditer(typed)
            )
            and _HOW_TO_RE.search(typed + prepared) is not None
        )

    @staticmethod
    def _owns(term: str, typed: str, at: int) -> bool:
        """The everyday word owns the unit named at `at` (奶茶店办公室, 乐队的支部, 麻将协会办公
        室), rather than working in it (妻子在省卫健委, 夫妻都在省直部门上班)."""
        start = typed.rfind(term, 0, at)
        if start < 0:
            return False
        between = typed[start + len(term) : at]
        return len(between) <= _OWNER_REACH and _LOCATED_RE.search(between) is None

    def _anothers_term(self, cleaned: str) -> bool:
        """The question opens with something the interview never speaks of owning one of its
        terms (跑步的切入点怎么找, 汽车4S店的现场观摩活动在哪里): a few words the knowledge base
        lacks, asking nothing and pointing at nothing, then 的 and the term."""
        found = _OWNED_TERM_RE.match(_ASKER_RE.sub("", cleaned))
        if found is None or _NOT_AN_OWNER_RE.search(found.group(1)):
            return False
        prepared = self.matcher.prepare(found.group(1))
        return (
            not about_subject(prepared)
            and _ITS_OWN_TERMS_RE.search(prepared) is None
            and not self.matcher.knows_words(prepared)
        )

    def _beyond_besides_uncovered(self, prepared: str, as_typed: str, cleaned: str) -> bool:
        """The question asks what the interview never says, whatever entry it matches: a term
        it names but never explains, another document or occasion (not-covered subjects
        aside)."""
        return (
            # Typed bare (党章), the term is a keyword: what the interview says of it is asked,
            # not what it is (党章是什么 folds to the same prepared text).
            (self._about_unexplained(prepared) and cleaned not in self.kb.not_explained)
            or _OTHER_DOCUMENT_RE.search(prepared) is not None
            or _ARTICLE_RE.search(prepared) is not None
            or _ANOTHERS_ARTICLE_RE.search(cleaned) is not None
            or self._asks_what_a_term_is(cleaned)
            or self._likens_another_thing(as_typed)
            or _xi_elsewhere(cleaned)
            or self._xi_on_another_subject(cleaned, prepared)
            or _only_anothers_integration(cleaned)
            or _conference_particulars(cleaned)
            or self._issued_by_another(prepared)
            or _of_a_person(cleaned, as_typed)
            or _THE_OPINION_AS_FORMALISM_RE.search(cleaned) is not None
            or (
                _ILLNESS_RE.search(as_typed) is not None
                and not any(_FIGURE_RE.search(text) for text in (as_typed, prepared))
            )
            or _another_fields_own(cleaned)
            or _another_levels_own(cleaned)
            or self._anothers_term(cleaned)
            or self._a_sum(prepared)
        )

    def _xi_on_another_subject(self, cleaned: str, prepared: str) -> bool:
        """The question asks what Xi said about one subject, named in a few characters, no pair
        of which a passage naming him holds, as typed or as prepared (两层皮 and 结和点 are the
        interview's 两张皮 and 结合点 once read)."""
        return self._subject_held(cleaned) is False and self._subject_held(prepared) is not True

    def _subject_held(self, reading: str) -> bool | None:
        """Whether a passage naming Xi holds the subject one reading of the question says he
        spoke of: True too when it asks which or points back (nothing of its own is named),
        None when the reading names no subject of his at all."""
        found = _XI_ON_RE.search(reading)
        if found is None:
            return None
        subject = (found.group(1) or found.group(2)).removesuffix("的")
        # 总书记关于哪方面的论述 and 总书记在什么会上讲过 ask which; 对此 points back.
        asked_of = "" if found.group(2) is None else reading[: found.start(2)]
        if _ASKING_WORD_RE.search(subject) or _ASKING_WORD_RE.search(asked_of):
            return True
        return any(pair in passage for passage in self._xi_passages for pair in _pairs_of(subject))

    def _a_sum(self, prepared: str) -> bool:
        """The question asks a sum (1+1, 1+2是什么), not about a path it names (是1+3破解路径吗,
        a claim to correct)."""
        if _SUM_RE.search(prepared) is None:
            return False
        rest = _SUM_RE.sub("", prepared)
        return not has_content(rest) or not self.matcher.knows_words(rest)

    def _result(
        self,
        prepared: str,
        beyond: bool,
        ranked: list[Candidate],
        outside: Candidate | None,
        traditional: bool,
        say: Callable[[str], str],
        cleaned: str,
        question: str,
    ) -> Result:
        chosen: list[Candidate] = []
        in_letters = _typed_in_letters(question)
        if beyond:
            status = Status.UNKNOWN
        else:
            if (
                outside is not None
                and ranked
                and self._vetoes(ranked, outside)
                and self._for_its_detail(ranked[0], prepared, cleaned)
            ):
                outside = None
            named: frozenset[int] = frozenset()
            if self._counts_another_list(prepared, cleaned):
                # 数实融合排第五的方向, 二十条措施的第三条, 融合工作法排第一的: another list,
                # counted, is not the six integrations.
                ranked = [c for c in ranked if c.index not in self._all_numbered]
            else:
                named = self._named_by_number(prepared)
            # A question asking for a detail (a date, a count, a place, a procedure) is not
            # answered by a passage holding no detail of that kind: the topic matches, the
            # answer is not there.  Choices that cannot answer it are dropped too.
            # Read before filler and synonym folding, which drop 具体 and split 适用意见.
            wanted = detail.asked(cleaned)
            asking = cleaned
            said = _QUOTE_WHO_SAID_RE.search(question)
            if wanted is None and said is not None:
                # “解决两张皮问题关键是加强考核”是谁说的 names no saying word, and is asked as
                # one: the quoted words must be in the passage.
                asking = clean(said.group(1)) + "这句话是谁说的"
                wanted = detail.asked(asking)
            read = prepared
            if wanted is not None and wanted[0] in (detail.Slot.COUNT, detail.Slot.TIME):
                # 我下个月要参加任职培训，会讲融合吗 and 我们处有几个年轻干部，意见对青年干部
                # 学理论有啥要求: a time or count only in the asker's story is not asked.
                asked, scene = split_scene(question)
                if scene and self._only_in_story(wanted[0], asked, scene):
                    wanted = detail.asked(clean(asked))
                    # Read in pinyin below, the story stays aside (我今年要写1+N的材料，…).
                    read = self.matcher.prepare(asked)
            if wanted is None and any("a" <= c <= "z" for c in cleaned):
                # Asked in pinyin ("1+N li de N shi naxie"), the words exist only once read.
                wanted = detail.asked(read)
            # Only a question typed in letters is held to that count (`_leads_clearly`).
            several_words = in_letters and content_chars(prepared) >= self.tuning.letters_low_chars
            status, chosen = self._decide(
                ranked,
                outside,
                named,
                in_letters=in_letters,
                several_words=several_words,
                organs=_ORGANS_WORLD_RE.search(cleaned) is not None,
            )
            if wanted is not None:
                passages = self._folded_passages
                quoted = {clean(words) for words in _QUOTED_RE.findall(question)}
                chosen = [
                    c for c in chosen if detail.gives(wanted[0], asking, passages[c.index], quoted)
                ]
                if not chosen:
                    status = Status.UNKNOWN
                elif status is Status.SUGGESTED and len(chosen) == 1:
                    # A choice of one is no choice: the one passage that can answer is answered
                    # if it clears the bar of a lone candidate, and otherwise nothing is.
                    if self._clears_lone_bar(chosen[0]):
                        status = Status.ANSWERED
                    else:
                        chosen, status = [], Status.UNKNOWN
        if (
            status is Status.SUGGESTED
            and len(chosen) == 2
            and self._specific(chosen[0])
            and self._clear(chosen[0], outside, in_letters)
        ):
            first, second = (self.kb.entries[c.index] for c in chosen)
            if self.kb.joined_passage(first, second) is not None:
                # Torn between two passages where one ends just as the other begins: the answer
                # is one of them or runs across both, and the reader gets both as one quote.
                return self.answer_entry(
                    first, traditional=traditional, score=chosen[0].score, joined=second
                )
        if status is Status.ANSWERED:
            best = chosen[0]
            return self.answer_entry(
                self.kb.entries[best.index], traditional=traditional, score=best.score
            )
        if status is Status.SUGGESTED:
            suggestions = tuple(
                Suggestion(self.kb.entries[c.index].id, self.kb.entries[c.index].question, c.score)
                for c in chosen
            )
            text = replies.render_suggestions([s.question for s in suggestions])
            return Result(
                Status.SUGGESTED,
                None,
                chosen[0].score,
                say(text),
                suggestions,
                traditional=traditional,
            )
        score = ranked[0].score if ranked else 0.0
        return Result(
            Status.UNKNOWN,
            None,
            score,
            say(replies.render_unknown(self.kb)),
            traditional=traditional,
        )
