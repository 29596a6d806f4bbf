"""Dates of speech verbs: "said on Tuesday that it had fired rockets".

``extract.spans`` marks a date that tells when something was said in its rule
("statement@<offset>" of the speech verb); these helpers read and keep that mark.
"""

from __future__ import annotations

from ..records import DateRef, Mention

STATEMENT_RULE = "statement"  # extract.spans marks a date of a speech verb "statement@<offset>"


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
