from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.errors import (
    BinaryFileError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncodingError,
    InputError,
    MalformedRecordError,
    NothingReadError,
    UnreadableFileError,
)
from thucydides.ingest import doc_id_for, read_inputs, read_jsonl

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def codes(errors: list[InputError]) -> list[str]:
    return [e.code for e in errors]


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# --- readers ---------------------------------------------------------------------------------

def test_jsonl_fields_extra_and_source() -> None:
    result = read_jsonl(FIXTURES / "docs.jsonl")
    assert result.errors == []
    first, second = result.documents
    assert (first.id, first.published, first.title, first.outlet) == (
        "a1", "2024-01-05", "Village shelled", "Example Post")
    assert first.url == "https://example.org/a1"
    assert first.extra == {"topic": "shelling"}
    assert first.source == f"{FIXTURES / 'docs.jsonl'}:1"
    assert first.offsets is None and first.published_inferred is False
    assert second.id == doc_id_for(second.text) and second.published is None
    assert second.source is not None and second.source.endswith("docs.jsonl:2")


def test_jsonl_invalid_date_is_null_with_a_note(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [
        {"id": "x", "text": "Rockets fell.", "published": "2024-02-30"},
        {"id": "y", "text": "Rockets fell again.", "published": "2024-03-01T10:00:00Z"},
    ])
    result = read_jsonl(path)
    assert [d.published for d in result.documents] == [None, "2024-03-01"]
    assert codes(result.errors) == ["T103"] and result.errors[0].line == 1


def test_text_file_with_title() -> None:
    (doc,) = read_inputs([FIXTURES / "article.txt"]).documents
    assert doc.title == "Drone strike hits fuel depot near the border"
    assert "Advertisement" not in doc.text
    assert doc.id == doc_id_for(doc.text)
    assert doc.source == str(FIXTURES / "article.txt")
    original = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    i = doc.text.index("Two guards")
    assert doc.offsets is not None
    assert original[doc.offsets[i]:doc.offsets[i] + 10] == "Two guards"


def test_text_without_a_heading_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Shelling resumed overnight.\nThree homes were hit.", encoding="utf-8")
    assert read_inputs([path]).documents[0].title is None


def test_markdown_file() -> None:
    (doc,) = read_inputs([FIXTURES / "notes.md"]).documents
    assert doc.title == "Ceasefire talks resume in the capital"
    assert "six hours" in doc.text and "**" not in doc.text and "https://" not in doc.text
    assert "Share this article" not in doc.text and "meeting.jpg" not in doc.text


def test_html_page() -> None:
    (doc,) = read_inputs([FIXTURES / "page.html"]).documents
    assert doc.title == "Border clash leaves five dead"
    assert doc.published == "2024-02-11" and doc.published_inferred is True
    assert doc.url == "https://news.example.org/world/border-clash"
    assert doc.outlet == "Example News"
    assert "Five soldiers were killed" in doc.text
    assert "Home | World" not in doc.text and "Advertisement" not in doc.text


def test_html_in_its_declared_charset_and_utf16_text(tmp_path: Path) -> None:
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    page = page.replace("<head>", '<head><meta charset="windows-1252">')
    page = page.replace("Five soldiers", "Caf\u00e9 owners and five soldiers")
    (tmp_path / "cp1252.html").write_bytes(page.encode("cp1252"))
    (tmp_path / "wide.txt").write_bytes("Shelling resumed in G\u00e4rtnerstra\u00dfe.".encode("utf-16"))
    html, text = read_inputs([tmp_path / "cp1252.html", tmp_path / "wide.txt"]).documents
    assert "Caf\u00e9 owners" in html.text
    assert text.text == "Shelling resumed in G\u00e4rtnerstra\u00dfe."


