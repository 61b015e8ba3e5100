"""Read stage for the UN's Akoma Ntoso XML (AKN4UN): a resolution's structure and identity
straight from its mark-up, into the same Document model as a text file.

Offsets point into the XML file itself: each character of a paragraph's text keeps the
position of the character it came from (parsed with expat, which reports where every run
of character data starts), so a fact extracted from XML is traced to the XML's own text.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import xml.parsers.expat
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote

from .model import Identification, Identity, Kind, SourceText, Span, Unit, UnkgError
from .profile import UNSPACED, Profile, load_profile
from .structure import roman_numeral
from .symbols import is_symbol, normalise_symbol, symbol_kind

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN_MEDIA_TYPE = "application/akn+xml"
_LANGUAGES = {"zho": "zh", "chi": "zh", "zh": "zh", "eng": "en", "en": "en", "fra": "fr", "spa": "es",
              "rus": "ru", "ara": "ar"}
_SPACES = re.compile(r"\s+")


@dataclass
class Element:
    """An XML element with its children (elements and character runs) in document order."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | Run] = field(default_factory=list)

    def find(self, tag: str) -> Element | None:
        """The first descendant with this local name."""
        return next(self.iter(tag), None)

    def iter(self, tag: str | None = None):
        """This element and its descendants with this local name, in document order."""
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter(tag)

    def elements(self, tag: str | None = None) -> list[Element]:
        """Direct child elements (with this local name)."""
        return [c for c in self.children if isinstance(c, Element) and (tag is None or c.tag == tag)]

    def runs(self):
        """Every character run inside, in document order."""
        for child in self.children:
            if isinstance(child, Run):
                yield child
            else:
                yield from child.runs()


@dataclass(frozen=True)
class Run:
    """A run of character data and the offset of each of its characters in the decoded file."""

    text: str
    offsets: tuple[int, ...]


def parse_xml(name: str, raw: bytes) -> tuple[Element, str]:
    """The element tree of an XML file with source offsets, and the file's decoded text."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnkgError(name, f"XML is not UTF-8 ({err.reason} at byte {err.start})") from None
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    # Byte position of every character, to turn expat's byte indexes into character offsets.
    starts, position = [], bom
    for char in text:
        starts.append(position)
        position += len(char.encode("utf-8"))
    parser = xml.parsers.expat.ParserCreate()
    root = Element("#document", {})
    stack = [root]

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = Element(tag.rsplit(":", 1)[-1], attrs)
        stack[-1].children.append(element)
        stack.append(element)

    def end(tag: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        position = bisect.bisect_left(starts, parser.CurrentByteIndex)
        if text.startswith("&", position) or text.startswith("<![CDATA[", position):
            # An entity or character reference stands for its text: point every character at it.
            stack[-1].children.append(Run(chunk, (position,) * len(chunk)))
            return
        offsets = []
        for char in chunk:
            if char == "\n" and text.startswith("\r\n", position):
                position += 1  # expat reports CRLF as LF: the character is the LF
            offsets.append(position)
            position += 1
        stack[-1].children.append(Run(chunk, tuple(offsets)))

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, data
    try:
        parser.Parse(raw, True)
    except xml.parsers.expat.ExpatError as err:
        raise UnkgError(name, f"not well-formed XML ({xml.parsers.expat.ErrorString(err.code)} "
                              f"at line {err.lineno})") from None
    return root, text


def is_akn(raw: bytes) -> bool:
    """Whether bytes look like an Akoma Ntoso document."""
    head = raw[:2000]
    return b"<akomaNtoso" in head or AKN_NAMESPACE.encode() in head


@dataclass
class AknDocument:
    """What the XML says, before the shared extract stages run on its units."""

    source: SourceText
    language: str
    profile: Profile                         # the language's phrase patterns
    identity: Identity
    units: list[Unit]
    links: list[str]                         # undocs.org hrefs, in order
    keywords: list[tuple[str, str, str]]     # (dictionary, IRI, showAs)


def read_akn(name: str, raw: bytes) -> AknDocument:
    """Read an AKN4UN resolution: identity from the cover page, units from preamble and body."""
    root, text = parse_xml(name, raw)
    akn = root.find("akomaNtoso")
    if akn is None:
        raise UnkgError(name, "XML but not Akoma Ntoso (no akomaNtoso element)")
    resolution = akn.find("resolution") or akn.find("doc") or akn.find("statement")
    if resolution is None or akn.find("mainBody") is None:
        raise UnkgError(name, "Akoma Ntoso but not a resolution (no resolution with a mainBody)")
    source = SourceText(name, text, hashlib.sha256(raw).hexdigest(), "utf-8", AKN_MEDIA_TYPE)
    language = _language(name, akn)
    try:
        profile = load_profile(language)
    except KeyError:
        raise UnkgError(name, f"no language profile for '{language}' texts") from None
    identity = _identity(name, akn, profile)
    units: list[Unit] = []
    reader = _BodyReader(name, text, language, profile, identity, units)
    reader.verb_starts = {first for first, _ in _emphasised(akn, {"bold", "italic", "underline"})}
    preamble = akn.find("preamble")
    if preamble is not None:
        for container in preamble.elements("container"):
            if reader.preamble_list(container):
                continue
            content, offsets = _text(container, language)
            if not content:
                continue
            reader.preambular(content, offsets)
    reader.blocks(akn.find("mainBody").elements())
    reader.finish()
    # Some hrefs carry spaces ("…/S/RES/1267 (1999)"); an IRI may not, so they are dropped
    # (undocs.org reads both) and anything else unsafe is percent-encoded.
    emphasis = _emphasised(akn)
    for unit in units:
        unit.marked = _marked_in(unit, emphasis)
    links = [quote(a.attrs["href"].replace(" ", ""), safe=":/?#[]@!$&'()*+,;=%-._~")
             for a in akn.iter("a") if "undocs.org" in a.attrs.get("href", "")]
    keywords = sorted({(k.attrs.get("dictionary", ""), k.attrs.get("href", ""), k.attrs.get("showAs", ""))
                       for k in akn.iter("keyword") if k.attrs.get("href")})
    return AknDocument(source, language, profile, identity, units, links, keywords)


def _emphasised(akn: Element, classes: frozenset[str] | set[str] = frozenset({"bold", "italic"})) -> list[tuple[int, int]]:
    """Source offsets of the first and last word characters of each bold or italic span
    (AKN4UN sets the operative verbs so)."""
    found = []
    for span in akn.iter("span"):
        if span.attrs.get("class") in classes:
            kept = [offset for run in span.runs() for char, offset in zip(run.text, run.offsets)
                    if not char.isspace() and char not in ",，;；:："]
            if kept:
                found.append((kept[0], kept[-1]))
    return found


def _marked_in(unit: Unit, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The emphasised spans inside one unit, as ranges of its text."""
    index = {offset: i for i, offset in enumerate(unit.offsets)}
    return tuple((index[first], index[last] + 1) for first, last in spans if first in index and last in index)


