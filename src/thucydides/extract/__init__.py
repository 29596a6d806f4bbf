"""The extraction stage: parsed documents → event mentions (raw spans, no resolution).

    extract_mentions(pdoc, lex) -> list[Mention]      one document
    extract(pdocs, lex) -> list[Mention]              a batch

Per sentence, every event trigger (``data/triggers.tsv``) gives a :class:`Mention` with its PLOVER /
CAMEO / Goldstein / ACLED type (``data/crosswalk.tsv``), status (``extract/status.py``), actors as
raw spans (``extract/roles.py``), the sentence's places and dates as raw spans, casualty figures,
the claimant and a link cue. Mapping spans to countries, coordinates and calendar dates is done by
the resolution stage.

Choices worth knowing:

- One event per clause: triggers of the same PLOVER type linked in the parse are merged ("the
  strike killed two children" → one assault with the victims as actor2 and the figure attached);
  a casualty verb ("killed") is an event only when no stronger trigger covers it.
- Speech verbs (say, tell, report) are not events; the speaker is the claimant, never actor1.
- Coordinated actors: the first conjunct is actor1 of the mention ``doc:sent:token``; each other
  conjunct gets its own mention ``doc:sent:token+k``. A symmetric event without a second actor
  ("Iran and Pakistan agreed") pairs the conjuncts both ways.
- Negation of the trigger gives status ``denied`` with ``negated=True`` (the mention is kept).
- Threats, plans, conditionals and modal verbs never give ``occurred``; a PLOVER ``threaten``
  event itself has status ``threatened`` (it announces an action that has not happened).
- "X claimed responsibility for the attack": the attack is ``claimed`` with X as actor1; an
  event under "claimed that", "accused X of", "claims that" is ``claimed``, unless denied.
- Places and dates belong to the trigger that governs them in the parse ("killed in 2020" inside
  a relative clause does not date the sentence's main event); unowned ones go to every event.
- Dropped: a bare definite event noun with no actor, place, date or figure ("The strikes came at
  a time ...") and an event only named as the anchor of another ("after Tehran's attack", "in
  retaliation for the raid") unless the phrase carries its own date, place or figure.
- Not new events (``filters.py``): triggers on heading, link-list and caption lines; habitual or
  long-running statements ("has long accused", "for years", "have been launching ... since")
  unless they carry a point date; back-references ("the decision of X bombing Y", "these
  attacks", "The attack was the deadliest") keep only their own dates, figures and "in X" places
  and are dropped without them (a commented subject with its own actor is kept). An actor on
  another line than its trigger (a glued heading) or a dateline ("TEHRAN (Agencies):") is none.
- Pronoun actors take their antecedent (the speaker of "X said it ...", else the nearest name).
- Type refinements (weapons, civilian targets, protests, territory, request topics) are in
  ``refine.py`` and always pick a crosswalk row, so PLOVER type and CAMEO code agree. Property
  destroyed by missiles, drones or air strikes is a strike ("strikes destroyed houses": 195), not
  looting. An announced cooperative act is an expression of intent by the announcer ("agreed to
  lift the sanctions": 0354; ``intent.py``); the act itself stays hypothetical. An announced
  hostile act ("agreed to impose sanctions", "pledged to expel") is no intention to cooperate.
- An event noun merged into its own verb takes the verb's status ("agreed to *impose sanctions*").
- "X claimed / alleged that Y attacked Z" is X's accusation of Y (112; ``told.py``), unless the
  clause tells an act of X's own ("claimed that its fighters ...") or no hostile act.
- What someone was jailed, sentenced or executed for ("jailed X for helping militants join a
  group") is the reason of the punishment, not an event (``together.py``).
- "advised against travel to X": X is the target (a journey's destination; role_cues ``to_patient``).
- One attack told by several words of a sentence ("two children were killed when X struck ...,
  in an attack that ...") gives each word the attacker and the date (``together.py``); an event
  told in a relative clause about a party of another event, or as the record of a group ("a group
  that has carried out attacks"), is background; deaths in accidents are no attack.
- Aims are hypothetical: "a committee to investigate", "sent troops to retake", "ready to help".
- Cause phrases are no acts: a second conjunct of "in retaliation for X and for Y" and an event
  noun after "over" ("summoned the envoy over the airstrikes") are told elsewhere.
- A diplomatic act named as known ("prompting the recall of its envoy", "downgrading ties") is
  a recap (``recaps.py``, mention id ``...~ref``): no date of its own, it joins the event it names.
- A participle the parser read as the main verb ("the journalists *arrested* for ... were freed":
  no "and" between two finite verbs) is regrafted onto its noun before roles are read
  (``reparse.py``), so it describes the freed party and tells no arrest; a participle after a
  subject tagged as a past tense is read as passive ("the men *abducted* ... have been freed").
- Many acts summed up ("has launched many attacks", "dozens of raids during its campaign",
  "several strikes since 2015") are a pattern, not an event (``generic.aggregate``).
- A reflexive object is the agent ("Iraq attacked *itself*"), whom the self goes to ("surrendered
  *himself* to police"), or no one for a self-destruction ("blew *themselves* up"; ``coref.py``).
- An envoy the agent recalls, withdraws, returns or sends is its own, never the target: the
  target is the state it leaves ("recalled its ambassador from X", a capital standing for its
  state), goes to or is accredited to, else none; "the foreign ministers of X and Y" name both
  states, and a cooperative act they (or "X and Y ... return ambassadors") do with no target is
  between them (``envoys.py``; role_cues ``envoy``, ``office``).
- An object pronoun never stands for its own clause's subject ("X struck Y, accusing *it*"
  → Y); "a statement from X said it ..." → X (``coref.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Mention, ParsedDoc
from .lexicon import Lexicon
from .mentions import sentence_mentions
from .recaps import with_recaps
from .tree import Tree

__all__ = ["Lexicon", "extract", "extract_mentions"]


def extract_mentions(pdoc: ParsedDoc, lex: Lexicon) -> list[Mention]:
    """Every event mention of one parsed document, in text order."""
    tree = Tree(pdoc)
    out: list[Mention] = []
    for sent in pdoc.sentences:
        out.extend(with_recaps(tree, sent, lex, sentence_mentions(tree, sent, lex)))
    return out


def extract(pdocs: Sequence[ParsedDoc], lex: Lexicon | None = None) -> list[Mention]:
    """Event mentions of a batch of parsed documents."""
    lex = lex or Lexicon.load()
    out: list[Mention] = []
    for pdoc in pdocs:
        out.extend(extract_mentions(pdoc, lex))
    return out
