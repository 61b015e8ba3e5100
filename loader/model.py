"""Plain data classes passed between the pipeline stages (read → segment → extract → map)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class UnkgError(Exception):
    """An input problem worth one clear line to the user: names the file and what is wrong."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


@dataclass(frozen=True)
class SourceText:
    """A decoded, normalised document text; offsets everywhere refer to ``text``."""

    name: str            # file name as given (no directories: stable across machines)
    text: str            # decoded, LF line ends, full-width digits/spaces folded to ASCII
    sha256: str          # of the raw bytes
    encoding: str
    media_type: str = "text/plain"


@dataclass(frozen=True)
class Span:
    """Half-open character range [start, end) in a SourceText."""

    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """One logical paragraph rebuilt from wrapped lines, with its span in the source."""

    text: str
    span: Span
    page: int
    offsets: tuple[int, ...] = ()    # source offset of every character of ``text``

    def tail(self, start: int) -> tuple[str, tuple[int, ...]]:
        """The text from ``start`` on, with its offsets (drops a paragraph number or marker)."""
        return self.text[start:], self.offsets[start:]


class Kind(str, Enum):
    """What a structural unit of a document is."""

    TITLE = "title"
    PREAMBULAR = "preambular"
    ENACTING = "enacting"          # "Acting under Chapter VII ..." formula
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    HEADING = "heading"
    LETTER_PARAGRAPH = "letter-paragraph"
    SIGNATURE = "signature"
    REPORT_SECTION = "report-section"
    REPORT_PARAGRAPH = "report-paragraph"
    ANNEX = "annex"
    ANNEX_PARAGRAPH = "annex-paragraph"


@dataclass
class Unit:
    """A paragraph-like unit of a document; ``path`` is its stable local address (op/9/a)."""

    kind: Kind
    path: str
    number: str | None
    position: int
    text: str
    span: Span
    offsets: tuple[int, ...] = ()    # source offset of every character of ``text``
    parent: str | None = None        # path of the enclosing unit, None for top level
    heading: str | None = None       # path of the heading an operative paragraph sits under
    closing: bool = False
    reports_on: tuple[str, ...] = () # report sections: operative paragraph numbers covered
    marked: tuple[tuple[int, int], ...] = ()  # text ranges the mark-up emphasises (AKN4UN's verbs)

    def source_span(self, start: int, end: int) -> Span:
        """The source span of ``text[start:end]``."""
        return Span(self.offsets[start], self.offsets[end - 1] + 1)


@dataclass(frozen=True)
class Citation:
    """A reference from a unit to another document, or to a paragraph of one."""

    unit: str                 # path of the citing unit
    symbol: str               # normalised UN symbol of the cited document, e.g. S/RES/1373 (2001)
    paragraph: str | None     # cited paragraph path inside that document, e.g. op/1/d
    text: str                 # the words cited, as they stand in the text
    span: Span
    year_known: bool = True   # False when the text omits the year and nothing supplied it
    note: str | None = None   # where the text and the reference table disagree


@dataclass(frozen=True)
class InstrumentMention:
    """A named instrument (convention, protocol, strategy ...) mentioned in a unit."""

    unit: str
    name: str
    kind: str                 # local name of a concept in the instrument-kind scheme
    span: Span


class Identification(str, Enum):
    """How a document's identity was established."""

    FROM_TEXT = "FromText"
    FROM_REFERENCE_TABLE = "FromReferenceTable"
    FROM_USER_METADATA = "FromUserMetadata"
    UNIDENTIFIED = "Unidentified"


@dataclass
class Identity:
    """Who a document is: its symbol (if known), dates, meeting and how we know."""

    doc_type: str                          # "resolution" | "letter"
    symbol: str | None
    adoption_date: date | None
    meeting: int | None
    chapter_vii: bool
    how: Identification
    title: str | None = None
    author: str | None = None              # letters: who signs it
    addressee: str | None = None           # letters: to whom it is addressed
    subject: str | None = None             # letters: symbol of the resolution reported on
    notes: list[str] = field(default_factory=list)


