"""Loading and validating the knowledge base: YAML in, typed immutable objects out.

Validation collects every problem it finds (not just the first) so an admin can fix a file in
one pass.  Above all it proves that every passage and tip excerpt occurs word for word in the
restored interview: nothing the bot presents as the Opinion's content may go beyond the source.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from bot.core.quiz import QuizItem, parse_quiz
from bot.core.textnorm import INTEGRATION_BY_NUMBER_RE, clean, fold_for_comparison, normalize

MAX_FILE_BYTES = 2 * 1024 * 1024
MIN_ALTERNATES = 5
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]{0,39}$")

ENTRY_REQUIRED = ("id", "topic", "question", "alternates", "passage")
ENTRY_OPTIONAL = ("summary", "related", "anchors", "not_for")
TIP_REQUIRED = ("id", "entry", "excerpt")
TIP_OPTIONAL = ("summary", "heading")
SOURCE_REQUIRED = ("title", "issuer", "publication", "published", "page", "interview_date")
SOURCE_OPTIONAL = ("headline",)
CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a knowledge-base file."""

    file: str
    message: str
    entry: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}: entry '{self.entry}'" if self.entry else self.file
        return f"{where}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base could not be loaded; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, slots=True)
class Source:
    """Bibliographic facts about the Opinion and the interview."""

    title: str
    issuer: str
    publication: str
    published: str
    page: str
    interview_date: str
    headline: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the interview: the lead, or one question with its answer."""

    number: int  # 0 for the lead, 1..5 for the questions
    question: str | None

    @property
    def label(self) -> str:
        if self.question is None:
            return "导语"
        return f"问{CHINESE_NUMERALS[self.number - 1]}：{self.question}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One question the bot can answer, with the verbatim passage that answers it."""

    id: str
    topic: str
    question: str
    alternates: tuple[str, ...]
    passage: str
    section: Section
    summary: str | None = None
    related: tuple[str, ...] = ()
    # Words one of which a question must hold to be answered from this entry: its frame alone
    # (只有X才算Y，对吗; 干X能锻炼干部吗) fits questions about anything.
    anchors: tuple[str, ...] = ()
    # Words of a question (normalised) that this entry never answers, however near its words
    # come: the definition of the problem is no remedy (两张皮咋整 asks 怎么办).
    not_for: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tip:
    """A daily study tip: a verbatim excerpt tied to the entry a reader can ask about next."""

    id: str
    entry: str
    excerpt: str
    summary: str | None = None
    heading: str | None = None  # a few plain words; the entry's question when absent
    section: Section | None = None  # where the excerpt stands in the interview


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Everything the bot knows, validated and immutable."""

    source: Source
    entries: tuple[Entry, ...]
    tips: tuple[Tip, ...]
    interview: str
    version: str
    by_id: Mapping[str, Entry] = field(default_factory=dict)
    topics: tuple[str, ...] = ()
    not_covered: tuple[str, ...] = ()  # normalised terms the interview does not answer
    # Of those, the words of everyday life (乐队, 减肥): never read from pinyin, where they are
    # also the interview's words run together (le dui of 搞好了对, tiao shi of 第四条是).
    everyday: frozenset[str] = frozenset()
    # Normalised terms the interview names without explaining (中国式现代化): a question that is
    # only such a term and asking words ("中国式现代化是什么") is not answered by naming it.
    not_explained: frozenset[str] = frozenset()
    quiz: tuple[QuizItem, ...] = ()  # empty when there is no quiz.yaml
    # Entry id -> questions readers asked in their own words (asked.yaml): more ways of asking
    # the entry, matched like its alternates, never shown.  Empty when there is no asked.yaml.
    asked: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Questions readers asked that the interview does not answer (asked.yaml's out_of_scope):
    # a question nearer to one of these than to any entry is declined.
    asked_out_of_scope: tuple[str, ...] = ()
    # (earlier, later) entry ids whose passages meet in the interview, with what stands between
    # them ("" or a line break): a question torn between the two is answered with both.
    neighbours: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def joined_passage(self, first: Entry, second: Entry) -> tuple[Entry, Entry, str] | None:
        """The two entries in the interview's order and their passages quoted as one, when one
        passage begins just where the other ends; None otherwise."""
        for earlier, later in ((first, second), (second, first)):
            between = self.neighbours.get((earlier.id, later.id))
            if between is not None:
                return earlier, later, earlier.passage.rstrip() + between + later.passage.lstrip()
        return None

    @property
    def plainly_not_covered(self) -> tuple[str, ...]:
        """The not_covered terms that are no everyday words: those read from pinyin too, and
        the subjects a few browsing words may name (inline mode)."""
        return tuple(term for term in self.not_covered if term not in self.everyday)

    @property
    def quiz_by_id(self) -> Mapping[str, QuizItem]:
        return {item.id: item for item in self.quiz}


@dataclass(frozen=True, slots=True)
class KnowledgePaths:
    """Where the files of a knowledge base live (quiz.yaml and asked.yaml are optional)."""

    entries: Path
    tips: Path
    interview: Path
    quiz: Path | None = None
    asked: Path | None = None

    @classmethod
    def resolve(cls, path: Path | str | None = None) -> KnowledgePaths:
        """From a directory, an opinion.yaml path, or None (the bundled `knowledge/`)."""
        base = Path(path) if path is not None else default_knowledge_dir()
        entries = base / "opinion.yaml" if base.is_dir() else base
        folder = entries.parent
        return cls(
            entries,
            folder / "tips.yaml",
            folder / "source" / "interview.txt",
            folder / "quiz.yaml",
            folder / "asked.yaml",
        )


def default_knowledge_dir() -> Path:
    """`knowledge/` beside the package (a source checkout or the Docker image)."""
    return Path(__file__).resolve().parent.parent.parent / "knowledge"


# --------------------------------------------------------------------------- reading files


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        problems.append(Problem(name, f"cannot read the file ({exc.strerror or exc})"))
        return None
    if size > MAX_FILE_BYTES:
        problems.append(
            Problem(name, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} (not parsed)")
        )
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, f"cannot read the file ({exc.strerror or exc})"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, f"not UTF-8 text (bad byte at offset {exc.start})"))
        return None
    if not text.strip():
        problems.append(Problem(name, "file is empty"))
        return None
    return text


def _parse_yaml(path: Path, text: str | None, problems: list[Problem]) -> Any:
    if text is None:
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        # Aliases are refused before anything is built: a few hundred bytes of nested aliases
        # ("billion laughs") expand to gigabytes, and knowledge files never need them.
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
                problems.append(Problem(str(path), f"YAML aliases (*name) are not allowed{where}"))
                return None
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(Problem(str(path), f"YAML syntax error{where}: {reason}"))
        return None


# --------------------------------------------------------------------------- the interview


@dataclass(frozen=True, slots=True)
class _Interview:
    text: str
    folded: str  # the interview's paragraphs: what tips, quiz answers and most passages quote
    whole: str  # with the web page's own lines: what an entry about the publication may quote
    # (folded offset where the section starts, section), in order
    sections: tuple[tuple[int, Section], ...]
    paragraphs: frozenset[int] = frozenset()  # folded offsets where a paragraph starts

    def section_at(self, offset: int) -> Section:
        found = self.sections[0][1]
        for start, section in self.sections:
            if start <= offset:
                found = section
        return found

    def locate(self, passage: str, *, page_lines: bool = False) -> Section | None:
        folded = fold_for_comparison(passage)
        offset = self.folded.find(folded)
        if offset < 0 and page_lines and folded in self.whole:
            return self.sections[0][1]  # the page lines stand above the headline's section
        return None if offset < 0 else self.section_at(offset)


# The web page's own lines above the lead (时间：… / 来源：…) are not part of the interview, but
# they are in the source: the entry about the publication may quote them (readers ask when the
# page was posted); tips, quiz answers and /source leave them out.
_PAGE_LINE = re.compile(r"^(时间|来源)：")


def _source_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def interview_paragraphs(text: str) -> list[str]:
    """The interview's paragraphs: headline, lead, questions and answers, no page lines."""
    return [p for p in _source_paragraphs(text) if not _PAGE_LINE.match(p)]


