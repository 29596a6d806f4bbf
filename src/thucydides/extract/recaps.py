"""Recaps of acts told elsewhere: the reports extraction leaves out as back-references.

"The raids drew condemnation from Kenya, *prompting the recall* of its ambassador", "This led
to X denouncing the raids and *downgrading* diplomatic ties", "a subsequent *downgrade* of
ties": the sentence names an act the corpus tells elsewhere, with no facts of its own. The main
pass drops such a noun or gerund (``filters.consequence``, ``filters.back_reference``); for a
trigger row flagged ``recap`` (``data/triggers.tsv``) this pass keeps it as a *recap* mention
(:mod:`thucydides.recap`): its parties, the places of its own phrase and no date. Fusion joins
it to the event it names, or leaves it out. So is a participle clause that tells such an act as
what the main clause's act did, with no date of its own ("the envoy returned home last week,
*halting* ties"): the date is the main act's.

An attack is known by its place: its recap needs a named place in its own phrase ("a response
to recent terrorist acts that killed civilians in X"); fusion matches it by province.

The recap's agent is its own ("Nairobi ... downgrading ties"), else, when it has none or only a
pronoun ("the recall of *its* ambassador"), the party whose reaction the sentence told just
before it ("drew condemnation *from Kenya*, prompting the recall of its ambassador"): the
recall is that party's next step, not the act that drew the reaction.
"""

from __future__ import annotations

from dataclasses import replace

from ..fuse_cluster import LOCATED
from ..recap import RECAP_MARK
from ..records import HAPPENED, Mention, PlaceRef, Sentence
from .candidates import Cand, candidates, positions
from .coref import PRONOUN_ENTS, antecedent
from .filters import habitual, heading_line, party
from .lexicon import Lexicon
from .phrases import PARTY_ENTS, actor_ref
from .referents import PLACE_ENTS
from .spans import places, token_at
from .tree import Tree
from .triggers import match, recap_lemmas

NOMINAL = frozenset({"NOUN", "PROPN"})
REACTION_QUAD = 3  # verbal conflict: condemnation, accusation, rejection
FROM = frozenset({"from"})
OF = frozenset({"of"})
WITH = frozenset({"with"})
BETWEEN = frozenset({"between"})
MAX_AGENTS = 3


def with_recaps(tree: Tree, sent: Sentence, lex: Lexicon, told: list[Mention]) -> list[Mention]:
    """The mentions of ``sent`` (``told`` by the main pass) with its recaps: recap triggers
    the main pass left out, and those it told as a participle of another act."""
    lemmas = recap_lemmas()
    hits = {tree.tokens[k].idx: k for k in range(sent.tok_start, sent.tok_end)
            if tree.lemmas[k] in lemmas and (e := match(tree, k, lex.triggers)) is not None
            and e.recap}
    if not hits:
        return told  # the common case: no second look at the sentence
    done = {m.trigger_start for m in told}
    out = [_participle(tree, m, hits.get(m.trigger_start), done) for m in told]
    if all(at in done for at in hits):
        return out
    cands = candidates(tree, sent, lex)
    for c in cands:
        if _recap(tree, c, lex) and not any(tree.tokens[k].idx in done for k in positions(c)):
            out.extend(_located(tree, sent, c, _mention(tree, sent, c, lex, cands)))
    return out


def _located(tree: Tree, sent: Sentence, c: Cand, ms: list[Mention]) -> list[Mention]:
    """A physical act's recap is known by its place ("recent attacks that killed civilians in
    X"): none without a named place of its own phrase."""
    if c.type.plover not in LOCATED:
        return ms
    return [m for m in ms if any(
        tree.tokens[token_at(tree, sent, p.end - 1)].ent_type in PLACE_ENTS for p in m.places)]


def _recap(tree: Tree, c: Cand, lex: Lexicon) -> bool:
    """A recap trigger named as a noun or gerund ("the recall of", "downgrading ties"), told as
    done, not on a heading line and no habit."""
    t = tree.tokens[c.hit.i]
    return (c.hit.entry.recap and (t.pos in NOMINAL or t.tag == "VBG")
            and c.status in HAPPENED and not c.negated
            and not heading_line(tree, c.hit.i) and not habitual(tree, c.hit.i, lex))


def _participle(tree: Tree, m: Mention, k: int | None, done: set[int]) -> Mention:
    """``m`` as a recap when its trigger ``k`` (a recap trigger) is a participle clause ("...,
    halting ties") hanging on another act's verb, with no date of its own."""
    if k is None or m.dates or m.status not in HAPPENED:
        return m
    t = tree.tokens[k]
    h = tree.head(k)
    if t.tag != "VBG" or t.dep != "advcl" or h is None or tree.tokens[h].idx not in done:
        return m
    return replace(m, mention_id=m.mention_id + RECAP_MARK)


