"""How high can a coder that follows EVENTS.md score on PETRARCH2's up-gsr CAMEO gold?

``score.py cameo`` counts triples of occurred/claimed events, one credited document per event
(``sources[0]``). Some gold triples cannot come out of a coder that keeps the project's rules:

- plan / want / threat / hypothetical: the gold codes a planned, wanted, threatened or conditional act
  as if it happened; EVENTS.md and the news set's mention rules say such acts are never counted as
  happened (issue 4, Status);
- armed-group-country: the gold gives an armed group its host state; EVENTS.md gives it none;
- actor-not-in-text: the gold's actor is a place name of the sentence ("fired at it from <territory>",
  "killed in <country>", "in the <country adjective> square", "shootings in <US state>") or differs
  from what the text names (no source where the text names a state's legislature);
- joint-both-ways / two-codes-one-act: the gold codes one joint act once per direction, or one act
  under two codes; the record keeps one event per act and unordered dyad (issue 6);
- fused-same-event: two records tell the same act on the same day, so the record keeps one event and
  credits only its first document;
- claimed-act-coded-as-claim: "X claimed that it had attacked Y" is coded 015 (claim) or 112
  (accuse), where EVENTS.md codes the act itself with status claimed;
- code-against-codebook: the gold's code contradicts the CAMEO codebook's own definitions
  (a release of persons coded 084 or 0352 instead of 0841/0353, tank shelling 190 instead of 194,
  an air strike coded 112, evidence against a state coded 1124 "accuse of war crimes", an ordered
  investigation coded 1014 "demand intelligence cooperation" instead of 090 "investigate").

The classification below was made by reading each gold record; it lists, per record id, one reason per
gold triple that such a coder cannot produce. Every other gold triple is counted as reachable, even
where that is generous. The bound is F1 with every reachable triple found and nothing else predicted.

Usage: ``python3 tools/cameo_bound.py [PRED.jsonl]`` (reads ``$SHARED`` or ../shared at run time only;
``make eval`` runs it on its CAMEO output). With a
prediction file it also says how many reachable triples that run found.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

SHARED = Path(os.environ.get("SHARED") or Path(__file__).resolve().parents[2] / "shared")

UNREACHABLE: dict[str, list[str]] = {  # record id without the "up-gsr:" prefix
    "AFP0808020625_4": ["plan"],
    "AFP0808020675_1": ["joint-both-ways"],
    "AFP0808020857_1": ["code-against-codebook"],
    "AFP0808020857_2": ["code-against-codebook"],
    "AFP0808020905_1": ["joint-both-ways"],
    "AFP0808020957_2": ["fused-same-event"],
    "AFP0808021021_3": ["plan", "plan"],
    "SYRIA_1": ["code-against-codebook"],
    "GOLD_1": ["actor-not-in-text"],
    "GOLD_4": ["fused-same-event"],
    "GOLD_5": ["armed-group-country"],
    "GOLD_6": ["plan"],
    "GOLD_8": ["actor-not-in-text"],
    "GOLD_9": ["fused-same-event"],
    "TEST_3": ["fused-same-event"],
    "TEST_4": ["code-against-codebook"],
    "TEST_6": ["armed-group-country"],
    "TEST_7": ["hypothetical"],
    "TEST_8": ["plan"],
    "TEST_09": ["actor-not-in-text"],
    "TEST_11": ["plan", "plan"],
    "NEST_0": ["claimed-act-coded-as-claim"],
    "NEST_8": ["claimed-act-coded-as-claim"],
    "EXIST_1": ["actor-not-in-text"],
    "abc12_3": ["armed-group-country"],
    "VERB_0": ["plan"],
    "VERB_1": ["plan"],
    "VERB_6": ["want"],
    "VERB_8": ["plan"],
    "PASSIVE_0": ["code-against-codebook"],
    "PASSIVE_1": ["fused-same-event"],
    "PASSIVE_4": ["actor-not-in-text"],
    "PASSIVE_5": ["actor-not-in-text"],
    "PASSIVE_6": ["actor-not-in-text"],
    "PASSIVE_10": ["actor-not-in-text", "actor-not-in-text"],
    "Pattern_1": ["threat", "threat"],
    "APPEALS_1": ["threat"],
    "AGREE_0": ["plan"],
    "SYNSET_0": ["code-against-codebook"],
    "COOP_0": ["joint-both-ways"] * 3,
    "github_issue27_2": ["two-codes-one-act"],
}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(SHARED / "tools"))
    import score  # type: ignore[import-not-found]

    records = score.cameo_records(score.PETRARCH)
    gold = sum(len(score.coded_triples(r.get("gold") or [])) for r in records)
    lost = sum(len(v) for v in UNREACHABLE.values())
    assert all(f"up-gsr:{k}" in {r["id"] for r in records} for k in UNREACHABLE)
    reachable = gold - lost
    print(f"gold triples {gold}; unreachable under EVENTS.md {lost}; reachable {reachable}")
    for reason, n in Counter(r for v in UNREACHABLE.values() for r in v).most_common():
        print(f"  {reason:<28}{n:>3}")
    print(f"bound: recall {reachable / gold:.3f}, F1 {2 * reachable / (reachable + gold):.3f} "
          "(every reachable triple found, nothing else predicted)")
    if argv:
        events, _ = score.load_events(Path(argv[0]))
        ours = score.our_triples(events)
        tp = sum(len(score.coded_triples(r.get("gold") or []) & ours.get(r["id"], set())) for r in records)
        for r in records:  # a run that finds a triple counted unreachable proves the list wrong
            gold_r = score.coded_triples(r.get("gold") or [])
            found = len(gold_r & ours.get(r["id"], set()))
            if found > len(gold_r) - len(UNREACHABLE.get(r["id"].split(":", 1)[1], [])):
                print(f"  note: {r['id']} has {found} matched triples, more than counted reachable")
        print(f"{argv[0]}: {tp} gold triples matched (bound {reachable}), "
              f"{sum(len(v) for v in ours.values())} triples predicted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
