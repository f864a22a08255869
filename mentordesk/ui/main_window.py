"""The main window: navigation between views, menus, status bar. Features live in the views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mentordesk import APP_NAME
from mentordesk.paths import DataLocation, log_dir, resource_path
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.style import Theme, apply_theme, tint
from mentordesk.ui.common.view import View
from mentordesk.ui.data_session import DataSession
from mentordesk.ui.home import HomeView
from mentordesk.ui.mentors import MentorsView
from mentordesk.ui.sidebar import Sidebar
from mentordesk.ui.status_bar import DataStatus

if TYPE_CHECKING:
    from mentordesk.domain.home import HomeOverview
    from mentordesk.services.context import Services
    from mentordesk.services.startup import QuickMentorListing
    from mentordesk.ui.preferences import PreferencesDialog

FileDialog = TypeVar("FileDialog", bound=QDialog)


@dataclass
class _Page:
    """A sidebar entry and its view (built on first use). ``key`` is stable across languages."""

    key: str
    title: str
    menu_title: str
    icon_name: str
    factory: Callable[[], View]
    view: View | None = None


# What a window manager's frame and title bar usually take, beyond the window's own size.
FRAME_ALLOWANCE = QSize(32, 64)


def _with_shortcut_in_tooltip(action: QAction) -> None:
    """“New Mentor (Ctrl+N)”: a toolbar button says how to do the same from the keyboard."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text} ({shortcut})" if shortcut else text)


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "mentordesk.svg")))


