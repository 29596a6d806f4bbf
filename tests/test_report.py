"""The brief: wording built from the record, sections, footnotes, escaping, files.

The builders here (``strike``, ``reprisal``, ...) are shared by test_report_sections.py and
test_brief_citations.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thucydides.errors import ExportError
from thucydides.records import (
    ActorRef,
    Claim,
    Consensus,
    Count,
    Document,
    Event,
    Evidence,
    Link,
    PlaceRef,
)
from thucydides.report import build_brief, write_brief
from thucydides.report.model import Citations
from thucydides.report.narrative import casualty_phrase, event_sentence
from thucydides.report.text import (
    actor_label,
    be,
    date_label,
    date_phrase,
    event_clause,
    event_noun,
    figure_clause,
    interval,
    names_text,
    speaker,
)

S1 = "Pakistan's foreign ministry said two children were killed in the strike near Panjgur."
S2 = "Local officials said three people died and three were injured in the drone attack."
S3 = "Pakistan's army said the strikes near Saravan were in retaliation for the Iranian attack."
S4 = "Iranian officials said nine people were killed in the Pakistani strikes near Saravan."
S5 = "Tehran warned it would strike again, state television reported."
S6 = "Iran denied that its missiles had struck any Pakistani citizen."
S7 = "The foreign minister is due to visit Islamabad next week, the ministry said."
S8 = "A militant group claimed it had ambushed a patrol near Turbat on Friday."

IRAN = ActorRef("Iran", 0, 4, name="Iran", country="IRN", kind="state", actor_id="IRN")
PAKISTAN = ActorRef("Pakistan", 0, 8, name="Pakistan", country="PAK", kind="state",
                    actor_id="PAK")
DOCS = {
    "a1": Document(id="a1", text="...", published="2024-01-17", outlet="Frontier Post"),
    "b7": Document(id="b7", text="...", published="2024-01-17", outlet="Gulf Daily"),
    "c3": Document(id="c3", text="...", published="2024-01-18", outlet="Frontier Post"),
    "d4": Document(id="d4", text="...", published="2024-01-19", outlet="Caspian Ledger"),
}


def ev(doc_id: str, sentence: str, claimant: str | None, start: int = 10) -> Evidence:
    return Evidence(doc_id=doc_id, sentence=sentence, start=start, end=start + len(sentence),
                    claimant=claimant, published=DOCS[doc_id].published if doc_id in DOCS
                    else None)


def killed(n: int, evidence: Evidence, *, cumulative: bool = False) -> Claim:
    return Claim("killed", {"best": n, "low": n, "high": n, "cumulative": cumulative,
                            "text": str(n)}, evidence)


def strike() -> Event:
    """Iran's strike: two sources disagree on the dead (2 vs 3)."""
    e1, e2 = ev("a1", S1, "Pakistan's foreign ministry"), ev("b7", S2, "local officials")
    return Event(
        event_id="ev-strike", event_type="assault", status="occurred", sources=[e1, e2],
        date="2024-01-16", date_precision="day", event_mode="drone",
        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
        actor1=ActorRef("IRGC", 0, 4, name="IRGC", country="IRN", kind="military"),
        actor2=PAKISTAN,
        location=PlaceRef("Panjgur", 0, 7, name="Panjgur", admin1="Balochistan", country="PAK",
                          lat=26.96, lon=64.09),
        killed=Count(best=2, low=2, high=3), injured=Count(3, 3, 3),
        claims=[killed(2, e1), killed(3, e2), Claim("injured", 3, e2)], n_outlets=2,
        consensus={"killed": Consensus(Count(2, 2, 3), "most-sources", 1, 2, 2)})


def reprisal() -> Event:
    """Pakistan's strikes two days later, one outlet only."""
    e3, e4 = ev("c3", S3, "Pakistan's army"), ev("c3", S4, "Iranian officials", start=200)
    return Event(
        event_id="ev-reprisal", event_type="assault", status="occurred", sources=[e3, e4],
        date="2024-01-18", date_precision="day", acled_sub_event_type="Air/drone strike",
        actor1=PAKISTAN, actor2=IRAN,
        location=PlaceRef("Saravan", 0, 7, name="Saravan", country="IRN"),
        killed=Count(9, 9, 9), claims=[killed(9, e4)], n_outlets=1)


def threat() -> Event:
    return Event(event_id="ev-threat", event_type="assault", status="threatened",
                 sources=[ev("b7", S5, "state television", start=300)], date="2024-01-17",
                 date_precision="day", actor1=IRAN, n_outlets=1)


def denial() -> Event:
    return Event(event_id="ev-denial", event_type="assault", status="denied",
                 sources=[ev("d4", S6, "Iran")], date="2024-01-17", date_precision="day",
                 actor1=IRAN, actor2=PAKISTAN, n_outlets=1)


