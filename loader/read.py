"""Read stage: bytes on disk → a decoded, normalised SourceText (or a one-line UnkgError)."""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from .model import SourceText, UnkgError

# Decoders tried in order when no BOM says otherwise; GB18030 is a superset of GBK/GB2312.
_FALLBACKS = ("utf-8", "gb18030")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Full-width ASCII (U+FF01..U+FF5E) folds to ASCII except the punctuation that carries
# Chinese sentence structure; folding it would change what the segmenter sees.
_KEEP_FULLWIDTH = set("，；：。！？、")
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH}
_FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0xFEFF: None})


def read_source(path: Path) -> SourceText:
    """Read one file and return its normalised text; raise UnkgError if it is not usable text."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise UnkgError(path.name, f"cannot read file ({err.strerror})") from err
    return decode_source(path.name, raw)


def decode_source(name: str, raw: bytes) -> SourceText:
    """Decode raw bytes (UTF-8 ± BOM, UTF-16, GB18030/GBK) and normalise line ends and widths."""
    if not raw.strip():
        raise UnkgError(name, "empty file")
    text, encoding = _decode(name, raw)
    if _looks_binary(text):
        raise UnkgError(name, "not a text file (binary content)")
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_FOLD)
    text = unicodedata.normalize("NFC", text)
    return SourceText(name=name, text=text, sha256=hashlib.sha256(raw).hexdigest(), encoding=encoding)


def _decode(name: str, raw: bytes) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec), codec
    if b"\x00" not in raw:
        for codec in _FALLBACKS:
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                continue
    # UTF-16 without a BOM (NULs in every other byte) or something else: ask the detector.
    best = from_bytes(raw).best()
    if best is None:
        raise UnkgError(name, "not a text file (binary content)")
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls > max(8, len(text) // 100)
