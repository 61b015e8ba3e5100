"""Identity of the samples, and the cases where a document cannot be identified."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from unkg.model import Identification, UnkgError
from unkg.pipeline import load_document
from unkg.reftable import load_reference

from conftest import EXPECTED, SAMPLE_NAMES, SAMPLES, sample


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_identity(name: str) -> None:
    identity = sample(name).identity
    expected = EXPECTED[name]
    assert identity.symbol == expected.get("symbol")
    assert identity.how == Identification(expected["identification"])
    assert identity.adoption_date == date.fromisoformat(expected["adopted"])
    assert identity.meeting == expected.get("meeting")
    assert identity.chapter_vii == expected.get("chapter_vii", False)
    assert identity.doc_type == expected["type"]


def test_reference_table_covers_2000_to_2026() -> None:
    table = load_reference()
    assert len(table) == 1538
    assert table.by_number(2396).adopted == date(2017, 12, 21)
    assert [r.symbol for r in table.by_meeting(8148, date(2017, 12, 21))] == ["S/RES/2396 (2017)"]


def _variant(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_meeting_that_adopted_two_resolutions_is_not_guessed(tmp_path: Path) -> None:
    # Meeting 4819 on 4 September 2003 adopted two resolutions: no single answer.
    path = _variant(tmp_path, "002_1ce6e44335356221.txt", "2019 年 7 月 19 日安全理事会第 8582 次会议通过",
                    "2003 年 9 月 4 日安全理事会第 4819 次会议通过")
    identity = load_document(path).identity
    assert identity.symbol is None and identity.how == Identification.UNIDENTIFIED
    assert identity.notes == ["meeting 4819 on 2003-09-04 adopted 2 resolutions "
                              f"({', '.join(r.symbol for r in load_reference().by_meeting(4819, date(2003, 9, 4)))}); "
                              "cannot tell which this is"]


def test_meeting_not_in_the_table_is_unidentified(tmp_path: Path) -> None:
    path = _variant(tmp_path, "001_fef54859da132cbf.txt", "第 8148 次会议", "第 9999 次会议")
    document = load_document(path)
    assert document.identity.how == Identification.UNIDENTIFIED
    assert document.warnings[0] == "no resolution adopted at meeting 9999 on 2017-12-21 in the reference table"


def test_printed_date_disagreeing_with_the_table_is_reported(tmp_path: Path) -> None:
    path = _variant(tmp_path, "000_2a646b5f01fa77ee.txt", "2016 年 12 月 12 日", "2016 年 12 月 13 日")
    identity = load_document(path).identity
    assert identity.symbol == "S/RES/2322 (2016)"
    assert identity.notes == ["the text says adopted 2016-12-13, the reference table says 2016-12-12 for S/RES/2322 (2016)"]


def test_user_metadata_identifies_the_letter(tmp_path: Path) -> None:
    target = tmp_path / "letter.txt"
    target.write_bytes((SAMPLES / "003_64ff64efe628bbb7.txt").read_bytes())
    (tmp_path / "letter.txt.meta.json").write_text(json.dumps({"symbol": "S/2017/1064"}), encoding="utf-8")
    identity = load_document(target).identity
    assert identity.symbol == "S/2017/1064" and identity.how == Identification.FROM_USER_METADATA


def test_bad_user_metadata_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "letter.txt"
    target.write_bytes((SAMPLES / "003_64ff64efe628bbb7.txt").read_bytes())
    (tmp_path / "letter.txt.meta.json").write_text('{"symbol": "not a symbol"}', encoding="utf-8")
    with pytest.raises(UnkgError, match=r'^letter.txt.meta.json: "not a symbol" is not a UN document symbol$'):
        load_document(target)


def test_letter_author_addressee_and_subject() -> None:
    identity = sample("003_64ff64efe628bbb7.txt").identity
    assert identity.author == "安全理事会关于反恐怖主义的第 1373(2001)号决议所设委员会主席"
    assert identity.addressee == "安全理事会主席"
    assert identity.subject == EXPECTED["003_64ff64efe628bbb7.txt"]["subject"]
