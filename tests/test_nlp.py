"""The NLP stage: a spaCy-free view of the parse with offsets into the document text."""

from __future__ import annotations

from thucydides.nlp import parse
from thucydides.records import Document

TEXT = ("Turkish jets struck targets near Duhok on Sunday. The Iraqi foreign ministry "
        "summoned the Turkish ambassador in Baghdad.")


def test_parse_keeps_offsets_sentences_heads_and_entities() -> None:
    (pdoc,) = parse([Document(id="n1", text=TEXT)])
    assert [s.text for s in pdoc.sentences] == [
        "Turkish jets struck targets near Duhok on Sunday.",
        "The Iraqi foreign ministry summoned the Turkish ambassador in Baghdad."]
    for t in pdoc.tokens:
        assert TEXT[t.idx:t.end] == t.text
        assert pdoc.tokens[t.head].sent == t.sent
    for s in pdoc.sentences:
        assert TEXT[s.start:s.end] == s.text
        assert pdoc.tokens[s.tok_start].idx == s.start
    struck = next(t for t in pdoc.tokens if t.text == "struck")
    assert struck.lemma == "strike" and struck.dep == "ROOT"
    labels = {e.text: e.label for e in pdoc.entities}
    assert labels.get("Baghdad") == "GPE" and labels.get("Sunday") == "DATE"
    assert all(TEXT[e.start:e.end] == e.text for e in pdoc.entities)


def test_documents_come_back_in_order_with_batches_and_empty_inputs() -> None:
    docs = [Document(id=f"d{i}", text=f"Talks resumed in Doha on day {i}.") for i in range(5)]
    parsed = parse(docs, batch_size=2)
    assert [p.doc.id for p in parsed] == [d.id for d in docs]
    assert parse([]) == []


def test_a_blank_line_ends_a_sentence() -> None:
    text = ("Photo: Harbour Wire\n\nGuards clash with smugglers near the river crossing\n\n"
            "Soldiers fired on two boats late on Monday, the border police said.")
    (pdoc,) = parse([Document(id="p", text=text)])
    assert [s.text.strip() for s in pdoc.sentences] == [
        "Photo: Harbour Wire", "Guards clash with smugglers near the river crossing",
        "Soldiers fired on two boats late on Monday, the border police said."]


def test_a_line_break_ends_a_sentence() -> None:
    # A headline over its first paragraph, a caption over the text (hard-wrapped lines are
    # joined by ingest before parsing, so a newline left in the text is a real break)
    text = ("Border guards say only smugglers were hit in river raid\n"
            "The interior minister said on Monday that no farmer had been hurt in the raid.\n"
            "A boat burns near the crossing - Harbour Wire\nTwo boats were sunk, officials said.")
    (pdoc,) = parse([Document(id="p", text=text)])
    assert [s.text.strip() for s in pdoc.sentences] == [
        "Border guards say only smugglers were hit in river raid",
        "The interior minister said on Monday that no farmer had been hurt in the raid.",
        "A boat burns near the crossing - Harbour Wire", "Two boats were sunk, officials said."]
