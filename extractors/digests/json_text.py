"""Records out of JSON text, whatever tool wrote it: one JSON array, JSON lines, pretty-
printed objects one after another, a wrapper object (`{"papers": [...]}`), lines written
as Python dict literals (read with `ast.literal_eval`, with a warning), and a last record
cut short (closed as well as it can be, marked truncated). json_records maps the fields."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from typing import Any

# Keys that make an object a paper record rather than a wrapper around a list of them.
ID_KEYS = ("arxiv_id", "arxivId", "arxiv", "id", "paper_id")
URL_KEYS = (
    "entry_id",
    "link",
    "abs",
    "abs_url",
    "arxiv_url",
    "arxiv_page_url",
    "url",
    "paper_url",
    "page_url",
    "pdf_url",
    "pdf",
)


def read_records(text: str, source: str, warnings: list[str]) -> Iterator[tuple[int, Any]]:
    """Yield (line, value) per record: the elements of a JSON array, else one per line."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        yield from _array(text, source, warnings)
        return
    lines = text.split("\n")
    first = next((line.strip() for line in lines if line.strip()), "")
    if first == "{" or (first.startswith("{") and not first.endswith("}")):
        # Pretty-printed objects, one after another.
        yield from _stream(text, source, warnings)
        return
    python_lines = 0
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    for index, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        try:
            yield from _expand(index + 1, json.loads(line))
            continue
        except ValueError:
            pass
        value = _literal(line)
        if value is not None:
            python_lines += 1
            yield index + 1, value
        elif index == last and not line.endswith(("}", "]")):
            yield from _cut_record(line, index + 1, source, warnings, "the last record is cut short")
        else:
            warnings.append(f"{source}: line {index + 1}: neither JSON nor a Python dict literal, skipped")
    if python_lines:
        warnings.append(
            f"{source}: {python_lines} line(s) are Python dict literals, not JSON; read with ast.literal_eval"
        )


def _literal(line: str) -> Any:
    """A Python literal line (single quotes, True/None), never evaluated as code."""
    if not line.startswith(("{", "[")):
        return None
    try:
        return ast.literal_eval(line)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


class CutRecord(dict[str, Any]):
    """A record rebuilt from the cut-off end of a file."""


def _cut_record(fragment: str, line: int, source: str, warnings: list[str], problem: str) -> Iterator[tuple[int, Any]]:
    """The file's last record, cut short: what it holds, marked truncated; else a warning."""
    value = _close(fragment.strip())
    if isinstance(value, dict) and looks_like_paper(value):
        yield line, CutRecord(value)
    else:
        warnings.append(f"{source}: line {line}: {problem} (truncated), skipped")


def _close(fragment: str) -> Any:
    """Best effort on a JSON or Python record cut off at the end of the file: close the open
    string and brackets. An unfinished list item (a name cut in two) is dropped; an unfinished
    string value (an abstract cut short) is kept; a dangling key is dropped."""
    stack: list[list[Any]] = []  # [closer, where to cut to drop the container's unfinished item]
    quote, escaped = "", False
    for pos, ch in enumerate(fragment):
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "{[":
            stack.append(["}" if ch == "{" else "]", pos + 1])
        elif ch in "}]" and stack:
            stack.pop()
        elif ch == "," and stack:
            stack[-1][1] = pos
    if not stack:
        return None
    closers = "".join(closer for closer, _ in reversed(stack))
    whole = (fragment[:-1] if escaped else fragment) + quote + closers
    cut = fragment[: stack[-1][1]] + closers
    candidates = [cut] if stack[-1][0] == "]" else [whole, cut]
    for candidate in candidates:
        for load in (json.loads, ast.literal_eval):
            try:
                return load(candidate)
            except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                continue
    return None


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"\s*")


def _past_space(text: str, pos: int) -> int:
    space = _SPACE.match(text, pos)
    return space.end() if space else pos


def _array(text: str, source: str, warnings: list[str]) -> Iterator[tuple[int, Any]]:
    """Elements of a top-level JSON array with the line each starts on; a broken element
    ends the array with a warning, keeping the elements before it."""
    pos = _past_space(text, 0) + 1  # past "["
    line, counted = 1, 0
    while True:
        pos = _past_space(text, pos)
        if pos >= len(text):
            warnings.append(f"{source}: the JSON array is not closed (truncated)")
            return
        if text[pos] == "]":
            return
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            if text.rstrip().endswith("]"):
                warnings.append(f"{source}: line {line}: a broken record ({exc.msg}), the rest of the array skipped")
            else:
                yield from _cut_record(text[pos:], line, source, warnings, "the array ends in a record cut short")
            return
        yield from _expand(line, value)
        pos = _past_space(text, pos)
        if text.startswith(",", pos):
            pos += 1


def _stream(text: str, source: str, warnings: list[str]) -> Iterator[tuple[int, Any]]:
    pos, line, counted = 0, 1, 0
    while True:
        pos = _past_space(text, pos)
        if pos >= len(text):
            return
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            problem = f"a broken record ({exc.msg}), the rest of the file"
            yield from _cut_record(text[pos:], line, source, warnings, problem)
            return
        yield from _expand(line, value)


def _expand(line: int, value: Any) -> Iterator[tuple[int, Any]]:
    """A wrapper object such as `{"papers": [...]}` gives its list of records."""
    if isinstance(value, dict) and not looks_like_paper(value):
        for inner in value.values():
            if isinstance(inner, list) and inner and all(isinstance(item, dict) for item in inner):
                for item in inner:
                    yield line, item
                return
    yield line, value


def looks_like_paper(record: dict[str, Any]) -> bool:
    return any(key in record for key in ("title", "abstract", "summary", *ID_KEYS, *URL_KEYS))
