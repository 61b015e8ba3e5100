"""Extract stage: deadlines, recurrences and mandate periods in a stretch of text, normalised.

Kinds (concepts of ``ontology/deadlines.ttl``): ``Absolute`` (a date, a month end, a month or a
year given in the text), ``RelativeToAdoption`` (so many months after the resolution's
adoption, computed with dateutil), ``RelativeToEvent`` (counted from another event: the
offset is kept, no date is invented), ``Recurring`` (a period, or "periodically") and
``MandatePeriod`` (until a date). Chinese numerals are read with cn2an.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from fractions import Fraction

import cn2an
from text_to_num import text2num
from dateutil.relativedelta import relativedelta

from .model import Deadline, Span
from .profile import Profile
from .vocab import UNKG


def read_number(word: str, profile: Profile) -> Fraction | None:
    """A numeral as a number: digits, a word of the profile's number table (半, twice), Chinese
    numerals (cn2an) or, in other languages, number words (text2num); None when none of these.

    >>> from unkg.profile import load_profile
    >>> zh = load_profile("zh")
    >>> read_number("十二", zh), read_number("两", zh), read_number("半", zh), read_number("10", zh)
    (Fraction(12, 1), Fraction(2, 1), Fraction(1, 2), Fraction(10, 1))
    """
    word = word.strip()
    if not word:
        return Fraction(1)
    if word.isdigit():
        return Fraction(int(word))
    listed = profile.word("number", word)
    if listed:
        return Fraction(listed)
    try:
        if profile.language == "zh":
            return Fraction(cn2an.cn2an(word, "smart"))
        return Fraction(text2num(word.casefold(), profile.language))
    except (ValueError, KeyError):
        return None


def duration(amount: Fraction, unit: str) -> str | None:
    """An xsd:duration for ``amount`` units; halves and quarters of years become months.

    >>> duration(Fraction(10), "M"), duration(Fraction(1, 2), "Y"), duration(Fraction(1), "Q"), duration(Fraction(2), "W")
    ('P10M', 'P6M', 'P3M', 'P14D')
    """
    if unit == "Q":
        amount, unit = amount * 3, "M"
    if unit == "Y" and amount.denominator != 1:
        amount, unit = amount * 12, "M"
    if unit == "W":  # xsd:duration has no weeks (ISO 8601's PnW is not XSD)
        amount, unit = amount * 7, "D"
    if unit == "M" and amount.denominator != 1:
        amount, unit = amount * 30, "D"
    if amount.denominator != 1 or amount <= 0:
        return None
    if unit == "H":
        return f"PT{amount.numerator}H"
    return f"P{amount.numerator}{unit}"


def add_duration(start: date, value: str) -> date:
    """``start`` plus an xsd:duration of one unit (``P10M``), month-end aware.

    >>> add_duration(date(2016, 12, 12), "P10M"), add_duration(date(2021, 8, 31), "P6M")
    (datetime.date(2017, 10, 12), datetime.date(2022, 2, 28))
    """
    sign = -1 if value.startswith("-") else 1
    value = value.lstrip("-")
    if value.startswith("PT"):
        return start + sign * timedelta(hours=int(value[2:-1]))
    amount, unit = sign * int(value[1:-1]), value[-1]
    if unit == "Y":
        return start + relativedelta(years=amount)
    if unit == "M":
        return start + relativedelta(months=amount)
    return start + timedelta(days=amount)


def find_deadlines(text: str, offsets: tuple[int, ...], profile: Profile,
                   adoption: date | None) -> list[Deadline]:
    """Every time phrase in ``text`` (one unit's text; ``offsets`` map it to the source)."""
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match[str]) -> bool:
        return all(match.end() <= a or match.start() >= b for a, b in taken)

    def span(match: re.Match[str]) -> Span:
        return Span(offsets[match.start()], offsets[match.end() - 1] + 1)

    for match in profile.finditer(UNKG.MandateEnd, text):
        if free(match):
            due = _date(match, profile)
            found.append(Deadline("MandatePeriod", match.group(0).strip(), span(match), match.start(),
                                  match.end(), due=due))
            taken.append((match.start(), match.end()))
    for match in profile.finditer(UNKG.RelativeDeadline, text):
        if not free(match):
            continue
        deadline = _relative(match, profile, adoption, span(match))
        if deadline:
            found.append(deadline)
            taken.append((match.start(), match.end()))
    for match in profile.finditer(UNKG.EventDeadline, text):
        if free(match):
            found.append(Deadline("RelativeToEvent", match.group(0).strip(), span(match), match.start(), match.end(),
                                  event=" ".join(match.group("event").split())))
            taken.append((match.start(), match.end()))
    for match in profile.finditer(UNKG.DeadlineDate, text):
        if free(match):
            found.append(_absolute(match, span(match), profile))
            taken.append((match.start(), match.end()))
    for match in profile.finditer(UNKG.Recurrence, text):
        if free(match):
            deadline = _recurrence(match, span(match), profile)
            if deadline:
                found.append(deadline)
                taken.append((match.start(), match.end()))
    found.sort(key=lambda d: d.start)
    return found


