"""The assembly: one mention per event, figures, places, dates, cues; fast and stable ids."""

from __future__ import annotations

import time
from functools import lru_cache

from thucydides.extract import Lexicon, extract, extract_mentions
from thucydides.nlp import parse
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), lex())


def test_strike_that_kills_is_one_assault() -> None:
    ms = mentions("The airstrike killed two children in the village.")
    assert len(ms) == 1
    m = ms[0]
    assert m.trigger == "airstrike" and m.type.plover == "assault"
    assert m.actor2 is not None and m.actor2.text == "two children"


def test_casualty_verb_alone_is_an_assault() -> None:
    ms = mentions("Unknown attackers killed four guards at the mine.")
    assert [(m.trigger, m.type.plover) for m in ms] == [("killed", "assault")]


def test_historical_relative_clause_is_an_event() -> None:
    ms = mentions("Admiral Vance, who was killed by a drone in 2018, is buried here.")
    assert len(ms) == 1 and ms[0].status == "occurred" and ms[0].type.mode == "drone"


def test_several_events_in_one_sentence() -> None:
    ms = mentions("Rebels shelled the airport, and the government condemned the attack and "
                  "recalled its ambassador.")
    assert {m.type.plover for m in ms} >= {"assault", "accuse", "sanction"}


def test_ids_are_stable_and_unique() -> None:
    text = "Police arrested ten men. Troops raided a depot and seized rifles."
    a, b = mentions(text), mentions(text)
    assert [m.mention_id for m in a] == [m.mention_id for m in b]
    assert len({m.mention_id for m in a}) == len(a)
    assert all(m.mention_id.startswith("d:") for m in a)


def test_sentence_offsets_places_dates() -> None:
    text = "Intro line.\nOn 3 March, Ghanaian police arrested nine men in Kumasi."
    m = mentions(text)[0]
    assert text[m.sent_start:m.sent_end] == m.sentence
    assert [p.text for p in m.places] == ["Kumasi"]
    assert any("3 March" in d.text for d in m.dates)
    assert all(text[d.start:d.end] == d.text for d in m.dates)


def test_retaliation_cue() -> None:
    ms = mentions("Lakonia bombed the port in retaliation for the raid on its frigate.")
    bomb = next(m for m in ms if m.trigger == "bombed")
    assert bomb.cue == "in retaliation for the raid on its frigate"
    raid = next(m for m in ms if m.trigger == "raid")
    assert raid.cue is None


def test_figures_attach_to_the_attack() -> None:
    ms = mentions("A car bomb exploded outside the court, killing six people and wounding 20.")
    assert len(ms) == 1
    kinds = {(f.kind, f.best) for f in ms[0].figures}
    if kinds:  # figures come from extract/casualties.py when it is present
        assert ("killed", 6) in kinds


def test_empty_document() -> None:
    pdocs = parse([Document(id="e", text="Nothing happened here.")])
    assert extract_mentions(pdocs[0], lex()) == []


def test_speed() -> None:
    text = " ".join(["Soldiers attacked the base and police arrested six men, officials said."] * 60)
    pdoc = parse([Document(id="p", text=text)])[0]
    extract_mentions(pdoc, lex())
    t0 = time.perf_counter()
    for _ in range(5):
        extract_mentions(pdoc, lex())
    assert (time.perf_counter() - t0) / 5 < 0.25
