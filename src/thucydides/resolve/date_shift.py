"""Shifts that relate two events inside a sentence ("The raid came a day after the strikes").

:func:`antecedent_date` dates the event a shift introduces back from the sentence's own date;
:func:`sentence_dates` finds the shift that introduces an event its mention was not given
("The claim came a day after *the attack*": the shift is the claim's, the attack its reference);
:func:`speech_led` tells a shift said of a statement ("The claim came ..."), counted from the
statement's day, not from the act's;
:func:`past_clause` tells a trigger beyond the shift's clause, whose day the shift does not say;
:func:`names_later_event` a trigger inside a "before" shift's clause, the later event it counts
back from.
"""

from __future__ import annotations

import re
from datetime import date as Date

from ..records import DateRef, Mention
from .date_find import find_date_expressions
from .date_lexicon import lexicon as date_lexicon
from .date_norm import shift_relative

AFTER = re.compile(r"\b(?:after|later than|following)\s*$", re.IGNORECASE)
BEFORE = re.compile(r"\b(?:before|earlier than|prior to|ahead of)\s*$", re.IGNORECASE)
PAST_LEAD = re.compile(r"\b(?:came|was|were|followed|happened|occurred)\s*$", re.IGNORECASE)
LEAD_SUBJECT = re.compile(r"([\w'’-]+)\s+(?:came|comes|was|is|followed|follows)\s*$",
                          re.IGNORECASE)
AFTER_WORD = re.compile(r"\b(?:after|later than|following)\b", re.IGNORECASE)
CLAUSE_REACH = 80  # a shift's clause ends this many characters on at most


def sentence_dates(m: Mention, dates: list[DateRef]) -> list[DateRef]:
    """The sentence's date expressions the mention was not given (unresolved), when among them
    is the "after" shift whose clause holds the trigger ("The claim came a day after the
    attack", "On Tuesday, two days after the strike, ...": the shift and the sentence's day
    belong to the main event, and the shift introduces this one); else none."""
    if any(AFTER.search(d.text) and governs(m, d) for d in dates) or not AFTER_WORD.search(
            m.sentence, 0, m.trigger_offset()):
        return []
    given = {d.start for d in dates}
    found = [DateRef(m.sentence[a:b], m.sent_start + a, m.sent_start + b)
             for a, b in find_date_expressions(m.sentence) if m.sent_start + a not in given]
    return found if any(AFTER.search(d.text) and governs(m, d) for d in found) else []


def speech_led(m: Mention, dates: list[DateRef]) -> bool:
    """Whether a shift introducing the mention's act is said of a statement ("The claim came
    a day after the attack", "Her remarks come a day after ..."): it counts from the day the
    statement was made."""
    return any(governs(m, d) and AFTER.search(d.text) and (lead := LEAD_SUBJECT.search(
        m.sentence[:max(0, d.start - m.sent_start)])) is not None
        and lead.group(1).lower() in date_lexicon().speech_nouns for d in dates)


def antecedent_date(m: Mention, dates: list[DateRef], sentence_day: str | None = None
                    ) -> str | None:
    """The date of an event named as the reference of a shift ("on Thursday, two days after
    Tehran's attack" dates the attack to Tuesday): the sentence's own date minus the shift.
    ``sentence_day``: the day an earlier event of the same sentence was given ("resumed on
    Friday, ten days after Islamabad recalled its envoy"), when the mention has none."""
    shift = next((d for d in dates if governs(m, d)
                  and d.rule in (None, "shift") and AFTER.search(d.text)), None)
    base = next((d.date for d in dates if d.date and d.rule not in (None, "shift")
                 and d.precision == "day"), sentence_day)
    if shift is None or base is None:
        return None
    moved = shift_relative(shift.text, base)
    if moved is None or moved.date is None:
        return None
    delta = Date.fromisoformat(moved.date) - Date.fromisoformat(base)
    return (Date.fromisoformat(base) - delta).isoformat()


def told_in_past(m: Mention, dates: list[DateRef]) -> bool:
    """"The attack came a day after the Guards fired …": a shift led by a past-tense verb counts
    from the day of the act the story told, not from the report date ("The killing *comes* a day
    after …" does)."""
    return any(governs(m, d) and (AFTER.search(d.text) or BEFORE.search(d.text))
               and PAST_LEAD.search(m.sentence[:max(0, d.start - m.sent_start)]) for d in dates)


def governs(m: Mention, d: DateRef) -> bool:
    """Whether the mention's trigger is in the clause a shift ("a day after") introduces: after
    it, at most :data:`CLAUSE_REACH` characters on, with no comma or stop between."""
    if not d.end <= m.trigger_start <= d.end + CLAUSE_REACH:
        return False
    between = m.sentence[d.end - m.sent_start:m.trigger_start - m.sent_start]
    return m.trigger_start <= d.end + 30 or not any(c in between for c in ",;:.—–(")


def names_later_event(m: Mention, d: DateRef) -> bool:
    """Whether the trigger is in the clause a "before" shift introduces ("The killings came two
    days before the minister was due for talks"): that event is the later one the shift counts
    back from, so the shift's day is not its day."""
    return d.rule == "shift" and BEFORE.search(d.text) is not None and governs(m, d)


def past_clause(m: Mention, d: DateRef) -> bool:
    """Whether the trigger is after the clause a shift inside the sentence ("The raid came a
    day after the strikes on Iraq that ..., leading Baghdad to recall its envoy") introduces:
    the shift relates two other events and says nothing of this one's day. (A sentence that
    opens with the shift, "A day after the strikes, the army ...", dates its main clause.)"""
    opens = m.sentence.lstrip().lower().startswith(d.text.strip().lower())
    return d.end <= m.trigger_start and AFTER.search(d.text) is not None and not opens \
        and not governs(m, d)