def test_rss_feed_entries() -> None:
    result = read_inputs([FIXTURES / "feed.rss"])
    first, second = result.documents
    assert first.id == "frontier-1001" and first.published == "2024-02-06"
    assert first.title == "Border crossing reopens after two-week closure"
    assert first.text.startswith(first.title + "\n\n")
    assert "main crossing reopened" in first.text and "<b>" not in first.text
    assert first.url == "https://frontier.example.com/news/crossing-reopens"
    assert first.outlet == "Frontier Daily"
    assert first.source is not None and first.source.endswith("feed.rss#1")
    assert second.id == doc_id_for(second.text) and second.published == "2024-02-07"


def test_atom_feed_entry() -> None:
    (doc,) = read_inputs([FIXTURES / "feed.atom"]).documents
    assert doc.published == "2024-03-01" and doc.outlet == "Valley Wire"
    assert doc.url == "https://valley.example.net/floods-road"
    assert "washed away a bridge" in doc.text and "track()" not in doc.text


def test_folder_and_glob(tmp_path: Path) -> None:
    sub = tmp_path / "in" / "deeper"
    sub.mkdir(parents=True)
    shutil.copy(FIXTURES / "article.txt", tmp_path / "in" / "b.txt")
    shutil.copy(FIXTURES / "docs.jsonl", sub / "a.jsonl")
    (sub / "photo.png").write_bytes(PNG)
    (sub / "mystery.bin2").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "in" / ".hidden.txt").write_text("Hidden text.", encoding="utf-8")
    (sub / "README").write_text("Plain notes about a ceasefire.", encoding="utf-8")
    folder = read_inputs([tmp_path / "in"])
    assert folder.errors == []
    assert [Path(d.source or "").name.split(":")[0] for d in folder.documents] == [
        "b.txt", "README", "a.jsonl", "a.jsonl"]
    pattern = read_inputs([str(tmp_path / "in" / "**" / "*.jsonl")])
    assert [d.id for d in pattern.documents] == [d.id for d in folder.documents[2:]]


def test_same_file_twice_is_read_once() -> None:
    result = read_inputs([FIXTURES / "docs.jsonl", FIXTURES / "docs.jsonl"])
    assert len(result.documents) == 2


def test_repeated_given_id_is_renamed_and_reported(tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", [{"id": "n1", "text": "First story."}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"id": "n1", "text": "Second story."}])
    result = read_inputs([a, b])
    assert [d.id for d in result.documents] == ["n1", "n1~2"]
    assert codes(result.errors) == ["T103"] and result.errors[0].line == 1


# --- bad input -------------------------------------------------------------------------------

def test_missing_file_and_unmatched_pattern(tmp_path: Path) -> None:
    good = FIXTURES / "article.txt"
    result = read_inputs([tmp_path / "nope.txt", str(tmp_path / "*.jsonl"), good])
    assert len(result.documents) == 1
    assert [type(e) for e in result.errors] == [UnreadableFileError, UnreadableFileError]
    assert result.errors[0].one_line().startswith(f"error T101: {tmp_path / 'nope.txt'}: ")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Secret report.", encoding="utf-8")
    path.chmod(0)
    try:
        result = read_jsonl(path)
    finally:
        path.chmod(0o644)
    assert codes(result.errors) == ["T101"] and result.errors[0].path == str(path)


def test_directory_given_as_jsonl_is_unreadable(tmp_path: Path) -> None:
    result = read_jsonl(tmp_path)
    assert codes(result.errors) == ["T101"] and result.errors[0].path == str(tmp_path)


def test_invalid_utf8_text_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Line one.\nCaf\u00e9 attacked.".encode("latin-1"))
    result = read_inputs([path, FIXTURES / "article.txt"])
    (error,) = result.errors
    assert isinstance(error, EncodingError) and error.path == str(path) and error.line == 2
    assert len(result.documents) == 1


def test_invalid_utf8_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Good."}\n{"id": "b", "text": "Caf\xe9"}\n')
    result = read_jsonl(path)
    assert [d.id for d in result.documents] == ["a"]
    assert isinstance(result.errors[0], EncodingError) and result.errors[0].line == 2


def test_malformed_jsonl_lines_keep_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        '{"id": "a", "text": "Strikes hit a depot."}\n'
        '{"id": "b", "text": "unterminated\n'
        '\n'
        '["not", "an", "object"]\n'
        '{"id": "c"}\n'
        '{"id": "d", "text": "Talks resumed."}\n', encoding="utf-8")
    result = read_jsonl(path)
    assert [d.id for d in result.documents] == ["a", "d"]
    assert [type(e) for e in result.errors] == [MalformedRecordError] * 3
    assert [e.line for e in result.errors] == [2, 4, 5]
    assert f"{path}:2: " in result.errors[0].one_line()


