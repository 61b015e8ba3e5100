"""Remote SPARQL 1.1 servers: publish graphs with the Graph Store Protocol, query with SPARQLWrapper.

Publishing never trusts PUT to be atomic (Virtuoso and older Oxigraph drop the old graph
before parsing the new one): each graph is PUT into a staging graph, its triple count is
checked there, and only then does one SPARQL Update move it over the live graph. A failure
at any step leaves the live graph as it was; a document is published whole or not at all.

Secrets are never printed: passwords come from the environment or a prompt, and every
message shows URLs without their user-info part.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import requests
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SELECT, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from .dumps import build_graphs
from .model import UnkgError
from .query import Rows

STAGING_SUFFIX = "#staging"
RETRY_STATUS = {502, 503, 504}


def redact(url: str) -> str:
    """A URL without user, password or query string, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


@dataclass(frozen=True)
class Endpoint:
    """Where a server answers queries, updates and Graph Store requests, and how to log in."""

    query_url: str
    update_url: str
    store_url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    auth_scheme: str = "digest"          # "basic" or "digest"
    timeout: float = 60.0
    retries: int = 3

    @classmethod
    def from_url(cls, url: str, update_url: str | None = None, store_url: str | None = None, **options) -> Endpoint:
        """An endpoint from its query URL; Oxigraph's /update and /store are the defaults."""
        base = url[: -len("/query")] if url.endswith("/query") else url.rstrip("/")
        return cls(url, update_url or base + "/update", store_url or base + "/store", **options)

    def auth(self) -> AuthBase | None:
        """The requests authentication object, if a user is set."""
        if not self.user:
            return None
        return (HTTPDigestAuth if self.auth_scheme == "digest" else HTTPBasicAuth)(self.user, self.password or "")


class RemoteError(UnkgError):
    """A server could not be reached or refused a request."""


def _request(endpoint: Endpoint, method: str, url: str, *, safe: bool, sleep: Callable[[float], None] = time.sleep,
             **kwargs) -> requests.Response:
    """One HTTP request; connection errors and 502/503/504 are retried only when ``safe``."""
    attempts = endpoint.retries if safe else 1
    for attempt in range(1, attempts + 1):
        try:
            response = requests.request(method, url, auth=endpoint.auth(), timeout=endpoint.timeout, **kwargs)
        except requests.Timeout:
            problem = f"no answer within {endpoint.timeout:g} s"
        except requests.ConnectionError:
            problem = "cannot connect (is the server running?)"
        else:
            if response.status_code < 400:
                return response
            problem = f"HTTP {response.status_code} {response.reason}: {response.text.strip()[:200]}"
            if response.status_code not in RETRY_STATUS:
                raise RemoteError(redact(url), f"{method} refused, {problem}")
        if attempt < attempts:
            sleep(0.5 * 2 ** (attempt - 1))
    raise RemoteError(redact(url), f"{method} failed after {attempts} attempt(s): {problem}")


