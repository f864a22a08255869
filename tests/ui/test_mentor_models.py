"""The mentor table model and its filter proxy over a real database, without any window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from mentordesk.domain.enums import MentorStatus, RelationshipKind
from mentordesk.domain.mentor import MentorFields, MentorRecord
from mentordesk.services.context import Services
from mentordesk.ui.common.roles import ObjectRole
from mentordesk.ui.mentors.model import MentorTableModel
from mentordesk.ui.mentors.proxy import MentorFilterProxy
from tests.ui.listing_helpers import (
    FATAL,
    MANY,
    Signals,
    assert_reads_only_the_rows_asked_for,
    attach,
    shown,
)


def add(
    services: Services, mentor_id: int, name: str, archived: bool = False, **fields: object
) -> None:
    services.mentors.create(MentorFields(name=name, **fields), mentor_id=mentor_id)  # type: ignore[arg-type]
    if archived:
        services.mentors.set_archived(mentor_id, True)


def mentor_list(services: Services) -> tuple[MentorTableModel, MentorFilterProxy]:
    return attach(MentorTableModel(), MentorFilterProxy(), services.mentors.listing)


def names(view: MentorTableModel | MentorFilterProxy) -> list[str]:
    return shown(view, lambda record: record.name)


def test_rows_columns_and_roles(qapp: object, services: Services) -> None:
    add(services, 1, "José Álvarez", organization="Tessera", started_on=date(2020, 3, 1))
    add(services, 2, "Amara Okafor", kind=RelationshipKind.SPONSOR, status=MentorStatus.PAUSED)
    model = MentorTableModel()
    QAbstractItemModelTester(model, FATAL)
    model, proxy = attach(model, MentorFilterProxy(), services.mentors.listing)
    assert names(proxy) == ["Amara Okafor", "José Álvarez"]  # by name at first

    # Since: the dated card first, the undated one after every real date.
    proxy.sort(MentorTableModel.SINCE, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["José Álvarez", "Amara Okafor"]
    assert proxy.rowCount() == 2
    assert proxy.columnCount() == 6
    assert proxy.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert proxy.index(0, MentorTableModel.ORGANIZATION).data() == "Tessera"
    assert proxy.index(1, MentorTableModel.KIND).data() == "Sponsor"
    assert proxy.index(1, MentorTableModel.STATUS).data() == "Paused"
    assert "2020" in proxy.index(0, MentorTableModel.SINCE).data()
    assert proxy.index(1, MentorTableModel.SINCE).data() == ""
    assert proxy.index(0, 0).data(ObjectRole).id == 1
    assert isinstance(proxy.index(0, 0).data(ObjectRole), MentorRecord)
    assert model.rowCount(model.index(0, 0)) == 0


def test_refresh_keeps_unchanged_rows_and_reports_changes(qapp: object, services: Services) -> None:
    for mentor_id, name in ((1, "A"), (2, "B"), (3, "C")):
        add(services, mentor_id, name)
    model = MentorTableModel()
    QAbstractItemModelTester(model, FATAL)
    model, proxy = attach(model, MentorFilterProxy(), services.mentors.listing)
    assert names(proxy) == ["A", "B", "C"]
    heard = Signals.of(model)

    services.mentors.delete(2)
    services.mentors.update(3, MentorFields(name="C renamed"))
    add(services, 4, "D")
    model.refresh()

    assert names(proxy) == ["A", "C renamed", "D"]
    assert heard.removed == [(1, 1)]
    assert heard.inserted == [(2, 2)]
    assert heard.reported_changed(1)  # the renamed card's row
    assert heard.resets == 0
    assert model.row_of(4) == 2 and model.row_of(2) is None


def test_proxy_filters_by_words_accents_expertise_and_tags(
    qapp: object, services: Services
) -> None:
    add(services, 1, "José Álvarez", organization="Tessera", expertise=("architecture",))
    add(services, 2, "Amara Okafor", organization="Lumen Health", tags=("leadership",))
    add(services, 3, "王芳 (Wang Fang)", organization="Beacon")
    proxy = MentorFilterProxy()
    QAbstractItemModelTester(proxy, FATAL)
    _model, proxy = attach(MentorTableModel(), proxy, services.mentors.listing)

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


def test_proxy_status_kind_and_archive_filters(qapp: object, services: Services) -> None:
    add(services, 1, "Active sponsor", kind=RelationshipKind.SPONSOR)
    add(services, 2, "Concluded", status=MentorStatus.CONCLUDED)
    add(services, 3, "Archived", archived=True)
    _model, proxy = mentor_list(services)
    assert sorted(names(proxy)) == ["Active sponsor", "Concluded"]
    proxy.set_show_archived(True)
    assert proxy.rowCount() == 3
    proxy.set_status(MentorStatus.CONCLUDED)
    assert names(proxy) == ["Concluded"]
    proxy.set_status(None)
    proxy.set_kind(RelationshipKind.SPONSOR)
    assert names(proxy) == ["Active sponsor"]
    assert proxy.is_filtering


def test_proxy_sorts_by_name_and_status(qapp: object, services: Services) -> None:
    add(services, 1, "zoë", status=MentorStatus.CONCLUDED)
    add(services, 2, "Émile", status=MentorStatus.ACTIVE)
    add(services, 3, "adam", status=MentorStatus.PAUSED)
    _model, proxy = mentor_list(services)
    proxy.sort(MentorTableModel.NAME, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["adam", "Émile", "zoë"]
    proxy.sort(MentorTableModel.STATUS, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Émile", "adam", "zoë"]
    proxy.sort(MentorTableModel.NAME, Qt.SortOrder.DescendingOrder)
    assert names(proxy)[0] == "zoë"
    assert proxy.index(0, 0).parent() == QModelIndex()


def test_reads_only_the_rows_it_shows(qapp: object, services: Services) -> None:
    services.mentors.create_many([MentorFields(name=f"Mentor {i:03}") for i in range(MANY)])
    model, proxy = mentor_list(services)
    assert_reads_only_the_rows_asked_for(model, proxy)
    assert proxy.index(200, 0).data() == "Mentor 200"
