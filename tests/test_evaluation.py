"""The hand-made evaluation set (benchmarks/eval/) keeps a part of itself from regressing.

benchmarks/score_obligations.py scores the whole set; here a fixed part of it (a peace
operation, a DPRK panel renewal, CAR sanctions, the Yemen sanctions regime and UNISFA) is
scored on every run, and the counts may not fall below what unkg reaches today. Raise the
floors when unkg gets better; never lower them to make a change pass.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "benchmarks"))
import score_obligations as scoring  # noqa: E402

PART = {"2576", "2569", "2588", "2140", "2708", "1526", "2633"}
# variant → (matched rows at least, rows unkg gives at most, dated deadlines exact at least)
FLOORS = {"zh-xml": (38, 44, 11), "zh-text": (35, 41, 9), "en-xml": (67, 72, 20)}

pytestmark = pytest.mark.skipif(not (SHARED / "corpus" / "unxml-dev").is_dir(),
                                reason="../shared/corpus/unxml-dev is not beside the project")


@pytest.fixture(scope="module")
def scores() -> dict[str, scoring.Score]:
    totals, _ = scoring.evaluate(scoring.load_gold(PART))
    return totals


def test_every_gold_file_is_well_formed() -> None:
    for path in sorted(scoring.GOLD.glob("*.toml")):
        entry = tomllib.loads(path.read_text(encoding="utf-8"))
        assert entry["genre"] in ("peace-operation", "sanctions", "thematic"), path.name
        assert all((scoring.CORPUS / name).is_file() for name in entry["files"]), path.name
        for row in entry.get("obligation", []):
            assert row["paragraph"].split("/")[0] in ("op", "annex"), (path.name, row)
            assert row["kind"] in ("Absolute", "RelativeToAdoption", "RelativeToEvent", "Recurring", "None"), (path.name, row)
            assert not row.get("due") or len(row["due"]) == 10, (path.name, row)


def test_the_set_spans_the_genre() -> None:
    entries = scoring.load_gold()
    genres = [entry["genre"] for entry in entries.values()]
    assert len(entries) >= 30
    assert min(genres.count(g) for g in ("peace-operation", "sanctions", "thematic")) >= 10
    years = {int(e["resolution"][-5:-1]) for e in entries.values()}
    assert min(years) <= 2005 and max(years) >= 2024


@pytest.mark.parametrize("variant", sorted(FLOORS))
def test_a_fixed_part_does_not_regress(scores: dict[str, scoring.Score], variant: str) -> None:
    matched, rows, exact = FLOORS[variant]
    score = scores[variant]
    assert not score.refused, score.refused
    assert score.matched >= matched, score.line(variant)
    assert score.found - score.matched <= rows - matched, score.line(variant)
    assert score.dated_exact >= exact, score.line(variant)


def test_scoring_pairs_rows_by_paragraph_and_addressee() -> None:
    gold = [scoring.Row("op/7", "the Secretary-General", ("Secretary-General",), "2022-01-01", "Absolute")]
    found_right = [scoring.Row("op/7/a", "", ("秘书长", "Secretary-General", "SG"), "2022-01-01", "Absolute")]
    found_wrong = [scoring.Row("op/8", "", ("Secretary-General",), "2022-01-01", "Absolute")]
    assert len(scoring.pair(gold, found_right)) == 1
    assert scoring.pair(gold, found_wrong) == []
    assert scoring.normalise("all Member States") == scoring.normalise("States") == "states"