# The operative part ------------------------------------------------------------------------
# The UN's mark-up does not always nest what it numbers: lettered points come as paragraphs
# of their own after their paragraph, sub-lists stand beside the point they belong to, a
# heading is an unnumbered paragraph (or one numbered "A." or "㈠"), the text of a titled
# point follows it as an unnumbered paragraph, a number is sometimes typed into the text.
# The reader follows the numbering as a reader of the printed page does: a marker of a
# style already open is a sibling at that level, another style opens a level below.

_ROMAN = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")   # (i) … (xxxix): the points' roman numbers
_INLINE = re.compile(r"(?:[(](?P<paren>[0-9]{1,3}|[a-z]{1,2}|[ivx]{1,6})[)]|(?P<bare>[0-9]{1,3}|[a-z]|[ivx]{2,6})"
                     r"(?:[.)]|(?=\s)))\s*")
_QUOTES = ("“", "”")
_NUMBERED = {"letter", "roman", "upper"}   # styles whose value is the sub-paragraph's eli:number


@dataclass(frozen=True)
class _Marker:
    """A paragraph's or point's number as printed: its style and the value its path shows."""

    style: str      # operative | letter | roman | upper | number | bullet | unmarked
    value: str      # "7", "b", "iv", "2"; "" for a bullet


def _marker(printed: str, profile: Profile) -> _Marker | None:
    """The style and value of a <num> as printed: "7.", "(b)", "b.", "iv)", "A.", "(1)", "–", "㈣"."""
    printed = printed.strip()
    if not printed:
        return None
    if not any(c.isalnum() for c in printed):
        return _Marker("bullet", "")
    core = printed.strip("().．、 ")
    if core.isascii() and core.isdigit():
        return _Marker("number" if "(" in printed or ")" in printed else "operative", str(int(core)))
    if re.fullmatch(r"[a-z]{1,4}", core):
        return _Marker("letter", core)
    if re.fullmatch(r"[A-Z]{1,4}", core):
        return _Marker("upper", core.lower())
    numeral = profile.match("RomanSubparagraphMarker", printed)   # ㈣, (十一), 四. in Chinese
    if numeral:
        value = roman_numeral(numeral.group("number"))
        if value:
            return _Marker("roman", value)
    return None


