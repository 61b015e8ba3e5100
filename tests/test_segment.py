"""Segmenting: blocks, footer links, and offsets that lead back to the source."""

from __future__ import annotations

import pytest

from conftest import EXPECTED, SAMPLE_NAMES, sample


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_footer_links_are_collected_not_read_as_text(name: str) -> None:
    document = sample(name)
    assert len(document.footer_links) == EXPECTED[name]["footer_links"]
    assert not any("undocs.org" in unit.text for unit in document.units)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_character_of_every_unit_comes_from_its_offset(name: str) -> None:
    document = sample(name)
    source = document.source.text
    for unit in document.units:
        assert len(unit.offsets) == len(unit.text)
        for char, offset in zip(unit.text, unit.offsets):
            if char not in " \n":
                assert source[offset] == char, (unit.path, offset)
        assert unit.span.start <= unit.offsets[0] and unit.offsets[-1] < unit.span.end


def test_footer_link_in_the_middle_of_a_paragraph_is_skipped() -> None:
    # 2322 ¶6 continues after a page whose footer cites S/RES/1373(2001).
    unit = next(u for u in sample("000_2a646b5f01fa77ee.txt").units if u.path == "op/6")
    assert "交流关于这类活动的信息" in unit.text
    assert "http://undocs.org/ch/S/RES/1373(2001)" in sample("000_2a646b5f01fa77ee.txt").footer_links
