"""Extract stage: bodies named in the units of the sample documents."""

from __future__ import annotations

from conftest import SHARED, sample

from unkg.bodies import resolve_anaphor, unit_mentions
from unkg.lexicon import load_lexicon
from unkg.profile import load_profile

BODY = "https://w3id.org/unkg/vocab/body/"
RES_2322, RES_2396, LETTER, RES_2617 = ("000_2a646b5f01fa77ee.txt", "001_fef54859da132cbf.txt",
                                        "003_64ff64efe628bbb7.txt", "004_ac69672ad7768d0f.txt")


def mentions(name: str, path: str) -> list[tuple[str, str | None]]:
    document = sample(name)
    return [(m.text, m.body and m.body.removeprefix(BODY)) for m in document.mentions if m.unit == path]


def test_committee_named_by_the_resolutions_that_set_it_up() -> None:
    assert mentions(RES_2396, "op/46") == [
        ("1267(1999)、1989(2011)和 2253(2015)号决议所设委员会", "Committee1267"),
        ("反恐怖主义委员会", "CTC"), ("安理会", "SecurityCouncil")]


def test_chair_of_a_committee_named_by_its_resolution() -> None:
    assert ("第 1540(2004)号决议所设委员会主席", "Committee1540Chair") in mentions(RES_2617, "op/18")


def test_longest_label_wins_and_letter_names_the_ctc_by_1373() -> None:
    found = mentions(LETTER, "p/1")
    assert found[:2] == [("安全理事会第 1373(2001)号决议所设委员会", "CTC"), ("安理会", "SecurityCouncil")]
    assert ("反恐怖主义委员会执行局", "CTED") in found


def test_examples_inside_a_group_are_mentions_of_their_own() -> None:
    assert mentions(RES_2396, "op/47")[:3] == [
        ("毒品和犯罪问题办公室", "UNODC"), ("反恐办公室", "UNOCT"), ("联合国相关实体", "UNEntities")]


def test_unknown_names_are_kept_unlinked_with_their_source_span() -> None:
    document = sample(LETTER)
    unlinked = [m for m in document.mentions if m.body is None and m.text == "全球合作安全中心"]
    assert len(unlinked) == 1
    span = unlinked[0].span
    assert document.source.text[span.start:span.end] == "全球合作安全中心"


def test_mention_counts_per_document() -> None:
    counts = {name: (len(sample(name).mentions), sum(1 for m in sample(name).mentions if m.body is None))
              for name in (RES_2322, RES_2396, LETTER, RES_2617)}
    assert counts == {RES_2322: (77, 1), RES_2396: (210, 2), LETTER: (221, 3), RES_2617: (335, 2)}


def test_national_authorities_are_not_relevant_states() -> None:
    # 2396 op/11: 提供给相关国家主管当局 (to the appropriate national authorities); pp/24: 协助有关国家 (relevant States).
    by_unit = {m.unit: m.body for m in sample(RES_2396).mentions if m.text.endswith(("国家", "主管当局"))}
    assert by_unit["op/11"] == BODY + "NationalAuthorities"
    assert by_unit["pp/24"] == BODY + "MemberStates"


def test_a_bare_head_word_means_the_last_body_so_named() -> None:
    profile, lexicon = load_profile("zh"), load_lexicon("zh")
    unit = next(u for u in sample(RES_2322).units if u.path == "op/22")
    before = unit_mentions(unit, profile, lexicon)
    assert resolve_anaphor("该委员会", before, profile, lexicon) == BODY + "CTC"
    assert resolve_anaphor("执行局", before, profile, lexicon) is None
    assert resolve_anaphor("委员会的工作", before, profile, lexicon) is None


def test_special_representatives_by_subject_in_both_languages() -> None:
    """2633 (2022) op/21 names two Special Representatives by subject and the High Commissioner;
    the Chinese and the English link to the same three posts."""
    from unkg.pipeline import load_document

    folder = SHARED / "corpus/unxml-dev/2022"
    for path in (folder / "English/S_RES_2633 (2022)-2208026E.xml", folder / "Chinese/S_RES_2633 (2022)-2208026C.xml"):
        directives = [d for d in load_document(path).directives if d.unit == "op/21"]
        assert [[a.rsplit("/", 1)[-1] for a in d.addressees] for d in directives] == [
            ["SRSGChildrenArmedConflict", "SRSGSexualViolenceConflict"], ["UNHighCommissionerHumanRights"]], path.name
