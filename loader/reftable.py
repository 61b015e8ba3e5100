"""The reference table of Security Council resolutions that ships with unkg (reference/)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import cache

from .resources import resource_dir


@dataclass(frozen=True)
class ResolutionRecord:
    """One adopted resolution: symbol, number, year, adoption date and meeting."""

    symbol: str
    number: int
    year: int
    adopted: date | None
    meeting: int | None
    chapter_vii: bool
    title: str


class ReferenceTable:
    """Look resolutions up by number or by the meeting that adopted them."""

    def __init__(self, records: list[ResolutionRecord], library: dict[int, str] | None = None) -> None:
        self._by_number = {r.number: r for r in records}
        self._library = library or {}
        self._by_meeting: dict[tuple[int, date], list[ResolutionRecord]] = {}
        for record in records:
            if record.meeting is not None and record.adopted is not None:
                self._by_meeting.setdefault((record.meeting, record.adopted), []).append(record)

    def __len__(self) -> int:
        return len(self._by_number)

    def by_number(self, number: int) -> ResolutionRecord | None:
        """The resolution with this number, if the table has it."""
        return self._by_number.get(number)

    def library_record(self, number: int) -> str | None:
        """The UN Digital Library record of resolution ``number`` (1946 on), if known."""
        return self._library.get(number)

    def by_meeting(self, meeting: int, adopted: date) -> list[ResolutionRecord]:
        """Every resolution adopted at this meeting on this date (several are possible)."""
        return list(self._by_meeting.get((meeting, adopted), []))


def parse_table(text: str, library: str = "") -> ReferenceTable:
    """Parse the CSV text of a reference table (and of the Digital Library record table)."""
    records = []
    for row in csv.DictReader(io.StringIO(text)):
        records.append(ResolutionRecord(
            symbol=row["symbol"], number=int(row["number"]), year=int(row["year"]),
            adopted=date.fromisoformat(row["adoption_date"]) if row["adoption_date"].strip() else None,
            meeting=int(row["meeting"]) if row["meeting"].strip() else None,
            chapter_vii=row["chapter_vii"] == "true", title=row["title"]))
    records_by_number = {int(row["res_no"]): row["url_record"].strip()
                         for row in csv.DictReader(io.StringIO(library)) if row["url_record"].strip()}
    return ReferenceTable(records, records_by_number)


@cache
def load_reference() -> ReferenceTable:
    """The bundled tables (reference/sc-resolutions.csv, reference/un-digital-library.csv)."""
    folder = resource_dir("reference")
    return parse_table((folder / "sc-resolutions.csv").read_text(encoding="utf-8"),
                       (folder / "un-digital-library.csv").read_text(encoding="utf-8"))
