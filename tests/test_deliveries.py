"""Extract stage: what a letter says was delivered in answer to which paragraph."""

from __future__ import annotations

from datetime import date

from conftest import sample

BODY = "https://w3id.org/unkg/vocab/body/"
LETTER = "003_64ff64efe628bbb7.txt"


def test_the_letter_records_two_deliveries_against_2322() -> None:
    found = [(d.unit, d.symbol, d.paragraph, d.delivered, d.by and d.by.removeprefix(BODY),
              d.to and d.to.removeprefix(BODY), d.this_document) for d in sample(LETTER).deliveries]
    assert found == [
        ("p/1", "S/RES/2322 (2016)", "op/22", date(2017, 12, 14), "CTC", "SecurityCouncil", True),
        ("p/4", "S/RES/2322 (2016)", "op/21", date(2017, 10, 12), "CTED", "CTC", False)]


def test_each_delivery_is_traceable_to_its_sentence() -> None:
    document = sample(LETTER)
    for delivery in document.deliveries:
        source = document.source.text[delivery.span.start:delivery.span.end].replace("\n", "").replace(" ", "")
        assert source == delivery.text.replace(" ", "")
        assert "提交" in delivery.text


def test_resolutions_record_no_deliveries() -> None:
    assert all(sample(n).deliveries == [] for n in ("000_2a646b5f01fa77ee.txt", "004_ac69672ad7768d0f.txt"))
