"""The assembly: one mention per event, figures, places, dates, cues; fast and stable ids."""

from __future__ import annotations

import time
from functools import lru_cache

import pytest

from thucydides.extract import Lexicon, extract, extract_mentions
from thucydides.nlp import parse
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), lex())


def test_strike_that_kills_is_one_assault() -> None:
    ms = mentions("The airstrike killed two children in the village.")
    assert len(ms) == 1
    m = ms[0]
    assert m.trigger == "airstrike" and m.type.plover == "assault"
    assert m.actor2 is not None and m.actor2.text == "two children"


def test_casualty_verb_alone_is_an_assault() -> None:
    ms = mentions("Unknown attackers killed four guards at the mine.")
    assert [(m.trigger, m.type.plover) for m in ms] == [("killed", "assault")]


def test_historical_relative_clause_is_an_event() -> None:
    ms = mentions("Admiral Vance, who was killed by a drone in 2018, is buried here.")
    assert len(ms) == 1 and ms[0].status == "occurred" and ms[0].type.mode == "drone"


def test_several_events_in_one_sentence() -> None:
    ms = mentions("Rebels shelled the airport, and the government condemned the attack and "
                  "recalled its ambassador.")
    assert {m.type.plover for m in ms} >= {"assault", "accuse", "sanction"}


def test_ids_are_stable_and_unique() -> None:
    text = "Police arrested ten men. Troops raided a depot and seized rifles."
    a, b = mentions(text), mentions(text)
    assert [m.mention_id for m in a] == [m.mention_id for m in b]
    assert len({m.mention_id for m in a}) == len(a)
    assert all(m.mention_id.startswith("d:") for m in a)


def test_sentence_offsets_places_dates() -> None:
    text = "Intro line.\nOn 3 March, Ghanaian police arrested nine men in Kumasi."
    m = mentions(text)[0]
    assert text[m.sent_start:m.sent_end] == m.sentence
    assert [p.text for p in m.places] == ["Kumasi"]
    assert any("3 March" in d.text for d in m.dates)
    assert all(text[d.start:d.end] == d.text for d in m.dates)


def test_retaliation_cue() -> None:
    ms = mentions("Lakonia bombed the port in retaliation for the raid on its frigate.")
    bomb = next(m for m in ms if m.trigger == "bombed")
    assert bomb.cue == "in retaliation for the raid on its frigate"
    assert [m.trigger for m in ms] == ["bombed"]  # the raid is only referred to


def test_referenced_event_keeps_only_its_own_facts() -> None:
    ms = mentions("On Friday Lakonia bombed the port, a week after the March 3 raid on its "
                  "frigate.")
    raid = next(m for m in ms if m.trigger == "raid")
    assert [d.text for d in raid.dates] == ["March 3"] and raid.cue is None
    bomb = next(m for m in ms if m.trigger == "bombed")
    assert "March 3" not in [d.text for d in bomb.dates]


def test_figures_attach_to_the_attack() -> None:
    ms = mentions("A car bomb exploded outside the court, killing six people and wounding 20.")
    assert len(ms) == 1
    kinds = {(f.kind, f.best) for f in ms[0].figures}
    if kinds:  # figures come from extract/casualties.py when it is present
        assert ("killed", 6) in kinds


def test_empty_document() -> None:
    pdocs = parse([Document(id="e", text="Nothing happened here.")])
    assert extract_mentions(pdocs[0], lex()) == []


def test_speed() -> None:
    text = " ".join(["Soldiers attacked the base and police arrested six men, officials said."] * 60)
    pdoc = parse([Document(id="p", text=text)])[0]
    extract_mentions(pdoc, lex())
    t0 = time.perf_counter()
    for _ in range(5):
        extract_mentions(pdoc, lex())
    assert (time.perf_counter() - t0) / 5 < 0.25


def test_bare_anaphoric_event_noun_is_dropped() -> None:
    assert mentions("The strikes came at a difficult time.") == []
    assert len(mentions("The strikes on Tuesday came at a difficult time.")) == 1


