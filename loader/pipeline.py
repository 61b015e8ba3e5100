"""Run the stages for one file: read → segment → lay out → identify → extract → Document."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

from .akn import AknDocument, is_akn, read_akn
from .bodies import find_mentions, with_minted
from .citations import extract_citations
from .deliveries import find_deliveries
from .directives import find_directives
from .identify import identify
from .lexicon import load_lexicon
from .instruments import extract_instruments
from .model import Document, Kind, SourceText, Span, Unit, UnkgError
from .profile import Profile, detect_language, load_profile
from .read import decode_source
from .reftable import ReferenceTable, load_reference
from .segment import segment
from .structure import lay_out
from .symbols import is_symbol, normalise_symbol, resolution_number
from .verbs import find_verbs, verb_marks
from .vocab import UNKG


def load_document(path: Path, table: ReferenceTable | None = None) -> Document:
    """Extract everything unkg knows how to from one document file (text or Akoma Ntoso XML)."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise UnkgError(path.name, f"cannot read file ({err.strerror})") from err
    if is_akn(raw):
        return extract_akn_document(read_akn(path.name, raw), table)
    return extract_document(decode_source(path.name, raw), table, _user_symbol(path))


def extract_akn_document(akn: AknDocument, table: ReferenceTable | None = None) -> Document:
    """The shared extract stages over the units an Akoma Ntoso file marks up."""
    table = table or load_reference()
    profile = akn.profile
    identity = akn.identity
    parsed = resolution_number(identity.symbol or "")
    known = table.by_number(parsed[0]) if parsed else None
    if known:
        identity.title = identity.title or known.title
        identity.meeting = identity.meeting or known.meeting
    operative = [u for u in akn.units if u.kind == Kind.OPERATIVE]
    if operative and profile.search(UNKG.ClosingFormula, operative[-1].text):
        operative[-1].closing = True  # "decides to remain seized of the matter": no directive
    citations = extract_citations(akn.units, profile, table)
    document = Document(akn.source, akn.language, identity, akn.units, citations,
                        extract_instruments(akn.units, profile), list(dict.fromkeys(akn.links)))
    document.subjects = [iri for _, iri, _ in akn.keywords]
    document.warnings.extend(f"{c.unit}: {c.note}" for c in citations if c.note)
    if document.count(Kind.OPERATIVE) == 0:
        raise UnkgError(akn.source.name, "no operative paragraphs found")
    _extract_requests(document, profile)
    document.warnings.extend(_unknown_marked_verbs(document, profile))
    return document


def _unknown_marked_verbs(document: Document, profile: Profile) -> list[str]:
    """The XML marks each paragraph's verbs; a marked word no verb use covers is reported,
    so ontology/verbs.ttl can learn it."""
    # Headings, the Chapter VII formula and annexes (their titles, their own emphasis) are set
    # in bold or italics too; they have no verb.
    verbless = {Kind.HEADING, Kind.ENACTING, Kind.ANNEX, Kind.ANNEX_PARAGRAPH}
    uses_in: dict[str, list[tuple[int, int]]] = {}
    for use in document.verbs:
        uses_in.setdefault(use.unit, []).append((use.start, use.end))
    unknown = []
    for unit in document.units:
        if unit.kind in verbless:
            continue
        uses = uses_in.get(unit.path, [])
        for start, end in verb_marks(unit, profile):
            words = unit.text[start:end]
            if end - start > 40 or any(s < end and start < e for s, e in uses):
                continue
            unknown.append(f"{unit.path}: the XML marks '{words}' as a verb; ontology/verbs.ttl does not know it"
                           + _foreign_letters(words))
    return unknown


def _foreign_letters(words: str) -> str:
    """Name the letters written in another script than most of the words' (a Cyrillic С in
    'Сalls'); the script is the first word of a letter's Unicode name."""
    scripts = {c: unicodedata.name(c, "?").split()[0] for c in words if c.isalpha()}
    if not scripts:
        return ""
    usual = Counter(scripts[c] for c in words if c in scripts).most_common(1)[0][0]
    odd = [unicodedata.name(c, hex(ord(c))) for c, script in scripts.items() if script != usual]
    return f" (it is spelt with {', '.join(odd)})" if odd else ""


