"""Handler tests: the real Application from the factory, updates through process_update, and
the exact Bot API calls it makes captured offline."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram.error import Forbidden

from bot.core.knowledge import KnowledgeBase, interview_paragraphs
from bot.tgbot.handlers import NOT_TEXT, STALE_BUTTON
from bot.tgbot.render import (
    CALLBACK_LIMIT,
    MESSAGE_LIMIT,
    AnswerEntry,
    Block,
    TopicList,
    TopicPage,
    decode,
    encode,
    split_blocks,
    utf16_length,
)
from bot.tgbot.state import state_of
from tests.botapi import (
    BOT_ID,
    BOT_USERNAME,
    STICKER,
    RecordingRequest,
    bot_message,
    callback_update,
    inline_update,
    message,
    message_update,
    update,
)
from tests.harness import Harness, only, running_bot

GROUP = -100123


def _harness(tmp_path: Path, api: RecordingRequest) -> AsyncIterator[Harness]:
    return running_bot(tmp_path / "bot.sqlite3", api)


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    """The bot, started, with no unexpected error allowed to reach the error handler."""
    async for harness in _harness(tmp_path, RecordingRequest()):
        yield harness
        assert harness.errors == []


# --------------------------------------------------------------------------- lifecycle


async def test_post_init_sets_the_command_menu(tmp_path: Path) -> None:
    api = RecordingRequest()
    async for _ in _harness(tmp_path, api):
        commands = only(api.calls, "setMyCommands").params["commands"]
        assert [c["command"] for c in commands] == [
            "start",
            "help",
            "ask",
            "topics",
            "source",
            "tip",
            "subscribe",
            "unsubscribe",
            "mysub",
            "quiz",
            "challenge",
            "score",
            "rank",
            "forgetme",
        ]
        assert all(c["description"] for c in commands)


async def test_refused_command_menu_is_a_warning_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    api = RecordingRequest(refuse={"setMyCommands"})
    with caplog.at_level(logging.WARNING):
        async for harness in _harness(tmp_path, api):
            calls = await harness.say("两张皮")
            assert only(calls).text
    assert any("refused the command menu" in r.getMessage() for r in caplog.records)


# --------------------------------------------------------------------------- private chats


async def test_start_introduces_the_bot_once(bot: Harness) -> None:
    text = only(await bot.say("/start")).text
    assert text.count("我是意见问答助手") == 1


async def test_deep_link_opens_an_answer(bot: Harness) -> None:
    call = only(await bot.say("/start two_skins"))
    assert bot.kb.by_id["two_skins"].passage in call.text
    assert "f|y|two_skins" in call.button_data()
    assert "可用命令" in only(await bot.say("/start no_such_entry")).text


async def test_unknown_command_gets_help_in_private(bot: Harness) -> None:
    call = only(await bot.say("/foo"))
    assert "/foo" in call.text
    assert "/help" in call.text


async def test_unknown_command_in_groups_only_when_addressed(bot: Harness) -> None:
    assert await bot.say("/foo", chat_id=-100, chat_type="supergroup") == []
    assert await bot.say("/foo@OtherBot", chat_id=-100, chat_type="supergroup") == []
    call = only(await bot.say("/foo@OpinionTestBot", chat_id=-100, chat_type="supergroup"))
    assert "/help" in call.text


async def test_known_commands_are_not_called_unknown(bot: Harness) -> None:
    for command in ("/help", "/topics", "/myid", "/stats"):
        assert not any("没有" in c.text and "这个命令" in c.text for c in await bot.say(command))


async def test_start_welcomes_and_lists_commands(bot: Harness) -> None:
    call = only(await bot.say("/start"))
    assert call.params["chat_id"] == 42
    assert call.params["parse_mode"] == "HTML"
    assert "意见问答助手" in call.text
    for command in ("/help", "/ask", "/topics", "/source"):
        assert command in call.text


async def test_help_offers_three_example_questions(bot: Harness) -> None:
    call = only(await bot.say("/help"))
    assert call.button_data() == ["a|s|two_skins", "a|s|main_content", "a|s|prescriptions"]
    assert call.button_texts()[0] == bot.kb.by_id["two_skins"].question


async def test_question_gets_passage_citation_and_related_buttons(bot: Harness) -> None:
    call = only(await bot.say("两张披是什么意思"))
    entry = bot.kb.by_id["two_skins"]
    assert call.params["chat_id"] == 42
    assert call.params["parse_mode"] == "HTML"
    assert f"<blockquote>{entry.passage}</blockquote>" in call.text
    assert "<i>——出处：" in call.text
    assert call.button_data() == [
        *(f"a|s|{r}" for r in bot.state.answerer.related(entry)),
        "f|y|two_skins",
        "f|n|two_skins",
    ]
    assert "reply_parameters" not in call.params  # private chats: no quoting


async def test_torn_between_neighbouring_passages_quotes_both_in_one_block(bot: Harness) -> None:
    """Two passages that meet in the interview are one quote, not a "did you mean" keyboard."""
    call = only(await bot.say("我是业务骨干，只把业务干好、政治上不讲究行不行？"))
    earlier, later = bot.kb.by_id["six_disconnects"], bot.kb.by_id["politics_first"]
    assert f"<blockquote>{earlier.passage}{later.passage}</blockquote>" in call.text
    assert call.text.count("<blockquote>") == 1
    assert call.text.count("<i>——出处：") == 1
    assert "您是不是想问" not in call.text
    related = call.button_data()[:-2]
    assert related
    assert not {f"a|s|{earlier.id}", f"a|s|{later.id}"} & set(related)
    assert call.button_data()[-2:] == ["f|y|politics_first", "f|n|politics_first"]


async def test_a_number_picks_an_offered_question_or_asks_to_choose(bot: Harness) -> None:
    """After three related buttons, "9" gets "please choose 1-3" (not "not covered"), "2" picks."""
    only(await bot.say("两张皮是什么意思"))
    refused = only(await bot.say("9"))
    assert "请输入 1-3 之间的序号" in refused.text
    assert "没有涉及" not in refused.text
    picked = only(await bot.say("2"))
    second = bot.kb.by_id[bot.state.answerer.related(bot.kb.by_id["two_skins"])[1]]
    assert f"<blockquote>{second.passage}</blockquote>" in picked.text


async def test_traditional_question_gets_traditional_reply_and_buttons(bot: Harness) -> None:
    call = only(await bot.say("兩張皮是什麼"))
    assert "兩張皮" in call.text
    related = [data for data in call.button_data() if not data.startswith("f|")]
    assert related
    assert all(data.startswith("a|t|") for data in related)


async def test_vague_question_offers_choices(bot: Harness) -> None:
    call = only(await bot.say("干部"))
    assert call.text.startswith("您是不是想问：")
    # Labels fit a phone; a shortened one's full question is in the message.
    assert all(len(label) <= 20 for label in call.button_texts())
    for label in call.button_texts():
        if label.endswith("…"):
            assert f"· {label[:-1]}" in call.text
    assert 2 <= len(call.button_data()) <= 3
    assert all(data.startswith("a|s|") for data in call.button_data())


async def test_uncovered_question_says_so_and_offers_topics(bot: Harness) -> None:
    call = only(await bot.say("入党申请书怎么写"))
    assert "没有涉及" in call.text
    assert call.button_data() == ["tl|0"]


async def test_question_words_alone_ask_which_part_and_offer_topics(bot: Harness) -> None:
    call = only(await bot.say("这是什么？"))
    assert "哪方面" in call.text
    assert call.button_data() == ["tl|0"]


async def test_user_markup_is_never_interpreted(bot: Harness) -> None:
    for text in ("<b>两张皮</b>", "1+N & <i>", "<a href='x'>六个融合</a>"):
        call = only(await bot.say(text))
        assert "<b>两张皮</b>" not in call.text
        assert "<a href" not in call.text


async def test_answers_are_logged_without_text(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.tgbot.handlers"):
        await bot.say("两张皮是什么意思")
        await bot.say("/ask 六个融合有哪些", chat_id=GROUP, chat_type="supergroup")
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("question")]
    assert len(lines) == 2
    assert "chat=private status=answered entry=two_skins" in lines[0]
    assert "chat=supergroup status=answered entry=main_content" in lines[1]
    assert all("latency_ms=" in line for line in lines)
    assert not any("六个融合有哪些" in r.getMessage() for r in caplog.records)


async def test_questions_are_recorded_without_user(bot: Harness) -> None:
    await bot.say("请问两张披是什么意思？")
    logged = bot.state.store.questions()
    assert len(logged) == 1
    assert logged[0].question == "请问两张披是什么意思？"  # as typed, not as corrected
    assert logged[0].entry == "two_skins"
    assert logged[0].chat_type == "private"


# --------------------------------------------------------------------------- buttons


async def test_related_button_sends_a_new_answer(bot: Harness) -> None:
    calls = await bot.feed(callback_update("a|s|cadre_goal"))
    assert only(calls, "answerCallbackQuery")
    call = only(calls)
    assert bot.kb.by_id["cadre_goal"].passage in call.text
    assert not [c for c in calls if c.method == "editMessageText"]


async def test_button_for_a_removed_entry_answers_gracefully(bot: Harness) -> None:
    calls = await bot.feed(callback_update("a|s|no_longer_here"))
    answer = only(calls, "answerCallbackQuery")
    assert answer.params["text"] == STALE_BUTTON
    assert answer.params["show_alert"] is True
    assert not [c for c in calls if c.method == "sendMessage"]


@pytest.mark.parametrize("data", ["", "garbage", "a|x|y", "tp|v|notanumber|0", "tl|-3x"])
async def test_unknown_callback_data_is_acknowledged(bot: Harness, data: str) -> None:
    calls = await bot.feed(callback_update(data))
    assert only(calls, "answerCallbackQuery")


async def test_topics_browse_topic_questions_and_back(bot: Harness) -> None:
    listing = only(await bot.say("/topics"))
    topics = listing.button_data()
    assert len(topics) == len(bot.kb.topics)
    first_topic = topics[0]
    assert first_topic.startswith("tp|")

    calls = await bot.feed(callback_update(first_topic))
    page = only(calls, "editMessageText")
    entries = [e.id for e in bot.kb.entries if e.topic == bot.kb.topics[0]]
    assert page.button_data()[: len(entries)] == [f"a|s|{e}" for e in entries]
    assert page.button_data()[-1] == "tl|0"

    back = only(await bot.feed(callback_update("tl|0")), "editMessageText")
    assert back.button_data() == topics


async def test_topic_button_from_an_older_knowledge_base_shows_current_topics(
    bot: Harness,
) -> None:
    calls = await bot.feed(callback_update("tp|00000000|0|0"))
    assert only(calls, "answerCallbackQuery").params["text"] == STALE_BUTTON
    assert only(calls, "editMessageText").button_data()[0].startswith("tp|")


def test_callback_data_fits_whatever_the_ids(kb: KnowledgeBase) -> None:
    for entry in kb.entries:
        for traditional in (False, True):
            data = encode(AnswerEntry(entry.id, traditional))
            assert len(data.encode()) <= CALLBACK_LIMIT
            assert decode(data) == AnswerEntry(entry.id, traditional)
    longest = AnswerEntry("x" * 40, True)
    assert decode(encode(longest)) == longest
    assert decode(encode(TopicPage(kb.version, 999, 999))) == TopicPage(kb.version[:8], 999, 999)
    assert decode(encode(TopicList(5))) == TopicList(5)
    with pytest.raises(ValueError, match="too long"):
        encode(AnswerEntry("x" * 80, True))


async def test_topic_pages_for_a_large_knowledge_base(bot: Harness) -> None:
    from bot.tgbot.render import PAGE_SIZE, topic_list

    big = bot.kb.__class__(
        source=bot.kb.source,
        entries=bot.kb.entries,
        tips=bot.kb.tips,
        interview=bot.kb.interview,
        version=bot.kb.version,
        by_id=bot.kb.by_id,
        topics=tuple(f"主题{i}" for i in range(PAGE_SIZE * 2 + 3)),
    )
    text, keyboard = topic_list(big, 1)
    data = [b.callback_data for row in keyboard.inline_keyboard for b in row]
    assert "第 2/3 页" in text
    assert "tl|0" in data
    assert "tl|2" in data


# --------------------------------------------------------------------------- /source


async def test_source_is_split_under_the_limit_at_paragraphs(bot: Harness) -> None:
    calls = [c for c in await bot.say("/source") if c.method == "sendMessage"]
    assert calls  # the interview fits one message today; the split itself is tested below
    assert all(utf16_length(c.text) <= MESSAGE_LIMIT for c in calls)
    joined = "\n\n".join(c.text for c in calls)
    for paragraph in interview_paragraphs(bot.kb.interview):
        assert paragraph in joined
    assert "时间：2023" not in joined
    assert "来源：河南日报" not in joined
    assert "<b>问：《意见》出台的背景和意义是什么？</b>" in joined
    assert "河南日报" in calls[0].text


def test_long_blocks_are_split_without_breaking_tags_or_escapes() -> None:
    text = "两张皮问题<&>。" * 1500
    messages = split_blocks([Block("标题", "b"), Block(text, "blockquote"), Block("尾", "i")])
    assert len(messages) > 3
    for piece in messages:
        assert utf16_length(piece) <= MESSAGE_LIMIT
        assert piece.count("<blockquote>") == piece.count("</blockquote>")
        assert "&lt;&amp;&gt;" in piece or piece in ("<b>标题</b>", "<i>尾</i>")
    assert sum(p.count("两张皮") for p in messages) == 1500


def test_a_block_without_sentence_ends_is_cut_by_length() -> None:
    messages = split_blocks([Block("😀" * 5000)])
    assert all(utf16_length(m) <= MESSAGE_LIMIT for m in messages)
    assert "".join(messages) == "😀" * 5000


# --------------------------------------------------------------------------- groups


async def test_group_chatter_is_ignored(bot: Harness) -> None:
    assert await bot.say("两张皮是什么意思", chat_id=GROUP, chat_type="supergroup") == []
    assert await bot.say("大家好", chat_id=GROUP, chat_type="group") == []


@pytest.mark.parametrize("command", ["/ask", f"/ask@{BOT_USERNAME}"])
async def test_ask_in_a_group_replies_to_the_asker(bot: Harness, command: str) -> None:
    data = message_update(f"{command} 六个融合有哪些", chat_id=GROUP, chat_type="supergroup")
    asked = data["message"]["message_id"]
    call = only(await bot.feed(data))
    assert call.params["chat_id"] == GROUP
    assert call.params["reply_parameters"]["message_id"] == asked
    assert bot.kb.by_id["main_content"].passage[:30] in call.text


async def test_ask_without_a_question_explains(bot: Harness) -> None:
    call = only(await bot.say("/ask", chat_id=GROUP, chat_type="supergroup"))
    assert "/ask 两张皮是什么意思" in call.text


async def test_mention_in_a_group_is_a_question(bot: Harness) -> None:
    text = f"@{BOT_USERNAME} 六个拖节是哪些"
    mention = [{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]
    call = only(await bot.say(text, chat_id=GROUP, chat_type="supergroup", entities=mention))
    assert bot.kb.by_id["six_disconnects"].passage[-20:] in call.text
    assert "reply_parameters" in call.params


async def test_mention_of_someone_else_is_ignored(bot: Harness) -> None:
    mention = [{"type": "mention", "offset": 0, "length": 6}]
    assert (
        await bot.say("@someone 两张皮", chat_id=GROUP, chat_type="supergroup", entities=mention)
        == []
    )


async def test_reply_to_the_bot_is_a_question(bot: Harness) -> None:
    calls = await bot.say(
        "那1+N呢", chat_id=GROUP, chat_type="supergroup", reply_to=bot_message(GROUP)
    )
    assert "1+N" in only(calls).text


async def test_reply_to_someone_else_is_ignored(bot: Harness) -> None:
    other = message("随便说说", chat_id=GROUP, chat_type="supergroup", user_id=7)
    assert await bot.say("1+N", chat_id=GROUP, chat_type="supergroup", reply_to=other) == []


# --------------------------------------------------------------------------- inline mode


async def test_inline_query_offers_matching_entries(bot: Harness) -> None:
    call = only(await bot.feed(inline_update("两张皮")), "answerInlineQuery")
    results = call.params["results"]
    assert results[0]["id"] == "two_skins"
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert "<blockquote>" in content["message_text"]
    assert "您还可以问" not in content["message_text"]
    assert len(results) <= 10


async def test_empty_inline_query_offers_the_most_asked(bot: Harness) -> None:
    for _ in range(3):
        await bot.say("1+N是什么")
    call = only(await bot.feed(inline_update("")), "answerInlineQuery")
    assert call.params["results"][0]["id"] == "one_plus_n"
    assert len(call.params["results"]) == 10


@pytest.mark.parametrize("query", ["两" * 300, "入党申请书怎么写", "😀", "<b>"])
async def test_odd_inline_queries(bot: Harness, query: str) -> None:
    call = only(await bot.feed(inline_update(query)), "answerInlineQuery")
    ids = [r["id"] for r in call.params["results"]]
    if query == "入党申请书怎么写":
        assert ids == []


async def test_an_everyday_word_inside_the_interviews_words_hides_no_inline_result(
    bot: Harness,
) -> None:
    """有力抓手机制 holds 手机 and 共同学习 同学, everyday words the answers decline only in a
    life of its own."""
    for query in ("有力抓手机制", "怎么共同学习创新理论"):
        call = only(await bot.feed(inline_update(query)), "answerInlineQuery")
        assert call.params["results"], query


# --------------------------------------------------------------------------- bad input


async def test_sticker_and_photo_get_a_note(bot: Harness) -> None:
    assert only(await bot.say(None, extra={"sticker": STICKER})).text == NOT_TEXT
    photo = [{"file_id": "p", "file_unique_id": "q", "width": 1, "height": 1}]
    assert only(await bot.say(None, extra={"photo": photo, "caption": "两张皮"})).text == NOT_TEXT


async def test_sticker_in_a_group_is_ignored(bot: Harness) -> None:
    assert (
        await bot.say(None, chat_id=GROUP, chat_type="supergroup", extra={"sticker": STICKER})
        == []
    )


async def test_edited_message_is_ignored(bot: Harness) -> None:
    edited = message("两张皮", extra={"edit_date": 1})
    assert await bot.feed(update("edited_message", body=edited)) == []


async def test_service_message_without_text_is_ignored(bot: Harness) -> None:
    joined = {"new_chat_members": [{"id": 5, "is_bot": False, "first_name": "新"}]}
    assert await bot.say(None, chat_id=GROUP, chat_type="supergroup", extra=joined) == []


@pytest.mark.parametrize(
    "text", ["两张皮" * 3400, "?", "😀", "\u0000\u200b", "'; DROP TABLE x;--"]
)
async def test_odd_text_gets_one_reply(bot: Harness, text: str) -> None:
    call = only(await bot.say(text))
    assert call.text
    assert utf16_length(call.text) <= MESSAGE_LIMIT


async def test_user_who_blocked_the_bot(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    api = RecordingRequest(forbidden_chats={42})
    with caplog.at_level(logging.WARNING):
        async for harness in _harness(tmp_path, api):
            await harness.say("两张皮")
            assert len(harness.errors) == 1
            assert isinstance(harness.errors[0], Forbidden)
            await harness.say("六个融合", chat_id=43)  # other users are still served
            assert only(api.calls).params["chat_id"] == 43
    assert any("blocked" in r.getMessage() for r in caplog.records)


async def test_unexpected_error_is_logged_and_the_user_told(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async for harness in _harness(tmp_path, RecordingRequest()):
        harness.state.answerer = None  # type: ignore[assignment]  # break the core on purpose
        with caplog.at_level(logging.ERROR):
            calls = await harness.say("两张皮")
        assert len(harness.errors) == 1
        assert "出了点问题" in only(calls).text
        assert any("caused an error" in r.getMessage() for r in caplog.records)


def test_state_of_refuses_a_missing_state() -> None:
    class Context:
        def __init__(self) -> None:
            self.bot_data: dict[str, object] = {}

    with pytest.raises(RuntimeError, match="post_init"):
        state_of(Context())  # type: ignore[arg-type]


async def test_bot_identity(bot: Harness) -> None:
    assert bot.app.bot.id == BOT_ID
