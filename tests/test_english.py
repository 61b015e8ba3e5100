"""English as a second language: the same extractors, English vocabulary and phrases as data.

The UN's English XML of 2322, 2396, 2482 and 2617 is read with ontology/profiles/en.ttl and
the English labels and forms of bodies.ttl, verbs.ttl and actions.ttl; its reporting
obligations are compared with those read from the Chinese texts of the same resolutions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from conftest import SAMPLES, SHARED

from unkg.build import build
from unkg.model import Kind
from unkg.pipeline import load_document
from unkg.query import canned_queries, run_local
from unkg.validate import BUILD_ENGINE, validate_graph

AKN_EN = SHARED / "corpus" / "unxml-akn" / "en"
ENGLISH = [AKN_EN / n for n in ("S_RES_2322_1621991E.xml", "S_RES_2396_1723112E.xml", "S_RES_2482_1912422E.xml",
                                "S_RES_2617_2021-2119887E.xml")]
CHINESE = [SAMPLES / n for n in ("000_2a646b5f01fa77ee.txt", "001_fef54859da132cbf.txt", "002_1ce6e44335356221.txt",
                                 "004_ac69672ad7768d0f.txt")]


def obligations(files: list[Path], out: Path) -> set[tuple[str, ...]]:
    report = build(files, out)
    assert [r.error for r in report.failed] == []
    rows = run_local(canned_queries()["reporting-obligations"], Graph().parse(out / "unkg.ttl")).rows
    return {(str(r["resolution"]), str(r["paragraph"]), str(r.get("body", "")).rsplit("/", 1)[-1],
             str(r.get("deadline", "")), str(r.get("deadlineKind", "")), str(r.get("recurrence", ""))) for r in rows}


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[set, set]:
    return (obligations(ENGLISH, tmp_path_factory.mktemp("en")), obligations(CHINESE, tmp_path_factory.mktemp("zh")))


def test_english_and_chinese_agree_on_the_reporting_obligations(both) -> None:
    english, chinese = both
    agreed = english & chinese
    assert {("S/RES/2322 (2016)", "op/21", "CTED", "2017-10-12", "RelativeToAdoption", ""),
            ("S/RES/2322 (2016)", "op/22", "CTC", "2017-12-12", "RelativeToAdoption", ""),
            ("S/RES/2482 (2019)", "op/25", "SecretaryGeneral", "2020-07-19", "RelativeToAdoption", ""),
            ("S/RES/2617 (2021)", "op/11", "CTED", "2022-06-30", "RelativeToAdoption", ""),
            ("S/RES/2617 (2021)", "op/14", "CTED", "2023-03-30", "Absolute", ""),
            ("S/RES/2617 (2021)", "op/18", "CTC", "", "Recurring", "P1Y"),
            ("S/RES/2617 (2021)", "op/25", "CTCChair", "", "Recurring", "P6M"),
            # "… and for CTED to report within 12 months after the initial assessment report"
            ("S/RES/2617 (2021)", "op/16", "CTED", "", "RelativeToEvent", ""),
            # 13 (g) "Consider providing UNODC with information" / "考虑向毒品和犯罪问题办公室提供…信息"
            ("S/RES/2322 (2016)", "op/13/g", "AllStates", "", "", "")} <= agreed
    assert len(agreed) == 17


def test_where_the_languages_differ_the_texts_differ(both) -> None:
    """Each difference is explained by the texts, and the list is exact so a change shows."""
    english, chinese = both
    assert sorted(english - chinese) == [
        # (b) … "through … briefings": the English names a briefing, the Chinese does not.
        ("S/RES/2322 (2016)", "op/19/b", "CTC", "", "", ""),
        # "by June 2018": the English gives a month; the Chinese "不迟于 2018年 6月底", the month's end.
        ("S/RES/2396 (2017)", "op/50", "UNOCT", "", "Absolute", ""),
        # op/19: "… through … briefings" again names a briefing the Chinese does not.
        ("S/RES/2617 (2021)", "op/19", "CTED", "", "", ""),
    ]
    assert sorted(chinese - english) == [
        ("S/RES/2396 (2017)", "op/50", "UNOCT", "2018-06-30", "Absolute", ""),
    ]


def test_english_and_chinese_xml_of_2617_have_the_same_paragraphs() -> None:
    english = load_document(AKN_EN / "S_RES_2617_2021-2119887E.xml")
    chinese = load_document(SHARED / "corpus" / "unxml-akn" / "zh" / "S_RES_2617_2021-2119887C.xml")
    assert english.language == "en" and chinese.language == "zh"
    assert [(u.kind, u.path) for u in english.units] == [(u.kind, u.path) for u in chinese.units]


def test_english_deadline_phrases() -> None:
    document = load_document(AKN_EN / "S_RES_2617_2021-2119887E.xml")
    found = {(d.unit, x.text, x.kind, str(x.due or x.month or x.period or x.offset))
             for d in document.directives for x in d.deadlines}
    assert ("op/2", "for the period ending 31 December 2025", "MandatePeriod", "2025-12-31") in found
    assert ("op/7", "by December 2022", "Absolute", "2022-12") in found
    assert ("op/11", "within six months of the adoption of this resolution", "RelativeToAdoption", "2022-06-30") in found
    assert ("op/18", "at least once per year", "Recurring", "P1Y") in found
    assert ("op/25", "on a twice annual basis", "Recurring", "P6M") in found


def test_the_whole_corpus_builds_in_one_run(tmp_path: Path) -> None:
    """The five texts and both language versions of the eight resolutions unxml-akn has in
    Chinese and English, in one run: every language version merged, the merged dataset conforms.
    (A sample of unxml-akn, to keep the suite within its ten minutes.)"""
    akn = SHARED / "corpus" / "unxml-akn"
    chinese = sorted((akn / "zh").glob("*.xml"))
    english = [akn / "en" / (p.name[:-5] + "E.xml") for p in chinese]
    assert len(chinese) == 8 and all(p.is_file() for p in english)
    report = build([SAMPLES, *chinese, *english], tmp_path, jobs=2)
    assert len(report.results) == 21
    assert [r.error for r in report.failed] == []
    # Seed 004 and the Chinese XML of 2617 have the same words; the XML is loaded.
    assert [r.file for r in report.results if r.turtle is None] == ["004_ac69672ad7768d0f.txt"]
    dataset = validate_graph(Graph().parse(tmp_path / "unkg.ttl"), engine=BUILD_ENGINE)
    assert [f.line() for f in dataset.violations] == []


def test_english_citations_match_the_chinese_ones() -> None:
    for stem in ("S_RES_2560_2020-2017870", "S_RES_2626_2022-2203972"):
        english = load_document(AKN_EN / f"{stem}E.xml")
        chinese = load_document(SHARED / "corpus" / "unxml-akn" / "zh" / f"{stem}C.xml")
        assert {c.symbol for c in english.citations} == {c.symbol for c in chinese.citations}
        assert english.citations


def test_other_bodies_resolutions_are_not_council_citations() -> None:
    """"Arab League Resolution 7804 (7 September 2014)" and UNESCO's "resolution 38 C/48"."""
    arab_league = load_document(AKN_EN / "S_RES_2199_1501924E.xml")
    unesco = load_document(AKN_EN / "S_RES_2347_1704802E.xml")
    assert [c.symbol for c in arab_league.citations if c.unit == "pp/10"] == []
    assert [c.symbol for c in unesco.citations if c.unit == "pp/2"] == []


