"""Shared fixtures: the real corpus beside the repo, the installed `kg` command, and
stores in a temporary directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
EXTERNAL = SHARED / "corpus" / "external"
BULK = SHARED / "corpus" / "bulk"
GOLD = SHARED / "gold"


def seed(prefix: str) -> Path:
    """A seed file by its number, e.g. seed("002")."""
    return next(SEEDS.glob(f"{prefix}_*"))


def kg_command() -> str:
    """The installed `kg` entry point of this interpreter's environment."""
    beside = Path(sys.executable).with_name("kg")
    return str(beside) if beside.exists() else shutil.which("kg")


def run_kg(
    *args: str, cwd: Path | None = None, env: dict | None = None, input: str | bytes | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run the real `kg` command; returns the completed process (text output)."""
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    full_env.pop("KG_STORE", None) if env is None or "KG_STORE" not in env else None
    return subprocess.run(
        [kg_command(), *args],
        cwd=cwd,
        env=full_env,
        input=input,
        capture_output=True,
        text=not isinstance(input, bytes),
        timeout=timeout,
    )


@pytest.fixture
def store_path(tmp_path) -> Path:
    return tmp_path / "test.lbug"


@pytest.fixture
def ladybug_store(store_path):
    from kg.store import open_store

    with open_store(str(store_path)) as store:
        yield store


# -- Neo4j ----------------------------------------------------------------------------


def _neo4j_env() -> dict:
    return {
        "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
        "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", os.environ.get("NEO4J_DEV_PASSWORD", "kg-dev-password")),
    }


@pytest.fixture(scope="session")
def neo4j_url() -> str:
    """A Neo4j server for the session: $NEO4J_URI, else the project's dev server, started
    here. Without one the Neo4j tests fail in CI (CI=true) and are skipped elsewhere."""
    url = os.environ.get("NEO4J_URI")
    if not url:
        started = subprocess.run(
            [str(REPO / "scripts" / "neo4j-dev"), "start"], capture_output=True, text=True, timeout=900
        )
        lines = started.stdout.strip().splitlines()
        if started.returncode != 0 or not lines:
            message = f"no Neo4j server: scripts/neo4j-dev start failed: {started.stderr.strip()[-500:]}"
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
        url = lines[-1]
    os.environ.update({"NEO4J_URI": url, **_neo4j_env()})
    return url


def wipe_neo4j(url: str) -> None:
    from kg.store.neo4j import Neo4jStore

    with Neo4jStore(url) as store:
        while store.query("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n", write=True).rows[0][0]:
            pass


@pytest.fixture(params=["ladybug", "neo4j"])
def store_url_any(request, tmp_path) -> str:
    """A fresh, empty store of each kind, as a URL for `kg --store` or `open_store`."""
    if request.param == "ladybug":
        return str(tmp_path / "any.lbug")
    url = request.getfixturevalue("neo4j_url")
    wipe_neo4j(url)
    return url


@pytest.fixture
def graph_store(store_url_any):
    from kg.store import open_store

    with open_store(store_url_any) as store:
        yield store
