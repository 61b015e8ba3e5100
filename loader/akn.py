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
from .symbols import normalise_symbol

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
    language = _language(akn)
    try:
        profile = load_profile(language)
    except KeyError:
        raise UnkgError(name, f"no language profile for '{language}' texts") from None
    identity = _identity(name, akn)
    units: list[Unit] = []
    preamble = akn.find("preamble")
    if preamble is not None:
        for container in preamble.elements("container"):
            content, offsets = _text(container, language)
            if not content:
                continue
            if profile.match("ChapterVIIFormula", content):
                identity.chapter_vii = True
                units.append(_unit(Kind.ENACTING, "enacting", None, 1, content, offsets))
                continue
            number = sum(1 for u in units if u.kind == Kind.PREAMBULAR) + 1
            units.append(_unit(Kind.PREAMBULAR, f"pp/{number}", None, number, content, offsets))
    _body(akn.find("mainBody"), units, language)
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


def _emphasised(akn: Element) -> list[tuple[int, int]]:
    """Source offsets of the first and last word characters of each bold or italic span
    (AKN4UN sets the operative verbs so)."""
    found = []
    for span in akn.iter("span"):
        if span.attrs.get("class") in {"bold", "italic"}:
            kept = [offset for run in span.runs() for char, offset in zip(run.text, run.offsets)
                    if not char.isspace() and char not in ",，;；:："]
            if kept:
                found.append((kept[0], kept[-1]))
    return found


def _marked_in(unit: Unit, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The emphasised spans inside one unit, as ranges of its text."""
    index = {offset: i for i, offset in enumerate(unit.offsets)}
    return tuple((index[first], index[last] + 1) for first, last in spans if first in index and last in index)


def _body(body: Element, units: list[Unit], language: str) -> None:
    heading: str | None = None
    operative = 0
    for paragraph in body.elements():
        if paragraph.tag != "paragraph":
            continue
        num = paragraph.find("num")
        number = _squash("".join(r.text for r in num.runs()), language).strip(".") if num is not None else ""
        if not number:
            heading = _heading(paragraph, units, language) or heading
            continue
        heading = _heading_child(paragraph, units, language) or heading
        if number.startswith("("):  # sub-points kept as paragraphs of their own (2610)
            letter = number.strip("()")
            parent = f"op/{operative}"
            siblings = sum(1 for u in units if u.parent == parent)
            units.append(_unit(Kind.SUBPARAGRAPH, f"{parent}/{letter}", letter, siblings + 1,
                               *_text(paragraph.find("content") or paragraph, language), parent=parent))
            continue
        operative = int(number) if number.isdigit() else operative + 1
        path = f"op/{operative}"
        listing = paragraph.find("list")
        intro = listing.find("intro") if listing is not None else None
        content, offsets = _text(intro if intro is not None else paragraph.find("content") or paragraph, language)
        units.append(_unit(Kind.OPERATIVE, path, str(operative), operative, content, offsets, heading=heading))
        if listing is not None:
            _points(listing, path, units, language)


def _points(listing: Element, parent: str, units: list[Unit], language: str) -> None:
    for point in listing.elements("point"):
        _heading_child(point, units, language)  # "Asset Freeze" over (a) in 2610 English
        num = point.find("num")
        letter = _squash("".join(r.text for r in num.runs()), language).strip("().") if num is not None else ""
        siblings = sum(1 for u in units if u.parent == parent)
        if not re.fullmatch(r"[a-z]+", letter.lower()):
            # A bullet (–, •) or no marker: the point has no number; its path counts points.
            letter = ""
        path = f"{parent}/{letter.lower() or siblings + 1}"
        inner = point.find("list")
        intro = inner.find("intro") if inner is not None else None
        target = intro if intro is not None else point.find("content") or point
        units.append(_unit(Kind.SUBPARAGRAPH, path, letter.lower() or None, siblings + 1, *_text(target, language),
                           parent=parent))
        if inner is not None:
            _points(inner, path, units, language)


def _heading(element: Element, units: list[Unit], language: str) -> str | None:
    """A section heading made of the element's words; its path, or None when it has none."""
    content, offsets = _text(element, language)
    if not content:
        return None
    count = sum(1 for u in units if u.kind == Kind.HEADING) + 1
    units.append(_unit(Kind.HEADING, f"heading/{count}", None, count, content, offsets))
    return f"heading/{count}"


def _heading_child(element: Element, units: list[Unit], language: str) -> str | None:
    """A heading the mark-up sets inside a numbered paragraph or point, read before it:
    the Chinese of the same resolution may give it a paragraph of its own."""
    title = next((c for c in element.elements() if c.tag in ("heading", "subheading")), None)
    return _heading(title, units, language) if title is not None else None


def _unit(kind: Kind, path: str, number: str | None, position: int, text: str, offsets: tuple[int, ...],
          parent: str | None = None, heading: str | None = None) -> Unit:
    span = Span(offsets[0], offsets[-1] + 1) if offsets else Span(0, 0)
    return Unit(kind, path, number, position, text, span, offsets, parent=parent, heading=heading)


def _text(element: Element, language: str) -> tuple[str, tuple[int, ...]]:
    """The element's words without its number, whitespace as the language writes it."""
    chars: list[tuple[str, int]] = []
    for run in _runs_without(element, {"num"}):
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


def _language(akn: Element) -> str:
    found = akn.find("FRBRlanguage")
    code = found.attrs.get("language", "") if found is not None else ""
    if code not in _LANGUAGES:
        raise UnkgError("", f"unknown FRBRlanguage '{code}'")
    return _LANGUAGES[code]


def _identity(name: str, akn: Element) -> Identity:
    number = akn.find("docNumber")
    raw = _squash("".join(r.text for r in number.runs()), "en") if number is not None else ""
    symbol = normalise_symbol(raw) if re.match(r"^S/RES/\d+", raw) else None
    if symbol is None:
        raise UnkgError(name, "Akoma Ntoso without a resolution symbol in its cover page (docNumber)")
    adopted = next((d.attrs.get("date") for d in akn.iter("docDate") if d.attrs.get("refersTo") == "#adoptionDate"),
                   None)
    meeting_element = next((i for i in akn.iter("inline") if i.attrs.get("name") == "adoptionMeeting"), None)
    meeting_text = "".join(r.text for r in meeting_element.runs()) if meeting_element is not None else ""
    meeting_text += meeting_element.attrs.get("title", "") if meeting_element is not None else ""
    meeting = int(re.search(r"\d+", meeting_text).group(0)) if re.search(r"\d+", meeting_text) else None
    return Identity("resolution", symbol, date.fromisoformat(adopted) if adopted else None, meeting, False,
                    Identification.FROM_TEXT)
