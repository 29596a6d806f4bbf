"""Casualty figures: cues, counts, parts and claimants (extract/casualties.py, casualty_cues.py,
victims.py), and revised tolls in the consensus (reconcile.py, consensus.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from test_casualties import figures
from test_corroboration import actor, place, say
from thucydides.extract.casualty_cues import revised_figure
from thucydides.nlp import parse
from thucydides.reconcile import build_event
from thucydides.records import Document, Mention, ParsedDoc

TEXTS = [
    "Five farmers were gunned down in the village on Monday.",
    "Soldiers mowed down 40 protesters outside the palace.",
    "The union condemned the killing of 12 miners in the province.",
    "The massacre of 30 villagers shocked the country.",
    "The army killed and wounded scores of militants near the border.",
    "Air strikes hit the town, killing and injuring dozens of people.",
    "Militants killed three soldiers and wounded four in the ambush.",
    "Troops captured two rebel camps and 300 rifles.",
    "Troops captured 12 fighters in the raid.",
    "Pakistan condemned the strike, saying two children were killed.",
    "Militants stormed the post overnight, and the deputy governor said 11 officers were killed.",
    "Seven soldiers suffered injuries when the bomb exploded.",
    "Four Harbour Defence Service (HDS) personnel were killed in the blast.",
    "Khartoum, More than 35 protesters were killed and hundreds wounded Monday.",
    "At least 4 soldiers died and 2 were missing after the ambush.",
    "State radio reported 41 deaths and 76 injuries.",
    "A suicide bomber killed himself and six soldiers.",
    "The gunman killed five worshippers before he killed himself.",
    "Three teachers, four children and two men were killed.",
    "Two guards, three women and a child were killed in the raid.",
    "Seven people, three women and four children, were killed.",
    "Four soldiers, two of them officers, were killed.",
    "The strike killed 4 people and injured between 6 and 17 others.",
    "The raid killed two soldiers, a policeman and three civilians.",
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedDoc]:
    docs = [Document(id=f"t{i}", text=t) for i, t in enumerate(TEXTS)]
    return {p.doc.text: p for p in parse(docs)}




def summary(parsed: dict[str, ParsedDoc], text: str) -> list[tuple[str, int | None]]:
    return [(f.kind, f.best) for f in figures(parsed, text)]


def test_phrasal_verbs_count_their_victims(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[0]) == [("killed", 5)]
    assert summary(parsed, TEXTS[1]) == [("killed", 40)]


def test_a_killing_noun_counts_its_of_object(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[2]) == [("killed", 12)]
    assert summary(parsed, TEXTS[3]) == [("killed", 30)]


def test_killed_and_wounded_sharing_one_object_is_neither(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[4]) == []
    assert summary(parsed, TEXTS[5]) == []
    assert summary(parsed, TEXTS[6]) == [("killed", 3), ("injured", 4)]  # each has its own


def test_only_people_are_captives(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[7]) == []
    assert summary(parsed, TEXTS[8]) == [("arrested", 12)]


def test_the_bearer_of_injuries_is_counted(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[11]) == [("injured", 7)]


def test_a_number_parsed_onto_a_name_before_the_noun_counts(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[12]) == [("killed", 4)]


def test_a_dateline_parsed_as_a_subject_is_no_victim(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[13])[0] == ("killed", 36)


def test_a_number_subject_counts_once(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[14]) == [("killed", 4), ("missing", 2)]


def test_counts_of_other_kinds_are_not_parts(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[15]) == [("killed", 41), ("injured", 76)]


def test_a_bomber_killed_with_his_victims_is_counted(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[16]) == [("killed", 7)]
    assert summary(parsed, TEXTS[17]) == [("killed", 5)]  # alone, "himself" is no count


def test_every_member_of_a_list_is_a_part(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[18]) == [("killed", 9)]
    assert summary(parsed, TEXTS[19]) == [("killed", 6)]
    assert summary(parsed, TEXTS[23]) == [("killed", 6)]


def test_a_breakdown_of_a_whole_is_not_added(parsed: dict[str, ParsedDoc]) -> None:
    assert summary(parsed, TEXTS[20]) == [("killed", 7)]
    assert summary(parsed, TEXTS[21]) == [("killed", 4)]


def test_a_range_after_between_is_the_object(parsed: dict[str, ParsedDoc]) -> None:
    hits = figures(parsed, TEXTS[22])
    assert [(f.kind, f.best, f.low, f.high) for f in hits] == [
        ("killed", 4, 4, 4), ("injured", 6, 6, 17)]


def test_each_figure_has_its_claimant(parsed: dict[str, ParsedDoc]) -> None:
    assert [f.claimant for f in figures(parsed, TEXTS[9])] == ["Pakistan"]
    assert [f.claimant for f in figures(parsed, TEXTS[10])] == ["deputy governor"]


def _report(sentence: str, n: int, published: str, doc: str) -> Mention:
    return say(doc, sentence, "strike", a1=actor("Atlantis", "ATL"), loc=place("Port Azure", "ATL"),
               published=published, date="2031-03-04", killed=n)


def test_revision_words_lead_up_to_the_figure() -> None:
    assert revised_figure("The death toll rose to 41 on Sunday.", "41")
    assert revised_figure("A third body was found, bringing the death toll to three.", "three")
    assert revised_figure("Officials said the toll had risen to more than 60 people.",
                          "more than 60 people")
    assert not revised_figure("Gunmen reached the market and killed 5 people.", "5 people")
    assert not revised_figure("Five people were killed in the blast.", "Five people")


def test_a_revised_toll_supersedes_figures_reported_no_later() -> None:
    first = [_report(f"The strike killed {n} people, police said.", n, "2031-03-04", doc)
             for n, doc in ((20, "a"), (20, "b"), (20, "c"))]
    rose = _report("The death toll from the strike rose to 35 on Tuesday.", 35, "2031-03-05", "d")
    rose.figures = [replace(rose.figures[0], text="35",
                            start=rose.sent_start + rose.sentence.find("35"))]
    ev = build_event("e", [*first, rose])
    assert ev.killed is not None and ev.killed.best == 35
    assert ev.consensus["killed"].rule == "revised-toll"
    later = _report("The strike killed 38 people, officials said.", 38, "2031-03-06", "e")
    ev = build_event("e", [*first, rose, later])  # a later report is not superseded
    assert ev.killed is not None and ev.killed.best != 35
