"""The goal item models and the goal filter proxy, exercised without any window (the goal
list over a real database)."""

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
from mentordesk.domain.mentor import MentorFields
from mentordesk.services.context import Services
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.roles import NoMentorRole, ObjectRole, OverdueRole, ProgressRole
from mentordesk.ui.goals.link_model import GoalLinkListModel
from mentordesk.ui.goals.milestone_model import MilestoneTableModel
from mentordesk.ui.goals.model import GoalTableModel
from mentordesk.ui.goals.note_model import GoalNoteTableModel
from mentordesk.ui.goals.proxy import GoalFilterProxy
from tests.ui.listing_helpers import (
    FATAL,
    MANY,
    Signals,
    add_mentors,
    assert_reads_only_the_rows_asked_for,
    attach,
    mentor_names,
    records,
    shown,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)
TODAY = date(2026, 3, 1)
MENTORS = {1: "Amara Okafor", 2: "José Álvarez"}


def milestone_fields(done: int, total: int) -> list[MilestoneFields]:
    """``total`` milestones "Step 1", "Step 2", …, the first ``done`` of them done."""
    return [
        MilestoneFields(f"Step {i + 1}", None, date(2025, 1, 1) if i < done else None)
        for i in range(total)
    ]


def store(
    services: Services,
    title: str,
    *,
    milestones: list[MilestoneFields] | None = None,
    mentors: frozenset[int] = frozenset({1}),
    **fields: object,
) -> int:
    return services.goals.create(
        GoalFields(title=title, **fields),  # type: ignore[arg-type]
        mentor_ids=mentors,
        milestones=milestones or (),
    ).id


def goal_list(
    services: Services, *, today: date = TODAY, tester: bool = True
) -> tuple[GoalTableModel, GoalFilterProxy]:
    """The list as the Goals view builds it: mentor names from the mentors' directory."""
    model = GoalTableModel(today=lambda: today)
    if tester:
        QAbstractItemModelTester(model, FATAL)
    model.set_mentor_names(mentor_names(services))
    return attach(model, GoalFilterProxy(), services.goals.listing)


def titles(view: GoalTableModel | GoalFilterProxy) -> list[str]:
    return shown(view, lambda record: record.title)


def by_title(view: GoalFilterProxy, column: int, role: int) -> dict[str, object]:
    """Each shown goal's title and the ``role`` data of its cell in ``column``."""
    return {
        view.index(row, 0).data(ObjectRole).title: view.index(row, column).data(role)
        for row in range(view.rowCount())
    }


def goal(
    goal_id: int,
    title: str,
    *,
    steps: tuple[MilestoneRecord, ...] = (),
    mentors: frozenset[int] = frozenset({1}),
    notes: tuple[GoalNoteRecord, ...] = (),
    **fields: object,
) -> GoalRecord:
    """An in-memory record, for the models that show one goal (milestones, notes)."""
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


def test_every_goal_choice_has_its_own_label(qapp: object) -> None:
    assert [label(s) for s in GoalStatus] == ["Active", "Achieved", "Paused", "Dropped"]
    assert label(GoalKind.NEW_PATH) == "Move to a new industry or role"
    assert label(GoalKind.OTHER) == "Other"


