"""Recaps: reports that name an event told elsewhere without telling it anew.

"The raids drew condemnation from Kenya, *prompting the recall* of its envoy", "a subsequent
*downgrade* of diplomatic ties": the article refers back to an act the corpus dates elsewhere.
Such a report has no date of its own (it is before its article's date, after any cause it
answers); it is provenance for the event it names and joins that event in fusion, never an
event of its own. Extraction marks its mention id with :data:`RECAP_MARK`
(``<doc>:<sentence>:<token>~ref``), which a duplicate's copy keeps (``...~ref@<doc>``).
"""

from __future__ import annotations

from collections.abc import Iterable

RECAP_MARK = "~ref"


def is_recap(mention_id: str) -> bool:
    """Whether a mention (or a duplicate's copy of one) is a recap."""
    return mention_id.split("@", 1)[0].endswith(RECAP_MARK)


def only_recaps(mention_ids: Iterable[str]) -> bool:
    """Whether every mention of an event is a recap (it tells nothing new: no event)."""
    ids = list(mention_ids)
    return bool(ids) and all(is_recap(i) for i in ids)
