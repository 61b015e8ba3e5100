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

# The development corpus (unxml-dev): how the UN's mark-up strays from its own nesting ----------
DEV = SHARED / "corpus" / "unxml-dev"


def _paths(document, prefix: str = "") -> list[str]:
    return [u.path for u in document.units if u.path.startswith(prefix)]


def _operative_numbers(document) -> list[str | None]:
    return [u.number for u in document.units if u.kind == Kind.OPERATIVE]


def test_points_set_as_paragraphs_of_their_own_nest_under_their_paragraph() -> None:
    """2149: paragraph 30 lists (a)–(c), each with a sub-list set beside it; (d)–(g) follow as
    paragraphs of their own, "(c) Facilitate …" and "(d) Protection …" have their words in the
    unnumbered paragraph after them, (e) and (f) their (i)… as paragraphs, (g) three "–"
    paragraphs. They used to count as operative paragraphs 31–33, then 31 came again (IndexError)."""
    document = load_document(DEV / "Pre-2020/2014/S_RES_2149_1429581e.xml")
    assert _operative_numbers(document) == [str(n) for n in range(1, 52)]
    assert [u.path for u in document.units if u.parent == "op/30"] == [f"op/30/{x}" for x in "abcdefg"]
    assert _paths(document, "op/30/a/") == ["op/30/a/i", "op/30/a/ii", "op/30/a/iii", "op/30/a/iv"]
    assert len(_paths(document, "op/30/b/")) == 6
    assert _paths(document, "op/30/e/") == ["op/30/e/i", "op/30/e/ii", "op/30/e/iii", "op/30/e/iv"]
    assert _paths(document, "op/30/f/") == ["op/30/f/i", "op/30/f/ii", "op/30/f/iii"]
    dashes = [u for u in document.units if u.parent == "op/30/g"]
    assert [(u.path, u.number) for u in dashes] == [("op/30/g/1", None), ("op/30/g/2", None), ("op/30/g/3", None)]
    units = {u.path: u for u in document.units}
    assert units["op/30/c"].text.startswith("Facilitate the immediate, full, safe and unhindered delivery")
    assert "\nTo contribute, including through effective civil-military coordination" in units["op/30/c"].text
    assert units["op/30/d"].text.endswith("freedom of movement of United Nations and associated personnel;")
    assert units["op/31"].text.startswith("Further decides that the mandate of MINUSCA")
    assert len(set(_paths(document))) == len(document.units)


def test_dashed_paragraphs_after_a_paragraph_are_its_points() -> None:
    """2171: four "–" paragraphs after paragraph 7, then the words that close it."""
    document = load_document(DEV / "Pre-2020/2014/S_RES_2171_1459579E.xml")
    assert _operative_numbers(document) == [str(n) for n in range(1, 27)]
    assert [(u.path, u.text) for u in document.units if u.parent == "op/7"] == [
        ("op/7/1", "United Nations regional offices;"), ("op/7/2", "Special Political Missions;"),
        ("op/7/3", "peacekeeping operations;"), ("op/7/4", "the Peacebuilding Commission;")]
    op_7 = next(u for u in document.units if u.path == "op/7")
    assert op_7.text.endswith("\nas well as regional and subregional organizations and arrangements;")


@pytest.mark.parametrize("name, first", [("2023/English/S_RES_2713-2323995E.xml", "Targeted sanctions"),
                                         ("2023/Chinese/S_RES_2713-2323995C.xml", "定向制裁")])
def test_section_letters_number_headings_not_paragraphs(name: str, first: str) -> None:
    """2713: "A. Targeted sanctions" … "I. Reporting" are nine section headings (a <subheading>
    or a <content> after the letter), not operative paragraphs."""
    document = load_document(DEV / name)
    assert _operative_numbers(document) == [str(n) for n in range(1, 48)]
    headings = [u for u in document.units if u.kind == Kind.HEADING]
    assert len(headings) == 9 and headings[0].text == first
    units = {u.path: u for u in document.units}
    assert (units["op/1"].heading, units["op/4"].heading) == ("heading/1", "heading/2")


def test_the_chinese_and_english_xml_of_2713_have_the_same_paragraphs() -> None:
    chinese = read_akn("c.xml", (DEV / "2023/Chinese/S_RES_2713-2323995C.xml").read_bytes())
    english = read_akn("e.xml", (DEV / "2023/English/S_RES_2713-2323995E.xml").read_bytes())
    # The resolution's own paragraphs align; its annexes (item lists the two versions break
    # into paragraphs differently) are the same three, A to C.
    assert [p for p in _paths(chinese) if not p.startswith("annex")] == [
        p for p in _paths(english) if not p.startswith("annex")]
    assert [u.text[:3] for u in chinese.units if u.kind == Kind.ANNEX] == ["附件A", "附件B", "附件C"]
    assert [u.text[:7] for u in english.units if u.kind == Kind.ANNEX] == ["Annex A", "Annex B", "Annex C"]