# English text extracted from the UN's PDFs ------------------------------------------------
GOLD = SHARED / "corpus" / "cr-unsc" / "res_en_gold"


def test_english_pdf_texts_are_read_like_the_chinese_ones() -> None:
    """Real extractions (corpus/cr-unsc): cover page, "Resolution 1445 (2002)", the adoption
    line with a month name and an ordinal meeting, paragraphs between blank lines, page
    breaks mid-sentence with a form feed and the running symbol, dashed points."""
    res_1445 = load_document(GOLD / "S_RES_1445_2002_EN_GOLD.txt")
    identity = res_1445.identity
    assert (identity.symbol, identity.adoption_date.isoformat(), identity.meeting, identity.chapter_vii) == (
        "S/RES/1445 (2002)", "2002-12-04", 4653, False)
    assert (res_1445.language, res_1445.count(Kind.PREAMBULAR), res_1445.count(Kind.OPERATIVE)) == ("en", 8, 25)
    assert [u.path for u in res_1445.units if u.kind == Kind.SUBPARAGRAPH] == [f"op/13/{n}" for n in range(1, 7)]
    op_2 = next(u for u in res_1445.units if u.path == "op/2")   # runs over a page break
    assert "as well as progress in the implementation of these processes" in op_2.text
    assert "S/RES/1445" not in op_2.text and "02-72318" not in op_2.text
    assert res_1445.warnings == []


def test_english_pdf_texts_give_their_deadlines() -> None:
    res_902 = load_document(GOLD / "S_RES_0902_1994_EN_GOLD.txt")
    assert (res_902.identity.symbol, res_902.identity.adoption_date.isoformat(), res_902.identity.meeting) == (
        "S/RES/902 (1994)", "1994-03-11", 3347)
    (report,) = [d for d in res_902.directives if d.deadlines]
    assert (report.unit, report.addressees, [(x.text, x.kind, x.due.isoformat()) for x in report.deadlines]) == (
        "op/4", ("https://w3id.org/unkg/vocab/body/SecretaryGeneral",), [("by the end of March 1994", "Absolute", "1994-03-31")])
    res_1454 = load_document(GOLD / "S_RES_1454_2002_EN_GOLD.txt")
    assert res_1454.identity.chapter_vii and res_1454.count(Kind.OPERATIVE) == 5 and res_1454.count(Kind.ANNEX) == 1
    review, develop = [d for d in res_1454.directives if d.deadlines]
    # op/2: the Council's own review "prior to the end of the 180-day period so defined".
    assert (review.unit, [(x.kind, x.event) for x in review.deadlines]) == (
        "op/2", [("RelativeToEvent", "the end of the 180-day period so defined")])
    assert [(x.text, x.kind, x.due.isoformat()) for x in develop.deadlines] == [
        ("within sixty days", "RelativeToAdoption", "2003-02-28")]


def test_english_instrument_titles_are_read_from_their_capitalised_names() -> None:
    """English has no title marks: 2195 op/3 names five drug and crime conventions; the kind
    comes from the head word ("Convention on …"), not from the end of the name."""
    res_2195 = load_document(AKN_EN / "S_RES_2195_1467661E.xml")
    assert [(i.name, i.kind) for i in res_2195.instruments if i.unit == "op/3"] == [
        ("Single Convention on Narcotic Drugs", "Convention"),
        ("Convention on Psychotropic Substances", "Convention"),
        ("United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances", "Convention"),
        ("United Nations Convention against Transnational Organized Crime", "Convention"),
        ("United Nations Convention against Corruption", "Convention")]
