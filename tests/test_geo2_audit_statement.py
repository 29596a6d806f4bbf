"""The audit reads a date of a speech verb ("said on Friday that ...") as the day of the
statement, a bound on the act it tells, not the act's day (audit/dating.py), on texts written
for the test."""

from __future__ import annotations

from datetime import date

import pytest

from thucydides.audit import ArticleAudit, audit_documents
from thucydides.audit.dating import Stated, agrees
from thucydides.records import Document

TEXT = ("Hamas said on Friday that its political leader Ismail Haniyeh had been assassinated in "
        "Tehran in an Israeli strike.")
DATES = ("relative_date", "reference_contradiction")


@pytest.fixture(scope="module")
def audits() -> dict[str, ArticleAudit]:
    docs = [  # the landmark: Haniyeh killed in Tehran on 2024-07-31
        Document(id="said-after", published="2024-08-03", outlet="Test Wire", text=TEXT),
        Document(id="said-before", published="2024-07-27", outlet="Test Wire", text=TEXT),
        Document(id="act-dated", published="2024-08-03", outlet="Test Wire",
                 text="On Friday, Israel assassinated Hamas leader Ismail Haniyeh in Tehran, "
                      "Hamas said."),
    ]
    return {a.doc_id: a for a in audit_documents(docs)}


def _dated(a: ArticleAudit) -> list[str]:
    return [f.details["stated"] for k in DATES for f in a.by_kind(k)]


def test_the_day_of_a_statement_after_the_act_is_no_contradiction(
        audits: dict[str, ArticleAudit]) -> None:
    assert _dated(audits["said-after"]) == []


def test_a_statement_made_before_the_act_still_contradicts_it(
        audits: dict[str, ArticleAudit]) -> None:
    assert _dated(audits["said-before"]) == ["on Friday"]


def test_a_day_that_dates_the_act_itself_is_still_checked(
        audits: dict[str, ArticleAudit]) -> None:
    assert _dated(audits["act-dated"]) == ["On Friday"]


def test_a_statement_date_bounds_the_act_from_above() -> None:
    said = Stated("on Friday", 0, 9, "weekday", False, False, date(2024, 8, 2), "day", True)
    act = Stated("on Friday", 0, 9, "weekday", False, False, date(2024, 8, 2), "day")
    assert agrees(said, date(2024, 7, 31), 1) and not agrees(act, date(2024, 7, 31), 1)
    assert not agrees(said, date(2024, 8, 5), 1)
    month = Stated("in July", 0, 7, "month", False, False, date(2024, 7, 1), "month", True)
    assert agrees(month, date(2024, 7, 31), 0) and not agrees(month, date(2024, 8, 2), 0)
