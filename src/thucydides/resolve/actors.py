"""Actor resolution: find actor names in text and resolve a noun-phrase span to one actor.

The dictionary (data files under ``data/actors``, see :mod:`.actor_data`) knows every country (names,
adjectives, plural demonyms, capitals as metonyms), named state bodies with their country (IRGC -> IRN),
armed groups (country null), international organisations, leaders with dated terms, and generic words
(a foreign ministry, militants, civilians, a prime minister) that take their country from the span.

``resolve`` picks the span's head, the most specific actor in it (person > named body/group > generic
body > title/role > country), and attaches an owner country to generic heads from a country name,
adjective or possessive in the same span ("Pakistan's foreign ministry" -> PAK). Date rules:

- a leader inside a term resolves to that term's country and kind; outside every term the person keeps
  the country of the nearest earlier term (else the first) with kind ``"other"`` (a citizen, no office);
- a dated organisation (the Taliban: armed group until 2021-08-14, Afghan government after) resolves to
  the row holding on the date, or the latest row without a date;
- a title with an owner ("the Pakistani prime minister") resolves to the office holder on the date
  when leaders.tsv knows one and the span does not say "former".

Country patrons of proxies ("Iran-backed militia", "pro-Iranian groups") never become the owner; such a
span is an armed group with country null. Police and other armed state forces are kind ``military``.
"""

from __future__ import annotations

from functools import lru_cache

from ..records import ActorKind, ActorRef
from .actor_data import ActorTables, load_tables
from .actor_match import Matcher, RawMatch, Tok, Trie, tokenize
from .actor_types import SPEC_COUNTRY, SPEC_GENERIC, ActorEntry, ActorMatch, Role, Term

__all__ = ["ActorDictionary", "ActorEntry", "ActorMatch"]

COUNTRY_ROLES = frozenset({"name", "adjective", "demonym", "capital"})
_CONF_PERSON, _CONF_NAMED, _CONF_COUNTRY, _CONF_CAPITAL = 0.95, 0.9, 0.9, 0.8
_CONF_OWNED, _CONF_ADJ, _CONF_PROXY, _CONF_UNOWNED, _CONF_OUT_OF_TERM = 0.8, 0.6, 0.6, 0.5, 0.6


