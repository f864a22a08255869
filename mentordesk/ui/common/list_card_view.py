"""The list-and-card view every record feature is built on: a filterable table on the left,
the selected record's card on the right, and the wiring between them.

A feature subclasses ``ListCardView`` and supplies its model, proxy, filter bar, card and
texts, and says where its rows come from (``row_source``: a listing of the services, which
filters and sorts in SQL; the model reads only the rows it paints), what else to read when
the data changes (``reload``) and how to store changes; selection,
the loading / empty / no-match panes, the count, refreshing on the data bus, the draft
guard, the New / Delete / Find actions and running undoable commands are done here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui.common.card import CardEditor, ListCardTexts
from mentordesk.ui.common.card_host import CardHost
from mentordesk.ui.common.commands import ServiceCommand
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.common.filter_bar import FilterBar
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.list_pane import ListPane
from mentordesk.ui.common.listing_model import ListingModel, RowSource
from mentordesk.ui.common.questions import (
    stay_on_draft,
)
from mentordesk.ui.common.record_proxy import ListingProxy
from mentordesk.ui.common.record_table_view import RecordTableView
from mentordesk.ui.common.view import View

if TYPE_CHECKING:
    from mentordesk.services.context import Services


class ListCardView(CardHost, View):
    """Lists records, filters them as you type, and edits the selected one on its card."""

    # Names the view's widgets for accessibility tools and tests: "mentors" gives
    # "mentorsView", "mentorsTable", "mentorsSplitter", ...
    name = "records"
    # The data kinds this view shows: it refreshes when a change names one of them.
    kinds: frozenset[DataKind] = frozenset()
    # Table columns: {column: width}, and the one that takes the spare width.
    column_widths: ClassVar[Mapping[int, int]] = {}
    stretch_column: int | None = 0
    sort_column = 0
    card_minimum_width = 320
    # Build the card when first shown rather than with the view: for the view shown at
    # start-up (Mentors), whose card nobody sees until they choose a record. A view that
    # says so reaches its card's parts only through ``built_editor`` on start-up paths.
    lazy_card = False
    split = (3, 2)  # how the list and the card share the width (stretch factors)
    initial_sizes: tuple[int, int] | None = None  # their widths before any is remembered

    def __init__(
        self,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._records_known = False
        self._columns_fitted = False
        self._refreshing = False
        self._refresh_again: frozenset[DataKind] = frozenset()
        self._host(bus, undo_stack, today, self.make_texts())
        self.model = self.make_model()
        self.proxy = self.make_proxy()
        self.proxy.setSourceModel(self.model)
        self._build_actions()
        self._build()
        bus.changed.connect(self._on_data_changed)
        self.update_panes()

    # --- what a feature supplies ---------------------------------------------------------

    def make_texts(self) -> ListCardTexts:
        raise NotImplementedError

    def make_model(self) -> ListingModel[Any]:
        raise NotImplementedError

    def make_proxy(self) -> ListingProxy:
        return ListingProxy(self)

    def row_source(self, services: Services) -> RowSource[Any]:
        """Where the list's rows come from (the feature's service's ``listing``)."""
        raise NotImplementedError

    def make_filter_bar(self) -> FilterBar:
        raise NotImplementedError

    def make_card(self) -> QWidget:
        """The widget beside the list; sets ``self.editor`` (the card's editor)."""
        raise NotImplementedError

    def make_table(self) -> QTableView:
        return RecordTableView(
            self.proxy,
            sort_column=self.sort_column,
            widths=self.column_widths,
            stretch=self.stretch_column,
        )

    def extra_actions(self) -> Sequence[QAction]:
        """Actions of the feature besides New, Delete and Find (in menu order)."""
        return ()

    def reload(self, kinds: frozenset[DataKind]) -> None:
        """Read what ``kinds`` names from the services and show it; ``show_rows`` reads
        the list's own rows again."""
        raise NotImplementedError

    def delete_command(self, record: Any) -> ServiceCommand:
        raise NotImplementedError

    def delete_question(self, record: Any) -> str:
        raise NotImplementedError

    def record_title(self, record: Any) -> str:
        return str(getattr(record, self.key_field))

    def show_card(self, record: Any) -> None:
        """Show a stored record on the card (the same record again keeps what is typed)."""
        self.editor.show_record(record)

    def start_card(self) -> None:
        """A blank card for a new record."""
        self.editor.start_new()

    def update_extra_actions(self, record: Any | None, editable: bool) -> None:
        """Enable the feature's own actions for the selected record (None: none selected)."""

    def extra_empty_buttons(self) -> Sequence[tuple[str, Callable[[], None]]]:
        """Buttons beside "Add …" in the empty state: (text, what it does)."""
        return ()

    # --- construction --------------------------------------------------------------------

    def _build_actions(self) -> None:
        texts = self.texts
        self.new_action = QAction(icon("new"), texts.new_action, self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setStatusTip(texts.new_tip)
        self.new_action.triggered.connect(self.start_new)
        self.delete_action = QAction(icon("delete"), texts.delete_action, self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        # Only in the table: Delete in a text field or a combo deletes text, not a record.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.find_action = QAction(icon("find"), texts.find_action, self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self.filter_bar.focus_text())
        self._extra_actions = tuple(self.extra_actions())
        # Window-wide, but only while this view is the one shown: the main window puts the
        # shown view's actions in its menu, and a hidden view's shortcuts do not fire. So
        # Ctrl+N works even while the sidebar has focus, and never means two things.
        for action in (self.new_action, self.find_action, *self._extra_actions):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.new_action.setEnabled(False)

    def menu_actions(self) -> Sequence[QAction]:
        return (self.new_action, *self._extra_actions, self.delete_action)

    def toolbar_actions(self) -> Sequence[QAction]:
        return (self.new_action, *self._extra_actions, self.delete_action, self.find_action)

    @property
    def actions_for_menu(self) -> Sequence[QAction]:
        return self.menu_actions()

    def view_state(self) -> dict[str, QByteArray]:
        return {
            "splitter": self.splitter.saveState(),
            "columns": self.table.horizontalHeader().saveState(),
        }

    def restore_view_state(self, state: dict[str, QByteArray]) -> None:
        header = self.table.horizontalHeader()
        if "splitter" in state:
            self.splitter.restoreState(state["splitter"])
        if "columns" in state:
            columns = header.count()
            if not header.restoreState(state["columns"]) or header.count() != columns:
                header.reset()  # a state from another version's columns: start afresh
            else:
                self._columns_fitted = True  # the person's own widths, as they left them

    def _build(self) -> None:
        texts = self.texts
        self.filter_bar = self.make_filter_bar()
        self.filter_edit = self.filter_bar.filter_edit
        self.table = self.make_table()
        self.table.setAccessibleName(texts.list_name)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.reset_done.connect(self._select_card_row)
        if isinstance(self.table, RecordTableView):
            self.table.typed.connect(self._type_into_filter)
        self.table.addAction(self.delete_action)
        self.list_pane = ListPane(self.filter_bar, self.table, texts, self.new_action)
        self.list_pane.clear_requested.connect(self.clear_filters)
        self.empty_buttons = []
        for text, action in self.extra_empty_buttons():
            button = self.list_pane.empty_state.add_button(text)
            button.clicked.connect(action)
            self.empty_buttons.append(button)
        self.filter_bar.changed.connect(self.update_panes)
        # Short names for the parts tests and the screenshot script drive.
        self.list_stack = self.list_pane.stack
        self.loading_state = self.list_pane.loading_state
        self.empty_state = self.list_pane.empty_state
        self.no_match_state = self.list_pane.no_match_state
        self.count_label = self.list_pane.count_label

        # With ``lazy_card`` the card is built when first shown (a record chosen, a new
        # one started); until then there is no record on it and nothing pending.
        self._editor: CardEditor | None = None
        self._card: QWidget | None = None
        self._editor_enabled = False
        # Enter (or a double click) on a row goes to the card, at its first field.
        self.table.activated.connect(lambda _index: self.editor.focus_field(self.key_field))
        self.editor_hint = EmptyState(texts.hint_title, texts.hint_body)
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.editor_hint)
        self.editor_stack.setMinimumWidth(self.card_minimum_width)
        if not self.lazy_card:
            self._build_card()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_pane)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, self.split[0])
        self.splitter.setStretchFactor(1, self.split[1])
        self.splitter.setChildrenCollapsible(False)
        if self.initial_sizes is not None:
            self.splitter.setSizes(list(self.initial_sizes))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        for widget, suffix in (
            (self, "View"),
            (self.splitter, "Splitter"),
            (self.table, "Table"),
            (self.count_label, "Count"),
            (self.empty_state, "EmptyState"),
        ):
            widget.setObjectName(self.name + suffix)

    # --- data ----------------------------------------------------------------------------

    # --- the card, built on first use ---------------------------------------------------

    @property
    def editor(self) -> CardEditor:
        """The card's editor (built now if it was not yet: see ``built_editor``)."""
        if self._editor is None:
            self._build_card()
        assert self._editor is not None
        return self._editor

    @editor.setter
    def editor(self, editor: CardEditor) -> None:  # make_card() sets it
        self._editor = editor

    @property
    def built_editor(self) -> CardEditor | None:
        """The editor if the card exists: what start-up paths ask, so as not to build it."""
        return self._editor

    @property
    def card(self) -> QWidget:
        if self._card is None:
            self._build_card()
        assert self._card is not None
        return self._card

    def _build_card(self) -> None:
        self._card = self.make_card()
        assert self._editor is not None, "make_card() sets self.editor"
        self._editor.setEnabled(self._editor_enabled)
        self.editor_stack.addWidget(self._card)

    def set_editor_enabled(self, enabled: bool) -> None:
        self._editor_enabled = enabled
        if self._editor is not None:
            self._editor.setEnabled(enabled)

    def _card_shown(self) -> bool:
        return self._card is not None and self.editor_stack.currentWidget() is self._card

    def attach(self, services: Services) -> None:
        self._services = services
        self._records_known = True
        self.new_action.setEnabled(self.editable)
        self.set_editor_enabled(self.editable)
        self.model.set_source(self.row_source(services))
        self.reload(self.kinds)
        self.update_panes()

    def detach(self) -> None:
        self.commit_pending()
        self._services = None
        self.new_action.setEnabled(False)
        self.set_editor_enabled(False)
        self.update_actions()

    def commit_pending(self) -> None:
        if self._editor is not None:
            self._editor.commit_pending()

    def unsaved_fields(self) -> list[str]:
        return self._editor.unsaved_fields() if self._editor is not None else []

    def _on_data_changed(self, kinds: frozenset[DataKind]) -> None:
        shown = kinds & self.kinds
        if shown and self._services is not None:
            self.refresh(frozenset(shown))

    def refresh(self, kinds: frozenset[DataKind] | None = None) -> None:
        """Re-read what ``kinds`` names (all the view shows by default). A refresh asked for
        during one (a change announced while reading) runs right after it."""
        kinds = self.kinds if kinds is None else kinds
        if self._services is None:
            return
        if self._refreshing:
            self._refresh_again |= kinds
            return
        self._refreshing = True
        try:
            self.reload(kinds)
            self.update_panes()
        finally:
            self._refreshing = False
        if self._refresh_again:
            again, self._refresh_again = self._refresh_again, frozenset()
            QTimer.singleShot(0, lambda: self.refresh(again))

    def show_rows(self, changed: Sequence[int] | None = None) -> None:
        """Read the list's rows again (``changed``: the records known to differ, by default
        all); the card keeps its record (updated) while it still exists."""
        self._records_known = True
        self.model.refresh(changed)
        self._fit_columns_once()
        record = self._editor.record if self._editor is not None else None
        if record is not None:
            fresh = self.model.record(record.id)
            if fresh is None:
                self._show_editor(None)
            else:
                self.show_card(fresh)
        self.update_panes()

    def show_source(self, source: RowSource[Any]) -> None:
        """Show the rows of ``source`` (the start-up quick read's, before the services)."""
        self._records_known = True
        self.model.set_source(source)
        self._fit_columns_once()
        self.update_panes()

    def _select_card_row(self) -> None:
        """After a new query: the card's record selected again if the list shows it."""
        record = self.selected_record()
        if record is None:
            return
        row = self.model.row_of(record.id)
        if row is not None:
            self._select_row(self.proxy.mapFromSource(self.model.index(row, 0)))

    def _fit_columns_once(self) -> None:
        table = self.table
        if self._columns_fitted or not self.model.rowCount():
            return
        self._columns_fitted = True
        if isinstance(table, RecordTableView) and table.fits_columns:
            table.fit_columns()

    def update_panes(self) -> None:
        total = self.model.total
        shown = self.proxy.rowCount()
        self.list_pane.show_state(self._records_known, total, shown, self.count_text(shown, total))
        self.editor_stack.setVisible(total > 0 or self._card_shown())
        self.update_actions()

    def count_text(self, shown: int, total: int) -> str:
        if shown == total:
            return self.texts.count_one if total == 1 else self.texts.count_many.format(n=total)
        return self.tr("Showing {shown} of {total}").format(shown=shown, total=total)

    def update_actions(self) -> None:
        record = self.selected_record()
        self.delete_action.setEnabled(self.editable and record is not None)
        self.update_extra_actions(record, self.editable)

    # --- selection -----------------------------------------------------------------------

    def selected_record(self) -> Any | None:
        """The stored record on the card (None for a new card or none shown)."""
        if self._card_shown() and self._editor is not None and not self._editor.is_new:
            return self._editor.record
        return None

    def focus_record(self, record_id: int) -> None:
        """Show one record's card, and select its row when the filters show it.

        Filters are never changed behind the person's back: a card edited out of the
        current filter stays open while its row leaves the list.
        """
        record = self.model.record(record_id)
        if record is None:
            return
        self._show_editor(record)
        row = self.model.row_of(record_id)
        if row is not None:
            index = self._select_row(self.proxy.mapFromSource(self.model.index(row, 0)))
            self.table.scrollTo(index)
        else:
            self.table.selectionModel().clearSelection()
        self.update_panes()

    def _select_row(self, index: QModelIndex) -> QModelIndex:
        """Make ``index`` the current, selected row without showing its card again."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # the card already shows it
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.table.viewport().update()
        return index

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row())
        if row is None:
            return  # deleted a moment ago: the refresh on its way removes the row
        record = row.record
        shown = self._editor.record if self._editor is not None else None
        if shown is not None and shown.id == record.id:
            return
        if not self.may_leave_card():
            stay_on_draft(self.table, previous if shown is not None else None)
            return
        self._show_editor(record)

    def _show_editor(self, record: Any | None) -> None:
        if record is None:
            self.commit_pending()
            self.editor_stack.setCurrentWidget(self.editor_hint)
        else:
            if self.editor.record is None or self.editor.record.id != record.id:
                self.editor.commit_pending()
            self.show_card(record)
            self.editor_stack.setCurrentWidget(self.card)
        self.update_actions()

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    def _type_into_filter(self, text: str) -> None:
        """Letters typed in the list filter it: the filter field takes them, and the focus."""
        self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.filter_edit.insert(text)

    # --- edits ---------------------------------------------------------------------------

    def start_new(self) -> None:
        if not self.editable:
            return
        if not self.may_leave_card():
            self.editor.focus_field(self.key_field)
            return
        self.table.selectionModel().clearSelection()
        self.start_card()
        self.editor_stack.setCurrentWidget(self.card)
        self.editor_stack.show()
        self.update_actions()
        self.status_message.emit(self.texts.started_new)

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None or not self.editable:
            return
        if not self.confirm_delete(record):
            return
        if self.run(self.delete_command(record), self.report_errors):
            # Nothing selected, so that choosing any record, the neighbour too, shows it.
            self.table.selectionModel().clear()
            self.editor_stack.setCurrentWidget(self.editor_hint)
            self.update_panes()
            self.status_message.emit(self.texts.deleted.format(name=self.record_title(record)))

    def confirm_delete(self, record: Any) -> bool:
        return self.ask(self.tr("Delete"), self.delete_question(record))
