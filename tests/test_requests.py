"""Requests end to end: the canned reporting, deadline and status queries on the built samples."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from rdflib import Graph

from unkg.query import canned_queries, run_local
from unkg.validate import ontology_graph

EXPECTED = tomllib.loads(Path(__file__).with_name("obligations.toml").read_text(encoding="utf-8"))["row"]
COLUMNS = ("resolution", "paragraph", "body", "action", "reportTo", "deadline", "deadlineText", "deadlineKind",
           "recurrence")


@pytest.fixture(scope="module")
def graph(built) -> Graph:
    out, _ = built
    return Graph().parse(out / "unkg.ttl") + ontology_graph()


def rows(graph: Graph, name: str, **params: str) -> list[dict[str, str]]:
    """A canned query's rows as dicts of plain strings ("" for unbound), local names for IRIs."""
    result = run_local(canned_queries()[name], graph, params)
    return [{v: str(row.get(v, "")).rsplit("/body/", 1)[-1] for v in result.variables} for row in result.rows]


def test_reporting_obligations_are_exactly_the_checked_table(graph: Graph) -> None:
    produced = [{c: row[c] for c in COLUMNS} for row in rows(graph, "reporting-obligations")]
    assert produced == EXPECTED


def test_every_resolution_with_a_reporting_paragraph_is_listed(graph: Graph) -> None:
    found = {(r["resolution"], r["paragraph"]) for r in rows(graph, "reporting-obligations")}
    assert {("S/RES/2322 (2016)", "op/21"), ("S/RES/2322 (2016)", "op/22"), ("S/RES/2482 (2019)", "op/25"),
            ("S/RES/2617 (2021)", "op/18")} <= found


def test_deadlines_between_two_dates(graph: Graph) -> None:
    due = [(r["deadline"], r["resolution"], r["paragraph"], r["body"])
           for r in rows(graph, "deadlines-between", **{"from": "2017-01-01", "to": "2018-12-31"})]
    assert due == [("2017-10-12", "S/RES/2322 (2016)", "op/21", "CTED"),
                   ("2017-12-12", "S/RES/2322 (2016)", "op/22", "CTC"),
                   ("2018-06-30", "S/RES/2396 (2017)", "op/50", "UNOCT")]


def test_requests_by_body_accepts_acronym_label_and_iri(graph: Graph) -> None:
    by_acronym = rows(graph, "requests-by-body", body="cted")
    assert by_acronym == rows(graph, "requests-by-body", body="反恐执行局")
    assert by_acronym == rows(graph, "requests-by-body", body="https://w3id.org/unkg/vocab/body/CTED")
    paragraphs = {(r["resolution"], r["paragraph"]) for r in by_acronym}
    assert ("S/RES/2322 (2016)", "op/21") in paragraphs and ("S/RES/2617 (2021)", "op/24") in paragraphs
    assert all(r["resolution"] != "S/RES/2482 (2019)" or r["paragraph"] == "op/23" for r in by_acronym)
    assert rows(graph, "requests-by-body", body="no such body") == []


def status(graph: Graph, as_of: str) -> dict[tuple[str, str, str], str]:
    return {(r["resolution"], r["paragraph"], r["body"]): r["status"]
            for r in rows(graph, "obligation-status", asOf=as_of)}


def test_status_before_the_letter_is_open(graph: Graph) -> None:
    seen = status(graph, "2017-11-01")
    assert seen[("S/RES/2322 (2016)", "op/22", "CTC")] == "open"
    assert seen[("S/RES/2322 (2016)", "op/21", "CTED")] == "fulfilled on time"
    assert not any(key[0] in {"S/RES/2482 (2019)", "S/RES/2617 (2021)"} for key in seen)


def test_status_after_the_deadline_and_before_the_letter_is_overdue(graph: Graph) -> None:
    assert status(graph, "2017-12-13")[("S/RES/2322 (2016)", "op/22", "CTC")] == "overdue"


def test_status_after_the_letter_is_fulfilled_late(graph: Graph) -> None:
    seen = status(graph, "2018-01-01")
    assert seen[("S/RES/2322 (2016)", "op/22", "CTC")] == "fulfilled late"
    assert seen[("S/RES/2396 (2017)", "op/50", "UNOCT")] == "open"
    assert status(graph, "2018-07-01")[("S/RES/2396 (2017)", "op/50", "UNOCT")] == "overdue"


def test_bodies_query_ranks_by_strength(graph: Graph) -> None:
    counts = {(r["body"], r["strength"]): int(r["directives"]) for r in rows(graph, "bodies")}
    assert counts[("CTC", "directive")] >= 5
    assert counts[("MemberStates", "binding")] == 4
