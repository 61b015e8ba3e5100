"""Seconds to validate one document's graph with each SHACL engine (pySHACL, pySHACL-Turbo).

Usage: python benchmarks/bench_shacl.py [FILE ...]   (default: the five samples and S/RES/2253)

Each graph is validated once per engine to warm up (shapes compiled, ontology read), then
timed; the findings of the two engines are compared too.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from unkg.build import bundled_documents
from unkg.iri import IriMinter
from unkg.mapping import map_document
from unkg.pipeline import load_document
from unkg.reftable import load_reference
from unkg.validate import ENGINES, validate_graph

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "unxml-dev"
DEFAULT_EXTRA = CORPUS / "Pre-2020" / "2015" / "S_RES_2253_1522456E.xml"


def main(argv: list[str]) -> int:
    """Print one line per file: triples, seconds per engine, whether the findings agree."""
    files = [Path(a) for a in argv] or [*bundled_documents(), *([DEFAULT_EXTRA] if DEFAULT_EXTRA.exists() else [])]
    print(f"{'file':32} {'triples':>8} " + " ".join(f"{e:>14}" for e in ENGINES) + "  same findings")
    for path in files:
        graph = map_document(load_document(path), IriMinter(), load_reference())
        seconds, findings = [], []
        for engine in ENGINES:
            validate_graph(graph, engine=engine)
            start = time.perf_counter()
            findings.append(validate_graph(graph, engine=engine).findings)
            seconds.append(time.perf_counter() - start)
        print(f"{path.name[:32]:32} {len(graph):>8} " + " ".join(f"{s:>13.2f}s" for s in seconds)
              + f"  {'yes' if findings[0] == findings[1] else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
