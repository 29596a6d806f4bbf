"""Mentions that are not new, dated events: page furniture, habits and back-references.

- ``heading_line``: the trigger stands on a line that is a heading, a related-article link or a
  caption ("- Israeli Attack Iran", "Pakistan Condemns Iran For Killing Two Children") — mostly
  capitalised words, no closing punctuation — not on a line of running text.
- ``habitual``: the event is generic or habitual ("has long accused", "for years, both have
  accused", "has previously mounted attacks", "have been launching strikes since November",
  "groups that launch attacks", "since the rebels began launching strikes", "Clashes often erupt",
  "groups fighting for X have long used ..."), many acts summed up ("has launched many attacks",
  "dozens of raids during its campaign"), a kind of event rated ("Clashes there are
  frequent") or a standing state ("which has troops stationed near ...", ``generic.py``): no
  single dated event is told.
- ``back_reference``: an event ranked as "the first time ..." ("It was the first time rebels had
  struck the port"), an event noun with a demonstrative ("these attacks") or that is the subject
  of a clause about it ("The attack was one of the deadliest", "The new attacks mean ...", "The
  strike was presented as ..."): the sentence comments on an event told elsewhere; its places
  and dates are not the event's own.
- ``consequence``: an event noun or gerund told as what another event led to ("drew condemnation
  from X, prompting the recall of its envoy", "This led to X denouncing ..."): a recap.
- ``across_lines``: two tokens lie on different lines (a heading glued to the body by the parser).
- ``accidental``: deaths caused by an accident or a disaster ("killed in a car crash"): no attack.

The cue words are in ``data/status_cues.tsv`` (kinds ``habitual``, ``period_noun``).
"""

from __future__ import annotations

import re

from .generic import aggregate, generic_frequency, on_record, present_perfect, standing_state
from .lexicon import Lexicon
from .tree import Tree

WORD = re.compile(r"[^\W\d_][\w'’.-]*")
SMALL = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by",
                   "with", "from", "as", "vs", "vs.", "via", "after", "over", "into", "is", "its",
                   "amid", "against", "up", "out", "off"})
CLOSERS = tuple(".!?:;\"”’')")
LIST_MARKS = ("- ", "– ", "— ", "• ", "* ", "· ")
# climbing from an event noun or verb to the verb of its clause
INSIDE = frozenset({"dobj", "pobj", "prep", "pcomp", "xcomp", "compound", "conj", "appos", "attr",
                    "oprd", "acomp", "nsubjpass", "npadvmod"})
PERIOD_PREPS = frozenset({"for", "in", "over", "during", "throughout"})
TOPIC_DEPS = frozenset({"pobj", "prep", "pcomp", "acl", "compound", "conj", "nsubj"})
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "within", "across", "around",
                      "throughout", "off"})
DEMONSTRATIVE = frozenset({"this", "these", "that", "those"})
RELATIVE = frozenset({"who", "which", "that"})
RESULT_DEPS = frozenset({"dobj", "pobj", "pcomp", "prep", "conj", "advcl", "compound"})
ORDINAL = frozenset({"first", "second", "third", "fourth", "fifth", "last", "only"})
CAUSE_DEPS = frozenset({"nsubj", "pobj", "conj", "compound"})
DATELINE_MARKS = frozenset({"(", ":", "-", "–", "—", ","})


def line_of(tree: Tree, i: int) -> str:
    """The text line (between line breaks) that token ``i`` stands on."""
    text = tree.pdoc.doc.text
    at = tree.tokens[i].idx
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    return text[a: b if b >= 0 else len(text)].strip()


def is_heading(line: str) -> bool:
    """A heading, link-list item or caption: not running text."""
    words = WORD.findall(line)
    if line.startswith(LIST_MARKS) and len(words) <= 16:
        return True
    if line.endswith(CLOSERS) or len(words) > 20:
        return False
    content = [w for w in words if w.lower() not in SMALL]
    if len(content) < 3:
        return False
    capital = sum(1 for w in content if w[0].isupper())
    return capital >= 0.8 * len(content)


