"""The SHACL shapes: well-formed, labelled, exercised by good and bad examples, met by the samples.

Examples live in tests/shapes/good/*.ttl (must raise no violation, and nothing from the
shapes they name) and tests/shapes/bad/*.ttl (must fail the shape they name, and only that
one). Each example says what it is about in comment lines at its top:

    # shape: <https://w3id.org/unkg/shapes#OperativeNumberingShape>    (good: shape it passes)
    # expect: <https://w3id.org/unkg/shapes#OperativeNumberingShape>   (bad: shape it fails)
    # focus: <https://w3id.org/unkg/id/S/RES/2322(2016)>                (bad: the node it fails on)

A bad example of a warning shape must conform (warnings never refuse a document) and
report a sh:Warning from the shape it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate
from pyshacl.errors import ReportableRuntimeError
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from unkg.iri import DEFAULT_BASE
from unkg.validate import ENGINES, ontology_graph, run_shacl, shapes_graph, validate_graph

ROOT = Path(__file__).resolve().parent.parent
SHAPES_DIR = ROOT / "shapes"
EXAMPLES = Path(__file__).resolve().parent / "shapes"
GOOD = sorted((EXAMPLES / "good").glob("*.ttl"))
BAD = sorted((EXAMPLES / "bad").glob("*.ttl"))
UNKGSH = Namespace("https://w3id.org/unkg/shapes#")
UNKG = Namespace("https://w3id.org/unkg/ontology#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
HEADER = re.compile(r"^#\s*(shape|expect|focus):\s*<([^>]+)>\s*$")


# Helpers -------------------------------------------------------------------------------------

def _file_graph(name: str) -> Graph:
    return Graph().parse(SHAPES_DIR / name, format="turtle")


def named_shapes(graph: Graph) -> set[URIRef]:
    """The node shapes a file defines under the unkgsh: namespace."""
    return {s for s in graph.subjects(RDF.type, SH.NodeShape)
            if isinstance(s, URIRef) and str(s).startswith(str(UNKGSH))}


def all_named_shapes() -> set[URIRef]:
    return named_shapes(shapes_graph())


def owner(shape, graph: Graph) -> URIRef | None:
    """The named node shape a result's source shape is, or hangs from (sh:property ...)."""
    seen = set()
    while shape is not None and not (isinstance(shape, URIRef) and str(shape).startswith(str(UNKGSH))):
        if shape in seen:
            return None
        seen.add(shape)
        shape = next(graph.subjects(None, shape), None)
    return shape


@dataclass(frozen=True)
class Result:
    severity: str
    focus: str
    shape: str | None
    message: str

    def __str__(self) -> str:
        where = self.shape.rsplit("#", 1)[-1] if self.shape else "?"
        return f"{self.severity} {where} <{self.focus}>: {self.message}"


def run(data: Graph, engine: str) -> list[Result]:
    """Validate as unkg.validate.validate_graph does, keeping each result's source shape."""
    shapes = shapes_graph()
    report = run_shacl(data, engine=engine)
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        source = report.value(node, SH.sourceShape)
        named = owner(source, shapes)
        results.append(Result(
            severity=str(report.value(node, SH.resultSeverity)).rsplit("#", 1)[-1],
            focus=str(report.value(node, SH.focusNode)),
            shape=str(named) if named is not None else None,
            message=str(report.value(node, SH.resultMessage) or "")))
    return sorted(results, key=str)


