"""Rebuild reference/sc-resolutions.csv from the UN metadata table in ../shared/corpus.

Run from the project root: ``python reference/build.py [SOURCE_CSV]``. The output keeps one
row per resolution (the first when the source repeats a symbol), sorted by number, so the
file diffs cleanly when the source grows.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

SOURCE = Path("../shared/corpus/unxml-metadata/sc_resolutions_2000-2026_metadata.csv")
TARGET = Path(__file__).with_name("sc-resolutions.csv")
SYMBOL = re.compile(r"S/RES/(\d+)\s*\((\d{4})\)$")
COLUMNS = ["symbol", "number", "year", "adoption_date", "meeting", "chapter_vii", "draft", "title"]


def main(source: Path = SOURCE) -> int:
    """Write the reference table; print how many rows were kept and skipped."""
    kept: dict[int, list[str]] = {}
    skipped = 0
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            match = SYMBOL.match(row["symbol"].strip())
            if not match:
                skipped += 1
                continue
            number, year = int(match.group(1)), match.group(2)
            kept.setdefault(number, [
                f"S/RES/{number} ({year})", str(number), year, row["adoption_date_iso"].strip(),
                row["meeting_number"].strip(), "true" if row["chapter_VII"].strip() else "false",
                row["draft_resolution"].strip(), row["resolution_title"].strip(),
            ])
    with TARGET.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(kept[n] for n in sorted(kept))
    print(f"{len(kept)} resolutions written to {TARGET}, {skipped} source rows skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE))
