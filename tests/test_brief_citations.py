"""Every sentence of the brief cites a source: a sentence without a citation fails here.

The rule, for both renderings. A citation is ``[n]`` (in HTML a link ``#src-n``) where ``n``
numbers an entry of the Sources list. Exempt, because they are not statements about the record:
headings; the Sources list itself; notes and chart captions (Markdown: a line wholly in italics
``_…_``; HTML: ``class="note"`` and ``<figcaption>``); images; table header rows (Markdown: the
row above ``|---|``; HTML: ``<thead>`` and ``<th>``). Everything else is narrative: each list
item or paragraph is split into sentences (at ``.``, ``!`` or ``?`` followed by a space and a
capital, not after a one- or two-letter abbreviation such as ``U.S.``) and every sentence must
carry a citation; every table data row must carry one too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from test_report import DOCS, retaliation_link, world
from thucydides.config import Settings
from thucydides.records import Document
from thucydides.report import write_brief

CITE = re.compile(r"(?<!\\)\[(\d+)\]")
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Za-z]\.)(?<!\b[A-Za-z]{2}\.)\s+(?=[A-Z“\"(])")
TABLE_RULE = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$")
ITALIC_LINE = re.compile(r"^_.*_$")


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s.strip()]


def _uncited(block: str, refs: set[int], where: str) -> list[str]:
    problems = [f"{where}: no citation: {s!r}" for s in sentences(block) if not CITE.search(s)]
    problems += [f"{where}: [{n}] is not in the sources" for n in map(int, CITE.findall(block))
                 if n not in refs]
    return problems


def check_markdown(md: str) -> list[str]:
    """Every problem with the Markdown brief's citations (empty when it is sound)."""
    body, heading, sources = md.partition("\n## Sources\n")
    refs = {int(m) for m in re.findall(r"^(\d+)\. ", sources, re.M)}
    lines = body.splitlines()
    problems: list[str] = [] if heading else ["no Sources section"]
    for i, raw in enumerate(lines):
        text = raw.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if (not text or text.startswith("#") or ITALIC_LINE.match(text) or text.startswith("![")
                or TABLE_RULE.match(text) or (text.startswith("|") and TABLE_RULE.match(nxt))):
            continue
        if text.startswith("|"):
            if not CITE.search(text):
                problems.append(f"line {i + 1}: table row without a citation: {text!r}")
            problems += _uncited("", refs, f"line {i + 1}")
            continue
        problems += _uncited(text.removeprefix("- "), refs, f"line {i + 1}")
    cited = {int(n) for n in CITE.findall(body)}
    problems += [f"source [{n}] is never cited" for n in sorted(refs - cited)]
    return problems


