"""Daily study tips: reading a time of day, and each chat's own order through the tips.

Pure Python (no Telegram, no database): the rules are here, the bookkeeping is in the store.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bot.core.knowledge import KnowledgeBase, Tip
from bot.core.replies import section_citation
from bot.core.textnorm import to_traditional
from bot.storage import Storage, Subscription, TipDay

DEFAULT_TIME = time(8, 0)
RECENT_DAYS = 30
TIME_EXAMPLES = "7:05、07:05、21:30、21点、21点半、晚上9点、早上八点半、八点一刻"

_CLOCK = re.compile(r"^(\d{1,2})[:：.](\d{2})$")
_CHINESE = re.compile(
    r"^(?:(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上))?(\d{1,2})[点时](?:钟)?"
    r"(?:(\d{1,2})分?|(半)|(一刻|三刻))?$"
)
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十]+(?!刻)")


def _numeral(text: str) -> str:
    """A Chinese numeral up to 99 (八, 十一, 二十三, 零五) as digits."""
    if "十" in text:
        tens, _, units = text.partition("十")
        value = (_DIGITS.get(tens, 0) if tens else 1) * 10 + (
            _DIGITS.get(units, 0) if units else 0
        )
        return str(value)
    return "".join(str(_DIGITS[char]) for char in text)


def zone_name(zone: tzinfo) -> str:
    """How people name the bot's time zone: 北京时间 for Asia/Shanghai."""
    return "北京时间" if str(zone) in ("Asia/Shanghai", "PRC", "Asia/Chongqing") else str(zone)


class TimeFormatError(ValueError):
    """The text is not a time of day this bot understands; the message gives examples."""


def parse_time(text: str) -> time:
    """A time of day from "7:05", "07:05", "21:30", "21点", "21点30", "晚上9点半"…"""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    cleaned = cleaned.removeprefix("北京时间").removeprefix("每天")
    cleaned = _NUMERAL.sub(lambda m: _numeral(m.group(0)), cleaned)
    hour: int | None = None
    minute = 0
    if match := _CLOCK.match(cleaned):
        hour, minute = int(match.group(1)), int(match.group(2))
    elif match := _CHINESE.match(cleaned):
        period, hour_text, minute_text, half, quarter = match.groups()
        hour = int(hour_text)
        minute = 30 if half else int(minute_text or 0)
        if quarter:
            minute = 15 if quarter == "一刻" else 45
        afternoon = period in ("下午", "傍晚", "晚上") and 1 <= hour < 12
        if afternoon or (period == "中午" and hour < 3):
            hour += 12
        elif hour == 12 and period in ("晚上", "凌晨"):
            hour = 0  # 晚上12点 is midnight, not noon
    if hour is None or not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise TimeFormatError(f"看不懂时间“{text.strip()[:20]}”。可以这样写：{TIME_EXAMPLES}")
    return time(hour, minute)


def _rank(chat_id: int, cycle: int, tip_id: str) -> bytes:
    return hashlib.blake2b(f"{chat_id}:{cycle}:{tip_id}".encode(), digest_size=8).digest()


def order_for(chat_id: int, cycle: int, tip_ids: Sequence[str]) -> list[str]:
    """This chat's order through the tips in one cycle: its own, stable, a new one each cycle."""
    return sorted(tip_ids, key=lambda tip_id: _rank(chat_id, cycle, tip_id))


@dataclass(frozen=True, slots=True)
class Pick:
    """The next tip for a chat, and the cycle it belongs to."""

    tip_id: str
    cycle: int


def next_tip(
    chat_id: int,
    tip_ids: Sequence[str],
    cycle: int,
    seen_this_cycle: Collection[str],
    seen_recently: Collection[str],
) -> Pick:
    """Walk every tip once per cycle, in the chat's own order, avoiding recent repeats."""
    if not tip_ids:
        raise ValueError("there are no tips")
    remaining = [t for t in order_for(chat_id, cycle, tip_ids) if t not in seen_this_cycle]
    if not remaining:
        cycle += 1
        remaining = order_for(chat_id, cycle, tip_ids)
    fresh = [t for t in remaining if t not in seen_recently]
    return Pick((fresh or remaining)[0], cycle)


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day of `moment` in the subscribers' time zone."""
    return moment.astimezone(zone).date()


