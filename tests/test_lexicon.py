"""The vocabularies of ontology/ as the loader reads them: bodies, verbs, modifiers, actions."""

from __future__ import annotations

from unkg.lexicon import load_lexicon

BODY = "https://w3id.org/unkg/vocab/body/"
VERB = "https://w3id.org/unkg/vocab/verb/"


def test_every_chinese_label_names_one_body() -> None:
    zh = load_lexicon("zh")
    assert zh.body_for_label("反恐执行局") == zh.body_for_label("反恐怖主义委员会执行局") == BODY + "CTED"
    assert zh.body_for_label("反恐怖主义委员会") == BODY + "CTC"
    assert zh.body_for_label("际刑警组织") == BODY + "INTERPOL"  # hiddenLabel: a PDF line break ate 国
    assert zh.body_for_label("委员会") is None


def test_body_kinds_follow_their_types() -> None:
    bodies = load_lexicon("zh").bodies
    assert bodies[BODY + "SecretaryGeneral"].kind == "post"
    assert bodies[BODY + "CTCChair"].post_in == BODY + "CTC"
    assert bodies[BODY + "MemberStates"].kind == "group"
    assert bodies[BODY + "ICAO"].kind == "organisation"


def test_bodies_established_by_most_shared_numbers_first() -> None:
    zh = load_lexicon("zh")
    assert [b.iri for b in zh.bodies_established_by({1267, 1989, 2253})][:2] == [
        BODY + "Committee1267", BODY + "MonitoringTeam"]
    assert [b.iri for b in zh.bodies_established_by({1526, 2253})][0] == BODY + "MonitoringTeam"
    assert [b.iri for b in zh.bodies_established_by({1373})] == [BODY + "CTC"]


def test_verbs_carry_strength_rank_and_guards() -> None:
    zh = load_lexicon("zh")
    requests = zh.verbs[VERB + "requests"]
    assert (requests.strength.rsplit("/", 1)[1], requests.rank, requests.directive) == ("Directive", 3, True)
    assert requests.not_followed_by == ("求", "愿")
    assert zh.verbs[VERB + "decides"].rank == 4 and not zh.verbs[VERB + "recalls"].directive
    assert zh.verb_by_form["强调指出"] == VERB + "emphasizes"
    assert zh.modifier_by_form["再次"].endswith("/again")


def test_english_is_the_same_data_in_another_language() -> None:
    en = load_lexicon("en")
    assert en.body_for_label("counter-terrorism committee executive directorate") == BODY + "CTED"
    assert en.verb_by_form["requests"] == VERB + "requests"
    assert en.body_pattern.search("the Counter-Terrorism Committee Executive Directorate (CTED)").group(0) == \
        "Counter-Terrorism Committee Executive Directorate"


def test_a_language_without_data_gives_an_empty_lexicon() -> None:
    fr = load_lexicon("fr")
    assert fr.body_pattern is None and fr.verbs == {} and fr.actions == ()
    assert all(body.labels == () for body in fr.bodies.values())
