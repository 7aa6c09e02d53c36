"""An entry's frame fitted to another subject: what its `anchors` keep it from answering."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.answering import Answerer, Status
from bot.core.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "question",
    [
        "有人说只有考公才算有出息，这说法对吗",
        "有人说只有抓GDP才算政绩，这说法对吗",
        "只有挣大钱才算成功，对不对",
        "干销售能锻炼干部吗",
        "当兵能锻炼干部吗",
        # Without anchors these were offered the misconception, or answered with the platform.
        "有人说只有挣大钱才算成功，这说法对吗",
        "有人说只有考研才算有文化，对吗",
        "客服岗位能锻炼干部吗",
    ],
)
def test_a_frame_about_another_subject_is_not_answered(answerer: Answerer, question: str) -> None:
    """Nor offered: the README says the anchored entry is no candidate at all."""
    result = answerer.ask(question)
    assert result.status is not Status.ANSWERED
    assert not {"misconception", "party_post_platform"} & set(result.offered)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("有人说只有服务经济才是服务中心，对吗", "misconception"),
        ("服务经济才是服务中心这种说法对吗", "misconception"),
        ("偏颇认识有哪些", "misconception"),
        ("党务岗位能锻炼干部吗", "party_post_platform"),
        ("干党务有前途吗", "party_post_platform"),
        ("党办的岗位能锻炼干部吗", "party_post_platform"),
        # The entry points share the misconception's passage and hold none of its anchors.
        ("开重要会议能不能当党建的抓手", "entry_points"),
    ],
)
def test_the_frame_about_its_own_subject_is_answered(
    answerer: Answerer, question: str, entry: str
) -> None:
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry)


def test_without_anchors_the_frame_alone_answers(kb: KnowledgeBase) -> None:
    """The guard is the anchors: the same knowledge base without them answers the frame."""
    entries = tuple(replace(e, anchors=()) for e in kb.entries)
    bare = replace(kb, entries=entries, by_id={e.id: e for e in entries})
    result = Answerer(bare).ask("有人说只有考公才算有出息，这说法对吗")
    assert (result.status, result.entry) == (Status.ANSWERED, "misconception")
    assert Answerer(kb).ask("有人说只有考公才算有出息，这说法对吗").status is Status.UNKNOWN


@pytest.mark.parametrize(
    "question",
    [
        "What's new in this document?",
        "What's new or groundbreaking about the Opinions?",
        "what's new in this document compared to before?",
        "What is new or a breakthrough about the Opinion?",
        "what’s new about it",
        "What breakthroughs does the Opinion make?",
        "In what ways is the document innovative?",
    ],
)
def test_whats_new_in_this_document_asks_for_its_innovations(
    answerer: Answerer, question: str
) -> None:
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, "innovations")


@pytest.mark.parametrize(
    "question",
    [
        "What's new in this document about the Uyghurs?",
        "What's new in the document on Xinjiang?",
        "What's new in the 20th Party Congress report?",
        "What's new in China's foreign policy?",
        "What's new?",
        "what's new today",
        "What's groundbreaking about ChatGPT?",
    ],
)
def test_whats_new_in_anything_else_is_not_the_opinions_innovations(
    answerer: Answerer, question: str
) -> None:
    """Only the whole question reads as 创新和突破: "new" anywhere answered these with it."""
    assert answerer.ask(question).status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("What will the working committee do next?", "implementation"),
        ("What happens next after the document?", "implementation"),
        ("How will the Opinions be implemented going forward?", "implementation"),
        ("What's the headline of this interview?", "report"),
        ("When was this piece posted online? date?", "report"),
        ("Which newspaper ran this interview?", "report"),
        ("What happens if people let their guard down?", "common_ailment"),
        (
            "Can full-time Party affairs cadres rotate with administrative staff?",
            "two_way_exchange",
        ),
    ],
)
def test_whole_english_questions_of_one_shape_are_read_whole(
    answerer: Answerer, question: str, entry: str
) -> None:
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry)


@pytest.mark.parametrize(
    "question", ["Can two skins be cured at all?", "Can this two-skins problem be cured?"]
)
def test_be_cured_asks_whether_it_is_curable(answerer: Answerer, question: str) -> None:
    """Whether the two skins can be cured is 能治好 (可控可治), not the 两张皮 passage."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, "common_ailment"), result


@pytest.mark.parametrize("question", ["Can cancer be cured?", "Can I be cured?", "be cured"])
def test_be_cured_of_anything_else_is_not_the_interviews(
    answerer: Answerer, question: str
) -> None:
    """Only the two skins: cancer, the asker or nothing named get no answer."""
    assert answerer.ask(question).status is not Status.ANSWERED


@pytest.mark.parametrize(
    "question",
    [
        "What will the Fed do next?",
        "How will the new tax law be implemented?",
        "What happens next after the election?",
        "What's the headline of today's People's Daily?",
        "Which newspaper ran the story about the Uyghurs?",
        "What happens if people stop exercising?",
        "Can doctors rotate with nurses?",
    ],
)
def test_the_same_shapes_about_anything_else_are_not_read_so(
    answerer: Answerer, question: str
) -> None:
    assert answerer.ask(question).status is not Status.ANSWERED


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("When was the official interviewed by Henan Daily?", "interview"),
        ("What is the full official name of the document?", "title"),
    ],
)
def test_the_official_is_the_one_interviewed(
    answerer: Answerer, question: str, entry: str
) -> None:
    """ "The official" is the interview's 负责人, and an official title is its 全称, not 干部."""
    result = answerer.ask(question)
    assert (result.status, result.entry) == (Status.ANSWERED, entry), result


@pytest.mark.parametrize(
    "question", ["When was the official born?", "What is the full official name of Henan Daily?"]
)
def test_what_else_of_the_official_is_not_the_interviews(
    answerer: Answerer, question: str
) -> None:
    """When the official was born, or another paper's official name, is not the interview's."""
    assert answerer.ask(question).status is not Status.ANSWERED