def test_dates_and_places_belong_to_their_event() -> None:
    ms = mentions("Militants bombed a shrine in Kirkuk, where General Odeh, who was killed by a "
                  "sniper in 2011, is buried.")
    bomb = next(m for m in ms if m.trigger == "bombed")
    killed = next(m for m in ms if m.trigger == "killed")
    assert [d.text for d in bomb.dates] == []
    assert any("2011" in d.text for d in killed.dates)
    assert "Kirkuk" in [p.text for p in bomb.places]


def test_modifier_country_is_not_a_place() -> None:
    ms = mentions("A Turkish drone struck a car near Qamishli.")
    assert [p.text for p in ms[0].places] == ["Qamishli"]


@pytest.mark.parametrize(("text", "cameo", "acled"), [
    ("Protesters hurled stones at police and torched cars during the rally.", "145",
     "Violent demonstration"),
    ("Police opened fire on protesters, killing three demonstrators.", "175",
     "Excessive force against protesters"),
    ("Police used tear gas to disperse the protest in the capital.", None,
     "Protest with intervention"),
    ("Thousands of nurses held a peaceful rally outside parliament.", "141", "Peaceful protest"),
    ("Students marched in the capital to protest against police brutality and arrests.", "141",
     "Peaceful protest"),
])
def test_protest_readings(text: str, cameo: str | None, acled: str) -> None:
    ms = [m for m in mentions(text) if m.status == "occurred"]
    assert ms and all(m.type.acled_sub_event_type == acled for m in ms), text
    if cameo:
        assert ms[0].type.cameo == cameo


@pytest.mark.parametrize(("text", "acled"), [
    ("Government troops recaptured the town of Amran from the rebels.",
     "Government regains territory"),
    ("Rebel fighters seized the town of Amran after heavy fighting.",
     "Non-state actor overtakes territory"),
    ("Police seized two rifles and 300 rounds of ammunition in a raid.",
     "Disrupted weapons use"),
    ("The army set up a new military base near the border.",
     "Headquarters or base established"),
])
def test_strategic_developments(text: str, acled: str) -> None:
    ms = [m for m in mentions(text) if m.status == "occurred"]
    assert ms[0].type.acled_sub_event_type == acled, [m.type for m in ms]


def test_listed_countries_all_meet() -> None:
    ms = mentions("On Monday the US, Russia, and China met in Geneva.")
    assert {m.actor1.text for m in ms if m.actor1} == {"US", "Russia", "China"}


def test_meeting_place_is_the_target_of_a_consultation() -> None:
    ms = mentions("The two leaders met in Oslo on Monday.")
    assert ms[0].actor2 is not None and ms[0].actor2.text == "Oslo"


@pytest.mark.parametrize(("text", "acled"), [
    ("Gunmen opened fire on a wedding party in the village, killing nine guests.", "Attack"),
    ("Militants attacked an army checkpoint near the border overnight.", "Armed clash"),
    ("Rebels took control of the town after government troops withdrew.",
     "Non-violent transfer of territory"),
])
def test_attack_or_clash(text: str, acled: str) -> None:
    ms = [m for m in mentions(text) if m.status == "occurred"]
    assert ms[0].type.acled_sub_event_type == acled, [m.type for m in ms]


def test_every_mention_type_agrees_with_the_crosswalk() -> None:
    from thucydides.extract.types import Crosswalk
    cw = Crosswalk.load()
    text = ("Protesters threw stones at police, who fired tear gas. Gunmen shot dead five "
            "villagers. A drone strike hit a convoy. Rebels seized the town and looted shops. "
            "Officials met in Doha and signed a truce. Ankara recalled its ambassador and urged "
            "restraint. A suicide bomber blew himself up at a market.")
    ms = mentions(text)
    assert len(ms) >= 8
    for m in ms:
        assert m.type.cameo is not None
        row = cw.lookup(m.type.cameo)
        assert m.type.plover == row.plover and m.type.quad_class == row.quad_class
        assert m.type.goldstein == row.goldstein


