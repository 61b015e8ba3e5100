"""Build a dataset: run the pipeline on many files, one document at a time, and write it.

Each document is read, mapped and validated on its own (its own graph), so one bad file
never stops the others and the work can run in parallel; graphs meet only when the
dataset dump is written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef

from .akn import AKN_MEDIA_TYPE
from .docs import ontology_html, vocabularies_html
from .subjects import read_subject_labels, subject_graph
from .dumps import (CONTEXT_FILE, FORMATS, ONTOLOGY_GRAPH, SUBJECTS_FILE, SUBJECTS_GRAPH, DumpFormat, description, graph_name, gzipped,
                    jsonld_context, serialise, union)
from .iri import DEFAULT_BASE, IriMinter
from .mapping import map_document, new_graph
from .model import Document, Kind, UnkgError
from .pipeline import load_document
from .publish import document_filename, turtle_bytes, write_atomic
from .reftable import load_reference
from .resources import resource_files
from .validate import BUILD_ENGINE, ontology_graph, validate_graph
from .vocab import ELI, UNKG

DOCUMENT_SUFFIXES = (".txt", ".xml")
DOWNLOAD_BASE = "https://w3id.org/unkg/dumps/"


@dataclass(frozen=True)
class DocumentResult:
    """What building one file gave: a summary and its Turtle, or the problem."""

    file: str
    symbol: str | None = None
    sha256: str | None = None
    turtle: bytes | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    error: str | None = None
    language: str | None = None
    parts: tuple[str, ...] = ()          # local paths of the document's units (for alignment)
    wording: tuple[str, ...] = ()        # a digest of each unit's words, spaces left out
    markup: bool = False                 # read from the UN's Akoma Ntoso XML

    def summary(self) -> str:
        """One line for the build report."""
        if self.error:
            return f"FAILED {self.error}"
        counts = " ".join(f"{k}={v}" for k, v in self.counts.items())
        notes = f" ({len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''})" if self.warnings else ""
        status = "ok    " if self.turtle is not None else "skip  "  # another file holds the same text
        return f"{status} {self.file}: {self.symbol or 'unidentified'} {counts}{notes}"


@dataclass
class BuildReport:
    """The outcome of a build: one result per input file, in input order."""

    results: list[DocumentResult]
    triples: int = 0

    @property
    def failed(self) -> list[DocumentResult]:
        """The files that were refused."""
        return [r for r in self.results if r.error]


def find_documents(paths: Iterable[Path]) -> list[Path]:
    """The document files named or contained (recursively) in ``paths``, sorted, no repeats."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
        else:
            found.append(path)
    seen: set[Path] = set()
    return [p for p in found if not (p.resolve() in seen or seen.add(p.resolve()))]


def bundled_documents() -> list[Path]:
    """The sample documents shipped with unkg."""
    return [Path(str(item)) for item in resource_files("samples", ".txt")]


def build_one(path: Path, base: str = DEFAULT_BASE, engine: str = BUILD_ENGINE) -> DocumentResult:
    """Read, map and validate one file (with SHACL ``engine``); never raises for a bad input, reports it instead."""
    try:
        document = load_document(path)
        graph = map_document(document, IriMinter(base), load_reference())
        report = validate_graph(graph, engine=engine)
    except UnkgError as err:
        return DocumentResult(path.name, error=str(err))
    except Exception as err:  # noqa: BLE001 - one document's bug must not stop the batch
        return DocumentResult(path.name, error=f"{path.name}: unkg could not process this file "
                                                f"({type(err).__name__}: {str(err).splitlines()[0][:200]}); please report it")
    warnings = tuple(document.warnings) + tuple(f.line() for f in report.findings if f.severity != "Violation")
    if not report.conforms:
        first = report.violations[0].line()
        return DocumentResult(path.name, error=f"{path.name}: does not conform to the shapes "
                                                f"({len(report.violations)} violations; first: {first})")
    return DocumentResult(path.name, document.identity.symbol, document.source.sha256, turtle_bytes(graph),
                          _counts(document), warnings, language=document.language,
                          parts=tuple(u.path for u in document.units),
                          wording=tuple(hashlib.sha256("".join(u.text.split()).encode("utf-8")).hexdigest()[:16]
                                        for u in document.units),
                          markup=document.source.media_type == AKN_MEDIA_TYPE)


