#!/usr/bin/env python3
"""Build ``src/thucydides/data/crosswalk.tsv`` from the shared CAMEO/PLOVER ontology files.

Inputs (``--ontology``, default ``../shared/ontology``): ``cameo_codes.tsv`` (CAMEO code, description,
Goldstein, PLOVER event/mode/context from CAMEO2PLOVER-2021) and ``plover_ontology.json`` (the 16 PLOVER
types, their modes and quad categories). The output has one row per CAMEO code that has a PLOVER type:

    cameo  description  goldstein  quad_class  plover  mode  acled_event_type  acled_sub_event_type

Rules applied on top of CAMEO2PLOVER:
- CAMEO roots 01 and 02 have no PLOVER type: appeals (02) become ``request`` with the matching mode,
  a few statements become ``support``/``agree``/``reject``; the other 01 codes are left out.
- A mode that the ontology does not list for the type is replaced by a listed one or dropped.
- ``quad_class`` follows the PLOVER quad category (1 verbal coop, 2 material coop, 3 verbal conflict,
  4 material conflict), so it always agrees with the PLOVER type.
- ACLED event and sub-event types are attached where a CAMEO code corresponds to one.

Run: ``python3 tools/build_crosswalk.py`` and commit the output.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "thucydides" / "data" / "crosswalk.tsv"

QUADS = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3,
         "MATERIAL CONFLICT": 4}

# CAMEO 01/02 codes with a sensible PLOVER reading: code -> (type, mode)
ROOT_01_02 = {"013": ("support", ""), "016": ("reject", ""), "018": ("support", ""),
              "019": ("agree", ""), "020": ("request", ""), "021": ("request", "assist"),
              "022": ("request", "assist"), "023": ("request", "assist"),
              "024": ("request", "change"), "025": ("request", "yield"),
              "026": ("request", "meet"), "027": ("request", "meet"), "028": ("request", "meet")}

# (type, invalid mode) -> replacement ("" drops it)
MODE_FIX = {("retreat", "return"): "release", ("retreat", "ease"): "",
            ("threaten", "ban"): "restrict", ("threaten", "political"): "restrict",
            ("coerce", "ban"): "restrict", ("assault", "assassinate"): "targeted",
            ("assault", "seize"): "destroy", ("assault", "massacre"): "",
            ("assault", "cleansing"): "", ("assault", "pro_autocracy"): "crowd-control"}
# codes whose CAMEO2PLOVER mode is too coarse for the ontology's own modes
MODE_BY_CODE = {"195": "aerial", "1712": "destroy", "1823": "", "190": "", "194": "heavy-weapons",
                "1832": "explosives", "1833": "explosives", "183": "explosives"}

EXP = "Explosions/Remote violence"
VAC = "Violence against civilians"
SD = "Strategic developments"
# CAMEO code (or prefix; the longest match wins) -> ACLED (event type, sub-event type)
ACLED = {
    "057": (SD, "Agreement"), "0871": (SD, "Agreement"),
    "0872": (SD, "Non-violent transfer of territory"),
    "0874": (SD, "Non-violent transfer of territory"),
    "140": ("Protests", "Peaceful protest"), "141": ("Protests", "Peaceful protest"),
    "142": ("Protests", "Peaceful protest"), "143": ("Protests", "Peaceful protest"),
    "144": ("Protests", "Peaceful protest"), "145": ("Riots", "Violent demonstration"),
    "154": (SD, "Change to group/activity"),
    "171": (SD, "Looting/property destruction"), "1711": (SD, "Disrupted weapons use"),
    "1712": (SD, "Looting/property destruction"), "173": (SD, "Arrests"),
    "175": ("Protests", "Excessive force against protesters"),
    "180": (VAC, "Attack"), "181": (VAC, "Abduction/forced disappearance"),
    "182": (VAC, "Attack"), "1821": (VAC, "Sexual violence"),
    "183": (EXP, "Remote explosive/landmine/IED"), "1831": (EXP, "Suicide bomb"),
    "185": (VAC, "Attack"), "186": (VAC, "Attack"),
    "190": ("Battles", "Armed clash"), "192": ("Battles", "Non-state actor overtakes territory"),
    "193": ("Battles", "Armed clash"), "194": (EXP, "Shelling/artillery/missile attack"),
    "195": (EXP, "Air/drone strike"), "196": ("Battles", "Armed clash"),
    "200": (VAC, "Attack"), "202": (VAC, "Attack"), "2041": (EXP, "Chemical weapon"),
}


def acled_for(code: str) -> tuple[str, str]:
    for n in range(len(code), 2, -1):
        if code[:n] in ACLED:
            return ACLED[code[:n]]
    return ("", "")


def load_ontology(path: Path) -> tuple[dict[str, int], dict[str, set[str]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    quads = {e["event"].lower(): QUADS[e["quad_category"]] for e in data["events"]}
    modes = {e["event"].lower(): {m["mode"] for m in e["modes"]} for e in data["events"]}
    return quads, modes


def plover_of(row: dict[str, str]) -> tuple[str, str]:
    code = row["cameo_code"]
    if code in ROOT_01_02 or (code[:3] in ROOT_01_02 and row["root"] in ("01", "02")):
        return ROOT_01_02.get(code) or ROOT_01_02[code[:3]]
    event = row["plover_event"].split("|")[0].strip().lower()
    return event, row["plover_mode"].strip()


def fix_mode(code: str, event: str, mode: str, valid: dict[str, set[str]]) -> str:
    if code in MODE_BY_CODE:
        mode = MODE_BY_CODE[code]
    if mode and mode not in valid[event]:
        mode = MODE_FIX.get((event, mode), "")
    if mode and mode not in valid[event]:
        raise SystemExit(f"mode {mode!r} of CAMEO {code} is not a mode of {event}")
    return mode


def build(ontology: Path) -> list[list[str]]:
    quads, valid = load_ontology(ontology / "plover_ontology.json")
    rows: list[list[str]] = []
    with (ontology / "cameo_codes.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            code = row["cameo_code"]
            event, mode = plover_of(row)
            if not event:
                continue
            mode = fix_mode(code, event, mode, valid)
            acled_type, acled_sub = acled_for(code)
            rows.append([code, row["description"].strip('"').replace('""', '"'),
                         row["goldstein"], str(quads[event]), event, mode, acled_type, acled_sub])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ontology", type=Path, default=ROOT.parent / "shared" / "ontology")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = build(args.ontology)
    header = ["cameo", "description", "goldstein", "quad_class", "plover", "mode",
              "acled_event_type", "acled_sub_event_type"]
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
