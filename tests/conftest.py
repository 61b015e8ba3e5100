"""Shared fixtures: the sample documents, the expected-counts table, a built dataset."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import tomllib
from collections.abc import Callable
import urllib.request
from functools import cache
from pathlib import Path

import pytest

from unkg.build import BuildReport, build
from unkg.model import Document
from unkg.pipeline import load_document
from unkg.query import canned_queries
from unkg.remote import Endpoint

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


@pytest.fixture(scope="session")
def dist(built) -> Path:
    """The folder the five samples were built into (modules that build otherwise override it)."""
    out, _ = built
    return out


def example_params(name: str) -> dict[str, str]:
    """The ``--param k=v`` pairs of a canned query's ``#+ example:`` header line."""
    example = re.search(r"^#\+ example: (.*)$", canned_queries()[name].text, re.M)
    assert example, f"{name}.rq has no example line"
    return dict(pair.split("=", 1) for pair in re.findall(r"--param (\S+)", example.group(1)))


class OxigraphServer:
    """A real Oxigraph SPARQL server on a free loopback port, its data in a folder."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        binary = shutil.which("oxigraph")
        if binary is None:
            raise RuntimeError("the oxigraph server is not installed: pip install -e '.[test]'")
        self.process = subprocess.Popen(
            [binary, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

        def listening() -> bool:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True

        self._wait(listening, 20, "oxigraph", lambda: self.process.stderr.read().decode()[:500])

    def _wait(self, ready: Callable[[], bool], seconds: float, what: str, log: Callable[[], str]) -> None:
        """Poll ``ready`` until it holds; fail at once, with the log, if the process exits."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if ready():
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"{what} exited: {log()}")
            time.sleep(0.05)
        raise RuntimeError(f"{what} did not answer within {seconds:g} s")

    def endpoint(self, **options) -> Endpoint:
        """The server's endpoint for unkg.remote."""
        return Endpoint.from_url(self.url + "/query", **options)

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


class VirtuosoServer(OxigraphServer):
    """A real Virtuoso (Debian virtuoso-opensource) on free loopback ports, its database in a folder.

    The packaged virtuoso.ini is copied with its paths moved into the folder, both ports bound
    to 127.0.0.1 (the defaults listen on every interface), the plugins it cannot load off, and
    ResultSetMaxRows raised: Virtuoso silently cuts results at 10,000 rows otherwise.
    """

    INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")

    def start(self) -> None:
        binary = shutil.which("virtuoso-t")
        if binary is None or not self.INI.exists():
            raise RuntimeError("virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource)")
        self.location.mkdir(parents=True, exist_ok=True)
        if not (self.location / "virtuoso.ini").exists():
            self.isql_port = _free_port()
            text = self.INI.read_text(encoding="utf-8").replace("/var/lib/virtuoso-opensource-7/db", str(self.location))
            text = re.sub(r"(?m)^ServerPort(\s*)=\s*1111\b.*$", rf"ServerPort\1= 127.0.0.1:{self.isql_port}", text)
            text = re.sub(r"(?m)^ServerPort(\s*)=\s*8890\b.*$", rf"ServerPort\1= 127.0.0.1:{self.port}", text)
            text = re.sub(r"(?m)^DirsAllowed(\s*)=.*$", rf"DirsAllowed\1= ., {self.location}", text)
            text = re.sub(r"(?m)^(Load\d+\s*=)", r";\1", text)
            text = re.sub(r"(?m)^ResultSetMaxRows(\s*)=.*$", r"ResultSetMaxRows\1= 1000000", text)
            (self.location / "virtuoso.ini").write_text(text, encoding="utf-8")
        self.process = subprocess.Popen([binary, "+configfile", str(self.location / "virtuoso.ini"), "+foreground"],
                                        cwd=self.location, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def answering() -> bool:
            with urllib.request.urlopen(f"{self.url}/sparql?query=ASK%7B%7D", timeout=1) as answer:
                return answer.status == 200

        self._wait(answering, 60, "virtuoso-t", lambda: f"see {self.location / 'virtuoso.log'}")

    def endpoint(self, **options) -> Endpoint:
        return Endpoint(self.url + "/sparql", self.url + "/sparql-auth", self.url + "/sparql-graph-crud-auth",
                        user="dba", password="dba", auth_scheme="digest", **options)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def oxigraph(tmp_path: Path):
    """A fresh Oxigraph server for one test."""
    server = OxigraphServer(tmp_path / "oxigraph")
    server.start()
    yield server
    server.stop()


SERVERS = {"oxigraph": OxigraphServer, "virtuoso": VirtuosoServer}


@pytest.fixture(params=sorted(SERVERS))
def server(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh server of each kind for one test. Virtuoso is skipped where it is not installed,
    unless UNKG_REQUIRE_VIRTUOSO=1 (set by .ci/run once it has installed it)."""
    if request.param == "virtuoso" and shutil.which("virtuoso-t") is None and not os.environ.get("UNKG_REQUIRE_VIRTUOSO"):
        pytest.skip("virtuoso-t not installed (apt-get install virtuoso-opensource)")
    instance = SERVERS[request.param](tmp_path / request.param)
    instance.start()
    yield instance
    instance.stop()
