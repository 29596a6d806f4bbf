"""Resolution in document context, and dating undated articles from the corpus."""

from __future__ import annotations

from functools import lru_cache

from thucydides.config import Settings
from thucydides.nlp import parse
from thucydides.pipeline import extract_events, prepare_documents
from thucydides.records import ActorRef, DateRef, Document, EventType, Mention, Sentence, Status
from thucydides.resolve.date_context import DocDates, doc_references
from thucydides.resolve.dates import find_date_expressions
from thucydides.resolve.stage import Resources, _datelines, resolve_doc


def test_datelines_are_where_a_report_was_filed_not_where_it_happened() -> None:
    text = "QUETTA, Pakistan — Gunmen attacked a bus in Iran's Kerman province on Monday."
    spans = [text[s:e] for s, e in _datelines(text)]
    assert spans == ["QUETTA, Pakistan "]
    assert _datelines("Iran struck Pakistan — officials said.") == []


def by_agent(events: list, country: str) -> list:  # type: ignore[type-arg]
    return [e for e in events if e.actor1 is not None and e.actor1.country == country
            and e.status == "occurred"]


def test_dateline_city_does_not_become_the_location() -> None:
    doc = Document(id="d1", published="2024-02-05", text=(
        "QUETTA, Pakistan — Turkey's air force bombed militant positions in northern Iraq's "
        "Duhok province on Sunday, the Turkish defence ministry said."))
    (strike,) = [e for e in extract_events([doc], Settings(progress=False))
                 if e.event_type == "assault" and e.status == "occurred"]
    assert strike.location is not None and strike.location.country == "IRQ"
    assert strike.date == "2024-02-04"


def test_an_event_dated_after_publication_is_announced_not_done() -> None:
    doc = Document(id="d2", published="2024-03-01", text=(
        "The Turkish foreign minister will visit Athens on March 12, his ministry said."))
    events = extract_events([doc], Settings(progress=False))
    assert events and all(e.status != "occurred" for e in events)


def test_the_event_a_shift_refers_to_is_dated_before_the_sentence() -> None:
    doc = Document(id="d3", published="2024-01-19", text=(
        "Pakistan's air force struck militant hideouts in Iran on Thursday, two days after "
        "Iran's missile strike on Pakistan's Balochistan province."))
    events = extract_events([doc], Settings(progress=False))
    dates = {e.actor1.country: e.date for e in events
             if e.actor1 is not None and e.event_type == "assault" and e.status == "occurred"}
    assert dates.get("PAK") == "2024-01-18"
    assert dates.get("IRN") in (None, "2024-01-16")


def test_undated_articles_take_the_corpus_year_not_a_background_year() -> None:
    docs = [Document(id="a", published="2024-01-05", text="Officials met in Ankara on Thursday."),
            Document(id="b", published="2024-01-09", text="Talks resumed in Doha on Monday."),
            Document(id="c", text="A blast on January 3 killed 12 people in Kabul, four years "
                                  "after a similar attack in 2020.")]
    hints = {d.id: d.year_hint for d in prepare_documents(docs, Settings(progress=False))}
    assert hints == {"a": None, "b": None, "c": 2024}


def test_an_undated_report_is_dated_by_the_event_it_shares_with_dated_ones() -> None:
    dated = Document(id="w1", published="2024-01-17", outlet="Wire", text=(
        "Iran's Revolutionary Guards struck two militant bases in Pakistan's Balochistan "
        "province on Tuesday, killing two children, Pakistani officials said."))
    undated = Document(id="w2", outlet="Blog", text=(
        "Iran's Revolutionary Guards struck militant bases in Pakistan's Balochistan province, "
        "killing two children. Pakistan recalled its ambassador from Tehran on Wednesday."))
    events = extract_events([dated, undated], Settings(progress=False))
    strike = next(e for e in events if e.event_type == "assault" and e.status == "occurred")
    assert {s.doc_id for s in strike.sources} == {"w1", "w2"}
    assert strike.date == "2024-01-16"
    recall = [e for e in events if e.event_type == "sanction" and e.status == "occurred"]
    assert recall and recall[0].date == "2024-01-17"


