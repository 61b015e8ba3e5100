"""Extract stage: directives — verb, addressees, actions, report recipient, helpers, deadlines."""

from __future__ import annotations

from datetime import date

from conftest import SHARED, sample

from unkg.pipeline import load_document

BODY, VERB, ACT = ("https://w3id.org/unkg/vocab/body/", "https://w3id.org/unkg/vocab/verb/",
                   "https://w3id.org/unkg/vocab/action/")
RES_2322, RES_2396, RES_2482, RES_2617 = ("000_2a646b5f01fa77ee.txt", "001_fef54859da132cbf.txt",
                                          "002_1ce6e44335356221.txt", "004_ac69672ad7768d0f.txt")


def directives(name: str, path: str):
    return [d for d in sample(name).directives if d.unit == path]


def local(iris: tuple[str, ...], prefix: str = BODY) -> list[str]:
    return [i.removeprefix(prefix) for i in iris]


def test_cted_reports_to_the_ctc_within_ten_months() -> None:
    (d,) = directives(RES_2322, "op/21")
    assert (d.verb.removeprefix(VERB), local(d.addressees), local(d.report_to)) == ("requests", ["CTED"], ["CTC"])
    assert ACT + "prepareReport" in d.actions
    (deadline,) = d.deadlines
    assert (deadline.kind, deadline.text, deadline.due, deadline.offset) == (
        "RelativeToAdoption", "在 10 个月内", date(2017, 10, 12), "P10M")
    assert (local(d.assisted_by), local(d.consulting)) == (["UNODC"], ["CTITF"])
    assert sample(RES_2322).source.text[d.span.start:d.span.end].replace("\n", "").startswith("请反恐怖主义执行局在")


def test_a_lead_in_passes_its_verb_and_addressee_to_its_points() -> None:
    points = [d for d in sample(RES_2322).directives if d.unit.startswith("op/19/")]
    assert [(d.unit, d.verb.removeprefix(VERB), local(d.addressees), d.inherited) for d in points] == [
        ("op/19/a", "directs", ["CTC"], True), ("op/19/b", "directs", ["CTC"], True),
        ("op/19/c", "directs", ["CTC"], True), ("op/19/d", "directs", ["CTC"], True)]


def test_one_directive_per_directive_verb_of_a_paragraph() -> None:
    assert [(d.verb.removeprefix(VERB), local(d.addressees)) for d in directives(RES_2396, "op/50")] == [
        ("requests", ["UNOCT"]), ("requests", ["UNOCT"]), ("requests", ["UNOCT"]), ("callsUpon", ["MemberStates"])]
    assert [dl.due for d in directives(RES_2396, "op/50") for dl in d.deadlines] == [date(2018, 6, 30)]


def test_binding_decision_names_the_obliged_subject() -> None:
    first = directives(RES_2396, "op/15")[0]
    assert (first.verb.removeprefix(VERB), local(first.addressees)) == ("decides", ["MemberStates"])


def test_two_addressees_of_one_directive_and_two_recipients() -> None:
    (d,) = directives(RES_2617, "op/24")
    assert local(d.addressees) == ["UNOCT", "CTED"]
    assert local(d.report_to) == ["CTC", "GeneralAssembly"]
    assert d.deadlines[0].due == date(2022, 3, 30)


def test_a_group_introduced_by_its_examples() -> None:
    (d,) = directives(RES_2396, "op/47")
    assert local(d.addressees) == ["UNEntities"] and d.unlinked_addressees == ()


def test_a_described_addressee_is_kept_as_words() -> None:
    d = directives(RES_2482, "op/10")[0]
    assert d.addressees == () and d.unlinked_addressees == ("尚未采取和执行必要立法或其他措施的国家",)


def test_recurring_and_event_deadlines() -> None:
    (d18,) = directives(RES_2617, "op/18")
    assert [(x.kind, x.period, x.at_least) for x in d18.deadlines] == [("Recurring", "P1Y", True)]
    event = [x for d in directives(RES_2617, "op/16") for x in d.deadlines]
    assert [(x.kind, x.due, x.offset) for x in event] == [("RelativeToEvent", None, "P12M")]


