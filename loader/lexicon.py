"""Vocabularies as data: bodies, verbs, modifiers and actions of one language, from ontology/.

Nothing here knows a body or a verb by name: every label, form and pattern is read from
``ontology/bodies.ttl``, ``verbs.ttl`` and ``actions.ttl``, so a language is added there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from .profile import UNSPACED, vocabulary_graph
from .symbols import normalise_symbol
from .vocab import ORG, UNKG


@dataclass(frozen=True)
class Body:
    """One resource of the authority file."""

    iri: str
    labels: tuple[str, ...]          # every label in the lexicon's language
    kind: str                        # "post", "group" or "organisation"
    established_by: tuple[str, ...]  # symbols of the resolutions that set it up
    post_in: str | None


@dataclass(frozen=True)
class Verb:
    """A verb concept: how strong it is and whether it lays something on an addressee."""

    iri: str
    strength: str
    rank: int
    directive: bool
    not_followed_by: tuple[str, ...]


@dataclass(frozen=True)
class Action:
    """An action concept with its patterns in the lexicon's language."""

    iri: str
    reporting: bool
    patterns: tuple[re.Pattern[str], ...]


class LabelMatch:
    """One label found in a text, read like a regex match (start, end, group)."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int) -> None:
        self.string, self._start, self._end = string, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("no such group")
        return self.string[self._start:self._end]


class LabelMatcher:
    """Every label of a language in a character trie: the same matches as one regex alternation
    of all labels, longest first (leftmost, then longest label; case-insensitive and bounded by
    non-word characters in spaced scripts, anywhere in unspaced ones), at a cost that does not
    grow with the number of labels. Offers ``finditer`` and ``search`` like a compiled pattern."""

    def __init__(self, language: str, labels: list[str]) -> None:
        self.spaced = language not in UNSPACED
        self.root: dict = {}
        for label in set(labels):
            node = self.root
            for ch in self._fold(label):
                node = node.setdefault(ch, {})
            node[""] = True
        first = "".join(re.escape(ch) for ch in sorted(self.root))
        # Where a label may begin: one of the labels' first characters, at a word's start if spaced.
        self.starts = re.compile(rf"(?<![\w-])[{first}]" if self.spaced else f"[{first}]") if first else None

    def _fold(self, text: str) -> str:
        # re.IGNORECASE compares characters one by one: lower each, keeping the text's length.
        if not self.spaced:
            return text
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

    @staticmethod
    def _word(ch: str) -> bool:
        return ch.isalnum() or ch in "_-"

    def finditer(self, text: str):
        """Non-overlapping matches, left to right, as ``re.finditer`` of the alternation gives them."""
        if self.starts is None:
            return
        folded = self._fold(text)
        root, size, spaced, position = self.root, len(folded), self.spaced, 0
        for candidate in self.starts.finditer(folded):
            start = candidate.start()
            if start < position:
                continue
            end = self._longest(folded, start, root, size, spaced)
            if end is not None:
                yield LabelMatch(text, start, end)
                position = end

    def search(self, text: str) -> LabelMatch | None:
        return next(self.finditer(text), None)

    def _longest(self, folded: str, start: int, root: dict, size: int, spaced: bool) -> int | None:
        node, i, best = root, start, None
        while i < size and folded[i] in node:
            node = node[folded[i]]
            i += 1
            if "" in node and not (spaced and i < size and self._word(folded[i])):
                best = i
        return best


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractors look up for one language."""

    language: str
    bodies: dict[str, Body]
    body_pattern: LabelMatcher | None      # every label, longest first (a trie, read like a pattern)
    body_by_label: dict[str, str]
    verbs: dict[str, Verb]
    verb_pattern: re.Pattern[str] | None   # modifiers* + verb form, anchored by the caller
    verb_by_form: dict[str, str]
    modifier_by_form: dict[str, str]
    actions: tuple[Action, ...]
    addressee_by_label: dict[str, str] = field(default_factory=dict)  # names good only as a whole addressee
    duty_verb: str | None = None            # what "the Monitoring Team shall have the following tasks:" is read as

    def addressee_for_label(self, words: str) -> str | None:
        """The body these words name when they are the whole addressee of a verb."""
        return self.addressee_by_label.get(_key(self.language, words.strip()))

    def body_for_label(self, label: str) -> str | None:
        """The body a label names (case-insensitive outside unspaced scripts)."""
        key = label if self.language in UNSPACED else label.casefold()
        return self.body_by_label.get(key)

    def bodies_established_by(self, numbers: set[int]) -> list[Body]:
        """Bodies set up by any of these resolution numbers, most shared numbers first."""
        scored = []
        for body in self.bodies.values():
            own = {int(s.split("/")[2].split()[0]) for s in body.established_by}
            if own & numbers:
                scored.append((-len(own & numbers), body.iri, body))
        return [body for *_, body in sorted(scored)]


def _key(language: str, text: str) -> str:
    return text if language in UNSPACED else text.casefold()


def _alternation(language: str, words: list[str]) -> str:
    words = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w) for w in words)
    return body if language in UNSPACED else rf"(?<![\w-])(?:{body})(?![\w-])"


def _in_language(value: object, language: str) -> bool:
    return isinstance(value, Literal) and value.language == language


