"""Several languages, one work: the language versions of a resolution share its paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef

from conftest import SAMPLES, SHARED

from unkg.build import _difference, build
from unkg.validate import validate_graph

AKN = SHARED / "corpus" / "unxml-akn"
UNKG = Namespace("https://w3id.org/unkg/ontology#")
ID = "https://w3id.org/unkg/id/"


def merged(files: list[Path], out: Path):
    report = build(files, out)
    return report, Graph().parse(out / "unkg.ttl")


@pytest.fixture(scope="module")
def res_2617(tmp_path_factory: pytest.TempPathFactory):
    return merged([AKN / "zh" / "S_RES_2617_2021-2119887C.xml", AKN / "en" / "S_RES_2617_2021-2119887E.xml"],
                  tmp_path_factory.mktemp("2617"))


def test_chinese_and_english_xml_of_2617_make_one_resolution(res_2617) -> None:
    report, graph = res_2617
    assert [r.error for r in report.failed] == []
    paragraphs = set(graph.subjects(UNKG.hasVersion, None))
    assert len(paragraphs) == 81
    for paragraph in paragraphs:
        assert sorted(t.language for t in graph.objects(paragraph, UNKG.text)) == ["en", "zh"]
        assert sorted(str(v).rsplit("/", 1)[1] for v in graph.objects(paragraph, UNKG.hasVersion)) == ["en", "zh"]
    work = URIRef(ID + "S/RES/2617(2021)")
    assert sorted(str(x) for x in graph.objects(work, URIRef("http://purl.org/dc/terms/language"))) == ["en", "zh"]
    assert validate_graph(graph).conforms


def test_each_language_keeps_its_own_facts_and_offsets(res_2617) -> None:
    _, graph = res_2617
    op24 = ID + "S/RES/2617(2021)/op/24"
    zh = graph.value(URIRef(op24 + "/zh/directive/1"), UNKG.text)
    en = graph.value(URIRef(op24 + "/en/directive/1"), UNKG.text)
    assert zh.language == "zh" and en.language == "en"
    assert str(zh).startswith("指示反恐办和反恐执行局") and str(en).startswith("directs UNOCT and CTED")
    offsets = {str(v).rsplit("/", 1)[1]: graph.value(v, UNKG.startOffset).toPython()
               for v in graph.objects(URIRef(op24), UNKG.hasVersion)}
    assert offsets["zh"] != offsets["en"]


def test_chinese_text_and_english_xml_of_2322_align(tmp_path: Path) -> None:
    report, graph = merged([SAMPLES / "000_2a646b5f01fa77ee.txt", AKN / "en" / "S_RES_2322_1621991E.xml"], tmp_path)
    assert [r.error for r in report.failed] == []
    paragraphs = set(graph.subjects(UNKG.hasVersion, None))
    assert len(paragraphs) == 58
    assert all({t.language for t in graph.objects(p, UNKG.text)} == {"zh", "en"} for p in paragraphs)
    text = {t.language: str(t) for t in graph.objects(URIRef(ID + "S/RES/2322(2016)/op/21"), UNKG.text)}
    assert text["zh"].startswith("请反恐怖主义执行局") and text["en"].startswith("Requests the Counter Terrorism")


def test_headings_inside_points_align_with_headings_of_their_own(tmp_path: Path) -> None:
    """2610: the English sets "Asset Freeze" inside point (a) of op/1, the Chinese gives
    资产冻结 a paragraph of its own; both are heading/2, before op/1/a."""
    report, graph = merged([AKN / "zh" / "S_RES_2610_2021-2119270C.xml", AKN / "en" / "S_RES_2610_2021-2119270E.xml"],
                           tmp_path)
    assert [r.error for r in report.failed] == []
    texts = {t.language: str(t) for t in graph.objects(URIRef(ID + "S/RES/2610(2021)/heading/2"), UNKG.text)}
    assert texts == {"zh": "资产冻结", "en": "Asset Freeze"}
    texts = {t.language: str(t) for t in graph.objects(URIRef(ID + "S/RES/2610(2021)/heading/15"), UNKG.text)}
    assert texts == {"zh": "审查", "en": "Reviews"}
    # The annex (the Monitoring Team's tasks) is paragraphed differently by the two versions:
    # the Chinese annex stays, the English one is left out and the graph says so.
    notes = [str(n) for n in graph.objects(URIRef(ID + "S/RES/2610(2021)"), UNKG.alignmentNote)]
    assert len(notes) == 1 and notes[0].startswith(
        "The annexes of the 'en' version (S_RES_2610_2021-2119270E.xml) were not merged: it lacks annex/1/p/32,")
    annex_texts = {t.language for s, t in graph.subject_objects(UNKG.text) if "/annex/" in str(s)}
    assert annex_texts == {"zh"}


def test_versions_that_disagree_are_reported_not_misaligned(tmp_path: Path) -> None:
    """The English of 2610 without its three point headings: the versions no longer pair
    paragraph for paragraph, so the English is refused and the graph says why."""
    english = tmp_path / "S_RES_2610_2021-2119270E.xml"
    xml = (AKN / "en" / "S_RES_2610_2021-2119270E.xml").read_text(encoding="utf-8")
    english.write_text(re.sub(r"<subheading>\s*(Asset Freeze|Travel Ban|Arms Embargo)</subheading>", "", xml),
                       encoding="utf-8")
    report, graph = merged([AKN / "zh" / "S_RES_2610_2021-2119270C.xml", english], tmp_path / "out")
    (refused,) = report.failed
    assert refused.error == (
        "S_RES_2610_2021-2119270E.xml: the 'en' version of S/RES/2610 (2021) does not match the 'zh' version "
        "(S_RES_2610_2021-2119270C.xml): it lacks heading/13, heading/14, heading/15; not merged")
    notes = list(graph.objects(URIRef(ID + "S/RES/2610(2021)"), UNKG.alignmentNote))
    assert notes == [Literal("The 'en' version (S_RES_2610_2021-2119270E.xml) was not merged: it lacks "
                             "heading/13, heading/14, heading/15.", lang="en")]
    assert {t.language for t in graph.objects(None, UNKG.text)} == {"zh"}


def test_versions_with_the_same_paragraphs_in_another_order_do_not_pair() -> None:
    assert _difference(("heading/1", "op/1", "heading/2", "op/2"), ("heading/1", "op/1", "op/2", "heading/2")) == (
        "its paragraphs come in another order from op/2 on (expected heading/2)")
    assert _difference(("op/1", "op/2"), ("op/1", "op/2")) == ""
    assert _difference(("op/1", "op/2"), ("op/1", "op/2", "op/3")) == "it has op/3 that the other lacks"


def test_a_text_and_the_xml_of_one_resolution_load_once_from_the_xml(tmp_path: Path) -> None:
    """Seed 004 is 2617 in Chinese, as is the UN's XML: the same words, so the XML is loaded
    and the report says why the text is not."""
    report = build([SAMPLES / "004_ac69672ad7768d0f.txt", AKN / "zh" / "S_RES_2617_2021-2119887C.xml"], tmp_path)
    text, xml = report.results
    assert (text.error, text.turtle, xml.error) == (None, None, None)
    note = ("004_ac69672ad7768d0f.txt: the same S/RES/2617 (2021) as S_RES_2617_2021-2119887C.xml, word for word "
            "(spacing and line breaks aside); S_RES_2617_2021-2119887C.xml, the UN's XML, is loaded instead")
    assert note in text.warnings and note in xml.warnings
    assert text.summary().startswith("skip   004_ac69672ad7768d0f.txt: S/RES/2617 (2021) preambular=40 operative=41")
    assert sorted(p.name for p in (tmp_path / "documents").iterdir()) == ["S-RES-2617-2021-zh.ttl"]
    assert "application/akn+xml" in (tmp_path / "documents" / "S-RES-2617-2021-zh.ttl").read_text(encoding="utf-8")


def test_a_text_whose_words_differ_from_the_xml_is_named_with_the_paragraphs(tmp_path: Path) -> None:
    edited = tmp_path / "2617.txt"
    edited.write_text((SAMPLES / "004_ac69672ad7768d0f.txt").read_text(encoding="utf-8").replace(
        "决定继续积极处理此案。", "决定继续处理此案。"), encoding="utf-8")
    report = build([edited, AKN / "zh" / "S_RES_2617_2021-2119887C.xml"], tmp_path / "out")
    assert report.results[0].warnings[-1] == (
        "2617.txt: the same paragraphs as S_RES_2617_2021-2119887C.xml, but the words of op/41 differ; "
        "S_RES_2617_2021-2119887C.xml, the UN's XML, is loaded instead")
