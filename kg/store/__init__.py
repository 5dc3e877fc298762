"""Stores, chosen by a URL: a file path (LadybugDB, the default `kg.lbug`) or
`bolt://`, `neo4j://` (and `+s`/`+ssc`) for a Neo4j server."""

from __future__ import annotations

import os

from kg.store.base import GraphStore, QueryResult

DEFAULT_STORE = "kg.lbug"
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")

__all__ = ["DEFAULT_STORE", "GraphStore", "QueryResult", "is_neo4j_url", "open_store", "store_url"]


def store_url(url: str | None = None) -> str:
    """The store to use: the given URL, else $KG_STORE, else ./kg.lbug."""
    return url or os.environ.get("KG_STORE") or DEFAULT_STORE


def is_neo4j_url(url: str) -> bool:
    return url.lower().startswith(NEO4J_SCHEMES)


def open_store(url: str | None = None, *, read_only: bool = False) -> GraphStore:
    url = store_url(url)
    if is_neo4j_url(url):
        from kg.store.neo4j import Neo4jStore

        return Neo4jStore(url, read_only=read_only)
    from kg.store.ladybug import LadybugStore

    path = url.removeprefix("ladybug://").removeprefix("file://")
    return LadybugStore(path, read_only=read_only)
