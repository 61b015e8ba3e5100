"""Publish stage: the dataset as RDF dumps — Turtle, N-Triples, TriG, JSON-LD — byte-identical
for equal input, each optionally gzipped, and a VoID/DCAT description of them.

The TriG dump keeps one named graph per document and one for the ontology and vocabularies,
so a store that loads it can replace one document's graph without touching the others.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, PROV, RDF, RDFS, VOID, XSD

from .mapping import PREFIXES as _UNKG_PREFIXES
from .model import UnkgError
from .validate import ontology_graph

# unkg's prefixes and the three every dump uses; one prefix block for every format.
PREFIXES = dict(_UNKG_PREFIXES, org=ORG, rdf=RDF, rdfs=RDFS, xsd=XSD)

GRAPH_BASE = "https://w3id.org/unkg/graph/"
ONTOLOGY_GRAPH = URIRef(GRAPH_BASE + "ontology")
SUBJECTS_GRAPH = URIRef(GRAPH_BASE + "subjects")   # labels of classification concepts, if given
SUBJECTS_FILE = "subjects.ttl"
DATASET = URIRef("https://w3id.org/unkg/id/dataset")
CONTEXT_FILE = "context.jsonld"
UN = URIRef("https://www.un.org/")
SPDX = Namespace("http://spdx.org/rdf/terms#")


@dataclass(frozen=True)
class DumpFormat:
    """One RDF serialisation the dataset is written in."""

    name: str          # what `unkg build --format` accepts
    suffix: str        # file suffix of unkg.<suffix>
    media_type: str
    quads: bool        # keeps the named graphs


FORMATS = {f.name: f for f in (
    DumpFormat("turtle", "ttl", "text/turtle", False),
    DumpFormat("ntriples", "nt", "application/n-triples", False),
    DumpFormat("trig", "trig", "application/trig", True),
    DumpFormat("jsonld", "jsonld", "application/ld+json", False),
)}


def build_graphs(dist: Path) -> list[tuple[str, bytes]]:
    """The named graphs of a build folder, as Turtle: the ontology, each document's own file
    (documents/*.ttl) and, if written, the subject labels (what `unkg load` and `publish` send)."""
    documents = sorted((dist / "documents").glob("*.ttl"))
    if not documents:
        raise UnkgError(str(dist), "no documents/*.ttl here; run `unkg build` first")
    graphs = [(str(ONTOLOGY_GRAPH), ontology_graph().serialize(format="turtle", encoding="utf-8"))]
    graphs += [(str(graph_name(path.stem)), path.read_bytes()) for path in documents]
    if (dist / SUBJECTS_FILE).exists():
        graphs.append((str(SUBJECTS_GRAPH), (dist / SUBJECTS_FILE).read_bytes()))
    return graphs


def graph_name(stem: str) -> URIRef:
    """The named graph of one document, from its dump's file stem (S-RES-2322-2016-zh)."""
    return URIRef(GRAPH_BASE + stem)


def union(graphs: dict[URIRef, Graph]) -> Graph:
    """All named graphs in one graph, with unkg's prefixes."""
    merged = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        merged.bind(prefix, namespace)
    for graph in graphs.values():
        for triple in graph:
            merged.add(triple)
    return merged


def serialise(fmt: DumpFormat, graphs: dict[URIRef, Graph], merged: Graph) -> bytes:
    """The dataset in one format (``merged``: the union of ``graphs``); the bytes depend only on the triples."""
    if fmt.name == "trig":
        return trig_bytes(graphs)
    if fmt.name == "turtle":
        return merged.serialize(format="turtle", encoding="utf-8")
    if fmt.name == "ntriples":
        return ntriples_bytes(merged)
    return jsonld_bytes(merged)


def ntriples_bytes(graph: Graph) -> bytes:
    """N-Triples with the lines sorted (rdflib writes them in hash order)."""
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")


def trig_bytes(graphs: dict[URIRef, Graph]) -> bytes:
    """TriG, graphs in IRI order, each body as rdflib's sorted Turtle under one prefix block."""
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))
    parts = [head]
    for name in sorted(graphs):
        # Not indented: a line inside a multi-line literal is data.
        parts.append(f"\n<{name}> {{\n{_turtle_body(graphs[name])}\n}}\n")
    return "".join(parts).encode("utf-8")


def _turtle_body(graph: Graph) -> str:
    named = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        named.bind(prefix, namespace)
    for triple in graph:
        named.add(triple)
    text = named.serialize(format="turtle")
    return "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")).strip("\n")


def jsonld_context() -> dict:
    """The JSON-LD context: unkg's prefixes. Published as context.jsonld and also written
    inline in unkg.jsonld, so that no parser has to fetch anything to read the dump."""
    return {"@context": {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}}


def jsonld_bytes(graph: Graph) -> bytes:
    """Compact JSON-LD against the published context; nodes and values sorted."""
    context = jsonld_context()["@context"]
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    document = {"@context": context, "@graph": sorted(nodes, key=lambda n: n.get("@id", ""))}
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def gzipped(data: bytes) -> bytes:
    """gzip with no timestamp or file name, so equal input gives equal bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def description(graphs: dict[URIRef, Graph], merged: Graph, files: dict[str, DumpFormat], base_url: str,
                endpoint: str | None = None, issued: date | None = None) -> Graph:
    """VoID and DCAT description of the dataset (``merged``: the union of ``graphs``): counts,
    distributions, source, endpoint."""
    described = Graph()
    for prefix, namespace in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF),
                              ("prov", PROV), ("rdfs", RDFS), ("xsd", XSD)):
        described.bind(prefix, namespace)
    d = DATASET
    described.add((d, RDF.type, VOID.Dataset))
    described.add((d, RDF.type, DCAT.Dataset))
    described.add((d, DCTERMS.title, Literal("unkg: United Nations Security Council documents as linked data", lang="en")))
    described.add((d, DCTERMS.description, Literal(
        "Resolutions and the letters and reports answering them, paragraph by paragraph, with the requests "
        "they make (addressee, action, deadline) and their sources.", lang="en")))
    described.add((d, DCTERMS.source, UN))
    described.add((d, PROV.wasDerivedFrom, UN))
    described.add((UN, FOAF.name, Literal("United Nations", lang="en")))
    described.add((d, DCTERMS.rights, Literal(
        "Texts of United Nations documents: source the United Nations (https://www.un.org/); see its terms of use.",
        lang="en")))
    described.add((d, VOID.triples, Literal(len(merged), datatype=XSD.integer)))
    described.add((d, VOID.distinctSubjects, Literal(len(set(merged.subjects())), datatype=XSD.integer)))
    described.add((d, VOID.properties, Literal(len(set(merged.predicates())), datatype=XSD.integer)))
    described.add((d, VOID.uriSpace, Literal("https://w3id.org/unkg/")))
    for vocabulary in ("http://data.europa.eu/eli/ontology#", "http://purl.org/dc/terms/",
                       "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/ns/org#",
                       "http://www.w3.org/2006/time#", "http://www.w3.org/ns/prov#", "http://purl.org/spar/cito/",
                       "http://xmlns.com/foaf/0.1/", "https://w3id.org/unkg/ontology#"):
        described.add((d, VOID.vocabulary, URIRef(vocabulary)))
    if issued:
        described.add((d, DCTERMS.modified, Literal(issued, datatype=XSD.date)))
    if endpoint:
        described.add((d, VOID.sparqlEndpoint, URIRef(endpoint)))
        service = URIRef(endpoint)
        described.add((service, RDF.type, DCAT.DataService))
        described.add((service, DCAT.endpointURL, service))
        described.add((service, DCAT.servesDataset, d))
        described.add((d, DCAT.accessService, service))
    for name in sorted(graphs):
        subset = URIRef(f"{d}/{name.removeprefix(GRAPH_BASE)}")
        described.add((d, VOID.subset, subset))
        described.add((subset, RDF.type, VOID.Dataset))
        described.add((subset, RDFS.label, Literal(name.removeprefix(GRAPH_BASE))))
        described.add((subset, VOID.triples, Literal(len(graphs[name]), datatype=XSD.integer)))
        described.add((subset, URIRef("http://www.w3.org/ns/sparql-service-description#name"), name))
    for file_name, fmt in sorted(files.items()):
        distribution = URIRef(f"{d}/distribution/{file_name}")
        described.add((d, DCAT.distribution, distribution))
        described.add((distribution, RDF.type, DCAT.Distribution))
        described.add((distribution, DCAT.downloadURL, URIRef(base_url + file_name)))
        described.add((distribution, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{fmt.media_type}")))
        described.add((distribution, DCTERMS.format, Literal(fmt.media_type)))
        if file_name.endswith(".gz"):
            described.add((distribution, DCAT.compressFormat,
                           URIRef("https://www.iana.org/assignments/media-types/application/gzip")))
        described.add((d, VOID.dataDump, URIRef(base_url + file_name)))
    return described
