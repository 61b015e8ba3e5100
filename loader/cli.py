"""The ``unkg`` command: build, validate, query.

Exit codes (all commands): 0 success / conforms; 1 some documents were refused or the
graph does not conform; 2 usage or environment error (bad option, missing file).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rdflib import Graph
from tqdm import tqdm

from . import __version__
from .build import DOWNLOAD_BASE, BuildReport, build, bundled_documents
from .dumps import FORMATS
from .iri import DEFAULT_BASE
from .query import QueryError, canned_queries, format_rows, run_local
from .validate import ontology_graph, validate_graph

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
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the total.")
def build_command(paths: tuple[Path, ...], out_dir: Path, base: str, jobs: int, formats: tuple[str, ...],
                  all_formats: bool, compress: bool, download_base: str, endpoint: str | None, quiet: bool) -> None:
    """Build files or folders (default: the bundled sample documents) into Turtle."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        _fail(f"{missing[0]}: no such file or folder")
    inputs = list(paths) or bundled_documents()

    def progress(results, total):
        return tqdm(results, total=total, desc="building", unit="doc", disable=None if total > 20 else True,
                    file=sys.stderr)

    chosen = tuple(FORMATS) if all_formats else formats
    report = build(inputs, out_dir, base=base, jobs=jobs, progress=progress, formats=chosen, compress=compress,
                   download_base=download_base, endpoint=endpoint)
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
    click.echo(f"{built} document(s) built, {len(report.failed)} refused, {report.triples} triples")


@main.command("validate")
@click.argument("file", required=False, type=click.Path(path_type=Path), default=DEFAULT_OUT / "unkg.ttl")
def validate_command(file: Path) -> None:
    """Validate a Turtle file against the SHACL shapes (exit 0 conforms, 1 violations, 2 error)."""
    graph = _load(file)
    report = validate_graph(graph, with_vocabulary=True)
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


@main.command("query")
@click.argument("name")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_OUT / "unkg.ttl", show_default=True,
              help="Turtle file to query.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query_command(name: str, data: Path, params: tuple[str, ...], fmt: str) -> None:
    """Run the canned query NAME (see `unkg queries`)."""
    queries = canned_queries()
    if name not in queries:
        _fail(f"no canned query '{name}'; `unkg queries` lists them")
    given = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            _fail(f"--param expects NAME=VALUE, got '{item}'")
        given[key] = value
    graph = _load(data)
    graph += ontology_graph()
    try:
        rows = run_local(queries[name], graph, given)
    except QueryError as err:
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
