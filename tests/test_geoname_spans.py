"""Hyphenated compound toponyms and stated containment, on texts written for the test."""

from __future__ import annotations

import pytest

from thucydides.nlp import parse
from thucydides.records import Document, PlaceRef
from thucydides.resolve.gazetteer import Candidate, Gazetteer
from thucydides.resolve.geo_contain import restrict
from thucydides.resolve.geo_spans import find_spans
from thucydides.resolve.places import resolve_doc_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _places(text: str, gaz: Gazetteer) -> list[PlaceRef]:
    return resolve_doc_places(parse([Document(id="t", text=text)])[0], gaz)


def _find(places: list[PlaceRef], surface: str) -> PlaceRef:
    hits = [p for p in places if surface in p.text]
    assert hits, f"{surface!r} not found in {[p.text for p in places]}"
    return hits[0]


@pytest.mark.parametrize("spelling", ["Seistan-o-Baluchistan", "Siestan-o-Baluchestan",
                                      "Sistan-va-Baluchistan"])
def test_hyphenated_transliteration_is_one_name(gaz: Gazetteer, spelling: str) -> None:
    text = f"Jets bombed two camps in {spelling} province of Iran before dawn, officials said."
    places = _places(text, gaz)
    ref = _find(places, "Baluch")
    assert ref.text == spelling
    assert (ref.country, ref.admin1) == ("IRN", "Sistan and Baluchestan")
    assert all(p.country != "PAK" for p in places)


@pytest.mark.parametrize(("name", "country"), [
    ("Khyber-Pakhtunkhwa", "PAK"), ("Deir ez-Zor", "SYR"), ("Ras al-Khaimah", "ARE"),
    ("Kohgiluyeh-and-Boyer-Ahmad", "IRN")])
def test_hyphenated_compound_spans_the_whole_name(gaz: Gazetteer, name: str,
                                                   country: str) -> None:
    places = _places(f"The convoy was stopped near {name} on Monday and turned back.", gaz)
    ref = _find(places, name.split()[0].split("-")[0])
    assert (ref.text, ref.country) == (name, country)


def test_leading_article_compound(gaz: Gazetteer) -> None:
    ref = _find(_places("Police closed the road to al-Qaim after the blast.", gaz), "Qaim")
    assert (ref.text, ref.country) == ("al-Qaim", "IRQ")


def test_country_pairs_keep_both_parts(gaz: Gazetteer) -> None:
    text = ("Trade across the Iran-Pakistan border fell while the Israel-Hamas war went on, "
            "and a French-Ghana trade deal was signed by the US-led group.")
    places = _places(text, gaz)
    names = {p.text for p in places}
    assert {"Iran", "Pakistan", "Israel", "US"} <= names
    assert all(p.country != "GUF" for p in places)  # "French-Ghana" is no French Guiana


def test_hyphen_to_a_common_noun_keeps_the_place_span(gaz: Gazetteer) -> None:
    places = _places("Schools in the Atlanta-area district reopened on Monday.", gaz)
    assert _find(places, "Atlanta").text == "Atlanta"


@pytest.mark.parametrize("text", [
    "Rockets hit a camp in Baluchistan province of Iran on Tuesday, Pakistani officials said.",
    "Rockets hit a camp in Baluchistan, Iran, on Tuesday, Pakistani officials said.",
    "Pakistani officials said rockets hit a camp in Iran's Baluchistan on Tuesday.",
    "Pakistani officials said rockets hit a camp in Baluchistan in southeastern Iran.",
    "Pakistani officials said rockets hit a camp in the Iranian province of Baluchistan.",
])
def test_stated_country_beats_the_prior(gaz: Gazetteer, text: str) -> None:
    ref = _find(_places(text, gaz), "Baluchistan")
    assert (ref.country, ref.admin1) == ("IRN", "Sistan and Baluchestan")


@pytest.mark.parametrize("text", [
    "Pakistani officials said rockets hit a camp in Baluchistan on Tuesday.",
    "After the blasts in Baluchistan, Iran said it had closed the crossing.",
    "Militants move freely between Baluchistan, Iran and Afghanistan, officials said.",
    "Pakistan condemned Iran's strikes in Baluchistan on Tuesday.",
])
def test_no_stated_country_keeps_the_prior(gaz: Gazetteer, text: str) -> None:
    ref = _find(_places(text, gaz), "Baluchistan")
    assert (ref.country, ref.admin1) == ("PAK", "Balochistan")


def test_stated_country_picks_among_same_named_towns(gaz: Gazetteer) -> None:
    text = ("Indian officials in New Delhi and Mumbai said the floods that hit Hyderabad in "
            "Pakistan had spared India.")
    assert _find(_places(text, gaz), "Hyderabad").country == "PAK"
    text = ("Pakistani officials in Islamabad and Karachi said the floods that hit Hyderabad in "
            "India had spared Pakistan.")
    assert _find(_places(text, gaz), "Hyderabad").country == "IND"


def test_a_capital_in_another_country_is_its_government(gaz: Gazetteer) -> None:
    pdoc = parse([Document(id="t", text="Few doubted the sway of Islamabad in India then.")])[0]
    spans = {s.text: s for s in find_spans(pdoc, gaz)}
    assert spans["Islamabad"].within is None
    pdoc = parse([Document(id="t", text="The floods reached Hyderabad in India then.")])[0]
    assert {s.text: s for s in find_spans(pdoc, gaz)}["Hyderabad"].within == "IND"


def test_variant_in_finds_a_spelling_in_the_stated_country(gaz: Gazetteer) -> None:
    assert gaz.variant_in("baluchistan", "IRN") == "baluchestan"
    assert gaz.variant_in("baluchistan", "AFG") is None


def test_restrict_keeps_all_when_the_country_has_none() -> None:
    a = Candidate("A", "PAK", None, 0.0, 0.0, "city", 0.5)
    b = Candidate("B", "IND", None, 0.0, 0.0, "city", 0.6)
    assert restrict([a, b], "PAK") == [a]
    assert restrict([a, b], "IRN") == [a, b]
    assert restrict([a, b], None) == [a, b]
