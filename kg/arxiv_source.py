"""arXiv as a source: search the arXiv API or look papers up by id through the `arxiv`
package, politely, and turn the answers into JSON lines records and `Paper` records.

Politeness, as the API's terms ask: one request every `delay` seconds (3 by default, also
across kg processes sharing a cache), pages of `page_size` results, retries with
exponential backoff on connection errors, 429/5xx answers, malformed feeds and pages that
come back empty when they should not, and a local cache of raw Atom answers keyed by
request URL so that the same request is not sent twice within `cache_ttl` seconds.

Settings come from the environment (`ArxivSettings.from_env`):

    KG_ARXIV_API        the API address (default https://export.arxiv.org/api/query)
    KG_ARXIV_DELAY      seconds between requests (default 3)
    KG_ARXIV_RETRIES    retries of a failing request (default 3)
    KG_ARXIV_PAGE_SIZE  results per request (default 100)
    KG_ARXIV_TIMEOUT    seconds to wait for an answer (default 30)
    KG_ARXIV_CACHE_TTL  seconds a cached answer is reused (default 86400; 0 turns the cache off)
    KG_CACHE_DIR        cache root; answers go to its arxiv/ folder (default ~/.cache/kg)

A fetch's records have the `arxiv` package's Result fields, one JSON object per line
(entry_id, updated, published, title, authors, summary, comment, journal_ref, doi,
primary_category, categories, pdf_url), so `kg ingest` reads a saved fetch back.

Errors:

    KgError
     └── SourceError            an answer of the arXiv API kg cannot use, or a bad setting
          └── SourceUnavailable the API cannot be reached, or keeps failing after retries
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path

import arxiv

from kg.errors import KgError
from kg.model import Paper, clean_text, normalise_arxiv_id, title_key

DEFAULT_API = "https://export.arxiv.org/api/query"
FAMILY = "arxiv-api"
SOURCE = "arXiv API"  # the Source node of every paper fetched from the API
RECORD_FIELDS = (
    "entry_id", "updated", "published", "title", "authors", "summary", "comment", "journal_ref",
    "doi", "primary_category", "categories", "pdf_url",
)
SORTS = {
    "submitted": arxiv.SortCriterion.SubmittedDate,
    "updated": arxiv.SortCriterion.LastUpdatedDate,
    "relevance": arxiv.SortCriterion.Relevance,
}
TITLE_CANDIDATES = 10  # results read when looking a paper up by its title

_ATOM = "{http://www.w3.org/2005/Atom}"
_API_ERROR = "arxiv.org/api/errors"
_RETRY_STATUS = {408, 429, 500, 502, 503, 504}
_MAX_WAIT = 120.0  # cap on a server's Retry-After
_USER_AGENT = f"kg arxiv.py/{arxiv.__version__}"


class SourceError(KgError):
    """An answer of the arXiv API that kg cannot use, or a bad arXiv setting."""


class SourceUnavailable(SourceError):
    """The arXiv API cannot be reached, or keeps failing after the retries."""


# --- settings -----------------------------------------------------------------------------


def _default_cache_dir() -> Path:
    root = os.environ.get("KG_CACHE_DIR")
    if root:
        return Path(root) / "arxiv"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "kg" / "arxiv"


@dataclass(frozen=True)
class ArxivSettings:
    api_url: str = DEFAULT_API
    delay: float = 3.0
    retries: int = 3
    page_size: int = 100
    timeout: float = 30.0
    cache_dir: Path | None = None  # None: no cache
    cache_ttl: float = 86400.0
    refresh: bool = False  # ask again even when the cache holds an answer

    @classmethod
    def from_env(cls, **overrides) -> ArxivSettings:
        """Settings from KG_ARXIV_* and KG_CACHE_DIR; keyword arguments win."""
        env = os.environ

        def number(name: str, default: float, kind=float, least: float = 0):
            raw = env.get(name)
            if raw is None or not raw.strip():
                return default
            try:
                value = kind(raw)
            except ValueError:
                value = None
            if value is None or value < least:
                raise SourceError(f"{name}={raw!r} is not a {kind.__name__} of at least {least}; fix or unset it")
            return value

        settings = cls(
            api_url=env.get("KG_ARXIV_API") or DEFAULT_API,
            delay=number("KG_ARXIV_DELAY", 3.0),
            retries=number("KG_ARXIV_RETRIES", 3, int),
            page_size=number("KG_ARXIV_PAGE_SIZE", 100, int, least=1),
            timeout=number("KG_ARXIV_TIMEOUT", 30.0, least=0.1),
            cache_ttl=number("KG_ARXIV_CACHE_TTL", 86400.0),
            cache_dir=_default_cache_dir(),
        )
        settings = replace(settings, **overrides)
        if not settings.api_url.startswith(("http://", "https://")):
            raise SourceError(f"KG_ARXIV_API={settings.api_url!r} is not an http(s) address")
        return settings


# --- the cache ----------------------------------------------------------------------------


class FeedCache:
    """Raw Atom answers in files named by a hash of the request URL."""

    def __init__(self, folder: Path | None, ttl: float):
        self.folder = folder if folder is not None and ttl > 0 else None
        self.ttl = ttl

    def _path(self, url: str) -> Path:
        return self.folder / f"{hashlib.sha256(url.encode()).hexdigest()[:32]}.xml"

    def get(self, url: str) -> bytes | None:
        if self.folder is None:
            return None
        path = self._path(url)
        try:
            if time.time() - path.stat().st_mtime > self.ttl:
                return None
            return path.read_bytes()
        except OSError:
            return None

    def put(self, url: str, content: bytes) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomically(self._path(url), content)
        except OSError:
            pass  # a cache that cannot be written only costs a request next time


def _write_atomically(path: Path, content: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- the client ---------------------------------------------------------------------------


class _Retry(Exception):
    """A failed try worth repeating: `message` says what went wrong, `wait` what the server asked."""

    def __init__(self, message: str, wait: float = 0.0):
        super().__init__(message)
        self.wait = wait


class Client(arxiv.Client):
    """The `arxiv` package's client with kg's politeness: it keeps the package's search
    and paging and replaces its page request (`_parse_feed`, arxiv 4.x) with one that
    reads the cache, keeps the delay, times out, and retries with backoff."""

    def __init__(self, settings: ArxivSettings, *, page_size: int | None = None,
                 on_request: Callable[[str, bool], None] | None = None):
        super().__init__(page_size=page_size or settings.page_size, delay_seconds=settings.delay,
                         num_retries=settings.retries)
        self.settings = settings
        self.query_url_format = settings.api_url.replace("{", "{{").replace("}", "}}") + "?{}"
        self.cache = FeedCache(settings.cache_dir, settings.cache_ttl)
        self.on_request = on_request
        self.requests = 0  # sent over the network
        self._last_sent: float | None = None

    def _parse_feed(self, url: str, first_page: bool = True, _try_index: int = 0):
        cached = None if self.settings.refresh else self.cache.get(url)
        if cached is not None:
            try:
                feed = _parse_page(cached, first_page)
            except (_Retry, SourceError):
                feed = None  # a bad cache file: ask again
            if feed is not None:
                if self.on_request:
                    self.on_request(url, True)
                return feed
        problem, wait = "", 0.0
        for attempt in range(self.settings.retries + 1):
            if attempt:
                backoff = self.settings.delay * 2 ** (attempt - 1)
                time.sleep(min(max(backoff, wait), _MAX_WAIT))
                wait = 0.0
            try:
                content = self._get(url)
                feed = _parse_page(content, first_page)
            except _Retry as exc:
                problem, wait = str(exc), exc.wait
                continue
            self.cache.put(url, content)
            return feed
        tries = self.settings.retries + 1
        raise SourceUnavailable(f"the arXiv API at {self.settings.api_url} failed {tries} "
                                f"{'try' if tries == 1 else 'tries'}: {problem}; try again later")

    def _get(self, url: str) -> bytes:
        self._wait_turn()
        if self.on_request:
            self.on_request(url, False)
        request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.settings.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            body = exc.read() or b""
            if exc.code in _RETRY_STATUS:
                raise _Retry(f"HTTP {exc.code}", _retry_after(exc.headers.get("Retry-After"))) from exc
            message = _api_error(body)
            raise SourceError(f"the arXiv API refused the request (HTTP {exc.code}"
                              f"{': ' + message if message else ''})") from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, socket.gaierror):
                host = urllib.parse.urlsplit(self.settings.api_url).hostname
                raise SourceUnavailable(f"cannot reach the arXiv API: {host} is unknown (offline?); "
                                        "check the network or set KG_ARXIV_API") from exc
            raise _Retry(f"cannot connect to {self.settings.api_url} ({_reason(reason)})") from exc
        except (TimeoutError, socket.timeout) as exc:
            raise _Retry(f"no answer within {self.settings.timeout:g} s") from exc
        except (ConnectionError, OSError, ValueError) as exc:  # resets, broken transfers
            raise _Retry(f"the connection broke ({_reason(exc)})") from exc
        finally:
            self._mark_sent()

    def _wait_turn(self) -> None:
        """Sleep until `delay` seconds have passed since this process's, or (through a stamp
        file in the cache folder) any kg process's, last request."""
        last = self._last_sent or 0.0
        stamp = self._stamp()
        if stamp is not None:
            try:
                last = max(last, stamp.stat().st_mtime)
            except OSError:
                pass
        pause = last + self.settings.delay - time.time()
        if pause > 0:
            time.sleep(min(pause, self.settings.delay))

    def _mark_sent(self) -> None:
        self._last_sent = time.time()
        stamp = self._stamp()
        if stamp is not None:
            try:
                stamp.parent.mkdir(parents=True, exist_ok=True)
                stamp.touch()
            except OSError:
                pass

    def _stamp(self) -> Path | None:
        folder = self.cache.folder
        return folder / "last-request" if folder is not None and self.settings.delay > 0 else None


