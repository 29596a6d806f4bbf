"""Measure date normalisation and the date finder on TempEval-3 (TimeML) files.

Usage: python tools/time_eval.py [--dir ../shared/eval/time/te3-platinum] [--show N]

For each TIMEX3 of type DATE other than the document creation time (DCT), runs
``normalise_date(text, anchor=DCT)`` and compares with the gold ``value`` at the gold's granularity
(YYYY-MM-DD day, YYYY-MM month, YYYY year, YYYY-Www ISO week; anything else, e.g. PRESENT_REF,
seasons, quarters, counts as unsupported). Also reports the finder's recall of those spans.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from thucydides.resolve.dates import find_date_expressions, normalise_date

DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "time" / "te3-platinum"
_GRANULARITY = [
    ("day", re.compile(r"\d{4}-\d{2}-\d{2}")),
    ("month", re.compile(r"\d{4}-\d{2}")),
    ("year", re.compile(r"\d{4}")),
    ("week", re.compile(r"\d{4}-W\d{2}")),
]


@dataclass
class Timex:
    text: str
    value: str
    start: int
    end: int


@dataclass
class Doc:
    name: str
    dct: str
    text: str
    timexes: list[Timex]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _flatten(elem: ET.Element, parts: list[str], timexes: list[Timex], offset: int) -> int:
    """Append elem's text to parts; record DATE timexes with their offsets; return new offset."""
    start = offset
    if elem.text:
        parts.append(elem.text)
        offset += len(elem.text)
    for child in elem:
        offset = _flatten(child, parts, timexes, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if _local(elem.tag) == "TIMEX3" and elem.get("type") == "DATE":
        timexes.append(Timex("".join(elem.itertext()), elem.get("value", ""), start, offset))
    return offset


def read_tml(path: Path) -> Doc | None:
    root = ET.parse(path).getroot()
    dct_el = next((e for e in root.iter() if _local(e.tag) == "DCT"), None)
    text_el = next((e for e in root.iter() if _local(e.tag) == "TEXT"), None)
    if dct_el is None or text_el is None:
        return None
    dct_timex = next((e for e in dct_el.iter() if _local(e.tag) == "TIMEX3"), None)
    if dct_timex is None:
        return None
    parts: list[str] = []
    timexes: list[Timex] = []
    _flatten(text_el, parts, timexes, 0)
    return Doc(path.name, dct_timex.get("value", "")[:10], "".join(parts), timexes)


def granularity(value: str) -> str | None:
    for name, pattern in _GRANULARITY:
        if pattern.fullmatch(value):
            return name
    return None


def agrees(pred: str, gold: str, gran: str) -> bool:
    if gran == "day":
        return pred == gold
    if gran == "month":
        return pred[:7] == gold
    if gran == "year":
        return pred[:4] == gold
    y, w, _ = date.fromisoformat(pred).isocalendar()
    return f"{y}-W{w:02d}" == gold


def evaluate(docs: list[Doc], show: int) -> None:
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for doc in docs:
        spans = find_date_expressions(doc.text)
        for t in doc.timexes:
            counts["timex"] += 1
            overlap = [s for s in spans if s[0] < t.end and t.start < s[1]]
            counts["found_overlap"] += bool(overlap)
            counts["found_cover"] += any(s <= t.start and t.end <= e for s, e in overlap)
            gran = granularity(t.value)
            if gran is None:
                counts["unsupported"] += 1
                continue
            ref = normalise_date(t.text, doc.dct)
            ok = ref is not None and ref.date is not None and agrees(ref.date, t.value, gran)
            counts["correct"] += ok
            counts["answered"] += ref is not None
            if not ok:
                misses.append(f"  {doc.name} dct={doc.dct} {t.text!r} gold={t.value} "
                              f"pred={ref.date if ref else None}")
    _print(counts, misses[:show])


def _share(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/0"


def _print(c: Counter[str], misses: list[str]) -> None:
    supported = c["timex"] - c["unsupported"]
    print(f"TIMEX3 DATE (excluding DCT): {c['timex']}  (unsupported gold values: {c['unsupported']})")
    print(f"normalisation accuracy, all:        {_share(c['correct'], c['timex'])}")
    print(f"normalisation accuracy, supported:  {_share(c['correct'], supported)}")
    print(f"answered (not None), supported:     {_share(c['answered'], supported)}")
    print(f"finder recall, overlap:             {_share(c['found_overlap'], c['timex'])}")
    print(f"finder recall, span covers gold:    {_share(c['found_cover'], c['timex'])}")
    if misses:
        print("misses:")
        print("\n".join(misses))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--show", type=int, default=0, help="print this many misses")
    args = ap.parse_args(argv)
    files = sorted(args.dir.rglob("*.tml"))
    if not files:
        print(f"no .tml files under {args.dir}", file=sys.stderr)
        return 1
    docs = [d for d in (read_tml(p) for p in files) if d is not None]
    print(f"{len(docs)} documents from {args.dir}")
    evaluate(docs, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
