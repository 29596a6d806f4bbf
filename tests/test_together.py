"""Triggers of one sentence read together: one attack told by several words shares its agent and
date; background told about a party (relative clauses) is no new event; accidents are no attacks."""

from __future__ import annotations

from functools import lru_cache

import pytest

from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.records import HAPPENED, Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="t", text=text)]), lex())


def happened(text: str) -> list[Mention]:
    return [m for m in mentions(text) if m.status in HAPPENED]


@pytest.mark.parametrize("text", [
    "Two children were killed when Iran struck targets in a village late on Tuesday, in an "
    "attack that Islamabad called a violation of its airspace.",
    "Three farmers were killed and two boys injured when Turkey struck targets near the border "
    "late on Sunday, in an attack that Baghdad called a breach of its sovereignty.",
])
def test_casualty_verb_and_apposed_attack_share_the_strikers_agent_and_date(text: str) -> None:
    assaults = [m for m in mentions(text) if m.type.plover == "assault"]
    assert assaults
    striker = "Iran" if "Iran" in text else "Turkey"
    when = "late on Tuesday" if "Tuesday" in text else "late on Sunday"
    for m in assaults:
        assert m.actor1 is not None and m.actor1.text == striker, m.trigger
        assert [d.text for d in m.dates] == [when], m.trigger
    assert sum(f.best or 0 for m in assaults for f in m.figures if f.kind == "killed") in (2, 3)


def test_no_agent_across_a_time_clause() -> None:
    ms = mentions("Two soldiers were killed in a roadside bombing on Sunday, two days after "
                  "troops raided a village near the border.")
    bombing = next(m for m in ms if m.trigger == "bombing")
    assert bombing.actor1 is None
    raid = next(m for m in ms if m.trigger == "raided")
    assert raid.actor1 is not None and raid.actor1.text == "troops"


def test_present_perfect_relative_clause_about_a_group_is_background() -> None:
    text = ("Jund al-Haqq is an armed group that has carried out attacks on border guards in "
            "the region.")
    assert happened(text) == []


def test_dated_relative_clause_still_tells_an_event() -> None:
    ms = happened("The group that attacked the border post on Monday fled into the hills.")
    assert [m.trigger for m in ms] == ["attacked"]


def test_relative_clause_about_a_party_of_another_event_is_background() -> None:
    ms = happened("The activists who were detained during the protest were freed on Friday by "
                  "the authorities.")
    assert [m.trigger for m in ms] == ["freed"]
    assert ms[0].actor2 is not None and ms[0].actor2.text == "activists"


def test_deaths_in_an_accident_are_no_attack() -> None:
    assert mentions("Twelve people were killed in a bus crash near the city on Monday.") == []
    assert mentions("The earthquake killed 40 people.") == []
    assert [m.trigger for m in mentions("Gunmen killed 40 people.")] == ["killed"]


def test_ongoing_operation_in_a_relative_clause_is_background() -> None:
    ms = happened("The forces abducted members of the group from a prison in northern Syria where "
                  "Ankara is conducting a military operation.")
    assert [m.trigger for m in ms] == ["abducted"]
