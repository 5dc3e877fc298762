"""scripts/build-lexicons: the package's lexicon files are built, reproducibly, from our
own entries and the curated lists of ../shared/lexicon-sources, and are up to date."""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.util
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


@functools.cache
def build_module():
    """The build script as a module (its file name has no `.py`)."""
    loader = importlib.machinery.SourceFileLoader("build_lexicons", str(BUILD))
    spec = importlib.util.spec_from_loader("build_lexicons", loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lexicons"] = module  # its dataclasses look themselves up there
    loader.exec_module(module)
    return module


COMMON = frozenset(
    "validation steam natural questions public storage amazon books adult gen clip word error rate cosine similarity".split()
)


@pytest.mark.parametrize(
    ("row", "spelling", "kind", "tier", "flags", "name", "guard"),
    [
        ("machine id", "conv_ai_2", "dataset", "strong", (), None, "drop"),
        ("short metric", "R2", "metric", "strong", ("short",), None, "pattern"),
        ("short", "QQ", "company", "curated", ("short",), None, "drop"),
        ("noisy lower case", "logical reasoning", "dataset", "pattern", (), None, "drop"),
        ("noisy word", "Synthetic", "dataset", "pattern", ("common_word",), None, "drop"),
        ("noisy plain word", "Taobao", "dataset", "pattern", (), None, "drop"),
        ("noisy short acronym", "OOD", "dataset", "pattern", (), None, "drop"),
        ("noisy phrase", "Public Storage", "company", "pattern", ("all_common_words",), None, "drop"),
        ("noisy list", "FinTabNet", "dataset", "pattern", (), None, "pattern"),
        ("noisy list company", "Nubank", "company", "pattern", (), None, "pattern"),
        ("common word alias", "Validation", "dataset", "strong", (), "C-Eval", "drop"),
        ("lower-case alias", "cer", "metric", "strong", (), "CER", "drop"),
        ("class name alias", "MultilabelExactMatch", "metric", "strong", (), "Exact Match", "drop"),
        ("lower-case id", "covid19", "dataset", "strong", (), "Covid19", "drop"),
        ("lower-case metric word", "accuracy", "metric", "strong", (), None, "cue"),
        ("lower-case metric phrase", "cosine similarity", "metric", "strong", (), None, "pattern"),
        ("lower-case phrase", "word error rate", "metric", "strong", (), None, None),
        ("dataset acronym", "TREC", "dataset", "strong", (), None, "cue"),
        ("metric acronym", "WER", "metric", "strong", (), None, "cue"),
        ("truncated company", "American", "company", "strong", (), "American International Group", "cue"),
        ("company acronym", "RTX", "company", "strong", (), None, "cue"),
        ("method acronym", "DAC", "method", "strong", (), None, "cue"),
        ("common acronym", "CLIP", "dataset", "strong", ("common_word",), None, "cue"),
        ("acronym", "GSM8K", "dataset", "strong", (), None, None),
        ("common word dataset", "Steam", "dataset", "strong", ("common_word", "needs_context"), None, "pattern"),
        ("common word", "Adult", "company", "strong", ("needs_context",), None, "cue"),
        ("plain word dataset", "Swahili", "dataset", "strong", (), None, "cue"),
        ("plain word method", "Janus", "method", "strong", (), None, "cue"),
        ("common phrase", "Natural Questions", "dataset", "strong", ("all_common_words",), None, "cue"),
        ("curated common phrase", "Public Storage", "company", "curated", ("all_common_words",), None, None),
        ("name", "LongMemEval", "dataset", "strong", (), None, None),
    ],
)
def test_lexicon_build_guard_rows(row, spelling, kind, tier, flags, name, guard):
    build = build_module()
    record = build.Record(kind, name or spelling, [] if name is None else [spelling], frozenset(flags), "test", tier)
    assert build.guard_of(spelling, record, COMMON, is_name=name is None) == guard, row


@pytest.mark.parametrize(
    ("spelling", "cleaned"),
    [
        ("Children's Book Test (CBT)", ["Children's Book Test", "CBT"]),
        ("MSMARCO (passage, version 2)", ["MSMARCO"]),
        ("Intent-Aware (Mean) Average Precision", ["Intent-Aware Average Precision"]),
        ("🇳🇴 NorEval", ["NorEval"]),
        ("1' OR '1'='1", []),
        ("Market-1501->DukeMTMC-reID", []),
    ],
)
def test_lexicon_build_cleans_list_spellings(spelling, cleaned):
    assert build_module().clean(spelling) == cleaned