def _next(style: str, value: str) -> str | None:
    """The value after ``value`` in a style's sequence (b after a, iv after iii, 3 after 2)."""
    if style == "roman":
        number = _roman_value(value)
        return roman_numeral(str(number + 1)) if number else None
    if style in ("letter", "upper") and len(value) == 1 and value < "z":
        return chr(ord(value) + 1)
    if style in ("number", "operative") and value.isdigit():
        return str(int(value) + 1)
    return None


def _roman_value(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10}
    if not _ROMAN.fullmatch(text):
        return None
    total = 0
    for char, following in zip(text, text[1:] + " "):
        total += -values[char] if values.get(following, 0) > values[char] else values[char]
    return total


class _BodyReader:
    """Reads preamble leftovers and the operative part into units, in document order."""

    def __init__(self, name: str, source: str, language: str, profile: Profile, identity: Identity,
                 units: list[Unit]) -> None:
        self.name, self.source, self.language, self.profile, self.identity = name, source, language, profile, identity
        self.units = units
        self.by_path: dict[str, Unit] = {}
        self.style: dict[str, str] = {}          # sub-paragraph path → style of its marker
        self.children: dict[str, int] = {}       # path → how many sub-paragraphs it has
        self.last_child: dict[str, Unit] = {}    # path → its last sub-paragraph
        self.printed: dict[str, tuple[str, tuple[int, ...]]] = {}   # path → its <num>, for a unit without words
        self.operative: list[Unit] = []
        self.last: Unit | None = None            # the deepest unit read last: markers nest from it
        self.target: Unit | None = None          # where an unnumbered sentence continues (none after a heading)
        self.heading: str | None = None          # the heading operative paragraphs stand under
        self.pending: str | None = None          # a heading read, not yet followed by a paragraph
        self.quote: tuple[Unit, int] | None = None   # a quotation still open: the unit it belongs to, quotes open
        self.annex: Unit | None = None
        self.closed = False                      # the closing paragraph has been read: what follows is annexed
        self.following: Element | None = None    # the block after the one being read
        self.verb_starts: set[int] = set()       # where an emphasised span (a verb, in AKN4UN) begins
        self.titled: Unit | None = None          # a titled point whose words are being read

    # blocks -------------------------------------------------------------------------------
    def preambular(self, text: str, offsets: tuple[int, ...]) -> Unit:
        if self.profile.match("ChapterVIIFormula", text) and not self._has(Kind.ENACTING):
            self.identity.chapter_vii = True
            return self._add(Kind.ENACTING, "enacting", None, 1, text, offsets)
        number = sum(1 for u in self.units if u.kind == Kind.PREAMBULAR) + 1
        return self._add(Kind.PREAMBULAR, f"pp/{number}", None, number, text, offsets)

    def preamble_list(self, container: Element) -> bool:
        """A preamble container whose list numbers operative paragraphs ("Acting under Chapter
        VII …: 1. Decides …"): its introduction is read as preamble, its items as the body."""
        listing = container.find("blockList")
        items = listing.elements("item") if listing is not None else []
        if not any((m := self._num(item)) and m.style == "operative" for item in items):
            return False
        text, offsets = self._words(container, {"num", "item"})
        if text:
            self.preambular(text, offsets)
        self.blocks(items)
        return True

    def blocks(self, elements: list[Element]) -> None:
        for index, element in enumerate(elements):
            self.following = elements[index + 1] if index + 1 < len(elements) else None
            self.block(element)

    def block(self, element: Element) -> None:
        """One block of the body: a paragraph, a section, a container, a list item."""
        if element.tag == "section":
            self.target = None
            title, num = _child(element, "heading"), _child(element, "num")
            if title is not None or num is not None:
                self._heading(*self._words(title if title is not None else num, set()))
            self.blocks([c for c in element.elements() if c.tag not in ("num", "heading")])
            return
        if self.annex is not None or self.closed:
            self._annexed(element)
            return
        if element.tag == "crossHeading":
            # A part's own preamble (1306 B: "Stressing the need …,") or its heading.
            text, offsets = self._words(element)
            if self.profile.search("PreambleEnd", text) and not self.profile.match("AnnexMarker", text):
                self.preambular(text, offsets)
            else:
                self._unnumbered(text, offsets, False)
            return
        titled = False
        for title in (c for c in element.elements() if c.tag in ("heading", "subheading")):
            titled = self._heading(*self._words(title)) is not None or titled
        listing = _child(element, "list")
        own = _child(listing, "intro") if listing is not None else _child(element, "content")
        skip = {"num", "heading", "subheading", "list", "point", "alinea"}
        text, offsets = self._words(own) if own is not None else self._words(element, skip)
        has_points = listing is not None or _child(element, "point") is not None
        if titled and not text and not has_points:
            return      # "(i) Exemptions …", "A. Targeted sanctions": the number of a heading
        marker = self._num(element)
        if self.quote is not None and (marker is None or marker.style != "operative"):
            unit, depth = self.quote       # "a. …", "b. …”" inside a quoted paragraph (2699)
            words = self._words(element, {"heading", "subheading"})
            self._extend(unit, *words)
            self._quoted(unit, depth, words[0])
            return
        if marker is None and _child(element, "num") is None:
            marker, text, offsets = self._inline(element, text, offsets)
        if marker is None:
            unit = self._unnumbered(text, offsets, has_points)
        elif marker.style == "operative":
            unit = self._operative(marker.value, text, offsets, element)
        elif marker.style == "upper" and not self._sentence(text):
            self._heading(text, offsets)       # "B. Arms embargo", "II. Security process"
            return
        elif not self.operative:
            self.preambular(text, offsets)     # lettered before paragraph 1: preamble, as in a text (2005)
            return
        else:
            parent, marker = self._parent_for(marker)
            unit = self._point(marker, text, offsets, parent, element)
        if unit is None:
            return
        for child in element.elements():
            if child.tag == "list":
                self._list(child, unit, own_intro=True)
            elif child.tag == "alinea":
                self._extend(unit, *self._words(child))    # words after the list (2662)
        if _child(element, "point") is not None:
            self._list(element, unit, tags=("point", "sublist"))   # points beside the list (2662, 47 (d)-(g))

    def _unnumbered(self, text: str, offsets: tuple[int, ...], has_points: bool) -> Unit | None:
        """An unnumbered paragraph: a heading, the formula, text continuing a paragraph, an
        unmarked point, the only operative paragraph of a resolution, a quotation."""
        if not text or not any(c.isalnum() for c in text) or self.profile.match("PageFurniture", text):
            return None     # an empty paragraph, a decoration ("-----", "* * *"), a reissue note
        profile = self.profile
        if not self.operative and profile.match("ChapterVIIFormula", text) and not self._has(Kind.ENACTING):
            self.preambular(text, offsets)    # the formula set in the body (2621 Chinese)
            return None
        lead_in = text.endswith((":", "："))
        following = self._num(self.following) if self.following is not None else None
        if lead_in and not has_points and following is not None and self.operative and \
                (following.style == "operative" or self._goes_on(following)):
            # "Reports:", "报告：" over the paragraphs that follow; "Support for Security Reform:"
            # between the lettered points of one paragraph (1509).
            self._heading(text, offsets)
            return None
        if not self._sentence(text) and not has_points:
            if self.target is not None and self.target.text.endswith((":", "：")) and \
                    (following is None or following.style == "operative"):
                # "… the following judges: Mehmet Güney (Turkey) Andrésia Vaz (Senegal)": the
                # lead-in's list, not a heading (a heading stands over points: 1933)
                return self._point(_Marker("unmarked", ""), text, offsets, self.target, None)
            if self.operative and profile.match("AnnexMarker", text):
                self._start_annex(text, offsets)
            else:
                self._heading(text, offsets)
            return None
        if not self.operative:
            if profile.search("PreambleEnd", text) and not has_points:
                self.preambular(text, offsets)
                return None
            return self._operative(None, text, offsets, None)    # the one unnumbered operative paragraph
        target = self.target
        if self.operative[-1].number is None and (target is None or target is self.operative[-1]
                                                  or offsets[0] in self.verb_starts):
            # Another paragraph of a resolution that numbers none: it opens with its verb (the
            # mark-up sets it in italics), or follows the paragraph before it directly.
            return self._operative(None, text, offsets, None)
        if target is None:
            self._heading(text, offsets)      # "With regard to the trade in arms," opening a section
            return None
        if not target.text:
            target.text, target.offsets, target.span = text, offsets, Span(offsets[0], offsets[-1] + 1)
            return target
        if text.startswith(_QUOTES[0]) and text.count(_QUOTES[0]) > text.count(_QUOTES[1]):
            self._extend(target, text, offsets)          # a quoted paragraph, to its closing quote
            self._quoted(target, 0, text)
            return None
        if target.text.endswith((":", "：")) and lead_in and following is not None:
            if target.parent:
                # "(e) Supporting the Implementation of the Agreement:" then its words "To carry
                # out … the following tasks:" over (i), (ii) … (2241)
                self._extend(target, text, offsets)
                return target
            self._heading(text, offsets)      # a heading over the first points of the paragraph
            return None
        if target.text.endswith((":", "：")) or self.style.get(target.path) == "unmarked":
            parent = target if self.style.get(target.path) != "unmarked" else self.by_path[target.parent]
            return self._point(_Marker("unmarked", ""), text, offsets, parent, None)
        if not self._sentence(target.text) or target is self.titled:
            # The words of a titled point: "(c) Facilitate …" then "To contribute …;", and
            # the next paragraph of them (2423 (c)).
            self._extend(target, text, offsets)
            self.titled = target if target.parent else None
            return target
        if self.style.get(target.path) == "bullet" and following is not None and following.style == "bullet":
            # Between two bulleted points: a point whose bullet the mark-up lost (1717).
            return self._point(_Marker("bullet", ""), text, offsets, self.by_path[target.parent], None)
        # Words after the points of a paragraph ("…; as well as …") belong to the paragraph.
        owner = self.by_path[target.parent] if target.parent else target
        self._extend(owner, text, offsets)
        self.last = self.target = owner
        return owner

    def _operative(self, number: str | None, text: str, offsets: tuple[int, ...], element: Element | None) -> Unit:
        if self.pending is not None:
            self.heading, self.pending = self.pending, None
        position = len(self.operative) + 1
        unit = self._add(Kind.OPERATIVE, f"op/{position if number is None else number}", number, position, text,
                         offsets, heading=self.heading)
        if element is not None:
            self._printed(unit, element)
        self.operative.append(unit)
        self.last = self.target = unit
        self.quote = self.titled = None
        if number is not None and self.profile.match("ChapterVIIFormula", text):
            self.identity.chapter_vii = True     # "16. Acting under Chapter VII …, (i) Decides …" (1590)
        if number is not None and self.profile.search("ClosingFormula", text):
            self.closed = True
        return unit

    def _point(self, marker: _Marker, text: str, offsets: tuple[int, ...], parent: Unit,
               element: Element | None) -> Unit:
        style, value = marker.style, marker.value
        count = self.children.get(parent.path, 0) + 1
        path = f"{parent.path}/{value if style in _NUMBERED or style == 'number' else count}"
        unit = self._add(Kind.SUBPARAGRAPH, path, value if style in _NUMBERED else None, count, text, offsets,
                         parent=parent.path)
        self.children[parent.path] = count
        self.last_child[parent.path] = unit
        self.style[path] = style
        if element is not None:
            self._printed(unit, element)
        self.pending = None      # a heading among the points of a paragraph is the paragraph's own
        self.last = self.target = unit
        self.titled = None
        return unit

    def _parent_for(self, marker: _Marker) -> tuple[Unit, _Marker]:
        """Where a marked paragraph goes: beside the open point of its style, else below the
        deepest open one. A letter that looks roman ("(i)") is a letter only after "(h)"."""
        chain = self._chain()
        if marker.style == "letter" and _ROMAN.fullmatch(marker.value):
            letter = next((u for u in reversed(chain) if self.style.get(u.path) == "letter"), None)
            if letter is None or _next("letter", letter.number or "") != marker.value:
                marker = _Marker("roman", marker.value)
        sibling = next((u for u in reversed(chain) if self.style.get(u.path) == marker.style), None)
        return (self.by_path[sibling.parent] if sibling is not None else chain[-1]), marker

    def _goes_on(self, marker: _Marker) -> bool:
        """Whether a marker numbers the next point of a sequence already open ((k) after (j))."""
        if marker.style == "operative":
            return False
        for style in ("letter", "roman") if marker.style == "letter" else (marker.style,):
            for unit in reversed(self._chain()):
                if self.style.get(unit.path) == style:
                    if _next(style, unit.path.rsplit("/", 1)[1]) == marker.value:
                        return True
                    break
        return False

    def _chain(self) -> list[Unit]:
        """The open units: the last operative paragraph and the points down to the last read."""
        unit = self.last if self.last is not None else self.operative[-1]
        chain = [unit]
        while chain[-1].parent:
            chain.append(self.by_path[chain[-1].parent])
        return chain[::-1]

    def _inline(self, element: Element, text: str, offsets: tuple[int, ...]) -> tuple[_Marker | None, str, tuple[int, ...]]:
        """A number typed into the text of an unnumbered paragraph ("7 Further underlines …",
        "(1) Chairing …", "b 加快 …"), read only where it is the next of an open sequence
        (or, in parentheses, the first of a new one under a lead-in)."""
        bullet = self.profile.match("Bullet", text)
        if bullet and any(c.isalnum() for c in text[bullet.end():]) and self.operative:
            return _Marker("bullet", ""), text[bullet.end():], offsets[bullet.end():]
        raw = "".join(r.text for r in _runs_without(element, {"num"})).lstrip()
        found = _INLINE.match(raw)
        if not found:
            return None, text, offsets
        value = found.group("paren") or found.group("bare")
        cut = re.match(r"[(]?" + re.escape(value) + r"[.)]?\s*", text)
        if cut is None or cut.end() == len(text):
            return None, text, offsets
        rest = text[cut.end():], offsets[cut.end():]
        if value.isdigit() and found.group("bare"):
            expected = str(len(self.operative) + 1)
            return (_Marker("operative", value), *rest) if value == expected and not self.closed else (None, text, offsets)
        if not self.operative:
            return None, text, offsets
        styles = ["number"] if value.isdigit() else (["letter", "roman"] if _ROMAN.fullmatch(value) else ["letter"])
        chain = self._chain()
        for style in styles:
            for unit in reversed(chain):
                if self.style.get(unit.path) == style:
                    if _next(style, unit.path.rsplit("/", 1)[1]) == value:
                        return (_Marker(style, value), *rest)
                    break
            first = {"number": "1", "letter": "a", "roman": "i"}[style]
            if found.group("paren") and value == first and chain[-1].text.rstrip().endswith((":", "：")):
                return (_Marker(style, value), *rest)
        return None, text, offsets

    # lists -------------------------------------------------------------------------------
    def _list(self, container: Element, owner: Unit, own_intro: bool = False,
              tags: tuple[str, ...] = ("point", "sublist", "list", "wrapUp")) -> None:
        """The points of a list or sub-list, under ``owner``; a sub-list beside a point belongs
        to that point, a wrap-up after the points to the owner. The intro of a list beside
        the points (not the owner's own words) is a heading over them."""
        previous: Unit | None = None
        children = container.elements()
        children = [c for c in children if c.tag in tags]
        for index, child in enumerate(children):
            if child.tag == "point":
                after = children[index + 1] if index + 1 < len(children) else None
                previous = self._list_point(child, owner, previous, after is None,
                                            after is None or (after.tag != "point" and self._continues(after)))
            elif child.tag in ("sublist", "list"):
                intro = _child(child, "intro")
                if intro is not None and not (own_intro and child.tag == "list"):
                    self._heading(*self._words(intro))
                self._list(child, previous or owner)
            elif child.tag == "wrapUp":
                self._extend(owner, *self._words(child))
                self.last = self.target = owner

    def _list_point(self, point: Element, owner: Unit, previous: Unit | None, last: bool,
                    following_continues: bool = False) -> Unit | None:
        for title in (c for c in point.elements() if c.tag in ("heading", "subheading")):
            self._heading(*self._words(title))   # "Asset Freeze" over (a) in 2610 English
        inner = _child(point, "list")
        intro = _child(inner, "intro") if inner is not None else None
        intro = intro if intro is not None else _child(point, "intro")
        target = intro if intro is not None else _child(point, "content")
        text, offsets = self._words(target) if target is not None else \
            self._words(point, {"num", "heading", "subheading", "list", "sublist"})
        marker = self._num(point)
        if marker is None:
            if not text:
                if inner is not None:
                    self._list(inner, owner, own_intro=True)
                return None
            if not self._sentence(text) or (text.endswith((":", "：")) and following_continues):
                # A heading set as a point without a number (2556); "Urgent temporary measures:"
                # over points that go on numbering those before it (2552).
                self._heading(text, offsets)
                return None
            marker = _Marker("bullet", "")
        if marker.style == "operative":
            if last and marker.value == str(len(self.operative) + 1) and inner is None:
                # "5. Decides …" set as the last point of paragraph 4's last sub-list (2820)
                self._operative(marker.value, text, offsets, point)
                return None
            marker = _Marker("number", marker.value)
        # "(i)" is a letter only after "(h)": the point before it here, or the last point of
        # the owner (a heading point may have split the list: 2556).
        before = previous or self.last_child.get(owner.path)
        if marker.style == "letter" and _ROMAN.fullmatch(marker.value) and (
                before is None or self.style.get(before.path) != "letter"
                or _next("letter", before.number or "") != marker.value):
            marker = _Marker("roman", marker.value)
        unit = self._point(marker, text, offsets, owner, point)
        if inner is not None:
            self._list(inner, unit, own_intro=True)
        return unit

    def _continues(self, listing: Element) -> bool:
        """Whether a sub-list goes on with a numbering begun before it: its first point is not
        the first of a sequence ((iii), not (i) or (a))."""
        point = _child(listing, "point")
        marker = self._num(point) if point is not None else None
        return marker is not None and marker.style not in ("bullet",) and marker.value not in ("a", "i", "1")

    # headings, annexes, text -------------------------------------------------------------
    def _heading(self, text: str, offsets: tuple[int, ...]) -> Unit | None:
        if not text or not any(c.isalnum() for c in text):
            return None
        if self.operative and self.profile.match("AnnexMarker", text):
            self._start_annex(text, offsets)
            return None
        count = sum(1 for u in self.units if u.kind == Kind.HEADING) + 1
        unit = self._add(Kind.HEADING, f"heading/{count}", None, count, text, offsets)
        self.pending = unit.path
        self.target = None
        self.quote = self.titled = None
        return unit

    def _start_annex(self, text: str, offsets: tuple[int, ...]) -> None:
        number = sum(1 for u in self.units if u.kind == Kind.ANNEX) + 1
        self.annex = self._add(Kind.ANNEX, f"annex/{number}", None, number, text, offsets)

    def _annexed(self, element: Element) -> None:
        """What follows the closing paragraph or an annex heading: annex paragraphs, numbered
        as they stand (their numbers are their own), a table row by row."""
        rows = list(element.iter("tr"))
        for part in rows or [element]:
            text, offsets = self._words(part, set())
            if not text or not any(c.isalnum() for c in text):
                continue
            if self.annex is None or (self.profile.match("AnnexMarker", text) and not rows):
                self._start_annex(text, offsets)
                continue
            parent = self.annex.path
            position = self.children.get(parent, 0) + 1
            self.children[parent] = position
            self._add(Kind.ANNEX_PARAGRAPH, f"{parent}/p/{position}", None, position, text, offsets, parent=parent)

    def _quoted(self, unit: Unit, depth: int, text: str) -> None:
        depth += text.count(_QUOTES[0]) - text.count(_QUOTES[1])
        self.quote = (unit, depth) if depth > 0 else None

    def _extend(self, unit: Unit, text: str, offsets: tuple[int, ...]) -> None:
        """Add words read elsewhere to a unit, after a line break (pointing at the mark-up's
        own line break or space before them where there is one)."""
        if not text:
            return
        if not unit.text:
            unit.text, unit.offsets, unit.span = text, offsets, Span(offsets[0], offsets[-1] + 1)
            return
        gap = offsets[0] - 1
        while gap > 0 and not self.source[gap].isspace() and gap > unit.offsets[-1]:
            gap -= 1
        unit.text = f"{unit.text}\n{text}"
        unit.offsets = unit.offsets + (max(gap, unit.offsets[-1] + 1),) + offsets
        unit.span = Span(min(unit.span.start, offsets[0]), max(unit.span.end, offsets[-1] + 1))

    def finish(self) -> None:
        """Words for units that print only their number; numbering the reader can trust."""
        for unit in self.units:
            if not unit.text and unit.path in self.printed:
                # "11. (a) Expresses …": the paragraph's words are its points; it prints its number.
                unit.text, unit.offsets = self.printed[unit.path]
                unit.span = Span(unit.offsets[0], unit.offsets[-1] + 1)
        numbered = [u for u in self.operative if u.number is not None]
        for expected, unit in enumerate(numbered, 1):
            if unit.number != str(expected):
                after = f"follows {numbered[expected - 2].number}" if expected > 1 else "comes first"
                raise UnkgError(self.name, f"operative numbering breaks off: paragraph {unit.number} {after} "
                                           "in the mark-up; garbled XML?")
        if numbered and len(numbered) != len(self.operative):
            raise UnkgError(self.name, "the mark-up numbers some operative paragraphs and not others")
        seen: set[str] = set()
        for unit in self.units:
            if unit.path in seen:
                raise UnkgError(self.name, f"the mark-up gives two paragraphs the path {unit.path}; garbled XML?")
            seen.add(unit.path)

    # helpers -----------------------------------------------------------------------------
    def _add(self, kind: Kind, path: str, number: str | None, position: int, text: str, offsets: tuple[int, ...],
             parent: str | None = None, heading: str | None = None) -> Unit:
        unit = _unit(kind, path, number, position, text, offsets, parent=parent, heading=heading)
        self.units.append(unit)
        self.by_path.setdefault(path, unit)
        return unit

    def _sentence(self, text: str) -> bool:
        """Whether words end as a paragraph does (not as a heading), a closing quote aside."""
        return self.profile.search("BlockEnd", text.rstrip("”’»")) is not None

    def _has(self, kind: Kind) -> bool:
        return any(u.kind == kind for u in self.units)

    def _num(self, element: Element) -> _Marker | None:
        num = _child(element, "num")
        return _marker("".join(r.text for r in num.runs()), self.profile) if num is not None else None

    def _printed(self, unit: Unit, element: Element) -> None:
        num = _child(element, "num")
        if num is not None:
            text, offsets = _text(num, self.language, set())
            if text:
                self.printed[unit.path] = (text, offsets)

    def _words(self, element: Element, skip: set[str] | None = None) -> tuple[str, tuple[int, ...]]:
        return _text(element, self.language, {"num"} if skip is None else skip)


