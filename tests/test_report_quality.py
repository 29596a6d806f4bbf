"""The brief's Reporting quality section: the worst-scoring articles with their main findings,
each finding citing the article sentence it points to.

Unit tests build ``ArticleAudit`` records by hand; the end-to-end test runs the pipeline and the
audit on a small corpus written here (``AUDIT_CORPUS``, shared with test_brief_citations.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from thucydides.audit import ArticleAudit, AuditStats, Finding, SentenceRef
from thucydides.config import Settings
from thucydides.records import Document, Event, Evidence, Mention, Sentence
from thucydides.report import build_brief, write_brief
from thucydides.report.model import Citations
from thucydides.report.quality import (
    MAX_ARTICLES,
    QUOTE_CHARS,
    evidence,
    finding_line,
    quality_section,
)

FIGURE = "Gunmen killed seven people at a bus stop in Turbat on Sunday."
CLAIM = "The army has since sealed the roads out of the town."


def ref(doc_id: str, text: str, start: int = 0, index: int | None = 0) -> SentenceRef:
    return SentenceRef(doc_id, index, start, start + len(text), text)


def finding(doc_id: str, severity: str = "medium", kind: str = "unsourced_figure",
            message: str = "casualty figure with no source: “seven people”",
            text: str = FIGURE, start: int = 0, related: list[SentenceRef] | None = None
            ) -> Finding:
    return Finding(kind, severity, message, ref(doc_id, text, start),  # type: ignore[arg-type]
                   related=related or [])


def audit(doc_id: str, score: int, findings: list[Finding], **kw: Any) -> ArticleAudit:
    return ArticleAudit(doc_id, kw.pop("title", f"Story {doc_id}"), "2024-05-12", "Makran Daily",
                        score, {"attribution": 100 - score}, AuditStats(n_claims=3),
                        findings, **kw)


def docs(*ids: str) -> dict[str, Document]:
    return {i: Document(id=i, text=FIGURE, published="2024-05-12", outlet="Makran Daily")
            for i in ids}


def test_worst_articles_first_with_their_main_findings() -> None:
    audits = [audit(f"a{k:02d}", 40 + k, [finding(f"a{k:02d}")]) for k in range(12)]
    audits.append(audit("clean", 98, [finding("clean", "low", "unattributed_claim", "x")]))
    cites = Citations(docs(*(a.doc_id for a in audits)))
    out = quality_section(audits, cites)
    assert [s.title for s in out.subsections][:2] == ["Story a00: score 40 of 100",
                                                      "Story a01: score 41 of 100"]
    assert len(out.subsections) == MAX_ARTICLES
    assert out.note is not None and out.note.endswith(
        "The other 3 audited articles score from 50 to 98 (median 51); 2 of them have findings "
        "of medium or high severity not listed here.")
    first = out.subsections[0]
    assert first.note is not None and "Makran Daily, 12 May 2024, document a00" in first.note
    (item,) = first.items
    (line,) = item.lines
    assert line.clauses[0].text == ("Unsourced figure (medium): casualty figure with no source: "
                                    "“seven people”")


def test_low_findings_and_copies_are_not_listed() -> None:
    audits = [audit("low", 80, [finding("low", "low")]),
              audit("copy", 30, [finding("copy", "high")], duplicate_of="low")]
    out = quality_section(audits, Citations(docs("low", "copy")))
    assert out.subsections == []
    assert out.note is not None and out.note.endswith(
        "The other audited article scores 80; it has no finding of medium or high severity.")


def test_a_finding_cites_its_sentence_and_related_ones() -> None:
    cites = Citations(docs("a"))
    # the same sentence, already cited for an event, keeps its number
    event_source = Evidence("a", FIGURE, 0, len(FIGURE), claimant=None)
    assert cites.cite(event_source) == 1
    related = [ref("a", CLAIM, 70, 1), ref("a", "Third.", 130, 2), ref("a", "Fourth.", 140, 3)]
    line = finding_line(finding("a", related=related), cites)
    assert line.refs == (1, 2, 3)  # its own sentence and two related ones, not the third
    notes = {f.number: f for f in cites.footnotes()}
    assert notes[2].sentence == CLAIM and notes[2].doc_id == "a"


def test_a_message_of_several_sentences_cites_each() -> None:
    f = finding("a", message="says 9 killed. The record has 7, as most reports give.")
    line = finding_line(f, Citations(docs("a")))
    assert [c.text for c in line.clauses] == [
        "Unsourced figure (medium): says 9 killed", "The record has 7, as most reports give"]
    assert all(c.refs == (1,) for c in line.clauses)


def test_evidence_keeps_the_offsets_and_clips_long_sentences() -> None:
    long = "Read more: " + " ".join(["link"] * 200)
    ev = evidence(ref("a", long, 500), docs("a"))
    assert (ev.doc_id, ev.start, ev.end) == ("a", 500, 500 + len(long))
    assert len(ev.sentence) == QUOTE_CHARS and ev.sentence.endswith("…")
    assert ev.outlet == "Makran Daily" and ev.published == "2024-05-12"


def test_without_audits_the_section_says_it_was_not_run() -> None:
    out = quality_section(None, Citations({}))
    assert out.note is not None and out.note.startswith("The reporting audit was not run")
    brief = build_brief([], {}, audits=[])
    assert next(s for s in brief.sections if s.title == "Reporting quality").note == \
        "No article was audited."


# -- end to end ---------------------------------------------------------------------------------

AUDIT_CORPUS = [
    Document(id="q-1", published="2024-05-14", outlet="Hill Courier",
             title="Market attack in Quetta", text=(
                 "Gunmen opened fire on a crowded market in Quetta on Monday, killing seven "
                 "people. Twelve others were wounded in the attack.\n\n"
                 "Subscribe to our newsletter for the latest updates.\n"
                 "Click here to read more stories.")),
    Document(id="q-2", published="2024-05-14", outlet="Frontier Wire",
             title="Police say seven dead", text=(
                 "Seven people were killed when gunmen attacked a market in Quetta on Monday, "
                 "a police spokesman said. Provincial officials said twelve people were injured "
                 "in the shooting.")),
]


def extracted(corpus: list[Document]) -> tuple[list[Document], list[Mention], list[Event],
                                               dict[str, list[Sentence]]]:
    """What ``thucydides run`` has when it writes the brief: documents, every mention, the
    fused events and the parsed sentences."""
    from thucydides.pipeline import (
        analyse_batch,
        copy_to_duplicates,
        fuse_corpus,
        prepare_documents,
        undated_documents,
    )

    settings = Settings(progress=False)
    prepared = prepare_documents(corpus, settings)
    sentences: dict[str, list[Sentence]] = {}
    mentions = analyse_batch(prepared, settings,
                             on_doc=lambda p: sentences.__setitem__(p.doc.id, p.sentences))
    mentions += copy_to_duplicates(prepared, mentions)
    mentions, events = fuse_corpus(mentions, settings, undated_documents(prepared))
    return prepared, mentions, events, sentences


@pytest.fixture(scope="module")
def audited() -> tuple[list[Document], list[Mention], list[Event], dict[str, list[Sentence]]]:
    return extracted(AUDIT_CORPUS)


def test_brief_audits_the_articles_from_their_mentions(
        tmp_path: Path,
        audited: tuple[list[Document], list[Mention], list[Event], dict[str, list[Sentence]]]
        ) -> None:
    prepared, mentions, events, sentences = audited
    md_path, _ = write_brief(events, {d.id: d for d in prepared}, tmp_path, mentions=mentions,
                             sentences=sentences)
    md = md_path.read_text(encoding="utf-8")
    quality = md.split("## Reporting quality")[1].split("## Charts")[0]
    assert "### Market attack in Quetta: score" in quality
    assert "Police say seven dead" not in quality  # no finding above low severity
    assert "The other audited article scores" in quality
    found = re.search(r"Unsourced figure \(medium\): casualty figure with no source: "
                      r"“Twelve others” \[(\d+)\]", quality)
    assert found is not None
    source = re.search(rf"^{found.group(1)}\. Hill Courier.*$", md, re.M)
    assert source is not None and "“Twelve others were wounded in the attack.”" in source.group(0)
    # the sentence an event and a finding both rest on is one source, with one number
    assert len(re.findall(r"“Gunmen opened fire on a crowded market", md)) == 1