def test_a_second_way_of_reporting_is_a_duty_of_its_own() -> None:
    # 2140 (2014) op/19 (e): "To report within 60 days to the Security Council on its work and
    # thereafter to report as deemed necessary by the Committee": two duties of one addressee,
    # each with its own time.
    document = load_document(SHARED / "corpus/unxml-dev/Pre-2020/2014/S_RES_2140_1424707e.xml")
    first, second = [d for d in document.directives if d.unit == "op/19/e"]
    assert first.addressees == second.addressees
    assert [(d.kind, d.offset) for d in first.deadlines] == [("RelativeToAdoption", "P60D")]
    assert second.text == "and thereafter to report as deemed necessary by the Committee" and second.deadlines == ()
    # "…审查…并提出建议…，并提交反恐委员会审议" is one deliverable, not two duties.
    (review,) = directives(RES_2617, "op/11")
    assert [d.text for d in review.deadlines] == ["在本决议通过后六个月内"]


def test_directive_counts_per_document() -> None:
    assert [len(sample(n).directives) for n in (RES_2322, RES_2396, RES_2482, RES_2617)] == [40, 66, 34, 49]
    assert sample("003_64ff64efe628bbb7.txt").directives == []


def test_a_condition_names_the_state_that_must_notify() -> None:
    # 1970 (2011) op/16 (d): "Where a State determines … and the States subsequently notifies the
    # Committee within forty-eight hours after making such a determination"; op/21: "after
    # notification by the relevant States to the Committee …, 10 working days prior to such
    # authorization". Neither names a body of the authority file; the profile pattern implies one.
    document = load_document(SHARED / "corpus/unxml-dev/Pre-2020/2011/S_RES_1970_N1124558.xml")
    (hours,) = [d for d in document.directives if d.unit == "op/16/d"]
    assert hours.addressees == (BODY + "MemberStates",) and hours.addressee_text == "the States"
    assert [(d.kind, d.offset, d.event) for d in hours.deadlines] == [
        ("RelativeToEvent", "PT48H", "making such a determination")]
    (before,) = [d for d in document.directives if d.unit == "op/21"]
    assert before.addressees == (BODY + "MemberStates",) and before.addressee_text == "the relevant States"
    assert [(d.kind, d.offset, d.event) for d in before.deadlines] == [
        ("RelativeToEvent", "-P10D", "such authorization")]


def test_as_notified_in_advance_is_no_duty() -> None:
    # 2588 (2021) op/1 (d): exempt supplies "as notified in advance to the Committee"; the duty
    # is op/2's: "the supplying Member State is primarily responsible for notifying the Committee".
    path = next((SHARED / "corpus/unxml-dev/2021/English").glob("S_RES_2588*"))
    document = load_document(path)
    assert [d.actions for d in document.directives if d.unit == "op/1/d"] == [(ACT + "provideAssistance",)]
    (notify, *_) = [d for d in document.directives if d.unit == "op/2"]
    assert notify.addressees == (BODY + "MemberStates",) and notify.addressee_text == "supplying Member State"


def test_an_offset_before_an_event_stops_at_what_the_report_carries() -> None:
    # 1928 (2010) op/2: "a final report … no later than thirty days prior to the termination of
    # its mandate with its findings and recommendations": the event is the termination; the
    # recommendations are the report's.
    document = load_document(SHARED / "corpus/unxml-dev/Pre-2020/2010/S_RES_1928_N1039147.xml")
    (panel,) = [d for d in document.directives if d.unit == "op/2"]
    assert [(d.offset, d.event) for d in panel.deadlines if d.kind == "RelativeToEvent"] == [
        ("-P30D", "the termination of its mandate")]
    assert ACT + "recommend" in panel.actions


def test_an_open_list_of_addressees_is_a_list_of_groups() -> None:
    # 1874 (2009) op/27: "Urges all States, relevant United Nations bodies and other interested
    # parties, to cooperate fully with the Committee and the Panel of Experts, in particular by
    # supplying any information at their disposal"; 2633 (2022) op/20 in Chinese: "促请各当事方和
    # 所有会员国以及国际、区域和次区域组织确保与专家小组合作，包括提供任何关于…的信息".
    res_1874 = load_document(SHARED / "corpus/unxml-dev/Pre-2020/2009/S_RES_1874_N0936849.xml")
    (urges,) = [d for d in res_1874.directives if d.unit == "op/27"]
    assert local(urges.addressees) == ["AllStates", "UNEntities", "InterestedParties"]
    assert ACT + "submit" in urges.actions
    res_2633 = load_document(SHARED / "corpus/unxml-dev/2022/Chinese/S_RES_2633 (2022)-2208026C.xml")
    calls, _ = [d for d in res_2633.directives if d.unit == "op/20"]
    assert local(calls.addressees) == ["Parties", "MemberStates", "RegionalOrganizations"]
    assert calls.addressee_text == "各当事方和所有会员国以及国际、区域和次区域组织"
    assert ACT + "submit" in calls.actions


