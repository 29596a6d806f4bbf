"""tokens_in: the tokens of a parsed document that start inside a character range."""

from __future__ import annotations

from thucydides.records import Document, ParsedDoc, Token
from thucydides.resolve.doc_tokens import tokens_in


def _pdoc(text: str) -> ParsedDoc:
    toks: list[Token] = []
    at = 0
    for i, word in enumerate(text.split(" ")):
        toks.append(Token(i, word, at, word.lower(), "X", "X", "dep", i, "", "O", 0))
        at += len(word) + 1
    return ParsedDoc(Document(id="d", text=text), toks, [], [])


def test_tokens_starting_in_the_range() -> None:
    pdoc = _pdoc("Rain fell on Lyon and Dijon today")
    assert [t.text for t in tokens_in(pdoc, 13, 27)] == ["Lyon", "and", "Dijon"]
    assert [t.text for t in tokens_in(pdoc, 14, 28)] == ["and", "Dijon"]  # "Lyon" starts before 14


def test_empty_and_reversed_ranges_give_no_tokens() -> None:
    pdoc = _pdoc("Rain fell on Lyon")
    assert tokens_in(pdoc, 5, 5) == []
    assert tokens_in(pdoc, 9, 2) == []
    assert [t.text for t in tokens_in(pdoc, 0, 100)] == ["Rain", "fell", "on", "Lyon"]
