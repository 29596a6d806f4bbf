"""Tests for thucydides.resolve.dates (texts written for these tests)."""

from __future__ import annotations

import pytest

from thucydides.resolve.dates import (
    find_date_expressions,
    infer_published,
    normalise_date,
    shift_relative,
    text_years,
)

WED = "2024-01-17"  # a Wednesday
TUE = "2024-01-16"  # a Tuesday


def found(text: str) -> list[str]:
    return [text[s:e] for s, e in find_date_expressions(text)]


def norm(expr: str, anchor: str | None = WED, **kw: int) -> tuple[str | None, str | None] | None:
    ref = normalise_date(expr, anchor, **kw)
    return None if ref is None else (ref.date, ref.precision)


# --- finder -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The talks began on January 16, 2024 in Geneva.", ["on January 16, 2024"]),
    ("Troops withdrew on 16 January 2024, officials said.", ["on 16 January 2024"]),
    ("The convoy left on Jan. 16 and returned Jan 18.", ["on Jan. 16", "Jan 18"]),
    ("By 16 Jan the border was shut.", ["By 16 Jan"]),
    ("Filed 2024-01-16 by the ministry.", ["2024-01-16"]),
    ("Filed 16/01/2024 by the ministry.", ["16/01/2024"]),
    ("Fighting resumed in mid-January near the river.", ["in mid-January"]),
    ("Talks stalled in early January 2024.", ["in early January 2024"]),
    ("The group was founded in 2020.", ["in 2020"]),
    ("Prices rose in January 2024.", ["in January 2024"]),
    ("Shelling hit the port last week and again yesterday.", ["last week", "yesterday"]),
    ("Protests continued today and tonight.", ["today", "tonight"]),
    ("Two drones struck last night.", ["last night"]),
    ("The minister resigned on Tuesday.", ["on Tuesday"]),
    ("Gunmen stormed the post late on Thursday night.", ["late on Thursday night"]),
    ("Blasts shook the city in the early hours of Friday.", ["in the early hours of Friday"]),
    ("Tuesday's attack killed nine.", ["Tuesday"]),
    ("Rebels retaliated a day after the raid.", ["a day after"]),
    ("They returned two days later.", ["two days later"]),
    ("A second strike came less than 48 hours later.", ["less than 48 hours later"]),
    ("A similar raid had failed two years earlier.", ["two years earlier"]),
    ("Exports fell last month and rose earlier this month.", ["last month", "earlier this month"]),
    ("This year the harvest failed.", ["This year"]),
    ("The town has been under siege since 2012.", ["since 2012"]),
    ("He had visited the previous day.", ["the previous day"]),
    ("Rockets were fired overnight.", ["overnight"]),
])
def test_finder_families(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "He served for two years in the army.",
    "The siege lasted 48 hours.",
    "Some 2020 soldiers were deployed.",
    "You may go now.",
    "Turnout was 1999 votes.",
])
def test_finder_ignores_durations_and_counts(text: str) -> None:
    assert find_date_expressions(text) == []


def test_finder_prefers_longest_span() -> None:
    text = "The accord was signed on Tuesday, January 16, 2024 in Doha."
    assert found(text) == ["on Tuesday, January 16, 2024"]


def test_finder_month_alone_needs_context() -> None:
    assert found("March on the capital") == []
    assert found("The vote is due in March.") == ["in March"]


# --- normalise_date: explicit dates ----------------------------------------------------------

@pytest.mark.parametrize("expr, expected", [
    ("January 16, 2024", ("2024-01-16", "day")),
    ("16 January 2024", ("2024-01-16", "day")),
    ("the 16th of January, 2024", ("2024-01-16", "day")),
    ("Tuesday, Jan. 16, 2024", ("2024-01-16", "day")),
    ("2024-01-16", ("2024-01-16", "day")),
    ("16/01/2024", ("2024-01-16", "day")),  # day-first: 16 cannot be a month
    ("01/16/2024", ("2024-01-16", "day")),  # month-first: 16 cannot be a month
    ("16.01.2024", ("2024-01-16", "day")),
    ("January 2024", ("2024-01-01", "month")),
    ("early January 2024", ("2024-01-05", "week")),
    ("late March 2023", ("2023-03-25", "week")),
    ("in 2020", ("2020-01-01", "year")),
    ("mid-2019", ("2019-01-01", "year")),
    ("June last year", ("2023-06-01", "month")),
])
def test_explicit_dates(expr: str, expected: tuple[str, str]) -> None:
    assert norm(expr) == expected


