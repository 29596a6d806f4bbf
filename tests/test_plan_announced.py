"""An act another article announced for a day dates an undated article's report of it that
only counts from its (inferred) report date (resolve/date_plan.py, pipeline.plan_anchors)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thucydides.config import Settings
from thucydides.pipeline import Toolkit, extract_events
from thucydides.records import ActorRef, DateRef, Document, Event, EventType, Mention
from thucydides.resolve.date_plan import fulfilled_anchors, same_act

VISIT_TEXT = (
    "Turkish Foreign Minister Hakan Fidan paid an official visit to Egypt for talks on trade, "
    "the Turkish Foreign Ministry said yesterday.\n\n"
    "Egyptian troops clashed with smugglers near the border with Libya on February 6, 2024.")


def _plan(sentence: str, published: str = "2024-02-05") -> Document:
    return Document(id="wire", published=published,
                    text=f"Egypt's parliament approved a new budget on Monday.\n\n{sentence}")


@pytest.fixture(scope="module")
def kit() -> Toolkit:
    return Toolkit.load()


def _visit(docs: list[Document], kit: Toolkit) -> Event:
    events = extract_events(docs, Settings(progress=False), kit)
    found = [e for e in events if e.status == "occurred" and e.event_type == "consult"
             and any(s.doc_id == "blog" for s in e.sources)]
    assert len(found) == 1, [(e.event_type, e.status, e.date) for e in events]
    return found[0]


def test_an_undated_visit_takes_the_day_another_article_announced(kit: Toolkit) -> None:
    blog = Document(id="blog", text=VISIT_TEXT)
    # alone, "yesterday" counts from the day after the latest day the text writes
    assert _visit([blog], kit).date == "2024-02-05"
    plan = _plan("Turkish Foreign Minister Hakan Fidan will visit Egypt on February 12, "
                 "the ministry said.")
    assert _visit([plan, blog], kit).date == "2024-02-12"


def test_a_visit_with_its_own_calendar_day_keeps_it(kit: Toolkit) -> None:
    blog = Document(id="blog", text=VISIT_TEXT.replace(
        "for talks on trade", "on February 7 for talks on trade"))
    plan = _plan("Turkish Foreign Minister Hakan Fidan will visit Egypt on February 12.")
    assert _visit([plan, blog], kit).date == "2024-02-07"


def test_a_plan_before_the_lower_bound_or_of_another_act_changes_nothing(kit: Toolkit) -> None:
    blog = Document(id="blog", text=VISIT_TEXT)
    early = _plan("Turkish Foreign Minister Hakan Fidan will visit Egypt on February 3.",
                  published="2024-02-01")
    assert _visit([early, blog], kit).date == "2024-02-05"
    other = _plan("Russian Foreign Minister Sergei Lavrov will visit Egypt on February 12.")
    assert _visit([other, blog], kit).date == "2024-02-05"
    elsewhere = _plan("Turkish Foreign Minister Hakan Fidan will visit Jordan on February 12.")
    assert _visit([elsewhere, blog], kit).date == "2024-02-05"


# -- on hand-made mentions ----------------------------------------------------------------------

VISIT = EventType("consult", "visit", "042", 1.9, None, None, 1)
CALL = EventType("consult", "phone", "040", 1.0, None, None, 1)
MINISTER = ActorRef("Hakan Fidan", 0, 11, name="Hakan Fidan", country="TUR", kind="government")
EGYPT = ActorRef("Egypt", 0, 5, name="Egypt", country="EGY", kind="state")


def _mention(doc: str, status: str, day: str, rule: str, ref: DateRef | None,
             published: str | None) -> Mention:
    return Mention(
        mention_id=f"{doc}:{status}", doc_id=doc, sentence_index=0, sentence="s", sent_start=0,
        sent_end=1, trigger="visit", trigger_start=0, trigger_end=5, type=VISIT,
        status=status,  # type: ignore[arg-type]
        actor1=MINISTER, actor2=EGYPT, dates=[ref] if ref else [], date=day,
        date_precision="day", date_rule=rule, published=published)


def _ref(text: str, day: str, rule: str) -> DateRef:
    return DateRef(text, 0, len(text), date=day, precision="day", rule=rule)


PLAN = _mention("wire", "hypothetical", "2024-02-12", "expression",
                _ref("on February 12", "2024-02-12", "mdy"), "2024-02-05")


def test_a_report_dated_by_its_report_date_moves_to_the_announced_day() -> None:
    told = _mention("blog", "occurred", "2024-02-06", "report-date", None, "2024-02-06")
    assert fulfilled_anchors([PLAN, told], {"blog"}) == {"blog": ["2024-02-12"]}
    # its event is dated by a dated article: left alone
    assert fulfilled_anchors([PLAN, told], {"blog"}, skip={told.mention_id}) == {}
    # a dated article's report date is no lower bound
    assert fulfilled_anchors([PLAN, told], set()) == {}


def test_a_deictic_day_moves_only_when_the_expression_can_land_on_it() -> None:
    yesterday = _mention("blog", "occurred", "2024-02-05", "expression",
                         _ref("yesterday", "2024-02-05", "relday"), "2024-02-06")
    assert fulfilled_anchors([PLAN, yesterday], {"blog"}) == {"blog": ["2024-02-13"]}
    # "on Friday" (the 2nd) cannot be read as Monday the 12th from any report date
    friday = _mention("blog", "occurred", "2024-02-02", "expression",
                      _ref("on Friday", "2024-02-02", "weekday"), "2024-02-06")
    assert fulfilled_anchors([PLAN, friday], {"blog"}) == {}
    # three weeks on: another visit, not this one
    old = _mention("blog", "occurred", "2024-01-20", "expression",
                   _ref("yesterday", "2024-01-20", "relday"), "2024-01-21")
    assert fulfilled_anchors([PLAN, old], {"blog"}) == {}


def test_a_deadline_a_denial_or_an_undated_deictic_plan_announces_no_day() -> None:
    told = _mention("blog", "occurred", "2024-02-06", "report-date", None, "2024-02-06")
    deadline = replace(PLAN, dates=[_ref("by February 12", "2024-02-12", "by+mdy")])
    assert fulfilled_anchors([deadline, told], {"blog"}) == {}
    denied = replace(PLAN, negated=True)
    assert fulfilled_anchors([denied, told], {"blog"}) == {}
    monday = replace(PLAN, doc_id="other", dates=[_ref("on Monday", "2024-02-12", "weekday")])
    assert fulfilled_anchors([monday, told], {"blog", "other"}) == {}
    assert fulfilled_anchors([replace(monday, doc_id="wire"), told], {"blog"}) == {
        "blog": ["2024-02-12"]}


def test_the_same_act_is_one_type_agent_and_destination() -> None:
    told = _mention("blog", "occurred", "2024-02-06", "report-date", None, "2024-02-06")
    assert same_act(PLAN, told)
    assert not same_act(replace(PLAN, type=CALL), told)
    assert not same_act(replace(PLAN, actor1=EGYPT), told)
    assert not same_act(replace(PLAN, actor2=MINISTER), told)
    assert not same_act(replace(PLAN, actor1=None), told)
    # unnamed agents: the same country and kind
    minister = replace(MINISTER, name=None)
    assert same_act(replace(PLAN, actor1=minister), replace(told, actor1=minister))


def test_a_plan_in_the_reports_own_article_or_its_copy_is_another_act() -> None:
    told = _mention("blog", "occurred", "2024-02-06", "report-date", None, "2024-02-06")
    again = replace(PLAN, doc_id="blog", mention_id="blog:3:7")  # "will visit again on the 12th"
    assert fulfilled_anchors([again, told], {"blog"}) == {}
    copied = replace(PLAN, doc_id="mirror", mention_id="blog:3:7@mirror")
    assert fulfilled_anchors([copied, told], {"blog", "mirror"}) == {}
    assert fulfilled_anchors([PLAN, told], {"blog"}) == {"blog": ["2024-02-12"]}
