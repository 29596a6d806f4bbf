"""Dates read off the story an article tells: the event a sentence's news followed, what a
story's news did between its day and the report, a weekday read near the story told, a shift
that relates two other events, days counted through a visit and an undated article's earliest
report date (resolve/date_precede.py, date_context.py, date_ordinal.py, date_anchor.py)."""

from __future__ import annotations

from datetime import date

from test_dates_story import dated
from thucydides.config import Settings
from thucydides.pipeline import prepare_documents
from thucydides.records import DateRef, Document, EventType, Mention
from thucydides.resolve.date_anchor import week_after_floor
from thucydides.resolve.date_context import DocDates
from thucydides.resolve.date_ordinal import ordinal_day
from thucydides.resolve.date_precede import between_days, earlier_told, preceded
from thucydides.resolve.stage import redate

Told = tuple[str, str, list[str], str]  # sentence, trigger, date expressions, PLOVER type


def _mentions(sentences: list[Told]) -> list[Mention]:
    out: list[Mention] = []
    pos = 0
    for i, (text, trig, exprs, kind) in enumerate(sentences):
        t = text.index(trig)
        refs = [DateRef(d, pos + text.index(d), pos + text.index(d) + len(d)) for d in exprs]
        out.append(Mention(mention_id=f"m{i}", doc_id="d", sentence_index=i, sentence=text,
                           sent_start=pos, sent_end=pos + len(text), trigger=trig,
                           trigger_start=pos + t, trigger_end=pos + t + len(trig),
                           type=EventType(kind), dates=refs, status="occurred"))
        pos += len(text) + 1
    return out


def _resolve(sentences: list[Told], anchor: str) -> list[Mention]:
    """Dates as the stage gives them for a given (not inferred) report date."""
    dates = DocDates(anchor, int(anchor[:4]))
    out = _mentions(sentences)
    for m in out:
        m.dates = dates.normalise(m)
        m.date, m.date_precision = dates.pick(m, m.dates)
        m.date_rule = dates.rule
    earlier_told(out)
    return out


# 2024-03-08 is a Friday
CALL = [
    ("The truce follows a phone call between the two presidents.", "call", [], "consult"),
    ("Fighting had raged for weeks along the river.", "raged", [], "assault"),
    ("The thaw began after a phone conversation between them on Tuesday.", "conversation",
     ["on Tuesday"], "consult"),
]


def test_the_event_a_sentence_follows_takes_the_day_the_article_gives_it_later() -> None:
    got = _resolve(CALL, "2024-03-08")
    assert (got[0].date, got[0].date_rule) == ("2024-03-05", "previous")
    assert got[2].date == "2024-03-05"


def test_without_a_cue_or_an_earlier_day_the_report_date_stands() -> None:
    plain = [("The two presidents held a phone call.", "call", [], "consult"), *CALL[1:]]
    assert _resolve(plain, "2024-03-08")[0].date_rule == "report-date"
    # the only call told is on the report day itself: nothing earlier to take
    today = [CALL[0], ("They spoke by phone on Friday.", "spoke", ["on Friday"], "consult")]
    assert _resolve(today, "2024-03-08")[0].date == "2024-03-08"


def test_preceded_reads_follows_came_after_and_following() -> None:
    for text, trig in (("The deal came after talks in Doha.", "talks"),
                       ("Following the raid, troops left.", "raid"),
                       ("The decision followed a meeting of the cabinet.", "meeting")):
        (m,) = _mentions([(text, trig, [], "consult")])
        assert preceded(m), text
    (m,) = _mentions([("The ministers held talks in Doha.", "talks", [], "consult")])
    assert not preceded(m)


def test_the_trigger_is_found_when_the_sentence_offsets_moved() -> None:
    (m,) = _mentions([("The truce follows a phone call.", "call", [], "consult")])
    m.sent_start -= 3  # offsets of the input text, the trigger's of the parsed one
    m.sent_end -= 3
    assert m.trigger_offset() == m.sentence.index("call") and preceded(m)


STORY = [
    ("Rebels shelled the harbour on Monday.", "shelled", ["on Monday"], "assault"),
    ("Officials said the shelling killed four sailors, with the navy closing the port.",
     "shelling", [], "assault"),
    ("Officials said the shelling killed four sailors, with the navy closing the port.",
     "closing", [], "sanction"),
]


def _same_sentence(story: list[Told]) -> list[Mention]:
    got = _mentions(story)
    second, third = got[1], got[2]  # the same sentence, two mentions
    third.sentence_index, third.sent_start, third.sent_end = 1, second.sent_start, second.sent_end
    third.trigger_start = second.sent_start + third.sentence.index("closing")
    return got


def test_what_a_told_story_prompted_lies_between_its_day_and_the_report() -> None:
    # report date Thursday 2024-03-07; the shelling was on Monday the 4th
    dates = DocDates("2024-03-07", 2024)
    got = []
    for m in _same_sentence(STORY):
        m.dates = dates.normalise(m)
        got.append((*dates.pick(m, m.dates), dates.rule))
    assert got[1] == ("2024-03-04", "day", "previous")
    assert got[2] == ("2024-03-05", "day", "previous")


