"""The date of each mention of one document, read in the context of the article.

A mention's date is its own date expression, else one shifted from the last dated event ("a day
after"), else the report date (an earlier report of the same type is no guide: articles retell
old events beside new ones). ``Mention.date_rule`` records which (see records.py).

Articles that mix years (an explainer retelling a 2017 attack beside a 2024 one) must not pull
every event onto the report's year. The *reference date* (:mod:`.date_refs`) is the last
calendar date the article writes with its own year ("June 7, 2017", "mid-January 2024"), no more
than :data:`REF_SENTENCES` sentences back:

* a month-day or month written without a year ("On June 18, ...") takes the reference's year when
  that puts it at or after the reference and at most :data:`CARRY_DAYS` after the end of its
  period; otherwise the report date decides the year as usual;
* in an article whose publication date is unknown or inferred, a weekday ("on a Tuesday") is the
  one nearest the reference (day or week precision), not the one before the report date.

In an article whose report date is inferred, a "Later, ..." sentence that continues a story told
on a day before it (the last picked date, at most :data:`PREVIOUS_SENTENCES` back) happened after
that day by an unsaid amount: it takes neither the guessed report date nor a deictic word's
reading of it ("overnight strikes"). Any other undated sentence there, at most
:data:`PREVIOUS_SENTENCES` after one told of a day before the guessed report date (the day
before it included: a guess of "the day after" is no better than the story's own day) or of an
event done on a day after it (the guess was too early), or after the last sentence that went on
with it, goes on with that story and takes its date (rule ``previous``); a weekday there is
read near the day of a story told after the guessed report date. In any article, "the attack",
"the missile strike" (:func:`definite`) with no date of its own refers back to the last event
of its type told of on a day at most :data:`ANAPHOR_DAYS` before the report date, and takes
that day (rule ``previous``); another undated event its sentence tells falls between that day
and the report date (:mod:`.date_precede`). "The second day of his visit" dates the visit's
other days (:mod:`.date_ordinal`); a shift inside a sentence says nothing of an event after
its clause (:mod:`.date_shift`). In an
article with no report date at all, a sentence whose own deictic date ("Last week, ...") could
not be read takes no earlier date. An event of "last week" is put in the middle of that week
(``date_anchor.week_estimate``). The event a shift introduces ("The killing comes a day after
the envoys returned") is dated back from the sentence's own date, else from the report date that
dates the sentence's main event. In an article whose report date is guessed, a weekday of an act
told as a response ("on Sunday in revenge for the attacks") is on or after its cause's day
(:mod:`.date_cause`). A day of the speech verb that tells an act ("said on Tuesday that it had
fired rockets", marked by ``extract.spans``) is when it was said: the act takes the day the
article told an act of its type on the day before ("fired rockets late on Monday"), while the
sentence's own time, which undated sentences after it carry on, stays the statement's day; an
act told there in the past perfect ("said on Thursday that it had carried out the bombing") with
no such earlier report keeps the statement's day only as a bound (rule ``by-statement``,
:mod:`.date_statement`). A shift said of a statement ("The claim came a day after the attack",
found in the sentence when the attack's mention was not given it) counts from the last
statement's day. An act told in the past perfect in a side remark ("the premier, who had cut
short a visit to Tokyo") happened before the story, on a day only its own clause can say
(:mod:`.date_aside`): with none, it has no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date as Date
from datetime import timedelta

from ..recap import is_recap
from ..records import (
    ANTECEDENT_RULE,
    HAPPENED,
    PREVIOUS_RULE,
    REPORT_DATE_RULE,
    DatePrecision,
    DateRef,
    Mention,
)
from . import date_calendar as cal
from .date_anchor import deictic, week_estimate
from .date_aside import aside_clause, beside_dates, own_dates, remark_dates
from .date_cause import cause_day, not_before, response_cue
from .date_lexicon import lexicon as date_lexicon
from .date_norm import normalise_date, shift_relative
from .date_ordinal import ordinal_days
from .date_patterns import year_re
from .date_precede import between_days
from .date_refs import RefDate, is_boundary
from .date_refs import doc_references as doc_references  # read by tests and callers
from .date_shift import (
    AFTER,
    BEFORE,
    antecedent_date,
    names_later_event,
    past_clause,
    sentence_dates,
    speech_led,
    told_in_past,
)
from .date_statement import BY_STATEMENT_RULE, earlier_tense, told_in_statement, with_statement
from .date_statement import statement_verb as statement_verb  # read by tests and callers

BOUNDARY_BEFORE = re.compile(r"\b(?:since|until|till|before|by)\s+(?:the\s+)?$", re.IGNORECASE)
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
REF_SENTENCES = 4  # a reference date holds this many sentences on
PREVIOUS_SENTENCES = 3  # an undated article's undated report takes the last date this close
CARRY_DAYS = 120  # a year-less date this long after the reference's period is not its sequel
YEARLESS_RULES = frozenset({"mdy", "dmy", "month"})
ANAPHOR_DAYS = 7  # "the attack" refers back to an event told of at most this long before the report
DEFINITE_REACH = 40  # characters before a trigger searched for its article ("the missile strike")
NEAREST_WEEKDAY = 3  # a weekday read against a reference is within this many days of it
STATEMENT_LAG_DAYS = 1  # a statement of the day after tells the act of its type told the day before
_PERIOD_DAYS = {"day": 0, "week": 6, "month": 30, "year": 364}


@dataclass
class DocDates:
    """Dates of one document's mentions, taken in text order (see the module docstring)."""

    anchor: str | None
    default_year: int | None
    inferred: bool = False  # the report date was inferred, not given
    refs: list[RefDate] = field(default_factory=list)
    last: tuple[str, DatePrecision] | None = None
    last_sent: int = 0  # the sentence that gave ``last``
    last_done: bool = True  # ``last`` dates an event told as done (not planned)
    carried_sent: int = 0  # the last sentence that went on with ``last``'s story (``previous``)
    rule: str | None = None  # how the last picked date was found
    told: dict[str, str] = field(default_factory=dict)  # PLOVER type -> last day an event was told
    told_day: str | None = None  # the last day an event was told (any type)
    said_day: str | None = None  # the day of the last statement told with its day
    story: tuple[int, str, str] | None = None  # sentence, type and day of the last "the attack"
    day_one: Date | None = None  # first day of the occasion "the second day of the visit" counts

    def normalise(self, m: Mention) -> list[DateRef]:
        out: list[DateRef] = []
        moved_on = self._moved_on(m)
        floor = self._cause_floor(m)
        for d in m.dates + remark_dates(m):  # "having shelled it on Monday": the shelling's
            n = self._resolve(d, m.sentence_index)
            if floor is not None and n is not None:
                n = not_before(n, floor)
            if moved_on and n is not None and n.rule == "relday":
                n = None  # "Later, ... overnight strikes": a night of the story, not the report's
            if n is None and self.last is not None and not past_clause(m, d):
                n = shift_relative(d.text, self.last[0])
                n = replace(n, rule="shift") if n is not None else None
            if n is not None and n.date is not None and not is_boundary(n.rule) \
                    and not names_something_else(m, d):
                rule = n.rule if n.rule == "shift" else with_statement(d, n.rule)
                out.append(replace(d, date=n.date, precision=n.precision, rule=rule))
            else:
                out.append(replace(d, date=None, precision=None, rule=None))
        out, self.day_one = ordinal_days(out, self.day_one)
        return out

    def _cause_floor(self, m: Mention) -> Date | None:
        """In an article whose report date is guessed, the day of the event a response
        ("in revenge for ...") answers: its weekday falls on or after it (``date_cause``)."""
        cue = response_cue(m) if self.inferred else None
        if cue is None:
            return None
        days = [r.day for r in self.refs if r.precision == "day"]
        return cause_day(m, cue, self.anchor, self.default_year, days)

    def _resolve(self, d: DateRef, sent: int) -> DateRef | None:
        n = normalise_date(d.text, self.anchor, default_year=self.default_year)
        if n is not None and is_boundary(n.rule):
            return n
        rule = (n.rule or "").rsplit("+", 1)[-1] if n is not None else ""
        ref = self._ref_before(d.start, sent)
        if ref is not None and n is not None and rule in YEARLESS_RULES \
                and year_re().search(d.text) is None:
            return _carry_year(d.text, n, ref)
        if n is None or (rule == "weekday" and self.inferred):
            near = self._story_day(ref, sent)
            near_n = None if near is None else normalise_date(
                d.text, (near + timedelta(days=NEAREST_WEEKDAY)).isoformat())
            if near_n is not None and (near_n.rule or "").endswith("weekday"):
                return near_n
        return n

    def _story_day(self, ref: RefDate | None, sent: int) -> Date | None:
        """The day a weekday of an article with no given report date is read near: the later
        told of the reference (a date with its year) and the day of the story the last few
        sentences told, when that story is told on a day after the guessed report date (which
        is then no guide: "Two days later, the army struck back. The raid, on Thursday, ...")."""
        told = self.last is not None and self.last[1] == "day" and self.anchor is not None \
            and self.last[0] > self.anchor \
            and sent - max(self.last_sent, self.carried_sent) <= PREVIOUS_SENTENCES
        ref_sent = ref.sent if ref is not None and ref.precision in ("day", "week") else -1
        if told and self.last is not None and max(self.last_sent, self.carried_sent) >= ref_sent:
            return Date.fromisoformat(self.last[0])
        return ref.day if ref is not None and ref_sent >= 0 else None

    def _act_day(self, m: Mention, said: str) -> str:
        """The day of an act told inside a statement dated ``said`` ("said on Tuesday that it
        had launched missiles"): the statement's day bounds the act, so an act of its type the
        article told on a day at most :data:`STATEMENT_LAG_DAYS` before ("fired missiles late
        Monday") is this one and gives its day; else the statement's day stands."""
        told = self.told.get(m.type.plover)
        if told is None:
            return said
        lag = (Date.fromisoformat(said) - Date.fromisoformat(told)).days
        return told if 0 < lag <= STATEMENT_LAG_DAYS else said

    def _antecedent(self, m: Mention, dates: list[DateRef], same_sentence: str | None
                    ) -> str | None:
        """The day of the event a shift of the sentence introduces ("The raid came a day after
        the strikes"), counted back from the sentence's own day; with no day in the sentence,
        from the day of the story it goes on with ("came": the last act told; "The claim came":
        the last statement told) or else from the report date that dates its main event."""
        shifts = dates + [self._sentence_day(d, m.sentence_index)
                          for d in sentence_dates(m, dates)]
        if speech_led(m, shifts):
            told = self.said_day if self.said_day and self._recent(self.said_day) else None
        else:
            told = self.told_day if self.told_day and self._recent(self.told_day) \
                and told_in_past(m, shifts) else None
        return antecedent_date(m, shifts, same_sentence or told or self._report_day(m))

    def _sentence_day(self, d: DateRef, sent: int) -> DateRef:
        """A date expression of the sentence, resolved when it says a day of its own (not a
        shift, not a boundary)."""
        n = None if AFTER.search(d.text) or BEFORE.search(d.text) else self._resolve(d, sent)
        if n is None or n.date is None or n.precision is None or is_boundary(n.rule):
            return d
        return replace(d, date=n.date, precision=n.precision, rule=n.rule)

    def _said(self, m: Mention, d: DateRef, day: str) -> tuple[str, bool]:
        """The day of the mention's act when ``d`` (of ``day``) may date a statement that tells
        it, and whether that day only bounds the act (told in the past perfect, no earlier report
        of it: rule ``by-statement``); a statement's day is kept for "The claim came ..."."""
        if statement_verb(d) is None:
            return day, False
        self.said_day = day
        if not told_in_statement(m, d):
            return day, False
        act = self._act_day(m, day)
        return act, act == day and earlier_tense(m, d)

    def _report_day(self, m: Mention) -> str | None:
        return None if self._moved_on(m) else self.anchor

    def _moved_on(self, m: Mention) -> bool:
        """A "Later, ..." sentence continuing a story told on an earlier day than an inferred
        report date: it happened after that day, by an unsaid amount, and a guessed report date
        is no bound (a given one is: then the report date stands)."""
        if not self.inferred or self.anchor is None or self.last is None \
                or not sequel(m.sentence) \
                or m.sentence_index - self.last_sent > PREVIOUS_SENTENCES:
            return False
        return Date.fromisoformat(self.last[0]) < Date.fromisoformat(self.anchor) - timedelta(days=1)

    def _continues_past(self, m: Mention) -> bool:
        """In an article whose report date is inferred, an undated sentence right after one told
        of days before it goes on telling that story ("Last week the army shelled the port. The
        strikes killed five."), not the guessed report day's; so does one right after an event
        told as done on a day after the guess, which was then too early ("Rebels fired rockets on
        Sunday. It was their first attack in years.")."""
        if not self.inferred or self.anchor is None or self.last is None or sequel(m.sentence):
            return False  # "Later, ...": after that story's day by an unsaid amount
        told, anchor = Date.fromisoformat(self.last[0]), Date.fromisoformat(self.anchor)
        reach = m.sentence_index - max(self.last_sent, self.carried_sent)
        return (told < anchor or (told > anchor and self.last_done)) \
            and m.sentence_index > self.last_sent and reach <= PREVIOUS_SENTENCES

    def _between(self, m: Mention) -> str | None:
        """An undated event a sentence tells beside "the attack" of a story told before ("the
        strike killed two, with Islamabad recalling its envoy"): between that story's day and
        the report date (``date_precede.between_days``)."""
        if self.story is None or self.anchor is None or self.story[0] != m.sentence_index \
                or self.story[1] == m.type.plover:
            return None
        return between_days(self.story[2], self.anchor)

    def _recent(self, day: str) -> bool:
        """Whether ``day`` is at most :data:`ANAPHOR_DAYS` before the report date (a story
        retold from long ago is not what "the attack" of today's news refers to)."""
        if self.anchor is None:
            return True
        return 0 <= (Date.fromisoformat(self.anchor) - Date.fromisoformat(day)).days <= ANAPHOR_DAYS

    def _ref_before(self, at: int, sent: int) -> RefDate | None:
        """The last reference before ``at``, else one later in the same sentence ("on a
        Tuesday in mid-January 2024")."""
        ref = next((r for r in reversed(self.refs) if r.at < at), None)
        if ref is not None and ref.sent >= sent - REF_SENTENCES:
            return ref
        return next((r for r in self.refs if r.at > at and r.sent == sent), None)

    def pick(self, m: Mention, dates: list[DateRef]) -> tuple[str | None, DatePrecision | None]:
        """The mention's date; ``self.rule`` says how it was found (Mention.date_rule). A recap
        ("prompting the recall of its envoy", :mod:`thucydides.recap`) has none of its own and
        leaves the article's story where it was."""
        aside = aside_clause(m)  # "..., who had cut short a visit": before the story
        if is_recap(m.mention_id):
            self.rule = None
            return None, None
        dates = beside_dates(m, dates) if aside is None else own_dates(m, dates, aside)
        same_sentence = self.last[0] if self.last is not None and self.last[1] == "day" \
            and self.last_sent == m.sentence_index else None
        earlier = self._antecedent(m, dates, same_sentence)
        if earlier is not None:
            self.rule = ANTECEDENT_RULE
            return earlier, "day"
        resolved = [d for d in dates if d.date is not None and not names_later_event(m, d)]
        if resolved:
            best = min(resolved, key=lambda d: (PRECISION_RANK.get(d.precision or "year", 9),
                                                d.rule == "shift", abs(d.start - m.trigger_start)))
            if best.date is not None and best.precision is not None:
                day = week_estimate(best.date, best.text) if best.precision == "week" \
                    else best_estimate(best.date, best.precision)
                said = day  # the sentence's time: the statement's, when it tells the act
                day, bound = self._said(m, best, day) if best.precision == "day" else (day, False)
                if best.precision in ("day", "week"):  # a year or month dates no other report
                    self.last = (said, best.precision)
                    self.last_sent = m.sentence_index
                    self.last_done = m.status in HAPPENED
                if best.precision == "day":
                    self.told[m.type.plover] = self.told_day = day
                self.rule = "shift" if best.rule == "shift" else (
                    BY_STATEMENT_RULE if bound else "expression")
                return day, best.precision
        told = self.told.get(m.type.plover)
        if told is not None and definite(m) and self._recent(told):  # "the attack" told before
            self.rule = PREVIOUS_RULE
            self.story = (m.sentence_index, m.type.plover, told)
            if self.last is not None and self.last[0] == told:
                self.carried_sent = m.sentence_index
            return told, "day"
        if aside is not None:  # no day of its own: neither the story's nor the report's
            self.rule = None
            return None, None
        if self._continues_past(m) and self.last is not None:
            self.rule = PREVIOUS_RULE
            self.carried_sent = m.sentence_index
            return self.last
        if self.anchor is not None:
            moved_on = self._moved_on(m)
            between = None if moved_on else self._between(m)
            if between is not None:
                self.rule = PREVIOUS_RULE
                return between, "day"
            self.rule = None if moved_on else REPORT_DATE_RULE
            return (None, None) if moved_on else (self.anchor, "day")
        if sequel(m.sentence):
            self.rule = None
            return None, None
        if self.last is None or m.sentence_index - self.last_sent > PREVIOUS_SENTENCES \
                or any(deictic(d) for d in dates):
            # an undated article's narrative moves on, or the sentence says its own time
            # against a report date nobody gave ("Last week, ..."): no date is better
            self.rule = None
            return None, None
        self.rule = PREVIOUS_RULE
        return self.last


