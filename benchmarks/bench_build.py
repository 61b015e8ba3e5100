"""Benchmark ``unkg.build.build`` on the bundled samples repeated to many distinct documents.

Run from anywhere once unkg is installed::

    python benchmarks/bench_build.py                  # 1000 documents, one process
    python benchmarks/bench_build.py --documents 20   # a quick check
    python benchmarks/bench_build.py --jobs 2 --keep  # parallel build, keep the output

The script prints figures; it asserts nothing about timing.

Copies must be *distinct* documents, or the build drops them (same bytes) or refuses them
(two texts claiming one symbol). Copy 0 of every sample is the sample itself; every later copy
gets its own identity:

* resolutions that print their number (title ``第 2322(2016)号决议``) get a unique fake
  number from 3000 upwards (the reference table ends far below that), so they load as
  ``S/RES/<fake> (<year>)``;
* resolutions identified through the reference table by meeting and date (adoption line
  ``… 第 8148 次会议通过``) get a unique meeting number from 20000 upwards, which the table
  does not hold, so they load as unidentified but distinct;
* anything else (the letter) gets ``k`` extra trailing newlines, so its bytes and checksum
  (its name, since it is unidentified) differ.

Timing is taken by wrapping the functions ``unkg.build`` calls (``load_document``,
``map_document``, ``validate_graph``, ``turtle_bytes``, ``write_atomic``) and the build's
``progress`` hook. The wrappers add their seconds to shared memory, so with ``--jobs N`` they
also count inside the worker processes when the multiprocessing start method is ``fork``
(the summed figures are then worker-seconds, not wall time). With another start method the
workers do not see the wrappers, and the validation time is measured instead by timing
``validate_graph`` on a sample of per-document graphs after the build and extrapolating.
"""

from __future__ import annotations

import argparse
import ctypes
import multiprocessing
import platform
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path

import unkg
import unkg.build as ub

TITLE = re.compile(r"^(\s*第 *)([0-9]{1,4})( *[(（] *[0-9]{4} *[)）] *号决议\s*)$", re.M)
MEETING = re.compile(r"^(.*?第 *)([0-9]+)( *次会议.*?通过\s*)$", re.M)
FAKE_NUMBER_START = 3000
FAKE_MEETING_START = 20000

STAGES = ("load_document", "map_document", "validate_graph", "turtle_bytes(document)",
          "turtle_bytes(dataset)", "write_atomic(documents)", "write_atomic(unkg.ttl)")


# --------------------------------------------------------------------------- copies

def make_copies(samples: list[Path], count: int, folder: Path) -> dict[str, int]:
    """Write ``count`` distinct documents to ``folder``; return how many of each kind."""
    texts = [(s, s.read_bytes().decode("utf-8")) for s in samples]
    kinds = {"original": 0, "fake number": 0, "fake meeting": 0, "trailing newlines": 0}
    numbers = iter(range(FAKE_NUMBER_START, 10_000))
    meetings = iter(range(FAKE_MEETING_START, 10**9))
    for i in range(count):
        sample, text = texts[i % len(texts)]
        copy = i // len(texts)
        if copy == 0:
            out, kind = text, "original"
        elif TITLE.search(text):
            number = next(numbers, None)
            if number is None:
                sys.exit("too many documents: fake resolution numbers (4 digits) ran out")
            out, kind = TITLE.sub(lambda m: f"{m.group(1)}{number}{m.group(3)}", text, count=1), "fake number"
        elif MEETING.search(text):
            meeting = next(meetings)
            out, kind = MEETING.sub(lambda m: f"{m.group(1)}{meeting}{m.group(3)}", text, count=1), "fake meeting"
        else:
            out, kind = text + "\n" * copy, "trailing newlines"
        kinds[kind] += 1
        (folder / f"{i:06d}_{sample.stem}.txt").write_bytes(out.encode("utf-8"))
    return kinds


# --------------------------------------------------------------------------- timers

