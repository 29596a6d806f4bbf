"""An act a dated statement tells in the past perfect ("said on Tuesday that its fighters had
ambushed a convoy") was done by the statement's day, not on it: it keeps that day as a bound
(rule ``by-statement``, not a stated date), so a day stated elsewhere for the act wins; an act
told in the simple past keeps the statement's day as stated. "The claim came a day after the
ambush" dates the ambush back from the statement's day (resolve/date_statement.py,
resolve/date_shift.py, resolve/date_context.py, consensus.py)."""

from __future__ import annotations

from test_dates5_statement import spec_mentions
from test_resolve_stage import resources
from thucydides.consensus import decide
from thucydides.corroboration import claim_sources
from thucydides.nlp import parse
from thucydides.records import (
    STATED_DATE_RULES,
    Claim,
    DateRef,
    Document,
    EventType,
    Evidence,
    Mention,
)
from thucydides.resolve.date_context import DocDates
from thucydides.resolve.date_statement import BY_STATEMENT_RULE, earlier_tense
from thucydides.resolve.stage import resolve_doc

# 2024-03-06 is a Wednesday: Sunday 03-03, Monday 03-04, Tuesday 03-05
PUBLISHED = "2024-03-06"
Spec = tuple[int, str, str]  # sentence, trigger, PLOVER type


def resolved(text: str, specs: list[Spec]) -> list[tuple[str | None, str | None]]:
    """(date, rule) of each mention, with the dates (and statement marks) extract.spans finds."""
    pdoc = parse([Document(id="s", text=text, published=PUBLISHED)])[0]
    got = resolve_doc(pdoc, spec_mentions(pdoc, specs), resources())
    return [(m.date, m.date_rule) for m in sorted(got, key=lambda m: int(m.mention_id[1:]))]


def _marked(sentence: str, trigger: str, expr: str, verb: str) -> tuple[Mention, DateRef]:
    """A one-sentence mention whose date ``expr`` is marked as the date of the speech verb."""
    at, t = sentence.index(expr), sentence.index(trigger)
    d = DateRef(expr, at, at + len(expr), rule=f"statement@{sentence.index(verb)}")
    m = Mention(mention_id="m0", doc_id="k", sentence_index=0, sentence=sentence, sent_start=0,
                sent_end=len(sentence), trigger=trigger, trigger_start=t,
                trigger_end=t + len(trigger), type=EventType("assault"), dates=[d])
    return m, d


def test_the_past_perfect_under_a_dated_speech_verb_is_an_earlier_tense() -> None:
    for sentence, trigger in (
            ("The militia said on Tuesday that its fighters had ambushed a convoy.", "ambushed"),
            ("The militia said on Tuesday that its fighters had carried out the ambush.", "ambush"),
            ("The army said on Tuesday that four soldiers had been killed.", "killed"),
            ("The army said on Tuesday that rebels had already shelled the town.", "shelled")):
        m, d = _marked(sentence, trigger, "on Tuesday", "said")
        assert earlier_tense(m, d), sentence


def test_simple_past_and_a_main_verb_had_are_not() -> None:
    for sentence, trigger in (
            ("The militia said on Tuesday that its fighters ambushed a convoy.", "ambushed"),
            ("The militia said on Tuesday that it had no part in the ambush.", "ambush"),
            ("The militia said on Tuesday that it has carried out the ambush.", "ambush")):
        m, d = _marked(sentence, trigger, "on Tuesday", "said")
        assert not earlier_tense(m, d), sentence


def test_an_act_told_in_the_past_perfect_keeps_the_statement_day_only_as_a_bound() -> None:
    said = "The militia said on Tuesday that its fighters had ambushed an army convoy."
    assert resolved(said, [(0, "ambushed", "assault")]) == [("2024-03-05", BY_STATEMENT_RULE)]
    assert BY_STATEMENT_RULE not in STATED_DATE_RULES


def test_an_act_told_in_the_simple_past_keeps_the_statement_day_as_stated() -> None:
    said = "The militia said on Tuesday that its fighters ambushed an army convoy."
    assert resolved(said, [(0, "ambushed", "assault")]) == [("2024-03-05", "expression")]