def test_a_year_that_bounds_a_period_or_names_a_thing_is_not_the_event_date() -> None:
    doc = Document(id="d4", published="2024-05-10", text=(
        "A car bomb killed 31 people in Herat on Thursday, the deadliest attack in the city "
        "since the 2001 invasion. The blast came a day before talks on the 2020 agreement."))
    attacks = [e for e in extract_events([doc], Settings(progress=False))
               if e.event_type == "assault" and e.status == "occurred"]
    assert attacks and {e.date for e in attacks} == {"2024-05-09"}


def test_a_later_strike_is_not_dated_to_the_strike_before_it() -> None:
    doc = Document(id="d9", published="2024-01-20", text=(
        "On January 16, Iranian missiles struck a village in Pakistan's Balochistan province. "
        "Later, Pakistan carried out strikes on militant hideouts in Iran's Sistan and "
        "Baluchestan province."))
    events = extract_events([doc], Settings(progress=False))
    (first,) = by_agent(events, "IRN")
    (later,) = by_agent(events, "PAK")
    assert first.date == "2024-01-16"
    assert later.date != "2024-01-16"  # after it, by an amount the text does not give


def test_a_country_that_says_whose_is_not_where() -> None:
    doc = Document(id="d10", published="2024-01-05", text=(
        "Gunmen attacked a memorial for a general killed in a U.S. drone strike, "
        "local officials said."))
    events = extract_events([doc], Settings(progress=False))
    assert events and all(e.location is None or e.location.country != "USA" for e in events)


def test_an_undated_article_is_published_no_earlier_than_the_last_day_it_names() -> None:
    dated = Document(id="a1", published="2024-01-17", text=(
        "Iranian missiles struck a village in Pakistan's Balochistan province on Tuesday, "
        "killing two children, Pakistan's foreign ministry said."))
    undated = Document(id="u1", text=(
        "Iran's missile strike on a village in Pakistan's Balochistan province killed two "
        "children, Pakistan said. On Friday (January 26), the two countries' ambassadors "
        "returned to their posts. The Pakistani foreign minister met his Iranian counterpart "
        "in Islamabad on Monday."))
    events = extract_events([dated, undated], Settings(progress=False))
    (meeting,) = [e for e in events if e.event_type == "consult"]
    # the shared strike alone would date the article to the 17th and this Monday to the 15th
    assert meeting.date == "2024-01-22"


def test_a_capital_that_speaks_is_not_where_the_strike_was() -> None:
    doc = Document(id="d11", published="2024-01-18", text=(
        "Islamabad announced on Thursday that its jets had bombed insurgent camps."))
    events = extract_events([doc], Settings(progress=False))
    assert events and all(e.location is None for e in events)


def test_the_speaker_of_a_condemnation_is_not_where_the_strike_was() -> None:
    doc = Document(id="d12", published="2024-01-18", text=(
        "The Iranian strikes prompted a sharp condemnation from Islamabad."))
    events = extract_events([doc], Settings(progress=False))
    (strike,) = [e for e in events if e.event_type == "assault"]
    assert strike.location is None


# --- dates in the context of the article (resolve/date_context.py; no parse needed) ------------

def _mention(text: str, sentence_index: int, sent_start: int, trigger: str,
             dates: list[str]) -> Mention:
    """A mention of the sentence ``text`` (at ``sent_start`` in its article) with its dates."""
    t = text.index(trigger)
    refs = [DateRef(d, sent_start + text.index(d), sent_start + text.index(d) + len(d))
            for d in dates]
    return Mention(mention_id=f"m{sentence_index}", doc_id="d", sentence_index=sentence_index,
                   sentence=text, sent_start=sent_start, sent_end=sent_start + len(text),
                   trigger=trigger, trigger_start=sent_start + t,
                   trigger_end=sent_start + t + len(trigger), type=EventType("assault"),
                   dates=refs)