def _parse_interview(text: str) -> _Interview:
    sections: list[tuple[int, Section]] = [(0, Section(0, None))]
    folded_parts: list[str] = []
    whole_parts: list[str] = []
    starts: set[int] = set()
    length = 0
    for paragraph in _source_paragraphs(text):
        folded = fold_for_comparison(paragraph)
        whole_parts.append(folded)
        if _PAGE_LINE.match(paragraph):
            continue
        if folded.startswith("问："):
            question = paragraph.removeprefix("问：").strip()
            sections.append((length, Section(len(sections), question)))
        folded_parts.append(folded)
        starts.add(length)
        length += len(folded)
    return _Interview(
        text, "".join(folded_parts), "".join(whole_parts), tuple(sections), frozenset(starts)
    )


def _neighbours(entries: Sequence[Entry], interview: _Interview) -> dict[tuple[str, str], str]:
    """(earlier, later) -> what stands between them, for every two passages of one section where
    one ends just where the other begins: "" within a paragraph, a line break between two.

    Quoted one after the other they are one verbatim stretch of the interview."""
    ends: dict[str, int] = {}
    starting: dict[int, list[Entry]] = {}  # by where they begin: one pass, however many entries
    for entry in entries:
        folded = fold_for_comparison(entry.passage)
        start = interview.folded.find(folded)
        if start >= 0:
            ends[entry.id] = start + len(folded)
            starting.setdefault(start, []).append(entry)
    sections = {entry.id: entry.section for entry in entries}
    return {
        (first, second.id): "\n" if end in interview.paragraphs else ""
        for first, end in ends.items()
        for second in starting.get(end, ())
        if sections[first] == second.section
    }


