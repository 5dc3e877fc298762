"""arXiv as a source (kg.arxiv, kg.enrich, `kg fetch`, `kg enrich`) against a local stand-in
for the arXiv API: an http.server on 127.0.0.1 that answers from the Atom feeds in
tests/fixtures/arxiv/ (written for these tests, every title and name invented). No test
touches the network."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import etree

from extractors.digests import ParsedFile
from extractors.digests.arxiv_api import paper_from_record
from kg import arxiv
from kg.arxiv import ArxivSettings, SourceError, SourceUnavailable
from kg.enrich import enrich
from kg.ingest import load_parsed
from kg.model import Paper, normalise_arxiv_id, title_key
from kg.store import open_store
from tests.conftest import run_kg, seed

FIXTURES = Path(__file__).parent / "fixtures" / "arxiv"
NS = {"atom": "http://www.w3.org/2005/Atom"}
SEARCH_IDS = ["2511.90001", "2511.90002", "2511.90003", "2511.90004", "2511.90005"]
LISTING_IDS = [
    "2511.18805",
    "2511.14403",
    "2510.25622",
    "2510.14257",
    "2510.08932",
    "2508.15308",
    "2508.15281",
    "2508.14500",
    "2508.14493",
    "2508.14485",
]


# --- the stand-in API ---------------------------------------------------------------------


class FakeArxiv:
    """Answers arXiv API requests from fixture entries: `id_list` with those entries,
    `ti:"..."` with the entries whose title holds the phrase, any other search with the
    entries of search.xml; `start`/`max_results` page the answer. `script` holds answers
    (status, body, headers) served first, whatever the request."""

    def __init__(self):
        self.entries: dict[str, etree._Element] = {}
        self.search_ids: list[str] = []
        self.script: list[tuple[int, bytes, dict]] = []
        self.log: list[tuple[float, dict]] = []
        for name in ("search", "listing_002", "titles"):
            for entry in etree.parse(str(FIXTURES / f"{name}.xml")).getroot().iterfind("atom:entry", NS):
                arxiv_id = entry.findtext("atom:id", namespaces=NS).rsplit("/", 1)[1].split("v")[0]
                self.entries[arxiv_id] = entry
                if name == "search":
                    self.search_ids.append(arxiv_id)

    @property
    def requests(self) -> list[dict]:
        return [params for _, params in self.log]

    def answer(self, params: dict) -> tuple[int, bytes, dict]:
        if self.script:
            return self.script.pop(0)
        start, size = int(params.get("start", 0)), int(params.get("max_results", 10))
        query = params.get("search_query", "")
        if params.get("id_list"):
            ids = [i for i in params["id_list"].split(",") if i.split("v")[0] in self.entries]
        elif query.startswith('ti:"'):
            phrase = title_key(query[4:-1])
            ids = [i for i, e in self.entries.items() if phrase in title_key(e.findtext("atom:title", namespaces=NS))]
        else:
            ids = self.search_ids
        return 200, self.feed(ids[start : start + size], total=len(ids), start=start), {}

    def feed(self, ids: list[str], *, total: int, start: int = 0) -> bytes:
        entries = "".join(etree.tostring(self.entries[i.split("v")[0]], encoding="unicode") for i in ids)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
            'xmlns:arxiv="http://arxiv.org/schemas/atom">'
            "<id>https://arxiv.org/api/kgtest</id><title>arXiv Query</title><updated>2025-11-21T00:00:00Z</updated>"
            f"<opensearch:itemsPerPage>{len(ids)}</opensearch:itemsPerPage>"
            f"<opensearch:totalResults>{total}</opensearch:totalResults>"
            f"<opensearch:startIndex>{start}</opensearch:startIndex>{entries}</feed>"
        ).encode()


@pytest.fixture
def api(monkeypatch, tmp_path):
    """The stand-in API, running; KG_ARXIV_API points at it, no delay, a private cache."""
    fake = FakeArxiv()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            params = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
            fake.log.append((time.monotonic(), params))
            status, body, headers = fake.answer(params) if url.path == "/api/query" else (404, b"", {})
            self.send_response(status)
            self.send_header("Content-Type", "application/atom+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/api/query"
    monkeypatch.setenv("KG_ARXIV_API", fake.url)
    monkeypatch.setenv("KG_ARXIV_DELAY", "0")
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("KG_ARXIV_RETRIES", "KG_ARXIV_PAGE_SIZE", "KG_ARXIV_TIMEOUT", "KG_ARXIV_CACHE_TTL"):
        monkeypatch.delenv(name, raising=False)
    yield fake
    server.shutdown()
    server.server_close()


def settings(**overrides) -> ArxivSettings:
    return ArxivSettings.from_env(**overrides)


def paper_rows(store, cypher="MATCH (p:Paper) RETURN p.key AS key, p.title AS title ORDER BY key"):
    return store.query(cypher).records()


def authors_of(store, key: str) -> list[str]:
    rows = store.query(
        "MATCH (a:Author)-[w:WROTE]->(p:Paper {key: $key}) RETURN a.name AS name, w.position AS pos ORDER BY pos",
        {"key": key},
    ).records()
    return [r["name"] for r in rows]


# --- queries and settings -----------------------------------------------------------------


@pytest.mark.parametrize(
    "query, options, expected",
    [
        ("abs:recommendation", {}, "abs:recommendation"),
        ("", {"categories": ["cs.IR"]}, "(cat:cs.IR)"),
        ("ti:ranking", {"categories": ["cs.IR", "cs.LG"]}, "(ti:ranking) AND (cat:cs.IR OR cat:cs.LG)"),
        (
            "",
            {"categories": ["cs.IR"], "since": "2025-11-01", "until": "2025-11-20"},
            "(cat:cs.IR) AND submittedDate:[202511010000 TO 202511202359]",
        ),
        ("all:bandits", {"until": "2025-01-31"}, "(all:bandits) AND submittedDate:[199101010000 TO 202501312359]"),
    ],
)
def test_arxiv_build_query(query, options, expected):
    for name in ("since", "until"):
        if name in options:
            options[name] = arxiv.parse_day(options[name], f"--{name}")
    assert arxiv.build_query(query, **options) == expected


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: arxiv.parse_day("2025-13-01", "--since"),
            "--since '2025-13-01' is not a date; write it as YYYY-MM-DD",
        ),
        (lambda: arxiv.build_query(categories=["cs IR"]), "--category 'cs IR' is not an arXiv category such as cs.IR"),
        (
            lambda: arxiv.fetch(ids=["12345"], settings=ArxivSettings()),
            "--id '12345' is not an arXiv id such as 2511.14403",
        ),
        (
            lambda: arxiv.fetch(settings=ArxivSettings()),
            "nothing to fetch: give a query, a --category, dates or an --id",
        ),
    ],
)
def test_arxiv_checks_arguments_before_any_request(call, message):
    with pytest.raises(SourceError) as info:
        call()
    assert str(info.value) == message


def test_arxiv_settings_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_ARXIV_API", "http://mirror.example/api/query")
    monkeypatch.setenv("KG_ARXIV_DELAY", "0.5")
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    s = ArxivSettings.from_env()
    assert (s.api_url, s.delay, s.cache_dir) == ("http://mirror.example/api/query", 0.5, tmp_path / "arxiv")
    monkeypatch.setenv("KG_ARXIV_DELAY", "soon")
    with pytest.raises(SourceError, match=r"KG_ARXIV_DELAY='soon' is not a float"):
        ArxivSettings.from_env()


# --- fetching -----------------------------------------------------------------------------


def test_arxiv_fetch_records_have_the_result_fields(api):
    records = arxiv.fetch("cat:cs.IR", max_results=5, settings=settings())
    assert [r["entry_id"].rsplit("/", 1)[1] for r in records][:2] == ["2511.90001v2", "2511.90002v1"]
    first = records[0]
    assert list(first) == list(arxiv.RECORD_FIELDS)
    assert first["title"] == "Lanterns: Sparse Token Routing for Cold-Start Recommendation"
    assert first["authors"] == ["Mirela Ostrova", "Tomasz Quill", "Aiko Brennan"]
    assert first["published"] == "2025-11-18T17:02:11Z" and first["updated"] == "2025-11-20T09:30:00Z"
    assert first["categories"] == ["cs.IR", "cs.LG"] and first["primary_category"] == "cs.IR"
    assert first["comment"] == "Accepted by WSDM 2026, 9 pages, 4 figures"
    assert first["journal_ref"] == "Proc. WSDM 2026, pp. 1-9"
    assert first["doi"] == "10.1145/9999999.0000001"
    assert first["pdf_url"] == "https://arxiv.org/pdf/2511.90001v2"
    paper = paper_from_record(first)
    assert (paper.arxiv_id, paper.family, paper.published, paper.venue, paper.category) == (
        "2511.90001",
        "arxiv-api",
        "2025-11-18",
        "WSDM 2026",
        "cs.IR",
    )
    assert paper.abstract.startswith("We study how new items can be ranked") and "\n" not in paper.abstract


def test_arxiv_fetch_pages_through_results(api):
    records = arxiv.fetch("cat:cs.IR", max_results=5, settings=settings(page_size=2))
    assert [normalise_arxiv_id(r["entry_id"]) for r in records] == SEARCH_IDS
    assert [(r["start"], r["max_results"]) for r in api.requests] == [("0", "2"), ("2", "2"), ("4", "2")]
    assert api.requests[0]["search_query"] == "cat:cs.IR" and api.requests[0]["sortBy"] == "submittedDate"


def test_arxiv_fetch_stops_at_max(api):
    records = arxiv.fetch("cat:cs.IR", max_results=3, settings=settings(page_size=2))
    assert len(records) == 3 and len(api.requests) == 2


def test_arxiv_fetch_by_ids_in_chunks(api):
    records = arxiv.fetch(ids=["arXiv:2511.18805v2", *LISTING_IDS[1:5]], settings=settings(page_size=2))
    assert [normalise_arxiv_id(r["entry_id"]) for r in records] == LISTING_IDS[:5]
    assert [r["id_list"] for r in api.requests] == ["2511.18805,2511.14403", "2510.25622,2510.14257", "2510.08932"]


def test_arxiv_fetch_retries_after_503(api):
    api.script = [(503, b"busy", {"Retry-After": "0"})]
    records = arxiv.fetch(ids=["2511.90001"], settings=settings())
    assert len(records) == 1 and len(api.requests) == 2


def test_arxiv_fetch_retries_an_empty_page(api):
    api.script = [(200, api.feed([], total=5), {})]
    records = arxiv.fetch("cat:cs.IR", max_results=5, settings=settings())
    assert len(records) == 5 and len(api.requests) == 2


def test_arxiv_fetch_retries_an_empty_later_page(api):
    api.script = [(200, api.feed(SEARCH_IDS[:2], total=5), {}), (200, api.feed([], total=5, start=2), {})]
    records = arxiv.fetch("cat:cs.IR", max_results=5, settings=settings(page_size=2))
    assert len(records) == 5
    assert [r.get("start") for r in api.requests] == ["0", "2", "2", "4"]


def test_arxiv_backs_off_between_retries_and_keeps_the_delay(api):
    api.script = [(503, b"", {}), (503, b"", {})]
    arxiv.fetch("cat:cs.IR", max_results=4, settings=settings(delay=0.2, page_size=2))
    times = [t for t, _ in api.log]
    gaps = [b - a for a, b in pairwise(times)]
    assert len(times) == 4  # two failures, then two pages
    assert gaps[0] >= 0.2 and gaps[1] >= 0.4  # backoff: delay, then twice the delay
    assert gaps[2] >= 0.19  # the delay between the pages


def test_arxiv_gives_up_after_the_retries(api):
    api.script = [(503, b"", {})] * 3
    with pytest.raises(SourceUnavailable) as info:
        arxiv.fetch("cat:cs.IR", settings=settings(retries=2))
    assert str(info.value) == f"the arXiv API at {api.url} failed 3 tries: HTTP 503; try again later"


def test_arxiv_malformed_feed_is_an_error(api):
    broken = (FIXTURES / "malformed.xml").read_bytes()
    api.script = [(200, broken, {})] * 4
    with pytest.raises(SourceUnavailable, match=r"failed 4 tries: malformed feed \(.*line"):
        arxiv.fetch("cat:cs.IR", settings=settings())
    assert not list((Path(settings().cache_dir)).glob("*.xml"))  # nothing cached


def test_arxiv_api_error_is_not_retried(api):
    api.script = [(400, (FIXTURES / "error.xml").read_bytes(), {})]
    with pytest.raises(SourceError) as info:
        arxiv.fetch(ids=["2511.90001"], settings=settings())
    assert str(info.value) == "the arXiv API refused the request (HTTP 400: incorrect id format for 1234)"
    assert len(api.requests) == 1


def test_arxiv_cache_answers_the_same_request(api):
    first = arxiv.fetch("cat:cs.IR", max_results=5, settings=settings(page_size=2))
    again = arxiv.fetch("cat:cs.IR", max_results=5, settings=settings(page_size=2))
    assert again == first and len(api.requests) == 3
    arxiv.fetch("cat:cs.IR", max_results=5, settings=settings(page_size=2, refresh=True))
    assert len(api.requests) == 6
    arxiv.fetch("cat:cs.IR", max_results=5, settings=settings(page_size=2, cache_ttl=0))
    assert len(api.requests) == 9


def test_arxiv_unknown_host_is_one_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    s = ArxivSettings(api_url="http://arxiv-mirror.invalid/api/query", delay=0, cache_dir=tmp_path)
    with pytest.raises(SourceUnavailable) as info:
        arxiv.fetch(ids=["2511.90001"], settings=s)
    assert str(info.value) == (
        "cannot reach the arXiv API: arxiv-mirror.invalid is unknown (offline?); check the network or set KG_ARXIV_API"
    )


def test_arxiv_refused_connection_is_retried_then_one_error(api, tmp_path):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    s = settings(api_url=f"http://127.0.0.1:{port}/api/query", retries=1)
    with pytest.raises(
        SourceUnavailable, match=r"failed 2 tries: cannot connect to .* \(.*refused.*\); try again later"
    ):
        arxiv.fetch(ids=["2511.90001"], settings=s)


def test_arxiv_load_records_writes_papers_once(api, ladybug_store):
    records = arxiv.fetch("cat:cs.IR", max_results=5, settings=settings())
    report = arxiv.load_records(records, store=ladybug_store)
    assert (report.family, report.added) == ("arxiv-api", 5)
    again = arxiv.load_records(records, store=ladybug_store)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert authors_of(ladybug_store, "2511.90001") == ["Mirela Ostrova", "Tomasz Quill", "Aiko Brennan"]
    row = ladybug_store.query(
        "MATCH (p:Paper {key: '2511.90001'}) RETURN p.doi AS doi, p.categories AS cats, "
        "p.journal_ref AS jref, p.pdf_url AS pdf, p.updated AS updated, p.sources AS sources"
    ).records()[0]
    assert row == {
        "doi": "10.1145/9999999.0000001",
        "cats": ["cs.IR", "cs.LG"],
        "jref": "Proc. WSDM 2026, pp. 1-9",
        "pdf": "https://arxiv.org/pdf/2511.90001v2",
        "updated": "2025-11-20",
        "sources": ["arXiv API"],
    }


def test_arxiv_saved_answer_ingests_as_its_family(tmp_path):
    db = str(tmp_path / "kg.lbug")
    result = run_kg("ingest", "--no-extract", "--store", db, str(FIXTURES / "search.xml"))
    assert result.returncode == 0, result.stderr
    assert "arxiv-api" in result.stdout
    with open_store(db, read_only=True) as store:
        assert [r["key"] for r in paper_rows(store)] == SEARCH_IDS
    refused = run_kg("ingest", "--no-extract", "--store", db, str(FIXTURES / "error.xml"))
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"Error: {FIXTURES / 'error.xml'}: arxiv-api: an error answer of the arXiv API: incorrect id format for 1234"
    )


# --- enrichment ---------------------------------------------------------------------------


def _store_with(store, *papers: Paper) -> None:
    load_parsed(ParsedFile(path="hand-made", family="test", papers=list(papers)), store=store)


def test_arxiv_enrich_by_exact_title(api, ladybug_store):
    _store_with(
        ladybug_store,
        Paper(
            source="hand-made",
            family="test",
            title="Quiet signals - implicit feedback from scroll depth",
            authors=["S. Trask"],
        ),
        Paper(source="hand-made", family="test", title="Notes on reranking"),
        Paper(source="hand-made", family="test", title="A Paper arXiv Never Saw"),
        Paper(source="hand-made", family="test", abstract=" ".join(["words"] * 30)),
    )
    report = enrich(store=ladybug_store, settings=settings())
    assert report.checked == 4
    key = "title:quietsignalsimplicitfeedbackfromscrolldepth"
    assert [(f.key, f.arxiv_id, f.fields, f.by) for f in report.filled] == [(key, "2511.90101", ["arxiv_id"], "title")]
    reasons = {u.title: u.reason for u in report.unmatched}
    assert reasons == {
        "Notes on reranking": "several arXiv papers have this title (2511.90103, 2511.90104)",
        "A Paper arXiv Never Saw": "no arXiv paper has exactly this title",
        None: "no id and no title to look it up by",
    }
    rows = paper_rows(
        ladybug_store,
        "MATCH (p:Paper) RETURN p.key AS key, p.arxiv_id AS id, p.title AS title, "
        "p.published AS published ORDER BY key",
    )
    assert len(rows) == 4  # no new node
    assert {
        "key": key,
        "id": "2511.90101",
        "title": "Quiet signals - implicit feedback from scroll depth",
        "published": "2025-11-12",
    } in rows
    assert authors_of(ladybug_store, key) == ["S. Trask"]  # it had authors: none added


def test_arxiv_enrich_leaves_a_title_already_held_by_another_node(api, ladybug_store):
    _store_with(
        ladybug_store,
        Paper(source="hand-made", family="test", arxiv_id="2511.90101", authors=["Sunniva Trask"]),
        Paper(
            source="hand-made",
            family="test",
            title="Quiet Signals: Implicit Feedback from Scroll Depth!!",
            authors=["S. Trask"],
        ),
    )
    report = enrich(store=ladybug_store, settings=settings())
    assert [f.key for f in report.filled] == ["2511.90101"]
    assert [u.reason for u in report.unmatched] == [
        "its title is that of 2511.90101, which is already the paper 2511.90101; the two are one paper"
    ]


# --- through the real command -------------------------------------------------------------


def test_arxiv_cli_enriches_the_listing_copy_seed(api, tmp_path):
    db = str(tmp_path / "kg.lbug")
    listing = seed("002")
    assert run_kg("ingest", "--no-extract", "--store", db, str(listing)).returncode == 0
    result = run_kg("enrich", "--no-extract", "--store", db)
    assert result.returncode == 0, result.stderr
    assert "10 papers lacked a title, authors or an id: 10 filled, 0 not matched (1 request to arXiv)" in result.stdout
    assert api.requests[0]["id_list"] == ",".join(sorted(LISTING_IDS))  # one request, by key
    with open_store(db, read_only=True) as store:
        rows = paper_rows(
            store, "MATCH (p:Paper) RETURN p.key AS key, p.title AS title, p.abstract AS abstract ORDER BY key"
        )
        assert sorted(r["key"] for r in rows) == sorted(LISTING_IDS)  # still the 10 papers
        titles = {r["key"]: r["title"] for r in rows}
        assert titles["2511.18805"] == "Amber Test Paper 1: An Invented Title for Enrichment"
        assert all(t and "Invented Title" in t for t in titles.values())
        assert all(len(r["abstract"]) > 200 for r in rows)  # the listing's full abstract kept
        assert authors_of(store, "2510.25622") == ["Chiara Rahman", "Dmitri Sato", "Elif Tamm"]
        assert all(authors_of(store, key) for key in LISTING_IDS)
    again = run_kg("enrich", "--no-extract", "--store", db)
    assert "0 papers lacked a title, authors or an id: 0 filled, 0 not matched (0 requests to arXiv)" in again.stdout
    assert len(api.requests) == 1


def test_arxiv_cli_fetch_ingests(api, tmp_path):
    db = str(tmp_path / "kg.lbug")
    result = run_kg(
        "fetch",
        "abs:recommendation",
        "--category",
        "cs.IR",
        "--since",
        "2025-11-01",
        "--max",
        "5",
        "--no-extract",
        "--store",
        db,
        env={"KG_ARXIV_PAGE_SIZE": "2"},
    )
    assert result.returncode == 0, result.stderr
    assert "arXiv API" in result.stdout and "arxiv-api" in result.stdout
    assert api.requests[0]["search_query"].startswith(
        "(abs:recommendation) AND (cat:cs.IR) AND submittedDate:[202511010000 TO "
    )
    assert len(api.requests) == 3
    with open_store(db, read_only=True) as store:
        assert [r["key"] for r in paper_rows(store)] == SEARCH_IDS
        assert authors_of(store, "2511.90004") == ["Jonas Feld", "Mirela Ostrova"]
    by_id = run_kg("fetch", "--id", "2511.14403", "--id", "arXiv:2510.25622v1", "--no-extract", "--store", db)
    assert by_id.returncode == 0, by_id.stderr
    with open_store(db, read_only=True) as store:
        assert len(paper_rows(store)) == 7


def test_arxiv_cli_fetch_out_then_ingest(api, tmp_path):
    out = tmp_path / "results.jsonl"
    db = str(tmp_path / "kg.lbug")
    result = run_kg("fetch", "cat:cs.IR", "--max", "5", "--out", str(out), "--store", db)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"5 papers written to {out}"
    assert not Path(db).exists()  # kept, not loaded
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 5 and list(lines[0]) == list(arxiv.RECORD_FIELDS)
    ingested = run_kg("ingest", "--no-extract", "--store", db, str(out))
    assert ingested.returncode == 0, ingested.stdout + ingested.stderr
    with open_store(db, read_only=True) as store:
        assert [r["key"] for r in paper_rows(store)] == SEARCH_IDS
        assert authors_of(store, "2511.90001") == ["Mirela Ostrova", "Tomasz Quill", "Aiko Brennan"]
    # Loading the same papers from the API afterwards finds them: no duplicates.
    direct = run_kg("fetch", "cat:cs.IR", "--max", "5", "--no-extract", "--store", db)
    assert direct.returncode == 0, direct.stderr
    with open_store(db, read_only=True) as store:
        assert len(paper_rows(store)) == 5


@pytest.mark.parametrize(
    "script, message",
    [
        ("malformed", "Error: the arXiv API at {url} failed 2 tries: malformed feed"),
        ("error", "Error: the arXiv API refused the request (HTTP 400: incorrect id format for 1234)"),
    ],
)
def test_arxiv_cli_bad_answer_writes_nothing(api, tmp_path, script, message):
    db, out = tmp_path / "kg.lbug", tmp_path / "results.jsonl"
    body = (FIXTURES / f"{script}.xml").read_bytes()
    status = 200 if script == "malformed" else 400
    for extra in ([], ["--out", str(out)]):
        api.script = [(status, body, {})] * 2
        result = run_kg("fetch", "cat:cs.IR", "--store", str(db), *extra, env={"KG_ARXIV_RETRIES": "1"})
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(message.format(url=api.url)), result.stderr
    assert not db.exists() and not out.exists()


def test_arxiv_cli_offline_is_one_line(tmp_path):
    result = run_kg(
        "fetch",
        "--id",
        "2511.14403",
        "--store",
        str(tmp_path / "kg.lbug"),
        env={"KG_ARXIV_API": "http://arxiv-mirror.invalid/api/query", "KG_CACHE_DIR": str(tmp_path)},
    )
    assert result.returncode == 1
    assert result.stderr == (
        "Error: cannot reach the arXiv API: arxiv-mirror.invalid is unknown (offline?); "
        "check the network or set KG_ARXIV_API\n"
    )


def test_arxiv_cli_checks_options_first(tmp_path):
    result = run_kg("fetch", "--since", "yesterday", env={"KG_ARXIV_API": "http://arxiv-mirror.invalid/api/query"})
    assert (result.returncode, result.stderr) == (
        1,
        "Error: --since 'yesterday' is not a date; write it as YYYY-MM-DD\n",
    )
    result = run_kg("fetch", "x", "--sort", "oldest")
    assert (result.returncode, result.stderr) == (
        2,
        "Error: --sort 'oldest' is not one of: submitted, updated, relevance\n",
    )