def test_rows_columns_and_roles(qapp: object, services: Services) -> None:
    add_mentors(services, MENTORS)
    store(
        services,
        "Give a conference talk",
        kind=GoalKind.DEVELOP_SKILL,
        target_on=date(2026, 9, 1),
        milestones=milestone_fields(3, 5),
        mentors=frozenset({1, 2}),
    )
    store(services, "Handle the reorg", status=GoalStatus.PAUSED)
    model, proxy = goal_list(services)
    assert titles(proxy) == ["Give a conference talk", "Handle the reorg"]
    assert proxy.rowCount() == 2 and proxy.columnCount() == 6
    assert proxy.headerData(GoalTableModel.PROGRESS, Qt.Orientation.Horizontal) == "Progress"
    assert proxy.index(0, GoalTableModel.KIND).data() == "Develop a skill"
    assert proxy.index(1, GoalTableModel.STATUS).data() == "Paused"
    assert "2026" in proxy.index(0, GoalTableModel.TARGET).data()
    assert proxy.index(0, GoalTableModel.PROGRESS).data() == "3/5"
    assert proxy.index(0, GoalTableModel.PROGRESS).data(ProgressRole) == (3, 5)
    assert proxy.index(1, GoalTableModel.PROGRESS).data() == "—"
    assert proxy.index(1, GoalTableModel.PROGRESS).data(ProgressRole) is None
    assert proxy.index(0, GoalTableModel.MENTORS).data() == "Amara Okafor, José Álvarez"
    assert proxy.index(0, 0).data(ObjectRole).id == 1
    assert model.rowCount(model.index(0, 0)) == 0


def test_overdue_and_no_mentor_highlights(qapp: object, services: Services) -> None:
    add_mentors(services, MENTORS)
    store(services, "Late and active", target_on=date(2026, 2, 1))
    store(services, "Late but achieved", target_on=date(2026, 2, 1), status=GoalStatus.ACHIEVED)
    store(services, "On time", target_on=date(2026, 4, 1))
    store(services, "Alone", mentors=frozenset())
    _model, proxy = goal_list(services)
    assert by_title(proxy, GoalTableModel.TARGET, OverdueRole) == {
        "Late and active": True,
        "Late but achieved": False,
        "On time": False,
        "Alone": False,
    }
    late = proxy.index(titles(proxy).index("Late and active"), GoalTableModel.TARGET)
    assert late.data(Qt.ItemDataRole.ToolTipRole) == "Target date passed"
    assert late.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert late.data(Qt.ItemDataRole.DecorationRole) is not None
    achieved = proxy.index(titles(proxy).index("Late but achieved"), GoalTableModel.TARGET)
    assert achieved.data(Qt.ItemDataRole.ToolTipRole) is None

    assert by_title(proxy, GoalTableModel.MENTORS, NoMentorRole) == {
        "Late and active": False,
        "Late but achieved": False,
        "On time": False,
        "Alone": True,
    }
    alone = proxy.index(titles(proxy).index("Alone"), GoalTableModel.MENTORS)
    assert alone.data(Qt.ItemDataRole.ToolTipRole) == "No mentor helps with this goal yet"
    assert alone.data(Qt.ItemDataRole.FontRole).italic()
    assert alone.data() == "None yet"


def test_refresh_keeps_rows_and_follows_renamed_mentors(qapp: object, services: Services) -> None:
    add_mentors(services, MENTORS)
    a, b, c = (store(services, title) for title in ("A", "B", "C"))
    model, proxy = goal_list(services)
    assert titles(proxy) == ["A", "B", "C"]
    assert proxy.index(2, GoalTableModel.PROGRESS).data() == "—"
    heard = Signals.of(model)

    services.goals.delete(b)
    for milestone in milestone_fields(1, 2):
        services.goals.add_milestone(c, milestone)
    d = store(services, "D")
    model.refresh()
    assert titles(proxy) == ["A", "C", "D"]
    assert heard.removed == [(1, 1)] and heard.inserted == [(2, 2)] and heard.resets == 0
    assert heard.reported_changed(1)  # C's row, which now has milestones
    assert proxy.index(1, GoalTableModel.PROGRESS).data() == "1/2"
    assert model.row_of(d) == 2 and model.row_of(b) is None and model.row_of(a) == 0

    heard.clear()
    services.mentors.update(1, MentorFields(name="Amara Okafor-Bello"))
    model.set_mentor_names(mentor_names(services))
    assert all(heard.reported_changed(row) for row in range(3))
    assert heard.resets == 0
    assert proxy.index(0, GoalTableModel.MENTORS).data() == "Amara Okafor-Bello"


