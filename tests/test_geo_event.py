"""Where an event happened (resolve/geo_event.py, via resolve_doc), on texts written for the test."""

from __future__ import annotations

from test_resolve_stage import Spec, resolved_mentions
from thucydides.records import Mention, Status


def resolved(text: str, specs: list[Spec], statuses: dict[int, Status] | None = None
             ) -> list[Mention]:
    return resolved_mentions(text, specs, statuses=statuses)


def where(m: Mention) -> tuple[str | None, str | None, str | None] | None:
    loc = m.location
    return None if loc is None else (loc.country, loc.admin1, loc.precision)


# --- the place in the event's own clause -------------------------------------------------------

def test_the_place_of_another_event_in_the_sentence_is_not_this_events() -> None:
    raid, bombing = resolved(
        "Turkish jets bombed militant camps in Iraq's Duhok province in response to a suicide "
        "attack in Ankara.", [("bombed", "assault", "Turkish jets", "militant camps"),
                               ("attack", "assault", None, None)])
    assert where(raid) == ("IRQ", "Duhok", "admin1")  # not the finer city of the attack
    assert bombing.location is not None and bombing.location.name == "Ankara"


def test_a_background_war_is_not_where_the_strikes_are() -> None:
    (attacks,) = resolved("Drone attacks on shipping have multiplied since the war in Gaza "
                          "began.", [("attacks", "assault", None, "shipping")])
    assert attacks.location is None


def test_another_act_of_a_participant_is_not_where_the_strike_was() -> None:
    # the relative clause tells what the group did elsewhere; where a target lies is kept
    (strike,) = resolved("Jets destroyed two bases of a rebel group that has often ambushed "
                         "soldiers in Kenya's Mandera county.",
                         [("destroyed", "assault", "Jets", "two bases")])
    assert strike.location is None
    (shelling,) = resolved("Artillery shelled a village that lies in Kenya's Mandera county.",
                           [("shelled", "assault", "Artillery", "a village")])
    assert where(shelling) == ("KEN", "Mandera", "admin1")


def test_a_verbal_event_takes_no_place_of_a_clause_below_it() -> None:
    (meeting,) = resolved("The president met relatives of volunteers serving in Ukraine.",
                          [("met", "consult", "The president", "relatives")])
    assert meeting.location is None


def test_a_state_that_acts_is_not_where_it_happened() -> None:
    (strikes,) = resolved(
        "The strikes, which Israel launched at dawn, killed two senior commanders.",
        [("strikes", "assault", None, None)])
    assert strikes.location is None or strikes.location.country != "ISR"


def test_a_capital_standing_for_its_government_is_not_the_place() -> None:
    (raid,) = resolved("Kabul protested to the envoy after the air raid, which hit a village on "
                       "Afghan soil.", [("raid", "assault", None, None)])
    assert where(raid) == ("AFG", None, "country")


def test_where_the_missiles_came_from_is_not_where_they_struck() -> None:
    (launch,) = resolved("Iran fired missiles from Tehran at targets in Iraqi Kurdistan.",
                         [("fired", "assault", "Iran", "missiles")])
    assert where(launch) == ("IRQ", "Kurdistan Region", "admin1")


# --- a country refined to a finer place ---------------------------------------------------------

def test_a_country_is_refined_to_the_city_the_sentence_names() -> None:
    (barrage,) = resolved(
        "Russian forces launched drones at Ukrainian cities, including Kharkiv, overnight.",
        [("launched", "assault", "Russian forces", "Ukrainian cities")])
    assert where(barrage) == ("UKR", "Kharkiv", "admin1")


def test_a_country_is_refined_to_the_region_the_article_keeps_naming() -> None:
    text = ("Two explosions struck a crowd in Kerman on Wednesday. The Kerman bombings killed "
            "95 people. Islamic State claimed the attacks in Iran on Thursday.")
    blast, _, claim = resolved(text, [("explosions", "assault", None, "a crowd"),
                                      ("bombings", "assault", None, "95 people"),
                                      ("attacks", "assault", "Islamic State", None)])
    assert blast.location is not None and blast.location.admin1 == "Kerman"
    assert where(claim) == ("IRN", "Kerman", "admin1")
    assert claim.location is not None and claim.location.confidence < 0.5


