"""Event nouns told as the consequence of another event, or as what someone is blamed for."""

from __future__ import annotations

from functools import lru_cache

from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.recap import is_recap
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), lex())


def types(text: str) -> set[str]:
    """Types of the events the text tells (a recap names a known act: no event of its own)."""
    return {m.type.plover for m in mentions(text) if not is_recap(m.mention_id)}


def test_a_reaction_a_strike_drew_is_a_recap() -> None:
    text = ("The Indian raids, causing casualties, drew sharp condemnation from the foreign "
            "ministry, prompting the recall of its envoy from Delhi.")
    assert not types(text) & {"accuse", "sanction"}


def test_a_speaker_named_by_a_place_stays_beside_the_act_it_follows() -> None:
    # kept so that "Islamabad" is read as a speaker, not as where the raids happened
    text = ("The Indian raids, causing casualties, drew sharp condemnation from Islamabad, "
            "prompting the recall of its envoy from Delhi.")
    assert "accuse" in types(text) and "sanction" not in types(text)


def test_what_a_strike_led_to_is_a_recap() -> None:
    assert not types("This led to Dhaka strongly denouncing Yangon's actions and "
                     "downgrading diplomatic ties.") & {"accuse", "sanction"}
    assert "accuse" not in types("The shelling led to a strong condemnation from the "
                                 "foreign ministry.")


def test_a_reaction_told_as_an_act_stays() -> None:
    assert "accuse" in types("Islamabad strongly condemned the Indian raids on Tuesday.")
    assert "consult" in types("Tajikistan's foreign minister led a delegation to pay an "
                              "official visit to Afghanistan on Monday.")


def test_attacks_someone_is_blamed_for_are_told_elsewhere() -> None:
    text = "Kabul put the blame for the Herat bombings on Islamabad."
    assert "assault" not in types(text)
    assert "assault" not in types("Kabul blamed Islamabad for the Herat bombings.")


def test_acts_a_cause_sets_off_are_told() -> None:
    assert "protest" in types("The shooting sparked large demonstrations against the police.")
    assert "assault" in types("Gunmen triggered grenade explosions near the market.")
