"""Identify stage: who a document is (symbol, adoption date, meeting, Chapter VII).

The text is trusted first; a resolution that does not print its number is looked up in
the reference table by meeting and date, and only a single match counts. A document that
still has no symbol is reported and loaded as unidentified, never given a guessed one.
"""

from __future__ import annotations

from datetime import date

from .model import Identification, Identity, Kind
from .profile import Profile
from .reftable import ReferenceTable
from .structure import Layout
from .vocab import UNKG


def identify(layout: Layout, profile: Profile, table: ReferenceTable, user_symbol: str | None = None) -> Identity:
    """Work out the identity of a laid-out document."""
    if layout.doc_type == "letter":
        return _letter(layout, profile, user_symbol)
    number = year = meeting = None
    adopted: date | None = None
    for block in layout.header:
        title = profile.match(UNKG.ResolutionTitle, block.text)
        if title:
            number, year = int(title.group("number")), int(title.group("year"))
        adoption = profile.match(UNKG.AdoptionLine, block.text)
        if adoption:
            adopted = date(int(adoption.group("year")), profile.month(adoption.group("month")),
                           int(adoption.group("day")))
            meeting = int(adoption.group("meeting")) if adoption.group("meeting") else None
    chapter_vii = any(u.kind == Kind.ENACTING and profile.search(UNKG.ChapterVIIFormula, u.text) for u in layout.units)
    identity = Identity("resolution", None, adopted, meeting, chapter_vii, Identification.UNIDENTIFIED)
    if user_symbol:
        identity.symbol, identity.how = user_symbol, Identification.FROM_USER_METADATA
    elif number is not None:
        identity.symbol, identity.how = f"S/RES/{number} ({year})", Identification.FROM_TEXT
        record = table.by_number(number)
        if record is not None:
            _cross_check(identity, record.adopted, record.meeting, record.symbol)
            identity.meeting = identity.meeting or record.meeting
            identity.title = record.title
    elif meeting is not None and adopted is not None:
        matches = table.by_meeting(meeting, adopted)
        if len(matches) == 1:
            identity.symbol, identity.how, identity.title = matches[0].symbol, Identification.FROM_REFERENCE_TABLE, matches[0].title
        elif matches:
            identity.notes.append(f"meeting {meeting} on {adopted.isoformat()} adopted {len(matches)} resolutions "
                                  f"({', '.join(m.symbol for m in matches)}); cannot tell which this is")
        else:
            identity.notes.append(f"no resolution adopted at meeting {meeting} on {adopted.isoformat()} "
                                  "in the reference table")
    else:
        identity.notes.append("the text prints neither its number nor its meeting and date")
    return identity


def _cross_check(identity: Identity, adopted: date | None, meeting: int | None, symbol: str) -> None:
    if identity.adoption_date and adopted and identity.adoption_date != adopted:
        identity.notes.append(f"the text says adopted {identity.adoption_date.isoformat()}, "
                              f"the reference table says {adopted.isoformat()} for {symbol}")
    if identity.meeting and meeting and identity.meeting != meeting:
        identity.notes.append(f"the text says meeting {identity.meeting}, the reference table says {meeting} for {symbol}")


def _letter(layout: Layout, profile: Profile, user_symbol: str | None) -> Identity:
    title = profile.match(UNKG.LetterTitle, layout.letter_title or "")
    assert title is not None  # lay_out only calls a document a letter when this matched
    identity = Identity(
        "letter", user_symbol, date(int(title.group("year")), profile.month(title.group("month")),
                                    int(title.group("day"))),
        None, False, Identification.FROM_USER_METADATA if user_symbol else Identification.UNIDENTIFIED,
        title=layout.letter_title, author=title.group("author").strip(), addressee=title.group("addressee").strip())
    if not user_symbol:
        identity.notes.append("a letter's text does not print its document symbol; pass it as metadata to identify it")
    return identity
