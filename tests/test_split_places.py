"""A violent act told against places in several countries is one mention per country
(resolve/geo_split.py, through extraction and resolve_doc), on texts written for the test."""

from __future__ import annotations

from functools import lru_cache

from thucydides.extract import Lexicon, extract_mentions
from thucydides.nlp import parse
from thucydides.records import Document, Mention
from thucydides.resolve.stage import Resources, resolve_doc


@lru_cache(maxsize=1)
def _kit() -> tuple[Lexicon, Resources]:
    return Lexicon.load(), Resources.load()


def resolved(text: str, published: str = "2024-03-05") -> list[Mention]:
    lex, res = _kit()
    pdoc = parse([Document(id="s", text=text, published=published)])[0]
    return resolve_doc(pdoc, extract_mentions(pdoc, lex), res)


def of(ms: list[Mention], trigger: str) -> list[Mention]:
    return [m for m in ms if m.trigger == trigger]


def countries(ms: list[Mention]) -> list[str | None]:
    return sorted((m.location.country if m.location else None) or "" for m in ms)


def killed(m: Mention) -> list[int | None]:
    return [f.best for f in m.figures if f.kind == "killed"]


def test_strikes_in_two_countries_are_one_mention_per_country() -> None:
    ms = of(resolved("Turkish jets carried out air strikes in Iraq and Syria on Monday."),
            "strikes")
    assert countries(ms) == ["IRQ", "SYR"]
    assert len({m.mention_id for m in ms}) == 2
    first, second = ms
    assert (first.actor1 and first.actor1.country) == (second.actor1 and second.actor1.country)
    assert first.date == second.date == "2024-03-04"
    assert first.trigger_start == second.trigger_start


def test_a_list_of_three_countries_gives_three_mentions() -> None:
    ms = of(resolved("Israeli aircraft conducted a series of raids in Syria, Lebanon and Jordan "
                     "overnight."), "raids")
    assert countries(ms) == ["JOR", "LBN", "SYR"]


def test_each_country_after_its_own_preposition() -> None:
    ms = of(resolved("The militants attacked army posts in Somalia and in Kenya on Sunday."),
            "attacked")
    assert countries(ms) == ["KEN", "SOM"]
    kenya = next(m for m in ms if m.location and m.location.country == "KEN")
    # the posts are read as Somalia's from "in Somalia"; in Kenya they are nobody's known army
    assert kenya.actor2 is None or kenya.actor2.country != "SOM"


def test_places_of_one_country_do_not_split() -> None:
    ms = of(resolved("Pakistani jets struck hideouts in Panjgur and Turbat on Sunday."),
            "struck")
    assert countries(ms) == ["PAK"]


def test_a_disjunction_or_a_shared_border_does_not_split() -> None:
    ms = of(resolved("Drones struck targets in Iraq or Syria on Monday."), "struck")
    assert len(ms) == 1
    ms = of(resolved("Jets bombed positions near the border between Iraq and Syria on Friday."),
            "bombed")
    assert len(ms) == 1


def test_a_non_violent_act_does_not_split() -> None:
    ms = resolved("The agency delivered food aid to Iraq and Syria on Monday.")
    assert len({(m.sentence_index, m.trigger_start) for m in ms}) == len(ms)


def test_a_figure_goes_to_the_country_the_text_ties_it_to() -> None:
    ms = of(resolved("Iranian missiles struck targets in Iraq and Syria on Monday, killing four "
                     "people in Erbil."), "struck")
    assert countries(ms) == ["IRQ", "SYR"]
    iraq = next(m for m in ms if m.location and m.location.country == "IRQ")
    syria = next(m for m in ms if m.location and m.location.country == "SYR")
    assert iraq.location is not None and iraq.location.name == "Erbil"
    assert killed(iraq) == [4] and killed(syria) == []


def test_a_figure_of_the_whole_act_is_counted_in_no_copy() -> None:
    ms = of(resolved("Air strikes in Iraq and Syria killed at least 12 people on Monday."),
            "strikes")
    assert countries(ms) == ["IRQ", "SYR"]
    assert all(killed(m) == [] for m in ms)  # never twelve in each country


def test_a_target_named_as_a_place_is_placed_at_itself() -> None:
    ms = [m for m in resolved("The navy fired missiles toward Yemen and Eritrea on Tuesday.")
          if m.type.plover == "assault"]
    targets = {m.actor2.country: m.location.country if m.location else None
               for m in ms if m.actor2 is not None}
    assert targets == {"YEM": "YEM", "ERI": "ERI"}


def test_an_attack_in_a_clause_after_a_day_after_splits_too() -> None:
    ms = of(resolved("Two bases in Pakistan were targeted by drones on Tuesday, a day after the "
                     "Guards attacked targets in Iraq and Syria with missiles."), "attacked")
    assert countries(ms) == ["IRQ", "SYR"]


def test_an_act_told_in_two_countries_leaves_the_story_no_place_to_carry() -> None:
    ms = resolved("Turkish jets carried out air strikes in Iraq and Syria on Monday. Two "
                  "soldiers were killed.")
    (death,) = of(ms, "killed")
    assert death.location is None  # in Iraq or in Syria: the text does not say
    ms = resolved("Turkish jets carried out air strikes in Iraq on Monday. Two soldiers were "
                  "killed.")
    (death,) = of(ms, "killed")
    assert death.location is not None and death.location.country == "IRQ"
