"""Canned SPARQL queries: read them with their headers, bind parameters, run, format rows."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .resources import resource_files

_HEADER = re.compile(r"^#\+\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*)$")
_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$')
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<type>[^)]+)\))?\s*(?:[-—:]\s*(?P<doc>.*))?$")


@dataclass(frozen=True)
class Parameter:
    """A query parameter declared in a header line ``#+ param: name (type) — what it is``."""

    name: str
    datatype: str      # "iri", "string" or an xsd: datatype such as "xsd:date"
    doc: str


@dataclass(frozen=True)
class CannedQuery:
    """A query file of queries/ with what its header says."""

    name: str
    summary: str
    columns: str
    params: tuple[Parameter, ...]
    text: str


class QueryError(Exception):
    """A canned query was asked for wrongly (unknown name or parameter, bad value)."""


def canned_queries() -> dict[str, CannedQuery]:
    """All canned queries by name (file name without .rq)."""
    found = {}
    for item in resource_files("queries", ".rq"):
        found[item.name[:-3]] = parse_query_file(item.name[:-3], item.read_text(encoding="utf-8"))
    return found


def parse_query_file(name: str, text: str) -> CannedQuery:
    """Read the header lines of a query file."""
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = _HEADER.match(line)
        if match:
            header.setdefault(match.group("key"), []).append(match.group("value").strip())
    params = []
    for value in header.get("param", []):
        match = _PARAM.match(value)
        if not match:
            raise QueryError(f"{name}.rq: cannot read parameter line '{value}'")
        params.append(Parameter(match.group("name"), (match.group("type") or "string").strip(),
                                (match.group("doc") or "").strip()))
    return CannedQuery(name, " ".join(header.get("summary", [""])), " ".join(header.get("columns", [""])),
                       tuple(params), text)


def bind_values(query: CannedQuery, given: dict[str, str]) -> dict[str, Node]:
    """Turn ``name=value`` strings into RDF terms of the declared parameter types."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise QueryError(f"{query.name}: unknown parameter(s) {', '.join(unknown)}; "
                         f"it takes {', '.join(declared) or 'none'}")
    bound: dict[str, Node] = {}
    for name, value in given.items():
        kind = declared[name].datatype
        if kind == "iri":
            if not _IRI.match(value):
                raise QueryError(f"{query.name}: parameter {name}={value!r} is not an absolute IRI")
            bound[name] = URIRef(value)
        elif kind.startswith("xsd:"):
            literal = Literal(value, datatype=XSD[kind[4:]])
            if literal.value is None and kind != "xsd:string":
                raise QueryError(f"{query.name}: parameter {name}={value!r} is not a valid {kind}")
            bound[name] = literal
        else:
            bound[name] = Literal(value)
    return bound


@dataclass(frozen=True)
class Rows:
    """Query results independent of where they ran: variable names and one dict per row."""

    variables: tuple[str, ...]
    rows: tuple[dict[str, Node], ...]


def bound_text(query: CannedQuery, params: dict[str, str] | None = None) -> str:
    """The query with each parameter's ``VALUES ?name { UNDEF }`` block holding its value.

    A parameter is bound where its query puts that block (inside a subquery if need be),
    as one RDF term written by rdflib (``Node.n3``), so a value can never become SPARQL:
    the same text runs locally and on any endpoint, giving the same answers.
    """
    bound = bind_values(query, params or {})
    text = query.text
    for parameter in query.params:
        slot = re.compile(rf"VALUES\s+\?{parameter.name}\s*\{{\s*UNDEF\s*\}}")
        if not slot.search(text):
            raise QueryError(f"{query.name}.rq: parameter {parameter.name} has no 'VALUES ?{parameter.name} {{ UNDEF }}' block")
        if parameter.name in bound:
            term = bound[parameter.name].n3()
            text = slot.sub(lambda _: f"VALUES ?{parameter.name} {{ {term} }}", text, count=1)
    return text


def run_local(query: CannedQuery, graph: Graph, params: dict[str, str] | None = None) -> Rows:
    """Run a canned query on an rdflib graph."""
    result = graph.query(bound_text(query, params))
    variables = tuple(str(v) for v in result.vars or ())
    rows = tuple({name: row[name] for name in variables if row[name] is not None} for row in result)
    return Rows(variables, rows)


def _plain(term: Node) -> str:
    return str(term)


def format_rows(rows: Rows, fmt: str) -> str:
    """Rows as an aligned table, CSV, or SPARQL 1.1 Query Results JSON."""
    if fmt == "json":
        return json.dumps({"head": {"vars": list(rows.variables)},
                           "results": {"bindings": [{k: _json_term(v) for k, v in row.items()} for row in rows.rows]}},
                          ensure_ascii=False, indent=2) + "\n"
    table = [[_plain(row[v]) if v in row else "" for v in rows.variables] for row in rows.rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(rows.variables)
        writer.writerows(table)
        return out.getvalue()
    widths = [max([_width(v)] + [_width(r[i]) for r in table]) for i, v in enumerate(rows.variables)]
    lines = ["  ".join(_pad(v, w) for v, w in zip(rows.variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in table]
    lines.append(f"({len(table)} row{'s' if len(table) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    item = {"type": "literal", "value": str(term)}
    if term.language:
        item["xml:lang"] = term.language
    elif term.datatype:
        item["datatype"] = str(term.datatype)
    return item


def _width(text: str) -> int:
    # East Asian wide characters take two terminal columns.
    return sum(2 if "\u1100" <= ch <= "\uffdc" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
