"""Benchmark the query engines unkg could use on a build: rdflib's in-memory graph against the
Oxigraph store ``unkg load`` writes (pyoxigraph, on disk).

    python benchmarks/bench_store.py                 # the bundled samples, built into a temp folder
    python benchmarks/bench_store.py --dist dist      # an existing build (e.g. from bench_build.py --keep)
    python benchmarks/bench_store.py --repeat 5

Prints load time, each canned query's time (best of --repeat) and peak memory for each engine,
and checks that both engines return the same rows. It asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from unkg.build import build, bundled_documents
from unkg.query import bound_text, canned_queries, run_local
from unkg.store import LocalStore
from unkg.validate import ontology_graph


def _params(text: str) -> dict[str, str]:
    match = re.search(r"^#\+ example: (.*)$", text, re.M)
    return dict(p.split("=", 1) for p in re.findall(r"--param (\S+)", match.group(1))) if match else {}


def _best(run, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, help="a build folder (default: build the samples)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query; the best is shown")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        dist = args.dist or Path(temp) / "dist"
        if not args.dist:
            build(bundled_documents(), dist)
        documents = len(list((dist / "documents").glob("*.ttl")))

        start = time.perf_counter()
        graph = Graph().parse(dist / "unkg.ttl")
        graph += ontology_graph()
        rdflib_load = time.perf_counter() - start
        rss_rdflib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        start = time.perf_counter()
        store = LocalStore(Path(temp) / "store")
        store.load_build(dist)
        oxigraph_load = time.perf_counter() - start

        print(f"build: {dist} ({documents} documents, {len(graph)} triples)")
        print(f"{'':28}{'rdflib (memory)':>18}{'Oxigraph (disk)':>18}")
        print(f"{'load':28}{rdflib_load:>17.2f}s{oxigraph_load:>17.2f}s")
        same = True
        for name, query in sorted(canned_queries().items()):
            params = _params(query.text)
            t_rdflib, local = _best(lambda: run_local(query, graph, params), args.repeat)
            t_ox, served = _best(lambda: store.query(bound_text(query, params)), args.repeat)
            same &= local == served
            print(f"{'query ' + name:28}{t_rdflib:>17.3f}s{t_ox:>17.3f}s")
        print(f"{'peak memory after rdflib':28}{rss_rdflib:>16.0f}MB")
        print(f"same rows from both engines: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