# ---- page furniture, habits and back-references are no new events (extract/filters.py)

def happened(text: str) -> list[Mention]:
    return [m for m in mentions(text) if m.status in ("occurred", "claimed")]


@pytest.mark.parametrize(("line", "heading"), [
    ("Chile Condemns Peru For Shelling Border Post", True),
    ("- Navy Attack On Port Town", True),
    ("6 SOLDIERS KILLED IN BORDER AMBUSH", True),
    ("Chile shelled a border post on Monday, officials said.", False),
    ("Rebels attack convoy near Lima", False),
    ("Iran's Revolutionary Guard Corps (IRGC) announced that it had fired missiles", False),
])
def test_heading_lines(line: str, heading: bool) -> None:
    from thucydides.extract.filters import is_heading
    assert is_heading(line) is heading


def test_title_case_headline_and_link_list_give_no_events() -> None:
    text = ("Chile Condemns Peru For Shelling Border Post\n\nChile condemned Peru on Monday.\n\n"
            "Related\n- Navy Attack On Port Town\n- Army Raids Rebel Camp Near Lima\n")
    ms = happened(text)
    assert [m.trigger for m in ms] == ["condemned"]


def test_heading_glued_to_the_body_gives_no_actor() -> None:
    ms = happened("Senior Army Officers Killed\nState media said several officers had been "
                  "killed in the strikes.")
    assert ms and all(m.actor1 is None or "Senior" not in m.actor1.text for m in ms)


def test_dateline_is_no_actor() -> None:
    ms = happened("LIMA (Agencies): Gunmen stormed a police post in the south early Friday.")
    assert ms and all(m.actor1 is None or m.actor1.text != "LIMA" for m in ms)


@pytest.mark.parametrize("text", [
    "Chile has long accused Peru of arming the rebels.",
    "For years, the two neighbours have accused each other of sheltering smugglers.",
    "The rebel group has previously mounted attacks on police posts in the north.",
    "The rebels have been attacking convoys on the highway since March.",
    "The province has witnessed unrest in recent years, including protests over water.",
])
def test_habitual_statements_are_no_events(text: str) -> None:
    assert happened(text) == []


def test_a_dated_past_event_is_kept_despite_previously() -> None:
    ms = happened("The rebels had previously attacked the mine in March 2019.")
    assert [m.trigger for m in ms] == ["attacked"]


@pytest.mark.parametrize("text", [
    "The attack was one of the deadliest in the region in a decade.",
    "The strikes come at a time of high tension along the border with Peru.",
    "The decision of Chile bombing Peru was a turning point.",
    "There is no excuse for these raids, the governor of Tacna said.",
])
def test_back_references_are_no_new_events(text: str) -> None:
    assert happened(text) == []


def test_back_reference_keeps_only_its_own_place() -> None:
    ms = happened("The new strikes mean both Chile and Peru have escalated, a week after "
                  "the border clash.")
    assert all(not m.places for m in ms if m.trigger == "strikes")


def test_condolences_are_no_event() -> None:
    assert happened("The foreign minister expressed condolences to the families of the "
                    "victims.") == []


def test_calling_on_a_visitor_is_a_meeting() -> None:
    ms = happened("The speaker of parliament also called on the visiting prime minister.")
    assert [(m.trigger, m.type.plover) for m in ms] == [("called", "consult")]
    ms = happened("The envoy called on Peru to release the prisoners.")
    assert [(m.trigger, m.type.plover) for m in ms] == [("called", "request")]


def test_expected_protests_and_withheld_acts_did_not_happen() -> None:
    assert happened("Mass protests are expected in Lima after Friday prayers.") == []
    ms = mentions("The army had shared no information with the mission.")
    assert ms and all(m.status == "denied" for m in ms)


def test_article_before_a_date_is_trimmed() -> None:
    ms = mentions("The group claimed the June 7, 2017, attacks on the parliament in Lima.")
    assert [d.text for m in ms for d in m.dates] == ["June 7, 2017"]