def _parse_page(content: bytes, first_page: bool):
    """Check one answer and parse it with the `arxiv` package's feed parser. A page that
    is not a well-formed Atom feed, or is empty where results were promised, is retried;
    the API's own error entries are not."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        raise _Retry(f"malformed feed ({exc})") from exc
    if root.tag != f"{_ATOM}feed":
        raise _Retry(f"the answer is not an Atom feed (root element <{root.tag.rpartition('}')[2]}>)")
    message = _api_error(content)
    if message:
        raise SourceError(f"the arXiv API refused the request: {message}")
    from arxiv import _feed  # the package's parser (arxiv 4.x); it has no public name

    feed = _feed.parse(bytes(content))
    if feed.malformed:
        raise _Retry(f"malformed feed ({feed.error})")
    # No entry at all where results were promised is the API's known hiccup; entries the
    # parser skipped (no date: an id arXiv does not know) are an answer, not a hiccup.
    if root.find(f"{_ATOM}entry") is None and (not first_page or feed.header.total_results > 0):
        raise _Retry("an empty page where results were expected")
    return feed


def _api_error(content: bytes) -> str | None:
    """The message of an arXiv API error feed (an entry whose id is .../api/errors#...)."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError:
        return None
    for entry in root.iter(f"{_ATOM}entry"):
        entry_id = entry.findtext(f"{_ATOM}id") or ""
        if _API_ERROR in entry_id:
            return clean_text(entry.findtext(f"{_ATOM}summary")) or entry_id.rpartition("#")[2]
    return None


def _retry_after(raw: str | None) -> float:
    try:
        return float(raw) if raw else 0.0
    except ValueError:
        return 0.0


def _reason(exc) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


# --- searching ----------------------------------------------------------------------------


def parse_day(text: str | None, name: str) -> date | None:
    """`2025-11-20` -> a date; `name` (the option) is named in the error."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise SourceError(f"{name} {text!r} is not a date; write it as YYYY-MM-DD") from None


def build_query(query: str = "", *, categories: Sequence[str] = (), since: date | None = None,
                until: date | None = None) -> str:
    """The arXiv `search_query`: the query, AND any of the categories, AND the submission
    dates (whole days, GMT, both ends included)."""
    parts = [f"({query.strip()})"] if query.strip() else []
    cats = [c.strip() for c in categories if c.strip()]
    for cat in cats:
        if not re.fullmatch(r"[A-Za-z\-]+(\.[A-Za-z\-]+)?", cat):
            raise SourceError(f"--category {cat!r} is not an arXiv category such as cs.IR")
    if cats:
        parts.append("(" + " OR ".join(f"cat:{c}" for c in cats) + ")")
    if since or until:
        if since and until and since > until:
            raise SourceError(f"--since {since} is after --until {until}")
        start = (since or date(1991, 1, 1)).strftime("%Y%m%d") + "0000"
        end = (until or datetime.now(timezone.utc).date()).strftime("%Y%m%d") + "2359"
        parts.append(f"submittedDate:[{start} TO {end}]")
    if len(parts) == 1 and parts[0].startswith("(") and not cats:
        return parts[0][1:-1]
    return " AND ".join(parts)


def fetch(query: str = "", *, ids: Sequence[str] = (), categories: Sequence[str] = (),
          since: date | None = None, until: date | None = None, max_results: int = 100,
          sort: str = "submitted", settings: ArxivSettings | None = None,
          on_request: Callable[[str, bool], None] | None = None) -> list[dict]:
    """Search the arXiv API (or look up `ids`) and return the results as records, newest
    first by default, each paper once. Nothing is returned unless every page arrived."""
    settings = settings or ArxivSettings.from_env()
    if sort not in SORTS:
        raise SourceError(f"--sort {sort!r} is not one of: {', '.join(SORTS)}")
    wanted = _check_ids(ids)
    search_query = build_query(query, categories=categories, since=since, until=until)
    if not wanted and not search_query:
        raise SourceError("nothing to fetch: give a query, a --category, dates or an --id")
    records: dict[str, dict] = {}
    if wanted:
        for chunk in _chunks(wanted, settings.page_size):
            client = Client(settings, page_size=len(chunk), on_request=on_request)
            search = arxiv.Search(query=search_query, id_list=chunk, max_results=len(chunk))
            _collect(client.results(search), records)
        return list(records.values())
    client = Client(settings, page_size=min(settings.page_size, max_results), on_request=on_request)
    search = arxiv.Search(query=search_query, max_results=max_results, sort_by=SORTS[sort],
                          sort_order=arxiv.SortOrder.Descending)
    _collect(client.results(search), records)
    return list(records.values())


def find_by_title(title: str, *, settings: ArxivSettings | None = None,
                  on_request: Callable[[str, bool], None] | None = None) -> list[dict]:
    """Records whose normalised title is exactly the given one's (kg.model.title_key)."""
    settings = settings or ArxivSettings.from_env()
    key = title_key(title)
    words = re.findall(r"\w+", title)
    if not key or not words:
        return []
    client = Client(settings, page_size=TITLE_CANDIDATES, on_request=on_request)
    search = arxiv.Search(query=f'ti:"{" ".join(words)}"', max_results=TITLE_CANDIDATES)
    found: dict[str, dict] = {}
    _collect(client.results(search), found)
    return [r for r in found.values() if title_key(r["title"]) == key]


def _check_ids(ids: Iterable[str]) -> list[str]:
    wanted = []
    for raw in ids:
        arxiv_id = normalise_arxiv_id(raw)
        if arxiv_id is None:
            raise SourceError(f"--id {raw!r} is not an arXiv id such as 2511.14403")
        if arxiv_id not in wanted:
            wanted.append(arxiv_id)
    return wanted


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), max(size, 1)):
        yield items[start:start + size]