def heading_line(tree: Tree, i: int) -> bool:
    return is_heading(line_of(tree, i))


def across_lines(tree: Tree, a: int, b: int) -> bool:
    """Tokens ``a`` and ``b`` are on different lines."""
    lo, hi = sorted((a, b))
    text = tree.pdoc.doc.text
    return "\n" in text[tree.tokens[lo].idx: tree.tokens[hi].idx]


def clause_path(tree: Tree, i: int) -> list[int]:
    """``i`` and the words above it up to the verb heading its clause ("mounted" for "has
    mounted attacks", "claimed" for "claimed responsibility for attacks")."""
    path = [i]
    node = i
    for _ in range(8):
        t = tree.tokens[node]
        h = tree.head(node)
        if h is None or t.dep not in INSIDE or (
                t.dep == "conj" and tree.children(node, ("nsubj", "nsubjpass"))):
            break
        node = h
        path.append(node)
        if tree.tokens[node].pos in ("VERB", "AUX") and tree.tokens[node].dep not in (
                "xcomp", "conj", "pcomp", "prep"):  # "including", "following": prepositions
            break
    return path


def _period(tree: Tree, v: int, lex: Lexicon) -> bool:
    """"for years", "in recent months", "over the past decades": a span of time, not a date."""
    term = lex.status.has("term_verb", tree.lemmas[v])
    for p in tree.children(v, ("prep",)):
        if tree.lemmas[p] not in PERIOD_PREPS:
            continue
        for o in tree.children(p, ("pobj",)):
            if term and tree.children(o, ("nummod",)):
                continue  # "jailed for two years": the term of a sentence
            if tree.tokens[o].tag == "NNS" and lex.status.has("period_noun", tree.lemmas[o]):
                return True
    return any(tree.tokens[k].tag == "NNS" and lex.status.has("period_noun", tree.lemmas[k])
               for k in tree.children(v, ("npadvmod",)))


def _perfect_progressive(tree: Tree, v: int) -> bool:
    """"have been launching": an ongoing activity, not one event."""
    if tree.tokens[v].tag != "VBG":
        return False
    aux = {tree.lemmas[k] for k in tree.children(v, ("aux",))}
    return {"have", "be"} <= aux


def _habit_marks(tree: Tree, v: int, lex: Lexicon) -> bool:
    """The verb ``v`` carries a habitual adverb ("have long used", "often erupt"), a span of
    time ("for years"), a perfect progressive ("have been launching") or sums up a record ("in
    the past", "on several occasions")."""
    return any(lex.status.has("habitual", tree.lemmas[k]) for k in tree.children(v, ("advmod",))
               ) or _period(tree, v, lex) or _perfect_progressive(tree, v) or on_record(tree, v, lex)


def _outer_clause(tree: Tree, i: int) -> list[int]:
    """The verb of the clause the event at ``i`` is the subject of ("Clashes *break out* ...")
    or whose subject a participle event describes ("groups fighting ... have long *used* ...")."""
    t = tree.tokens[i]
    described = tree.head(i) if t.dep == "acl" and t.tag == "VBG" else None
    n = i if described is None else described
    h = tree.head(n)
    if tree.tokens[n].dep in ("nsubj", "nsubjpass", "csubj") and h is not None and (
            described is not None or t.pos in ("NOUN", "PROPN") or t.tag == "VBG"):
        return [h]
    return clause_path(tree, n)[1:] if described is not None else []


def habitual(tree: Tree, i: int, lex: Lexicon) -> bool:
    """The event at ``i`` is told as a habit or a long-running state, not as one event."""
    if standing_state(tree, i, lex) or generic_frequency(tree, i, lex):
        return True  # "which has troops stationed near ...", "Clashes there are frequent"
    if any(_habit_marks(tree, v, lex) for v in _outer_clause(tree, i)):
        return True  # "Clashes often erupt", "groups fighting for X have long used the area"
    path = clause_path(tree, i)
    if aggregate(tree, i, path[-1], lex):
        return True  # "has launched many attacks", "dozens of raids during its campaign"
    for v in path:
        if _habit_marks(tree, v, lex) or _since(tree, v):
            return True
        t = tree.tokens[v]
        if t.dep == "relcl" and t.tag in ("VBP", "VBZ") and not tree.children(v, ("aux",)):
            return True  # "groups that launch attacks"
        if t.dep == "relcl" and not across_lines(tree, v, t.head) and (
                (present_perfect(tree, v) and _subject_relative(tree, v))
                or _present_progressive(tree, v)):
            return True  # "a group that has carried out attacks", "where X is conducting ..."
    return False