def _child(element: Element | None, tag: str) -> Element | None:
    """The first direct child element with this local name."""
    if element is None:
        return None
    return next((c for c in element.children if isinstance(c, Element) and c.tag == tag), None)


def _unit(kind: Kind, path: str, number: str | None, position: int, text: str, offsets: tuple[int, ...],
          parent: str | None = None, heading: str | None = None) -> Unit:
    span = Span(offsets[0], offsets[-1] + 1) if offsets else Span(0, 0)
    return Unit(kind, path, number, position, text, span, offsets, parent=parent, heading=heading)


def _text(element: Element, language: str, skip: set[str] | None = None) -> tuple[str, tuple[int, ...]]:
    """The element's words without its number (or what ``skip`` names), whitespace as the
    language writes it."""
    chars: list[tuple[str, int]] = []
    for run in _runs_without(element, {"num"} if skip is None else skip):
        chars.extend(zip(run.text, run.offsets))
    kept: list[tuple[str, int]] = []
    for char, offset in chars:
        if char.isspace():
            if language in UNSPACED:
                continue  # Chinese mark-up indents with tabs and wraps lines: no spaces belong
            if not kept or kept[-1][0] == " ":
                continue
            char = " "
        kept.append((char, offset))
    while kept and kept[-1][0] == " ":
        kept.pop()
    return "".join(c for c, _ in kept), tuple(o for _, o in kept)


