"""The local store: loaded once, queried many times, a reloaded document replaces its graph."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from conftest import example_params

from unkg.dumps import GRAPH_BASE, ONTOLOGY_GRAPH
from unkg.model import UnkgError
from unkg.query import bound_text, canned_queries, run_local
from unkg.store import LocalStore
from unkg.validate import ontology_graph

QUERY_NAMES = sorted(canned_queries())


@pytest.fixture(scope="module")
def store(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    store = LocalStore(tmp_path_factory.mktemp("store") / "store")
    store.load_build(dist)
    return store


@pytest.fixture(scope="module")
def local_graph(dist: Path) -> Graph:
    return Graph().parse(dist / "unkg.ttl") + ontology_graph()


def test_one_graph_per_document_and_one_for_the_ontology(store: LocalStore, dist: Path) -> None:
    graphs = store.graphs()
    assert sorted(graphs) == sorted([str(ONTOLOGY_GRAPH)] + [GRAPH_BASE + p.stem for p in (dist / "documents").glob("*.ttl")])
    assert graphs[GRAPH_BASE + "S-RES-2322-2016-zh"] == len(Graph().parse(dist / "documents" / "S-RES-2322-2016-zh.ttl"))
    assert graphs[str(ONTOLOGY_GRAPH)] == len(ontology_graph())


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_store_answers_as_the_in_memory_graph(name: str, store: LocalStore, local_graph: Graph) -> None:
    params = example_params(name)
    local = run_local(canned_queries()[name], local_graph, params)
    assert local.rows
    assert store.query(bound_text(canned_queries()[name], params)) == local


def test_loading_again_replaces_and_never_duplicates(dist: Path, tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    first = store.load_build(dist)
    total = store.count()
    assert store.load_build(dist) == first and store.count() == total
    # A document that changes replaces its graph: drop a triple from one document and reload.
    changed = tmp_path / "dist"
    shutil.copytree(dist / "documents", changed / "documents")
    path = changed / "documents" / "S-RES-2322-2016-zh.ttl"
    graph = Graph().parse(path)
    graph.remove(next(iter(graph)))
    path.write_bytes(graph.serialize(format="turtle", encoding="utf-8"))
    report = store.load_build(changed)
    assert report.graphs[GRAPH_BASE + "S-RES-2322-2016-zh"] == first.graphs[GRAPH_BASE + "S-RES-2322-2016-zh"] - 1
    assert store.count() == total - 1


def test_the_store_persists_between_processes(dist: Path, tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.load_build(dist)
    count = store.count()
    store.close()
    assert LocalStore(tmp_path / "store").count() == count


def test_an_empty_folder_is_not_a_build(tmp_path: Path) -> None:
    with pytest.raises(UnkgError, match="no documents/\\*.ttl here"):
        LocalStore(tmp_path / "store").load_build(tmp_path)


def test_cli_load_then_query_uses_the_store(dist: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from unkg.cli import main

    monkeypatch.chdir(tmp_path)
    shutil.copytree(dist, tmp_path / "dist", ignore=shutil.ignore_patterns("store"))
    runner = CliRunner()
    from_file = runner.invoke(main, ["query", "reporting-obligations", "-f", "csv"])
    loaded = runner.invoke(main, ["load"])
    assert loaded.exit_code == 0 and loaded.output.startswith("6 graph(s) loaded into dist/store")
    assert (tmp_path / "dist" / "store").is_dir()
    from_store = runner.invoke(main, ["query", "reporting-obligations", "-f", "csv"])
    assert from_store.exit_code == 0 and from_store.output == from_file.output
    assert runner.invoke(main, ["load"]).output == loaded.output