def _month(value: str | None, profile: Profile) -> int | None:
    """A month given as a number or as a name of the profile's month table."""
    if not value:
        return None
    value = value.strip()
    return int(value) if value.isdigit() else int(profile.word("month", value) or 0) or None


def _date(match: re.Match[str], profile: Profile) -> date | None:
    try:
        return date(int(match.group("year")), _month(match.group("month"), profile), int(match.group("day")))
    except (TypeError, ValueError):
        return None


def _absolute(match: re.Match[str], span: Span, profile: Profile) -> Deadline:
    groups = match.groupdict()
    year = int(groups["year"])
    month = _month(groups["month"], profile) if groups.get("month") else None
    text = match.group(0).strip()
    start, end = match.start(), match.end()
    try:
        if month and groups.get("day"):
            return Deadline("Absolute", text, span, start, end, due=date(year, month, int(groups["day"])))
        if month and groups.get("monthend"):
            last = calendar.monthrange(year, month)[1]
            return Deadline("Absolute", text, span, start, end, due=date(year, month, last))
        if groups.get("yearend"):
            return Deadline("Absolute", text, span, start, end, due=date(year, 12, 31))
    except ValueError:
        pass
    if month and 1 <= month <= 12:
        return Deadline("Absolute", text, span, start, end, month=f"{year:04d}-{month:02d}")
    return Deadline("Absolute", text, span, start, end, year=year)


def _relative(match: re.Match[str], profile: Profile, adoption: date | None, span: Span) -> Deadline | None:
    groups = match.groupdict()
    amount = read_number(groups["number"], profile)
    unit = profile.word("unit", groups["unit"])
    offset = duration(amount, unit) if amount is not None and unit else None
    if offset is None:
        return None
    event = (groups.get("event") or "").strip()
    text = match.group(0).strip()
    if groups.get("before"):
        # "10 working days prior to such authorization": an offset back from the event.
        offset = "-" + offset
    if event and not profile.match(UNKG.AdoptionEvent, event):
        return Deadline("RelativeToEvent", text, span, match.start(), match.end(), offset=offset, event=event)
    due = add_duration(adoption, offset) if adoption else None
    return Deadline("RelativeToAdoption", text, span, match.start(), match.end(), due=due, offset=offset)


def _recurrence(match: re.Match[str], span: Span, profile: Profile) -> Deadline | None:
    groups = match.groupdict()
    text = match.group(0).strip()
    if groups.get("periodic"):
        return Deadline("Recurring", text, span, match.start(), match.end())
    amount = read_number(groups.get("number") or "", profile)
    times = read_number(groups.get("times") or "", profile)
    unit = profile.word("unit", groups.get("unit") or "")
    if amount is None or times is None or unit is None:
        return None
    period = duration(amount / times, unit)
    if period is None:
        return None
    return Deadline("Recurring", text, span, match.start(), match.end(), period=period,
                    at_least=bool(groups.get("atleast")))
