"""Reading a protest sentence's cue words: who is violent at a protest, and with what.

The reading (``refine.refine_protest``) picks, in this order: violence or destruction by the
demonstrators (ACLED "Violent demonstration"), lethal force against them ("Excessive force against
protesters"), police intervention ("Protest with intervention"), else a peaceful protest. The cue
words live in ``data/role_cues.tsv`` (kinds ``violent_protest``, ``lethal``, ``intervention``);
this module says which of a sentence's words count:

- a two-word cue is a verb with its particle or two adjacent words ("pull *down*", "set *fire*");
- a violent word that names the forces' kit ("*riot* police", "*riot* gear": ``riot_kit``) or the
  forces' own violence ("*police* violence") is no violence of the protesters; nor is a violent act
  whose subject is the forces ("police *blocked* the march"), unless it is mutual ("police
  *clashed* with protesters": ``violent_mutual``);
- firing that only fires tear gas, water cannon or pepper spray is no lethal force; a lethal act
  of the demonstrators ("protesters *fired* at police") is their violence;
- a negated violent word ("*non*-violent") is none;
- a protest word inside a date ("on 16 *March*") is no protest;
- the following sentences of the paragraph tell the same protest: violence told there ("Clashes
  erupted later") makes the protest violent (``following_violence``).
"""

from __future__ import annotations

from collections.abc import Iterable

from .lexicon import Lexicon
from .tree import Tree

CONCURRENT = frozenset({"as", "while", "when"})
CLAUSES = frozenset({"advcl", "acl", "relcl", "ccomp", "conj"})
FOLLOWING = 2  # sentences after a protest sentence that may tell its violence
MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
FORCES = ("state_force", "intervention", "armed_target")


def protest_words(tree: Tree, tokens: Iterable[int], lex: Lexicon) -> bool:
    """Whether ``tokens`` name a protest (not the month in "16 March")."""
    kinds = lex.words.get("protest_word", frozenset())
    return any(tree.lemmas[k] in kinds and tree.tokens[k].ent_type not in ("DATE", "TIME")
               for k in tokens)


def _force(tree: Tree, lex: Lexicon, k: int) -> bool:
    return any(lex.word(kind, tree.lemmas[k]) for kind in FORCES)


def _forces_own(tree: Tree, k: int, lex: Lexicon) -> bool:
    """"*riot* police", "police *violence*", "police *blocked* the road"."""
    t = tree.tokens[k]
    head = tree.head(k)
    after = k + 1 if k + 1 < len(tree.tokens) and tree.tokens[k + 1].sent == t.sent else None
    if after is not None and tree.tokens[after].pos == "NOUN" and (
            _force(tree, lex, after) or lex.word("riot_kit", tree.lemmas[after])):
        return True  # "*riot* police", however parsed
    if t.dep in MODIFIERS and head is not None and (
            _force(tree, lex, head) or lex.word("riot_kit", tree.lemmas[head])):
        return True
    if any(_force(tree, lex, m) for m in tree.children(k, MODIFIERS)):
        return True
    if lex.word("violent_mutual", tree.lemmas[k]):
        return False
    subj = tree.child(k, ("nsubj",))
    return subj is not None and _force(tree, lex, subj)


def _less_lethal(tree: Tree, k: int, lex: Lexicon) -> bool:
    """Firing that fires only tear gas, water cannon or pepper spray (``less_lethal``)."""
    objs = tree.children(k, ("dobj",))
    objs += [c for o in objs for c in tree.conjuncts(o)]
    return bool(objs) and all(lex.word("less_lethal", tree.lemmas[o]) for o in objs)


def _negated(tree: Tree, k: int) -> bool:
    """"*non*-violent", "*not* violent"."""
    if tree.children(k, ("neg",)):
        return True
    before = [j for j in range(max(k - 2, 0), k) if tree.tokens[j].sent == tree.tokens[k].sent]
    return any(tree.lemmas[j] in ("non", "not", "never") for j in before)


def _protesters_act(tree: Tree, k: int, lex: Lexicon) -> bool:
    """A lethal act the demonstrators do ("protesters *shot* at the police")."""
    subj = tree.child(k, ("nsubj",))
    return subj is not None and lex.word("protester", tree.lemmas[subj])


def cue_words(tree: Tree, tokens: list[int], lex: Lexicon) -> set[str]:
    """The cue keys of ``tokens``: lemmas that count, and their two-word cues. A lethal act of the
    demonstrators themselves counts as their violence (key ``violent``)."""
    out: set[str] = set()
    words = [k for k in tokens if tree.tokens[k].pos != "PUNCT"]
    for n, k in enumerate(words):
        lemma = tree.lemmas[k]
        if lex.word("violent_protest", lemma) and (
                _forces_own(tree, k, lex) or _negated(tree, k)):
            continue
        if lex.word("lethal", lemma):
            if _less_lethal(tree, k, lex):
                continue
            if _protesters_act(tree, k, lex):
                out.add("violent")
        out.add(lemma)
        out.update(f"{lemma} {tree.lemmas[p]}" for p in tree.children(k, ("prt",)))
        if n + 1 < len(words):
            out.add(f"{lemma} {tree.lemmas[words[n + 1]]}")
    return out


