"""The XML layer of the Akoma Ntoso reader: a small element tree parsed with expat, each run of
character data keeping the offset it starts at in the file, and the text of an element as its
language writes it."""

from __future__ import annotations

import bisect
import re
import xml.parsers.expat
from dataclasses import dataclass, field

from .model import UnkgError
from .profile import UNSPACED

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
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




def child_element(element: Element | None, tag: str) -> Element | None:
    """The first direct child element with this local name."""
    if element is None:
        return None
    return next((c for c in element.children if isinstance(c, Element) and c.tag == tag), None)


def element_text(element: Element, language: str, skip: set[str] | None = None) -> tuple[str, tuple[int, ...]]:
    """The element's words without its number (or what ``skip`` names), whitespace as the
    language writes it."""
    chars: list[tuple[str, int]] = []
    for run in runs_without(element, {"num"} if skip is None else skip):
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


def runs_without(element: Element, skip: set[str]):
    """The character runs under ``element``, in order, leaving out elements named in ``skip``."""
    for child in element.children:
        if isinstance(child, Run):
            yield child
        elif child.tag not in skip:
            yield from runs_without(child, skip)


def squash(text: str, language: str) -> str:
    """``text`` with its runs of whitespace as the language writes them (one space, or none)."""
    return _SPACES.sub("" if language in UNSPACED else " ", text).strip()
