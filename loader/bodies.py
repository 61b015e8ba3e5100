"""Extract stage: bodies named in each unit, linked to the authority file (ontology/bodies.ttl).

Three ways a body is named: by one of its labels (longest label wins); by the resolutions that
set it up ("第 1267(1999)…号决议所设委员会", matched on ``unkg:establishedBy``); or by a bare
head word ("委员会", "主席") that means the last body named before it whose name ends so.
Words that look like a body's name but match nothing are kept as unlinked mentions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .iri import established_body
from .lexicon import Body, Lexicon
from .model import BodyMention, MintedBody, Unit
from .profile import UNSPACED, Profile, load_profile, profile_languages
from .reftable import load_reference
from .symbols import normalise_symbol
from .vocab import UNKG


def find_mentions(units: list[Unit], profile: Profile, lexicon: Lexicon,
                  minted: dict[str, MintedBody] | None = None, own: tuple[int, int] | None = None
                  ) -> list[BodyMention]:
    """Every body mention of every unit, in text order; unlinked ones have ``body=None``.
    Bodies set up by a resolution that the authority file lacks are minted into ``minted``;
    a short name the text defines ("the Panel", "(联邦政府)") names its body from then on."""
    minted = {} if minted is None else minted
    found: list[BodyMention] = []
    defined: dict[str, str] = {}
    for unit in units:
        if unit.offsets:
            here = _set_up_here(unit, profile, minted, own)
            mentions = sorted(unit_mentions(unit, profile, lexicon, minted) + here, key=lambda m: (m.start, m.end))
            mentions = _short_names(unit, mentions, defined, profile, lexicon)
            # "(herein “the Committee”)": the name the resolution gives a body it sets up.
            defined.update((m.text, m.body) for m in here if m.body)
            found.extend(mentions)
    return found


def with_minted(lexicon: Lexicon, minted: dict[str, MintedBody]) -> Lexicon:
    """The lexicon and the bodies a document minted (so "the Panel" can mean one of them)."""
    if not minted:
        return lexicon
    bodies = dict(lexicon.bodies)
    for body in minted.values():
        labels = tuple(label for language, label in body.labels if language == lexicon.language)
        bodies[body.iri] = Body(body.iri, labels, "post" if body.post_in else "organisation",
                                body.established_by, body.post_in)
    return replace(lexicon, bodies=bodies)


def unit_mentions(unit: Unit, profile: Profile, lexicon: Lexicon,
                  minted: dict[str, MintedBody] | None = None) -> list[BodyMention]:
    """The mentions of one unit: established-by phrases, labels, then unlinked candidates."""
    text = unit.text
    taken: list[BodyMention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= m.start or start >= m.end for m in taken)

    def add(start: int, end: int, body: str | None) -> None:
        taken.append(BodyMention(unit.path, text[start:end], unit.source_span(start, end), start, end, body))

    for match in profile.finditer(UNKG.EstablishedBody, text):
        body = _established(match, profile, lexicon, minted)
        if free(match.start(), match.end()):
            add(match.start(), match.end(), body)
    if lexicon.body_pattern is not None:
        for match in lexicon.body_pattern.finditer(text):
            if free(match.start(), match.end()):
                add(match.start(), match.end(), lexicon.body_for_label(match.group(0)))
    for match in profile.finditer(UNKG.OrganisationName, text):
        start, end = _trim(match, profile, lexicon)
        if end - start >= 3 and free(start, end) and not profile.search(UNKG.OrganisationNameExcluded, text[start:end]):
            add(start, end, None)
    taken.sort(key=lambda m: (m.start, m.end))
    return taken


def _established(match: re.Match[str], profile: Profile, lexicon: Lexicon,
                 minted: dict[str, MintedBody] | None = None) -> str | None:
    """The body set up by the resolutions the phrase lists (its post when it ends in 主席);
    minted from its kind and founding resolution when the authority file lacks it."""
    items = profile.finditer(UNKG.ResolutionListItem, match.group("items"))
    numbers = {int(item.group("number")) for item in items}
    head = match.group("head")
    candidates = [b for b in lexicon.bodies_established_by(numbers)
                  if b.kind != "post" and any(label.endswith(head) for label in b.labels)]
    if not candidates:
        # "the Panel of Experts, as set out in paragraph 19 of resolution 2428" names the
        # resolution that set the mandate, often a renewal, not the one that set the Panel up
        # (2206): minting from it would give one panel two IRIs, so it stays unlinked.
        if minted is None or not numbers or match.groupdict().get("mandate"):
            return None
        return _mint(profile.word("body-head", head), min(numbers), items, bool(match.group("post")), minted)
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
        noise = profile.match(UNKG.OrganisationNameNoise, words)
        verb = lexicon.verb_pattern.match(words) if lexicon.verb_pattern else None
        cut = max(noise.end() if noise else 0, verb.end() if verb else 0)
        if cut == 0:
            return start, end
        start += cut


def resolve_anaphor(words: str, before: list[BodyMention], profile: Profile, lexicon: Lexicon) -> str | None:
    """The body a bare head word means: the last linked mention whose label ends with it."""
    found = profile.match(UNKG.AnaphoricBody, words.strip())
    if not found or found.end() != len(words.strip()):
        return None
    head = found.group("head")
    for mention in reversed(before):
        body = lexicon.bodies.get(mention.body or "")
        if body and any(label.endswith(head) for label in body.labels):
            return body.iri
        if body and (mention.text.startswith(head) or mention.text.endswith(head)):
            # The words of the mention may name it where no label ends with the head: a body
            # minted from "the Panel of Experts, as specified in paragraph 26 of resolution 1874".
            return body.iri
    return None


def _mint(kind: str | None, number: int, items: list[re.Match[str]], post: bool,
          minted: dict[str, MintedBody]) -> str | None:
    """Mint the body of ``kind`` set up by resolution ``number`` (and its Chair), named in every
    language by that language's template, so the Chinese and English versions meet in one IRI."""
    if kind is None:
        return None
    years = [int(i.group("year")) for i in items if int(i.group("number")) == number and i.groupdict().get("year")]
    record = load_reference().by_number(number)
    year = years[0] if years else record.year if record else None
    if year is None:
        return None
    symbols = tuple(sorted({normalise_symbol(f"S/RES/{int(i.group('number'))} ({i.group('year')})")
                            for i in items if i.groupdict().get("year")})) or (f"S/RES/{number} ({year})",)
    iri = established_body(kind, number)
    if iri not in minted:
        minted[iri] = MintedBody(iri, kind, _names(kind, number, year), symbols)
    if not post:
        return iri
    chair = established_body(kind, number, "Chair")
    if chair not in minted:
        names = tuple((language, (load_profile(language).word("body-name", "Chair") or "{body}").format(body=name))
                      for language, name in minted[iri].labels)
        minted[chair] = MintedBody(chair, "Chair", names, (), post_in=iri)
    return chair


