"""Who in the asker's story set them the question (处长让我查查, 我们业务处长说).

Readers often say who sent them: 处长让我在周一例会上讲讲第一个融合，想问下理念融合具体强调了
什么要求.  The office holder there asks nothing about themselves, while 处长 asked of (处长是谁,
处长的待遇) is a question the interview never answers.  Only the office is set aside, never the
errand: 处长让我查党费标准 still asks about 党费.
"""

from __future__ import annotations

import re

# An office holder who tells, asks or sends the asker: 处长让我, 主任问, 部长说, 领导交代.
_SENDER_RE = re.compile(
    "(?:处长|副处长|科长|主任|部长|厅长|局长|社长|总编)"
    "(?=让|叫|要我|要俺|问|说|讲|布置|安排|交代|吩咐|要求我|批示)"
)


def without_senders(text: str) -> str:
    """The text without the office holders who only send the asker (处长让我查查 → 让我查查)."""
    return _SENDER_RE.sub("", text)
