"""The command line: `python -m bot …` and the `opinion-bot` script.

Everything the bot can answer can be tried here without a Telegram token.  Exit codes: 0 success,
1 a failed check or evaluation (or an unusable knowledge base), 2 a usage error.  Errors go to
stderr as one line.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from bot.core.answering import Answerer, Result
from bot.core.knowledge import KnowledgeError, load_knowledge

PROG = "opinion-bot"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def _answerer(kb_path: str | None) -> Answerer:
    return Answerer(load_knowledge(kb_path or os.environ.get("OPINION_KB") or None))


# --------------------------------------------------------------------------- commands


def _print_result(result: Result, as_json: bool, out: TextIO) -> None:
    if as_json:
        out.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
    else:
        out.write(result.reply + "\n")


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question, or one per line of stdin with `-`."""
    answerer = _answerer(args.kb)
    question = " ".join(args.question)
    if question == "-":
        lines: Iterable[str] = (line.rstrip("\n") for line in sys.stdin)
        for line in lines:
            _print_result(answerer.ask(line), args.json, sys.stdout)
            if not args.json:
                sys.stdout.write("\n")
        sys.stdout.flush()
        return EXIT_OK
    _print_result(answerer.ask(question), args.json, sys.stdout)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the knowledge base, printing every problem."""
    path = args.path or os.environ.get("OPINION_KB") or None
    try:
        kb = load_knowledge(path)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return _fail(f"{len(exc.problems)} problem(s) found")
    print(
        f"ok: {len(kb.entries)} entries, {len(kb.tips)} tips, {len(kb.topics)} topics, "
        f"every passage and excerpt found in the interview (version {kb.version})"
    )
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    """Measure answering on a labelled question file."""
    from bot.core.evaluation import EvalFileError, evaluate, read_questions

    answerer = _answerer(args.kb)
    try:
        questions = read_questions(Path(args.file), set(answerer.kb.by_id))
    except EvalFileError as exc:
        return _fail(str(exc))
    report = evaluate(answerer, questions)
    if not args.quiet and report.misses:
        print("misses:")
        for miss in report.misses:
            print(f"  {miss}")
        print()
    print(report.summary())
    if report.correct_rate < args.min_correct or report.declined_rate < args.min_declined:
        return _fail(
            f"below target: answered correctly {report.correct_rate:.1%} "
            f"(target {args.min_correct:.0%}), declined {report.declined_rate:.1%} "
            f"(target {args.min_declined:.0%})"
        )
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the speed and memory benchmark."""
    from bot.cli.bench import run_benchmark

    return run_benchmark(quick=args.quick, as_json=args.json, part=args.part)


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive terminal chat."""
    from bot.cli.terminal import chat

    return chat(_answerer(args.kb), input_func=input, output=sys.stdout)


def cmd_run(args: argparse.Namespace) -> int:
    """Run the Telegram bot (polling, or a webhook server with WEBHOOK_URL)."""
    if hasattr(signal, "SIGHUP"):
        # SIGHUP means "reload" once the bot runs (post_init installs that); until then its
        # default action would kill the process, so it is ignored during start-up.
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    if args.kb:
        os.environ["OPINION_KB"] = args.kb
    from bot.tgbot.app import run_from_environment

    return run_from_environment()


def cmd_send_tips(args: argparse.Namespace) -> int:
    """Send the tips due now once, then exit (for cron and other external schedulers)."""
    import asyncio
    from datetime import datetime

    from bot.storage import Store, StoreError, Subscription
    from bot.tgbot.scheduling import send_due_tips
    from bot.tgbot.settings import SettingsError, load_settings

    try:
        settings = load_settings(require_token=not args.dry_run)
    except SettingsError as exc:
        return _fail(str(exc), EXIT_USAGE)
    kb = load_knowledge(settings.knowledge)
    try:
        # A dry run changes nothing: it neither creates nor migrates the database.
        if args.dry_run:
            if not settings.database.exists():
                print(f"no database at {settings.database}: would send 0 tip(s)", file=sys.stderr)
                return EXIT_OK
            store = Store.open_readonly(settings.database)
        else:
            store = Store.open(settings.database)
    except StoreError as exc:
        return _fail(str(exc))

    async def run() -> list[tuple[Subscription, str]]:
        now = datetime.now(settings.timezone)
        if args.dry_run:
            return list(await send_due_tips(None, store, kb, settings.timezone, now))
        from telegram.ext import ExtBot

        from bot.tgbot.scheduling import rate_limiter

        bot = ExtBot(
            settings.token,
            base_url=settings.base_url or "https://api.telegram.org/bot",
            rate_limiter=rate_limiter(),
        )
        async with bot:
            return list(await send_due_tips(bot, store, kb, settings.timezone, now))

    try:
        done = asyncio.run(run())
    except Exception as exc:
        from bot.tgbot.app import redact

        return _fail(f"sending failed: {redact(repr(exc), settings.token)}")
    finally:
        store.close()
    for subscription, what in done:
        at = subscription.at.strftime("%H:%M")
        print(f"{subscription.chat_id}\t{subscription.chat_type}\t{at}\t{what}")
    verb = "would send" if args.dry_run else "processed"
    print(f"{verb} {len(done)} tip(s)", file=sys.stderr)
    return EXIT_OK


def cmd_export_unanswered(args: argparse.Namespace) -> int:
    """Write the unanswered questions as YAML stubs for the knowledge base."""
    from bot.core.admin import unanswered_stubs
    from bot.storage import Store, StoreError
    from bot.tgbot.settings import SettingsError, load_settings

    try:
        settings = load_settings(require_token=False)
    except SettingsError as exc:
        return _fail(str(exc), EXIT_USAGE)
    answerer = _answerer(args.kb or (str(settings.knowledge) if settings.knowledge else None))
    try:
        store = Store.open(settings.database)
    except StoreError as exc:
        return _fail(str(exc))
    try:
        rows = store.unanswered(args.limit, days=args.days)
    finally:
        store.close()
    text = unanswered_stubs(rows, answerer, args.days)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {len(rows)} question(s) to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_default(args: argparse.Namespace) -> int:
    """No command: Telegram when a token is set, the terminal chat otherwise."""
    if os.environ.get("TELEGRAM_BOT_TOKEN", "").strip():
        return cmd_run(args)
    return cmd_chat(args)


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = _Parser(
        prog=PROG,
        description="意见问答助手: answers questions about the Opinion from its interview.",
    )
    parser.set_defaults(func=cmd_default, kb=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    def command(
        name: str, func: Callable[[argparse.Namespace], int], help_: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_, description=help_)
        sub.set_defaults(func=func)
        return sub

    def kb_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--kb", metavar="PATH", help="knowledge base (opinion.yaml or folder)")

    chat = command("chat", cmd_chat, "interactive terminal chat (the default without a token)")
    kb_option(chat)
    ask = command("ask", cmd_ask, "answer a question ('-' reads one question per line)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("question", nargs="+", help="the question, or - for standard input")
    kb_option(ask)
    check = command("check", cmd_check, "validate the knowledge base and list every problem")
    check.add_argument("path", nargs="?", help="opinion.yaml or its folder (default: bundled)")
    evaluate = command("eval", cmd_eval, "measure answering on a labelled question file")
    evaluate.add_argument("file", help="YAML with in_scope and out_of_scope questions")
    evaluate.add_argument("--min-correct", type=float, default=0.95, metavar="RATE")
    evaluate.add_argument("--min-declined", type=float, default=0.90, metavar="RATE")
    evaluate.add_argument("--quiet", action="store_true", help="figures only, no misses")
    kb_option(evaluate)
    run = command("run", cmd_run, "run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    kb_option(run)
    send = command("send-tips", cmd_send_tips, "send the daily tips due now, then exit")
    send.add_argument("--dry-run", action="store_true", help="list who would get what")
    export = command(
        "export-unanswered", cmd_export_unanswered, "write unanswered questions as YAML stubs"
    )
    export.add_argument("--limit", type=int, default=50, help="at most this many (50)")
    export.add_argument("--days", type=int, default=30, help="from the last N days (30)")
    export.add_argument("--output", "-o", metavar="FILE", help="write here, not to stdout")
    kb_option(export)
    bench = command("bench", cmd_bench, "measure load time, latency and memory")
    bench.add_argument("--quick", action="store_true", help="fewer repetitions")
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")
    bench.add_argument(
        "--part", choices=["all", "synthetic"], default="all", help=argparse.SUPPRESS
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m bot` and `opinion-bot`."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except KnowledgeError as exc:
        return _fail(
            f"the knowledge base is invalid ({len(exc.problems)} problem(s); first: "
            f"{exc.problems[0]}); run `python -m bot check` for all of them"
        )
    except BrokenPipeError:
        # `ask - | head`: the reader went away; nothing left to say.
        sys.stderr.close()
        return EXIT_OK
    return code
