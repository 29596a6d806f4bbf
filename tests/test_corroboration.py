"""Corroboration (independent sources) and the consensus rules, on hand-made mentions.

The helpers here (``say``, ``actor``, ``place``) build mentions from sentences written for the
tests; test_links.py and test_history.py use them too.
"""

from __future__ import annotations

from dataclasses import replace

from thucydides.consensus import CONSENSUS_RULES, decide
from thucydides.corroboration import (
    claim_sources,
    copied_from,
    count_sources,
    outlet_key,
    source_keys,
    wire_credit,
    with_outlets,
)
from thucydides.reconcile import build_event
from thucydides.records import (
    ActorRef,
    Claim,
    Count,
    DateRef,
    Document,
    EventType,
    Evidence,
    Figure,
    Mention,
    PlaceRef,
)

ASSAULT = EventType("assault", None, "190", -10.0, "Battles", "Armed clash", 4)
SANCTION = EventType("sanction", None, "161", -4.0, "Strategic developments", "Other", 4)
ACCUSE = EventType("accuse", None, "112", -2.0, None, None, 3)
TYPES = {"assault": ASSAULT, "sanction": SANCTION, "accuse": ACCUSE}


def actor(name: str, country: str | None, kind: str = "state") -> ActorRef:
    return ActorRef(name, 0, len(name), name=name, country=country, kind=kind)  # type: ignore[arg-type]


def place(name: str, country: str, admin1: str | None = None,
          precision: str = "point") -> PlaceRef:
    return PlaceRef(name, 0, len(name), name=name, country=country, admin1=admin1,
                    precision=precision)  # type: ignore[arg-type]


def say(doc: str, sentence: str, trigger: str, *, kind: str = "assault",
        date: str | None = "2022-09-13", published: str | None = "2022-09-14",
        a1: ActorRef | None = None, a2: ActorRef | None = None, loc: PlaceRef | None = None,
        killed: int | None = None, claimant: str | None = None, claimant_kind: str | None = None,
        outlet: str | None = None, date_rule: str = "expression", cue: str | None = None,
        status: str = "occurred", n: int = 0, precision: str = "day") -> Mention:
    """A mention read from ``sentence`` (sentence ``n`` of document ``doc``)."""
    at = sentence.find(trigger)
    assert at >= 0, trigger
    start = n * 1000
    figures = [Figure("killed", killed, killed, killed, str(killed), start, start + 2, claimant)
               ] if killed is not None else []
    return Mention(
        mention_id=f"{doc}:{n}:{at}", doc_id=doc, sentence_index=n, sentence=sentence,
        sent_start=start, sent_end=start + len(sentence), trigger=trigger,
        trigger_start=start + at, trigger_end=start + at + len(trigger), type=TYPES[kind],
        status=status, actor1=a1, actor2=a2, figures=figures,  # type: ignore[arg-type]
        claimant=claimant, claimant_kind=claimant_kind, location=loc, date=date,
        date_precision=precision if date else None,  # type: ignore[arg-type]
        date_rule=date_rule, published=published, outlet=outlet or doc.split("-")[0], cue=cue)


def copy_of(m: Mention, dup_doc: str, outlet: str, published: str | None = None) -> Mention:
    """The mention as ``pipeline.copy_to_duplicates`` gives it to a duplicate article."""
    return replace(m, doc_id=dup_doc, mention_id=f"{m.mention_id}@{dup_doc}", outlet=outlet,
                   published=published or m.published)


def _ev(doc: str, outlet: str | None = None, copy: str | None = None) -> Evidence:
    return Evidence(doc, "A sentence.", 0, 11, outlet=outlet, copy_of=copy)


# -- independent sources ---------------------------------------------------------------------

def test_outlet_names_are_compared_loosely() -> None:
    assert outlet_key("The Meridian Post") == outlet_key("Meridian Post - Asia") == "meridian post"
    assert outlet_key("Gulf Signal") != outlet_key("Gulf Times")


def test_copies_and_one_outlet_count_once() -> None:
    evidence = [_ev("a1", "Wire A"), _ev("a2", "wire a"), _ev("b1", "Paper B", copy="a1"),
                _ev("c1"), _ev("c2", copy="zz")]
    keys = source_keys(evidence)
    assert keys[0] == keys[1] == keys[2]  # same outlet; a copy counts as its original
    assert keys[3] == "doc:c1" and keys[4] == "doc:zz"
    assert count_sources(evidence) == 3


def test_copied_from_reads_the_copy_naming() -> None:
    assert copied_from("kept-doc:4:17@dup-doc") == "kept-doc"
    assert copied_from("kept-doc:4:17+1@dup-doc") == "kept-doc"
    assert copied_from("kept-doc:4:17") is None