def _dated(sentences: list[tuple[str, str, list[str]]], anchor: str | None, *,
           inferred: bool = False) -> list[tuple[str | None, str | None]]:
    """Date each (sentence, trigger, date expressions) of an article in order."""
    text = " ".join(s for s, _, _ in sentences)
    starts, pos = [], 0
    for s, _, _ in sentences:
        starts.append(pos)
        pos += len(s) + 1
    sents = [Sentence(i, st, st + len(s), s, 0, 0) for i, (st, (s, _, _))
             in enumerate(zip(starts, sentences, strict=True))]
    dates = DocDates(anchor, int(anchor[:4]) if anchor else None, inferred=inferred,
                     refs=doc_references(text, sents))
    out: list[tuple[str | None, str | None]] = []
    for i, (s, trig, exprs) in enumerate(sentences):
        m = _mention(s, i, starts[i], trig, exprs)
        out.append(dates.pick(m, dates.normalise(m)))
    return out


def test_a_month_day_without_a_year_continues_the_story_of_the_year_before_it() -> None:
    got = _dated([("On June 7, 2017, gunmen attacked the parliament.", "attacked",
                   ["On June 7, 2017"]),
                  ("On June 18, the Guards fired missiles at Deir ez-Zor.", "fired",
                   ["On June 18"]),
                  ("On Tuesday, Iran struck bases in Pakistan.", "struck", ["On Tuesday"])],
                 "2024-01-18")
    assert got == [("2017-06-07", "day"), ("2017-06-18", "day"), ("2024-01-16", "day")]


def test_a_month_day_before_the_reference_keeps_the_report_year() -> None:
    got = _dated([("Gunmen attacked a police station on December 15, 2023.", "attacked",
                   ["on December 15, 2023"]),
                  ("On January 16, Iran struck bases in Pakistan.", "struck",
                   ["On January 16"])], "2024-01-20")
    assert got[1] == ("2024-01-16", "day")


def test_an_undated_article_reads_its_weekdays_against_the_last_full_date() -> None:
    sentences = [("The crisis of mid-January 2024 was unprecedented.", "crisis", []),
                 ("On a Tuesday, Iran struck bases in Pakistan.", "struck", ["Tuesday"]),
                 ("Pakistan struck back on Thursday.", "struck", ["on Thursday"])]
    assert _dated(sentences, None)[1:] == [("2024-01-16", "day"), ("2024-01-18", "day")]
    # an inferred report date far away does not pull them onto its week
    assert _dated(sentences, "2025-06-20", inferred=True)[1:] == [("2024-01-16", "day"),
                                                                 ("2024-01-18", "day")]
    # a stated report date does: news weekdays are the report's week
    assert _dated(sentences, "2024-01-20")[1:] == [("2024-01-16", "day"), ("2024-01-18", "day")]


def test_an_undated_article_does_not_carry_one_date_through_all_its_story() -> None:
    sentences = [("On a Tuesday in mid-January 2024, Iran struck Pakistan.", "struck",
                  ["Tuesday"])]
    sentences += [(f"Strike number {i} hit another town.", "hit", []) for i in range(6)]
    got = _dated(sentences, None)
    assert got[0] == ("2024-01-16", "day")
    assert got[1] == ("2024-01-16", "day")  # the next sentences still tell that day
    assert got[-1] == (None, None)  # six sentences on, the story has moved on


# --- actors and places of a mention in its article (resolve_doc on mentions written here) -------

Spec = tuple[str, str, str | None, str | None]  # trigger, PLOVER type, actor1, actor2 (unique)


