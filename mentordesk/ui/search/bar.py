"""Search everything: Ctrl+K (Edit > Search Everything…) and a field in the toolbar open
the search popup; a hit chosen there is shown in its view by the main window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QSizePolicy, QToolBar, QWidget

from mentordesk.ui.common.icons import icon
from mentordesk.ui.search.popup import SearchPopup

if TYPE_CHECKING:
    from mentordesk.services.context import Services

SHORTCUT = "Ctrl+K"
FIELD_WIDTH = 260


class SearchBar(QObject):
    """The action, the toolbar with its field, and the popup (built when first opened).

    ``open_record(page key, record id)`` shows a record in the view of that key.
    """

    def __init__(
        self,
        window: QMainWindow,
        services: Callable[[], Services | None],
        open_record: Callable[[str, int], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._open_record = open_record
        self._popup: SearchPopup | None = None

        self.action = QAction(icon("find"), self.tr("&Search Everything…"), window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setStatusTip(self.tr("Find anything you wrote: notes, agendas, advice, goals"))
        self.action.triggered.connect(lambda: self.open())
        window.addAction(self.action)  # Ctrl+K wherever the focus is in the window

        shortcut = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Search everything ({key})").format(key=shortcut))
        self.field.setAccessibleName(self.tr("Search everything"))
        self.field.setToolTip(self.tr("Search everything you wrote ({key})").format(key=shortcut))
        self.field.addAction(icon("find"), QLineEdit.ActionPosition.LeadingPosition)
        self.field.setFixedWidth(FIELD_WIDTH)
        self.field.installEventFilter(self)

        self.toolbar = QToolBar(self.tr("Search"))
        self.toolbar.setObjectName("searchToolBar")
        self.toolbar.setMovable(False)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.field)

    @property
    def popup(self) -> SearchPopup:
        if self._popup is None:
            self._popup = SearchPopup(self._services, self._window)
            self._popup.open_requested.connect(self._open_record)
        return self._popup

    def open(self, text: str | None = None) -> SearchPopup:
        """Show the popup under the toolbar's field, with ``text`` typed (None: what was
        typed last time, selected)."""
        popup = self.popup
        popup.popup(self._anchor(), text)
        return popup

    def _anchor(self) -> QRect:
        """Where the popup hangs from, in the window's coordinates: the field, or the top
        of the window's middle when the field is not shown."""
        window = self._window
        if self.field.isVisible():
            return QRect(self.field.mapTo(window, QPoint(0, 0)), self.field.size())
        middle = (window.width() + min(window.width(), 680)) // 2
        top = window.menuBar().height() if window.menuBar() else 0
        return QRect(QPoint(middle, top), QPoint(middle, top))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The field only opens the popup: a click, or typing, which goes on there."""
        if watched is self.field:
            kind = event.type()
            if kind == QEvent.Type.MouseButtonPress:
                self.open()
                return True
            if kind == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                typed = event.text()
                if typed and typed.isprintable():
                    self.open(typed)
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                    self.open()
                    return True
        return super().eventFilter(watched, event)