class ActorDictionary:
    """The actor dictionary and its matcher. Build it with :meth:`load` (cached per process)."""

    def __init__(self, tables: ActorTables) -> None:
        self.tables = tables
        self.matcher = Matcher(Trie(tables.aliases),
                               tables.modifiers.get("ambiguous_acronyms", frozenset()))

    @classmethod
    def load(cls) -> ActorDictionary:
        return _load_dictionary()

    # ----------------------------------------------------------------------------- finding
    def find_matches(self, text: str, *, date: str | None = None) -> list[ActorMatch]:
        """Every non-overlapping longest match in ``text``, with its role and the entry on ``date``."""
        toks = tokenize(text)
        return [self._match(text, toks, raw, date) for raw in self.matcher.scan(text, toks)]

    def find_all(self, text: str, *, date: str | None = None) -> list[tuple[int, int, ActorEntry]]:
        """``(start, end, entry)`` of each actor mention; proxy patrons ("Iran-backed") left out."""
        return [(m.start, m.end, m.entry) for m in self.find_matches(text, date=date)
                if m.role not in ("proxy", "anti")]

    def country_of_adjective(self, word: str) -> str | None:
        """ISO-3 of a country adjective or demonym ("Iranian", "Pakistanis"), else None."""
        return self.tables.adjectives.get(word.strip().lower())

    def entry(self, actor_id: str, *, date: str | None = None) -> ActorEntry | None:
        """The row of ``actor_id`` that holds on ``date`` (latest row without a date)."""
        terms = self.tables.terms.get(actor_id)
        return _pick(terms, date).entry if terms else None

    def _match(self, text: str, toks: list[Tok], raw: RawMatch, date: str | None) -> ActorMatch:
        start, end = toks[raw.i].start, toks[raw.j - 1].end
        entry = _pick(self.tables.terms[raw.target.key], date).entry
        role = self._role(toks, raw)
        spec = self.tables.info[raw.target.key].specificity
        return ActorMatch(start, end, text[start:end], entry, role, spec)

    def _role(self, toks: list[Tok], raw: RawMatch) -> Role:
        mods = self.tables.modifiers
        if raw.j < len(toks) and toks[raw.j].norm in mods.get("proxy_after", frozenset()):
            return "proxy"
        if raw.i > 0 and toks[raw.i].start - toks[raw.i - 1].end <= 1:
            before = toks[raw.i - 1].norm
            if before in mods.get("proxy_before", frozenset()):
                return "proxy"
            if before in mods.get("anti_before", frozenset()):
                return "anti"
        role = raw.target.role
        return role if role in COUNTRY_ROLES else "entity"  # type: ignore[return-value]

    # ----------------------------------------------------------------------------- resolving
    def resolve(self, text: str, *, date: str | None = None,
                owner: str | None = None) -> ActorRef | None:
        """The best actor for a noun-phrase span; offsets are 0..len(text) (callers shift them).

        ``owner`` (ISO-3) is the country a generic body or title belongs to when the span itself
        names none: the context knows it ("Punjab Chief Minister", "its ambassador")."""
        matches = [m for m in self.find_matches(text, date=date) if m.role != "anti"]
        heads = [m for m in matches if m.role != "proxy"]
        proxied = len(heads) < len(matches)
        if not heads:
            return self._proxy_ref(text) if proxied else None
        head = max(heads, key=lambda m: (m.specificity, -m.start))
        found = _owner(heads, head)
        owner_match = found if found is not None or owner is None else self._owner_match(owner)
        info = self.tables.info[head.entry.id]
        if info.person:
            return self._person_ref(text, head, date)
        if head.specificity == SPEC_COUNTRY:
            return self._country_ref(text, head, heads, proxied)
        if head.entry.kind == "armed_group" and info.specificity <= SPEC_GENERIC:
            return self._ref(text, head.entry, _CONF_PROXY if proxied else _CONF_OWNED,
                             name=_clean(text) if proxied else None)
        if info.owner:
            return self._owned_ref(text, head, owner_match, date, proxied)
        return self._ref(text, head.entry, _CONF_NAMED)

    def takes_owner(self, ref: ActorRef) -> bool:
        """A generic body, title or group of people that named no country ("the police")."""
        info = self.tables.info.get(ref.actor_id or "")
        return ref.country is None and info is not None and info.owner

    def domestic(self, ref: ActorRef) -> bool:
        """A generic actor that belongs, by default, to the country where the event happened
        (police, security forces, civilians: flag ``domestic`` in generic.tsv)."""
        info = self.tables.info.get(ref.actor_id or "")
        return ref.country is None and info is not None and info.domestic

    def _owner_match(self, iso3: str) -> ActorMatch | None:
        terms = self.tables.terms.get(iso3)
        if not terms or iso3 not in self.tables.countries:
            return None
        return ActorMatch(0, 0, "", terms[0].entry, "name", SPEC_COUNTRY)

    def _owned_ref(self, text: str, head: ActorMatch, owner: ActorMatch | None,
                   date: str | None, proxied: bool) -> ActorRef:
        entry = head.entry
        if owner is None:
            if proxied:
                return self._proxy_ref(text)
            return self._ref(text, entry, _CONF_UNOWNED)
        iso3 = owner.entry.country or owner.entry.id
        holder = self._office_holder(text, entry.id, iso3, date)
        if holder is not None:
            return self._ref(text, holder, _CONF_OWNED)
        country = self.tables.countries[iso3]
        name = f"{country.name} {entry.name}"
        if self.tables.info[entry.id].adj and country.adjective:
            name = f"{country.adjective} {head.text}"  # "Afghan refugees", as written
        slug = entry.id.split("/", 1)[1]
        return ActorRef(text, 0, len(text), name=name, country=iso3,
                        kind=entry.kind, actor_id=f"{iso3}/{slug}", confidence=_CONF_OWNED)

    def _office_holder(self, text: str, title_id: str, iso3: str,
                       date: str | None) -> ActorEntry | None:
        office = next((t.office for t in self.tables.terms[title_id] if t.office), None)
        if office is None or date is None:
            return None
        past = self.tables.modifiers.get("past", frozenset())
        if any(t.norm in past for t in tokenize(text)):
            return None
        holders = self.tables.offices.get((iso3, office), [])
        return next((e for e in holders if e.holds_on(date)), None)

    def _person_ref(self, text: str, head: ActorMatch, date: str | None) -> ActorRef:
        entry = head.entry
        if date is None or entry.holds_on(date):
            return self._ref(text, entry, _CONF_PERSON if date else _CONF_NAMED)
        return ActorRef(text, 0, len(text), name=entry.name, country=entry.country, kind="other",
                        actor_id=entry.id, confidence=_CONF_OUT_OF_TERM)

    def _country_ref(self, text: str, head: ActorMatch, heads: list[ActorMatch],
                     proxied: bool) -> ActorRef:
        entry = head.entry
        if head.role == "adjective":
            if proxied:
                return self._proxy_ref(text)
            last_word = not any(t.raw[:1].isalnum() for t in tokenize(text[head.end:]))
            kind: ActorKind = "state" if last_word else "other"
            return ActorRef(text, 0, len(text), name=entry.name, country=entry.country, kind=kind,
                            actor_id=entry.id, confidence=_CONF_ADJ)
        if head.role == "demonym" and not self._definite(text, head):
            return ActorRef(text, 0, len(text), name=head.text, country=entry.country,
                            kind="civilians", actor_id=f"{entry.id}/people", confidence=_CONF_OWNED)
        conf = _CONF_CAPITAL if head.role == "capital" else _CONF_COUNTRY
        return self._ref(text, entry, conf)

    def _definite(self, text: str, head: ActorMatch) -> bool:
        before = tokenize(text[:head.start])
        words = self.tables.modifiers.get("people_definite", frozenset())
        return bool(before) and before[-1].norm in words

    def _proxy_ref(self, text: str) -> ActorRef:
        return ActorRef(text, 0, len(text), name=_clean(text), country=None, kind="armed_group",
                        actor_id="gen/proxy", confidence=_CONF_PROXY)

    @staticmethod
    def _ref(text: str, entry: ActorEntry, confidence: float, *, name: str | None = None
             ) -> ActorRef:
        return ActorRef(text, 0, len(text), name=name or entry.name, country=entry.country,
                        kind=entry.kind, actor_id=entry.id, confidence=confidence)


@lru_cache(maxsize=1)
def _load_dictionary() -> ActorDictionary:
    return ActorDictionary(load_tables())


def _pick(terms: list[Term], date: str | None) -> Term:
    """The term holding on ``date``; else the latest one starting before it; else the first."""
    if date is None:
        return terms[-1]
    for term in terms:
        if term.entry.holds_on(date):
            return term
    earlier = [t for t in terms if (t.entry.start or "") <= date]
    return earlier[-1] if earlier else terms[0]


def _owner(heads: list[ActorMatch], head: ActorMatch) -> ActorMatch | None:
    """The country word nearest the head: before it if any ("Pakistan's army"), else after it."""
    countries = [m for m in heads if m.role in COUNTRY_ROLES and m is not head]
    before = [m for m in countries if m.end <= head.start]
    if before:
        return before[-1]
    after = [m for m in countries if m.start >= head.end]
    return after[0] if after else None


def _clean(text: str) -> str:
    """A span as a name: surrounding space and punctuation and a leading article removed."""
    name = text.strip().strip(".,;:\"'()[]")
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if name.startswith(article):
            return name[len(article):].strip()
    return name
