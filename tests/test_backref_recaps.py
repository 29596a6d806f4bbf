"""Recaps: a diplomatic act a sentence names as known ("prompting the recall of its envoy")
is kept as a mention with no date of its own that joins the event it names (provenance), and
is no event alone."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from thucydides.extract import Lexicon, extract
from thucydides.fuse import fuse
from thucydides.fuse_admit import admissible
from thucydides.nlp import parse
from thucydides.recap import RECAP_MARK, is_recap, only_recaps
from thucydides.records import ActorRef, Document, EventType, Mention, PlaceRef
from thucydides.resolve.date_context import DocDates

RECALL = EventType("sanction", "withdraw", "161", -4.0, "Strategic developments", "Other", 4)


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), lex())


def recaps(text: str) -> list[tuple[str, str | None]]:
    return [(m.trigger, m.actor1.text if m.actor1 else None) for m in mentions(text)
            if is_recap(m.mention_id)]


def test_a_recall_a_reaction_prompted_is_a_recap_of_the_reacting_party() -> None:
    text = ("The Ugandan raids drew sharp condemnation from Kenya, prompting the recall of its "
            "ambassador from Kampala.")
    assert recaps(text) == [("recall", "Kenya")]  # "its": the party that condemned, not Uganda
    target = [m.actor2.text for m in mentions(text) if is_recap(m.mention_id) and m.actor2]
    assert target == ["Kampala"]  # recalled from there: the target
    assert [m for m in mentions(text) if m.type.plover == "sanction"
            and not is_recap(m.mention_id)] == []


def test_a_downgrade_coordinated_with_a_reaction_takes_its_agent() -> None:
    text = ("The Ugandan strikes led to a strong condemnation from Nairobi and a subsequent "
            "downgrade of diplomatic ties.")
    assert recaps(text) == [("downgrade", "Nairobi")]


def test_a_gerund_a_strike_led_to_is_a_recap_with_its_own_subject() -> None:
    text = "This led to Nairobi strongly denouncing Uganda's raids and downgrading diplomatic ties."
    assert recaps(text) == [("downgrading", "Nairobi")]


def test_a_participle_telling_what_a_return_did_is_a_recap() -> None:
    text = ("Kenya's envoy to Uganda returned home last week, briefly halting the diplomatic "
            "ties with the neighbouring country.")
    assert [t for t, _ in recaps(text)] == ["halting"]


def test_a_recall_beside_reactions_of_two_capitals_is_one_recap_each() -> None:
    text = ("The immediate recall of ambassadors and the strong condemnations from both Nairobi "
            "and Kampala showed how deep the crisis ran.")
    assert recaps(text) == [("recall", "Nairobi"), ("recall", "Kampala")]


def test_a_recall_told_as_done_on_its_day_is_no_recap() -> None:
    ms = mentions("Kenya recalled its ambassador from Uganda on Monday.")
    assert [(m.trigger, is_recap(m.mention_id)) for m in ms] == [("recalled", False)]


def test_the_mark_survives_a_duplicate_copy() -> None:
    assert is_recap("a:3:12" + RECAP_MARK) and is_recap("a:3:12+1" + RECAP_MARK + "@b")
    assert not is_recap("a:3:12") and not only_recaps([])


def test_a_recap_has_no_date_of_its_own() -> None:
    m = recall("a", 4, None, recap=True)
    dates = DocDates("2024-03-10", 2024, inferred=False, refs=[])
    assert dates.pick(m, []) == (None, None) and dates.rule is None


def actor(text: str, country: str) -> ActorRef:
    return ActorRef(text, 0, len(text), name=text, country=country, kind="state")


def recall(doc: str, n: int, date: str | None, *, recap: bool = False, a1: str = "KEN",
           published: str = "2024-03-10") -> Mention:
    m = Mention(mention_id=f"{doc}:{n}:0", doc_id=doc, sentence_index=n, sentence=f"s{n}",
                sent_start=n * 100, sent_end=n * 100 + 50, trigger="recall",
                trigger_start=n * 100, trigger_end=n * 100 + 6, type=RECALL,
                actor1=actor(a1, a1), actor2=actor("UGA", "UGA"),
                location=PlaceRef("Kampala", 0, 7, name="Kampala", country="UGA"),
                date=date, date_precision="day" if date else None,
                date_rule="expression" if date else None, published=published, outlet=doc)
    if recap:
        m = replace(m, mention_id=m.mention_id + RECAP_MARK, actor2=None, date=None,
                    date_precision=None, date_rule=None, location=None)
    return m


def test_a_recap_joins_the_event_another_article_dates() -> None:
    events = fuse([recall("a", 1, "2024-03-02"), recall("b", 5, None, recap=True)])
    assert len(events) == 1 and {s.doc_id for s in events[0].sources} == {"a", "b"}
    assert events[0].date == "2024-03-02" and admissible(events[0])


def test_a_recap_of_another_party_joins_nothing_and_is_no_event() -> None:
    events = fuse([recall("a", 1, "2024-03-02"), recall("b", 5, None, recap=True, a1="TZA")])
    assert len(events) == 2
    alone = next(e for e in events if {s.doc_id for s in e.sources} == {"b"})
    assert not admissible(alone) and not admissible(alone, need_date=False)


def test_a_recap_never_names_an_event_after_its_article() -> None:
    events = fuse([recall("a", 1, "2024-03-12", published="2024-03-12"),
                   recall("b", 5, None, recap=True, published="2024-03-10")])
    assert len(events) == 2


def test_an_attack_a_response_answers_is_a_recap_known_by_its_place() -> None:
    text = ("The raid was a response to recent terrorist acts that caused heavy casualties in "
            "Mombasa, the army said.")
    found = [m for m in mentions(text) if is_recap(m.mention_id)]
    assert [(m.trigger, [p.text for p in m.places]) for m in found] == [("acts", ["Mombasa"])]


def test_an_attack_named_without_a_place_is_no_recap() -> None:
    assert recaps("The raid was a response to recent terrorist acts, the army said.") == []


STRIKE = EventType("assault", None, "190", -10.0, "Violence against civilians", "Attack", 4)


def bombing(doc: str, n: int, date: str | None, admin1: str | None) -> Mention:
    m = replace(recall(doc, n, date), type=STRIKE, actor1=None, actor2=None,
                location=PlaceRef(admin1 or "Kenya", 0, 5, name=admin1 or "Kenya",
                                  country="KEN", admin1=admin1,
                                  precision="admin1" if admin1 else "country"))
    return m if date else replace(m, mention_id=m.mention_id + RECAP_MARK)


def test_an_attack_recap_joins_the_attack_of_its_province() -> None:
    events = fuse([bombing("a", 1, "2024-03-02", "Mombasa"), bombing("b", 5, None, "Mombasa")])
    assert len(events) == 1 and {s.doc_id for s in events[0].sources} == {"a", "b"}


def test_an_attack_recap_placed_only_in_a_country_joins_nothing() -> None:
    events = fuse([bombing("a", 1, "2024-03-02", "Mombasa"), bombing("b", 5, None, None)])
    assert len(events) == 2


def test_a_recap_that_fits_nothing_does_not_follow_its_article_story() -> None:
    dated = replace(bombing("a", 1, "2024-03-02", "Mombasa"), actor1=actor("Kenya", "KEN"))
    events = fuse([dated, bombing("a", 5, None, None)])
    assert len(events) == 2


def test_an_undated_report_does_not_join_a_recap_that_named_nothing() -> None:
    alone = replace(recall("b", 2, None, recap=True, a1="TZA"), outlet="b")
    undated = replace(recall("b", 7, None), actor1=actor("TZA", "TZA"), location=None)
    events = fuse([recall("a", 1, "2024-03-02"), alone, undated])
    assert not any({m.split(":")[1] for m in e.mention_ids} == {"2", "7"} for e in events)


def test_a_severance_of_ties_between_two_states_is_a_recap_of_each() -> None:
    text = "The border clash led to the severance of diplomatic ties between Chad and Sudan."
    assert recaps(text) == [("severance", "Chad"), ("severance", "Sudan")]


def test_the_state_ties_are_cut_with_is_the_target() -> None:
    ms = [m for m in mentions("The border clash led to a rupture of relations with Sudan.")
          if is_recap(m.mention_id)]
    assert [(m.trigger, m.actor2.text if m.actor2 else None) for m in ms] == [("rupture", "Sudan")]


def test_the_place_a_verb_moves_from_is_no_recap_agent() -> None:
    found = recaps("Troops withdrew from Goma, prompting the recall of its ambassador.")
    assert [t for t, _ in found] == ["recall"] and all(a != "Goma" for _, a in found)
