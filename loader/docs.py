"""Publish stage: HTML documentation of the ontology (pyLODE) and of the vocabularies.

pyLODE's OntPub profile documents the classes and properties of ``ontology/unkg.ttl``; its
VocPub profile shows nothing of our SKOS schemes, so the vocabularies (bodies, verbs,
strengths, modifiers, actions, deadline kinds, instrument kinds) are laid out here as one
table per scheme, generated from the same Turtle the loader reads.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .resources import resource_dir
from .validate import ontology_graph

ONTOLOGY_IRI = URIRef("https://w3id.org/unkg/ontology")


def ontology_html() -> str:
    """The ontology's classes and properties as one HTML page (pyLODE OntPub)."""
    from pylode import OntPub  # imported here: pyLODE is slow to import and only docs need it

    logging.getLogger().setLevel(max(logging.getLogger().level, logging.WARNING))
    core = Graph().parse(str(resource_dir("ontology") / "unkg.ttl"), format="turtle")
    # The concept schemes are documented in vocabularies.html; left in, pyLODE takes a
    # scheme's label for the page title and lays them out differently on every run.
    for subject in set(core.subjects(RDF.type, SKOS.ConceptScheme)) | set(core.subjects(SKOS.inScheme, None)):
        core.remove((subject, None, None))
    for label in list(core.objects(ONTOLOGY_IRI, RDFS.label)):
        if isinstance(label, Literal) and label.language != "en":
            core.remove((ONTOLOGY_IRI, RDFS.label, label))
    return OntPub(ontology=core).make_html()


def vocabularies_html() -> str:
    """Every SKOS scheme of ontology/ as a table: concept, labels, and its other statements."""
    graph = ontology_graph()
    schemes = sorted(graph.subjects(RDF.type, SKOS.ConceptScheme), key=str)
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>unkg vocabularies</title>",
             "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}"
             "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}"
             "code{font-size:90%}</style></head><body>",
             "<h1>unkg vocabularies</h1>",
             "<p>Controlled vocabularies of unkg, read by the loader from <code>ontology/</code>. "
             'Ontology terms: <a href="ontology.html">ontology.html</a>.</p>', "<ul>"]
    parts += [f'<li><a href="#{_anchor(s)}">{_esc(_label(graph, s, "en"))}</a></li>' for s in schemes]
    parts.append("</ul>")
    for scheme in schemes:
        concepts = sorted(graph.subjects(SKOS.inScheme, scheme), key=str)
        parts.append(f'<h2 id="{_anchor(scheme)}">{_esc(_label(graph, scheme, "en"))} / '
                     f'{_esc(_label(graph, scheme, "zh"))}</h2>')
        parts.append(f"<p><code>{_esc(str(scheme))}</code> — {len(concepts)} concepts</p>")
        parts.append("<table><tr><th>concept</th><th>English</th><th>中文</th><th>other</th></tr>")
        for concept in concepts:
            parts.append(f'<tr id="{_anchor(concept)}"><td><code>{_esc(_local(concept))}</code></td>'
                         f"<td>{_esc(_label(graph, concept, 'en'))}</td><td>{_esc(_label(graph, concept, 'zh'))}</td>"
                         f"<td>{_others(graph, concept)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


_SHOWN = {SKOS.prefLabel, SKOS.inScheme, RDF.type}


def _others(graph: Graph, concept: URIRef) -> str:
    rows = []
    for predicate in sorted(set(graph.predicates(concept)) - _SHOWN, key=str):
        values = sorted((_term(graph, o) for o in graph.objects(concept, predicate)))
        rows.append(f"<b>{_esc(_qname(graph, predicate))}</b>: {', '.join(values)}")
    return "<br>".join(rows)


def _term(graph: Graph, node) -> str:
    if isinstance(node, Literal):
        lang = f"@{node.language}" if node.language else ""
        return f"{_esc(str(node))}<sub>{lang}</sub>" if lang else _esc(str(node))
    return f'<a href="#{_anchor(node)}">{_esc(_local(node))}</a>' if (node, SKOS.inScheme, None) in graph \
        else f"<code>{_esc(_qname(graph, node))}</code>"


def _label(graph: Graph, node: URIRef, language: str) -> str:
    labels: Iterable = graph.objects(node, SKOS.prefLabel)
    return next((str(l) for l in sorted(labels) if isinstance(l, Literal) and l.language == language), "")


def _local(node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 2)[-2] + "/" + text.rsplit("/", 1)[-1]


def _qname(graph: Graph, node) -> str:
    try:
        return graph.namespace_manager.normalizeUri(node)
    except Exception:  # noqa: BLE001 - any IRI rdflib cannot shorten is shown whole
        return str(node)


def _anchor(node) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in str(node).split("//", 1)[-1])


def _esc(text: str) -> str:
    return html.escape(text, quote=True)