def resolved_mentions(text: str, specs: list[Spec], published: str = "2024-01-20",
                      statuses: dict[int, Status] | None = None) -> list[Mention]:
    """Resolve mentions written by hand (trigger and actors as they appear, once, in ``text``;
    ``statuses``: mention number -> status other than "occurred")."""
    pdoc = parse([Document(id="r", text=text, published=published)])[0]
    out = []
    for n, (trigger, plover, a1, a2) in enumerate(specs):
        t = text.index(trigger)
        sent = next(s for s in pdoc.sentences if s.start <= t < s.end)
        refs = [None if a is None else ActorRef(a, text.index(a), text.index(a) + len(a))
                for a in (a1, a2)]
        dates = [DateRef(text[a:b], a, b) for a, b in find_date_expressions(text)
                 if sent.start <= a < sent.end]
        out.append(Mention(mention_id=f"m{n}", doc_id="r", sentence_index=sent.index,
                           sentence=sent.text, sent_start=sent.start, sent_end=sent.end,
                           trigger=trigger, trigger_start=t, trigger_end=t + len(trigger),
                           type=EventType(plover), actor1=refs[0], actor2=refs[1], dates=dates,
                           status=(statuses or {}).get(n, "occurred")))
    return sorted(resolve_doc(pdoc, out, resources()),
                  key=lambda m: int(m.mention_id[1:]))


@lru_cache(maxsize=1)
def resources() -> Resources:
    return Resources.load()


def _who(a: ActorRef | None) -> tuple[str | None, str | None] | None:
    return None if a is None else (a.name, a.country)


def test_on_iranian_soil_is_where_the_clash_was() -> None:
    (clash,) = resolved_mentions("Iranian security forces clashed with militants on Iranian soil on "
                         "Tuesday.", [("clashed", "assault", "Iranian security forces",
                                       "militants")])
    assert clash.location is not None and (clash.location.country, clash.location.precision) \
        == ("IRN", "country")
    assert clash.date == "2024-01-16"


def test_the_group_the_country_and_the_two_neighbours() -> None:
    text = ("Jaish al-Adl fighters attacked a police station near Zahedan on Friday. The group "
            "also attacked a bank in Zahedan on Saturday. Pakistan condemned the raid by Iran. "
            "The country also recalled its envoy. The two neighbours agreed to restore ties.")
    rows = resolved_mentions(text, [("attacked a bank", "assault", "The group", "bank"),
                            ("recalled", "sanction", "The country", None),
                            ("agreed", "agree", "The two neighbours", None)])
    assert _who(rows[0].actor1) == ("Jaish al-Adl", None)
    assert rows[0].actor1 is not None and rows[0].actor1.kind == "armed_group"
    assert _who(rows[1].actor1) == ("Pakistan", "PAK")  # the subject, not Iran
    assert (_who(rows[2].actor1), _who(rows[2].actor2)) == (("Pakistan", "PAK"), ("Iran", "IRN"))


def test_police_killed_in_a_country_are_its_police_and_civilians_too() -> None:
    police, people = resolved_mentions(
        "At least 11 police officers were killed in southeastern Iran. A blast killed "
        "nine people in Kerman.", [("killed in", "assault", None, "At least 11 police officers"),
                                   ("blast", "assault", None, "nine people")])
    assert _who(police.actor2) == ("Iran Police", "IRN")
    assert people.actor2 is not None and people.actor2.country == "IRN"


def test_a_province_in_a_title_gives_the_state() -> None:
    (m,) = resolved_mentions("Sindh Chief Minister Ahmed Raza condemned the attack on Monday.",
                     [("condemned", "accuse", "Sindh Chief Minister Ahmed Raza", None)])
    assert m.actor1 is not None and (m.actor1.country, m.actor1.kind) == ("PAK", "government")


def test_recalling_its_ambassador_from_a_capital_targets_that_state() -> None:
    recall, strike, _ = resolved_mentions(
        "On Tuesday Iraq recalled its ambassador from Tehran. Farmers said an Iranian drone "
        "strike destroyed a barn near the frontier, with Islamabad recalling its envoy to Tehran.",
        [("recalled", "sanction", "Iraq", "its ambassador"),
         ("strike", "assault", "Iranian", "a barn"),
         ("recalling", "sanction", "Islamabad", "its envoy")])
    assert _who(recall.actor2) == ("Iran", "IRN")
    assert strike.location is None  # not the capital that recalls, not the envoy's post


def test_two_states_named_together_are_each_others_partner() -> None:
    pak, irn = resolved_mentions("Pakistan and Iran on Monday signed eight accords in Islamabad.",
                         [("signed", "agree", "Pakistan", "eight accords"),
                          ("signed", "agree", "Iran", "eight accords")])
    assert (_who(pak.actor2), _who(irn.actor2)) == (("Iran", "IRN"), ("Pakistan", "PAK"))