def test_ambiguous_numeric_prefers_the_reading_on_or_before_the_anchor() -> None:
    # 03/04/2024: 3 April or 4 March; an article of 20 March can only have reported 4 March.
    assert norm("03/04/2024", "2024-03-20") == ("2024-03-04", "day")
    assert norm("03/04/2024", "2024-05-01") == ("2024-04-03", "day")


def test_month_day_without_year_takes_anchor_year() -> None:
    assert norm("Jan. 16") == ("2024-01-16", "day")
    assert norm("Jan 16") == ("2024-01-16", "day")
    assert norm("16 Jan") == ("2024-01-16", "day")
    # up to ~2 months ahead stays in the anchor's year (announced dates)
    assert norm("March 1") == ("2024-03-01", "day")


def test_year_boundary_goes_back_a_year() -> None:
    assert norm("Dec. 30", "2024-01-02") == ("2023-12-30", "day")
    assert norm("December", "2024-01-02") == ("2023-12-01", "month")
    assert norm("late December", "2024-01-02") == ("2023-12-25", "week")


def test_no_anchor_uses_default_year_or_gives_up() -> None:
    assert norm("Jan. 16", None) is None
    assert norm("Jan. 16", None, default_year=2021) == ("2021-01-16", "day")
    assert norm("January 16, 2024", None) == ("2024-01-16", "day")
    assert norm("on Tuesday", None, default_year=2021) is None
    assert norm("yesterday", None) is None


def test_mid_month_is_the_15th_precision_week() -> None:
    assert norm("mid-January") == ("2024-01-15", "week")
    assert norm("the middle of January") == ("2024-01-15", "week")
    assert norm("the end of January") == ("2024-01-25", "week")


# --- normalise_date: relative to the report date ---------------------------------------------

def test_weekdays_resolve_to_most_recent_on_or_before_anchor() -> None:
    assert norm("on Tuesday") == ("2024-01-16", "day")  # the day before a Wednesday
    assert norm("Wednesday") == (WED, "day")  # same weekday = the anchor itself
    assert norm("Thursday") == ("2024-01-11", "day")
    assert norm("Tuesday's") == ("2024-01-16", "day")
    assert norm("late on Thursday night") == ("2024-01-11", "day")
    assert norm("the early hours of Friday") == ("2024-01-12", "day")


def test_weekday_when_anchor_is_that_weekday() -> None:
    assert norm("on Tuesday", TUE) == (TUE, "day")
    assert norm("last Tuesday", TUE) == ("2024-01-09", "day")
    assert norm("next Tuesday", TUE) == ("2024-01-23", "day")


@pytest.mark.parametrize("expr, expected", [
    ("yesterday", ("2024-01-16", "day")),
    ("last night", ("2024-01-16", "day")),
    ("overnight", ("2024-01-16", "day")),
    ("today", (WED, "day")),
    ("tonight", (WED, "day")),
    ("this morning", (WED, "day")),
    ("last week", ("2024-01-10", "week")),
    ("this week", (WED, "week")),
    ("last month", ("2023-12-01", "month")),
    ("earlier this month", ("2024-01-01", "month")),
    ("this year", ("2024-01-01", "year")),
    ("last year", ("2023-01-01", "year")),
    ("early this year", ("2024-01-01", "year")),
    ("two years ago", ("2022-01-01", "year")),
    ("three days ago", ("2024-01-14", "day")),
    ("a few days ago", ("2024-01-14", "week")),
    ("last weekend", ("2024-01-13", "week")),
])
def test_report_relative(expr: str, expected: tuple[str, str]) -> None:
    assert norm(expr) == expected


def test_relative_month_names() -> None:
    assert norm("last May", "2024-03-10") == ("2023-05-01", "month")
    assert norm("last February", "2024-03-10") == ("2024-02-01", "month")
    assert norm("next June", "2024-03-10") == ("2024-06-01", "month")


def test_boundary_prepositions_are_kept_in_rule() -> None:
    ref = normalise_date("since 2012", WED)
    assert ref is not None
    assert (ref.date, ref.precision, ref.rule) == ("2012-01-01", "year", "since+year")
    ref = normalise_date("in 2020", WED)
    assert ref is not None and ref.rule == "year"


@pytest.mark.parametrize("expr", [
    "for two years", "48 hours", "two days later", "the previous day", "a day after",
    "the 1990s", "soon", "", "the attack",
])
def test_not_dates_or_anaphoric_give_none(expr: str) -> None:
    assert normalise_date(expr, WED) is None


