"""Typed records that flow between pipeline stages.

Every stage is a function from a batch of one record type to a batch of another, so the same code
runs in-process or on Dask partitions. Records are plain dataclasses: cheap, picklable and typed.

Offsets (``start``/``end``) of tokens, entities and raw spans are character offsets into the
*cleaned* ``Document.text``. A mention's sentence offsets (and so every ``Evidence`` of an event)
are mapped back to the input text as given (``Document.original_span``) by the pipeline.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["occurred", "claimed", "threatened", "denied", "hypothetical"]
DatePrecision = Literal["day", "week", "month", "year"]
ActorKind = Literal["state", "military", "government", "armed_group", "igo", "civilians", "other"]
PlacePrecision = Literal["point", "admin1", "country"]
FigureKind = Literal["killed", "injured", "missing", "arrested"]
LinkKind = Literal["explicit", "pattern"]  # a cue in the text, or a reversed dyad at short lag

STATUSES: tuple[Status, ...] = ("occurred", "claimed", "threatened", "denied", "hypothetical")
HAPPENED: frozenset[str] = frozenset({"occurred", "claimed"})
# Mention.date_rule values (see Mention.date_rule); the first three mean the text states the date
EXPRESSION_RULE, SHIFT_RULE, ANTECEDENT_RULE = "expression", "shift", "antecedent"
REPORT_DATE_RULE, PREVIOUS_RULE = "report-date", "previous"
STATED_DATE_RULES: frozenset[str] = frozenset({EXPRESSION_RULE, SHIFT_RULE, ANTECEDENT_RULE})
# PlaceRef.precision, finest first
PLACE_RANK: dict[str, int] = {"point": 0, "admin1": 1, "country": 2}


@dataclass(slots=True)
class Document:
    """One article after ingest. ``published`` is ``YYYY-MM-DD`` or None."""

    id: str
    text: str
    published: str | None = None
    published_inferred: bool = False
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None  # file (and line) the document was read from
    duplicate_of: str | None = None  # id of the kept copy when this one is a (near-)duplicate
    # for an undated article: the year to assume where a date names none (set by the pipeline
    # from the latest year the article names and the corpus's usual publication year)
    year_hint: int | None = None
    # offsets[i] = offset in the *original* input text of character i of ``text`` (len(text)+1
    # entries); None when cleaning changed nothing. Lets evidence point into the input as given.
    offsets: list[int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def original_offset(self, i: int) -> int:
        """Map an offset into the cleaned ``text`` back to the input text."""
        if self.offsets is None:
            return i
        return self.offsets[max(0, min(i, len(self.offsets) - 1))]

    def original_span(self, start: int, end: int) -> tuple[int, int, str]:
        """The span ``[start, end)`` of ``text`` as offsets into, and text of, the input."""
        if self.offsets is None or end <= start:
            return start, end, self.text[start:end]
        s, e = self.original_offset(start), self.original_offset(end - 1) + 1
        raw = self.extra.get("input_text")
        return s, e, raw[s:e] if isinstance(raw, str) else self.text[start:end]


@dataclass(slots=True)
class Token:
    """A parsed token, independent of spaCy. ``i`` and ``head`` index into ``ParsedDoc.tokens``."""

    i: int
    text: str
    idx: int  # character offset into Document.text
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str  # "" when outside an entity
    ent_iob: str  # "B", "I", "O" or ""
    sent: int  # index into ParsedDoc.sentences
    ws: str = " "

    @property
    def end(self) -> int:
        return self.idx + len(self.text)


@dataclass(slots=True)
class Sentence:
    index: int
    start: int  # character offsets into Document.text
    end: int
    text: str
    tok_start: int  # token range [tok_start, tok_end) into ParsedDoc.tokens
    tok_end: int


@dataclass(slots=True)
class Entity:
    text: str
    label: str  # spaCy NER label (GPE, NORP, ORG, PERSON, LOC, FAC, DATE, CARDINAL, ...)
    start: int  # characters
    end: int
    tok_start: int
    tok_end: int
    sent: int


@dataclass(slots=True)
class ParsedDoc:
    """The NLP stage's output: the document plus a spaCy-free view of its parse."""

    doc: Document
    tokens: list[Token]
    sentences: list[Sentence]
    entities: list[Entity]


