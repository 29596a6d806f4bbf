"""Acts told in the past perfect in a side remark about a participant.

"The talks followed a cabinet meeting chaired by the premier, *who had cut short a visit* to
Tokyo": the visit happened before the story the report tells, on a day the text does not say.
The report date, which dates an undated sentence's news, is no day of it (it would put the visit
after the meeting it preceded), nor is a date the sentence gives its main clause ("On Monday,
the premier, who had cut short a visit to Tokyo, chaired ..."). Such an act has a date only when
its own clause states one ("who had been arrested in March"); else it has none, and a report
that dates the act elsewhere gives the event its day.

The side remark is a relative clause opened by a relative word ("who had", "which had", "that
had", "whose forces had", "where the army had") or a perfect participle clause (", having
crossed"); the act's trigger is the verb the past perfect governs ("who had been *arrested*",
"... and *recaptured*") or the head of its object ("had cut short a *visit*", "had taken part in
the *talks*"), in the same clause (no comma, colon or dash between). A main clause told in the
past perfect ("Earlier, the army had shelled the town"), a statement's ("said it had fired"),
and a main verb after a subject's relative clause ("Rebels who had crossed the border
*attacked* a post") are no side remark.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import DateRef, Mention
from .date_find import find_date_expressions
from .date_lexicon import lexicon as date_lexicon
from .date_statement import PERFECT_ADVERBS

BOUNDARY = re.compile(r"[,;:—–()\[\]\"“”]|''|``|--")
OBJECT_REACH = 8  # words from the perfect's verb to the head of its object at most
_ADVERB = r"(?:(?:" + PERFECT_ADVERBS + r"|once|\w+ly)\s+)"


@lru_cache(maxsize=1)
def _opener_re() -> re.Pattern[str]:
    """A relative clause in the past perfect up to its "had" (and "been"), or a perfect
    participle clause up to "having"; group ``aux`` ends where the governed verb starts."""
    subject = r"(?:[\w'’.-]+\s+){1,4}?"
    # "which the army had", "which Chile had"; not the question "unclear which side had"
    which = r"which\s+(?=(?:the|its|their|his|her|it|they|he|she|we)\b|(?-i:[A-Z]))"
    return re.compile(
        r"(?i)(?P<rel>\b(?:who|which|that)\s+" + _ADVERB + r"{0,2}had"
        r"|\b(?:whom\s+|whose\s+|where\s+|" + which + r")" + subject + _ADVERB + r"{0,2}had"
        r"|(?:^|,)\s*having)"
        r"(?P<aux>\s+" + _ADVERB + r"{0,2}(?:been\s+" + _ADVERB + r"{0,2})?)")


def aside_clause(m: Mention) -> tuple[int, int] | None:
    """The span (offsets in the sentence) of the side remark in the past perfect whose act the
    mention's trigger tells, else None."""
    if not _perfect_words(m.sentence):
        return None
    at = m.trigger_offset()
    opener = next((o for o in reversed(list(_opener_re().finditer(m.sentence, 0, at)))
                   if o.end() <= at), None)
    words = m.sentence[opener.end():at].split() if opener is not None else []
    if opener is None or not _remark(m.sentence, opener, (words or m.trigger.split())[:1]):
        return None
    start = opener.start("rel") + (1 if m.sentence[opener.start("rel")] == "," else 0)
    if BOUNDARY.search(m.sentence, start + 1, at) or not _governed(words):
        return None
    stop = _end_re().search(m.sentence, at)
    return start, stop.start() if stop else len(m.sentence)


def _perfect_words(sentence: str) -> bool:
    """A cheap test before the patterns: "had" or "having" in the sentence."""
    low = sentence.lower()
    return "had" in low or "having" in low


def _remark(sentence: str, opener: re.Match[str], verb: list[str]) -> bool:
    """Whether ``opener`` opens a side remark in the past perfect: no question ("unclear who
    had"), no verb in its subject ("the detainees whom the teams met *had* never received":
    that "had" is the main clause's), and a participle after "had" ("who had a role", "who had
    25 points", "having talks" are no perfect)."""
    subject = opener.group("rel").split()[1:-1]
    if _question(sentence, opener.start("rel")) or any(_past_form(w.lower()) for w in subject):
        return False
    return "been" in opener.group("aux").lower() or (bool(verb) and _participle(verb[0]))


def _question(sentence: str, at: int) -> bool:
    """Whether the "who" / "which" at ``at`` asks a question rather than opening a side remark
    ("it was unclear who had carried out the attack": that attack may be the story's own)."""
    before = sentence[:at].split()
    return bool(before) and before[-1].lower().strip(",") in date_lexicon().question_leads