def _since(tree: Tree, v: int) -> bool:
    """"since the rebels began launching strikes", "since the army entered the valley": the start of a
    long-running state of affairs that the sentence measures from, not an event it tells."""
    return any(tree.lemmas[k] == "since" for k in tree.children(v, ("mark",)))


def _present_progressive(tree: Tree, v: int) -> bool:
    """"is conducting", "are fighting": an ongoing state of affairs."""
    return tree.tokens[v].tag == "VBG" and any(
        tree.lemmas[k] == "be" and tree.tokens[k].tag in ("VBZ", "VBP")
        for k in tree.children(v, ("aux",)))


def _subject_relative(tree: Tree, v: int) -> bool:
    """The relative pronoun is the clause's subject ("a group *that* has carried out"), not its
    object ("the post that troops have set up")."""
    return any(tree.lemmas[k] in RELATIVE for k in tree.children(v, ("nsubj", "nsubjpass")))


def _under_abstract(tree: Tree, i: int, lex: Lexicon) -> bool:
    """"the decision of Iran bombing Pakistan", "the timing of Iran's attack", "a topic like
    'Iran bombing Pakistan'": the event is named as the matter of an abstract noun."""
    node = i
    for _ in range(3):
        h = tree.head(node)
        if h is None or tree.tokens[node].dep not in TOPIC_DEPS:
            return False
        if tree.tokens[h].pos == "NOUN" and lex.word("abstract", tree.lemmas[h]):
            return True
        node = h
    return False


def back_reference(tree: Tree, i: int, lex: Lexicon, triggers: frozenset[int]) -> str | None:
    """How an event noun points back at an event told elsewhere: "topic" when it is the
    matter of an abstract noun ("the decision of Iran bombing Pakistan"); "comment" with a
    demonstrative ("these attacks") or as the subject of a comment on it ("The attack was one
    of the deadliest", "The strike raises tensions"), not of a verb that tells it happened
    ("The attack killed ..."); "comment" too for a noun or verb ranked as "the first time ...";
    None when it tells the event."""
    t = tree.tokens[i]
    if _nth_time(tree, clause_path(tree, i)[-1]):
        return "comment"
    if t.pos not in ("NOUN", "PROPN") and t.tag != "VBG":
        return None
    if _under_abstract(tree, i, lex):
        return "topic"
    if any(tree.lemmas[k] in DEMONSTRATIVE for k in tree.children(i, ("det",))):
        return "comment"
    h = tree.head(i)
    if t.dep not in ("nsubj", "nsubjpass") or h is None or h in triggers:
        return None
    if lex.status.has("sequence_verb", tree.lemmas[h]):
        return "comment"  # "The strikes come at a time of tension": placed against others
    if t.dep == "nsubjpass" and tree.lemmas[h] in lex.roles.light_verbs:
        return None  # "protests were held", "raids were carried out": told
    if lex.status.has("happen_verb", tree.lemmas[h]) or any(  # "if the talks fail": a case
            lex.status.has("cond", tree.lemmas[k]) or lex.status.has("modal", tree.lemmas[k])
            for k in tree.children(h, ("mark", "aux"))):
        return None
    return "comment"


