"""Habits, kinds of events and standing states are no events that took place: a participle telling
what a group fights for, a placement participle on what a party has, an event noun rated as
frequent, a habitual adverb on the verb an event noun is the subject of."""

from __future__ import annotations

from functools import lru_cache

from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), lex())


def triggers(text: str, plover: str) -> list[str]:
    return [m.trigger for m in mentions(text) if m.type.plover == plover]


def test_a_group_described_by_its_cause_in_a_habitual_clause_is_no_clash() -> None:
    text = ("Armed groups fighting for a separate state in the east have long used the hills as "
            "a refuge, army officers said.")
    assert triggers(text, "assault") == []


def test_a_participle_telling_what_gunmen_fight_for_leaves_the_attack_to_its_verb() -> None:
    text = "Gunmen fighting for a separatist movement attacked a bus near the river."
    assert triggers(text, "assault") == ["attacked"]


def test_a_dated_killing_by_fighters_described_by_their_goal_stays() -> None:
    text = "Rebels fighting for control of the valley killed four soldiers on Sunday."
    assert triggers(text, "assault") == ["killed"]


def test_troops_a_country_has_stationed_somewhere_are_no_deployment() -> None:
    text = ("Canada, which has soldiers stationed near the harbour, said none of its staff "
            "were hurt.")
    assert triggers(text, "mobilize") == []


def test_troops_a_country_keeps_deployed_are_no_deployment() -> None:
    text = "Norway keeps two frigates deployed in the strait, its navy said."
    assert triggers(text, "mobilize") == []


def test_a_deployment_that_was_made_stays() -> None:
    text = "The army deployed troops near the harbour on Tuesday."
    assert triggers(text, "mobilize") == ["deployed"]


def test_clashes_said_to_be_frequent_are_a_kind_not_an_event() -> None:
    assert triggers("Clashes between herders and soldiers in the district are frequent.",
                    "assault") == []


def test_raids_said_to_have_become_common_are_no_event() -> None:
    assert triggers("Raids by bandits on the villages have become common in the dry season.",
                    "assault") == []


def test_an_extraposed_rarity_is_no_clash() -> None:
    assert triggers("It is rare for the two navies to clash in these waters.", "assault") == []


def test_a_clash_called_a_rare_confrontation_stays() -> None:
    text = "The clash on Friday was a rare direct confrontation between the two navies."
    assert triggers(text, "assault") == ["clash"]


def test_clashes_that_regularly_break_out_are_a_habit() -> None:
    text = "Clashes regularly break out between herders and farmers in the district."
    assert triggers(text, "assault") == []


def test_clashes_that_broke_out_on_a_day_stay() -> None:
    text = "Clashes broke out between herders and farmers in the district on Monday."
    assert triggers(text, "assault") == ["Clashes"]


def test_a_participle_describing_the_subject_of_a_habit_is_no_event() -> None:
    text = "Bandits raiding the farms have often escaped into the forest."
    assert triggers(text, "assault") == []


def test_a_gerund_subject_of_a_habit_is_no_event() -> None:
    text = "Militias attacking aid convoys have long used the hills as a refuge, officials said."
    assert triggers(text, "assault") == []


def test_a_participle_describing_the_subject_of_a_single_act_stays() -> None:
    text = "Bandits raiding the farms shot dead two guards on Monday."
    assert triggers(text, "assault") != []


def test_attacks_in_the_past_are_a_record() -> None:
    assert triggers("The militia has attacked police stations in the past.", "assault") == []


def test_shelling_on_several_occasions_is_a_record() -> None:
    assert triggers("The border posts have been shelled on several occasions.", "assault") == []


def test_an_ambush_on_one_occasion_stays() -> None:
    assert triggers("Rebels ambushed a convoy on one occasion last year.", "assault") == ["ambushed"]


def test_an_act_on_the_occasion_of_a_visit_stays() -> None:
    text = "Protesters marched through the city on the occasion of the minister's visit."
    assert triggers(text, "protest") == ["marched"]
