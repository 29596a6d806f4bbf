"""Attribution: agents of participles, described acts, referring event nouns, charged acts and
pronouns whose nearest name is a target."""

from __future__ import annotations

from functools import lru_cache

from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def of(text: str, plover: str) -> list[Mention]:
    return [m for m in extract(parse([Document(id="d", text=text)]), lex())
            if m.type.plover == plover]


def agent(m: Mention) -> str | None:
    return m.actor1.text if m.actor1 is not None else None


def test_participle_with_by_agent_names_the_attacker() -> None:
    (m,) = of("This car bombing in Kabul, carried out by Taliban fighters, killed twelve "
              "people at a market.", "assault")
    assert agent(m) == "Taliban fighters"


def test_relative_clause_subject_of_a_light_verb_names_the_attacker() -> None:
    (m,) = of("The raid that the Taliban carried out on Monday killed nine soldiers.", "assault")
    assert agent(m) == "Taliban"


def test_described_act_is_the_earlier_act_not_the_describer() -> None:
    ms = of("Turkey shelled Kurdish positions in Syria on Friday. This retaliatory move, carried "
            "out at dawn, was described by Ankara as hitting militant hideouts in Syria's Idlib "
            "province.", "assault")
    hit = [m for m in ms if m.trigger == "hitting"]
    assert hit and agent(hit[0]) == "Turkey"
    assert hit[0].actor2 is not None and hit[0].actor2.text == "militant hideouts"


def test_definite_event_noun_takes_the_agent_of_the_last_act_of_its_type() -> None:
    ms = of("Israel launched missiles at an army base near Homs on Monday. The strike killed "
            "four soldiers, officials said.", "assault")
    (m,) = [m for m in ms if m.trigger == "strike"]
    assert agent(m) == "Israel"


def test_event_noun_with_its_own_place_is_not_the_last_act() -> None:
    ms = of("Turkey shelled villages near the Syrian border on Monday. The attack in Kabul "
            "killed five people.", "assault")
    (m,) = [m for m in ms if m.trigger == "attack"]
    assert m.actor1 is None


def test_definite_event_noun_reaches_only_a_few_sentences_back() -> None:
    ms = of("Israel launched missiles at an army base near Homs on Monday. Markets were busy. "
            "Schools opened late. Roads were closed. Trains ran slowly. The strike killed four "
            "soldiers.", "assault")
    (m,) = [m for m in ms if m.trigger == "strike"]
    assert m.actor1 is None


def test_ownerless_weapons_do_not_take_the_agent_of_the_act_just_told() -> None:
    ms = of("The army launched artillery attacks on border villages on Monday. Three rockets "
            "hit several neighbourhoods of the town.", "assault")
    (m,) = [m for m in ms if m.trigger == "hit"]
    assert m.actor1 is None


def test_subject_named_inside_its_of_phrase_is_still_the_antecedent() -> None:
    (m,) = of("Thousands of Kenyan farmers rallied in Nairobi, and police fired tear gas to "
              "disperse them.", "assault")
    assert m.actor2 is not None and m.actor2.text == "Thousands of Kenyan farmers"


def test_act_named_by_a_justification_is_told_elsewhere() -> None:
    ms = of("The ministry rejected Kabul's justification for its strike on the border post.",
            "assault")
    assert all(m.trigger != "strike" for m in ms)


def test_year_named_act_inside_another_event_is_background() -> None:
    ms = of("A jihadist group claimed responsibility for two bombings targeting a memorial for "
            "an Iraqi general slain in a 2019 Turkish drone strike.", "assault")
    assert [m.trigger for m in ms] == ["bombings"]
    assert agent(ms[0]) == "jihadist group"


def test_charged_act_told_as_the_means_of_a_killing_has_the_charged_agent_and_date() -> None:
    ms = of("Last month, Syria accused Turkey of killing a senior Kurdish commander in an "
            "airstrike on a Qamishli neighborhood.", "assault")
    (m,) = ms
    assert agent(m) == "Turkey"
    assert [d.text for d in m.dates] == ["Last month"]


def test_pronoun_subject_skips_the_target_of_the_act_before_it() -> None:
    ms = of("The timing of Ethiopia's attack on Sudan, coming a day after it launched strikes on "
            "Eritrea, surprised observers.", "assault")
    (m,) = [m for m in ms if m.trigger == "strikes"]
    assert agent(m) == "Ethiopia"


def test_people_a_killing_names_are_the_target_rather_than_the_place_struck() -> None:
    (m,) = of("Kabul accused Pakistan of killing three Afghan farmers in a raid on a Kunar "
              "village.", "assault")
    assert agent(m) == "Pakistan"
    assert m.actor2 is not None and m.actor2.text == "three Afghan farmers"
