"""False events from general extraction errors: a participle describing a party misread as the main
verb ("the journalists arrested for ... were freed"), many acts summed up as one ("has launched
many attacks during its campaign"), and a reflexive target ("shelled itself")."""

from __future__ import annotations

from functools import lru_cache

import pytest

from thucydides.extract import Lexicon, extract
from thucydides.extract.reparse import reduced_relatives
from thucydides.nlp import parse
from thucydides.records import HAPPENED, Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="c", text=text)]), lex())


def happened(text: str) -> list[Mention]:
    return [m for m in mentions(text) if m.status in HAPPENED]


# --- a reduced relative misread as the main verb ---------------------------------------------

@pytest.mark.parametrize("text", [
    "The journalists arrested for filming the protest were freed on Monday.",
    "The officers detained over the coup attempt were released by the army.",
])
def test_a_participle_describing_the_freed_party_is_no_arrest(text: str) -> None:
    ms = happened(text)
    assert [m.type.cameo for m in ms if (m.type.cameo or "").startswith("17")] == []
    freed = [m for m in ms if m.type.plover == "retreat"]
    assert len(freed) == 1
    assert freed[0].actor2 is not None
    assert freed[0].actor2.text in ("journalists", "officers")


def test_the_garden_path_is_regrafted_on_a_copy() -> None:
    pdoc = parse([Document(id="c", text="The officers detained over the coup attempt were "
                                         "released by the army.")])[0]
    toks = pdoc.tokens
    fixed = reduced_relatives(toks)
    by_text = {t.text: t for t in fixed}
    assert by_text["detained"].dep == "acl" and by_text["detained"].tag == "VBN"
    assert fixed[by_text["detained"].head].text == "officers"
    assert by_text["officers"].dep == "nsubjpass"
    assert fixed[by_text["officers"].head].text == "released"
    assert by_text["released"].dep == "ROOT"
    assert fixed is not toks and any(a is not b for a, b in zip(fixed, toks, strict=True))


def test_coordinated_verbs_with_a_conjunction_are_left_alone() -> None:
    pdoc = parse([Document(id="c", text="Police arrested the two men and were praised by the "
                                         "mayor.")])[0]
    assert reduced_relatives(pdoc.tokens) is pdoc.tokens


@pytest.mark.parametrize(("text", "freed"), [
    ("The men abducted near the border have been released, officials said.", "men"),
    ("Two aid workers kidnapped near the border were freed by the army.", "Two aid workers"),
])
def test_a_participle_after_a_subject_is_passive(text: str, freed: str) -> None:
    ms = happened(text)
    assert [m.type.plover for m in ms] == ["retreat"]
    assert ms[0].actor2 is not None and ms[0].actor2.text == freed


def test_an_arrest_with_its_own_day_stays_beside_the_release() -> None:
    ms = happened("The journalists detained by police on Friday were freed.")
    assert sorted(m.type.plover for m in ms) == ["coerce", "retreat"]


def test_an_arrest_told_as_the_main_verb_stays() -> None:
    ms = happened("Police arrested four journalists for filming the protest on Monday.")
    assert [m.type.cameo for m in ms] == ["173"]


# --- many acts summed up ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Taliban has carried out many suicide bombings during its long insurgency in Afghanistan.",
    "Rebels have staged dozens of raids on army posts since 2015.",
    "The group carried out hundreds of attacks during its campaign.",
    "Al-Shabaab has staged countless attacks in Somalia.",
    "Rebels have carried out several attacks on the garrison over the course of the war.",
])
def test_many_acts_summed_up_are_no_event(text: str) -> None:
    assert [m.trigger for m in happened(text) if m.type.plover == "assault"] == []


@pytest.mark.parametrize("text", [
    "Militants launched several attacks on police stations on Monday.",
    "Russia launched several drone attacks on Kyiv overnight.",
    "Gunmen carried out dozens of attacks on the town on 3 May 2021.",
    "Rebels staged three raids on army posts last week.",
])
def test_a_count_of_acts_on_one_day_stays(text: str) -> None:
    assert [m for m in happened(text) if m.type.plover == "assault"] != []


@pytest.mark.parametrize("text", [
    "Rebels have attacked the garrison many times since 2015.",
    "The army has shelled the village several times during the war.",
    "Gunmen have kidnapped dozens of aid workers since 2019.",
    "Police have arrested hundreds of protesters since 2020.",
])
def test_a_verb_told_of_many_acts_is_no_event(text: str) -> None:
    assert happened(text) == []


@pytest.mark.parametrize("text", [
    "Troops shelled the village several times on Monday.",
    "Police arrested hundreds of protesters on Monday.",
    "Gunmen kidnapped dozens of aid workers near the border.",
])
def test_a_verb_told_of_a_count_without_a_span_stays(text: str) -> None:
    assert len(happened(text)) == 1


# --- a reflexive target -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "agent"), [
    ("The militia attacked itself on Monday.", "militia"),
    ("Moscow said the Ukrainians had fired on themselves.", "Ukrainians"),
])
def test_a_reflexive_target_is_the_agent(text: str, agent: str) -> None:
    ms = [m for m in mentions(text) if m.type.plover == "assault"]
    assert ms
    for m in ms:
        assert m.actor1 is not None and m.actor1.text == agent
        assert m.actor2 is not None and m.actor2.text == agent


def test_a_stressing_reflexive_is_no_target() -> None:
    ms = [m for m in mentions("The prisoners were freed on Friday by the president himself.")
          if m.type.plover == "retreat"]
    assert ms and ms[0].actor2 is not None and ms[0].actor2.text == "prisoners"


def test_a_self_destruction_names_no_target() -> None:
    ms = [m for m in mentions("Two bombers blew themselves up outside a police station on "
                              "Sunday.") if m.type.plover == "assault"]
    assert ms and all(m.actor2 is None or m.actor2.text != "themselves" for m in ms)
    assert all(m.actor2 is None or "bombers" not in m.actor2.text for m in ms)


def test_a_self_handed_over_goes_to_its_recipient() -> None:
    ms = [m for m in mentions("The gunman surrendered himself to the police on Monday.")
          if m.actor1 is not None and m.actor1.text == "gunman"]
    assert ms and all(m.actor2 is not None and m.actor2.text == "police" for m in ms)
