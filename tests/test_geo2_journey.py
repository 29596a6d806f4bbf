"""A journey's destination is the journey's place, not that of a verb coordinated with the verb
the journey is the object of (resolve/geo_clause.py), on texts written for the test."""

from __future__ import annotations

from test_resolve_stage import resolved_mentions


def _country(text: str, trigger: str, plover: str, agent: str, target: str | None = None
             ) -> str | None:
    (m,) = resolved_mentions(text, [(trigger, plover, agent, target)])
    return None if m.location is None else m.location.country


def test_a_cancelled_trip_is_not_where_the_warning_was_made() -> None:
    text = ("The Chilean president called off a state visit to Peru and warned that those "
            "responsible would be punished.")
    assert _country(text, "warned", "threaten", "The Chilean president") != "PER"


def test_a_journey_the_parser_hangs_on_the_verb_is_still_the_journeys() -> None:
    # "to Brazil" hangs on "postponed", right after the journey it ends
    text = "The Chancellor postponed her journey to Brazil and threatened tariffs on exporters."
    assert _country(text, "threatened", "threaten", "The Chancellor") is None


def test_a_state_that_threatens_from_no_place_of_its_own_is_at_its_seat() -> None:
    text = ("The Chilean government cancelled a planned trip to Peru and warned that the "
            "attackers would face justice.")
    (m,) = resolved_mentions(text, [("warned", "threaten", "The Chilean government", None)])
    assert m.location is not None  # its seat of government (geo_event.seat_of_government)
    assert (m.location.country, m.location.precision) == ("CHL", "admin1")


def test_the_journey_itself_and_a_framing_visit_keep_the_destination() -> None:
    assert _country("The Kenyan president paid a visit to Kampala on Monday.", "visit",
                    "consult", "The Kenyan president") == "UGA"
    assert _country("During a visit to Lima, the two ministers signed a trade accord.",
                    "signed", "agree", "the two ministers") == "PER"


def test_a_place_of_the_first_verb_is_still_shared_without_a_journey() -> None:
    text = "The Kenyan president met officials in Kampala and signed a trade accord."
    assert _country(text, "signed", "agree", "The Kenyan president") == "UGA"
