"""Casualty tolls on matched pairs: each happened prediction matched to a dev gold event (by the
scorer's own best_gold) whose killed or injured figure is wrong or missing, with every claim of
that field (dev diagnostics; reads ../shared at run time only).

    .venv/bin/python tools/diagnose_tolls.py PRED.jsonl [--all]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
COUNTS = ("killed", "injured")


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def claim_line(c: dict[str, Any]) -> str:
    v = c["value"]
    flags = "".join(f" [{k}]" for k in ("cumulative", "revised", "part") if v.get(k))
    sentence = " ".join(c["sentence"].split())[:220]
    return (f"  {c['field']:8} best={v.get('best')} low={v.get('low')} high={v.get('high')}{flags}"
            f" {v.get('text')!r} | {c['doc_id']} | {c.get('claimant')} | {sentence}")


def main() -> None:
    s = scorer()
    quads = s.plover_quads()
    golds = s.load_gold(SHARED / "eval/news/dev.gold.jsonl", quads)
    events, _ = s.load_events(Path(sys.argv[1]))
    show_all = "--all" in sys.argv
    for p in s.happened(events):
        g = s.best_gold(p, golds, quads)
        if g is None:
            continue
        checks = s.field_checks(p, g)
        bad = [f for f in COUNTS if checks[f"{f}_in_range"] is False]
        if not bad and not (show_all and any(checks[f"{f}_in_range"] is not None for f in COUNTS)):
            continue
        print(f"== {g['gold_id']}  wrong: {', '.join(bad) or '-'}")
        print(f"   gold killed {g.get('killed')} injured {g.get('injured')} | pred {p['event_id']} "
              f"{p['date']} {p['event_type']} killed {p.get('killed')} injured {p.get('injured')}")
        for name in COUNTS:
            rule = (p.get("consensus") or {}).get(name, {}).get("rule")
            if rule:
                print(f"   {name} chosen by {rule}")
        for c in p.get("claims", []):
            if c["field"] in COUNTS:
                print(claim_line(c))


if __name__ == "__main__":
    main()