def test_roman_section_numbers_are_headings() -> None:
    """2085: "I. Political process", "II. Security process" (then a subheading) head the paragraphs."""
    document = load_document(DEV / "Pre-2020/2012/S_RES_2085_N1266067.xml")
    assert _operative_numbers(document) == [str(n) for n in range(1, 26)]
    units = {u.path: u for u in document.units}
    assert [units[f"heading/{n}"].text for n in (1, 2, 3)] == [
        "Political process", "Security process", "Training of Malian forces"]
    assert (units["op/1"].heading, units["op/6"].heading) == ("heading/1", "heading/3")


def test_annexes_in_the_body_are_annexes() -> None:
    """1617: "Annex I to resolution 1617 (2005)" after the closing paragraph, and Annex II with
    its checklist numbered 1., A. … again: annex paragraphs, not operative paragraphs."""
    document = load_document(DEV / "Pre-2020/2005/S_RES_1617_N0544660.xml")
    assert _operative_numbers(document) == [str(n) for n in range(1, 23)]
    assert [(u.path, u.text) for u in document.units if u.kind == Kind.ANNEX] == [
        ("annex/1", "Annex I to resolution 1617 (2005)"), ("annex/2", "Annex II to resolution 1617 (2005)")]
    assert next(u for u in document.units if u.path == "annex/1/p/2").text.startswith("(a) To collate, assess")
    assert [u.path for u in document.units if u.closing] == ["op/22"]


@pytest.mark.parametrize("name, words", [
    ("Pre-2020/2000/S_RES_1290_N0030311.xml", "Recommends to the General Assembly that Tuvalu be admitted"),
    ("2021/Chinese/SC_2583_2021-C.xml", "决定填补该空缺的选举将于2021年11月5日"),
    ("2021/English/SC_2583_2021-E.xml", "Decides that the election to fill the vacancy shall take place on 5 November")])
def test_a_single_unnumbered_paragraph_is_the_operative_paragraph(name: str, words: str) -> None:
    """Resolutions of one unnumbered paragraph used to be refused ("no operative paragraphs
    found"); the "-----" under 1290 is a decoration, not a heading."""
    document = load_document(DEV / name)
    assert [(u.kind, u.path, u.number) for u in document.units if u.kind != Kind.PREAMBULAR] == [
        (Kind.OPERATIVE, "op/1", None)]
    assert document.units[-1].text.startswith(words)


def test_an_empty_doc_number_leaves_the_symbol_to_the_printed_title() -> None:
    """2511's Chinese cover page has an empty <docNumber>; it prints 第2511(2020)号决议."""
    document = load_document(DEV / "2020/Chinese/S_RES_2511 (2020)-2002954C.xml")
    assert (document.identity.symbol, document.identity.adoption_date.isoformat(), document.identity.meeting) == (
        "S/RES/2511 (2020)", "2020-02-25", 8732)
    assert document.count(Kind.OPERATIVE) == 14


def test_the_formula_set_in_the_body_is_the_enacting_clause() -> None:
    """2621's Chinese sets 根据《联合国宪章》第七章采取行动， as the body's first (unnumbered)
    paragraph; the English has it in the preamble. Both give one enacting clause."""
    chinese = read_akn("c.xml", (DEV / "2022/Chinese/S_RES_2621 (2022)-2202537C.xml").read_bytes())
    english = read_akn("e.xml", (DEV / "2022/English/S_RES_2621 (2022)-2202537E.xml").read_bytes())
    assert chinese.identity.chapter_vii and english.identity.chapter_vii
    assert [u.text for u in chinese.units if u.kind == Kind.ENACTING] == ["根据《联合国宪章》第七章采取行动，"]
    assert _paths(chinese) == _paths(english)
    assert not any(u.kind == Kind.HEADING for u in chinese.units)


