"""The skill and assessment table models and the skill filter proxy, without any window."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from mentordesk.domain.enums import AssessmentSource
from mentordesk.domain.skill import AssessmentFields, AssessmentRecord, SkillFields, SkillRecord
from mentordesk.ui.common.roles import ObjectRole, SortRole, TrendRole
from mentordesk.ui.skills.assessment_model import AssessmentTableModel
from mentordesk.ui.skills.model import SkillTableModel, level_text
from mentordesk.ui.skills.proxy import SkillFilterProxy

NOW = datetime(2026, 1, 1, tzinfo=UTC)
TODAY = date(2026, 3, 15)
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def assessment(
    assessment_id: int,
    day: date,
    level: int,
    source: AssessmentSource = AssessmentSource.SELF,
    mentor_id: int | None = None,
    evidence: str = "",
    skill_id: int = 1,
) -> AssessmentRecord:
    return AssessmentRecord(
        id=assessment_id,
        skill_id=skill_id,
        fields=AssessmentFields(day, level, source, mentor_id, evidence),
    )


def skill(
    skill_id: int,
    name: str,
    levels: tuple[tuple[date, int], ...] = (),
    **fields: object,
) -> SkillRecord:
    return SkillRecord(
        id=skill_id,
        fields=SkillFields(name=name, **fields),  # type: ignore[arg-type]
        assessments=tuple(
            assessment(skill_id * 100 + i, day, level, skill_id=skill_id)
            for i, (day, level) in enumerate(levels)
        ),
        goal_ids=frozenset(),
        created_at=NOW,
        updated_at=NOW,
    )


def names(model: SkillTableModel | SkillFilterProxy) -> list[str]:
    return [model.index(row, 0).data(ObjectRole).name for row in range(model.rowCount())]


def sample() -> list[SkillRecord]:
    return [
        skill(
            1,
            "Public speaking",
            ((date(2022, 1, 10), 1), (date(2024, 6, 1), 2), (date(2025, 9, 1), 4)),
            category="Communication",
            target_level=5,
        ),
        skill(2, "Python", ((date(2018, 5, 1), 3), (date(2020, 1, 1), 4)), category="Engineering"),
        skill(
            3, "Négociation", ((date(2025, 6, 1), 2), (date(2026, 1, 5), 1)), category="Influence"
        ),
        skill(4, "Spanish"),
    ]


def test_columns_current_level_and_change_against_a_fixed_today(qapp: object) -> None:
    model = SkillTableModel(today=lambda: TODAY)
    QAbstractItemModelTester(model, FATAL)
    model.set_records(sample())
    assert model.rowCount() == 4 and model.columnCount() == 6
    assert model.headerData(SkillTableModel.CURRENT, Qt.Orientation.Horizontal) == "Current level"

    def cell(row: int, column: int) -> str:
        return model.index(row, column).data()

    assert cell(0, SkillTableModel.CURRENT) == "4 · Proficient"
    assert cell(0, SkillTableModel.TARGET) == "5 · Expert"
    assert cell(0, SkillTableModel.CHANGE) == "+2"  # 2 on 15 March 2025, 4 now
    assert cell(1, SkillTableModel.CHANGE) == "0"  # unchanged for years
    assert cell(2, SkillTableModel.CHANGE) == "−1"  # first assessed within the year: 2 → 1
    assert cell(3, SkillTableModel.CURRENT) == "—" and cell(3, SkillTableModel.CHANGE) == "—"
    assert cell(3, SkillTableModel.TARGET) == ""
    assert (
        model.index(0, SkillTableModel.CURRENT)
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("Sees the whole situation")
    )
    assert model.index(0, SkillTableModel.CHANGE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 0).data(ObjectRole).id == 1
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.categories() == ["Communication", "Engineering", "Influence"]

    # A later "today": the change over the year is computed anew, even for unchanged rows.
    later = SkillTableModel(today=lambda: date(2027, 1, 1))
    later.set_records(sample())
    assert later.index(0, SkillTableModel.CHANGE).data() == "0"


def test_trend_is_the_step_line_of_the_last_three_years(qapp: object) -> None:
    model = SkillTableModel(today=lambda: TODAY)
    model.set_records(sample())
    trend = model.index(0, SkillTableModel.TREND).data(TrendRole)
    # 15 March 2023 → today: level 1 at the start, steps to 2 and 4, then flat to the end.
    assert trend[0] == (0.0, 1)
    assert [level for _x, level in trend] == [1, 1, 2, 2, 4, 4]
    assert trend[-1] == (1.0, 4)
    assert all(0.0 <= x <= 1.0 for x, _level in trend)
    assert [x for x, _ in trend] == sorted(x for x, _ in trend)
    assert model.index(3, SkillTableModel.TREND).data(TrendRole) == ()
    assert model.index(0, SkillTableModel.NAME).data(TrendRole) is None


def test_refresh_keeps_unchanged_rows_and_reports_changes(qapp: object) -> None:
    model = SkillTableModel(today=lambda: TODAY)
    QAbstractItemModelTester(model, FATAL)
    model.set_records(sample())
    changed: list[int] = []
    removed: list[int] = []
    inserted: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.rowsRemoved.connect(lambda _parent, first, _last: removed.append(first))
    model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))

    records = sample()
    records[2] = skill(3, "Négociation", ((date(2025, 6, 1), 2), (date(2026, 2, 1), 3)))
    del records[1]
    records.append(skill(5, "Rust"))
    model.set_records(records)

    assert names(model) == ["Public speaking", "Négociation", "Spanish", "Rust"]
    assert removed == [1] and changed == [1] and inserted == [3]
    assert model.index(1, SkillTableModel.CHANGE).data() == "+1"
    assert model.row_of(5) == 3 and model.row_of(2) is None


def test_proxy_sorts_by_level_change_and_name(qapp: object) -> None:
    model = SkillTableModel(today=lambda: TODAY)
    model.set_records(sample())
    proxy = SkillFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)
    proxy.sort(SkillTableModel.NAME, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Négociation", "Public speaking", "Python", "Spanish"]
    proxy.sort(SkillTableModel.CURRENT, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["Python", "Public speaking", "Négociation", "Spanish"]
    proxy.sort(SkillTableModel.CHANGE, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["Public speaking", "Python", "Négociation", "Spanish"]
    proxy.sort(SkillTableModel.CATEGORY, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Public speaking", "Python", "Négociation", "Spanish"]
    assert isinstance(proxy.index(0, SkillTableModel.TARGET).data(SortRole), str)
    assert proxy.index(0, 0).parent() == QModelIndex()


def test_proxy_filters_by_words_and_category(qapp: object) -> None:
    model = SkillTableModel(today=lambda: TODAY)
    model.set_records(sample())
    proxy = SkillFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)
    proxy.sort(SkillTableModel.NAME, Qt.SortOrder.AscendingOrder)

    proxy.set_text("negoc")
    assert names(proxy) == ["Négociation"]
    proxy.set_text("ENGINEERING")
    assert names(proxy) == ["Python"]
    proxy.set_text("py comm")
    assert names(proxy) == []
    proxy.set_text("")
    proxy.set_category("Communication")
    assert names(proxy) == ["Public speaking"] and proxy.is_filtering
    proxy.set_category("")
    assert names(proxy) == ["Spanish"]
    proxy.set_category(None)
    assert proxy.rowCount() == 4 and not proxy.is_filtering


def test_assessment_model_shows_and_asks_to_store_edits(qapp: object) -> None:
    model = AssessmentTableModel()
    QAbstractItemModelTester(model, FATAL)
    rows = [
        assessment(1, date(2024, 2, 1), 2, evidence="Ran the\nretro"),
        assessment(2, date(2025, 3, 1), 3, AssessmentSource.MENTOR_FEEDBACK, mentor_id=7),
        assessment(3, date(2025, 4, 1), 3, AssessmentSource.MENTOR_FEEDBACK, mentor_id=8),
    ]
    model.set_mentors({7: "Amara Okafor"})
    model.set_records(1, rows)
    assert model.rowCount() == 3 and model.columnCount() == 5
    assert model.index(0, AssessmentTableModel.LEVEL).data() == level_text(2)
    assert model.index(0, AssessmentTableModel.EVIDENCE).data() == "Ran the retro"
    assert model.index(1, AssessmentTableModel.SOURCE).data() == "Mentor feedback"
    assert model.index(1, AssessmentTableModel.MENTOR).data() == "Amara Okafor"
    assert model.index(2, AssessmentTableModel.MENTOR).data() == "(deleted mentor)"
    assert model.index(0, AssessmentTableModel.DATE).data(Qt.ItemDataRole.EditRole) == QDate(
        2024, 2, 1
    )
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable

    asked: list[tuple[AssessmentRecord, AssessmentFields]] = []
    model.edit_requested.connect(lambda record, fields: asked.append((record, fields)))
    assert model.setData(model.index(0, AssessmentTableModel.LEVEL), 4)
    assert asked[-1][0].id == 1 and asked[-1][1].level == 4
    assert model.index(0, AssessmentTableModel.LEVEL).data() == level_text(2)  # not yet stored
    model.setData(model.index(0, AssessmentTableModel.DATE), QDate(2024, 2, 3))
    assert asked[-1][1].assessed_on == date(2024, 2, 3)
    model.setData(model.index(1, AssessmentTableModel.MENTOR), None)
    assert asked[-1][1].mentor_id is None
    model.setData(model.index(1, AssessmentTableModel.SOURCE), "peer_feedback")
    assert asked[-1][1].source is AssessmentSource.PEER_FEEDBACK
    assert not model.setData(model.index(1, AssessmentTableModel.LEVEL), 3)  # unchanged
    assert len(asked) == 4

    # The same skill refreshed: only the changed row reports; another skill resets.
    changed: list[int] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.modelReset.connect(lambda: resets.append(True))
    model.set_records(
        1, [rows[0], AssessmentRecord(2, 1, rows[1].fields.replace(level=4)), rows[2]]
    )
    assert changed == [1] and resets == []
    model.set_records(2, [])
    assert resets == [True] and model.rowCount() == 0


def test_assessment_proxy_sorts_newest_first(qapp: object) -> None:
    model = AssessmentTableModel()
    model.set_records(
        1,
        [
            assessment(1, date(2024, 2, 1), 2),
            assessment(2, date(2025, 3, 1), 5),
            assessment(3, date(2023, 1, 1), 1),
        ],
    )
    proxy = QSortFilterProxyModel()
    proxy.setSortRole(SortRole)
    proxy.setSourceModel(model)
    proxy.sort(AssessmentTableModel.DATE, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(ObjectRole).id for r in range(3)] == [2, 1, 3]
    proxy.sort(AssessmentTableModel.LEVEL, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data(ObjectRole).id for r in range(3)] == [3, 1, 2]
