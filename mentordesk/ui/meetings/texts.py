"""The Calendar's words for its card: the hint beside the calendar, drafts, added, deleted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mentordesk.ui.common.card import ListCardTexts


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarView", text)


def calendar_texts() -> ListCardTexts:
    return ListCardTexts(
        new_action=_tr("&New Meeting"),
        new_tip=_tr("Plan a meeting"),
        delete_action=_tr("&Delete Meeting…"),
        find_action="",
        list_name=_tr("Calendar"),
        empty_icon="calendar",
        empty_title=_tr("No meetings yet"),
        empty_body=_tr(
            "Meet regularly, at the rhythm you agreed. Double-click a day to plan a meeting, "
            "or press Ctrl+N."
        ),
        empty_button=_tr("Plan a meeting (Ctrl+N)"),
        no_match_title="",
        no_match_body="",
        hint_title=_tr("No meeting selected"),
        hint_body=_tr(
            "Click a meeting to see its agenda and notes. Double-click a day, or press Ctrl+N, "
            "to plan one; Schedule Next (Ctrl+Shift+N) proposes the next one at the agreed "
            "cadence."
        ),
        count_one=_tr("1 meeting"),
        count_many=_tr("{n} meetings"),
        draft_title=_tr("Unsaved new meeting"),
        draft_text=_tr(
            "The new meeting has no title yet, so nothing on it is saved.\n\nDiscard it?"
        ),
        started_new=_tr("New meeting: type a title, then fill in the rest."),
        added=_tr("Added the meeting “{name}”."),
        deleted=_tr("Deleted the meeting “{name}”. Undo: Ctrl+Z"),
    )
