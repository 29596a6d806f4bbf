"""A day told of the speech verb ("said in a statement on Tuesday that it had fired ...") is when
the statement was made, a bound on the act it tells: the act takes the day its article told an
act of its type on the day before ("fired rockets late on Monday"); the sentence's own time stays
the statement's day (extract/spans.py marks such dates, resolve/date_context.py reads them)."""

from __future__ import annotations

from test_resolve_stage import resources
from thucydides.extract.spans import dates
from thucydides.extract.tree import Tree
from thucydides.nlp import parse
from thucydides.records import Document, EventType, Mention, ParsedDoc
from thucydides.resolve.date_context import statement_verb
from thucydides.resolve.stage import resolve_doc

# 2024-03-06 is a Wednesday: Monday 03-04, Tuesday 03-05
PUBLISHED = "2024-03-06"
TOLD = "Rebels fired rockets at the air base late on Monday."
SAID = "The rebel command said in a statement on Tuesday that it had fired rockets at the air base."
DENIED = "The air force denied any damage."


def _parsed(text: str, inferred: bool = False) -> ParsedDoc:
    doc = Document(id="s", text=text, published=PUBLISHED, published_inferred=inferred)
    return parse([doc])[0]


def spec_mentions(pdoc: ParsedDoc, specs: list[tuple[int, str, str]]) -> list[Mention]:
    """Mentions of (sentence, trigger, PLOVER type) with the dates extract.spans finds."""
    tree, text = Tree(pdoc), pdoc.doc.text
    out = []
    for n, (k, trigger, plover) in enumerate(specs):
        sent = pdoc.sentences[k]
        t = text.index(trigger, sent.start)
        out.append(Mention(mention_id=f"m{n}", doc_id="s", sentence_index=sent.index,
                           sentence=sent.text, sent_start=sent.start, sent_end=sent.end,
                           trigger=trigger, trigger_start=t, trigger_end=t + len(trigger),
                           type=EventType(plover), dates=dates(tree, sent)))
    return out


def _days(text: str, specs: list[tuple[int, str, str]], inferred: bool = False
          ) -> list[str | None]:
    pdoc = _parsed(text, inferred)
    got = resolve_doc(pdoc, spec_mentions(pdoc, specs), resources())
    return [m.date for m in sorted(got, key=lambda m: int(m.mention_id[1:]))]


def test_a_date_of_the_speech_verb_is_marked_with_the_verb() -> None:
    pdoc = _parsed(SAID)
    found = dates(Tree(pdoc), pdoc.sentences[0])
    assert [statement_verb(d) for d in found] == [SAID.index("said")]


def test_a_date_of_the_act_or_of_a_bare_statement_is_not() -> None:
    for text in ("Rebels fired rockets at the air base on Tuesday.",
                 "The rebel command made a statement on Tuesday."):
        pdoc = _parsed(text)
        assert [statement_verb(d) for d in dates(Tree(pdoc), pdoc.sentences[0])] == [None]


def test_the_act_told_in_a_statement_takes_the_day_the_article_told_it() -> None:
    text = f"{TOLD} {SAID} {DENIED}"
    specs = [(0, "fired", "assault"), (1, "fired", "assault"), (2, "denied", "reject")]
    assert _days(text, specs)[:2] == ["2024-03-04", "2024-03-04"]
    # with a guessed report date the undated denial goes on at the statement's time, not the act's
    assert _days(text, specs, inferred=True) == ["2024-03-04", "2024-03-04", "2024-03-05"]


def test_without_an_earlier_report_the_statement_day_stands() -> None:
    assert _days(SAID, [(0, "fired", "assault")]) == ["2024-03-05"]


def test_the_speech_event_itself_keeps_its_day() -> None:
    text = f"{TOLD} {SAID}"
    assert _days(text, [(0, "fired", "assault"), (1, "said", "assault")])[1] == "2024-03-05"


def test_an_act_told_two_days_before_is_another_one() -> None:
    text = "Rebels fired rockets at the air base on Sunday. " + SAID
    assert _days(text, [(0, "fired", "assault"), (1, "fired", "assault")])[1] == "2024-03-05"
