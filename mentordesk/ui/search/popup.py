"""The search popup: a field, and the results as you type, grouped by kind; a panel over
the main window, below the toolbar's search field.

Up and Down move from hit to hit (the field keeps the keyboard), Enter opens the chosen
hit in its view, Esc closes. A search runs 100 ms after the last keystroke, on the GUI
thread: on the decade sample one takes a few milliseconds (``scripts/bench_search.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.search import SearchHit, SearchResults
from mentordesk.domain.validation import DomainError
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.style import Space, TypeScale, is_dark, set_scaled_font, tint
from mentordesk.ui.search.delegate import SearchResultDelegate
from mentordesk.ui.search.model import SearchResultsModel, target

if TYPE_CHECKING:
    from mentordesk.services.context import Services

DEBOUNCE_MS = 100
WIDTH = 680
HEIGHT = 540


class _State(EmptyState):
    """An empty state with the search icon, drawn once the state has its layout: given to
    EmptyState, its icon label would be shown while it still has no parent (a window of its
    own for a moment, which takes the activation from the main window)."""

    def __init__(self, title: str, body: str) -> None:
        super().__init__(title, body)
        self._icon = icon("find", "muted")
        self.icon_label.setVisible(True)
        self._draw_icon()


class SearchPopup(QFrame):
    """Searches as the person types; ``open_requested(page key, record id)`` on Enter."""

    open_requested = Signal(str, int)

    def __init__(self, services: Callable[[], Services | None], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchPopup")
        self.setFrameShape(QFrame.Shape.NoFrame)  # its border: paintEvent
        # The window's colour, as a menu has: the field and the list (Base) stand out on it.
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(Space.XL)
        shadow.setOffset(0, Space.XS)
        shadow.setColor(self.palette().color(QPalette.ColorRole.Shadow))
        self.setGraphicsEffect(shadow)
        self.hide()
        self._services = services
        self._return_focus: QWidget | None = None
        # A panel over the window rather than a window of its own: it closes when the
        # keyboard goes anywhere else, as a popup would, and it is part of the window.
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        parent.installEventFilter(self)

        self.edit = QLineEdit()
        self.edit.setObjectName("searchEdit")
        self.edit.setPlaceholderText(self.tr("Search notes, agendas, advice, goals…"))
        self.edit.setAccessibleName(self.tr("Search everything"))
        self.edit.setClearButtonEnabled(True)
        self.edit.addAction(icon("find"), QLineEdit.ActionPosition.LeadingPosition)
        set_scaled_font(self.edit, 1.1)
        self.edit.setMinimumHeight(self.edit.sizeHint().height() + Space.S)
        self.edit.installEventFilter(self)

        self.model = SearchResultsModel(self)
        self.list = QListView()
        self.list.setObjectName("searchResults")
        self.list.setAccessibleName(self.tr("Search results"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(SearchResultDelegate(self.list))
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMouseTracking(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        self.list.clicked.connect(self._open_index)

        self.empty = _State(
            self.tr("Search everything you wrote"),
            self.tr(
                "Type to search everything you wrote: notes, agendas, advice and takeaways, "
                "action items, goals and milestones, assessments, agreements and thanks. "
                "Words match as you type; put words in quotes to find them side by side."
            ),
        )
        self.nothing = _State("", "")
        self.pages = QStackedWidget()
        for page in (self.list, self.empty, self.nothing):
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(self.empty)

        self.hint = QLabel(self.tr("↑ ↓ choose    Enter open    Esc close"))
        self.hint.setObjectName("searchHint")
        set_scaled_font(self.hint, TypeScale.SMALL)
        tint(self.hint, "muted")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.S, Space.S, Space.S, Space.S)
        layout.setSpacing(Space.S)
        layout.addWidget(self.edit)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.hint)

        self._anchor = QRect()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.edit.textChanged.connect(lambda _text: self._timer.start())

    # --- showing ---------------------------------------------------------------------------

    def popup(self, anchor: QRect, text: str | None = None) -> None:
        """Show below ``anchor`` (in the window's coordinates; right edges aligned), within
        the window; ``text`` replaces what was typed last time (None keeps it, selected)."""
        self._anchor = anchor
        self._place()
        if text is not None:
            self.edit.setText(text)
        if not self.isVisible():
            focused = QApplication.focusWidget()
            self._return_focus = (
                focused if focused is not None and not self.isAncestorOf(focused) else None
            )
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
        if text is None:
            self.edit.selectAll()
        if not self.edit.text().strip():
            self.run_search()

    def _place(self) -> None:
        window = self.parentWidget()
        assert window is not None
        width = min(WIDTH, window.width() - 2 * Space.L)
        anchor = self._anchor
        left = max(Space.L, min(anchor.right() - width, window.width() - width - Space.L))
        top = anchor.bottom() + Space.XS
        height = max(200, min(HEIGHT, window.height() - top - Space.L))
        self.setGeometry(left, top, width, height)

    def close_popup(self) -> None:
        """Hide, and give the keyboard back to where it was."""
        self.hide()
        if self._return_focus is not None:
            self._return_focus.setFocus(Qt.FocusReason.PopupFocusReason)
        self._return_focus = None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.isVisible() and new is not None and not self.isAncestorOf(new):
            self._return_focus = None
            self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A border that shows in both schemes (Fusion's panel frame all but vanishes on the
        dark one's window colour)."""
        super().paintEvent(event)
        painter = QPainter(self)
        role = QPalette.ColorRole.Light if is_dark() else QPalette.ColorRole.Mid
        painter.setPen(self.palette().color(role))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    # --- searching -------------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        """Typed, but not searched yet (the pause after a keystroke has not passed)."""
        return self._timer.isActive()

    def run_search(self) -> None:
        """Search for what is typed now (the debounce timer calls it)."""
        self._timer.stop()
        text = self.edit.text()
        if not text.strip():
            self._show_results(SearchResults(text))
            self.pages.setCurrentWidget(self.empty)
            return
        services = self._services()
        if services is None:
            self._say_nothing(self.tr("Your data is not open yet"), "")
            return
        try:
            results = services.search.find(text)
        except DomainError as exc:
            self._say_nothing(self.tr("Search did not work"), str(exc))
            return
        self._show_results(results)
        if results.groups:
            self.pages.setCurrentWidget(self.list)
            self.move_selection(1)
        else:
            self._say_nothing(
                self.tr("Nothing found for “{text}”").format(text=" ".join(text.split())),
                self.tr("Try fewer words, or the beginning of a word."),
            )

    def _show_results(self, results: SearchResults) -> None:
        self.model.set_results(results)
        self.list.scrollToTop()

    def _say_nothing(self, title: str, body: str) -> None:
        self._show_results(SearchResults(self.edit.text()))
        self.nothing.set_text(title, body)
        self.pages.setCurrentWidget(self.nothing)

    # --- choosing --------------------------------------------------------------------------

    def current_hit(self) -> SearchHit | None:
        row = self.model.row_object(self.list.currentIndex().row())
        return row if isinstance(row, SearchHit) else None

    def move_selection(self, step: int) -> None:
        """To the next (``step`` 1) or previous (-1) hit, skipping headers; from none, to
        the first. At either end it stays."""
        hits = [row for row in range(self.model.rowCount()) if self.model.is_hit(row)]
        if not hits:
            return
        current = self.list.currentIndex().row() if self.current_hit() else None
        if current is None:
            row = hits[0]
        else:
            onwards = (
                [r for r in hits if r > current] if step > 0 else [r for r in hits if r < current]
            )
            if not onwards:
                return
            row = onwards[0] if step > 0 else onwards[-1]
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        if row > 0 and not self.model.is_hit(row - 1):
            self.list.scrollTo(self.model.index(row - 1, 0))  # its group's header too
        self.list.scrollTo(index)

    def open_current(self) -> None:
        hit = self.current_hit()
        if hit is None:
            return
        self.hide()
        key, record_id = target(hit)
        self.open_requested.emit(key, record_id)

    def _open_index(self, index: QModelIndex) -> None:
        if self.model.is_hit(index.row()):
            self.list.setCurrentIndex(index)
            self.open_current()

    # --- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            if self.isVisible():
                self._place()
        elif watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._key(event):
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close_popup()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if self._timer.isActive():
                self.run_search()  # what was typed, before moving in it
            self.move_selection(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            for _ in range(5):
                self.move_selection(1 if key == Qt.Key.Key_PageDown else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():
                self.run_search()
            self.open_current()
        else:
            return False
        return True
