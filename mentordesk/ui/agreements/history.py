"""The history of one agreement: its revisions, what changed between any two, and the way
back to an earlier one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.agreement import AgreementFields
from mentordesk.domain.agreement_revision import FieldChange, RevisionRecord, field_changes
from mentordesk.ui.agreements.revision_model import (
    AgreementDiffModel,
    AgreementRevisionModel,
    readable_changes,
)


class AgreementHistory(QWidget):
    """Pick one revision to compare it with the current agreement, or two (Ctrl+click) to
    compare them; ``restore_requested(revision_id)`` for the button."""

    restore_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementHistory")
        self._current: AgreementFields | None = None
        self._compare: object = None
        self._goal_titles: dict[int, str] = {}
        self.revision_model = AgreementRevisionModel(self)
        self.diff_model = AgreementDiffModel(self)

        self.revision_list = QListView()
        self.revision_list.setObjectName("agreementRevisions")
        self.revision_list.setModel(self.revision_model)
        self.revision_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # A first revision names every field agreed: wrap rather than scroll sideways.
        self.revision_list.setWordWrap(True)
        self.revision_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.revision_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.revision_list.setSpacing(2)
        self.revision_list.selectionModel().selectionChanged.connect(self._update_diff)
        self.hint = QLabel()
        self.hint.setObjectName("agreementHistoryHint")
        self.hint.setWordWrap(True)

        self.diff_title = QLabel()
        self.diff_title.setObjectName("agreementDiffTitle")
        self.diff_title.setWordWrap(True)
        self.diff_view = QTableView()
        self.diff_view.setObjectName("agreementDiff")
        self.diff_view.setModel(self.diff_model)
        self.diff_view.setWordWrap(True)
        self.diff_view.verticalHeader().hide()
        header = self.diff_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.diff_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.restore_button = QPushButton(self.tr("Restore this revision"))
        self.restore_button.setObjectName("restoreRevision")
        self.restore_button.setToolTip(
            self.tr("Make the agreement what it was after this revision, as a new revision.")
        )
        self.restore_button.clicked.connect(self._restore_clicked)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.hint)
        top_layout.addWidget(self.revision_list, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.diff_title)
        bottom_layout.addWidget(self.diff_view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        bottom_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([220, 420])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_diff()

    def set_history(
        self,
        current: AgreementFields,
        revisions: Sequence[RevisionRecord],
        goal_titles: Mapping[int, str],
        compare: object,
    ) -> None:
        """``compare(older_id, newer_id)`` is AgreementService.compare_revisions."""
        kept = [r.id for r in self.selected_revisions() if r is not None]
        self._current = current
        self._compare = compare
        self._goal_titles = dict(goal_titles)
        self.revision_model.set_revisions(revisions)
        self.hint.setText(
            self.tr(
                "Choose a revision to see how the agreement differs now, or two revisions "
                "(Ctrl+click) to compare them."
            )
            if revisions
            else self.tr(
                "No revisions yet: a draft keeps no history. Once the agreement is active, "
                "every change to it is kept here with its date."
            )
        )
        selection = self.revision_list.selectionModel()
        for row in range(1, self.revision_model.rowCount()):
            revision = self.revision_model.revision_at(row)
            if revision is not None and revision.id in kept:
                selection.select(
                    self.revision_model.index(row), QItemSelectionModel.SelectionFlag.Select
                )
        self._update_diff()

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.revision_list.selectionModel().selectedRows())

    def selected_revisions(self) -> list[RevisionRecord | None]:
        return [self.revision_model.revision_at(row) for row in self.selected_rows()]

    def select_rows(self, *rows: int) -> None:
        selection = self.revision_list.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(
                self.revision_model.index(row), QItemSelectionModel.SelectionFlag.Select
            )

    def _pair(self) -> tuple[RevisionRecord, RevisionRecord | None] | None:
        """(older, newer) chosen; newer None for the current agreement."""
        chosen = self.selected_revisions()[:2]
        if not chosen or chosen == [None]:
            return None
        if len(chosen) == 1:
            only = chosen[0]
            assert only is not None
            return only, None
        # Rows run newest first: the later row is the older revision.
        newer, older = chosen
        assert older is not None
        return older, newer

    def _update_diff(self) -> None:
        pair = self._pair()
        changes: Sequence[FieldChange] = ()
        if pair is None:
            self.diff_title.setText(self.tr("No revision chosen."))
        else:
            older, newer = pair
            when = self.revision_model.when
            if newer is None:
                assert self._current is not None
                changes = readable_changes(field_changes(older.state, self._current), self._current)
                title = self.tr("From the revision of {older} to the agreement now").format(
                    older=when(older)
                )
            else:
                compared = self._compare(older.id, newer.id)  # type: ignore[operator]
                changes = readable_changes(compared, newer.state)
                title = self.tr("From the revision of {older} to that of {newer}").format(
                    older=when(older), newer=when(newer)
                )
            if not changes:
                title += self.tr(": no difference.")
            self.diff_title.setText(title)
        self.diff_model.set_changes(changes, self._goal_titles)
        single = self.selected_revisions()
        self.restore_button.setEnabled(len(single) == 1 and single[0] is not None)

    def _restore_clicked(self) -> None:
        chosen = self.selected_revisions()
        if len(chosen) == 1 and chosen[0] is not None:
            self.restore_requested.emit(chosen[0].id)
