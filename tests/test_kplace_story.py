"""The place of an article's story (resolve/geo_event.carry_location, resolve/geo_story.py): an
event of another time gives the sentences after it no place, and "the city" refers back to the
story's place; texts written for the test."""

from __future__ import annotations

from test_resolve_stage import resolved_mentions
from thucydides.records import DatePrecision, EventType, Mention, PlacePrecision, PlaceRef
from thucydides.resolve.geo_story import anaphoric, of_another_time


def where(m: Mention) -> str | None:
    return None if m.location is None else m.location.admin1


def mention(sentence: str = "", date: str | None = None,
            precision: DatePrecision | None = "day",
            rule: str | None = "expression", published: str | None = "2024-03-10") -> Mention:
    return Mention(mention_id="m", doc_id="d", sentence_index=0, sentence=sentence, sent_start=0,
                   sent_end=len(sentence), trigger="x", trigger_start=0, trigger_end=1,
                   type=EventType("assault"), date=date, date_precision=precision,
                   date_rule=rule, published=published)


def place(precision: PlacePrecision) -> PlaceRef:
    return PlaceRef(text="Herat", start=0, end=5, name="Herat", country="AFG", admin1="Herat",
                    precision=precision)


# --- an event of another time ------------------------------------------------------------------

def test_a_year_of_its_own_is_another_time() -> None:
    assert of_another_time(mention(date="2019-01-01", precision="year"))
    assert of_another_time(mention(date="2021-06-02"))
    assert of_another_time(mention(date="2019", precision="year", published=None))


def test_the_story_of_the_report_is_not_another_time() -> None:
    assert not of_another_time(mention(date="2024-03-08"))
    assert not of_another_time(mention(date="2024-01-01", precision="year"))
    assert not of_another_time(mention(date="2023-12-28", published="2024-01-05"))  # last week
    assert not of_another_time(mention(date="2019-05-02", rule="report-date"))  # not stated


def test_a_place_told_of_another_years_act_is_not_carried_to_the_next_sentence() -> None:
    blast, shooting, wounded = resolved_mentions(
        "A car bomb exploded near a market in Kirkuk on Monday, killing six people. The market "
        "stands beside the tomb of a cleric whom gunmen shot dead in Mosul in 2014. Doctors said "
        "more than 40 people had been wounded.",
        [("exploded", "assault", None, None), ("shot", "assault", "gunmen", "a cleric"),
         ("wounded", "assault", None, "more than 40 people")])
    assert where(blast) == "Kirkuk"
    assert where(shooting) == "Nineveh"  # Mosul
    assert where(wounded) == "Kirkuk"  # the story goes on past the 2014 shooting


def test_an_act_of_another_year_does_not_take_the_storys_place() -> None:
    _raid, older = resolved_mentions(
        "Militants raided a police post in Kandahar on Sunday. A similar ambush killed nine "
        "officers in 2017.", [("raided", "assault", "Militants", "a police post"),
                              ("ambush", "assault", None, "nine officers")])
    assert older.location is None


# --- "the city" refers back to the story's place ----------------------------------------------

def test_the_city_refers_back_to_the_storys_place_a_few_sentences_on() -> None:
    _bombing, _condemned, wounded = resolved_mentions(
        "A suicide bomber struck a wedding hall in Kandahar on Saturday, killing 11 guests. The "
        "United Nations condemned the bombing. Rescue workers said 30 people had been wounded "
        "and taken to clinics across the city.",
        [("struck", "assault", "A suicide bomber", "a wedding hall"),
         ("condemned", "accuse", "The United Nations", None),
         ("wounded", "assault", None, "30 people")])
    assert where(wounded) == "Kandahar"


def test_without_a_reference_back_the_place_reaches_one_sentence() -> None:
    _bombing, _condemned, wounded = resolved_mentions(
        "A suicide bomber struck a wedding hall in Kandahar on Saturday, killing 11 guests. The "
        "United Nations condemned the bombing. Rescue workers said 30 people had been wounded.",
        [("struck", "assault", "A suicide bomber", "a wedding hall"),
         ("condemned", "accuse", "The United Nations", None),
         ("wounded", "assault", None, "30 people")])
    assert wounded.location is None


def test_an_older_act_in_the_town_takes_the_storys_place() -> None:
    _raid, older = resolved_mentions(
        "Militants raided a police post in Kandahar on Sunday. A similar ambush killed nine "
        "officers in the city in 2017.", [("raided", "assault", "Militants", "a police post"),
                                          ("ambush", "assault", None, "nine officers")])
    assert where(older) == "Kandahar"


def test_what_counts_as_a_reference_back_to_a_town() -> None:
    assert anaphoric(mention("Clinics across the city were full."), place("point"))
    assert anaphoric(mention("The town's hospital was hit."), place("admin1"))
    assert not anaphoric(mention("Clinics in the city of Herat were full."), place("point"))
    assert not anaphoric(mention("Clinics across the city were full."), place("country"))
    assert not anaphoric(mention("Clinics across the region were full."), place("point"))


def test_the_city_of_a_town_the_sentence_names_is_not_the_storys() -> None:
    named = PlaceRef(text="Kabul", start=20, end=25, name="Kabul", country="AFG",
                     admin1="Kabul", precision="point")
    m = mention("The mayor of Kabul said the city was calm.")
    m.places = [named]
    assert not anaphoric(m, place("point"))
    m.places = [place("point")]
    assert anaphoric(m, place("point"))


# --- the sentences of one story make one event ----------------------------------------------------

def test_wounded_told_after_an_aside_about_an_older_killing_join_the_bombing() -> None:
    from thucydides.config import Settings
    from thucydides.pipeline import analyse_batch, fuse_corpus, prepare_documents
    from thucydides.records import Document

    text = ("A car bomb exploded near a market in Kirkuk on Monday, killing six people, police "
            "said. The market stands beside the tomb of a cleric whom gunmen shot dead in "
            "Damascus in 2014. Doctors said more than 40 people had been wounded and taken to "
            "hospitals across the city.")
    settings = Settings()
    docs = prepare_documents([Document(id="k", text=text, published="2024-04-15")], settings)
    _, events = fuse_corpus(analyse_batch(docs, settings), settings)
    (bombing,) = [e for e in events if e.event_type == "assault"]
    assert bombing.location is not None and bombing.location.admin1 == "Kirkuk"
    assert bombing.killed is not None and bombing.killed.best == 6
    assert bombing.injured is not None and bombing.injured.low is not None \
        and bombing.injured.low > 40
    assert len(bombing.sources) == 2
