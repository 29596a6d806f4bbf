"""Event status: occurred, claimed, threatened, denied or hypothetical.

The status is read by climbing from the trigger towards the root of its sentence:

- at each step the words attached to the current node decide first: a negation ("did not",
  "never", "no attacks") → denied (and ``negated``); a modal ("could", "would", "will", ...) or a
  condition ("if", "unless") → hypothetical; an adjective such as "possible"/"planned" →
  hypothetical, "alleged"/"suspected" → claimed;
- then the word the node depends on: a threat ("threatened to strike", "warned of attacks", "vowed
  to retaliate") → threatened (hypothetical for a cooperative event); a denial ("denied carrying out
  the attack") → denied; a refusal, avoidance, prevention or cancellation ("refused to free",
  "ruled out attacking", "prevented from attacking", "stopped short of", "called off the strike")
  → denied, unless that verb is itself negated or undone ("failed to prevent the attack": it
  happened); a postponement ("postponed the visit") → hypothetical; "claimed responsibility
  for", "claimed that", "accused X of" → claimed; plans, expectations, requests and risks
  ("plans to", "is expected to", "urged X to", "calls for", "risk of") → hypothetical;
- speech verbs ("said", "reported") and light verbs ("carried out") pass the status through; the
  climb stops at a relative clause, a time clause ("after Iran struck"), and at another event the
  trigger is the object of ("condemned the attack": the attack occurred).

A question is hypothetical. A threat event that was made ("Pakistan warned of consequences") is
``threatened``. Anything else occurred. The cue words live in ``data/status_cues.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..records import Status
from .tree import Tree
from .types import load_verb_forms, read_tsv

CLIMB = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "conj", "advcl", "acl",
                   "nsubj", "nsubjpass", "attr", "oprd", "appos", "npadvmod", "compound", "acomp"})
STOP_MARKS = frozenset({"after", "before", "when", "since", "as", "because", "while", "until",
                        "once", "though", "although"})
PREP_HYPO = {("call", "for"), ("push", "for"), ("press", "for"), ("appeal", "for"),
             ("ask", "for"), ("warn", "of"), ("warn", "against"), ("due", "for")}
# the act after these did not happen: "prevented from attacking", "stopped short of imposing"
PREP_DENY = {("prevent", "from"), ("refrain", "from"), ("deter", "from"), ("stop", "from"),
             ("keep", "from"), ("short", "of")}


@dataclass(frozen=True, slots=True)
class StatusCues:
    words: dict[str, frozenset[str]]

    def has(self, kind: str, lemma: str) -> bool:
        return lemma in self.words.get(kind, frozenset())

    @classmethod
    def load(cls) -> StatusCues:
        return load_status_cues()


@lru_cache(maxsize=1)
def load_status_cues() -> StatusCues:
    words: dict[str, set[str]] = {}
    for n, r in read_tsv("status_cues.tsv"):
        if not r.get("kind") or not r.get("word"):
            raise ConfigError("status cue rows need kind and word", path="status_cues.tsv", line=n)
        words.setdefault(r["kind"], set()).add(r["word"].lower())
    return StatusCues({k: frozenset(v) for k, v in words.items()})


def _local(tree: Tree, i: int, cues: StatusCues, is_trigger: bool) -> Status | None:
    """What the words attached to node ``i`` say about its status."""
    verb = tree.tokens[i].pos in ("VERB", "AUX")
    for k in tree.kids[i]:
        t, lem = tree.tokens[k], tree.lemmas[k]
        if (t.dep == "neg" and (verb or is_trigger)) or (
                is_trigger and t.dep == "det" and lem == "no") or (
                t.dep == "advmod" and lem == "never"):
            return "denied"  # not "there is *no* reason for these attacks"
        if t.dep in ("aux", "auxpass") and (cues.has("modal", lem) or t.text.lower() in
                                            ("'ll", "wo", "ca", "could", "would", "might")):
            return "hypothetical"
        if t.dep == "mark" and cues.has("cond", lem):
            return "hypothetical"
        if not is_trigger and t.dep == "acomp" and cues.has("hypo_verb", lem):
            return "hypothetical"  # "was due in Kabul for talks", "is ready for talks"
        if is_trigger and t.dep == "acl" and cues.has("hypo_acl", lem):
            return "hypothetical"  # "protests planned for Friday"
        if is_trigger and t.dep in ("amod", "compound"):
            if cues.has("hypo_adj", lem):
                return "hypothetical"
            if cues.has("claim_adj", lem):
                return "claimed"
    return None


def _governor(tree: Tree, node: int, head: int, cues: StatusCues,
              conflict: bool) -> Status | None:
    """What the word ``head`` that ``node`` depends on says about the status."""
    hl, dep = verb_lemma(tree, head), tree.tokens[node].dep
    threat: Status = "threatened" if conflict else "hypothetical"
    if dep in ("nsubj", "nsubjpass", "conj"):
        return None
    if dep == "prep":
        if (hl, tree.lemmas[node]) in PREP_HYPO:
            return threat if hl == "warn" else "hypothetical"
        if (hl, tree.lemmas[node]) in PREP_DENY:
            return "denied"
        if tree.lemmas[node] == "for" and any(  # "took credit for the blasts"
                cues.has("claim_noun", tree.lemmas[k]) for k in tree.children(head, ("dobj",))):
            return "claimed"
        if tree.tokens[head].pos in ("NOUN", "PROPN"):
            return _noun_governor(cues, hl, threat)
        return "claimed" if cues.has("claim_verb", hl) else None
    if tree.tokens[head].pos in ("NOUN", "PROPN"):
        return _noun_governor(cues, hl, threat)
    if cues.has("threat_verb", hl):
        return threat
    if cues.has("deny_verb", hl) or _undoes(tree, head, hl, cues):
        return "denied"  # "denied carrying out", "refused to free", "ruled out attacking"
    if cues.has("claim_verb", hl):
        return "claimed"
    if dep in ("dobj", "nsubjpass"):  # "planned attacks" but not "agreed a ceasefire"
        return "hypothetical" if cues.has("hypo_dobj", hl) else None
    return "hypothetical" if cues.has("hypo_verb", hl) else None


def verb_lemma(tree: Tree, k: int) -> str:
    """The lemma of token ``k``, mended for verb forms the lemmatizer gets wrong ("hoped" →
    "hop"; ``data/verb_forms.tsv``)."""
    return load_verb_forms().get(tree.tokens[k].text.lower(), tree.lemmas[k])


def _undoes(tree: Tree, v: int, lemma: str, cues: StatusCues) -> bool:
    """``v`` keeps the act under it from happening ("refused to", "ruled out", "prevented")."""
    return cues.has("undo_verb", lemma) or cues.has("undo_verb", _phrasal(tree, v, lemma))


def _undone(tree: Tree, v: int, cues: StatusCues) -> bool:
    """The undoing verb ``v`` is itself negated or undone ("did not prevent the attack",
    "failed to prevent the attack"): the act under it took place."""
    if any(tree.tokens[k].dep == "neg" for k in tree.kids[v]):
        return True
    up = tree.head(v)
    return up is not None and tree.tokens[v].dep in ("xcomp", "ccomp") and _undoes(
        tree, up, verb_lemma(tree, up), cues)


def _direct(tree: Tree, node: int, triggers: frozenset[int], cues: StatusCues) -> bool:
    """The undoing verb acts on an event itself ("refused to *release*", "prevented *an
    attack*", "refused to *carry out* strikes"), not on another act ("failed to *stop* ...")."""
    if tree.tokens[node].dep == "prep":  # "prevented from *attacking*"
        return any(k in triggers for k in tree.children(node, ("pobj", "pcomp")))
    return node in triggers or cues.has("light_verb", verb_lemma(tree, node))


def _phrasal(tree: Tree, v: int, lemma: str) -> str:
    """``"rule out"`` for "ruled out": the verb with its particle, else ``""``."""
    prt = tree.children(v, ("prt",))
    return f"{lemma} {tree.lemmas[prt[0]]}" if prt else ""


def _noun_governor(cues: StatusCues, hl: str, threat: Status) -> Status | None:
    if cues.has("threat_noun", hl):
        return threat
    if cues.has("claim_noun", hl):
        return "claimed"
    return "hypothetical" if cues.has("hypo_noun", hl) else None


def _boundary(tree: Tree, node: int, head: int, cues: StatusCues,
              triggers: frozenset[int]) -> bool:
    """Whether the status of ``head`` says nothing about ``node``'s (clause boundaries)."""
    t = tree.tokens[node]
    if t.dep not in CLIMB or (t.dep == "acl" and t.tag == "VBN" and not tree.children(
            node, ("nsubj", "nsubjpass", "mark"))):
        return True  # "those killed in the raid" describes a person: its own assertion
    if t.dep == "conj" and tree.children(node, ("nsubj", "nsubjpass")):
        return True  # a coordinated clause with its own subject
    if t.dep in ("advcl", "acl") and any(tree.lemmas[m] in STOP_MARKS
                                        for m in tree.children(node, ("mark", "advmod"))):
        return True
    if t.dep in ("nsubj", "nsubjpass"):
        return head not in triggers and not cues.has("happen_verb", tree.lemmas[head])
    return False


def _inherits_hypothesis(tree: Tree, node: int) -> bool:
    """A subject, or a present-tense time clause, of a hypothetical verb is hypothetical too
    ("the talks would fail"; "attacks would stop only after a deal is reached")."""
    t = tree.tokens[node]
    if t.dep in ("nsubj", "nsubjpass"):
        return True
    if t.dep != "advcl":
        return False
    tags = {t.tag} | {tree.tokens[k].tag for k in tree.children(node, ("aux", "auxpass"))}
    return bool(tags & {"VBZ", "VBP"}) or (t.tag == "VB" and not tree.children(node, ("aux",)))


def _purpose_of(tree: Tree, node: int) -> bool:
    """"visit Kabul *for* talks": an event that is another's purpose shares its status (a
    planned visit's talks are planned), unlike the object of an act ("condemned the attack")."""
    return tree.tokens[node].dep == "prep" and tree.lemmas[node] == "for"


def _no_object(tree: Tree, i: int) -> bool:
    """"Iran shared no information", "fired no shots": the act did not take place."""
    if tree.tokens[i].pos != "VERB":
        return False
    return any(tree.lemmas[d] == "no" for o in tree.children(i, ("dobj",))
               for d in tree.children(o, ("det",)))


def _purpose(tree: Tree, i: int, cues: StatusCues, conflict: bool) -> bool:
    """"formed a committee *to investigate* the attack", "appointed a judge to investigate",
    "sent troops to retake the town", "signed accords to enhance cooperation": an aim, not an
    act (a to-infinitive describing a noun, after a verb of appointing or sending, or a
    cooperative aim; not "the decision to withdraw was taken", "defied a ban to take to the
    streets")."""
    t = tree.tokens[i]
    if t.tag != "VB" or not any(tree.lemmas[k] == "to" for k in tree.children(i, ("aux",))):
        return False
    head = tree.lemmas[t.head]
    if t.dep in ("acl", "relcl"):
        return not cues.has("act_noun", head)
    if t.dep in ("xcomp", "advcl") and cues.has("purpose_verb", head):
        return True
    h = tree.tokens[t.head]
    aim = t.dep == "advcl" or (t.dep == "xcomp" and bool(tree.children(t.head, ("dobj",))))
    if aim and h.tag in ("VBZ", "VBP") and not tree.children(t.head, ("aux",)):
        return True  # "groups use the vacuum to create bases": what they do it for, in general
    if conflict or cues.has("implicative", head):  # "forced Iran to negotiate": it did
        return False
    return aim


def status_of(tree: Tree, i: int, cues: StatusCues, *, conflict: bool = True,
              triggers: frozenset[int] = frozenset(), threat: bool = False,
              ) -> tuple[Status, bool]:
    """Status of the event triggered at token ``i``, and whether it is negated.

    ``threat``: the trigger is itself a threat (PLOVER ``threaten``); a threat that was made is
    ``threatened``, not ``occurred``: it reports an action that has not happened.
    """
    if _no_object(tree, i):
        return "denied", True
    if _purpose(tree, i, cues, conflict):
        return "hypothetical", False
    node = i
    pending: Status | None = None  # "claims that X struck": claimed, unless the claims are denied
    for _ in range(12):
        s = _local(tree, node, cues, node == i)
        if s is not None:
            return s, s == "denied"
        head = tree.head(node)
        others = triggers - {i}
        if head is None:
            break
        if tree.tokens[node].dep == "nsubjpass" and cues.has("hypo_dobj", tree.lemmas[head]):
            return "hypothetical", False  # "protests are expected on Friday"
        if _boundary(tree, node, head, cues, others):
            if _inherits_hypothesis(tree, node) and _local(
                    tree, head, cues, False) == "hypothetical":
                return "hypothetical", False
            break
        g = _governor(tree, node, head, cues, conflict)
        if g == "denied" and _undoes(tree, head, verb_lemma(tree, head), cues):
            if _undone(tree, head, cues):
                break  # "failed to prevent the attack", "did not avoid clashes": it happened
            if not _direct(tree, node, triggers | {i}, cues):
                g = None  # "failed to stop massacres": what fails is the stopping
        if g is not None:
            return g, False
        if head in others and tree.tokens[node].dep in ("dobj", "pobj", "prep") \
                and not _purpose_of(tree, node):
            break
        if cues.has("claim_report", tree.lemmas[head]) and tree.tokens[node].dep != "prep" \
                and tree.tokens[head].pos in ("NOUN", "PROPN"):
            pending = "claimed"
        elif tree.tokens[head].pos in ("NOUN", "PROPN") and tree.tokens[node].dep != "prep":
            break
        node = head
    if pending is not None:
        return pending, False
    sent = tree.pdoc.sentences[tree.tokens[i].sent]
    if sent.text.rstrip().endswith("?"):
        return "hypothetical", False
    return ("threatened" if threat else "occurred"), False
