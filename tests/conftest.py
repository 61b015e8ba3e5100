"""Shared fixtures: the sample documents, the expected-counts table, a built dataset."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from unkg.build import BuildReport, build
from unkg.model import Document
from unkg.pipeline import load_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
EXPECTED = tomllib.loads((Path(__file__).with_name("expected.toml")).read_text(encoding="utf-8"))["documents"]
SAMPLE_NAMES = sorted(EXPECTED)


@cache
def sample(name: str) -> Document:
    """A sample document, extracted once per test session."""
    return load_document(SAMPLES / name)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """The five samples built once into a temporary dist folder."""
    out = tmp_path_factory.mktemp("dist")
    return out, build([SAMPLES], out)
