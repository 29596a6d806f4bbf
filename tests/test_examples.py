"""The demo corpus (examples/iran-pakistan-2024) is well-formed and shows the phenomena it is for."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "iran-pakistan-2024"
WIRE_FIELDS = {"id", "text", "published", "title", "outlet"}
HTML_DATE = re.compile(
    r'<time[^>]*datetime="(\d{4}-\d{2}-\d{2})|'
    r'<meta[^>]*property="article:published_time"[^>]*content="(\d{4}-\d{2}-\d{2})')
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]{2,8}\.? \d{1,2} \([^)]+\) [-–—]", re.M)


class _TextOnly(HTMLParser):
    """Collects the text inside <article>, the part a reader should keep."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "article"

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "article"

    def handle_data(self, data: str) -> None:
        if self.depth > 0:
            self.parts.append(data)


def wire_records() -> list[dict[str, str]]:
    lines = (CORPUS / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def rss_items() -> list[ET.Element]:
    (path,) = sorted(CORPUS.glob("*.rss"))
    return list(ET.parse(path).getroot().iter("item"))


def html_text(path: Path) -> str:
    parser = _TextOnly()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.parts)


def all_texts() -> dict[str, str]:
    """Every report of the corpus by an id (JSONL id, file name, or RSS guid)."""
    texts = {r["id"]: r["text"] for r in wire_records()}
    texts |= {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    texts |= {p.name: html_text(p) for p in CORPUS.glob("*.html")}
    texts |= {it.findtext("guid") or "": it.findtext("description") or "" for it in rss_items()}
    return texts


def shingles(text: str, k: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def test_wire_records_have_the_document_fields() -> None:
    records = wire_records()
    assert records
    for r in records:
        assert set(r) == WIRE_FIELDS, r.get("id")
        assert all(isinstance(r[k], str) and r[k].strip() for k in WIRE_FIELDS), r["id"]
        date.fromisoformat(r["published"])
        assert r["published"].startswith("2024-01"), r["id"]


def test_formats_and_counts() -> None:
    assert len(sorted(CORPUS.glob("*.txt"))) == 2
    assert len(sorted(CORPUS.glob("*.html"))) == 2
    assert len(rss_items()) == 2
    texts = all_texts()
    assert len(texts) == len(wire_records()) + 6, "report ids must be unique across files"
    assert 12 <= len(texts) <= 20


def test_reports_are_short_wire_stories() -> None:
    for rid, text in all_texts().items():
        n = len(text.split())
        assert 120 <= n <= 300, f"{rid}: {n} words"


def test_html_and_rss_carry_publication_dates() -> None:
    for path in CORPUS.glob("*.html"):
        m = HTML_DATE.search(path.read_text(encoding="utf-8"))
        assert m is not None, path.name
        date.fromisoformat(m.group(1) or m.group(2))
    for item in rss_items():
        assert parsedate_to_datetime(item.findtext("pubDate") or "").year == 2024


def test_one_text_file_has_only_a_dateline() -> None:
    undated = [p for p in CORPUS.glob("*.txt")
               if not re.search(r"\b\d{4}-\d{2}-\d{2}\b", p.read_text(encoding="utf-8"))]
    assert len(undated) == 1
    assert DATELINE.search(undated[0].read_text(encoding="utf-8"))


def test_exactly_one_near_duplicate_pair() -> None:
    """One wire copy, lightly edited: close enough for the default 0.85 threshold on 5-shingles."""
    items = list(all_texts().items())
    sh = [shingles(t, k=5) for _, t in items]
    scores = {(items[i][0], items[j][0]): jaccard(sh[i], sh[j])
              for i in range(len(items)) for j in range(i + 1, len(items))}
    pairs = [pair for pair, score in scores.items() if score >= 0.85]
    assert len(pairs) == 1, pairs
    assert sorted(scores.values())[-2] < 0.2, "other reports must be distinct stories"


@pytest.mark.parametrize("cue", [
    r"\bin retaliation for\b",
    r"\b(warned|vowed)\b",
    r"\bdenied that\b",
    r"\b(according to|officials said|security source)\b",
    r"\b(on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)|yesterday|a day after)\b",
])
def test_corpus_shows_the_phenomena(cue: str) -> None:
    assert any(re.search(cue, t) for t in all_texts().values()), cue


def test_conflicting_and_rising_figures() -> None:
    text = " ".join(all_texts().values())
    assert re.search(r"\bnine\b", text) and re.search(r"\bseven\b", text)
    assert re.search(r"\b53\b", text) and re.search(r"\b84\b", text)