def test_the_claim_came_a_day_after_the_attack_dates_the_attack_back() -> None:
    text = ("The militia said on Tuesday that its fighters had ambushed an army convoy. "
            "The claim came a day after the deadly ambush on the convoy near the river.")
    got = resolved(text, [(0, "ambushed", "assault"), (1, "ambush", "assault")])
    assert got == [("2024-03-05", BY_STATEMENT_RULE), ("2024-03-04", "antecedent")]


def test_a_statement_shift_counts_from_the_statement_not_from_the_act() -> None:
    # the statement (Tuesday) tells the rocket fire of Monday; "the statement came two days
    # after" an ambush counts from Tuesday, not from the day of the rocket fire
    text = ("Rebels fired rockets at the air base late on Monday. "
            "The rebel command said in a statement on Tuesday that it had fired rockets. "
            "The statement came two days after an ambush on a patrol.")
    got = resolved(text, [(0, "fired", "assault"), (1, "fired", "assault"),
                           (2, "ambush", "assault")])
    assert got[:2] == [("2024-03-04", "expression"), ("2024-03-04", "expression")]
    assert got[2] == ("2024-03-03", "antecedent")


def _bare(sentence: str, index: int, at: int, trigger: str, own: str | None = None) -> Mention:
    """A mention given only its own date ``own`` (none of the sentence's others)."""
    t = at + sentence.index(trigger)
    refs = [] if own is None else [DateRef(own, at + sentence.index(own),
                                           at + sentence.index(own) + len(own))]
    return Mention(mention_id=f"m{index}", doc_id="k", sentence_index=index, sentence=sentence,
                   sent_start=at, sent_end=at + len(sentence), trigger=trigger, trigger_start=t,
                   trigger_end=t + len(trigger), type=EventType("assault"), dates=refs)


def _picked(d: DocDates, m: Mention) -> tuple[str | None, str | None]:
    day, _ = d.pick(m, d.normalise(m))
    return day, d.rule


def test_an_act_of_the_story_shift_still_counts_from_the_act() -> None:
    # not a statement: "The raid came a day after the ambush" counts from the raid's story
    d = DocDates(PUBLISHED, 2024)
    first = "Rebels raided a depot on Monday."
    assert _picked(d, _bare(first, 0, 0, "raided", "on Monday")) == ("2024-03-04", "expression")
    second = "The raid came a day after the ambush on a patrol."
    assert _picked(d, _bare(second, 1, len(first) + 1, "ambush")) == ("2024-03-03", "antecedent")


def test_the_sentence_own_day_is_what_a_shift_counts_from() -> None:
    # the shift and the day belong to the main event, and were not given to the strike's mention
    for sentence, day in (
            ("On Tuesday, two days after the strike on the depot, the army raided a village.",
             "2024-03-03"),
            ("The claim came on Tuesday, a day after the strike on the depot.", "2024-03-04")):
        assert _picked(DocDates(PUBLISHED, 2024), _bare(sentence, 0, 0, "strike")) == (
            day, "antecedent"), sentence


def _claims(values: list[tuple[str, str, str]]) -> tuple[list[Claim], list[str]]:
    claims = [Claim("date", day, Evidence(f"{outlet}-doc", f"{outlet} said it.", 0, 9,
                                          published=PUBLISHED, outlet=outlet),
                    ref=DateRef("", 0, 0, day, "day", rule)) for day, outlet, rule in values]
    return claims, claim_sources(claims)


def test_a_day_stated_elsewhere_beats_the_statement_bound() -> None:
    claims, keys = _claims([("2024-03-05", "A", BY_STATEMENT_RULE),
                            ("2024-03-05", "B", BY_STATEMENT_RULE),
                            ("2024-03-04", "C", "expression")])
    d = decide("date", claims, keys)
    assert d is not None and d.value == ("2024-03-04", "day")
    assert d.consensus.rule == "stated-over-inferred"


def test_the_statement_bound_beats_a_bare_report_date() -> None:
    claims, keys = _claims([("2024-03-06", "A", "report-date"),
                            ("2024-03-06", "B", "report-date"),
                            ("2024-03-05", "C", BY_STATEMENT_RULE)])
    d = decide("date", claims, keys)
    assert d is not None and d.value == ("2024-03-05", "day")
    assert d.consensus.rule == "told-over-report-date"