class Timers:
    """Seconds and call counts per stage, in shared memory so fork()ed workers add to them."""

    def __init__(self) -> None:
        self.seconds = multiprocessing.Array(ctypes.c_double, len(STAGES))
        self.calls = multiprocessing.Array(ctypes.c_long, len(STAGES))

    def add(self, stage: str, seconds: float) -> None:
        i = STAGES.index(stage)
        with self.seconds.get_lock():
            self.seconds[i] += seconds
        with self.calls.get_lock():
            self.calls[i] += 1

    def get(self, stage: str) -> tuple[float, int]:
        i = STAGES.index(stage)
        return self.seconds[i], self.calls[i]


def install_wrappers(timers: Timers, in_dataset_phase: Callable[[], bool]) -> Callable[[], None]:
    """Wrap what unkg.build calls; return a function that puts the originals back."""
    originals = {name: getattr(ub, name) for name in
                 ("load_document", "map_document", "validate_graph", "turtle_bytes", "write_atomic")}

    def timed(name: str, stage_of: Callable[..., str]):
        original = originals[name]

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                timers.add(stage_of(*args, **kwargs), time.perf_counter() - start)
        return wrapper

    ub.load_document = timed("load_document", lambda *a, **k: "load_document")
    ub.map_document = timed("map_document", lambda *a, **k: "map_document")
    ub.validate_graph = timed("validate_graph", lambda *a, **k: "validate_graph")
    ub.turtle_bytes = timed("turtle_bytes", lambda *a, **k: (
        "turtle_bytes(dataset)" if in_dataset_phase() else "turtle_bytes(document)"))
    ub.write_atomic = timed("write_atomic", lambda path, *a, **k: (
        "write_atomic(unkg.ttl)" if Path(path).name == "unkg.ttl" else "write_atomic(documents)"))

    def restore() -> None:
        for name, function in originals.items():
            setattr(ub, name, function)
    return restore


