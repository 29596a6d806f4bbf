"""The charged party of "condemned X for ...", "accused X of ..." is the agent of the act."""

from __future__ import annotations

from functools import lru_cache

from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def acts(text: str) -> list[Mention]:
    ms = extract(parse([Document(id="d", text=text)]), lex())
    return [m for m in ms if m.type.plover == "assault"]


def test_condemned_for_launching_a_strike() -> None:
    (m,) = acts("Kabul condemned Islamabad for launching an airstrike on its soil.")
    assert m.actor1 is not None and m.actor1.text == "Islamabad"


def test_accused_of_killing() -> None:
    (m,) = acts("Kabul accused Islamabad of killing nine children.")
    assert m.actor1 is not None and m.actor1.text == "Islamabad"


def test_a_verb_that_charges_no_one_gives_no_agent() -> None:
    (m,) = acts("Kabul asked Islamabad about the killing of nine children.")
    assert m.actor1 is None or m.actor1.text != "Islamabad"
