#!/usr/bin/env bash
# Score thucydides against the third-party gold sets in ../shared/eval (make eval).
# Outputs go to out/eval/; each scorer prints its own table.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SHARED=${SHARED:-../shared}
BIN=.venv/bin
OUT=out/eval

if [ ! -f "$SHARED/tools/score.py" ] || [ ! -d "$SHARED/eval" ]; then
  echo "make eval: $SHARED (with tools/score.py and eval/) is missing." >&2
  echo "  The evaluation data lives beside the repository; set SHARED=/path/to/shared to point at it." >&2
  exit 2
fi
SCORE="python3 $SHARED/tools/score.py"
mkdir -p "$OUT"

section() { printf '\n== %s ==\n' "$1"; }

section "news (dev set: events, fields, provenance)"
$BIN/thucydides extract "$SHARED/eval/news/dev.jsonl" -o "$OUT/news.jsonl"
$SCORE news --gold "$SHARED/eval/news/dev.gold.jsonl" --pred "$OUT/news.jsonl"

for set in cameo acled; do
  section "$set"
  $SCORE docs-for "$set" > "$OUT/${set}_docs.jsonl"
  $BIN/thucydides extract "$OUT/${set}_docs.jsonl" -o "$OUT/$set.jsonl"
  $SCORE "$set" --pred "$OUT/$set.jsonl"
done
section "cameo: what a coder that follows EVENTS.md can reach on this gold"
SHARED="$SHARED" python3 tools/cameo_bound.py "$OUT/cameo.jsonl"

if [ -f tools/geo_eval.py ]; then
  section "geo"
  $BIN/python tools/geo_eval.py "$OUT/geo"
else
  section "geo: skipped (tools/geo_eval.py not present)"
fi

if [ -f tools/time_eval.py ]; then
  section "time"
  $BIN/python tools/time_eval.py
else
  section "time: skipped (tools/time_eval.py not present)"
fi

printf '\nmake eval: outputs in %s/\n' "$OUT"