def test_wire_credit_in_a_dateline_only() -> None:
    assert wire_credit("YEREVAN, Sept 13 (Caucasus Wire) - Armenian officials said ...") == \
        "Caucasus Wire"
    assert wire_credit("Headline here\nBAKU, Sept 14 (Trans Wire) — Shelling went on.") == \
        "Trans Wire"
    assert wire_credit("Officials (who spoke on condition of anonymity) said it - again.") is None
    docs = {"x": Document("x", "BAKU, Sept 14 (Trans Wire) - Text."),
            "y": Document("y", "BAKU, Sept 14 (Trans Wire) - Text.", outlet="Daily Y")}
    m = say("x", "Shelling went on.", "Shelling", outlet=None)
    m.outlet = None
    out = with_outlets([m, replace(m, doc_id="y", outlet="Daily Y")], docs)
    assert [x.outlet for x in out] == ["Trans Wire", "Daily Y"]  # a named outlet is kept


def test_a_wire_copy_adds_no_corroboration() -> None:
    m = say("a-1", "Shelling hit Sotk on Tuesday, killing 3.", "Shelling", killed=3,
            a1=actor("Azerbaijan", "AZE"), loc=place("Sotk", "ARM"))
    ev = build_event("e", [m, copy_of(m, "b-1", "Paper B")])
    assert len(ev.sources) == 2 and ev.n_outlets == 1 and ev.single_source
    assert ev.consensus["killed"].n_sources == 1
    two = build_event("e", [m, replace(m, doc_id="c-1", mention_id="c-1:0:0", outlet="c")])
    assert two.n_outlets == 2 and not two.single_source


# -- consensus rules ---------------------------------------------------------------------------

def _claims(field: str, values: list[tuple[object, str, str | None, str | None]],
            **ref: object) -> tuple[list[Claim], list[str]]:
    claims = []
    for value, outlet, published, kind in values:
        ev = Evidence(f"{outlet}-{published}", f"{outlet} said {value}.", 0, 9,
                      published=published, outlet=outlet, claimant_kind=kind)
        claims.append(Claim(field, value, ev, ref=ref.get(str(value))))
    return claims, claim_sources(claims)


def _figure(n: int) -> dict[str, object]:
    return {"best": n, "low": n, "high": n, "cumulative": False, "text": str(n)}


def test_latest_official_toll_supersedes_earlier_ones() -> None:
    claims, keys = _claims("killed", [
        (_figure(53), "A", "2024-01-03", "institution"), (_figure(53), "B", "2024-01-03", None),
        (_figure(84), "C", "2024-01-05", "institution")])
    d = decide("killed", claims, keys)
    assert d is not None and d.value == Count(84, 53, 84)
    assert d.consensus.rule == "latest-official" and d.consensus.n_sources == 1
    assert d.consensus.n_reporting == 3 and d.consensus.n_values == 2


def test_no_casualties_is_a_denial_not_a_revision() -> None:
    claims, keys = _claims("killed", [
        (_figure(9), "A", "2024-01-18", "institution"), (_figure(0), "B", "2024-01-19", "named")])
    d = decide("killed", claims, keys)
    assert d is not None and d.value == Count(9, 0, 9)


def test_most_sources_beats_one_outlet_repeating_itself() -> None:
    claims, keys = _claims("killed", [
        (_figure(5), "A", "2024-01-03", None), (_figure(5), "B", "2024-01-03", None),
        (_figure(7), "C", "2024-01-03", None)])
    claims.append(Claim("killed", _figure(7), replace(claims[2].evidence, sentence="Again 7.")))
    d = decide("killed", claims, claim_sources(claims))
    assert d is not None and d.value.best == 5 and d.consensus.rule == "most-sources"
    del keys


def test_an_at_least_figure_allows_a_higher_exact_one() -> None:
    at_least_two = {"best": 2, "low": 2, "high": None, "cumulative": False, "text": "at least 2"}
    claims, keys = _claims("killed", [(at_least_two, "A", "2024-03-06", None),
                                      (_figure(3), "B", "2024-03-07", None)])
    claims.append(Claim("killed", at_least_two, replace(claims[1].evidence, sentence="Two died.")))
    d = decide("killed", claims, claim_sources(claims))
    assert d is not None and d.value == Count(3, 2, 3) and d.consensus.rule == "most-reports"
    exact_two = [replace(c, value=_figure(2)) if c.value is at_least_two else c for c in claims]
    d = decide("killed", exact_two, claim_sources(exact_two))
    assert d is not None and d.value.best == 2
    del keys


def test_a_number_beats_a_vague_quantity_on_a_tie_in_sources() -> None:
    dozens = {"best": None, "low": 24, "high": None, "cumulative": False, "text": "dozens"}
    claims, keys = _claims("injured", [(dozens, "A", "2024-02-02", None),
                                       (_figure(7), "B", "2024-02-02", "named")])
    claims.append(Claim("injured", dozens, replace(claims[0].evidence, sentence="Dozens hurt.")))
    d = decide("injured", claims, claim_sources(claims))
    assert d is not None and d.value == Count(7, 7, 24) and d.consensus.rule == "exact-figure"
    del keys


def test_cumulative_tolls_never_count() -> None:
    total = {**_figure(300), "cumulative": True}
    claims, keys = _claims("killed", [(total, "A", "2024-01-03", None),
                                      (_figure(4), "B", "2024-01-03", None)])
    d = decide("killed", claims, keys)
    assert d is not None and d.value == Count(4, 4, 4) and d.consensus.rule == "only-value"


