"""Citations and instruments found in the samples."""

from __future__ import annotations

import pytest

from unkg.citations import paragraph_path

from conftest import EXPECTED, SAMPLE_NAMES, sample


def _resolutions(name: str) -> set[str]:
    document = sample(name)
    own = document.identity.symbol
    return {c.symbol for c in document.citations if c.symbol.startswith("S/RES/") and c.symbol != own}


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_cited_resolutions(name: str) -> None:
    assert len(_resolutions(name)) == EXPECTED[name]["cited_resolutions"]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_paragraph_citations(name: str) -> None:
    found = sorted({f"{c.symbol} {c.paragraph}" for c in sample(name).citations if c.paragraph})
    assert found == EXPECTED[name]["paragraph_citations"]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_other_documents(name: str) -> None:
    found = sorted({c.symbol for c in sample(name).citations if not c.symbol.startswith("S/RES/")})
    assert found == EXPECTED[name]["other_documents"]


def test_every_citation_has_a_year() -> None:
    assert [c.symbol for name in SAMPLE_NAMES for c in sample(name).citations if not c.year_known] == []


def test_recall_list_of_2322() -> None:
    first = [c for c in sample("000_2a646b5f01fa77ee.txt").citations if c.unit == "pp/1"]
    assert [c.symbol for c in first][:3] == ["S/RES/1267 (1999)", "S/RES/1333 (2000)", "S/RES/1363 (2001)"]
    assert first[-1].symbol == "S/RES/2309 (2016)" and len(first) == 29


def test_citation_without_a_year_resolves_to_the_same_resolution() -> None:
    # 2396 preamble: "回顾第 2178 号决议和外国恐怖主义作战人员的定义"
    citations = sample("001_fef54859da132cbf.txt").citations
    bare = [c for c in citations if c.text.startswith("2178") and "(" not in c.text]
    assert bare and {c.symbol for c in bare} == {"S/RES/2178 (2014)"}


def test_misprinted_year_is_resolved_and_reported() -> None:
    document = sample("004_ac69672ad7768d0f.txt")
    misprint = [c for c in document.citations if c.text == "2195(2015)"]
    assert [c.symbol for c in misprint] == ["S/RES/2195 (2014)"]
    assert "pp/1: the text cites 2195(2015); resolution 2195 is of 2014" in document.warnings


def test_letter_cites_the_paragraph_it_answers() -> None:
    citations = sample("003_64ff64efe628bbb7.txt").citations
    first = [c for c in citations if c.unit == "p/1" and c.paragraph]
    assert [(c.symbol, c.paragraph) for c in first] == [("S/RES/2322 (2016)", "op/22")]
    # "依照该决议第 22 段" in the annex refers back to 2322 (2016).
    anaphoric = [c for c in citations if c.text.startswith("该决议")]
    assert {(c.symbol, c.paragraph) for c in anaphoric} == {("S/RES/2322 (2016)", "op/21"), ("S/RES/2322 (2016)", "op/22")}


def test_citation_spans_point_at_the_cited_words() -> None:
    for name in SAMPLE_NAMES:
        document = sample(name)
        for citation in document.citations:
            words = document.source.text[citation.span.start:citation.span.end]
            assert "".join(words.split()) == "".join(citation.text.split()), (name, citation)


def test_paragraph_path() -> None:
    assert paragraph_path("1(d)") == "op/1/d"
    assert paragraph_path("2 (a)(ii)") == "op/2/a/ii"


def test_instruments_of_2322() -> None:
    names = sorted({m.name for m in sample("000_2a646b5f01fa77ee.txt").instruments})
    assert names == EXPECTED["000_2a646b5f01fa77ee.txt"]["instruments"]


def test_instrument_kinds() -> None:
    kinds = {m.name: m.kind for name in SAMPLE_NAMES for m in sample(name).instruments}
    assert kinds["联合国打击跨国有组织犯罪公约"] == "Convention"
    assert kinds["欧洲委员会防止恐怖主义公约附加议定书"] == "Protocol"
    assert kinds["联合国全球反恐战略"] == "Strategy"
    assert kinds["马德里指导原则"] == "Guidelines"
    assert kinds["关于在反恐背景下保护软目标的安塔利亚备忘录"] == "Memorandum"


def test_quoted_name_is_an_instrument_only_with_a_kind_word() -> None:
    names = {m.name for name in SAMPLE_NAMES for m in sample(name).instruments}
    assert "信通技术促和平、技术反恐" not in names   # “…”倡议 of 2396: an initiative, not an instrument


def test_cited_resolutions_link_to_their_library_records(dist) -> None:
    """The reference table dates and titles resolutions from 2000 on; for every resolution,
    cited or loaded, the UN Digital Library record (CR-UNSC's table, 1946 on) is linked."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import DCTERMS, FOAF, RDF

    graph = Graph().parse(dist / "unkg.ttl")
    res_1267 = URIRef("https://w3id.org/unkg/id/S/RES/1267(1999)")
    assert list(graph.objects(res_1267, FOAF.isPrimaryTopicOf)) == [URIRef("https://digitallibrary.un.org/record/287334")]
    assert list(graph.objects(res_1267, DCTERMS.title)) == []   # before the reference table begins
    res_2322 = URIRef("https://w3id.org/unkg/id/S/RES/2322(2016)")
    assert list(graph.objects(res_2322, FOAF.isPrimaryTopicOf)) == [URIRef("https://digitallibrary.un.org/record/851384")]
    resolutions = set(graph.subjects(RDF.type, URIRef("https://w3id.org/unkg/ontology#Resolution")))
    assert len(resolutions) == 60 and all(graph.value(r, FOAF.isPrimaryTopicOf) for r in resolutions)


def test_a_resolution_symbol_written_without_its_year_is_that_resolution() -> None:
    """1582 recalls "resolution 1554 of 29 July 2004 (S/RES/1554)": both the words and the
    symbol cite S/RES/1554 (2004), not a second, yearless S/RES/1554 (which the shapes refuse)."""
    from conftest import SHARED
    from unkg.pipeline import load_document

    document = load_document(SHARED / "corpus/unxml-dev/Pre-2020/2005/S_RES_1582_N0522315.xml")
    cited = [(c.symbol, c.text, c.year_known) for c in document.citations if "1554" in c.symbol]
    assert cited == [("S/RES/1554 (2004)", "1554", True), ("S/RES/1554 (2004)", "S/RES/1554", True)]
