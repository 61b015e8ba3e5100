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


# Pattern roles --------------------------------------------------------------------------------
def test_every_profile_has_a_pattern_for_every_role() -> None:
    """A role a profile lacked used to match nothing in silence; now every language has every role."""
    from unkg.profile import load_profile, profile_languages, vocabulary_graph

    roles = set(vocabulary_graph().subjects(RDF.type, UNKG.PatternRole))
    assert len(roles) >= 60
    missing = {lang: sorted(str(r) for r in roles - set(load_profile(lang).patterns)) for lang in profile_languages()}
    assert missing == {lang: [] for lang in profile_languages()}
    # Every pattern has a declared role.
    for lang in profile_languages():
        assert set(load_profile(lang).patterns) <= roles


def test_every_role_the_code_asks_for_is_a_declared_role() -> None:
    """Roles are asked for as terms of the closed namespace (UNKG.AddresseeEnd), never as strings."""
    import re as regex

    from unkg.profile import vocabulary_graph

    roles = {str(r).rsplit("#", 1)[-1] for r in vocabulary_graph().subjects(RDF.type, UNKG.PatternRole)}
    asked = set()
    for module in sorted((ROOT / "loader").glob("*.py")):
        text = module.read_text(encoding="utf-8")
        assert not regex.search(r'\b(?:match|search|finditer|all|_who)\("[A-Z]', text), module.name
        asked |= set(regex.findall(r"\b(?:match|search|finditer|all|_who)\(UNKG\.([A-Za-z]+)", text))
    assert len(asked) >= 50
    assert asked - roles == set()


def test_a_role_the_profile_lacks_is_an_error_not_no_match() -> None:
    from dataclasses import replace

    from unkg.profile import load_profile

    english = load_profile("en")
    patterns = dict(english.patterns)
    del patterns[UNKG.AddresseeEnd]
    with pytest.raises(KeyError, match="the en profile has no pattern of role .*AddresseeEnd"):
        replace(english, patterns=patterns).search(UNKG.AddresseeEnd, "the Panel, to report")
