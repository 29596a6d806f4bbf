"""Trigger lexicon and crosswalk: every row is consistent with the ontology; lookups by context."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from thucydides.extract import Lexicon, extract
from thucydides.extract.triggers import load_triggers
from thucydides.extract.types import Crosswalk, data_path, load_mode_cues, read_tsv
from thucydides.nlp import parse
from thucydides.records import Document, Mention

PLOVER_TYPES = {"agree", "consult", "support", "concede", "cooperate", "aid", "retreat", "request",
                "accuse", "reject", "threaten", "protest", "sanction", "mobilize", "coerce",
                "assault"}
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Air/drone strike", "Shelling/artillery/missile attack",
                                   "Suicide bomb", "Remote explosive/landmine/IED", "Grenade",
                                   "Chemical weapon"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Non-violent transfer of territory",
                               "Other"},
}
ONTOLOGY = Path(__file__).resolve().parents[2] / "shared" / "ontology" / "plover_ontology.json"


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="t", text=text)]), lex())


def types(text: str) -> list[tuple[str, str | None]]:
    return [(m.trigger, m.type.cameo) for m in mentions(text)]


def test_crosswalk_rows_are_consistent() -> None:
    cw = Crosswalk.load()
    assert len(cw.rows) > 250
    quads = {"agree": 1, "consult": 1, "support": 1, "concede": 1, "cooperate": 2, "aid": 2,
             "retreat": 2, "request": 3, "accuse": 3, "reject": 3, "threaten": 3, "protest": 4,
             "sanction": 4, "mobilize": 4, "coerce": 4, "assault": 4}
    for code, et in cw.rows.items():
        assert et.plover in PLOVER_TYPES, code
        assert et.quad_class == quads[et.plover], code
        assert et.goldstein is not None and -10 <= et.goldstein <= 10
        if et.acled_event_type:
            assert et.acled_sub_event_type in ACLED[et.acled_event_type], code


def test_crosswalk_known_codes() -> None:
    cw = Crosswalk.load()
    assert cw.lookup("195").plover == "assault" and cw.lookup("195").mode == "aerial"
    assert cw.lookup("195").acled_sub_event_type == "Air/drone strike"
    assert cw.lookup("161").plover == "sanction"
    assert cw.lookup("114").plover == "accuse"
    assert cw.lookup("1831").acled_sub_event_type == "Suicide bomb"
    assert cw.lookup("026").plover == "request"  # CAMEO 02 appeals read as PLOVER requests
    assert "010" not in cw  # plain statements have no PLOVER type
    assert cw.lookup("190", mode="drone").mode == "drone"


@pytest.mark.shared
def test_modes_are_ontology_modes() -> None:
    if not ONTOLOGY.exists():
        pytest.skip("../shared is not available")
    data = json.loads(ONTOLOGY.read_text(encoding="utf-8"))
    modes = {e["event"].lower(): {m["mode"] for m in e["modes"]} for e in data["events"]}
    for code, et in Crosswalk.load().rows.items():
        assert et.mode is None or et.mode in modes[et.plover], code
    for entries in load_triggers().values():
        for e in entries:
            if e.cameo != "-" and e.mode:
                assert e.mode in modes[Crosswalk.load().lookup(e.cameo).plover], e


def test_every_trigger_code_exists_and_mode_fits_its_type() -> None:
    cw = Crosswalk.load()
    ok_modes = {code: et.mode for code, et in cw.rows.items()}
    assert ok_modes
    for entries in load_triggers().values():
        for e in entries:
            if e.cameo == "-":
                continue
            assert e.cameo in cw, f"triggers.tsv:{e.line}: unknown CAMEO {e.cameo}"
            if e.acled:
                assert e.acled[1] in ACLED[e.acled[0]], f"triggers.tsv:{e.line}"


def test_mode_cues_point_at_assaults() -> None:
    cw = Crosswalk.load()
    for cue in load_mode_cues().values():
        assert cw.lookup(cue.cameo).plover == "assault", cue
        assert cue.acled is None or cue.acled[1] in ACLED[cue.acled[0]]


def test_data_files_have_headers() -> None:
    for name in ("triggers.tsv", "status_cues.tsv", "role_cues.tsv", "mode_cues.tsv"):
        assert data_path(name).exists()
        assert read_tsv(name)


def test_recall_ambassador_is_sanction() -> None:
    ms = mentions("Pakistan recalled its ambassador from Tehran on Wednesday.")
    assert [(m.type.plover, m.type.cameo) for m in ms] == [("sanction", "161")]


def test_recall_without_envoy_is_no_event() -> None:
    assert mentions("Residents recalled the night the dam broke.") == []


def test_summon_envoy_is_accuse() -> None:
    ms = mentions("The foreign ministry summoned the Iranian charge d'affaires on Tuesday.")
    assert [(m.type.plover, m.type.cameo) for m in ms] == [("accuse", "114")]


def test_meet_and_talks_are_consult() -> None:
    ms = mentions("The two foreign ministers met in Ankara and held talks on border security.")
    assert ms and {m.type.plover for m in ms} == {"consult"}


def test_heart_attack_is_no_event() -> None:
    assert mentions("The senator died of a heart attack last week.") == []


def test_speech_verbs_are_not_events() -> None:
    assert mentions("The spokesman said the weather was fine and told reporters to wait.") == []


@pytest.mark.parametrize(("text", "cameo", "acled"), [
    ("A drone strike hit a convoy near the border on Monday.", "195", "Air/drone strike"),
    ("Rebels fired rockets at the airport overnight.", "194",
     "Shelling/artillery/missile attack"),
    ("A suicide bomber blew himself up at a checkpoint.", "1831", "Suicide bomb"),
    ("A roadside bomb exploded next to an army truck.", "1833", "Remote explosive/landmine/IED"),
    ("Gunmen stormed a village and shot dead twelve villagers.", "193", "Attack"),
    ("Militants threw a grenade at a police patrol.", "183", "Grenade"),
    ("Police arrested forty activists in the capital.", "173", "Arrests"),
    ("Thousands of people rallied peacefully in the square.", "141", "Peaceful protest"),
])
def test_modes_and_acled_subtypes(text: str, cameo: str, acled: str) -> None:
    ms = [m for m in mentions(text) if m.status == "occurred"]
    assert ms, text
    assert (ms[0].type.cameo, ms[0].type.acled_sub_event_type) == (cameo, acled)
    assert ms[0].type.plover == Crosswalk.load().lookup(cameo).plover


def test_irregular_forms_the_lemmatizer_misses() -> None:
    ms = mentions("Rebels retook the town of Amran on Sunday.")
    assert [(m.trigger, m.type.cameo) for m in ms] == [("retook", "192")]


def test_plural_object_the_lemmatizer_misreads() -> None:
    ms = mentions("Turkish forces set up two bases near the border.")
    assert ms and ms[0].type.acled_sub_event_type == "Headquarters or base established"


@pytest.mark.parametrize(("text", "plover"), [
    ("Chile and Peru announced the resumption of diplomatic ties.", "support"),
    ("The two ambassadors returned to their posts on Friday.", "support"),
    ("Rioters torched cars and went on a looting spree.", "protest"),
    ("Farmers blocked highways across the province.", "protest"),
])
def test_more_triggers(text: str, plover: str) -> None:
    ms = [m for m in mentions(text) if m.status == "occurred"]
    assert ms and ms[0].type.plover == plover, [(m.trigger, m.type) for m in ms]
