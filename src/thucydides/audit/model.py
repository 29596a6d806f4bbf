"""Typed results of the reporting audit: findings linked to sentences, per-article audits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["info", "low", "medium", "high"]
FindingKind = Literal[
    "attribution",  # the article's share of sourced claims is low
    "unattributed_claim",  # a sentence reports events as fact with no source
    "unsourced_figure",  # a casualty figure with no source
    "temporal_conflation",  # an event of another year told as part of the article's episode
    "relative_date",  # a relative date that contradicts the publication date
    "record_contradiction",  # a value that differs from the event reconciled from all articles
    "reference_contradiction",  # a date of a landmark event that contradicts the chronology
    "boilerplate",  # page furniture, link lists, calls to action, SEO copy
    "keyword_stuffing",  # a phrase repeated far more often than prose needs
    "glued_heading",  # a heading or sentence glued to the previous sentence
]
SEVERITIES: tuple[Severity, ...] = ("info", "low", "medium", "high")
SEVERITY_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """Where a finding is: the sentence's index in the parse (None for text that cleaning
    removed) and its character span and text in the input as given."""

    doc_id: str
    sentence_index: int | None
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Finding:
    kind: FindingKind
    severity: Severity
    message: str
    sentence: SentenceRef
    related: list[SentenceRef] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "severity": self.severity, "message": self.message,
            "sentence": self.sentence.to_json(),
            "related": [r.to_json() for r in self.related],
            "details": self.details,
        }


@dataclass(slots=True)
class AuditStats:
    """The counts behind the score."""

    n_sentences: int = 0
    n_claims: int = 0  # factual claims: happened event mentions and casualty figures
    attributed_share: float = 1.0  # weighted: named/institution 1, anonymous 0.5, none/outlet 0
    n_figures: int = 0
    n_unsourced_figures: int = 0
    figures_sourced_share: float = 1.0  # weighted like attributed_share
    n_lines: int = 0
    n_boilerplate_lines: int = 0
    boilerplate_share: float = 0.0
    n_glued: int = 0
    episode: str | None = None  # YYYY-MM the article's own events mostly fall in
    years: list[int] = field(default_factory=list)  # years of the events the article tells

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ArticleAudit:
    """The audit of one article: findings, the numbers behind them and a 0–100 score."""

    doc_id: str
    title: str | None
    published: str | None
    outlet: str | None
    score: int
    penalties: dict[str, float]  # points lost per dimension (see thucydides.audit.score)
    stats: AuditStats
    findings: list[Finding]
    duplicate_of: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "title": self.title, "published": self.published,
            "outlet": self.outlet, "duplicate_of": self.duplicate_of, "score": self.score,
            "penalties": self.penalties, "stats": self.stats.to_json(),
            "findings": [f.to_json() for f in self.findings],
        }

    def by_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


# How each kind of finding is named to a reader (terminal, brief, dashboard).
FINDING_LABELS: dict[str, str] = {
    "attribution": "Attribution", "unattributed_claim": "Unattributed claim",
    "unsourced_figure": "Unsourced figure", "temporal_conflation": "Temporal conflation",
    "relative_date": "Relative date", "record_contradiction": "Contradicts the record",
    "reference_contradiction": "Contradicts the chronology", "boilerplate": "Boilerplate",
    "keyword_stuffing": "Keyword stuffing", "glued_heading": "Glued heading",
}
