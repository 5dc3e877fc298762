"""Digest families beyond the seeds (issue 8): JSON records, markdown blocks, the papers-page
web capture. Parametrised over the real files of ../shared/corpus/external and bulk, plus
small fixtures written for these tests in tests/fixtures/digests."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from extractors.digests import FAMILIES, detect_family, json_records, parse_file, parse_text
from kg.errors import InputError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "digests"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")

CSQ = "CSQianDong-Awesome-arXiv-Daily-Reporter_"

# file -> (family, papers), as corpus/external/MANIFEST.md gives them.
EXPECTED = {
    "external/zhangluustb_multimodal-search_08-Jan-2026_README.md": ("markdown-table", 11),
    "external/zhangluustb_multimodal-search_26-Nov-2025_README.md": ("markdown-table", 18),
    "external/MTandHJ-daily_2026-06-10.md": ("ai-enhanced", 271),
    "external/MTandHJ-daily_2026-06-11_AI_enhanced_Chinese.jsonl": ("json-records", 165),
    f"external/{CSQ}2-Dec-2025_IR_README.md": ("markdown-blocks", 19),
    f"external/{CSQ}20-Aug-2026_IR_README.md": ("markdown-blocks", 19),
    f"external/{CSQ}16-Feb-2026_IR_papers.jsonl": ("json-records", 20),
    "external/AtharvaDomale-Daily-HuggingFace-AI-Papers_2026-06-20.json": ("json-records", 34),
    # 34 entries: 33 whole, the last cut by "[Content truncated]".
    "external/hf-papers-search_Long-context-ASR_webcapture_2026-06-29.md": ("web-capture", 34),
    f"bulk/{CSQ}csIR_all_part01.jsonl": ("json-records", 2077),
    f"bulk/{CSQ}csIR_all_part02.jsonl": ("json-records", 2040),
    f"bulk/{CSQ}csIR_all_part03.jsonl": ("json-records", 1976),
    f"bulk/{CSQ}csIR_all_part04.jsonl": ("json-records", 1549),
    f"bulk/{CSQ}csAI_last60days_part01.jsonl": ("json-records", 1987),
    f"bulk/{CSQ}csAI_last60days_part02.jsonl": ("json-records", 1962),
    f"bulk/{CSQ}csAI_last60days_part03.jsonl": ("json-records", 1961),
    f"bulk/{CSQ}csAI_last60days_part04.jsonl": ("json-records", 1948),
    f"bulk/{CSQ}csAI_last60days_part05.jsonl": ("json-records", 1928),
    f"bulk/{CSQ}csAI_last60days_part06.jsonl": ("json-records", 1902),
    f"bulk/{CSQ}csAI_last60days_part07.jsonl": ("json-records", 1904),
    f"bulk/{CSQ}csAI_last60days_part08.jsonl": ("json-records", 1088),
}
SEEDS = {"000": "markdown-table", "001": "ai-enhanced", "002": "arxiv-listing", "003": "daily-papers"}
NEW_FAMILIES = {"json-records", "markdown-blocks", "web-capture"}
# Bulk files are ~2,000 records / 3.5 MB; parsing one takes ~0.2 s of CPU here. CPU, not wall
# time: on a machine shared by other jobs the wall clock says nothing about the parser.
CPU_SECONDS_PER_BULK_FILE = 2.0


def _parse(relative: str):
    return parse_file(str(CORPUS / relative))


def _by_id(parsed):
    return {p.arxiv_id: p for p in parsed.papers}


# --- every corpus file ------------------------------------------------------------------


@needs_corpus
def test_digests_external_every_file_listed():
    on_disk = {
        f"{folder}/{path.name}"
        for folder in ("external", "bulk")
        for path in (CORPUS / folder).iterdir()
        if path.name != "MANIFEST.md"
    }
    assert on_disk == set(EXPECTED)


@needs_corpus
@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_digests_external_count_and_family(relative):
    family, count = EXPECTED[relative]
    started = time.process_time()
    parsed = _parse(relative)
    cpu = time.process_time() - started
    assert parsed.family == family
    assert len(parsed.papers) == count
    assert all(p.family == family and p.source == Path(relative).name for p in parsed.papers)
    assert all(p.arxiv_id or p.title for p in parsed.papers)
    if relative.startswith("bulk/"):
        assert cpu < CPU_SECONDS_PER_BULK_FILE
        assert parsed.warnings == []


@needs_corpus
@pytest.mark.parametrize(
    "relative", sorted(EXPECTED) + [f"seeds/{p.name}" for p in sorted((CORPUS / "seeds").glob("*"))]
)
def test_digests_external_exactly_one_family_detects(relative):
    """No detector but the right one claims the file, whatever the registry's order."""
    text = (CORPUS / relative).read_text(encoding="utf-8")
    expected = EXPECTED[relative][0] if relative in EXPECTED else SEEDS[Path(relative).name[:3]]
    assert [name for name, module in FAMILIES.items() if module.detect(text)] == [expected]


