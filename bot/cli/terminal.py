"""The terminal chat: the bot's conversation without Telegram.

A bare number picks one of the choices or related questions offered by the previous reply, as
pressing a button would on Telegram.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from bot.core.answering import Answerer
from bot.core.replies import FAREWELL, GREETING

PROMPT = "问> "


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
        picked = answerer.pick(text, choices, traditional)
        if picked is not None:
            result = picked
        else:
            result = answerer.ask(text)
            traditional = result.traditional
        output.write(result.reply + "\n\n")
        output.flush()
        # A number that picked nothing keeps the previous choices open.
        choices = result.offered
