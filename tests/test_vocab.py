"""The closed namespace in code and the ontology file define the same terms; doctests."""

from __future__ import annotations

import doctest
import importlib

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, SKOS

from unkg.vocab import UNKG

from conftest import ROOT

ONTOLOGY = Graph()
for _path in sorted((ROOT / "ontology").rglob("*.ttl")):
    ONTOLOGY.parse(_path)


def test_every_code_term_is_declared_in_the_ontology() -> None:
    declared = {s for s in ONTOLOGY.subjects() if str(s).startswith(str(UNKG._NS))}
    missing = sorted(name for name in UNKG.__annotations__ if UNKG[name] not in declared)
    assert missing == []


def test_every_ontology_term_is_in_the_code_namespace() -> None:
    names = set(UNKG.__annotations__)
    declared = {str(s)[len(str(UNKG._NS)):] for s in ONTOLOGY.subjects() if str(s).startswith(str(UNKG._NS))}
    assert sorted(declared - names) == []


def test_every_class_and_property_has_english_and_chinese_labels() -> None:
    from rdflib.namespace import RDFS
    terms = [s for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for s in ONTOLOGY.subjects(RDF.type, kind)]
    assert len(terms) > 40
    for term in terms:
        languages = {label.language for label in ONTOLOGY.objects(term, RDFS.label)}
        assert {"en", "zh"} <= languages, term
        assert {c.language for c in ONTOLOGY.objects(term, RDFS.comment)} >= {"en", "zh"}, term


def test_typo_in_the_namespace_fails() -> None:
    with pytest.raises(AttributeError):
        UNKG.OperativeParagrahp  # noqa: B018 - the access itself is the test


def test_instrument_kinds_have_labels_in_both_languages() -> None:
    kinds = set(ONTOLOGY.subjects(SKOS.inScheme, UNKG.InstrumentKind))
    assert len(kinds) == 11
    for kind in kinds:
        assert {l.language for l in ONTOLOGY.objects(kind, SKOS.prefLabel)} == {"en", "zh"}


@pytest.mark.parametrize("module", ["unkg.iri", "unkg.symbols", "unkg.citations", "unkg.publish", "unkg.deadlines", "unkg.remote"])
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
