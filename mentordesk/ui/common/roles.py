"""The item-data roles of the app's models, allocated in one place so no two collide.

Every model that shows records answers ``ObjectRole`` (the record itself) and ``SortRole``
(what the proxy sorts by); the others belong to one model each but share the numbering.
"""

from __future__ import annotations

from enum import IntEnum, unique

from PySide6.QtCore import Qt

_USER = int(Qt.ItemDataRole.UserRole)


@unique
class ItemRole(IntEnum):
    OBJECT = _USER + 1  # the record a row shows
    SORT = _USER + 2  # the key the proxy sorts the column by
    PROGRESS = _USER + 3  # a goal's (done, total) milestones, or None
    OVERDUE = _USER + 4  # an active goal whose target date has passed
    NO_MENTOR = _USER + 5  # a goal no mentor helps with
    TREND = _USER + 6  # a skill's level over the last years, for the sparkline
    REVIEW_DUE = _USER + 7  # an agreement in force whose review date has passed
    ATTENTION = _USER + 8  # how many things need attention in a sidebar entry's view
    ITEM_ID = _USER + 9  # the stored id of a line in a small list (an action item)


ObjectRole = ItemRole.OBJECT
SortRole = ItemRole.SORT
ProgressRole = ItemRole.PROGRESS
OverdueRole = ItemRole.OVERDUE
NoMentorRole = ItemRole.NO_MENTOR
TrendRole = ItemRole.TREND
ReviewDueRole = ItemRole.REVIEW_DUE
AttentionRole = ItemRole.ATTENTION
ItemIdRole = ItemRole.ITEM_ID
