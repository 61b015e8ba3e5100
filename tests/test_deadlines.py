"""Deadlines: every kind, at least twice, from the sample texts and from real resolutions of
the UN's Chinese Akoma Ntoso corpus laid out as PDF text; the value each normalises to."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from functools import cache

import pytest

from unkg.deadlines import add_duration, duration, find_deadlines, read_number
from unkg.model import Deadline, Document
from unkg.pipeline import extract_document
from unkg.profile import load_profile
from unkg.read import decode_source

from akn_render import render
from conftest import SHARED, sample

S2322, S2396, S2482, S2617 = ("000_2a646b5f01fa77ee.txt", "001_fef54859da132cbf.txt",
                              "002_1ce6e44335356221.txt", "004_ac69672ad7768d0f.txt")


@cache
def akn(prefix: str) -> Document:
    """A Chinese AKN resolution of the corpus, laid out as a PDF extraction and loaded."""
    path = next((SHARED / "corpus/unxml-akn/zh").glob(prefix + "*.xml"))
    return extract_document(decode_source(path.stem + ".txt", render(path).text.encode("utf-8")))


def document(source: str) -> Document:
    return akn(source) if source.startswith("S_RES_") else sample(source)


def deadlines_in(source: str, unit: str) -> list[Deadline]:
    """The deadlines the directives of one paragraph carry, in text order."""
    found = [d for directive in document(source).directives if directive.unit == unit for d in directive.deadlines]
    return sorted(set(found), key=lambda d: d.start)


def one(source: str, unit: str, text: str) -> Deadline:
    matches = [d for d in deadlines_in(source, unit) if d.text == text]
    assert len(matches) == 1, [d.text for d in deadlines_in(source, unit)]
    return matches[0]


ABSOLUTE = [
    (S2617, "op/14", "至迟于 2023 年 3 月 30 日", date(2023, 3, 30), None),
    (S2617, "op/24", "在 2022 年3 月 30 日前", date(2022, 3, 30), None),
    (S2396, "op/50", "不迟于 2018年 6月底", date(2018, 6, 30), None),          # end of month
    (S2617, "op/7", "在 2022 年 12 月之前", None, "2022-12"),                  # month only: no day
    ("S_RES_2610", "op/106", "至迟于2022年1月31日", date(2022, 1, 31), None),
]


@pytest.mark.parametrize(("source", "unit", "text", "due", "month"), ABSOLUTE)
def test_absolute_deadlines(source: str, unit: str, text: str, due: date | None, month: str | None) -> None:
    deadline = one(source, unit, text)
    assert (deadline.kind, deadline.due, deadline.month, deadline.offset) == ("Absolute", due, month, None)


RELATIVE_TO_ADOPTION = [
    (S2322, "op/21", "在 10 个月内", "P10M", date(2017, 10, 12)),
    (S2322, "op/22", "在十二个月后", "P12M", date(2017, 12, 12)),             # Chinese numerals
    (S2482, "op/25", "在 12 个月内", "P12M", date(2020, 7, 19)),
    (S2617, "op/11", "在本决议通过后六个月内", "P6M", date(2022, 6, 30)),
    ("S_RES_2664", "op/5", "在本决议通过之日起11个月内", "P11M", date(2023, 11, 9)),
]


@pytest.mark.parametrize(("source", "unit", "text", "offset", "due"), RELATIVE_TO_ADOPTION)
def test_deadlines_relative_to_adoption(source: str, unit: str, text: str, offset: str, due: date) -> None:
    deadline = one(source, unit, text)
    assert (deadline.kind, deadline.offset, deadline.due, deadline.event) == ("RelativeToAdoption", offset, due, None)


RELATIVE_TO_EVENT = [
    (S2617, "op/16", "在向反恐委员会提交初次评估报告后 12 个月之内", "P12M", "向反恐委员会提交初次评估报告"),
    ("S_RES_2664", "op/5", "在紧急救济协调员提出任何要求后60天内", "P60D", "紧急救济协调员提出任何要求"),
    ("S_RES_2610", "op/79", "在收到有关申请后30天内", "P30D", "收到有关申请"),
]


@pytest.mark.parametrize(("source", "unit", "text", "offset", "event"), RELATIVE_TO_EVENT)
def test_deadlines_relative_to_another_event_invent_no_date(source: str, unit: str, text: str, offset: str,
                                                            event: str) -> None:
    deadline = one(source, unit, text)
    assert (deadline.kind, deadline.offset, deadline.event, deadline.due) == ("RelativeToEvent", offset, event, None)


RECURRING = [
    (S2617, "op/12", "每年", "P1Y", False),
    (S2617, "op/18", "至少每年一次", "P1Y", True),
    (S2617, "op/25", "每年两次", "P6M", False),
    (S2617, "op/17", "定期", None, False),                                    # periodically, no period
    ("S_RES_2626", "op/7", "每3个月", "P3M", False),
    ("S_RES_2610", "op/104", "每季度", "P3M", False),
]


@pytest.mark.parametrize(("source", "unit", "text", "period", "at_least"), RECURRING)
def test_recurring_deadlines(source: str, unit: str, text: str, period: str | None, at_least: bool) -> None:
    deadline = one(source, unit, text)
    assert (deadline.kind, deadline.period, deadline.at_least, deadline.due) == ("Recurring", period, at_least, None)


MANDATE = [
    (S2617, "op/2", "直至 2025 年 12 月 31 日终了", date(2025, 12, 31)),
    ("S_RES_2626", "op/4", "延长至2023年3月17日", date(2023, 3, 17)),
]


@pytest.mark.parametrize(("source", "unit", "text", "until"), MANDATE)
def test_mandate_periods(source: str, unit: str, text: str, until: date) -> None:
    deadline = one(source, unit, text)
    assert (deadline.kind, deadline.due) == ("MandatePeriod", until)


def test_a_date_before_the_obliged_body_is_not_its_deadline() -> None:
    # 2396 ¶11: "决定为促进…国际民航组织…关于其成员国于 2017 年 10 月 23 日前建立…的标准，会员国应…":
    # the date is ICAO's standard's, not a deadline of the decision on Member States.
    assert deadlines_in(S2396, "op/11") == []


def test_deadlines_of_one_paragraph_stay_with_their_directive() -> None:
    # 2617 ¶2 decides two things: a mandate until 2025 and a review before 2024.
    directives = [d for d in sample(S2617).directives if d.unit == "op/2"]
    assert [[x.kind for x in d.deadlines] for d in directives] == [["MandatePeriod"], ["Absolute"]]


def test_a_relative_deadline_without_an_adoption_date_is_not_computed() -> None:
    text = "请秘书长在 12 个月内提交报告"
    [deadline] = find_deadlines(text, tuple(range(len(text))), load_profile("zh"), None)
    assert (deadline.kind, deadline.offset, deadline.due) == ("RelativeToAdoption", "P12M", None)


@pytest.mark.parametrize(("word", "value"), [("十二", 12), ("六", 6), ("两", 2), ("半", Fraction(1, 2)),
                                             ("12", 12), ("二十四", 24)])
def test_numerals(word: str, value: Fraction) -> None:
    assert read_number(word, load_profile("zh")) == value


def test_month_arithmetic_is_end_of_month_aware() -> None:
    assert add_duration(date(2021, 8, 31), "P6M") == date(2022, 2, 28)
    assert add_duration(date(2020, 2, 29), "P1Y") == date(2021, 2, 28)
    assert duration(Fraction(1, 2), "Y") == "P6M"