def _counts(document: Document) -> dict[str, int]:
    return {
        "preambular": document.count(Kind.PREAMBULAR),
        "operative": document.count(Kind.OPERATIVE),
        "subparagraphs": document.count(Kind.SUBPARAGRAPH),
        "headings": document.count(Kind.HEADING),
        "sections": document.count(Kind.REPORT_SECTION),
        "citations": len(document.citations),
        "instruments": len(document.instruments),
        "directives": len(document.directives),
        "deliveries": len(document.deliveries),
    }


def build(paths: list[Path], out_dir: Path, base: str = DEFAULT_BASE, jobs: int = 1,
          progress: Callable[[Iterable[DocumentResult], int], Iterable[DocumentResult]] | None = None,
          formats: Iterable[str] = ("turtle",), compress: bool = False, download_base: str = DOWNLOAD_BASE,
          endpoint: str | None = None, docs: bool = False, subject_labels: Iterable[Path] = (),
          engine: str = BUILD_ENGINE) -> BuildReport:
    """Build every document in ``paths`` into ``out_dir``: documents/*.ttl, the dataset in each
    format (unkg.ttl always), context.jsonld with JSON-LD, void.ttl describing them, and with
    ``docs`` the HTML pages of the ontology and vocabularies in docs/; with label tables,
    subjects.ttl labels the classification concepts the documents use."""
    tables = [read_subject_labels(p) for p in subject_labels]  # a bad table fails before any work
    files = find_documents(paths)
    run = _run(files, base, jobs, engine)
    results = list(progress(run, len(files)) if progress else run)
    results = _refuse_conflicts(results)
    # The ontology and vocabularies travel with the data (their own named graph): queries
    # read labels, strengths and kinds from them.
    graphs: dict[URIRef, Graph] = {ONTOLOGY_GRAPH: ontology_graph()}
    for result in results:
        if result.turtle is None or result.error:
            continue
        name = document_filename(result.symbol, result.sha256 or "", result.language or "zh")
        write_atomic(out_dir / "documents" / name, result.turtle)
        graphs[graph_name(name.removesuffix(".ttl"))] = Graph().parse(data=result.turtle, format="turtle")
    subjects = subject_graph(list(graphs.values()), tables) if tables else Graph()
    if len(subjects):
        graphs[SUBJECTS_GRAPH] = subjects
        write_atomic(out_dir / SUBJECTS_FILE, turtle_bytes(subjects))
    merged = union(graphs)  # made once: each dump and the description read it
    written: dict[str, DumpFormat] = {}
    for fmt in [FORMATS[n] for n in dict.fromkeys(("turtle", *formats))]:
        data = serialise(fmt, graphs, merged)
        file_name = f"unkg.{fmt.suffix}"
        write_atomic(out_dir / file_name, data)
        written[file_name] = fmt
        if compress:
            write_atomic(out_dir / (file_name + ".gz"), gzipped(data))
            written[file_name + ".gz"] = fmt
        if fmt.name == "jsonld":
            write_atomic(out_dir / CONTEXT_FILE, (json.dumps(jsonld_context(), indent=1) + "\n").encode("utf-8"))
    void = description(graphs, merged, written, download_base, endpoint)
    write_atomic(out_dir / "void.ttl", void.serialize(format="turtle", encoding="utf-8"))
    if docs:
        write_atomic(out_dir / "docs" / "ontology.html", ontology_html().encode("utf-8"))
        write_atomic(out_dir / "docs" / "vocabularies.html", vocabularies_html().encode("utf-8"))
    return BuildReport(results, len(merged))


