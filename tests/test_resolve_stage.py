"""Resolution in document context, and dating undated articles from the corpus."""

from __future__ import annotations

from thucydides.config import Settings
from thucydides.pipeline import extract_events, prepare_documents
from thucydides.records import Document
from thucydides.resolve.stage import _datelines


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
        "Islamabad said on Thursday its forces carried out strikes on militant hideouts."))
    events = extract_events([doc], Settings(progress=False))
    assert events and all(e.location is None for e in events)


def test_the_speaker_of_a_condemnation_is_not_where_the_strike_was() -> None:
    doc = Document(id="d12", published="2024-01-18", text=(
        "The Iranian strikes led to a strong condemnation from Islamabad."))
    events = extract_events([doc], Settings(progress=False))
    (strike,) = [e for e in events if e.event_type == "assault"]
    assert strike.location is None
