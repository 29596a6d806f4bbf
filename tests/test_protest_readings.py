"""ACLED readings of protests (violent, repressed, dispersed, peaceful), of arrests that only name
a protest, and of attacks against clashes of armed sides (extract/refine.py,
extract/protest_cues.py)."""

from __future__ import annotations

import pytest

from test_acled2_types import occurred


def first_sub_type(text: str) -> str | None:
    ms = occurred(text)
    return ms[0].type.acled_sub_event_type if ms else None


VIOLENT = "Violent demonstration"
PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"


@pytest.mark.parametrize(("text", "acled"), [
    # violence, destruction: single words and two-word cues
    ("Protesters marched through the city centre on Saturday as violence spread to the suburbs.",
     VIOLENT),
    ("Demonstrators pulled down a statue of the former governor during a rally on Sunday.", VIOLENT),
    # violence told in the next sentence of the paragraph
    ("Thousands of students marched to the parliament on Monday. Scuffles broke out near the "
     "gates later in the day.", VIOLENT),
    # force against demonstrators who are violent themselves is part of the riot
    ("Police shot dead two protesters who were hurling stones at a police station during a "
     "demonstration.", VIOLENT),
    # demonstrators firing are violent
    ("Hundreds marched to the palace on Sunday and some protesters fired at the guards.", VIOLENT),
    # tear gas is no lethal force
    ("Police fired tear gas to disperse a crowd of demonstrators outside the ministry on Tuesday.",
     INTERVENTION),
    # an intervention told "as" the protesters make their demands is no part of the demands
    ("Farmers rallied outside parliament on Monday demanding higher prices as police fired tear "
     "gas to disperse them.", INTERVENTION),
    ("Miners rallied outside the company offices on Monday in support of demands that the "
     "manager resign as police fired tear gas to disperse them.", INTERVENTION),
    # a protest the tokenizer splits ("sit - in") is still a protest sentence
    ("Police broke up a sit-in by nurses outside the hospital on Tuesday.", INTERVENTION),
    # "riot police", "non-violent", "set up", police looking on, the grievance of a rally
    ("Riot police surrounded hundreds of demonstrators in the main square on Friday.", PEACEFUL),
    ("Thousands of non-violent demonstrators marched in the capital on Sunday.", PEACEFUL),
    ("Protesters set up tents in the park during a demonstration on Monday.", PEACEFUL),
    ("Hundreds of teachers rallied outside the education ministry on Monday as police officers "
     "looked on.", PEACEFUL),
    ("Hundreds of people staged a rally to denounce the mass arrests of journalists.", PEACEFUL),
    # "following" (parsed as a verb) gives the grievance too
    ("Nurses protested outside the hospital following the death of a colleague on Tuesday.",
     PEACEFUL),
    ("Fighting broke out between two clans at a market, and a protest followed on Monday.",
     PEACEFUL),
])
def test_protest_reading(text: str, acled: str) -> None:
    ms = occurred(text)
    assert ms and ms[0].type.acled_sub_event_type == acled, [(m.trigger, m.type) for m in ms]


@pytest.mark.parametrize(("text", "acled"), [
    ("Police arrested three activists on charges of organising an illegal protest.", "Arrests"),
    ("Police arrested forty protesters during the rally on Saturday.", INTERVENTION),
    ("Police detained hundreds of demonstrators on Sunday.", INTERVENTION),
])
def test_arrest_of_protesters_or_over_a_protest(text: str, acled: str) -> None:
    assert first_sub_type(text) == acled


def test_a_month_is_no_march() -> None:
    ms = occurred("Gunmen killed five villagers in an attack on 12 March.")
    assert ms and all(m.type.acled_event_type != "Protests" for m in ms)
    assert ms[0].type.acled_sub_event_type == "Attack"


@pytest.mark.parametrize("text", [
    "Army troops and rebel fighters clashed in the town on Monday, killing four civilians.",
    "Gunmen attacked a market and an army base in the north on Monday, killing nine people.",
    "The terrorists' assault to capture army positions near the airport was repelled on Sunday.",
    "The gunmen's attack to seize a police checkpoint on the highway was repelled.",
])
def test_armed_sides_fight_a_battle(text: str) -> None:
    assert first_sub_type(text) == "Armed clash"


def test_gunmen_against_villagers_stay_an_attack() -> None:
    assert first_sub_type("Gunmen stormed a village on Monday and shot dead six farmers.") \
        == "Attack"
