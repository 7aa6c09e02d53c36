"""Webhook mode's HTTP server: each request is judged by its headers before its body is read.

PTB's own webhook server reads a whole body (up to tornado's 100 MB default) before it looks at
the secret, and answers malformed JSON with a 500.  This one refuses a wrong or missing secret
and an oversized body from the headers alone, reads at most `MAX_BODY` bytes, and answers a
body that is not an update with 400.  Updates go to the application's update queue, the way
PTB's documented custom-webhook setups feed it.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram import Update
from telegram.ext import Application
from tornado.httpserver import HTTPServer

logger = logging.getLogger(__name__)

# Telegram's updates are a few kilobytes; a megabyte leaves room for the largest of them.
MAX_BODY = 1 << 20
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    """POST /<path>: one update from Telegram."""

    def initialize(
        self, bot_application: Application[Any, Any, Any, Any, Any, Any], secret: str
    ) -> None:
        self.bot_application = bot_application
        self.secret = secret
        self.body = bytearray()

    def prepare(self) -> None:
        # Runs once the headers are in and before any of the body is read.
        if self.request.method != "POST":
            raise tornado.web.HTTPError(HTTPStatus.METHOD_NOT_ALLOWED)
        given = self.request.headers.get(SECRET_HEADER, "")
        if self.secret and not hmac.compare_digest(given.encode(), self.secret.encode()):
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        length = self.request.headers.get("Content-Length", "")
        if length.isascii() and length.isdigit() and int(length) > MAX_BODY:
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        self.body += chunk
        if len(self.body) > MAX_BODY:  # a chunked body that keeps coming
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    async def post(self) -> None:
        try:
            data = json.loads(bytes(self.body))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            update = Update.de_json(data, self.bot_application.bot)
        except (ValueError, TypeError, KeyError) as exc:
            logger.warning(
                "webhook: refused a body that is not an update (%s)", type(exc).__name__
            )
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST) from exc
        await self.bot_application.update_queue.put(update)
        self.set_status(HTTPStatus.OK)

    def log_exception(self, *args: Any) -> None:
        # Refusals are the server doing its job, not errors worth a traceback.
        return


async def serve(
    application: Application[Any, Any, Any, Any, Any, Any],
    *,
    port: int,
    path: str,
    url: str,
    secret: str,
) -> None:
    """Run the bot behind this server until SIGINT or SIGTERM, with PTB's lifecycle hooks."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    routes = [
        (
            rf"/{path.strip('/')}/?",
            UpdateHandler,
            {"bot_application": application, "secret": secret},
        )
    ]
    server = HTTPServer(tornado.web.Application(routes), max_body_size=MAX_BODY)
    async with application:  # initialize … shutdown
        if application.post_init is not None:
            await application.post_init(application)
        await application.bot.set_webhook(
            url, secret_token=secret or None, allowed_updates=Update.ALL_TYPES
        )
        await application.start()
        server.listen(port, address="0.0.0.0")  # a webhook server must accept Telegram's calls
        logger.info("webhook: listening on port %d for %s", port, url)
        try:
            await stop.wait()
        finally:
            server.stop()
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
    if application.post_shutdown is not None:
        await application.post_shutdown(application)
