"""The agreement item models and filter proxy, exercised without any window."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from mentordesk.domain.agreement import (
    AgreementFields,
    AgreementRecord,
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
from mentordesk.ui.agreements.model import AgreementTableModel, cadence_text
from mentordesk.ui.agreements.proxy import AgreementFilterProxy
from mentordesk.ui.agreements.revision_model import (
    AgreementDiffModel,
    AgreementRevisionModel,
    value_text,
)
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.roles import ObjectRole, ReviewDueRole, SortRole

NOW = datetime(2026, 1, 1, tzinfo=UTC)
TODAY = date(2026, 3, 1)
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def agreement(agreement_id: int, mentor_id: int, title: str, **fields: object) -> AgreementRecord:
    return AgreementRecord(
        id=agreement_id,
        mentor_id=mentor_id,
        fields=AgreementFields(title=title, **fields),  # type: ignore[arg-type]
        objective_ids=(),
        commitment_ids=(),
        window_ids=(),
        latest_revision_id=None,
        created_at=NOW,
        updated_at=NOW,
    )


def sample_model() -> AgreementTableModel:
    model = AgreementTableModel(today=lambda: TODAY)
    QAbstractItemModelTester(model, FATAL)
    model.set_mentor_names({1: "Ada", 2: "Grace"})
    model.set_records(
        [
            agreement(
                1,
                1,
                "Career",
                status=AgreementStatus.ACTIVE,
                cadence_every=4,
                cadence_unit=CadenceUnit.WEEKS,
                review_on=date(2026, 2, 1),
            ),
            agreement(
                2, 2, "Micro", format=MeetingFormat.MICRO_SESSION, review_on=date(2026, 9, 1)
            ),
            agreement(
                3,
                1,
                "Old",
                status=AgreementStatus.CONCLUDED,
                review_on=date(2025, 1, 1),
            ),
        ]
    )
    return model


def test_columns_say_mentor_cadence_format_status_and_review() -> None:
    model = sample_model()
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row == ["Ada", "Career", "Active", "Every 4 weeks", "Video call", "1 Feb 2026"]
    assert model.index(1, AgreementTableModel.CADENCE).data() == "As needed"
    assert model.index(1, AgreementTableModel.FORMAT).data() == "Micro-session"
    assert model.index(0, 0).data(ObjectRole).id == 1
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Next review"
    assert model.row_of(3) == 2 and model.row_of(9) is None


def test_a_passed_review_is_flagged_unless_concluded() -> None:
    model = sample_model()
    review = AgreementTableModel.REVIEW
    assert model.index(0, review).data(ReviewDueRole) is True
    assert model.index(0, review).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "has passed" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, review).data(ReviewDueRole) is False
    assert model.index(1, review).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(2, review).data(ReviewDueRole) is False


def test_cadence_words() -> None:
    assert cadence_text(AgreementFields("x", cadence_every=1, cadence_unit=CadenceUnit.MONTHS)) == (
        "Every month"
    )
    assert cadence_text(AgreementFields("x", cadence_every=10, cadence_unit=CadenceUnit.DAYS)) == (
        "Every 10 days"
    )
    assert cadence_text(AgreementFields("x")) == "As needed"


def test_filters_by_status_mentor_and_words_and_sorts() -> None:
    model = sample_model()
    proxy = AgreementFilterProxy()
    QAbstractItemModelTester(proxy, FATAL)
    proxy.setSourceModel(model)
    proxy.set_status(AgreementStatus.ACTIVE)
    assert proxy.rowCount() == 1 and proxy.is_filtering
    proxy.set_status(None)
    proxy.set_mentor(1)
    assert sorted(proxy.index(r, 1).data() for r in range(proxy.rowCount())) == ["Career", "Old"]
    proxy.set_mentor(None)
    proxy.set_text("grace micro")
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["Micro"]
    proxy.set_text("")
    assert not proxy.is_filtering
    proxy.sort(AgreementTableModel.STATUS)
    assert [proxy.index(r, 1).data() for r in range(3)] == ["Career", "Micro", "Old"]
    assert proxy.index(0, AgreementTableModel.STATUS).data(SortRole) == 0


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
