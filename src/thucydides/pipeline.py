"""The pipeline's stage functions, composed.

Each stage maps a batch of records to a batch of records, so the same functions run in-process
(:mod:`thucydides.engine.local`) or on Dask partitions (:mod:`thucydides.engine.dask`):

    prepare_documents   Document -> Document   (publication dates inferred, duplicates marked)
    analyse_batch       Document -> Mention    (parse, extract, resolve, one event per sentence
                                                report; offsets into the input)
    copy_to_duplicates  Mention  -> Mention    (a wire copy cites the same sentences)
    fuse_corpus         Mention  -> Event      (fuse; date undated articles from the corpus;
                                                fuse again)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .coalesce import coalesce
from .config import Settings
from .extract import Lexicon, extract_mentions
from .fuse import fuse
from .fuse_admit import admissible
from .ingest import mark_duplicates
from .nlp import iter_parse
from .records import HAPPENED, STATED_DATE_RULES, Document, Event, Mention, ParsedDoc
from .resolve.date_anchor import deictic_floor, week_after_floor
from .resolve.date_calendar import add_months
from .resolve.date_plan import fulfilled_anchors, is_calendar
from .resolve.date_retold import retell, retold_days
from .resolve.date_url import UrlDate, url_date
from .resolve.dates import infer_published, text_years
from .resolve.stage import Resources, redate, resolve_doc


@dataclass(frozen=True)
class Toolkit:
    """Everything the analysis stage loads once per process."""

    lexicon: Lexicon
    resources: Resources

    @classmethod
    def load(cls) -> Toolkit:
        return cls(lexicon=Lexicon.load(), resources=Resources.load())


def prepare_documents(docs: Sequence[Document], settings: Settings) -> list[Document]:
    """Infer missing publication dates and mark (near-)duplicate articles."""
    dated = [_with_published(d) for d in docs]
    return mark_duplicates(_with_year_hints(dated), settings.near_duplicate_threshold)


def _with_year_hints(docs: list[Document]) -> list[Document]:
    """Give each undated article the year its undated dates most likely mean: the year of the
    month its URL carries, else the later of the latest year it names and the corpus's median
    publication year (a collection is about one period; a year an article names is at most its
    own)."""
    years = sorted(int(d.published[:4]) for d in docs if d.published)
    corpus = years[len(years) // 2] if years else None
    out: list[Document] = []
    for d in docs:
        if d.published is None:
            month = url_date(d.url)
            named = text_years(d.text)
            candidates = [month.day.year] if month is not None else [
                y for y in (max(named) if named else None, corpus) if y is not None]
            d = replace(d, year_hint=max(candidates)) if candidates else d
        out.append(d)
    return out


def _with_published(doc: Document) -> Document:
    """A missing publication date from the URL's day, else from the text (an inferred date
    outside the month the URL names is discarded: that month is when the page was made)."""
    if doc.published is not None:
        return doc
    found = url_date(doc.url)
    if found is not None and found.precision == "day":
        return replace(doc, published=found.day.isoformat(), published_inferred=True)
    inferred = _not_before_last_week(doc.text, infer_published(doc.text))
    if inferred is None or not _in_month(inferred, found):
        return doc
    return replace(doc, published=inferred, published_inferred=True)


def _not_before_last_week(text: str, inferred: str | None) -> str | None:
    """A date inferred from the latest day a text writes, moved on to the Monday after a day
    the text says something of "last week" happened after (``date_anchor.week_after_floor``)."""
    if inferred is None:
        return None
    floor = week_after_floor(text, int(inferred[:4]))
    return floor.isoformat() if floor is not None and floor.isoformat() > inferred else inferred


def _in_month(day: str, month: UrlDate | None) -> bool:
    return month is None or day[:7] == month.month


def analyse_batch(docs: Sequence[Document], settings: Settings, kit: Toolkit | None = None,
                  on_doc: Callable[[ParsedDoc], None] | None = None) -> list[Mention]:
    """Parse, extract and resolve a batch of (kept, non-duplicate) documents."""
    kit = kit or Toolkit.load()
    out: list[Mention] = []
    for pdoc in iter_parse(docs, model=settings.model, n_process=settings.n_process,
                           batch_size=settings.batch_size):
        mentions = extract_mentions(pdoc, kit.lexicon)
        if mentions:
            resolved = coalesce(resolve_doc(pdoc, mentions, kit.resources))
            out.extend(_to_input_offsets(pdoc.doc, resolved))
        if on_doc is not None:
            on_doc(pdoc)
    return out


def _to_input_offsets(doc: Document, mentions: Iterable[Mention]) -> list[Mention]:
    if doc.offsets is None:
        return list(mentions)
    out: list[Mention] = []
    for m in mentions:
        start, end, text = doc.original_span(m.sent_start, m.sent_end)
        out.append(replace(m, sent_start=start, sent_end=end, sentence=text))
    return out


def copy_to_duplicates(docs: Sequence[Document], mentions: Sequence[Mention]) -> list[Mention]:
    """Give each duplicate article the mentions of its kept copy whose sentence it contains."""
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    out: list[Mention] = []
    for d in docs:
        if d.duplicate_of is None:
            continue
        for m in by_doc.get(d.duplicate_of, []):
            pos = _input_text(d).find(m.sentence)
            if pos >= 0:
                out.append(replace(m, doc_id=d.id, mention_id=f"{m.mention_id}@{d.id}",
                                   sent_start=pos, sent_end=pos + len(m.sentence),
                                   published=d.published, outlet=d.outlet))
    return out


def _input_text(d: Document) -> str:
    raw = d.extra.get("input_text")
    return raw if isinstance(raw, str) else d.text


def extract_events(docs: Sequence[Document], settings: Settings | None = None,
                   kit: Toolkit | None = None) -> list[Event]:
    """Documents in, fused events out (the ``thucydides extract`` contract)."""
    settings = settings or Settings()
    prepared = prepare_documents(docs, settings)
    kept = [d for d in prepared if d.duplicate_of is None]
    mentions = analyse_batch(kept, settings, kit)
    mentions += copy_to_duplicates(prepared, mentions)
    return fuse_corpus(mentions, settings, undated_documents(prepared))[1]


@dataclass(frozen=True)
class Undated:
    """An article published on no given date: what its text suggests instead."""

    inferred: str | None  # a publication date read off the text (a dateline), if any
    year_hint: int | None  # the year its undated dates most likely mean
    month: str | None = None  # ``YYYY-MM``: the month its URL says it was published in


def undated_documents(docs: Iterable[Document]) -> dict[str, Undated]:
    """Articles published on no given date, by id. A day the URL gives counts as given: the
    site's own record of publication, which the corpus does not overrule."""
    out: dict[str, Undated] = {}
    for d in docs:
        found = url_date(d.url)
        if found is not None and found.precision == "day" and d.published == found.day.isoformat():
            continue
        if d.published is None or d.published_inferred:
            month = found.month if found is not None and found.precision == "month" else None
            out[d.id] = Undated(d.published, d.year_hint, month)
    return out


