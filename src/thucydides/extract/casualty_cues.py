"""Casualty cues: the lexicons of extract/casualties.py, and which words are cues where they stand.

:func:`cue_entry` gives the kind (killed, injured, missing, arrested) and role (how the victims
are found; see ``data/casualty_words.tsv``) of a cue word in its sentence:

* a phrasal verb counts with its particle (``were gunned down``, ``mowed down``);
* a verb cue used as a noun with an ``of`` object counts that object (``the massacre of 30
  villagers``), and a noun cue with a direct object is read as a verb (``killing nine``);
* two coordinated cues of different kinds sharing one object (``killed and wounded scores of
  militants``, ``killing or injuring 26``) state no count of either kind;
* ``death`` in ``death toll`` is read by the toll; ``casualties`` only as ``fatal casualties``
  (killed) and ``no casualties`` (0 killed, 0 injured).

:func:`revised_figure` tells a figure stated as a revision of earlier ones (``the death toll rose
to 84``, ``bringing the toll to nine``: ``data/casualty_revision.tsv``), which the consensus
prefers over figures reported no later (thucydides.consensus). :func:`other_incident` tells an
event word presented as another incident than the story's own (``another explosion``, ``a second
blast``, ``also reported an explosion``: ``data/casualty_other_incident.tsv``), whose figures
reconcile.py keeps as claims of a part, not as the toll of the event it is fused into.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ..errors import ConfigError
from ..records import FigureKind, Token
from .numbers import read_tsv
from .victims import SentenceView, of_objects

CUES_FILE = "casualty_words.tsv"
GROUPS_FILE = "casualty_groups.tsv"
CUMULATIVE_FILE = "casualty_cumulative.tsv"
REVISION_FILE = "casualty_revision.tsv"
OTHER_INCIDENT_FILE = "casualty_other_incident.tsv"

KINDS: Mapping[str, FigureKind] = MappingProxyType(
    {"killed": "killed", "injured": "injured", "missing": "missing", "arrested": "arrested"})


@dataclass(frozen=True, slots=True)
class CasualtyLexicon:
    cues: Mapping[str, tuple[str, str]]  # word → (kind, role)
    count_nouns: frozenset[str]
    groups: Mapping[str, str]
    cumulative: Mapping[str, tuple[str, ...]]  # word → rules
    period_nouns: frozenset[str]
    phrasal: Mapping[tuple[str, str], tuple[str, str]]  # (verb lemma, particle) → (kind, role)
    phrasal_verbs: frozenset[str]


@lru_cache(maxsize=1)
def casualty_lexicon() -> CasualtyLexicon:
    """Load the casualty lexicons once per process."""
    cues: dict[str, tuple[str, str]] = {}
    phrasal: dict[tuple[str, str], tuple[str, str]] = {}
    counts: set[str] = set()
    for word, kind, role in read_tsv(CUES_FILE, 3):
        if role == "count":
            counts.add(word)
        elif kind not in KINDS and kind != "ambiguous":
            raise ConfigError(f"unknown casualty kind {kind!r} for {word!r}", path=CUES_FILE)
        elif " " in word:
            verb, particle = word.split(" ", 1)
            phrasal[(verb, particle)] = (kind, role)
        else:
            cues[word] = (kind, role)
    groups = {w: g for w, g in read_tsv(GROUPS_FILE, 2)}
    cumulative: dict[str, tuple[str, ...]] = {}
    periods: set[str] = set()
    for word, rule in read_tsv(CUMULATIVE_FILE, 2):
        if rule == "period_noun":
            periods.add(word)
        else:
            cumulative[word] = (*cumulative.get(word, ()), rule)
    return CasualtyLexicon(MappingProxyType(cues), frozenset(counts), MappingProxyType(groups),
                           MappingProxyType(cumulative), frozenset(periods),
                           MappingProxyType(phrasal), frozenset(v for v, _ in phrasal))


@lru_cache(maxsize=1)
def _revision_re() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for (w,) in read_tsv(REVISION_FILE, 1))
    return re.compile(rf"\b(?:{words})\b(?:[^.;:!?]{{0,40}}?\bto)?\s*$", re.IGNORECASE)


def revised_figure(sentence: str, figure_text: str, near: int = 0) -> bool:
    """Whether ``sentence`` states the figure ``figure_text`` (found nearest to offset ``near``)
    as a revision of earlier ones: "the death toll rose to 84", "bringing the toll to nine"."""
    spots = _spots(sentence, figure_text)
    if not spots:
        return False
    at = min(spots, key=lambda k: abs(k - near))
    return _revision_re().search(sentence[max(0, at - 80):at]) is not None


@lru_cache(maxsize=1)
def _other_incident_re() -> re.Pattern[str]:
    gap = r"\s+(?:[\w-]+\s+){0,2}"  # "…": up to two words
    words = "|".join(re.escape(w).replace(r"\ …\ ", gap).replace(r"\ ", r"\s+")
                     for (w,) in read_tsv(OTHER_INCIDENT_FILE, 1))
    return re.compile(rf"\b(?:{words})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)


def other_incident(sentence: str, trigger: str, near: int = 0) -> bool:
    """Whether the event word ``trigger`` (found nearest to offset ``near`` of ``sentence``) is
    presented as another incident than the story's own: "another explosion", "a second blast"."""
    spots = _spots(sentence, trigger)
    if not spots:
        return False
    at = min(spots, key=lambda k: abs(k - near))
    return _other_incident_re().search(sentence[max(0, at - 60):at]) is not None


