"""A response cannot come before its cause: in an article whose report date is guessed, the
weekday of an act told as a response is on or after the day of the event it answers
(resolve/date_cause.py, resolve/date_context.py)."""

from __future__ import annotations

from test_dates_story import dated

# 2023-03-08 is a Wednesday; the Sunday before it is 03-05, the Sunday after it 03-12
REVENGE = ("The army fired rockets at rebel camps on Sunday in revenge for the market bombing.",
           "fired", ["on Sunday"])
CAUSE = ("Rebels claimed the March 8, 2023, bombing of the central market that killed 12.",
         "bombing", ["March 8, 2023"])
PLAIN = ("The army fired rockets at rebel camps on Sunday.", "fired", ["on Sunday"])


def test_a_retaliation_weekday_falls_on_or_after_the_dated_cause() -> None:
    got = dated([REVENGE, CAUSE], "2023-03-08", inferred=True)
    assert got[0][:2] == ("2023-03-12", "day")
    assert got[1][:2] == ("2023-03-08", "day")


def test_a_cause_dated_in_the_same_sentence_bounds_the_weekday() -> None:
    own = ("Troops shelled the hills on Friday in response to the March 1 ambush.",
           "shelled", ["on Friday", "March 1"])
    # guessed report date Thursday 03-02: the Friday before it (02-24) precedes the ambush
    assert dated([own], "2023-03-02", inferred=True)[0][:2] == ("2023-03-03", "day")


def test_without_a_response_cue_or_with_a_given_report_date_the_weekday_reads_back() -> None:
    assert dated([PLAIN, CAUSE], "2023-03-08", inferred=True)[0][:2] == ("2023-03-05", "day")
    assert dated([REVENGE, CAUSE], "2023-03-08")[0][:2] == ("2023-03-05", "day")
