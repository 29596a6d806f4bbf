"""Action → reaction links: cues in the text and the reversed-dyad pattern."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from test_corroboration import actor, place, say
from thucydides.link_cues import find_cues
from thucydides.links import LinkSettings, link_events
from thucydides.reconcile import build_event
from thucydides.records import Event, Link, Mention, Status

AZE, ARM = actor("Azerbaijan", "AZE"), actor("Armenia", "ARM")
SOTK, JERMUK, LACHIN = place("Sotk", "ARM"), place("Jermuk", "ARM"), place("Lachin", "AZE")

SHELLING = say("a-1", "Azerbaijani troops shelled the village of Sotk on Monday.", "shelled",
               date="2022-09-12", published="2022-09-12", a1=AZE, loc=SOTK)
JERMUK_STRIKE = say("a-2", "Drones struck Jermuk on Monday, Azerbaijan's army said.", "struck",
                    date="2022-09-12", published="2022-09-12", a1=AZE, loc=JERMUK)
REPRISAL_TEXT = ("Armenian forces struck positions near Lachin on Tuesday in retaliation for the "
                 "Azerbaijani shelling of Sotk.")
REPRISAL = say("b-1", REPRISAL_TEXT, "struck", date="2022-09-13", published="2022-09-13", a1=ARM,
               loc=LACHIN, cue="in retaliation for the Azerbaijani shelling of Sotk")
RECALL_TEXT = "Armenia recalled its envoy from Baku a day after drones struck Jermuk."
RECALL = say("c-1", RECALL_TEXT, "recalled", kind="sanction", date="2022-09-13",
             published="2022-09-13", a1=ARM, a2=AZE)
ACCUSATION = say("d-1", "Azerbaijan's defence ministry accused Armenia of shelling its posts.",
                 "accused", kind="accuse", date="2022-09-14", published="2022-09-14", a1=AZE,
                 a2=ARM)


def _events(ms: Sequence[Mention]) -> list[Event]:
    return [build_event(f"ev-{m.doc_id}", [m]) for m in ms]


def _pairs(links: Sequence[Link]) -> set[tuple[str, str, str, str]]:
    return {(k.action_id, k.reaction_id, k.kind, k.relation) for k in links}


def _check_invariants(links: Sequence[Link], events: Sequence[Event]) -> None:
    dates = {e.event_id: e.date for e in events}
    assert len({(k.action_id, k.reaction_id) for k in links}) == len(links)
    for k in links:
        assert k.action_id != k.reaction_id
        a, r = dates[k.action_id], dates[k.reaction_id]
        assert a is None or r is None or a <= r
        assert 0.0 < k.score <= 1.0


def test_cues_are_found_with_their_referent_and_lag() -> None:
    [cue] = find_cues(REPRISAL_TEXT)
    assert (cue.relation, cue.referent) == ("retaliation", "the Azerbaijani shelling of Sotk")
    [cue] = find_cues(RECALL_TEXT)
    assert (cue.relation, cue.lag_days, cue.referent) == ("follows", 1, "drones struck Jermuk")
    [cue] = find_cues("Hours after the blast, police sealed the square.")
    assert cue.lag_days == 0 and cue.text == "Hours after the blast"
    assert find_cues("Ten days after the raid, talks resumed.")[0].lag_days == 10
    assert find_cues("In response to the raid, the army shelled the town.")[0].relation == \
        "response"
    assert find_cues("Talks resumed after a long pause in the response team's work.") == []


def test_explicit_links_name_their_action_and_evidence() -> None:
    ms = [SHELLING, JERMUK_STRIKE, REPRISAL, RECALL]
    events = _events(ms)
    links = link_events(events, ms)
    _check_invariants(links, events)
    assert _pairs(links) == {("ev-a-1", "ev-b-1", "explicit", "retaliation"),
                             ("ev-a-2", "ev-c-1", "explicit", "response")}
    reprisal = next(k for k in links if k.reaction_id == "ev-b-1")
    assert reprisal.lag_days == 1 and reprisal.cue == \
        "in retaliation for the Azerbaijani shelling of Sotk"
    assert reprisal.evidence is not None and reprisal.evidence.sentence == REPRISAL_TEXT
    assert reprisal.evidence.doc_id == "b-1"


def test_pattern_link_for_a_reversed_dyad_at_short_lag() -> None:
    ms = [SHELLING, REPRISAL, ACCUSATION]
    events = _events(ms)
    links = link_events(events, ms)
    _check_invariants(links, events)
    assert ("ev-b-1", "ev-d-1", "pattern", "response") in _pairs(links)
    pattern = next(k for k in links if k.kind == "pattern")
    assert pattern.lag_days == 1 and pattern.evidence is None and pattern.score < 0.6
    # the reprisal has its explicit link; the shelling → accusation pair is no reversed dyad
    assert not any(k.reaction_id == "ev-b-1" and k.kind == "pattern" for k in links)
    assert link_events(events, ms, LinkSettings(max_lag_days=0)) == [
        k for k in links if k.kind == "explicit"]


def test_no_link_backwards_in_time_or_to_oneself() -> None:
    late_shelling = replace(SHELLING, date="2022-09-20", published="2022-09-20")
    ms = [late_shelling, REPRISAL]
    assert link_events(_events(ms), ms) == []
    both = say("e-1", "Azerbaijani troops shelled Sotk in retaliation for the Azerbaijani "
               "shelling of Sotk.", "shelled", a1=AZE, loc=SOTK,
               cue="in retaliation for the Azerbaijani shelling of Sotk")
    assert link_events(_events([both]), [both]) == []


def test_a_retaliation_is_never_by_the_actions_own_agent() -> None:
    odd = replace(REPRISAL, actor1=AZE)
    ms = [SHELLING, odd]
    assert link_events(_events(ms), ms) == []


def test_same_day_pattern_follows_the_first_report() -> None:
    a = replace(SHELLING, date="2022-09-13", published="2022-09-13")
    b = replace(ACCUSATION, actor1=ARM, actor2=AZE, date="2022-09-13", published="2022-09-14")
    events = _events([a, b])
    [link] = link_events(events, [a, b])
    assert (link.action_id, link.reaction_id, link.lag_days) == ("ev-a-1", "ev-d-1", 0)
    b_first = replace(b, published="2022-09-12")  # reported before the shelling: no answer to it
    assert link_events(_events([a, b_first]), [a, b_first]) == []


def test_referent_in_the_sentence_is_preferred() -> None:
    """The event read from inside the cue's span is the action, over a same-type event that
    fits the words as well."""
    text = "Armenia recalled its envoy a day after Azerbaijani shelling hit Sotk."
    inner = say("f-1", text, "shelling", date="2022-09-12", a1=AZE, loc=SOTK,
                date_rule="antecedent", published="2022-09-13")
    outer = say("f-1", text, "recalled", kind="sanction", date="2022-09-13", a1=ARM, a2=AZE,
                published="2022-09-13")
    other = replace(SHELLING, mention_id="g-1:0:0", doc_id="g-1", outlet="g")
    ms = [inner, outer, other]
    events = [build_event("ev-inner", [inner]), build_event("ev-outer", [outer]),
              build_event("ev-other", [other])]
    links = link_events(events, ms)
    assert ("ev-inner", "ev-outer", "explicit", "response") in _pairs(links)


@pytest.mark.parametrize("status", ["denied", "hypothetical"])
def test_denied_or_hypothetical_events_are_not_linked(status: Status) -> None:
    ms = [replace(SHELLING, status=status), REPRISAL]
    assert link_events(_events(ms), ms) == []
