"""Casualty figures (tolls2): "N more" as the victims of a second cue."""

from __future__ import annotations

import pytest

from thucydides.extract.casualties import find_figures
from thucydides.nlp import parse
from thucydides.records import Document

CASES = [
    ("The blast killed four people and injured a dozen more.", [("killed", 4), ("injured", 12)]),
    ("The raid killed 3 and injured 8 more, police said.", [("killed", 3), ("injured", 8)]),
    ("At least two deckhands have been killed and five more injured in a drone strike.",
     [("killed", 2), ("injured", 5)]),
    ("Gunmen killed two guards and wounded 15 more in the attack.", [("killed", 2), ("injured", 15)]),
    ("The strike killed 4 people and injured many more.", [("killed", 4)]),
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, list[tuple[str, int | None]]]:
    texts = [t for t, _ in CASES]
    out: dict[str, list[tuple[str, int | None]]] = {}
    for pdoc, text in zip(parse([Document(f"d{i}", t) for i, t in enumerate(texts)]), texts,
                          strict=True):
        out[text] = [(f.kind, f.best) for s in pdoc.sentences for f in find_figures(pdoc, s)]
    return out


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_more_victims_of_a_second_cue(parsed: dict[str, list[tuple[str, int | None]]], text: str,
                                      expected: list[tuple[str, int]]) -> None:
    assert parsed[text] == expected