def _runs_without(element: Element, skip: set[str]):
    for child in element.children:
        if isinstance(child, Run):
            yield child
        elif child.tag not in skip:
            yield from _runs_without(child, skip)


def _squash(text: str, language: str) -> str:
    return _SPACES.sub("" if language in UNSPACED else " ", text).strip()


def _language(name: str, akn: Element) -> str:
    found = akn.find("FRBRlanguage")
    code = found.attrs.get("language", "") if found is not None else ""
    if code not in _LANGUAGES:
        raise UnkgError(name, f"unknown FRBRlanguage '{code}'")
    return _LANGUAGES[code]


_KINDS = {"PresidentialStatement": "a presidential statement", "GeneralAssemblyResolution": "a General Assembly "
          "resolution", "UNDocument": "a document"}


def _identity(name: str, akn: Element, profile: Profile) -> Identity:
    number = akn.find("docNumber")
    raw = _squash("".join(r.text for r in number.runs()), "en") if number is not None else ""
    symbol = normalise_symbol(raw) if re.match(r"^S/RES/\d+", raw) else None
    if symbol is None and is_symbol(raw):
        raise UnkgError(name, f"the cover page gives {normalise_symbol(raw)}, {_KINDS[symbol_kind(raw)]}, "
                              "not a resolution")
    if symbol is None and not raw:
        # An empty docNumber: the title the cover page prints ("第2511(2020)号决议") names it.
        for title in akn.iter("docTitle"):
            found = profile.match("ResolutionTitle", _squash("".join(r.text for r in title.runs()), profile.language))
            if found:
                symbol = f"S/RES/{int(found.group('number'))} ({found.group('year')})"
                break
    if symbol is None:
        raise UnkgError(name, "Akoma Ntoso without a resolution symbol in its cover page (docNumber or title)")
    adopted = next((d.attrs.get("date") for d in akn.iter("docDate") if d.attrs.get("refersTo") == "#adoptionDate"),
                   None)
    meeting_element = next((i for i in akn.iter("inline") if i.attrs.get("name") == "adoptionMeeting"), None)
    meeting_text = "".join(r.text for r in meeting_element.runs()) if meeting_element is not None else ""
    meeting_text += meeting_element.attrs.get("title", "") if meeting_element is not None else ""
    meeting = int(re.search(r"\d+", meeting_text).group(0)) if re.search(r"\d+", meeting_text) else None
    return Identity("resolution", symbol, date.fromisoformat(adopted) if adopted else None, meeting, False,
                    Identification.FROM_TEXT)