def test_a_stated_date_beats_more_inferred_ones() -> None:
    stated = DateRef("Tuesday", 0, 7, "2022-09-13", "day", "expression")
    inferred = DateRef("", 0, 0, "2022-09-14", "day", "report-date")
    claims, keys = _claims("date", [("2022-09-14", "A", None, None), ("2022-09-14", "B", None, None),
                                    ("2022-09-13", "C", None, None)],
                           **{"2022-09-14": inferred, "2022-09-13": stated})
    d = decide("date", claims, keys)
    assert d is not None and d.value == ("2022-09-13", "day")
    assert d.consensus.rule == "stated-over-inferred"


def test_a_day_stated_for_the_event_beats_one_computed_from_another_event() -> None:
    # "on Monday" in one article; "less than a day after" another event in an article reported first
    derived = DateRef("less than a day after", 0, 21, "2022-09-13", "day", "antecedent")
    direct = DateRef("Monday", 0, 6, "2022-09-12", "day", "expression")
    claims, keys = _claims("date", [("2022-09-13", "A", None, None), ("2022-09-12", "B", None, None)],
                           **{"2022-09-13": derived, "2022-09-12": direct})
    d = decide("date", claims, keys)
    assert d is not None and d.value == ("2022-09-12", "day")
    assert d.consensus.rule == "direct-over-derived"


def test_location_follows_the_consensus_country_then_region() -> None:
    sotk = place("Sotk", "ARM", "Gegharkunik")
    region = place("Gegharkunik", "ARM", "Gegharkunik", "admin1")
    baku = place("Baku", "AZE", "Baku")
    claims, keys = _claims("location", [("Baku", "A", None, None), ("Gegharkunik", "B", None, None),
                                        ("Sotk", "C", None, None)],
                           Baku=baku, Gegharkunik=region, Sotk=sotk)
    d = decide("location", claims, keys)
    # the runner-up is the region holding the town: the town wins as the more specific place
    assert d is not None and d.value is sotk and d.consensus.rule == "most-specific"
    d = decide("location", claims[::2], keys[::2])  # Baku against Sotk: first reported wins
    assert d is not None and d.value is baku and d.consensus.rule == "first-reported"
    more, more_keys = _claims("location", [("Sotk", "D", None, None)], Sotk=sotk)
    d = decide("location", claims[::2] + more, keys[::2] + more_keys)
    assert d is not None and d.value is sotk and d.consensus.rule == "consensus-country"


def test_build_event_records_the_rule_of_every_field() -> None:
    aze, arm = actor("Azerbaijan", "AZE"), actor("Armenia", "ARM")
    ms = [say("a-1", "Azerbaijani shelling killed 3 in Sotk on Tuesday.", "shelling", killed=3,
              a1=aze, a2=arm, loc=place("Sotk", "ARM"), claimant="the defence ministry",
              claimant_kind="institution"),
          say("b-1", "Shelling of Sotk killed 4, a mayor said.", "Shelling", killed=4, a1=aze,
              loc=place("Sotk", "ARM"), published="2022-09-15", claimant="a mayor",
              claimant_kind="named")]
    ev = build_event("e", ms)
    assert set(ev.consensus) == {"date", "location", "actor1", "actor2", "killed"}
    assert all(c.rule in CONSENSUS_RULES for c in ev.consensus.values())
    assert ev.killed == Count(4, 3, 4) and ev.consensus["killed"].rule == "latest-official"
    assert ev.consensus["actor1"].n_sources == 2 and ev.consensus["actor2"].n_sources == 1
    out = ev.to_json()
    assert out["consensus"]["killed"] == {"value": {"best": 4, "low": 3, "high": 4},
                                          "rule": "latest-official", "n_sources": 1,
                                          "n_reporting": 2, "n_values": 2}
    assert out["consensus"]["location"]["value"]["name"] == "Sotk"
    assert out["single_source"] is False and out["n_outlets"] == 2
    assert {c["published"] for c in out["claims"]} == {"2022-09-14", "2022-09-15"}


def test_a_day_more_sources_tell_beats_one_repeated_in_one_article() -> None:
    # One article states Wednesday twice; another states Tuesday, and two more carry Tuesday
    # from the story they tell; the rest give only their report date.
    def claim(day: str, outlet: str, rule: str, n: int) -> Claim:
        ev = Evidence(f"{outlet}-doc", f"{outlet} sentence {n}.", 0, 9, published="2022-09-14", outlet=outlet)
        return Claim("date", day, ev, ref=DateRef("x", 0, 1, day, "day", rule))

    claims = [claim("2022-09-14", "A", "expression", 1), claim("2022-09-14", "A", "shift", 2),
              claim("2022-09-14", "D", "report-date", 3), claim("2022-09-14", "E", "report-date", 4),
              claim("2022-09-13", "B", "expression", 5), claim("2022-09-13", "C", "previous", 6),
              claim("2022-09-13", "F", "previous", 7)]
    d = decide("date", claims, claim_sources(claims))
    assert d is not None and d.value == ("2022-09-13", "day")
    assert d.consensus.rule == "most-told-sources"
