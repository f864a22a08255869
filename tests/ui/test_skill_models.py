"""The skill and assessment table models and the skill filter proxy, without any window (the
skill list over a real database)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from mentordesk.domain.enums import AssessmentSource
from mentordesk.domain.skill import AssessmentFields, AssessmentRecord, SkillFields
from mentordesk.services.context import Services
from mentordesk.ui.common.roles import ObjectRole, SortRole, TrendRole
from mentordesk.ui.skills.assessment_model import AssessmentTableModel
from mentordesk.ui.skills.model import SkillTableModel, level_text
from mentordesk.ui.skills.proxy import SkillFilterProxy
from tests.ui.listing_helpers import (
    FATAL,
    MANY,
    Signals,
    assert_reads_only_the_rows_asked_for,
    attach,
    shown,
)

TODAY = date(2026, 3, 15)
Levels = tuple[tuple[date, int], ...]


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


def skill(name: str, levels: Levels = (), **fields: object) -> tuple[SkillFields, list]:
    """A skill and its assessments, as SkillService.create_many takes them."""
    return (
        SkillFields(name=name, **fields),  # type: ignore[arg-type]
        [AssessmentFields(day, level) for day, level in levels],
    )


def store_sample(services: Services) -> None:
    """Four skills, ids 1 to 4."""
    ids = services.skills.create_many(
        [
            skill(
                "Public speaking",
                ((date(2022, 1, 10), 1), (date(2024, 6, 1), 2), (date(2025, 9, 1), 4)),
                category="Communication",
                target_level=5,
            ),
            skill("Python", ((date(2018, 5, 1), 3), (date(2020, 1, 1), 4)), category="Engineering"),
            skill(
                "Négociation", ((date(2025, 6, 1), 2), (date(2026, 1, 5), 1)), category="Influence"
            ),
            skill("Spanish"),
        ]
    )
    assert ids == [1, 2, 3, 4]


def skill_list(
    services: Services, *, today: date = TODAY, tester: bool = True
) -> tuple[SkillTableModel, SkillFilterProxy]:
    model = SkillTableModel(today=lambda: today)
    if tester:
        QAbstractItemModelTester(model, FATAL)
    return attach(model, SkillFilterProxy(), services.skills.listing)


def names(view: SkillTableModel | SkillFilterProxy) -> list[str]:
    return shown(view, lambda record: record.name)


def row_named(view: SkillFilterProxy, name: str) -> int:
    return names(view).index(name)


def test_columns_current_level_and_change_against_a_fixed_today(
    qapp: object, services: Services
) -> None:
    store_sample(services)
    model, proxy = skill_list(services)
    assert names(proxy) == ["Négociation", "Public speaking", "Python", "Spanish"]
    assert proxy.rowCount() == 4 and proxy.columnCount() == 6
    assert proxy.headerData(SkillTableModel.CURRENT, Qt.Orientation.Horizontal) == "Current level"

    def cell(name: str, column: int) -> str:
        return proxy.index(row_named(proxy, name), column).data()

    speaking = row_named(proxy, "Public speaking")
    assert cell("Public speaking", SkillTableModel.CURRENT) == "4 · Proficient"
    assert cell("Public speaking", SkillTableModel.TARGET) == "5 · Expert"
    assert cell("Public speaking", SkillTableModel.CHANGE) == "+2"  # 2 on 15 March 2025, 4 now
    assert cell("Python", SkillTableModel.CHANGE) == "0"  # unchanged for years
    assert cell("Négociation", SkillTableModel.CHANGE) == "−1"  # first assessed this year: 2 → 1
    assert cell("Spanish", SkillTableModel.CURRENT) == "—"
    assert cell("Spanish", SkillTableModel.CHANGE) == "—"
    assert cell("Spanish", SkillTableModel.TARGET) == ""
    assert (
        proxy.index(speaking, SkillTableModel.CURRENT)
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("Sees the whole situation")
    )
    assert proxy.index(speaking, SkillTableModel.CHANGE).data(Qt.ItemDataRole.ForegroundRole)
    assert proxy.index(speaking, 0).data(ObjectRole).id == 1
    assert model.rowCount(model.index(0, 0)) == 0
    # The category choices are the service's now (the model holds only the rows it read).
    assert services.skills.categories() == ["Communication", "Engineering", "Influence"]

    # A later "today": the change over the year is computed anew, even for unchanged rows.
    _later, later_proxy = skill_list(services, today=date(2027, 1, 1))
    speaking = row_named(later_proxy, "Public speaking")
    assert later_proxy.index(speaking, SkillTableModel.CHANGE).data() == "0"


def test_trend_is_the_step_line_of_the_last_three_years(qapp: object, services: Services) -> None:
    store_sample(services)
    _model, proxy = skill_list(services)
    speaking = row_named(proxy, "Public speaking")
    trend = proxy.index(speaking, SkillTableModel.TREND).data(TrendRole)
    # 15 March 2023 → today: level 1 at the start, steps to 2 and 4, then flat to the end.
    assert trend[0] == (0.0, 1)
    assert [level for _x, level in trend] == [1, 1, 2, 2, 4, 4]
    assert trend[-1] == (1.0, 4)
    assert all(0.0 <= x <= 1.0 for x, _level in trend)
    assert [x for x, _ in trend] == sorted(x for x, _ in trend)
    assert proxy.index(row_named(proxy, "Spanish"), SkillTableModel.TREND).data(TrendRole) == ()
    assert proxy.index(speaking, SkillTableModel.NAME).data(TrendRole) is None


def test_refresh_keeps_unchanged_rows_and_reports_changes(qapp: object, services: Services) -> None:
    store_sample(services)
    model, proxy = skill_list(services)
    assert names(proxy) == ["Négociation", "Public speaking", "Python", "Spanish"]
    assert proxy.index(0, SkillTableModel.CHANGE).data() == "−1"
    heard = Signals.of(model)

    # Négociation loses its category and its January assessment, and is assessed again.
    services.skills.update(3, SkillFields(name="Négociation"))
    january = [a for a in services.skills.get(3).assessments if a.fields.level == 1]
    services.skills.remove_assessment(january[0].id)
    services.skills.add_assessment(3, AssessmentFields(date(2026, 2, 1), 3))
    services.skills.delete(2)  # Python
    services.skills.create(SkillFields(name="Rust"))
    model.refresh()

    assert names(proxy) == ["Négociation", "Public speaking", "Rust", "Spanish"]
    assert heard.removed == [(2, 2)] and heard.inserted == [(2, 2)] and heard.resets == 0
    assert heard.reported_changed(0)
    assert proxy.index(0, SkillTableModel.CHANGE).data() == "+1"
    assert proxy.index(0, SkillTableModel.CATEGORY).data() == ""
    rust = proxy.index(2, 0).data(ObjectRole).id
    assert model.row_of(rust) == 2 and model.row_of(2) is None


def test_proxy_sorts_by_level_change_and_name(qapp: object, services: Services) -> None:
    store_sample(services)
    proxy = SkillFilterProxy()
    QAbstractItemModelTester(proxy, FATAL)
    attach(SkillTableModel(today=lambda: TODAY), proxy, services.skills.listing)
    proxy.sort(SkillTableModel.NAME, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Négociation", "Public speaking", "Python", "Spanish"]
    proxy.sort(SkillTableModel.CURRENT, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["Python", "Public speaking", "Négociation", "Spanish"]
    proxy.sort(SkillTableModel.CHANGE, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["Public speaking", "Python", "Négociation", "Spanish"]
    proxy.sort(SkillTableModel.CATEGORY, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Public speaking", "Python", "Négociation", "Spanish"]
    # No target (as level 0) below any; ties by name.
    proxy.sort(SkillTableModel.TARGET, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Négociation", "Python", "Spanish", "Public speaking"]
    assert proxy.index(0, 0).parent() == QModelIndex()


def test_proxy_filters_by_words_and_category(qapp: object, services: Services) -> None:
    store_sample(services)
    proxy = SkillFilterProxy()
    QAbstractItemModelTester(proxy, FATAL)
    attach(SkillTableModel(today=lambda: TODAY), proxy, services.skills.listing)
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


def test_reads_only_the_rows_it_shows(qapp: object, services: Services) -> None:
    services.skills.create_many(
        [skill(f"Skill {i:03}", ((date(2025, 1, 1), 1 + i % 5),)) for i in range(MANY)]
    )
    model, proxy = skill_list(services, tester=False)
    assert_reads_only_the_rows_asked_for(model, proxy)
    assert proxy.index(200, 0).data() == "Skill 200"


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
