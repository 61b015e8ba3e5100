"""UN document symbols: parse the ways texts write them and normalise them to one form.

>>> normalise_symbol("S/RES/2322(2016)")
'S/RES/2322 (2016)'
>>> normalise_symbol("s/res/2322 (2016)")
'S/RES/2322 (2016)'
>>> normalise_symbol("S/2017/375")
'S/2017/375'
>>> symbol_kind("S/PRST/2015/11"), symbol_kind("A/RES/60/288"), symbol_kind("S/2017/375")
('PresidentialStatement', 'GeneralAssemblyResolution', 'UNDocument')
>>> resolution_number("S/RES/2322 (2016)")
(2322, 2016)
"""

from __future__ import annotations

import re

# One pattern for every symbol form unkg accepts: the organ (S = Security Council,
# A = General Assembly), an optional series (RES, PRST), then slash-separated numbers, and
# for Council resolutions the year in parentheses, with or without a space before it.
_SYMBOL = re.compile(
    r"^(?P<organ>[SA])/(?:(?P<series>RES|PRST)/)?(?P<rest>[0-9]+(?:/[0-9]+)*)(?:\s*\((?P<year>[0-9]{4})\))?$",
    re.IGNORECASE)


def normalise_symbol(text: str) -> str:
    """The canonical form of a symbol: upper case, ``S/RES/N (YYYY)`` with one space."""
    match = _SYMBOL.match(text.strip())
    if not match:
        raise ValueError(f"not a UN document symbol: {text!r}")
    organ, series, rest, year = match.group("organ", "series", "rest", "year")
    head = f"{organ.upper()}/{series.upper() + '/' if series else ''}{rest}"
    return f"{head} ({year})" if year else head


def is_symbol(text: str) -> bool:
    """Whether ``text`` is a symbol unkg can normalise."""
    return _SYMBOL.match(text.strip()) is not None


def symbol_kind(symbol: str) -> str:
    """The ontology class local name for the kind of document a symbol names."""
    match = _SYMBOL.match(symbol)
    series = (match.group("series") or "").upper() if match else ""
    organ = match.group("organ").upper() if match else ""
    if series == "RES":
        return "Resolution" if organ == "S" else "GeneralAssemblyResolution"
    if series == "PRST":
        return "PresidentialStatement"
    return "UNDocument"


def resolution_number(symbol: str) -> tuple[int, int | None] | None:
    """(number, year) of a Council resolution symbol, else None."""
    match = _SYMBOL.match(symbol)
    if not match or (match.group("series") or "").upper() != "RES" or match.group("organ").upper() != "S":
        return None
    year = match.group("year")
    return int(match.group("rest")), int(year) if year else None