class _Blocks(HTMLParser):
    """The HTML brief's narrative blocks (li, p, tr), skipping the exempt parts."""

    VOID = frozenset({"img", "meta", "br", "hr", "link", "input", "source"})
    SKIP_TAGS = frozenset({"head", "h1", "h2", "h3", "h4", "h5", "h6", "thead", "th",
                           "figcaption"})
    BLOCKS = frozenset({"li", "p", "tr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # tag, exempt
        self.open: list[tuple[str, list[str]]] = []
        self.blocks: list[tuple[str, str]] = []  # tag, text
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.stray: list[str] = []

    def _exempt(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href") and not self._exempt():
            self.hrefs.append(a["href"] or "")
        if tag in self.VOID:
            return
        classes = (a.get("class") or "").split()
        skip = tag in self.SKIP_TAGS or "note" in classes or "sources" in classes
        self.stack.append((tag, skip))
        if tag in self.BLOCKS and not self._exempt():
            self.open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self.stack:
            top, _ = self.stack.pop()
            if self.open and top == self.open[-1][0] and top in self.BLOCKS:
                kind, parts = self.open.pop()
                self.blocks.append((kind, "".join(parts)))
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._exempt() or not data.strip():
            return
        if self.open:
            self.open[-1][1].append(data)
        elif self.stack and self.stack[-1][0] not in ("style", "title"):
            self.stray.append(data.strip())


def check_html(html: str) -> list[str]:
    """Every problem with the HTML brief's citations (empty when it is sound)."""
    parser = _Blocks()
    parser.feed(html)
    refs = {int(i.removeprefix("src-")) for i in parser.ids if re.fullmatch(r"src-\d+", i)}
    problems = [f"text outside any block: {s!r}" for s in parser.stray]
    for n, (kind, text) in enumerate(parser.blocks):
        if kind == "tr":
            if not CITE.search(text):
                problems.append(f"block {n}: table row without a citation: {text!r}")
        else:
            problems += _uncited(text, refs, f"block {n} <{kind}>")
    problems += [f"link {h} has no target" for h in parser.hrefs
                 if h.startswith("#") and h[1:] not in parser.ids]
    return problems


def written(tmp_path: Path, events: list, docs: dict, **kw: object) -> tuple[str, str]:  # type: ignore[type-arg]
    md_path, html_path = write_brief(events, docs, tmp_path, **kw)  # type: ignore[arg-type]
    return md_path.read_text(encoding="utf-8"), html_path.read_text(encoding="utf-8")


# -- the checker itself can fail -----------------------------------------------------------------

def test_checker_finds_uncited_sentences_rows_and_dangling_numbers(tmp_path: Path) -> None:
    md, html = written(tmp_path, world(), DOCS, links=[retaliation_link()])
    assert check_markdown(md) == [] and check_html(html) == []
    bad_md = md.replace("## What happened\n\n", "## What happened\n\n- Iran attacked.\n", 1)
    assert any("no citation: 'Iran attacked.'" in p for p in check_markdown(bad_md))
    glued = re.sub(r"(\[\d+\]\.)(\n- On 16)", r"\1 Nobody said so.\2", md, count=1)
    assert glued != md and any("Nobody said so." in p for p in check_markdown(glued))
    dangling = md.replace("[1].", "[99].", 1)
    assert any("[99] is not in the sources" in p for p in check_markdown(dangling))
    row = md.replace("## Sources", "| 1 Jan | 4 |\n|---|---|\n| 2 Jan | 5 |\n\n## Sources", 1)
    assert any("table row without a citation" in p for p in check_markdown(row))
    bad_html = html.replace('<ul class="items">', '<ul class="items"><li>It burned.</li>', 1)
    assert any("It burned." in p for p in check_html(bad_html))
    stray = html.replace("</h1>", "</h1>Loose words.", 1)
    assert any("Loose words." in p for p in check_html(stray))
    broken = html.replace('href="#src-1"', 'href="#src-77"', 1)
    assert any("#src-77" in p for p in check_html(broken))


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert sentences("U.S. forces struck [1]. Iran said so [2].") == [
        "U.S. forces struck [1].", "Iran said so [2]."]


# -- the brief passes it -------------------------------------------------------------------------

def test_every_sentence_of_a_full_brief_is_cited(tmp_path: Path) -> None:
    from test_report_sections import toll_history

    md, html = written(tmp_path, world(), DOCS, links=[retaliation_link()],
                       history=toll_history)
    assert "## Death tolls over time" in md and "| As of |" in md  # tables were checked too
    assert "## Action and reaction" in md
    assert check_markdown(md) == []
    assert check_html(html) == []


def test_escalation_and_reporting_quality_sections_are_cited(tmp_path: Path) -> None:
    """A pair with a model (forecasts with their backtests, phases, reciprocity) and audited
    articles (findings of every severity, a finding whose message has two sentences)."""
    from test_report_escalation import answers, hostile_record, record_docs
    from test_report_quality import audit, finding, ref

    events = hostile_record()
    docs = record_docs(events)
    worst = [finding("s00", "high", "attribution", "factual claims largely unattributed",
                     text=events[0].sources[0].sentence, related=[ref("s00", "Later.", 200)]),
             finding("s01", "medium", "record_contradiction", "says 9 killed. The record has 7",
                     text="Nine were killed, residents said.", start=300),
             finding("s02", "low", "unattributed_claim", "reported as fact: struck")]
    audits = [audit("s00", 41, worst[:1]), audit("s01", 63, worst[1:2]),
              audit("s02", 90, worst[2:])]
    md, html = written(tmp_path, events, docs, links=answers(events), audits=audits)
    assert "probability of at least one hostile act" in md and "Brier score was" in md
    assert "score 41 of 100" in md and "The record has 7 [" in md
    assert check_markdown(md) == []
    assert check_html(html) == []


def test_an_empty_brief_has_no_uncited_sentence(tmp_path: Path) -> None:
    md, html = written(tmp_path, [], {})
    assert check_markdown(md) == [] and check_html(html) == []
    assert check_markdown(md.replace("## Sources", "## Notes")) == ["no Sources section"]


# -- end to end ----------------------------------------------------------------------------------

CORPUS = [
    Document(id="k-1", published="2024-03-05", outlet="Frontier Wire", text=(
        "Gunmen attacked a police checkpoint in the Kurram district of Pakistan on Monday, "
        "killing four officers, a police spokesman said. "
        "The Pakistani army vowed to strike the hideouts of the attackers.")),
    Document(id="k-2", published="2024-03-06", outlet="Valley Courier", text=(
        "Six police officers were killed on Monday when gunmen stormed a checkpoint in "
        "Kurram, provincial officials said.")),
    Document(id="k-3", published="2024-03-07", outlet="Frontier Wire", text=(
        "Turkey and Greece agreed on Wednesday to hold talks in Athens next month.")),
]


def test_audited_corpus_brief_is_cited(tmp_path: Path) -> None:
    from test_report_quality import AUDIT_CORPUS, extracted

    prepared, mentions, events, sentences = extracted(AUDIT_CORPUS)
    md, html = written(tmp_path, events, {d.id: d for d in prepared}, mentions=mentions,
                       sentences=sentences)
    assert "### Market attack in Quetta: score" in md
    assert check_markdown(md) == [] and check_html(html) == []


def test_pipeline_to_brief_end_to_end(tmp_path: Path) -> None:
    from thucydides.pipeline import extract_events

    events = extract_events(CORPUS, Settings(progress=False))
    md, html = written(tmp_path, events, {d.id: d for d in CORPUS})
    assert check_markdown(md) == [] and check_html(html) == []
    flat = md.replace("\\", "")
    # the disputed toll: both figures, each with its claimant and its own citation
    assert re.search(r"the police spokesman said on 5 March 2024 that 4 were killed \[\d+\]; "
                     r"the provincial officials said on 6 March 2024 that 6 were killed \[\d+\]",
                     flat)
    # the threat is kept apart from what happened
    happened = flat.split("## Disputed or unverified")[0]
    assert "threatened" not in happened
    assert "threatened" in flat.split("### Threats and hypothetical events")[1]
    assert "“Six police officers were killed on Monday" in flat  # quoted only in the sources
    assert "Six police officers were killed" not in happened
    assert (tmp_path / "brief-casualties.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_demo_corpus_brief(tmp_path: Path) -> None:
    """The demo corpus through ``thucydides run``: every sentence cited, a disputed toll with
    both claimants (run with ``make test-slow``)."""
    from thucydides.engine.local import run

    corpus = Path(__file__).resolve().parent.parent / "examples" / "iran-pakistan-2024"
    run([corpus], Settings(db=tmp_path / "demo.duckdb", progress=False), out_dir=tmp_path)
    md = (tmp_path / "brief.md").read_text(encoding="utf-8")
    html = (tmp_path / "brief.html").read_text(encoding="utf-8")
    assert check_markdown(md) == [] and check_html(html) == []
    assert "## Escalation" in md and "### " in md.split("## Reporting quality")[1]
    disputes = re.findall(r"^- Deaths — .*$", md, re.M)
    assert any(len(re.findall(r" said (?:on [^;]+ )?that \d+", d)) >= 2 for d in disputes)