def _names(kind: str, number: int, year: int) -> tuple[tuple[str, str], ...]:
    """The body's name in each language that has a template for its kind."""
    names = []
    for language in profile_languages():
        template = load_profile(language).word("body-name", kind)
        if template:
            names.append((language, template.format(number=number, year=year)))
    return tuple(names)


def _short_names(unit: Unit, mentions: list[BodyMention], defined: dict[str, str], profile: Profile,
                 lexicon: Lexicon) -> list[BodyMention]:
    """Mentions of short names defined before (or earlier in this unit), then new definitions:
    a linked mention followed by "(the “Panel”)" / "（联邦政府）" gives its body that name."""
    text = unit.text
    taken = list(mentions)
    spaced = profile.language not in UNSPACED

    def free(start: int, end: int) -> bool:
        return all(end <= m.start or start >= m.end for m in taken)

    definitions: list[tuple[int, str, str]] = []
    for mention in mentions:
        if not mention.body:
            continue
        found = profile.match(UNKG.ShortNameDefinition, text[mention.end:])
        if found:
            definitions.append((mention.end + found.end(), found.group("name"), mention.body))
    for name, body in list(defined.items()) + [(n, b) for _, n, b in definitions]:
        pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])" if spaced else re.escape(name)
        for hit in re.finditer(pattern, text):
            start, end = hit.start(), hit.end()
            own = [d for d in definitions if d[1] == name]
            if own and start < own[0][0] and name not in defined:
                continue  # used before the text defines it here
            if free(start, end):
                taken.append(BodyMention(unit.path, text[start:end], unit.source_span(start, end), start, end, body))
    for _, name, body in definitions:
        defined[name] = body  # a name defined again means the new body from here on
    taken.sort(key=lambda m: (m.start, m.end))
    return taken


def _set_up_here(unit: Unit, profile: Profile, minted: dict[str, MintedBody],
                 own: tuple[int, int] | None) -> list[BodyMention]:
    """A body this resolution sets up and names ("establish … a Committee … (herein “the
    Committee”)", "a group of up to four experts (“Panel of Experts”)"): minted from this
    resolution's own number, its short name a mention of it."""
    if own is None:
        return []
    found = []
    for match in profile.finditer(UNKG.EstablishedHere, unit.text):
        kind = profile.word("body-head", match.group("name"))
        if kind is None:
            continue
        number, year = own
        iri = established_body(kind, number)
        if iri not in minted:
            minted[iri] = MintedBody(iri, kind, _names(kind, number, year), (f"S/RES/{number} ({year})",))
        start, end = match.start("name"), match.end("name")
        found.append(BodyMention(unit.path, unit.text[start:end], unit.source_span(start, end), start, end, iri))
    return found
