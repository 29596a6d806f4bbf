"""In an article whose report date is guessed, the story told on a day before it goes on as long
as its undated sentences follow each other; "the attack" refers back to the attack told of
before; and a date carried from a told story outweighs a bare report date in the consensus
(resolve/date_context.py, consensus._decide_date)."""

from __future__ import annotations

from test_dates_story import dated
from thucydides.consensus import CONSENSUS_RULES, decide
from thucydides.records import Claim, DateRef, Evidence

STRIKE = ("Drones struck a fuel depot outside the port on Monday.", "struck", ["on Monday"])
FOLLOW = [
    ("The blaze burned through the night.", "burned", []),
    ("Firefighters said three guards died.", "died", []),
    ("The governor blamed the rebels for the raid.", "raid", []),
    ("Rebel spokesmen denied they had fired anything.", "fired", []),
    ("Officials also said two warehouses had been destroyed.", "destroyed", []),
]


def test_a_told_story_goes_on_while_its_undated_sentences_follow_each_other() -> None:
    # guessed report date Tuesday 2023-05-09: the sixth sentence is five after the dated one,
    # but each is at most three after the last one that went on with Monday's story
    got = dated([STRIKE, *FOLLOW], "2023-05-09", inferred=True)
    assert got[0][:2] == ("2023-05-08", "day")
    assert all(g == ("2023-05-08", "day", "previous") for g in got[1:])
    # a given report date stands for undated sentences
    assert dated([STRIKE, *FOLLOW], "2023-05-09")[5] == ("2023-05-09", "day", "report-date")


FILLER = [("Shipping insurers raised their premiums.", "raised", [])] * 4


def test_the_attack_refers_back_to_the_attack_told_before() -> None:
    story = [STRIKE, *FILLER, ("Two guards were wounded in the drone attack.", "attack", [])]
    # a given report date (Wednesday): still the day the attack was told to have happened on
    assert dated(story, "2023-05-10")[-1] == ("2023-05-08", "day", "previous")
    proper = [STRIKE, *FILLER, ("Insurers blamed the Houthi attack for the losses.", "attack", [])]
    assert dated(proper, "2023-05-10")[-1][:2] == ("2023-05-08", "day")


def test_no_definite_phrase_no_reference_back() -> None:
    story = [STRIKE, *FILLER, ("Then the navy launched strikes on rebel boats.", "strikes", [])]
    assert dated(story, "2023-05-10")[-1] == ("2023-05-10", "day", "report-date")


def test_the_attack_of_an_old_story_is_not_todays() -> None:
    old = ("Drones struck a fuel depot on March 3, 2023.", "struck", ["on March 3, 2023"])
    story = [old, *FILLER, ("Two guards were wounded in the attack.", "attack", [])]
    assert dated(story, "2023-05-10")[-1] == ("2023-05-10", "day", "report-date")


def _claim(day: str, rule: str, doc: str) -> Claim:
    ev = Evidence(doc_id=doc, sentence="The depot burned.", start=0, end=17)
    return Claim("date", day, ev, ref=DateRef("", 0, 0, day, "day", rule))


def test_a_date_carried_from_a_told_story_beats_bare_report_dates() -> None:
    claims = [_claim("2023-05-09", "report-date", "a"), _claim("2023-05-09", "report-date", "a"),
              _claim("2023-05-08", "previous", "a")]
    d = decide("date", claims, ["a", "a", "a"])
    assert d is not None and d.value == ("2023-05-08", "day")
    assert d.consensus.rule == "told-over-report-date" and d.consensus.rule in CONSENSUS_RULES


def test_a_stated_date_still_decides_among_stated_reports() -> None:
    claims = [_claim("2023-05-09", "expression", "a"), _claim("2023-05-09", "expression", "b"),
              _claim("2023-05-08", "expression", "c"), _claim("2023-05-08", "previous", "c")]
    d = decide("date", claims, ["a", "b", "c", "c"])
    assert d is not None and d.value == ("2023-05-09", "day")
