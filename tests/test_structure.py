"""Structure of the sample documents: the counts of tests/expected.toml, and the details."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from unkg.model import Kind
from unkg.profile import load_profile
from unkg.read import decode_source
from unkg.segment import segment
from unkg.structure import lay_out

from conftest import EXPECTED, SAMPLE_NAMES, SHARED, sample

COUNTED = {"preambular": Kind.PREAMBULAR, "operative": Kind.OPERATIVE, "subparagraphs": Kind.SUBPARAGRAPH,
           "headings": Kind.HEADING, "letter_paragraphs": Kind.LETTER_PARAGRAPH}


@pytest.mark.parametrize("name", SAMPLE_NAMES)
@pytest.mark.parametrize("field", sorted(COUNTED))
def test_unit_counts(name: str, field: str) -> None:
    expected = EXPECTED[name].get(field)
    if expected is None:
        pytest.skip(f"{field} not listed for {name}")
    assert sample(name).count(COUNTED[field]) == expected


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sections_and_closing(name: str) -> None:
    document = sample(name)
    sections = document.count(Kind.HEADING) + document.count(Kind.REPORT_SECTION)
    assert sections == EXPECTED[name]["sections"]
    closing = [u.path for u in document.units if u.closing]
    assert bool(closing) == EXPECTED[name]["closing"]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_operative_numbers_are_consecutive(name: str) -> None:
    numbers = [int(u.number) for u in sample(name).units if u.kind == Kind.OPERATIVE]
    assert numbers == list(range(1, len(numbers) + 1))


def test_paragraph_rejoined_across_page_break() -> None:
    # 2322 preamble: "…获益，表" ends page 1, " 示关切…" begins page 2 with a leading space.
    text = next(u.text for u in sample("000_2a646b5f01fa77ee.txt").units if u.text.startswith("严重关切在一些情况下"))
    assert "获益，表示关切恐怖分子在一些地区" in text
    assert text.endswith("包括进行敲诈和抢劫银行，")


def test_sub_points_of_2322_paragraph_13() -> None:
    units = sample("000_2a646b5f01fa77ee.txt").units
    subs = [u for u in units if u.parent == "op/13"]
    assert [u.number for u in subs] == list("abcdefgh")
    assert subs[0].text.startswith("将它们加入的适用国际文书用作在恐怖主义案件中开展司法互助")


def test_headings_of_2396_and_what_sits_under_them() -> None:
    units = sample("001_fef54859da132cbf.txt").units
    headings = [u.text for u in units if u.kind == Kind.HEADING]
    assert headings == ["边界安全和信息共享", "司法措施和国际合作", "起诉、恢复正常生活和重返社会战略",
                        "联合国针对回返和迁移的外国恐怖主义作战人员作出的努力"]
    under = {u.number: u.heading for u in units if u.kind == Kind.OPERATIVE}
    # As in the UN's XML: 1 before any heading, 2-16, 17-28, 29-41, 42-51 under the four.
    assert under["1"] is None and under["2"] == under["16"] == "heading/1"
    assert under["17"] == under["28"] == "heading/2" and under["29"] == under["41"] == "heading/3"
    assert under["42"] == under["51"] == "heading/4"


def test_enacting_clause_of_2396() -> None:
    enacting = [u for u in sample("001_fef54859da132cbf.txt").units if u.kind == Kind.ENACTING]
    assert [u.text for u in enacting] == ["根据《联合国宪章》第七章采取行动，"]


def test_letter_sections_report_on_paragraphs() -> None:
    sections = [u for u in sample("003_64ff64efe628bbb7.txt").units if u.kind == Kind.REPORT_SECTION]
    covered = [n for s in sections for n in s.reports_on]
    assert covered == [str(n) for n in range(1, 22)]
    joint = next(s for s in sections if len(s.reports_on) > 1)
    assert joint.reports_on == ("16", "17") and joint.text == "国际刑警组织及其数据库"


def test_letter_signature() -> None:
    signature = next(u for u in sample("003_64ff64efe628bbb7.txt").units if u.kind == Kind.SIGNATURE)
    assert signature.text.splitlines()[-1] == "阿姆鲁·阿卜杜勒-拉蒂夫·阿布拉塔"


def _akn_blocks(path) -> tuple[list[str], list[str]]:
    root = ET.parse(path).getroot()
    ns = {"a": root.tag.split("}")[0][1:]}
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731 - a one-off normaliser
    preamble = [squash("".join(c.itertext())) for c in root.find(".//a:preamble", ns).findall(".//a:container", ns)]
    operative = []
    for paragraph in root.find(".//a:mainBody", ns).findall("a:paragraph", ns):
        number = paragraph.find("a:num", ns)
        text = squash("".join(paragraph.itertext()))
        operative.append(text[len(squash("".join(number.itertext()))):] if number is not None else text)
    return preamble, operative


def test_2617_text_matches_the_un_xml_paragraph_for_paragraph() -> None:
    preamble, operative = _akn_blocks(SHARED / "corpus/unxml-akn/zh/S_RES_2617_2021-2119887C.xml")
    units = sample("004_ac69672ad7768d0f.txt").units
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    assert [squash(u.text) for u in units if u.kind == Kind.PREAMBULAR] == preamble
    assert [squash(u.text) for u in units if u.kind == Kind.OPERATIVE] == operative


def _lay_out(text: str):
    profile = load_profile("zh")
    source = decode_source("t.txt", text.encode("utf-8"))
    return lay_out("t.txt", segment(source, profile).blocks, profile)


def test_nested_sub_points_letter_then_roman() -> None:
    layout = _lay_out(
        " 安全理事会， \n\n 回顾其各项决议， \n\n 1. 请各国： \n\n (a) 采取措施： \n\n (i) 第一项； \n\n"
        " (ii) 第二项； \n\n (b) 加强合作； \n\n (h) 其他； \n\n (i) 字母项； \n\n 2. 决定继续处理此案。 \n")
    paths = [u.path for u in layout.units if u.kind == Kind.SUBPARAGRAPH]
    assert paths == ["op/1/a", "op/1/a/i", "op/1/a/ii", "op/1/b", "op/1/h", "op/1/i"]


def test_single_unnumbered_operative_paragraph() -> None:
    layout = _lay_out(" 安全理事会， \n\n 回顾其各项决议， \n\n 重申其承诺， \n\n 决定将任务期限延长至 2025 年 12 月 31 日。 \n")
    kinds = [(u.kind, u.path) for u in layout.units]
    assert kinds == [(Kind.PREAMBULAR, "pp/1"), (Kind.PREAMBULAR, "pp/2"), (Kind.OPERATIVE, "op/1")]


def test_chinese_roman_points_in_a_text_are_numbered_in_roman() -> None:
    """㈠, ㈡ (and (十一)) are how the Chinese prints (i), (ii), (xi): a text's point keeps the
    number the English gives it, so the two versions share op/1/a/i."""
    from akn_render import _lay_out

    text = _lay_out([(3, "第 9999(2020)号决议"), (2, "安全理事会 2020 年 1 月 1 日第 1 次会议通过"), (1, "安全理事会，"),
                     (1, "回顾其以往决议，"), (1, "1. 决定："), (1, "(a) 各国应："), (1, "㈠ 冻结资产；"),
                     (1, "㈡ 禁止旅行；"), (1, "(十一) 报告；"), (1, "2. 决定继续处理此案。")])
    profile = load_profile("zh")
    layout = lay_out("x.txt", segment(decode_source("x.txt", text.encode("utf-8")), profile).blocks, profile)
    assert [(u.path, u.number) for u in layout.units if u.kind == Kind.SUBPARAGRAPH] == [
        ("op/1/a", "a"), ("op/1/a/i", "i"), ("op/1/a/ii", "ii"), ("op/1/a/xi", "xi")]