def _carry_year(expr: str, n: DateRef, ref: RefDate) -> DateRef:
    """``n`` moved to the reference's year when it then continues the reference's story."""
    carried = normalise_date(expr, None, default_year=ref.day.year)
    day = cal.parse_iso(carried.date) if carried is not None else None
    if carried is None or day is None or day.year == (cal.parse_iso(n.date) or day).year:
        return n
    end = ref.day + timedelta(days=_PERIOD_DAYS[ref.precision])
    if ref.day <= day <= end + timedelta(days=CARRY_DAYS):
        return replace(carried, text=n.text, rule=n.rule)
    return n


def definite(m: Mention) -> bool:
    """A trigger that refers back by a definite noun phrase: "the attack", "the Houthi strike",
    "the missile strike" (at most two proper or lexicon modifiers between; "the army launched
    strikes" is no such phrase)."""
    at = m.trigger_offset()
    if at <= 0:
        return False
    words = m.sentence[max(0, at - DEFINITE_REACH):at].split()
    modifiers = date_lexicon().modifiers
    for _ in range(3):
        if not words:
            return False
        word = words.pop()
        if word.lower() == "the":
            return True
        if not (word[:1].isupper() or word.lower() in modifiers):
            return False
    return False


def sequel(sentence: str) -> bool:
    """A sentence opening with "Later," / "Subsequently," …"""
    first = sentence.lstrip().split(" ", 1)[0].strip(",;:").lower()
    return first in date_lexicon().sequels


def best_estimate(first_day: str, precision: DatePrecision) -> str:
    """The day an event known only to the month most likely fell on: the middle of the month
    (as ACLED codes month-precision events); other precisions keep their day."""
    return first_day[:8] + "15" if precision == "month" and first_day.endswith("-01") else first_day


def names_something_else(m: Mention, d: DateRef) -> bool:
    """A date that bounds a period ("since the 1979 revolution") or names a thing ("the 2015
    deal") is not when the event happened."""
    at = d.start - m.sent_start
    before, after = m.sentence[max(0, at - 12):at], m.sentence[at + len(d.text):at + len(d.text) + 2]
    return bool(BOUNDARY_BEFORE.search(before)) or (
        before.endswith(("the ", "The ")) and after[:1] == " " and after[1:2].islower())

