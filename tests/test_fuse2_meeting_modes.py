"""A telephone call is not a visit, and a visit is where it happened: a side remark about a
visit abroad ("who had cut short a trip to a summit in Paris") never joins the ministers' call
of the same article, nor the meeting at home its guest flew back for (fuse_cluster.other_mode,
fuse_cluster.placed)."""

from __future__ import annotations

from thucydides.coalesce import coalesce
from thucydides.fuse import adopt_undated, fuse
from thucydides.fuse_cluster import Cluster
from thucydides.fuse_merge import affinity
from thucydides.joint import join_joint_acts
from thucydides.records import ActorRef, EventType, Mention, PlaceRef

AGREE = EventType("agree", None, "030", 4.0, None, None, 1)
PHONE = EventType("consult", "phone", "041", 1.0, None, None, 1)
VISIT = EventType("consult", "visit", "042", 1.9, None, None, 1)
MEET = EventType("consult", None, "040", 1.0, None, None, 1)

AGREED = "The foreign ministers of Chile and Peru agreed on Tuesday to reopen the border."
CALLED = "In a telephone call, the Chilean minister told his Peruvian counterpart he was ready."
SIDE = ("The call came after a cabinet session in Santiago led by the Chilean president, who had "
        "cut short a visit to the OECD in Paris.")
PLACES = {"Paris": ("FRA", "Ile-de-France", 48.85, 2.35),
          "Santiago": ("CHL", "Santiago Metropolitan", -33.45, -70.66),
          "Lima": ("PER", "Lima", -12.05, -77.04)}


BASE = 200  # where each sentence of an article starts: sentence i at i * BASE


def party(sentence: str, text: str, country: str | None, kind: str | None = "state",
          actor_id: str | None = None, index: int = 0) -> ActorRef:
    at = sentence.index(text) + index * BASE
    return ActorRef(text, at, at + len(text), name=text, country=country, kind=kind,  # type: ignore[arg-type]
                    actor_id=actor_id, confidence=0.9)


def place(sentence: str, name: str, index: int = 0) -> PlaceRef:
    at = sentence.index(name) + index * BASE
    iso, admin1, lat, lon = PLACES[name]
    return PlaceRef(name, at, at + len(name), name=name, country=iso, admin1=admin1, lat=lat,
                    lon=lon, precision="point", confidence=0.9)


def report(doc: str, index: int, sentence: str, trigger: str, kind: EventType, *,
           agent: ActorRef | None = None, target: ActorRef | None = None,
           where: str | None = None, day: str = "2023-10-10",
           rule: str = "expression") -> Mention:
    at = sentence.index(trigger) + index * BASE
    loc = place(sentence, where, index) if where else None
    return Mention(
        mention_id=f"{doc}:{index}:{at}", doc_id=doc, sentence_index=index, sentence=sentence,
        sent_start=index * BASE, sent_end=index * BASE + len(sentence), trigger=trigger, trigger_start=at,
        trigger_end=at + len(trigger), type=kind, actor1=agent, actor2=target,
        places=[loc] if loc else [], location=loc, date=day, date_precision="day",
        date_rule=rule, published="2023-10-11")


def agreement(doc: str = "a") -> Mention:
    return report(doc, 0, AGREED, "agreed", AGREE, agent=party(AGREED, "Chile", "CHL"))


def call(doc: str = "a") -> Mention:
    return report(doc, 1, CALLED, "call", PHONE, day="2023-10-11", rule="report-date")


def side_visit(doc: str = "a") -> Mention:
    return report(doc, 2, SIDE, "visit", VISIT, agent=party(SIDE, "Chilean president", "CHL", index=2),
                  target=party(SIDE, "OECD", None, "igo", "igo/oecd", index=2), where="Paris",
                  day="2023-10-11", rule="report-date")


def test_a_visit_abroad_does_not_join_the_ministers_call() -> None:
    events = fuse([agreement(), call(), side_visit()])
    call_event = next(e for e in events if e.event_type == "agree")
    assert {s.sentence for s in call_event.sources} == {AGREED, CALLED}
    assert call_event.location is None and call_event.actor2 is None
    visit = next(e for e in events if e.event_mode == "visit")
    assert visit.location is not None and visit.location.country == "FRA"


