"""Casualty figures in a parsed sentence: killed, injured, missing and arrested counts.

:func:`find_figures` finds every casualty cue of a sentence (``killed``, ``dead``, ``died``, ``deaths``,
``death toll``, ``the loss of 84 lives``, ``claimed the lives of``, ``wounded``, ``missing``,
``arrested`` ...; see ``data/casualty_words.tsv`` and :mod:`.casualty_cues`, which decides where a
word is a cue) and reads the count its victims are given in:

* the victim of a verb is its object when active (``killed 11 police officers``) and its subject when
  passive or bare (``two children were killed``, ``211 injured``); ``die`` takes its subject;
* an adjective takes its own number or its head's (``95 dead``, ``left 4 dead``, ``three missing``);
* a toll takes the number it rises to, stands at or equals (``the death toll rose to 84``);
* a victim noun gives its count (``84 people``, ``dozens of people``) or, singular with ``a``/``one``,
  the count 1 (``a soldier was killed``); ``no``/``nobody`` give 0; so does a counted ``more``
  (``killed four and injured a dozen more``);
* a person named as the object of a casualty verb counts 1 (``killing Mohammed Deif``);
* ``capture`` counts people only (``captured 12 fighters``, not ``captured two camps``);
* coordinated victims are parts and are summed (``three women and four children`` = 7), but a
  breakdown after ``including`` is not (``seven people, including three women ...`` = 7);
* when the parse links no number, one just before the cue (``84 people killed``) or just after a
  toll is taken. Each number phrase gives at most one figure.

Numbers the NER tags as a date, time, money, percent or quantity, years and ages are never counts.
``casualties`` alone is ambiguous (killed or injured) and is not read, except ``fatal casualties``
(killed) and ``no casualties`` (0 killed and 0 injured). A figure is ``cumulative`` when a running-
total cue (``data/casualty_cumulative.tsv``: ``so far``, ``since``, ``in total``, ``over the past
week``) belongs to its clause. ``group`` is the victim group (``data/casualty_groups.tsv``), parts'
groups joined with ``+``. ``claimant`` is the speaker of the attribution governing the cue
(``..., saying two children were killed``; :func:`.claimants.find_claimant`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Figure, FigureKind, ParsedDoc, Sentence
from .casualty_cues import KINDS, CasualtyLexicon, casualty_lexicon, cue_entry, is_cue
from .claimants import find_claimant
from .numbers import Bounds, NumberPhrase
from .victims import (
    SentenceView,
    adj_victims,
    intrans_victims,
    life_victims,
    noun_victims,
    of_objects,
    toll_victims,
    verb_victims,
)

_ZERO_WORDS = frozenset({"no", "nobody", "none"})
_ONE_DETS = frozenset({"a", "an", "one", "another", "single", "his", "her", "their"})
_GENERIC = "people"
_SELF = frozenset({"himself", "herself"})


@dataclass(frozen=True, slots=True)
class _Hit:
    bounds: Bounds
    first: int  # token range of the text
    last: int
    group: str | None
    nums: tuple[int, ...]  # heads of the number phrases used


def find_figures(pdoc: ParsedDoc, sent: Sentence) -> list[Figure]:
    """Every casualty figure stated in ``sent``, in text order."""
    lex = casualty_lexicon()
    toks = pdoc.tokens
    cues = [i for i in range(sent.tok_start, sent.tok_end) if is_cue(lex, toks[i])]
    if not cues:
        return []
    view = SentenceView(pdoc, sent)
    figures: list[Figure] = []
    used: set[int] = set()
    entries = [(c, e) for c in cues if (e := cue_entry(view, lex, c)) is not None]
    done: set[int] = set()
    for linear in (False, True):  # links in the parse first, then "84 people killed" by position
        for c, (kind, role) in entries:
            if c in done:
                continue
            hit = _linear_hit(view, lex, c, role) if linear else _dependency_hit(view, lex, c, role)
            if hit is None or used.intersection(hit.nums):
                continue
            used.update(hit.nums)
            done.add(c)
            kinds: list[FigureKind] = ["killed", "injured"] if kind == "both" else [KINDS[kind]]
            figures += [_figure(view, lex, k, hit, c) for k in kinds]
    figures.sort(key=lambda f: f.start)
    return figures


def _dependency_hit(view: SentenceView, lex: CasualtyLexicon, c: int, role: str) -> _Hit | None:
    finder = {"verb": verb_victims, "intrans": intrans_victims, "adj": adj_victims,
              "noun": noun_victims, "toll": toll_victims, "life": life_victims,
              "capture": verb_victims}.get(role)
    if finder is None:
        return None
    victims = finder(view, c)
    if role == "capture":  # "captured two camps": things are not captives
        victims = [v for v in victims if _person(view, lex, v)]
    count = _count_head(view, lex, c)
    if count is not None:  # "the number of people killed rose to 95"
        victims += toll_victims(view, count)
    victims = list(dict.fromkeys(victims))  # a number subject is also a number child: once
    subjects = [v for v in victims
                if view.toks[v].head == c and view.toks[v].dep in ("nsubj", "nsubjpass")]
    counted = [v for v in subjects if v in view.nums or _number_of(view, v) is not None]
    if len(subjects) > 1 and counted:  # "three women, four children were killed": parts
        parts = [_resolve(view, lex, v) for v in counted]  # not a dateline ("Khartoum, 35 ...")
        if all(p is not None for p in parts):
            return _sum([p for p in parts if p is not None])
    for v in victims:
        hit = _resolve(view, lex, v)
        if hit is not None:
            return hit
    return None


def _person(view: SentenceView, lex: CasualtyLexicon, v: int) -> bool:
    tok = view.toks[v]
    return tok.pos in ("NUM", "PRON") or tok.ent_type in ("PERSON", "NORP") or \
        view.lemma(v) in lex.groups or view.low(v) in lex.groups


def _count_head(view: SentenceView, lex: CasualtyLexicon, c: int) -> int | None:
    i = c
    if view.toks[i].dep in ("acl", "relcl", "amod"):
        i = view.toks[i].head
    of = view.toks[i].head
    if view.toks[i].dep != "pobj" or view.low(of) != "of":
        return None
    n = view.toks[of].head
    return n if view.lemma(n) in lex.count_nouns else None


# ---- from a victim token to a count ----------------------------------------------------------

def _resolve(view: SentenceView, lex: CasualtyLexicon, v: int) -> _Hit | None:
    own = _own_count(view, lex, v)
    if own is None:
        return None
    parts = [own]
    for c in _members(view, lex, v, own):
        if is_cue(lex, view.toks[c]):
            break  # "103 deaths and 188 injuries": another count, not a part
        part = _own_count(view, lex, c)
        if part is None or part.bounds[0] is None:
            return own
        parts.append(part)
    if len(parts) == 1 or _breakdown(own, _sum(parts[1:])):
        return own
    return _sum(parts)


def _breakdown(own: _Hit, rest: _Hit) -> bool:
    """"seven people, three women and four children": the parts after a whole that they add up to."""
    return own.group in (None, _GENERIC) and own.bounds[0] is not None and \
        rest.bounds[0] == own.bounds[0]


def _members(view: SentenceView, lex: CasualtyLexicon, v: int, own: _Hit) -> list[int]:
    """The parts coordinated with ``v``: its conjuncts, and a list parsed as an apposition
    ("three women, four children and two men") when it names other groups; an apposition to
    ``people`` is a breakdown ("seven people, three women and four children")."""
    stack = view.children(v, "conj")
    if own.group != _GENERIC:
        stack += [a for a in view.children(v, "appos")
                  if _group(view, lex, a) not in (None, _GENERIC, own.group)]
    out: list[int] = []
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack += view.children(c, "conj")
    return sorted(out)


def _own_count(view: SentenceView, lex: CasualtyLexicon, v: int) -> _Hit | None:
    """The count of one victim phrase: its number, "a"/"one" (1) or "no" (0)."""
    num = view.nums.get(v)
    tok = view.toks[v]
    if num is not None:
        return _Hit(num.bounds, num.first, num.last, _of_group(view, lex, v), (num.head,))
    if tok.pos not in ("NOUN", "PROPN", "PRON") and not (tok.pos == "ADJ" and tok.dep in (
            "dobj", "nsubj", "nsubjpass")):  # "injured 8 more", "a dozen more were hurt"
        return None
    if view.lemma(v) in lex.count_nouns:  # "a total of 11 people", "the number of dead"
        for o in of_objects(view, v):
            hit = _own_count(view, lex, o)
            if hit is not None:
                return hit
    num = _number_of(view, v)
    group = _group(view, lex, v)
    if num is not None:
        return _Hit(num.bounds, num.first, max(num.last, v), group, (num.head,))
    return _determiner_count(view, lex, v, group)


def _number_of(view: SentenceView, v: int) -> NumberPhrase | None:
    for k in view.kids.get(v, ()):
        if k in view.nums and view.toks[k].dep not in ("prep", "conj", "appos"):
            return view.nums[k]
    for k in range(v - 1, max(view.lo, v - 8) - 1, -1):  # "Four Border Service (BPS) personnel"
        if k in view.nums:
            return view.nums[k] if _modifies(view, view.nums[k].head, v) else None
    of = view.toks[v].head
    if view.toks[v].dep == "pobj" and view.low(of) == "of":  # "dozens of people"
        return view.nums.get(view.toks[of].head)
    return None


_NAME_DEPS = frozenset({"compound", "nmod", "nummod", "amod", "appos", "punct"})


def _modifies(view: SentenceView, k: int, v: int) -> bool:
    """``k`` hangs off ``v`` through a name or modifiers before it ("Four Harbour Service")."""
    for _ in range(6):
        if view.toks[k].dep not in _NAME_DEPS or view.toks[k].head == k:
            return False
        k = view.toks[k].head
        if k == v:
            return True
    return False


def _determiner_count(view: SentenceView, lex: CasualtyLexicon, v: int, group: str | None) -> _Hit | None:
    low = view.low(v)
    if low in _ZERO_WORDS:
        return _Hit((0, 0, 0), v, v, None, (v,))
    if low in _SELF and view.children(v, "conj"):  # "killed himself and six soldiers"
        return _Hit((1, 1, 1), v, v, None, (v,))
    if _named_victim(view, lex, v):  # "killing Soleimani"
        first = v
        while first > view.lo and view.toks[first].ent_iob == "I":
            first -= 1
        return _Hit((1, 1, 1), first, v, group, (v,))
    dets = view.children(v, "det", "nummod", "poss")  # "a policeman", "his son"
    words = {view.low(d) for d in dets}
    if "no" in words:
        return _Hit((0, 0, 0), min(dets), v, group, (v,))
    if words & _ONE_DETS and view.toks[v].tag in ("NN", "NNP") and view.lemma(v) in lex.groups:
        return _Hit((1, 1, 1), min(dets), v, group, (v,))
    return None


def _named_victim(view: SentenceView, lex: CasualtyLexicon, v: int) -> bool:
    """A person named as the direct object or passive subject of a casualty verb."""
    tok = view.toks[v]
    if tok.ent_type != "PERSON" or tok.pos != "PROPN":
        return False
    head = view.toks[tok.head].head if tok.dep == "conj" else tok.head
    arg = tok.dep in ("dobj", "nsubjpass") or (tok.dep == "conj" and view.toks[tok.head].dep in (
        "dobj", "nsubjpass"))
    return arg and (view.lemma(head) in lex.cues or view.low(head) in lex.cues)


def _group(view: SentenceView, lex: CasualtyLexicon, v: int) -> str | None:
    group = lex.groups.get(view.lemma(v)) or lex.groups.get(view.low(v))
    for k in view.children(v, "compound"):
        group = lex.groups.get(view.lemma(k), group)  # "police officers"
    if group in (None, _GENERIC):
        group = _of_group(view, lex, v) or group
    return group


def _of_group(view: SentenceView, lex: CasualtyLexicon, v: int) -> str | None:
    for o in of_objects(view, v):
        g = _group(view, lex, o)
        if g is not None:
            return g
    return None


def _sum(parts: Sequence[_Hit]) -> _Hit:
    def total(values: list[int | None]) -> int | None:
        return None if any(x is None for x in values) else sum(x for x in values if x is not None)

    bounds = (total([p.bounds[0] for p in parts]), total([p.bounds[1] for p in parts]),
              total([p.bounds[2] for p in parts]))
    groups = list(dict.fromkeys(p.group for p in parts if p.group))
    group = "+".join(groups) if groups else None
    nums = tuple(n for p in parts for n in p.nums)
    return _Hit(bounds, min(p.first for p in parts), max(p.last for p in parts), group, nums)


# ---- linear fallback -------------------------------------------------------------------------

_BRIDGE_POS = frozenset({"ADJ", "AUX", "PART", "ADV", "DET"})


def _linear_hit(view: SentenceView, lex: CasualtyLexicon, c: int, role: str) -> _Hit | None:
    """"84 people killed" or "the toll ... to 84" when the parse did not link them."""
    if role == "toll":
        for k in range(c + 1, min(c + 7, view.hi)):
            if k in view.nums and view.nums[k].head == k:
                num = view.nums[k]
                return _Hit(num.bounds, num.first, num.last, None, (k,))
        return None
    if role not in ("verb", "intrans", "adj"):
        return None
    k = c - 1
    while k >= view.lo and c - k <= 5:
        tok = view.toks[k]
        if k in view.nums:
            num = view.nums[k]
            head = view.toks[num.head]
            whole = _resolve(view, lex, head.head) if head.dep == "nummod" else None
            return whole or _Hit(num.bounds, num.first, num.last, None, (num.head,))
        if tok.pos not in _BRIDGE_POS and view.lemma(k) not in lex.groups:
            return None
        k -= 1
    return None


# ---- the figure ------------------------------------------------------------------------------

def _figure(view: SentenceView, lex: CasualtyLexicon, kind: FigureKind, hit: _Hit, cue: int) -> Figure:
    start, end = view.toks[hit.first].idx, view.toks[hit.last].end
    best, low, high = hit.bounds
    said = find_claimant(view.pdoc, view.sent, cue)
    return Figure(kind=kind, best=best, low=low, high=high, text=view.text[start:end], start=start,
                  end=end, claimant=said[0] if said else None,
                  cumulative=_is_cumulative(view, lex, cue, hit), group=hit.group)


def _is_cumulative(view: SentenceView, lex: CasualtyLexicon, cue: int, hit: _Hit) -> bool:
    scope = _scope(view, cue) | set(hit.nums)
    for k in range(view.lo, view.hi):
        rules = lex.cumulative.get(view.lemma(k)) or lex.cumulative.get(view.low(k))
        if rules and any(_rule_holds(view, lex, k, r, scope) for r in rules):
            return True
    return False


def _scope(view: SentenceView, cue: int) -> set[int]:
    """The cue and its heads up to the sentence root: the clause the figure belongs to."""
    scope = {cue}
    i = cue
    while view.toks[i].head != i and len(scope) < 12:
        i = view.toks[i].head
        scope.add(i)
    return scope


def _rule_holds(view: SentenceView, lex: CasualtyLexicon, k: int, rule: str, scope: set[int]) -> bool:
    if rule.startswith("after:"):
        return k > view.lo and view.low(k - 1) == rule[6:]
    if rule == "period":
        noun = view.toks[k].head
        prep = view.toks[noun].head
        return view.lemma(noun) in lex.period_nouns and view.toks[noun].dep == "pobj" and \
            view.low(prep) in ("over", "in", "during", "within", "for", "throughout") and \
            view.toks[prep].head in scope
    if rule != "scope" or any(view.low(d) in ("a", "an") for d in view.children(k, "det")):
        return False  # "a total of 5 people" is this event's count
    a = view.toks[k].head
    if view.toks[k].dep == "mark" or view.toks[a].pos == "ADP":
        a = view.toks[a].head
    return a in scope