def _collect(results: Iterable[arxiv.Result], into: dict[str, dict]) -> None:
    for result in results:
        record = result_record(result)
        into.setdefault(normalise_arxiv_id(record["entry_id"]) or record["entry_id"], record)


# --- records and papers -------------------------------------------------------------------


def result_record(result: arxiv.Result) -> dict:
    """An `arxiv.Result` as a JSON-ready record of its fields (dates as ISO strings)."""
    return {
        "entry_id": result.entry_id,
        "updated": _iso(result.updated),
        "published": _iso(result.published),
        "title": result.title,
        "authors": [author.name for author in result.authors],
        "summary": result.summary,
        "comment": result.comment,
        "journal_ref": result.journal_ref,
        "doi": result.doi,
        "primary_category": result.primary_category or None,
        "categories": list(result.categories),
        "pdf_url": result.pdf_url,
    }


def _iso(moment: datetime | None) -> str | None:
    if moment is None or moment == datetime.min:
        return None
    return moment.isoformat().replace("+00:00", "Z")


def records_jsonl(records: Iterable[dict]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def write_records(records: Sequence[dict], path: str | Path) -> None:
    """Write records as JSON lines, all or nothing (a temporary file renamed into place)."""
    path = Path(path)
    try:
        _write_atomically(path, records_jsonl(records).encode("utf-8"))
    except OSError as exc:
        raise SourceError(f"{path}: cannot be written ({exc.strerror or exc})") from exc


def paper_from_record(record: dict, *, line: int = 0) -> Paper:
    """A record of the arXiv API as a Paper of family `arxiv-api`, read as any JSON record is."""
    from extractors.digests.json_records import paper_from_record as from_json

    return from_json(record, source=SOURCE, line=line, family=FAMILY)


def load_records(records: Sequence[dict], *, store, extractor=None):
    """Write fetched records to the store as papers of the `arXiv API` source."""
    from extractors.digests import ParsedFile
    from kg.ingest import FileReport, load_parsed

    papers = [paper_from_record(record) for record in records]
    if not papers:
        return FileReport(path=SOURCE, family=FAMILY)
    return load_parsed(ParsedFile(path=SOURCE, family=FAMILY, papers=papers), store=store, extractor=extractor)


# --- enrichment ---------------------------------------------------------------------------

_NEEDING = """
MATCH (p:Paper)
OPTIONAL MATCH (a:Author)-[:WROTE]->(p)
WITH p, count(a) AS authors
WHERE p.arxiv_id IS NULL OR p.title IS NULL OR authors = 0
RETURN p.key AS key, p.arxiv_id AS arxiv_id, p.title AS title, authors
ORDER BY key
"""
_BY_ID = "UNWIND $ids AS i MATCH (p:Paper) WHERE p.arxiv_id = i RETURN i AS arxiv_id, p.key AS key"


@dataclass
class Filled:
    key: str
    arxiv_id: str
    fields: list[str]  # which of arxiv_id, title, authors the API gave
    by: str  # "id" or "title"


@dataclass
class Unmatched:
    key: str
    title: str | None
    reason: str


@dataclass
class EnrichReport:
    checked: int = 0
    filled: list[Filled] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    requests: int = 0


def papers_needing(store) -> list[dict]:
    """Papers that lack an arXiv id, a title or authors: key, arxiv_id, title, authors (a count)."""
    return store.query(_NEEDING).records()


def enrich(*, store, extractor=None, settings: ArxivSettings | None = None,
           on_request: Callable[[str, bool], None] | None = None) -> EnrichReport:
    """Look up, by id or else by exact normalised title, the papers that lack an id, a
    title or authors, and fill in only what they lack. A paper is never guessed: no id and
    no exact title match, or several, and it is listed as unmatched."""
    settings = settings or ArxivSettings.from_env()
    needing = papers_needing(store)
    report = EnrichReport(checked=len(needing))
    counter = _count_requests(on_request, report)
    found: dict[str, dict] = {}  # node key -> record
    how: dict[str, str] = {}
    with_id = [row for row in needing if row["arxiv_id"]]
    if with_id:
        records = {normalise_arxiv_id(r["entry_id"]): r
                   for r in fetch(ids=[row["arxiv_id"] for row in with_id], settings=settings, on_request=counter)}
        for row in with_id:
            record = records.get(row["arxiv_id"])
            if record is None:
                report.unmatched.append(Unmatched(row["key"], row["title"], f"arXiv has no paper {row['arxiv_id']}"))
            else:
                found[row["key"]], how[row["key"]] = record, "id"
    title_rows = [row for row in needing if not row["arxiv_id"]]
    _match_titles(store, title_rows, settings, counter, found, how, report)
    papers = []
    for row in needing:
        record = found.get(row["key"])
        if record is None:
            continue
        paper = paper_from_record(record)
        fields = []
        if not row["arxiv_id"]:
            fields.append("arxiv_id")
        if not row["title"] and paper.title:
            fields.append("title")
        if row["authors"]:
            paper.authors = []  # names it has already: never a second spelling of them
        elif paper.authors:
            fields.append("authors")
        papers.append(paper)
        report.filled.append(Filled(row["key"], paper.arxiv_id, fields, how[row["key"]]))
    if papers:
        from extractors.digests import ParsedFile
        from kg.ingest import load_parsed

        load_parsed(ParsedFile(path=SOURCE, family=FAMILY, papers=papers), store=store, extractor=extractor)
    return report


def _match_titles(store, title_rows, settings, counter, found, how, report) -> None:
    """Match the papers without an id by exact title; a match whose id another node
    already holds is listed (two nodes of one paper), not merged."""
    candidates: dict[str, dict] = {}
    for row in title_rows:
        if not row["title"]:
            report.unmatched.append(Unmatched(row["key"], None, "no id and no title to look it up by"))
            continue
        matches = find_by_title(row["title"], settings=settings, on_request=counter)
        ids = sorted({normalise_arxiv_id(r["entry_id"]) for r in matches})
        if not ids:
            report.unmatched.append(Unmatched(row["key"], row["title"], "no arXiv paper has exactly this title"))
        elif len(ids) > 1:
            report.unmatched.append(Unmatched(row["key"], row["title"],
                                              f"several arXiv papers have this title ({', '.join(ids)})"))
        else:
            candidates[row["key"]] = matches[0]
    if not candidates:
        return
    ids = [normalise_arxiv_id(r["entry_id"]) for r in candidates.values()]
    holders = {r["arxiv_id"]: r["key"] for r in store.query(_BY_ID, {"ids": ids}).records()}
    for key, record in candidates.items():
        arxiv_id = normalise_arxiv_id(record["entry_id"])
        if arxiv_id in holders:
            title = next(r["title"] for r in title_rows if r["key"] == key)
            report.unmatched.append(Unmatched(key, title, f"its title is that of {arxiv_id}, which is already "
                                                          f"the paper {holders[arxiv_id]}; the two are one paper"))
        else:
            found[key], how[key] = record, "title"


def _count_requests(on_request, report: EnrichReport):
    def counter(url: str, cached: bool) -> None:
        if not cached:
            report.requests += 1
        if on_request:
            on_request(url, cached)

    return counter
