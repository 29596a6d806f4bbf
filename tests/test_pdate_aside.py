"""An act told in the past perfect in a side remark about a participant ("chaired by the premier,
who had cut short a visit to Tokyo") happened before the story, on a day only its own clause can
say: the report date, or a date of the sentence's main clause, is no day of it; with none of its
own it has no date (resolve/date_aside.py, resolve/date_context.py)."""

from __future__ import annotations

import pytest

from test_kdate_statement_bound import resolved
from thucydides.config import Settings
from thucydides.pipeline import Toolkit, extract_events
from thucydides.records import DateRef, Document, EventType, Mention
from thucydides.resolve.date_aside import aside_clause
from thucydides.resolve.date_context import DocDates

# 2024-03-06 is a Wednesday: Monday 03-04, Tuesday 03-05
PUBLISHED = "2024-03-06"


def _mention(sentence: str, trigger: str) -> Mention:
    t = sentence.index(trigger)
    return Mention(mention_id="m0", doc_id="k", sentence_index=0, sentence=sentence, sent_start=0,
                   sent_end=len(sentence), trigger=trigger, trigger_start=t,
                   trigger_end=t + len(trigger), type=EventType("consult"))


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The talks followed a cabinet meeting chaired by the premier, who had cut short a visit "
     "to Tokyo.", "visit"),
    ("The reporter, who had been detained at the airport, was freed on Monday.", "detained"),
    ("Gunmen that had attacked a convoy were killed on Sunday.", "attacked"),
    ("Having crossed the river at night, the troops stormed the village.", "crossed"),
    ("The port, which had been seized by rebels and recaptured by troops, was calm.",
     "recaptured"),
    ("Jets struck villages where the government had declared a truce.", "truce"),
    ("The envoy, whose team had held a two-day meeting with rebels, flew home.", "meeting"),
    ("The militia, which had launched drone strikes on the port, vowed more.", "strikes"),
    ("The militia, which had carried out attacks on the port, vowed more.", "attacks"),
    ("The governor, who had earlier visited the front, met the king.", "visited"),
    ("The accord, which Chile had signed in Lima, lapsed.", "signed"),
    ("The envoy, to whom the king had sent a letter, left.", "letter"),
])
def test_a_past_perfect_side_remark_is_found(sentence: str, trigger: str) -> None:
    assert aside_clause(_mention(sentence, trigger)) is not None


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Rebels who had crossed the border attacked a police post.", "attacked"),
    ("Rebels who had crossed the border struck a police post.", "struck"),
    ("Rebels who had crossed the border struck a police post.", "post"),
    ("The reporter, who had been detained at the airport, was freed on Monday.", "freed"),
    ("Earlier, the army had shelled the town.", "shelled"),
    ("The ministry said it had summoned the envoy.", "summoned"),
    ("The minister, who had a role in the talks, resigned.", "talks"),
    ("The minister, who had to cancel his trip, resigned.", "trip"),
    ("The envoy, having talks with rebels, left.", "talks"),
    ("Having crossed the river at night, the troops stormed the village.", "stormed"),
    ("The firms that had worked on the port project sued the ministry.", "ministry"),
    ("The man who had fled after police raided his home was caught.", "raided"),
    ("It was unclear which side had fired first.", "fired"),
    ("It was not immediately clear who had carried out the attack.", "attack"),
    ("Police did not say who had fired the shots.", "shots"),
    ("Most of the prisoners whom the envoys met had never received a trial.", "trial"),
    ("The stadium, where the club had been scheduled to host a final, was shut.", "host"),
])
def test_a_main_clause_a_statement_or_a_main_verb_had_is_no_side_remark(
        sentence: str, trigger: str) -> None:
    assert aside_clause(_mention(sentence, trigger)) is None


def test_the_side_remark_ends_before_the_main_clause() -> None:
    sentence = "Gunmen that had attacked a convoy on Friday were killed on Sunday."
    clause = aside_clause(_mention(sentence, "attacked"))
    assert clause is not None and sentence[clause[0]:clause[1]].strip() == (
        "that had attacked a convoy on Friday")


def test_the_act_of_a_side_remark_takes_no_report_date() -> None:
    text = ("The talks followed a cabinet meeting in the capital, chaired by the premier, who had "
            "cut short a visit to Tokyo.")
    got = resolved(text, [(0, "talks", "consult"), (0, "visit", "consult")])
    assert got == [(PUBLISHED, "report-date"), (None, None)]