@dataclass(slots=True)
class Evidence:
    """Where a value was read: document, sentence, character span, and who the text says claims it."""

    doc_id: str
    sentence: str
    start: int  # sentence start offset into the document text
    end: int
    claimant: str | None = None
    span_start: int | None = None  # the value's own span, when narrower than the sentence
    span_end: int | None = None
    published: str | None = None
    outlet: str | None = None  # the publisher of the document, as given
    claimant_kind: str | None = None  # Mention.claimant_kind: named / institution / anonymous / outlet
    copy_of: str | None = None  # the kept copy's document id when this document is a duplicate


@dataclass(slots=True)
class ActorRef:
    text: str  # the span as written
    start: int
    end: int
    name: str | None = None  # canonical name after resolution
    country: str | None = None  # ISO-3
    kind: ActorKind | None = None
    actor_id: str | None = None  # dictionary id after resolution
    confidence: float = 0.0

    @property
    def named_group(self) -> bool:
        """A stateless armed group or IGO the actor dictionary knows by name (``gen/…`` ids
        are its generic roles: gunmen, militants)."""
        return (self.kind in ("armed_group", "igo") and self.actor_id is not None
                and not self.actor_id.startswith("gen/"))


@dataclass(slots=True)
class PlaceRef:
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None
    confidence: float = 0.0
    geonames_id: str | None = None


@dataclass(slots=True)
class DateRef:
    text: str
    start: int
    end: int
    date: str | None = None  # YYYY-MM-DD (first day of the period for coarser precisions)
    precision: DatePrecision | None = None
    rule: str | None = None  # which rule normalised it (for provenance)


@dataclass(slots=True)
class Figure:
    """A reported casualty count. ``low``/``high`` bound it; ``best`` is the reported point value."""

    kind: FigureKind
    best: int | None
    low: int | None
    high: int | None
    text: str
    start: int
    end: int
    claimant: str | None = None
    cumulative: bool = False  # a running total over many events, not this event's count
    group: str | None = None  # victim group: children, civilians, soldiers, ...


@dataclass(slots=True)
class EventType:
    plover: str  # lower-case PLOVER type
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    quad_class: int | None = None


@dataclass(slots=True)
class Mention:
    """One event as read in one sentence."""

    mention_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    sent_start: int
    sent_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    type: EventType
    status: Status = "occurred"
    negated: bool = False
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    places: list[PlaceRef] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claimant: str | None = None
    claimant_kind: str | None = None  # named / institution / anonymous / outlet
    # set by resolution
    location: PlaceRef | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    # how the date was found: "expression" (the sentence says it), "shift" ("a day after"),
    # "antecedent" (the event a shift refers to), "report-date" (the publication date),
    # "previous" (the last date), "retold" (an undated article's story of an act the corpus
    # dates elsewhere, on the weekday it gives: resolve/date_retold.py)
    date_rule: str | None = None
    published: str | None = None
    outlet: str | None = None
    cue: str | None = None  # "in retaliation for ..." and other link cues, verbatim

    def trigger_offset(self) -> int:
        """Where the trigger starts in ``sentence``: once the pipeline moves a mention to the
        input's offsets, the trigger's offsets stay in the cleaned text, so the occurrence of the
        trigger nearest ``trigger_start - sent_start`` is taken."""
        at = self.trigger_start - self.sent_start
        if not self.trigger or self.sentence[at:at + len(self.trigger)] == self.trigger:
            return at
        spots = [i for i in range(len(self.sentence)) if self.sentence.startswith(self.trigger, i)]
        return min(spots, key=lambda i: abs(i - at), default=at)


@dataclass(slots=True)
class Count:
    best: int | None = None
    low: int | None = None
    high: int | None = None


@dataclass(slots=True)
class Claim:
    """One reported value of one field of an event, with its source."""

    field: str  # killed, injured, date, location, actor1, actor2
    value: Any
    evidence: Evidence
    # the value as resolved (ActorRef, PlaceRef, DateRef with precision and rule), which the
    # consensus rules read; None for counts (``value`` holds them) and for older records
    ref: Any = None


