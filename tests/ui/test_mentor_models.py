"""The mentor table model and its filter proxy, exercised without any window."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from mentordesk.domain.enums import MentorStatus, RelationshipKind
from mentordesk.domain.mentor import MentorFields, MentorRecord
from mentordesk.ui.common.roles import ObjectRole, SortRole
from mentordesk.ui.mentors.model import MentorTableModel
from mentordesk.ui.mentors.proxy import MentorFilterProxy

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def record(mentor_id: int, name: str, archived: bool = False, **fields: object) -> MentorRecord:
    return MentorRecord(
        id=mentor_id,
        fields=MentorFields(name=name, **fields),  # type: ignore[arg-type]
        archived_at=NOW if archived else None,
        created_at=NOW,
        updated_at=NOW,
    )


def names(model: MentorTableModel | MentorFilterProxy) -> list[str]:
    return [
        model.index(row, MentorTableModel.NAME).data(ObjectRole).name
        for row in range(model.rowCount())
    ]


def test_rows_columns_and_roles(qapp: object) -> None:
    model = MentorTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_records(
        [
            record(1, "José Álvarez", organization="Tessera", started_on=date(2020, 3, 1)),
            record(2, "Amara Okafor", kind=RelationshipKind.SPONSOR, status=MentorStatus.PAUSED),
        ]
    )
    assert model.rowCount() == 2
    assert model.columnCount() == 6
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.index(0, MentorTableModel.ORGANIZATION).data() == "Tessera"
    assert model.index(1, MentorTableModel.KIND).data() == "Sponsor"
    assert model.index(1, MentorTableModel.STATUS).data() == "Paused"
    assert "2020" in model.index(0, MentorTableModel.SINCE).data()
    assert model.index(0, MentorTableModel.SINCE).data(SortRole) == "2020-03-01"
    assert model.index(1, MentorTableModel.SINCE).data(SortRole) > "2020-03-01"
    assert model.index(0, 0).data(ObjectRole).id == 1
    assert model.rowCount(model.index(0, 0)) == 0


def test_refresh_keeps_unchanged_rows_and_reports_changes(qapp: object) -> None:
    model = MentorTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_records([record(1, "A"), record(2, "B"), record(3, "C")])
    changed: list[int] = []
    removed: list[int] = []
    inserted: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.rowsRemoved.connect(lambda _parent, first, _last: removed.append(first))
    model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    model.set_records([record(1, "A"), record(3, "C renamed"), record(4, "D")])

    assert names(model) == ["A", "C renamed", "D"]
    assert removed == [1]
    assert changed == [1]
    assert inserted == [2]
    assert resets == []
    assert model.row_of(4) == 2 and model.row_of(2) is None


def test_proxy_filters_by_words_accents_expertise_and_tags(qapp: object) -> None:
    model = MentorTableModel()
    model.set_records(
        [
            record(1, "José Álvarez", organization="Tessera", expertise=("architecture",)),
            record(2, "Amara Okafor", organization="Lumen Health", tags=("leadership",)),
            record(3, "王芳 (Wang Fang)", organization="Beacon"),
        ]
    )
    proxy = MentorFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)

    proxy.set_text("jose")
    assert names(proxy) == ["José Álvarez"]
    proxy.set_text("ARCHITECT")
    assert names(proxy) == ["José Álvarez"]
    proxy.set_text("lumen leader")
    assert names(proxy) == ["Amara Okafor"]
    proxy.set_text("lumen tessera")
    assert names(proxy) == []
    proxy.set_text("王芳")
    assert names(proxy) == ["王芳 (Wang Fang)"]
    proxy.set_text("")
    assert proxy.rowCount() == 3


def test_proxy_status_kind_and_archive_filters(qapp: object) -> None:
    model = MentorTableModel()
    model.set_records(
        [
            record(1, "Active sponsor", kind=RelationshipKind.SPONSOR),
            record(2, "Concluded", status=MentorStatus.CONCLUDED),
            record(3, "Archived", archived=True),
        ]
    )
    proxy = MentorFilterProxy()
    proxy.setSourceModel(model)
    assert sorted(names(proxy)) == ["Active sponsor", "Concluded"]
    proxy.set_show_archived(True)
    assert proxy.rowCount() == 3
    proxy.set_status(MentorStatus.CONCLUDED)
    assert names(proxy) == ["Concluded"]
    proxy.set_status(None)
    proxy.set_kind(RelationshipKind.SPONSOR)
    assert names(proxy) == ["Active sponsor"]
    assert proxy.is_filtering


def test_proxy_sorts_by_sort_role(qapp: object) -> None:
    model = MentorTableModel()
    model.set_records(
        [
            record(1, "zoë", status=MentorStatus.CONCLUDED),
            record(2, "Émile", status=MentorStatus.ACTIVE),
            record(3, "adam", status=MentorStatus.PAUSED),
        ]
    )
    proxy = MentorFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(MentorTableModel.NAME, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["adam", "Émile", "zoë"]
    proxy.sort(MentorTableModel.STATUS, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Émile", "adam", "zoë"]
    proxy.sort(MentorTableModel.NAME, Qt.SortOrder.DescendingOrder)
    assert names(proxy)[0] == "zoë"
    assert proxy.index(0, 0).parent() == QModelIndex()
