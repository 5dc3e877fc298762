"""Scale and robustness, through the real `kg` command: a generated corpus, a kill -9 in
the middle of an ingest, a second writer, odd files, and the neo4j-admin export."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.schema import RELATIONSHIPS
from tests.conftest import BULK, REPO, kg_command, run_kg, seed

GENERATOR = REPO / "bench" / "generate_corpus.py"
needs_bulk = pytest.mark.skipif(not BULK.is_dir(), reason="needs ../shared/corpus/bulk")


def generate(n: int, out: Path, *args: str) -> Path:
    subprocess.run(
        [sys.executable, str(GENERATOR), str(n), str(out), *args], check=True, capture_output=True, timeout=300
    )
    return out


def stats(store: Path) -> dict:
    result = run_kg("stats", "--format", "json", "--store", str(store))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def start_ingest(store: Path, corpus: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [kg_command(), "ingest", "--store", str(store), *args, str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "KG_STORE"},
    )


def wait_until_writing(proc: subprocess.Popen, store: Path, timeout: float = 60) -> None:
    """Until the store holds a first write (it or its write-ahead log has grown), while the
    ingest still runs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the ingest ended before it could be interrupted: {proc.stderr.read()}"
        wal = store.with_name(store.name + ".wal")
        if sum(p.stat().st_size for p in (store, wal) if p.exists()) > 1_000_000:
            return
        time.sleep(0.05)
    raise AssertionError("the ingest wrote nothing in time")


@needs_bulk
def test_scale_generator_is_deterministic_and_mixes_families(tmp_path):
    first = generate(20_500, tmp_path / "a")
    second = generate(20_500, tmp_path / "b")
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)
    assert {Path(n).suffix for n in names} == {".jsonl"}
    records = [json.loads(line) for line in (first / names[0]).read_text().splitlines()]
    assert len(records) == 10_000 and len({r["arxiv_id"] for r in records}) == 10_000
    mixed = generate(1000, tmp_path / "mixed", "--offset", "80000")  # block 8: markdown tables
    assert {p.suffix for p in mixed.iterdir()} == {".md"}


@needs_bulk
def test_scale_kill_during_ingest_then_rerun_equals_uninterrupted(tmp_path):
    corpus = generate(6000, tmp_path / "corpus", "--offset", "90000")  # block 9: 12 listing files
    clean = tmp_path / "clean.lbug"
    assert run_kg("ingest", "--no-extract", "--store", str(clean), str(corpus), timeout=600).returncode == 0

    killed = tmp_path / "killed.lbug"
    proc = start_ingest(killed, corpus, "--no-extract")
    wait_until_writing(proc, killed)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    again = run_kg("ingest", "--no-extract", "--store", str(killed), str(corpus), timeout=600)
    assert again.returncode == 0, again.stderr
    assert stats(killed) == stats(clean)


@needs_bulk
def test_scale_second_writer_during_a_real_ingest_is_refused(tmp_path):
    corpus = generate(30_000, tmp_path / "corpus", "--offset", "90000")  # more than one write
    store = tmp_path / "busy.lbug"
    proc = start_ingest(store, corpus, "--no-extract")
    try:
        wait_until_writing(proc, store)
        second = run_kg("ingest", "--no-extract", "--store", str(store), str(seed("000")))
        assert second.returncode == 1
        assert second.stderr.strip() == f"Error: store {store} is in use by another process (PID {proc.pid})"
    finally:
        proc.wait(timeout=600)
    assert proc.returncode == 0, proc.stderr.read()
    assert stats(store)["nodes"]["Paper"] > 5000


def _record(i: int, **extra) -> dict:
    return {
        "arxiv_id": f"3101.{i:05d}",
        "title": f"Odd input paper number {i}",
        "authors": ["Ada Lovelace"],
        "abstract": "We study how a loader copes with odd files and report what it finds in each of them.",
        **extra,
    }


def test_scale_fifty_megabyte_single_line_json_array_loads(tmp_path):
    padding = "x" * 500_000  # a field kg does not read, 100 times: 50 MB on one line
    path = tmp_path / "one-line.json"
    path.write_text(json.dumps([_record(i, raw_html=padding) for i in range(100)]), encoding="utf-8")
    assert path.stat().st_size > 50_000_000 and path.read_bytes().count(b"\n") == 0
    store = tmp_path / "s.lbug"
    result = run_kg("ingest", "--no-extract", "--store", str(store), str(path))
    assert result.returncode == 0, result.stderr
    assert stats(store)["nodes"]["Paper"] == 100


def test_scale_fifty_megabyte_single_line_of_no_family_is_one_clear_error(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_text("lorem ipsum dolor sit amet " * 2_000_000, encoding="utf-8")
    started = time.monotonic()
    result = run_kg("ingest", "--no-extract", "--store", str(tmp_path / "s.lbug"), str(path))
    assert time.monotonic() - started < 60
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"Error: {path}: matches no known digest family (")


