"""Entry points: audit documents (running the pipeline), or audit what the pipeline already
produced (mentions, fused events, parsed sentences), as the store and the dashboard hold it."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ..config import Settings
from ..records import Document, Event, Mention, ParsedDoc, Sentence
from .attribution import attribution_findings
from .context import Article, build_article
from .dating import article_dates, set_episode
from .model import SEVERITY_RANK, ArticleAudit, AuditStats, Finding
from .record import record_findings
from .reference import match_references, reference_findings
from .score import penalties, total
from .surface import boilerplate_findings, glued_findings, stuffing_findings
from .temporal import (
    after_publication_findings,
    conflation_findings,
    known_dates,
    years_finding,
)


def audit_documents(docs: Sequence[Document], settings: Settings | None = None) -> list[ArticleAudit]:
    """Run the pipeline over ``docs`` (the record is built from them all) and audit each one."""
    from ..pipeline import (
        analyse_batch,
        copy_to_duplicates,
        fuse_corpus,
        prepare_documents,
        undated_documents,
    )

    settings = settings or Settings.model_validate({})
    prepared = prepare_documents(docs, settings)
    kept = [d for d in prepared if d.duplicate_of is None]
    sentences: dict[str, list[Sentence]] = {}

    def keep(pdoc: ParsedDoc) -> None:
        sentences[pdoc.doc.id] = pdoc.sentences

    mentions = analyse_batch(kept, settings, on_doc=keep)
    mentions += copy_to_duplicates(prepared, mentions)
    mentions, events = fuse_corpus(mentions, settings, undated_documents(prepared))
    return audit_parsed(prepared, mentions, events, sentences, settings=settings)


def audit_parsed(docs: Sequence[Document], mentions: Sequence[Mention], events: Sequence[Event],
                 sentences: Mapping[str, Sequence[Sentence]] | None = None, *,
                 settings: Settings | None = None,
                 only: Collection[str] | None = None) -> list[ArticleAudit]:
    """Audit ``docs`` from their extracted ``mentions`` and the ``events`` fused from all
    articles. ``sentences`` are the parsed sentences per document id (the store keeps them); a
    document without them is split by punctuation. ``mentions`` may hold other articles' too:
    they are the record a claim is checked against. ``only`` limits the audit to those ids."""
    settings = settings or Settings.model_validate({})
    event_of = {mid: ev for ev in events for mid in ev.mention_ids}
    by_id = {m.mention_id: m for m in mentions}
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    roots = {d.id: d.duplicate_of or d.id for d in docs}
    out: list[ArticleAudit] = []
    for d in docs:
        if only is not None and d.id not in only:
            continue
        art = build_article(d, (sentences or {}).get(d.id), by_doc.get(d.id, []), event_of,
                            settings.fuse_date_window_days)
        out.append(audit_article(art, by_id, roots))
    return out


def audit_article(art: Article, all_mentions: Mapping[str, Mention],
                  roots: Mapping[str, str]) -> ArticleAudit:
    """All checks on one article (boilerplate first: the other checks skip what it marks)."""
    boiler, n_lines, n_boiler = boilerplate_findings(art)
    glued = glued_findings(art)
    findings: list[Finding] = [*boiler, *glued, *stuffing_findings(art)]
    attr = attribution_findings(art)
    findings += attr.findings
    dates = article_dates(art)
    matches = match_references(art)
    known = known_dates(matches)
    set_episode(art, dates, (k.day for k in known.values()))
    findings += reference_findings(art, dates, matches)
    findings += conflation_findings(art, dates, known)
    findings += after_publication_findings(art, dates)
    findings += record_findings(art, all_mentions, roots)
    overview = years_finding(art, dates, known)
    if overview is not None:
        findings.append(overview)
    stats = AuditStats(
        n_sentences=len(art.sentences), n_claims=attr.n_claims,
        attributed_share=round(attr.share, 3), n_figures=attr.n_figures,
        n_unsourced_figures=attr.n_unsourced_figures,
        figures_sourced_share=round(attr.figures_share, 3), n_lines=n_lines,
        n_boilerplate_lines=n_boiler, boilerplate_share=round(n_boiler / max(n_lines, 1), 3),
        n_glued=len(glued),
        episode=f"{dates.episode[0]}-{dates.episode[1]:02d}" if dates.episode else None,
        years=overview.details["years"] if overview else
        ([dates.episode[0]] if dates.episode else []))
    findings.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.sentence.start, f.kind))
    lost = penalties(stats, findings)
    doc = art.doc
    return ArticleAudit(doc.id, doc.title, doc.published, doc.outlet, total(lost), lost, stats,
                        findings, duplicate_of=doc.duplicate_of)
