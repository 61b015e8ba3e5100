"""Extract stage: the verbs that open paragraphs and clauses, with their modifiers."""

from __future__ import annotations

from collections import Counter

from conftest import sample

from unkg.lexicon import load_lexicon
from unkg.model import Kind, Span, Unit
from unkg.profile import load_profile
from unkg.verbs import unit_verbs

VERB, MOD = "https://w3id.org/unkg/vocab/verb/", "https://w3id.org/unkg/vocab/verb-modifier/"
RES_2322, RES_2396, RES_2617 = "000_2a646b5f01fa77ee.txt", "001_fef54859da132cbf.txt", "004_ac69672ad7768d0f.txt"


def uses(name: str, path: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(v.text, v.verb.removeprefix(VERB), tuple(m.removeprefix(MOD) for m in v.modifiers))
            for v in sample(name).verbs if v.unit == path]


def test_every_clause_verb_of_a_paragraph_in_order() -> None:
    assert uses(RES_2396, "op/50") == [("请", "requests", ()), ("还请", "requests", ("also",)),
                                       ("还请", "requests", ("also",)), ("促请", "callsUpon", ())]


def test_modifiers_are_read_before_the_verb() -> None:
    assert uses(RES_2617, "pp/8")[0] == ("最强烈地谴责", "condemns", ("inStrongestTerms",))
    assert uses(RES_2617, "op/36")[0] == ("再次呼吁", "callsUpon", ("again",))


def test_continuing_is_a_modifier_of_the_verb_it_continues() -> None:
    """表示继续关切 is "expressing continued concern"; 继续决心 is "remaining determined"."""
    assert uses(RES_2396, "pp/12")[0] == ("表示继续关切", "expressesConcern", ())
    assert uses(RES_2617, "pp/2")[1] == ("继续决心", "determines", ("continues",))
    assert uses(RES_2617, "pp/26")[0] == ("肯定", "recognizes", ())   # "Acknowledging" in the English


def test_longest_form_wins() -> None:
    assert [u[1] for u in uses(RES_2322, "pp/6")] == ["expressesConcern", "reaffirms", "emphasizes"]


def test_verb_counts_per_document() -> None:
    assert [len(sample(n).verbs) for n in (RES_2322, RES_2396, RES_2617)] == [62, 141, 188]
    operative = Counter(v.verb.removeprefix(VERB) for v in sample(RES_2322).verbs if v.unit.startswith("op"))
    assert (operative["callsUpon"], operative["requests"], operative["directs"]) == (9, 4, 1)


def test_a_form_followed_by_its_guard_is_not_the_verb() -> None:
    text = "请求会员国提供协助；请秘书长报告"
    unit = Unit(Kind.OPERATIVE, "op/1", "1", 1, text, Span(0, len(text)), tuple(range(len(text))))
    found = unit_verbs(unit, load_profile("zh"), load_lexicon("zh"))
    assert [(v.text, v.start) for v in found] == [("请", 10)]
