"""CAMEO coding of single sentences: intentions, travel advice, places as parties, leaders by date.
Texts are written for these tests."""

from __future__ import annotations

from functools import lru_cache

import pytest

from thucydides.config import Settings
from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.pipeline import Toolkit, extract_events
from thucydides.records import Document, Event, Mention
from thucydides.resolve.actors import ActorDictionary


@lru_cache(maxsize=1)
def kit() -> Toolkit:
    return Toolkit.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), Lexicon.load())


def events(text: str) -> list[Event]:
    doc = Document(id="d", text=text, published="2019-03-12")
    return extract_events([doc], Settings(progress=False), kit())


def triples(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.actor1.country if e.actor1 else None, e.actor2.country if e.actor2 else None,
             e.cameo_code) for e in events(text) if e.status in ("occurred", "claimed")}


@pytest.mark.parametrize("text", [
    "Turkey agreed to impose sanctions on Chile.",
    "Norway pledged to expel two Peruvian diplomats.",
])
def test_announced_hostile_act_is_no_intent_to_cooperate(text: str) -> None:
    ms = mentions(text)
    assert not [m for m in ms if (m.type.cameo or "").startswith("03")]
    assert all(m.status != "occurred" for m in ms)


def test_intent_to_end_hostilities_stays_an_intention() -> None:
    ms = mentions("The rebels agreed to stop attacks on the capital.")
    assert [(m.type.cameo, m.status) for m in ms if m.status == "occurred"] == [("030", "occurred")]


def test_event_noun_takes_the_status_of_its_own_verb() -> None:
    ms = mentions("Turkey agreed to impose sanctions on Chile.")
    assert [(m.type.cameo, m.status) for m in ms] == [("163", "hypothetical")]
    ms = mentions("Turkey imposed sanctions on Chile on Monday.")
    assert [(m.type.cameo, m.status) for m in ms] == [("163", "occurred")]


def test_travel_advice_reduces_relations_with_the_destination() -> None:
    ms = mentions("Britain advised against all travel to Mali on Friday.")
    assert [(m.type.cameo, m.actor1.text if m.actor1 else None,
             m.actor2.text if m.actor2 else None) for m in ms] == [("160", "Britain", "Mali")]
    assert mentions("The doctor advised against surgery.") == []


def test_a_place_as_party_stands_for_its_state() -> None:
    assert ("RUS", "USA", "150") in triples(
        "Russia is holding military exercises in Texas this week.")


@pytest.mark.parametrize(("text", "date", "country"), [
    ("President Bush", "2003-03-20", "USA"),
    ("George W. Bush", None, "USA"),
    ("Nicolas Sarkozy", "2009-01-01", "FRA"),
    ("Michel Aoun", "2018-06-01", "LBN"),
    ("Nouri al-Maliki", "2010-01-01", "IRQ"),
])
def test_earlier_leaders_resolve_to_their_state(text: str, date: str | None, country: str) -> None:
    ref = ActorDictionary.load().resolve(text, date=date)
    assert ref is not None and ref.country == country


def test_claim_that_another_attacked_is_an_accusation_against_the_attacker() -> None:
    ms = mentions("Chile claimed that the rebels had attacked Peru.")
    got = {(m.type.cameo, m.status, m.actor1.text if m.actor1 else None,
            m.actor2.text if m.actor2 else None) for m in ms}
    assert got == {("112", "occurred", "Chile", "rebels"), ("190", "claimed", "rebels", "Peru")}


@pytest.mark.parametrize("text", [
    "Chile claimed that it had attacked Peru.",
    "The rebels claimed that their fighters had seized the town.",
    "Chile claimed that the talks had gone well.",
])
def test_claim_of_an_own_or_peaceful_act_accuses_no_one(text: str) -> None:
    assert not [m for m in mentions(text) if m.type.cameo == "112"]


def test_what_someone_was_jailed_for_is_no_event_of_its_own() -> None:
    ms = mentions("Police arrested two men for attacking a checkpoint.")
    assert [m.type.cameo for m in ms] == ["173"]


def test_misparsed_bare_infinitive_of_a_charge_is_no_event() -> None:
    from dataclasses import replace

    from thucydides.extract import extract_mentions
    text = "A court in Lima jailed a Bolivian driver for helping young fighters join a militia."
    pdoc = parse([Document(id="d", text=text)])[0]
    at = {t.text: t.i for t in pdoc.tokens}
    assert [m.type.cameo for m in extract_mentions(pdoc, Lexicon.load())] == ["173"]
    # the parse a small model often gives: "join" a conjunct of "jailed", "fighters" an object
    pdoc.tokens[at["join"]] = replace(pdoc.tokens[at["join"]], dep="conj", tag="VB",
                                      head=at["jailed"])
    pdoc.tokens[at["fighters"]] = replace(pdoc.tokens[at["fighters"]], dep="dobj",
                                          head=at["helping"])
    assert [m.type.cameo for m in extract_mentions(pdoc, Lexicon.load())] == ["173"]
