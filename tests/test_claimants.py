"""Claimants (extract/claimants.py): who the text says makes a claim."""

from __future__ import annotations

import pytest

from thucydides.extract.claimants import claimant_kind, find_claimant
from thucydides.nlp import parse
from thucydides.records import Document, ParsedDoc

TEXTS = [
    "Seven people were killed in the raid, according to Pakistan's foreign ministry.",
    "Two children were killed in the strike, the ministry said.",
    "Government spokesman Ali Bahadori Jahromi said the strikes targeted only militants.",
    "Officials said at least 14 police officers were killed.",
    "A security source told AFP that the gunmen had crossed the border at night.",
    "Sources told Reuters the base was hit by four missiles.",
    "Iranian state TV said the attack killed 52 people.",
    "State media reported that nine people died in the explosions.",
    "The ministry's statement said the strike was an unprovoked violation of its airspace.",
    "In a statement, the Pakistani army said it had struck militant hideouts.",
    "The deputy governor, quoted by IRNA, said two gunmen were killed.",
    "The militants stormed the police station in the town on Friday night.",
    "The government spokesman, Ali Bahadori Jahromi, said Iran would respond.",
    "Pakistan's foreign ministry reported that two children were killed.",
    "Islamic State claimed responsibility for the bombing.",
    "Residents said the shelling continued until dawn.",
    "Farhan Aziz, the provincial police chief, described the attack. "
    "He said 16 soldiers were wounded.",
    "Iran said Pakistan had claimed that 12 militants were killed.",
    "The death toll was reported at 41.",
    "The official IRNA news agency quoted the governor as saying that 5 people died.",
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedDoc]:
    docs = [Document(id=f"c{i}", text=t) for i, t in enumerate(TEXTS)]
    return {p.doc.text: p for p in parse(docs)}


def claimant(parsed: dict[str, ParsedDoc], index: int, sentence: int = 0,
             anchor_text: str | None = None) -> tuple[str, str] | None:
    pdoc = parsed[TEXTS[index]]
    sent = pdoc.sentences[sentence]
    anchor = None
    if anchor_text is not None:
        anchor = next(t.i for t in pdoc.tokens[sent.tok_start:sent.tok_end]
                      if t.text == anchor_text)
    return find_claimant(pdoc, sent, anchor)


@pytest.mark.parametrize(("index", "expected"), [
    (0, ("Pakistan's foreign ministry", "institution")),
    (1, ("ministry", "institution")),
    (2, ("Ali Bahadori Jahromi", "named")),
    (3, ("Officials", "anonymous")),
    (4, ("security source", "anonymous")),
    (5, ("Sources", "anonymous")),
    (6, ("Iranian state TV", "institution")),
    (7, ("State media", "institution")),
    (8, ("ministry", "institution")),
    (9, ("Pakistani army", "institution")),
    (10, ("deputy governor", "institution")),
    (12, ("Ali Bahadori Jahromi", "named")),
    (13, ("Pakistan's foreign ministry", "institution")),
    (15, ("Residents", "anonymous")),
])
def test_sentence_claimant(parsed: dict[str, ParsedDoc], index: int,
                           expected: tuple[str, str]) -> None:
    assert claimant(parsed, index) == expected


@pytest.mark.parametrize(("index", "anchor"), [
    (0, "killed"), (1, "killed"), (3, "killed"), (6, "attack"), (7, "died"), (13, "killed"),
])
def test_claimant_of_the_event_trigger(parsed: dict[str, ParsedDoc], index: int,
                                       anchor: str) -> None:
    assert claimant(parsed, index, anchor_text=anchor) == claimant(parsed, index)
    assert claimant(parsed, index, anchor_text=anchor) is not None


def test_no_attribution_gives_none(parsed: dict[str, ParsedDoc]) -> None:
    assert claimant(parsed, 11) is None
    assert claimant(parsed, 11, anchor_text="stormed") is None


def test_claiming_responsibility_is_not_an_attribution(parsed: dict[str, ParsedDoc]) -> None:
    assert claimant(parsed, 14) is None


def test_passive_report_without_agent_gives_none(parsed: dict[str, ParsedDoc]) -> None:
    assert claimant(parsed, 18) is None


def test_pronoun_speaker_is_the_previous_speaker(parsed: dict[str, ParsedDoc]) -> None:
    assert claimant(parsed, 16, sentence=1) == ("Farhan Aziz", "named")


def test_innermost_speaker_claims_the_event(parsed: dict[str, ParsedDoc]) -> None:
    assert claimant(parsed, 17, anchor_text="killed") == ("Pakistan", "institution")
    assert claimant(parsed, 17) == ("Iran", "institution")


def test_quoted_speaker_not_the_outlet(parsed: dict[str, ParsedDoc]) -> None:
    assert claimant(parsed, 19, anchor_text="died") == ("governor", "institution")


@pytest.mark.parametrize(("text", "kind"), [
    ("officials", "anonymous"),
    ("senior US officials", "anonymous"),
    ("a security source", "anonymous"),
    ("police", "anonymous"),
    ("Pakistan's foreign ministry", "institution"),
    ("state media", "institution"),
    ("IRNA", "institution"),
    ("Pakistan", "institution"),
    ("Ali Bahadori Jahromi", "named"),
])
def test_claimant_kind(text: str, kind: str) -> None:
    assert claimant_kind(text) == kind


def test_claimant_kind_uses_the_ner_label() -> None:
    assert claimant_kind("Jahromi", "PERSON") == "named"
    assert claimant_kind("Trend", "ORG") == "institution"


def test_statement_without_author_is_the_previous_speaker() -> None:
    text = ("Pakistan's foreign ministry said the strike was illegal. "
            "The statement said three girls were injured.")
    pdoc = parse([Document(id="s", text=text)])[0]
    assert find_claimant(pdoc, pdoc.sentences[1]) == ("Pakistan's foreign ministry", "institution")


def test_a_closing_according_to_attributes_the_whole_sentence() -> None:
    from thucydides.extract.claimants import find_claimant
    from thucydides.nlp import parse
    from thucydides.records import Document
    text = ("Two blasts tore through a crowd of mourners in a provincial city on Wednesday, "
            "killing at least 40 people, according to state television.")
    pd = parse([Document(id="c", text=text)])[0]
    assert find_claimant(pd, pd.sentences[0], 1) == ("state television", "institution")
