"""Status: threats, denials, plans, modals and conditionals never come out as occurred."""

from __future__ import annotations

from functools import lru_cache

import pytest

from thucydides.extract import Lexicon, extract
from thucydides.extract.status import StatusCues
from thucydides.nlp import parse
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="s", text=text)]), lex())


def status(text: str, trigger: str) -> str:
    for m in mentions(text):
        if m.trigger == trigger:
            return m.status
    raise AssertionError(f"no mention with trigger {trigger!r} in {text!r}")


def test_cues_load() -> None:
    cues = StatusCues.load()
    assert cues.has("modal", "would") and cues.has("threat_verb", "threaten")


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Naval forces shelled the port on Sunday.", "shelled", "occurred"),
    ("The general threatened to bomb the bridges.", "bomb", "threatened"),
    ("The general threatened to bomb the bridges.", "threatened", "threatened"),
    ("The rebels said they would halt attacks once a truce deal is signed.", "deal",
     "hypothetical"),
    ("Rallies planned for Friday were called off.", "Rallies", "hypothetical"),
    ("Kabul warned of strikes against any intruder.", "strikes", "threatened"),
    ("The militia vowed to attack the capital.", "attack", "threatened"),
    ("The army denied carrying out the raid.", "raid", "denied"),
    ("The army did not attack the village.", "attack", "denied"),
    ("Police never arrested the suspect.", "arrested", "denied"),
    ("The coalition could strike the depots within hours.", "strike", "hypothetical"),
    ("Officials said the rebels would attack again.", "attack", "hypothetical"),
    ("Chile will send aid to the flooded towns.", "send", "hypothetical"),
    ("If the talks with Hanoi fail, the army might invade.", "talks", "hypothetical"),
    ("The ministry plans to expel the diplomats.", "expel", "hypothetical"),
    ("The minister is expected to visit Hanoi next week.", "visit", "hypothetical"),
    ("Analysts warned of the risk of clashes along the border.", "clashes", "hypothetical"),
    ("The senator urged the navy to intercept the tankers.", "intercept", "hypothetical"),
    ("The senator urged the navy to intercept the tankers.", "urged", "occurred"),
    ("Will the army attack the town?", "attack", "hypothetical"),
    ("The Night Wolves claimed responsibility for the ambush.", "ambush", "claimed"),
    ("The minister accused the rebels of attacking the convoy.", "attacking", "claimed"),
    ("Mongolia condemned the attack on its embassy.", "attack", "occurred"),
    ("Rescuers arrived after gunmen attacked the bus.", "attacked", "occurred"),
    ("Lima denied claims that it had pledged to arm the rebels.", "pledged", "denied"),
    ("Quito's claim that its jets hit a rebel camp was disputed.", "hit", "claimed"),
    ("Officials said the bombs killed those sheltering in the school.", "killed", "occurred"),
    ("The rebels agreed a three-day truce with the army.", "truce", "occurred"),
    ("The rebels agreed to withdraw from the town.", "withdraw", "hypothetical"),
    ("Kurdish officials said there is no reason for the Iranian attacks in Baghdad.", "attacks",
     "occurred"),
    ("The possible Russian strikes worry the markets.", "strikes", "hypothetical"),
])
def test_status(text: str, trigger: str, expected: str) -> None:
    assert status(text, trigger) == expected


def test_negation_flag() -> None:
    m = next(m for m in mentions("The navy did not fire at the trawler.") if m.trigger == "fire")
    assert m.status == "denied" and m.negated


def test_threat_verb_itself_is_a_threaten_event() -> None:
    ms = mentions("Ruritania threatened to shell the border towns.")
    threat = next(m for m in ms if m.trigger == "threatened")
    assert threat.type.plover == "threaten" and threat.status == "threatened"
    assert all(m.status != "occurred" for m in ms if m.type.plover == "assault")


def test_readiness_is_hypothetical() -> None:
    assert status("Chile is ready to help Peru.", "help") == "hypothetical"


@pytest.mark.parametrize("text", [
    "Iraq set up a committee to investigate the attack.",
    "The cabinet named a panel to investigate the bombing.",
])
def test_aim_of_a_committee_is_hypothetical(text: str) -> None:
    assert status(text, "investigate") == "hypothetical"


def test_protesters_gathered_to_demand_did_demand() -> None:
    assert status("Protesters gathered to demand the release of the prisoners.",
                  "demand") == "occurred"


def test_denied_responsibility_reaches_through_an_adjective() -> None:
    text = "Russia denied its jets were responsible for strikes that destroyed a school."
    assert all(m.status != "occurred" for m in mentions(text) if m.type.plover == "assault")


def test_protests_demanding_something_did_happen() -> None:
    text = "Demonstrations demanding the release of the prisoners were held on Friday."
    assert status(text, "Demonstrations") == "occurred"


@pytest.mark.parametrize("text,trigger,expected", [
    # the purpose of a planned act is planned; the object of an act that happened happened
    ("The Uzbek foreign minister is due to visit Kabul on Monday for talks on trade.", "talks",
     "hypothetical"),
    ("The foreign minister visited Kabul on Monday for talks on trade.", "talks", "occurred"),
    ("The killings came two days before the minister was due in Kabul for talks on security.",
     "talks", "hypothetical"),
    ("The president is set to meet the families of the victims.", "meet", "hypothetical"),
    ("Kabul condemned the attack on the convoy.", "attack", "occurred"),
])
def test_purpose_and_scheduled_predicates(text: str, trigger: str, expected: str) -> None:
    assert status(text, trigger) == expected