@cache
def load_lexicon(language: str) -> Lexicon:
    """The lexicon of one language (empty parts where ontology/ has no data for it)."""
    graph = vocabulary_graph()
    flags = 0 if language in UNSPACED else re.IGNORECASE
    bodies = _bodies(graph, language)
    by_label = {_key(language, label): body.iri for body in bodies.values() for label in body.labels}
    body_pattern = LabelMatcher(language, [l for b in bodies.values() for l in b.labels]) if by_label else None

    verbs: dict[str, Verb] = {}
    verb_by_form: dict[str, str] = {}
    for concept in sorted(graph.subjects(SKOS.inScheme, UNKG.Verbs)):
        strength = graph.value(concept, UNKG.strength)
        forms = [str(f) for f in graph.objects(concept, UNKG.form) if _in_language(f, language)]
        if not forms:
            continue
        verbs[str(concept)] = Verb(
            str(concept), str(strength), int(graph.value(strength, UNKG.rank) or 0),
            bool(graph.value(concept, UNKG.directive) and graph.value(concept, UNKG.directive).toPython()),
            tuple(str(w) for w in graph.objects(concept, UNKG.notFollowedBy) if _in_language(w, language)))
        for form in forms:
            verb_by_form[_key(language, form)] = str(concept)
    modifier_by_form = {
        _key(language, str(form)): str(concept)
        for concept in sorted(graph.subjects(SKOS.inScheme, UNKG.VerbModifiers))
        for form in graph.objects(concept, UNKG.form) if _in_language(form, language)}
    verb_pattern = None
    if verb_by_form:
        gap = "" if language in UNSPACED else r"\s+"
        modifiers = f"(?:(?:{_alternation(language, list(modifier_by_form))}){gap})*" if modifier_by_form else ""
        verb_pattern = re.compile(
            f"(?P<modifiers>{modifiers})(?P<verb>{_alternation(language, list(verb_by_form))})", flags)

    actions = []
    for concept in sorted(graph.subjects(SKOS.inScheme, UNKG.Actions)):
        patterns = tuple(re.compile(str(p), flags) for p in graph.objects(concept, UNKG.regex)
                         if _in_language(p, language))
        if patterns:
            reporting = graph.value(concept, UNKG.reporting)
            actions.append(Action(str(concept), bool(reporting and reporting.toPython()), patterns))
    addressee_by_label = {_key(language, str(label)): str(concept)
                          for concept, label in sorted(graph.subject_objects(UNKG.addresseeLabel))
                          if _in_language(label, language)}
    duty_verb = next((str(v) for v in sorted(graph.subjects(UNKG.readsDutyStatements, Literal(True)))
                      if str(v) in verbs), None)
    return Lexicon(language, bodies, body_pattern, by_label, verbs, verb_pattern, verb_by_form,
                   modifier_by_form, tuple(actions), addressee_by_label, duty_verb)


def _government_labels(graph: Graph, language: str, taken: set[str]) -> dict[str, list[str]]:
    """The names of each state's government in one language: every form of the language's
    profile (unkg:governmentName, unkg:governmentForm) filled with every name or demonym of the
    state; a name another body has, or that two states would share, names neither."""
    forms = [str(f) for profile in graph.subjects(RDF.type, UNKG.LanguageProfile)
             if str(graph.value(profile, DCTERMS.language)) == language
             for p in (UNKG.governmentName, UNKG.governmentForm) for f in graph.objects(profile, p)]
    found: dict[str, list[str]] = {}
    owners: dict[str, set[str]] = {}
    for government in sorted(graph.subjects(RDF.type, UNKG.StateGovernment)):
        words = {"{state}": [str(n) for n in graph.objects(government, UNKG.stateName) if _in_language(n, language)],
                 "{demonym}": [str(n) for n in graph.objects(government, UNKG.demonym) if _in_language(n, language)]}
        labels = sorted({form.replace(slot, name) for form in forms for slot, names in words.items()
                         if slot in form for name in names})
        found[str(government)] = labels
        for label in labels:
            owners.setdefault(_key(language, label), set()).add(str(government))
    return {iri: [l for l in labels if len(owners[_key(language, l)]) == 1 and _key(language, l) not in taken]
            for iri, labels in found.items()}


def _bodies(graph: Graph, language: str) -> dict[str, Body]:
    bodies = {}
    for concept in sorted(graph.subjects(SKOS.inScheme, UNKG.Bodies)):
        labels = sorted({str(l) for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
                         for l in graph.objects(concept, p) if _in_language(l, language)})
        types = set(graph.objects(concept, RDF.type))
        kind = "post" if ORG.Post in types else "group" if UNKG.AddresseeGroup in types else "organisation"
        established = tuple(sorted(normalise_symbol(str(s)) for s in graph.objects(concept, UNKG.establishedBy)))
        post_in = graph.value(concept, ORG.postIn)
        bodies[str(concept)] = Body(str(concept), tuple(labels), kind, established,
                                    str(post_in) if isinstance(post_in, URIRef) else None)
    taken = {_key(language, label) for iri, body in bodies.items() if (URIRef(iri), RDF.type, UNKG.StateGovernment)
             not in graph for label in body.labels}
    for iri, labels in _government_labels(graph, language, taken).items():
        body = bodies[iri]
        bodies[iri] = Body(iri, tuple(sorted(set(body.labels) | set(labels))), body.kind, body.established_by,
                           body.post_in)
    return bodies
