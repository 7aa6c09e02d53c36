"""Daily tips, the pure rules: reading times, each chat's own order, the tip of the day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.core.knowledge import KnowledgeBase
from bot.core.tips import (
    RECENT_DAYS,
    TimeFormatError,
    is_due,
    next_delivery,
    next_tip,
    order_for,
    parse_time,
    tip_of_the_day,
    tip_text,
    zone_name,
)
from bot.storage import Store, Subscription

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:05", time(7, 5)),
        ("07:05", time(7, 5)),
        ("21:30", time(21, 30)),
        ("21点", time(21, 0)),
        ("21点30", time(21, 30)),
        ("21点30分", time(21, 30)),
        ("9点半", time(9, 30)),
        ("晚上9点", time(21, 0)),
        ("下午3点", time(15, 0)),
        ("中午12点", time(12, 0)),
        ("２１：３０", time(21, 30)),
        ("0:00", time(0, 0)),
        (" 23:59 ", time(23, 59)),
    ],
)
def test_good_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text", ["25:00", "7:60", "明天", "7", "7:5", "abc", "", "21点70", "-1:00"]
)
def test_bad_times_explain_what_is_accepted(text: str) -> None:
    with pytest.raises(TimeFormatError) as raised:
        parse_time(text)
    assert "21:30" in str(raised.value)
    assert "21点" in str(raised.value)


def test_each_chat_has_its_own_stable_order() -> None:
    tips = [f"t{i:03d}" for i in range(60)]
    first, second = order_for(1, 0, tips), order_for(2, 0, tips)
    assert sorted(first) == tips
    assert first != second
    assert order_for(1, 0, tips) == first
    assert order_for(1, 1, tips) != first  # a new cycle, a new order


def test_all_tips_before_any_repeat() -> None:
    tips = [f"t{i:03d}" for i in range(10)]
    seen: list[str] = []
    cycle = 0
    for _ in range(10):
        pick = next_tip(5, tips, cycle, set(seen), set(seen))
        seen.append(pick.tip_id)
        cycle = pick.cycle
    assert sorted(seen) == tips
    assert cycle == 0
    pick = next_tip(5, tips, 0, set(seen), set(seen[-3:]))
    assert pick.cycle == 1
    assert pick.tip_id not in seen[-3:]  # a new cycle avoids the most recent tips


def test_tip_of_the_day_is_the_same_all_day_and_walks_every_tip(
    tmp_path: Path, kb: KnowledgeBase
) -> None:
    store = Store.open(tmp_path / "t.sqlite3")
    start = date(2026, 1, 1)
    seen: list[str] = []
    for offset in range(len(kb.tips)):
        day = start + timedelta(days=offset)
        tip, chosen = tip_of_the_day(store, kb, 42, day)
        again, _ = tip_of_the_day(store, kb, 42, day)
        assert again == tip
        assert not chosen.delivered
        seen.append(tip.id)
    assert sorted(seen) == sorted(t.id for t in kb.tips)
    tip, chosen = tip_of_the_day(store, kb, 42, start + timedelta(days=len(kb.tips)))
    assert chosen.cycle == 1
    assert tip.id not in seen[-RECENT_DAYS:]
    store.close()


def test_subscribers_do_not_all_get_the_same_tip(tmp_path: Path, kb: KnowledgeBase) -> None:
    store = Store.open(tmp_path / "t.sqlite3")
    day = date(2026, 3, 1)
    firsts = {tip_of_the_day(store, kb, chat, day)[0].id for chat in range(1, 21)}
    assert len(firsts) > 10
    store.close()


def test_is_due() -> None:
    since = datetime(2026, 5, 1, 9, 0, tzinfo=SHANGHAI)
    subscription = Subscription(1, "private", time(8, 0), since)
    morning = datetime(2026, 5, 2, 10, 0, tzinfo=SHANGHAI)
    assert is_due(subscription, morning, SHANGHAI, delivered=False)
    assert not is_due(subscription, morning, SHANGHAI, delivered=True)
    assert not is_due(subscription, morning.replace(hour=7), SHANGHAI, delivered=False)
    # subscribed at 09:00 for 08:00: the first tip is tomorrow's, nothing was missed today
    assert not is_due(subscription, since.replace(hour=10), SHANGHAI, delivered=False)
    # the same moment seen from UTC
    assert is_due(subscription, morning.astimezone(UTC), SHANGHAI, delivered=False)


def test_next_delivery() -> None:
    now = datetime(2026, 5, 2, 10, 0, tzinfo=SHANGHAI)
    assert next_delivery(time(21, 30), now, SHANGHAI) == now.replace(hour=21, minute=30)
    assert next_delivery(time(8, 0), now, SHANGHAI) == datetime(2026, 5, 3, 8, 0, tzinfo=SHANGHAI)


def test_tip_text_quotes_and_cites(kb: KnowledgeBase) -> None:
    tip = kb.tips[0]
    text = tip_text(kb, tip)
    assert f"<blockquote>{tip.excerpt}</blockquote>" in text
    assert "<b>每日学习｜" in text
    assert "《河南日报》2023年4月7日第4版" in text
    assert "？，" not in text


def test_tip_citations_keep_the_interviews_quotes(kb: KnowledgeBase) -> None:
    fourth = next(t for t in kb.tips if t.section is not None and t.section.number == 4)
    text = tip_text(kb, fourth)
    assert "长期“药方”" in text
    assert '"' not in text
    assert "““" not in text


def test_page_lines_are_not_part_of_the_interview(kb: KnowledgeBase) -> None:
    from bot.core.knowledge import interview_paragraphs

    paragraphs = interview_paragraphs(kb.interview)
    assert not any(p.startswith(("时间：", "来源：")) for p in paragraphs)
    # Only the entry about the publication quotes them (when the page was posted); no tip does.
    assert [e.id for e in kb.entries if "时间：2023" in e.passage] == ["report"]
    assert all("时间：2023" not in tip.excerpt for tip in kb.tips)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("早上八点半", time(8, 30)),
        ("八点一刻", time(8, 15)),
        ("下午三点三刻", time(15, 45)),
        ("晚上九点", time(21, 0)),
        ("晚上12点", time(0, 0)),
        ("中午12点", time(12, 0)),
        ("凌晨12点", time(0, 0)),
        ("二十一点三十", time(21, 30)),
        ("七点零五", time(7, 5)),
        ("北京时间21:30", time(21, 30)),
    ],
)
def test_time_words(text: str, expected: time) -> None:
    assert parse_time(text) == expected


def test_zone_name() -> None:
    assert zone_name(SHANGHAI) == "北京时间"
    assert zone_name(ZoneInfo("Europe/Berlin")) == "Europe/Berlin"


def test_tips_are_whole_thoughts_and_distinct(kb: KnowledgeBase) -> None:
    excerpts = [tip.excerpt for tip in kb.tips]
    assert len(set(excerpts)) == len(excerpts)
    # the fragments readers complained about now stand in their whole sentences
    for fragment in ("通过加强教育培训和实践锻炼", "推动机关治理和各项事业发展"):
        assert fragment not in excerpts
        assert any(fragment in e and e.endswith("。") for e in excerpts)
    # ("强调…" sentences are whole sentences of the interview; the heading names the subject)
    subjectless = ("是贯彻", "以及", "在完成", "增强", "持续提升", "更好地", "充分发挥")
    assert not [e for e in excerpts if e.startswith(subjectless)]


def test_every_tip_has_a_short_heading(kb: KnowledgeBase) -> None:
    assert all(tip.heading and len(tip.heading) <= 16 for tip in kb.tips)
    tip = kb.tips[0]
    assert f"<b>每日学习｜{tip.heading}</b>" in tip_text(kb, tip)
