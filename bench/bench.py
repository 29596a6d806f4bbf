"""Throughput and memory: the full thucydides extract path against bare spaCy ``nlp.pipe``.

Usage: python bench/bench.py [--n-process N] [--docs FILE.jsonl] [--n-docs 200] [--repeat R] [--json]

Both phases see the same documents and the same process count, and each runs in a fresh
subprocess so its peak RSS is its own. The model (and, for thucydides, its lexicons and
gazetteer) is loaded and warmed up before the clock starts. Without ``--docs`` the documents are
built from the demo corpus: its sentences are sampled into ``--n-docs`` distinct articles of
demo-like length, so none of them is dropped as a near-duplicate. With ``--repeat R`` the two
phases run R times, interleaved, and the fastest run of each is kept (less noise on a busy
machine). A benchmark reports; it does not assert: the exit status is 0 whatever the figures are.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "iran-pakistan-2024"
PHASES = ("spacy", "thucydides")
TARGET_RATIO = 0.7
WARMUP_DOCS = 4
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[A-Z\"“])")


# --- documents -------------------------------------------------------------------------------

def read_docs_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a documents JSONL file (spec/EVENTS.md input format)."""
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                rows.append({k: row.get(k) for k in ("id", "text", "published", "title", "outlet")})
    return rows


def demo_reports() -> list[dict[str, Any]]:
    """Every report of the demo corpus, through the project's readers when they import."""
    try:
        from thucydides.ingest import read_inputs
    except ImportError:
        return read_docs_jsonl(DEMO / "wire.jsonl")
    docs = read_inputs([DEMO]).documents
    return [{"id": d.id, "text": d.text, "published": d.published, "outlet": d.outlet}
            for d in docs]


def synthetic_docs(reports: Sequence[dict[str, Any]], n_docs: int,
                   seed: int = 0) -> list[dict[str, Any]]:
    """``n_docs`` articles of 6-11 sentences sampled from ``reports`` (deterministic)."""
    pool = [(s, r) for r in reports for s in _SENTENCE_END.split(r["text"]) if s.strip()]
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for i in range(n_docs):
        picked = rng.sample(pool, min(len(pool), rng.randint(6, 11)))
        out.append({"id": f"bench-{i:04d}", "text": " ".join(s for s, _ in picked),
                    "published": picked[0][1].get("published"), "title": None,
                    "outlet": picked[0][1].get("outlet")})
    return out


def write_jsonl(rows: Sequence[dict[str, Any]], path: Path) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")


# --- one phase, in its own process -------------------------------------------------------------

def peak_rss_mb(who: int) -> float:
    """Peak resident set size of this process or of its largest waited-for child, in MB."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    n = fn()
    return time.perf_counter() - start, n


def run_spacy(rows: Sequence[dict[str, Any]], n_process: int, batch_size: int) -> dict[str, Any]:
    from thucydides.nlp import pipe_docs

    texts = [str(r["text"]) for r in rows]

    def consume(items: Sequence[str], n: int) -> int:
        return sum(1 for _ in pipe_docs(items, n_process=n, batch_size=batch_size))

    consume(texts[:WARMUP_DOCS], 1)
    seconds, _ = timed(lambda: consume(texts, n_process))
    return {"seconds": seconds, "note": "nlp.pipe consumed fully"}


def run_thucydides(rows: Sequence[dict[str, Any]], n_process: int,
                   batch_size: int) -> dict[str, Any]:
    try:
        from thucydides import pipeline
        from thucydides.config import Settings
        from thucydides.records import Document
    except ImportError as exc:
        return run_cli(rows, n_process, f"pipeline import failed ({exc}); ran the CLI instead")
    settings = Settings.model_validate(
        {"n_process": n_process, "batch_size": batch_size, "progress": False})
    docs = [Document(id=str(r["id"]), text=str(r["text"]), published=r.get("published"),
                     title=r.get("title"), outlet=r.get("outlet")) for r in rows]
    extract: Callable[..., list[Any]] = pipeline.extract_events
    toolkit = getattr(pipeline, "Toolkit", None)
    extra = {"kit": toolkit.load()} if toolkit is not None else {}
    extract(docs[:WARMUP_DOCS], settings.model_copy(update={"n_process": 1}), **extra)
    seconds, n_events = timed(lambda: len(extract(docs, settings, **extra)))
    return {"seconds": seconds, "events": n_events, "note": "pipeline.extract_events"}


def run_cli(rows: Sequence[dict[str, Any]], n_process: int, why: str) -> dict[str, Any]:
    """Fallback: time ``thucydides extract`` as a subprocess (model load included, no warm-up)."""
    exe = shutil.which("thucydides", path=str(Path(sys.executable).parent)) or "thucydides"
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "docs.jsonl", Path(tmp) / "events.jsonl"
        write_jsonl(rows, src)
        cmd = [exe, "extract", str(src), "-o", str(dst), "--n-process", str(n_process)]
        seconds, code = timed(lambda: subprocess.run(cmd, capture_output=True).returncode)
        n_events = len(dst.read_text(encoding="utf-8").splitlines()) if dst.exists() else 0
    if code != 0:
        return {"error": f"{why}; the CLI fallback failed too (exit {code})"}
    return {"seconds": seconds, "events": n_events, "note": f"{why}; includes model load"}


def phase_main(phase: str, docs_file: Path, n_process: int, batch_size: int) -> None:
    rows = read_docs_jsonl(docs_file)
    runner = run_spacy if phase == "spacy" else run_thucydides
    result = runner(rows, n_process, batch_size)
    result.setdefault("phase", phase)
    if "error" in result:
        print(json.dumps(result))
        return
    result.update(phase=phase, docs=len(rows), words=sum(len(str(r["text"]).split()) for r in rows),
                  rss_mb=peak_rss_mb(resource.RUSAGE_SELF),
                  child_rss_mb=peak_rss_mb(resource.RUSAGE_CHILDREN))
    print(json.dumps(result))


# --- driver ------------------------------------------------------------------------------------

def run_phase(phase: str, docs_file: Path, n_process: int, batch_size: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--phase", phase, "--docs-file", str(docs_file),
           "--n-process", str(n_process), "--batch-size", str(batch_size)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        return {"phase": phase, "error": f"exit {proc.returncode}: {tail}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def best_of(runs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The fastest successful run, or the first failure when none succeeded."""
    ok = [r for r in runs if "error" not in r]
    return min(ok, key=lambda r: float(r["seconds"])) if ok else runs[0]


