"""The arXiv API over httpx, politely, as the API's terms ask: one request every `delay`
seconds (also across kg processes sharing a cache), retries with exponential backoff on
connection errors, 429/5xx answers, malformed feeds and pages that come back empty when
they should not, and a cache of the raw Atom answers that passed those checks, keyed by
request URL, so that the same request is not sent twice within `cache_ttl` seconds.

httpx sends the requests; the retries are ours because some failures are in the content
(a malformed or empty page), and so is the cache, which keeps only answers that parsed."""

from __future__ import annotations

import hashlib
import os
import socket
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from extractors.digests.arxiv_api import Feed, api_error, read_feed
from kg.arxiv.settings import ArxivSettings
from kg.errors import DigestError, SourceError, SourceUnavailable

OnRequest = Callable[[str, bool], None]  # (url, answered from the cache)

RETRY_STATUS = {408, 429, 500, 502, 503, 504}
MAX_WAIT = 120.0  # cap on a server's Retry-After


def _user_agent() -> str:
    try:
        return f"kg/{version('kg')} (httpx)"
    except PackageNotFoundError:
        return "kg (httpx)"


class FeedCache:
    """Raw Atom answers in files named by a hash of the request URL."""

    def __init__(self, folder: Path | None, ttl: float):
        self.folder = folder if folder is not None and ttl > 0 else None
        self.ttl = ttl

    def get(self, url: str) -> bytes | None:
        if self.folder is None:
            return None
        path = self._path(self.folder, url)
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
            write_atomically(self._path(self.folder, url), content)
        except OSError:
            pass  # a cache that cannot be written only costs a request next time

    @staticmethod
    def _path(folder: Path, url: str) -> Path:
        return folder / f"{hashlib.sha256(url.encode()).hexdigest()[:32]}.xml"


def write_atomically(path: Path, content: bytes) -> None:
    """Write a file all or nothing: a temporary file beside it, renamed into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Retry(Exception):
    """A failed try worth repeating: the message says what went wrong, `wait` what the server asked."""

    def __init__(self, message: str, wait: float = 0.0):
        super().__init__(message)
        self.wait = wait


class Client:
    """Pages of API answers for a search; use as a context manager (it holds a connection pool)."""

    def __init__(self, settings: ArxivSettings, *, on_request: OnRequest | None = None):
        self.settings = settings
        self.cache = FeedCache(settings.cache_dir, settings.cache_ttl)
        self.on_request = on_request
        self.requests = 0  # sent over the network
        self._last_sent: float | None = None
        self._http = httpx.Client(timeout=settings.timeout, headers={"User-Agent": _user_agent()})

    def __enter__(self) -> Client:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._http.close()

    def records(
        self, *, query: str = "", ids: Sequence[str] = (), sort_by: str = "relevance", max_results: int, page_size: int
    ) -> Iterator[dict[str, Any]]:
        """The records of a search (`query` and/or `ids`), newest first by `sort_by`, page by
        page, at most `max_results`; the next page is asked for only when it is needed."""
        args = {"search_query": query, "id_list": ",".join(ids), "sortBy": sort_by, "sortOrder": "descending"}
        offset, given = 0, 0
        while True:
            url = f"{self.settings.api_url}?{urlencode({**args, 'start': offset, 'max_results': page_size})}"
            feed = self.page(url, first_page=offset == 0)
            for record in feed.records:
                if given == max_results:
                    return
                given += 1
                yield record
            offset += len(feed.records)
            if not feed.records or offset >= feed.total or given == max_results:
                return

    def page(self, url: str, *, first_page: bool = True) -> Feed:
        """One page: from the cache when it holds a good answer, else asked for with retries."""
        cached = None if self.settings.refresh else self.cache.get(url)
        if cached is not None:
            try:
                feed = _checked(cached, first_page)
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
                time.sleep(min(max(backoff, wait), MAX_WAIT))
                wait = 0.0
            try:
                content = self._get(url)
                feed = _checked(content, first_page)
            except _Retry as exc:
                problem, wait = str(exc), exc.wait
                continue
            self.cache.put(url, content)
            return feed
        tries = self.settings.retries + 1
        raise SourceUnavailable(
            f"the arXiv API at {self.settings.api_url} failed {tries} "
            f"{'try' if tries == 1 else 'tries'}: {problem}; try again later"
        )

    def _get(self, url: str) -> bytes:
        self._wait_turn()
        if self.on_request:
            self.on_request(url, False)
        self.requests += 1
        try:
            response = self._http.get(url)
        except httpx.TimeoutException as exc:
            raise _Retry(f"no answer within {self.settings.timeout:g} s") from exc
        except httpx.ConnectError as exc:
            if _caused_by(exc, socket.gaierror):
                host = urlsplit(self.settings.api_url).hostname
                raise SourceUnavailable(
                    f"cannot reach the arXiv API: {host} is unknown (offline?); check the network or set KG_ARXIV_API"
                ) from exc
            raise _Retry(f"cannot connect to {self.settings.api_url} ({_reason(exc)})") from exc
        except httpx.TransportError as exc:  # resets, broken transfers
            raise _Retry(f"the connection broke ({_reason(exc)})") from exc
        finally:
            self._mark_sent()
        if response.status_code in RETRY_STATUS:
            raise _Retry(f"HTTP {response.status_code}", _retry_after(response.headers.get("Retry-After")))
        if not response.is_success:
            message = api_error(response.content)
            raise SourceError(
                f"the arXiv API refused the request (HTTP {response.status_code}{': ' + message if message else ''})"
            )
        return response.content

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


def _checked(content: bytes, first_page: bool) -> Feed:
    """A page that is not a well-formed Atom feed, or is empty where results were promised,
    is retried; the API's own error answers are not."""
    try:
        feed = read_feed(content)
    except DigestError as exc:
        raise _Retry(exc.problem) from exc
    if feed.error:
        raise SourceError(f"the arXiv API refused the request: {feed.error}")
    # No entry at all where results were promised is the API's known hiccup; entries
    # without dates (an id arXiv does not know) are an answer, not a hiccup.
    if not feed.entries and (not first_page or feed.total > 0):
        raise _Retry("an empty page where results were expected")
    return feed


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _reason(exc: BaseException) -> str:
    """The operating system's words for a failure (`Connection refused`), else the error's."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror
        seen = seen.__cause__ or seen.__context__
    return str(exc) or type(exc).__name__


def _retry_after(raw: str | None) -> float:
    try:
        return float(raw) if raw else 0.0
    except ValueError:
        return 0.0
