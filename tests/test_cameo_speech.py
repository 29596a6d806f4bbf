"""CAMEO coding of statements and requests: "said it would (not) ...", "wants X to ...", and
their limits. Texts are written for these tests."""

from __future__ import annotations

import pytest

from thucydides.extract import Lexicon, extract
from thucydides.extract.types import intent_code, reject_code, request_code
from thucydides.nlp import parse
from thucydides.records import Document, Mention


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), Lexicon.load())


def coded(text: str) -> list[tuple[str | None, str, str | None, str | None]]:
    return [(m.type.cameo, m.status, m.actor1.text if m.actor1 else None,
             m.actor2.text if m.actor2 else None) for m in mentions(text)]


def occurred(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(c, a1, a2) for c, s, a1, a2 in coded(text) if s == "occurred"]


@pytest.mark.parametrize(("inner", "code"), [
    ("080", "124"), ("0841", "1243"), ("085", "1244"), ("072", "1212"), ("073", "121"), ("046", "125"),
    ("062", "1212"), ("190", "120")])
def test_refusing_an_act_is_coded_by_the_act(inner: str, code: str) -> None:
    assert reject_code(inner) == code


def test_intent_and_request_tables() -> None:
    assert intent_code("0841") == "0353"
    assert request_code("0841", demand=False) == "0253"
    assert request_code("0841", demand=True) == "1053"
    assert request_code("190", demand=False) == "021"
    assert request_code("141", demand=False) is None


def test_saying_one_will_not_yield_is_a_refusal() -> None:
    out = coded("Norway said it would not give permission for the flights.")
    assert [c for c, s, _, _ in out if s == "occurred"] == ["124"]
    assert ("080", "hypothetical") in [(c, s) for c, s, _, _ in out]


def test_announcing_a_release_is_an_intent_to_release() -> None:
    out = coded("Chile announced it would free 40 Peruvian prisoners.")
    assert [(c, a1) for c, s, a1, _ in out if s == "occurred"] == [("0353", "Chile")]
    assert [s for c, s, _, _ in out if c == "0841"] == ["hypothetical"]


def test_saying_one_will_send_aid_is_an_intent_to_give_aid() -> None:
    assert [c for c, _, _ in occurred("Chile said it would send aid to the flood victims.")] \
        == ["0333"]


@pytest.mark.parametrize("text", [
    "Chile said it would strike the rebel camps.",  # a hostile act announced: a threat
    "Chile said Peru would free the prisoners.",  # another party's act
    "Chile said it could free the prisoners.",  # a possibility, no commitment
    "Chile said the weather was fine.",  # no act at all
])
def test_other_statements_are_no_events(text: str) -> None:
    assert not [c for c, _, _ in occurred(text) if c and c[:2] in ("03", "12", "13")]
    assert all(s != "occurred" or c not in ("190", "0841") for c, s, _, _ in coded(text))


def test_a_statement_of_a_done_act_leaves_the_act_as_it_was() -> None:
    assert [c for c, _, _ in occurred("Chile said it freed the prisoners on Monday.")] == ["0841"]


@pytest.mark.parametrize(("text", "code", "asked"), [
    ("Chile wants Peru to release the prisoners.", "0253", "Peru"),
    ("Chile urged Peru to attack the rebels.", "021", "Peru"),
    ("Chile demanded that Peru pull out its troops.", "106", "Peru"),
    ("Chile urged Peru to free the hostages.", "0253", "Peru"),
])
def test_a_request_is_coded_by_the_requested_act(text: str, code: str, asked: str) -> None:
    assert (code, "Chile", asked) in occurred(text)


def test_a_wish_about_no_act_is_no_appeal() -> None:
    assert mentions("I want you to know the truth.") == []



@pytest.mark.parametrize(("text", "code", "trigger"), [
    ("Norway said it had agreed to lift the sanctions on Chile.", "0354", "agreed"),
    ("Chile said it had promised to send aid to the flood victims.", "0333", "promised"),
])
def test_a_statement_of_an_intention_keeps_the_intention(text: str, code: str,
                                                        trigger: str) -> None:
    assert [(m.type.cameo, m.trigger) for m in mentions(text) if m.status == "occurred"] \
        == [(code, trigger)]


def test_an_event_noun_is_not_the_one_asked() -> None:
    assert [(m.type.cameo, m.actor2) for m in mentions("Chile demanded that talks resume soon.")
            if m.status == "occurred"] == [("100", None)]


@pytest.mark.parametrize(("text", "code"), [
    ("Chile said it would strike the rebel camps.", "138"),
    ("Chile said it would expel the Peruvian envoys.", "1313"),
    ("Chile announced it would impose sanctions on Peru.", "1312"),
])
def test_announcing_a_hostile_act_is_a_threat_never_occurred(text: str, code: str) -> None:
    out = coded(text)
    assert (code, "threatened", "Chile") in [(c, s, a1) for c, s, a1, _ in out]
    assert all(s != "occurred" for _, s, _, _ in out)


def test_announcing_a_request_is_no_threat() -> None:
    assert not [c for c, s, _, _ in coded("Chile said it would urge Peru to negotiate.")
                if s == "threatened"]