@dataclass(slots=True)
class Consensus:
    """The value a field takes, the rule that chose it among the reported values, and how well it
    is corroborated. Sources are independent outlets (see corroboration.py): wire copies and
    near-duplicate articles count once."""

    value: Any  # Count for killed/injured, str for date, PlaceRef / ActorRef otherwise
    rule: str  # see consensus.CONSENSUS_RULES
    n_sources: int = 0  # independent sources reporting the chosen value
    n_reporting: int = 0  # independent sources reporting any value of the field
    n_values: int = 1  # distinct values reported




@dataclass(slots=True)
class Event:
    """One real-world event after fusion: the output contract of spec/EVENTS.md plus extras."""

    event_id: str
    event_type: str
    status: Status
    sources: list[Evidence]
    date: str | None = None
    date_precision: DatePrecision | None = None
    event_mode: str | None = None
    cameo_code: str | None = None
    goldstein: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    location: PlaceRef | None = None
    killed: Count | None = None
    injured: Count | None = None
    claims: list[Claim] = field(default_factory=list)
    mention_ids: list[str] = field(default_factory=list)
    n_outlets: int = 0  # independent sources (outlets; wire copies and duplicates count once)
    consensus: dict[str, Consensus] = field(default_factory=dict)  # field → chosen value and rule

    @property
    def single_source(self) -> bool:
        """Reported by one independent source only."""
        return self.n_outlets <= 1

    def to_json(self) -> dict[str, Any]:
        """The event as one line of events.jsonl (see spec/EVENTS.md)."""
        out: dict[str, Any] = {
            "event_id": self.event_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "event_mode": self.event_mode,
            "cameo_code": self.cameo_code,
            "goldstein": self.goldstein,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "actor1": _actor_json(self.actor1),
            "actor2": _actor_json(self.actor2),
            "location": _place_json(self.location),
            "killed": asdict(self.killed) if self.killed else None,
            "injured": asdict(self.injured) if self.injured else None,
            "status": self.status,
            "sources": [_source_json(e) for e in self.sources],
            "n_outlets": self.n_outlets,
            "single_source": self.single_source,
            "consensus": {name: _consensus_json(c) for name, c in self.consensus.items()},
            "claims": [
                {"field": c.field, "value": c.value, **_source_json(c.evidence),
                 "published": c.evidence.published, "outlet": c.evidence.outlet}
                for c in self.claims
            ],
        }
        return out


@dataclass
class Link:
    """An action → reaction edge between two fused events: ``reaction`` answers ``action``."""

    action_id: str
    reaction_id: str
    kind: LinkKind
    relation: str  # "retaliation", "response", "follows"
    lag_days: int | None = None
    score: float = 0.0
    cue: str | None = None  # the cue as written ("in retaliation for ..."), explicit links only
    evidence: Evidence | None = None  # the sentence holding the cue

    def to_json(self) -> dict[str, Any]:
        """The link as one row of the edge table."""
        return {
            "action_id": self.action_id, "reaction_id": self.reaction_id, "kind": self.kind,
            "relation": self.relation, "lag_days": self.lag_days, "score": self.score,
            "cue": self.cue, "evidence": _source_json(self.evidence) if self.evidence else None,
        }


def field_json(value: Any) -> Any:
    """A field's value as in events.jsonl: actors and places as objects, counts as
    ``{best, low, high}``, anything else as is."""
    if isinstance(value, ActorRef):
        return _actor_json(value)
    if isinstance(value, PlaceRef):
        return _place_json(value)
    if isinstance(value, Count):
        return asdict(value)
    return value


def source_json(e: Evidence) -> dict[str, Any]:
    """A piece of evidence as in events.jsonl ``sources``, with its publication date."""
    return {**_source_json(e), "published": e.published, "outlet": e.outlet}


def _consensus_json(c: Consensus) -> dict[str, Any]:
    return {"value": field_json(c.value), "rule": c.rule, "n_sources": c.n_sources,
            "n_reporting": c.n_reporting, "n_values": c.n_values}


def _actor_json(a: ActorRef | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"name": a.name or a.text, "country": a.country, "kind": a.kind, "text": a.text}


def _place_json(p: PlaceRef | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "name": p.name or p.text,
        "country": p.country,
        "admin1": p.admin1,
        "lat": p.lat,
        "lon": p.lon,
        "precision": p.precision,
    }


def _source_json(e: Evidence) -> dict[str, Any]:
    return {
        "doc_id": e.doc_id,
        "sentence": e.sentence,
        "start": e.start,
        "end": e.end,
        "claimant": e.claimant,
    }
