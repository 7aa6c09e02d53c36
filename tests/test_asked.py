"""Readers' own questions (knowledge/asked.yaml): what they teach the matcher, how they are
checked, and that no set is measured on questions it gave."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from bot.core.admin import upload_target
from bot.core.answering import Answerer, Status
from bot.core.evaluation import NEVER_JOINED, Labelled, evaluate, read_questions, withholding
from bot.core.knowledge import (
    KnowledgeBase,
    KnowledgeError,
    KnowledgePaths,
    asked_key,
    integration_ordinal,
    load_knowledge,
)
from bot.core.problem_text import problems_zh
from bot.core.textnorm import fold_for_comparison

DATA = Path(__file__).parent / "data"
# The sets asked.yaml was made from (scripts/build_asked.py); blind_dev17, blind_dev18,
# blind_test and blind_test2 stay unseen (see evaluation.NEVER_JOINED).
SOURCES = sorted(p for p in DATA.glob("blind_dev*.yaml") if p.stem not in NEVER_JOINED)


def bare(kb: KnowledgeBase) -> Answerer:
    """The same knowledge base without any readers' questions."""
    return Answerer(replace(kb, asked={}, asked_out_of_scope=()))


def test_the_bundled_file_is_loaded(kb: KnowledgeBase) -> None:
    assert sum(map(len, kb.asked.values())) >= 3500
    assert len(kb.asked_out_of_scope) >= 1300
    assert set(kb.asked) <= set(kb.by_id)


def test_every_question_is_filed_where_its_set_says_the_answer_is(kb: KnowledgeBase) -> None:
    """An in-scope question sits under an entry whose passage holds the excerpt its set gives;
    an out-of-scope one is out of scope in its set.  A wrong label would teach a wrong answer.

    Questions are compared as `check` compares them (`asked_key`: two spellings are one
    question).  The script leaves three kinds out: a question whose sets answer it in passages
    that share nothing, an entry's own phrasing that its set answers elsewhere, and a question
    read as an integration by number (最后一项措施 as 六是融合) answered where no passage
    numbers it so."""
    filed = {asked_key(q): e for e, group in kb.asked.items() for q in group}
    outside = {asked_key(q) for q in kb.asked_out_of_scope}
    phrased = {asked_key(p): e.id for e in kb.entries for p in (e.question, *e.alternates)}
    passages = {e.id: fold_for_comparison(e.passage) for e in kb.entries}
    holders: dict[str, set[str]] = {}
    spelling: dict[str, str] = {}
    declined: set[str] = set()
    for path in SOURCES:
        for item in read_questions(path, set(kb.by_id)):
            key = asked_key(item.question)
            spelling.setdefault(key, item.question)
            if not item.in_scope:
                declined.add(key)
                continue
            assert item.excerpt is not None
            excerpt = fold_for_comparison(item.excerpt)
            found = {e for e, passage in passages.items() if excerpt in passage}
            holders[key] = holders.get(key, found) & found
    for key, found in holders.items():
        ordinal = integration_ordinal(spelling[key])
        if ordinal is not None:
            found = {e for e in found if ordinal in passages[e]}
        own = phrased.get(key)
        if not found or (own is not None and own not in found):
            assert key not in filed, key
            assert key not in outside, key
        else:
            assert filed[key] in found, key
    for key in declined - set(holders):
        assert key in outside or key in phrased, key
    # An admin may file more than the sets hold; every question the sets hold is checked.
    assert len(filed.keys() & holders.keys()) >= 3500
    assert len(holders) - len(filed.keys() & holders.keys()) <= 10


