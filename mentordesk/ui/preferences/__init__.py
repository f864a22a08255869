"""Edit > Preferences: the person's own settings, one page per concern."""

from mentordesk.ui.preferences.commands import ChangeSettings
from mentordesk.ui.preferences.dialog import PreferencesDialog

__all__ = ["ChangeSettings", "PreferencesDialog"]
