"""Publishing to and querying a real SPARQL server (Oxigraph, started on 127.0.0.1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from conftest import example_params

import unkg.remote as remote
from unkg.cli import main
from unkg.dumps import GRAPH_BASE, ONTOLOGY_GRAPH
from unkg.query import bound_text, canned_queries, run_local
from unkg.remote import Endpoint, RemoteError, publish_build, remote_count, remote_query
from unkg.validate import ontology_graph

QUERY_NAMES = sorted(canned_queries())
G2322 = GRAPH_BASE + "S-RES-2322-2016-zh"


def endpoint(server, **options) -> Endpoint:
    return server.endpoint(**dict({"timeout": 20, "retries": 2}, **options))


def total(server) -> int:
    rows = remote_query(endpoint(server), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                                          f'FILTER (STRSTARTS(STR(?g), "{GRAPH_BASE}")) }}')
    return int(rows.rows[0]["n"])


def test_every_canned_query_gives_the_local_rows(server, dist: Path) -> None:
    published = list(publish_build(endpoint(server), dist))
    assert [p.error for p in published if p.error] == []
    local_graph = Graph().parse(dist / "unkg.ttl") + ontology_graph()
    for name in QUERY_NAMES:
        params = example_params(name)
        local = run_local(canned_queries()[name], local_graph, params)
        assert local.rows, name
        assert remote_query(endpoint(server), bound_text(canned_queries()[name], params)) == local, name


def test_publishing_twice_gives_the_same_store(server, dist: Path) -> None:
    first = list(publish_build(endpoint(server), dist))
    count = total(server)
    second = list(publish_build(endpoint(server), dist))
    assert first == second and total(server) == count
    assert {p.graph for p in first} == {str(ONTOLOGY_GRAPH)} | {GRAPH_BASE + p.stem for p in (dist / "documents").glob("*.ttl")}
    assert count == sum(p.triples for p in first)
    assert remote_count(endpoint(server), G2322 + remote.STAGING_SUFFIX) == 0


def test_a_server_that_is_down_gives_one_clear_line_and_exit_1(dist: Path) -> None:
    result = CliRunner().invoke(main, ["publish", str(dist), "--endpoint", "http://127.0.0.1:9/query",
                                       "--timeout", "2", "--retries", "2"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("unkg:")]
    assert errors == [f"unkg: http://127.0.0.1:9/store: graph <{ONTOLOGY_GRAPH}>: PUT failed after 2 attempt(s): "
                      "cannot connect (is the server running?)"]


def test_a_refused_request_is_not_retried_and_names_the_status(oxigraph, dist: Path) -> None:
    bad = endpoint(oxigraph, store_url=oxigraph.url + "/nowhere")
    (first, *rest) = list(publish_build(bad, dist))
    assert first.error.startswith(f"{oxigraph.url}/nowhere: graph <{ONTOLOGY_GRAPH}>: PUT refused, HTTP 404")
    assert all(p.error for p in rest)


def test_secrets_never_appear_in_messages(dist: Path) -> None:
    url = "http://alice:s3cret@127.0.0.1:9/query"
    result = CliRunner().invoke(main, ["query", "bodies", "--endpoint", url, "--timeout", "1"])
    assert result.exit_code == 2 and "s3cret" not in result.output and "alice" not in result.output
    assert "http://127.0.0.1:9/query" in result.output


def test_query_cli_on_the_server_prints_what_it_prints_locally(oxigraph, dist: Path) -> None:
    list(publish_build(endpoint(oxigraph), dist))
    runner = CliRunner()
    args = ["query", "obligation-status", "-p", "asOf=2017-12-31", "-f", "csv"]
    local = runner.invoke(main, [*args, "--data", str(dist / "unkg.ttl")])
    served = runner.invoke(main, [*args, "--endpoint", oxigraph.url + "/query"])
    assert local.exit_code == served.exit_code == 0
    assert served.output == local.output and "fulfilled late" in served.output


def _with_new_text(dist: Path, tmp_path: Path) -> Path:
    """A copy of the build in which 2322's graph has one more triple."""
    changed = tmp_path / "changed"
    (changed / "documents").mkdir(parents=True)
    for path in (dist / "documents").glob("*.ttl"):
        (changed / "documents" / path.name).write_bytes(path.read_bytes())
    extra = (changed / "documents" / "S-RES-2322-2016-zh.ttl")
    extra.write_bytes(extra.read_bytes() + b'\n<https://w3id.org/unkg/id/S/RES/2322(2016)> '
                      b'<http://www.w3.org/2000/01/rdf-schema#comment> "second edition" .\n')
    return changed


def test_a_server_killed_mid_publish_keeps_the_old_graph_whole(server, dist: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    list(publish_build(endpoint(server), dist))
    old = remote_count(endpoint(server), G2322)
    real = remote._request

    def dies_before_the_move(target, method, url, **kwargs):
        data = kwargs.get("data")
        if method == "POST" and isinstance(data, dict) and f"TO GRAPH <{G2322}>" in data.get("update", ""):
            server.kill()  # the new graph is staged; the server dies before it is moved live
        return real(target, method, url, **kwargs)

    monkeypatch.setattr(remote, "_request", dies_before_the_move)
    results = {p.graph: p for p in publish_build(endpoint(server), _with_new_text(dist, tmp_path))}
    assert "cannot connect" in results[G2322].error
    monkeypatch.undo()
    server.start()  # same folder: what was committed is there
    assert remote_count(endpoint(server), G2322) == old
    # Published again once the server is back, the new graph replaces the old one whole.
    assert all(not p.error for p in publish_build(endpoint(server), _with_new_text(dist, tmp_path / "again")))
    assert remote_count(endpoint(server), G2322) == old + 1
    assert remote_count(endpoint(server), G2322 + remote.STAGING_SUFFIX) == 0


def test_a_short_upload_never_reaches_the_live_graph(server, dist: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    list(publish_build(endpoint(server), dist))
    old = remote_count(endpoint(server), G2322)
    real = remote._request

    def truncates(target, method, url, **kwargs):
        if method == "PUT" and "S-RES-2322-2016-zh" in url:
            kwargs["data"] = kwargs["data"][: len(kwargs["data"]) // 2].rsplit(b" .\n", 1)[0] + b" .\n"
        return real(target, method, url, **kwargs)

    monkeypatch.setattr(remote, "_request", truncates)
    results = {p.graph: p for p in publish_build(endpoint(server), dist)}
    assert "live graph left as it was" in results[G2322].error
    assert remote_count(endpoint(server), G2322) == old
    assert remote_count(endpoint(server), G2322 + remote.STAGING_SUFFIX) == 0


def test_remote_errors_are_unkg_errors_naming_the_url() -> None:
    with pytest.raises(RemoteError, match=r"^http://127\.0\.0\.1:9/query: query failed after 1 attempt"):
        remote_query(Endpoint.from_url("http://127.0.0.1:9/query", timeout=1, retries=1), "SELECT * WHERE { ?s ?p ?o }")
