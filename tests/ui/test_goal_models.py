"""The goal item models and the goal filter proxy, exercised without any window."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from mentordesk.domain.enums import GoalKind, GoalStatus
from mentordesk.domain.goal import (
    GoalFields,
    GoalNoteRecord,
    GoalRecord,
    MilestoneFields,
    MilestoneRecord,
)
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.roles import NoMentorRole, ObjectRole, OverdueRole, ProgressRole, SortRole
from mentordesk.ui.goals.link_model import GoalLinkListModel
from mentordesk.ui.goals.milestone_model import MilestoneTableModel
from mentordesk.ui.goals.model import GoalTableModel
from mentordesk.ui.goals.note_model import GoalNoteTableModel
from mentordesk.ui.goals.proxy import GoalFilterProxy

NOW = datetime(2026, 1, 1, tzinfo=UTC)
TODAY = date(2026, 3, 1)
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def milestones(done: int, total: int) -> tuple[MilestoneRecord, ...]:
    return tuple(
        MilestoneRecord(i + 1, f"Step {i + 1}", None, date(2025, 1, 1) if i < done else None)
        for i in range(total)
    )


def goal(
    goal_id: int,
    title: str,
    *,
    steps: tuple[MilestoneRecord, ...] = (),
    mentors: frozenset[int] = frozenset({1}),
    notes: tuple[GoalNoteRecord, ...] = (),
    **fields: object,
) -> GoalRecord:
    return GoalRecord(
        id=goal_id,
        fields=GoalFields(title=title, **fields),  # type: ignore[arg-type]
        milestones=steps,
        notes=notes,
        mentor_ids=mentors,
        skill_ids=frozenset(),
        created_at=NOW,
        updated_at=NOW,
    )


def titles(model: GoalTableModel | GoalFilterProxy) -> list[str]:
    return [model.index(row, 0).data(ObjectRole).title for row in range(model.rowCount())]


def table(*records: GoalRecord) -> GoalTableModel:
    model = GoalTableModel(today=lambda: TODAY)
    QAbstractItemModelTester(model, FATAL)
    model.set_mentor_names({1: "Amara Okafor", 2: "José Álvarez"})
    model.set_records(records)
    return model


def test_every_goal_choice_has_its_own_label(qapp: object) -> None:
    assert [label(s) for s in GoalStatus] == ["Active", "Achieved", "Paused", "Dropped"]
    assert label(GoalKind.NEW_PATH) == "Move to a new industry or role"
    assert label(GoalKind.OTHER) == "Other"


def test_rows_columns_and_roles(qapp: object) -> None:
    model = table(
        goal(
            1,
            "Give a conference talk",
            kind=GoalKind.DEVELOP_SKILL,
            target_on=date(2026, 9, 1),
            steps=milestones(3, 5),
            mentors=frozenset({1, 2}),
        ),
        goal(2, "Handle the reorg", status=GoalStatus.PAUSED),
    )
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert model.headerData(GoalTableModel.PROGRESS, Qt.Orientation.Horizontal) == "Progress"
    assert model.index(0, GoalTableModel.KIND).data() == "Develop a skill"
    assert model.index(1, GoalTableModel.STATUS).data() == "Paused"
    assert "2026" in model.index(0, GoalTableModel.TARGET).data()
    assert model.index(0, GoalTableModel.PROGRESS).data() == "3/5"
    assert model.index(0, GoalTableModel.PROGRESS).data(ProgressRole) == (3, 5)
    assert model.index(1, GoalTableModel.PROGRESS).data() == "—"
    assert model.index(1, GoalTableModel.PROGRESS).data(ProgressRole) is None
    assert model.index(0, GoalTableModel.MENTORS).data() == "Amara Okafor, José Álvarez"
    assert model.index(0, 0).data(ObjectRole).id == 1
    assert model.rowCount(model.index(0, 0)) == 0


def test_overdue_and_no_mentor_highlights(qapp: object) -> None:
    model = table(
        goal(1, "Late and active", target_on=date(2026, 2, 1)),
        goal(2, "Late but achieved", target_on=date(2026, 2, 1), status=GoalStatus.ACHIEVED),
        goal(3, "On time", target_on=date(2026, 4, 1)),
        goal(4, "Alone", mentors=frozenset()),
    )
    target = [model.index(row, GoalTableModel.TARGET) for row in range(4)]
    assert [index.data(OverdueRole) for index in target] == [True, False, False, False]
    assert target[0].data(Qt.ItemDataRole.ToolTipRole) == "Target date passed"
    assert target[0].data(Qt.ItemDataRole.ForegroundRole) is not None
    assert target[0].data(Qt.ItemDataRole.DecorationRole) is not None
    assert target[1].data(Qt.ItemDataRole.ToolTipRole) is None

    mentors = [model.index(row, GoalTableModel.MENTORS) for row in range(4)]
    assert [index.data(NoMentorRole) for index in mentors] == [False, False, False, True]
    alone = mentors[3]
    assert alone.data(Qt.ItemDataRole.ToolTipRole) == "No mentor helps with this goal yet"
    assert alone.data(Qt.ItemDataRole.FontRole).italic()
    assert alone.data() == "None yet"


def test_refresh_keeps_rows_and_follows_renamed_mentors(qapp: object) -> None:
    model = table(goal(1, "A"), goal(2, "B"), goal(3, "C"))
    changed: list[int] = []
    removed: list[int] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.rowsRemoved.connect(lambda _parent, first, _last: removed.append(first))
    model.modelReset.connect(lambda: resets.append(True))

    model.set_records([goal(1, "A"), goal(3, "C", steps=milestones(1, 2)), goal(4, "D")])
    assert titles(model) == ["A", "C", "D"]
    assert removed == [1] and changed == [1] and resets == []

    changed.clear()
    model.set_mentor_names({1: "Amara Okafor-Bello"})
    assert sorted(changed) == [0, 1, 2]
    assert model.index(0, GoalTableModel.MENTORS).data() == "Amara Okafor-Bello"


def test_proxy_filters_by_words_status_kind_and_mentor(qapp: object) -> None:
    model = table(
        goal(1, "Give a talk", kind=GoalKind.DEVELOP_SKILL, steps=milestones(0, 1)),
        goal(2, "Négocier un salaire", status=GoalStatus.ACHIEVED, mentors=frozenset({2})),
        goal(3, "Move to product", kind=GoalKind.NEW_PATH, mentors=frozenset()),
    )
    proxy = GoalFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)

    proxy.set_text("negocier")
    assert titles(proxy) == ["Négocier un salaire"]
    proxy.set_text("step 1")  # milestone titles count
    assert titles(proxy) == ["Give a talk"]
    proxy.set_text("jose")  # so do mentor names
    assert titles(proxy) == ["Négocier un salaire"]
    proxy.set_text("")
    proxy.set_status(GoalStatus.ACTIVE)
    assert sorted(titles(proxy)) == ["Give a talk", "Move to product"]
    proxy.set_kind(GoalKind.NEW_PATH)
    assert titles(proxy) == ["Move to product"]
    proxy.set_status(None)
    proxy.set_kind(None)
    proxy.set_mentor(1)
    assert titles(proxy) == ["Give a talk"]
    assert proxy.is_filtering
    proxy.set_mentor(None)
    assert proxy.rowCount() == 3 and not proxy.is_filtering


def test_proxy_sorts_progress_numerically(qapp: object) -> None:
    model = table(
        goal(1, "Two of three", steps=milestones(2, 3)),
        goal(2, "No milestones"),
        goal(3, "Nine of ten", steps=milestones(9, 10)),
        goal(4, "One of ten", steps=milestones(1, 10)),
        goal(5, "None of two", steps=milestones(0, 2)),
    )
    proxy = GoalFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(GoalTableModel.PROGRESS, Qt.SortOrder.AscendingOrder)
    # As text "1/10" < "2/3" < "9/10" would be wrong; shares are 0.1 < 0.67 < 0.9.
    expected = ["No milestones", "None of two", "One of ten", "Two of three", "Nine of ten"]
    assert titles(proxy) == expected
    proxy.sort(GoalTableModel.PROGRESS, Qt.SortOrder.DescendingOrder)
    assert titles(proxy)[0] == "Nine of ten"
    two_of_three = model.row_of(1)
    assert two_of_three is not None
    assert model.index(two_of_three, GoalTableModel.PROGRESS).data(SortRole) == 2 / 3
    proxy.sort(GoalTableModel.TARGET, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).parent() == QModelIndex()


def test_milestone_model_asks_for_changes_without_making_them(qapp: object) -> None:
    model = MilestoneTableModel(today=lambda: TODAY)
    QAbstractItemModelTester(model, FATAL)
    steps = (
        MilestoneRecord(7, "Pick a topic", date(2026, 1, 1), None),
        MilestoneRecord(8, "Submit a CFP", None, date(2026, 2, 1)),
    )
    model.set_goal(goal(1, "Talk", steps=steps))
    asked: list[tuple[int, MilestoneFields]] = []
    model.change_requested.connect(lambda i, fields: asked.append((i, fields)))

    first = model.index(0, MilestoneTableModel.TITLE)
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.flags(first) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(0, MilestoneTableModel.DUE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Due date passed"
    )
    assert model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert asked[-1] == (7, MilestoneFields("Pick a topic", date(2026, 1, 1), TODAY))
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked  # not stored

    second = model.index(1, MilestoneTableModel.TITLE)
    model.setData(second, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert asked[-1] == (8, MilestoneFields("Submit a CFP", None, None))
    model.setData(model.index(1, MilestoneTableModel.DUE), date(2026, 5, 1))
    assert asked[-1] == (8, MilestoneFields("Submit a CFP", date(2026, 5, 1), date(2026, 2, 1)))
    assert not model.setData(second, "Submit a CFP")  # nothing changed, nothing asked
    assert len(asked) == 3

    reordered = (steps[1], steps[0])
    model.set_goal(goal(1, "Talk", steps=reordered))
    assert model.milestone_at(0).id == 8 and model.row_of(7) == 1


def test_notes_newest_first_and_link_choices(qapp: object) -> None:
    notes = GoalNoteTableModel()
    QAbstractItemModelTester(notes, FATAL)
    notes.set_goal(
        goal(
            1,
            "Talk",
            notes=(
                GoalNoteRecord(1, date(2025, 1, 1), "Old"),
                GoalNoteRecord(2, date(2026, 1, 1), "New"),
            ),
        )
    )
    assert [notes.note_at(row).text for row in range(2)] == ["New", "Old"]
    assert notes.index(0, GoalNoteTableModel.TEXT).data() == "New"

    links = GoalLinkListModel()
    QAbstractItemModelTester(links, FATAL)
    links.set_choices([(1, "Zoë", ""), (2, "Amara", ""), (3, "Émile", "")])
    assert [links.index(row).data() for row in range(3)] == ["Amara", "Émile", "Zoë"]
    links.set_linked({1}, linked_first=True)
    assert links.index(0).data() == "Zoë"
    assert links.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    toggled: list[tuple[int, bool]] = []
    links.toggled.connect(lambda i, on: toggled.append((i, on)))
    links.setData(links.index(1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert toggled == [(2, True)]
    links.set_linked({1, 2})
    assert links.index(0).data() == "Zoë"  # ticking never reorders


def test_only_a_goal_being_pursued_asks_for_a_mentor_or_flags_late_milestones(
    qapp: object,
) -> None:
    """An achieved goal without a mentor is not a warning, and the milestones of a dropped
    goal are not overdue (they will never be done)."""

    late = MilestoneRecord(7, "Submit the talk", date(2020, 1, 1), None)
    model = GoalTableModel(today=lambda: date(2026, 6, 1))
    achieved = _goal_with(1, "Done", GoalStatus.ACHIEVED, (late,))
    dropped = _goal_with(2, "Gave up", GoalStatus.DROPPED, (late,))
    active = _goal_with(3, "Going", GoalStatus.ACTIVE, (late,))
    model.set_records([achieved, dropped, active])
    mentors = [model.index(row, GoalTableModel.MENTORS) for row in range(3)]
    assert [index.data(NoMentorRole) for index in mentors] == [False, False, True]
    assert [index.data() for index in mentors] == ["—", "—", "None yet"]
    assert mentors[0].data(Qt.ItemDataRole.ForegroundRole) is None
    milestones = MilestoneTableModel(today=lambda: date(2026, 6, 1))
    for goal, flagged in ((dropped, False), (achieved, False), (active, True)):
        milestones.set_goal(goal)
        due = milestones.index(0, MilestoneTableModel.DUE)
        assert (due.data(Qt.ItemDataRole.ForegroundRole) is not None) is flagged, goal.title


def _goal_with(
    goal_id: int, title: str, status: GoalStatus, milestones: tuple[MilestoneRecord, ...]
) -> GoalRecord:
    return GoalRecord(
        id=goal_id,
        fields=GoalFields(title=title, status=status),
        milestones=milestones,
        notes=(),
        mentor_ids=frozenset(),
        skill_ids=frozenset(),
        created_at=NOW,
        updated_at=NOW,
    )
