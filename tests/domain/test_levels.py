"""The one 1-5 scale every skill level uses: five named, described steps and nothing else."""

from __future__ import annotations

import pytest

from mentordesk.domain.levels import LEVELS, MAX_LEVEL, MIN_LEVEL, Level, level, level_error


def test_the_scale_has_exactly_five_levels_in_order() -> None:
    assert (MIN_LEVEL, MAX_LEVEL) == (1, 5)
    assert len(LEVELS) == 5
    assert [step.value for step in LEVELS] == [1, 2, 3, 4, 5]
    assert all(isinstance(step, Level) for step in LEVELS)


def test_each_level_has_its_own_name_and_a_one_line_description() -> None:
    names = [step.name for step in LEVELS]
    assert [n.casefold() for n in names] == [
        "novice",
        "advanced beginner",
        "competent",
        "proficient",
        "expert",
    ]
    descriptions = [step.description for step in LEVELS]
    assert len(set(descriptions)) == 5
    for text in descriptions:
        assert text.strip() == text
        assert 10 <= len(text) <= 120
        assert "\n" not in text


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_level_finds_each_step(value: int) -> None:
    step = level(value)

    assert step.value == value
    assert step is LEVELS[value - 1]


@pytest.mark.parametrize("value", [0, 6, -1, 100])
def test_level_outside_the_scale_raises(value: int) -> None:
    with pytest.raises(ValueError, match=str(value)):
        level(value)


@pytest.mark.parametrize("value", [None, 1, 2, 3, 4, 5])
def test_level_error_accepts_the_scale_and_no_level(value: int | None) -> None:
    assert level_error(value) is None


@pytest.mark.parametrize("value", [0, 6, -3, 42])
def test_level_error_explains_the_scale(value: int) -> None:
    message = level_error(value)

    assert message == "Level must be between 1 and 5."
    assert level_error(value, "The target level") == "The target level must be between 1 and 5."


def test_a_level_cannot_be_changed() -> None:
    with pytest.raises(AttributeError):
        LEVELS[0].value = 2  # type: ignore[misc]