def following_violence(tree: Tree, sentence: list[int], lex: Lexicon) -> bool:
    """Violence of protesters told in the next sentences of the paragraph."""
    if not sentence:
        return False
    sents = tree.pdoc.sentences
    here = tree.tokens[sentence[0]].sent
    text = tree.pdoc.doc.text
    violent = lex.words.get("violent_protest", frozenset())
    for s in sents[here + 1: here + 1 + FOLLOWING]:
        if "\n\n" in text[sents[here].end:s.start]:
            return False  # a new paragraph
        if cue_words(tree, list(range(s.tok_start, s.tok_end)), lex) & violent:
            return True
    return False


def topic_tokens(tree: Tree, scope: set[int], lex: Lexicon) -> set[int]:
    """Tokens saying what a protest is about ("against police brutality", "to mourn those
    killed"): their violence is the grievance, not violence at the protest. The verb a protest
    noun is the object or subject of frames it too ("held rallies *to denounce* X"); a clause of
    what happens meanwhile ("... *as* police fired tear gas") is no topic."""
    preps = lex.words.get("topic_prep", frozenset())
    verbs = lex.words.get("topic_verb", frozenset())
    where = set(scope)
    for i in scope:
        h = tree.head(i)
        if h is not None and h not in scope and tree.tokens[i].dep in ("dobj", "nsubj", "nsubjpass"):
            where.add(h)
    out: set[int] = set()
    for i in where:
        for k in tree.kids[i]:
            t = tree.tokens[k]
            if (t.dep == "prep" and (tree.lemmas[k] in preps or t.text.lower() in preps)) or (
                    t.dep in ("advcl", "xcomp", "acl", "relcl") and tree.lemmas[k] in verbs):
                out |= _about(tree, k)
    return out


def _meanwhile(tree: Tree, j: int) -> bool:
    """A clause of what happens meanwhile ("*as* police fired tear gas")."""
    return any(tree.lemmas[m] in CONCURRENT for m in tree.children(j, ("mark", "advmod")))


def _quantity(tree: Tree, j: int | None, lex: Lexicon) -> bool:
    return j is not None and (tree.tokens[j].pos == "NUM" or lex.word("quantity", tree.lemmas[j]))


def _about(tree: Tree, k: int) -> set[int]:
    """The subtree of ``k`` without the clauses of what happens meanwhile."""
    out: set[int] = set()
    stack = [k]
    while stack:
        j = stack.pop()
        if j != k and tree.tokens[j].dep in CLAUSES and _meanwhile(tree, j):
            continue
        out.add(j)
        stack.extend(tree.kids[j])
    return out


def names_protest(tree: Tree, scope: set[int], sentence: list[int], lex: Lexicon) -> bool:
    """Whether an arrest only names protests as what the arrested did or why ("detained people who
    organised the rallies", "arrested on charges of inciting protests", "in anticipation of
    protests"): such an arrest is no intervention at a protest. Protesters arrested, an arrest
    "during" or "at" a protest, or "as" demonstrators marched are."""
    heads = [k for k in scope if tree.head(k) is None or tree.head(k) not in scope]
    if len(heads) != 1 or any(_meanwhile(tree, j) for j in tree.children(heads[0], ("advcl",))):
        return False
    kinds = lex.words.get("protest_word", frozenset())
    found = [k for k in sentence if tree.lemmas[k] in kinds and tree.tokens[k].ent_type != "DATE"]
    return bool(found) and all(_named(tree, k, heads[0], lex) for k in found)


def _named(tree: Tree, k: int, top: int, lex: Lexicon) -> bool:
    """Whether protest word ``k`` hangs under ``top`` by a relative clause or a preposition that
    does not place the arrest at the protest."""
    concurrent = lex.words.get("concurrent_prep", frozenset())
    named = False
    j: int | None = k
    prep_seen = False
    while j is not None and j != top:
        dep = tree.tokens[j].dep
        if dep == "advcl":
            return False
        if dep == "prep" and tree.lemmas[j] == "of" and _quantity(tree, tree.head(j), lex):
            pass  # "thousands *of* protesters"
        elif dep == "prep" and not prep_seen:
            prep_seen = True
            named = tree.lemmas[j] not in concurrent
        elif dep in ("relcl", "acl") and not prep_seen:
            named = True
        j = tree.head(j)
    return j == top and named
