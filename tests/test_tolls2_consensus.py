"""Casualty consensus (tolls2): a later official lower bound does not revise a higher toll."""

from __future__ import annotations

from thucydides.consensus import decide
from thucydides.corroboration import claim_sources
from thucydides.records import Claim, Count, Evidence


def _claim(value: dict[str, object], outlet: str, published: str, kind: str | None) -> Claim:
    ev = Evidence(f"{outlet}-{published}", f"{outlet} reported {value['text']} dead.", 0, 9,
                  published=published, outlet=outlet, claimant_kind=kind)
    return Claim("killed", value, ev)


def _exact(n: int) -> dict[str, object]:
    return {"best": n, "low": n, "high": n, "cumulative": False, "text": str(n)}


def _at_least(n: int) -> dict[str, object]:
    return {"best": n, "low": n, "high": None, "cumulative": False, "text": f"at least {n}"}


def test_a_later_official_lower_bound_does_not_revise_a_higher_toll() -> None:
    claims = [_claim(_exact(12), "A", "2023-05-02", "institution"),
              _claim(_exact(12), "B", "2023-05-02", None),
              _claim(_exact(8), "C", "2023-05-02", "institution"),
              _claim(_at_least(8), "D", "2023-05-03", "named")]
    d = decide("killed", claims, claim_sources(claims))
    assert d is not None and d.value == Count(12, 8, 12)


def test_a_later_official_exact_figure_still_revises() -> None:
    claims = [_claim(_exact(12), "A", "2023-05-02", "institution"),
              _claim(_exact(12), "B", "2023-05-02", None),
              _claim(_exact(15), "D", "2023-05-03", "named")]
    d = decide("killed", claims, claim_sources(claims))
    assert d is not None and d.value.best == 15 and d.consensus.rule == "latest-official"


def test_a_later_official_higher_lower_bound_revises_upwards() -> None:
    claims = [_claim(_exact(12), "A", "2023-05-02", "institution"),
              _claim(_exact(12), "B", "2023-05-02", None),
              _claim(_at_least(20), "D", "2023-05-03", "named")]
    d = decide("killed", claims, claim_sources(claims))
    assert d is not None and d.value.best == 20 and d.consensus.rule == "latest-official"
