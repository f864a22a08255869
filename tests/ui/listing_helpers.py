"""What the list models' tests share: a model driven as a list view drives it (a listing proxy
over a ListingModel reading a service's listing), what the list shows, the signals a refresh
sends, and the check that a model reads only the rows asked for."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtTest import QAbstractItemModelTester

from mentordesk.domain.mentor import MentorFields
from mentordesk.services.context import Services
from mentordesk.services.listing import Listing
from mentordesk.ui.common.listing_model import PAGE, ListingModel
from mentordesk.ui.common.record_proxy import ListingProxy
from mentordesk.ui.common.roles import ObjectRole

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
# The records a bulk test stores: several pages, and row 200 on a page of its own.
MANY = 300

M = TypeVar("M", bound=ListingModel[Any])
P = TypeVar("P", bound=ListingProxy)


def attach(model: M, proxy: P, listing: Listing[Any]) -> tuple[M, P]:
    """As a list view does: the proxy over the model, then the model over the listing."""
    proxy.setSourceModel(model)
    model.set_source(listing)
    return model, proxy


def records(view: QAbstractItemModel) -> list[Any]:
    """The records shown, top to bottom (the proxy's rows, or the model's)."""
    return [view.index(row, 0).data(ObjectRole) for row in range(view.rowCount())]


def shown(view: QAbstractItemModel, text: Callable[[Any], str]) -> list[str]:
    """``text`` of each record shown, top to bottom."""
    return [text(record) for record in records(view)]


def at(proxy: ListingProxy, record_id: int, column: int) -> QModelIndex:
    """The proxy's cell of record ``record_id`` (which the list must show)."""
    row = proxy.listing_model.row_of(record_id)
    assert row is not None, f"record #{record_id} is not shown"
    return proxy.index(row, column)


def add_mentors(services: Services, names: Mapping[int, str]) -> None:
    """Mentor cards under the given ids."""
    for mentor_id, name in names.items():
        services.mentors.create(MentorFields(name=name), mentor_id=mentor_id)


def mentor_names(services: Services) -> dict[int, str]:
    """What a view passes its model's set_mentor_names."""
    return {entry.id: entry.name for entry in services.mentors.directory()}


@dataclass
class Signals:
    """What a model told its views: (first, last) rows of each dataChanged, removal and
    insertion, and how many resets and layout changes."""

    changed: list[tuple[int, int]] = field(default_factory=list)
    removed: list[tuple[int, int]] = field(default_factory=list)
    inserted: list[tuple[int, int]] = field(default_factory=list)
    resets: int = 0
    layouts: int = 0

    @classmethod
    def of(cls, model: QAbstractItemModel) -> Signals:
        heard = cls()
        model.dataChanged.connect(
            lambda top, bottom, *_roles: heard.changed.append((top.row(), bottom.row()))
        )
        model.rowsRemoved.connect(lambda _parent, first, last: heard.removed.append((first, last)))
        model.rowsInserted.connect(
            lambda _parent, first, last: heard.inserted.append((first, last))
        )
        model.modelReset.connect(lambda: setattr(heard, "resets", heard.resets + 1))
        model.layoutChanged.connect(lambda *_args: setattr(heard, "layouts", heard.layouts + 1))
        return heard

    def reported_changed(self, row: int) -> bool:
        """Whether some dataChanged covered ``row``."""
        return any(first <= row <= last for first, last in self.changed)

    def clear(self) -> None:
        self.changed.clear()
        self.removed.clear()
        self.inserted.clear()
        self.resets = self.layouts = 0


def assert_reads_only_the_rows_asked_for(model: ListingModel[Any], proxy: ListingProxy) -> None:
    """With MANY records stored and the model just given its listing: the first screen
    reads one page, and scrolling to row 200 reads one more."""
    assert model.rows_fetched == 0  # the ids only, until a row is painted
    assert proxy.rowCount() == MANY and model.total == MANY
    for row in range(20):  # a first screenful
        for column in range(proxy.columnCount()):
            proxy.index(row, column).data()
        assert proxy.index(row, 0).data(ObjectRole) is not None
    first_screen = model.rows_fetched
    assert 0 < first_screen <= PAGE
    assert first_screen < MANY // 4
    assert len(model.loaded_records()) == first_screen

    assert proxy.index(200, 0).data()
    assert proxy.index(200, 0).data(ObjectRole).id == model.id_at(200)
    assert first_screen < model.rows_fetched <= first_screen + PAGE
    assert model.rows_fetched < MANY
