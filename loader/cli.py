"""The ``unkg`` command: build, validate, query.

Exit codes (all commands): 0 success / conforms; 1 some documents were refused or the
graph does not conform; 2 usage or environment error (bad option, missing file).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rdflib import Graph
from tqdm import tqdm

from . import __version__
from .build import DOWNLOAD_BASE, BuildReport, build, bundled_documents
from .dumps import FORMATS
from .iri import DEFAULT_BASE
from .model import UnkgError
from .query import QueryError, bound_text, canned_queries, format_rows, run_local
from .remote import Endpoint, publish_build, redact, remote_query
from .store import LocalStore
from .validate import BUILD_ENGINE, ENGINES, REFERENCE_ENGINE, ontology_graph, validate_graph

DEFAULT_OUT = Path("dist")


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"unkg: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="unkg")
def main() -> None:
    """unkg: Security Council documents as a knowledge graph."""


@main.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Folder for unkg.ttl and documents/*.ttl.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for minted resources.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Documents built in parallel.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(sorted(FORMATS)),
              help="Also write the dataset in this format (repeatable; Turtle is always written).")
@click.option("--all-formats", is_flag=True, help="Write every format: Turtle, N-Triples, TriG, JSON-LD.")
@click.option("--gzip", "compress", is_flag=True, help="Also write a gzipped copy of each dump.")
@click.option("--download-base", default=DOWNLOAD_BASE, show_default=True,
              help="Where the dumps will be published (for dcat:downloadURL in void.ttl).")
@click.option("--endpoint", "endpoint", default=None, help="SPARQL endpoint serving the data (for void.ttl).")
@click.option("--subject-labels", "subject_labels", multiple=True, type=click.Path(path_type=Path, exists=True),
              help="CSV (concept_uri, prefLabel_<lang>) labelling the documents' subjects, e.g. UNBIS in Chinese.")
@click.option("--docs/--no-docs", default=True, show_default=True,
              help="Write docs/ontology.html (pyLODE) and docs/vocabularies.html.")
@click.option("--shacl-engine", "engine", type=click.Choice(ENGINES), default=BUILD_ENGINE, show_default=True,
              help="SHACL engine that validates each document (pyshacl: the reference, about ten times slower).")
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the total.")
def build_command(paths: tuple[Path, ...], out_dir: Path, base: str, jobs: int, formats: tuple[str, ...],
                  all_formats: bool, compress: bool, download_base: str, endpoint: str | None,
                  subject_labels: tuple[Path, ...], docs: bool, engine: str, quiet: bool) -> None:
    """Build files or folders (default: the bundled sample documents) into Turtle."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        _fail(f"{missing[0]}: no such file or folder")
    inputs = list(paths) or bundled_documents()

    def progress(results, total):
        return tqdm(results, total=total, desc="building", unit="doc", disable=None if total > 20 else True,
                    file=sys.stderr)

    chosen = tuple(FORMATS) if all_formats else formats
    try:
        report = build(inputs, out_dir, base=base, jobs=jobs, progress=progress, formats=chosen, compress=compress,
                       download_base=download_base, endpoint=endpoint, docs=docs, subject_labels=subject_labels,
                       engine=engine)
    except UnkgError as err:
        _fail(str(err))
    _print_report(report, quiet)
    sys.exit(1 if report.failed else 0)


def _print_report(report: BuildReport, quiet: bool) -> None:
    for result in report.results:
        if result.error:
            click.echo(f"unkg: {result.error}", err=True)
        elif not quiet:
            click.echo(result.summary())
            for warning in result.warnings:
                click.echo(f"       warning: {warning}")
    built = sum(1 for r in report.results if r.turtle is not None and not r.error)
    skipped = sum(1 for r in report.results if r.turtle is None and not r.error)
    click.echo(f"{built} document(s) built, " + (f"{skipped} skipped, " if skipped else "")
               + f"{len(report.failed)} refused, {report.triples} triples")


@main.command("validate")
@click.argument("file", required=False, type=click.Path(path_type=Path), default=DEFAULT_OUT / "unkg.ttl")
@click.option("--shacl-engine", "engine", type=click.Choice(ENGINES), default=REFERENCE_ENGINE, show_default=True,
              help="SHACL engine (pyshacl-turbo: same results, about ten times faster).")
def validate_command(file: Path, engine: str) -> None:
    """Validate a Turtle file against the SHACL shapes (exit 0 conforms, 1 violations, 2 error)."""
    graph = _load(file)
    report = validate_graph(graph, with_vocabulary=True, engine=engine)
    for finding in report.findings:
        click.echo(finding.line())
    verdict = "conforms" if report.conforms else f"does not conform ({len(report.violations)} violations)"
    click.echo(f"{file}: {verdict}; {len(report.findings) - len(report.violations)} warning(s)")
    sys.exit(0 if report.conforms else 1)


@main.command("queries")
def queries_command() -> None:
    """List the canned queries with their one-line summaries."""
    for name, query in sorted(canned_queries().items()):
        params = ", ".join(p.name for p in query.params)
        click.echo(f"{name}{f' ({params})' if params else ''}\n    {query.summary}")