def _mention(tree: Tree, sent: Sentence, c: Cand, lex: Lexicon, cands: list[Cand],
             ) -> list[Mention]:
    """One recap mention per agent ("condemnations from both X and Y": X's and Y's)."""
    t = tree.tokens[c.hit.i]
    doc = tree.pdoc.doc
    a2 = c.roles.actor2 if c.roles.actor2 is not None else _recalled_from(tree, c.hit.i)
    a2 = None if a2 is None or not party(tree, a2, c.hit.i) else antecedent(tree, a2)
    base = Mention(
        mention_id=f"{doc.id}:{sent.index}:{c.hit.i}", doc_id=doc.id,
        sentence_index=sent.index, sentence=sent.text, sent_start=sent.start, sent_end=sent.end,
        trigger=t.text, trigger_start=t.idx, trigger_end=t.end, type=c.type, status=c.status,
        actor2=actor_ref(tree, a2, c.hit.i) if a2 is not None else None,
        places=_own_places(tree, sent, c, places(tree, sent, lex)),
        published=doc.published, outlet=doc.outlet)
    agents: list[int | None] = [a for a in _agents(tree, c, cands) if party(tree, a, c.hit.i)]
    out: list[Mention] = []
    for n, a in enumerate(agents[:MAX_AGENTS] or [None]):
        a1 = antecedent(tree, a) if a is not None else None
        out.append(replace(base, mention_id=base.mention_id + (f"+{n}" if n else "") + RECAP_MARK,
                           actor1=actor_ref(tree, a1, c.hit.i) if a1 is not None else None))
    return out


def _agents(tree: Tree, c: Cand, cands: list[Cand]) -> list[int]:
    """The recap's own agents, else (none, or a pronoun) those of the reaction coordinated
    with it ("the recall of envoys and the condemnations *from X and Y*") or told last before
    it in the sentence, else the source of what the verb it hangs on drew."""
    a = c.roles.actor1
    if a is not None and tree.lemmas[a] not in PRONOUN_ENTS:
        return [a, *c.roles.actor1_more]
    mates = set(tree.conjuncts(c.hit.i)) | {k for k in (tree.head(c.hit.i),)
                                            if k is not None and tree.tokens[c.hit.i].dep == "conj"}
    reactions = [d for d in cands if d is not c and d.roles.actor1 is not None
                 and d.type.quad_class == REACTION_QUAD]
    with_it = [d for d in reactions if d.hit.i in mates]
    before = [d for d in reactions if d.hit.i < c.hit.i]
    if with_it or before:
        d = with_it[0] if with_it else max(before, key=lambda d: d.hit.i)
        return [x for x in (d.roles.actor1, *d.roles.actor1_more) if x is not None]
    source = _drawn_from(tree, c.hit.i)
    if source is not None:
        return [source]
    return [a] if a is not None else _between(tree, c.hit.i)


def _recalled_from(tree: Tree, i: int) -> int | None:
    """"the recall of its ambassador *from Kampala*", "the severance of ties *with Sudan*": the
    state a diplomat is called home from, or ties are cut with, is the act's target."""
    holders = [i, *tree.pobj_of(i, OF)]
    found = [k for x in holders for k in tree.pobj_of(x, FROM | WITH)
             if tree.tokens[k].ent_type in ("GPE", "NORP")]
    return found[0] if found else None


def _between(tree: Tree, i: int) -> list[int]:
    """"the severance of ties *between Chad and Sudan*": both parties act."""
    for x in (i, *tree.pobj_of(i, OF)):
        for k in tree.pobj_of(x, BETWEEN):
            return [k, *tree.conjuncts(k)]
    return []


def _drawn_from(tree: Tree, i: int) -> int | None:
    """"drew criticism *from Kenya*, prompting the recall of ...": the source of what the verb
    the recap's clause hangs on drew (its object's or its own "from" phrase)."""
    node: int | None = i
    for _ in range(3):
        if node is None or tree.tokens[node].dep == "advcl":
            break
        node = tree.head(node)
    v = tree.head(node) if node is not None and tree.tokens[node].dep == "advcl" else None
    drawn = tree.children(v, ("dobj",)) if v is not None else []
    if v is None or not drawn:  # "withdrew from Goma, prompting ...": a place, not a source
        return None
    for x in (v, *drawn):
        found = [k for k in tree.pobj_of(x, FROM) if tree.tokens[k].ent_type in PARTY_ENTS]
        if found:
            return found[0]
    return None


def _own_places(tree: Tree, sent: Sentence, c: Cand, found: list[PlaceRef]) -> list[PlaceRef]:
    """The places inside the recap's own phrase ("the recall of its envoy *from Kampala*")."""
    mine = {c.hit.i}
    for k in tree.kids[c.hit.i]:
        if tree.tokens[k].dep not in ("conj", "cc"):  # not a coordinated event's phrase
            mine.update(tree.subtree(k))
    return [p for p in found if token_at(tree, sent, p.end - 1) in mine]
