"""Publish stage: write graphs as deterministic files, atomically (no partial output ever)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes owner-only files; dumps are for publishing, so honour the umask instead.
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def turtle_bytes(graph: Graph) -> bytes:
    """Turtle that is byte-identical for equal graphs (rdflib sorts subjects and predicates)."""
    return graph.serialize(format="turtle", encoding="utf-8")


def write_turtle(graph: Graph, path: Path) -> None:
    """Serialise a graph to a Turtle file atomically."""
    write_atomic(path, turtle_bytes(graph))


def document_filename(symbol: str | None, sha256: str, language: str = "zh") -> str:
    """File name of one language version's dump: ``S-RES-2322-2016-zh.ttl``, or
    ``unidentified-<hash>.ttl`` (a checksum names one file already).

    >>> document_filename("S/RES/2322 (2016)", "ab", "en"), document_filename(None, "0123456789abcdef99")
    ('S-RES-2322-2016-en.ttl', 'unidentified-0123456789abcdef.ttl')
    """
    if not symbol:
        return f"unidentified-{sha256[:16]}.ttl"
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in symbol)
    return "-".join(part for part in cleaned.split("-") if part) + f"-{language}.ttl"
