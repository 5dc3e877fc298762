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


def run_kg(*args: str, cwd: Path | None = None, env: dict | None = None, input: str | bytes | None = None,
           timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real `kg` command; returns the completed process (text output)."""
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    full_env.pop("KG_STORE", None) if env is None or "KG_STORE" not in env else None
    return subprocess.run(
        [kg_command(), *args], cwd=cwd, env=full_env, input=input, capture_output=True,
        text=not isinstance(input, bytes), timeout=timeout,
    )


@pytest.fixture
def store_path(tmp_path) -> Path:
    return tmp_path / "test.lbug"


@pytest.fixture
def ladybug_store(store_path):
    from kg.store import open_store

    with open_store(str(store_path)) as store:
        yield store