@lru_cache(maxsize=1)
def _end_re() -> re.Pattern[str]:
    """Where a side remark ends: a comma or dash, or the main clause's auxiliary after a
    subject's relative clause ("Militants that had raided a depot *were* killed on Sunday")."""
    return re.compile(BOUNDARY.pattern + r"|(?i:\b(?:was|were|is|are|has|have|will|would"
                      r"|did|does|can|could|may|might|must|should|said|says)\b)")


def _governed(words: list[str]) -> bool:
    """Whether the trigger after ``words`` (from the verb the perfect governs on) is that verb
    (no words), a verb coordinated with it ("had been seized and *recaptured*"), or the head of
    its object ("had cut short a *visit*", "had attended the *talks*", "had launched drone
    *strikes*": right after a determiner, preposition or particle, or after one and a modifier
    that is no noun: "a two-day *visit*", "a planned *visit*"), with no other verb between
    ("Rebels who had crossed the border *struck* a post": "struck" is the main clause's). An
    act after "to" ("had been scheduled to *host*") is planned, not done in the past perfect."""
    if not words:
        return True
    lex = date_lexicon()
    leads = lex.object_leads | lex.particles | lex.numbers.keys()
    lower = [w.lower() for w in words]
    if len(words) > OBJECT_REACH or any(
            _past_form(w) and lower[k] not in leads and lower[k] not in ("and", "or")
            for k, w in enumerate(lower[1:])):
        return False
    last = lower[-1]
    if last == "to":
        return False  # "had been scheduled to host", "had threatened to strike": not done
    if last in ("and", "or") or last in leads:
        return True
    if len(lower) >= 2 and lower[-2] in leads and ("-" in last or last.endswith("ed")):
        return True  # "a two-day visit", "a planned visit"
    return last in lex.modifiers and (len(lower) == 2 or lower[-2] in lex.particles)


def _participle(word: str) -> bool:
    """A past participle: "crossed", "taken", "flown", "gone", or an irregular form of the
    lexicon ("cut", "fled", "met")."""
    w = word.lower().strip(".,;:!?")
    return w.endswith(("ed", "en", "wn", "ne")) or w in date_lexicon().past_forms


def _past_form(word: str) -> bool:
    """A verb in the past (not a noun ending in "-en" such as "children"): "sued", "struck"."""
    return word.endswith("ed") or word in date_lexicon().past_forms


@lru_cache(maxsize=256)
def aside_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of the sentence's side remarks in the past perfect, whatever act they tell."""
    spans: list[tuple[int, int]] = []
    for o in _opener_re().finditer(sentence) if _perfect_words(sentence) else ():
        if not _remark(sentence, o, sentence[o.end():].split(maxsplit=1)[:1]):
            continue
        stop = _end_re().search(sentence, o.end())
        spans.append((o.start("rel") + (1 if sentence[o.start("rel")] == "," else 0),
                      stop.start() if stop else len(sentence)))
    return tuple(spans)


def beside_dates(m: Mention, dates: list[DateRef]) -> list[DateRef]:
    """The dates of a mention outside any side remark: a date written inside a side remark
    ("The reporter, who had been detained on Monday, was freed") is the remark's act's, not
    the main clause's, unless the trigger is what the remark is about ("the bombings, which had
    occurred on Monday")."""
    at = m.trigger_offset()
    after = at + len(m.trigger)
    spans = [(m.sent_start + a, m.sent_start + b) for a, b in aside_spans(m.sentence)
             if not a <= at < b and not (after <= a and not m.sentence[after:a].strip(" ,"))]
    return [d for d in dates if not any(a <= d.start and d.end <= b for a, b in spans)]


def remark_dates(m: Mention) -> list[DateRef]:
    """Dates written inside the side remark that holds the trigger which the mention was not
    given (the parse may hang "having shelled it on Monday"'s date on the main verb): the
    remark's dates are its act's."""
    at = m.trigger_offset()
    span = next(((a, b) for a, b in aside_spans(m.sentence) if a <= at < b), None)
    if span is None:
        return []
    given = [(d.start - m.sent_start, d.end - m.sent_start) for d in m.dates]
    return [DateRef(m.sentence[a:b], m.sent_start + a, m.sent_start + b)
            for a, b in find_date_expressions(m.sentence)
            if span[0] <= a and b <= span[1] and not any(a < e and s < b for s, e in given)]


def own_dates(m: Mention, dates: list[DateRef], clause: tuple[int, int]) -> list[DateRef]:
    """The dates written inside the side remark (the act's own: "who had been arrested in
    March"), not those of the sentence's main clause."""
    start, end = m.sent_start + clause[0], m.sent_start + clause[1]
    return [d for d in dates if start <= d.start and d.end <= end]
