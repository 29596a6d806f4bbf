"""Text cleaning that remembers where every character came from.

Cleaning is a chain of passes. Each pass lists non-overlapping edits ``(start, end, replacement)``
over the current text; applying them yields the new text and, for each of its characters, its
position in the text before the pass. Composing those maps gives ``Document.offsets``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError

Edit = tuple[int, int, str]
Pass = Callable[[str], Iterable[Edit]]

_NEWLINES = re.compile("[\r\x0b\x0c\x85\u2028\u2029]\n?")
# Spaces of other widths become a space; zero-width characters render as nothing, so they are
# removed rather than made spaces (a zero-width space inside a word would otherwise split it).
# ZWJ/ZWNJ carry meaning in some scripts and in emoji, and stay.
_SPACE_LIKE = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ODD_CHARS = re.compile(f"[{_SPACE_LIKE}\x00-\x08\x0e-\x1f\x7f\u00ad\u200b\u2060\ufeff]+")
_HAS_SPACE = re.compile(f"[{_SPACE_LIKE}]")
_SPACES = re.compile(r"[ \n]{2,}")
_GLUE = re.compile(r"[.?!](?<=[^\W_][.?!])[\"”’)\]]?(?=[“\"‘(]?[A-ZÀ-ÖØ-Þ])")
_WORD_BEFORE = re.compile(r"[^\W_][\w.]*$")
_SHORT_LINE = re.compile(r"(?m)^[^\n]{1,160}$")
# Hard-wrapped text (plain-text wires, e-mail): lines broken at a fixed width of at most this
# many characters, at least this many lines long enough to be such breaks.
_WRAP_WIDTH = (40, 120)
_WRAP_MIN_LINES = 3
_WRAP_SLACK = 20
_HANGUL_VT = re.compile("[\u1161-\u1175\u11a8-\u11c2]")

_MD_HEADING = re.compile(r"(?m)^[ ]{0,3}#{1,6}[ \t]+")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)|(?<=\S)(\*\*|__)(?![\w*])")


def doc_id_for(text: str) -> str:
    """The stable id of a document without one: ``doc-`` + 16 hex digits of sha256(text)."""
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean_text(text: str, *, markdown: bool = False) -> tuple[str, list[int] | None]:
    """Cleaned text and, for each of its characters, the offset in ``text`` it came from.

    The map has ``len(clean) + 1`` entries (the last is ``len(text)``); it is None when cleaning
    changed nothing. ``markdown`` also drops heading marks, images, link targets and emphasis.
    """
    passes: list[Pass] = [_newline_edits, _odd_char_edits, _nfc_edits]
    if markdown:
        passes += [_md_heading_edits, _md_image_edits, _md_link_edits, _md_emphasis_edits]
    passes += [_glue_edits, _boilerplate_edits, _space_edits, _unwrap_edits, _strip_edits]
    current, offsets = text, None
    for make_edits in passes:
        applied = apply_edits(current, make_edits(current))
        if applied is None:
            continue
        current, step = applied
        offsets = step if offsets is None else [offsets[j] for j in step]
    return current, offsets


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[int]] | None:
    """Apply sorted, non-overlapping edits; None when none changes anything.

    A replacement as long as what it replaces maps character by character; otherwise all its
    characters map to the start of the replaced span (an insertion: to the character after it).
    """
    parts: list[str] = []
    step: list[int] = []
    pos = 0
    for start, end, rep in edits:
        if text[start:end] == rep:
            continue
        parts.append(text[pos:start])
        step.extend(range(pos, start))
        parts.append(rep)
        step.extend(range(start, end) if len(rep) == end - start else [start] * len(rep))
        pos = end
    if not parts:
        return None
    parts.append(text[pos:])
    step.extend(range(pos, len(text) + 1))
    return "".join(parts), step


def _sub_edits(pattern: re.Pattern[str], text: str,
               replace: Callable[[re.Match[str]], str]) -> Iterator[Edit]:
    for m in pattern.finditer(text):
        yield m.start(), m.end(), replace(m)


def _newline_edits(text: str) -> Iterator[Edit]:
    """CR LF, CR, line and paragraph separators, VT and FF become LF."""
    def replace(m: re.Match[str]) -> str:
        first, rest = m.group()[0], m.group()[1:]
        return ("\n\n" if first == "\u2029" else "\n") + ("" if first == "\r" else rest)

    return _sub_edits(_NEWLINES, text, replace)


def _odd_char_edits(text: str) -> Iterator[Edit]:
    return _sub_edits(_ODD_CHARS, text,
                      lambda m: " " if _HAS_SPACE.search(m.group()) else "")


def _nfc_edits(text: str) -> Iterator[Edit]:
    """NFC per cluster (a starter and the combining characters after it)."""
    if unicodedata.is_normalized("NFC", text):
        return
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and (unicodedata.combining(text[i]) or _HANGUL_VT.match(text[i])):
            continue
        cluster = text[start:i]
        normal = unicodedata.normalize("NFC", cluster)
        if normal != cluster:
            yield start, i, normal
        start = i


def _space_edits(text: str) -> Iterator[Edit]:
    """Collapse runs of spaces; trim spaces around newlines; at most one blank line."""
    def replace(m: re.Match[str]) -> str:
        newlines = m.group().count("\n")
        return " " if newlines == 0 else "\n" if newlines == 1 else "\n\n"

    return _sub_edits(_SPACES, text, replace)


def _unwrap_edits(text: str) -> Iterator[Edit]:
    """Join the lines of a hard-wrapped paragraph: a newline becomes a space (same length, so
    offsets stay exact) after a line that reaches the text's wrap width (hand-wrapped text is
    ragged, so within a slack), and before a line that goes on in lower case ("scheduled to
    appear\nin court"), whatever the width. Headings and short last lines of paragraphs keep
    their newline.
    """
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    inner = [i for i in range(len(lines) - 1) if lines[i] and lines[i + 1]]
    width = max((len(lines[i]) for i in inner), default=0)
    wrapped = _WRAP_WIDTH[0] <= width <= _WRAP_WIDTH[1] and sum(
        len(lines[i]) >= width - _WRAP_SLACK for i in inner) >= _WRAP_MIN_LINES
    for i in inner:
        if (wrapped and len(lines[i]) >= width - _WRAP_SLACK) or lines[i + 1][0].islower():
            yield starts[i + 1] - 1, starts[i + 1], " "


def _strip_edits(text: str) -> list[Edit]:
    stripped = text.strip()
    if len(stripped) == len(text):
        return []
    if not stripped:
        return [(0, len(text), "")]
    head = len(text) - len(text.lstrip())
    tail = head + len(stripped)
    return [(0, head, ""), (tail, len(text), "")]


def _glue_edits(text: str) -> Iterator[Edit]:
    """A newline between a sentence and the heading or sentence glued onto it."""
    for m in _GLUE.finditer(text):
        if _is_sentence_end(text, m.start(), m.end()):
            yield m.end(), m.end(), "\n"


def _is_sentence_end(text: str, punct: int, after: int) -> bool:
    left = max(text.rfind(" ", 0, punct), text.rfind("\n", 0, punct)) + 1
    right = len(text)
    for stop in (" ", "\n"):
        found = text.find(stop, after)
        if found != -1:
            right = min(right, found)
    run = text[left:right]
    if "/" in run or "@" in run or "://" in run or run.lower().startswith("www."):
        return False
    word_match = _WORD_BEFORE.search(text, left, punct)
    word = word_match.group() if word_match else ""
    if "." in word and all(len(part) <= 3 for part in word.split(".")):
        return False  # e.g. i.e. a.m. U.S. Ph.D.
    if len(word) == 1 and word.isalpha():
        return False  # an initial
    return word.lower() not in abbreviations()


def _boilerplate_edits(text: str) -> Iterator[Edit]:
    """Delete whole lines that are page furniture (see data/boilerplate.txt)."""
    pattern = boilerplate_pattern()
    for m in _SHORT_LINE.finditer(text):
        if pattern.fullmatch(m.group().strip()):
            end = m.end() + 1 if m.end() < len(text) else m.end()
            yield m.start(), end, ""


def _md_heading_edits(text: str) -> Iterator[Edit]:
    return _sub_edits(_MD_HEADING, text, lambda m: "")


def _md_image_edits(text: str) -> Iterator[Edit]:
    return _sub_edits(_MD_IMAGE, text, lambda m: "")


def _md_link_edits(text: str) -> Iterator[Edit]:
    for m in _MD_LINK.finditer(text):
        yield m.start(), m.start() + 1, ""
        yield m.end(1), m.end(), ""


def _md_emphasis_edits(text: str) -> Iterator[Edit]:
    return _sub_edits(_MD_EMPHASIS, text, lambda m: "")


def _data_lines(name: str) -> Iterator[tuple[int, str]]:
    source = resources.files("thucydides").joinpath("data").joinpath(name)
    for lineno, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield lineno, stripped


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    """One case-insensitive pattern matching a whole boilerplate line."""
    parts: list[str] = []
    for lineno, line in _data_lines("boilerplate.txt"):
        try:
            re.compile(line)
        except re.error as exc:
            raise ConfigError(f"bad regular expression: {exc}",
                              path="data/boilerplate.txt", line=lineno) from exc
        parts.append(f"(?:{line})")
    return re.compile("|".join(parts) or "(?!)", re.IGNORECASE)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations after which a period does not end a sentence."""
    return frozenset(line.lower().rstrip(".") for _, line in _data_lines("ingest_abbreviations.txt"))
