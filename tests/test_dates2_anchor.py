"""'Last week' pins an undated article's date once its report joins a dated event
(resolve/date_anchor.py, pipeline.corpus_anchors)."""

from __future__ import annotations

from datetime import date

from test_dates_anchors import anchors, mention
from thucydides.pipeline import Undated
from thucydides.records import DateRef
from thucydides.resolve.date_anchor import deictic_floor, last_week, week_estimate


def _ref(text: str) -> DateRef:
    return DateRef(text, 0, len(text))


def test_last_week_of_a_thursday_event_is_written_from_the_next_monday() -> None:
    thursday = date(2023, 11, 9)
    assert deictic_floor([_ref("Last week")], thursday) == date(2023, 11, 13)
    assert deictic_floor([_ref("previous week")], thursday) == date(2023, 11, 13)
    # the last seven days, this week, a weekday: no week-on floor
    for expr in ("the past week", "this week", "on Friday", "yesterday"):
        assert deictic_floor([_ref(expr)], thursday) is None, expr
    # an expression already read against a report date says nothing new
    resolved = DateRef("last week", 0, 9, date="2023-11-02", precision="week", rule="relperiod")
    assert deictic_floor([resolved], thursday) is None


def test_an_event_of_last_week_is_put_in_the_middle_of_it() -> None:
    assert last_week("last week") and not last_week("next week")
    assert week_estimate("2023-11-06", "last week") == "2023-11-09"
    assert week_estimate("2023-11-06", "this week") == "2023-11-06"


def test_an_undated_report_of_last_week_dates_its_article_a_week_on() -> None:
    undated = {"blog": Undated(None, 2023)}
    plain = [mention("wire", 0, "2023-11-09", "expression"), mention("blog", 0, None, None)]
    assert anchors(plain, undated) == {"blog": "2023-11-10"}
    told = [mention("wire", 0, "2023-11-09", "expression"),
            mention("blog", 0, None, None, expr=_ref("Last week"))]
    assert anchors(told, undated) == {"blog": "2023-11-13"}