# --------------------------------------------------------------------------- validation


def _check_fields(
    item: Any,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    file: str,
    label: str | None,
    problems: list[Problem],
) -> dict[str, Any] | None:
    if not isinstance(item, dict):
        problems.append(Problem(file, f"expected a mapping, got {type(item).__name__}", label))
        return None
    for key in required:
        if key not in item:
            problems.append(Problem(file, f"missing required field '{key}'", label))
    for key in item:
        if key not in required and key not in optional:
            problems.append(Problem(file, f"unknown field '{key}'", label))
    return item


def _text_field(
    item: dict[str, Any], key: str, file: str, label: str | None, problems: list[Problem]
) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        problems.append(Problem(file, f"field '{key}' must be text", label))
        return None
    text = str(value).strip()
    if not text:
        problems.append(Problem(file, f"field '{key}' is empty", label))
        return None
    return text


def _text_list(
    item: dict[str, Any], key: str, file: str, label: str | None, problems: list[Problem]
) -> list[str]:
    value = item.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(Problem(file, f"field '{key}' must be a list", label))
        return []
    texts: list[str] = []
    for position, element in enumerate(value, 1):
        if not isinstance(element, str | int | float) or isinstance(element, bool):
            problems.append(Problem(file, f"{key} #{position} must be text", label))
        elif not str(element).strip():
            problems.append(Problem(file, f"{key} #{position} is empty", label))
        else:
            texts.append(str(element).strip())
    return texts


def _parse_source(
    raw: Any, file: str, interview: _Interview | None, problems: list[Problem]
) -> Source | None:
    item = _check_fields(raw, SOURCE_REQUIRED, SOURCE_OPTIONAL, file, None, problems)
    if item is None:
        return None
    values = {key: _text_field(item, key, f"{file}: source", None, problems) for key in item}
    title, issuer, publication, published, page, interview_date = (
        values.get(key) for key in SOURCE_REQUIRED
    )
    if not (title and issuer and publication and published and page and interview_date):
        return None
    source = Source(
        title, issuer, publication, published, page, interview_date, values.get("headline")
    )
    if interview is not None:
        for key in ("title", "issuer", "headline"):
            value = values.get(key)
            if value and fold_for_comparison(value) not in interview.folded:
                problems.append(Problem(file, f"source {key} does not occur in the interview"))
    return source