def _run(files: list[Path], base: str, jobs: int, engine: str) -> Iterator[DocumentResult]:
    if jobs <= 1 or len(files) < 2:
        yield from (build_one(f, base, engine) for f in files)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(build_one, files, [base] * len(files), [engine] * len(files), chunksize=4)


def _refuse_conflicts(results: list[DocumentResult]) -> list[DocumentResult]:
    """Drop exact duplicates (same bytes) with a warning. Where a plain text and the UN's XML
    give one symbol in one language, load the XML and say how the text compares; refuse every
    other pair of texts claiming one symbol, since nothing says which one is right."""
    by_hash: dict[str, str] = {}
    by_symbol: dict[str, list[DocumentResult]] = {}
    kept: list[DocumentResult] = []
    for result in results:
        if result.error or result.sha256 is None:
            kept.append(result)
            continue
        if result.sha256 in by_hash:
            kept.append(DocumentResult(result.file, result.symbol, result.sha256, None, result.counts,
                                       result.warnings + (f"same content as {by_hash[result.sha256]}; loaded once",)))
            continue
        by_hash[result.sha256] = result.file
        kept.append(result)
        if result.symbol:
            by_symbol.setdefault(result.symbol, []).append(result)
    changed: dict[int, DocumentResult] = {}
    for symbol, claimants in by_symbol.items():
        for language in {r.language for r in claimants}:
            same = [r for r in claimants if r.language == language]
            if len(same) < 2:
                continue
            markup = [r for r in same if r.markup]
            if len(markup) == 1:
                xml = markup[0]
                notes = tuple(f"{other.file}: {_compared(other, xml)}; {xml.file}, the UN's XML, is loaded instead"
                              for other in same if other is not xml)
                for other, note in zip([r for r in same if r is not xml], notes):
                    changed[id(other)] = replace(other, turtle=None, warnings=other.warnings + (note,))
                changed[id(xml)] = replace(xml, warnings=xml.warnings + notes)
                continue
            for result in same:  # two texts of one language disagree: nothing says which is right
                others = ", ".join(r.file for r in same if r is not result)
                changed[id(result)] = DocumentResult(
                    result.file, result.symbol, result.sha256, language=result.language,
                    error=f"{result.file}: claims {symbol}, as does {others} with different text in the same "
                          f"language; neither loaded")
    return _align([changed.get(id(r), r) for r in kept])


def _compared(text: DocumentResult, xml: DocumentResult) -> str:
    """How a plain text of a resolution compares with its XML: same words, or where not."""
    if text.parts != xml.parts:
        return f"its paragraphs differ from those of {xml.file} ({_difference(xml.parts, text.parts)})"
    differing = [path for path, a, b in zip(xml.parts, xml.wording, text.wording) if a != b]
    if not differing:
        return f"the same {xml.symbol} as {xml.file}, word for word (spacing and line breaks aside)"
    return f"the same paragraphs as {xml.file}, but the words of {_listed(differing)} differ"


