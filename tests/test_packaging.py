"""An installed wheel (not the source tree) finds its ontology, shapes, queries and samples."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with unkg installed from a freshly built wheel."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(work), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(work.glob("unkg-*.whl"))
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--force-reinstall", str(wheel)],
                   check=True, capture_output=True)
    return env_dir


def test_wheel_contains_the_data_folders(installed: Path) -> None:
    python = installed / "bin" / "python"
    code = ("import unkg.resources as r; print(len(r.resource_files('queries', '.rq')), "
            "len(r.resource_files('shapes', '.ttl')) > 0, len(r.resource_files('samples', '.txt')), "
            "r.resource_dir('ontology').joinpath('unkg.ttl').is_file(), r.__file__)")
    out = subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True, cwd=installed).stdout
    queries, shapes, samples, ontology, where = out.split()
    assert int(queries) == len(list((ROOT / "queries").glob("*.rq")))
    assert shapes == "True" and samples == "5" and ontology == "True"
    assert str(installed) in where   # the installed copy, not the checkout


def test_installed_command_builds_the_bundled_samples(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(installed / "bin" / "unkg"), "build", "-o", str(tmp_path), "-q"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("5 document(s) built, 0 refused")