def fuse_corpus(mentions: Sequence[Mention], settings: Settings,
                undated: Mapping[str, Undated] | None = None
                ) -> tuple[list[Mention], list[Event]]:
    """The re-dated mentions and the events of :func:`corpus_fusion` that enter the record
    (:func:`thucydides.fuse_admit.admissible`)."""
    undated = undated or {}
    redated, events = corpus_fusion(mentions, settings, undated)
    need_date = settings.undated_events == "drop" or (
        settings.undated_events == "auto" and any(m.doc_id not in undated for m in mentions))
    return redated, [e for e in events if admissible(e, need_date=need_date)]


def corpus_fusion(mentions: Sequence[Mention], settings: Settings,
                  undated: Mapping[str, Undated]) -> tuple[list[Mention], list[Event]]:
    """Fuse, date undated articles from the events they share with dated ones, fuse again;
    move an undated article's story of an act the corpus dates in another period to that day
    (:func:`thucydides.resolve.date_retold.retold_days`) and fuse again. Every event, before
    admission."""
    hints = {k: u.year_hint for k, u in undated.items() if u.year_hint is not None}
    events = fuse(mentions, window=settings.fuse_date_window_days, year_hints=hints)
    anchors = corpus_anchors(mentions, events, undated)
    redated = _redated(mentions, anchors)
    planned = plan_anchors(redated, events, undated)  # then: announced days kept
    if anchors or planned:
        redated = _redated(redated, planned)
        hints = {k: v for k, v in hints.items() if k not in anchors and k not in planned}
        events = fuse(redated, window=settings.fuse_date_window_days, year_hints=hints)
    retold = retold_days(redated, events, undated)  # then: acts the corpus dates elsewhere
    if retold:
        redated = retell(redated, retold)
        events = fuse(redated, window=settings.fuse_date_window_days, year_hints=hints)
    return redated, events


