from __future__ import annotations

import pytest

from thucydides.ingest import clean_text, doc_id_for
from thucydides.ingest.clean import apply_edits


def assert_offsets_sound(original: str, clean: str, offsets: list[int] | None) -> None:
    if offsets is None:
        assert clean == original
        return
    assert len(offsets) == len(clean) + 1
    assert offsets[-1] == len(original)
    assert offsets == sorted(offsets)
    for i, ch in enumerate(clean):
        if ch.isalnum():  # letters and digits are never rewritten, only moved
            assert original[offsets[i]] == ch, (i, ch)


def test_unchanged_text_has_no_offset_map() -> None:
    text = "Rockets hit the airport.\n\nNo one was hurt."
    assert clean_text(text) == (text, None)


def test_spaces_newlines_and_odd_characters() -> None:
    text = "  Talks\u00a0resumed \t in\u200b Doha.\r\n\r\n\r\n\nBoth  sides   agreed.  \n"
    clean, offsets = clean_text(text)
    assert clean == "Talks resumed in Doha.\n\nBoth sides agreed."
    assert_offsets_sound(text, clean, offsets)


def test_zero_width_space_inside_a_word_is_removed() -> None:
    clean, _ = clean_text("Paki\u200bstan and Ir\u00adan")
    assert clean == "Pakistan and Iran"


def test_curly_quotes_are_kept() -> None:
    text = "He said “we will respond” and ‘soon’."
    assert clean_text(text)[0] == text


def test_nfc_normalisation_maps_to_the_base_letter() -> None:
    text = "Cafe\u0301 bombed in Mosul."
    clean, offsets = clean_text(text)
    assert clean == "Café bombed in Mosul."
    assert offsets is not None
    assert offsets[3] == 3 and offsets[5] == 6
    assert clean[5:11] == text[offsets[5]:offsets[11]]


@pytest.mark.parametrize(("text", "expected"), [
    ("a spiral of retaliation.A Chain Reaction Iran's strikes began",
     "a spiral of retaliation.\nA Chain Reaction Iran's strikes began"),
    ("Who fired first?Nobody knows.", "Who fired first?\nNobody knows."),
    ("the talks failed.”The army moved", "the talks failed.”\nThe army moved"),
    ("killed on January 3, 2024.The group said", "killed on January 3, 2024.\nThe group said"),
])
def test_glued_headings_are_split(text: str, expected: str) -> None:
    clean, offsets = clean_text(text)
    assert clean == expected
    assert_offsets_sound(text, clean, offsets)


@pytest.mark.parametrize("text", [
    "The U.S.Army said nothing.",
    "Turnout rose 3.5 percent.",
    "Some groups, e.g.Jaish al-Adl, deny it.",
    "Read it at www.Example.org today.",
    "See https://news.example.com/World.Asia/story for more.",
    "Write to desk.Editor@example.com now.",
    "He met Mr.Khan and Gen.Munir.",
    "The No.1 priority, said J.Smith.",
])
def test_abbreviations_numbers_and_urls_are_not_split(text: str) -> None:
    assert clean_text(text) == (text, None)


def test_boilerplate_lines_are_removed() -> None:
    text = ("Shelling resumed on Friday.\nAdvertisement\nShare this article\n"
            "Subscribe to our newsletter for daily updates\nRead more: Talks stall again\n"
            "Follow us on Twitter\nWe use cookies to improve your experience.\n"
            "Officials said five people were hurt.")
    clean, offsets = clean_text(text)
    assert clean == "Shelling resumed on Friday.\nOfficials said five people were hurt."
    assert_offsets_sound(text, clean, offsets)
    assert offsets is not None
    start = clean.index("Officials")
    assert text[offsets[start]:offsets[len(clean)]] == clean[start:]


def test_boilerplate_words_inside_prose_are_kept() -> None:
    text = "The advertisement campaign was cancelled.\nShare prices fell after the attack."
    assert clean_text(text) == (text, None)


def test_glued_boilerplate_is_split_then_removed() -> None:
    clean, _ = clean_text("Police sealed the area.Advertisement\nResidents fled.")
    assert clean == "Police sealed the area.\nResidents fled."


def test_markdown_syntax_is_dropped_with_offsets() -> None:
    text = "# Talks resume\n\nMet for **six hours**, said [the ministry](https://x.org/m)."
    clean, offsets = clean_text(text, markdown=True)
    assert clean == "Talks resume\n\nMet for six hours, said the ministry."
    assert_offsets_sound(text, clean, offsets)


def test_offsets_point_into_the_input_for_a_long_messy_text() -> None:
    para = "Gunmen  attacked a checkpoint.\u00a0Two soldiers died.Officials said so.\r\n"
    text = "\n\n" + para * 200 + "Advertisement\n" + para
    clean, offsets = clean_text(text)
    assert_offsets_sound(text, clean, offsets)
    assert offsets is not None
    i = clean.rindex("Two soldiers died.")
    assert text[offsets[i]:offsets[i] + 18] == "Two soldiers died."


def test_apply_edits_maps_insertions_to_the_next_character() -> None:
    applied = apply_edits("ab", [(1, 1, "\n")])
    assert applied == ("a\nb", [0, 1, 1, 2])
    assert apply_edits("ab", [(0, 1, "a")]) is None


def test_empty_and_whitespace_only_text() -> None:
    assert clean_text("")[0] == ""
    assert clean_text(" \n\u00a0\t\n")[0] == ""


def test_doc_id_is_stable_and_short() -> None:
    a = doc_id_for("Same text.")
    assert a == doc_id_for("Same text.") != doc_id_for("Other text.")
    assert a.startswith("doc-") and len(a) == 20


def test_hard_wrapped_paragraphs_are_joined_but_headings_kept() -> None:
    text = ("Envoy visits the capital\n"
            "KABUL, March 3 (Test Wire) - The foreign minister of Uzbekistan arrived in\n"
            "Kabul on Sunday for talks with his Afghan counterpart on trade, water and the\n"
            "railway they plan for next year.\n"
            "Officials said more talks would follow.\n"
            "\n"
            "The two men met at the ministry for three hours before a short press conference\n"
            "at which neither took questions.\n")
    clean, offsets = clean_text(text)
    assert clean.startswith("Envoy visits the capital\nKABUL")  # a heading is not a wrapped line
    assert ("arrived in Kabul on Sunday for talks with his Afghan counterpart on trade, water and the "
            "railway they plan") in clean
    assert "next year.\nOfficials said" in clean  # a short last line ends its paragraph
    assert "conference at which" in clean and "\n\nThe two men" in clean
    assert offsets is not None and len(clean) == len(text) - 1  # only the final newline went
    assert_offsets_sound(text, clean, offsets)


def test_paragraph_lines_of_unwrapped_text_keep_their_newlines() -> None:
    long = "Officials in the province said the convoy was hit by a roadside bomb near the market town. " * 2
    text = f"Roadside bomb hits convoy\n{long.strip()}\nA second blast was reported later.\n{long.strip()}"
    clean, _ = clean_text(text)
    assert clean.count("\n") == 3  # lines longer than any wrap width are paragraphs


def test_a_line_that_goes_on_in_lower_case_continues_its_sentence() -> None:
    text = ("The envoy is scheduled to appear\nin court on Monday.\nThe court said so.\n"
            "A short line\nends here.")
    clean, offsets = clean_text(text)
    assert clean == ("The envoy is scheduled to appear in court on Monday.\nThe court said so.\n"
                     "A short line ends here.")
    assert_offsets_sound(text, clean, offsets)
