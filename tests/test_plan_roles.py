"""The subject of a passive verb that takes an act ("X is scheduled to visit Y") does the act
(extract/roles.py, subject_of): a plan's agent, which resolve/date_plan.py matches."""

from __future__ import annotations

from test_roles import roles


def test_the_subject_of_a_passive_control_verb_does_the_act() -> None:
    assert roles("Hakan Fidan is scheduled to visit Cairo on February 12.", "visit") == (
        "Hakan Fidan", "Cairo")
    assert roles("Turkish troops were ordered to attack the rebel base near the border.",
                 "attack") == ("Turkish troops", "rebel base")


def test_an_object_still_controls_before_the_passive_subject() -> None:
    assert roles("Cairo invited Hakan Fidan to visit the capital.", "visit")[0] == "Hakan Fidan"
