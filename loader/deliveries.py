"""Extract stage: what a letter or report says was delivered in answer to a resolution.

A sentence counts when it cites a paragraph of a resolution and says something was
submitted (提交). The delivery's date is a full date in the same sentence; when the writer
speaks in the first person ("我谨…向安理会提交一份报告") the letter itself is the delivery and
its date is the letter's. Who delivered: the body named before 向 in the sentence, or the
letter's author; to whom: the body after 向. A sentence without a date that is not the letter
itself (a report merely referred to) is not a delivery: nothing is invented.
"""

from __future__ import annotations

from datetime import date

from .bodies import resolve_anaphor
from .lexicon import Lexicon
from .model import BodyMention, Citation, Delivery, Kind, Span, Unit
from .profile import Profile
from .vocab import UNKG

LETTER_UNITS = {Kind.LETTER_PARAGRAPH, Kind.REPORT_PARAGRAPH}


def find_deliveries(units: list[Unit], citations: list[Citation], mentions: list[BodyMention], profile: Profile,
                    lexicon: Lexicon, letter_date: date | None, author: str | None
                    ) -> tuple[list[Delivery], list[BodyMention]]:
    """Deliveries a letter reports, and the anaphoric mentions ("委员会") resolved on the way."""
    deliveries: list[Delivery] = []
    extra: list[BodyMention] = []
    seen: list[BodyMention] = []
    for unit in units:
        unit_mentions = [m for m in mentions if m.unit == unit.path]
        if unit.kind in LETTER_UNITS and unit.offsets:
            cited = [c for c in citations if c.unit == unit.path and c.paragraph and c.symbol.startswith("S/RES/")]
            for start, end in _sentences(unit.text, profile):
                found = _delivery(unit, start, end, cited, unit_mentions, seen, profile, lexicon, letter_date, author)
                if found:
                    deliveries.append(found[0])
                    extra.extend(found[1])
        seen.extend(m for m in unit_mentions if m.body)
    return deliveries, extra


def _sentences(text: str, profile: Profile) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in profile.finditer(UNKG.SentenceEnd, text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _delivery(unit: Unit, start: int, end: int, cited: list[Citation], mentions: list[BodyMention],
              seen: list[BodyMention], profile: Profile, lexicon: Lexicon, letter_date: date | None,
              author: str | None) -> tuple[Delivery, list[BodyMention]] | None:
    sentence = unit.text[start:end]
    citation = next((c for c in cited if start <= _position(unit, c) < end), None)
    submission = profile.search(UNKG.Submission, sentence)
    if citation is None or submission is None:
        return None
    first_person = profile.match(UNKG.FirstPerson, sentence.lstrip()) is not None
    when = profile.search(UNKG.FullDate, sentence)
    if when:
        delivered = date(int(when.group("year")), profile.month(when.group("month")), int(when.group("day")))
    elif first_person:
        delivered = letter_date
    else:
        return None
    extra: list[BodyMention] = []
    to = None
    if submission.group("to"):
        a, b = start + submission.start("to"), start + submission.end("to")
        inside = [m.body for m in mentions if a <= m.start and m.end <= b and m.body]
        to = inside[0] if inside else None
        if to is None:
            to = resolve_anaphor(unit.text[a:b], seen + [m for m in mentions if m.end <= a], profile, lexicon)
            if to:
                extra.append(BodyMention(unit.path, unit.text[a:b], unit.source_span(a, b), a, b, to, anaphoric=True))
    submit_at = start + submission.start()
    by_candidates = [m.body for m in mentions if start <= m.start and m.end <= submit_at and m.body
                     and m.body != to and not (citation and _position(unit, citation) <= m.start < _position(unit, citation) + len(citation.text))]
    by = by_candidates[-1] if by_candidates else None
    if by is None and first_person and author:
        by = _author_body(author, lexicon, profile)
    words = sentence.strip()
    offset = start + sentence.index(words[:1]) if words else start
    return Delivery(unit.path, citation.symbol, citation.paragraph or "", delivered, by, to, first_person, words,
                    unit.source_span(offset, offset + len(words))), extra


def _position(unit: Unit, citation: Citation) -> int:
    """Where in the unit's text a citation starts."""
    return unit.offsets.index(citation.span.start) if citation.span.start in unit.offsets else -1


def _author_body(author: str, lexicon: Lexicon, profile: Profile) -> str | None:
    """The authority resource a letter's author line names (its whole text must be one mention)."""
    from .bodies import unit_mentions
    unit = Unit(Kind.LETTER_PARAGRAPH, "author", None, 0, author, Span(0, len(author)), tuple(range(len(author))))
    found = [m for m in unit_mentions(unit, profile, lexicon) if m.body]
    return found[-1].body if found else None
