"""Event places that other clauses or sentences must not give (resolve/geo_event.py): a country
adjective on a site it may own, a violent act's place for a diplomatic sanction, the place of a
participant's other act told in a relative clause; texts written for the test."""

from __future__ import annotations

from test_resolve_stage import resolved_mentions
from thucydides.records import Mention


def where(m: Mention) -> tuple[str | None, str | None, str | None] | None:
    loc = m.location
    return None if loc is None else (loc.country, loc.admin1, loc.precision)


# --- a country adjective on a site is weak evidence ---------------------------------------------

def test_an_adjective_on_a_site_in_another_clause_does_not_place_the_event() -> None:
    _denial, shelling = resolved_mentions(
        "Local officials denied that any Russian radar facility stood at the depot that was "
        "shelled.", [("denied", "reject", "Local officials", None),
                     ("shelled", "assault", None, None)])
    assert shelling.location is None


def test_an_adjective_on_a_site_in_the_events_own_clause_places_it() -> None:
    (raid,) = resolved_mentions("Jets bombed an Iranian missile facility overnight.",
                                [("bombed", "assault", "Jets", "an Iranian missile facility")])
    assert where(raid) == ("IRN", None, "country")


def test_an_adjective_on_a_land_noun_still_places_another_clause() -> None:
    (killing,) = resolved_mentions(
        "A report released in the Kenyan capital said that soldiers took part in killings.",
        [("killings", "assault", None, None)])
    assert killing.location is not None and killing.location.country == "KEN"


# --- a violent act's place is no sanction's -----------------------------------------------------

def test_a_recall_takes_no_place_from_the_strike_that_caused_it() -> None:
    recall, attack = resolved_mentions(
        "Turkey recalled its ambassador from Baghdad on Tuesday, a day after a rocket attack "
        "killed three soldiers in Duhok.",
        [("recalled", "sanction", "Turkey", "its ambassador"),
         ("attack", "assault", None, "three soldiers")])
    assert where(attack) == ("IRQ", "Duhok", "admin1")
    assert where(recall) == ("TUR", "Ankara", "admin1")  # the seat of government, not Duhok
    assert recall.location is not None and recall.location.confidence < 0.5


def test_a_recall_in_protest_at_a_strike_is_not_where_the_strike_was() -> None:
    recall, _ = resolved_mentions(
        "Turkey recalled its envoy in protest at a rocket attack in Duhok.",
        [("recalled", "sanction", "Turkey", "its envoy"), ("attack", "assault", None, None)])
    assert recall.location is None or recall.location.country == "TUR"


def test_a_strikes_place_is_carried_to_a_violent_act_not_to_a_sanction() -> None:
    attack, ambush, deploy, recall = resolved_mentions(
        "A rocket attack killed three soldiers in Duhok on Monday. Gunmen later ambushed a "
        "patrol. Troops were deployed. Turkey recalled its ambassador.",
        [("attack", "assault", None, "three soldiers"), ("ambushed", "assault", "Gunmen",
                                                         "a patrol"),
         ("deployed", "mobilize", None, "Troops"),
         ("recalled", "sanction", "Turkey", "its ambassador")])
    assert where(ambush) == where(attack) == ("IRQ", "Duhok", "admin1")
    assert where(deploy) == ("IRQ", "Duhok", "admin1")
    assert where(recall) == ("TUR", "Ankara", "admin1")


# --- a participant's other act in a relative clause ---------------------------------------------

def test_an_infinitive_in_a_relative_clause_tells_the_participants_other_act() -> None:
    (raid,) = resolved_mentions(
        "Jets destroyed two camps of rebels who had crossed the border to stage raids in "
        "Kenya's Mandera county.", [("destroyed", "assault", "Jets", "two camps")])
    assert raid.location is None


def test_a_relative_clause_with_no_violence_keeps_its_place() -> None:
    (raid,) = resolved_mentions(
        "Jets bombed rebels who had gathered to rest in Kenya's Mandera county.",
        [("bombed", "assault", "Jets", "rebels")])
    assert where(raid) == ("KEN", "Mandera", "admin1")