def _spots(sentence: str, text: str) -> list[int]:
    spots: list[int] = []
    k = sentence.find(text) if text else -1
    while k >= 0:
        spots.append(k)
        k = sentence.find(text, k + 1)
    return spots


def is_cue(lex: CasualtyLexicon, tok: Token) -> bool:
    """Whether ``tok`` may be a casualty cue (:func:`cue_entry` decides)."""
    lemma = tok.lemma.lower()
    return lemma in lex.cues or tok.text.lower() in lex.cues or lemma in lex.phrasal_verbs


def cue_entry(view: SentenceView, lex: CasualtyLexicon, c: int) -> tuple[str, str] | None:
    """``(kind, role)`` of the casualty cue at token ``c`` in its use here, or None."""
    entry = lex.cues.get(view.low(c)) or lex.cues.get(view.lemma(c)) or _phrasal_entry(view, lex, c)
    if entry is None:
        return None
    head = view.toks[c].head
    if view.toks[c].dep == "compound" and (view.low(head) in lex.cues or view.lemma(head) in lex.cues):
        return None  # "death" in "death toll": the toll reads it
    if entry[0] == "ambiguous":
        return _casualty_entry(view, c)
    kind, role = entry
    if role == "verb" and _shared_object(view, lex, c, kind):
        return None  # "killed and wounded scores": killed and injured together, neither alone
    if role == "verb" and view.toks[c].pos == "NOUN" and of_objects(view, c):
        return kind, "noun"  # "the massacre of 30 villagers"
    if role == "noun" and view.children(c, "dobj"):
        return kind, "verb"  # "killing nine labourers" tagged as a noun
    return entry


def _shared_object(view: SentenceView, lex: CasualtyLexicon, c: int, kind: str) -> bool:
    """``c`` is one of two coordinated cues of different kinds with one object between them."""
    pair = [k for k in view.children(c, "conj") if k == c + 2]
    if view.toks[c].dep == "conj" and view.toks[c].head == c - 2:
        pair.append(c - 2)
    for p in pair:
        other = lex.cues.get(view.lemma(p)) or lex.cues.get(view.low(p))
        if other is None or other[0] == kind or other[1] != "verb" or \
                view.low(min(c, p) + 1) not in ("and", "or"):
            continue
        objects = view.children(c, "dobj") + view.children(p, "dobj")
        if len(objects) == 1:
            return True
    return False


def _phrasal_entry(view: SentenceView, lex: CasualtyLexicon, c: int) -> tuple[str, str] | None:
    """A phrasal verb cue: the verb with its particle ("were gunned down")."""
    for k in view.children(c, "prt"):
        entry = lex.phrasal.get((view.lemma(c), view.low(k)))
        if entry is not None:
            return entry
    return None


def _casualty_entry(view: SentenceView, c: int) -> tuple[str, str] | None:
    """"fatal casualties" are deaths; other uses of "casualties" are ambiguous ("no" is read)."""
    mods = {view.lemma(k) for k in view.children(c, "amod", "det", "compound")}
    if mods & {"fatal", "deadly"}:
        return "killed", "noun"
    return ("both", "noun") if "no" in mods else None