def test_proxy_filters_by_words_status_kind_and_mentor(qapp: object, services: Services) -> None:
    add_mentors(services, MENTORS)
    store(services, "Give a talk", kind=GoalKind.DEVELOP_SKILL, milestones=milestone_fields(0, 1))
    store(services, "Négocier un salaire", status=GoalStatus.ACHIEVED, mentors=frozenset({2}))
    store(services, "Move to product", kind=GoalKind.NEW_PATH, mentors=frozenset())
    proxy = GoalFilterProxy()
    QAbstractItemModelTester(proxy, FATAL)
    model = GoalTableModel(today=lambda: TODAY)
    model.set_mentor_names(mentor_names(services))
    attach(model, proxy, services.goals.listing)

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


def test_proxy_sorts_progress_numerically(qapp: object, services: Services) -> None:
    add_mentors(services, MENTORS)
    store(services, "Two of three", milestones=milestone_fields(2, 3))
    store(services, "No milestones")
    store(services, "Nine of ten", milestones=milestone_fields(9, 10))
    store(services, "One of ten", milestones=milestone_fields(1, 10))
    store(services, "None of two", milestones=milestone_fields(0, 2))
    _model, proxy = goal_list(services)
    proxy.sort(GoalTableModel.PROGRESS, Qt.SortOrder.AscendingOrder)
    # As text "1/10" < "2/3" < "9/10" would be wrong; shares are 0.1 < 0.67 < 0.9.
    expected = ["No milestones", "None of two", "One of ten", "Two of three", "Nine of ten"]
    assert titles(proxy) == expected
    proxy.sort(GoalTableModel.PROGRESS, Qt.SortOrder.DescendingOrder)
    assert titles(proxy) == expected[::-1]
    proxy.sort(GoalTableModel.TARGET, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).parent() == QModelIndex()


def test_reads_only_the_rows_it_shows(qapp: object, services: Services) -> None:
    add_mentors(services, MENTORS)
    with services.in_one_transaction() as shared:
        for i in range(MANY):
            shared.goals.create(GoalFields(title=f"Goal {i:03}"), mentor_ids=(1,))
    model, proxy = goal_list(services, tester=False)
    assert_reads_only_the_rows_asked_for(model, proxy)
    assert proxy.index(200, 0).data() == "Goal 200"


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
    links.set_choices([(2, "Amara", ""), (3, "Émile", ""), (1, "Zoë", "")])  # by name
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
    qapp: object, services: Services
) -> None:
    """An achieved goal without a mentor is not a warning, and the milestones of a dropped
    goal are not overdue (they will never be done)."""

    late = [MilestoneFields("Submit the talk", date(2020, 1, 1), None)]
    for title, status in (
        ("Done", GoalStatus.ACHIEVED),
        ("Gave up", GoalStatus.DROPPED),
        ("Going", GoalStatus.ACTIVE),
    ):
        store(services, title, status=status, milestones=late, mentors=frozenset())
    _model, proxy = goal_list(services, today=date(2026, 6, 1))
    assert titles(proxy) == ["Done", "Gave up", "Going"]
    mentors = [proxy.index(row, GoalTableModel.MENTORS) for row in range(3)]
    assert [index.data(NoMentorRole) for index in mentors] == [False, False, True]
    assert [index.data() for index in mentors] == ["—", "—", "None yet"]
    assert mentors[0].data(Qt.ItemDataRole.ForegroundRole) is None
    achieved, dropped, active = records(proxy)
    milestone_model = MilestoneTableModel(today=lambda: date(2026, 6, 1))
    for shown_goal, flagged in ((dropped, False), (achieved, False), (active, True)):
        milestone_model.set_goal(shown_goal)
        due = milestone_model.index(0, MilestoneTableModel.DUE)
        assert (due.data(Qt.ItemDataRole.ForegroundRole) is not None) is flagged, shown_goal.title
