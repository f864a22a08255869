"""Alt+letter shortcuts that never clash: each caption gets a letter no other caption of the
window uses (the menus' letters are taken first), preferring the start of a word."""

from __future__ import annotations

# File, Edit, View, Help, and each view's own menu (Mentor, Goal, Skill, Agreement).
MENU_LETTERS = "fevh"


class Mnemonics:
    def __init__(self, taken: str = MENU_LETTERS) -> None:
        self._taken = set(taken.lower())

    def caption(self, text: str) -> str:
        """``text`` with "&" before a letter not taken yet (it is then taken); as it was
        when it already has one, or when every letter of it is taken."""
        if "&" in text.replace("&&", ""):
            index = text.replace("&&", "  ").index("&")
            self._taken.add(text[index + 1].lower())
            return text
        starts = [i for i, c in enumerate(text) if c.isalpha() and (i == 0 or text[i - 1] == " ")]
        others = [i for i, c in enumerate(text) if c.isalpha() and i not in starts]
        for index in (*starts, *others):
            letter = text[index].lower()
            if letter not in self._taken:
                self._taken.add(letter)
                return f"{text[:index]}&{text[index:]}"
        return text