def test_scale_nul_bytes_are_removed_with_a_warning(tmp_path):
    path = tmp_path / "nul.jsonl"
    text = "".join(json.dumps(_record(i)) + "\n" for i in range(3))
    path.write_bytes(text.replace("Odd input", "Odd\x00 input").encode())
    store = tmp_path / "s.lbug"
    result = run_kg("ingest", "--no-extract", "--store", str(store), str(path))
    assert result.returncode == 0, result.stderr
    assert f"Warning: {path}: 3 NUL bytes removed" in result.stderr
    titles = run_kg(
        "query", "MATCH (p:Paper) RETURN p.title AS t ORDER BY t", "--format", "json", "--store", str(store)
    )
    assert [row["t"] for row in json.loads(titles.stdout)] == [f"Odd input paper number {i}" for i in range(3)]


def test_scale_binary_file_is_one_clear_error(tmp_path):
    path = tmp_path / "mostly-nul.jsonl"
    path.write_bytes(b'{"title": "x"}' + b"\x00" * 5000)
    result = run_kg("ingest", "--no-extract", "--store", str(tmp_path / "s.lbug"), str(path))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {path}: a binary file, not a text digest"


@pytest.mark.parametrize(
    "name, encode, warning",
    [
        ("bom.jsonl", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"), None),
        ("latin1.jsonl", lambda text: text.encode("latin-1"), "not UTF-8, read as Latin-1"),
    ],
)
def test_scale_encodings_give_the_right_text(tmp_path, name, encode, warning):
    title = "Café recommendations for Zoë at Müller's"
    path = tmp_path / name
    path.write_bytes(encode(json.dumps(_record(1, title=title), ensure_ascii=False) + "\n"))
    store = tmp_path / "s.lbug"
    result = run_kg("ingest", "--no-extract", "--store", str(store), str(path))
    assert result.returncode == 0, result.stderr
    assert (f"Warning: {path}: {warning}" in result.stderr) if warning else "Warning" not in result.stderr
    rows = json.loads(
        run_kg("query", "MATCH (p:Paper) RETURN p.title AS t", "--format", "json", "--store", str(store)).stdout
    )
    assert rows == [{"t": title}]


def test_scale_export_neo4j_admin_headers_and_row_counts(tmp_path):
    store = tmp_path / "s.lbug"
    assert run_kg("ingest", "--store", str(store), str(seed("000")), str(seed("002")), str(seed("003"))).returncode == 0
    counts = stats(store)
    out = tmp_path / "export"
    result = run_kg("export", "--neo4j-admin", str(out), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "neo4j-admin database import full neo4j" in result.stdout

    def read(stem):
        header = next(csv.reader((out / f"{stem}.header.csv").open(encoding="utf-8")))
        rows = list(csv.reader((out / f"{stem}.csv").open(encoding="utf-8", newline="")))
        return header, rows

    header, rows = read("Paper")
    assert header[:2] == ["key:ID(Paper)", ":LABEL"]
    assert {"categories:string[]", "sources:string[]", "n_authors:long", "upvotes:long"} <= set(header)
    assert len(rows) == counts["nodes"]["Paper"] and all(r[1] == "Paper" for r in rows)
    for label, count in counts["nodes"].items():
        header, rows = read(label)
        assert header[0] == f"key:ID({label})" and len(rows) == count
    header, rows = read("MENTIONS_Paper_Company")
    assert header == [":START_ID(Paper)", ":END_ID(Company)", ":TYPE", "deployed:boolean", "evidence"]
    assert {r[3] for r in rows} <= {"true", "false", ""} and all(r[2] == "MENTIONS" for r in rows)
    assert read("WROTE_Author_Paper")[0] == [":START_ID(Author)", ":END_ID(Paper)", ":TYPE", "position:long"]
    for rel, count in counts["relationships"].items():
        files = sorted(out.glob(f"{rel}_*.header.csv"))
        assert files and sum(len(read(f.name.removesuffix(".header.csv"))[1]) for f in files) == count
    # Sources of a paper listed twice: one array cell, `;`-joined.
    header, rows = read("Paper")
    sources = {r[0]: r[header.index("sources:string[]")] for r in rows}
    assert sources["2511.14403"].count(";") == 1
    files = sum(len(rel_type.pairs) for rel_type in RELATIONSHIPS.values())
    assert (out / "import.sh").read_text().count("--relationships=") == files


def test_scale_export_refuses_a_folder_that_is_not_empty(tmp_path):
    store = tmp_path / "s.lbug"
    run_kg("ingest", "--no-extract", "--store", str(store), str(seed("000")))
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    result = run_kg("export", "--neo4j-admin", str(tmp_path / "full"), "--store", str(store))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'full'}: not an empty folder; choose a new one for the export"


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@needs_bulk
def test_scale_killed_ingest_leaves_no_extraction_worker(tmp_path):
    corpus = generate(3000, tmp_path / "corpus")
    proc = start_ingest(tmp_path / "s.lbug", corpus, "--jobs", "2")
    deadline = time.monotonic() + 120
    # two extraction workers, and the process parsing the next files while it lives
    while len(workers := _children(proc.pid)) < 2 and time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(0.05)
    assert len(workers) in (2, 3)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()]
