"""Words around a toponym that say what it is in its sentence: a location ("in Zabol"), a venue
("talks in Islamabad"), an owner ("Iran's Revolutionary Guards"), a speaker ("Islamabad said"),
a diplomatic post ("its ambassador to Tehran")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import ActorRef, PlaceRef
from .geo_data import place_nouns, read_words

LOCATED = re.compile(r"\b(?:in|at|on|into|near|inside|across)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                     r"(?:of\s+|(?-i:[A-Z])[\w'’-]+,\s+)?$", re.IGNORECASE)
POSSESSIVE_NEXT = re.compile(r"['’]s((?:\s+[\w-]+){1,3})")
LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|to)\s+(?:the\s+)?(?:\w+ )?$", re.IGNORECASE)
VENUE = re.compile(r"\b(?:in|at|inside)\s+(?:the\s+)?(?:(?:city|town|capital)\s+of\s+)?$",
                   re.IGNORECASE)
ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)
POST_REACH = 40
IRREGULAR_SPEECH = frozenset({"said", "says", "told", "wrote", "put", "called", "calls"})  # "X called it …"

__all__ = ["located", "locative", "origin", "overlaps", "owner_of_next", "post", "speaker",
           "speech_verbs", "venue"]


def locative(text: str, start: int) -> bool:
    """The place is introduced as a location: "in Zabol", "near the Iranian border"."""
    return LOCATIVE.search(text, max(0, start - 14), start) is not None


def venue(text: str, start: int) -> bool:
    """The place is where something is, right after "in" / "at": "landed in Islamabad"."""
    return VENUE.search(text, max(0, start - 24), start) is not None


def origin(text: str, start: int) -> bool:
    """Where something came from, not where it struck: "drones launched from Tabriz"."""
    return ORIGIN.search(text, max(0, start - 40), start) is not None


def located(text: str, start: int) -> bool:
    """Introduced as where things are: "in Zabol", "in the troubled province of Sistan", the
    region of a town: "in Zabol, Sistan and Baluchestan"."""
    return LOCATED.search(text, max(0, start - 40), start) is not None


def owner_of_next(text: str, end: int) -> bool:
    """"Iran's Revolutionary Guards": the place owns what follows (a place noun within the next
    words, "Pakistan's southwest", "Iran's Yazd province", still names a place)."""
    m = POSSESSIVE_NEXT.match(text, end)
    return m is not None and not any(w.lower() in place_nouns() for w in m.group(1).split())


def speaker(text: str, end: int) -> bool:
    """A place that speaks ("Islamabad said on Thursday its forces struck …") is a claimant."""
    return bool(speech_pattern().match(text, end))


@lru_cache(maxsize=1)
def speech_pattern() -> re.Pattern[str]:
    """ " said", " has confirmed", "'s foreign ministry said" … after a name (from
    data/attribution_verbs.tsv)."""
    lemmas = speech_verbs()
    forms = {f for w in lemmas for f in (w, w + "s", w + "ed", w + "d")} | IRREGULAR_SPEECH
    alt = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return re.compile(rf"\s*(?:has |have |had |also |later |on \w+ )*(?:{alt})\b")


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs of speech (the claimant extractor's attribution lexicon)."""
    from ..extract.claimants import attribution_lexicon  # the claimant extractor's verbs

    return frozenset(attribution_lexicon().verbs)


def post(text: str, start: int) -> bool:
    """A diplomatic post ("its ambassador to Tehran", "the embassy in Kabul"), not a location."""
    return post_pattern().search(text, max(0, start - POST_REACH), start) is not None


@lru_cache(maxsize=1)
def post_pattern() -> re.Pattern[str]:
    """ "ambassador to ", "embassy in the " … right before a place (data/places_posts.txt)."""
    nouns = read_words("places_posts.txt")
    alt = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in nouns), key=len,
                          reverse=True))
    return re.compile(rf"(?i)\b(?:{alt})\s+(?:to|in|at|from)\s+(?:the\s+)?\Z")


def overlaps(p: PlaceRef, a: ActorRef | None) -> bool:
    return a is not None and p.start < a.end and a.start < p.end
