"""The agreement item models and filter proxy, exercised without any window (the agreement
list over a real database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from mentordesk.domain.agreement import (
    AgreementFields,
    AvailabilityWindow,
    CommitmentFields,
    ObjectiveFields,
)
from mentordesk.domain.agreement_revision import FieldChange, RevisionRecord
from mentordesk.domain.enums import (
    AgreementStatus,
    CadenceUnit,
    CommitmentSide,
    MeetingFormat,
    WhoSchedules,
)
from mentordesk.services.context import Services
from mentordesk.ui.agreements.model import AgreementTableModel, cadence_text
from mentordesk.ui.agreements.proxy import AgreementFilterProxy
from mentordesk.ui.agreements.revision_model import (
    AgreementDiffModel,
    AgreementRevisionModel,
    value_text,
)
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.roles import ObjectRole, ReviewDueRole
from tests.ui.listing_helpers import (
    FATAL,
    MANY,
    add_mentors,
    assert_reads_only_the_rows_asked_for,
    attach,
    mentor_names,
    shown,
)

TODAY = date(2026, 3, 1)
M = AgreementTableModel


def store_sample(services: Services) -> None:
    """Ada's active "Career" and concluded "Old", Grace's draft "Micro" (ids 1, 2, 3)."""
    add_mentors(services, {1: "Ada", 2: "Grace"})
    for mentor_id, fields in (
        (
            1,
            AgreementFields(
                "Career",
                status=AgreementStatus.ACTIVE,
                cadence_every=4,
                cadence_unit=CadenceUnit.WEEKS,
                review_on=date(2026, 2, 1),
            ),
        ),
        (
            2,
            AgreementFields(
                "Micro", format=MeetingFormat.MICRO_SESSION, review_on=date(2026, 9, 1)
            ),
        ),
        (1, AgreementFields("Old", status=AgreementStatus.CONCLUDED, review_on=date(2025, 1, 1))),
    ):
        services.agreements.create(mentor_id, fields)


def agreement_list(
    services: Services, proxy: AgreementFilterProxy | None = None, *, tester: bool = True
) -> tuple[AgreementTableModel, AgreementFilterProxy]:
    """The list as the Agreements view builds it (mentor names from the directory)."""
    model = AgreementTableModel(today=lambda: TODAY)
    if tester:
        QAbstractItemModelTester(model, FATAL)
    model.set_mentor_names(mentor_names(services))
    return attach(model, proxy or AgreementFilterProxy(), services.agreements.listing)


def sample_list(services: Services) -> tuple[AgreementTableModel, AgreementFilterProxy]:
    """The sample by title: Career, Micro, Old."""
    store_sample(services)
    model, proxy = agreement_list(services)
    proxy.sort(M.TITLE)
    return model, proxy


def titles(view: AgreementTableModel | AgreementFilterProxy) -> list[str]:
    return shown(view, lambda record: record.fields.title)


def test_columns_say_mentor_cadence_format_status_and_review(
    qapp: object, services: Services
) -> None:
    store_sample(services)
    model, proxy = agreement_list(services)
    assert titles(proxy) == ["Career", "Old", "Micro"]  # by mentor at first, then as stored
    proxy.sort(M.TITLE)
    assert titles(proxy) == ["Career", "Micro", "Old"]
    row = [proxy.index(0, column).data() for column in range(proxy.columnCount())]
    assert row == ["Ada", "Career", "Active", "Every 4 weeks", "Video call", "1 Feb 2026"]
    assert proxy.index(1, M.CADENCE).data() == "As needed"
    assert proxy.index(1, M.FORMAT).data() == "Micro-session"
    assert proxy.index(0, 0).data(ObjectRole).id == 1
    assert proxy.headerData(5, Qt.Orientation.Horizontal) == "Next review"
    assert model.row_of(3) == 2 and model.row_of(9) is None


def test_a_passed_review_is_flagged_unless_concluded(qapp: object, services: Services) -> None:
    _model, proxy = sample_list(services)
    review = M.REVIEW
    assert proxy.index(0, review).data(ReviewDueRole) is True
    assert proxy.index(0, review).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "has passed" in proxy.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert proxy.index(1, review).data(ReviewDueRole) is False
    assert proxy.index(1, review).data(Qt.ItemDataRole.ToolTipRole) is None
    assert proxy.index(2, review).data(ReviewDueRole) is False


def test_cadence_words() -> None:
    assert cadence_text(AgreementFields("x", cadence_every=1, cadence_unit=CadenceUnit.MONTHS)) == (
        "Every month"
    )
    assert cadence_text(AgreementFields("x", cadence_every=10, cadence_unit=CadenceUnit.DAYS)) == (
        "Every 10 days"
    )
    assert cadence_text(AgreementFields("x")) == "As needed"


def test_filters_by_status_mentor_and_words_and_sorts(qapp: object, services: Services) -> None:
    store_sample(services)
    proxy = AgreementFilterProxy()
    QAbstractItemModelTester(proxy, FATAL)
    agreement_list(services, proxy)
    proxy.set_status(AgreementStatus.ACTIVE)
    assert proxy.rowCount() == 1 and proxy.is_filtering
    proxy.set_status(None)
    proxy.set_mentor(1)
    assert sorted(proxy.index(r, 1).data() for r in range(proxy.rowCount())) == ["Career", "Old"]
    proxy.set_mentor(None)
    proxy.set_text("grace micro")  # the mentor's name and the title
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["Micro"]
    proxy.set_text("")
    assert not proxy.is_filtering
    # Active, under review, draft, concluded.
    proxy.sort(M.STATUS)
    assert [proxy.index(r, 1).data() for r in range(3)] == ["Career", "Micro", "Old"]
    proxy.sort(M.STATUS, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 1).data() for r in range(3)] == ["Old", "Micro", "Career"]


def test_reads_only_the_rows_it_shows(qapp: object, services: Services) -> None:
    add_mentors(services, {1: "Ada", 2: "Grace", 3: "Linus"})
    with services.in_one_transaction() as shared:
        for i in range(MANY):
            shared.agreements.create(1 + i % 3, AgreementFields(f"Agreement {i:03}"))
    model, proxy = agreement_list(services, tester=False)
    proxy.sort(M.TITLE)
    assert_reads_only_the_rows_asked_for(model, proxy)
    assert proxy.index(200, M.TITLE).data() == "Agreement 200"


def test_revision_rows_and_the_field_differences() -> None:
    revisions = AgreementRevisionModel()
    QAbstractItemModelTester(revisions, FATAL)
    state = AgreementFields("x")
    revisions.set_revisions(
        [
            RevisionRecord(
                7,
                1,
                datetime(2026, 2, 3, 10, 0, tzinfo=UTC),
                (FieldChange("reply_time", "", "Soon"),),
                state,
            )
        ]
    )
    assert revisions.rowCount() == 2
    assert revisions.index(0).data() == "Current agreement"
    assert revisions.revision_at(0) is None
    assert (
        "3 Feb 2026" in revisions.index(1).data() and "Reply time" in revisions.index(1).data()
    )  # the form's words

    diff = AgreementDiffModel()
    QAbstractItemModelTester(diff, FATAL)
    diff.set_changes(
        [
            FieldChange("status", AgreementStatus.DRAFT, AgreementStatus.ACTIVE),
            FieldChange("objectives", (), (ObjectiveFields("Lead", 5),)),
        ],
        {5: "Become a team lead"},
    )
    assert [diff.index(0, c).data() for c in range(3)] == ["Status", "Draft", "Active"]
    assert diff.index(1, 1).data() == "(empty)"
    assert diff.index(1, 2).data() == "Lead → Become a team lead"


def test_values_in_words() -> None:
    assert value_text((CommitmentFields(CommitmentSide.ME, "Send agendas"),), {}) == (
        "I will: Send agendas"
    )
    assert value_text((AvailabilityWindow(1, time(9), time(12)),), {}) == "Tuesday 09:00–12:00"
    assert value_text(date(2026, 5, 1), {}) == "1 May 2026"
    assert value_text(ObjectiveFields("", 3), {}) == "Goal: a deleted goal"
    # Equal values of different enums keep their own words.
    assert label(WhoSchedules.ME) == "I do" and label(CommitmentSide.ME) == "I will"
    assert label(AgreementStatus.ACTIVE) == "Active" and label(MeetingFormat.VIDEO) == "Video call"


def test_the_history_names_changes_in_the_forms_words_with_units_and_seconds() -> None:
    """A cadence change reads "every 2 weeks -> every 3 weeks" under "Meet" (not "2 -> 3"
    under "cadence every"), a duration has its unit, and two revisions in one minute are
    told apart by their seconds."""
    from mentordesk.domain.enums import CadenceUnit
    from mentordesk.ui.agreements.revision_model import readable_changes

    before = AgreementFields(
        title="Ours", cadence_every=2, cadence_unit=CadenceUnit.WEEKS, typical_minutes=30
    )
    after = before.replace(cadence_every=3, typical_minutes=45)
    changes = readable_changes(
        (
            FieldChange("cadence_every", 2, 3),
            FieldChange("typical_minutes", 30, 45),
        ),
        after,
    )
    diff = AgreementDiffModel()
    diff.set_changes(changes, {})
    rows = [tuple(diff.index(r, c).data() for c in range(3)) for r in range(diff.rowCount())]
    assert rows == [
        ("Meet", "every 2 weeks", "every 3 weeks"),
        ("Typical minutes", "30 minutes", "45 minutes"),
    ]
    one = datetime(2026, 2, 3, 10, 0, 5, tzinfo=UTC)
    revisions = AgreementRevisionModel()
    revisions.set_revisions(
        [
            RevisionRecord(
                2, 1, one.replace(second=40), (FieldChange("cadence_every", 2, 3),), after
            ),
            RevisionRecord(1, 1, one, (FieldChange("typical_minutes", 30, 45),), before),
        ]
    )
    newer, older = revisions.index(1).data(), revisions.index(2).data()
    assert newer.endswith("— Meet") and older.endswith("— Typical minutes")
    assert newer.split(" — ")[0] != older.split(" — ")[0]  # seconds tell them apart
