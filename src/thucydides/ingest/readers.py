"""Readers for plain text, Markdown, HTML pages and RSS/Atom feeds (one file each)."""

from __future__ import annotations

import time
from html.parser import HTMLParser
from typing import Any

from ..errors import EmptyDocumentError, InputError, MalformedRecordError
from ..records import Document
from .files import InputFile, decode, decode_html, read_bytes
from .result import IngestResult, Origin, make_document

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 25
_BLOCK_TAGS = frozenset({
    "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "section", "article", "header", "footer", "figure", "figcaption", "pre",
    "hr",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


def read_text_file(item: InputFile, max_chars: int, *, markdown: bool = False) -> IngestResult:
    """The whole file is one document; a short first line that reads like a heading is its title."""
    raw = decode(read_bytes(item, max_chars), item.display)
    doc = make_document(raw, Origin(item.display), max_chars, markdown=markdown)
    doc.title = guess_title(doc.text)
    return IngestResult([doc])


def guess_title(text: str) -> str | None:
    """The first line, when it is short, has no final stop and is followed by a new sentence."""
    first, _, rest = text.partition("\n")
    first, rest = first.strip(), rest.lstrip()
    if not rest or len(first) > _TITLE_MAX_CHARS or len(first.split()) > _TITLE_MAX_WORDS:
        return None
    if first[-1] in ".,;:" or rest[0].islower():
        return None
    return first


def read_html_file(item: InputFile, max_chars: int) -> IngestResult:
    """Main text by trafilatura; title, URL, site and publication date (htmldate) from the page."""
    import trafilatura

    html = decode_html(read_bytes(item, max_chars), item.display)
    extracted = trafilatura.bare_extraction(
        html, include_comments=False, with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text:
        raise EmptyDocumentError("no article text found in the page", path=item.display)
    date = getattr(extracted, "date", None)
    doc = make_document(text, Origin(item.display), max_chars,
                        title=getattr(extracted, "title", None) or None,
                        url=getattr(extracted, "url", None) or None,
                        outlet=getattr(extracted, "sitename", None) or None,
                        published=date or None, published_inferred=bool(date))
    return IngestResult([doc])


def read_feed_file(item: InputFile, max_chars: int) -> IngestResult:
    """Each RSS/Atom entry is a document: title, then its content or summary as text."""
    import feedparser

    data = read_bytes(item, max_chars)
    parsed = feedparser.parse(data)  # bytes: feedparser never fetches anything for them
    if not parsed.entries:
        reason = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        raise MalformedRecordError(f"no RSS/Atom entries found{reason}".replace("\n", " "),
                                   path=item.display, hint="give a valid RSS or Atom feed")
    outlet = _opt(parsed.feed.get("title"))
    result = IngestResult()
    for n, entry in enumerate(parsed.entries, 1):
        try:
            result.documents.append(_entry_document(entry, Origin(item.display, entry=n),
                                                    outlet, max_chars))
        except InputError as exc:
            result.errors.append(exc)
    return result


def _entry_document(entry: Any, origin: Origin, outlet: str | None,
                    max_chars: int) -> Document:
    title = html_to_text(entry.get("title") or "")
    bodies = [c.get("value", "") for c in entry.get("content") or []]
    bodies.append(entry.get("summary") or "")
    body = html_to_text(max(bodies, key=len))
    text = f"{title}\n\n{body}" if title and body and not body.startswith(title) else body or title
    if not text.strip():
        raise EmptyDocumentError("feed entry without title or text", path=origin.label)
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return make_document(text, origin, max_chars, doc_id=_opt(entry.get("id")),
                         title=title or None, url=_opt(entry.get("link")), outlet=outlet,
                         published=time.strftime("%Y-%m-%d", stamp) if stamp else None,
                         extra={"feed_entry": origin.entry})


def _opt(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment: tags dropped, entities decoded, blocks on their own lines."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line).strip()
