"""Language profiles: the phrase patterns and keywords of each language, read from ontology/."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from .resources import resource_dir
from .vocab import UNKG


# Languages written without spaces between words: labels and forms match anywhere, case
# does not fold, and the mark-up's line breaks and indents are not spaces.
UNSPACED = frozenset({"zh", "ja"})


@dataclass(frozen=True)
class Profile:
    """Compiled patterns by role, for one language plus the language-neutral ones."""

    language: str
    patterns: dict[URIRef, tuple[re.Pattern[str], ...]]   # role (a unkg:PatternRole) → patterns
    instrument_keywords: tuple[tuple[str, str], ...]   # (keyword, kind local name), longest first
    words: dict[str, dict[str, str]] = field(default_factory=dict)  # table → word (casefolded) → value
    implied: dict[str, str] = field(default_factory=dict)  # pattern source → the body its words denote

    def word(self, table: str, word: str) -> str | None:
        """A word's value in one of the profile's word tables (unit, number, month), or None."""
        return self.words.get(table, {}).get(word.strip().casefold())

    def month(self, value: str) -> int:
        """A month given as a number (12) or as a word of the month table (December); 0 if neither."""
        return int(value) if value.isdigit() else int(self.word("month", value) or 0)

    def all(self, role: URIRef) -> tuple[re.Pattern[str], ...]:
        """Every pattern with this role; a role the profile lacks is an error, not "no match"."""
        try:
            return self.patterns[role]
        except KeyError:
            raise KeyError(f"the {self.language} profile has no pattern of role {role}") from None

    def match(self, role: URIRef, text: str) -> re.Match[str] | None:
        """The first pattern of this role that matches at the start of ``text``."""
        for pattern in self.all(role):
            found = pattern.match(text)
            if found:
                return found
        return None

    def search(self, role: URIRef, text: str) -> re.Match[str] | None:
        """The first pattern of this role found anywhere in ``text``."""
        for pattern in self.all(role):
            found = pattern.search(text)
            if found:
                return found
        return None

    def finditer(self, role: URIRef, text: str) -> list[re.Match[str]]:
        """All matches of all patterns of this role, in text order."""
        hits = [m for pattern in self.all(role) for m in pattern.finditer(text)]
        return sorted(hits, key=lambda m: (m.start(), -m.end()))

    def implied_body(self, match: re.Match[str]) -> str | None:
        """The body the pattern that made ``match`` denotes where its words link no body (unkg:impliedBody)."""
        return self.implied.get(match.re.pattern)

    def instrument_kind(self, name: str) -> str | None:
        """The instrument kind whose keyword ends ``name``, or None."""
        for keyword, kind in self.instrument_keywords:
            if name.endswith(keyword):
                return kind
        return None


@cache
def vocabulary_graph() -> Graph:
    """The ontology, vocabularies and language profiles of ontology/ in one graph."""
    graph = Graph()
    ontology = resource_dir("ontology")
    for folder in (ontology, ontology / "profiles"):
        for item in sorted(folder.iterdir(), key=lambda f: f.name):
            if item.name.endswith(".ttl"):
                graph.parse(data=item.read_text(encoding="utf-8"), format="turtle")
    return graph


@cache
def load_profile(language: str) -> Profile:
    """The profile for a language tag such as ``zh``; KeyError if unkg has none."""
    graph = vocabulary_graph()
    languages = {str(lang) for lang in graph.objects(None, DCTERMS.language)}
    if language not in languages:
        raise KeyError(language)
    patterns: dict[URIRef, list[re.Pattern[str]]] = {}
    implied: dict[str, str] = {}
    for node in sorted(graph.subjects(RDF.type, UNKG.TextPattern)):
        lang = graph.value(node, DCTERMS.language)
        if lang is not None and str(lang) != language:
            continue
        role = graph.value(node, UNKG.role)
        regex = str(graph.value(node, UNKG.regex))
        patterns.setdefault(role, []).append(re.compile(regex))
        body = graph.value(node, UNKG.impliedBody)
        if body is not None:
            implied[regex] = str(body)
    keywords = []
    for concept in graph.subjects(SKOS.inScheme, UNKG.InstrumentKind):
        for keyword in graph.objects(concept, UNKG.keyword):
            if isinstance(keyword, Literal) and keyword.language == language:
                keywords.append((str(keyword), str(concept).rsplit("/", 1)[-1]))
    keywords.sort(key=lambda pair: (-len(pair[0]), pair[0]))
    words: dict[str, dict[str, str]] = {}
    for node in graph.subjects(RDF.type, UNKG.LanguageProfile):
        if str(graph.value(node, DCTERMS.language)) != language:
            continue
        for table, prop in (("unit", UNKG.unitWord), ("number", UNKG.numberWord), ("month", UNKG.monthWord),
                            ("body-head", UNKG.bodyHeadWord), ("body-name", UNKG.bodyNameTemplate)):
            for entry in graph.objects(node, prop):
                word, _, value = str(entry).rpartition("=")
                words.setdefault(table, {})[word.strip().casefold()] = value.strip()
    return Profile(language, {role: tuple(p) for role, p in patterns.items()}, tuple(keywords), words, implied)


@cache
def profile_languages() -> tuple[str, ...]:
    """The languages ontology/ has a profile for, sorted."""
    graph = vocabulary_graph()
    return tuple(sorted(str(graph.value(node, DCTERMS.language))
                        for node in graph.subjects(RDF.type, UNKG.LanguageProfile)))


def detect_language(text: str) -> str:
    """``zh`` when CJK ideographs dominate the letters of the text, else ``en``."""
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "zh" if cjk >= latin else "en"
