"""Assembly: every trigger of a sentence → one :class:`~thucydides.records.Mention`.

Per sentence: find triggers; read roles and status; merge triggers of one event ("the strike killed
two children" is one assault, not a strike and a killing); refine assaults by their weapon words
(mode, CAMEO code, ACLED sub-type) and their targets (civilians, protesters); attach places, dates,
casualty figures, the claimant and a link cue ("in retaliation for ..."). Coordinated actors give
one mention each (``mention_id`` suffix ``+k``).

Agents beyond the clause (``referents.py``): a definite event noun with no agent ("The strike
killed two children") takes the agent of the last act of the same type told up to three sentences
before (the document's ``Tree.prior``); an act inside
another event's noun phrase and named by a year ("a general slain in a 2020 strike") is dropped;
an act someone is charged with ("accused X last month of killing ...") takes the charge's date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..records import HAPPENED, DateRef, Figure, Mention, PlaceRef, Sentence
from .candidates import Cand, candidates, positions
from .charges import charged_agent, charging_verb
from .coref import antecedent, reflexive_target
from .filters import accidental, back_reference, consequence, habitual, halted, heading_line, locative, party
from .intent import refine_intent
from .lexicon import Lexicon
from .referents import event_agent, named, refers_back, subordinate, year_named
from .refine import refine_protest, refine_request, refine_target, refine_weapon
from .roles import Roles, actor_ref
from .spans import dates, link_cue, optional, places, point_date, token_at
from .together import charged, describes_party, share_agents
from .told import refine_told
from .tree import Tree

CONFLICT = frozenset({"assault", "coerce"})
MAX_CONJ = 3
# acts a cause sets off are told as they happen ("sparked protests in five cities", "triggered
# two explosions"); only reactions told as a consequence are recaps
ACTS = frozenset({"assault", "coerce", "protest", "mobilize"})
SUBCLAUSE = frozenset({"advcl", "relcl", "ccomp", "acl"})


def _attach_figures(tree: Tree, sent: Sentence, cands: list[Cand], figures: list[Figure],
                    ) -> dict[int, list[Figure]]:
    out: dict[int, list[Figure]] = {}
    targets = [c for c in cands if c.type.plover in CONFLICT] or cands
    if not targets:
        return out
    for f in figures:
        k = token_at(tree, sent, f.start)
        inside = [c for c in targets if k in c.scope]
        pick = inside[0] if inside else min(targets, key=lambda c: abs(c.hit.i - k))
        out.setdefault(id(pick), []).append(f)
    return out


def sentence_mentions(tree: Tree, sent: Sentence, lex: Lexicon) -> list[Mention]:
    """All event mentions of one sentence."""
    cands = [c for c in candidates(tree, sent, lex) if not heading_line(tree, c.hit.i) and not (
        c.hit.entry.weak and accidental(tree, c.scope, lex))]
    if not cands:
        return []
    whole = list(range(sent.tok_start, sent.tok_end))
    find_figures = optional("thucydides.extract.casualties", "find_figures")
    figures: list[Figure] = find_figures(tree.pdoc, sent) if find_figures else []
    groups = frozenset(f.group for f in figures if f.group)
    lemmas = frozenset(tree.lemmas[k] for k in whole)
    dropped = refine_intent(tree, cands, lex) + refine_told(tree, cands)
    cands = [c for c in cands if all(c is not d for d in dropped)]
    for c in cands:
        charged_agent(tree, c.hit.i, c.roles, lex)
        refine_weapon(tree, c, lex, whole)
        refine_request(tree, c, c.hit.i, lex)
        refine_target(tree, c, lex, groups, lemmas)
        if c.type.quad_class in (1, 2) and c.status == "occurred" and halted(tree, c.hit.i, lex):
            c.status = "hypothetical"  # "all visits ... had been suspended": none takes place
    refine_protest(tree, cands, lex, whole)
    by_cand = _attach_figures(tree, sent, cands, figures)
    agents = {c.roles.actor1 for c in cands} | {a for c in cands for a in c.roles.actor1_more}
    found = places(tree, sent, lex)
    spots = [p for p in found  # "condemnation from Pakistan": an actor
             if token_at(tree, sent, p.end - 1) not in agents]
    # a recapped reaction whose speaker is a place name stays beside the act it follows in its
    # sentence ("The raids drew condemnation from the capital"): the speaker must not be read as
    # where that act happened
    speaker_places = any(c.type.plover in ACTS for c in cands) and {
        token_at(tree, sent, p.end - 1) for p in found}
    shared = Shared(spots, dates(tree, sent), link_cue(tree, sent, lex))
    owner = _owners(tree, sent, cands)
    heads = frozenset(k for c in cands for k in positions(c))
    types = {k: c.type.plover for c in cands for k in positions(c)}
    leads = share_agents(tree, cands, lex)
    kept: list[tuple[Cand, list[Figure], Shared, Shared]] = []
    for c in cands:
        if _manner(tree, c, lex, types) or (year_named(tree, c.hit.i) and subordinate(
                tree, c.hit.i, heads - set(positions(c)))):
            continue  # "in protest", "a general slain in a 2020 strike"
        figs = by_cand.get(id(c), [])
        mine = Shared([p for p in shared.places if owner(p.start) == id(c)],
                      [d for d in shared.dates if owner(d.start) == id(c)], None)
        back = "anchor" if _reference(tree, c, lex) else back_reference(tree, c.hit.i, lex, heads)
        if back is None and c.type.plover not in ACTS and consequence(tree, c.hit.i, lex) and not (
                speaker_places and c.roles.actor1 in speaker_places):
            back = "result"  # "drew condemnation", "prompting the recall of its envoy"
        if back is not None:
            # "after Tehran's attack", "The attack was the deadliest": its own facts
            own = Shared(mine.places, mine.dates, _cue_of(tree, c, shared.cue))
            if not (figs or own.dates or _placed(tree, sent, c, own)) and not (
                    back == "comment" and c.roles.actor1 is not None):
                continue
        else:
            own = Shared([p for p in shared.places if owner(p.start) in (None, id(c))],
                         [d for d in shared.dates if owner(d.start) in (None, id(c))], shared.cue)
        if not figs and _anaphoric(tree, c, own, lex):
            continue
        if (habitual(tree, c.hit.i, lex) or describes_party(tree, c, cands)
                or charged(tree, c, cands)) and not any(
                point_date(tree, d) for d in mine.dates):
            continue  # "has long accused", "the civilians imprisoned for ... were released"
        kept.append((c, figs, own, mine))
    dated = {id(c): own.dates for c, _, own, _ in kept}
    by_hit = {c.hit.i: c for c, _, _, _ in kept}
    out: list[Mention] = []
    for c, figs, own, _ in kept:
        charger = charging_verb(tree, c.hit.i, lex)  # "accused X last month of killing ..."
        lead = leads.get(id(c)) or (by_hit.get(charger) if charger is not None else None)
        if lead is not None and not own.dates and dated.get(id(lead)):
            own = Shared(own.places, list(dated[id(lead)]), own.cue)  # the attack's own date
        out.extend(_mentions_of(tree, sent, c, figs, own, lex, heads - set(positions(c))))
    return out


def _cue_of(tree: Tree, c: Cand, cue: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
    """The cue a back-referenced event keeps: one said of it ("the strikes were in retaliation
    for ...", "the attack came in response to ..."), its phrase hanging on the trigger or on the
    verb the trigger is the subject of."""
    if cue is None:
        return None
    at, i = tree.head(cue[1]), c.hit.i
    return cue if at is not None and (at == i or (
        tree.head(i) == at and tree.tokens[i].dep in ("nsubj", "nsubjpass"))) else None


def _placed(tree: Tree, sent: Sentence, c: Cand, own: Shared) -> bool:
    """A back-referenced event has a place of its own: "in X" in its own clause, not in a
    clause under it ("killed since the rebels *in Darfur* began ...")."""
    return any(locative(tree, k) and _in_clause(tree, k, c.hit.i)
               for k in (token_at(tree, sent, p.end - 1) for p in own.places))


def _in_clause(tree: Tree, k: int, i: int) -> bool:
    node: int | None = k
    for _ in range(30):
        if node is None or node == i:
            return node == i
        if tree.tokens[node].pos == "VERB" and tree.tokens[node].dep in SUBCLAUSE:
            return False
        node = tree.head(node)
    return False


def _manner(tree: Tree, c: Cand, lex: Lexicon, types: dict[int, str]) -> bool:
    """"recalled its envoy *in protest* at …", "struck *in retaliation* for …": the noun says
    why an event of another type was done; it is the cue of a link, not an event of its own
    ("hundreds marched in protest" stays a protest)."""
    i = c.hit.i
    h = tree.head(i)
    v = tree.head(h) if h is not None else None
    return (lex.word("cue_noun", tree.lemmas[i]) and tree.tokens[i].dep == "pobj"
            and h is not None and tree.lemmas[h] in ("in", "as") and v is not None
            and types.get(v, c.type.plover) != c.type.plover)


REASON_PREPS = frozenset({"over"})


def _reference(tree: Tree, c: Cand, lex: Lexicon) -> bool:
    """An event named only as the anchor of another ("after Tehran's attack", "in retaliation
    for the raid"): it is told elsewhere, and the sentence's date and place are not its own."""
    node = c.hit.i
    for _ in range(3):
        h = _first_conjunct(tree, tree.head(node), lex)
        if h is None:
            return False
        if tree.tokens[node].dep == "pobj" and lex.word("anchor_prep", tree.lemmas[h]):
            return True
        if node == c.hit.i and tree.tokens[node].dep == "pobj" and tree.lemmas[h] in REASON_PREPS \
                and tree.tokens[node].pos == "NOUN":
            return True  # "summoned the envoy *over* the airstrikes": the reason, told elsewhere
        v = tree.head(h)
        if tree.tokens[node].dep == "pobj" and tree.lemmas[h] in ("to", "for") and \
                v is not None and lex.word("cue_verb", tree.lemmas[v]):
            return True  # "Iran responded to the recent strikes by …"
        if tree.tokens[node].dep == "pobj" and tree.lemmas[h] == "for" and \
                v is not None and (_blames(tree, v, lex) or lex.word("reason_noun", tree.lemmas[v])):
            return True  # "blamed X for the attacks", "its justification for the strike"
        if lex.word("cue_noun", tree.lemmas[h]):
            return True
        node = h
    return False


def _first_conjunct(tree: Tree, h: int | None, lex: Lexicon) -> int | None:
    """A coordinated preposition stands where its first conjunct does: "in retaliation for
    the bombings and *for* attacks on X" (the second "for" parsed as a conjunct of "in" or of
    the first "for") is still part of the cause phrase."""
    if h is None or tree.tokens[h].dep != "conj" or tree.tokens[h].pos != "ADP":
        return h
    first = tree.head(h)
    if first is None:
        return h
    if any(lex.word("cue_noun", tree.lemmas[o]) for o in tree.children(first, ("pobj",))):
        return next(o for o in tree.children(first, ("pobj",))
                    if lex.word("cue_noun", tree.lemmas[o]))
    if tree.lemmas[first] == tree.lemmas[h]:
        return first
    return next((o for p in tree.children(first, ("prep",)) if p < h  # "were in retaliation
                 for o in tree.children(p, ("pobj",))                 # for X ... and for Y"
                 if lex.word("cue_noun", tree.lemmas[o]) and tree.lemmas[h] in {
                     tree.lemmas[q] for q in tree.children(o, ("prep",))}), h)


def _blames(tree: Tree, v: int, lex: Lexicon) -> bool:
    """``v`` is "blame" or a verb whose object is "blame" ("put the blame")."""
    return lex.word("blame_word", tree.lemmas[v]) or any(
        lex.word("blame_word", tree.lemmas[k]) for k in tree.children(v, ("dobj",)))


def _owners(tree: Tree, sent: Sentence, cands: list[Cand]) -> Callable[[int], int | None]:
    """Which event a place or date at a character offset belongs to: the first trigger above it
    in the parse ("killed by a drone *in 2020*" belongs to that killing, not to the sentence's
    other events); None when no trigger governs it (it belongs to every event of the sentence)."""
    at: dict[int, int] = {}
    for c in cands:
        for i in positions(c):
            at[i] = id(c)

    def owner(char: int) -> int | None:
        node: int | None = token_at(tree, sent, char)
        for _ in range(30):
            if node is None:
                return None
            if node in at:
                return at[node]
            node = tree.head(node)
        return None
    return owner


def _anaphoric(tree: Tree, c: Cand, shared: Shared, lex: Lexicon) -> bool:
    """"The strikes came at a time ...": a bare definite event noun with no actor, place, date
    or figure only points back at an event told elsewhere; it adds nothing but a duplicate."""
    i = c.hit.i
    if c.hit.entry.pos != "NOUN" or c.roles.actor1 is not None:
        return False
    if c.roles.actor2 is not None or shared.places or shared.dates:
        return False
    dets = tree.children(i, ("det",))
    return bool(dets) and lex.word("anaphoric_det", tree.lemmas[dets[0]])


@dataclass(frozen=True, slots=True)
class Shared:
    places: list[PlaceRef]
    dates: list[DateRef]
    cue: tuple[str, int, int] | None


def _claimant(tree: Tree, sent: Sentence, i: int) -> tuple[str | None, str | None]:
    fn = optional("thucydides.extract.claimants", "find_claimant")
    found = fn(tree.pdoc, sent, i) if fn else None
    if not found:
        return None, None
    return str(found[0]), str(found[1])


def _mentions_of(tree: Tree, sent: Sentence, c: Cand, figures: list[Figure],
                 shared: Shared, lex: Lexicon, others: frozenset[int]) -> list[Mention]:
    t = tree.tokens[c.hit.i]
    doc = tree.pdoc.doc
    claimant, kind = _claimant(tree, sent, c.hit.i)
    cue = shared.cue[0] if shared.cue and not (
        shared.cue[1] <= c.hit.i <= shared.cue[2]) else None
    base = Mention(
        mention_id=f"{doc.id}:{sent.index}:{c.hit.i}", doc_id=doc.id, sentence_index=sent.index,
        sentence=sent.text, sent_start=sent.start, sent_end=sent.end, trigger=t.text,
        trigger_start=t.idx, trigger_end=t.end, type=c.type, status=c.status, negated=c.negated,
        places=list(shared.places), dates=list(shared.dates), figures=list(figures),
        claimant=claimant, claimant_kind=kind, published=doc.published, outlet=doc.outlet, cue=cue)
    out: list[Mention] = []
    for n, (a1, a2) in enumerate(_actor_pairs(c.roles, c.hit.entry.sym or (
            c.roles.mutual and (c.type.quad_class or 0) in (1, 2)))):
        a1, a2 = (None if a is None or not party(tree, a, c.hit.i) else antecedent(tree, a)
                  for a in (a1, a2))
        a1 = _told_before(tree, sent, c, a1, lex) if n == 0 else a1
        if a2 is not None and a1 is not None:  # "Iraq had attacked itself": the agent
            a2 = reflexive_target(tree, a2, a1, lambda w: lex.status.has("self_harm", w))
        if a2 is not None and a2 in others and a2 != a1:
            a2 = event_agent(tree, a2)  # "condemned the killing of workers": not the workers
        if a1 is not None and lex.word("abstract", tree.lemmas[a1]):
            if (c.type.quad_class or 0) in (1, 3):
                continue  # "the decision demanded a response": no one made a demand
            a1 = None
        m = replace(base, mention_id=base.mention_id + (f"+{n}" if n else ""),
                    places=list(base.places), dates=list(base.dates), figures=list(base.figures),
                    type=replace(base.type))
        m.actor1 = actor_ref(tree, a1, c.hit.i) if a1 is not None else None
        m.actor2 = actor_ref(tree, a2, c.hit.i) if a2 is not None else None
        if a1 is not None and m.status in HAPPENED and named(tree, a1) and not subordinate(
                tree, c.hit.i, others):
            tree.prior.record(sent.index, c.type.plover, a1)
        out.append(m)
    return out


def _told_before(tree: Tree, sent: Sentence, c: Cand, a1: int | None, lex: Lexicon,
                 ) -> int | None:
    """"The strike killed two children", "This move ... was described as hitting hideouts": an
    act named by a definite event noun with no agent of its own (the trigger, or the noun standing
    as its subject) is the last act of its type the article told, and has that act's agent."""
    nouns, dets = lex.words.get("event_noun", frozenset()), lex.words.get(
        "anaphoric_det", frozenset())
    if a1 is None:
        back = refers_back(tree, c.hit.i, nouns, dets)
    else:
        back = tree.tokens[a1].sent == sent.index and refers_back(tree, a1, nouns, dets)
    if not back:
        return a1
    prior = tree.prior.agent(sent.index, c.type.plover)
    return prior if prior is not None else a1


def _actor_pairs(r: Roles, sym: bool) -> list[tuple[int | None, int | None]]:
    """(actor1, actor2) per mention: one per coordinated actor; both ways for symmetric events."""
    firsts: list[int | None] = [r.actor1, *r.actor1_more[: MAX_CONJ - 1]]
    seconds: list[int | None] = [r.actor2, *r.actor2_more[: MAX_CONJ - 1]]
    if sym and r.actor2 is None and len(firsts) > 1:
        group = [a for a in firsts if a is not None]
        return [(a, b) for a in group for b in group if a != b]
    return [(a, b) for a in firsts for b in seconds]
