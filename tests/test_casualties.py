"""Casualty figures (extract/casualties.py) and number parsing (extract/numbers.py)."""

from __future__ import annotations

import pytest

from thucydides.extract.casualties import find_figures
from thucydides.extract.numbers import parse_number
from thucydides.nlp import parse
from thucydides.records import Document, Figure, ParsedDoc

TEXTS = [
    "Two children were killed and three others injured in the shelling, police said.",
    "Militants killed 11 police officers in an overnight raid on a checkpoint.",
    "The death toll rose to 73 on Thursday.",
    "At least 47 people died in the explosions near the shrine.",
    "The twin bombings left 58 dead and 190 injured.",
    "Gunmen opened fire on a minibus, killing nine Pakistani labourers.",
    "The blast left 4 dead.",
    "The suicide attack resulted in the loss of 62 lives.",
    "The ambush claimed the lives of 10 soldiers.",
    "Seven people, including three women and four children, were killed in the strike.",
    "Three women and four children were killed in the strike.",
    "Two soldiers and a civilian were killed when the convoy was hit.",
    "So far, 512 people have been killed in the fighting.",
    "The total death toll since the war began has reached 1,400.",
    "Over the past week, at least 30 civilians were killed in air strikes.",
    "The deadliest attack since 2019 killed 20 people.",
    "A soldier was killed in the clash.",
    "Insurgents ambushed a patrol, killing a policeman.",
    "Israel fired 11 missiles at three bases on January 16, 2024, killing two.",
    "A 12-year-old boy was killed when the drone struck 1.5 km from the border.",
    "The government pledged $5 million to the families of those killed.",
    "Between 10 and 12 people were killed, and up to 30 others were wounded.",
    "Nearly 100 people were killed and hundreds were injured.",
    "Police arrested 15 suspects and detained a journalist.",
    "Twenty-one people are still missing after the attack.",
    "No one was killed in the attack, but two guards were wounded.",
    "There were no casualties.",
    "The number of people killed has risen to 36.",
    "Eleven members of the security forces were killed.",
    "Several soldiers were wounded in the assault.",
    "The strike destroyed 3 buildings and killed 6.",
    "The militants took 20 hostages and killed 2 guards.",
    "The missile struck the base at 3 p.m., and officials said the ministry will meet in 2025.",
    "A total of 5 people were killed in the attack.",
    "Dozens of people were wounded in the blast.",
    "More than 90 people were killed in the bombing.",
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedDoc]:
    docs = [Document(id=f"t{i}", text=t) for i, t in enumerate(TEXTS)]
    return {p.doc.text: p for p in parse(docs)}


def figures(parsed: dict[str, ParsedDoc], text: str) -> list[Figure]:
    pdoc = parsed[text]
    return [f for s in pdoc.sentences for f in find_figures(pdoc, s)]


def summary(figs: list[Figure]) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(f.kind, f.best, f.low, f.high) for f in figs]


# ---- parse_number ----------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    ("11", (11, 11, 11)),
    ("1,329", (1329, 1329, 1329)),
    ("two", (2, 2, 2)),
    ("twenty-one", (21, 21, 21)),
    ("one hundred and twenty", (120, 120, 120)),
    ("1.5 million", (1_500_000, 1_500_000, 1_500_000)),
    ("a dozen", (12, 12, 12)),
    ("half a dozen", (6, 6, 6)),
    ("two dozen", (24, 24, 24)),
    ("dozens", (None, 24, None)),
    ("scores", (None, 40, None)),
    ("hundreds", (None, 200, None)),
    ("tens of thousands", (None, 20_000, None)),
    ("nearly 100", (100, None, 100)),
    ("almost 100", (100, None, 100)),
    ("more than 90", (91, 91, None)),
    ("over 90", (91, 91, None)),
    ("at least 11", (11, 11, None)),
    ("up to 30", (30, None, 30)),
    ("as many as 30", (30, None, 30)),
    ("fewer than 30", (29, None, 29)),
    ("around 40", (40, None, None)),
    ("about 40", (40, None, None)),
    ("between 10 and 12", (10, 10, 12)),
    ("10-12", (10, 10, 12)),
    ("10 to 12", (10, 10, 12)),
    ("a", (1, 1, 1)),
    ("one", (1, 1, 1)),
    ("no", (0, 0, 0)),
])
def test_parse_number(words: str, expected: tuple[int | None, int | None, int | None]) -> None:
    assert parse_number(words) == expected


@pytest.mark.parametrize("words", ["several", "a number of", "a few", "many", "", "km", "1.5"])
def test_parse_number_vague_or_not_a_number(words: str) -> None:
    assert parse_number(words) is None


# ---- phrasings -------------------------------------------------------------------------------

def test_killed_and_injured_attach_to_their_own_victims(parsed: dict[str, ParsedDoc]) -> None:
    figs = figures(parsed, TEXTS[0])
    assert summary(figs) == [("killed", 2, 2, 2), ("injured", 3, 3, 3)]
    assert figs[0].group == "children"
    assert figs[0].text == "Two children"


