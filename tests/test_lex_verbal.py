"""CAMEO coding of verbal and diplomatic acts: sympathy (018), thanks (051), evidence against a
party (112), investigations (090), pressure (100), refusals of support or permission (12x), and
the party such an act goes to when its object is a thing ("permission *to Bolivia*"). Texts are
written for these tests."""

from __future__ import annotations

import pytest

from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.records import Document, Mention


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), Lexicon.load())


def occurred(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(m.type.cameo, m.actor1.text if m.actor1 else None, m.actor2.text if m.actor2 else None)
            for m in mentions(text) if m.status == "occurred"]


@pytest.mark.parametrize(("text", "target"), [
    ("Ecuador expressed its condolences to Colombia after the landslide.", "Colombia"),
    ("The Kenyan president sent condolences to the people of Tanzania.", "Tanzania"),
    ("Norway offered its sympathy to Sweden over the ferry disaster.", "Sweden"),
])
def test_sympathy_to_a_party_is_an_empathetic_comment(text: str, target: str) -> None:
    assert [(c, a2) for c, _, a2 in occurred(text) if c == "018"] == [("018", target)]


def test_sympathy_to_no_party_is_no_event() -> None:
    text = "The minister expressed condolences to the families of the miners who died."
    assert not [c for c, _, _ in occurred(text) if c == "018"]


@pytest.mark.parametrize(("text", "target"), [
    ("Bolivia thanked Argentina for the rescue teams.", "Argentina"),
    ("Bolivia expressed gratitude for Argentina's help after the floods.", "Argentina"),
    ("The Bolivian president voiced appreciation for Brazil's support.", "Brazil"),
])
def test_thanks_praise_the_party_thanked(text: str, target: str) -> None:
    assert ("051", target) in [(c, a2) for c, _, a2 in occurred(text)]


@pytest.mark.parametrize("text", [
    "Estonia presented evidence against Belarus at the meeting.",
    "Evidence against Belarus was presented by Estonia.",
])
def test_presenting_evidence_against_a_party_accuses_it(text: str) -> None:
    assert ("112", "Estonia", "Belarus") in occurred(text)


@pytest.mark.parametrize("text", [
    "Ghana launched an investigation into Togo.",
    "Ghana ordered an inquiry into Togo on Friday.",
])
def test_launching_an_investigation_into_a_party_is_an_investigation(text: str) -> None:
    assert ("090", "Ghana", "Togo") in occurred(text)


def test_pressure_from_a_party_is_a_demand_by_that_party() -> None:
    assert ("100", "Uruguay", "Paraguay") in occurred(
        "Paraguay faces pressure from Uruguay to reopen the border.")
    assert not [c for c, _, _ in occurred("Both cabinets faced pressure at home.") if c]


@pytest.mark.parametrize(("text", "code"), [
    ("Uruguay has pressured Paraguay to free the detained sailors.", "1053"),
    ("Uruguay pressed Paraguay to free the detained sailors.", "1053"),
    ("Paraguay was pressured by Uruguay to free the detained sailors.", "100"),
])
def test_pressing_a_party_to_act_is_a_demand(text: str, code: str) -> None:
    assert (code, "Uruguay", "Paraguay") in occurred(text)
    assert ("0841", "hypothetical") in [(m.type.cameo, m.status) for m in mentions(text)]


def test_saying_one_will_not_provide_support_rejects_cooperation() -> None:
    assert occurred("Hungary said it would not provide support to Serbia.") \
        == [("121", "Hungary", "Serbia")]


def test_the_party_refused_permission_is_the_target() -> None:
    out = occurred("Hungary said it would not give permission to Serbia to use the airfield.")
    assert out == [("124", "Hungary", "Serbia")]


def test_aid_goes_to_the_party_it_is_sent_to() -> None:
    assert ("073", "Japan", "Nepal") in occurred("Japan sent aid to Nepal on Friday.")


def test_a_summoned_envoy_stays_the_target() -> None:
    out = occurred("Norway summoned the Danish ambassador to Oslo on Monday.")
    assert [(c, a2) for c, _, a2 in out if c == "114"] == [("114", "Danish ambassador")]


@pytest.mark.parametrize("text", [
    "Uganda gave assurances to Kenya that it would keep the border open.",
    "Uganda offered guarantees to Kenya over the shared lake.",
])
def test_giving_assurances_to_a_party_expresses_intent_to_cooperate(text: str) -> None:
    assert ("030", "Uganda", "Kenya") in occurred(text)
