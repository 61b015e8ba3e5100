"""Publish stage: the HTML pages of the ontology (pyLODE) and of the vocabularies."""

from __future__ import annotations

import re

from rdflib import Graph
from rdflib.namespace import OWL, RDF, SKOS

from unkg.docs import ontology_html, vocabularies_html
from unkg.resources import resource_dir
from unkg.validate import ontology_graph


def test_the_ontology_page_documents_every_class_and_property() -> None:
    page = ontology_html()
    core = Graph().parse(str(resource_dir("ontology") / "unkg.ttl"))
    assert re.search(r"<title>unkg ontology</title>", page)
    terms = [t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for t in core.subjects(RDF.type, kind)]
    assert len(terms) > 60
    missing = [str(t) for t in terms if str(t) not in page]
    assert missing == []
    assert "执行或序言动词" in page  # Chinese labels travel too


def test_the_vocabularies_page_has_every_concept_of_every_scheme() -> None:
    page = vocabularies_html()
    graph = ontology_graph()
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    concepts = set(graph.subjects(SKOS.inScheme, None))
    assert page.count("<h2 ") == len(schemes) and page.count("<tr id=") == len(concepts)
    assert "<code>body/CTED</code></td><td>Counter-Terrorism Committee Executive Directorate</td>" \
           "<td>反恐怖主义委员会执行局</td>" in page
    assert "反恐执行局<sub>@zh</sub>" in page  # aliases are shown, with their language
    assert vocabularies_html() == page