def visit() -> Event:
    return Event(event_id="ev-visit", event_type="consult", event_mode="visit",
                 status="hypothetical", sources=[ev("d4", S7, "the ministry", start=400)],
                 date="2024-01-29", date_precision="day", actor1=IRAN, actor2=PAKISTAN)


def ambush() -> Event:
    return Event(event_id="ev-ambush", event_type="assault", status="claimed",
                 sources=[ev("d4", S8, "A militant group", start=500)], date="2024-01",
                 date_precision="month",
                 actor1=ActorRef("group", 0, 5, kind="armed_group"), n_outlets=1)


def retaliation_link() -> Link:
    return Link("ev-strike", "ev-reprisal", "explicit", "retaliation", lag_days=2, score=0.9,
                cue="in retaliation for the Iranian attack", evidence=ev("c3", S3, None))


def world() -> list[Event]:
    return [visit(), reprisal(), threat(), strike(), denial(), ambush()]


# -- words -------------------------------------------------------------------------------------

def test_clauses_are_built_from_the_record() -> None:
    e = strike()
    assert event_clause(e) == ("Iran (IRGC) carried out an air/drone strike against Pakistan in "
                               "Panjgur, Balochistan, Pakistan")
    assert event_noun(e) == ("an air/drone strike by Iran (IRGC) against Pakistan in Panjgur, "
                             "Balochistan, Pakistan")
    assert event_noun(e, agent=False).startswith("an air/drone strike against Pakistan")
    bare = Event(event_id="x", event_type="consult", status="occurred", sources=[])
    assert event_clause(bare) == "there were talks"  # nothing invented: no actor, no place
    assert actor_label(IRAN) == "Iran"


def test_dates_numbers_and_names() -> None:
    assert date_label("2024-01-16", "day") == "16 January 2024"
    assert date_label("2024-01-01", "month") == "January 2024"
    assert date_label("2024-02-02", "week") == "the week of 2 February 2024"
    assert date_label(None, None) == "an unknown date"
    assert date_phrase("2024-01-01", "year") == "In 2024"
    assert date_phrase("2024-01-16", "day") == "On 16 January 2024"
    assert figure_clause(1, 1, "killed") == "1 was killed"
    assert figure_clause(7, 9, "killed") == "between 7 and 9 were killed"
    assert figure_clause(53, None, "injured") == "at least 53 were injured"
    assert interval({"best": 4, "low": None, "high": None}) == (4, 4)
    assert interval(Count(None, None, None)) is None and interval(True) is None
    # "more than 170" (low 171, open above) and "up to 10" (open below) keep their open side
    assert interval({"best": 171, "low": 171, "high": None}) == (171, None)
    assert interval(Count(10, None, 10)) == (None, 10)
    assert speaker("local news agency") == "the local news agency"
    assert speaker("Pakistan's army") == "Pakistan's army"
    assert speaker("several officials") == "several officials"
    assert names_text(["A", "B", "C", "D", "E"]) == "A, B, C and 2 other sources"
    assert names_text(["A", "B"]) == "A and B"
    assert be("talks") == "were" and be("shelling") == "was" and be("an attack") == "was"
    assert be("coercive measures against the press") == "were"


def test_sentence_gives_agreed_figures_with_who_said_them() -> None:
    cites = Citations(DOCS)
    e = reprisal()
    assert casualty_phrase(e, cites) == ", killing 9, according to Iranian officials"
    text = event_sentence(e, cites).clauses[0].text
    assert text.startswith("On 18 January 2024, Pakistan carried out an air/drone strike "
                           "against Iran in Saravan, Iran, killing 9")


def test_disputed_figures_are_a_range_then_both_sides() -> None:
    cites = Citations(DOCS)
    assert casualty_phrase(strike(), cites) == (
        ", injuring 3, according to the local officials, "
        "with accounts of the dead ranging from 2 to 3 (2 in the record)")
    brief = build_brief([strike()], DOCS)
    (item,) = brief.sections[0].items
    main, sides = item.lines
    assert main.refs == (1, 2)
    assert [(c.text, c.refs) for c in sides.clauses] == [
        ("Pakistan's foreign ministry said that 2 were killed", (1,)),
        ("the local officials said that 3 were killed", (2,))]


def test_claimed_events_say_whose_claim() -> None:
    line = event_sentence(ambush(), Citations(DOCS))
    assert line.clauses[0].text == (
        "In January 2024, group carried out an attack "
        "(a claim by A militant group, not confirmed as fact)")


# -- the brief ---------------------------------------------------------------------------------

