"""An undated article's story of an act told by a bare weekday, which the corpus dates in another
period, takes the corpus's day (resolve/date_retold.py, pipeline.fuse_corpus)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thucydides.config import Settings
from thucydides.fuse import fuse
from thucydides.pipeline import Toolkit, Undated, extract_events, fuse_corpus
from thucydides.records import ActorRef, DateRef, Document, Event, EventType, Mention, PlaceRef
from thucydides.resolve.date_retold import RETOLD_RULE, retell, retold_days

# -- on hand-made mentions ----------------------------------------------------------------------

STRIKE = EventType("assault", "aerial", "195", -10.0, None, None, 4)
RUSSIA = ActorRef("Russian forces", 0, 14, country="RUS", kind="military")
TURKEY = ActorRef("Turkish jets", 0, 12, country="TUR", kind="military")
UKRAINE = PlaceRef("Ukraine", 30, 37, name="Ukraine", country="UKR", precision="country")
IRAQ = PlaceRef("Iraq", 30, 34, name="Iraq", country="IRQ", precision="country")
BLOG_DAY = "2023-12-27"  # the explainer's inferred report date, a Wednesday


def _ref(text: str, day: str, rule: str) -> DateRef:
    return DateRef(text, 40, 40 + len(text), date=day, precision="day", rule=rule)


def _report(doc: str, n: int, day: str, rule: str, ref: DateRef | None, published: str,
            actor: ActorRef = RUSSIA, place: PlaceRef = UKRAINE) -> Mention:
    return Mention(
        mention_id=f"{doc}:{n}:0", doc_id=doc, sentence_index=n, sentence=f"sentence {n}",
        sent_start=100 * n, sent_end=100 * n + 50, trigger="struck", trigger_start=100 * n + 15,
        trigger_end=100 * n + 21, type=STRIKE, actor1=actor, location=place,
        dates=[ref] if ref else [], date=day, date_precision="day", date_rule=rule,
        published=published)


def _wire(doc: str, day: str) -> Mention:
    """A dated article's report with a calendar day of its own."""
    return _report(doc, 0, day, "expression", _ref("on " + day, day, "iso"), day)


def _weekday(text: str, day: str, n: int = 3) -> Mention:
    """The explainer's report dated only by a weekday read against its inferred date."""
    return _report("blog", n, day, "expression", _ref(text, day, "weekday"), BLOG_DAY)


THURSDAY = _weekday("in the early hours of Thursday", "2023-12-21")
INVASION = _wire("wire", "2022-02-24")  # a Thursday
UNDATED = {"blog": Undated(BLOG_DAY, None)}


def _days(mentions: list[Mention], undated: dict[str, Undated] | None = None) -> dict[str, str]:
    undated = UNDATED if undated is None else undated
    return retold_days(mentions, fuse(mentions), undated)


def test_a_weekday_story_the_corpus_dates_in_another_year_takes_its_day() -> None:
    assert _days([INVASION, THURSDAY]) == {THURSDAY.mention_id: "2022-02-24"}
    # the article alone: nothing to go by
    assert _days([THURSDAY]) == {}


def test_the_report_joins_the_event_under_a_recorded_rule() -> None:
    mentions, events = fuse_corpus([INVASION, THURSDAY], Settings(progress=False), UNDATED)
    moved = next(m for m in mentions if m.mention_id == THURSDAY.mention_id)
    assert (moved.date, moved.date_rule) == ("2022-02-24", RETOLD_RULE)
    assert moved.dates[0].date == "2022-02-24"  # "Thursday" now reads the corpus's day
    assert [(e.date, sorted(e.mention_ids)) for e in events] == [
        ("2022-02-24", sorted([INVASION.mention_id, THURSDAY.mention_id]))]


def test_an_article_with_a_given_date_keeps_its_weekday() -> None:
    assert _days([INVASION, THURSDAY], {}) == {}


def test_an_event_of_the_act_near_the_article_keeps_its_weekday() -> None:
    near = _wire("daily", "2023-12-26")  # a dated article's strike the day before the guess
    assert _days([INVASION, near, THURSDAY]) == {}
    # so does one another undated article tells near it
    other = replace(_report("other", 1, "2023-12-25", "report-date", None, "2023-12-25"))
    undated = {**UNDATED, "other": Undated("2023-12-25", None)}
    assert _days([INVASION, other, THURSDAY], undated) == {}


def test_two_events_on_the_weekday_leave_the_report_alone() -> None:
    again = _wire("daily", "2022-03-03")  # another Thursday
    assert _days([INVASION, again, THURSDAY]) == {}
    # an event of the act on another weekday is no rival
    sunday = _wire("daily", "2022-03-06")
    assert _days([INVASION, sunday, THURSDAY]) == {THURSDAY.mention_id: "2022-02-24"}


