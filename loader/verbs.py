"""Extract stage: the verbs opening each paragraph and each clause, with their modifiers."""

from __future__ import annotations

import unicodedata

from .lexicon import Lexicon
from .model import Kind, Unit, VerbUse
from .profile import UNSPACED, Profile
from .vocab import UNKG

# Units whose clauses open with Council verbs; letters and reports speak otherwise.
VERB_UNITS = {Kind.PREAMBULAR, Kind.OPERATIVE, Kind.SUBPARAGRAPH, Kind.ANNEX_PARAGRAPH}


def find_verbs(units: list[Unit], profile: Profile, lexicon: Lexicon) -> list[VerbUse]:
    """Every verb use in the Council-voice units of a document, in text order."""
    uses: list[VerbUse] = []
    for unit in units:
        if unit.kind in VERB_UNITS and unit.offsets:
            uses.extend(unit_verbs(unit, profile, lexicon))
    return uses


def unit_verbs(unit: Unit, profile: Profile, lexicon: Lexicon) -> list[VerbUse]:
    """Verb uses at the start of the unit, after each clause mark (，；：) in it and, in mark-up
    that emphasises verbs (AKN4UN), at each emphasised word."""
    if lexicon.verb_pattern is None:
        return []
    text = unit.text
    uses: list[VerbUse] = []
    starts = sorted({m.end() for m in profile.finditer(UNKG.ClauseStart, text)} | {0}
                    | {start for start, _ in verb_marks(unit, profile)})
    for start in starts:
        found = lexicon.verb_pattern.match(text, start)
        if not found or found.end() >= len(text):
            continue
        verb_form = found.group("verb")
        verb = lexicon.verbs[lexicon.verb_by_form[_key(lexicon, verb_form)]]
        following = text[found.end():]
        if any(following.startswith(word) for word in verb.not_followed_by):
            continue
        modifiers = _modifiers(found.group("modifiers"), lexicon)
        if uses and uses[-1].end > found.start():
            continue
        uses.append(VerbUse(unit.path, verb.iri, modifiers, found.group(0),
                            unit.source_span(found.start(), found.end()), found.start(), found.end()))
    return uses


def verb_marks(unit: Unit, profile: Profile) -> list[tuple[int, int]]:
    """The unit's emphasised spans that may hold a verb, each start moved past a clause
    opener ("and", "while") the emphasis includes."""
    marks = []
    for start, end in unit.marked:
        # Emphasis also sets foreign words "(apologie)", quoted titles and symbols; no verb there.
        if (start and _opens(unit.text[start - 1])) or unit.text[start].isdigit():
            continue
        lead = profile.match(UNKG.ClauseStart, unit.text[start:end])
        marks.append((start + (lead.end() if lead else 0), end))
    return marks


def _opens(char: str) -> bool:
    """An opening bracket or quotation mark, in any script (Unicode Ps and Pi, and ")."""
    return unicodedata.category(char) in ("Ps", "Pi") or char == '"'


def _key(lexicon: Lexicon, form: str) -> str:
    return form if lexicon.language in UNSPACED else form.casefold()


def _modifiers(words: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Split the run of modifiers before a verb into their concepts, longest form first."""
    found: list[str] = []
    rest = words.strip()
    forms = sorted(lexicon.modifier_by_form, key=len, reverse=True)
    while rest:
        for form in forms:
            if _key(lexicon, rest).startswith(form):
                found.append(lexicon.modifier_by_form[form])
                rest = rest[len(form):].strip()
                break
        else:
            break
    return tuple(found)
