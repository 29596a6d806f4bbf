"""Why is an article not cited by the event it reports? For each required gold event and each
article of its ``docs`` that no matched prediction cites, the article's reports that look like
the gold event (same PLOVER quad, agent and place country agreeing or unknown) and where each
went: an event in the record (which gold it matches, if any) or one left out by admission.

    PYTHONPATH=src .venv/bin/python tools/diagnose_provenance.py ../shared/eval/news/dev.jsonl

Categories to read off the output: no line under a pair = never extracted (a); DROPPED = left
out by :func:`thucydides.fuse_admit.admissible` (b); an event matching another gold or none = fused
elsewhere (c) or kept apart by an odd date, place or agent (d). Dev diagnostics only: reads
../shared (score.py) at run time."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from thucydides.cli_common import make_settings
from thucydides.fuse_admit import admissible
from thucydides.ingest import read_jsonl
from thucydides.pipeline import (
    analyse_batch,
    copy_to_duplicates,
    corpus_fusion,
    prepare_documents,
    undated_documents,
)
from thucydides.records import Event, Mention

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "tools"))
import score as S  # noqa: E402


def all_events(path: Path) -> tuple[list[Mention], list[Event]]:
    """The pipeline's corpus fusion (anchors, announced plans, retold stories), keeping the
    events admission drops."""
    settings = make_settings(n_process=1, progress=False, undated_events="auto")
    prepared = prepare_documents(read_jsonl(path, settings).documents, settings)
    mentions = analyse_batch([d for d in prepared if d.duplicate_of is None], settings)
    mentions += copy_to_duplicates(prepared, mentions)
    return corpus_fusion(mentions, settings, undated_documents(prepared))


def brief(e: dict[str, Any]) -> str:
    loc = e.get("location") or {}
    return (f"{e.get('date')} {e['event_type']} {e['status']} a1={S.country(e.get('actor1'))} "
            f"a2={S.country(e.get('actor2'))} loc={loc.get('country')}/{loc.get('admin1')} "
            f"docs={len(S.source_docs(e))}")


def looks_like(m: Mention, g: dict[str, Any], quads: dict[str, str]) -> bool:
    a1 = m.actor1.country if m.actor1 else None
    loc = m.location.country if m.location else None
    return (quads[m.type.plover] in {quads[t] for t in g["event_types"]}
            and (a1 is None or a1 in g["actor1_countries"])
            and (loc is None or loc in S.as_list(g["location_country"])))


def main() -> None:
    docs = Path(sys.argv[1])
    gold_path = docs.with_name(docs.name.replace(".jsonl", ".gold.jsonl"))
    quads = S.plover_quads()
    golds = S.load_gold(gold_path, quads)
    mentions, events = all_events(docs)
    kept = {e.event_id: admissible(e) for e in events}
    js = {e.event_id: e.to_json() for e in events}
    home = {i: e.event_id for e in events for i in e.mention_ids}
    assigned: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        j = js[e.event_id]
        g = S.best_gold(j, golds, quads) if kept[e.event_id] and j["status"] in S.HAPPENED else None
        if g is not None:
            assigned.setdefault(g["gold_id"], []).append(j)
    n = 0
    for g in (g for g in golds if g["required"]):
        for d in g["docs"]:
            if any(d in S.source_docs(p) for p in assigned.get(g["gold_id"], [])):
                continue
            n += 1
            print(f"\n== {g['gold_id']} doc={d} gold {g['date']}±{g['date_tolerance_days']} "
                  f"{g['event_types']} a1={g['actor1_countries']} loc={g['location_country']}")
            for m in (m for m in mentions if m.doc_id == d and looks_like(m, g, quads)):
                eid = home[m.mention_id]
                j = js[eid]
                to = S.best_gold(j, golds, quads) if kept[eid] and j["status"] in S.HAPPENED else None
                print(f"  s{m.sentence_index} {m.type.plover} {m.status} {m.date}({m.date_rule}) "
                      f"«{m.sentence[:100]!r}»\n     -> {'KEPT' if kept[eid] else 'DROPPED'} "
                      f"{brief(j)} => {to['gold_id'] if to else None}")
    print(f"\nuncited (gold, doc) pairs: {n}")


if __name__ == "__main__":
    main()
