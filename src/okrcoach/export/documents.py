"""OKR documents people already keep, read into objectives and key results with line numbers.

Pure: text in, an ``OkrDocument`` out (no coach, no store), so ``okrcoach
lint FILE`` and ``okrcoach import FILE`` read a file the same way.

Markdown: an objective is a heading with its key results as the list items
beneath it, or a top-level list item with its key results nested under it.
A heading whose items have items of their own is a section title (the items
are then the objectives). Labels people write are dropped: "Objective 1:",
"O2 -", "KR 1.3:", "Key result:", checkboxes and bold markers.

CSV: one row per key result, with an objective column ("objective",
"objective title" or "o") and a key-result column ("key result",
"key_result", "kr" or "key results"); an okrcoach CSV export reads as is (its
check-in rows are skipped).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from okrcoach.domain.text import clean_line

MARKDOWN_SUFFIXES = (".md", ".markdown", ".txt")
CSV_SUFFIXES = (".csv",)
MAX_DOCUMENT_BYTES = 5_000_000

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s+")
_LABEL = re.compile(
    r"^(?:objective|goal|key\s*result|kr|o)\s*[#]?\s*\d*(?:\.\d+)*\s*[:.)\-–—]\s*"
    r"|^(?:objective|key\s*result)\s*$"
    r"|^(?:o|kr)\d+(?:\.\d+)*\s+",
    re.IGNORECASE,
)
_STRONG = re.compile(r"\*\*|(?<!\w)__|__(?!\w)")


@dataclass(frozen=True)
class DocLine:
    """One piece of text from the document and the line it starts on (1-based)."""

    text: str
    line: int


@dataclass
class DocObjective:
    title: DocLine | None  # None: key results the document gives without an objective
    key_results: list[DocLine] = field(default_factory=list)
    why: str = ""


@dataclass
class OkrDocument:
    objectives: list[DocObjective] = field(default_factory=list)
    problems: list[DocLine] = field(default_factory=list)  # the document itself is unusable

    @property
    def key_result_count(self) -> int:
        return sum(len(o.key_results) for o in self.objectives)


def tidy(text: str) -> str:
    """The words of an objective or KR without the labels and marks around them."""
    text = clean_line(text)
    text = _CHECKBOX.sub("", text)
    text = _STRONG.sub("", text).strip()
    text = _LABEL.sub("", text, count=1).strip()
    return text.strip(" *_")


def _indent(spaces: str) -> int:
    return len(spaces.replace("\t", "    "))


@dataclass
class _Item:
    text: DocLine
    indent: int
    children: list[DocLine] = field(default_factory=list)


@dataclass
class _Block:
    heading: DocLine | None
    level: int
    items: list[_Item] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def _blocks(text: str) -> list[_Block]:
    """Headings with the list items beneath them (top-level items and their nested items)."""
    blocks = [_Block(None, 0)]
    fenced = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if _FENCE.match(raw):
            fenced = not fenced
            continue
        if fenced or not raw.strip():
            continue
        heading = _HEADING.match(raw)
        if heading:
            blocks.append(_Block(DocLine(tidy(heading.group(2)), number), len(heading.group(1))))
            continue
        item = _ITEM.match(raw)
        block = blocks[-1]
        if item:
            words = tidy(item.group(2))
            if not words:
                continue
            indent = _indent(item.group(1))
            if block.items and indent > block.items[0].indent:
                block.items[-1].children.append(DocLine(words, number))
            else:
                block.items.append(_Item(DocLine(words, number), indent))
        elif not block.items:
            block.text.append(clean_line(raw))
    return blocks


def parse_markdown(text: str) -> OkrDocument:
    document = OkrDocument()
    blocks = _blocks(text)
    for position, block in enumerate(blocks):
        nested = any(item.children for item in block.items)
        if nested:
            for item in block.items:
                document.objectives.append(DocObjective(item.text, list(item.children)))
            continue
        krs = [item.text for item in block.items]
        if block.heading is None:
            if krs:
                document.objectives.append(DocObjective(None, krs))
            continue
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        is_section = not krs and following is not None and following.level > block.level
        if is_section or not block.heading.text:
            continue
        why = " ".join(t for t in block.text if t)
        document.objectives.append(DocObjective(block.heading, krs, why))
    if not document.objectives:
        document.problems.append(
            DocLine(
                "no objectives found: write each objective as a heading (or a list item) "
                "with its key results as list items beneath it",
                1,
            )
        )
    return document


_OBJECTIVE_COLUMNS = ("objective", "objective title", "objective_title", "o", "objectives")
_KR_COLUMNS = ("key result", "key_result", "key results", "kr", "krs", "key result title")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    folded = [" ".join(h.replace("\ufeff", "").split()).casefold() for h in header]
    for name in names:
        if name in folded:
            return folded.index(name)
    return None


def parse_csv(text: str) -> OkrDocument:
    document = OkrDocument()
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        document.problems.append(DocLine("the file is empty: no header row", 1))
        return document
    objective_at = _column(header, _OBJECTIVE_COLUMNS)
    kr_at = _column(header, _KR_COLUMNS)
    record_at = _column(header, ("record",))
    if objective_at is None or kr_at is None:
        found = ", ".join(clean_line(h) for h in header if h.strip()) or "none"
        document.problems.append(
            DocLine(
                "a CSV needs an 'objective' column and a 'key result' column, one row per "
                f"key result (columns found: {found})",
                1,
            )
        )
        return document
    by_title: dict[str, DocObjective] = {}
    start = 2
    try:
        for row in reader:
            line = start
            start = reader.line_num + 1
            if record_at is not None and record_at < len(row) and row[record_at] == "checkin":
                continue
            title = tidy(row[objective_at]) if objective_at < len(row) else ""
            kr = tidy(row[kr_at]) if kr_at < len(row) else ""
            if not title and not kr:
                continue
            key = title.casefold()
            objective = by_title.get(key)
            if objective is None:
                objective = DocObjective(DocLine(title, line) if title else None)
                by_title[key] = objective
                document.objectives.append(objective)
            if kr:
                objective.key_results.append(DocLine(kr, line))
    except csv.Error as error:
        document.problems.append(DocLine(f"the CSV cannot be read: {error}", start))
    if not document.objectives and not document.problems:
        document.problems.append(DocLine("no rows with an objective or a key result", 2))
    return document


class DocumentError(Exception):
    """The file cannot be read as an OKR document; the message says why, in words."""


def read_document(path: Path) -> OkrDocument:
    """The document at ``path``, by its suffix (.md, .markdown, .txt or .csv)."""
    suffix = path.suffix.casefold()
    if suffix not in MARKDOWN_SUFFIXES + CSV_SUFFIXES:
        raise DocumentError(f"{clean_line(path.name)} is not a Markdown (.md) or CSV (.csv) file.")
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(
                f"{clean_line(path.name)} is {size:,} bytes; an OKR document is at most "
                f"{MAX_DOCUMENT_BYTES:,}."
            )
        raw = path.read_bytes()
    except OSError as error:
        raise DocumentError(
            f"cannot read {clean_line(path.name)}: {error.strerror or error}."
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(f"{clean_line(path.name)} is not UTF-8 text.") from None
    return parse_csv(text) if suffix in CSV_SUFFIXES else parse_markdown(text)


def is_document(argument: str) -> bool:
    """Whether a ``lint`` argument names an OKR document rather than a line of text.

    A file that exists, or a single word ending in .md/.csv (a file name with a typo
    is reported as a missing file, not reviewed as a key result).
    """
    path = Path(argument).expanduser()
    if path.suffix.casefold() not in MARKDOWN_SUFFIXES + CSV_SUFFIXES:
        return False
    return path.is_file() or not any(char.isspace() for char in argument)