def test_the_bundled_file_is_what_the_script_makes(tmp_path: Path) -> None:
    """asked.yaml is generated: a label left from an older matcher (the script files a question
    by how the bot ranks it) or a set added without rebuilding fails here."""
    made = tmp_path / "asked.yaml"
    script = Path(__file__).parent.parent / "scripts" / "build_asked.py"
    subprocess.run([sys.executable, str(script), str(made)], check=True, capture_output=True)
    bundled = Path(__file__).parent.parent / "knowledge" / "asked.yaml"
    assert made.read_text(encoding="utf-8") == bundled.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("国家最高领导人是在什么会上谈到怎样处理这个老毛病的？", "xi_remarks"),
        ("上面给的党建服务跟基层实际想要的对不上号，属于哪种脱节", "six_disconnects"),
    ],
)
def test_readers_questions_answer_one_they_never_asked(
    answerer: Answerer, question: str, entry: str
) -> None:
    """Asked of a knowledge base without this very question, the others' words answer it;
    the knowledge base without readers' questions does not."""
    unseen = withholding(answerer, [Labelled(question, entry)])
    assert question not in unseen.kb.asked[entry]
    result = unseen.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry)
    assert bare(answerer.kb).ask(question).status is not Status.ANSWERED


def test_a_question_nearest_to_out_of_scope_ones_is_declined(answerer: Answerer) -> None:
    # 哪个处室 is itself not covered now, so the office is asked as 哪个部门.
    question = "调研督促什么时候开始，由工委哪个部门负责？"
    unseen = withholding(answerer, [Labelled(question, None)])
    assert question not in unseen.kb.asked_out_of_scope
    assert unseen.ask(question).status is Status.UNKNOWN
    # Without the out-of-scope questions the same words would get the passage on supervision,
    # which names neither a date nor an office.
    open_door = Answerer(replace(unseen.kb, asked_out_of_scope=()))
    assert open_door.ask(question).entry == "supervision"


def test_the_knowledge_bases_own_question_is_never_declined_by_readers(answerer: Answerer) -> None:
    """Readers filed 《意见》具体是几月几号印发的 out of scope, and it folds to the very words of
    the entry's own question: the curated phrasing wins (its reply says no exact date is given)."""
    result = answerer.ask("意见是什么时候印发的")
    assert (result.status, result.entry) == (Status.ANSWERED, "when_issued")
    assert "没有给出具体日期" in result.reply


@pytest.mark.parametrize(
    "question",
    [
        "总书记在中央和国家机关党的建设工作会议上说了什么",
        "习总书记在中央和国家机关党建工作会议上说了什么",
    ],
)
def test_a_readers_question_out_of_scope_for_its_detail_declines_only_that_detail(
    answerer: Answerer, question: str
) -> None:
    """总书记在中央和国家机关党建工作会议上讲话是哪一年 is out of scope for its year; the same
    words asking what was said are the interview's, though that reader's question is nearer
    than any question of the entry."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, "xi_remarks")
    for detail_asked in ("总书记在中央和国家机关党建工作会议上讲话是哪一年", "那次会议啥时间开的"):
        assert answerer.ask(detail_asked).status is Status.UNKNOWN, detail_asked


def test_readers_words_are_not_the_interviews_vocabulary(answerer: Answerer) -> None:
    """A term the interview names without explaining stays unexplained: readers' words (体系,
    提出) do not make a question about it one of the knowledge base's words."""
    for question in ("二十大精神是哪年提出的", "党内法规体系怎么构成"):
        assert answerer.ask(question).status is Status.UNKNOWN, question


def test_a_set_is_measured_without_its_own_questions(answerer: Answerer) -> None:
    items = read_questions(DATA / "blind_dev14.yaml", set(answerer.kb.by_id))
    unseen = withholding(answerer, items)
    asked = {q for group in unseen.kb.asked.values() for q in group}
    assert not asked & {i.question for i in items}
    assert not set(unseen.kb.asked_out_of_scope) & {i.question for i in items}
    # A space more or less hides nothing.
    padded = [Labelled(i.question + " ", i.expected, i.excerpt) for i in items]
    assert withholding(answerer, padded).kb.asked == unseen.kb.asked
    # A set none of whose questions are in asked.yaml is measured on the full knowledge base.
    assert withholding(answerer, [Labelled("六个融合有哪些", "main_content")]) is answerer
    # Measured on its own questions, the set would look better than it is.
    fair, flattering = evaluate(answerer, items), evaluate(answerer, items, withhold=False)
    assert flattering.correct > fair.correct


