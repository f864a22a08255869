"""What a list-and-card view needs from a feature: the editor on its card, and its words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


class CardEditor(Protocol):
    """What the view needs of the editor on its card (CardEditorMixin provides most)."""

    @property
    def record(self) -> Any: ...
    @property
    def is_new(self) -> bool: ...
    def show_record(self, record: Any) -> None: ...
    def start_new(self) -> None: ...
    def commit_pending(self, *, quiet: bool = False) -> None: ...
    def has_unsaved_draft(self) -> bool: ...
    def unsaved_fields(self) -> list[str]: ...
    def show_errors(self, errors: dict[str, str]) -> None: ...
    def keep_unsaved(self, name: str) -> None: ...
    def field_noun(self, name: str) -> str: ...
    def focus_field(self, name: str) -> None: ...
    def setEnabled(self, enabled: bool) -> None: ...


@dataclass(frozen=True)
class ListCardTexts:
    """The words of one list-and-card view ("{n}" and "{name}" are filled in)."""

    new_action: str
    new_tip: str
    delete_action: str
    find_action: str
    empty_title: str
    empty_body: str
    empty_button: str
    no_match_title: str
    no_match_body: str
    hint_title: str
    hint_body: str
    count_one: str
    count_many: str
    draft_title: str
    draft_text: str
    started_new: str
    added: str
    deleted: str
    # The drawing (resources/icons/ui) above the empty state: the view's own icon.
    empty_icon: str = ""
    # What a screen reader calls the list ("Mentors").
    list_name: str = ""
