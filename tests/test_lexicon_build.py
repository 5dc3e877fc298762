"""scripts/build-lexicons: the package's lexicon files are built, reproducibly, from our
own entries and the curated lists of ../shared/lexicon-sources, and are up to date."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from extractors.entities.lexicon import FILES, LEXICON_DIR, load_lexicons
from tests.conftest import REPO, SHARED

BUILD = REPO / "scripts" / "build-lexicons"
SOURCES = SHARED / "lexicon-sources"

needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason=f"no lexicon sources at {SOURCES}")


def build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BUILD), *args], capture_output=True, text=True, timeout=300)


@needs_sources
def test_lexicon_build_is_reproducible_and_the_shipped_files_are_up_to_date(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert build(str(SOURCES), "--out", str(first)).returncode == 0
    assert build(str(SOURCES), "--out", str(second)).returncode == 0
    for stem in FILES.values():
        built = (first / f"{stem}.jsonl").read_bytes()
        assert built == (second / f"{stem}.jsonl").read_bytes(), f"{stem}: two builds differ"
        assert built == (LEXICON_DIR / f"{stem}.jsonl").read_bytes(), f"{stem}.jsonl: stale, run scripts/build-lexicons"
    assert build(str(SOURCES), "--check").returncode == 0


@needs_sources
def test_lexicon_build_check_names_a_stale_file(tmp_path):
    assert build(str(SOURCES), "--out", str(tmp_path)).returncode == 0
    (tmp_path / "metrics.jsonl").write_text("", encoding="utf-8")
    result = build(str(SOURCES), "--out", str(tmp_path), "--check")
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path / 'metrics.jsonl'}: not up to date - run scripts/build-lexicons"


def test_lexicon_build_without_sources_says_where_it_looked(tmp_path):
    result = build(str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path / 'nowhere'}: no such folder of lexicon sources - pass its path"
    assert not (tmp_path / "out").exists()


@needs_sources
def test_lexicon_build_bad_source_line_names_the_file_and_line(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    bad = sources / "curated_metrics.jsonl"
    bad.chmod(0o644)
    bad.write_text('{"name": "MRR", "aliases": [], "type": "metric"}\n{"name": \n', encoding="utf-8")
    result = build(str(sources), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}:2: not JSON")
    assert not (tmp_path / "out").exists()


@needs_sources
def test_lexicon_build_missing_source_file_is_named(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    (sources / "recsys.jsonl").unlink()
    result = build(str(sources), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{sources / 'recsys.jsonl'}: missing - the build reads every list it names"


def test_lexicon_every_shipped_entry_names_its_source():
    entries = load_lexicons()
    assert entries
    assert all(entry.source for entry in entries)
    for stem in FILES.values():
        for line in (LEXICON_DIR / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines():
            assert json.loads(line)["source"], line


def test_lexicon_shipped_files_are_sorted_by_name():
    for stem in FILES.values():
        names = [
            json.loads(line)["name"]
            for line in (LEXICON_DIR / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        assert names == sorted(names, key=lambda name: (name.casefold(), name)), stem


def test_lexicon_package_never_reads_the_shared_folder():
    package = REPO / "extractors"
    offenders = [str(p) for p in package.rglob("*.py") if "lexicon-sources" in p.read_text(encoding="utf-8")]
    assert offenders == []
