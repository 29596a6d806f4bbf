"""Dates of a story's sentences in the context of the article (resolve/date_context.py), on
mentions written for these tests (no parse needed)."""

from __future__ import annotations

from thucydides.records import DateRef, EventType, Mention, Sentence
from thucydides.resolve.date_context import DocDates, doc_references

Told = tuple[str, str, list[str]]  # sentence, trigger, date expressions


def _mention(text: str, index: int, start: int, trigger: str, dates: list[str]) -> Mention:
    t = text.index(trigger)
    refs = [DateRef(d, start + text.index(d), start + text.index(d) + len(d)) for d in dates]
    return Mention(mention_id=f"m{index}", doc_id="d", sentence_index=index, sentence=text,
                   sent_start=start, sent_end=start + len(text), trigger=trigger,
                   trigger_start=start + t, trigger_end=start + t + len(trigger),
                   type=EventType("assault"), dates=refs)


def dated(sentences: list[Told], anchor: str | None, *, inferred: bool = False
          ) -> list[tuple[str | None, str | None, str | None]]:
    """(date, precision, rule) of each sentence's mention, in order."""
    text = " ".join(s for s, _, _ in sentences)
    starts, pos = [], 0
    for s, _, _ in sentences:
        starts.append(pos)
        pos += len(s) + 1
    sents = [Sentence(i, st, st + len(s), s, 0, 0)
             for i, (st, (s, _, _)) in enumerate(zip(starts, sentences, strict=True))]
    dates = DocDates(anchor, int(anchor[:4]) if anchor else None, inferred=inferred,
                     refs=doc_references(text, sents))
    out: list[tuple[str | None, str | None, str | None]] = []
    for i, (s, trig, exprs) in enumerate(sentences):
        m = _mention(s, i, starts[i], trig, exprs)
        day, precision = dates.pick(m, dates.normalise(m))
        out.append((day, precision, dates.rule))
    return out


RAID = ("On March 2, rebels raided an army depot near the border.", "raided", ["On March 2"])


LATER = ("Later, the army carried out overnight strikes on rebel camps.", "strikes",
         ["overnight"])


def test_a_later_sentence_of_an_older_story_takes_neither_guessed_date_nor_its_night() -> None:
    got = dated([RAID, LATER], "2023-03-10", inferred=True)
    assert got[0][:2] == ("2023-03-02", "day")
    assert got[1] == (None, None, None)  # after March 2 by an unsaid amount: not the 9th
    # without a story before it, "overnight" is the night before the report
    assert dated([LATER], "2023-03-10", inferred=True)[0][:2] == ("2023-03-09", "day")
    # a given report date bounds the story: it stands
    assert dated([RAID, LATER], "2023-03-10")[1] == ("2023-03-09", "day", "expression")


def test_a_later_sentence_of_a_story_told_today_still_takes_the_report_date() -> None:
    got = dated([("Rebels raided an army depot near the border on Thursday.", "raided",
                  ["on Thursday"]),
                 ("Later, the army shelled the rebels' positions.", "shelled", [])],
                "2023-03-10", inferred=True)  # a Friday: the raid was yesterday
    assert got[1] == ("2023-03-10", "day", "report-date")


def test_a_sentence_far_from_the_story_is_dated_by_the_report_again() -> None:
    filler = [(f"Talks number {i} were held abroad.", "held", []) for i in range(4)]
    got = dated([RAID, *filler, ("Later, the army shelled the rebels' positions.", "shelled",
                                 [])], "2023-03-10", inferred=True)
    assert got[-1] == ("2023-03-10", "day", "report-date")


def test_the_event_a_shift_introduces_is_dated_back_from_the_report_date() -> None:
    got = dated([("The bombing comes a day after the envoys of the two countries returned to "
                  "their posts.", "returned", ["a day after"])], "2023-03-10")
    assert got == [("2023-03-09", "day", "antecedent")]


def test_a_shift_does_not_reach_past_its_clause() -> None:
    sentence = ("The bombing comes a day after the talks, and the envoys of the two countries "
                "returned to their posts.")
    got = dated([(sentence, "returned", ["a day after"])], "2023-03-10")
    assert got[0][2] != "antecedent"


def test_the_later_event_a_before_shift_counts_back_from_does_not_take_its_day() -> None:
    # "X came two days before Y": the shift dates X (here from the raid told before), not Y
    got = dated([RAID, ("The raid came two days before the minister arrived for talks.", "arrived",
                        ["two days before"])], "2023-03-10")
    assert got[1][0] != "2023-02-28" and got[1][2] != "shift"


def test_a_shift_told_in_the_past_counts_from_the_story_not_the_report_date() -> None:
    # "The raid came a day after …" (past): the raid is the one told on March 2, so the act the
    # shift introduces is March 1; "comes" (present) would count from the report date
    told = [RAID, ("Officials said two soldiers died.", "died", []),
            ("The raid came a day after the army shelled the village.", "shelled", ["a day after"])]
    assert dated(told, "2023-03-05")[2] == ("2023-03-01", "day", "antecedent")
    now = [RAID, ("The raid comes a day after the army shelled the village.", "shelled",
                  ["a day after"])]
    assert dated(now, "2023-03-05")[1] == ("2023-03-04", "day", "antecedent")