def test_a_weekday_at_night_reaches_the_day_before_or_after() -> None:
    friday_night = _weekday("in the early hours of Friday", "2023-12-22")
    assert _days([INVASION, friday_night]) == {friday_night.mention_id: "2022-02-24"}
    friday = _weekday("on Friday", "2023-12-22")
    assert _days([INVASION, friday]) == {}
    last = _weekday("last Thursday", "2023-12-21")  # counts weeks: not a bare weekday
    assert _days([INVASION, last]) == {}


def test_only_the_same_act_is_retold() -> None:
    assert _days([replace(INVASION, actor1=TURKEY), THURSDAY]) == {}
    assert _days([replace(INVASION, location=IRAQ), THURSDAY]) == {}
    # a dated article that only counts its day from its own date does not date the act
    counted = replace(INVASION, date_rule="report-date", dates=[])
    assert _days([counted, THURSDAY]) == {}


def test_the_story_moves_whole_and_only_when_all_its_days_are_counted() -> None:
    later = _report("blog", 5, BLOG_DAY, "report-date", None, BLOG_DAY)  # same act, undated
    other = _report("blog", 6, BLOG_DAY, "report-date", None, BLOG_DAY, actor=TURKEY, place=IRAQ)
    days = _days([INVASION, THURSDAY, later, other])
    assert days == {THURSDAY.mention_id: "2022-02-24", later.mention_id: "2022-02-24"}
    # a report of the story that writes its own calendar day: the text decides
    dated = _report("blog", 5, "2023-12-21", "expression",
                    _ref("on December 21", "2023-12-21", "mdy"), BLOG_DAY)
    assert _days([INVASION, THURSDAY, dated]) == {}


def test_retell_leaves_other_reports_and_unfitting_weekdays_alone() -> None:
    saturday = _weekday("on Saturday", "2023-12-23", n=4)
    out = retell([INVASION, saturday], {saturday.mention_id: "2022-02-24"})
    assert out[0] is INVASION
    assert (out[1].date, out[1].date_rule) == ("2022-02-24", RETOLD_RULE)
    assert out[1].dates[0].date == "2023-12-23"  # "Saturday" does not give that day


# -- on texts -----------------------------------------------------------------------------------

EXPLAINER = (
    "Why Ankara keeps bombing northern Iraq\n\n"
    "Turkish warplanes struck Kurdish militant positions in northern Iraq on December 23, 2023, "
    "after an attack on a Turkish base killed twelve soldiers.\n\n"
    "Baghdad condemned the raids and summoned the Turkish ambassador.\n\n"
    "Ankara's allies had other worries. Russian forces launched missile strikes on Ukraine in "
    "the early hours of Thursday, and European governments are still absorbed by that war.\n")
INVADED = Document(id="wire-ua", published="2022-02-25", text=(
    "Russian forces launched missile strikes on Ukraine on Thursday, February 24, 2022, "
    "hitting airfields across the country, Ukrainian officials said.\n"))
RAIDS = Document(id="wire-tr", published="2023-12-24", text=(
    "Turkish warplanes struck Kurdish militant targets in northern Iraq on December 23, 2023, "
    "the Turkish defence ministry said.\n"))


@pytest.fixture(scope="module")
def kit() -> Toolkit:
    return Toolkit.load()


def _strikes(docs: list[Document], kit: Toolkit, agent: str) -> list[Event]:
    events = extract_events(docs, Settings(progress=False), kit)
    return [e for e in events if e.event_type == "assault" and e.actor1 is not None
            and e.actor1.country == agent and any(s.doc_id == "explainer" for s in e.sources)]


def test_an_explainer_mixing_years_tells_each_story_on_its_own_day(kit: Toolkit) -> None:
    explainer = Document(id="explainer", text=EXPLAINER)
    alone = _strikes([RAIDS, explainer], kit, "RUS")
    assert [e.date for e in alone] == ["2023-12-21"]  # read against the inferred date
    docs = [INVADED, RAIDS, explainer]
    [told] = _strikes(docs, kit, "RUS")
    assert told.date == "2022-02-24" and {s.doc_id for s in told.sources} == {
        "explainer", "wire-ua"}
    # the article's own story stays where its calendar day puts it
    assert [e.date for e in _strikes(docs, kit, "TUR")] == ["2023-12-23"]


def test_an_explainer_with_a_given_date_keeps_its_weekday(kit: Toolkit) -> None:
    explainer = Document(id="explainer", text=EXPLAINER, published="2023-12-28")
    assert [e.date for e in _strikes([INVADED, RAIDS, explainer], kit, "RUS")] == ["2023-12-28"]
