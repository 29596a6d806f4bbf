"""Envoys and office holders: an own envoy is no target; "the ministers of X and Y" name both."""

from __future__ import annotations

from functools import lru_cache

from thucydides.config import Settings
from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.pipeline import analyse_batch, prepare_documents
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="e", text=text)]), lex())


def resolved(text: str) -> list[Mention]:
    docs = [Document(id="e", text=text, published="2023-05-10")]
    return analyse_batch(prepare_documents(docs, Settings()), Settings())


def pairs(ms: list[Mention], trigger: str) -> set[tuple[str | None, str | None]]:
    return {(m.actor1.text if m.actor1 else None, m.actor2.text if m.actor2 else None)
            for m in ms if m.trigger == trigger}


def test_own_envoy_recalled_from_a_capital_targets_its_state() -> None:
    text = "Egypt's foreign ministry said on Monday that it was recalling its ambassador from Ankara."
    (m,) = [m for m in resolved(text) if m.trigger == "recalling"]
    assert m.actor2 is not None and m.actor2.text == "Ankara"
    assert m.actor2.country == "TUR" and m.actor2.actor_id == "TUR"


def test_own_envoy_with_no_place_gives_no_target() -> None:
    assert pairs(mentions("Ghana recalled its ambassador on Monday."), "recalled") == {
        ("Ghana", None)}


def test_envoy_named_as_the_agents_own_is_no_target() -> None:
    text = "Chad's foreign ministry recalled Chad's envoy from Niamey on Friday."
    assert pairs(mentions(text), "recalled") == {("Chad's foreign ministry", "Niamey")}


def test_envoy_accredited_to_a_state_names_that_state() -> None:
    assert pairs(mentions("Peru recalled its ambassador to Mexico."), "recalled") == {
        ("Peru", "Mexico")}


def test_each_state_an_envoy_leaves_is_a_target() -> None:
    assert pairs(mentions("Kenya recalled its envoys from Sudan and Chad on Friday."),
                 "recalled") == {("Kenya", "Sudan"), ("Kenya", "Chad")}


def test_another_states_envoy_stays_the_target() -> None:
    assert pairs(mentions("Egypt expelled Turkey's ambassador."), "expelled") == {
        ("Egypt", "Turkey's ambassador")}


def test_passive_recall_the_owner_acts_on_the_state_left() -> None:
    assert pairs(mentions("Chad's ambassador was recalled from Khartoum on Monday."),
                 "recalled") == {("Chad", "Khartoum")}


def test_coordinated_states_returning_envoys_act_on_each_other() -> None:
    ms = mentions("Sudan and Chad agree to return ambassadors by March 3")
    assert all(m.actor2 is None or m.actor2.text != "ambassadors" for m in ms)
    assert pairs(ms, "agree") == {("Sudan", "Chad"), ("Chad", "Sudan")}
    assert pairs(ms, "return") == {("Sudan", "Chad"), ("Chad", "Sudan")}


def test_envoys_of_two_states_resuming_duties_is_mutual() -> None:
    ms = mentions("The ambassadors of Ghana and Togo resumed their duties on Monday.")
    assert pairs(ms, "resumed") == {("ambassadors of Ghana", "Togo"),
                                    ("Togo", "ambassadors of Ghana")}


def test_ministers_of_two_states_agreeing_are_both_parties() -> None:
    ms = resolved("The foreign ministers of Sudan and Chad agreed on Sunday to ease tensions "
                  "along the border.")
    got = {(m.actor1.country if m.actor1 else None, m.actor2.country if m.actor2 else None)
           for m in ms if m.trigger == "agreed"}
    assert ("SDN", "TCD") in got and all(b is not None for _, b in got)


def test_forces_of_two_states_do_not_attack_each_other() -> None:
    ms = mentions("The armies of Mali and Niger launched joint strikes on militants.")
    assert pairs(ms, "strikes") == {("armies of Mali", "militants"), ("Niger", "militants")}


def test_one_name_with_and_is_no_second_party() -> None:
    ms = mentions("The ministers of Defence and Foreign Affairs met on Monday.")
    assert all(m.actor2 is None for m in ms if m.trigger == "met")


def test_recall_noun_targets_the_state_its_envoy_leaves() -> None:
    assert pairs(mentions("Ghana announced the recall of its ambassador from Abuja."),
                 "recall") == {("Ghana", "Abuja")}


def test_recall_noun_of_a_named_envoy_is_the_owners_act() -> None:
    assert pairs(mentions("The recall of Chad's envoy from Khartoum angered Sudan."),
                 "recall") == {("Chad", "Khartoum")}
