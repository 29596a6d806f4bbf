"""Information shared goes to a partner ("with X"); the information itself is never a party, and
"solidarity with X" is addressed to X (extract/recipients.py)."""

from __future__ import annotations

from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.records import Document


def coded(text: str, code: str) -> list[tuple[str | None, str | None]]:
    ms = extract(parse([Document(id="d", text=text)]), Lexicon.load())
    return [(m.actor1.text if m.actor1 else None, m.actor2.text if m.actor2 else None)
            for m in ms if m.type.cameo == code]


def test_intelligence_shared_with_a_state_goes_to_that_state() -> None:
    assert coded("Norway shared intelligence with Chile about a smuggling network.", "064") == [
        ("Norway", "Chile")]


def test_the_intelligence_shared_is_not_a_party() -> None:
    assert coded("Uruguay said it shared intelligence on the smuggling gangs.", "064") == [
        ("Uruguay", None)]


def test_solidarity_with_a_state_is_addressed_to_it() -> None:
    assert coded("Chile expressed solidarity with Peru after the floods.", "051") == [("Chile", "Peru")]