def test_the_place_of_the_patient_is_where_it_happened() -> None:
    (claim,) = resolved_mentions(
        "On January 16, Iran's Revolutionary Guards struck bases in Pakistan's Balochistan "
        "province after the group claimed an attack on a police station in Iran.",
        [("attack on", "assault", None, "a police station in Iran")])
    assert claim.location is not None and claim.location.country == "IRN"


def test_its_territory_is_the_territory_of_the_state_the_sentence_is_about() -> None:
    (strike,) = resolved_mentions(
        "Pakistan hit insurgent hideouts in Iran, responding to earlier Iranian strikes on its "
        "territory.",
        [("Iranian strikes", "assault", "Iranian", "its territory")])
    assert strike.location is not None and strike.location.country == "PAK"


def test_a_sentence_subject_is_no_place_unless_introduced_as_one() -> None:
    text = ("Tehran's surprise attack in Balochistan targeted a militant outfit, and Islamabad "
            "recalled its envoy.")
    attack, _ = resolved_mentions(text, [("attack", "assault", "Tehran", "militant outfit"),
                                      ("recalled", "sanction", "Islamabad", "its envoy")])
    assert attack.location is not None and attack.location.admin1 == "Balochistan"


def test_a_capital_that_calls_an_attack_something_is_not_where_it_was() -> None:
    doc = Document(id="d13", published="2024-01-17", text=(
        "Two children were killed when Iran struck targets late on Tuesday, in an attack "
        "that Islamabad called a violation of its airspace."))
    events = extract_events([doc], Settings(progress=False))
    assert events and all(e.location is None or e.location.name != "Islamabad" for e in events)


def test_a_shift_counts_back_from_the_day_an_earlier_event_of_the_sentence_was_given() -> None:
    doc = Document(id="d14", published="2024-01-29", text=(
        "The ambassadors of the two countries resumed their duties on Friday, ten days after "
        "Islamabad recalled its envoy in protest."))
    events = extract_events([doc], Settings(progress=False))
    (recall,) = [e for e in events if e.event_type == "sanction"]
    assert recall.date == "2024-01-16"  # Friday the 26th, less ten days: before it, not after


def test_its_territory_in_the_agents_clause_is_the_other_states() -> None:
    doc = Document(id="d15", published="2024-01-17", text=(
        "Pakistan said two children were killed when Iran struck targets inside its territory "
        "late on Tuesday."))
    events = extract_events([doc], Settings(progress=False))
    (strike,) = [e for e in events if e.event_type == "assault"]
    assert strike.location is not None and strike.location.country == "PAK"
    own = Document(id="d16", published="2024-01-17", text=(
        "Pakistan's army said it killed militants inside its own territory on Tuesday."))
    (raid,) = [e for e in extract_events([own], Settings(progress=False))
               if e.event_type == "assault"]
    assert raid.location is not None and raid.location.country == "PAK"


def test_a_thing_is_no_party_but_a_name_or_a_group_of_people_is() -> None:
    doc = Document(id="d9", published="2024-05-02", text=(
        "Kenya's foreign ministry condemned the attack on Wednesday. "
        "Police fired water cannons at the crowd in Nairobi on Tuesday. "
        "Bandits attacked teachers near Garissa on Monday. "
        "Gunmen shot Joseph Mwangi Kariuki in Mombasa on Sunday."))
    events = extract_events([doc], Settings(progress=False))
    parties = {(e.actor2.text if e.actor2 else None) for e in events}
    names = {(e.actor1.name if e.actor1 else None) for e in events}
    assert "attack" not in parties and "water cannons" not in parties
    assert "criminals" in names  # bandits: an armed group of the dictionary
    assert any(e.actor2 is not None and e.actor2.kind == "civilians" and e.actor2.text == "teachers"
               for e in events)
    assert any(e.actor2 is not None and "Kariuki" in e.actor2.text for e in events)
