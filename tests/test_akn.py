"""Read stage for Akoma Ntoso XML: the UN's mark-up gives the same document as the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SHARED, sample

from unkg.akn import is_akn, read_akn
from unkg.model import Kind, UnkgError
from unkg.pipeline import load_document

AKN_ZH = SHARED / "corpus" / "unxml-akn" / "zh"
AKN_EN = SHARED / "corpus" / "unxml-akn" / "en"
XML_2617 = AKN_ZH / "S_RES_2617_2021-2119887C.xml"
TEXT_2617 = "004_ac69672ad7768d0f.txt"


@pytest.fixture(scope="module")
def xml_2617():
    return load_document(XML_2617)


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_text_and_xml_of_2617_have_the_same_structure(xml_2617) -> None:
    text = sample(TEXT_2617)
    assert [(u.kind, u.path, u.position) for u in xml_2617.units] == [(u.kind, u.path, u.position) for u in text.units]
    assert [_squashed(u.text) for u in xml_2617.units] == [_squashed(u.text) for u in text.units]
    assert (xml_2617.identity.symbol, xml_2617.identity.adoption_date.isoformat()) == ("S/RES/2617 (2021)", "2021-12-30")
    assert xml_2617.count(Kind.OPERATIVE) == 41 and xml_2617.count(Kind.PREAMBULAR) == 40


def test_text_and_xml_of_2617_give_the_same_requests(xml_2617) -> None:
    text = sample(TEXT_2617)

    def key(d):
        return (d.unit, d.verb, d.addressees, d.report_to, tuple((x.kind, x.due, x.month, x.period) for x in d.deadlines))

    assert [key(d) for d in xml_2617.directives] == [key(d) for d in text.directives]
    assert sorted(c.symbol for c in xml_2617.citations) == sorted(c.symbol for c in text.citations)


def test_offsets_point_into_the_xml_file(xml_2617) -> None:
    raw = XML_2617.read_bytes().decode("utf-8")  # not read_text: it would turn CRLF into LF
    assert xml_2617.source.media_type == "application/akn+xml"
    for unit in xml_2617.units:
        assert "".join(raw[o] for o in unit.offsets) == unit.text
    directive = next(d for d in xml_2617.directives if d.unit == "op/24")
    assert raw[directive.span.start:directive.span.end].startswith("指示反恐办和反恐执行局")


def test_links_and_classification_keywords_are_kept(xml_2617) -> None:
    assert "https://undocs.org/ch/S/RES/1535(2004)" in xml_2617.footer_links
    assert "http://metadata.un.org/sdg/16" in xml_2617.subjects
    assert any(s.startswith("http://eurovoc.europa.eu/") for s in xml_2617.subjects)
    assert any(s.startswith("http://metadata.un.org/thesaurus/") for s in xml_2617.subjects)


@pytest.mark.parametrize("path", sorted(AKN_ZH.glob("*.xml")), ids=lambda p: p.name)
def test_every_chinese_xml_resolution_loads(path: Path) -> None:
    document = load_document(path)
    assert document.identity.symbol and document.count(Kind.OPERATIVE) > 0
    assert document.identity.title  # from the reference table


def test_sub_points_kept_as_paragraphs_are_sub_paragraphs() -> None:
    document = load_document(AKN_ZH / "S_RES_2610_2021-2119270C.xml")
    points = [u for u in document.units if u.kind == Kind.SUBPARAGRAPH]
    assert points and all(u.parent and u.parent.startswith("op/") for u in points)


def test_xml_that_is_not_akoma_ntoso_is_refused(tmp_path: Path) -> None:
    assert not is_akn(b"<html><body>hi</body></html>")
    with pytest.raises(UnkgError, match="^x.xml: not well-formed XML"):
        read_akn("x.xml", b"<akomaNtoso><resolution>")
    with pytest.raises(UnkgError, match="^y.xml: XML but not Akoma Ntoso"):
        read_akn("y.xml", b"<?xml version='1.0'?><html/>")


def _verbs(document, path: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(v.verb.rsplit("/", 1)[1], v.text, tuple(m.rsplit("/", 1)[1] for m in v.modifiers))
            for v in document.verbs if v.unit == path]


def test_verbs_the_xml_marks_are_read_where_it_marks_them() -> None:
    """AKN4UN sets the verbs in bold (zh) or italics (en); a marked verb inside a clause,
    where the text alone shows no clause start, is read there."""
    english = load_document(AKN_EN / "S_RES_2331_1622533E.xml")
    # "…; and furthermore urges that …", "…; and therefore encourages all relevant actors …"
    assert _verbs(english, "op/3/b") == [("recalls", "recalls", ()), ("urges", "furthermore urges", ("further",))]
    assert ("encourages", "encourages", ()) in _verbs(english, "op/8")
    chinese = load_document(AKN_ZH / "S_RES_2560_2020-2017870C.xml")
    assert _verbs(chinese, "op/1") == [("encourages", "继续鼓励", ("continues",))]


def test_every_verb_the_corpus_xml_marks_is_known(xml_2617) -> None:
    """ontology/verbs.ttl knows every verb the corpus marks; the one report left is a
    misspelling in the UN's file, named so a reader can see it."""
    assert _verbs(xml_2617, "pp/26")[0] == ("recognizes", "肯定", ())
    assert _verbs(xml_2617, "op/30")[0] == ("expressesSupport", "表示大力声援", ())
    reports = [(path.name, w) for path in sorted(AKN_ZH.parent.glob("*/*.xml"))
               for w in load_document(path).warnings if "the XML marks" in w]
    assert reports == [("S_RES_2341_1702174E.xml",
                        "op/4: the XML marks 'Сalls upon' as a verb; ontology/verbs.ttl does not know it "
                        "(it is spelt with CYRILLIC CAPITAL LETTER ES)")]