def test_offsets_point_at_the_number_phrase(parsed: dict[str, ParsedDoc]) -> None:
    for text in TEXTS[:10]:
        for f in figures(parsed, text):
            assert text[f.start:f.end] == f.text


@pytest.mark.parametrize(("index", "kind", "best", "group"), [
    (1, "killed", 11, "police"),
    (2, "killed", 73, None),
    (3, "killed", 47, "people"),
    (5, "killed", 9, "workers"),
    (6, "killed", 4, None),
    (7, "killed", 62, None),
    (8, "killed", 10, "soldiers"),
    (16, "killed", 1, "soldiers"),
    (17, "killed", 1, "police"),
    (18, "killed", 2, None),
    (24, "missing", 21, "people"),
    (27, "killed", 36, None),
    (28, "killed", 11, "soldiers"),
    (30, "killed", 6, None),
    (31, "killed", 2, "soldiers"),
    (33, "killed", 5, "people"),
])
def test_single_figure(parsed: dict[str, ParsedDoc], index: int, kind: str, best: int,
                       group: str | None) -> None:
    figs = figures(parsed, TEXTS[index])
    assert [(f.kind, f.best, f.group) for f in figs] == [(kind, best, group)]
    assert not figs[0].cumulative


def test_dead_and_injured_pair(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(figures(parsed, TEXTS[4])) == [("killed", 58, 58, 58), ("injured", 190, 190, 190)]


def test_at_least_keeps_the_lower_bound(parsed: dict[str, ParsedDoc]) -> None:
    (fig,) = figures(parsed, TEXTS[3])
    assert (fig.best, fig.low, fig.high) == (47, 47, None)
    assert fig.text == "At least 47 people"


def test_including_is_a_breakdown_not_more_victims(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(figures(parsed, TEXTS[9])) == [("killed", 7, 7, 7)]


def test_coordinated_victims_are_summed(parsed: dict[str, ParsedDoc]) -> None:
    (fig,) = figures(parsed, TEXTS[10])
    assert (fig.best, fig.group) == (7, "women+children")
    (fig,) = figures(parsed, TEXTS[11])
    assert fig.best == 3


@pytest.mark.parametrize("index", [12, 13, 14])
def test_cumulative_tolls(parsed: dict[str, ParsedDoc], index: int) -> None:
    figs = figures(parsed, TEXTS[index])
    assert len(figs) == 1 and figs[0].kind == "killed"
    assert figs[0].cumulative


def test_cumulative_numbers(parsed: dict[str, ParsedDoc]) -> None:
    assert figures(parsed, TEXTS[12])[0].best == 512
    assert figures(parsed, TEXTS[13])[0].best == 1400
    assert figures(parsed, TEXTS[14])[0].low == 30


def test_superlative_since_is_not_cumulative(parsed: dict[str, ParsedDoc]) -> None:
    (fig,) = figures(parsed, TEXTS[15])
    assert fig.best == 20 and not fig.cumulative


def test_missiles_dates_ages_distances_money_are_not_casualties(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(figures(parsed, TEXTS[18])) == [("killed", 2, 2, 2)]
    (boy,) = figures(parsed, TEXTS[19])
    assert (boy.best, boy.group) == (1, "children")
    assert figures(parsed, TEXTS[20]) == []
    assert figures(parsed, TEXTS[32]) == []
    assert summary(figures(parsed, TEXTS[30])) == [("killed", 6, 6, 6)]
    assert summary(figures(parsed, TEXTS[31])) == [("killed", 2, 2, 2)]


def test_ranges_and_bounds(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(figures(parsed, TEXTS[21])) == [("killed", 10, 10, 12), ("injured", 30, None, 30)]
    assert summary(figures(parsed, TEXTS[22])) == [("killed", 100, None, 100),
                                                   ("injured", None, 200, None)]
    assert summary(figures(parsed, TEXTS[34])) == [("injured", None, 24, None)]
    assert summary(figures(parsed, TEXTS[35])) == [("killed", 91, 91, None)]


def test_arrests(parsed: dict[str, ParsedDoc]) -> None:
    figs = figures(parsed, TEXTS[23])
    assert [(f.kind, f.best, f.group) for f in figs] == [
        ("arrested", 15, "suspects"), ("arrested", 1, "journalists")]


def test_zero_casualties(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(figures(parsed, TEXTS[25])) == [("killed", 0, 0, 0), ("injured", 2, 2, 2)]
    assert summary(figures(parsed, TEXTS[26])) == [("killed", 0, 0, 0), ("injured", 0, 0, 0)]


def test_vague_counts_give_no_figure(parsed: dict[str, ParsedDoc]) -> None:
    assert figures(parsed, TEXTS[29]) == []


def test_sentence_without_casualty_word_is_skipped(parsed: dict[str, ParsedDoc]) -> None:
    pdoc = parsed[TEXTS[32]]
    assert find_figures(pdoc, pdoc.sentences[0]) == []
