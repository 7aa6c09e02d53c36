"""Several replicas on one PostgreSQL database: one broadcasting leader, one knowledge base.

Leader: every replica tries the database's advisory lock every LEADER_EVERY seconds; the one
holding it sends the day's tips (the per-chat jobs of the others stand down), and its sweep
also sends every tip that is due and not yet taken, so a standby that takes over from a dead
leader finishes that day's deliveries.  Each delivery is claimed in the database first, so no
tip is sent twice, whoever sends it.

Knowledge base: a /reload (or upload, or SIGHUP) publishes the new version in the database;
every other replica polls it every KB_POLL_EVERY seconds, loads and validates the same files
from its knowledge folder, and swaps them in only if they give exactly that version.  If not
(invalid here, or other files), it keeps serving its old knowledge base and logs why.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from telegram.ext import ContextTypes, JobQueue

from bot.core import admin
from bot.core.knowledge import KnowledgeError
from bot.tgbot import scheduling
from bot.tgbot.state import BotState, state_of

logger = logging.getLogger(__name__)

LEADER_EVERY = timedelta(seconds=20)  # a standby takes over within a minute of a leader's death
KB_POLL_EVERY = timedelta(seconds=2)
LEADER_JOB = "replicas:leader"
KB_JOB = "replicas:kb"


@dataclass(slots=True)
class ReplicaState:
    """What this replica last knew: whether it led, and the version it last tried to load."""

    leading: bool = False
    tried: str | None = None


async def leader_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Takes (or keeps) the broadcasting lead; the leader sends every tip due and not taken."""
    state = state_of(context)
    replica = context.job.data if context.job is not None else None
    if not isinstance(replica, ReplicaState):
        return
    leading = await asyncio.to_thread(state.store.is_leader)
    if leading != replica.leading:
        logger.info("this replica %s", "now sends the tips" if leading else "no longer leads")
        replica.leading = leading
    if leading:
        done = await scheduling.send_due_tips(
            context.bot,
            state.store,
            state.kb,
            state.zone,
            datetime.now(state.zone),
            state.sending,
            lambda: context.application.running,
        )
        sent = sum(1 for _, outcome in done if outcome == scheduling.Outcome.SENT.value)
        if sent:
            logger.info("leader sweep: %d tip(s) sent", sent)


async def follow_reload(state: BotState, replica: ReplicaState) -> str | None:
    """Load the version another replica published, if it differs; returns what happened."""
    published = await asyncio.to_thread(state.store.kb_version)
    if published is None or published == state.kb.version or published == replica.tried:
        return None
    replica.tried = published  # one attempt (and one log line) per published version
    try:
        new, diff = await asyncio.to_thread(admin.reload, state.answerer, state.knowledge)
    except KnowledgeError as exc:
        logger.warning(
            "replica reload to %s refused (%s); still serving %s",
            published,
            exc.problems[0],
            state.kb.version,
        )
        return "refused"
    if diff.version != published:
        logger.warning(
            "replica reload: the files here give version %s, not the published %s; "
            "still serving %s (is the knowledge folder shared by every replica?)",
            diff.version,
            published,
            state.kb.version,
        )
        return "different"
    state.answerer = new
    state.loaded_at = datetime.now(state.zone)
    logger.info("knowledge base reloaded from another replica: version %s", published)
    return "reloaded"


async def kb_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Follows a reload made on another replica."""
    replica = context.job.data if context.job is not None else None
    if isinstance(replica, ReplicaState):
        await follow_reload(state_of(context), replica)


async def start(job_queue: JobQueue[Any], state: BotState) -> None:
    """Publish this replica's knowledge version and start the leader and reload jobs."""
    await asyncio.to_thread(state.store.publish_kb_version, state.kb.version)
    replica = ReplicaState(tried=state.kb.version)
    job_queue.run_repeating(leader_job, LEADER_EVERY, first=1, name=LEADER_JOB, data=replica)
    job_queue.run_repeating(kb_job, KB_POLL_EVERY, first=KB_POLL_EVERY, name=KB_JOB, data=replica)