def test_sections_and_what_goes_where() -> None:
    brief = build_brief(world(), DOCS, links=[retaliation_link()])
    titles = [s.title for s in brief.sections]
    assert titles == ["What happened", "Action and reaction", "Death tolls over time",
                      "Disputed or unverified", "Escalation", "Reporting quality", "Charts"]
    happened = " ".join(c.text for i in brief.sections[0].items for ln in i.lines
                        for c in ln.clauses)
    # threats, denials and hypothetical events are kept out of what happened
    assert "warned" not in happened and "denied" not in happened and "visit" not in happened
    assert happened.index("16 January") < happened.index("18 January")
    subs = {s.title: s for s in brief.sections[3].subsections}
    assert set(subs) == {"Conflicting accounts", "Claims and denials",
                         "Reported by one source only", "Threats and hypothetical events"}
    single = " ".join(c.text for i in subs["Reported by one source only"].items
                      for ln in i.lines for c in ln.clauses)
    assert "reported only by Frontier Post" in single and "Panjgur" not in single
    not_happened = [i.kind for i in subs["Threats and hypothetical events"].items]
    assert not_happened == ["threatened", "hypothetical"]


def test_footnotes_number_sentences_once_with_outlet_date_and_id() -> None:
    brief = build_brief(world(), DOCS)
    notes = brief.footnotes
    assert [n.number for n in notes] == list(range(1, len(notes) + 1))
    keys = [(n.doc_id, n.sentence) for n in notes]
    assert len(keys) == len(set(keys))
    assert notes[0].doc_id == "d4"  # the month-precise claim of January sorts first
    first = next(n for n in notes if n.doc_id == "a1")
    assert (first.outlet, first.published, first.doc_id, first.sentence) == (
        "Frontier Post", "2024-01-17", "a1", S1)
    assert first.claimants == ("Pakistan's foreign ministry",)


def test_write_brief_markdown_and_html(tmp_path: Path) -> None:
    md_path, html_path = write_brief(world(), DOCS, tmp_path / "out",
                                     title="Iran–Pakistan watch", links=[retaliation_link()])
    md = md_path.read_text(encoding="utf-8")
    html = html_path.read_text(encoding="utf-8")
    assert md.startswith("# Iran–Pakistan watch\n")
    assert "## What happened" in md and "### Claims and denials" in md
    assert re.search(r"^- On 16 January 2024, Iran \(IRGC\) carried out", md, re.M)
    assert f"Frontier Post, 2024-01-17, document a1: “{S1}”" in md.replace("\\", "")
    assert '<a href="#src-2">[2]</a>' in html and '<li id="src-2">' in html
    assert "Disputed or unverified</h2>" in html
    assert (tmp_path / "out" / "brief-events-per-day.png").exists()
    assert "![Bar chart of events per day, stacked by actor](brief-events-per-day.png)" in md


def test_untrusted_text_is_escaped(tmp_path: Path) -> None:
    evil = strike()
    evil.sources[0].sentence = 'Officials said <script>alert("x")</script> two died.'
    evil.actor2 = ActorRef("<b>Group</b>", 0, 3, kind="armed_group")
    docs = {"a1": Document(id="a1", text="...", outlet="<img src=x onerror=y>")}
    _, html_path = write_brief([evil], docs, tmp_path, charts=False)
    html = html_path.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>Group" not in html and "<img" not in html
    md = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "<script>" not in md and r"\<script\>" in md
    assert r"\<b\>Group" in md


def test_html_loads_nothing_but_its_own_charts(tmp_path: Path) -> None:
    _, html_path = write_brief(world(), DOCS, tmp_path)
    html = html_path.read_text(encoding="utf-8")
    assert not re.search(r"<(link|script|iframe)\b", html)
    images = re.findall(r"<img src=\"([^\"]+)\"", html)
    assert images and all((tmp_path / src).is_file() and "/" not in src for src in images)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "@import" not in html and "url(" not in html


def test_empty_brief_and_bad_path(tmp_path: Path) -> None:
    md_path, _ = write_brief([], {}, tmp_path)
    md = md_path.read_text(encoding="utf-8")
    assert "_No events that happened are in the record._" in md
    assert "_No chart: no event that happened has a day-precise date._" in md
    assert not list(tmp_path.glob("*.png"))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError):
        write_brief([strike()], DOCS, blocker)


def test_a_statement_is_worded_by_its_cameo_code_where_that_says_more() -> None:
    def said(code: str, kind: str, target: ActorRef | None = PAKISTAN) -> str:
        return event_clause(Event(event_id=f"ev-{code}", event_type=kind, cameo_code=code,
                                  status="occurred", sources=[ev("d9", S6, None)],
                                  date="2024-01-17", date_precision="day", actor1=IRAN,
                                  actor2=target))
    assert "condemned Pakistan" in said("111", "accuse")
    assert "issued a condemnation" in said("111", "accuse", None)
    assert "appealed for de-escalation to Pakistan" in said("0256", "request")
    assert "downgraded diplomatic relations with Pakistan" in said("161", "sanction")
    assert "accused Pakistan" in said("112", "accuse")  # no entry: the PLOVER type's wording