def test_a_date_of_the_main_clause_is_not_the_side_remark_s() -> None:
    text = ("On Tuesday, the premier, who had cut short a visit to Tokyo, chaired a meeting of "
            "the cabinet.")
    got = resolved(text, [(0, "visit", "consult"), (0, "meeting", "consult")])
    assert got == [(None, None), ("2024-03-05", "expression")]


def test_a_date_inside_the_side_remark_is_its_own() -> None:
    text = "The reporter, who had been detained on Monday at the airport, was freed by the police."
    got = resolved(text, [(0, "detained", "coerce"), (0, "freed", "release")])
    assert got == [("2024-03-04", "expression"), (PUBLISHED, "report-date")]


def test_a_main_act_told_in_the_past_perfect_keeps_the_report_date() -> None:
    text = "Earlier, the army had shelled the town. Rebels who had crossed the border attacked a post."
    got = resolved(text, [(0, "shelled", "assault"), (1, "attacked", "assault")])
    assert got == [(PUBLISHED, "report-date"), (PUBLISHED, "report-date")]


def test_a_side_remark_naming_the_story_s_act_takes_its_day() -> None:
    # "the bombing" of a side remark is the one the article told on Monday
    text = ("A bomb exploded at the bus station on Monday, killing four. "
            "Police arrested a man who had planned the bombing.")
    got = resolved(text, [(0, "exploded", "assault"), (1, "bombing", "assault")])
    assert got == [("2024-03-04", "expression"), ("2024-03-04", "previous")]


def _events(*texts: tuple[str, str]) -> list[tuple[str | None, list[str]]]:
    docs = [Document(id=f"d{i}", text=t, published=day) for i, (t, day) in enumerate(texts)]
    return [(e.date, sorted({s.doc_id for s in e.sources}))
            for e in extract_events(docs, Settings(progress=False), Toolkit.load())
            if e.event_type == "consult"]


REMARK = ("The emergency session followed a meeting of the Japanese cabinet, chaired by Prime "
          "Minister Fumio Kishida, who had cut short a visit to Sydney, Australia.")


def test_an_undated_side_remark_is_no_event_of_the_timeline_alone() -> None:
    assert _events((REMARK, "2024-03-07")) == []


def test_an_undated_side_remark_joins_the_report_that_dates_its_act() -> None:
    told = "Japanese Prime Minister Fumio Kishida began a visit to Sydney in Australia on Monday."
    assert _events((told, "2024-03-06"), (REMARK, "2024-03-07")) == [("2024-03-04",
                                                                       ["d0", "d1"])]


def test_a_remark_about_the_act_itself_dates_it() -> None:
    # the remark is about "the bombings" (its antecedent): its date is theirs
    text = "Officials mourned the bombings, which had happened on Monday at a shrine."
    got = resolved(text, [(0, "bombings", "assault"), (0, "mourned", "consult")])
    assert got == [("2024-03-04", "expression"), (PUBLISHED, "report-date")]


def test_a_perfect_participle_clause_keeps_its_date_to_itself() -> None:
    text = "Rebels seized the town, having shelled it on Monday from the hills."
    got = resolved(text, [(0, "seized", "coerce"), (0, "shelled", "assault")])
    assert got == [(PUBLISHED, "report-date"), ("2024-03-04", "expression")]


def _bare(sentence: str, trigger: str, given: str | None = None) -> Mention:
    """A mention given only the date ``given`` (the parse may hang a remark's date elsewhere)."""
    m = _mention(sentence, trigger)
    if given is not None:
        at = sentence.index(given)
        m.dates = [DateRef(given, at, at + len(given))]
    return m


def test_a_date_of_the_remark_hung_on_the_main_verb_goes_to_the_remark_s_act() -> None:
    sentence = "Rebels seized the town, having shelled it on Monday from the hills."
    d = DocDates(PUBLISHED, 2024)
    main = _bare(sentence, "seized", "on Monday")
    assert d.pick(main, d.normalise(main)) == (PUBLISHED, "day") and d.rule == "report-date"
    remark = _bare(sentence, "shelled")
    assert d.pick(remark, d.normalise(remark)) == ("2024-03-04", "day")
    assert d.rule == "expression"
