"""Read stage for the UN's Akoma Ntoso XML (AKN4UN): a resolution's structure and identity
straight from its mark-up, into the same Document model as a text file.

Offsets point into the XML file itself: each character of a paragraph's text keeps the
position of the character it came from (parsed with expat, which reports where every run
of character data starts), so a fact extracted from XML is traced to the XML's own text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from .akn_body import BodyReader, emphasised, marked_in
from .akn_xml import AKN_NAMESPACE, Element, element_text, is_akn, parse_xml, squash
from .model import Identification, Identity, SourceText, Unit, UnkgError
from .profile import Profile, load_profile
from .symbols import is_symbol, normalise_symbol, symbol_kind
from .vocab import UNKG

__all__ = ["AKN_MEDIA_TYPE", "AKN_NAMESPACE", "AknDocument", "is_akn", "read_akn"]

AKN_MEDIA_TYPE = "application/akn+xml"
_LANGUAGES = {"zho": "zh", "chi": "zh", "zh": "zh", "eng": "en", "en": "en", "fra": "fr", "spa": "es",
              "rus": "ru", "ara": "ar"}


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
    reader = BodyReader(name, text, language, profile, identity, units)
    reader.verb_starts = {first for first, _ in emphasised(akn, {"bold", "italic", "underline"})}
    preamble = akn.find("preamble")
    if preamble is not None:
        for container in preamble.elements("container"):
            if reader.preamble_list(container):
                continue
            content, offsets = element_text(container, language)
            if not content:
                continue
            reader.preambular(content, offsets)
    reader.blocks(akn.find("mainBody").elements())
    for attachment in akn.iter("attachment"):
        # Annexes the UN marks up as documents of their own (2253's Monitoring Team mandate,
        # 2551's lists of items): read as the annexes of the resolution they are attached to.
        annex_body = next((d.find("mainBody") for d in attachment.elements("doc")), None)
        if annex_body is not None:
            reader.attachment(annex_body.elements())
    reader.finish()
    # Some hrefs carry spaces ("…/S/RES/1267 (1999)"); an IRI may not, so they are dropped
    # (undocs.org reads both) and anything else unsafe is percent-encoded.
    emphasis = emphasised(akn)
    for unit in units:
        unit.marked = marked_in(unit, emphasis)
    links = [quote(a.attrs["href"].replace(" ", ""), safe=":/?#[]@!$&'()*+,;=%-._~")
             for a in akn.iter("a") if "undocs.org" in a.attrs.get("href", "")]
    keywords = sorted({(k.attrs.get("dictionary", ""), k.attrs.get("href", ""), k.attrs.get("showAs", ""))
                       for k in akn.iter("keyword") if k.attrs.get("href")})
    return AknDocument(source, language, profile, identity, units, links, keywords)


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
    raw = squash("".join(r.text for r in number.runs()), "en") if number is not None else ""
    symbol = normalise_symbol(raw) if re.match(r"^S/RES/\d+", raw) else None
    if symbol is None and is_symbol(raw):
        raise UnkgError(name, f"the cover page gives {normalise_symbol(raw)}, {_KINDS[symbol_kind(raw)]}, "
                              "not a resolution")
    if symbol is None and not raw:
        # An empty docNumber: the title the cover page prints ("第2511(2020)号决议") names it.
        for title in akn.iter("docTitle"):
            found = profile.match(UNKG.ResolutionTitle, squash("".join(r.text for r in title.runs()), profile.language))
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
