"""Taking data in and out of MentorDesk in the GUI: File > Import > Contacts… (the preview of
a vCard or LinkedIn file) and File > Export > Contacts…, Everything… (the archive) and Notes
as Markdown…, over mentordesk.interchange. The dialogs load when first used."""

from mentordesk.ui.portability.menus import PortabilityMenus

__all__ = ["PortabilityMenus"]
