"""Who says so: the share of an article's factual claims that carry a source, and its casualty
figures with none.

A factual claim is a mention reported as having happened (status occurred or claimed) or a
casualty figure. A claim's source weight is 1 for a named person or an institution, 0.5 for an
unnamed source ("officials said"), 0 for none or the outlet itself. Figures come from the
extracted mentions; a sentence with none that still counts victims ("four children were among
those killed") adds one figure found by a light pattern over its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.claimants import claimant_kind
from ..extract.numbers import number_lexicon
from ..records import Mention
from ..resolve.dates import find_date_expressions
from .context import Article
from .lexicon import audit_lexicon
from .model import Finding, SentenceRef, Severity

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_][\w'’-]*")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_NUMBER_KINDS = frozenset({"unit", "tens", "scale", "group", "plural", "vague"})
BACK_WINDOW = 6  # a number this many words before a casualty word counts its victims
AHEAD_WINDOW = 3  # ... or this many words after it ("killed at least 84")
LOW_SHARE = 0.6  # below this share of sourced claims the article gets a summary finding
MIN_CLAIMS = 3
MAX_RELATED = 30


@dataclass(frozen=True, slots=True)
class Claim:
    sentence: int
    what: str  # trigger or figure text
    figure: bool
    weight: float  # 1 sourced, 0.5 unnamed source, 0 none
    ref: SentenceRef


@dataclass(frozen=True, slots=True)
class AttributionResult:
    findings: list[Finding]
    n_claims: int
    share: float
    n_figures: int
    n_unsourced_figures: int
    figures_share: float


def source_weight(claimant: str | None, kind: str | None, outlet: str | None) -> float:
    if not claimant or kind == "outlet":
        return 0.0
    if outlet and claimant.strip().lower() == outlet.strip().lower():
        return 0.0
    return 0.5 if kind == "anonymous" else 1.0


def collect_claims(art: Article) -> list[Claim]:
    out: list[Claim] = []
    for i in range(len(art.sentences)):
        if i in art.boilerplate:
            continue
        happened = art.happened(i)
        seen: set[tuple[str, int | None, str]] = set()
        for m in happened:
            out.append(Claim(i, m.trigger, False, _mention_weight(art, m), art.mention_ref(m)))
            for f in m.figures:
                if (f.kind, f.best, f.text) in seen or f.kind not in ("killed", "injured"):
                    continue
                seen.add((f.kind, f.best, f.text))
                out.append(Claim(i, f.text or str(f.best), True, _figure_weight(art, m, f.claimant),
                                 art.mention_ref(m)))
        if not seen:
            out.extend(_pattern_figures(art, i, happened))
    return out


def _mention_weight(art: Article, m: Mention) -> float:
    return source_weight(m.claimant, m.claimant_kind, art.doc.outlet)


def _figure_weight(art: Article, m: Mention, claimant: str | None) -> float:
    if claimant and claimant != m.claimant:
        return source_weight(claimant, claimant_kind(claimant), art.doc.outlet)
    return _mention_weight(art, m)


def _pattern_figures(art: Article, i: int, happened: list[Mention]) -> list[Claim]:
    text = art.sentences[i].text
    phrase = casualty_phrase(text)
    if phrase is None:
        return []
    weights = [_mention_weight(art, m) for m in art.by_sentence.get(i, [])]
    weight = max(weights, default=0.0)
    if weight == 0.0 and audit_lexicon().get("attribution").search(text):
        weight = 0.5
    return [Claim(i, phrase, True, weight, art.ref(i))]


def casualty_phrase(text: str) -> str | None:
    """The words from a victim count to its casualty word ("two children were killed",
    "killed over 90"), if the sentence has one; numbers inside dates do not count."""
    lex = audit_lexicon()
    casualty, non_count = lex.get("casualty"), lex.get("non_count")
    if casualty.search(text) is None:
        return None
    dates = find_date_expressions(text)
    toks = [m for m in _TOKEN.finditer(text)
            if not any(s <= m.start() < e for s, e in dates)]
    numbers = [k for k, t in enumerate(toks) if _is_count(t.group())
               and not (k + 1 < len(toks) and non_count.fullmatch(toks[k + 1].group()))]
    for c, t in enumerate(toks):
        if not casualty.fullmatch(t.group()):
            continue
        for k in numbers:
            if c - BACK_WINDOW <= k < c or c < k <= c + AHEAD_WINDOW:
                a, b = sorted((k, c))
                return text[toks[a].start():toks[b].end()]
    return None


def _is_count(word: str) -> bool:
    w = word.lower()
    if w[:1].isdigit():
        return not _YEAR.match(w)
    entry = number_lexicon().words.get(w)
    return entry is not None and entry[1] in _NUMBER_KINDS


def attribution_findings(art: Article) -> AttributionResult:
    claims = collect_claims(art)
    figures = [c for c in claims if c.figure]
    findings = _sentence_findings(art, claims)
    share = sum(c.weight for c in claims) / len(claims) if claims else 1.0
    fig_share = sum(c.weight for c in figures) / len(figures) if figures else 1.0
    unsourced = [c for c in figures if c.weight == 0.0]
    if len(claims) >= MIN_CLAIMS and share < LOW_SHARE:
        findings.insert(0, _summary(claims, share, "claims", "factual claims"))
    if len(figures) >= 2 and fig_share < LOW_SHARE:
        findings.insert(0, _summary(figures, fig_share, "figures", "casualty figures"))
    return AttributionResult(findings, len(claims), share, len(figures), len(unsourced), fig_share)


def _summary(claims: list[Claim], share: float, scope: str, label: str) -> Finding:
    weak = [c for c in claims if c.weight < 1.0]
    none = sum(1 for c in claims if c.weight == 0.0)
    anonymous = len(weak) - none
    severity: Severity = "high" if share < LOW_SHARE / 2 else "medium"
    refs = list({c.ref.start: c.ref for c in weak}.values())
    message = (f"{label} largely unattributed: {none} of {len(claims)} have no source and "
               f"{anonymous} only an unnamed one (sourced share {share:.0%})")
    return Finding("attribution", severity, message, refs[0], refs[1:MAX_RELATED],
                   {"scope": scope, "n": len(claims), "unsourced": none, "anonymous": anonymous,
                    "sourced_share": round(share, 3)})


def _sentence_findings(art: Article, claims: list[Claim]) -> list[Finding]:
    out: list[Finding] = []
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        if c.weight == 0.0:
            by_sentence.setdefault(c.sentence, []).append(c)
    for _, cs in sorted(by_sentence.items()):
        figs = [c.what for c in cs if c.figure]
        events = list(dict.fromkeys(c.what for c in cs if not c.figure))
        ref = next(c.ref for c in cs)
        if figs:
            out.append(Finding("unsourced_figure", "medium",
                               "casualty figure with no source: " + "; ".join(f"“{f}”" for f in figs),
                               ref, details={"figures": figs}))
        if events:
            out.append(Finding("unattributed_claim", "low",
                               "reported as fact with no source: " + ", ".join(events), ref,
                               details={"triggers": events}))
    return out
