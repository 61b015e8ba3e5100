"""Beyond the seeds: every Chinese resolution of the UN's Akoma Ntoso corpus, laid out as a
PDF extraction, gives back the structure and text its XML records."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unkg.model import Document, Kind
from unkg.pipeline import extract_document
from unkg.read import decode_source

from akn_render import Rendered, render, render_english
from conftest import SHARED

FILES = sorted((SHARED / "corpus/unxml-akn/zh").glob("*.xml"))
ENGLISH = sorted((SHARED / "corpus/unxml-akn/en").glob("*.xml"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read_back(path: Path, expected: Rendered) -> Document:
    """Load the laid-out text and check its identity and units against what the XML says."""
    document = extract_document(decode_source(path.stem + ".txt", expected.text.encode("utf-8")))
    assert document.identity.symbol == expected.symbol
    assert document.identity.chapter_vii == expected.chapter_vii
    units = document.units
    assert [_squash(u.text) for u in units if u.kind == Kind.PREAMBULAR] == expected.preambular
    assert [_squash(u.text) for u in units if u.kind == Kind.OPERATIVE] == expected.operative
    assert [u.path for u in units if u.kind == Kind.SUBPARAGRAPH] == expected.points
    assert [_squash(u.text) for u in units if u.kind == Kind.HEADING] == expected.headings
    return document


@pytest.mark.parametrize("path", FILES, ids=[p.name[:10] for p in FILES])
def test_structure_and_text_match_the_xml(path: Path) -> None:
    expected = render(path)
    document = _read_back(path, expected)
    assert document.count(Kind.ANNEX) == expected.annexes
    assert document.count(Kind.ANNEX_PARAGRAPH) == expected.annex_paragraphs


@pytest.mark.parametrize("path", ENGLISH, ids=[p.name[:10] for p in ENGLISH])
def test_english_text_gives_the_structure_and_text_of_the_xml(path: Path) -> None:
    """Every English resolution of the corpus, laid out as its PDF extracts (paragraphs
    between blank lines, page breaks mid-sentence), reads back as its XML records it."""
    assert _read_back(path, render_english(path)).language == "en"
