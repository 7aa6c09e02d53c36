"""Loading and validating the knowledge base: every problem named, none silently accepted."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.knowledge import (
    MAX_FILE_BYTES,
    KnowledgeBase,
    KnowledgeError,
    check_knowledge,
    interview_paragraphs,
    load_knowledge,
)
from bot.core.textnorm import fold_for_comparison, normalize


def test_real_knowledge_base_is_valid(kb: KnowledgeBase) -> None:
    assert 45 <= len(kb.entries) <= 70
    assert len(kb.tips) >= 60
    assert check_knowledge() == []


def test_every_entry_is_complete(kb: KnowledgeBase) -> None:
    folded = fold_for_comparison("".join(interview_paragraphs(kb.interview)))
    for entry in kb.entries:
        assert len(entry.alternates) >= 5, entry.id
        # The publication entry may quote the web page's own lines above the headline.
        source = fold_for_comparison(kb.interview) if entry.id == "report" else folded
        assert fold_for_comparison(entry.passage) in source, entry.id
        assert all(r in kb.by_id for r in entry.related), entry.id
    for tip in kb.tips:
        assert fold_for_comparison(tip.excerpt) in folded, tip.id
        assert tip.entry in kb.by_id


def test_no_summary_opens_with_a_yes_or_no(kb: KnowledgeBase) -> None:
    """A summary heads the reply to every question its entry answers, not only the yes-or-no
    one it was written for: 有。 would answer 工会要做哪些具体工作 as if asked 有没有."""
    for entry in kb.entries:
        summary = entry.summary or ""
        assert re.match("(?:有|会|是|对|能|要|没有|不会|不是)[。，！]", summary) is None, entry.id


def test_covers_the_topics_a_reader_asks_about(kb: KnowledgeBase) -> None:
    wanted = {
        "issuer",
        "title",
        "report",
        "background",
        "significance",
        "two_skins",
        "six_disconnects",
        "main_content",
        "idea_integration",
        "orientation_integration",
        "learning_integration",
        "goal_integration",
        "mechanism_integration",
        "team_integration",
        "innovations",
        "common_responsibility",
        "mass_organizations",
        "entry_points",
        "misconception",
        "common_ailment",
        "prescriptions",
        "now_and_long_term",
        "cadre_goal",
        "two_way_exchange",
        "full_and_part_time",
        "leaders",
        "implementation",
        "must_study",
        "work_methods",
        "case_materials",
        "one_plus_n",
        "supervision",
        "policy_guidance",
    }
    assert wanted <= set(kb.by_id)


def test_sections_are_derived_from_the_interview(kb: KnowledgeBase) -> None:
    assert kb.by_id["issuer"].section.label == "导语"
    assert kb.by_id["one_plus_n"].section.label == "问五：如何推动《意见》落实落地？"
    assert kb.by_id["common_ailment"].section.number == 4


def test_source_block(kb: KnowledgeBase) -> None:
    assert kb.source.publication == "河南日报"
    assert kb.source.published == "2023年4月7日"
    assert kb.source.page == "第4版"
    assert kb.source.interview_date == "4月6日"


def test_objects_are_immutable(kb: KnowledgeBase) -> None:
    entry = kb.entries[0]
    with pytest.raises(AttributeError):
        entry.passage = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        kb.by_id["x"] = entry  # type: ignore[index]


# --------------------------------------------------------------------------- broken files


def _edit(folder: Path, change: Callable[[Any], object]) -> None:
    path = folder / "opinion.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _messages(folder: Path) -> list[str]:
    return [str(p) for p in check_knowledge(folder)]


def _entry(data: dict[str, Any], entry_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in data["entries"] if e["id"] == entry_id)
    return found


def test_passage_not_in_source_is_refused(kb_copy: Path) -> None:
    _edit(
        kb_copy, lambda d: _entry(d, "two_skins").update(passage="两张皮问题必须三年内彻底根除。")
    )
    assert any(
        "entry 'two_skins'" in m and "passage does not occur verbatim" in m
        for m in _messages(kb_copy)
    )


def test_only_an_entry_may_quote_the_web_page_lines(kb_copy: Path) -> None:
    """The 时间/来源 lines stand in the source but not in the interview: an entry about the
    publication may quote them; a tip may not."""
    page = "时间：2023-04-10\n\n来源：河南日报"
    _edit(kb_copy, lambda d: _entry(d, "interview").update(passage=page))
    tips = kb_copy / "tips.yaml"
    data = yaml.safe_load(tips.read_text(encoding="utf-8"))
    data["tips"][0]["excerpt"] = "时间：2023-04-10"
    tips.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    messages = _messages(kb_copy)
    assert not any("entry 'interview'" in m for m in messages), messages
    assert any(data["tips"][0]["id"] in m for m in messages), messages


def test_passage_compared_after_folding_whitespace_and_quotes(kb_copy: Path) -> None:
    relaxed = (
        '机关党的建设是机关建设的根本保证，党建和业务工作 "两张皮" 问题，\n'
        "长期制约着机关党的建设质量提升。"
    )
    _edit(kb_copy, lambda d: _entry(d, "two_skins").update(passage=relaxed))
    assert _messages(kb_copy) == []


def test_one_changed_character_is_refused(kb_copy: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        entry = _entry(d, "cadre_goal")
        entry["passage"] = str(entry["passage"]).replace("贴心人", "知心人")

    _edit(kb_copy, change)
    assert any("entry 'cadre_goal'" in m for m in _messages(kb_copy))


def test_unknown_and_missing_fields(kb_copy: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        _entry(d, "issuer")["colour"] = "red"
        del _entry(d, "title")["question"]

    _edit(kb_copy, change)
    messages = _messages(kb_copy)
    assert any("entry 'issuer'" in m and "unknown field 'colour'" in m for m in messages)
    assert any("entry 'title'" in m and "missing required field 'question'" in m for m in messages)


def test_duplicate_ids_and_dangling_related(kb_copy: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        _entry(d, "title")["id"] = "issuer"
        _entry(d, "purpose")["related"] = ["no_such_entry"]

    _edit(kb_copy, change)
    messages = _messages(kb_copy)
    assert any("entry 'issuer'" in m and "duplicate id" in m for m in messages)
    assert any("related id 'no_such_entry' does not exist" in m for m in messages)


def test_empty_question_and_too_few_alternates(kb_copy: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        _entry(d, "issuer")["question"] = "  "
        _entry(d, "title")["alternates"] = ["全称"]

    _edit(kb_copy, change)
    messages = _messages(kb_copy)
    assert any("entry 'issuer'" in m and "field 'question' is empty" in m for m in messages)
    assert any("entry 'title'" in m and "at least 5 alternates" in m for m in messages)


def test_same_alternate_under_two_entries(kb_copy: Path) -> None:
    _edit(kb_copy, lambda d: _entry(d, "title")["alternates"].append("谁印发的意见？"))
    assert any(
        "entry 'title'" in m and "also under entry 'issuer'" in m for m in _messages(kb_copy)
    )


def test_not_covered_term_that_the_interview_answers(kb_copy: Path) -> None:
    _edit(kb_copy, lambda d: d["not_covered"].append("药方"))
    assert any("not_covered term '药方'" in m for m in _messages(kb_copy))


def test_everyday_terms_are_checked_like_not_covered_ones(kb_copy: Path) -> None:
    _edit(kb_copy, lambda d: d["not_covered_everyday"].append("药方"))
    assert any("not_covered term '药方'" in m for m in _messages(kb_copy))


def test_a_term_in_both_not_covered_lists(kb_copy: Path) -> None:
    _edit(kb_copy, lambda d: d["not_covered_everyday"].append("旅游"))
    assert any(
        "'旅游' is in both not_covered and not_covered_everyday" in m for m in _messages(kb_copy)
    )


def test_not_explained_terms_must_be_named_in_the_interview(kb_copy: Path) -> None:
    _edit(kb_copy, lambda d: d["not_explained"].append("高质量发展"))
    assert any(
        "not_explained term '高质量发展' is not in the interview" in m for m in _messages(kb_copy)
    )


def test_not_explained_term_may_not_be_a_whole_phrasing(kb_copy: Path) -> None:
    _edit(kb_copy, lambda d: d["not_explained"].append("长期药方"))
    assert any("not_explained term '长期药方' is a phrasing of" in m for m in _messages(kb_copy))


def test_tip_problems(kb_copy: Path) -> None:
    path = kb_copy / "tips.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["tips"][0]["entry"] = "missing_entry"
    data["tips"][1]["excerpt"] = "这句话不在访谈里。"
    data["tips"][2]["id"] = data["tips"][3]["id"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    messages = _messages(kb_copy)
    assert any("entry 'missing_entry' does not exist" in m for m in messages)
    assert any("excerpt does not occur verbatim" in m for m in messages)
    assert any("duplicate tip id" in m for m in messages)


def test_every_problem_is_reported_not_just_the_first(kb_copy: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        for entry in d["entries"][:5]:
            entry["passage"] = "虚构的内容。"

    _edit(kb_copy, change)
    assert len([m for m in _messages(kb_copy) if "passage does not occur" in m]) == 5


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"entries: [\n  - id: x\n", "YAML syntax error at line"),
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        ("entries: 两张皮".encode("gbk"), "not UTF-8"),
        (b"- just\n- a list\n", "top level must be a mapping"),
    ],
)
def test_unreadable_files(kb_copy: Path, content: bytes, expected: str) -> None:
    (kb_copy / "opinion.yaml").write_bytes(content)
    messages = _messages(kb_copy)
    assert any("opinion.yaml" in m and expected in m for m in messages), messages


def test_missing_file(kb_copy: Path) -> None:
    (kb_copy / "tips.yaml").unlink()
    assert any("tips.yaml" in m and "cannot read" in m for m in _messages(kb_copy))


def test_oversized_file_is_refused_without_parsing(kb_copy: Path) -> None:
    with (kb_copy / "opinion.yaml").open("ab") as handle:
        handle.write(b"#" * (MAX_FILE_BYTES + 1))
    messages = _messages(kb_copy)
    assert any("limit is" in m and "not parsed" in m for m in messages)


def test_load_raises_with_all_problems(kb_copy: Path) -> None:
    (kb_copy / "opinion.yaml").write_text("source: {}\nentries: []\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(kb_copy)
    assert len(raised.value.problems) >= 2
    assert "opinion.yaml" in str(raised.value)


def test_alternates_are_distinct_after_normalising(kb: KnowledgeBase) -> None:
    seen: dict[str, str] = {}
    for entry in kb.entries:
        for phrasing in (entry.question, *entry.alternates):
            key = normalize(phrasing)
            assert seen.setdefault(key, entry.id) == entry.id, phrasing


def test_an_entrys_own_phrasing_must_hold_one_of_its_anchors(kb_copy: Path) -> None:
    _edit(kb_copy, lambda d: _entry(d, "misconception")["alternates"].append("抓GDP才算政绩吗"))
    assert any(
        "entry 'misconception'" in m and "'抓GDP才算政绩吗' holds none of the anchors" in m
        for m in _messages(kb_copy)
    )


def test_anchors_when_given_are_a_list_of_words(kb_copy: Path) -> None:
    _edit(kb_copy, lambda d: _entry(d, "misconception").update(anchors=[]))
    assert any("anchors, when given, must list at least one word" in m for m in _messages(kb_copy))
    _edit(kb_copy, lambda d: _entry(d, "misconception").update(anchors="服务"))
    assert any("field 'anchors' must be a list" in m for m in _messages(kb_copy))


def test_no_own_phrasing_asks_what_its_entry_is_not_for(kb_copy: Path) -> None:
    _edit(kb_copy, lambda d: _entry(d, "two_skins")["alternates"].append("两张皮咋整"))
    assert any(
        "entry 'two_skins'" in m and "'两张皮咋整' holds a word of not_for" in m
        for m in _messages(kb_copy)
    )
    _edit(kb_copy, lambda d: _entry(d, "two_skins").update(not_for=[]))
    assert any("not_for, when given, must list at least one word" in m for m in _messages(kb_copy))


def test_neighbours_are_passages_that_meet_within_one_section(kb: KnowledgeBase) -> None:
    """Quoted one after the other, two neighbours are one verbatim stretch of the interview."""
    interview = "".join(fold_for_comparison(p) for p in interview_paragraphs(kb.interview))
    assert ("six_disconnects", "politics_first") in kb.neighbours
    assert ("politics_first", "six_disconnects") not in kb.neighbours
    for (first, second), between in kb.neighbours.items():
        earlier, later = kb.by_id[first], kb.by_id[second]
        assert earlier.section == later.section
        joined = kb.joined_passage(later, earlier)
        assert joined is not None
        assert joined[:2] == (earlier, later)
        assert fold_for_comparison(joined[2]) in interview
        assert joined[2] == earlier.passage.rstrip() + between + later.passage.lstrip()
    # The reporter's question stands between two sections: no pair runs across it.
    assert not any(kb.by_id[a].section != kb.by_id[b].section for a, b in kb.neighbours)
    assert kb.joined_passage(kb.by_id["two_skins"], kb.by_id["supervision"]) is None


def test_a_paragraph_break_between_neighbours_is_kept(kb_copy: Path) -> None:
    """The headline and the lead's first sentence meet across a paragraph break (the web page's
    own lines between them are no part of the interview): quoted together, they keep it."""
    headline = "4月7日《河南日报》第4版：破解“两张皮” 全面提高机关党建质量"
    _edit(kb_copy, lambda d: _entry(d, "title").update(passage=headline))
    kb = load_knowledge(kb_copy)
    assert kb.neighbours[("title", "purpose")] == "\n"
    joined = kb.joined_passage(kb.by_id["purpose"], kb.by_id["title"])
    assert joined is not None
    assert joined[2] == headline + "\n" + kb.by_id["purpose"].passage
