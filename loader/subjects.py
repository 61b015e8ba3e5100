"""Publish stage: labels for the classification concepts documents are filed under.

AKN4UN files a resolution under UNBIS, EuroVoc and SDG concepts by IRI only. A user who
has a label table (such as the UNBIS Thesaurus's Chinese labels) passes it to
``unkg build --subject-labels FILE``; the labels of the concepts the loaded documents use go
into their own named graph (subjects.ttl), so the thesaurus itself is never copied whole.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from .model import UnkgError

_LABEL_COLUMN = re.compile(r"^prefLabel_(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]+)*)$")


def read_subject_labels(path: Path) -> dict[str, list[Literal]]:
    """A label table: CSV with a ``concept_uri`` column and ``prefLabel_<lang>`` columns."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise UnkgError(path.name, f"cannot read the label table ({err})") from None
    reader = csv.DictReader(io.StringIO(text))
    columns = [(c, m.group("lang")) for c in reader.fieldnames or () if (m := _LABEL_COLUMN.match(c))]
    if "concept_uri" not in (reader.fieldnames or ()) or not columns:
        raise UnkgError(path.name, "a label table needs a concept_uri column and prefLabel_<lang> columns")
    labels: dict[str, list[Literal]] = {}
    for row in reader:
        for column, lang in columns:
            if row.get(column, "").strip():
                labels.setdefault(row["concept_uri"].strip(), []).append(Literal(row[column].strip(), lang=lang))
    return labels


def subject_graph(documents: list[Graph], tables: list[dict[str, list[Literal]]]) -> Graph:
    """skos:prefLabel of every dcterms:subject the documents use that a table labels."""
    used = {str(o) for graph in documents for o in graph.objects(None, DCTERMS.subject)}
    graph = Graph()
    graph.bind("skos", SKOS)
    for table in tables:
        for iri in sorted(used & set(table)):
            for label in table[iri]:
                graph.add((URIRef(iri), SKOS.prefLabel, label))
    return graph
