"""Search everything a person wrote: the Ctrl+K popup and the toolbar's field."""

from mentordesk.ui.search.bar import SearchBar
from mentordesk.ui.search.model import VIEW_KEYS, target
from mentordesk.ui.search.popup import SearchPopup

__all__ = ["VIEW_KEYS", "SearchBar", "SearchPopup", "target"]
