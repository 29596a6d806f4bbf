"""An undated article's sentence that states its own time against the report date ("Last week,
...") takes no earlier sentence's date (resolve/date_context.py, ``DocDates.pick``)."""

from __future__ import annotations

from test_dates_story import dated


def test_last_week_in_undated_article_takes_no_previous_date() -> None:
    story = [
        ("The rebels shelled the port on March 3, 2022.", "shelled", ["on March 3, 2022"]),
        ("Last week, the army bombed a depot near the border.", "bombed", ["Last week"]),
    ]
    got = dated(story, None)
    assert got[0][:2] == ("2022-03-03", "day")
    assert got[1] == (None, None, None)  # not March 3: no report date says when last week was


def test_undated_sentence_still_continues_the_story() -> None:
    story = [
        ("The rebels shelled the port on March 3, 2022.", "shelled", ["on March 3, 2022"]),
        ("The army then bombed a depot near the border.", "bombed", []),
    ]
    assert dated(story, None)[1] == ("2022-03-03", "day", "previous")


def test_last_week_with_a_report_date_is_read_against_it() -> None:
    story = [("Last week, the army bombed a depot near the border.", "bombed", ["Last week"])]
    # the seven days before March 10: most likely their middle
    assert dated(story, "2022-03-10")[0][:2] == ("2022-03-06", "week")


def test_sentences_after_a_past_story_keep_its_date_when_the_report_date_is_guessed() -> None:
    story = [
        ("Last week, the army shelled the harbour.", "shelled", ["Last week"]),
        ("The shells killed five fishermen.", "killed", []),
    ]
    # report date inferred (a corpus anchor): the second sentence goes on with last week's story
    got = dated(story, "2022-03-14", inferred=True)
    assert got[0][:2] == ("2022-03-10", "week")  # the middle of the seven days before
    assert got[1] == ("2022-03-10", "week", "previous")
    # a given report date stands: the paper tells what it knows on its day
    assert dated(story, "2022-03-14")[1] == ("2022-03-14", "day", "report-date")


def test_a_story_told_a_day_before_the_guessed_report_date_keeps_its_day() -> None:
    story = [
        ("The army shelled the harbour yesterday.", "shelled", ["yesterday"]),
        ("The shells killed five fishermen.", "killed", []),
    ]
    # a guessed report date (the day after the story's) is no better than the story's own day
    assert dated(story, "2022-03-14", inferred=True)[1] == ("2022-03-13", "day", "previous")
    # a given report date stands
    assert dated(story, "2022-03-14")[1] == ("2022-03-14", "day", "report-date")
