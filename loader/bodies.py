"""Extract stage: bodies named in each unit, linked to the authority file (ontology/bodies.ttl).

Three ways a body is named: by one of its labels (longest label wins); by the resolutions that
set it up ("第 1267(1999)…号决议所设委员会", matched on ``unkg:establishedBy``); or by a bare
head word ("委员会", "主席") that means the last body named before it whose name ends so.
Words that look like a body's name but match nothing are kept as unlinked mentions.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .model import BodyMention, Unit
from .profile import Profile


def find_mentions(units: list[Unit], profile: Profile, lexicon: Lexicon) -> list[BodyMention]:
    """Every body mention of every unit, in text order; unlinked ones have ``body=None``."""
    found: list[BodyMention] = []
    for unit in units:
        if unit.offsets:
            found.extend(unit_mentions(unit, profile, lexicon))
    return found


def unit_mentions(unit: Unit, profile: Profile, lexicon: Lexicon) -> list[BodyMention]:
    """The mentions of one unit: established-by phrases, labels, then unlinked candidates."""
    text = unit.text
    taken: list[BodyMention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= m.start or start >= m.end for m in taken)

    def add(start: int, end: int, body: str | None) -> None:
        taken.append(BodyMention(unit.path, text[start:end], unit.source_span(start, end), start, end, body))

    for match in profile.finditer("EstablishedBody", text):
        body = _established(match, profile, lexicon)
        if free(match.start(), match.end()):
            add(match.start(), match.end(), body)
    if lexicon.body_pattern is not None:
        for match in lexicon.body_pattern.finditer(text):
            if free(match.start(), match.end()):
                add(match.start(), match.end(), lexicon.body_for_label(match.group(0)))
    for match in profile.finditer("OrganisationName", text):
        start, end = _trim(match, profile, lexicon)
        if end - start >= 3 and free(start, end) and not profile.search("OrganisationNameExcluded", text[start:end]):
            add(start, end, None)
    taken.sort(key=lambda m: (m.start, m.end))
    return taken


def _established(match: re.Match[str], profile: Profile, lexicon: Lexicon) -> str | None:
    """The body set up by the resolutions the phrase lists (its post when it ends in 主席)."""
    numbers = {int(item.group("number")) for item in profile.finditer("ResolutionListItem", match.group("items"))}
    head = match.group("head")
    candidates = [b for b in lexicon.bodies_established_by(numbers)
                  if b.kind != "post" and any(label.endswith(head) for label in b.labels)]
    if not candidates:
        return None
    body = candidates[0].iri
    if match.group("post"):
        posts = [b.iri for b in lexicon.bodies.values() if b.kind == "post" and b.post_in == body]
        return posts[0] if len(posts) == 1 else None
    return body


def _trim(match: re.Match[str], profile: Profile, lexicon: Lexicon) -> tuple[int, int]:
    """Drop leading words that are not part of a name (相关, 各, 与, verbs …) from a candidate."""
    start, end = match.start(), match.end()
    while True:
        words = match.string[start:end]
        noise = profile.match("OrganisationNameNoise", words)
        verb = lexicon.verb_pattern.match(words) if lexicon.verb_pattern else None
        cut = max(noise.end() if noise else 0, verb.end() if verb else 0)
        if cut == 0:
            return start, end
        start += cut


def resolve_anaphor(words: str, before: list[BodyMention], profile: Profile, lexicon: Lexicon) -> str | None:
    """The body a bare head word means: the last linked mention whose label ends with it."""
    found = profile.match("AnaphoricBody", words.strip())
    if not found or found.end() != len(words.strip()):
        return None
    head = found.group("head")
    for mention in reversed(before):
        body = lexicon.bodies.get(mention.body or "")
        if body and any(label.endswith(head) for label in body.labels):
            return body.iri
    return None
