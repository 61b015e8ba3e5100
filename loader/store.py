"""A persistent local store (Oxigraph, on disk): load a build once, query it many times.

One named graph per document and one for the ontology, named as in the TriG dump. A graph is
loaded into a staging graph first and then moved over the live one in one update (one
transaction), so a reader sees the old graph or the new one, and loading the same document
again replaces its graph instead of adding to it. Queries see the union of the graphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .dumps import GRAPH_BASE, build_graphs
from .model import UnkgError
from .query import Rows

STAGING_SUFFIX = "#staging"


@dataclass(frozen=True)
class LoadReport:
    """What one ``load`` did: triples per graph replaced."""

    graphs: dict[str, int]

    @property
    def triples(self) -> int:
        """Triples loaded in all."""
        return sum(self.graphs.values())


class LocalStore:
    """An Oxigraph store in a folder; the folder is created on first use."""

    def __init__(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        try:
            self._store = ox.Store(str(path))
        except OSError as err:  # held by another process, or not a store
            raise UnkgError(str(path), f"cannot open the store: {err}") from None
        self.path = path

    def replace_graph(self, name: str, data: bytes, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> int:
        """Put ``data`` in graph ``name`` in place of what it held; returns its triple count."""
        staging = ox.NamedNode(name + STAGING_SUFFIX)
        if self._store.contains_named_graph(staging):  # left by a load that was killed
            self._store.remove_graph(staging)
        self._store.load(data, format=fmt, to_graph=staging)
        self._store.update(f"MOVE SILENT GRAPH <{staging.value}> TO GRAPH <{name}>")
        return self.count(name)

    def load_build(self, dist: Path) -> LoadReport:
        """Load every graph of a build folder: each document (documents/*.ttl), the ontology,
        the subject labels."""
        return LoadReport({name: self.replace_graph(name, turtle) for name, turtle in build_graphs(dist)})

    def count(self, name: str | None = None) -> int:
        """Triples in one graph, or in the union of all graphs."""
        where = f"GRAPH <{name}> {{ ?s ?p ?o }}" if name else "GRAPH ?g { ?s ?p ?o }"
        solution = next(iter(self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")))
        return int(solution["n"].value)

    def graphs(self) -> dict[str, int]:
        """Every named graph of unkg with its triple count."""
        return {g.value: self.count(g.value) for g in sorted(self._store.named_graphs(), key=lambda g: g.value)
                if g.value.startswith(GRAPH_BASE)}

    def query(self, text: str) -> Rows:
        """Run a SELECT query over the union of the graphs; rows hold rdflib terms."""
        try:
            solutions = self._store.query(text, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise UnkgError(str(self.path), f"query does not parse: {err}") from None
        variables = tuple(v.value for v in solutions.variables)
        rows = []
        for solution in solutions:
            row = {}
            for name in variables:
                term = solution[name]
                if term is not None:
                    row[name] = to_rdflib(term)
            rows.append(row)
        return Rows(variables, tuple(rows))

    def close(self) -> None:
        """Flush and release the store (it is also released when garbage-collected)."""
        self._store.flush()
        del self._store


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """An Oxigraph term as the rdflib term it is."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype.endswith("#string") else URIRef(datatype))