@dataclass
class Document:
    """Everything the pipeline extracted from one source text."""

    source: SourceText
    language: str
    identity: Identity
    units: list[Unit]
    citations: list[Citation]
    instruments: list[InstrumentMention]
    footer_links: list[str]
    warnings: list[str] = field(default_factory=list)
    mentions: list["BodyMention"] = field(default_factory=list)
    verbs: list["VerbUse"] = field(default_factory=list)
    directives: list["Directive"] = field(default_factory=list)
    deliveries: list["Delivery"] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)   # classification IRIs (UNBIS, EuroVoc, SDG)
    minted: list[MintedBody] = field(default_factory=list)  # bodies named by their founding resolution

    def count(self, kind: Kind) -> int:
        """How many units of one kind the document has."""
        return sum(1 for unit in self.units if unit.kind == kind)


@dataclass(frozen=True)
class BodyMention:
    """A body, office-holder or group named in a unit; ``body`` is None when no authority matches."""

    unit: str
    text: str
    span: Span
    start: int                 # position in the unit's text (for ordering and neighbourhood)
    end: int
    body: str | None           # IRI of the authority resource
    anaphoric: bool = False    # a bare head word ("委员会", "主席") resolved to the last fitting body


@dataclass(frozen=True)
class MintedBody:
    """A body the authority file lacks, named by the resolution that set it up (the Panel of
    Experts established pursuant to resolution 1874 (2009)): one IRI in every language."""

    iri: str
    kind: str                              # a kind of the profiles' body-head table (PanelOfExperts)
    labels: tuple[tuple[str, str], ...]    # (language, name) from each profile's name template
    established_by: tuple[str, ...]        # symbols of the resolutions the text names
    post_in: str | None = None             # for a Chair: the minted body it chairs


@dataclass(frozen=True)
class VerbUse:
    """An operative or preambular verb opening a paragraph or clause, with its modifiers."""

    unit: str
    verb: str                  # IRI of the verb concept
    modifiers: tuple[str, ...] # IRIs of modifier concepts, in text order
    text: str
    span: Span
    start: int
    end: int


@dataclass(frozen=True)
class Deadline:
    """A time phrase attached to a directive: the words, their kind and what they normalise to."""

    kind: str                  # local name in the deadline-kind scheme
    text: str
    span: Span
    start: int
    end: int
    due: date | None = None    # a day, when one can be computed without guessing
    month: str | None = None   # YYYY-MM when the text gives only a month
    year: int | None = None    # when the text gives only a year
    offset: str | None = None  # xsd:duration from adoption or from the event
    period: str | None = None  # xsd:duration of a recurrence
    at_least: bool = False     # "at least every year"
    event: str | None = None   # the event a relative deadline counts from (not adoption)


@dataclass(frozen=True)
class Directive:
    """One thing a paragraph lays on an addressee: verb, addressees, actions, deadline, span."""

    unit: str
    verb: str
    verb_text: str
    addressees: tuple[str, ...]          # body IRIs
    unlinked_addressees: tuple[str, ...] # addressee words no authority matches
    actions: tuple[str, ...]             # action concept IRIs, in text order
    report_to: tuple[str, ...]
    assisted_by: tuple[str, ...]
    consulting: tuple[str, ...]
    deadlines: tuple[Deadline, ...]
    text: str
    span: Span
    inherited: bool = False              # verb and addressees come from the lead-in of the parent
    addressee_text: str = ""             # the words naming the addressees, as the text has them


@dataclass(frozen=True)
class Delivery:
    """A report or submission a letter says was made in answer to a paragraph of a resolution."""

    unit: str
    symbol: str                # resolution answered
    paragraph: str             # its paragraph path, e.g. op/21
    delivered: date | None
    by: str | None             # body IRI
    to: str | None             # body IRI
    this_document: bool        # the letter itself is the delivery
    text: str
    span: Span
