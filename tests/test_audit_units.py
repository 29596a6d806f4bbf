"""Pieces of the reporting audit that need no parse: data files, patterns, dates, score, text checks."""

from __future__ import annotations

from datetime import date

import pytest

from thucydides.audit.attribution import casualty_phrase, source_weight
from thucydides.audit.context import build_article, split_sentences
from thucydides.audit.dating import Stated, agrees, classify
from thucydides.audit.lexicon import alias_pattern, audit_lexicon, reference_events
from thucydides.audit.model import AuditStats, Finding, SentenceRef
from thucydides.audit.score import WEIGHTS, penalties, total
from thucydides.audit.surface import boilerplate_findings, glued_findings, stuffing_findings
from thucydides.ingest.result import Origin, make_document


def test_reference_chronology_loads_and_is_well_formed() -> None:
    events = reference_events()
    assert len(events) >= 40
    assert len({e.id for e in events}) == len(events)
    for e in events:
        assert e.participants and e.cues
        assert date(1970, 1, 1) < e.date < date(2030, 1, 1)
        assert 0 <= e.tolerance <= 3
        assert e.keywords is not None or not all(e.generic) or len(e.participants) == 2


def test_alias_pattern_matches_whole_words_and_short_capitals_exactly() -> None:
    p = alias_pattern("United States|US|U.S.|Iran*|bin Laden")
    assert p.search("the US said") and p.search("U.S. forces") and p.search("an Iranian drone")
    assert p.search("killed bin  Laden")
    assert not p.search("they told us") and not p.search("Busan") and not p.search("Tiran")


def test_lexicon_categories() -> None:
    lex = audit_lexicon()
    assert lex.get("cue:killing").search("the assassination of")
    assert lex.get("memorial").search("at his tomb")
    assert "the" in lex.stopwords


@pytest.mark.parametrize(("text", "expected"), [
    ("Two children were killed and three others injured.", "Two children were killed"),
    ("The blast killed over 90 people.", "killed over 90"),
    ("Four days later the strike killed nobody.", "killed nobody"),
    ("Over the last two weeks many were wounded.", "many were wounded"),
    ("Residents said they had been wounded two years earlier.", None),
    ("On January 3, 2020, a drone strike killed the general.", None),
    ("The strikes killed several civilians.", "killed several"),
])
def test_casualty_phrase(text: str, expected: str | None) -> None:
    assert casualty_phrase(text) == expected


def test_source_weight() -> None:
    assert source_weight("Pakistan's foreign ministry", "institution", None) == 1.0
    assert source_weight("officials", "anonymous", None) == 0.5
    assert source_weight(None, None, None) == 0.0
    assert source_weight("Test Wire", "named", "Test Wire") == 0.0


def test_date_classes() -> None:
    assert classify("on Tuesday") == ("weekday", False)
    assert classify("two years previously") == ("shift", False)
    assert classify("since 2020") == ("year", True)
    assert classify("on January 3, 2020")[0] == "mdy"


def test_agrees_respects_precision() -> None:
    day = date(2020, 1, 3)
    assert agrees(Stated("x", 0, 1, "mdy", False, True, date(2020, 1, 4), "day"), day, 1)
    assert not agrees(Stated("x", 0, 1, "mdy", False, True, date(2021, 1, 3), "day"), day, 1)
    assert agrees(Stated("x", 0, 1, "month", False, False, date(2020, 1, 1), "month"), day, 0)
    assert agrees(Stated("x", 0, 1, "shift", False, False, date(2021, 1, 1), "year"), day, 0)
    assert not agrees(Stated("x", 0, 1, "shift", False, False, date(2022, 1, 1), "year"), day, 0)
    assert not agrees(Stated("x", 0, 1, "year", False, True, date(2021, 1, 1), "year"), day, 0)


def test_score_formula() -> None:
    clean = AuditStats(n_claims=5, attributed_share=1.0, n_figures=2, figures_sourced_share=1.0)
    assert total(penalties(clean, [])) == 100
    ref = SentenceRef("d", 0, 0, 1, "x")
    bad = AuditStats(n_claims=10, attributed_share=0.0, n_figures=4, figures_sourced_share=0.0,
                     boilerplate_share=1.0, n_glued=9)
    high = [Finding("temporal_conflation", "high", "", ref), Finding("relative_date", "high", "", ref),
            Finding("reference_contradiction", "high", "", ref),
            Finding("record_contradiction", "high", "", ref)]
    lost = penalties(bad, high)
    assert lost == WEIGHTS and total(lost) == 0
    half = penalties(AuditStats(n_claims=1, attributed_share=0.0), [])
    assert half["attribution"] == pytest.approx(10.0)  # one claim: damped to a third


def test_split_sentences_keeps_offsets() -> None:
    text = "First line\nIt said so. Then more.\n\nLast one?"
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["First line", "It said so.", "Then more.", "Last one?"]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_text_checks_without_a_parse() -> None:
    raw = ("Headline Here\nThe talks ended, officials said.Next Steps\nBody text follows here. "
           "Ceasefire talks collapse again. Ceasefire talks collapse fast. Ceasefire talks "
           "collapse often. Ceasefire talks collapse now. Ceasefire talks collapse today.\n"
           "Advertisement\n- Link One\n- Link Two\n- Link Three\n")
    doc = make_document(raw, Origin("page.txt"), 10_000)
    art = build_article(doc, None, [], {})
    boiler, n_lines, n_boiler = boilerplate_findings(art)
    assert n_lines == 7 and n_boiler == 4
    assert boiler and boiler[-1].details["lines"] == 4
    glued = glued_findings(art)
    assert len(glued) == 1 and glued[0].details["glued"] == "Next Steps"
    assert raw[glued[0].sentence.start:glued[0].sentence.end] == glued[0].sentence.text
    stuffed = stuffing_findings(art)
    assert stuffed and stuffed[0].details["phrase"] == "ceasefire talks collapse"
