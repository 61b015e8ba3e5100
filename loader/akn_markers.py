"""The printed markers of an AKN resolution's points: (a), (iv), 1., A., ㈠, bullets; their
style, their value and the marker that would come next in the same style."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .profile import Profile
from .structure import roman_numeral
from .vocab import UNKG


ROMAN = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")   # (i) … (xxxix): the points' roman numbers
INLINE_MARKER = re.compile(r"(?:[(](?P<paren>[0-9]{1,3}|[a-z]{1,2}|[ivx]{1,6})[)]|(?P<bare>[0-9]{1,3}|[a-z]|[ivx]{2,6})"
                     r"(?:[.)]|(?=\s)))\s*")
QUOTES = ("“", "”")
NUMBERED_STYLES = {"letter", "roman", "upper"}   # styles whose value is the sub-paragraph's eli:number


@dataclass(frozen=True)
class Marker:
    """A paragraph's or point's number as printed: its style and the value its path shows."""

    style: str      # operative | letter | roman | upper | number | bullet | unmarked
    value: str      # "7", "b", "iv", "2"; "" for a bullet


def read_marker(printed: str, profile: Profile) -> Marker | None:
    """The style and value of a <num> as printed: "7.", "(b)", "b.", "iv)", "A.", "(1)", "–", "㈣"."""
    printed = printed.strip()
    if not printed:
        return None
    if not any(c.isalnum() for c in printed):
        return Marker("bullet", "")
    core = printed.strip("().．、 ")
    if core.isascii() and core.isdigit():
        return Marker("number" if "(" in printed or ")" in printed else "operative", str(int(core)))
    if re.fullmatch(r"[a-z]{1,4}", core):
        return Marker("letter", core)
    if re.fullmatch(r"[A-Z]{1,4}", core):
        return Marker("upper", core.lower())
    numeral = profile.match(UNKG.RomanSubparagraphMarker, printed)   # ㈣, (十一), 四. in Chinese
    if numeral:
        value = roman_numeral(numeral.group("number"))
        if value:
            return Marker("roman", value)
    return None


def next_marker(style: str, value: str) -> str | None:
    """The value after ``value`` in a style's sequence (b after a, iv after iii, 3 after 2)."""
    if style == "roman":
        number = roman_value(value)
        return roman_numeral(str(number + 1)) if number else None
    if style in ("letter", "upper") and len(value) == 1 and value < "z":
        return chr(ord(value) + 1)
    if style in ("number", "operative") and value.isdigit():
        return str(int(value) + 1)
    return None


def roman_value(text: str) -> int | None:
    """The number a lower-case roman numeral (i … xxxix) stands for, or None."""
    values = {"i": 1, "v": 5, "x": 10}
    if not ROMAN.fullmatch(text):
        return None
    total = 0
    for char, following in zip(text, text[1:] + " "):
        total += -values[char] if values.get(following, 0) > values[char] else values[char]
    return total