def _align(results: list[DocumentResult]) -> list[DocumentResult]:
    """Language versions of one resolution share its graph, paragraph by paragraph. A version
    whose paragraphs do not match the first one's (Chinese first) is not merged, never
    mis-aligned: it is refused with what differs, and the loaded version's graph says so
    (unkg:alignmentNote)."""
    versions: dict[str, list[DocumentResult]] = {}
    for result in results:
        if result.symbol and result.turtle is not None and not result.error:
            versions.setdefault(result.symbol, []).append(result)
    refused: dict[int, str] = {}
    notes: dict[int, list[str]] = {}
    unannexed: set[int] = set()
    for symbol, group in versions.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda r: _language_order(r.language or ""))
        reference = group[0]
        for other in group[1:]:
            difference = _difference(reference.parts, other.parts)
            if not difference:
                continue
            own = _difference(_body(reference.parts), _body(other.parts))
            if not own:
                # Annexes (lists of items, a team's tasks) are broken into paragraphs differently
                # by each version: the resolution's own paragraphs merge, this version's annexes
                # are left out rather than paired with the wrong paragraphs.
                unannexed.add(id(other))
                notes.setdefault(id(reference), []).append(
                    f"The annexes of the '{other.language}' version ({other.file}) were not merged: {difference}.")
                continue
            refused[id(other)] = (f"{other.file}: the '{other.language}' version of {symbol} does not match the "
                                  f"'{reference.language}' version ({reference.file}): {own}; not merged")
            notes.setdefault(id(reference), []).append(
                f"The '{other.language}' version ({other.file}) was not merged: {own}.")
    aligned = []
    for result in results:
        if id(result) in refused:
            aligned.append(replace(result, turtle=None, error=refused[id(result)]))
        elif id(result) in unannexed:
            aligned.append(replace(result, turtle=_without_annexes(result)))
        elif id(result) in notes:
            graph = new_graph().parse(data=result.turtle, format="turtle")
            work = next(graph.subjects(ELI.id_local, Literal(result.symbol)))
            for note in notes[id(result)]:
                graph.add((work, UNKG.alignmentNote, Literal(note, lang="en")))
            aligned.append(replace(result, turtle=turtle_bytes(graph),
                                   warnings=result.warnings + tuple(notes[id(result)])))
        else:
            aligned.append(result)
    return aligned


def _body(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The paths of a resolution's own paragraphs, its annexes left out."""
    return tuple(p for p in parts if not p.startswith("annex/"))


def _without_annexes(result: DocumentResult) -> bytes:
    """A version's graph without its annexes and what hangs from them (their texts, mentions,
    directives)."""
    graph = new_graph().parse(data=result.turtle, format="turtle")
    work = next(graph.subjects(ELI.id_local, Literal(result.symbol)))
    prefix = f"{work}/annex/"
    loose: list[BNode] = []
    for triple in list(graph):
        if any(isinstance(node, URIRef) and str(node).startswith(prefix) for node in (triple[0], triple[2])):
            graph.remove(triple)
            if isinstance(triple[2], BNode):
                loose.append(triple[2])
    while loose:   # blank nodes (deadlines, spans) only an annex pointed at
        node = loose.pop()
        if (None, None, node) not in graph:
            loose.extend(o for o in graph.objects(node, None) if isinstance(o, BNode))
            graph.remove((node, None, None))
    return turtle_bytes(graph)


def _difference(reference: tuple[str, ...], other: tuple[str, ...]) -> str:
    """What keeps two versions' paragraphs from pairing one to one ('' when nothing does)."""
    lacks = [p for p in reference if p not in set(other)]
    extra = [p for p in other if p not in set(reference)]
    if lacks or extra:
        return "; ".join(part for part in (
            f"it lacks {_listed(lacks)}" if lacks else "",
            f"it has {_listed(extra)} that the other lacks" if extra else "") if part)
    if reference != other:  # same paragraphs, another order: a heading over other paragraphs
        first = next(i for i, (a, b) in enumerate(zip(reference, other)) if a != b)
        return f"its paragraphs come in another order from {other[first]} on (expected {reference[first]})"
    return ""


def _listed(paths: list[str]) -> str:
    return ", ".join(paths[:6]) + (f" and {len(paths) - 6} more" if len(paths) > 6 else "")


def _language_order(language: str) -> tuple[int, str]:
    """Chinese first (the project's first language), then English, then the others."""
    return ({"zh": 0, "en": 1}.get(language, 2), language)


def merge_graph(turtle_files: Iterable[Path]) -> Graph:
    """Parse several Turtle files into one graph."""
    graph = new_graph()
    for path in turtle_files:
        graph.parse(path, format="turtle")
    return graph
