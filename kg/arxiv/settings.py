"""How kg talks to the arXiv API, from the environment (`ArxivSettings.from_env`):

KG_ARXIV_API        the API address (default https://export.arxiv.org/api/query)
KG_ARXIV_DELAY      seconds between requests (default 3)
KG_ARXIV_RETRIES    retries of a failing request (default 3)
KG_ARXIV_PAGE_SIZE  results per request (default 100)
KG_ARXIV_TIMEOUT    seconds to wait for an answer (default 30)
KG_ARXIV_CACHE_TTL  seconds a cached answer is reused (default 86400; 0 turns the cache off)
KG_CACHE_DIR        cache root; answers go to its arxiv/ folder (default ~/.cache/kg)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kg.errors import SourceError

DEFAULT_API = "https://export.arxiv.org/api/query"


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
    def from_env(cls, **overrides: Any) -> ArxivSettings:
        """Settings from KG_ARXIV_* and KG_CACHE_DIR; keyword arguments win."""
        settings = cls(
            api_url=os.environ.get("KG_ARXIV_API") or DEFAULT_API,
            delay=_number("KG_ARXIV_DELAY", 3.0),
            retries=int(_number("KG_ARXIV_RETRIES", 3, kind=int)),
            page_size=int(_number("KG_ARXIV_PAGE_SIZE", 100, kind=int, least=1)),
            timeout=_number("KG_ARXIV_TIMEOUT", 30.0, least=0.1),
            cache_ttl=_number("KG_ARXIV_CACHE_TTL", 86400.0),
            cache_dir=default_cache_dir(),
        )
        settings = replace(settings, **overrides)
        if not settings.api_url.startswith(("http://", "https://")):
            raise SourceError(f"KG_ARXIV_API={settings.api_url!r} is not an http(s) address")
        return settings


def default_cache_dir() -> Path:
    root = os.environ.get("KG_CACHE_DIR")
    if root:
        return Path(root) / "arxiv"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "kg" / "arxiv"


def _number(name: str, default: float, *, kind: type[float] | type[int] = float, least: float = 0) -> float:
    """The environment variable `name` as a number of at least `least`; unset or blank: `default`."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value: float | None = kind(raw)
    except ValueError:
        value = None
    if value is None or value < least:
        raise SourceError(f"{name}={raw!r} is not a {kind.__name__} of at least {least}; fix or unset it")
    return value
