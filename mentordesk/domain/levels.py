"""The one 1-5 scale every skill level uses, with a name and a line for each step.

Based on the Dreyfus model of skill acquisition, which mentoring literature uses widely.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_LEVEL = 1
MAX_LEVEL = 5


@dataclass(frozen=True)
class Level:
    value: int
    name: str
    description: str


LEVELS: tuple[Level, ...] = (
    Level(1, "Novice", "Follows rules and recipes; needs close guidance."),
    Level(2, "Advanced beginner", "Handles familiar situations; still needs help with the new."),
    Level(3, "Competent", "Plans and works independently; owns the outcome."),
    Level(4, "Proficient", "Sees the whole situation and knows what matters most."),
    Level(5, "Expert", "Acts from deep intuition; others learn from them."),
)


def level(value: int) -> Level:
    """The level with this value; ValueError outside 1-5."""
    if not MIN_LEVEL <= value <= MAX_LEVEL:
        raise ValueError(f"level {value} is outside {MIN_LEVEL}-{MAX_LEVEL}")
    return LEVELS[value - 1]


def level_error(value: int | None, what: str = "Level") -> str | None:
    if value is not None and not MIN_LEVEL <= value <= MAX_LEVEL:
        return f"{what} must be between {MIN_LEVEL} and {MAX_LEVEL}."
    return None
