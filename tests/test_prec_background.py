"""Clauses that measure from or rank against an event told elsewhere: "since ...", "the first
time ..."."""

from __future__ import annotations

from functools import lru_cache

from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), lex())


def test_a_since_clause_is_the_start_of_a_state_of_affairs() -> None:
    ms = mentions("Hundreds of families have left the valley since the militia began shelling "
                  "villages.")
    assert not [m for m in ms if m.type.plover == "assault"]


def test_a_since_clause_with_its_own_day_stays() -> None:
    ms = mentions("Violence has flared since rebels attacked the capital on 3 May.")
    assert [m.trigger for m in ms if m.type.plover == "assault"] == ["attacked"]


def test_the_first_time_ranks_an_event_told_elsewhere() -> None:
    ms = mentions("It marks the first time aid workers have been killed since the rebels in "
                  "Darfur began attacking convoys.")
    assert not [m for m in ms if m.type.plover == "assault"]


def test_a_ranked_event_with_its_agent_stays_a_comment() -> None:
    ms = mentions("It was the first time Indian jets had struck Pakistani soil since 1971.")
    assert [m.trigger for m in ms] == ["struck"]


def test_an_event_told_for_the_first_time_stays() -> None:
    ms = mentions("Two aid workers were killed in Darfur on Monday.")
    assert [m.trigger for m in ms] == ["killed"]