class MainWindow(QMainWindow):
    data_shown = Signal()

    def __init__(
        self, location: DataLocation, parent: QWidget | None = None, *, read_only: bool = False
    ) -> None:
        super().__init__(parent)
        self.location = location
        self.read_only = read_only
        self.exit_code = 0
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.bus = DataBus(self)
        self.undo_stack = QUndoStack(self)
        self._settings = QSettings(str(location.ui_state), QSettings.Format.IniFormat)
        # Before any widget exists, so none has to be told of the new palette.
        self.theme = self._saved_theme()
        apply_theme(self.theme)
        self.session = DataSession(location, self, read_only=read_only)
        self.session.home_read.connect(self.show_home)
        self.session.records_read.connect(self.show_records)
        self.session.opened.connect(self._on_opened)
        self.session.closed.connect(self._on_closed)
        self.session.fatal.connect(self._on_fatal)
        self.session.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.data_status = DataStatus(location)  # reads the backups after the first paint
        self.session.backups_changed.connect(lambda: self.data_status.refresh())

        # Home is the first view at start-up: its data is read before the services load.
        self.home_view = HomeView(self.bus)
        self.home_view.data_ready.connect(self._on_data_ready)
        self.home_view.overview_shown.connect(self._show_home_attention)
        self.home_view.open_requested.connect(self.open_record)
        self.home_view.page_requested.connect(lambda key: self.page_view(key))
        self.home_view.new_requested.connect(self.start_new_record)
        self.home_view.prepare_requested.connect(self.prepare_meeting)
        self.home_view.schedule_next_requested.connect(self.schedule_next_meeting)
        self.home_view.sample_data_requested.connect(self.load_sample_data)
        self._data_was_shown = False
        # The Mentors list read at start-up, for the Mentors view if it is shown before the
        # services are ready.
        self._quick_mentors: QuickMentorListing | None = None

        self.sidebar = Sidebar()
        self.stack = QStackedWidget()
        self._pages: list[_Page] = []
        self._add_page("home", self.tr("Home"), self.tr("&Home"), "home", lambda: self.home_view)
        self._add_page(
            "mentors",
            self.tr("Mentors"),
            self.tr("&Mentor"),
            "mentors",
            self._create_mentors_view,
        )
        self._add_page(
            "calendar",
            self.tr("Calendar"),
            self.tr("Meetin&g"),
            "calendar",
            self._create_calendar_view,
        )
        self._add_page(
            "actions",
            self.tr("Action items"),
            self.tr("A&ction"),
            "actions",
            self._create_actions_view,
        )
        self._add_page(
            "goals", self.tr("Goals"), self.tr("&Goal"), "goals", self._create_goals_view
        )
        self._add_page(
            "skills", self.tr("Skills"), self.tr("&Skill"), "skills", self._create_skills_view
        )
        self._add_page(
            "agreements",
            self.tr("Agreements"),
            self.tr("&Agreement"),
            "agreements",
            self._create_agreements_view,
        )
        self._add_page(
            "timeline",
            self.tr("Timeline"),
            self.tr("&Timeline"),
            "timeline",
            self._create_timeline_view,
        )
        self.bus.changed.connect(self._refresh_attention)

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.read_only_banner = QLabel(
            self.tr(
                "Read-only: {folder} cannot be written to, so you can look at your data but "
                "not change it, and no backups are taken."
            ).format(folder=location.root)
        )
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setContentsMargins(12, 6, 12, 6)
        tint(self.read_only_banner, "on_banner", background="banner")
        self.read_only_banner.setVisible(read_only)
        column.addWidget(self.read_only_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        column.addLayout(layout, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.statusBar().addPermanentWidget(self.data_status)
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.show_page(0)  # Home, always: what needs attention today comes first
        self.statusBar().showMessage(self.tr("Opening {path}…").format(path=location.database))
        self._restore_state()

    def _add_page(
        self, key: str, title: str, menu_title: str, icon_name: str, factory: Callable[[], View]
    ) -> None:
        self.sidebar.add_entry(title, icon_name)
        self._pages.append(_Page(key, title, menu_title, icon_name, factory))

    def _create_mentors_view(self) -> View:
        view = MentorsView(self.bus, self.undo_stack)
        view.sample_data_requested.connect(self.load_sample_data)
        view.open_agreement_requested.connect(self.open_agreement)
        view.open_meeting_requested.connect(self.open_meeting)
        view.schedule_next_requested.connect(self.schedule_next_meeting)
        view.pdf_requested.connect(lambda: self.reports.export_pdf(view))
        if self.services is None and self._quick_mentors is not None:
            view.preview(self._quick_mentors)
            self._quick_mentors = None
        return view

    @property
    def mentors_view(self) -> MentorsView:
        """The Mentors view (built if it was not yet), without showing it."""
        view = self._view_at(self._row_of("mentors"))
        assert isinstance(view, MentorsView)
        return view

    def _row_of(self, key: str) -> int:
        return next(i for i, page in enumerate(self._pages) if page.key == key)

    def open_record(self, key: str, record_id: int) -> None:
        """Show one record in its view (a Home row, a search result)."""
        self.page_view(key).focus_record(record_id)

    def start_new_record(self, key: str) -> None:
        """Show a view with a blank card for a new record (Home's getting-started steps)."""
        self.page_view(key).start_new()

    def prepare_meeting(self, meeting_id: int) -> None:
        """Show a meeting and fill its agenda from what is open (Home's "Prepare")."""
        from mentordesk.ui.meetings import CalendarView

        view = self.page_view("calendar")
        assert isinstance(view, CalendarView)
        view.focus_record(meeting_id)
        if view.shown_meeting() is not None:
            view.prepare()

    def _create_calendar_view(self) -> View:
        from mentordesk.ui.meetings import CalendarView

        view = CalendarView(self.bus, self.undo_stack)
        view.pdf_requested.connect(lambda: self.reports.export_pdf(view))
        return view

    def _create_actions_view(self) -> View:
        from mentordesk.ui.actions import ActionItemsView

        view = ActionItemsView(self.bus, self.undo_stack)
        view.open_meeting_requested.connect(self.open_meeting)
        return view

    def open_meeting(self, meeting_id: int) -> None:
        self.page_view("calendar").focus_record(meeting_id)

    def schedule_next_meeting(self, mentor_id: int) -> None:
        """Plan the next meeting with a mentor (from their card) and show it."""
        from mentordesk.ui.meetings import CalendarView

        view = self.page_view("calendar")
        assert isinstance(view, CalendarView)
        view.schedule_next(mentor_id)

    def _create_goals_view(self) -> View:
        from mentordesk.ui.goals import GoalsView

        return GoalsView(self.bus, self.undo_stack)

    def _create_skills_view(self) -> View:
        from mentordesk.ui.skills import SkillsView

        return SkillsView(self.bus, self.undo_stack)

    def _create_agreements_view(self) -> View:
        from mentordesk.ui.agreements import AgreementsView

        view = AgreementsView(self.bus, self.undo_stack)
        view.pdf_requested.connect(lambda: self.reports.export_pdf(view))
        return view

    def _create_timeline_view(self) -> View:
        from mentordesk.ui.timeline import TimelineView

        view = TimelineView(self.bus)
        view.open_requested.connect(self.open_record)
        view.pdf_requested.connect(lambda: self.reports.export_pdf(view))
        return view

    def open_agreement(self, agreement_id: int) -> None:
        self.page_view("agreements").focus_record(agreement_id)

    def open_found(self, key: str, record_id: int) -> None:
        """Show a record found by searching everything, in the view of its kind."""
        self.page_view(key).focus_record(record_id)

    def show_page(self, row: int) -> None:
        """Show a view; views are built the first time they are shown, so start-up pays only
        for the first."""
        view = self._view_at(row)
        self.page_actions[row].setChecked(True)
        self.commit_pending_edits()
        self.stack.setCurrentWidget(view)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        self.view_menu.clear()
        self.view_menu.setTitle(self._pages[row].menu_title)
        for action in view.menu_actions():
            self.view_menu.addAction(action)
        # A view with no actions of its own (Home) leaves no empty menu behind.
        self.view_menu.menuAction().setVisible(bool(view.menu_actions()))
        self.toolbar.clear()
        for action in view.toolbar_actions():
            self.toolbar.addAction(action)
            _with_shortcut_in_tooltip(action)

    def _view_at(self, row: int) -> View:
        page = self._pages[row]
        if page.view is None:
            page.view = page.factory()
            page.view.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
            page.view.restore_view_state(self._saved_view_state(page.key))
            if self.services is not None:
                page.view.attach(self.services)
            self.stack.addWidget(page.view)
        return page.view

    def _saved_view_state(self, key: str) -> dict[str, QByteArray]:
        self._settings.beginGroup(f"views/{key}")
        try:
            return {name: self._settings.value(name) for name in self._settings.childKeys()}
        finally:
            self._settings.endGroup()

    def _built_views(self) -> list[View]:
        return [page.view for page in self._pages if page.view is not None]

    def page_view(self, key: str) -> View:
        """Show the view of a sidebar entry ("mentors", "goals", ...) and return it."""
        row = self._row_of(key)
        self.show_page(row)
        return self._view_at(row)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        from mentordesk.ui.calendar_files import CalendarFileMenus
        from mentordesk.ui.portability import PortabilityMenus

        import_menu = file_menu.addMenu(self.tr("&Import"))
        export_menu = file_menu.addMenu(self.tr("&Export"))
        self.calendar_files = CalendarFileMenus(self, import_menu, export_menu)
        self.portability = PortabilityMenus(self, import_menu, export_menu)
        from mentordesk.ui.reports import ReportMenus

        self.reports = ReportMenus(self, file_menu, None)  # Export PDF…, after Export
        file_menu.addSeparator()
        self.backups_action = QAction(icon("backups"), self.tr("&Backups…"), self)
        self.backups_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.backups_action.setStatusTip(self.tr("See, make and restore backups of your data"))
        self.backups_action.triggered.connect(self.show_backups)
        self.backups_action.setEnabled(False)
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        quit_action = QAction(icon("quit"), self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = QAction(icon("undo"), self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self._undo_or_redo(self.undo_stack.undo))
        self.redo_action = QAction(icon("redo"), self.tr("&Redo"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(lambda: self._undo_or_redo(self.undo_stack.redo))
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(
                self.tr("&Undo {what}").format(what=text) if text else self.tr("&Undo")
            )
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(
                self.tr("&Redo {what}").format(what=text) if text else self.tr("&Redo")
            )
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.preferences_action = QAction(icon("preferences"), self.tr("&Preferences…"), self)
        self.preferences_action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
            or [QKeySequence("Ctrl+,")]
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.setStatusTip(
            self.tr("Your name and addresses, reminders, paper size")
        )
        self.preferences_action.triggered.connect(self.show_preferences)
        self.preferences_action.setEnabled(False)
        edit_menu.addAction(self.preferences_action)
        from mentordesk.ui.search import SearchBar

        # Ctrl+K and a field in the toolbar search everything written (ui/search/).
        self.search_bar = SearchBar(self, lambda: self.services, self.open_found)
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_bar.action)

        # Ctrl+1, Ctrl+2, ... show the views (Ctrl+K is Edit > Search Everything).
        pages_menu = self.menuBar().addMenu(self.tr("&View"))
        group = QActionGroup(self)
        self.page_actions: list[QAction] = []
        for row, page in enumerate(self._pages):
            action = QAction(icon(page.icon_name), page.title.replace("&", "&&"), self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.show_page(r))
            group.addAction(action)
            pages_menu.addAction(action)
            self.page_actions.append(action)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.sidebar.set_tooltip(row, f"{page.title} ({shortcut})")
        pages_menu.addSeparator()
        theme_menu = pages_menu.addMenu(self.tr("&Theme"))
        themes = QActionGroup(self)
        self.theme_actions: dict[Theme, QAction] = {}
        for theme, text in (
            (Theme.SYSTEM, self.tr("As the &System")),
            (Theme.LIGHT, self.tr("&Light")),
            (Theme.DARK, self.tr("&Dark")),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(theme is self.theme)
            action.triggered.connect(lambda _checked=False, t=theme: self.set_theme(t))
            themes.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[theme] = action

        # The shown view's main actions, with their shortcuts in the tooltips.
        self.toolbar = QToolBar(self.tr("Main Toolbar"))
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.addToolBar(self.search_bar.toolbar)

        # Holds the current view's actions only, so each view's Ctrl+N is its own.
        self.view_menu = self.menuBar().addMenu(self.tr("&Mentor"))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        log_folder = QAction(icon("folder"), self.tr("Show &Log Folder"), self)
        log_folder.setStatusTip(self.tr("The log tells what MentorDesk did, never what you wrote"))
        log_folder.triggered.connect(self.show_log_folder)
        help_menu.addAction(log_folder)
        help_menu.addSeparator()
        about = QAction(icon("about"), self.tr("&About {app}").format(app=APP_NAME), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _undo_or_redo(self, step: Callable[[], None]) -> None:
        # What is typed but not yet stored goes onto the stack first, so undo takes back
        # exactly that, and never overwrites the undone value a moment later.
        self.commit_pending_edits()
        step()

    def commit_pending_edits(self) -> None:
        """Store what is typed in any card editor (before undo, switching view, closing)."""
        for view in self._built_views():
            view.commit_pending()

    def open_file_dialog(self, make: Callable[[], FileDialog]) -> FileDialog:
        """Show a dialog of the File menu, made by ``make`` once what is typed on a card is
        stored (so an export holds it and an import plans against it); not waited for, and
        gone once closed."""
        self.commit_pending_edits()
        dialog = make()
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def data_imported(self, kinds: set[DataKind], message: str) -> None:
        """After an import stored ``kinds`` of data: the views are told, and the import is
        undone by restoring the backup taken before it, not step by step."""
        self.undo_stack.clear()
        self.bus.announce(kinds)
        self.data_status.refresh()
        self.statusBar().showMessage(message, 10_000)

    # --- data ----------------------------------------------------------------------------

    def _on_data_ready(self) -> None:
        if not self._data_was_shown:
            self._data_was_shown = True
            self.data_shown.emit()
            # Once painted (the next pass of the event loop), the services may load.
            QTimer.singleShot(0, self.session.first_screen_shown)

    def _show_home_attention(self, overview: HomeOverview) -> None:
        n = overview.attention
        why = (
            self.tr("1 thing needs your attention")
            if n == 1
            else self.tr("{n} things need your attention").format(n=n)
        )
        self.sidebar.set_attention(self._row_of("home"), n, why)

    def show_home(self, overview: HomeOverview) -> None:
        """Show Home's overview, read quickly while the services are still loading."""
        if self.services is None:
            self.home_view.show_overview(overview)

    def show_records(self, quick: QuickMentorListing) -> None:
        """Keep the quickly read mentors for the Mentors view while the services load."""
        view = self._pages[self._row_of("mentors")].view
        if isinstance(view, MentorsView):
            view.preview(quick)
        elif self.services is None:
            self._quick_mentors = quick
        else:
            quick.close()

    @property
    def services(self) -> Services | None:
        return self.session.services

    def attach_services(self, services: Services) -> None:
        """Make the views editable over ``services`` (also used by tests and screenshots)."""
        self.session.services = services
        self._on_opened(services)

    def _on_opened(self, services: Services) -> None:
        if self._quick_mentors is not None:
            self._quick_mentors.close()  # the Mentors view will read through the services
            self._quick_mentors = None
        for view in self._built_views():
            view.attach(services)
        self._refresh_attention(frozenset(DataKind))
        self.data_status.refresh()
        self.backups_action.setEnabled(not services.read_only)
        self.preferences_action.setEnabled(not services.read_only)
        self.statusBar().showMessage(
            self.tr("Data folder: {path}").format(path=self.location.root), 8000
        )
        # The mentor directory every mentor choice shows (5 ms for the 2,400 people of a
        # large network), read while Home is looked at, not when a view first opens.
        QTimer.singleShot(0, lambda: self._warm_directory(services))

    def _warm_directory(self, services: Services) -> None:
        if self.services is services:  # still the data open
            import contextlib

            from mentordesk.domain.validation import DomainError

            # Unreadable now: the view that needs it reads it, and says what is wrong.
            with contextlib.suppress(DomainError):
                self.bus.mentor_directory(services)

    def _refresh_attention(self, kinds: frozenset[DataKind]) -> None:
        """The sidebar's counts of what needs attention, after a change to what they count."""
        if self.services is None or not kinds & {DataKind.GOAL, DataKind.AGREEMENT}:
            return
        from mentordesk.domain.validation import DomainError

        try:
            counts = self.services.attention.counts(date.today())
        except DomainError:
            return  # the data cannot be read now; the counts stay as they were
        goals = counts.goals_overdue
        reviews = counts.reviews_due
        for row, page in enumerate(self._pages):
            if page.key == "goals":
                why = (
                    self.tr("1 goal past its target date")
                    if goals == 1
                    else self.tr("{n} goals past their target date").format(n=goals)
                )
                self.sidebar.set_attention(row, goals, why)
            elif page.key == "agreements":
                why = (
                    self.tr("1 agreement due for review")
                    if reviews == 1
                    else self.tr("{n} agreements due for review").format(n=reviews)
                )
                self.sidebar.set_attention(row, reviews, why)

    # --- appearance ----------------------------------------------------------------------

    def _saved_theme(self) -> Theme:
        try:
            return Theme(str(self._settings.value("appearance/theme", Theme.SYSTEM.value)))
        except ValueError:
            return Theme.SYSTEM

    def set_theme(self, theme: Theme) -> None:
        """Show the light or dark scheme (or the system's) and remember the choice."""
        self.theme = theme
        apply_theme(theme)
        self.theme_actions[theme].setChecked(True)
        if not self.read_only:
            self._settings.setValue("appearance/theme", theme.value)

    def _on_closed(self) -> None:
        # Edits on the stack refer to data that is about to be replaced.
        self.undo_stack.clear()
        for view in self._built_views():
            view.detach()
        self.backups_action.setEnabled(False)
        self.preferences_action.setEnabled(False)

    def _on_fatal(self, error: BaseException) -> None:
        self.exit_code = 1
        self.show_open_error(error)
        self.close()

    def show_open_error(self, error: BaseException) -> None:
        """The data file cannot be used; say why, and leave it as it is."""
        self.statusBar().showMessage(str(error))
        QMessageBox.critical(self, self.tr("MentorDesk cannot open your data"), str(error))

    def show_backups(self) -> None:
        from mentordesk.ui.backups.dialog import BackupsDialog  # not needed at start

        self.commit_pending_edits()
        dialog = BackupsDialog(self.location, self.session.background, self)
        dialog.restore_requested.connect(self.session.restore)
        dialog.exec()
        dialog.deleteLater()
        self.data_status.refresh()  # a backup may have been taken from the dialog

    def show_log_folder(self) -> None:
        from mentordesk.ui.common.folders import show_folder  # not needed at start

        show_folder(self, log_dir())

    def show_about(self) -> None:
        from mentordesk.ui.about_dialog import show_about  # not needed at start

        show_about(self, self.location)

    def show_preferences(self) -> PreferencesDialog | None:
        """Edit > Preferences; OK stores every change at once, as one undo step."""
        if self.services is None or self.services.read_only:
            return None
        from mentordesk.domain.validation import DomainError
        from mentordesk.ui.common.commands import CommandContext, execute
        from mentordesk.ui.preferences import ChangeSettings, PreferencesDialog

        self.commit_pending_edits()
        services = self.services
        try:
            current = services.settings.read()
        except DomainError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return None
        dialog = PreferencesDialog(current, self, theme=self.theme)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def store() -> None:
            if dialog.chosen_theme() is not self.theme:
                self.set_theme(dialog.chosen_theme())
            if not dialog.changed() or dialog.chosen_settings is None:
                return
            context = CommandContext(self.bus, self._report_error)
            try:
                execute(
                    self.undo_stack,
                    ChangeSettings(context, services.settings, current, dialog.chosen_settings),
                )
            except DomainError as exc:
                QMessageBox.warning(self, self.tr("Preferences not saved"), str(exc))
                return
            self.statusBar().showMessage(self.tr("Preferences saved."), 6000)

        dialog.accepted.connect(store)
        dialog.open()
        return dialog

    def _report_error(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)

    def load_sample_data(self) -> None:
        if self.services is None or self.services.read_only:
            return
        from mentordesk.domain.validation import DomainError
        from mentordesk.services.sample_data import SampleSize, load_sample_data

        try:
            added = load_sample_data(self.services, SampleSize.SMALL)
        except DomainError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return
        self.undo_stack.clear()
        self.bus.announce(set(DataKind))  # the sample holds every kind of data
        self.statusBar().showMessage(self.tr("Loaded {n} sample mentors.").format(n=added), 8000)

    # --- window state --------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """The first window: 1280x800 where the screen has room, smaller where not, with
        room left for the window's frame and title bar, and centred."""
        screen = self.screen().availableGeometry()
        minimum = self.minimumSizeHint()
        width = max(minimum.width(), min(1280, screen.width() - FRAME_ALLOWANCE.width()))
        height = max(minimum.height(), min(800, screen.height() - FRAME_ALLOWANCE.height()))
        self.resize(width, height)
        self.move(
            screen.x() + max(0, (screen.width() - width) // 2),
            screen.y() + max(0, (screen.height() - height - FRAME_ALLOWANCE.height()) // 2),
        )

    def save_state(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        for page in self._pages:
            if page.view is None:
                continue
            for name, value in page.view.view_state().items():
                self._settings.setValue(f"views/{page.key}/{name}", value)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_pending_edits()
        unsaved = [field for view in self._built_views() for field in view.unsaved_fields()]
        if unsaved and self.exit_code == 0:
            answer = QMessageBox.warning(
                self,
                self.tr("Changes not saved"),
                self.tr(
                    "Some changes could not be saved ({fields}). Close anyway and lose them?"
                ).format(fields=", ".join(unsaved)),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        if self.exit_code == 0 and not self.read_only:
            self.save_state()  # never write into a folder that was refused or is read-only
        self.session.close()
        super().closeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)
