"""Inputs read a few files ahead in a process of their own: parsing and the match keys are
per-paper Python, which in the ingest's process would hold the interpreter the store's
writes also need. The papers come back as tuples of their fields (a dataclass pickles
and unpickles at twice the cost) and are made Papers again here."""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from operator import attrgetter
from typing import Any, NamedTuple

from extractors.digests import STDIN, ParsedFile, expand_paths, parse_file
from kg.errors import InputError
from kg.model import Paper
from kg.parallel import die_with_parent
from kg.resolve import MatchKeys, match_keys

AHEAD = 2  # files parsed ahead of the one the ingest takes: a file's papers are the memory it costs
_FIELDS = [f.name for f in dataclasses.fields(Paper)]
_values = attrgetter(*_FIELDS)


class _Shipped(NamedTuple):
    """A parsed file as the reading process sends it: plain tuples pickle fast."""

    family: str
    papers: list[tuple[Any, ...]]
    warnings: list[str]
    keys: list[tuple[str, str | None, str | None, str | None]]


class _Failed(NamedTuple):
    """An input that could not be read (InputError does not survive pickling: its
    constructor takes two arguments)."""

    problem: str


Read = tuple[str, ParsedFile | InputError, list[MatchKeys]]


def read_inputs(paths: Iterable[str]) -> Iterator[Read]:
    """Each input in order: (path, what it parsed to or why it could not be, the match keys of
    its papers). Up to AHEAD files are parsed in a forked process while the caller works on
    the one before; standard input is read here."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent) as pool:
        queued: deque[tuple[str, Future[_Shipped | _Failed] | None]] = deque()
        for path in expand_paths(paths):
            queued.append((path, None if path == STDIN else pool.submit(_read_there, path)))
            if len(queued) > AHEAD:
                yield _take(*queued.popleft())
        while queued:
            yield _take(*queued.popleft())


def _read_here(path: str) -> tuple[ParsedFile | InputError, list[MatchKeys]]:
    try:
        parsed = parse_file(path)
    except InputError as exc:
        return exc, []
    return parsed, [match_keys(paper) for paper in parsed.papers]


def _read_there(path: str) -> _Shipped | _Failed:
    """In the reading process: the parsed file in plain tuples, or its error."""
    try:
        parsed = parse_file(path)
    except InputError as exc:
        return _Failed(exc.problem)
    keys = [(k.key, k.arxiv_id, k.title_key, k.fingerprint) for k in map(match_keys, parsed.papers)]
    return _Shipped(parsed.family, [_values(paper) for paper in parsed.papers], parsed.warnings, keys)


def _take(path: str, future: Future[_Shipped | _Failed] | None) -> Read:
    if future is None:
        return path, *_read_here(path)
    shipped = future.result()
    if isinstance(shipped, _Failed):
        return path, InputError(path, shipped.problem), []
    papers = []
    new = object.__new__
    for values in shipped.papers:
        paper = new(Paper)
        paper.__dict__.update(zip(_FIELDS, values, strict=True))
        papers.append(paper)
    keys = [MatchKeys(*k) for k in shipped.keys]
    return path, ParsedFile(path=path, family=shipped.family, papers=papers, warnings=shipped.warnings), keys
