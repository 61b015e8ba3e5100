"""Structure stage: label the blocks of a document as title, preamble, operative, sub-points,
headings, letter parts and report sections, each with a stable local path (op/9/a)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .model import Block, Kind, Span, UnkgError, Unit
from .profile import Profile
from .vocab import UNKG



@dataclass
class Layout:
    """The units of a document and the header blocks identity is read from."""

    doc_type: str                               # "resolution" | "letter"
    header: list[Block]
    units: list[Unit]
    letter_title: str | None = None
    report_title: str | None = None
    signature: list[str] = field(default_factory=list)


def lay_out(name: str, blocks: list[Block], profile: Profile) -> Layout:
    """Find the layout of a resolution or a letter; UnkgError when the text is neither."""
    # The cover page (UNITED NATIONS / S / Security Council / Distr. GENERAL / date) comes first.
    for index, block in enumerate(blocks[:12]):
        if profile.match(UNKG.CouncilOpening, block.text):
            return _resolution(name, blocks[:index], blocks[index + 1:], profile)
        if profile.match(UNKG.LetterTitle, block.text):
            return _letter(blocks[:index + 1], blocks[index + 1:], profile)
    raise UnkgError(name, "not a UN Security Council document: found neither a resolution's "
                          "opening words nor a letter heading")


# Resolutions ------------------------------------------------------------------------------

def _resolution(name: str, header: list[Block], body: list[Block], profile: Profile) -> Layout:
    units: list[Unit] = []
    preambular = 0
    operative: list[Unit] = []
    headings = 0
    current_heading: str | None = None
    stack: list[tuple[str, Unit]] = []          # (marker style, unit) of open sub-point levels
    in_operative = False
    annex: Unit | None = None
    for block in body:
        text = block.text
        if in_operative and profile.match(UNKG.AnnexMarker, text):
            number = sum(1 for u in units if u.kind == Kind.ANNEX) + 1
            annex = Unit(Kind.ANNEX, f"annex/{number}", None, number, text, block.span, block.offsets)
            units.append(annex)
            continue
        if annex is not None:
            # Annexes are kept as ordered paragraphs: their numbering is their own.
            position = sum(1 for u in units if u.parent == annex.path) + 1
            units.append(Unit(Kind.ANNEX_PARAGRAPH, f"{annex.path}/p/{position}", None, position, text,
                              block.span, block.offsets, parent=annex.path))
            continue
        number = profile.match(UNKG.OperativeNumber, text)
        if not in_operative and profile.match(UNKG.ChapterVIIFormula, text):
            units.append(Unit(Kind.ENACTING, "enacting", None, 1, text, block.span, block.offsets))
            in_operative = True
            continue
        if number:
            in_operative = True
            expected = len(operative) + 1
            value = int(number.group("number"))
            if value != expected:
                raise UnkgError(name, f"operative numbering breaks off: paragraph {value} follows "
                                      f"{expected - 1} (page {block.page}); truncated or garbled text?")
            rest, offsets = block.tail(number.end())
            unit = Unit(Kind.OPERATIVE, f"op/{value}", str(value), value, rest, block.span, offsets,
                        heading=current_heading)
            operative.append(unit)
            units.append(unit)
            stack = []
            continue
        marker = _subpoint(text, stack, profile)
        if marker and operative:
            style, value, cut = marker
            rest, offsets = block.tail(cut)
            if any(open_style == style for open_style, _ in stack):
                # A sibling at an open level closes that level and everything below it.
                while stack[-1][0] != style:
                    stack.pop()
                stack.pop()
            parent = stack[-1][1] if stack else operative[-1]
            siblings = sum(1 for u in units if u.parent == parent.path)
            # A dashed point has no number of its own: its path counts the points, as in AKN.
            unit = Unit(Kind.SUBPARAGRAPH, f"{parent.path}/{value or siblings + 1}", value, siblings + 1, rest,
                        block.span, offsets, parent=parent.path)
            units.append(unit)
            stack.append((style, unit))
            continue
        if in_operative and not profile.search(UNKG.BlockEnd, text):
            headings += 1
            current_heading = f"heading/{headings}"
            units.append(Unit(Kind.HEADING, current_heading, None, headings, text, block.span, block.offsets))
            stack = []
            continue
        if in_operative and operative:
            # Text after the sub-points of a paragraph ("…; and decides …") belongs to it.
            _extend(operative[-1] if not stack else stack[-1][1], block)
            continue
        preambular += 1
        units.append(Unit(Kind.PREAMBULAR, f"pp/{preambular}", None, preambular, text, block.span, block.offsets))
    if not operative:
        _single_operative(units, profile)
    _check_complete(name, units, profile)
    return Layout("resolution", header, units)


def _subpoint(text: str, stack: list[tuple[str, Unit]], profile: Profile) -> tuple[str, str | None, int] | None:
    bullet = profile.match(UNKG.Bullet, text)
    if bullet:
        return "bullet", None, bullet.end()
    letter = profile.match(UNKG.SubparagraphMarker, text)
    roman = profile.match(UNKG.RomanSubparagraphMarker, text)
    if letter and roman:
        # "(i)", "(v)", "(x)" are letters only when they follow the letter before them.
        open_letter = next((u for style, u in reversed(stack) if style == "letter"), None)
        follows = open_letter is not None and open_letter.number is not None and \
            len(open_letter.number) == 1 and chr(ord(open_letter.number) + 1) == letter.group("number")
        if not follows:
            return "roman", roman.group("number"), roman.end()
    if letter:
        return "letter", letter.group("number"), letter.end()
    if roman:
        return "roman", roman_numeral(roman.group("number")) or roman.group("number"), roman.end()
    return None


def roman_numeral(value: str) -> str | None:
    """A sub-point's number in lower-case roman numerals, whatever numerals print it: the
    Chinese texts write (i), (ii) as ㈠, ㈡ or (一), (十一).

    >>> roman_numeral("iv"), roman_numeral("㈣"), roman_numeral("十一"), roman_numeral("12")
    ('iv', 'iv', 'xi', 'xii')
    """
    if re.fullmatch(r"[ivxlc]+", value):
        return value
    total, digit = 0, None
    for char in value:
        try:
            number = int(unicodedata.numeric(char))
        except ValueError:
            return None
        if number in (10, 100) and len(value) > 1:
            total, digit = total + (digit or 1) * number, None
        elif digit is None:
            digit = number
        else:
            digit = digit * 10 + number   # "12": digits in a row
    total += digit or 0
    if not 0 < total < 400:
        return None
    out = ""
    for amount, letters in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                            (4, "iv"), (1, "i")):
        while total >= amount:
            out, total = out + letters, total - amount
    return out


def _extend(unit: Unit, block: Block) -> None:
    unit.text = f"{unit.text}\n{block.text}"
    unit.offsets = unit.offsets + (block.span.start - 1,) + block.offsets
    unit.span = Span(unit.span.start, block.span.end)


def _single_operative(units: list[Unit], profile: Profile) -> None:
    """A resolution with one unnumbered operative paragraph: the blocks after the last
    preambular-style block are operative."""
    preamble = [u for u in units if u.kind == Kind.PREAMBULAR]
    tail = [u for u in preamble if not profile.search(UNKG.PreambleEnd, u.text)]
    if not tail:
        return
    first = preamble.index(tail[0])
    for position, unit in enumerate(preamble[first:], start=1):
        unit.kind, unit.path, unit.number, unit.position = Kind.OPERATIVE, f"op/{position}", None, position
    for position, unit in enumerate(preamble[:first], start=1):
        unit.path, unit.position = f"pp/{position}", position


def _check_complete(name: str, units: list[Unit], profile: Profile) -> None:
    operative = [u for u in units if u.kind == Kind.OPERATIVE]
    if not operative:
        raise UnkgError(name, "no operative paragraphs found: not a resolution text, or truncated")
    last = [u for u in units if u.kind in (Kind.OPERATIVE, Kind.SUBPARAGRAPH)][-1]
    if any(u.kind == Kind.ANNEX for u in units):
        return _closing(operative, profile)
    if not profile.search(UNKG.DocumentEnd, last.text.strip()):
        raise UnkgError(name, f"text breaks off inside {last.path} (no closing full stop): truncated?")
    _closing(operative, profile)


def _closing(operative: list[Unit], profile: Profile) -> None:
    if profile.search(UNKG.ClosingFormula, operative[-1].text):
        operative[-1].closing = True


# Letters ---------------------------------------------------------------------------------

def _letter(header: list[Block], body: list[Block], profile: Profile) -> Layout:
    layout = Layout("letter", header, [], letter_title=header[-1].text)
    units = layout.units
    in_annex = False
    section: Unit | None = None
    pending_signature: list[Block] = []
    counters = {"letter": 0, "annex": 0, "section": 0}
    for index, block in enumerate(body):
        text = block.text
        if not in_annex and profile.match(UNKG.AnnexMarker, text):
            in_annex = True
            if index + 1 < len(body):
                layout.report_title = body[index + 1].text
            continue
        if not in_annex:
            signed = profile.match(UNKG.SignatureLine, text)
            if signed:
                layout.signature = [b.text for b in pending_signature] + [signed.group("name")]
                offsets: tuple[int, ...] = ()
                for part in pending_signature:
                    offsets += part.offsets + (part.span.end,)
                offsets += block.offsets[signed.start("name"):signed.end("name")]
                units.append(Unit(Kind.SIGNATURE, "signature", None, 1, "\n".join(layout.signature),
                                  Span(offsets[0], block.span.end), offsets))
                pending_signature = []
                continue
            if not profile.search(UNKG.BlockEnd, text):
                pending_signature.append(block)        # the signatory's title lines
                continue
            counters["letter"] += 1
            units.append(Unit(Kind.LETTER_PARAGRAPH, f"p/{counters['letter']}", None, counters["letter"],
                              text, block.span, block.offsets))
            continue
        if text == layout.report_title and section is None and counters["annex"] == 0:
            continue
        heading = profile.match(UNKG.ReportSectionHeading, text)
        if heading:
            counters["section"] += 1
            title, offsets = block.tail(heading.start("title"))
            section = Unit(Kind.REPORT_SECTION, f"annex/section/{counters['section']}", None,
                           counters["section"], title, block.span, offsets,
                           reports_on=_numbers(heading.group("numbers"), profile))
            units.append(section)
            continue
        bullet = profile.match(UNKG.Bullet, text)
        body_text, offsets = block.tail(bullet.end() if bullet else 0)
        parent = section.path if section else None
        position = 1 + sum(1 for u in units if u.kind == Kind.REPORT_PARAGRAPH and u.parent == parent)
        path = f"{parent}/p/{position}" if parent else f"annex/p/{position}"
        units.append(Unit(Kind.REPORT_PARAGRAPH, path, None, position, body_text, block.span, offsets,
                          parent=parent))
        counters["annex"] += 1
    return layout


def _numbers(text: str, profile: Profile) -> tuple[str, ...]:
    numbers: list[int] = []
    rest = text
    for found in profile.finditer(UNKG.NumberRange, text):
        numbers.extend(range(int(found.group("first")), int(found.group("last")) + 1))
        rest = rest.replace(found.group(0), " ")
    numbers.extend(int(n) for n in re.findall(r"[0-9]+", rest))
    return tuple(str(n) for n in sorted(set(numbers)))