def extract_document(source: SourceText, table: ReferenceTable | None = None,
                     user_symbol: str | None = None) -> Document:
    """Extract a Document from an already decoded source text."""
    table = table or load_reference()
    language = detect_language(source.text)
    try:
        profile = load_profile(language)
    except KeyError:
        raise UnkgError(source.name, f"no language profile for '{language}' texts") from None
    segmented = segment(source, profile)
    layout = lay_out(source.name, segmented.blocks, profile)
    identity = identify(layout, profile, table, user_symbol)
    citations = extract_citations(layout.units, profile, table)
    if layout.doc_type == "letter":
        identity.subject = _report_subject(layout.report_title, profile, table) or next(
            (c.symbol for c in citations if c.symbol.startswith("S/RES/")), None)
    document = Document(source, language, identity, layout.units, citations,
                        extract_instruments(layout.units, profile), segmented.footer_links)
    document.warnings.extend(identity.notes)
    document.warnings.extend(f"{c.unit}: {c.note}" for c in citations if c.note)
    cited = {c.symbol for c in citations}
    for link in segmented.footer_links:
        found = profile.match(UNKG.FooterLink, link)
        symbol = found.group("symbol") if found else ""
        if is_symbol(symbol) and normalise_symbol(symbol) not in cited:
            document.warnings.append(f"footer link {link} names a document the text does not cite")
    if layout.doc_type == "resolution" and document.count(Kind.OPERATIVE) == 0:
        raise UnkgError(source.name, "no operative paragraphs found")
    _extract_requests(document, profile)
    return document


def _extract_requests(document: Document, profile: Profile) -> None:
    """Bodies, verbs, directives and deliveries: issue 3's layer over the paragraph graph."""
    minted: dict = {}
    own = resolution_number(document.identity.symbol or "")
    mentions = find_mentions(document.units, profile, load_lexicon(document.language), minted,
                             own if own and document.identity.doc_type == "resolution" else None)
    lexicon = with_minted(load_lexicon(document.language), minted)
    document.minted = [minted[iri] for iri in sorted(minted)]
    document.warnings.extend(f"minted {body.iri.rsplit('/', 1)[-1]} ({dict(body.labels).get(document.language, '')}): "
                             "the authority file lacks this body" for body in document.minted)
    document.verbs = find_verbs(document.units, profile, lexicon)
    identity = document.identity
    extra = []
    if identity.doc_type == "resolution":
        document.directives, extra = find_directives(document.units, document.verbs, mentions, profile, lexicon,
                                                     identity.adoption_date)
    else:
        document.deliveries, extra = find_deliveries(document.units, document.citations, mentions, profile, lexicon,
                                                     identity.adoption_date, identity.author)
    document.mentions = sorted(mentions + extra, key=lambda m: (m.span.start, m.span.end))


def _report_subject(title: str | None, profile: Profile, table: ReferenceTable) -> str | None:
    """The first resolution a report's title cites."""
    if not title:
        return None
    unit = Unit(Kind.REPORT_PARAGRAPH, "annex/title", None, 0, title, Span(0, len(title)), tuple(range(len(title))))
    return next((c.symbol for c in extract_citations([unit], profile, table) if c.symbol.startswith("S/RES/")), None)


def _user_symbol(path: Path) -> str | None:
    """The symbol given in a sidecar ``NAME.meta.json`` beside the document, if any."""
    sidecar = path.with_name(path.name + ".meta.json")
    if not sidecar.exists():
        return None
    try:
        symbol = json.loads(sidecar.read_text(encoding="utf-8"))["symbol"]
    except (ValueError, KeyError, TypeError) as err:
        raise UnkgError(sidecar.name, f"metadata file is not JSON with a \"symbol\" ({err})") from err
    if not is_symbol(symbol):
        raise UnkgError(sidecar.name, f"\"{symbol}\" is not a UN document symbol")
    return normalise_symbol(symbol)