def next_delivery(at: time, now: datetime, zone: tzinfo) -> datetime:
    """When a subscription at `at` next fires, seen from `now`."""
    local_now = now.astimezone(zone)
    candidate = datetime.combine(local_now.date(), at, tzinfo=zone)
    if candidate <= local_now:
        candidate = datetime.combine(local_now.date() + timedelta(days=1), at, tzinfo=zone)
    return candidate


def tip_heading(kb: KnowledgeBase, tip: Tip) -> str:
    """The tip's heading: its own, else the question of the entry it leads to."""
    entry = kb.by_id.get(tip.entry)
    return tip.heading or (entry.question if entry is not None else "每日学习")


def tip_text(kb: KnowledgeBase, tip: Tip, *, traditional: bool = False) -> str:
    """A tip as Telegram HTML, formatted like answers: heading, quoted excerpt, citation."""
    entry = kb.by_id.get(tip.entry)
    section = tip.section or (entry.section if entry is not None else None)
    convert = to_traditional if traditional else str
    lines = [f"📖 <b>每日学习｜{html.escape(convert(tip_heading(kb, tip)))}</b>"]
    if tip.summary:
        lines.append(html.escape(convert(tip.summary)))
    lines.append(f"<blockquote>{html.escape(convert(tip.excerpt))}</blockquote>")
    if section is not None:
        lines.append(f"<i>——{html.escape(convert(section_citation(kb, section)))}</i>")
    return "\n".join(lines)


def scheduled_today(subscription: Subscription, now: datetime, zone: tzinfo) -> datetime:
    """Today's (local) delivery time of a subscription."""
    return datetime.combine(local_day(now, zone), subscription.at, tzinfo=zone)


def is_due(subscription: Subscription, now: datetime, zone: tzinfo, delivered: bool) -> bool:
    """True when today's delivery time has passed, was chosen before it came, and nothing went."""
    moment = scheduled_today(subscription, now, zone)
    return not delivered and subscription.since <= moment <= now


def _pick(store: Storage, kb: KnowledgeBase, chat_id: int, day: date) -> Pick:
    cycle, seen, last_seen = store.tip_history(chat_id)
    recent = {tip for tip, seen_on in last_seen.items() if (day - seen_on).days < RECENT_DAYS}
    return next_tip(chat_id, [tip.id for tip in kb.tips], cycle, seen, recent)


def preview_tip(store: Storage, kb: KnowledgeBase, chat_id: int, day: date) -> Tip:
    """The tip the chat would get on `day`, without recording anything (for --dry-run)."""
    tips = {tip.id: tip for tip in kb.tips}
    chosen = store.tip_day(chat_id, day)
    if chosen is not None and chosen.tip_id in tips:
        return tips[chosen.tip_id]
    return tips[_pick(store, kb, chat_id, day).tip_id]


def tip_of_the_day(
    store: Storage, kb: KnowledgeBase, chat_id: int, day: date
) -> tuple[Tip, TipDay]:
    """The chat's tip for `day`: the one already chosen that day, or the next in its order."""
    tips = {tip.id: tip for tip in kb.tips}
    chosen = store.tip_day(chat_id, day)
    if chosen is not None and chosen.tip_id in tips:
        return tips[chosen.tip_id], chosen
    pick = _pick(store, kb, chat_id, day)
    # A tip removed from the knowledge base since it was chosen is replaced, not repeated.
    chosen = store.choose_tip(chat_id, day, pick.tip_id, pick.cycle, replace=chosen is not None)
    return tips[chosen.tip_id], chosen
