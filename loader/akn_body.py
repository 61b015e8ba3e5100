"""The body of an Akoma Ntoso resolution as units: preambular and operative paragraphs,
sub-paragraphs in every numbering style the UN prints (lettered, roman, bulleted, sections and
annexes), their emphasis, and the paths the text reader gives them."""

from __future__ import annotations

import re

from .akn_markers import INLINE_MARKER, NUMBERED_STYLES, QUOTES, ROMAN, Marker, next_marker, read_marker
from .akn_xml import Element, child_element, element_text, runs_without
from .model import Identity, Kind, Span, Unit, UnkgError
from .profile import Profile
from .vocab import UNKG


def emphasised(akn: Element, classes: frozenset[str] | set[str] = frozenset({"bold", "italic"})) -> list[tuple[int, int]]:
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


def marked_in(unit: Unit, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
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





class BodyReader:
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
        if self.profile.match(UNKG.ChapterVIIFormula, text) and not self._has(Kind.ENACTING):
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
            title, num = child_element(element, "heading"), child_element(element, "num")
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
            if self.profile.search(UNKG.PreambleEnd, text) and not self.profile.match(UNKG.AnnexMarker, text):
                self.preambular(text, offsets)
            else:
                self._unnumbered(text, offsets, False)
            return
        titled = False
        for title in (c for c in element.elements() if c.tag in ("heading", "subheading")):
            titled = self._heading(*self._words(title)) is not None or titled
        listing = child_element(element, "list")
        own = child_element(listing, "intro") if listing is not None else child_element(element, "content")
        skip = {"num", "heading", "subheading", "list", "point", "alinea"}
        text, offsets = self._words(own) if own is not None else self._words(element, skip)
        has_points = listing is not None or child_element(element, "point") is not None
        if titled and not text and not has_points:
            return      # "(i) Exemptions …", "A. Targeted sanctions": the number of a heading
        marker = self._num(element)
        if self.quote is not None and (marker is None or marker.style != "operative"):
            unit, depth = self.quote       # "a. …", "b. …”" inside a quoted paragraph (2699)
            words = self._words(element, {"heading", "subheading"})
            self._extend(unit, *words)
            self._quoted(unit, depth, words[0])
            return
        if marker is None and child_element(element, "num") is None:
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
        if child_element(element, "point") is not None:
            self._list(element, unit, tags=("point", "sublist"))   # points beside the list (2662, 47 (d)-(g))

    def _unnumbered(self, text: str, offsets: tuple[int, ...], has_points: bool) -> Unit | None:
        """An unnumbered paragraph: a heading, the formula, text continuing a paragraph, an
        unmarked point, the only operative paragraph of a resolution, a quotation."""
        if not text or not any(c.isalnum() for c in text) or self.profile.match(UNKG.PageFurniture, text):
            return None     # an empty paragraph, a decoration ("-----", "* * *"), a reissue note
        profile = self.profile
        if not self.operative and profile.match(UNKG.ChapterVIIFormula, text) and not self._has(Kind.ENACTING):
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
                return self._point(Marker("unmarked", ""), text, offsets, self.target, None)
            if self.operative and profile.match(UNKG.AnnexMarker, text):
                self._start_annex(text, offsets)
            else:
                self._heading(text, offsets)
            return None
        if not self.operative:
            if profile.search(UNKG.PreambleEnd, text) and not has_points:
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
        if text.startswith(QUOTES[0]) and text.count(QUOTES[0]) > text.count(QUOTES[1]):
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
            return self._point(Marker("unmarked", ""), text, offsets, parent, None)
        if not self._sentence(target.text) or target is self.titled:
            # The words of a titled point: "(c) Facilitate …" then "To contribute …;", and
            # the next paragraph of them (2423 (c)).
            self._extend(target, text, offsets)
            self.titled = target if target.parent else None
            return target
        if self.style.get(target.path) == "bullet" and following is not None and following.style == "bullet":
            # Between two bulleted points: a point whose bullet the mark-up lost (1717).
            return self._point(Marker("bullet", ""), text, offsets, self.by_path[target.parent], None)
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
        if number is not None and self.profile.match(UNKG.ChapterVIIFormula, text):
            self.identity.chapter_vii = True     # "16. Acting under Chapter VII …, (i) Decides …" (1590)
        if number is not None and self.profile.search(UNKG.ClosingFormula, text):
            self.closed = True
        return unit

    def _point(self, marker: Marker, text: str, offsets: tuple[int, ...], parent: Unit,
               element: Element | None) -> Unit:
        style, value = marker.style, marker.value
        count = self.children.get(parent.path, 0) + 1
        path = f"{parent.path}/{value if style in NUMBERED_STYLES or style == 'number' else count}"
        unit = self._add(Kind.SUBPARAGRAPH, path, value if style in NUMBERED_STYLES else None, count, text, offsets,
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

    def _parent_for(self, marker: Marker) -> tuple[Unit, Marker]:
        """Where a marked paragraph goes: beside the open point of its style, else below the
        deepest open one. A letter that looks roman ("(i)") is a letter only after "(h)"."""
        chain = self._chain()
        if marker.style == "letter" and ROMAN.fullmatch(marker.value):
            letter = next((u for u in reversed(chain) if self.style.get(u.path) == "letter"), None)
            if letter is None or next_marker("letter", letter.number or "") != marker.value:
                marker = Marker("roman", marker.value)
        sibling = next((u for u in reversed(chain) if self.style.get(u.path) == marker.style), None)
        return (self.by_path[sibling.parent] if sibling is not None else chain[-1]), marker

    def _goes_on(self, marker: Marker) -> bool:
        """Whether a marker numbers the next point of a sequence already open ((k) after (j))."""
        if marker.style == "operative":
            return False
        for style in ("letter", "roman") if marker.style == "letter" else (marker.style,):
            for unit in reversed(self._chain()):
                if self.style.get(unit.path) == style:
                    if next_marker(style, unit.path.rsplit("/", 1)[1]) == marker.value:
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

    def _inline(self, element: Element, text: str, offsets: tuple[int, ...]) -> tuple[Marker | None, str, tuple[int, ...]]:
        """A number typed into the text of an unnumbered paragraph ("7 Further underlines …",
        "(1) Chairing …", "b 加快 …"), read only where it is the next of an open sequence
        (or, in parentheses, the first of a new one under a lead-in)."""
        bullet = self.profile.match(UNKG.Bullet, text)
        if bullet and any(c.isalnum() for c in text[bullet.end():]) and self.operative:
            return Marker("bullet", ""), text[bullet.end():], offsets[bullet.end():]
        raw = "".join(r.text for r in runs_without(element, {"num"})).lstrip()
        found = INLINE_MARKER.match(raw)
        if not found:
            return None, text, offsets
        value = found.group("paren") or found.group("bare")
        cut = re.match(r"[(]?" + re.escape(value) + r"[.)]?\s*", text)
        if cut is None or cut.end() == len(text):
            return None, text, offsets
        rest = text[cut.end():], offsets[cut.end():]
        if value.isdigit() and found.group("bare"):
            expected = str(len(self.operative) + 1)
            return (Marker("operative", value), *rest) if value == expected and not self.closed else (None, text, offsets)
        if not self.operative:
            return None, text, offsets
        styles = ["number"] if value.isdigit() else (["letter", "roman"] if ROMAN.fullmatch(value) else ["letter"])
        chain = self._chain()
        for style in styles:
            for unit in reversed(chain):
                if self.style.get(unit.path) == style:
                    if next_marker(style, unit.path.rsplit("/", 1)[1]) == value:
                        return (Marker(style, value), *rest)
                    break
            first = {"number": "1", "letter": "a", "roman": "i"}[style]
            if found.group("paren") and value == first and chain[-1].text.rstrip().endswith((":", "：")):
                return (Marker(style, value), *rest)
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
                intro = child_element(child, "intro")
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
        inner = child_element(point, "list")
        intro = child_element(inner, "intro") if inner is not None else None
        intro = intro if intro is not None else child_element(point, "intro")
        target = intro if intro is not None else child_element(point, "content")
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
            marker = Marker("bullet", "")
        if marker.style == "operative":
            if last and marker.value == str(len(self.operative) + 1) and inner is None:
                # "5. Decides …" set as the last point of paragraph 4's last sub-list (2820)
                self._operative(marker.value, text, offsets, point)
                return None
            marker = Marker("number", marker.value)
        # "(i)" is a letter only after "(h)": the point before it here, or the last point of
        # the owner (a heading point may have split the list: 2556).
        before = previous or self.last_child.get(owner.path)
        if marker.style == "letter" and ROMAN.fullmatch(marker.value) and (
                before is None or self.style.get(before.path) != "letter"
                or next_marker("letter", before.number or "") != marker.value):
            marker = Marker("roman", marker.value)
        unit = self._point(marker, text, offsets, owner, point)
        if inner is not None:
            self._list(inner, unit, own_intro=True)
        return unit

    def _continues(self, listing: Element) -> bool:
        """Whether a sub-list goes on with a numbering begun before it: its first point is not
        the first of a sequence ((iii), not (i) or (a))."""
        point = child_element(listing, "point")
        marker = self._num(point) if point is not None else None
        return marker is not None and marker.style not in ("bullet",) and marker.value not in ("a", "i", "1")

    # headings, annexes, text -------------------------------------------------------------
    def _heading(self, text: str, offsets: tuple[int, ...]) -> Unit | None:
        if not text or not any(c.isalnum() for c in text):
            return None
        if self.operative and self.profile.match(UNKG.AnnexMarker, text):
            self._start_annex(text, offsets)
            return None
        count = sum(1 for u in self.units if u.kind == Kind.HEADING) + 1
        unit = self._add(Kind.HEADING, f"heading/{count}", None, count, text, offsets)
        self.pending = unit.path
        self.target = None
        self.quote = self.titled = None
        return unit

    def attachment(self, elements: list[Element]) -> None:
        """An annex marked up as an attached document: a new annex, whatever came before."""
        self.annex, self.closed = None, True
        self.blocks(elements)

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
            if self.annex is None or (self.profile.match(UNKG.AnnexMarker, text) and not rows):
                self._start_annex(text, offsets)
                continue
            parent = self.annex.path
            position = self.children.get(parent, 0) + 1
            self.children[parent] = position
            self._add(Kind.ANNEX_PARAGRAPH, f"{parent}/p/{position}", None, position, text, offsets, parent=parent)

    def _quoted(self, unit: Unit, depth: int, text: str) -> None:
        depth += text.count(QUOTES[0]) - text.count(QUOTES[1])
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
        return self.profile.search(UNKG.BlockEnd, text.rstrip("”’»")) is not None

    def _has(self, kind: Kind) -> bool:
        return any(u.kind == kind for u in self.units)

    def _num(self, element: Element) -> Marker | None:
        num = child_element(element, "num")
        return read_marker("".join(r.text for r in num.runs()), self.profile) if num is not None else None

    def _printed(self, unit: Unit, element: Element) -> None:
        num = child_element(element, "num")
        if num is not None:
            text, offsets = element_text(num, self.language, set())
            if text:
                self.printed[unit.path] = (text, offsets)

    def _words(self, element: Element, skip: set[str] | None = None) -> tuple[str, tuple[int, ...]]:
        return element_text(element, self.language, {"num"} if skip is None else skip)


def _unit(kind: Kind, path: str, number: str | None, position: int, text: str, offsets: tuple[int, ...],
          parent: str | None = None, heading: str | None = None) -> Unit:
    span = Span(offsets[0], offsets[-1] + 1) if offsets else Span(0, 0)
    return Unit(kind, path, number, position, text, span, offsets, parent=parent, heading=heading)
