"""Regular expressions for date expressions, built once from the date lexicon.

Each *rule* is one regex with named groups. The finder searches with every rule (wrapped with an
optional leading preposition and word guards) and keeps the longest non-overlapping matches; the
normaliser full-matches a cleaned expression against the same rules, in order, and hands the match
to the rule's resolver. Month and weekday names match only in Title or UPPER case ("May", "MAY",
not the verb "may"); everything else is case-insensitive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .date_lexicon import alternation, lexicon

YEAR = r"(?:19\d\d|20\d\d|2100)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
RANGE = r"(?:\s*(?:-|–|—|/|(?i:to|and|or|through))\s*" + DAY + ")?"
PREP = r"(?i:in|on|since|by|until|till|from|during|before|after|through|throughout|as\s+of)"
# A year is not a year when it is part of a bigger number, money, a percentage, a clock time or a
# decade ("1990s").
YEAR_GUARD_BEFORE = r"(?<![\d$€£¥.,:/])(?<!\d-)"
YEAR_GUARD_AFTER = (r"(?!\d|s\b|\s*%|\s*(?i:percent|per\s+cent|GMT|UTC|hrs|hours|h\b|local\s+time)"
                    r"|[.,:]\d)")

# Rules whose match does not name a time by itself but a shift from another event's date.
ANAPHORIC = frozenset({"shift", "anaphor_the", "anaphor_unit_rel", "same_day"})
# Rules the finder only accepts with a preposition or a modifier in front ("in March", "last May").
NEEDS_CONTEXT = frozenset({"month"})


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]  # for fullmatch on a cleaned expression
    finder: re.Pattern[str]  # for search in running text (without the leading preposition)
    keys: tuple[str, ...]  # the lower-cased text must contain one of these ("" = a digit)


def _month() -> str:
    lex = lexicon()
    full = alternation(lex.month_full, cased=True)
    abbr = alternation(lex.month_abbr, cased=True)
    return rf"(?:{full}|{abbr}\.?)(?![\w])"


def _weekday(abbr: bool = False) -> str:
    lex = lexicon()
    full = alternation(lex.weekday_full, cased=True)
    if not abbr:
        return rf"{full}(?!\w)"
    short = alternation(lex.weekday_abbr, cased=True)
    return rf"(?:{full}|{short}\.?)(?!\w)"


def _number() -> str:
    lex = lexicon()
    words = alternation(list(lex.numbers))
    tens = alternation(list(lex.tens))
    units = alternation([w for w, v in lex.numbers.items() if 1 <= v <= 9 and len(w) > 2])
    return rf"(?:\d{{1,4}}|{tens}(?:[\s-]{units})?|{words})"


def _parts() -> tuple[str, str]:
    """(adjective parts "early|mid|late", noun parts "beginning|start|end|middle")."""
    parts = lexicon().parts
    adjectives = [w for w, v in parts.items() if w == v]
    nouns = [w for w, v in parts.items() if w != v]
    return alternation(adjectives), alternation(nouns)


def _part_prefix() -> str:
    adj, noun = _parts()
    return (rf"(?:(?P<part>{adj})(?:\s+|\s*-\s*)(?:(?i:in|of)\s+)?"
            rf"|(?i:the\s+)?(?P<partn>{noun})\s+(?i:of)\s+)")


def _time_of_day(bare_part: bool = True) -> str:
    """A time of day before a day: "in the early hours of", "late on", "before dawn on", "on the
    night of" (the day is still the event's day). Without ``bare_part`` "early"/"late" need an
    "on" ("late on January 16", not "in early January 16 people …")."""
    light = alternation(list(lexicon().daylight))
    on = r"(?:on\s+)?" if bare_part else r"on\s+"
    return (r"(?i:(?:in\s+)?(?:the\s+)?(?:early|small|wee)\s+(?:morning\s+)?hours\s+(?:of|on)\s+"
            rf"|(?:early|late|earlier|later)\s+{on}"
            rf"|(?:(?:just|shortly|well)\s+)?(?:(?:before|after|at|around)\s+)?{light}\s+(?:on\s+)?"
            r"|(?:on\s+)?the\s+(?:night|morning|evening|afternoon|eve)\s+of\s+)")


def _rule_sources() -> list[tuple[str, str]]:
    lex = lexicon()
    month, wd, wda, num = _month(), _weekday(), _weekday(abbr=True), _number()
    year = YEAR_GUARD_BEFORE + rf"(?P<y>{YEAR})" + YEAR_GUARD_AFTER
    rel = r"(?P<rel>(?i:last|this|next|past|previous|coming|this\s+coming|the\s+coming))\s+"
    rel2 = r"(?P<rel2>(?i:last|this|next|past|previous|coming))\s+"
    units = alternation(list(lex.units))
    dirs = alternation(list(lex.directions))
    ana = alternation(list(lex.anaphors))
    dayparts = alternation(list(lex.dayparts))
    reldays = alternation(list(lex.reldays))
    period = r"(?:(?i:fiscal|financial|calendar)\s+)?(?P<unit>(?i:week|month|year|weekend))"
    qual = (r"(?:(?P<q>(?i:less|more|fewer))\s+(?i:than)\s+|(?i:about|around|nearly|almost|some"
            r"|just|only|barely|roughly|over|under|within|a\s+full|not\s+even)\s+)")
    tod, tod_day = _time_of_day(), _time_of_day(bare_part=False)
    wd_prefix = rf"(?:{tod_day})?(?:{wda},?\s+(?i:the\s+)?)?"
    return [
        ("iso", rf"{YEAR_GUARD_BEFORE}(?P<y>{YEAR})(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
                r"(?P<d>[12]\d|3[01]|0?[1-9])(?![\d])"),
        ("numeric", r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
                    r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d/.]\d)"),
        ("mdy", rf"{wd_prefix}(?P<mon>{month})\s*(?P<d>{DAY}){RANGE}(?:,?\s+{year})?"),
        ("dmy", rf"{wd_prefix}(?:(?i:the)\s+)?(?P<d>{DAY}){RANGE}\s+(?i:of\s+)?(?P<mon>{month})"
                rf"(?:,?\s+{year})?"),
        ("dmy_dash", rf"(?P<d>{DAY})(?P<sep>[-/])(?P<mon>{month})(?P=sep)(?P<y>{YEAR})(?!\d)"),
        ("day_only", rf"(?:{tod_day})?(?i:the\s+)(?P<d>(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th))(?!\w)"
                     rf"(?:\s+(?i:of\s+(?:this|the\s+same|that)\s+month))?"),
        ("month_year", rf"{_part_prefix()}?(?P<mon>{month})(?:\s+(?i:of))?,?\s+"
                       rf"(?:{year}|(?P<yrel>(?i:last|this|next))\s+(?i:year))"),
        ("month", rf"(?:{rel})?{_part_prefix()}?(?:{rel2})?(?P<mon>{month})"),
        ("year", rf"{_part_prefix()}?{year}(?:\s*[-–]\s*(?<![\d$€£¥.,:/]){YEAR}(?!\d))?"),
        ("weekday", rf"(?:{tod})?(?:{rel})?(?P<wd>{wd})(?:\s+(?P<dp>{dayparts}))?"),
        ("relday", rf"(?:(?i:early|late|earlier|later)\s+)?(?P<word>{reldays})"),
        ("relperiod", rf"(?:(?P<when>(?i:earlier|later))\s+(?:(?i:in|this)\s+)?(?i:the\s+)?"
                      rf"|{_part_prefix()})?"
                      rf"(?P<rel>(?i:last|this|next|past|previous|coming|the\s+past|the\s+last"
                      rf"|the\s+coming|over\s+the|the))\s+{period}"),
        ("ago", rf"(?:{qual})?(?P<n>{num})\s+(?P<unit>{units})(?:\s+(?i:or\s+so))?\s+"
                r"(?i:ago|back)"),
        ("shift", rf"(?:{qual})?"
                  rf"(?:(?P<n>{num})\s+)?(?P<unit>{units})\s+(?P<dir>{dirs})"),
        ("anaphor_the", rf"(?i:the)\s+(?P<ana>{ana})\s+(?P<unit>(?i:day|night|morning|afternoon"
                        rf"|evening|week|weekend|month|year))"),
        ("anaphor_unit_rel", r"(?i:the)\s+(?P<unit>(?i:day|night|week|month|year))\s+"
                             r"(?P<dir>(?i:before|after|prior))"),
        ("same_day", r"(?i:(?:later|earlier)\s+(?:in\s+)?(?:that|the\s+same)\s+"
                     r"|that\s+(?:same\s+)?|the\s+same\s+)"
                     r"(?P<unit>(?i:day|night|morning|afternoon|evening|week|month|year))"),
    ]


def _keys() -> dict[str, tuple[str, ...]]:
    """Cheap pre-checks: a rule can only match a text that contains one of its keys."""
    lex = lexicon()
    months = tuple(sorted({w[:3] for w in lex.month_full}))
    units = tuple(sorted({w.rstrip("s") for w in lex.units} | set(lex.dayparts)))
    reldays = tuple(sorted({w.split()[-1] for w in lex.reldays}))
    return {
        "iso": ("",), "numeric": ("",), "year": ("",), "mdy": months, "dmy": months,
        "dmy_dash": months, "day_only": ("st", "nd", "rd", "th"),
        "month_year": months, "month": months, "weekday": tuple(lex.weekday_full),
        "relday": reldays, "relperiod": ("week", "month", "year"), "ago": ("ago", "back"),
        "shift": units, "anaphor_the": units, "anaphor_unit_rel": units, "same_day": units,
    }


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """All rules, in normalisation priority order, compiled once."""
    keys = _keys()
    return tuple(Rule(name, re.compile(src), re.compile(rf"(?<![\w-])(?:{src})(?![\w])"),
                      keys[name])
                 for name, src in _rule_sources())


@lru_cache(maxsize=1)
def prep_re() -> re.Pattern[str]:
    """A leading temporal preposition of an expression ("in", "since", ...)."""
    return re.compile(rf"(?P<prep>{PREP})\s+")


@lru_cache(maxsize=1)
def prep_before_re() -> re.Pattern[str]:
    """A temporal preposition right before a position (search with ``endpos``)."""
    return re.compile(rf"(?<![\w-])(?:{PREP})\s+\Z")


@lru_cache(maxsize=1)
def year_re() -> re.Pattern[str]:
    """An explicit year 1900–2100 in running text."""
    before = rf"(?:{YEAR_GUARD_BEFORE}|(?<=(?:19|20)\d\d[-–]))"
    return re.compile(rf"(?<![\w]){before}({YEAR}){YEAR_GUARD_AFTER}(?!\w)")
