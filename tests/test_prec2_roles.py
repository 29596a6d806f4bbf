"""Actor roles: cause phrases, object pronouns, country compounds, statements, recapped reactions."""

from __future__ import annotations

from functools import lru_cache

from thucydides.extract import Lexicon, extract
from thucydides.nlp import parse
from thucydides.records import Document, Mention


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon.load()


def mentions(text: str) -> list[Mention]:
    return extract(parse([Document(id="d", text=text)]), lex())


def of(text: str, plover: str) -> list[Mention]:
    return [m for m in mentions(text) if m.type.plover == plover]


def text(ref: object) -> str | None:
    return getattr(ref, "text", None)


def test_second_conjunct_of_a_cause_phrase_is_no_event() -> None:
    ms = of("The Guards said the strikes in Syria were in retaliation for the bombings and for "
            "attacks on Kurdish fighters.", "assault")
    assert ms and all(m.trigger != "attacks" for m in ms)
    assert all(text(m.actor2) != "Kurdish fighters" for m in ms)


def test_object_pronoun_is_not_its_own_clause_subject() -> None:
    for sentence in ("The Syrian army claimed to have struck a Turkish border post, accusing it "
                     "of shelling villages.",
                     "The Pentagon said it had hit a Hezbollah depot, accusing it of storing "
                     "missiles."):
        (m,) = of(sentence, "accuse")
        assert m.actor1 is not None and m.actor2 is not None
        assert m.actor2.text not in (m.actor1.text, "it")


def test_object_pronoun_skips_the_subject_of_its_clause() -> None:
    (m,) = of("Kabul said Islamabad bombed it on Sunday.", "assault")
    assert text(m.actor1) == "Islamabad" and text(m.actor2) == "Kabul"


def test_subject_pronoun_still_takes_the_speaker() -> None:
    (m,) = of("The army said it shelled the village.", "assault")
    assert text(m.actor1) == "army"


def test_country_compound_is_the_target_when_another_agent_is_named() -> None:
    (m,) = of("Ankara carried out the Iraq strike on Monday.", "assault")
    assert text(m.actor1) == "Ankara" and text(m.actor2) == "Iraq"


def test_country_compound_alone_stays_the_agent() -> None:
    (m,) = of("The Turkey strike killed three villagers on Monday.", "assault")
    assert text(m.actor1) == "Turkey"


def test_statement_from_a_body_speaks_for_that_body() -> None:
    ms = of("A statement from the Syrian army said it had struck rebel positions. Another "
            "statement reported that it had shelled a depot in Idlib.", "assault")
    assert len(ms) == 2
    assert all(m.actor1 is not None and "Syrian army" in m.actor1.text for m in ms)



def test_casualty_in_an_owned_attack_takes_the_owner_as_agent() -> None:
    (m,) = of("Two shepherds were killed in Turkish tank shelling near the border.",
              "assault")
    assert text(m.actor1) == "Turkish"


def test_casualty_in_a_place_named_by_an_adjective_has_no_agent() -> None:
    (m,) = of("Three men were killed in Syrian territory on Monday.", "assault")
    assert m.actor1 is None


def test_responsibility_is_no_target_of_the_claimed_attack() -> None:
    (m,) = of("The Taliban claimed responsibility on Sunday for the suicide bombings near a "
              "shrine.", "assault")
    assert text(m.actor1) == "Taliban" and text(m.actor2) != "responsibility"


def test_event_told_about_someone_inside_a_target_phrase_is_background() -> None:
    ms = of("Militants bombed a memorial for a general who was killed in a US drone strike.",
            "assault")
    assert [text(m.actor1) for m in ms] == ["Militants"]


def test_event_named_as_the_reason_over_which_someone_acted_is_told_elsewhere() -> None:
    ms = mentions("Kabul summoned Islamabad's envoy over Pakistan's airstrikes.")
    assert {m.type.plover for m in ms} == {"accuse"}


def test_over_a_time_span_is_no_reason() -> None:
    assert of("Israeli jets carried out strikes over the weekend.", "assault")
