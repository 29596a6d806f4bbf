"""The CLI end to end, on articles written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import main

ARTICLES = [
    {
        "id": "t-wire-1",
        "published": "2024-01-17",
        "outlet": "Test Wire",
        "title": "Iran strikes militant bases in Pakistan",
        "text": (
            "Iran's Revolutionary Guards fired missiles at two bases of a militant group in "
            "Pakistan's Balochistan province on Tuesday. Pakistan's foreign ministry said two "
            "children were killed and three girls were injured in the strike. Pakistan recalled "
            "its ambassador from Tehran on Wednesday."
        ),
    },
    {
        "id": "t-wire-2",
        "published": "2024-01-18",
        "outlet": "Other Wire",
        "title": "Pakistan hits back",
        "text": (
            "Pakistan's air force struck militant hideouts in Iran's Sistan and Baluchestan "
            "province on Thursday, two days after Tehran's attack. Iranian officials said nine people "
            "were killed in the Pakistani strikes. Iran warned that it would respond to any "
            "further attack."
        ),
    },
]


@pytest.fixture(scope="module")
def docs_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "docs.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def test_every_verb_has_help() -> None:
    runner = CliRunner()
    for verb in ("run", "extract", "export", "report", "geoparse"):
        result = runner.invoke(main, [verb, "--help"])
        assert result.exit_code == 0, verb
        assert "Usage:" in result.output


def test_extract_writes_events_in_the_contract_format(docs_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["extract", str(docs_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert events, "no events"
    for ev in events:
        assert ev["status"] in {"occurred", "claimed", "threatened", "denied", "hypothetical"}
        assert ev["sources"] and all(s["doc_id"] in {"t-wire-1", "t-wire-2"} for s in ev["sources"])
        for s in ev["sources"]:
            text = next(a["text"] for a in ARTICLES if a["id"] == s["doc_id"])
            assert text[s["start"]:s["end"]] == s["sentence"]
    strikes = [e for e in events if e["event_type"] == "assault" and e["status"] == "occurred"]
    by_country = {(e["actor1"] or {}).get("country"): e for e in strikes}
    assert "IRN" in by_country and "PAK" in by_country
    iran = by_country["IRN"]
    assert iran["date"] == "2024-01-16"
    assert iran["location"]["country"] == "PAK"
    assert iran["killed"]["best"] == 2
    assert by_country["PAK"]["date"] == "2024-01-18"
    assert by_country["PAK"]["location"]["country"] == "IRN"
    threats = [e for e in events if e["status"] == "threatened" or e["event_type"] == "threaten"]
    assert threats and all(e["event_type"] != "assault" or e["status"] != "occurred" for e in threats)


def test_run_is_idempotent_and_survives_bad_input(docs_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db, out = tmp_path / "r.duckdb", tmp_path / "out"
    args = ["run", str(docs_file), "--db", str(db), "--out", str(out), "--no-progress"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    n_events = len((out / "events.jsonl").read_text().splitlines())
    assert runner.invoke(main, args).exit_code == 0
    assert len((out / "events.jsonl").read_text().splitlines()) == n_events
    for name in ("events.csv", "events.parquet", "events.geojson", "brief.md", "brief.html"):
        assert (out / name).stat().st_size > 0, name

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "fine text about nothing."}\n{not json\n', encoding="utf-8")
    mixed = runner.invoke(main, ["run", str(bad), str(tmp_path / "missing.txt"), "--db", str(db),
                                 "--out", str(out), "--no-progress"])
    assert mixed.exit_code == 0
    assert "bad.jsonl:2" in mixed.output and "missing.txt" in mixed.output
    assert len((out / "events.jsonl").read_text().splitlines()) == n_events

    nothing = runner.invoke(main, ["run", str(tmp_path / "missing.txt"), "--db", str(db),
                                   "--out", str(out), "--no-progress"])
    assert nothing.exit_code != 0
    assert nothing.output.count("\n") <= 3
    exported = runner.invoke(main, ["export", "--db", str(db), "--format", "csv",
                                    "-o", str(tmp_path / "e.csv")])
    assert exported.exit_code == 0
    assert len((tmp_path / "e.csv").read_text().splitlines()) == n_events + 1


def test_export_without_a_database_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0
    assert result.output.startswith("error T200")
    assert result.output.count("\n") == 1


def test_adding_an_article_updates_the_stored_event(docs_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db, out = tmp_path / "r.duckdb", tmp_path / "out"
    assert runner.invoke(main, ["run", str(docs_file), "--db", str(db), "--out", str(out),
                                "--no-progress"]).exit_code == 0
    before = {json.loads(x)["event_id"]: json.loads(x)
              for x in (out / "events.jsonl").read_text().splitlines()}
    extra = tmp_path / "later.jsonl"
    extra.write_text(json.dumps({
        "id": "t-wire-3", "published": "2024-01-19", "outlet": "Third Wire",
        "text": "Pakistan's air force struck militant hideouts in Iran's Sistan and Baluchestan "
                "province on Thursday, Pakistani officials said."}) + "\n", encoding="utf-8")
    assert runner.invoke(main, ["run", str(extra), "--db", str(db), "--out", str(out),
                                "--no-progress"]).exit_code == 0
    after = {json.loads(x)["event_id"]: json.loads(x)
             for x in (out / "events.jsonl").read_text().splitlines()}
    grown = [e for eid, e in after.items() if eid in before
             and {s["doc_id"] for s in e["sources"]} > {s["doc_id"] for s in before[eid]["sources"]}]
    assert grown, "the new article should be cited by the event it reports"
    assert "t-wire-3" in {s["doc_id"] for s in grown[0]["sources"]}


def test_as_of_exports_what_was_known_then_and_keeps_the_record(docs_file: Path,
                                                                 tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "r.duckdb"
    full, early = tmp_path / "full", tmp_path / "early"
    assert runner.invoke(main, ["run", str(docs_file), "--db", str(db), "--out", str(full),
                                "--no-progress"]).exit_code == 0
    assert runner.invoke(main, ["run", str(docs_file), "--db", str(db), "--out", str(early),
                                "--as-of", "2024-01-17", "--no-progress"]).exit_code == 0
    known = [json.loads(x) for x in (early / "events.jsonl").read_text().splitlines()]
    assert known and all(s["doc_id"] == "t-wire-1" for e in known for s in e["sources"])
    exported = runner.invoke(main, ["export", "--db", str(db), "-o", str(tmp_path / "all.jsonl")])
    assert exported.exit_code == 0
    stored = (tmp_path / "all.jsonl").read_text().splitlines()
    assert len(stored) == len((full / "events.jsonl").read_text().splitlines()) > len(known)


def test_extract_leaves_undated_events_out_of_a_timeline_unless_asked(tmp_path: Path) -> None:
    undated = {"id": "t-undated", "text": (
        "Gunmen stormed a police post in a remote border district and killed four guards, a "
        "provincial official said.")}
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(d) + "\n" for d in [*ARTICLES, undated]), encoding="utf-8")
    runner = CliRunner()

    def sources(*flags: str) -> set[str]:
        out = tmp_path / "events.jsonl"
        result = runner.invoke(main, ["extract", str(docs), "-o", str(out), *flags])
        assert result.exit_code == 0, result.output
        events = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        return {s["doc_id"] for e in events for s in e["sources"]}

    assert "t-undated" not in sources()  # the corpus has dates: the record is a timeline
    assert "t-undated" in sources("--undated-events", "keep")
    docs.write_text(json.dumps(undated) + "\n", encoding="utf-8")
    assert "t-undated" in sources()  # no dates anywhere: events are coded as they stand
