"""Find date expressions in running text (a supplement to spaCy's DATE entities).

Every rule of :mod:`date_patterns` whose cheap key check passes is searched over the text; the
longest non-overlapping matches win. A span includes a leading temporal preposition ("on Tuesday",
"in 2020", "since 2012") but not a possessive ("Tuesday's attack" → "Tuesday").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .date_patterns import ANAPHORIC, Rule, prep_before_re, rules

# a plural noun after a number ("2020 soldiers"), not "analysis", "crisis", "census", "class"
_LOWER_PLURAL = re.compile(r"\s+[a-z]*[a-hj-rtv-z]s\b")
_DIGIT = re.compile(r"\d")
_NEXT_WORD = re.compile(r"\s*[A-Za-z]")
_PREP_REACH = 24  # longest preposition plus spaces looked for before a match


@dataclass(frozen=True, slots=True)
class RuleMatch:
    rule: str
    start: int  # includes a leading preposition
    end: int
    match: re.Match[str]
    prep: bool


def _applies(rule: Rule, lower: str, has_digit: bool) -> bool:
    return any(has_digit if k == "" else k in lower for k in rule.keys)


def _prep_start(text: str, start: int) -> int | None:
    m = prep_before_re().search(text, max(0, start - _PREP_REACH), start)
    return None if m is None else m.start()


def rule_matches(text: str, names: frozenset[str] | None = None) -> Iterator[RuleMatch]:
    """Every accepted match of every rule (restricted to ``names``), overlapping ones included."""
    lower = text.lower()
    has_digit = _DIGIT.search(text) is not None
    for rule in rules():
        if (names is not None and rule.name not in names) or not _applies(rule, lower, has_digit):
            continue
        for m in rule.finder.finditer(text):
            prep = None if rule.name in ANAPHORIC else _prep_start(text, m.start())
            if m.end() > m.start() and _accept(rule.name, m, text, prep is not None):
                start = m.start() if prep is None else prep
                yield RuleMatch(rule.name, start, m.end(), m, prep is not None)


def _accept(name: str, m: re.Match[str], text: str, prep: bool) -> bool:
    """Context checks the regex alone can't express cheaply."""
    groups = m.groupdict()
    part = bool(groups.get("part") or groups.get("partn"))
    if name == "month":
        # A month name alone needs a preposition or modifier ("in March", "last May", "mid-June").
        return prep or part or bool(groups.get("rel") or groups.get("rel2"))
    if name == "year":
        # "2020 soldiers": a bare number before a plural noun is a count, not a year.
        return prep or part or _LOWER_PLURAL.match(text, m.end()) is None
    if name == "relperiod":
        rel = (groups.get("rel") or "").lower()
        return rel != "the" or part or bool(groups.get("when")) or groups["unit"].lower() == "weekend"
    if name == "day_only":
        # "on the 16th" but not "the 5th Brigade" / "on the 3rd floor".
        timed = text[m.start():m.start("d")].strip().lower() != "the"  # "the night of the 16th"
        return (prep or timed) and _NEXT_WORD.match(text, m.end()) is None
    if name == "shift":
        # "days later" without a count is fine, "day on"/"year before" without one is not.
        return bool(groups.get("n")) or groups["unit"].lower().endswith("s")
    return True


def find_date_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of date expressions in ``text``, in text order."""
    spans = sorted({(r.start, r.end) for r in rule_matches(text)}, key=lambda s: (s[0] - s[1], s[0]))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    return sorted(kept)