def holds_anchor(anchors: tuple[str, ...] | list[str], *texts: str) -> bool:
    """True when one of the texts (a question as cleaned, as matched …) holds an anchor."""
    return any(anchor in text for anchor in anchors for text in texts)


def _parse_entries(
    raw: Any, file: str, interview: _Interview | None, problems: list[Problem]
) -> list[Entry]:
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(file, "'entries' must be a non-empty list"))
        return []
    entries: list[Entry] = []
    seen_ids: set[str] = set()
    phrasing_owner: dict[str, str] = {}
    for position, element in enumerate(raw, 1):
        raw_id = element.get("id") if isinstance(element, dict) else None
        label = str(raw_id) if raw_id is not None else f"#{position}"
        item = _check_fields(element, ENTRY_REQUIRED, ENTRY_OPTIONAL, file, label, problems)
        if item is None:
            continue
        entry_id = _text_field(item, "id", file, label, problems)
        if entry_id is not None and not ID_RE.match(entry_id):
            problems.append(
                Problem(
                    file,
                    "id must be 1-40 of a-z, 0-9 and _, starting with a letter or digit",
                    label,
                )
            )
        if entry_id is not None:
            if entry_id in seen_ids:
                problems.append(Problem(file, "duplicate id", label))
            seen_ids.add(entry_id)
        topic = _text_field(item, "topic", file, label, problems)
        question = _text_field(item, "question", file, label, problems)
        passage = _text_field(item, "passage", file, label, problems)
        summary = _text_field(item, "summary", file, label, problems)
        alternates = _text_list(item, "alternates", file, label, problems)
        related = _text_list(item, "related", file, label, problems)
        anchors = _text_list(item, "anchors", file, label, problems)
        if "anchors" in item and not anchors:
            problems.append(
                Problem(file, "anchors, when given, must list at least one word", label)
            )
        not_for = _text_list(item, "not_for", file, label, problems)
        if "not_for" in item and not not_for:
            problems.append(
                Problem(file, "not_for, when given, must list at least one word", label)
            )
        for phrasing in ([question] if question else []) + alternates:
            if anchors and not holds_anchor(anchors, clean(phrasing), normalize(phrasing)):
                problems.append(
                    Problem(file, f"phrasing '{phrasing}' holds none of the anchors", label)
                )
            if not_for and holds_anchor(not_for, normalize(phrasing)):
                problems.append(
                    Problem(file, f"phrasing '{phrasing}' holds a word of not_for", label)
                )
        if "alternates" in item and len(alternates) < MIN_ALTERNATES:
            problems.append(
                Problem(
                    file,
                    f"needs at least {MIN_ALTERNATES} alternates, has {len(alternates)}",
                    label,
                )
            )
        for phrasing in ([question] if question else []) + alternates:
            key = normalize(phrasing)
            owner = phrasing_owner.setdefault(key, label)
            if owner != label:
                problems.append(
                    Problem(file, f"alternate '{phrasing}' is also under entry '{owner}'", label)
                )
        section: Section | None = None
        if passage is not None and interview is not None:
            section = interview.locate(passage, page_lines=True)
            if section is None:
                problems.append(
                    Problem(file, "passage does not occur verbatim in the interview", label)
                )
        if entry_id == label and topic and question and passage and section is not None:
            entries.append(
                Entry(
                    entry_id,
                    topic,
                    question,
                    tuple(alternates),
                    passage,
                    section,
                    summary,
                    tuple(related),
                    tuple(anchors),
                    tuple(not_for),
                )
            )
    known = {entry.id for entry in entries} | seen_ids
    for entry in entries:
        for target in entry.related:
            if target not in known:
                problems.append(Problem(file, f"related id '{target}' does not exist", entry.id))
            elif target == entry.id:
                problems.append(Problem(file, "an entry cannot be related to itself", entry.id))
    return entries