def test_a_strike_responded_to_is_told_elsewhere() -> None:
    from thucydides.extract import Lexicon, extract
    from thucydides.nlp import parse
    from thucydides.records import Document
    doc = Document(id="x", text="Iran responded to the recent strikes by summoning the envoy.")
    ms = extract(parse([doc]), Lexicon.load())
    assert all(m.trigger != "strikes" for m in ms)


@pytest.mark.parametrize("text", [
    "Rockets and drones had been used to destroy two camps of the rebel group.",
    "Airstrikes destroyed several homes in the town on Sunday.",
    "The camps were completely destroyed by a mix of rockets and drone strikes, the army said.",
])
def test_property_destroyed_by_drones_or_air_strikes_is_an_air_strike(text: str) -> None:
    ms = [m for m in mentions(text) if m.status == "occurred"]
    assert len(ms) == 1, [(m.trigger, m.type.cameo) for m in ms]
    assert ms[0].type.cameo == "195"
    assert ms[0].type.acled_sub_event_type == "Air/drone strike"


def test_property_destroyed_by_hand_stays_property_destruction() -> None:
    ms = mentions("Militia fighters demolished the houses of the villagers.")
    assert [m.type.acled_sub_event_type for m in ms] == ["Looting/property destruction"]


def test_weapon_is_no_actor_but_its_owner_is() -> None:
    m = mentions("Rockets hit the camp on Monday.")[0]
    assert m.actor1 is None and m.actor2 is not None and m.actor2.text == "camp"
    m = mentions("Iranian drones hit the camp on Monday.")[0]
    assert m.actor1 is not None and m.actor1.text == "Iranian drones"


def test_jail_term_is_no_long_running_activity() -> None:
    ms = mentions("A court in Lima has jailed a Bolivian trader for five years for smuggling "
                  "weapons.")
    jailed = next(m for m in ms if m.trigger == "jailed")
    assert jailed.status == "occurred" and jailed.type.cameo == "173"
    assert jailed.actor1 is not None and jailed.actor1.text == "court in Lima"


@pytest.mark.parametrize(("text", "code", "a1", "a2"), [
    ("Norway agreed to lift the sanctions on Chile.", "0354", "Norway", "Chile"),
    ("Chile wants to help Peru.", "033", "Chile", "Peru"),
])
def test_announced_cooperation_is_an_expression_of_intent(text: str, code: str, a1: str,
                                                          a2: str) -> None:
    ms = [m for m in mentions(text) if m.status == "occurred"]
    assert [(m.type.cameo, m.actor1.text if m.actor1 else None,
             m.actor2.text if m.actor2 else None) for m in ms] == [(code, a1, a2)]


def test_symmetric_intent_goes_both_ways() -> None:
    ms = [m for m in mentions("Chile and Peru are seeking to deepen their partnership in mining.")
          if m.status == "occurred"]
    assert {(m.actor1.text if m.actor1 else None, m.actor2.text if m.actor2 else None,
             m.type.cameo) for m in ms} == {("Chile", "Peru", "031"), ("Peru", "Chile", "031")}


def test_wish_to_attack_is_no_intent_to_cooperate() -> None:
    ms = mentions("The general wants to attack the city.")
    assert [(m.trigger, m.status) for m in ms] == [("attack", "hypothetical")]


def test_in_protest_is_why_another_act_was_done_not_a_protest() -> None:
    from thucydides.extract import Lexicon, extract
    from thucydides.nlp import parse
    from thucydides.records import Document
    doc = Document(id="x", text=(
        "Islamabad recalled its envoy in protest at the strike. "
        "Protesters gathered outside the embassy in protest against the strikes."))
    ms = extract(parse([doc]), Lexicon.load())
    assert [m.type.plover for m in ms if m.sentence_index == 0] == ["sanction"]
    assert any(m.type.plover == "protest" and m.trigger == "gathered" for m in ms)
