"""ACLED sub-event types of trigger rows for ceasefires, weapons finds, recaptures, changes of a
group's activity, handovers, sit-ins, planted bombs, exchanges of fire and sexual violence; the
lemma fallback for regular verbs; the object of a relative clause with its own subject."""

from __future__ import annotations

from functools import lru_cache

import pytest

from thucydides.extract import Lexicon, extract
from thucydides.extract.triggers import _fallback_lemmas
from thucydides.nlp import parse
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def occurred(text: str) -> list[Mention]:
    ms = extract(parse([Document(id="d", text=text)]), lex())
    return [m for m in ms if m.status == "occurred"]


@pytest.mark.parametrize(("text", "acled"), [
    # agreements: a ceasefire brokered or accepted, also spelt "cease-fire"; a release of captives
    ("Tribal elders brokered a ceasefire between the two clans on Monday.", "Agreement"),
    ("Both armies accepted a truce after a week of fighting.", "Agreement"),
    ("The two militias declared a cease-fire on Thursday.", "Agreement"),
    ("The release of 40 detainees by the rebels took place on Monday.", "Agreement"),
    # weapons found by the kilogram, a seizure or a discovery of weapons, an interception
    ("Police found 20kg of explosives in a warehouse outside the city.", "Disrupted weapons use"),
    ("Customs officers found two tonnes of ammunition on a lorry.", "Disrupted weapons use"),
    ("The seizure of 300 rifles at the port was announced by the navy.", "Disrupted weapons use"),
    ("Troops announced the discovery of a weapons cache in the forest on Monday.",
     "Disrupted weapons use"),
    # the weapons of a relative clause with its own subject; mines cleared
    ("Officers displayed the rifles the soldiers seized in the raid on Friday.",
     "Disrupted weapons use"),
    ("Army engineers cleared hundreds of landmines from the farmland last month.",
     "Disrupted weapons use"),
    ("Police deactivated a bomb left outside the school on Monday.", "Disrupted weapons use"),
    # explosives planted or set off; an exchange of fire
    ("Insurgents planted landmines along the road to the village.",
     "Remote explosive/landmine/IED"),
    ("A suicide bomber set off explosives outside a police station, killing four.",
     "Suicide bomb"),
    ("Soldiers exchanged fire with the militants near the border on Monday.", "Armed clash"),
    ("Troops were locked in an exchange of fire with gunmen for hours.", "Armed clash"),
    ("Rebels attacked a camp hosting government troops on Monday.", "Armed clash"),
    ("A gang beat up two shopkeepers in the market on Sunday.", "Attack"),
    # territory: pushed or driven out of a place, a recapture; a handover without fighting
    ("Government troops pushed the insurgents out of four villages on Sunday.",
     "Government regains territory"),
    ("Army units drove the militants out of the district after a week of fighting.",
     "Government regains territory"),
    ("The army drove back the rebels from two villages on Friday.",
     "Government regains territory"),
    ("The army announced the recapture of the airport on Sunday.",
     "Government regains territory"),
    ("The rebels handed over the town to the army under the peace plan.",
     "Non-violent transfer of territory"),
    ("The handover of the district to the police took place on Friday.",
     "Non-violent transfer of territory"),
    # a group's change: pulling back, setting up or forming a new wing or cell
    ("The militia pulled back from the front line on Tuesday.", "Change to group/activity"),
    ("The rebels set up a new armed wing in the mountains.", "Change to group/activity"),
    ("The militants formed a new cell in the capital last month.", "Change to group/activity"),
    # protests: a sit-in (split by the tokenizer), a vigil, a walkout
    ("Teachers staged a sit-in outside the education ministry on Monday.", "Peaceful protest"),
    ("Hundreds held a candlelight vigil for the jailed activists in the square.",
     "Peaceful protest"),
    ("Nurses staged a walkout at the main hospital on Friday.", "Peaceful protest"),
    # a verb the lemmatizer gets wrong ("raped" → "rap")
    ("Soldiers raped two women near the camp, a rights group said.", "Sexual violence"),
    ("A teenager was raped by three men in the town last week.", "Sexual violence"),
])
def test_acled_sub_event_type(text: str, acled: str) -> None:
    ms = occurred(text)
    assert ms and ms[0].type.acled_sub_event_type == acled, [m.type for m in ms]


@pytest.mark.parametrize("text", [
    "The opposition gained ground in the polls last month.",
    "Firefighters put out the fire in the warehouse.",
    "The rapper released a new album on Friday.",
    "The company handed over the documents to the court.",
    "Workers cleared the debris from the road on Monday.",
    "She drove back home after the meeting.",
    "The fans set off fireworks outside the stadium.",
])
def test_not_these_events(text: str) -> None:
    assert not any(m.type.acled_sub_event_type in (
        "Non-state actor overtakes territory", "Agreement", "Sexual violence",
        "Non-violent transfer of territory", "Disrupted weapons use", "Government regains territory",
        "Remote explosive/landmine/IED") for m in occurred(text))


def test_fallback_lemmas_of_regular_past_forms() -> None:
    assert _fallback_lemmas("raped", "VERB") == ("raped", "rape", "rap")
    assert _fallback_lemmas("Jailed", "VERB") == ("jailed", "jaile", "jail")
    assert _fallback_lemmas("shed", "VERB") == ("shed",)
    assert _fallback_lemmas("raped", "NOUN") == ("raped",)


def test_hosting_troops_or_refugees_is_no_visit() -> None:
    assert not any(m.type.cameo == "043" for m in occurred(
        "The camp, which hosts government troops and displaced families, lies near the river."))
    assert any(m.type.cameo == "043" for m in occurred(
        "The president hosted the visiting foreign minister in the capital on Monday."))