def test_chinese_numbering_quirks_read_as_the_english_numbers_them() -> None:
    """2657's Chinese: ㈠–㈣ are (i)–(iv); "b 加快…" types its letter into the text after
    point a.; c.–e. follow as paragraphs of their own. 2551's ㈠ and ㈡ number headings."""
    chinese = read_akn("c.xml", (DEV / "2022/Chinese/S_RES_2657-2224442C.xml").read_bytes())
    english = read_akn("e.xml", (DEV / "2022/English/S_RES_2657-2224442E.xml").read_bytes())
    assert _paths(chinese) == _paths(english)
    assert [(u.path, u.number) for u in chinese.units if u.parent == "op/7"] == [
        (f"op/7/{x}", x) for x in "abcde"]
    assert next(u for u in chinese.units if u.path == "op/7/b").text.startswith("加快实施国家稳定战略")
    assert _paths(chinese, "op/10/a/") == ["op/10/a/i", "op/10/a/ii", "op/10/a/iii", "op/10/a/iv"]
    somalia = read_akn("c.xml", (DEV / "2020/Chinese/S_RES_2551 (2020)-2015095C.xml").read_bytes())
    assert [u.text for u in somalia.units if u.kind == Kind.HEADING][:3] == ["军火禁运", "豁免、事先批准和通知", "例外情况"]
    assert _operative_numbers(somalia) == [str(n) for n in range(1, 39)]


def test_a_paragraph_set_inside_the_points_of_the_one_before_is_a_paragraph() -> None:
    """2820: "5. Decides to reduce …" is the last point of 4 (d)'s sub-list in both languages;
    the Chinese sets 7's nine points as unnumbered paragraphs after "…以下优先措施："."""
    chinese = read_akn("c.xml", (DEV / "2026/Chinese/S_RES_2820-2606294C.xml").read_bytes())
    english = read_akn("e.xml", (DEV / "2026/English/S_RES_2820-2606294E.xml").read_bytes())
    assert _paths(chinese) == _paths(english)
    assert _operative_numbers(chinese) == [str(n) for n in range(1, 14)]
    assert next(u for u in english.units if u.path == "op/5").text.startswith("Decides to reduce the overall force")
    assert _paths(chinese, "op/7/") == [f"op/7/{n}" for n in range(1, 10)]


def test_a_quoted_paragraph_belongs_to_the_paragraph_that_quotes_it() -> None:
    """2699's Chinese sets the new wording of 2653's paragraph 11 (“决定…：a. … b. …”) as an
    unnumbered paragraph and two lettered ones after 14; they are 14's words, as in the English."""
    chinese = read_akn("c.xml", (DEV / "2023/Chinese/S_RES_2699-2318982C.xml").read_bytes())
    op_14 = next(u for u in chinese.units if u.path == "op/14")
    assert _operative_numbers(chinese) == [str(n) for n in range(1, 24)]
    assert not _paths(chinese, "op/14/")
    assert op_14.text.endswith("以促进海地和平与稳定目标的其他活动；”") and "\na.向联合国" in op_14.text


@pytest.mark.parametrize("name, path, words", [
    # "1." with an empty <content>, its words in the unnumbered paragraph after it
    ("Pre-2020/2000/S_RES_1286_N0024782.xml", "op/1", "Warmly endorses and strongly supports"),
    # the number typed into the text: "7 Further underlines …"
    ("Pre-2020/2001/S_RES_1345_N0129889.xml", "op/7", "Further underlines the requirement"),
    # a list with an empty intro: the paragraph prints only its number
    ("2021/English/S_RES_2592 (2021)-2112022E.xml", "op/11", "11.")])
def test_paragraph_numbers_the_mark_up_misplaces(name: str, path: str, words: str) -> None:
    document = read_akn("x.xml", (DEV / name).read_bytes())
    unit = next(u for u in document.units if u.path == path)
    assert unit.text.startswith(words) and unit.number == path.split("/")[1]
    numbers = _operative_numbers(document)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_operative_paragraphs_numbered_inside_the_preamble() -> None:
    """2103 ends its preamble with a list whose one item is "1. Decides to extend …:"; its
    points (a)–(j) open the body."""
    document = read_akn("x.xml", (DEV / "Pre-2020/2013/S_RES_2103_1334353e.xml").read_bytes())
    assert _operative_numbers(document) == [str(n) for n in range(1, 19)]
    assert document.units[21].text == ("Reaffirming its full commitment to the consolidation of peace and "
                                       "stability in Guinea-Bissau:")
    assert [u.path for u in document.units if u.parent == "op/1"] == [f"op/1/{x}" for x in "abcdefghij"]


@pytest.mark.parametrize("name, problem", [
    ("2022/Chinese/S_RES_2640 (2022)-2210294C.xml",
     "operative numbering breaks off: paragraph 43 follows 44 in the mark-up; garbled XML?"),
    ("2020/English/S_PRST_2020_11.xml", "the cover page gives S/PRST/2020/11, a presidential statement, not a resolution")])
def test_files_refused_with_their_reason(name: str, problem: str) -> None:
    """2640's Chinese file repeats paragraphs 42–44 (and loses bullets of 41): refused, not
    loaded with two paragraph 42s. A presidential statement is no resolution."""
    with pytest.raises(UnkgError) as refused:
        load_document(DEV / name)
    assert refused.value.problem == problem
