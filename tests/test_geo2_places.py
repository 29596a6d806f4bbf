"""Places of strikes named beside capitals and speakers, seats of government for a state's
protests, and the article's focus region (resolve/geo_event.py via resolve_doc), on texts written
for the test."""

from __future__ import annotations

from test_geo_event import resolved, where
from thucydides.records import ActorRef, EventType, Mention, PlaceRef
from thucydides.resolve.geo_cues import located
from thucydides.resolve.geo_event import seat_of_government

# --- a capital or a speaker's city is not where a strike fell ----------------------------------

def test_a_capital_in_a_diplomatic_clause_is_not_where_the_strike_fell() -> None:
    (strike,) = resolved(
        "The Turkish drone strikes drew sharp protest from Iraq, prompting the expulsion of "
        "Turkey's envoy and barring the new envoy from travelling to Baghdad.",
        [("strikes", "assault", "Turkish", None)])
    assert strike.location is None or strike.location.name != "Baghdad"


def test_a_capital_that_owns_an_intent_is_not_the_strikes_place() -> None:
    (strike,) = resolved("Ankara's declared resolve to hunt militants was followed by air strikes.",
                         [("strikes", "assault", None, None)])
    assert strike.location is None


def test_a_capital_urged_to_act_is_not_the_bombings_place() -> None:
    (bombing,) = resolved(
        "The bombing and the protests that followed pushed Ankara to answer quickly.",
        [("bombing", "assault", None, None)])
    assert bombing.location is None


def test_a_capital_struck_is_still_the_place() -> None:
    (strike,) = resolved("Israeli jets struck Damascus overnight.",
                         [("struck", "assault", "Israeli jets", None)])
    assert strike.location is not None and strike.location.name == "Damascus"


def test_the_city_of_the_officials_who_confirmed_is_not_the_attacks_place() -> None:
    (attack,) = resolved(
        "Officials in Ankara quickly confirmed that two soldiers died and three were wounded "
        "in the attack in Hakkari.", [("attack", "assault", None, None)])
    assert where(attack) == ("TUR", "Hakkari", "admin1")


# --- a state's protest with no place was made at its seat of government ------------------------

def test_a_summons_with_no_place_is_at_the_capital_of_the_summoning_state() -> None:
    (summons,) = resolved("Turkey summoned the Swedish ambassador over the protest.",
                          [("summoned", "accuse", "Turkey", "the Swedish ambassador")])
    assert where(summons) == ("TUR", "Ankara", "admin1")
    assert summons.location is not None and summons.location.confidence < 0.5


def test_a_stated_place_wins_over_the_seat_of_government() -> None:
    (summons,) = resolved("Turkey summoned the Swedish ambassador in Istanbul on Monday.",
                          [("summoned", "accuse", "Turkey", "the Swedish ambassador")])
    assert summons.location is not None and summons.location.name == "Istanbul"


def test_a_protest_by_a_group_gets_no_seat() -> None:
    (denial,) = resolved("The rebels denied the accusation.",
                         [("denied", "reject", "The rebels", None)])
    assert denial.location is None


def test_seat_of_government_needs_the_agents_own_capital() -> None:
    agent = ActorRef("Iraq", 0, 4, name="Iraq", country="IRQ", kind="state")
    m = Mention(mention_id="m", doc_id="d", sentence_index=0, sentence="Iraq protested.",
                sent_start=0, sent_end=15, trigger="protested", trigger_start=5, trigger_end=14,
                type=EventType("accuse"), actor1=agent)
    other = PlaceRef("Iraq", 0, 4, name="Tehran", country="IRN", admin1="Tehran",
                     precision="point")
    assert seat_of_government(m, other) is None
    own = PlaceRef("Iraq", 0, 4, name="Baghdad", country="IRQ", admin1="Baghdad",
                   precision="point")
    seat = seat_of_government(m, own)
    assert seat is not None and seat.precision == "admin1" and seat.admin1 == "Baghdad"
    m.type = EventType("consult")
    assert seat_of_government(m, own) is None


# --- the article's focus region ----------------------------------------------------------------

def test_a_town_then_its_region_after_a_comma_is_located() -> None:
    text = "Gunmen attacked a checkpoint in Cizre, Sirnak province, on Monday."
    assert located(text, text.index("Sirnak"))
    assert not located("In 2019, Turkey", 9)


def test_an_old_country_level_attack_takes_the_region_the_article_names() -> None:
    _, old = resolved(
        "A deadly attack on a police post in Cizre, Sirnak province, left five officers dead. "
        "The deputy governor of Sirnak province said the attackers fled. In 2016, the group "
        "claimed an ambush on a convoy in southeastern Turkey.",
        [("attack", "assault", None, "a police post"), ("ambush", "assault", "the group",
                                                         "a convoy")])
    assert where(old) == ("TUR", "Sirnak", "admin1")
    assert old.location is not None and old.location.confidence < 0.5