def test_a_visit_abroad_is_not_the_meeting_at_home() -> None:
    met = "The cabinet met in Santiago under the Chilean president on Wednesday."
    home = report("b", 0, met, "met", MEET, agent=party(met, "Chilean president", "CHL"),
                  where="Santiago", day="2023-10-11")
    events = fuse([home, side_visit()])
    assert len(events) == 2
    assert {e.location.country for e in events if e.location} == {"CHL", "FRA"}


def test_whole_events_of_a_call_and_a_visit_do_not_merge() -> None:
    phoned = "The Chilean president spoke by phone with the Peruvian president in Lima on Tuesday."
    went = "The Chilean president visited the Peruvian president in Lima on Tuesday."
    a = Cluster.of(report("c", 0, phoned, "spoke", PHONE,
                          agent=party(phoned, "Chilean president", "CHL"),
                          target=party(phoned, "Peruvian president", "PER"), where="Lima"))
    b = Cluster.of(report("d", 0, went, "visited", VISIT,
                          agent=party(went, "Chilean president", "CHL"),
                          target=party(went, "Peruvian president", "PER"), where="Lima"))
    assert affinity(a, b, 1) == 0.0
    twin = Cluster.of(report("e", 0, went, "visited", VISIT,
                             agent=party(went, "Chilean president", "CHL"),
                             target=party(went, "Peruvian president", "PER"), where="Lima"))
    assert affinity(b, twin, 1) > 0.0  # the same visit told twice still merges


def test_one_sentence_keeps_a_call_and_a_visit_apart() -> None:
    both = "The Chilean president phoned the Peruvian president after a visit to Paris."
    agent = party(both, "Chilean president", "CHL")
    phoned = report("f", 0, both, "phoned", PHONE, agent=agent,
                    target=party(both, "Peruvian president", "PER"))
    went = report("f", 0, both, "visit", VISIT, agent=agent, rule="report-date")
    assert len(coalesce([phoned, went])) == 2


def test_a_visit_still_joins_the_agreement_reached_there() -> None:
    went = "The Chilean president arrived in Lima on Tuesday for a visit."
    signed = "Chile and Peru agreed in Lima on Tuesday to reopen the border."
    events = fuse([report("g", 0, went, "visit", VISIT, agent=party(went, "Chilean president", "CHL"),
                          where="Lima"),
                   report("h", 0, signed, "agreed", AGREE, agent=party(signed, "Chile", "CHL"),
                          where="Lima")])
    assert len(events) == 1


def test_a_joint_call_and_a_joint_visit_are_two_acts_of_both() -> None:
    phoned = "Chile and Peru held a telephone call on Tuesday."
    went = "Peru and Chile held talks during a state visit on Tuesday."
    call_ = Cluster.of(report("i", 0, phoned, "call", PHONE, agent=party(phoned, "Chile", "CHL"),
                              target=party(phoned, "Peru", "PER")))
    visit = Cluster.of(report("j", 0, went, "visit", VISIT, agent=party(went, "Peru", "PER"),
                              target=party(went, "Chile", "CHL")))
    assert len(join_joint_acts([call_, visit])) == 2
    twin = Cluster.of(report("k", 0, went, "visit", VISIT, agent=party(went, "Chile", "CHL"),
                             target=party(went, "Peru", "PER")))
    assert len(join_joint_acts([visit, twin])) == 1


def test_an_undated_call_is_not_adopted_by_its_article_s_visit() -> None:
    went = "The Chilean president visited Lima on Tuesday."
    phoned = "He also spoke by telephone with the Bolivian leader."
    visit = Cluster.of(report("l", 0, went, "visited", VISIT,
                              agent=party(went, "Chilean president", "CHL"), where="Lima"))
    undated = report("l", 1, phoned, "spoke", PHONE)
    undated.date = undated.date_precision = undated.date_rule = None
    assert len(adopt_undated([visit, Cluster.of(undated)], {})) == 2