def consequence(tree: Tree, i: int, lex: Lexicon) -> bool:
    """The event noun or gerund at ``i`` is the result of a verb like "lead to", "prompt",
    "draw" ("The raids drew condemnation", "prompting the recall of its envoy", "This led to X
    denouncing ..."): the sentence recaps what followed another event, with none of its own
    facts. A verb in an infinitive ("prompted X to recall") tells the act and stays."""
    t = tree.tokens[i]
    if t.pos not in ("NOUN", "PROPN") and t.tag != "VBG":
        return False
    node = i
    for _ in range(4):
        h = tree.head(node)
        if h is None or tree.tokens[node].dep not in RESULT_DEPS:
            return False
        if tree.tokens[h].pos == "VERB" and (
                lex.status.has("result_verb", tree.lemmas[h]) or (
                    lex.status.has("result_prep_verb", tree.lemmas[h])
                    and _through_prep(tree, node, h))):
            return True
        node = h
    return False


def _through_prep(tree: Tree, node: int, h: int) -> bool:
    """``node`` hangs on ``h`` through its preposition ("led to the recall"), or is a gerund the
    parser hung beside it ("led to X denouncing": "X" the object of "to")."""
    dep = tree.tokens[node].dep
    return dep == "prep" or (dep == "advcl" and tree.tokens[node].tag == "VBG" and any(
        tree.lemmas[k] in ("to", "in") for k in tree.children(h, ("prep",))))


def _ordinal_time(tree: Tree, k: int) -> bool:
    return tree.lemmas[k] == "time" and any(
        tree.lemmas[a] in ORDINAL for a in tree.children(k, ("amod",)))


def _nth_time(tree: Tree, v: int) -> bool:
    """"It was the first time rebels had struck the port", "the second time that troops have
    raided it": the clause ranks an event told elsewhere against others. The parser may hang
    "first time" on the clause's subject ("the first time sailors have been killed")."""
    h = tree.head(v)
    if tree.tokens[v].dep == "relcl" and h is not None and _ordinal_time(tree, h):
        return True
    nodes = list(tree.children(v, ("nsubj", "nsubjpass")))
    for _ in range(3):  # "the first time aid workers": time ← aid ← workers
        nodes = [c for n in nodes for c in tree.children(n, ("compound", "npadvmod"))]
        if any(_ordinal_time(tree, c) for c in nodes):
            return True
    return False


def accidental(tree: Tree, scope: set[int], lex: Lexicon) -> bool:
    """Deaths or injuries caused by an accident or a disaster ("killed in a car crash", "the
    earthquake killed 40"): no attack."""
    return any(lex.word("accident", tree.lemmas[k]) and tree.tokens[k].dep in CAUSE_DEPS
               for k in scope)


def dateline(tree: Tree, i: int) -> bool:
    """A dateline opening a line ("TEHRAN (Agencies):", "NEW DELHI -"): a place, not an actor."""
    t = tree.tokens[i]
    nxt = tree.tokens[i + 1].text if i + 1 < len(tree.tokens) else ""
    if not (t.text.isupper() and len(t.text) > 2 and nxt in DATELINE_MARKS):
        return False
    text = tree.pdoc.doc.text
    before = text[text.rfind("\n", 0, t.idx) + 1: t.idx]
    return not before.strip() or before.isupper()


def party(tree: Tree, a: int, trigger: int) -> bool:
    """Token ``a`` can stand for an actor of the trigger: not on another line (a heading glued
    to the body) and not a dateline."""
    return not across_lines(tree, a, trigger) and not dateline(tree, a)


def locative(tree: Tree, k: int) -> bool:
    """A place word that says where something happened ("in Herat"), not whom it hit."""
    h = tree.head(k)
    return tree.tokens[k].dep == "pobj" and h is not None and tree.lemmas[h] in LOCATIVE


HALT_DEPS = frozenset({"dobj", "nsubjpass"})


def halted(tree: Tree, i: int, lex: Lexicon) -> bool:
    """The event noun at ``i`` is what a verb stops or puts off ("all visits ... had been
    suspended", "froze the talks"): those visits and talks are not taking place. A negated verb
    ("did not suspend the talks") stops nothing."""
    t = tree.tokens[i]
    h = tree.head(i)
    if t.pos not in ("NOUN", "PROPN") or t.dep not in HALT_DEPS or h is None:
        return False
    return lex.word("halt_verb", tree.lemmas[h]) and not tree.children(h, ("neg",))
