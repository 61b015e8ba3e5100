"""Publish stage: the dumps in every format, read back by rdflib and by Oxigraph, deterministic."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, VOID

from conftest import SAMPLES

from unkg.build import build
from unkg.dumps import GRAPH_BASE, ONTOLOGY_GRAPH

RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
OX_FORMAT = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
             "jsonld": ox.RdfFormat.JSON_LD}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dumps")
    build([SAMPLES], out, formats=("turtle", "ntriples", "trig", "jsonld"), compress=True,
          endpoint="http://127.0.0.1:7878/query")
    return out


@pytest.fixture(scope="module")
def built_graph(dist: Path) -> Graph:
    """The dataset as the build made it: every document's own graph plus the ontology."""
    graph = Graph()
    for path in sorted((dist / "documents").glob("*.ttl")):
        graph.parse(path, format="turtle")
    from unkg.validate import ontology_graph
    for triple in ontology_graph():
        graph.add(triple)
    return graph


def _ox_triples(path: Path, suffix: str) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(path=str(path), format=OX_FORMAT[suffix])}


def _rdflib_triples(graph: Graph) -> set[tuple[str, str, str]]:
    """The triples as Oxigraph prints terms, to compare toolkits term by term."""
    def term(node) -> str:
        if isinstance(node, URIRef):
            return f"<{node}>"
        if isinstance(node, Literal):
            return str(ox.Literal(str(node), language=node.language,
                                  datatype=ox.NamedNode(str(node.datatype)) if node.datatype else None))
        raise AssertionError(f"unexpected term {node!r}")
    return {(term(s), term(p), term(o)) for s, p, o in graph}


@pytest.mark.parametrize("suffix", ["ttl", "nt", "jsonld"])
def test_rdflib_reads_each_triple_dump_back_isomorphic(dist: Path, built_graph: Graph, suffix: str) -> None:
    assert isomorphic(Graph().parse(dist / f"unkg.{suffix}", format=RDFLIB_FORMAT[suffix]), built_graph)


def test_rdflib_reads_the_trig_dump_back_graph_by_graph(dist: Path, built_graph: Graph) -> None:
    dataset = Dataset()
    dataset.parse(dist / "unkg.trig", format="trig")
    names = sorted(str(g.identifier) for g in dataset.graphs() if len(g))
    documents = sorted(GRAPH_BASE + p.stem for p in (dist / "documents").glob("*.ttl"))
    assert names == sorted([str(ONTOLOGY_GRAPH), *documents])
    for path in (dist / "documents").glob("*.ttl"):
        assert isomorphic(dataset.graph(URIRef(GRAPH_BASE + path.stem)), Graph().parse(path, format="turtle"))
    union = Graph()
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    assert isomorphic(union, built_graph)


@pytest.mark.parametrize("suffix", ["ttl", "nt", "trig", "jsonld"])
def test_oxigraph_reads_each_dump(dist: Path, built_graph: Graph, suffix: str) -> None:
    assert _ox_triples(dist / f"unkg.{suffix}", suffix) == _rdflib_triples(built_graph)


@pytest.mark.parametrize("suffix", ["ttl", "nt", "trig", "jsonld"])
def test_gzip_copies_hold_the_same_bytes(dist: Path, suffix: str) -> None:
    assert gzip.decompress((dist / f"unkg.{suffix}.gz").read_bytes()) == (dist / f"unkg.{suffix}").read_bytes()


def test_dumps_are_byte_identical_across_builds(dist: Path, tmp_path: Path) -> None:
    build([SAMPLES], tmp_path, formats=("turtle", "ntriples", "trig", "jsonld"), compress=True,
          endpoint="http://127.0.0.1:7878/query")
    names = sorted(p.name for p in dist.iterdir() if p.is_file())
    assert names == sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert [n for n in names if (dist / n).read_bytes() != (tmp_path / n).read_bytes()] == []


def test_jsonld_has_its_context_inline_and_published(dist: Path) -> None:
    dump = json.loads((dist / "unkg.jsonld").read_text(encoding="utf-8"))
    published = json.loads((dist / "context.jsonld").read_text(encoding="utf-8"))
    assert dump["@context"] == published["@context"]
    assert published["@context"]["unkg"] == "https://w3id.org/unkg/ontology#"


def test_void_and_dcat_describe_the_dumps(dist: Path, built_graph: Graph) -> None:
    void = Graph().parse(dist / "void.ttl")
    dataset = URIRef("https://w3id.org/unkg/id/dataset")
    assert void.value(dataset, VOID.triples).toPython() == len(built_graph)
    assert str(void.value(dataset, VOID.sparqlEndpoint)) == "http://127.0.0.1:7878/query"
    media = sorted(str(void.value(d, URIRef("http://purl.org/dc/terms/format")))
                   for d in void.objects(dataset, DCAT.distribution))
    assert media == sorted(["application/ld+json", "application/n-triples", "application/trig", "text/turtle"] * 2)
    subsets = {str(void.value(s, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))): void.value(s, VOID.triples).toPython()
               for s in void.objects(dataset, VOID.subset)}
    assert subsets["S-RES-2322-2016-zh"] == len(Graph().parse(dist / "documents" / "S-RES-2322-2016-zh.ttl"))
    assert len(subsets) == 6
    assert "United Nations" in {str(o) for o in void.objects(None, URIRef("http://xmlns.com/foaf/0.1/name"))}
