"""Publish stage: labels for the classification concepts, from a table the user gives."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from conftest import SHARED

from unkg.cli import main
from unkg.dumps import SUBJECTS_GRAPH
from unkg.store import LocalStore

UNBIS_ZH = SHARED / "corpus" / "unbis-zh" / "unbis_thesaurus_prefLabel_zh.csv"
XML_2617 = SHARED / "corpus" / "unxml-akn" / "zh" / "S_RES_2617_2021-2119887C.xml"


def test_unbis_concepts_of_2617_get_their_chinese_labels(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(XML_2617), "-o", str(tmp_path), "-q", "--no-docs",
                                       "--subject-labels", str(UNBIS_ZH)])
    assert result.exit_code == 0, result.output
    labels = Graph().parse(tmp_path / "subjects.ttl")
    used = {o for o in Graph().parse(tmp_path / "unkg.ttl").objects(None, URIRef("http://purl.org/dc/terms/subject"))
            if str(o).startswith("http://metadata.un.org/thesaurus/")}
    assert set(labels.subjects()) == used and len(used) == 18
    assert (URIRef("http://metadata.un.org/thesaurus/1001012"), SKOS.prefLabel, Literal("民间团体", lang="zh")) in labels
    dataset = Graph().parse(tmp_path / "unkg.ttl")
    assert all(t in dataset for t in labels)
    store = LocalStore(tmp_path / "store")
    assert store.load_build(tmp_path).graphs[str(SUBJECTS_GRAPH)] == len(labels)


def test_a_table_without_its_columns_is_refused_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "labels.csv"
    bad.write_text("iri,label\nhttp://x/1,y\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(XML_2617), "-o", str(tmp_path / "out"), "-q",
                                       "--subject-labels", str(bad)])
    assert result.exit_code == 2
    assert result.output.strip() == ("unkg: labels.csv: a label table needs a concept_uri column and "
                                     "prefLabel_<lang> columns")
    assert not (tmp_path / "out").exists()