@needs_corpus
def test_digests_external_manifest_is_no_digest():
    with pytest.raises(InputError, match="matches no known digest family"):
        parse_file(str(CORPUS / "external" / "MANIFEST.md"))


# --- field checks per family ------------------------------------------------------------


@needs_corpus
def test_digests_external_ai_enhanced_markdown():
    parsed = _parse("external/MTandHJ-daily_2026-06-10.md")
    assert Counter(p.category for p in parsed.papers) == {"cs.AI": 60, "cs.SE": 20, "cs.LG": 179, "cs.IR": 12}
    assert all(p.arxiv_id and p.title and p.authors and p.tldr and p.abstract for p in parsed.papers)
    assert all(set(p.sections) == {"motivation", "method", "result", "conclusion"} for p in parsed.papers)
    first = parsed.papers[0]
    assert (first.arxiv_id, first.title) == ("2606.10044", "Business World Model")
    assert first.authors == ["Cecil Pang", "Hiroki Sayama"]


@needs_corpus
def test_digests_external_ai_enhanced_jsonl():
    parsed = _parse("external/MTandHJ-daily_2026-06-11_AI_enhanced_Chinese.jsonl")
    assert Counter(p.category for p in parsed.papers) == {"cs.LG": 106, "cs.AI": 36, "cs.SE": 13, "cs.IR": 10}
    paper = _by_id(parsed)["2606.11361"]
    assert paper.title == "A PubMed-Scale Dataset of Structured Biomedical Abstracts"
    assert paper.authors == ["Chia-Hsuan Chang", "Haerin Song", "Brian Ondov", "Hua Xu"]
    assert (paper.category, paper.categories) == ("cs.IR", ["cs.IR", "cs.CL"])
    assert paper.abstract.startswith("Structured abstracts are important")
    assert paper.tldr.startswith("介绍了Structured PubMed")
    assert set(paper.sections) == {"motivation", "method", "result", "conclusion"}
    assert paper.comments.startswith("Data and code for this work")
    assert all(p.tldr and p.abstract and p.authors for p in parsed.papers)
    assert not any(p.incomplete for p in parsed.papers)


@needs_corpus
def test_digests_external_python_dict_lines_warn():
    relative = f"external/{CSQ}16-Feb-2026_IR_papers.jsonl"
    parsed = _parse(relative)
    assert parsed.warnings == [
        f"{Path(relative).name}: 20 line(s) are Python dict literals, not JSON; read with ast.literal_eval"
    ]
    paper = _by_id(parsed)["2602.13179"]
    assert paper.title.startswith("Fix Before Search")
    assert paper.authors[:2] == ["Jiankun Zhang", "Shenglai Zeng"] and len(paper.authors) == 7
    assert paper.url == "https://arxiv.org/abs/2602.13179"
    assert not any(p.incomplete for p in parsed.papers)


@needs_corpus
def test_digests_external_markdown_blocks():
    parsed = _parse(f"external/{CSQ}2-Dec-2025_IR_README.md")
    first = parsed.papers[0]
    assert first.arxiv_id == "2512.01372"
    assert first.title == "Structured Spectral Reasoning for Frequency-Adaptive Multimodal Recommendation"
    assert first.authors == ["Wei Yang", "Rui Zhong", "Yiqun Chen", "Chi Lu", "Peng Jiang"]
    assert first.pdf_url == "https://arxiv.org/pdf/2512.01372"
    assert first.abstract.startswith("Multimodal recommendation aims")
    for relative in (f"external/{CSQ}2-Dec-2025_IR_README.md", f"external/{CSQ}20-Aug-2026_IR_README.md"):
        papers = _parse(relative).papers
        assert all(p.arxiv_id and p.title and p.authors and p.abstract and not p.incomplete for p in papers)
        assert len({p.arxiv_id for p in papers}) == len(papers)


