"""The brief as data: sections of generated sentences, each clause with its citation numbers.

A ``Line`` is one generated sentence. It is rendered as its clauses joined by ``; ``, each clause
followed by its citations (``[3] [5]``), and a closing full stop, so every sentence of the brief
carries the numbers of the source sentences it was built from. Text that is not a sentence about
the record (headings, table headers, chart captions, notes such as "None.") lives in fields of
its own and is rendered in italics (Markdown) or with ``class="note"`` (HTML).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..records import Document, Evidence

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    refs: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    """One sentence: ``clause [n]; clause [m].``"""

    clauses: tuple[Clause, ...]

    @property
    def refs(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(n for c in self.clauses for n in c.refs))


def line(text: str, refs: Iterable[int]) -> Line:
    """A one-clause sentence."""
    return Line((Clause(text, tuple(dict.fromkeys(refs))),))


@dataclass(frozen=True, slots=True)
class Item:
    """One bullet of a section: a few sentences about one thing (an event, a day, a link)."""

    lines: tuple[Line, ...]
    anchor: str | None = None
    kind: str = ""  # a CSS class (status-occurred, dispute, ...)


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[str, ...]
    refs: tuple[int, ...]  # rendered in the table's last column


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]  # the last header names the citation column
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    file: str  # PNG file name, next to the brief
    alt: str
    caption: str


@dataclass(slots=True)
class Section:
    title: str
    level: int = 2
    note: str | None = None  # a remark that is not a claim about the record
    items: list[Item] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    anchor: str | None = None

    def empty(self) -> bool:
        return not (self.items or self.tables or self.charts
                    or any(not s.empty() for s in self.subsections))


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    doc_id: str
    outlet: str | None
    title: str | None
    published: str | None
    sentence: str
    claimants: tuple[str, ...]


@dataclass(slots=True)
class Brief:
    title: str
    meta: str
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)


class Citations:
    """Numbers source sentences in order of first citation: one number per document sentence."""

    def __init__(self, docs: Mapping[str, Document]) -> None:
        self.docs = docs
        self._numbers: dict[tuple[str, int, int], int] = {}
        self._evidence: list[Evidence] = []
        self._claimants: list[list[str]] = []

    def cite(self, ev: Evidence) -> int:
        key = (ev.doc_id, ev.start, ev.end)
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = len(self._evidence) + 1
            self._evidence.append(ev)
            self._claimants.append([])
        claimants = self._claimants[number - 1]
        if ev.claimant and ev.claimant not in claimants:
            claimants.append(ev.claimant)
        return number

    def cite_all(self, evs: Iterable[Evidence]) -> tuple[int, ...]:
        return tuple(dict.fromkeys(self.cite(ev) for ev in evs))

    def outlet(self, ev: Evidence) -> str:
        """The outlet that published ``ev``, or the document id."""
        doc = self.docs.get(ev.doc_id)
        outlet = (doc.outlet if doc is not None else None) or ev.outlet
        return outlet or f"document {ev.doc_id}"

    def published(self, ev: Evidence) -> str | None:
        doc = self.docs.get(ev.doc_id)
        return (doc.published if doc is not None else None) or ev.published

    def footnotes(self) -> list[Footnote]:
        out: list[Footnote] = []
        for i, ev in enumerate(self._evidence):
            doc = self.docs.get(ev.doc_id)
            out.append(Footnote(
                number=i + 1, doc_id=ev.doc_id,
                outlet=(doc.outlet if doc else None) or ev.outlet,
                title=doc.title if doc else None, published=self.published(ev),
                sentence=_SPACE.sub(" ", ev.sentence).strip(),
                claimants=tuple(self._claimants[i])))
        return out

    @property
    def n_docs(self) -> int:
        return len({ev.doc_id for ev in self._evidence})