def remote_count(endpoint: Endpoint, graph: str) -> int:
    """Triples in one graph of the server."""
    rows = remote_query(endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(rows.rows[0]["n"]) if rows.rows else 0


def publish_graph(endpoint: Endpoint, name: str, turtle: bytes, expected: int) -> None:
    """Replace graph ``name`` on the server by ``turtle`` (``expected`` triples), all or nothing."""
    staging = name + STAGING_SUFFIX
    _request(endpoint, "PUT", f"{endpoint.store_url}?graph={quote(staging, safe='')}", safe=True, data=turtle,
             headers={"Content-Type": "text/turtle; charset=utf-8"})
    staged = remote_count(endpoint, staging)
    if staged != expected:
        _drop_quietly(endpoint, staging)
        raise RemoteError(redact(endpoint.store_url),
                          f"graph <{name}>: the server holds {staged} of {expected} triples after upload; "
                          "live graph left as it was")
    try:
        _request(endpoint, "POST", endpoint.update_url, safe=False,
                 data={"update": f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{name}>"})
    except RemoteError as err:
        # The update may have run before the connection broke: check rather than guess.
        try:
            done = remote_count(endpoint, name) == expected and remote_count(endpoint, staging) == 0
        except RemoteError:
            done = False
        if not done:
            raise err


def _drop_quietly(endpoint: Endpoint, graph: str) -> None:
    try:
        _request(endpoint, "POST", endpoint.update_url, safe=True, data={"update": f"DROP SILENT GRAPH <{graph}>"})
    except RemoteError:
        pass


@dataclass(frozen=True)
class Publication:
    """One graph sent to a server."""

    graph: str
    triples: int
    error: str | None = None


def publish_build(endpoint: Endpoint, dist: Path) -> Iterator[Publication]:
    """Publish the ontology and every document of a build folder, one graph at a time."""
    for name, turtle in build_graphs(dist):
        expected = len(Graph().parse(data=turtle, format="turtle"))
        try:
            publish_graph(endpoint, name, turtle, expected)
        except RemoteError as err:
            yield Publication(name, 0, f"{err.source}: graph <{name}>: {err.problem}")
            if "cannot connect" in str(err):
                return  # the server is gone: the other graphs would fail the same way
            continue
        yield Publication(name, expected)


def remote_query(endpoint: Endpoint, text: str) -> Rows:
    """Run a SELECT query on the server through SPARQLWrapper; rows hold rdflib terms."""
    wrapper = SPARQLWrapper(endpoint.query_url)
    wrapper.setQuery(text)
    # SPARQLWrapper guesses the query type from keywords and can take a word in a header
    # comment for an update keyword; canned queries are all SELECT queries.
    wrapper.queryType = SELECT
    wrapper.setMethod(POST)
    wrapper.setReturnFormat(JSON)
    wrapper.setTimeout(int(endpoint.timeout))
    if endpoint.user:
        wrapper.setHTTPAuth(DIGEST if endpoint.auth_scheme == "digest" else BASIC)
        wrapper.setCredentials(endpoint.user, endpoint.password or "")
    problem = ""
    for attempt in range(1, endpoint.retries + 1):  # a query changes nothing: safe to retry
        try:
            result = wrapper.queryAndConvert()
            break
        except SPARQLWrapperException as err:
            raise RemoteError(redact(endpoint.query_url), f"query refused: {str(err).splitlines()[0]}") from None
        except OSError as err:  # URLError, timeouts, refused connections
            reason = getattr(err, "reason", err)
            problem = (f"no answer within {endpoint.timeout:g} s" if isinstance(reason, TimeoutError)
                       else "cannot connect (is the server running?)" if isinstance(reason, ConnectionError)
                       else str(reason))
            if attempt < endpoint.retries:
                time.sleep(0.5 * 2 ** (attempt - 1))
    else:
        raise RemoteError(redact(endpoint.query_url), f"query failed after {endpoint.retries} attempt(s): {problem}")
    variables = tuple(result["head"].get("vars", []))
    rows = tuple({k: from_json(v) for k, v in binding.items()} for binding in result["results"]["bindings"])
    return Rows(variables, rows)


def from_json(term: dict[str, str]) -> Node:
    """A term of the SPARQL 1.1 JSON results format as the rdflib term it is."""
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in term:
        return Literal(value, lang=term["xml:lang"])
    datatype = term.get("datatype")
    if datatype and datatype.endswith("#string"):
        datatype = None
    if datatype == str(XSD.duration) and value.isdigit():
        value = _months_as_duration(int(value))
    return Literal(value, datatype=URIRef(datatype) if datatype else None)


def _months_as_duration(months: int) -> str:
    """Virtuoso keeps a year-month xsd:duration as its number of months: give back the ISO form.

    >>> _months_as_duration(12), _months_as_duration(6), _months_as_duration(18)
    ('P1Y', 'P6M', 'P1Y6M')
    """
    years, rest = divmod(months, 12)
    return "P" + (f"{years}Y" if years else "") + (f"{rest}M" if rest or not years else "")
