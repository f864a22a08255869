"""Calendar files in the GUI: File > Import > Calendar… (the preview and mapping dialog) and
File > Export > Calendar…, over mentordesk.interchange. The dialogs load when first used."""

from mentordesk.ui.calendar_files.menus import CalendarFileMenus

__all__ = ["CalendarFileMenus"]