def test_a_panel_named_by_the_resolution_that_set_its_mandate_is_not_minted_from_it() -> None:
    # 2633 (2022) op/18: "the mandate of the Panel of Experts as set out in paragraph 19 of
    # resolution 2428 (2018)": 2428 renewed the mandate, the Panel was set up by 2206 (2015), so
    # no PanelOfExperts2428 is minted; "decides that the Panel of Experts should provide to the
    # Council … an interim report by 1 December 2022" still names the Panel, unlinked. The same
    # holds for 2569's "as specified in paragraph 26 of resolution 1874 (2009)" in both languages.
    res_2633 = load_document(SHARED / "corpus/unxml-dev/2022/English" / "S_RES_2633 (2022)-2208026E.xml")
    assert [m.iri.rsplit("/", 1)[-1] for m in res_2633.minted if "Panel" in m.iri] == []
    _, provide = [d for d in res_2633.directives if d.unit == "op/18"]
    assert (provide.addressees, provide.unlinked_addressees) == ((), ("Panel of Experts",))
    assert [d.due for d in provide.deadlines] == [date(2022, 12, 1), date(2023, 5, 1)]
    for name, words in (("English/SC_2569_2021-E.xml", "Panel of Experts"), ("Chinese/SC_2569_2021-C.xml", "专家小组")):
        document = load_document(SHARED / "corpus/unxml-dev/2021" / name)
        panel = [d for d in document.directives if d.unit == "op/2"]
        assert [(d.addressees, d.unlinked_addressees) for d in panel] == [((), (words,))] * 4, name


def test_a_title_among_the_points_passes_the_lead_in_through() -> None:
    # 2149 (2014) op/30: "Decides that the mandate of MINUSCA shall initially focus on the
    # following priority tasks:", (e) "Promotion and protection of human rights" (a title),
    # (e)(i) "To monitor, help investigate and report publicly and to the Security Council on
    # violations …": the task under the title is MINUSCA's.
    document = load_document(SHARED / "corpus/unxml-dev/Pre-2020/2014/S_RES_2149_1429581e.xml")
    (report,) = [d for d in document.directives if d.unit == "op/30/e/i"]
    assert (local(report.addressees), report.inherited) == (["MINUSCA"], True)
    assert ACT + "report" in report.actions and local(report.report_to) == ["SecurityCouncil"]
    # So are the protection tasks under the title (a) "Protection of civilians".
    protect = [d for d in document.directives if d.unit.startswith("op/30/a/")]
    assert [local(d.addressees) for d in protect] == [["MINUSCA"]] * 4


def test_an_assessment_by_a_date_is_a_deliverable() -> None:
    # 2633 (2022) op/5: "Requests in this regard the Secretary-General, in close consultation with
    # … UNMISS and the Panel of Experts, to conduct, no later than 15 April 2023, an assessment of
    # progress"; the Chinese of 2600 (2021) op/3 "向安全理事会转达这一评估的结果" transmits one.
    res_2633 = load_document(SHARED / "corpus/unxml-dev/2022/English" / "S_RES_2633 (2022)-2208026E.xml")
    (assess,) = [d for d in res_2633.directives if d.unit == "op/5"]
    assert local(assess.addressees) == ["SecretaryGeneral"] and assess.addressee_text == "Secretary-General"
    assert ACT + "submit" in assess.actions and [d.due for d in assess.deadlines] == [date(2023, 4, 15)]
    res_2600 = load_document(next((SHARED / "corpus/unxml-dev/2021/Chinese").glob("*2600*")))
    (transmit,) = [d for d in res_2600.directives if d.unit == "op/3"]
    assert local(transmit.addressees) == ["SecretaryGeneral"] and ACT + "submit" in transmit.actions