@needs_corpus
def test_digests_external_markdown_blocks_agree_with_bulk():
    """The bulk cs.IR set holds the papers of the CSQianDong day files with the same text."""
    day = _by_id(_parse(f"external/{CSQ}2-Dec-2025_IR_README.md"))
    bulk = {}
    for part in range(1, 5):
        bulk.update(_by_id(_parse(f"bulk/{CSQ}csIR_all_part0{part}.jsonl")))
    for arxiv_id, paper in day.items():
        assert bulk[arxiv_id].title == paper.title
        assert bulk[arxiv_id].authors == paper.authors


@needs_corpus
def test_digests_external_scraped_hf_json():
    parsed = _parse("external/AtharvaDomale-Daily-HuggingFace-AI-Papers_2026-06-20.json")
    papers = _by_id(parsed)
    assert len(papers) == 34 and parsed.warnings == []
    first = parsed.papers[0]
    assert first.arxiv_id == "2606.19195" and first.upvotes == 52 and first.digest_date == "2026-06-20"
    assert first.authors[:3] == ["Xiaoxin Chen", "Xiaohu Ruan", "Wenyu Liu"]
    assert first.incomplete == []
    counts = Counter(reason for p in parsed.papers for reason in p.incomplete)
    assert counts["no authors"] == 22
    assert counts["no abstract"] == 4  # null or empty
    # Stray page text in place of an abstract is dropped and said so; real prose is kept.
    for arxiv_id in ("2606.15133", "2606.20521", "2606.20536", "2606.18231", "2606.20545"):
        assert papers[arxiv_id].abstract is None
        assert "abstract is page text" in papers[arxiv_id].incomplete
    assert papers["2606.19419"].abstract.startswith("RATs is a multi-agent")


@needs_corpus
def test_digests_external_web_capture():
    parsed = _parse("external/hf-papers-search_Long-context-ASR_webcapture_2026-06-29.md")
    papers = parsed.papers
    first = papers[0]
    assert first.title == "MURMUR: An Efficient Inference System for Long-Form ASR"
    assert (first.n_authors, first.published, first.upvotes) == (3, "2026-05-30", 65)
    assert first.abstract.startswith("Long-form automatic speech recognition (ASR) requires")
    assert first.abstract.endswith("https://github.com/uw-syfi/Murmur.")
    assert first.digest_date == "2026-06-29"
    gemini = papers[1]
    assert (gemini.n_authors, gemini.published, gemini.upvotes) == (671, "2024-03-08", 1)
    # A title the text browser wrapped onto a second `###` line.
    assert any(p.title.endswith("Long Context Capable Approaches") for p in papers)
    # An organisation instead of an author count is no defect.
    org = next(p for p in papers if p.title.startswith("VIBEVOICE-ASR"))
    assert org.n_authors is None and org.incomplete == []
    assert [p.incomplete for p in papers if p.incomplete] == [["truncated"]]
    last = papers[-1]
    assert last.title == "Reducing Distraction in Long-Context Language Models by Focused Learning"
    assert last.incomplete == ["truncated"] and last.abstract.startswith("Recent advancements")
    assert all(p.abstract and p.published and p.upvotes is not None for p in papers[:-1])


@needs_corpus
def test_digests_external_markdown_tables():
    parsed = _parse("external/zhangluustb_multimodal-search_08-Jan-2026_README.md")
    first = parsed.papers[0]
    assert first.arxiv_id == "2601.02361" and first.title.startswith("GCRank")
    assert first.authors[:3] == ["Ziheng Ni", "Congcong Liu", "Cai Shang"]
    assert first.digest_date == "2026-01-08"
    later = _parse("external/zhangluustb_multimodal-search_26-Nov-2025_README.md")
    assert all(p.arxiv_id and p.abstract and p.authors for p in later.papers)
    assert {p.digest_date for p in later.papers} == {"2025-11-26"}