@cache
def header(path: Path) -> dict[str, list[str]]:
    """The shape / expect / focus lines at the top of an example file."""
    found: dict[str, list[str]] = {"shape": [], "expect": [], "focus": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = HEADER.match(line)
        if match:
            found[match.group(1)].append(match.group(2))
    return found


def severity_of(shape: str) -> URIRef:
    return shapes_graph().value(URIRef(shape), SH.severity) or SH.Violation


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


# The shapes themselves -----------------------------------------------------------------------

def test_shapes_pass_shacl_for_shacl() -> None:
    """The shapes graph validates against SHACL-for-SHACL (pySHACL's meta_shacl)."""
    try:
        validate(Graph(), shacl_graph=shapes_graph(), meta_shacl=True, advanced=True)
    except ReportableRuntimeError as err:  # pragma: no cover - the failure is the message
        pytest.fail(str(err))


def test_meta_shacl_catches_a_broken_shape() -> None:
    """The check above is live: a malformed shape (minCount not an integer) is rejected."""
    broken = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:x#S> a sh:NodeShape ; sh:property [ sh:path <urn:x#p> ; sh:minCount "one" ] .
        """, format="turtle")
    with pytest.raises(ReportableRuntimeError):
        validate(Graph(), shacl_graph=broken, meta_shacl=True)


def test_only_shacl_terms_are_used() -> None:
    """Every sh: term in the shapes exists in SHACL (a typo such as sh:shape would be ignored)."""
    graph = shapes_graph()
    used = {term for triple in graph for term in triple
            if isinstance(term, URIRef) and str(term).startswith(str(SH))}
    assert sorted(t for t in used if t not in SH) == []


@pytest.mark.parametrize("name", ["violations.ttl", "warnings.ttl", "vocabulary.ttl"])
def test_every_shape_has_a_label_and_a_banner(name: str) -> None:
    graph = _file_graph(name)
    text = (SHAPES_DIR / name).read_text(encoding="utf-8")
    shapes = named_shapes(graph)
    assert shapes, f"{name} defines no shapes"
    assert sorted(s for s in shapes if graph.value(s, RDFS.label) is None) == []
    assert sorted(s for s in shapes if f"# {s.split('#')[1]} —" not in text) == [], "shape without a banner comment"


def test_shape_files_are_apart_by_severity() -> None:
    """warnings.ttl holds only sh:Warning shapes (node and property shapes alike);
    violations.ttl holds none with any other severity than the default sh:Violation."""
    warnings = _file_graph("warnings.ttl")
    violations = _file_graph("violations.ttl")
    warning_shapes = named_shapes(warnings) | set(warnings.objects(None, SH.property))
    assert sorted(str(s) for s in warning_shapes if warnings.value(s, SH.severity) != SH.Warning) == []
    assert sorted(set(violations.objects(None, SH.severity)) - {SH.Violation}) == []
    assert not named_shapes(warnings) & named_shapes(violations)


def _in_list(graph: Graph, shape: URIRef, path: URIRef) -> set:
    for prop in graph.objects(shape, SH.property):
        if graph.value(prop, SH.path) == path and graph.value(prop, SH["in"]) is not None:
            return set(Collection(graph, graph.value(prop, SH["in"])))
    raise AssertionError(f"{shape} has no sh:in on {path}")


def test_instrument_kinds_match_the_vocabulary() -> None:
    """The kinds InstrumentShape accepts are exactly the concepts of unkg:InstrumentKind."""
    concepts = set(ontology_graph().subjects(SKOS.inScheme, UNKG.InstrumentKind))
    assert _in_list(shapes_graph(), UNKGSH.InstrumentShape, UNKG.instrumentKind) == concepts


def test_identification_methods_match_the_vocabulary() -> None:
    """The methods LoadedDocumentShape accepts are exactly the concepts of unkg:IdentificationMethod."""
    concepts = set(ontology_graph().subjects(SKOS.inScheme, UNKG.IdentificationMethod))
    assert _in_list(shapes_graph(), UNKGSH.LoadedDocumentShape, UNKG.identification) == concepts


# Examples ------------------------------------------------------------------------------------

def test_every_shape_has_good_and_bad_examples() -> None:
    shapes = {str(s) for s in all_named_shapes()}
    good = {s for p in GOOD for s in header(p)["shape"]}
    bad = {s for p in BAD for s in header(p)["expect"]}
    assert sorted(shapes - good) == [], "shapes without a good example"
    assert sorted(shapes - bad) == [], "shapes without a bad example"
    assert sorted((good | bad) - shapes) == [], "examples naming shapes that do not exist"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", GOOD, ids=_ids(GOOD))
def test_good_example_passes(path: Path, engine: str) -> None:
    about = header(path)["shape"]
    assert about, f"{path.name} names no shape ('# shape: <...>')"
    results = run(Graph().parse(path, format="turtle"), engine)
    violations = [str(r) for r in results if r.severity == "Violation"]
    own = [str(r) for r in results if r.shape in about]
    assert violations == []
    assert own == []
    assert validate_graph(Graph().parse(path, format="turtle"), engine=engine).conforms


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", BAD, ids=_ids(BAD))
def test_bad_example_fails_its_shape(path: Path, engine: str) -> None:
    about = header(path)
    expected = set(about["expect"])
    assert expected, f"{path.name} names no shape ('# expect: <...>')"
    results = run(Graph().parse(path, format="turtle"), engine)
    own = [r for r in results if r.shape in expected]
    for shape in expected:
        assert [r for r in own if r.shape == shape], f"{shape} reported nothing; got: {[str(r) for r in results]}"
    if about["focus"]:
        assert {r.focus for r in own} == set(about["focus"]), [str(r) for r in own]
    # Only the shapes the file is about may complain (other shapes' warnings aside).
    assert [str(r) for r in results if r.severity == "Violation" and r.shape not in expected] == []
    warning_only = all(severity_of(s) == SH.Warning for s in expected)
    report = validate_graph(Graph().parse(path, format="turtle"), engine=engine)
    if warning_only:
        assert report.conforms and all(r.severity == "Warning" for r in own)
    else:
        assert not report.conforms
        assert all(r.severity == "Violation" for r in own)
        assert all(r.message for r in own), "every violation carries a message"


# The sample documents ------------------------------------------------------------------------

def test_samples_build_with_no_refusals(built) -> None:
    _, report = built
    assert [r.error for r in report.failed] == []


def test_sample_dataset_conforms(built) -> None:
    out, _ = built
    report = validate_graph(Graph().parse(out / "unkg.ttl"))
    assert [f.line() for f in report.violations] == []
    assert report.conforms


@pytest.mark.parametrize("with_vocabulary", [False, True])
def test_both_engines_report_the_same_findings(built, with_vocabulary: bool) -> None:
    """The build's engine (pySHACL-Turbo) and the reference (pySHACL) agree, finding for
    finding, on the sample dataset, and on it with one paragraph's numbering broken."""
    out, _ = built
    graph = Graph().parse(out / "unkg.ttl")
    op = URIRef(f"{DEFAULT_BASE}S/RES/2322(2016)/op/3")
    graph.set((op, UNKG.position, Literal(2, datatype=XSD.integer)))
    reports = [validate_graph(graph, with_vocabulary, engine) for engine in ENGINES]
    assert reports[0].findings == reports[1].findings
    res = f"{DEFAULT_BASE}S/RES/2322(2016)"
    assert [f.message for f in reports[0].violations] == [
        f"Operative numbering has a gap: {res}/op/4 is at position 4 but no operative paragraph is at position 3.",
        f"Operative numbering repeats position 2: {res}/op/2 and {res}/op/3.",
        f"Operative paragraph {res}/op/3 is numbered 3 but is at position 2."]


# The vocabularies of ontology/ ---------------------------------------------------------------

def test_ontology_meets_the_vocabulary_shapes() -> None:
    report = validate_graph(Graph(), with_vocabulary=True)
    assert [f.line() for f in report.findings] == []


def test_vocabulary_shapes_catch_broken_entries() -> None:
    broken = Graph().parse(data="""
        @prefix unkg: <https://w3id.org/unkg/ontology#> .
        @prefix body: <https://w3id.org/unkg/vocab/body/> .
        @prefix verb: <https://w3id.org/unkg/vocab/verb/> .
        @prefix org:  <http://www.w3.org/ns/org#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        body:Nameless a org:Post , org:OrganizationalUnit ; skos:inScheme unkg:Bodies ;
            skos:prefLabel "无名"@zh ; unkg:establishedBy "S/RES/1373" .
        verb:mumbles a unkg:Verb ; skos:inScheme unkg:Verbs ; skos:prefLabel "mumbles"@en , "嘟囔"@zh ;
            unkg:directive "yes" ; unkg:form "嘟囔"@zh .
        """, format="turtle")
    found = sorted((f.focus.rsplit("/", 1)[-1], f.path) for f in validate_graph(broken, with_vocabulary=True).violations)
    # no English label: both "two labels" and "an English one" fail
    assert found == [("Nameless", "rdf:type"), ("Nameless", "skos:prefLabel"), ("Nameless", "skos:prefLabel"),
                     ("Nameless", "unkg:establishedBy"),
                     ("mumbles", "unkg:directive"), ("mumbles", "unkg:strength")]
