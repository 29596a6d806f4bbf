"""Figures of a mention told as another incident ("another blast ..., no casualties") are
kept as claims of a fused event but are not its toll (tolls2)."""

from __future__ import annotations

from dataclasses import replace

from test_corroboration import say
from thucydides.extract.casualty_cues import other_incident
from thucydides.reconcile import build_event
from thucydides.records import Count, Figure


def test_other_incident_reads_the_words_before_the_event_word() -> None:
    assert other_incident("Police said another blast hit the depot, but nobody was hurt.", "blast")
    assert other_incident("A second car bomb went off near the gate.", "bomb")
    assert other_incident("The agency also reported an explosion near the port.", "explosion")
    assert not other_incident("The blast hit another depot, killing four.", "blast")
    assert not other_incident("Police also said the explosion killed four guards.", "explosion")
    assert not other_incident("The explosion killed four guards.", "blast")


def _denial(sentence: str, trigger: str, doc: str) -> object:
    m = say(doc, sentence, trigger, published="2022-09-15", claimant="police",
            claimant_kind="institution")
    zero = [Figure(k, 0, 0, 0, "no casualties", m.sent_start, m.sent_start + 13)  # type: ignore[arg-type]
            for k in ("killed", "injured")]
    return replace(m, figures=zero)


def test_a_denial_about_another_blast_is_no_figure_of_the_event() -> None:
    main = say("a-1", "A truck bomb killed 12 people at the depot on Tuesday.", "bomb", killed=12)
    other = _denial("Police said another blast hit a nearby road, with no casualties.", "blast",
                    "b-1")
    ev = build_event("e", [main, other])  # type: ignore[list-item]
    assert ev.killed == Count(12, 12, 12) and ev.injured is None
    parts = [c for c in ev.claims if c.field in ("killed", "injured") and c.value.get("part")]
    assert len(parts) == 2  # kept as claims, marked


def test_a_plain_denial_still_widens_the_range() -> None:
    main = say("a-1", "A truck bomb killed 12 people at the depot on Tuesday.", "bomb", killed=12)
    denial = _denial("Police said the blast at the depot caused no casualties.", "blast", "b-1")
    ev = build_event("e", [main, denial])  # type: ignore[list-item]
    assert ev.killed is not None and (ev.killed.low, ev.killed.high) == (0, 12)
    assert ev.injured == Count(0, 0, 0)


def test_another_incident_alone_keeps_its_own_figures() -> None:
    only = _denial("Police said another blast hit a nearby road, with no casualties.", "blast",
                   "b-1")
    ev = build_event("e", [only])  # type: ignore[list-item]
    assert ev.killed == Count(0, 0, 0) and ev.injured == Count(0, 0, 0)


def test_another_incident_keeps_its_figures_when_the_story_gives_none() -> None:
    main = say("a-1", "Militants stormed an army base on Monday.", "stormed")
    other = say("b-1", "The army also confirmed an attack on the base killed 12 soldiers.", "attack",
                killed=12)
    ev = build_event("e", [main, other])
    assert ev.killed == Count(12, 12, 12)