@needs_corpus
def test_digests_external_bulk_fields():
    parsed = _parse(f"bulk/{CSQ}csIR_all_part01.jsonl")
    first = parsed.papers[0]
    assert first.arxiv_id == "2412.13102"
    assert first.title == "AIR-Bench: Automated Heterogeneous Information Retrieval Benchmark"
    assert first.authors[:2] == ["Jianlyu Chen", "Nan Wang"] and len(first.authors) == 9
    assert first.digest_date == "2024-12-18"
    assert len({p.arxiv_id for p in parsed.papers}) == len(parsed.papers)
    assert all(p.arxiv_id and p.title and p.authors and p.abstract for p in parsed.papers)
    # A few abstracts end in "..." upstream; nothing else is missing.
    assert {reason for p in parsed.papers for reason in p.incomplete} <= {"abstract cut"}


# --- small fixtures ---------------------------------------------------------------------


def _fixture(name: str):
    return parse_file(str(FIXTURES / name))


def test_digests_external_python_literal_lines_read_with_warning():
    parsed = _fixture("python_dict_lines.jsonl")
    assert parsed.family == "json-records"
    assert [p.arxiv_id for p in parsed.papers] == ["2501.00001", "2501.00002", "2501.00003"]
    assert parsed.papers[0].authors == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert parsed.papers[0].abstract.startswith("We study a toy retriever whose records were written by Python's")
    assert parsed.warnings == [
        "python_dict_lines.jsonl: 2 line(s) are Python dict literals, not JSON; read with ast.literal_eval"
    ]


def test_digests_external_literal_eval_never_runs_code(tmp_path):
    path = tmp_path / "evil.jsonl"
    path.write_text(
        '{"title": "Fine", "abstract": "A record that is fine and has words enough to count."}\n'
        "{'title': __import__('os').getcwd()}\n",
        encoding="utf-8",
    )
    parsed = parse_file(str(path))
    assert [p.title for p in parsed.papers] == ["Fine"]
    assert parsed.warnings == ["evil.jsonl: line 2: neither JSON nor a Python dict literal, skipped"]


def test_digests_external_nested_abstract_json_array():
    parsed = _fixture("nested_array.json")
    first, link_only, empty = parsed.papers
    assert first.arxiv_id == "2502.01234" and first.line == 2
    assert first.abstract.startswith("We recommend toys")
    assert first.authors == ["Katherine Johnson", "Dorothy Vaughan"]
    assert (first.upvotes, first.digest_date, first.incomplete) == (17, "2025-02-20", [])
    assert link_only.abstract is None and link_only.incomplete == ["no authors", "abstract is page text"]
    assert empty.abstract is None and empty.incomplete == ["no abstract"]
    assert parsed.warnings == []


def test_digests_external_id_from_urls_only():
    pdf, hf, elsewhere = _fixture("url_only.jsonl").papers
    assert pdf.arxiv_id == "2503.04567" and pdf.authors == ["Claude Shannon", "Norbert Wiener"]
    assert pdf.abstract.startswith("The only place")  # `summary` is the abstract
    assert hf.arxiv_id == "2503.07654" and hf.url == "https://arxiv.org/abs/2503.07654"
    assert elsewhere.arxiv_id is None and elsewhere.incomplete == ["no id"]
    assert elsewhere.url == "https://example.org/2503.11111"


def test_digests_external_broken_records_never_stop_the_file():
    parsed = _fixture("broken_records.jsonl")
    whole, title_only, cut = parsed.papers
    assert whole.arxiv_id == "2504.00100" and whole.incomplete == []
    assert title_only.title == "Title Only, Nothing Else"
    assert title_only.incomplete == ["no id", "no authors", "no abstract"]
    assert (cut.arxiv_id, cut.title, cut.line) == ("2504.00200", "Cut Off In The Middle", 7)
    assert cut.authors == []  # the name cut in two is dropped, not kept as "Alan Tur"
    assert cut.incomplete[0] == "truncated"
    assert parsed.warnings == [
        "broken_records.jsonl: line 2: a record with no id, title or abstract, skipped",
        "broken_records.jsonl: line 3: a record with no id, title or abstract, skipped",
        "broken_records.jsonl: line 4: neither JSON nor a Python dict literal, skipped",
        "broken_records.jsonl: line 5: not a record (a JSON list), skipped",
    ]


def test_digests_external_truncated_json_array():
    parsed = _fixture("truncated_array.json")
    assert [p.arxiv_id for p in parsed.papers] == ["2506.00001", "2506.00002"]
    assert parsed.papers[1].incomplete == ["truncated", "no authors", "no abstract"]