def test_empty_documents(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("  \n\n\t\n", encoding="utf-8")
    write_jsonl(tmp_path / "d.jsonl", [{"id": "e", "text": "Advertisement"},
                                       {"id": "f", "text": "Aid convoy arrived."}])
    result = read_inputs([tmp_path])
    assert [d.id for d in result.documents] == ["f"]
    assert all(isinstance(e, EmptyDocumentError) for e in result.errors)
    assert [(Path(e.path or "").name, e.line) for e in result.errors] == [
        ("blank.txt", None), ("d.jsonl", 1)]


def test_fifty_megabyte_documents_are_rejected_quickly(tmp_path: Path) -> None:
    block = "Shells fell on the market. " * 40_000  # ~1 MB
    big_txt = tmp_path / "big.txt"
    big_jsonl = tmp_path / "big.jsonl"
    with big_txt.open("w", encoding="utf-8") as fh:
        fh.writelines(block for _ in range(50))
    with big_jsonl.open("w", encoding="utf-8") as fh:
        fh.write('{"id": "small", "text": "A small one."}\n{"id": "big", "text": "')
        fh.writelines(block for _ in range(50))
        fh.write('"}\n{"id": "after", "text": "Another small one."}\n')
    started = time.perf_counter()
    result = read_inputs([big_txt, big_jsonl])
    big_read = read_inputs([big_txt, FIXTURES / "article.txt"],
                           Settings.model_validate({"max_doc_chars": 20_000_000}))  # read once, in full
    elapsed = time.perf_counter() - started
    assert [d.id for d in result.documents] == ["small", "after"]
    assert [type(e) for e in result.errors] == [DocumentTooLargeError] * 2
    assert result.errors[1].line == 2
    assert isinstance(big_read.errors[0], DocumentTooLargeError)
    assert elapsed < 3.0


def test_too_large_after_reading(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": "x", "text": "word " * 1000}])
    result = read_jsonl(path, Settings.model_validate({"max_doc_chars": 1000}))
    assert isinstance(result.errors[0], DocumentTooLargeError) and result.errors[0].line == 1


def test_binary_junk(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"Some text\x00\x00\x03\x04" * 50)
    controls = tmp_path / "controls.jsonl"
    controls.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]) * 100)
    image = tmp_path / "photo.png"
    image.write_bytes(PNG)
    result = read_inputs([junk, controls, image, FIXTURES / "article.txt"])
    assert [type(e) for e in result.errors] == [BinaryFileError] * 3
    assert [e.path for e in result.errors] == [str(junk), str(controls), str(image)]


def test_nothing_read_raises(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(NothingReadError, match="no document could be read") as info:
        read_inputs([tmp_path / "missing.jsonl", tmp_path / "photo.png", tmp_path / "empty.txt"])
    assert "T101" in info.value.message and "T106" in info.value.message
    with pytest.raises(NothingReadError):
        read_inputs([])


def test_read_jsonl_never_raises(tmp_path: Path) -> None:
    result = read_jsonl(tmp_path / "missing.jsonl")
    assert result.documents == [] and codes(result.errors) == ["T101"]