def _write(folder: Path, text: str) -> None:
    (folder / "asked.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected", "chinese"),
    [
        ("asked:\n  ghost: [一个问题]\n", "no entry has this id", "没有这个 id 的条目"),
        ("asked:\n  two_skins: 一个问题\n", "a list of questions", "应为问法（文字）的列表"),
        ("asked:\n  two_skins: ['']\n", "1-300 characters", "每个问法须为 1–300 个字"),
        ("asked:\n  two_skins: [啥是两张皮]\nout_of_scope: [啥是两张皮]\n", "too", "也列在"),
        ("asked:\n  two_skins: [啥是两张皮]\n  issuer: [啥是两张皮]\n", "too", "也列在"),
        ("questions: []\n", "expected 'asked'", "应只有“asked”"),
        ("asked: [1, 2]\n", "expected 'asked'", "应只有“asked”"),
        # The same question once more, but for a space, or as an entry's own question.
        ("asked:\n  two_skins: [啥是两张皮]\nout_of_scope: ['啥是两张皮 ']\n", "too", "也列在"),
        ("out_of_scope: [意见是谁发的？]\n", "is under 'issuer' too", "也列在 issuer"),
        ("asked:\n  two_skins: [\n", "YAML syntax error", "YAML 格式错误"),
    ],
)
def test_a_broken_file_is_refused_with_its_reason(
    kb_copy: Path, text: str, expected: str, chinese: str
) -> None:
    _write(kb_copy, text)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(kb_copy)
    assert any(expected in str(p) and "asked.yaml" in p.file for p in caught.value.problems)
    assert chinese in problems_zh(caught.value.problems)


def test_no_file_means_no_readers_questions(kb_copy: Path) -> None:
    (kb_copy / "asked.yaml").unlink()
    kb = load_knowledge(kb_copy)
    assert (dict(kb.asked), kb.asked_out_of_scope) == ({}, ())
    assert Answerer(kb).ask("两张皮是什么意思").entry == "two_skins"


def test_the_file_joins_the_version(kb_copy: Path, kb: KnowledgeBase) -> None:
    data = yaml.safe_load((kb_copy / "asked.yaml").read_text(encoding="utf-8"))
    data["asked"]["two_skins"].append("两张皮到底是个啥说法")
    _write(kb_copy, yaml.safe_dump(data, allow_unicode=True))
    changed = load_knowledge(kb_copy)
    assert changed.version != kb.version
    assert "两张皮到底是个啥说法" in changed.asked["two_skins"]


def test_an_upload_named_or_shaped_like_it_replaces_it(kb_copy: Path) -> None:
    paths = KnowledgePaths.resolve(kb_copy)
    assert upload_target(paths, "asked (1).yaml", b"") == paths.asked
    assert upload_target(paths, "mine.yaml", "asked:\n  two_skins: [啥]\n".encode()) == paths.asked
    assert upload_target(paths, "mine.yaml", "out_of_scope: [啥]\n".encode()) == paths.asked


def test_users_questions_are_never_cached(answerer: Answerer) -> None:
    """README, Speed: the cache of normalised texts holds knowledge-base texts only."""
    from bot.core import matcher

    caches = (matcher._normalized, matcher._normalized_on_subject)
    before = [cache.cache_info().currsize for cache in caches]
    for question in ("我的手机号是13800000000，两张皮是什么", "一个从没人问过的问题", "ni hao"):
        answerer.ask(question)
    assert [cache.cache_info().currsize for cache in caches] == before


def test_an_integration_named_by_its_place_is_read_as_its_number() -> None:
    """The build's rule for 最后一项措施 rests on this reading."""
    assert integration_ordinal("最后一项措施是啥") == "六是"
    assert integration_ordinal("第三个融合是什么") == "三是"
    assert integration_ordinal("下一步有哪些措施") is None
