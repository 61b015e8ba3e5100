"""Validate stage: check graphs against the SHACL shapes in shapes/ with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyshacl_turbo
from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import RDF, SH, SKOS
from rdflib.term import Node

from .resources import resource_dir, resource_files


@dataclass(frozen=True)
class Finding:
    """One SHACL result: how bad, on which node, which path, and the message."""

    severity: str
    focus: str
    path: str
    message: str

    def line(self) -> str:
        """The finding as one readable line."""
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}"


@dataclass(frozen=True)
class Report:
    """The outcome of validating one graph."""

    conforms: bool
    findings: tuple[Finding, ...]

    @property
    def violations(self) -> tuple[Finding, ...]:
        """Findings of severity Violation (warnings do not break conformance)."""
        return tuple(f for f in self.findings if f.severity == "Violation")


# Two engines run the same shapes: pySHACL, the reference (what a user's CI runs on the
# dumps), and pySHACL-Turbo, a Rust engine with pySHACL's interface that gives the same
# results about ten times faster; the build uses it to validate every document it reads
# (tests/test_shapes.py holds both engines to the same results on every example).
ENGINES = ("pyshacl", "pyshacl-turbo")
REFERENCE_ENGINE = "pyshacl"
BUILD_ENGINE = "pyshacl-turbo"

# Shapes of the vocabularies themselves (bodies, verbs, actions): checked once by the tests
# and by `unkg validate` on a dataset, not again for every document built.
VOCABULARY_SHAPES = "vocabulary.ttl"


def shapes_graph(with_vocabulary: bool = False) -> Graph:
    """The shapes of shapes/ in one graph (the vocabulary shapes only when asked for)."""
    # One cached graph per flag however it is passed: results name shapes by blank nodes,
    # which only match the very graph object the validation ran with.
    return _shapes_graph(bool(with_vocabulary))


@cache
def _shapes_graph(with_vocabulary: bool) -> Graph:
    graph = Graph()
    for item in resource_files("shapes", ".ttl"):
        if item.name != VOCABULARY_SHAPES or with_vocabulary:
            graph.parse(data=item.read_text(encoding="utf-8"), format="turtle")
    return graph


@cache
def ontology_graph() -> Graph:
    """The ontology and vocabularies (class hierarchy for shape targets)."""
    graph = Graph()
    for item in sorted(resource_dir("ontology").iterdir(), key=lambda f: f.name):
        if item.name.endswith(".ttl"):
            graph.parse(data=item.read_text(encoding="utf-8"), format="turtle")
    return graph


@cache
def _vocabulary_index() -> tuple[tuple[tuple[Node, Node, Node], ...], dict[Node, list[tuple[Node, Node, Node]]]]:
    """The ontology split in two: its schema (classes, properties, schemes), which every graph
    is read with, and the triples of each concept of its vocabularies (bodies, verbs, actions)."""
    graph = ontology_graph()
    concepts = set(graph.subjects(SKOS.inScheme, None))
    by_concept: dict[Node, list[tuple[Node, Node, Node]]] = {}
    schema = []
    for triple in sorted(graph):
        if triple[0] in concepts:
            by_concept.setdefault(triple[0], []).append(triple)
        else:
            schema.append(triple)
    return tuple(schema), by_concept


def _vocabulary_for(data: Graph) -> list[tuple[Node, Node, Node]]:
    """The schema and the concepts a document's graph refers to, with the concepts they refer
    to in turn (a verb's strength): what its shapes look at, without the thousands of bodies
    it never names."""
    schema, by_concept = _vocabulary_index()
    found = list(schema)
    todo = [node for node in set(data.objects()) | set(data.subjects()) if node in by_concept]
    seen: set[Node] = set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for triple in by_concept[node]:
            found.append(triple)
            if triple[2] in by_concept:
                todo.append(triple[2])
    return found


@cache
def _compiled_shapes(with_vocabulary: bool) -> pyshacl_turbo.CompiledShapes:
    # Compiled once: the shapes do not change while a process runs.
    return pyshacl_turbo.compile_shapes(shapes_graph(with_vocabulary), advanced=True)


def run_shacl(data: Graph, with_vocabulary: bool = False, engine: str = REFERENCE_ENGINE) -> Graph:
    """The results graph of SHACL ``engine`` for ``data`` read together with ontology/ (see below)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r} (known: {', '.join(ENGINES)})")
    # The ontology goes in as data, not as pySHACL's ont_graph: ont_graph brings in only
    # class and property axioms, and the shapes also need the vocabularies' instances
    # (which scheme a body, verb or action is in, whether a verb is a directive verb).
    # The merged graph is this call's own, so the engine may work on it in place (no copy).
    merged = Graph()
    for triple in data:
        merged.add(triple)
    for triple in ontology_graph() if with_vocabulary else _vocabulary_for(data):
        merged.add(triple)
    if engine == "pyshacl-turbo":
        _, results_graph, _ = _compiled_shapes(bool(with_vocabulary)).validate(
            merged, inplace=True, allow_warnings=True, abort_on_first=False)
        return results_graph
    _, results_graph, _ = shacl_validate(
        merged, shacl_graph=shapes_graph(with_vocabulary), inference="none",
        advanced=True, allow_warnings=True, abort_on_first=False, inplace=True)
    return results_graph


def validate_graph(data: Graph, with_vocabulary: bool = False, engine: str = REFERENCE_ENGINE) -> Report:
    """Validate a data graph against the shapes; warnings are reported but do not fail it."""
    results_graph = run_shacl(data, with_vocabulary, engine)
    findings = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        severity = results_graph.value(result, SH.resultSeverity)
        path = results_graph.value(result, SH.resultPath)
        findings.append(Finding(
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            focus=str(results_graph.value(result, SH.focusNode)),
            path=path.n3(data.namespace_manager) if path is not None else "",
            message=str(results_graph.value(result, SH.resultMessage) or "")))
    findings.sort(key=lambda f: (f.severity != "Violation", f.focus, f.path, f.message))
    conforms = not any(f.severity == "Violation" for f in findings)
    return Report(conforms, tuple(findings))