def test_ref_fields() -> None:
    ref = normalise_date("on Jan. 16,", WED)
    assert ref is not None
    assert (ref.text, ref.start, ref.end, ref.rule) == ("on Jan. 16,", 0, 11, "mdy")


def test_mixed_years_in_one_article_do_not_collapse() -> None:
    text = ("The militia was formed in 2020. On Tuesday its fighters attacked a checkpoint, "
            "and on Jan. 3 they had shelled the town.")
    anchor = "2024-01-17"
    dates = [normalise_date(text[s:e], anchor, default_year=min(text_years(text)))
             for s, e in find_date_expressions(text)]
    assert [(d.date, d.precision) for d in dates if d] == [
        ("2020-01-01", "year"), ("2024-01-16", "day"), ("2024-01-03", "day")]


def test_invalid_anchor_behaves_like_none() -> None:
    assert norm("yesterday", "not a date") is None
    assert norm("Feb. 30", WED) is None


# --- shift_relative ------------------------------------------------------------------------------

@pytest.mark.parametrize("expr, expected", [
    ("a day after", ("2024-01-11", "day")),
    ("two days later", ("2024-01-12", "day")),
    ("less than 48 hours later", ("2024-01-11", "day")),
    ("the next day", ("2024-01-11", "day")),
    ("the following day", ("2024-01-11", "day")),
    ("the previous day", ("2024-01-09", "day")),
    ("the day before", ("2024-01-09", "day")),
    ("a week earlier", ("2024-01-03", "week")),
    ("two years earlier", ("2022-01-01", "year")),
    ("a month before", ("2023-12-01", "month")),
    ("later that day", ("2024-01-10", "day")),
    ("days later", ("2024-01-12", "week")),
])
def test_shift_relative(expr: str, expected: tuple[str, str]) -> None:
    ref = shift_relative(expr, "2024-01-10")
    assert ref is not None
    assert (ref.date, ref.precision) == expected


def test_shift_relative_across_year_boundary() -> None:
    ref = shift_relative("three days later", "2023-12-30")
    assert ref is not None and ref.date == "2024-01-02"


def test_shift_relative_rejects_non_relative_and_bad_base() -> None:
    assert shift_relative("January 16, 2024", "2024-01-10") is None
    assert shift_relative("two days later", "sometime") is None
    assert shift_relative("for two days", "2024-01-10") is None


# --- infer_published / text_years ------------------------------------------------------------

def test_dateline_without_year_takes_latest_dated_year_in_text() -> None:
    text = ("TBILISI, Georgia, March 4. Police dispersed a rally, the ministry said. "
            "The law, first drafted in 2019, has drawn protests since February 2024.")
    assert infer_published(text) == "2024-03-04"


def test_dateline_ignores_bare_background_years() -> None:
    # "in 2020" says nothing about the article's own year.
    text = "TBILISI, Georgia, March 4. The general, who was killed in 2020, was honoured."
    assert infer_published(text) is None


def test_dateline_with_year_and_agency() -> None:
    assert infer_published("KYIV, Jan. 5, 2024 (Wire) - Air defences were active.") == "2024-01-05"


def test_dateline_without_any_year_is_none() -> None:
    assert infer_published("TBILISI, Georgia, March 4. Police dispersed a rally.") is None


@pytest.mark.parametrize("text, expected", [
    ("Ceasefire holds\nPublished: 17 January 2024\nThe truce held overnight.", "2024-01-17"),
    ("Published on Jan 17, 2024 10:30 GMT | Updated Jan 18, 2024\nText.", "2024-01-17"),
    ("Border reopens\nUpdated Jan 18, 2024\nTrucks crossed on Monday.", "2024-01-18"),
    ("Posted 2024-01-19 by staff. A convoy was hit.", "2024-01-19"),
])
def test_published_lines(text: str, expected: str) -> None:
    assert infer_published(text) == expected


def test_fallback_latest_full_date() -> None:
    text = ("The strike on January 16, 2024 followed a bombing on January 3, 2024. "
            "Talks are scheduled for March 1, 2024.")
    assert infer_published(text) == "2024-01-16"


def test_fallback_month_day_with_year_from_text() -> None:
    text = ("Attacks have grown since March 2023. On Jan. 16 it attacked a base; on Jan. 3 a "
            "convoy.")
    assert infer_published(text) == "2023-01-16"  # the latest dated year is 2023