def _endpoint_options(command):
    """Options naming a SPARQL server and how to log in (the password only from the environment)."""
    for option in reversed([
        click.option("--endpoint", metavar="URL", help="SPARQL query URL (Oxigraph: http://HOST:PORT/query)."),
        click.option("--update-endpoint", metavar="URL", help="SPARQL Update URL [default: beside --endpoint, /update]."),
        click.option("--store-endpoint", metavar="URL",
                     help="Graph Store Protocol URL [default: beside --endpoint, /store]."),
        click.option("--user", help="User name for the server."),
        click.option("--password-env", metavar="VAR", default="UNKG_PASSWORD", show_default=True,
                     help="Environment variable holding the password (never given on the command line)."),
        click.option("--auth", "auth_scheme", type=click.Choice(["digest", "basic"]), default="digest", show_default=True),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
                     help="Seconds to wait for the server."),
        click.option("--retries", type=click.IntRange(1, 10), default=3, show_default=True,
                     help="Attempts for requests that are safe to repeat (queries, uploads to staging)."),
    ]):
        command = option(command)
    return command


def _endpoint(endpoint: str, update_endpoint: str | None, store_endpoint: str | None, user: str | None,
              password_env: str, auth_scheme: str, timeout: float, retries: int) -> Endpoint:
    password = os.environ.get(password_env) if user else None
    if user and password is None:
        password = click.prompt(f"password for {user}", hide_input=True, err=True)
    return Endpoint.from_url(endpoint, update_endpoint, store_endpoint, user=user, password=password,
                             auth_scheme=auth_scheme, timeout=timeout, retries=retries)


@main.command("load")
@click.argument("dist", required=False, type=click.Path(path_type=Path), default=DEFAULT_OUT)
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None,
              help="Store folder  [default: DIST/store]")
def load_command(dist: Path, store_dir: Path | None) -> None:
    """Load a build (DIST/documents/*.ttl and the ontology) into the local store; a document
    loaded again replaces its graph."""
    try:
        store = LocalStore(store_dir or dist / "store")
        report = store.load_build(dist)
        total = store.count()
    except UnkgError as err:
        _fail(str(err))
    click.echo(f"{len(report.graphs)} graph(s) loaded into {store.path}, {report.triples} triples; "
               f"the store holds {total} triples in {len(store.graphs())} graph(s)")


@main.command("publish")
@click.argument("dist", required=False, type=click.Path(path_type=Path), default=DEFAULT_OUT)
@_endpoint_options
def publish_command(dist: Path, endpoint: str | None, **login) -> None:
    """Publish a build to a SPARQL 1.1 server, one named graph per document (Graph Store
    Protocol into a staging graph, checked, then moved over the live graph)."""
    if not endpoint:
        _fail("--endpoint URL is required")
    target = _endpoint(endpoint, **login)
    failed = 0
    try:
        for item in publish_build(target, dist):
            if item.error:
                failed += 1
                click.echo(f"unkg: {item.error}", err=True)
            else:
                click.echo(f"ok     <{item.graph}> {item.triples} triples")
    except UnkgError as err:
        _fail(str(err))
    click.echo(f"published to {redact(target.store_url)}; {failed} graph(s) failed")
    sys.exit(1 if failed else 0)


@main.command("query")
@click.argument("name")
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="Turtle file to query  [default: the store DIR/store if loaded, else dist/unkg.ttl]")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None, help="Local store folder to query.")
@_endpoint_options
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query_command(name: str, data: Path | None, store_dir: Path | None, endpoint: str | None,
                  params: tuple[str, ...], fmt: str, **login) -> None:
    """Run the canned query NAME (see `unkg queries`) on a Turtle file, the local store or a
    SPARQL endpoint; the same rows in the same formats wherever it runs."""
    queries = canned_queries()
    if name not in queries:
        _fail(f"no canned query '{name}'; `unkg queries` lists them")
    if sum(x is not None for x in (data, store_dir, endpoint)) > 1:
        _fail("give at most one of --data, --store and --endpoint")
    given = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            _fail(f"--param expects NAME=VALUE, got '{item}'")
        given[key] = value
    try:
        text = bound_text(queries[name], given)
        if endpoint:
            rows = remote_query(_endpoint(endpoint, **login), text)
        elif store_dir or (data is None and (DEFAULT_OUT / "store").exists()):
            rows = LocalStore(store_dir or DEFAULT_OUT / "store").query(text)
        else:
            graph = _load(data or DEFAULT_OUT / "unkg.ttl")
            graph += ontology_graph()
            rows = run_local(queries[name], graph, given)
    except (QueryError, UnkgError) as err:
        _fail(str(err))
    click.echo(format_rows(rows, fmt), nl=False)


def _load(path: Path) -> Graph:
    if not path.exists():
        _fail(f"{path}: no such file (run `unkg build` first?)")
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as err:  # rdflib raises many parser-specific types; all mean "bad Turtle"
        _fail(f"{path}: not valid Turtle ({str(err).splitlines()[0]})")
    return graph


if __name__ == "__main__":
    main()