def _parse_tips(
    raw: Any,
    file: str,
    entry_ids: set[str],
    interview: _Interview | None,
    problems: list[Problem],
) -> list[Tip]:
    items = raw.get("tips") if isinstance(raw, dict) else None
    if not isinstance(items, list) or not items:
        problems.append(Problem(file, "'tips' must be a non-empty list"))
        return []
    tips: list[Tip] = []
    seen: set[str] = set()
    for position, element in enumerate(items, 1):
        raw_id = element.get("id") if isinstance(element, dict) else None
        label = str(raw_id) if raw_id is not None else f"#{position}"
        item = _check_fields(element, TIP_REQUIRED, TIP_OPTIONAL, file, label, problems)
        if item is None:
            continue
        tip_id = _text_field(item, "id", file, label, problems)
        entry = _text_field(item, "entry", file, label, problems)
        excerpt = _text_field(item, "excerpt", file, label, problems)
        summary = _text_field(item, "summary", file, label, problems)
        heading = _text_field(item, "heading", file, label, problems)
        if tip_id is not None:
            if tip_id in seen:
                problems.append(Problem(file, "duplicate tip id", label))
            seen.add(tip_id)
        if entry is not None and entry_ids and entry not in entry_ids:
            problems.append(Problem(file, f"entry '{entry}' does not exist", label))
        if (
            excerpt is not None
            and interview is not None
            and fold_for_comparison(excerpt) not in interview.folded
        ):
            problems.append(
                Problem(file, "excerpt does not occur verbatim in the interview", label)
            )
        if tip_id and entry and excerpt:
            section = interview.locate(excerpt) if interview is not None else None
            tips.append(Tip(tip_id, entry, excerpt, summary, heading, section))
    return tips


def substring_owners(phrasings: list[tuple[str, str]], longest: int) -> dict[str, str]:
    """Every substring (up to `longest` characters) of the phrasings, mapped to its first owner.

    One pass over the phrasings, then one lookup per term: linear in terms, where testing every
    term against every phrasing took minutes for 42,000 terms and 5,000 phrasings.
    """
    owners: dict[str, str] = {}
    for owner, text in phrasings:
        for start in range(len(text)):
            for end in range(start + 1, min(len(text), start + longest) + 1):
                owners.setdefault(text[start:end], owner)
    return owners


_NOT_COVERED_LISTS = ("not_covered", "not_covered_everyday")
_TOP_LEVEL = ("source", "entries", *_NOT_COVERED_LISTS, "not_explained")