def test_future_dates_are_not_publication_dates() -> None:
    text = ("Envoys met on January 10, 2024 and will meet again from January 22 to "
            "January 24, 2024.")
    assert infer_published(text) == "2024-01-10"


def test_infer_published_none_when_nothing_there() -> None:
    assert infer_published("Fighting continued on Tuesday near the border.") is None
    assert infer_published("") is None


def test_text_years() -> None:
    text = "Founded in 1998, banned in 2019 and again in 1998; $2000 and 2021% and 1990s are not."
    assert text_years(text) == [1998, 2019]
    assert text_years("The 2009-2010 season and 2012-01-05.") == [2009, 2010, 2012]
    assert text_years("no years here, 1800 or 2200 or 12345") == []


# --- times of day, more explicit formats, precision of vague hours (issue 5) --------------------

SAT = "2024-01-20"  # a Saturday


@pytest.mark.parametrize("text, expected", [
    ("Blasts shook the port early hours of Friday, witnesses said.", ["early hours of Friday"]),
    ("Shelling began before dawn on Friday and stopped at dusk on Saturday.",
     ["before dawn on Friday", "at dusk on Saturday"]),
    ("The raid began in the early hours of Friday, June 13, when jets struck.",
     ["in the early hours of Friday, June 13"]),
    ("Troops pulled out on 16-Jan-2024 after talks.", ["on 16-Jan-2024"]),
    ("The convoy was hit on the 16th, officials said.", ["on the 16th"]),
    ("The 5th Brigade moved to the 3rd floor.", []),
    ("Deaths peaked during the pandemic of 2009-2010, when many died.", ["2009-2010"]),
    ("He cited a 2009 analysis by the agency.", ["2009"]),
    ("Spending rose this fiscal year.", ["this fiscal year"]),
])
def test_finder_times_of_day_and_formats(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("expr, expected", [
    ("early hours of Friday", ("2024-01-19", "day")),
    ("in the early hours of Friday", ("2024-01-19", "day")),
    ("late on Thursday night", ("2024-01-18", "day")),
    ("before dawn on Friday", ("2024-01-19", "day")),
    ("at dawn on Friday", ("2024-01-19", "day")),
    ("Friday before dawn", ("2024-01-19", "day")),
    ("on the night of January 16", ("2024-01-16", "day")),
    ("late on January 16", ("2024-01-16", "day")),
    ("16-Jan-2024", ("2024-01-16", "day")),
    ("16/Jan/2024", ("2024-01-16", "day")),
    ("on the 16th", ("2024-01-16", "day")),
    ("on the 25th", ("2023-12-25", "day")),  # later than the report: the month before
    ("the night of the 16th", ("2024-01-16", "day")),
    ("mid-January", ("2024-01-15", "week")),
    ("last week", ("2024-01-13", "week")),
    ("this fiscal year", ("2024-01-01", "year")),
])
def test_normalise_times_of_day_and_formats(expr: str, expected: tuple[str, str]) -> None:
    assert norm(expr, SAT) == expected


def test_a_time_of_day_is_no_boundary_but_before_a_date_is() -> None:
    ref = normalise_date("before dawn on Friday", SAT)
    assert ref is not None and ref.rule == "weekday"
    ref = normalise_date("before January 16", SAT)
    assert ref is not None and ref.rule == "before+mdy"
    ref = normalise_date("by midnight on Friday", SAT)
    assert ref is not None and ref.rule == "by+weekday"  # a deadline


def test_the_weekday_of_a_full_date_with_a_time_of_day() -> None:
    ref = normalise_date("in the early hours of Friday, June 13", "2025-06-20")
    assert ref is not None and (ref.date, ref.precision) == ("2025-06-13", "day")


def test_vague_hours_keep_day_precision() -> None:
    later = shift_relative("hours later", TUE)
    assert later is not None and (later.date, later.precision) == (TUE, "day")
    ago = normalise_date("a few hours ago", TUE)
    assert ago is not None and ago.precision == "day"
    days = shift_relative("days later", TUE)
    assert days is not None and days.precision == "week"  # vague days stay coarser


def test_shifts_from_another_event() -> None:
    day_after = shift_relative("a day after", TUE)
    assert day_after is not None and day_after.date == "2024-01-17"
    within = shift_relative("less than 48 hours later", TUE)
    assert within is not None and within.date == "2024-01-17"
    two = shift_relative("two years earlier", TUE)
    assert two is not None and (two.date, two.precision) == ("2022-01-01", "year")
