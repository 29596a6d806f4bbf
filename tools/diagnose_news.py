"""Why do predictions fail to match? For each happened prediction, the failing criteria against the
gold events of its own documents (dev diagnostics; reads ../shared at run time only)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
QUAD = {"agree": 1, "consult": 1, "support": 1, "concede": 1, "cooperate": 2, "aid": 2, "retreat": 2,
        "request": 3, "accuse": 3, "reject": 3, "threaten": 3, "protest": 4, "sanction": 4,
        "mobilize": 4, "coerce": 4, "assault": 4}


def fails(p: dict, g: dict) -> list[str]:
    out = []
    if p.get("date") is None:
        out.append("date=None")
    elif abs((date.fromisoformat(p["date"]) - date.fromisoformat(g["date"])).days) > g["date_tolerance_days"]:
        out.append("date")
    lc = g["location_country"] if isinstance(g["location_country"], list) else [g["location_country"]]
    if (p.get("location") or {}).get("country") in lc:
        pass
    else:
        out.append("loc")
    if (p.get("actor1") or {}).get("country") not in g["actor1_countries"]:
        out.append("actor1")
    if QUAD[p["event_type"]] not in {QUAD[t] for t in g["event_types"]}:
        out.append("quad")
    return out


def main() -> None:
    golds = [json.loads(x) for x in (SHARED / "eval/news/dev.gold.jsonl").read_text().splitlines()]
    preds = [json.loads(x) for x in Path(sys.argv[1]).read_text().splitlines()]
    verbose = "-v" in sys.argv
    reasons: Counter[str] = Counter()
    for p in preds:
        if p["status"] not in ("occurred", "claimed"):
            continue
        docs = {s["doc_id"] for s in p["sources"]}
        cands = [g for g in golds if docs & set(g["docs"])]
        best = min((fails(p, g) for g in cands), key=len, default=["no-gold-in-doc"])
        key = "+".join(best) or "MATCH"
        reasons[key] += 1
        if verbose and key != "MATCH":
            print(key, "|", p["event_type"], p["date"], (p.get("actor1") or {}).get("name"),
                  (p.get("actor1") or {}).get("country"), (p.get("location") or {}).get("country"), "|",
                  p["sources"][0]["doc_id"], p["sources"][0]["sentence"][:110].replace("\n", " "))
    for k, v in reasons.most_common():
        print(f"{v:5d}  {k}")


if __name__ == "__main__":
    main()
