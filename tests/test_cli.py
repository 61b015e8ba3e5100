"""The unkg command end to end: build, validate, query, and what it does with bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from unkg.cli import main
from unkg.validate import ontology_graph
from unkg.publish import write_atomic

from conftest import EXPECTED, SAMPLES

GOLDEN = Path(__file__).with_name("golden")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "dist"
    code, stdout, _ = run("build", str(SAMPLES), "-o", str(out))
    assert code == 0, stdout
    return out


def test_build_writes_dataset_and_one_file_per_document(dist: Path) -> None:
    assert sorted(p.name for p in (dist / "documents").iterdir()) == [
        "S-RES-2322-2016-zh.ttl", "S-RES-2396-2017-zh.ttl", "S-RES-2482-2019-zh.ttl", "S-RES-2617-2021-zh.ttl",
        "unidentified-396539f4860c34b7.ttl"]
    merged = Graph()
    for part in (dist / "documents").iterdir():
        merged.parse(part)
    merged += ontology_graph()  # the dataset carries the ontology and vocabularies
    assert isomorphic(merged, Graph().parse(dist / "unkg.ttl"))


def test_build_prints_one_line_per_document(tmp_path: Path) -> None:
    code, stdout, _ = run("build", str(SAMPLES), "-o", str(tmp_path), "-q")
    assert code == 0
    assert stdout.splitlines()[-1].startswith("5 document(s) built, 0 refused, ")


def test_document_structure_query(dist: Path) -> None:
    code, stdout, _ = run("query", "document-structure", "--data", str(dist / "unkg.ttl"), "--format", "csv")
    assert code == 0
    rows = {r["document"]: r for r in csv.DictReader(io.StringIO(stdout))}
    assert len(rows) == 5
    for name, expected in EXPECTED.items():
        row = rows[expected["symbol"]] if "symbol" in expected else next(r for r in rows.values() if r["type"] == "letter")
        for column in ("preambular", "operative", "subparagraphs", "sections"):
            assert int(row[column]) == expected[column], (name, column)


def test_citations_query_lists_paragraph_citations(dist: Path) -> None:
    code, stdout, _ = run("query", "citations", "--data", str(dist / "unkg.ttl"), "--format", "json")
    assert code == 0
    bindings = json.loads(stdout)["results"]["bindings"]
    cited_paragraphs = {(b["citing"]["value"], b["cited"]["value"], b["paragraph"]["value"])
                        for b in bindings if b.get("paragraph", {}).get("value")}
    assert ("S/RES/2322 (2016)", "S/RES/1373 (2001)", "op/1/d") in cited_paragraphs
    from_2617 = {b["cited"]["value"] for b in bindings
                 if b["citing"]["value"] == "S/RES/2617 (2021)" and b["cited"]["value"].startswith("S/RES/")}
    assert len(from_2617) == EXPECTED["004_ac69672ad7768d0f.txt"]["cited_resolutions"]


def test_json_is_sparql_results_json(dist: Path) -> None:
    _, stdout, _ = run("query", "instruments", "--data", str(dist / "unkg.ttl"), "--format", "json")
    data = json.loads(stdout)
    assert data["head"]["vars"] == ["document", "instrument", "label", "kind", "mentions"]
    first = data["results"]["bindings"][0]
    assert first["instrument"]["type"] == "uri" and first["label"]["xml:lang"] == "zh"
    assert first["mentions"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_queries_lists_every_rq_file() -> None:
    code, stdout, _ = run("queries")
    assert code == 0
    names = [line.split(" (")[0] for line in stdout.splitlines() if not line.startswith(" ")]
    assert "deadlines-between (from, to)" in stdout.splitlines()
    assert names == sorted(p.stem for p in (Path(__file__).parent.parent / "queries").glob("*.rq"))


def test_validate_exit_codes(dist: Path, tmp_path: Path) -> None:
    assert run("validate", str(dist / "unkg.ttl"))[0] == 0
    broken = tmp_path / "broken.ttl"
    text = (dist / "documents" / "S-RES-2322-2016-zh.ttl").read_text(encoding="utf-8")
    broken.write_text(text.replace("unkg:inDocument", "unkg:outsideDocument"), encoding="utf-8")
    code, stdout, _ = run("validate", "--shacl-engine", "pyshacl-turbo", str(broken))
    assert code == 1 and "does not conform" in stdout.splitlines()[-1]
    code, _, stderr = run("validate", "--shacl-engine", "jena", str(broken))
    assert code == 2 and "'jena' is not one of 'pyshacl', 'pyshacl-turbo'" in stderr
    assert run("validate", str(tmp_path / "missing.ttl"))[0] == 2
    (tmp_path / "garbage.ttl").write_text("this is not turtle <", encoding="utf-8")
    code, _, stderr = run("validate", str(tmp_path / "garbage.ttl"))
    assert code == 2 and stderr.startswith(f"unkg: {tmp_path / 'garbage.ttl'}: not valid Turtle")


def test_query_errors_exit_2(dist: Path) -> None:
    code, _, stderr = run("query", "no-such-query", "--data", str(dist / "unkg.ttl"))
    assert code == 2 and stderr == "unkg: no canned query 'no-such-query'; `unkg queries` lists them\n"
    code, _, stderr = run("query", "citations", "--data", str(dist / "unkg.ttl"), "--param", "x=1")
    assert code == 2 and stderr == "unkg: citations: unknown parameter(s) x; it takes none\n"


# Bad input ---------------------------------------------------------------------------------

def _bad_batch(folder: Path) -> None:
    good = {p.name: p.read_bytes() for p in SAMPLES.glob("*.txt")}
    for name, data in good.items():
        (folder / name).write_bytes(data)
    text_2482 = good["002_1ce6e44335356221.txt"].decode("utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "menu.txt").write_text("今天的午餐：米饭、青菜和汤。\n", encoding="utf-8")
    cut = text_2482.index(" 14. ")
    (folder / "truncated.txt").write_text(text_2482[:cut].replace("2019 年 7 月 19 日", "2019 年 7 月 18 日", 1),
                                          encoding="utf-8")
    start, end = text_2482.index(" 5. "), text_2482.index(" 6. ")
    (folder / "gap.txt").write_text(text_2482[:start] + text_2482[end:], encoding="utf-8")
    (folder / "copy-of-2396.txt").write_bytes(good["001_fef54859da132cbf.txt"])
    (folder / "other-2617.txt").write_text(good["004_ac69672ad7768d0f.txt"].decode("utf-8").replace(
        "决定继续积极处理此案。", "决定继续处理此案。"), encoding="utf-8")


def test_bad_inputs_get_one_line_each_and_the_good_still_build(tmp_path: Path) -> None:
    batch, out = tmp_path / "in", tmp_path / "out"
    batch.mkdir()
    _bad_batch(batch)
    code, stdout, stderr = run("build", str(batch), "-o", str(out))
    assert code == 1
    assert stderr.splitlines() == [
        "unkg: 004_ac69672ad7768d0f.txt: claims S/RES/2617 (2021), as does other-2617.txt with different text in the same language; neither loaded",
        "unkg: binary.txt: not a text file (binary content)",
        "unkg: empty.txt: empty file",
        "unkg: gap.txt: operative numbering breaks off: paragraph 6 follows 4 (page 4); truncated or garbled text?",
        "unkg: menu.txt: not a UN Security Council document: found neither a resolution's opening words nor a letter heading",
        "unkg: other-2617.txt: claims S/RES/2617 (2021), as does 004_ac69672ad7768d0f.txt with different text in the same language; neither loaded",
        "unkg: truncated.txt: text breaks off inside op/13 (no closing full stop): truncated?",
    ]
    assert "warning: same content as 001_fef54859da132cbf.txt; loaded once" in stdout
    assert sorted(p.name for p in (out / "documents").iterdir()) == [
        "S-RES-2322-2016-zh.ttl", "S-RES-2396-2017-zh.ttl", "S-RES-2482-2019-zh.ttl", "unidentified-396539f4860c34b7.ttl"]
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]   # no temporary files left


def test_missing_path_exits_2(tmp_path: Path) -> None:
    code, _, stderr = run("build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"))
    assert code == 2 and stderr == f"unkg: {tmp_path / 'nowhere'}: no such file or folder\n"


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "unkg.ttl"
    target.write_bytes(b"old")

    def refuse(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["unkg.ttl"]


# Determinism -----------------------------------------------------------------------------

def _build_in_subprocess(out: Path, seed: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.Popen([sys.executable, "-m", "unkg.cli", "build", str(SAMPLES), "-o", str(out), "-q",
                             "--all-formats", "--gzip"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_builds_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    # The two builds run side by side: they share nothing but the inputs.
    builds = [_build_in_subprocess(tmp_path / "a", "1"), _build_in_subprocess(tmp_path / "b", "4242")]
    for build in builds:
        _, errors = build.communicate(timeout=600)
        assert build.returncode == 0, errors.decode("utf-8", "replace")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    # 5 documents, unkg.{ttl,nt,trig,jsonld} and their .gz, context.jsonld, void.ttl, 2 docs pages
    assert len(files) == 17
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_golden_dump_of_2322(dist: Path) -> None:
    """Byte-for-byte and graph-for-graph; UNKG_UPDATE_GOLDEN=1 rewrites the golden file."""
    produced = (dist / "documents" / "S-RES-2322-2016-zh.ttl").read_bytes()
    golden = GOLDEN / "S-RES-2322-2016-zh.ttl"
    if os.environ.get("UNKG_UPDATE_GOLDEN"):
        golden.write_bytes(produced)
    assert isomorphic(Graph().parse(data=produced, format="turtle"), Graph().parse(golden))
    assert produced == golden.read_bytes()
