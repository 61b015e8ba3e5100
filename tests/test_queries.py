"""Every canned query: its header, that it parses, that it runs and yields its columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery

from conftest import example_params

from unkg.query import QueryError, bind_values, bound_text, canned_queries, parse_query_file, run_local
from unkg.validate import ontology_graph

QUERY_NAMES = sorted(p.stem for p in (Path(__file__).parent.parent / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def graph(built) -> Graph:
    out, _ = built
    data = Graph().parse(out / "unkg.ttl")
    data += ontology_graph()
    return data


def test_packaged_queries_are_the_rq_files() -> None:
    assert sorted(canned_queries()) == QUERY_NAMES


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_header_and_syntax(name: str) -> None:
    query = canned_queries()[name]
    assert query.summary and query.columns
    prepareQuery(query.text)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_runs_and_returns_its_columns(name: str, graph: Graph) -> None:
    query = canned_queries()[name]
    rows = run_local(query, graph, example_params(name))
    declared = [c.split("(")[0].strip() for c in re.split(r",\s*(?![^()]*\))", query.columns)]
    assert list(rows.variables) == declared
    assert rows.rows, f"{name} returned no rows on the sample documents"


def test_parameter_lines_are_read() -> None:
    query = parse_query_file("t", "#+ summary: s\n#+ param: asOf (xsd:date) — the day to judge on\n"
                                  "#+ param: body (iri) - a body\nSELECT * WHERE {}")
    assert [(p.name, p.datatype, p.doc) for p in query.params] == [
        ("asOf", "xsd:date", "the day to judge on"), ("body", "iri", "a body")]
    assert str(bind_values(query, {"asOf": "2018-01-01"})["asOf"].datatype).endswith("#date")
    with pytest.raises(QueryError, match="not a valid xsd:date"):
        bind_values(query, {"asOf": "next tuesday"})


HOSTILE = 'CTED" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER ("" = "'


def test_a_hostile_parameter_is_a_value_not_query_text(graph: Graph) -> None:
    query = canned_queries()["requests-by-body"]
    before = len(graph)
    assert run_local(query, graph, {"body": HOSTILE}).rows == ()
    assert len(graph) == before
    assert len(run_local(query, graph, {"body": "CTED"}).rows) > 0


def test_a_body_is_found_by_acronym_label_or_iri_alike(graph: Graph) -> None:
    query = canned_queries()["requests-by-body"]
    by_acronym = run_local(query, graph, {"body": "cted"}).rows
    assert by_acronym == run_local(query, graph, {"body": "反恐执行局"}).rows
    assert by_acronym == run_local(query, graph, {"body": "https://w3id.org/unkg/vocab/body/CTED"}).rows


def test_parameters_fill_their_values_block_as_one_term() -> None:
    query = canned_queries()["requests-by-body"]
    text = bound_text(query, {"body": HOSTILE})
    assert text.count("VALUES ?body {") == 1 and "UNDEF" not in text
    assert 'VALUES ?body { "CTED\\" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER (\\"\\" = \\"" }' in text
    prepareQuery(text)
    assert bound_text(query) == query.text  # unbound: the query as written, ?body UNDEF


@pytest.mark.parametrize("name", [n for n in QUERY_NAMES if canned_queries()[n].params])
def test_every_parameter_has_its_values_block(name: str) -> None:
    query = canned_queries()[name]
    for parameter in query.params:
        assert re.search(rf"VALUES\s+\?{parameter.name}\s*\{{\s*UNDEF\s*\}}", query.text)


def test_a_parameter_without_a_values_block_is_refused() -> None:
    query = parse_query_file("t", "#+ summary: s\n#+ param: x (string) — x\nSELECT * WHERE { ?s ?p ?x }")
    with pytest.raises(QueryError, match="has no 'VALUES \\?x \\{ UNDEF \\}' block"):
        bound_text(query, {"x": "1"})


def test_an_iri_parameter_must_be_an_iri() -> None:
    query = parse_query_file("t", "#+ summary: s\n#+ param: g (iri) — g\nSELECT * WHERE { VALUES ?g { UNDEF } ?s ?p ?g }")
    with pytest.raises(QueryError, match="not an absolute IRI"):
        bound_text(query, {"g": "http://x/> } ; DROP ALL #"})