def rate(result: dict[str, Any], key: str) -> float:
    seconds = float(result.get("seconds") or 0.0)
    return float(result.get(key, 0)) / seconds if seconds > 0 else 0.0


def table(results: Sequence[dict[str, Any]], n_process: int) -> Iterator[str]:
    yield (f"{'phase':<12}{'docs':>6}{'words':>9}{'seconds':>9}{'docs/s':>9}{'words/s':>10}"
           f"{'peak RSS MB':>13}{'workers MB':>12}")
    for r in results:
        if "error" in r:
            yield f"{r['phase']:<12} failed: {r['error']}"
            continue
        workers = f"{r['child_rss_mb']:.0f}" if n_process > 1 or r["child_rss_mb"] > 0 else "-"
        yield (f"{r['phase']:<12}{r['docs']:>6}{r['words']:>9}{r['seconds']:>9.2f}"
               f"{rate(r, 'docs'):>9.1f}{rate(r, 'words'):>10.0f}{r['rss_mb']:>13.0f}{workers:>12}")


def report(results: Sequence[dict[str, Any]], n_process: int, source: str) -> dict[str, Any]:
    print(f"thucydides benchmark: {source}; n_process={n_process}")
    for line in table(results, n_process):
        print(line)
    for r in results:
        if r.get("note"):
            print(f"  {r['phase']}: {r['note']}" + (f", {r['events']} events" if "events" in r else ""))
    bare, full = (rate(r, "docs") for r in results)
    ratio = full / bare if bare > 0 and full > 0 else 0.0
    shown = f"{ratio:.2f}" if ratio > 0 else "n/a (a phase failed)"
    print(f"ratio (thucydides docs/s / bare nlp.pipe docs/s): {shown}")
    print(f"ratio >= {TARGET_RATIO}: {'yes' if ratio >= TARGET_RATIO else 'no'}")
    return {"n_process": n_process, "source": source, "ratio": ratio, "phases": list(results)}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--n-process", type=int, default=1, help="processes for both phases")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--docs", type=Path, help="documents JSONL (default: demo corpus, expanded)")
    ap.add_argument("--n-docs", type=int, default=200, help="documents built from the demo corpus")
    ap.add_argument("--repeat", type=int, default=1, help="runs per phase; the fastest is kept")
    ap.add_argument("--json", action="store_true", help="also print the results as one JSON line")
    ap.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    ap.add_argument("--docs-file", type=Path, help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.phase is not None:
        phase_main(args.phase, args.docs_file, args.n_process, args.batch_size)
        return 0
    if args.docs is not None:
        rows, source = read_docs_jsonl(args.docs), str(args.docs)
    else:
        rows = synthetic_docs(demo_reports(), args.n_docs)
        source = f"demo corpus sampled into {len(rows)} documents"
    with tempfile.TemporaryDirectory() as tmp:
        docs_file = Path(tmp) / "docs.jsonl"
        write_jsonl(rows, docs_file)
        runs = [[run_phase(p, docs_file, args.n_process, args.batch_size) for p in PHASES]
                for _ in range(max(1, args.repeat))]
    results = [best_of([r[i] for r in runs]) for i in range(len(PHASES))]
    summary = report(results, args.n_process, source)
    if args.json:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
