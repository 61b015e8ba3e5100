"""Extract stage: instruments named in the text (conventions, protocols, strategies …)."""

from __future__ import annotations

from .model import InstrumentMention, Unit
from .profile import Profile
from .vocab import UNKG


def extract_instruments(units: list[Unit], profile: Profile) -> list[InstrumentMention]:
    """Instrument names in title marks (all) or in quotation marks (when a kind word ends them)."""
    found: list[InstrumentMention] = []
    for unit in units:
        if not unit.offsets:
            continue
        for role, needs_kind in ((UNKG.InstrumentTitle, False), (UNKG.QuotedInstrument, True)):
            for match in profile.finditer(role, unit.text):
                name = " ".join(match.group("name").split())
                # A language whose titles start with the kind word ("Convention on …") says so
                # by a group "head"; otherwise the kind word ends the name ("…公约").
                kind = profile.instrument_kind(match.groupdict().get("head") or name)
                if kind is None and needs_kind:
                    continue
                found.append(InstrumentMention(unit.path, name, kind or "Other",
                                               unit.source_span(match.start(), match.end())))
    found.sort(key=lambda m: (m.span.start, m.name))
    return found
