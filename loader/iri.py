"""Mint every IRI unkg publishes, in one place, from UN document symbols.

A document's IRI is the base followed by its symbol as undocs.org writes it (no space
before the year), so that ``S/RES/2322 (2016)`` becomes ``<base>S/RES/2322(2016)``; its
parts follow by local path (``…/op/9/a``). Nothing random goes into an IRI: the same input
gives the same IRIs on every run and machine.

>>> minter = IriMinter("https://example.org/unkg/")
>>> str(minter.document("S/RES/2322 (2016)"))
'https://example.org/unkg/S/RES/2322(2016)'
>>> str(minter.part("S/RES/2322 (2016)", "op/9/a"))
'https://example.org/unkg/S/RES/2322(2016)/op/9/a'
>>> str(minter.undocs("S/RES/2322 (2016)"))
'https://undocs.org/S/RES/2322(2016)'
>>> minter.symbol_of(minter.document("S/PRST/2015/11"))
'S/PRST/2015/11'
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from .symbols import is_symbol, normalise_symbol

DEFAULT_BASE = "https://w3id.org/unkg/id/"
BODY_NAMESPACE = "https://w3id.org/unkg/vocab/body/"


def established_body(kind: str, number: int, post: str | None = None) -> str:
    """The IRI of a body the authority file lacks, from its kind and founding resolution, in the
    authority file's own naming (body:Committee1267): the same in every language version.

    >>> established_body("PanelOfExperts", 1874), established_body("Committee", 2140, "Chair")
    ('https://w3id.org/unkg/vocab/body/PanelOfExperts1874', 'https://w3id.org/unkg/vocab/body/Committee2140Chair')
    """
    return f"{BODY_NAMESPACE}{kind}{number}{post or ''}"
UNIDENTIFIED = "unidentified/"


class IriMinter:
    """IRIs for documents, their parts, mentions, instruments and sources under one base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    @staticmethod
    def path_of(symbol: str) -> str:
        """The IRI path form of a symbol: ``S/RES/2322 (2016)`` → ``S/RES/2322(2016)``."""
        return normalise_symbol(symbol).replace(" (", "(")

    def document(self, symbol: str) -> URIRef:
        """The document a symbol names."""
        return URIRef(self.base + self.path_of(symbol))

    def unidentified(self, sha256: str) -> URIRef:
        """A document whose symbol is unknown, named by the checksum of its source file."""
        return URIRef(f"{self.base}{UNIDENTIFIED}{sha256[:16]}")

    def part(self, symbol_or_iri: str, path: str) -> URIRef:
        """A paragraph, sub-paragraph, heading or mention of a document, by local path."""
        root = symbol_or_iri if symbol_or_iri.startswith(self.base) else str(self.document(symbol_or_iri))
        return URIRef(f"{root}/{path}")

    def instrument(self, name: str) -> URIRef:
        """An instrument, named by a digest of its normalised name (names are not ASCII)."""
        digest = hashlib.sha256(" ".join(name.split()).encode("utf-8")).hexdigest()[:16]
        return URIRef(f"{self.base}instrument/{digest}")

    def agent(self, label: str) -> URIRef:
        """A person or body named in a document (a letter's author, its addressee)."""
        digest = hashlib.sha256(" ".join(label.split()).encode("utf-8")).hexdigest()[:16]
        return URIRef(f"{self.base}agent/{digest}")

    def source(self, sha256: str) -> URIRef:
        """A source file, named by the checksum of its bytes."""
        return URIRef(f"{self.base}source/{sha256[:16]}")

    @staticmethod
    def undocs(symbol: str) -> URIRef:
        """The document's address at the UN's official document system."""
        return URIRef("https://undocs.org/" + IriMinter.path_of(symbol))

    def symbol_of(self, iri: URIRef | str) -> str | None:
        """The symbol a document IRI was minted from, or None."""
        text = str(iri)
        if not text.startswith(self.base):
            return None
        candidate = text[len(self.base):].replace("(", " (")
        return normalise_symbol(candidate) if is_symbol(candidate) else None
