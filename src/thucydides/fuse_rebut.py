"""A rebuttal is part of its speaker's accusation: one reaction to one incident.

A government answering an incident does it in one statement that condemns the other side and
rejects its account: "Serbia condemned the arrest of a Serb policeman ... Serbia rejected
Kosovo's claim that he was armed". The rejection answers the other side's *statement* (its
claim, its allegations, "denied that ..."), not a proposal or a demand, so it is no act of its
own but the other face of the accusation. An event made only of such rebuttals, from one
article, folds into the one event holding an accusation of that article by the same speaker's
state on the same day whose target does not contradict it. A rejection of a proposal, a
rebuttal by another party or on another day, stays an event of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from .errors import ConfigError
from .fuse_cluster import Cluster, country
from .records import Mention

_FILE = "rebuttal_objects.txt"
REJECT, ACCUSE = "reject", "accuse"


@lru_cache(maxsize=1)
def _object_pattern() -> re.Pattern[str]:
    try:
        text = resources.files("thucydides").joinpath("data", _FILE).read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read rebuttal objects: {exc}", path=_FILE) from exc
    nouns = [w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    if not nouns:
        raise ConfigError("no rebuttal objects", path=_FILE)
    alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"\W*(?:that\b|(?:[\w’'-]+\W+){{0,3}}?(?:{alternation})s?\b)",
                      re.IGNORECASE)


def rebuttal(m: Mention) -> bool:
    """Whether ``m`` rejects or denies another party's statement ("rejected the claims",
    "denied that ..."), read off the words after its trigger."""
    if m.type.plover != REJECT:
        return False
    at = m.trigger_offset()
    if m.sentence[at:at + len(m.trigger)] != m.trigger:
        return False
    return _object_pattern().match(m.sentence, at + len(m.trigger)) is not None


def adopt_rebuttals(clusters: Sequence[Cluster]) -> list[Cluster]:
    """``clusters`` with each event made only of one article's rebuttals folded into the one
    event holding that article's accusation by the same state on the same day."""
    accusing: dict[str, list[Cluster]] = {}  # article → events holding its accusations
    for c in clusters:
        for doc in {m.doc_id for m in c.mentions if m.type.plover == ACCUSE}:
            accusing.setdefault(doc, []).append(c)
    out: list[Cluster] = []
    for c in clusters:
        target = _accusation(c, accusing) if all(rebuttal(m) for m in c.mentions) else None
        if target is None:
            out.append(c)
            continue
        for m in c.mentions:
            target.add(m)
    return out


def _accusation(c: Cluster, accusing: dict[str, list[Cluster]]) -> Cluster | None:
    if len(c.docs) != 1 or c.consensus("actor1") is None:
        return None
    fits = [d for d in accusing.get(next(iter(c.docs)), []) if d.happened == c.happened
            and any(_answers(m, x) for m in c.mentions for x in d.mentions)
            and _no_clash(c.consensus("actor2"), d.consensus("actor2"))]
    return fits[0] if len(fits) == 1 else None


def _answers(m: Mention, x: Mention) -> bool:
    """Whether rebuttal ``m`` and accusation ``x`` are one article's report of one state's
    reaction on one day."""
    return (x.type.plover == ACCUSE and x.doc_id == m.doc_id and x.date == m.date
            and m.date is not None and country(m.actor1) is not None
            and country(x.actor1) == country(m.actor1)
            and _no_clash(country(m.actor2), country(x.actor2)))


def _no_clash(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b
