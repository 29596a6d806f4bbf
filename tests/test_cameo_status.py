"""Acts refused, avoided, prevented, cancelled, postponed or only hoped for never come out as
occurred; a refusal is itself an event coded by what it refuses. Texts are written for these tests."""

from __future__ import annotations

import pytest

from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.records import Document, Mention


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), Lexicon.load())


def status_of(text: str, cameo: str) -> list[str]:
    return [m.status for m in mentions(text) if m.type.cameo == cameo]


@pytest.mark.parametrize(("text", "cameo", "status"), [
    ("Chile refused to release the Peruvian prisoners.", "0841", "denied"),
    ("Chile declined to lift the sanctions on Peru.", "085", "denied"),
    ("Chile ruled out attacking Peru.", "190", "denied"),
    ("Chile avoided attacking Peru.", "190", "denied"),
    ("Chile was prevented from attacking Peru.", "190", "denied"),
    ("Chile stopped short of imposing sanctions on Peru.", "163", "denied"),
    ("Chile called off the strike on Peru.", "190", "denied"),
    ("Chile cancelled talks with Peru.", "046", "denied"),
    ("Chile postponed the visit to Peru.", "042", "hypothetical"),
    ("Chile hoped to sign a deal with Peru.", "057", "hypothetical"),
    ("Chile hopes to strike Peru.", "190", "hypothetical"),
])
def test_acts_that_did_not_happen(text: str, cameo: str, status: str) -> None:
    assert status_of(text, cameo) == [status]


def test_a_foiled_attack_is_no_attack_but_the_foiling_is_an_event() -> None:
    ms = mentions("Police foiled a bomb attack on the embassy.")
    assert [m.type.cameo for m in ms if m.status == "occurred"] == ["1711"]
    assert [m.status for m in ms if m.type.plover == "assault"] == ["denied"]


@pytest.mark.parametrize(("text", "code", "target"), [
    ("Chile refused to release the Peruvian prisoners.", "1243", "Peruvian prisoners"),
    ("Chile declined to lift the sanctions on Peru.", "1244", "Peru"),
])
def test_a_refusal_is_coded_by_what_it_refuses(text: str, code: str, target: str) -> None:
    assert [(m.type.cameo, m.actor2.text if m.actor2 else None) for m in mentions(text)
            if m.status == "occurred"] == [(code, target)]


def test_declining_to_comment_is_no_event() -> None:
    assert mentions("The ministry declined to comment on the report.") == []


def test_a_bare_refusal_stays_a_rejection() -> None:
    assert [m.type.cameo for m in mentions("Peru refused to attack Chile.")
            if m.status == "occurred"] == ["120"]


@pytest.mark.parametrize("text", [
    "The army failed to prevent the attack on the base.",
    "The army did not prevent the attack on the base.",
])
def test_a_prevention_that_failed_leaves_the_act_done(text: str) -> None:
    assert status_of(text, "190") == ["occurred"]


def test_not_denying_an_act_is_no_admission() -> None:
    assert status_of("Chile did not deny carrying out the strike.", "190") == ["denied"]


def test_failing_to_stop_an_act_leaves_it_as_told() -> None:
    assert status_of("UN troops failed to stop rebels attacking Goma.", "190") == ["occurred"]
    assert status_of("Chile refused to carry out strikes on Peru.", "190") == ["denied"]
