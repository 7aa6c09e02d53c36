"""The terminal chat: the bot's conversation without Telegram.

A bare number picks one of the choices or related questions offered by the previous reply, as
pressing a button would on Telegram.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from bot.core.answering import Answerer, Result, Status
from bot.core.replies import FAREWELL, GREETING

PROMPT = "问> "


def _choices(result: Result) -> tuple[str, ...]:
    if result.status is Status.SUGGESTED:
        return tuple(s.entry for s in result.suggestions)
    return result.related


def chat(answerer: Answerer, input_func: Callable[[str], str], output: TextIO) -> int:
    """Run the chat until end of input or Ctrl-C; returns the exit code (always 0)."""
    output.write(
        GREETING + "\n（输入问题后回车；输入序号选择上一条回复中的问题；↑↓ 翻看本次输入；"
        "Ctrl-D 退出。终端里的提问不会被记录。）\n\n"
    )
    choices: tuple[str, ...] = ()
    traditional = False
    while True:
        try:
            line = input_func(PROMPT)
        except (EOFError, KeyboardInterrupt):
            output.write("\n" + FAREWELL + "\n")
            return 0
        text = line.strip()
        if not text:
            continue
        if text.isdigit() and 1 <= int(text) <= len(choices):
            entry = answerer.entry(choices[int(text) - 1])
            if entry is not None:
                result = answerer.answer_entry(entry, traditional=traditional)
            else:
                result = answerer.ask(text)
        else:
            result = answerer.ask(text)
            traditional = result.traditional
        output.write(result.reply + "\n\n")
        output.flush()
        choices = _choices(result)