def _parse_not_covered(
    raw: dict[str, Any],
    file: str,
    entries: list[Entry],
    interview: _Interview | None,
    problems: list[Problem],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Terms the interview does not answer (`not_covered`) and everyday ones among them
    (`not_covered_everyday`); one the knowledge base uses would hide answers.  Both lists are
    checked against one index of the phrasings: normalising them all is the cost."""
    lists = [_text_list(raw, name, file, None, problems) for name in _NOT_COVERED_LISTS]
    keyed = [[normalize(term) for term in terms] for terms in lists]
    phrasings = [(e.id, normalize(p)) for e in entries for p in (e.question, *e.alternates)]
    longest = max((len(k) for keys in keyed for k in keys), default=0)
    owners = substring_owners(phrasings, longest)
    found: list[tuple[str, ...]] = []
    for terms, keys in zip(lists, keyed, strict=True):
        kept: list[str] = []
        for term, key in zip(terms, keys, strict=True):
            if interview is not None and fold_for_comparison(term) in interview.folded:
                problems.append(
                    Problem(file, f"not_covered term '{term}' occurs in the interview")
                )
            elif owner := owners.get(key):
                problems.append(
                    Problem(file, f"not_covered term '{term}' occurs in a phrasing of '{owner}'")
                )
            elif key:
                kept.append(key)
        found.append(tuple(dict.fromkeys(kept)))
    # A word in both lists says two things of itself, and the plain list won unseen (老公 listed
    # as everyday stayed plainly not covered): the lists must not overlap.
    for term in sorted(set(found[0]) & set(found[1])):
        problems.append(Problem(file, f"'{term}' is in both not_covered and not_covered_everyday"))
    return found[0], found[1]


def _parse_not_explained(
    raw: dict[str, Any],
    file: str,
    entries: list[Entry],
    interview: _Interview | None,
    problems: list[Problem],
) -> frozenset[str]:
    """Terms named but not explained; one that is an entry's whole phrasing would hide it."""
    terms = _text_list(raw, "not_explained", file, None, problems)
    phrasings = {normalize(p): e.id for e in entries for p in (e.question, *e.alternates)}
    # Quote marks aside: the interview quotes some terms (长期“药方”).
    named = interview.whole.replace('"', "") if interview is not None else None
    kept: set[str] = set()
    for term in terms:
        key = normalize(term)
        if named is not None and fold_for_comparison(term).replace('"', "") not in named:
            problems.append(Problem(file, f"not_explained term '{term}' is not in the interview"))
        elif owner := phrasings.get(key):
            message = f"not_explained term '{term}' is a phrasing of '{owner}'"
            problems.append(Problem(file, message))
        elif key:
            kept.add(key)
    return frozenset(kept)


def _version(*texts: str | None) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update((text or "").encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def load_knowledge(path: Path | str | None = None) -> KnowledgeBase:
    """Load and validate a knowledge base; raise KnowledgeError listing every problem."""
    paths = KnowledgePaths.resolve(path)
    problems: list[Problem] = []
    interview_text = _read_text(paths.interview, problems)
    interview = _parse_interview(interview_text) if interview_text is not None else None

    entries_text = _read_text(paths.entries, problems)
    raw = _parse_yaml(paths.entries, entries_text, problems)
    source: Source | None = None
    entries: list[Entry] = []
    not_covered: tuple[str, ...] = ()
    everyday: tuple[str, ...] = ()
    not_explained: frozenset[str] = frozenset()
    entries_file = str(paths.entries)
    if raw is not None:
        if not isinstance(raw, dict):
            problems.append(Problem(entries_file, "top level must be a mapping"))
        else:
            for key in raw:
                if key not in _TOP_LEVEL:
                    problems.append(Problem(entries_file, f"unknown top-level field '{key}'"))
            if "source" not in raw:
                problems.append(Problem(entries_file, "missing 'source' block"))
            else:
                source = _parse_source(raw["source"], entries_file, interview, problems)
            entries = _parse_entries(raw.get("entries"), entries_file, interview, problems)
            not_covered, everyday = _parse_not_covered(
                raw, entries_file, entries, interview, problems
            )
            not_explained = _parse_not_explained(raw, entries_file, entries, interview, problems)

    tips_text = _read_text(paths.tips, problems)
    raw_tips = _parse_yaml(paths.tips, tips_text, problems)
    tips: list[Tip] = []
    if raw_tips is not None:
        tips_file = str(paths.tips)
        if isinstance(raw_tips, dict):
            for key in raw_tips:
                if key != "tips":
                    problems.append(Problem(tips_file, f"unknown top-level field '{key}'"))
        tips = _parse_tips(raw_tips, tips_file, {e.id for e in entries}, interview, problems)

    quiz, quiz_text = _load_quiz(paths, {e.id for e in entries}, interview, problems)
    asked, asked_out, asked_text = _load_asked(paths, entries, problems)

    if problems or source is None or interview_text is None:
        if not problems:
            problems.append(Problem(entries_file, "knowledge base is incomplete"))
        raise KnowledgeError(problems)
    topics = tuple(dict.fromkeys(entry.topic for entry in entries))
    return KnowledgeBase(
        source=source,
        entries=tuple(entries),
        tips=tuple(tips),
        interview=interview_text,
        version=_version(entries_text, tips_text, interview_text, *quiz_text, *asked_text),
        by_id=MappingProxyType({entry.id: entry for entry in entries}),
        topics=topics,
        not_covered=tuple(dict.fromkeys(not_covered + everyday)),
        everyday=frozenset(everyday),
        not_explained=not_explained,
        quiz=tuple(quiz),
        asked=MappingProxyType(asked),
        asked_out_of_scope=asked_out,
        neighbours=MappingProxyType(_neighbours(entries, interview)) if interview else {},
    )


def _load_quiz(
    paths: KnowledgePaths,
    entry_ids: set[str],
    interview: _Interview | None,
    problems: list[Problem],
) -> tuple[list[QuizItem], tuple[str, ...]]:
    """The quiz bank, if the knowledge base has one; its text joins the version hash."""
    if paths.quiz is None or not paths.quiz.exists():
        return [], ()
    text = _read_text(paths.quiz, problems)
    raw = _parse_yaml(paths.quiz, text, problems)
    if raw is None or interview is None:
        return [], (text or "",)
    file = str(paths.quiz)

    def report(message: str, label: str | None) -> None:
        problems.append(Problem(file, message, label))

    def section_of(passage: str) -> int | None:
        section = interview.locate(passage)
        return None if section is None else section.number

    def in_interview(text: str) -> bool:
        return fold_for_comparison(text) in interview.folded

    items = parse_quiz(raw, entry_ids, in_interview, section_of, len(interview.sections), report)
    return items, (text or "",)


MAX_ASKED_CHARS = 300


def asked_key(question: str) -> str:
    """What two readers' questions must differ in to be two questions: width, case, spaces
    and punctuation aside (cheap enough for 3,000 questions at every load)."""
    return "".join(c for c in unicodedata.normalize("NFKC", question).casefold() if c.isalnum())


def integration_ordinal(question: str) -> str | None:
    """How a reader's question names an integration by number once normalised (最后一项措施
    reads as 六是融合: "六是"), or None: it may be filed only where a passage numbers one so."""
    found = INTEGRATION_BY_NUMBER_RE.search(normalize(question, on_subject=True))
    return None if found is None else found.group(0)[:2]


def _asked_list(
    value: object, label: str, file: str, problems: list[Problem], filed: dict[str, str]
) -> tuple[str, ...]:
    """One list of readers' questions; each question may stand in one place only (`filed`
    maps a question's key to where it stands, an entry's own phrasings included)."""
    if not isinstance(value, list) or not all(isinstance(q, str) for q in value):
        problems.append(Problem(file, "expected a list of questions (strings)", label))
        return ()
    kept: list[str] = []
    for question in value:
        key = asked_key(question)
        if not key or len(question) > MAX_ASKED_CHARS:
            problems.append(
                Problem(file, f"a question must be 1-{MAX_ASKED_CHARS} characters", label)
            )
        elif filed.setdefault(key, label) != label:
            problems.append(Problem(file, f"'{question}' is under '{filed[key]}' too", label))
        elif question not in kept:
            kept.append(question)
    return tuple(kept)


def _load_asked(
    paths: KnowledgePaths, entries: list[Entry], problems: list[Problem]
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...], tuple[str, ...]]:
    """Readers' own questions by entry, and those the interview does not answer, if the
    knowledge base has them; the text joins the version hash.  A question filed twice, or
    filed other than where an entry already asks it, is refused: it cannot teach both."""
    if paths.asked is None or not paths.asked.exists():
        return {}, (), ()
    text = _read_text(paths.asked, problems)
    raw = _parse_yaml(paths.asked, text, problems)
    file = str(paths.asked)
    if raw is None:
        return {}, (), (text or "",)
    if (
        not isinstance(raw, dict)
        or not set(raw) <= {"asked", "out_of_scope"}
        or not isinstance(raw.get("asked") or {}, dict)
    ):
        expected = "expected 'asked' (entry id -> questions) and 'out_of_scope' (questions)"
        problems.append(Problem(file, expected))
        return {}, (), (text or "",)
    filed = {
        asked_key(p): entry.id for entry in entries for p in (entry.question, *entry.alternates)
    }
    asked: dict[str, tuple[str, ...]] = {}
    ids = {entry.id for entry in entries}
    for entry_id, questions in (raw.get("asked") or {}).items():
        label = str(entry_id)
        if label not in ids:
            problems.append(Problem(file, "no entry has this id", label))
            continue
        asked[label] = _asked_list(questions, label, file, problems, filed)
    outside = _asked_list(raw.get("out_of_scope") or [], "out_of_scope", file, problems, filed)
    return asked, outside, (text or "",)


def check_knowledge(path: Path | str | None = None) -> list[Problem]:
    """Every problem with the knowledge base at `path` (an empty list when it is valid)."""
    try:
        load_knowledge(path)
    except KnowledgeError as exc:
        return exc.problems
    return []
