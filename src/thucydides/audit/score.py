"""The article score: 100 minus the points lost in six dimensions.

    score = round(100 − Σ_d W_d · p_d),   p_d ∈ [0, 1]

    dimension     W    p_d
    attribution   30   (1 − sourced share of factual claims) · min(1, claims / 3)
    figures       15   (1 − sourced share of casualty figures) · min(1, figures / 2)
    temporal      20   min(1, severity points of temporal_conflation + relative_date / 20)
    record        20   min(1, severity points of record_ + reference_contradiction / 20)
    boilerplate   10   min(1, boilerplate line share + 0.25 · repeated key phrases)
    glued          5   min(1, glued headings / 5)

Severity points: high 10, medium 5, low 2, info 0. Sourced share weighs a named or institutional
source 1, an unnamed one 0.5, none or the outlet 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import AuditStats, Finding

WEIGHTS: dict[str, float] = {
    "attribution": 30, "figures": 15, "temporal": 20, "record": 20, "boilerplate": 10, "glued": 5,
}
POINTS: dict[str, float] = {"high": 10, "medium": 5, "low": 2, "info": 0}
POINTS_FULL = 20
STUFFING_STEP = 0.25
GLUED_FULL = 5
_TEMPORAL = frozenset({"temporal_conflation", "relative_date"})
_RECORD = frozenset({"record_contradiction", "reference_contradiction"})


def penalties(stats: AuditStats, findings: Sequence[Finding]) -> dict[str, float]:
    """Points lost per dimension."""
    p = {
        "attribution": (1 - stats.attributed_share) * min(1.0, stats.n_claims / 3),
        "figures": (1 - stats.figures_sourced_share) * min(1.0, stats.n_figures / 2),
        "temporal": min(1.0, _points(findings, _TEMPORAL) / POINTS_FULL),
        "record": min(1.0, _points(findings, _RECORD) / POINTS_FULL),
        "boilerplate": min(1.0, stats.boilerplate_share + STUFFING_STEP * sum(
            1 for f in findings if f.kind == "keyword_stuffing")),
        "glued": min(1.0, stats.n_glued / GLUED_FULL),
    }
    return {k: round(WEIGHTS[k] * v, 2) for k, v in p.items()}


def total(lost: dict[str, float]) -> int:
    return max(0, min(100, round(100 - sum(lost.values()))))


def _points(findings: Sequence[Finding], kinds: frozenset[str]) -> float:
    return sum(POINTS[f.severity] for f in findings if f.kind in kinds)