def _redated(mentions: Sequence[Mention], anchors: Mapping[str, str]) -> list[Mention]:
    """``mentions`` with the dates of each article in ``anchors`` read against its anchor."""
    out = [m for m in mentions if m.doc_id not in anchors]
    for doc_id, anchor in sorted(anchors.items()):
        out += redate([m for m in mentions if m.doc_id == doc_id], anchor)
    return out


def plan_anchors(mentions: Sequence[Mention], events: Sequence[Event],
                 undated: Mapping[str, Undated]) -> dict[str, str]:
    """A later report date for each undated article one of whose reports, dated only by
    counting from its report date, tells an act another article announced for a day no
    earlier (:func:`thucydides.resolve.date_plan.fulfilled_anchors`): the date that puts the
    report on that day, kept inside the month its URL names. Not for reports of events that a
    dated article dates (``events``: the first fusion)."""
    by_id = {m.mention_id: m for m in mentions}
    anchored = {i for ev in events if any(
        _anchoring(by_id[i], undated) for i in ev.mention_ids if i in by_id) for i in ev.mention_ids}
    current = {m.doc_id: m.published for m in mentions if m.doc_id in undated and m.published}
    out: dict[str, str] = {}
    for doc, days in fulfilled_anchors(mentions, undated, skip=anchored).items():
        day = _within(max(days), undated[doc].month)
        if doc in current and day > str(current[doc]):
            out[doc] = day
    return out


def corpus_anchors(mentions: Sequence[Mention], events: Sequence[Event],
                   undated: Mapping[str, Undated]) -> dict[str, str]:
    """A report date for each undated article, read off the events its reports with no stated
    date were fused into, on strong agreement, with dated articles: the day after the (upper)
    median of their dates (news of an event mostly appears the next day; a median is not swayed
    by a few wrongly fused retellings), or the date inferred from its text or the day after the
    latest calendar day it reports when that is later (an article is published after what it
    reports), or the Monday after an event one of those reports calls "last week"
    (:func:`thucydides.resolve.date_anchor.deictic_floor`); kept inside the month its URL names."""
    by_id = {m.mention_id: m for m in mentions}
    votes: dict[str, list[str]] = {}
    floors: dict[str, list[str]] = {}
    for ev in events:
        if ev.date is None or ev.date_precision != "day":
            continue
        members = [by_id[i] for i in ev.mention_ids if i in by_id]
        if not any(_anchoring(m, undated) for m in members):
            continue
        for m in members:
            if m.doc_id in undated and m.date_rule not in STATED_DATE_RULES:
                votes.setdefault(m.doc_id, []).append(ev.date)
                floor = deictic_floor(m.dates, date.fromisoformat(ev.date))
                if floor is not None:  # "last week" of this event: written a week on
                    floors.setdefault(m.doc_id, []).append(floor.isoformat())
    anchors: dict[str, str] = {}
    for doc, ds in votes.items():
        best = (date.fromisoformat(sorted(ds)[len(ds) // 2]) + timedelta(days=1)).isoformat()
        least = [x for x in (undated[doc].inferred, _day_after_calendar(mentions, doc)) if x]
        anchors[doc] = _within(max([best, *least, *floors.get(doc, [])]), undated[doc].month)
    return {doc: a for doc, a in anchors.items() if a != undated[doc].inferred}


def _within(day: str, month: str | None) -> str:
    """``day`` moved into ``month`` (``YYYY-MM``) if it lies outside."""
    if month is None or day[:7] == month:
        return day
    first = date.fromisoformat(f"{month}-01")
    if day < month:
        return first.isoformat()
    return (add_months(first, 1) - timedelta(days=1)).isoformat()


def _latest_calendar_day(mentions: Sequence[Mention], doc_id: str) -> str | None:
    """The latest calendar day ("On Friday (January 26)") an article says something happened
    on: it was written on or after that day."""
    days = [m.date for m in mentions if m.doc_id == doc_id and m.status in HAPPENED
            and m.date and m.date_precision == "day" and any(
                d.date == m.date and is_calendar(d) for d in m.dates)]
    return max(days) if days else None


def _day_after_calendar(mentions: Sequence[Mention], doc_id: str) -> str | None:
    """The day after the latest calendar day an article reports: news of it appears then (an
    article written that same day says "today", not "on Friday (January 26)")."""
    day = _latest_calendar_day(mentions, doc_id)
    return None if day is None else (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _anchoring(m: Mention, undated: Mapping[str, Undated]) -> bool:
    """A report whose day can anchor others: a stated date in a dated article. (A calendar
    date in an undated article is no anchor: measured, it chained unrelated articles.)"""
    return m.date_rule in STATED_DATE_RULES and m.doc_id not in undated
