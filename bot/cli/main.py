"""The command line: `python -m bot …` and the `opinion-bot` script.

Everything the bot can answer can be tried here without a Telegram token.  Exit codes: 0 success,
1 a failed check or evaluation (or an unusable knowledge base), 2 a usage error.  Errors go to
stderr as one line.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
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
        f"ok: {len(kb.entries)} entries, {len(kb.tips)} tips, {len(kb.quiz)} quiz questions, "
        f"{sum(map(len, kb.asked.values()))} readers' questions "
        f"(and {len(kb.asked_out_of_scope)} out of scope), "
        f"{len(kb.topics)} topics, every passage, excerpt and quiz answer proved against the "
        f"interview (version {kb.version})"
    )
    return EXIT_OK


DATA_DIR = Path(__file__).resolve().parent.parent.parent / "tests" / "data"
# What `eval` with no file reports: the project's own sets, then the blind sets written from
# the interview alone (tuned on the dev set only; the test set is run, never tuned on).
DEFAULT_EVAL_FILES = (
    "questions.yaml",
    "heldout.yaml",
    "blind_dev.yaml",
    "blind_dev2.yaml",
    "blind_dev3.yaml",
    "blind_dev4.yaml",
    "blind_dev5.yaml",
    "blind_dev6.yaml",
    "blind_dev7.yaml",
    "blind_dev8.yaml",
    "blind_dev9.yaml",
    "blind_dev11.yaml",
    "blind_dev12.yaml",
    "blind_dev13.yaml",
    "blind_dev14.yaml",
    "blind_dev15.yaml",
    "blind_dev16.yaml",
    "blind_dev19.yaml",
    "blind_dev20.yaml",
    "blind_dev21.yaml",
    "blind_dev22.yaml",
    "blind_dev23.yaml",
    "blind_dev24.yaml",
    "blind_dev25.yaml",
    "blind_dev26.yaml",
    "blind_dev27.yaml",
    "blind_dev28.yaml",
    "blind_dev29.yaml",
    "blind_dev30.yaml",
    "blind_dev31.yaml",
    "blind_dev32.yaml",
    "blind_dev33.yaml",
    "blind_dev34.yaml",
    "blind_dev35.yaml",
    "blind_dev36.yaml",
    "blind_dev37.yaml",
    "blind_dev38.yaml",
    "blind_dev39.yaml",
    "blind_dev40.yaml",
    "blind_dev41.yaml",
    "blind_dev42.yaml",
    "blind_dev43.yaml",
    "blind_dev44.yaml",
    "blind_dev45.yaml",
    "blind_dev46.yaml",
    "blind_dev47.yaml",
    "blind_dev48.yaml",
    "blind_dev49.yaml",
    "blind_dev50.yaml",
    "blind_dev51.yaml",
    "blind_dev52.yaml",
    "blind_dev53.yaml",
    "blind_dev54.yaml",
    "blind_dev55.yaml",
    "blind_dev56.yaml",
    "blind_dev57.yaml",
    "blind_dev58.yaml",
    "blind_dev59.yaml",
    "blind_dev60.yaml",
    "blind_dev61.yaml",
    "blind_dev62.yaml",
    "blind_dev63.yaml",
    "blind_dev64.yaml",
    "blind_dev65.yaml",
    "blind_dev66.yaml",
    "blind_dev67.yaml",
    "blind_dev68.yaml",
    "blind_dev69.yaml",
    "blind_dev70.yaml",
    "blind_dev71.yaml",
    "blind_dev72.yaml",
    "blind_dev73.yaml",
    "blind_dev74.yaml",
    "blind_dev75.yaml",
    "blind_dev76.yaml",
    "blind_dev77.yaml",
    "blind_dev78.yaml",
    "blind_dev79.yaml",
    "blind_dev80.yaml",
    "blind_dev81.yaml",
    "blind_dev82.yaml",
    "blind_dev83.yaml",
    "blind_dev84.yaml",
    "blind_dev85.yaml",
    "blind_dev86.yaml",
    "blind_dev87.yaml",
    "blind_dev88.yaml",
    "blind_dev89.yaml",
    "blind_dev90.yaml",
    "blind_dev91.yaml",
    "blind_dev92.yaml",
    "blind_dev93.yaml",
    "blind_dev94.yaml",
    "blind_dev95.yaml",
    "blind_dev96.yaml",
    "blind_dev97.yaml",
    "blind_dev98.yaml",
    "blind_dev99.yaml",
    "blind_dev100.yaml",
    "blind_dev101.yaml",
    "blind_dev102.yaml",
    "blind_dev103.yaml",
    "blind_dev104.yaml",
    "blind_dev105.yaml",
    "blind_dev106.yaml",
    "blind_dev107.yaml",
    "blind_dev108.yaml",
    "blind_dev109.yaml",
    "blind_dev110.yaml",
    "blind_dev111.yaml",
    "blind_dev112.yaml",
    "blind_dev113.yaml",
    "blind_dev114.yaml",
    "blind_dev115.yaml",
    "blind_dev116.yaml",
    "blind_dev117.yaml",
    "blind_dev118.yaml",
    "blind_dev119.yaml",
    "blind_dev120.yaml",
    "blind_dev121.yaml",
    "blind_dev122.yaml",
    "blind_dev123.yaml",
    "blind_dev124.yaml",
    "blind_dev125.yaml",
    "blind_dev126.yaml",
    "blind_dev127.yaml",
    "blind_dev128.yaml",
    "blind_dev129.yaml",
    "blind_dev130.yaml",
    "blind_dev131.yaml",
    "blind_dev132.yaml",
    "blind_dev133.yaml",
    "blind_dev134.yaml",
    "blind_dev135.yaml",
    "blind_dev136.yaml",
    "blind_dev137.yaml",
    "blind_dev138.yaml",
    "blind_dev139.yaml",
    "blind_dev140.yaml",
    "blind_dev141.yaml",
    "blind_dev142.yaml",
    "blind_dev17.yaml",
    "blind_dev18.yaml",
    "blind_test.yaml",
    "blind_test2.yaml",
)


def cmd_eval(args: argparse.Namespace) -> int:
    """Measure answering on labelled question files and leave-one-phrasing-out."""
    from bot.core.evaluation import EvalFileError, Report, evaluate, leave_one_out, read_questions

    answerer = _answerer(args.kb)
    if args.file:
        files = [Path(args.file)]
    else:
        files = [DATA_DIR / name for name in DEFAULT_EVAL_FILES if (DATA_DIR / name).exists()]
    reports: list[tuple[str, Report]] = []
    for path in files:
        try:
            questions = read_questions(path, set(answerer.kb.by_id))
        except EvalFileError as exc:
            return _fail(str(exc))
        reports.append((path.name, evaluate(answerer, questions)))
    if not args.file or args.leave_one_out:
        reports.append(("leave-one-phrasing-out", leave_one_out(answerer.kb, answerer.tuning)))
    failed: list[str] = []
    for name, report in reports:
        if len(reports) > 1:
            print(f"== {name}")
        if not args.quiet and report.misses:
            print("misses:")
            for miss in report.misses:
                print(f"  {miss}")
            print()
        print(report.summary())
        if len(reports) > 1:
            print()
        low_declined = report.out_of_scope and report.declined_rate < args.min_declined
        if report.correct_rate < args.min_correct or low_declined:
            declined = (
                f", declined {report.declined_rate:.1%} (target {args.min_declined:.0%})"
                if report.out_of_scope
                else ""
            )
            failed.append(
                f"{name}: answered correctly {report.correct_rate:.1%} "
                f"(target {args.min_correct:.0%}){declined}"
            )
    if failed:
        return _fail("below target: " + "; ".join(failed))
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the speed and memory benchmark."""
    from bot.cli.bench import run_benchmark

    return run_benchmark(quick=args.quick, as_json=args.json, part=args.part)


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive terminal chat."""
    from bot.cli.terminal import chat

    if sys.stdin.isatty():
        # Line editing and history (arrow keys) for input(); the history stays in memory only,
        # never in a file: terminal questions are not logged anywhere.
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401
    return chat(_answerer(args.kb), input_func=input, output=sys.stdout)


def cmd_quiz(args: argparse.Namespace) -> int:
    """Play the day's quiz round in the terminal."""
    from datetime import date

    from bot.cli.quizplay import play

    kb = load_knowledge(args.kb or os.environ.get("OPINION_KB") or None)
    day = date.fromisoformat(args.day) if args.day else date.today()
    return play(kb, day, input_func=input, output=sys.stdout)


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

    from bot.storage import Storage, Store, StoreError, Subscription, open_store
    from bot.tgbot.scheduling import send_due_tips
    from bot.tgbot.settings import SettingsError, load_settings

    try:
        settings = load_settings(require_token=not args.dry_run)
    except SettingsError as exc:
        return _fail(str(exc), EXIT_USAGE)
    kb = load_knowledge(settings.knowledge)
    try:
        # A dry run changes nothing: it neither creates nor migrates a SQLite database.
        if args.dry_run and not settings.database_url:
            if not settings.database.exists():
                print(f"no database at {settings.database}: would send 0 tip(s)", file=sys.stderr)
                return EXIT_OK
            store: Storage = Store.open_readonly(settings.database)
        else:
            store = open_store(settings.store_target)
    except StoreError as exc:
        return _fail(str(exc))

    async def run() -> list[tuple[Subscription, str]]:
        now = datetime.now(settings.timezone)
        if args.dry_run:
            return list(await send_due_tips(None, store, kb, settings.timezone, now))
        from telegram.ext import ExtBot
        from telegram.request import HTTPXRequest

        from bot.tgbot.scheduling import rate_limiter

        bot = ExtBot(
            settings.token,
            base_url=settings.base_url or "https://api.telegram.org/bot",
            rate_limiter=rate_limiter(),
            request=HTTPXRequest(proxy=settings.proxy),  # TELEGRAM_PROXY, as `run` uses it
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
    from bot.storage import StoreError, open_store
    from bot.tgbot.settings import SettingsError, load_settings

    try:
        settings = load_settings(require_token=False)
    except SettingsError as exc:
        return _fail(str(exc), EXIT_USAGE)
    answerer = _answerer(args.kb or (str(settings.knowledge) if settings.knowledge else None))
    try:
        store = open_store(settings.store_target)
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


def cmd_health(args: argparse.Namespace) -> int:
    """Exit 0 if the bot could answer now: settings valid, knowledge base loads, database opens."""
    from bot.storage import StoreError, open_store
    from bot.tgbot.settings import SettingsError, load_settings

    try:
        settings = load_settings()
        answerer = Answerer(load_knowledge(settings.knowledge))
        store = open_store(settings.store_target)
    except (SettingsError, StoreError) as exc:
        return _fail(f"unhealthy: {exc}")
    except KnowledgeError as exc:
        return _fail(f"unhealthy: the knowledge base is invalid: {exc.problems[0]}")
    try:
        store.question_stats(datetime.now(UTC))
    except (StoreError, sqlite3.Error) as exc:
        return _fail(f"unhealthy: the database cannot be read: {exc}")
    finally:
        store.close()
    first = answerer.kb.entries[0]
    if answerer.ask(first.question).entry != first.id:
        return _fail("unhealthy: the knowledge base answers nothing")
    print(f"healthy: knowledge base {answerer.kb.version}, database {settings.database_display}")
    return EXIT_OK


SQLITE_ONLY = (
    "{command} works on a SQLite database only; OPINION_DB is a PostgreSQL URL: use "
    "PostgreSQL's own tools (pg_dump / pg_restore), as for any other database on that server"
)


def cmd_backup(args: argparse.Namespace) -> int:
    """A consistent copy of the database, safe while the bot runs."""
    from bot.storage import StoreError
    from bot.storage.backup import backup
    from bot.tgbot.settings import SettingsError, load_settings

    try:
        settings = load_settings(require_token=False)
        if settings.database_url:
            return _fail(SQLITE_ONLY.format(command="backup"), EXIT_USAGE)
        version = backup(settings.database, Path(args.file))
    except SettingsError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except StoreError as exc:
        return _fail(str(exc))
    print(f"backed up {settings.database} to {args.file} (schema {version})")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Put a backup in place of the database; refused while the bot runs."""
    from bot.storage import StoreError
    from bot.storage.backup import restore
    from bot.tgbot.settings import SettingsError, load_settings

    try:
        settings = load_settings(require_token=False)
        if settings.database_url:
            return _fail(SQLITE_ONLY.format(command="restore"), EXIT_USAGE)
        kept = restore(Path(args.file), settings.database)
    except SettingsError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except StoreError as exc:
        return _fail(str(exc))
    note = f"; the replaced database is kept as {kept}" if kept else ""
    print(f"restored {args.file} to {settings.database}{note}")
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
    quiz = command("quiz", cmd_quiz, "play the day's quiz round in the terminal")
    quiz.add_argument("--day", metavar="YYYY-MM-DD", help="the round of another day")
    kb_option(quiz)
    ask = command("ask", cmd_ask, "answer a question ('-' reads one question per line)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("question", nargs="+", help="the question, or - for standard input")
    kb_option(ask)
    check = command("check", cmd_check, "validate the knowledge base and list every problem")
    check.add_argument("path", nargs="?", help="opinion.yaml or its folder (default: bundled)")
    evaluate = command("eval", cmd_eval, "measure answering on labelled questions")
    evaluate.add_argument(
        "file",
        nargs="?",
        help="YAML with in_scope and out_of_scope questions (default: every set in tests/data, "
        "then leave-one-phrasing-out)",
    )
    evaluate.add_argument(
        "--leave-one-out", action="store_true", help="with FILE: also leave-one-phrasing-out"
    )
    evaluate.add_argument("--min-correct", type=float, default=0.95, metavar="RATE")
    evaluate.add_argument("--min-declined", type=float, default=0.95, metavar="RATE")
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
    backup = command("backup", cmd_backup, "copy the database to FILE (safe while the bot runs)")
    backup.add_argument("file", metavar="FILE")
    restore = command("restore", cmd_restore, "replace the database with FILE (bot stopped)")
    restore.add_argument("file", metavar="FILE")
    command("health", cmd_health, "exit 0 if the bot could answer (the image's HEALTHCHECK)")
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
