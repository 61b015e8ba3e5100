"""Extract stage: citations of resolutions, their paragraphs and other UN documents."""

from __future__ import annotations

import re

from .model import Citation, Unit
from .profile import Profile
from .reftable import ReferenceTable
from .symbols import is_symbol, normalise_symbol, resolution_number
from .vocab import UNKG

_PARAGRAPH_PARTS = re.compile(r"[0-9]+|[a-z]+")


def extract_citations(units: list[Unit], profile: Profile, table: ReferenceTable) -> list[Citation]:
    """Every citation in the units, in text order; each resolution resolved to one symbol."""
    years = _years_in_text(units, profile)
    found: list[Citation] = []
    last_resolution: str | None = None
    for unit in units:
        if not unit.offsets:
            continue
        taken: list[tuple[int, int]] = []
        unit_hits: list[tuple[int, Citation]] = []

        def add(start: int, end: int, citation: Citation) -> None:
            taken.append((start, end))
            unit_hits.append((start, citation))

        for match in profile.finditer(UNKG.ResolutionCitation, unit.text):
            if _overlaps(taken, match.start(), match.end()):
                continue
            items = list(profile.all(UNKG.ResolutionListItem)[0].finditer(match.group("items")))
            base = match.start("items")
            for index, item in enumerate(items):
                number = int(item.group("number"))
                printed = int(item.group("year")) if item.group("year") else None
                # Resolution numbers are unique: the table's year wins over a misprint, so
                # that one resolution stays one resource.
                year = _table_year(table, number) or printed or years.get(number)
                note = (f"the text cites {number}({printed}); resolution {number} is of {year}"
                        if printed and year != printed else None)
                symbol = f"S/RES/{number} ({year})" if year else f"S/RES/{number}"
                paragraph = None
                start = base + item.start()
                end = start + len(item.group(0).rstrip())
                if index == len(items) - 1 and match.group("paragraph"):
                    paragraph = paragraph_path(match.group("paragraph"))
                    end = match.end()
                add(start, end, Citation(unit.path, symbol, paragraph, unit.text[start:end],
                                         unit.source_span(start, end), year_known=year is not None, note=note))
        for match in profile.finditer(UNKG.AnaphoricParagraphCitation, unit.text):
            previous = [c for _, c in sorted(unit_hits, key=lambda h: h[0]) if _ < match.start()]
            antecedent = next((c.symbol for c in reversed(previous) if c.symbol.startswith("S/RES/")), last_resolution)
            if antecedent and not _overlaps(taken, match.start(), match.end()):
                add(match.start(), match.end(), Citation(
                    unit.path, antecedent, paragraph_path(match.group("paragraph")), match.group(0),
                    unit.source_span(match.start(), match.end())))
        for role, form in ((UNKG.GeneralAssemblyResolutionCitation, "A/RES/{session}/{number}"),
                           (UNKG.PresidentialStatementCitation, "S/PRST/{year}/{number}")):
            for match in profile.finditer(role, unit.text):
                if not _overlaps(taken, match.start(), match.end()):
                    add(match.start(), match.end(), Citation(
                        unit.path, form.format(**match.groupdict()), None, match.group(0),
                        unit.source_span(match.start(), match.end())))
        for match in profile.finditer(UNKG.DocumentSymbol, unit.text):
            if not _overlaps(taken, match.start(), match.end()) and is_symbol(match.group("symbol")):
                symbol, known = _dated(normalise_symbol(match.group("symbol")), table, years)
                add(match.start(), match.end(), Citation(
                    unit.path, symbol, None, match.group(0),
                    unit.source_span(match.start(), match.end()), year_known=known))
        for _, citation in sorted(unit_hits, key=lambda hit: hit[0]):
            found.append(citation)
            if citation.symbol.startswith("S/RES/"):
                last_resolution = citation.symbol
    return found


def paragraph_path(text: str) -> str:
    """The local path of a cited operative paragraph: ``1(d)`` → ``op/1/d``.

    >>> paragraph_path("1 (d)"), paragraph_path("9"), paragraph_path("2(a)(ii)")
    ('op/1/d', 'op/9', 'op/2/a/ii')
    """
    return "op/" + "/".join(_PARAGRAPH_PARTS.findall(text))


def _years_in_text(units: list[Unit], profile: Profile) -> dict[int, int]:
    """Resolution number → year, from the places the document itself prints both."""
    years: dict[int, int] = {}
    item = profile.all(UNKG.ResolutionListItem)[0]
    for unit in units:
        for match in profile.finditer(UNKG.ResolutionCitation, unit.text):
            for found in item.finditer(match.group("items")):
                if found.group("year"):
                    years.setdefault(int(found.group("number")), int(found.group("year")))
    return years


def _dated(symbol: str, table: ReferenceTable, years: dict[int, int]) -> tuple[str, bool]:
    """A Council resolution's symbol written without its year ("(S/RES/1554)", 1582) names
    the one resolution of that number: its year from the reference table or the text.

    >>> from unkg.reftable import load_reference
    >>> _dated("S/RES/1554", load_reference(), {}), _dated("S/2005/1", load_reference(), {})
    (('S/RES/1554 (2004)', True), ('S/2005/1', True))
    """
    parsed = resolution_number(symbol)
    if parsed is None or parsed[1] is not None:
        return symbol, True
    year = _table_year(table, parsed[0]) or years.get(parsed[0])
    return (f"{symbol} ({year})", True) if year else (symbol, False)


def _table_year(table: ReferenceTable, number: int) -> int | None:
    record = table.by_number(number)
    return record.year if record else None


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)
