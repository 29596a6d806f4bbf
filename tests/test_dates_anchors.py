"""Dating undated articles from the corpus (pipeline.corpus_anchors) on hand-made mentions."""

from __future__ import annotations

from thucydides.fuse import fuse
from thucydides.pipeline import Undated, corpus_anchors
from thucydides.records import ActorRef, DateRef, EventType, Mention, PlaceRef

STRIKE = EventType("assault", "aerial", "195", -10.0, "Explosions/Remote violence",
                   "Air/drone strike", 4)
MEET = EventType("consult", None, "040", 1.0, "Strategic developments", "Other", 1)
IRAN = ActorRef("Iran", 0, 4, name="Iran", country="IRN", kind="state")
PAKISTAN = PlaceRef("Pakistan", 0, 8, name="Pakistan", country="PAK", precision="country")


def mention(doc: str, n: int, date: str | None, rule: str | None, *,
            type_: EventType = STRIKE, expr: DateRef | None = None) -> Mention:
    return Mention(
        mention_id=f"{doc}:{n}", doc_id=doc, sentence_index=n, sentence=f"sentence {n}",
        sent_start=n * 100, sent_end=n * 100 + 50, trigger="struck", trigger_start=n * 100,
        trigger_end=n * 100 + 6, type=type_, status="occurred", actor1=IRAN, location=PAKISTAN,
        date=date, date_precision="day" if date else None, date_rule=rule,
        dates=[expr] if expr else [])


def anchors(mentions: list[Mention], undated: dict[str, Undated]) -> dict[str, str]:
    return corpus_anchors(mentions, fuse(mentions), undated)


def test_an_undated_report_of_a_dated_event_dates_its_article_the_day_after() -> None:
    ms = [mention("wire", 0, "2024-01-16", "expression"), mention("blog", 0, None, None)]
    assert anchors(ms, {"blog": Undated(None, 2024)}) == {"blog": "2024-01-17"}


def test_an_article_is_published_after_the_latest_calendar_day_it_reports() -> None:
    friday = DateRef("On Friday (January 26)", 200, 222, date="2024-01-26", precision="day",
                     rule="mdy")
    ms = [mention("wire", 0, "2024-01-16", "expression"), mention("blog", 0, None, None),
          mention("blog", 2, "2024-01-26", "expression", type_=MEET, expr=friday)]
    # the shared strike alone says the 17th; the 26th it reports says it was written after
    assert anchors(ms, {"blog": Undated(None, 2024)}) == {"blog": "2024-01-27"}


def test_the_anchor_stays_in_the_month_the_url_names() -> None:
    ms = [mention("wire", 0, "2024-01-31", "expression"), mention("blog", 0, None, None)]
    assert anchors(ms, {"blog": Undated(None, 2024)}) == {"blog": "2024-02-01"}
    assert anchors(ms, {"blog": Undated(None, 2024, "2024-01")}) == {"blog": "2024-01-31"}
    early = [mention("wire", 0, "2023-12-20", "expression"), mention("blog", 0, None, None)]
    assert anchors(early, {"blog": Undated(None, 2024, "2024-01")}) == {"blog": "2024-01-01"}
