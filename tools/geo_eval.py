#!/usr/bin/env python3
"""Geoparsing evaluation on LGL, GeoWebNews and TR-News (gold data in ../shared/eval/geo).

Usage: python tools/geo_eval.py OUT_DIR [--parsed-cache FILE]

Reads the scorer's input documents (``score.py docs-for geo``), parses them with spaCy
(thucydides.nlp.parse), geoparses them, writes OUT_DIR/places.jsonl and prints the scorer's table.
``--parsed-cache`` keeps the parsed documents in a pickle so reruns skip spaCy.
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import time
from pathlib import Path

from thucydides.nlp import parse
from thucydides.records import Document, ParsedDoc
from thucydides.resolve.gazetteer import Gazetteer
from thucydides.resolve.places import geoparse

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "tools" / "score.py"


def load_docs() -> list[Document]:
    out = subprocess.run([sys.executable, str(SCORE), "docs-for", "geo"], check=True,
                         capture_output=True, text=True).stdout
    docs = []
    for line in out.split("\n"):
        if line.strip():
            rec = json.loads(line)
            docs.append(Document(id=rec["id"], text=rec["text"], published=rec.get("published"),
                                 title=rec.get("title")))
    return docs


def parsed_docs(cache: Path | None) -> list[ParsedDoc]:
    if cache is not None and cache.exists():
        with cache.open("rb") as fh:
            pdocs: list[ParsedDoc] = pickle.load(fh)
        return pdocs
    pdocs = parse(load_docs())
    if cache is not None:
        with cache.open("wb") as fh:
            pickle.dump(pdocs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return pdocs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--parsed-cache", type=Path, default=None)
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    pdocs = parsed_docs(args.parsed_cache)
    t1 = time.perf_counter()
    rows = geoparse(pdocs, Gazetteer.load())
    t2 = time.perf_counter()
    pred = args.out_dir / "places.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(pdocs)} documents, {len(rows)} toponyms; parse {t1 - t0:.1f}s, "
          f"geoparse {t2 - t1:.1f}s", file=sys.stderr)
    return subprocess.run([sys.executable, str(SCORE), "geo", "--pred", str(pred)]).returncode


if __name__ == "__main__":
    sys.exit(main())