def test_talks_in_a_capital_do_not_make_it_the_focus_of_the_fighting() -> None:
    text = ("Envoys met in Islamabad on Monday. Officials in Islamabad said talks would resume. "
            "Militants attacked a checkpoint in Pakistan on Tuesday.")
    *_, attack = resolved(text, [("met", "consult", "Envoys", None),
                                 ("talks", "consult", None, None),
                                 ("attacked", "assault", "Militants", "a checkpoint")])
    assert where(attack) == ("PAK", None, "country")


# --- the place of the story -------------------------------------------------------------------

def test_a_meeting_takes_the_venue_of_the_visit() -> None:
    text = ("The Turkish president arrived in Baku on Monday. The Azerbaijani prime minister "
            "received him at the airport.")
    _, reception = resolved(text, [("arrived", "consult", "The Turkish president", None),
                                   ("received", "consult", "The Azerbaijani prime minister",
                                    "him")])
    assert reception.location is not None and reception.location.name == "Baku"


def test_a_venue_is_not_carried_to_parties_of_other_countries() -> None:
    text = ("The Turkish president arrived in Baku on Monday. Peru and Chile signed an accord "
            "on Wednesday.")
    _, accord = resolved(text, [("arrived", "consult", "The Turkish president", None),
                                ("signed", "agree", "Peru", "Chile")])
    assert accord.location is None


def test_the_city_a_visitor_lands_in_is_where_the_visit_is() -> None:
    (visit,) = resolved("The Indian prime minister landed in Colombo for a two-day visit.",
                        [("visit", "consult", "The Indian prime minister", "Colombo")])
    assert visit.location is not None and visit.location.name == "Colombo"


def test_attacks_on_its_capital_are_in_the_capital_city() -> None:
    (attack,) = resolved("Gunmen stormed the parliament of Iraq, in deadly attacks on its "
                         "capital.", [("attacks", "assault", None, None)])
    assert attack.location is not None and attack.location.name == "Baghdad"


def test_a_strike_on_another_states_people_is_in_their_country() -> None:
    (shelling,) = resolved(
        "Turkish artillery in Kilis shelled Syrian soldiers across the border in Syria.",
        [("shelled", "assault", "Turkish artillery", "Syrian soldiers")])
    assert where(shelling) == ("SYR", None, "country")


def test_both_signatories_take_the_venue() -> None:
    text = ("The Turkish president arrived in Baku on Monday. Azerbaijan and Turkey signed six "
            "agreements.")
    _, aze, tur = resolved(text, [("arrived", "consult", "The Turkish president", None),
                                  ("signed", "agree", "Azerbaijan", None),
                                  ("signed", "agree", "Turkey", None)])
    assert [m.location.name if m.location else None for m in (aze, tur)] == ["Baku", "Baku"]


def test_summoning_an_envoy_in_the_capital_happened_there() -> None:
    (summons,) = resolved("Egypt summoned Israel's ambassador in Cairo on Sunday.",
                          [("summoned", "accuse", "Egypt", "Israel's ambassador")])
    assert summons.location is not None and summons.location.name == "Cairo"


def test_people_killed_in_a_states_region_are_its_people() -> None:
    (killed,) = resolved("Four people were killed on Friday on a hillside in Iraq's Kurdistan "
                         "region.", [("killed", "assault", None, "Four people")])
    assert where(killed) == ("IRQ", "Kurdistan Region", "admin1")
    assert killed.actor2 is not None and killed.actor2.country == "IRQ"


def test_a_country_is_refined_to_a_town_the_sentence_names_for_it() -> None:
    raids, _ = resolved(
        "Turkey's raids in Syria resumed on Friday, hitting what Ankara called militant depots "
        "in the town of Manbij.", [("raids", "assault", "Turkey", None),
                                   ("hitting", "assault", None, "militant depots")])
    assert raids.location is not None and raids.location.name == "Manbij"


def test_a_capital_named_as_a_government_does_not_make_the_focus() -> None:
    text = ("Tehran condemned the raid. Tehran's foreign ministry summoned the envoy. Militants "
            "attacked a border post in Iran on Friday, and Tehran warned of a response.")
    (attack,) = resolved(text, [("attacked", "assault", "Militants", "a border post")])
    assert where(attack) == ("IRN", None, "country")


def test_a_planned_visit_is_no_venue() -> None:
    text = ("The minister plans to visit Lahore next month. Pakistan and Iran signed an accord "
            "on Monday.")
    _, accord = resolved(text, [("visit", "consult", "The minister", None),
                                ("signed", "agree", "Pakistan", "Iran")],
                         statuses={0: "hypothetical"})
    assert accord.location is None
