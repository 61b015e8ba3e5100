"""Several languages, one work: the language versions of a resolution share its paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef

from conftest import SAMPLES, SHARED

from unkg.build import build
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


def test_versions_that_disagree_are_reported_not_misaligned(tmp_path: Path) -> None:
    report, graph = merged([AKN / "zh" / "S_RES_2610_2021-2119270C.xml", AKN / "en" / "S_RES_2610_2021-2119270E.xml"],
                           tmp_path)
    (refused,) = report.failed
    assert refused.file == "S_RES_2610_2021-2119270E.xml" and "it lacks heading/13, heading/14, heading/15" in refused.error
    notes = list(graph.objects(URIRef(ID + "S/RES/2610(2021)"), UNKG.alignmentNote))
    assert notes == [Literal("The 'en' version (S_RES_2610_2021-2119270E.xml) was not merged: it lacks "
                             "heading/13, heading/14, heading/15.", lang="en")]
    assert {t.language for t in graph.objects(None, UNKG.text)} == {"zh"}
