"""Checks on the text itself: page furniture and link lists, calls to action and SEO copy,
repeated key phrases, and headings glued onto the previous sentence."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..ingest.clean import boilerplate_pattern, clean_text
from .context import Article
from .lexicon import audit_lexicon
from .model import Finding, SentenceRef

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s$")
_INNER_STOP = re.compile(r"[^\W\d_][.!?][\"”’)]?\s*[A-Z]")
_SENTENCE_END = (".", "!", "?", "\"", "”", "’", ";", ",")
SHORT_LINE_WORDS = 12  # a line this short with no final stop reads as a heading or a link
LIST_RUN = 3  # this many short lines in a row are a list of links, not prose
FURNITURE_MAX_CHARS = 160  # ingest's limit for a boilerplate line
CTA_LINE_MAX_CHARS = 240  # a call to action this short is a line of its own
STUFF_N = 3  # words per repeated phrase
STUFF_MIN_COUNT = 5
STUFF_MIN_PER_1000 = 2.0
HEADING_MAX_WORDS = 14


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str
    why: str  # "" (prose), "furniture", "list", "call to action"


def boilerplate_findings(art: Article) -> tuple[list[Finding], int, int]:
    """Findings for page furniture, link lists and calls to action; also marks the article's
    boilerplate sentences (``art.boilerplate``). Returns (findings, lines, boilerplate lines)."""
    lines = _classify_lines(art)
    findings = [_block_finding(art, block) for block in _blocks(lines)]
    marked = _mostly_in(art, [ln for ln in lines if ln.why])
    cta = audit_lexicon().get("boilerplate")
    for i, s in enumerate(art.sentences):
        hit = cta.search(s.text)
        if hit is not None and i not in marked:
            marked.add(i)
            findings.append(Finding("boilerplate", "low", f"call to action or SEO copy: "
                                    f"“{hit.group()}”", art.ref(i), details={"match": hit.group()}))
    art.boilerplate |= marked
    return findings, len(lines), sum(1 for ln in lines if ln.why)


def _classify_lines(art: Article) -> list[_Line]:
    raw, title = art.input_text, (art.doc.title or "").strip()
    furniture, cta = boilerplate_pattern(), audit_lexicon().get("boilerplate")
    lines: list[_Line] = []
    for m in _LINE.finditer(raw):
        text = m.group().strip()
        if not text:
            continue
        why = ""
        if len(text) <= FURNITURE_MAX_CHARS and furniture.fullmatch(text):
            why = "furniture"
        elif len(text) <= CTA_LINE_MAX_CHARS and cta.search(text):
            why = "call to action"
        lines.append(_Line(m.start(), m.end(), text, why))
    return _mark_lists(lines, title)


def _is_short(line: _Line, title: str) -> bool:
    """A heading or a link: few words, no final stop, no sentence inside, not the title."""
    return (line.text != title and len(line.text.split()) <= SHORT_LINE_WORDS
            and not line.text.endswith(_SENTENCE_END) and not _INNER_STOP.search(line.text))


def _mark_lists(lines: list[_Line], title: str) -> list[_Line]:
    out = list(lines)
    k = 1 if out and not out[0].why else 0  # the first line is the headline
    while k < len(out):
        j = k
        while j < len(out) and (_is_short(out[j], title) or out[j].why):
            j += 1
        if j - k >= LIST_RUN:
            out[k:j] = [ln if ln.why else _Line(ln.start, ln.end, ln.text, "list") for ln in out[k:j]]
        k = max(j, k + 1)
    return out


def _blocks(lines: list[_Line]) -> Iterator[list[_Line]]:
    block: list[_Line] = []
    for ln in lines:
        if ln.why:
            block.append(ln)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _block_finding(art: Article, block: list[_Line]) -> Finding:
    refs = [_line_ref(art, ln) for ln in block]
    kinds = sorted({ln.why for ln in block})
    removed = kinds == ["furniture"]
    what = {"furniture": "page furniture", "list": "list of links or headings",
            "call to action": "call to action or SEO copy"}
    label = " / ".join(what[k] for k in kinds)
    message = f"{len(block)} line(s) of {label}" + (" (removed by ingest)" if removed else "")
    return Finding("boilerplate", "info" if removed else "low", message, refs[0], refs[1:],
                   {"lines": len(block), "kinds": kinds})


def _line_ref(art: Article, ln: _Line) -> SentenceRef:
    inside = _sentences_in(art, ln.start, ln.end)
    return SentenceRef(art.doc.id, inside[0] if inside else None, ln.start, ln.end, ln.text)


def _mostly_in(art: Article, lines: list[_Line]) -> set[int]:
    """Sentences at least half of whose characters lie in ``lines``."""
    out: set[int] = set()
    for i, r in enumerate(art.refs):
        inside = sum(max(0, min(r.end, ln.end) - max(r.start, ln.start)) for ln in lines
                     if ln.start < r.end and r.start < ln.end)
        if inside and 2 * inside >= r.end - r.start:
            out.add(i)
    return out


def _sentences_in(art: Article, start: int, end: int) -> list[int]:
    """Sentences whose input span overlaps ``[start, end)``."""
    return [i for i, r in enumerate(art.refs) if r.start < end and start < r.end]


# -- repeated phrases ---------------------------------------------------------------------------

def stuffing_findings(art: Article) -> list[Finding]:
    """Three-word phrases of content words repeated far more often than prose needs (names
    excepted: a phrase written capitalised in most of its uses is a name)."""
    stop = audit_lexicon().stopwords
    counts: Counter[str] = Counter()
    where: dict[str, list[int]] = {}
    capitalised: Counter[str] = Counter()
    n_words = 0
    for i, s in enumerate(art.sentences):
        if i in art.boilerplate:
            continue
        words = _WORD.findall(s.text)
        n_words += len(words)
        for k in range(len(words) - STUFF_N + 1):
            gram = words[k:k + STUFF_N]
            key = " ".join(_POSSESSIVE.sub("", w).lower() for w in gram)
            if any(w in stop for w in key.split()):
                continue
            counts[key] += 1
            where.setdefault(key, []).append(i)
            capitalised[key] += all(w[:1].isupper() for w in gram)
    return _stuffed(art, counts, where, capitalised, n_words)


def _stuffed(art: Article, counts: Counter[str], where: dict[str, list[int]],
             capitalised: Counter[str], n_words: int) -> list[Finding]:
    out: list[Finding] = []
    kept: list[str] = []
    for key, n in counts.most_common():
        per_1000 = 1000 * n / max(n_words, 1)
        if n < STUFF_MIN_COUNT or per_1000 < STUFF_MIN_PER_1000:
            break
        if 2 * capitalised[key] > n or any(_overlaps(key, k) for k in kept):
            continue
        kept.append(key)
        sents = list(dict.fromkeys(where[key]))
        out.append(Finding(
            "keyword_stuffing", "medium",
            f"“{key}” repeated {n} times ({per_1000:.1f} per 1,000 words) in {len(sents)} sentences",
            art.ref(sents[0]), [art.ref(i) for i in sents[1:]],
            {"phrase": key, "count": n, "per_1000_words": round(per_1000, 2)}))
    return out


def _overlaps(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    return wa[1:] == wb[:-1] or wa[:-1] == wb[1:]


# -- glued headings -----------------------------------------------------------------------------

def glued_findings(art: Article) -> list[Finding]:
    """Where ingest's cleaning had to break a line because a heading or sentence was glued to
    the end of the previous sentence ("...retaliation.A Chain Reaction: ..."). Cleaning the input
    again shows each repair as a newline that stands for no input character."""
    raw = art.input_text
    markdown = (art.doc.source or "").split(":")[0].lower().endswith((".md", ".markdown"))
    clean, offsets = clean_text(raw, markdown=markdown)
    if offsets is None:
        return []
    out: list[Finding] = []
    for m in re.finditer("\n", clean):
        i = m.start()
        at = offsets[i]
        if offsets[i + 1] != at or raw[at - 1:at].isspace():
            continue
        line_end = clean.find("\n", i + 1)
        glued = clean[i + 1:line_end if line_end >= 0 else len(clean)]
        out.append(_glue_finding(art, raw, at, glued))
    return out


def _glue_finding(art: Article, raw: str, at: int, glued: str) -> Finding:
    heading = len(glued.split()) <= HEADING_MAX_WORDS and not glued.rstrip().endswith(_SENTENCE_END)
    before = raw[max(0, at - 30):at].split("\n")[-1]
    shown = glued if len(glued) <= 80 else glued[:77] + "…"
    what = "heading" if heading else "sentence"
    index = art.sentence_at(at)
    ref = art.ref(index) if index is not None else SentenceRef(art.doc.id, None, at, at, "")
    return Finding("glued_heading", "low",
                   f"{what} glued to the previous sentence without a break: “…{before}|{shown}”",
                   ref, details={"offset": at, "glued": glued[:200], "heading": heading})
