"""The installed `kg` command: what a user sees, exit codes, and the store afterwards."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.queries import list_queries
from kg.schema import CONCEPT_LABELS
from tests.conftest import SEEDS, run_kg, seed

TRUNCATED_TABLE = "# arXiv Daily Report - 01-Jan-2026\n\n| Title | Link | abstract | author |\n| --- | --- | --- | --- |\n| A Title | [https://arxiv.org/abs/2601.00001](https://arxiv.org/abs/2601.00001) | An abstract that stops"


@pytest.fixture
def bad_inputs(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "empty.md").write_text("")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 20)
    (folder / "notes.txt").write_text("Shopping list\n- milk\n- bread\n")
    (folder / "truncated.md").write_text(TRUNCATED_TABLE)
    (folder / "dangling.md").symlink_to(tmp_path / "gone.md")
    return folder


BAD_CASES = {
    "empty.md": "the file is empty",
    "binary.bin": "a binary file, not a text digest",
    "notes.txt": "matches no known digest family",
    "truncated.md": "markdown-table: line 5: truncated: the last table row is not closed",
    "dangling.md": "no such file",
}


def test_cli_bad_inputs_fail_alone(bad_inputs, store_path):
    good = seed("000")
    paths = [str(good), *sorted(str(p) for p in bad_inputs.iterdir()), str(bad_inputs / "missing.md")]
    result = run_kg("ingest", "--no-extract", "--store", str(store_path), *paths)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == len(BAD_CASES) + 1
    for name, problem in BAD_CASES.items():
        assert any(line.startswith(f"Error: {bad_inputs / name}: {problem}") for line in errors), name
    assert f"Error: {bad_inputs / 'missing.md'}: no such file" in errors
    assert "Traceback" not in result.stderr
    stats = json.loads(run_kg("stats", "--format", "json", "--store", str(store_path)).stdout)
    assert stats["nodes"]["Paper"] == 8 and stats["nodes"]["Source"] == 1


def test_cli_ingest_reads_stdin(store_path):
    result = run_kg("ingest", "--no-extract", "--store", str(store_path), "-", input=seed("002").read_text())
    assert result.returncode == 0, result.stderr
    stats = json.loads(run_kg("stats", "-f", "json", "-s", str(store_path)).stdout)
    assert stats["nodes"]["Paper"] == 10


def test_cli_default_store_is_kg_lbug_in_working_dir(tmp_path):
    result = run_kg("ingest", "--no-extract", str(seed("000")), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kg.lbug").exists()
    env_store = tmp_path / "other.lbug"
    result = run_kg("ingest", "--no-extract", str(seed("000")), cwd=tmp_path, env={"KG_STORE": str(env_store)})
    assert result.returncode == 0 and env_store.exists()


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "seeds.lbug"
    result = run_kg("ingest", "--store", str(path), str(SEEDS))
    assert result.returncode == 0, result.stderr
    return path


def test_cli_ingest_then_stats_prints_91_papers(seeded_store):
    result = run_kg("stats", "--store", str(seeded_store))
    assert result.returncode == 0
    cells = [[c.strip() for c in line.split("│")[1:3]] for line in result.stdout.splitlines() if "│" in line]
    assert ["(:Paper)", "91"] in cells
    counts = json.loads(run_kg("stats", "--format", "json", "--store", str(seeded_store)).stdout)
    assert counts["nodes"]["Paper"] == 91 and set(counts) == {"nodes", "relationships"}


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_cli_every_ready_query_runs(seeded_store, query):
    params = [f"--param={name}={value}" for name, value in query.example_params().items()]
    result = run_kg("query", query.name, *params, "--format", "json", "--store", str(seeded_store))
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_cli_query_formats(seeded_store):
    cypher = "MATCH (p:Paper) WHERE p.key = $id RETURN p.key AS key, p.venue AS venue"
    args = ["query", cypher, "--param", "id=2508.14485", "--store", str(seeded_store)]
    assert json.loads(run_kg(*args, "--format", "json").stdout) == [{"key": "2508.14485", "venue": "CIKM 2025"}]
    assert run_kg(*args, "--format", "csv").stdout == "key,venue\n2508.14485,CIKM 2025\n"
    table = run_kg(*args).stdout
    assert "2508.14485" in table and "CIKM 2025" in table


def test_cli_query_is_read_only_unless_write(seeded_store):
    statement = "MERGE (t:Task {key: 'x', name: 'x'}) RETURN t.key AS key"
    refused = run_kg("query", statement, "--store", str(seeded_store))
    assert refused.returncode == 1
    assert refused.stderr.strip() == "Error: the query writes (MERGE); pass --write to allow it"


def test_cli_query_write_flag_allows_changes(tmp_path):
    path = tmp_path / "w.lbug"
    assert run_kg("ingest", "--no-extract", "-s", str(path), str(seed("000"))).returncode == 0
    done = run_kg(
        "query", "MERGE (t:Task {key: 'x'}) SET t.name = 'X' RETURN t.name AS name", "--write", "-s", str(path)
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(run_kg("stats", "-f", "json", "-s", str(path)).stdout)["nodes"]["Task"] == 1


def test_cli_unknown_query_name_lists_the_known_ones(seeded_store):
    result = run_kg("query", "no-such-query", "--store", str(seeded_store))
    assert result.returncode == 1
    assert result.stderr.startswith(
        "Error: no ready query named 'no-such-query'; known: baselines-most-beaten, beaten-by, beats, coauthors,"
    )


def test_cli_ready_query_names_a_missing_param(seeded_store):
    result = run_kg("query", "prolific-authors", "--store", str(seeded_store))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "Error: ready query prolific-authors needs --param limit=… (how many authors to list, e.g. 20)"
    )


def test_cli_bad_param_and_format(seeded_store):
    assert (
        run_kg("query", "coauthors", "--param", "author", "-s", str(seeded_store)).stderr.strip()
        == "Error: --param 'author' is not name=value"
    )
    bad = run_kg("query", "coauthors", "--format", "xml", "-s", str(seeded_store))
    assert bad.returncode == 2 and "is not one of: table, json, csv" in bad.stderr


@pytest.mark.parametrize("command", [("duplicates",), ("trends",), ("view", "concept"), ("view", "trends")])
def test_cli_label_options_list_the_labels_in_help(command):
    result = run_kg(*command, "--help")
    assert result.returncode == 0
    line = next(line for line in result.stdout.splitlines() if "│ --label" in line)
    assert all(label in line for label in CONCEPT_LABELS), line


def test_cli_queries_lists_every_file():
    result = run_kg("queries")
    assert result.returncode == 0
    for query in list_queries():
        assert query.name in result.stdout


def test_cli_stats_on_missing_store(tmp_path):
    result = run_kg("stats", "--store", str(tmp_path / "none.lbug"))
    assert result.returncode == 1
    assert "does not exist yet; run `kg ingest` first" in result.stderr


def test_cli_store_in_use_by_another_process(tmp_path):
    path = tmp_path / "held.lbug"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sys, ladybug; db = ladybug.Database({str(path)!r}); print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = run_kg("ingest", "--no-extract", "--store", str(path), str(seed("000")))
        assert result.returncode == 1
        assert result.stderr.strip() == f"Error: store {path} is in use by another process (PID {holder.pid})"
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
