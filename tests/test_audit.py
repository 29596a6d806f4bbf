"""The reporting audit, on articles written for the test (one pipeline run for all of them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.audit import ArticleAudit, audit_documents, render_markdown
from thucydides.cli import main
from thucydides.config import Settings
from thucydides.ingest import read_jsonl

ARTICLES: list[dict[str, str]] = [
    {   # events of 2024 and 2025 told as one sequence
        "id": "mixed-years", "published": "2024-01-20", "outlet": "Test Wire",
        "text": (
            "Iran's Revolutionary Guards fired missiles at militant bases in Pakistan's Balochistan "
            "province on Tuesday, Pakistan's foreign ministry said. Two days later, Israel launched "
            "a huge attack on Iran, striking its nuclear facilities and killing senior military "
            "commanders, Iranian state media reported."
        ),
    },
    {   # a weekday that the publication date puts 17 months before the event it tells
        "id": "relative-date", "published": "2024-01-20", "outlet": "Test Wire",
        "text": (
            "On Friday, Israel struck Iran's nuclear facilities at Natanz and killed several "
            "nuclear scientists, the Israeli army said in a statement."
        ),
    },
    {   # an event dated after its own publication
        "id": "after-publication", "published": "2024-03-01", "outlet": "Test Wire",
        "text": (
            "Militants attacked a police station in Quetta on March 20, killing five officers, "
            "a police spokesman said."
        ),
    },
    {   # a landmark event with the wrong year, one with a relative year, one commemorated
        "id": "wrong-landmark", "published": "2025-02-10", "outlet": "Test Wire",
        "text": (
            "Officials in Tehran said the US drone strike that killed Qassem Soleimani in Baghdad "
            "took place on January 3, 2021. Hamas leader Ismail Haniyeh was assassinated in "
            "Tehran three years ago, the report added. Thousands gathered at the tomb of Soleimani "
            "on January 3, 2024, state television said."
        ),
    },
    {   # casualty figures with no source at all
        "id": "unattributed", "published": "2024-01-18", "outlet": "Test Wire",
        "text": (
            "A suicide bomber killed 14 people at a crowded market in Quetta on Wednesday. "
            "Another 30 people were wounded in the blast. The attack destroyed dozens of shops "
            "and a mosque nearby."
        ),
    },
    {   # every claim sourced, dates consistent, a landmark with its right date
        "id": "clean", "published": "2024-01-17", "outlet": "Test Wire",
        "text": (
            "Pakistan's foreign ministry said on Wednesday that Iranian missiles had struck a "
            "village in Balochistan province on Tuesday. Two children were killed and three girls "
            "were injured in the strike, the ministry said in a statement. Iran's foreign "
            "minister, Hossein Amir-Abdollahian, said the strikes had targeted the militant group "
            "Jaish al-Adl. Iranian officials noted that the US strike that killed Qassem Soleimani "
            "in Baghdad took place on January 3, 2020."
        ),
    },
    {   # three reports of one attack; the third gives another toll
        "id": "rec-a", "published": "2024-03-06", "outlet": "Wire A",
        "text": ("Militants stormed a police station in Turbat in Pakistan's Balochistan province on "
                 "Tuesday, killing 12 policemen, provincial officials said."),
    },
    {
        "id": "rec-b", "published": "2024-03-06", "outlet": "Wire B",
        "text": ("Gunmen attacked a police station in Turbat in Balochistan on Tuesday and killed 12 "
                 "policemen, a police spokesman said."),
    },
    {
        "id": "rec-c", "published": "2024-03-07", "outlet": "Wire C",
        "text": ("Militants attacked a police station in Turbat in Balochistan on Tuesday, killing 30 "
                 "policemen, a local official said."),
    },
]

PAGE = (  # a web page as scraped: furniture, a glued heading, a link list, a repeated key phrase
    "Pakistan Border Strikes Explained\n"
    "Advertisement\n"
    "Pakistan border strikes drew condemnation, officials said.Why It Matters Now\n"
    "Pakistan border strikes are rare. Analysts say Pakistan border strikes signal a new phase. "
    "Readers searching for Pakistan border strikes want context. Pakistan border strikes have "
    "happened before. Coverage of Pakistan border strikes continues.\n"
    "Share this article\n"
    "- Cheap Flights To Karachi\n"
    "- Best Hotels In Tehran\n"
    "- Border Travel Guide\n"
    "Share your thoughts in the comments below.\n"
)


def _write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def audits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ArticleAudit]:
    folder = tmp_path_factory.mktemp("audit")
    rows = [*ARTICLES, {"id": "page", "published": "2024-01-20", "text": PAGE}]
    docs = read_jsonl(_write_jsonl(folder / "docs.jsonl", rows)).documents
    return {a.doc_id: a for a in audit_documents(docs, Settings(progress=False))}


def _kinds(a: ArticleAudit, min_rank: int = 1) -> set[str]:
    from thucydides.audit.model import SEVERITY_RANK

    return {f.kind for f in a.findings if SEVERITY_RANK[f.severity] >= min_rank}


def test_every_finding_cites_its_sentence_in_the_input(audits: dict[str, ArticleAudit]) -> None:
    texts = {r["id"]: r["text"] for r in ARTICLES} | {"page": PAGE}
    for a in audits.values():
        assert 0 <= a.score <= 100
        for f in a.findings:
            ref = f.sentence
            assert ref.doc_id == a.doc_id
            assert texts[a.doc_id][ref.start:ref.end] == ref.text, (f.kind, ref)


def test_two_years_told_as_one_sequence(audits: dict[str, ArticleAudit]) -> None:
    a = audits["mixed-years"]
    found = [f for f in a.by_kind("temporal_conflation") if f.severity == "high"]
    assert found, a.findings
    f = found[0]
    assert f.details["episode"] == "2024-01" and f.details["event_month"].startswith("2025")
    assert f.details["relative"] == "Two days later"
    assert "Israel" in f.sentence.text
    assert a.stats.years == [2024, 2025]


def test_weekday_far_from_the_event_contradicts_the_publication_date(
        audits: dict[str, ArticleAudit]) -> None:
    a = audits["relative-date"]
    rel = a.by_kind("relative_date")
    assert rel and rel[0].severity == "high"
    assert rel[0].details["stated_date"] == "2024-01-19"
    assert rel[0].details["reference_date"].startswith("2025-06")
    assert "temporal_conflation" in _kinds(a, 2)


def test_event_dated_after_publication(audits: dict[str, ArticleAudit]) -> None:
    found = audits["after-publication"].by_kind("relative_date")
    assert found and "after the publication date" in found[0].message and "2024-03-20" in found[0].message


def test_wrong_landmark_date_is_flagged_and_right_ones_are_not(
        audits: dict[str, ArticleAudit]) -> None:
    a = audits["wrong-landmark"]
    found = a.by_kind("reference_contradiction") + a.by_kind("relative_date")
    by_date = {f.details["reference_date"]: f for f in found}
    assert set(by_date) == {"2020-01-03", "2024-07-31"}, [f.message for f in found]
    assert by_date["2020-01-03"].kind == "reference_contradiction"
    assert by_date["2020-01-03"].details["stated_date"] == "2021-01-03"
    assert by_date["2024-07-31"].kind == "relative_date"  # counted from the publication date
    assert by_date["2024-07-31"].details["stated"] == "three years ago"
    assert all("tomb" not in f.sentence.text for f in found)  # a commemoration, not a retelling
    assert not audits["clean"].by_kind("reference_contradiction")


def test_unattributed_figures(audits: dict[str, ArticleAudit]) -> None:
    a = audits["unattributed"]
    assert a.stats.n_figures >= 2 and a.stats.figures_sourced_share == 0.0
    assert len(a.by_kind("unsourced_figure")) >= 2
    summary = [f for f in a.by_kind("attribution") if f.details["scope"] == "figures"]
    assert summary and summary[0].severity == "high"
    assert a.score < audits["clean"].score


def test_clean_article_scores_well(audits: dict[str, ArticleAudit]) -> None:
    a = audits["clean"]
    assert a.score >= 85, render_markdown(a)
    assert a.stats.attributed_share >= 0.8
    assert not _kinds(a, 2), [f.message for f in a.findings]


def test_figure_that_contradicts_the_record(audits: dict[str, ArticleAudit]) -> None:
    found = audits["rec-c"].by_kind("record_contradiction")
    killed = [f for f in found if f.details["field"] == "killed"]
    assert killed and killed[0].details["stated"] == 30 and killed[0].details["record"] == 12
    assert killed[0].severity == "medium"
    assert not [f for f in audits["rec-a"].by_kind("record_contradiction")
                if f.details["field"] == "killed"]


def test_page_furniture_glued_heading_and_stuffing(audits: dict[str, ArticleAudit]) -> None:
    a = audits["page"]
    glued = a.by_kind("glued_heading")
    assert glued and glued[0].details["glued"] == "Why It Matters Now" and glued[0].details["heading"]
    boiler = a.by_kind("boilerplate")
    kinds = {k for f in boiler for k in f.details.get("kinds", [])}
    assert {"furniture", "list"} <= kinds
    assert any("comments" in r.text for f in boiler for r in [f.sentence, *f.related])
    assert a.stats.boilerplate_share >= 0.4
    stuffed = a.by_kind("keyword_stuffing")
    assert stuffed and stuffed[0].details["phrase"] == "pakistan border strikes"
    assert not audits["clean"].by_kind("keyword_stuffing")


def test_markdown_and_json(audits: dict[str, ArticleAudit]) -> None:
    a = audits["mixed-years"]
    md = render_markdown(a)
    assert md.startswith("### Reporting audit:") and f"Score {a.score}/100" in md
    assert "Temporal conflation" in md
    data = json.loads(json.dumps(a.to_json()))
    assert data["doc_id"] == "mixed-years" and data["findings"][0]["sentence"]["text"]


def test_cli_audits_a_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLES[4]["text"], encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert len(rows) == 1 and rows[0]["findings"]
    text = CliRunner().invoke(main, ["audit", str(path)])
    assert "score" in text.output and "unsourced_figure" in text.output


def test_cli_unknown_doc_id_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["audit", "no-such-doc", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "error T200" in result.output


SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "iran-pakistan-strikes-explainer.txt"


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="../shared is missing")
def test_seed_audit_flags_conflation_landmark_date_and_attribution() -> None:
    from thucydides.ingest import read_inputs

    settings = Settings(progress=False)
    (a,) = audit_documents(read_inputs([SEED], settings).documents, settings)
    conflated = [f for f in a.by_kind("temporal_conflation") if f.severity == "high"]
    assert any(f.details["episode"].startswith("2024-01") and f.details["event_month"] == "2025-06"
               for f in conflated), [f.message for f in a.findings]
    wrong = a.by_kind("reference_contradiction")
    assert any(f.details["reference_date"] == "2020-01-03" for f in wrong)
    figures = [f for f in a.by_kind("attribution") if f.details["scope"] == "figures"]
    assert figures and a.stats.figures_sourced_share < 0.5
    assert a.score < 40
