"""Locate the data that ships with unkg (ontology, shapes, queries, samples, reference table)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def resource_dir(name: str) -> Traversable:
    """The packaged folder ``name`` (ontology, shapes, queries, samples, reference)."""
    try:
        return files(f"unkg.{name}")
    except ModuleNotFoundError:
        # Editable installs map only the code package; the data folders are then read
        # from the source tree they sit in.
        return _CHECKOUT / name


def resource_files(name: str, suffix: str) -> list[Traversable]:
    """Files in a packaged folder with the given suffix, sorted by name for stable output."""
    return sorted((f for f in resource_dir(name).iterdir() if f.name.endswith(suffix)), key=lambda f: f.name)