def test_digests_external_arxiv_api_records():
    api, digest = _fixture("arxiv_api.jsonl").papers
    assert api.arxiv_id == "2505.01010"
    assert (api.published, api.updated) == ("2025-05-02", "2025-05-09")
    assert api.abstract == (
        "An abstract as the arXiv API returns it, with a line break inside that the parser folds into a space."
    )
    assert (api.category, api.categories) == ("cs.IR", ["cs.IR", "cs.LG"])
    assert api.comments == "Accepted by SIGIR 2025, 4 pages"
    assert (api.venue, api.journal_ref) == ("SIGIR 2025", "Proc. SIGIR 2025")
    assert api.doi == "10.1145/1234567.7654321"
    assert api.pdf_url == "http://arxiv.org/pdf/2505.01010v2"
    assert digest.categories == ["cs.IR", "cs.AI"] and digest.category == "cs.IR"
    assert (digest.published, digest.upvotes, digest.tldr) == ("2025-05-03", 4, "A short summary.")
    assert digest.sections == {
        "motivation": "Why it matters.",
        "method": "What was done.",
        "result": "What was found.",
        "conclusion": "What it means.",
    }


def test_digests_external_paper_from_record_is_public():
    paper = json_records.paper_from_record(
        {"arxiv_id": "arXiv:2508.00001v1", "title": "T", "authors": "A, B"}, source="feed"
    )
    assert (paper.arxiv_id, paper.authors, paper.incomplete) == ("2508.00001", ["A", "B"], ["no abstract"])
    assert json_records.paper_from_record({"publisher": "x"}, source="feed") is None


def test_digests_external_markdown_blocks_truncated():
    parsed = _fixture("blocks_truncated.md")
    assert parsed.family == "markdown-blocks"
    first, no_authors, cut = parsed.papers
    assert first.authors == ["Ada Lovelace", "Charles Babbage"] and first.incomplete == []
    assert no_authors.arxiv_id == "2507.00022" and no_authors.incomplete == ["no authors"]
    assert cut.arxiv_id == "2507.00033" and cut.incomplete == ["no abstract", "truncated"]


def test_digests_external_web_capture_truncated():
    parsed = _fixture("capture_truncated.md")
    assert parsed.family == "web-capture"
    toy, wrapped, cut = parsed.papers
    assert toy.arxiv_id == "2502.22222"  # from the reference list
    assert (toy.n_authors, toy.published, toy.upvotes) == (4, "2025-02-28", 12)
    assert toy.abstract == (
        "The first abstract of a small capture written for the tests. It runs over two lines that the parser joins."
    )
    assert wrapped.title == "A Title So Long That The Text Browser Wrapped It Onto A Second Heading Line"
    assert (wrapped.arxiv_id, wrapped.n_authors) == ("2412.00321", None)
    assert (wrapped.published, wrapped.upvotes) == ("2024-12-01", 0)  # `-` upvotes is none yet
    assert wrapped.incomplete == []
    assert cut.title == "The Entry The Capture Cut" and cut.incomplete == ["truncated"]
    assert cut.abstract.startswith("Only the first words") and "Content truncated" not in cut.abstract


def test_digests_external_parse_text_passes_warnings():
    text = (FIXTURES / "python_dict_lines.jsonl").read_text(encoding="utf-8")
    warnings: list[str] = ["earlier warning"]
    parsed = parse_text(text, "somewhere/x.jsonl", warnings=warnings)
    assert parsed.warnings is warnings and len(warnings) == 2 and "x.jsonl" in warnings[1]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ('{"title": "T", "abstract": "A"}\n', "json-records"),
        ('[{"arxiv_id": "2501.00001"}]', "json-records"),
        ('{"name": "not a paper", "count": 3}\n', None),
        ("# T\n\n**Authors**: A\n\n**Abstract**: B\n\n---\n", "markdown-blocks"),
        ("### [T][1]\n\n[\n\nabstract\n\n][2]\n[\n* 2 authors\n][3]\n·\nMay 1\n", "web-capture"),
    ],
)
def test_digests_external_detect_small_texts(text, family):
    assert detect_family(text) == family
    if family:
        assert family in NEW_FAMILIES
