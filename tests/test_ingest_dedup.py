from __future__ import annotations

import pytest

from thucydides.errors import ConfigError
from thucydides.ingest import mark_duplicates
from thucydides.ingest.dedup import jaccard, shingles
from thucydides.records import Document

ARTICLE = (
    "Gunmen stormed a police station in the southern border district before dawn on Thursday, "
    "killing four officers and wounding six others in a firefight that lasted nearly three hours, "
    "provincial officials said. The attackers arrived in two pickup trucks and used rocket-propelled "
    "grenades to breach the outer wall of the compound, according to the district police chief, "
    "who spoke to reporters at the scene. Security forces sealed the roads leading to the frontier "
    "and launched a search of nearby villages. No group immediately claimed responsibility, but a "
    "separatist faction that has targeted police posts in the region several times this year said "
    "last month that it would escalate its campaign. The interior minister condemned the assault "
    "and promised compensation for the families of the dead. Hospital staff in the provincial "
    "capital said two of the wounded were in critical condition and that blood donations were "
    "urgently needed. Schools in the district were closed for the rest of the week."
)
# lightly edited and a little shorter, so the original is kept when neither is dated
EDITED = (ARTICLE.replace("Gunmen stormed", "Gunmen raided")
          .replace("condemned the assault", "condemned the attack"))
SAME_TOPIC = (
    "A police station in the southern border district came under attack on Thursday, officials "
    "said, the third such assault this year. Four officers were killed and six wounded when "
    "attackers armed with grenades forced their way into the compound before dawn. The district "
    "police chief told reporters that the assailants escaped towards the frontier in two trucks. "
    "Analysts say the separatist insurgency has grown bolder since talks with tribal elders broke "
    "down in the spring, and police in the area complain of old weapons and too few vehicles. "
    "The interior minister, visiting the wounded in hospital, said the government would not be "
    "intimidated and announced new funding for border policing. Residents said shops stayed shut "
    "and that many families had left for the provincial capital."
)


def doc(doc_id: str, text: str, published: str | None = None) -> Document:
    return Document(id=doc_id, text=text, published=published)


def test_the_article_is_about_150_words() -> None:
    assert 140 <= len(ARTICLE.split()) <= 170


def test_exact_duplicate_keeps_the_earliest() -> None:
    docs = [doc("late", ARTICLE, "2024-02-02"), doc("early", ARTICLE, "2024-02-01")]
    out = mark_duplicates(docs)
    assert [(d.id, d.duplicate_of) for d in out] == [("late", "early"), ("early", None)]
    assert docs[0].duplicate_of is None  # inputs are not modified


def test_near_duplicate_is_marked_and_same_topic_article_is_not() -> None:
    assert EDITED != ARTICLE and len(EDITED) < len(ARTICLE)
    assert jaccard(shingles(ARTICLE), shingles(EDITED)) >= 0.85
    assert jaccard(shingles(ARTICLE), shingles(SAME_TOPIC)) < 0.2
    out = mark_duplicates([doc("orig", ARTICLE), doc("copy", EDITED), doc("other", SAME_TOPIC)])
    assert [d.duplicate_of for d in out] == [None, "orig", None]


def test_undated_copies_keep_the_longest_then_the_first() -> None:
    longer = ARTICLE + " Funerals were held on Friday."
    out = mark_duplicates([doc("a", ARTICLE), doc("b", longer), doc("c", ARTICLE)])
    assert [d.duplicate_of for d in out] == ["b", None, "b"]


def test_a_dated_copy_wins_over_an_undated_longer_one() -> None:
    out = mark_duplicates([doc("undated", ARTICLE + " More text."), doc("dated", EDITED, "2024-01-01")])
    assert [d.duplicate_of for d in out] == ["dated", None]


def test_exact_copies_of_a_near_duplicate_point_to_the_kept_article() -> None:
    out = mark_duplicates([doc("k", ARTICLE, "2024-01-01"), doc("n1", EDITED), doc("n2", EDITED)])
    assert [d.duplicate_of for d in out] == [None, "k", "k"]


def test_threshold_is_respected() -> None:
    docs = [doc("orig", ARTICLE), doc("copy", EDITED)]
    assert mark_duplicates(docs, threshold=0.99)[1].duplicate_of is None
    assert mark_duplicates(docs, threshold=0.1)[1].duplicate_of == "orig"
    with pytest.raises(ConfigError):
        mark_duplicates(docs, threshold=1.5)


def test_short_and_wordless_documents() -> None:
    out = mark_duplicates([doc("a", "Blast."), doc("b", "Blast!"), doc("c", "…"), doc("d", "…")])
    assert [d.duplicate_of for d in out] == [None, "a", None, "c"]


def test_many_documents_are_deterministic() -> None:
    docs = [doc(f"d{i}", f"Report number {i}: " + ARTICLE.replace("four", str(i))) for i in range(40)]
    docs += [doc("x", SAME_TOPIC)]
    first = mark_duplicates(docs)
    assert first == mark_duplicates(docs)
    assert sum(d.duplicate_of is None for d in first) == 2