def test_a_request_reiterated_to_the_secretary_general_and_his_envoys() -> None:
    # 2171 (2014) op/19: "Reiterates its request to the Secretary-General and his Special Envoys
    # and Special Representatives to United Nations missions, as part of their regular briefings,
    # to update the Council on progress in inviting women to participate …".
    path = next((SHARED / "corpus/unxml-dev/Pre-2020/2014").glob("S_RES_2171_*"))
    (update,) = [d for d in load_document(path).directives if d.unit == "op/19"]
    assert update.verb_text == "Reiterates its request to"
    assert local(update.addressees) == ["SecretaryGeneral", "SpecialEnvoy", "SpecialRepresentative"]
    assert update.actions == (ACT + "provideUpdate",) and local(update.report_to) == ["SecurityCouncil"]


RES_1526 = SHARED / "corpus/unxml-dev/Pre-2020/2004/S_RES_1526_N0422669.xml"


def test_an_addressee_with_no_words_of_its_own_shares_the_next_verbs_duty() -> None:
    # 1526 (2004) op/14: "Requests all States, and encourages regional organizations, relevant
    # United Nations bodies, and, as appropriate, other organizations and interested parties to
    # cooperate fully with the Committee …, including supplying such information as may be sought".
    requests, encourages = [d for d in load_document(RES_1526).directives if d.unit == "op/14"]
    assert local(requests.addressees) == ["AllStates"]
    assert requests.actions == encourages.actions == (ACT + "cooperate", ACT + "submit")
    assert local(encourages.addressees) == ["RegionalOrganizations", "UNEntities", "OtherOrganizations",
                                           "InterestedParties"]


def test_passive_agents_possessives_and_bare_states() -> None:
    document = load_document(RES_1526)
    by_unit = lambda path: [d for d in document.directives if d.unit == path]  # noqa: E731
    # op/19: "further requests, that the Committee’s list, whenever amended, be automatically
    # conveyed by the Secretariat to all States": the agent acts, the possessive is no addressee.
    _, convey = by_unit("op/19")
    assert (local(convey.addressees), convey.actions) == (["Secretariat"], (ACT + "submit",))
    # op/20: "invites States to report the results … to the Committee": bare "States" as a whole
    # addressee (unkg:addresseeLabel); "Reiterates the urgency for all States to … inform the Committee".
    urges, invites = by_unit("op/20")
    assert (urges.verb, local(urges.addressees)) == (VERB + "urges", ["AllStates"])
    assert (local(invites.addressees), invites.addressee_text) == (["AllStates"], "States")
    # op/13: "to circulate within 17 months after the adoption of this resolution a written
    # analytical assessment to the Council": the deadline ends at "this resolution".
    (circulate,) = by_unit("op/13")
    assert [(d.text, d.due) for d in circulate.deadlines] == [
        ("within 17 months after the adoption of this resolution", date(2005, 6, 30))]
    assert ACT + "prepareReport" in circulate.actions and local(circulate.report_to) == ["SecurityCouncil"]


def test_an_annexed_task_list_lays_each_task_on_its_body() -> None:
    # 1526's annex (in its body) and 2253's Annex I (an attached document): "the … Monitoring
    # Team shall operate under the direction of the Committee … and shall have the following
    # responsibilities:", then one point per task.
    annex = [d for d in load_document(RES_1526).directives if d.unit.startswith("annex/")]
    assert [d.unit for d in annex] == [f"annex/1/p/{n}" for n in range(1, 11)]
    assert {local(d.addressees)[0] for d in annex} == {"MonitoringTeam"}
    (report,) = [d for d in annex if d.unit == "annex/1/p/8"]
    assert ACT + "report" in report.actions and local(report.report_to) == ["Committee1267"]
    res_2253 = load_document(SHARED / "corpus/unxml-dev/Pre-2020/2015/S_RES_2253_1522456E.xml")
    assert [u.text for u in res_2253.units if u.kind.value == "annex"] == ["Annex I", "Annex II"]
    (submit,) = [d for d in res_2253.directives if d.unit == "annex/1/p/2"]
    assert local(submit.addressees) == ["MonitoringTeam"] and local(submit.report_to) == ["Committee1267"]
    assert [(d.kind, d.period, d.due) for d in submit.deadlines] == [
        ("Recurring", "P6M", None), ("Absolute", None, date(2016, 6, 30))]