def test_between_days_needs_a_day_between() -> None:
    assert between_days("2024-03-04", "2024-03-07") == "2024-03-05"
    assert between_days("2024-03-04", "2024-03-06") == "2024-03-05"
    assert between_days("2024-03-05", "2024-03-06") is None


# 2024-01-17 is a Wednesday
RETALIATION = [
    ("On Tuesday, rebels attacked a border post.", "attacked", ["On Tuesday"]),
    ("Less than two days after the initial rebel raid, the army launched missile strikes on "
     "their camps.", "strikes", ["Less than two days after"]),
    ("This reprisal, carried out on Thursday, hit three camps.", "hit", ["on Thursday"]),
]


def test_a_weekday_is_read_near_a_story_told_after_a_guessed_report_date() -> None:
    got = dated(RETALIATION, "2024-01-17", inferred=True)
    assert [g[0] for g in got] == ["2024-01-16", "2024-01-18", "2024-01-18"]


def test_a_given_report_date_still_reads_weekdays_backwards() -> None:
    assert dated(RETALIATION, "2024-01-17")[2][0] == "2024-01-11"


def test_a_story_before_the_guessed_report_date_leaves_weekdays_to_it() -> None:
    story = [("On Friday (March 8), the envoys returned.", "returned",
              ["On Friday", "March 8"]),
             ("The ministers met in the capital on Monday.", "met", ["on Monday"])]
    # guessed report date Saturday 03-09: Monday is the 4th, not the 11th after the story's day
    assert dated(story, "2024-03-09", inferred=True)[1][0] == "2024-03-04"


def test_a_shift_inside_a_sentence_says_nothing_of_an_event_after_its_clause() -> None:
    story = [("On Monday, rebels raided a depot near the border.", "raided", ["On Monday"]),
             ("The raid came a day after strikes on a border town that killed six, further "
              "angering the capital and leading the neighbour to recall its envoy.", "recall",
              ["a day after"])]
    assert dated(story, "2024-03-07")[1] == ("2024-03-07", "day", "report-date")
    opening = [story[0], ("A day after the raid on the depot, the army shelled the hills.",
                          "shelled", ["A day after"])]
    assert dated(opening, "2024-03-07")[1] == ("2024-03-05", "day", "shift")


def test_the_days_of_a_visit_count_from_its_first() -> None:
    visit = [("The president reached the port city on Tuesday, the second day of his visit.",
              "reached", ["on Tuesday", "the second day"]),
             ("He spent his first day in talks with the prime minister.", "talks",
              ["his first day"]),
             ("He flies home on the third day.", "flies", ["the third day"])]
    got = dated(visit, "2024-04-24")  # a Wednesday
    assert [g[0] for g in got] == ["2024-04-23", "2024-04-22", "2024-04-24"]
    assert ordinal_day("his first day") == 1 and ordinal_day("the next day") is None


def test_last_week_after_a_written_day_puts_the_report_a_week_on() -> None:
    text = ("The envoy flew home last week after the border attack on March 5, and the two "
            "governments exchanged notes.")
    assert week_after_floor(text, 2024) == date(2024, 3, 11)
    assert week_after_floor("The envoy flew home last week.", 2024) is None
    assert week_after_floor("Last week's talks were held on March 5.", 2024) is None


def test_an_undated_article_is_not_dated_to_a_day_its_last_week_follows() -> None:
    doc = Document(id="g1", text=(
        "Envoys back at their posts. The ambassador returned home last week after the missile "
        "strike on March 5. Earlier this week the two sides agreed to restore ties by March 15, "
        "2024."))
    (out,) = prepare_documents([doc], Settings(progress=False))
    assert out.published == "2024-03-11" and out.published_inferred


def test_redating_applies_the_rules_too() -> None:
    got = redate(_mentions(CALL), "2024-03-08")
    assert got[0].date == "2024-03-05"


def test_a_story_done_after_a_guessed_report_date_goes_on_in_the_next_sentence() -> None:
    # guessed report date Wednesday 2024-05-08 (the latest date written); the launch is told as
    # a response, so its Sunday falls on or after that day: the 12th
    story = [("Rebels claimed the May 8, 2024, bombing of the market.", "bombing",
              ["May 8, 2024"]),
             ("The army fired rockets on Sunday in revenge for the market bombing.", "fired",
              ["on Sunday"]),
             ("It was the first such barrage in years.", "barrage", [])]
    got = dated(story, "2024-05-08", inferred=True)
    assert [g[0] for g in got] == ["2024-05-08", "2024-05-12", "2024-05-12"]
    assert got[2][2] == "previous"
    assert dated(story, "2024-05-08")[2] == ("2024-05-08", "day", "report-date")
