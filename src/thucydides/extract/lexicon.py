"""All the data the extraction stage reads, loaded once (see ``data/*.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .roles import RoleCues
from .status import StatusCues, load_status_cues
from .triggers import TriggerEntry, load_triggers
from .types import Crosswalk, ModeCue, load_mode_cues, load_request_topics, load_word_sets


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Triggers, crosswalk, status cues, role cues and weapon-mode cues."""

    triggers: dict[tuple[str, str], tuple[TriggerEntry, ...]]
    crosswalk: Crosswalk
    status: StatusCues
    roles: RoleCues
    modes: dict[str, ModeCue]
    words: dict[str, frozenset[str]]
    topics: dict[str, tuple[str, str]]  # requested action → (appeal code, demand code)

    @classmethod
    def load(cls) -> Lexicon:
        return _load_lexicon()

    def word(self, kind: str, lemma: str) -> bool:
        return lemma in self.words.get(kind, frozenset())


@lru_cache(maxsize=1)
def _load_lexicon() -> Lexicon:
    words = load_word_sets()
    modes = load_mode_cues()
    weapons = frozenset(k for k in modes if " " not in k)
    status = load_status_cues()
    roles = RoleCues(light_verbs=words.get("light_verb", frozenset()),
                     happen_verbs=status.words.get("happen_verb", frozenset()),
                     skip_objects=weapons | words.get("nonactor_object", frozenset()),
                     speech_verbs=words.get("speech", frozenset()),
                     of_patient=words.get("of_patient", frozenset()),
                     visit_nouns=words.get("visit_noun", frozenset()),
                     from_agent=words.get("from_agent", frozenset()),
                     weapons=words.get("weapon", frozenset()),
                     for_patient=words.get("for_patient", frozenset()),
                     to_patient=words.get("to_patient", frozenset()),
                     in_agent=words.get("in_agent", frozenset()),
                     envoys=words.get("envoy", frozenset()),
                     envoy_from=words.get("envoy_from_verb", frozenset()),
                     envoy_to=words.get("envoy_to_verb", frozenset()),
                     offices=words.get("office", frozenset()))
    return Lexicon(load_triggers(), Crosswalk.load(), status, roles, modes, words,
                   load_request_topics())
