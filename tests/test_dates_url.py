"""Publication dates read from article URLs (resolve/date_url.py) and what the pipeline does with
them (texts and URLs written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from thucydides.config import Settings
from thucydides.pipeline import prepare_documents, undated_documents
from thucydides.records import Document
from thucydides.resolve.date_url import url_date


@pytest.mark.parametrize("url, expected", [
    ("https://news.example.org/world/2023/03/14/ceasefire-holds-in-the-north/", "2023-03-14 day"),
    ("https://example.com/2023/Mar/14/ceasefire-holds", "2023-03-14 day"),
    ("https://example.com/14-Mar-2023/ceasefire-holds", "2023-03-14 day"),
    ("https://example.com/article/03/14/2023/ceasefire-holds", "2023-03-14 day"),
    ("https://example.com/politics/2023-03-14-ceasefire-holds", "2023-03-14 day"),
    ("https://example.com/2023/september/3/ceasefire", "2023-09-03 day"),
    ("example.com/2023/03/14/no-scheme", "2023-03-14 day"),
    ("https://example.com/2023/03/ceasefire-holds-in-the-north.html", "2023-03-01 month"),
    ("https://example.com/amp/world/2023/03/1007128/ceasefire", "2023-03-01 month"),
])
def test_dates_in_url_paths(url: str, expected: str) -> None:
    found = url_date(url)
    assert found is not None and f"{found.day.isoformat()} {found.precision}" == expected


@pytest.mark.parametrize("url", [
    None, "",
    "https://example.com/news/1107686234/ceasefire-holds",  # an article number
    "https://example.com/node/20230314",  # digits run together: no delimited date
    "https://example.com/2023/13/40/bad",  # no such month or day
    "https://example.com/top-10-moments/",
    "https://2023.example.com/ceasefire",  # the host is no date
    "https://example.com/ceasefire-holds",
])
def test_no_date_where_the_url_has_none(url: str | None) -> None:
    assert url_date(url) is None


def test_a_url_date_after_a_known_bound_is_no_date() -> None:
    url = "https://example.com/2031/01/02/plan"
    assert url_date(url, not_after=date(2024, 1, 1)) is None
    assert url_date(url) is not None


def test_a_url_day_is_an_inferred_publication_date() -> None:
    doc = Document(id="u", url="https://example.com/2023/03/14/talks",
                   text="The talks resumed on Monday, the ministry said.")
    (prepared,) = prepare_documents([doc], Settings(progress=False))
    assert prepared.published == "2023-03-14" and prepared.published_inferred


def test_a_given_publication_date_beats_the_url() -> None:
    doc = Document(id="g", url="https://example.com/2023/03/14/talks", published="2023-03-15",
                   text="The talks resumed on Monday.")
    (prepared,) = prepare_documents([doc], Settings(progress=False))
    assert prepared.published == "2023-03-15" and not prepared.published_inferred


def test_a_url_month_gives_the_year_and_bounds_the_text_date() -> None:
    # the text's latest full date is an old event: the URL's month says when the page was made
    doc = Document(id="m", url="https://example.com/2023/12/border-post-attacked",
                   text="Gunmen attacked a border post. A similar raid on May 3, 2019 killed "
                        "nine guards.")
    (prepared,) = prepare_documents([doc], Settings(progress=False))
    assert prepared.published is None
    assert prepared.year_hint == 2023
    assert undated_documents([prepared])["m"].month == "2023-12"
    # without the URL the old date is taken as the publication date
    (plain,) = prepare_documents([Document(id="p", text=doc.text)], Settings(progress=False))
    assert plain.published == "2019-05-03"


def test_a_text_date_inside_the_url_month_is_kept() -> None:
    doc = Document(id="k", url="https://example.com/2024/01/envoys-return",
                   text="ISLAMABAD, January 26, 2024 - The envoys returned to their posts.")
    (prepared,) = prepare_documents([doc], Settings(progress=False))
    assert prepared.published == "2024-01-26" and prepared.published_inferred
    assert undated_documents([prepared])["k"].month == "2024-01"


def test_a_url_day_is_not_overruled_by_the_corpus() -> None:
    docs = [Document(id="u", url="https://example.com/2023/03/14/talks", text="Talks resumed."),
            Document(id="t", text="Talks resumed, officials said on March 14, 2023.")]
    undated = undated_documents(prepare_documents(docs, Settings(progress=False)))
    assert "u" not in undated
    assert undated["t"].inferred == "2023-03-14"