def sample_validation(files: list[Path], size: int) -> tuple[float, int]:
    """Time validate_graph on per-document graphs of up to ``size`` evenly spread files."""
    from unkg.iri import IriMinter
    from unkg.mapping import map_document
    from unkg.pipeline import load_document
    from unkg.reftable import load_reference
    from unkg.validate import BUILD_ENGINE, validate_graph

    step = max(1, len(files) // size)
    picked = files[::step][:size]
    seconds = 0.0
    for path in picked:
        graph = map_document(load_document(path), IriMinter(), load_reference())
        start = time.perf_counter()
        validate_graph(graph, engine=BUILD_ENGINE)
        seconds += time.perf_counter() - start
    return seconds, len(picked)


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000, help="documents to build (default 1000)")
    parser.add_argument("--jobs", type=int, default=1, help="passed to unkg.build.build (default 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--validation-sample", type=int, default=20,
                        help="files to time validate_graph on when workers cannot be wrapped (default 20)")
    args = parser.parse_args(argv)
    if args.documents < 1 or args.jobs < 1:
        parser.error("--documents and --jobs must be at least 1")

    samples = ub.bundled_documents()
    if not samples:
        sys.exit("no bundled sample documents found")
    work = Path(tempfile.mkdtemp(prefix="unkg-bench-"))
    inputs, out_dir = work / "input", work / "out"
    inputs.mkdir()
    try:
        start = time.perf_counter()
        kinds = make_copies(samples, args.documents, inputs)
        generate_seconds = time.perf_counter() - start
        input_bytes = sum(p.stat().st_size for p in inputs.iterdir())

        start_method = multiprocessing.get_start_method()
        wrapped_workers = args.jobs <= 1 or start_method == "fork"
        timers = Timers()
        marks: dict[str, float] = {}

        def progress(results: Iterable[ub.DocumentResult], total: int):
            for result in results:
                yield result
            marks["documents done"] = time.perf_counter()

        restore = install_wrappers(timers, lambda: "documents done" in marks)
        try:
            start = time.perf_counter()
            report = ub.build([inputs], out_dir, jobs=args.jobs, progress=progress)
            wall = time.perf_counter() - start
        finally:
            restore()

        self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

        built = [r for r in report.results if r.turtle is not None and not r.error]
        duplicates = [r for r in report.results if r.turtle is None and not r.error]
        identified = sum(1 for r in built if r.symbol)
        documents_phase = marks["documents done"] - start
        dataset_phase = wall - documents_phase
        ttl_serialise, _ = timers.get("turtle_bytes(dataset)")
        ttl_write, _ = timers.get("write_atomic(unkg.ttl)")
        docs_write, docs_written = timers.get("write_atomic(documents)")
        merge = dataset_phase - ttl_serialise - ttl_write - docs_write
        dataset_size = (out_dir / "unkg.ttl").stat().st_size

        def line(label: str, value: str) -> None:
            print(f"  {label:<44} {value}")

        print(f"unkg {unkg.__version__} build benchmark, "
              f"{datetime.now(timezone.utc).astimezone().isoformat(timespec='seconds')}")
        print(f"  machine: {platform.machine()}, {multiprocessing.cpu_count()} CPU(s), "
              f"Python {platform.python_version()}, start method {start_method}")
        print("input")
        line("documents", f"{args.documents} ({len(samples)} samples; "
                          + ", ".join(f"{v} {k}" for k, v in kinds.items()) + ")")
        line("input size", f"{input_bytes / 1e6:.1f} MB, generated in {generate_seconds:.2f} s (not counted)")
        line("jobs", str(args.jobs))
        print("outcome")
        line("built / duplicates dropped / refused",
             f"{len(built)} / {len(duplicates)} / {len(report.failed)}")
        line("identified / unidentified (built)", f"{identified} / {len(built) - identified}")
        for failed in report.failed[:5]:
            print(f"    REFUSED {failed.error}")
        line("total triples (dataset)", f"{report.triples:,}")
        line("dataset unkg.ttl", f"{dataset_size / 1e6:.1f} MB")
        print("throughput")
        line("wall time of build()", f"{wall:.1f} s")
        line("documents/s", f"{args.documents / wall:.2f}")
        line("triples/s", f"{report.triples / wall:,.0f}")
        line("peak memory, self (ru_maxrss)", f"{self_rss:,.0f} MB")
        line("peak memory, largest child (ru_maxrss)", f"{children_rss:,.0f} MB")
        print("where the time goes")
        line("per-document phase (read/map/validate/ttl)", f"{documents_phase:.1f} s wall")
        if wrapped_workers:
            unit = "s" if args.jobs <= 1 else "worker-s"
            for stage in ("load_document", "map_document", "validate_graph", "turtle_bytes(document)"):
                seconds, calls = timers.get(stage)
                extra = " <- validation time" if stage == "validate_graph" else ""
                line(f"  {stage}", f"{seconds:.1f} {unit} in {calls} calls "
                                   f"({1000 * seconds / max(calls, 1):.0f} ms/call){extra}")
            how = ("wrapping unkg.build.validate_graph in this process" if args.jobs <= 1 else
                   "wrapping unkg.build.validate_graph, inherited by the fork()ed workers; "
                   "summed over workers")
            line("validation time measured by", how)
        else:
            seconds, count = sample_validation(sorted(inputs.iterdir()), args.validation_sample)
            estimate = seconds / count * len(built)
            line("validation time (estimated)", f"{estimate:.1f} s for {len(built)} documents "
                                                f"({1000 * seconds / count:.0f} ms/document)")
            line("validation time measured by", f"timing validate_graph separately on {count} per-document "
                                                "graphs after the build, extrapolated")
        line("dataset phase (merge + write)", f"{dataset_phase:.1f} s wall")
        line("  write documents/*.ttl", f"{docs_write:.1f} s for {docs_written} files")
        line("  parse per-document Turtle into dataset", f"{merge:.1f} s")
        line("  serialise dataset Turtle", f"{ttl_serialise:.1f} s")
        line("  write unkg.ttl", f"{ttl_write:.2f} s")
        line("time to write the dataset Turtle", f"{ttl_serialise + ttl_write:.1f} s (serialise + write)")
        if args.keep:
            print(f"kept: {work}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
