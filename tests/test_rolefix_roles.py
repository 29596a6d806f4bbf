"""A cause's target kept out of the act it caused; visits home and halted visits are no visits."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from thucydides.coalesce import coalesce
from thucydides.config import Settings
from thucydides.extract import Lexicon, extract
from thucydides.links import link_events
from thucydides.nlp import parse
from thucydides.pipeline import analyse_batch, fuse_corpus, prepare_documents
from thucydides.records import ActorRef, Document, EventType, Mention

STRIKE = EventType("assault", "aerial", "195", -10.0, "Explosions/Remote violence",
                   "Air/drone strike", 4)


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), lex())


def resolved(text: str) -> list[Mention]:
    docs = [Document(id="d", text=text, published="2023-05-10")]
    return analyse_batch(prepare_documents(docs, Settings()), Settings())


def of(ms: list[Mention], plover: str) -> list[Mention]:
    return [m for m in ms if m.type.plover == plover]


RAIDS = ("The army said the raids in northern Syria were in retaliation for the ambush on its "
         "patrol last week and for attacks on Turkish soldiers.")


def test_cue_covers_a_cause_coordinated_on_the_verb() -> None:
    (raid,) = of(mentions(RAIDS), "assault")
    assert raid.trigger == "raids"
    assert raid.cue is not None and raid.cue.startswith("in retaliation for the ambush")
    assert raid.cue.endswith("for attacks on Turkish soldiers")


def test_second_cause_on_the_verb_is_no_event_and_gives_no_target() -> None:
    ms = of(resolved(RAIDS), "assault")
    assert all(m.trigger != "attacks" for m in ms)
    assert all(m.actor2 is None or "soldiers" not in m.actor2.text for m in ms)


def test_act_whose_cue_is_carried_elsewhere_does_not_absorb_its_cause() -> None:
    sentence = "x" * 200
    cue = "in retaliation for the attacks on the convoy"
    at = 100
    sentence = sentence[:at] + cue + sentence[at + len(cue):]

    def m(trigger: str, start: int, **kw: object) -> Mention:
        return Mention(
            mention_id=f"d:0:{start}", doc_id="d", sentence_index=0, sentence=sentence,
            sent_start=0, sent_end=200, trigger=trigger, trigger_start=start,
            trigger_end=start + len(trigger), type=STRIKE, date="2023-05-10",
            date_precision="day", date_rule="report-date", published="2023-05-10",
            **kw)  # type: ignore[arg-type]
    target = ActorRef("the convoy", 0, 10, name="convoy", country="GRC", kind="state")
    act = m("strikes", 10)
    cause = replace(m("attacks", at + cue.index("attacks")), actor2=target)
    carrier = replace(m("shelling", 40), type=replace(STRIKE, plover="protest"), cue=cue)
    out = coalesce([act, cause, carrier])
    strikes = next(x for x in out if x.trigger == "strikes")
    assert strikes.actor2 is None
    assert any(x.trigger == "attacks" for x in out)


def test_visit_home_is_no_visit() -> None:
    ms = mentions("Lakonia expelled two diplomats on Monday and said the envoy of Boeotia, who "
                  "was on a visit home, would not be let back into the country.")
    assert not of(ms, "consult")


def test_visit_in_a_relative_clause_has_the_described_noun_as_agent() -> None:
    (visit,) = of(mentions("Lakonia expelled two diplomats and said the foreign minister of "
                           "Boeotia, who was on a visit to Athens, would leave."), "consult")
    assert visit.actor1 is not None and "minister" in visit.actor1.text


def test_suspended_visits_did_not_take_place() -> None:
    ms = of(mentions("A ministry spokesman said that all official visits between the two "
                     "countries had been suspended."), "consult")
    assert ms and all(m.status == "hypothetical" for m in ms)


def test_visits_not_suspended_still_happen() -> None:
    ms = of(mentions("The foreign minister of Boeotia visited Athens on Monday."), "consult")
    assert ms and all(m.status == "occurred" for m in ms)


def test_act_with_a_coordinated_cause_still_links_to_the_first_cause() -> None:
    docs = [Document(id="a", published="2023-05-03", text=(
                "A suicide bombing killed 20 people in Kerman, Iran on Wednesday.")),
            Document(id="b", published="2023-05-09", text=(
                "Iran's Guards fired missiles at targets in Syria on Monday. The Guards said the "
                "strikes in Syria were in retaliation for the Kerman bombing and for attacks on "
                "Iranian forces."))]
    ms = analyse_batch(prepare_documents(docs, Settings()), Settings())
    redated, events = fuse_corpus(ms, Settings())
    links = link_events(events, redated)
    docs_of = {e.event_id: {m.split(":")[0] for m in e.mention_ids} for e in events}
    assert any(link.kind == "explicit" and docs_of[link.action_id] == {"a"}
               and link.cue and "for attacks on Iranian forces" in link.cue for link in links)
    strikes = [e for e in events if "b" in docs_of[e.event_id]]
    assert strikes and all(e.actor2 is None or e.actor2.country != "IRN" for e in strikes)
