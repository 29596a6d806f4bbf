"""Dates of speech verbs: "said on Tuesday that it had fired rockets".

``extract.spans`` marks a date that tells when something was said in its rule
("statement@<offset>" of the speech verb); these helpers read and keep that mark.

An act the statement tells in an earlier tense ("said on Thursday that two of its members *had
carried out* the bombings", "... that five guards *had been* killed") was done by the day of the
statement, not on it: that day bounds the act and is no stated day of it. Such an act dated only
by the statement keeps the day with rule :data:`BY_STATEMENT_RULE` (not among the stated rules),
so that a day another report states for the act wins. An act told in the simple past ("said on
Thursday it carried out strikes") keeps the statement's day as stated: news reports mostly date
such acts to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import DateRef, Mention
from .date_lexicon import lexicon as date_lexicon

# Adverbs that may stand between "had" and its participle ("had already been"), besides any -ly word.
PERFECT_ADVERBS = "not|never|already|just|also|previously|earlier|since|first"
STATEMENT_RULE = "statement"  # extract.spans marks a date of a speech verb "statement@<offset>"
BY_STATEMENT_RULE = "by-statement"  # Mention.date_rule: an act done by the day it was said


@lru_cache(maxsize=1)
def _perfect_re() -> re.Pattern[str]:
    """"had carried", "had already been": a past perfect and the word after it."""
    return re.compile(r"(?i)\bhad\s+(?:(?:" + PERFECT_ADVERBS + r"|\w+ly)\s+){0,2}(\w+)")


def statement_verb(d: DateRef) -> int | None:
    """The character offset of the speech verb ``d`` dates ("said on Tuesday that ..."), as
    ``extract.spans`` marks it in the rule ("statement@<offset>", before "+" and the normalising
    rule), else None."""
    head = (d.rule or "").split("+", 1)[0]
    if not head.startswith(STATEMENT_RULE + "@"):
        return None
    offset = head[len(STATEMENT_RULE) + 1:]
    return int(offset) if offset.isdigit() else None


def with_statement(d: DateRef, rule: str | None) -> str | None:
    """``rule`` with the speech-verb mark of ``d`` kept in front of it."""
    verb = statement_verb(d)
    if verb is None:
        return rule
    mark = f"{STATEMENT_RULE}@{verb}"
    return f"{mark}+{rule}" if rule else mark


def told_in_statement(m: Mention, d: DateRef) -> bool:
    """Whether the mention's act is told inside the statement ``d`` dates (its trigger is not
    the speech verb itself): the date is then when it was said, a bound on the act."""
    verb = statement_verb(d)
    return verb is not None and m.trigger_start != verb


def earlier_tense(m: Mention, d: DateRef) -> bool:
    """Whether the mention's act is told in the past perfect under the speech verb ``d`` dates
    ("said on Thursday that its fighters had attacked the post", "... the post had been
    shelled"): the last "had" between the verb and the end of the trigger is an auxiliary (the
    word after it is no determiner or object: "said it had no role")."""
    verb = statement_verb(d)
    if verb is None or not verb < m.trigger_start:
        return False
    clause = m.sentence[verb - m.sent_start:m.trigger_end - m.sent_start]
    found = _perfect_re().findall(clause)
    return bool(found) and found[-1].lower() not in date_lexicon().have_objects
