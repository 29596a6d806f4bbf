"""The brief: sentences built from the record, date order, sections, footnotes, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thucydides.errors import ExportError
from thucydides.records import ActorRef, Claim, Count, Document, Event, Evidence, PlaceRef
from thucydides.report import build_brief, write_brief
from thucydides.report.text import actor_label, casualty_text, date_label, describe

S1 = "Pakistan's foreign ministry said two children were killed in the strike near Panjgur."
S2 = "Local officials said three people died and three were injured in the drone attack."
S3 = "Tehran warned it would strike again, state television reported."


def _ev(doc_id: str, sentence: str, claimant: str | None) -> Evidence:
    return Evidence(doc_id=doc_id, sentence=sentence, start=10, end=10 + len(sentence),
                    claimant=claimant)


def _strike() -> Event:
    e1, e2 = _ev("a1", S1, "Pakistan's foreign ministry"), _ev("b7", S2, "local officials")
    return Event(
        event_id="ev-strike", event_type="assault", status="occurred", sources=[e1, e2],
        date="2024-01-16", date_precision="day", event_mode="drone",
        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
        actor1=ActorRef("IRGC", 0, 4, name="IRGC", country="IRN", kind="military"),
        actor2=ActorRef("Jaish al-Adl", 0, 12, name="Jaish al-Adl", kind="armed_group"),
        location=PlaceRef("Panjgur", 0, 7, name="Panjgur", admin1="Balochistan", country="PAK",
                          lat=26.96, lon=64.09),
        killed=Count(best=2, low=2, high=3), injured=Count(3, 3, 3),
        claims=[Claim("killed", 2, e1), Claim("killed", 3, e2), Claim("injured", 3, e2)],
        n_outlets=2)


def _threat() -> Event:
    return Event(event_id="ev-threat", event_type="assault", status="threatened",
                 sources=[_ev("c3", S3, "state television")], date="2024-01-17",
                 actor1=ActorRef("Tehran", 0, 6, name="Iran", country="IRN", kind="state"))


def _earlier() -> Event:
    return Event(event_id="ev-talks", event_type="consult", status="claimed",
                 sources=[_ev("a1", S1, None)], date="2024-01", date_precision="month",
                 actor1=ActorRef("Islamabad", 0, 9, name="Pakistan", country="PAK", kind="state"),
                 actor2=ActorRef("Tehran", 0, 6, name="Iran", country="IRN", kind="state"))


DOCS = {
    "a1": Document(id="a1", text="...", published="2024-01-17", outlet="Frontier Post"),
    "b7": Document(id="b7", text="...", published="2024-01-17", outlet="Gulf Daily"),
}


def test_sentence_is_built_from_the_record() -> None:
    text = describe(_strike(), lambda ev: ev.doc_id)
    assert text == ("Iran (IRGC) carried out an air/drone strike against Jaish al-Adl in Panjgur, "
                    "Balochistan, Pakistan; 2–3 killed "
                    "(2: Pakistan's foreign ministry; 3: local officials), "
                    "3 injured (local officials).")


def test_single_figure_names_its_claimant() -> None:
    e = _strike()
    e.killed = Count(2, 2, 2)
    e.claims = e.claims[:1]
    assert casualty_text(e, "killed", lambda ev: ev.doc_id) == "2 killed (Pakistan's foreign ministry)"
    e.killed = Count(best=3, low=2, high=5)
    assert casualty_text(e, "killed", lambda ev: ev.doc_id) == (
        "2–5 killed, best estimate 3 (2: Pakistan's foreign ministry)")
    e.injured = Count(best=None, low=4, high=None)
    assert casualty_text(e, "injured", lambda ev: ev.doc_id) == "at least 4 injured"
    e.injured = None
    assert casualty_text(e, "injured", lambda ev: ev.doc_id) is None


def test_unresolved_parts_are_left_out_not_invented() -> None:
    bare = Event(event_id="x", event_type="assault", status="occurred",
                 sources=[_ev("a1", S1, None)])
    assert describe(bare, lambda ev: ev.doc_id) == "An attack."
    assert actor_label(ActorRef("Iran", 0, 4, name="Iran", country="IRN", kind="state")) == "Iran"
    assert date_label("2024-01-01", "month") == "2024-01"
    assert date_label(None, None) == "date unknown"


def test_brief_order_sections_and_footnotes() -> None:
    brief = build_brief([_threat(), _strike(), _earlier()], DOCS)
    assert [i.event_id for i in brief.items] == ["ev-talks", "ev-strike"]  # "2024-01" sorts first
    assert [i.event_id for i in brief.others] == ["ev-threat"]
    assert brief.items[0].text == "Pakistan held talks with Iran (claimed)."
    assert brief.others[0].text.startswith("Threatened: an attack by Iran")
    # the same sentence cited twice keeps one number only if the claimant matches too
    assert brief.items[0].refs == (1,) and brief.items[1].refs == (2, 3)
    assert brief.others[0].refs == (4,)
    assert [(n.number, n.doc_id, n.claimant) for n in brief.footnotes] == [
        (1, "a1", None), (2, "a1", "Pakistan's foreign ministry"),
        (3, "b7", "local officials"), (4, "c3", "state television")]
    assert brief.footnotes[2].outlet == "Gulf Daily" and brief.footnotes[3].outlet is None


def test_write_brief_markdown_and_html(tmp_path: Path) -> None:
    md_path, html_path = write_brief([_threat(), _strike()], DOCS, tmp_path / "out",
                                     title="Iran–Pakistan watch")
    md = md_path.read_text(encoding="utf-8")
    html = html_path.read_text(encoding="utf-8")
    assert md.startswith("# Iran–Pakistan watch\n")
    main, others = md.split("## Threats, denials and unconfirmed claims")
    assert "**2024-01-16** — Iran (IRGC) carried out an air/drone strike" in main
    assert main.rstrip().endswith("[1] [2]")
    assert "Threatened: an attack by Iran" in others
    assert f"“{S1}” — claimant: Pakistan's foreign ministry" in md.replace("\\", "")
    assert "Gulf Daily, doc b7" in md
    assert '<a href="#src-2">[2]</a>' in html and '<li id="src-2">' in html
    assert "Threats, denials and unconfirmed claims</h2>" in html


def test_untrusted_text_is_escaped(tmp_path: Path) -> None:
    evil = _strike()
    evil.sources[0].sentence = 'Officials said <script>alert("x")</script> two died.'
    evil.actor2 = ActorRef("<b>Group</b>", 0, 3, kind="armed_group")
    _, html_path = write_brief([evil], {"a1": Document(id="a1", text="...",
                                                       outlet="<img src=x onerror=y>")}, tmp_path)
    html = html_path.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>Group" not in html and "<img" not in html
    md = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "<script>" not in md and r"\<script\>" in md


def test_html_uses_no_network_resources(tmp_path: Path) -> None:
    _, html_path = write_brief([_strike()], DOCS, tmp_path)
    html = html_path.read_text(encoding="utf-8")
    assert not re.search(r"<(link|script|img|iframe)\b", html)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "@import" not in html and "url(" not in html


def test_empty_brief_and_bad_path(tmp_path: Path) -> None:
    md_path, _ = write_brief([], {}, tmp_path)
    assert "No events." in md_path.read_text(encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError):
        write_brief([_strike()], DOCS, blocker)
